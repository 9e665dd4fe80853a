import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseCidrList, type Cidr } from '../shared/cidr.ts';
import { readEhloName } from './ehlo.ts';
import type { EnvReader } from './read.ts';

const DEFAULT_MAIL_PORTS = [25, 143, 465, 587, 993, 2525];

/** Outbound connections (DECISIONS "Outbound connections"): where Latchkey may dial, how, how long. */
export interface NetworkConfig {
  /** Extra trusted CA certificates (PEM text) for every outbound TLS connection. */
  extraCaPem: string | undefined;
  extraCaFile: string | undefined;
  /** Operator exceptions to the outbound-connection policy. */
  allowedDestinations: Cidr[];
  /** Ports Latchkey may connect to for mail (DECISIONS "Outbound connections"). */
  allowedPorts: Set<number>;
  /** `host:port` resolvers used instead of the system's; empty = system resolver. */
  dnsServers: string[];
  /** Name sent in SMTP EHLO; never an address literal. */
  ehloName: string;
  ehloNameWarning: string | undefined;
  /** `GET /a/{client_id}/ip_addresses`: the addresses Latchkey connects from (LATCHKEY_EGRESS_IPS). */
  egressIps: string[];
  /** Timeouts in ms: connect per address, greeting, one command, the whole authorize. */
  timeouts: { connectMs: number; greetingMs: number; commandMs: number; authorizeMs: number };
}

/**
 * `LATCHKEY_TLS_CA_FILE` (read here), `LATCHKEY_ALLOWED_DESTINATIONS` (CIDR list),
 * `LATCHKEY_ALLOWED_PORTS` (beside 25, 143, 465, 587, 993, 2525), `LATCHKEY_DNS_SERVERS` (`ip:port`),
 * `LATCHKEY_EHLO_NAME` (config/ehlo.ts), `LATCHKEY_EGRESS_IPS`, and the `LATCHKEY_*_TIMEOUT_MS` of
 * connect (10 s), greeting (30 s), one command (30 s) and a whole authorize (60 s).
 */
export function readNetwork(read: EnvReader): NetworkConfig {
  const { env, problems } = read;
  let extraCaPem: string | undefined;
  const extraCaFile = read.text('LATCHKEY_TLS_CA_FILE');
  if (extraCaFile) {
    try {
      extraCaPem = readFileSync(extraCaFile, 'utf8');
      if (!extraCaPem.includes('-----BEGIN CERTIFICATE-----')) {
        problems.push(`LATCHKEY_TLS_CA_FILE=${extraCaFile}: the file holds no PEM certificate`);
      }
    } catch (err) {
      problems.push(`LATCHKEY_TLS_CA_FILE=${extraCaFile}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }

  let allowedDestinations: Cidr[] = [];
  try {
    allowedDestinations = parseCidrList(env.LATCHKEY_ALLOWED_DESTINATIONS ?? '');
  } catch (err) {
    problems.push(`LATCHKEY_ALLOWED_DESTINATIONS: ${(err as Error).message}`);
  }

  const allowedPorts = new Set(DEFAULT_MAIL_PORTS);
  for (const raw of read.list('LATCHKEY_ALLOWED_PORTS')) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 65535) problems.push(`LATCHKEY_ALLOWED_PORTS: ${JSON.stringify(raw)} is not a port`);
    else allowedPorts.add(n);
  }

  const dnsServers = read.list('LATCHKEY_DNS_SERVERS');
  for (const s of dnsServers) {
    const m = /^(\[[0-9a-f:]+\]|[0-9.]+)(?::(\d+))?$/i.exec(s);
    if (!m) problems.push(`LATCHKEY_DNS_SERVERS: ${JSON.stringify(s)} is not host:port with an IP address`);
  }

  const { ehloName, warning: ehloNameWarning } = readEhloName(read);
  const egressIps = read.list('LATCHKEY_EGRESS_IPS');
  for (const a of egressIps) if (!isIP(a)) problems.push(`LATCHKEY_EGRESS_IPS: ${JSON.stringify(a)} is not an IP address`);
  return {
    extraCaPem,
    extraCaFile,
    allowedDestinations,
    allowedPorts,
    dnsServers,
    ehloName,
    ehloNameWarning,
    egressIps,
    timeouts: {
      connectMs: read.int('LATCHKEY_CONNECT_TIMEOUT_MS', 10_000, 100, 600_000),
      greetingMs: read.int('LATCHKEY_GREETING_TIMEOUT_MS', 30_000, 100, 600_000),
      commandMs: read.int('LATCHKEY_COMMAND_TIMEOUT_MS', 30_000, 100, 600_000),
      authorizeMs: read.int('LATCHKEY_AUTHORIZE_TIMEOUT_MS', 60_000, 1_000, 600_000),
    },
  };
}
