import { isIP } from 'node:net';
import { loadCatalogues } from '../hosted/i18n.ts';
import { checkedPath, type EnvReader } from './read.ts';

/** The HTTP server: where it listens, who fronts it, what it logs and accepts. */
export interface ServerConfig {
  port: number;
  host: string;
  production: boolean;
  /**
   * `LATCHKEY_PUBLIC_URL`: the https origin people reach Latchkey at (e.g.
   * `https://auth.example.com`), for links Latchkey hands out (the reconnect URL in
   * `account.invalid` webhooks). Default: `http://LATCHKEY_HOST:LATCHKEY_PORT`.
   */
  publicUrl: string | undefined;
  /**
   * `LATCHKEY_TRUST_PROXY`: addresses/CIDRs (or `loopback`, `linklocal`, `uniquelocal`) of the
   * TLS-terminating proxy in front of Latchkey, whose `X-Forwarded-For` is believed. Empty: none.
   * With `NODE_ENV=production`, listening on a non-loopback host requires it (plain HTTP otherwise).
   */
  trustProxy: string[];
  /** Largest accepted request body, bytes. */
  bodyLimitBytes: number;
  logLevel: string;
  /**
   * `LATCHKEY_HOSTED_LOCALES_DIR`: a directory of `TAG.json` message catalogues for the hosted
   * login page (hosted/i18n.ts), beside the built-in English and German. Undefined: built-in only.
   */
  hostedLocalesDir: string | undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * `LATCHKEY_HOST` (127.0.0.1), `LATCHKEY_PORT` (8787), `LATCHKEY_PUBLIC_URL`, `LATCHKEY_TRUST_PROXY`,
 * `LATCHKEY_BODY_LIMIT_BYTES` (64 KiB), `LATCHKEY_LOG_LEVEL` (info), `LATCHKEY_HOSTED_LOCALES_DIR`.
 * With `NODE_ENV=production` a non-loopback host without a trusted proxy is refused.
 */
export function readServer(read: EnvReader): ServerConfig {
  const { env, problems, production } = read;
  const host = env.LATCHKEY_HOST || '127.0.0.1';
  if (!isIP(host) && !/^[a-z0-9.-]+$/i.test(host)) problems.push(`LATCHKEY_HOST=${JSON.stringify(host)}: expected an address or host name`);

  const hostedLocalesDir = checkedPath(read, 'LATCHKEY_HOSTED_LOCALES_DIR', 'no such directory', loadCatalogues);
  const publicUrl = env.LATCHKEY_PUBLIC_URL ? env.LATCHKEY_PUBLIC_URL.replace(/\/+$/, '') : undefined;
  if (publicUrl !== undefined && !(/^https?:\/\/[^/?#]+$/.test(publicUrl) && URL.canParse(publicUrl))) {
    problems.push(
      `LATCHKEY_PUBLIC_URL=${JSON.stringify(env.LATCHKEY_PUBLIC_URL)}: ` +
        'expected an origin such as https://auth.example.com (optionally with a port, no path)',
    );
  }

  const trustProxy = read.list('LATCHKEY_TRUST_PROXY');
  for (const p of trustProxy) {
    if (!['loopback', 'linklocal', 'uniquelocal'].includes(p) && !isCidrOrAddress(p)) {
      problems.push(`LATCHKEY_TRUST_PROXY: ${JSON.stringify(p)} is not an address, a CIDR, or loopback/linklocal/uniquelocal`);
    }
  }
  if (production && !isLoopbackHost(host) && trustProxy.length === 0) {
    problems.push(
      `LATCHKEY_HOST=${host} with NODE_ENV=production would serve passwords and tokens over plain HTTP: ` +
        'put a TLS-terminating proxy in front and declare it with LATCHKEY_TRUST_PROXY (its address or CIDR), or listen on 127.0.0.1',
    );
  }
  const logLevel = env.LATCHKEY_LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LATCHKEY_LOG_LEVEL=${JSON.stringify(logLevel)}: expected fatal, error, warn, info, debug, trace or silent`);
  }
  return {
    port: read.int('LATCHKEY_PORT', 8787, 0, 65535),
    host,
    production,
    publicUrl,
    trustProxy,
    bodyLimitBytes: read.int('LATCHKEY_BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    logLevel,
    hostedLocalesDir,
  };
}

/** 127.0.0.0/8, ::1 and `localhost`: a listener only this machine can reach. */
function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

function isCidrOrAddress(value: string): boolean {
  const [addr, bits, extra] = value.split('/');
  if (extra !== undefined || !addr || !isIP(addr)) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (isIP(addr) === 4 ? 32 : 128);
}
