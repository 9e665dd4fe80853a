import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCidrList, type Cidr } from '../net/cidr.ts';
import { KeyRing } from '../crypto/keyring.ts';
import { loadProviders } from '../providers/registry.ts';
import { loadCatalogues } from '../hosted/i18n.ts';
import type { BruteForceLimits } from '../limits/brute-force.ts';
import type { AdmissionLimits } from '../limits/admission.ts';
import { redactDatabaseUrl } from '../shared/redact-url.ts';

/**
 * Latchkey's configuration, read once from the environment and validated at start.
 * Names and defaults: shared/spec/DECISIONS.md "Running it" and "Verifying credentials".
 */
export interface Config {
  /** `sqlite:PATH`, `sqlite::memory:` or `postgres://…`. Default `sqlite:./data/latchkey.db`. */
  databaseUrl: string;
  /** Most PostgreSQL connections per node (LATCHKEY_DATABASE_POOL_SIZE, 1–1000, default 10). */
  databasePoolSize: number;
  /**
   * `LATCHKEY_REDIS_URL` (`redis://[user:pass@]host:port[/db]` or `rediss://…`): brute-force
   * counters and the detection cache are kept there, shared by every node. Undefined: in memory.
   */
  redisUrl: string | undefined;
  /**
   * `LATCHKEY_METRICS_TOKEN`: when set, `GET /metrics` requires `Authorization: Bearer TOKEN`.
   * Unset: /metrics answers anyone who reaches the port (restrict it at the proxy); the server
   * warns at start when that is so in production.
   */
  metricsToken: string | undefined;
  /** Raw `LATCHKEY_ENCRYPTION_KEYS` (`v2:BASE64,v1:BASE64`), undefined in development. */
  encryptionKeys: string | undefined;
  /** Where development artefacts (generated key, default SQLite file) live. Default `./data`. */
  dataDir: string;
  port: number;
  host: string;
  production: boolean;
  /** Extra trusted CA certificates (PEM text) for every outbound TLS connection. */
  extraCaPem: string | undefined;
  extraCaFile: string | undefined;
  /** Operator exceptions to the outbound-connection policy. */
  allowedDestinations: Cidr[];
  /** Ports Latchkey may connect to for mail (DECISIONS "Outbound connections"). */
  allowedPorts: Set<number>;
  /** Ports for HTTP (autoconfig, ISPDB): 443, and 80 when plain-http autoconfig is enabled. */
  allowedHttpPorts: Set<number>;
  /** `host:port` resolvers used instead of the system's; empty = system resolver. */
  dnsServers: string[];
  /** Name sent in SMTP EHLO; never an address literal. */
  ehloName: string;
  ehloNameWarning: string | undefined;
  providersFile: string | undefined;
  /**
   * `LATCHKEY_HOSTED_LOCALES_DIR`: a directory of `TAG.json` message catalogues for the hosted
   * login page (hosted/i18n.ts), beside the built-in English and German. Undefined: built-in only.
   */
  hostedLocalesDir: string | undefined;
  /**
   * `LATCHKEY_PUBLIC_URL`: the https origin people reach Latchkey at (e.g.
   * `https://auth.example.com`), for links Latchkey hands out (the reconnect URL in
   * `account.invalid` webhooks). Default: `http://LATCHKEY_HOST:LATCHKEY_PORT`.
   */
  publicUrl: string | undefined;
  /** `GET /a/{client_id}/ip_addresses`: the addresses Latchkey connects from (LATCHKEY_EGRESS_IPS). */
  egressIps: string[];
  /** How long a rotated-out client secret keeps working, seconds (LATCHKEY_SECRET_ROTATION_GRACE_S, 1 day). */
  secretRotationGraceSeconds: number;
  /** Detection (DECISIONS "Detection"): ISPDB base URL, plain-http autoconfig, deadline (ms), cache TTL (ms). */
  detect: { ispdbUrl: string; allowHttpAutoconfig: boolean; deadlineMs: number; requestTimeoutMs: number; cacheTtlMs: number };
  /** Timeouts in ms: connect per address, greeting, one command, the whole authorize. */
  timeouts: { connectMs: number; greetingMs: number; commandMs: number; authorizeMs: number };
  /** Code lifetime in seconds (15 minutes). */
  codeTtlSeconds: number;
  /**
   * Credential health check (health/checker.ts): ms between checks of one account (0 = off),
   * jitter fraction, concurrent checks, longest backoff (ms).
   */
  health: { intervalMs: number; jitter: number; concurrency: number; maxBackoffMs: number };
  /** Webhook outbox (webhooks/dispatcher.ts): poll period (0 = off), retry policy, one attempt's timeout; ms. */
  webhooks: { pollMs: number; baseMs: number; maxMs: number; maxAttempts: number; timeoutMs: number };
  /** Largest accepted request body, bytes. */
  bodyLimitBytes: number;
  /**
   * Brute-force limits (DECISIONS "Running it"): `LATCHKEY_LIMIT_PAIR_FAILURES` (5),
   * `LATCHKEY_LIMIT_IP_FAILURES` (30), `LATCHKEY_LIMIT_WINDOW_S` (900), `LATCHKEY_LIMIT_LOCK_S`
   * (900, doubling per repeat), `LATCHKEY_LIMIT_LOCK_MAX_S` (86400), `LATCHKEY_LIMIT_CLIENT_PER_MINUTE` (600).
   */
  limits: BruteForceLimits;
  /**
   * Admission control for provider verifications (limits/admission.ts), per node:
   * `LATCHKEY_VERIFY_MAX_IN_FLIGHT` (128) run at once, `LATCHKEY_VERIFY_QUEUE` (1024) wait at
   * most `LATCHKEY_VERIFY_QUEUE_WAIT_MS` (15 000) for a turn; beyond either, 503
   * `verification_busy` with Retry-After. Measured in bench/run.ts (the `slow` group).
   */
  admission: AdmissionLimits;
  /**
   * Credentials released per application per minute, all of its accounts together
   * (`LATCHKEY_LIMIT_CREDENTIALS_PER_MINUTE`, default 6000: a sync engine asks before every
   * connection); beyond it 429 `rate_limited`. Shared by the nodes through Redis when configured.
   */
  credentialsPerMinute: number;
  /**
   * `LATCHKEY_TRUST_PROXY`: addresses/CIDRs (or `loopback`, `linklocal`, `uniquelocal`) of the
   * TLS-terminating proxy in front of Latchkey, whose `X-Forwarded-For` is believed. Empty: none.
   * With `NODE_ENV=production`, listening on a non-loopback host requires it (plain HTTP otherwise).
   */
  trustProxy: string[];
  logLevel: string;
  /**
   * OAuth endpoints for providers gmail / office365 / graph (issue 4), each an https URL, set only
   * when the operator overrides the default (src/oauth/endpoints.ts has the real Google/Microsoft
   * ones): `LATCHKEY_GOOGLE_TOKEN_URL`, `LATCHKEY_GOOGLE_USERINFO_URL`, `LATCHKEY_MICROSOFT_TOKEN_URL`.
   */
  oauthEndpoints: { googleTokenUrl?: string; googleUserinfoUrl?: string; microsoftTokenUrl?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_MAIL_PORTS = [25, 143, 465, 587, 993, 2525];

/**
 * Reads and validates the configuration.
 * @throws ConfigError listing every bad value, each with the variable's name and what is expected.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };

  const production = env.NODE_ENV === 'production';
  const dataDir = env.LATCHKEY_DATA_DIR || './data';
  const databaseUrl = env.LATCHKEY_DATABASE_URL || `sqlite:${dataDir}/latchkey.db`;
  if (!/^sqlite:/.test(databaseUrl) && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`LATCHKEY_DATABASE_URL=${JSON.stringify(redactDatabaseUrl(databaseUrl))}: expected sqlite:PATH or postgres://…`);
  } else if (/^postgres/.test(databaseUrl)) {
    if (!URL.canParse(databaseUrl))
      problems.push('LATCHKEY_DATABASE_URL: not a valid postgres:// URL (percent-encode special characters in the password)');
  } else if (env.LATCHKEY_DATABASE_URL) {
    // The default ./data is created on first start; a path the operator gave must already have its directory.
    const path = databaseUrl.slice('sqlite:'.length);
    if (path !== ':memory:' && path !== '' && !existsSync(dirname(path))) {
      problems.push(`LATCHKEY_DATABASE_URL=${JSON.stringify(databaseUrl)}: the directory ${dirname(path)} does not exist`);
    }
  }

  const encryptionKeys = env.LATCHKEY_ENCRYPTION_KEYS || undefined;
  if (production && !encryptionKeys) {
    problems.push('LATCHKEY_ENCRYPTION_KEYS is required when NODE_ENV=production (e.g. v1:$(openssl rand -base64 32))');
  } else if (encryptionKeys) {
    try {
      KeyRing.parse(encryptionKeys);
    } catch (err) {
      problems.push(`LATCHKEY_ENCRYPTION_KEYS: ${(err as Error).message}`);
    }
  }

  const host = env.LATCHKEY_HOST || '127.0.0.1';
  if (!isIP(host) && !/^[a-z0-9.-]+$/i.test(host)) problems.push(`LATCHKEY_HOST=${JSON.stringify(host)}: expected an address or host name`);

  let extraCaPem: string | undefined;
  const extraCaFile = env.LATCHKEY_TLS_CA_FILE || undefined;
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
  for (const raw of (env.LATCHKEY_ALLOWED_PORTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 65535) problems.push(`LATCHKEY_ALLOWED_PORTS: ${JSON.stringify(raw)} is not a port`);
    else allowedPorts.add(n);
  }

  const dnsServers = (env.LATCHKEY_DNS_SERVERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of dnsServers) {
    const m = /^(\[[0-9a-f:]+\]|[0-9.]+)(?::(\d+))?$/i.exec(s);
    if (!m) problems.push(`LATCHKEY_DNS_SERVERS: ${JSON.stringify(s)} is not host:port with an IP address`);
  }

  const { ehloName, warning: ehloNameWarning } = pickEhloName(env.LATCHKEY_EHLO_NAME, env.HOSTNAME || safeHostname(), production, problems);

  const providersFile = env.LATCHKEY_PROVIDERS_FILE || undefined;
  const egressIps = (env.LATCHKEY_EGRESS_IPS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of egressIps) if (!isIP(a)) problems.push(`LATCHKEY_EGRESS_IPS: ${JSON.stringify(a)} is not an IP address`);
  if (providersFile) {
    try {
      loadProviders(providersFile);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      problems.push(`LATCHKEY_PROVIDERS_FILE=${providersFile}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    }
  }

  const hostedLocalesDir = env.LATCHKEY_HOSTED_LOCALES_DIR || undefined;
  if (hostedLocalesDir) {
    try {
      loadCatalogues(hostedLocalesDir);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      problems.push(`LATCHKEY_HOSTED_LOCALES_DIR=${hostedLocalesDir}: ${e.code === 'ENOENT' ? 'no such directory' : e.message}`);
    }
  }
  const publicUrl = env.LATCHKEY_PUBLIC_URL ? env.LATCHKEY_PUBLIC_URL.replace(/\/+$/, '') : undefined;
  if (publicUrl !== undefined && !(/^https?:\/\/[^/?#]+$/.test(publicUrl) && URL.canParse(publicUrl))) {
    problems.push(
      `LATCHKEY_PUBLIC_URL=${JSON.stringify(env.LATCHKEY_PUBLIC_URL)}: expected an origin such as https://auth.example.com (optionally with a port, no path)`,
    );
  }

  const trustProxy = (env.LATCHKEY_TRUST_PROXY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of trustProxy) {
    if (!['loopback', 'linklocal', 'uniquelocal'].includes(p) && !isCidrOrAddress(p)) {
      problems.push(`LATCHKEY_TRUST_PROXY: ${JSON.stringify(p)} is not an address, a CIDR, or loopback/linklocal/uniquelocal`);
    }
  }
  if (production && !isLoopbackHost(host) && trustProxy.length === 0) {
    problems.push(
      `LATCHKEY_HOST=${host} with NODE_ENV=production would serve passwords and tokens over plain HTTP: put a TLS-terminating proxy in front and declare it with LATCHKEY_TRUST_PROXY (its address or CIDR), or listen on 127.0.0.1`,
    );
  }

  const ispdbUrl = env.LATCHKEY_ISPDB_URL || 'https://autoconfig.thunderbird.net/v1.1';
  if (!/^https?:\/\/[^/]/.test(ispdbUrl)) problems.push(`LATCHKEY_ISPDB_URL=${JSON.stringify(ispdbUrl)}: expected an http(s) URL`);
  const allowHttp = env.LATCHKEY_AUTOCONFIG_ALLOW_HTTP ?? 'false';
  if (!['true', 'false'].includes(allowHttp))
    problems.push(`LATCHKEY_AUTOCONFIG_ALLOW_HTTP=${JSON.stringify(allowHttp)}: expected true or false`);

  const redisUrl = env.LATCHKEY_REDIS_URL || undefined;
  if (redisUrl && !(/^rediss?:\/\//.test(redisUrl) && URL.canParse(redisUrl)))
    problems.push('LATCHKEY_REDIS_URL: expected redis://host:port or rediss://host:port');
  const metricsToken = env.LATCHKEY_METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16)
    problems.push('LATCHKEY_METRICS_TOKEN: expected at least 16 characters (e.g. $(openssl rand -hex 24))');

  const config: Config = {
    databaseUrl,
    databasePoolSize: int('LATCHKEY_DATABASE_POOL_SIZE', 10, 1, 1000),
    redisUrl,
    metricsToken,
    encryptionKeys,
    dataDir,
    port: int('LATCHKEY_PORT', 8787, 0, 65535),
    host,
    production,
    extraCaPem,
    extraCaFile,
    allowedDestinations,
    allowedPorts,
    allowedHttpPorts: new Set(allowHttp === 'true' ? [443, 80] : [443]),
    dnsServers,
    ehloName,
    ehloNameWarning,
    providersFile,
    hostedLocalesDir,
    publicUrl,
    egressIps,
    secretRotationGraceSeconds: int('LATCHKEY_SECRET_ROTATION_GRACE_S', 86_400, 0, 30 * 86_400),
    detect: {
      ispdbUrl,
      allowHttpAutoconfig: allowHttp === 'true',
      deadlineMs: int('LATCHKEY_DETECT_TIMEOUT_MS', 10_000, 500, 120_000),
      requestTimeoutMs: int('LATCHKEY_DETECT_REQUEST_TIMEOUT_MS', 4_000, 100, 60_000),
      cacheTtlMs: 1000 * int('LATCHKEY_DETECT_CACHE_TTL_S', 3600, 0, 7 * 86_400),
    },
    timeouts: {
      connectMs: int('LATCHKEY_CONNECT_TIMEOUT_MS', 10_000, 100, 600_000),
      greetingMs: int('LATCHKEY_GREETING_TIMEOUT_MS', 30_000, 100, 600_000),
      commandMs: int('LATCHKEY_COMMAND_TIMEOUT_MS', 30_000, 100, 600_000),
      authorizeMs: int('LATCHKEY_AUTHORIZE_TIMEOUT_MS', 60_000, 1_000, 600_000),
    },
    codeTtlSeconds: 15 * 60,
    health: healthSchedule(int),
    webhooks: {
      pollMs: int('LATCHKEY_WEBHOOK_POLL_MS', 1000, 0, 600_000),
      baseMs: 1000 * int('LATCHKEY_WEBHOOK_RETRY_BASE_S', 30, 1, 86_400),
      maxMs: 1000 * int('LATCHKEY_WEBHOOK_RETRY_MAX_S', 3600, 1, 7 * 86_400),
      maxAttempts: int('LATCHKEY_WEBHOOK_MAX_ATTEMPTS', 20, 1, 1000),
      timeoutMs: int('LATCHKEY_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    },
    admission: {
      maxInFlight: int('LATCHKEY_VERIFY_MAX_IN_FLIGHT', 128, 1, 100_000),
      maxQueued: int('LATCHKEY_VERIFY_QUEUE', 1024, 0, 1_000_000),
      queueWaitMs: int('LATCHKEY_VERIFY_QUEUE_WAIT_MS', 15_000, 100, 600_000),
    },
    bodyLimitBytes: int('LATCHKEY_BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    limits: {
      pairFailures: int('LATCHKEY_LIMIT_PAIR_FAILURES', 5, 1, 1000),
      ipFailures: int('LATCHKEY_LIMIT_IP_FAILURES', 30, 1, 100_000),
      windowSeconds: int('LATCHKEY_LIMIT_WINDOW_S', 900, 1, 7 * 86_400),
      lockSeconds: int('LATCHKEY_LIMIT_LOCK_S', 900, 1, 7 * 86_400),
      maxLockSeconds: int('LATCHKEY_LIMIT_LOCK_MAX_S', 86_400, 1, 30 * 86_400),
      clientRequestsPerMinute: int('LATCHKEY_LIMIT_CLIENT_PER_MINUTE', 600, 1, 1_000_000),
    },
    credentialsPerMinute: int('LATCHKEY_LIMIT_CREDENTIALS_PER_MINUTE', 6000, 1, 10_000_000),
    trustProxy,
    logLevel: env.LATCHKEY_LOG_LEVEL || 'info',
    oauthEndpoints: oauthEndpoints(env, problems),
  };
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(`LATCHKEY_LOG_LEVEL=${JSON.stringify(config.logLevel)}: expected fatal, error, warn, info, debug, trace or silent`);
  }
  if (config.limits.maxLockSeconds < config.limits.lockSeconds) {
    problems.push(
      `LATCHKEY_LIMIT_LOCK_MAX_S=${config.limits.maxLockSeconds}: must be at least LATCHKEY_LIMIT_LOCK_S (${config.limits.lockSeconds})`,
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/**
 * `LATCHKEY_HEALTH_INTERVAL_S` (default 21600 = 6 h; 0 turns the check off),
 * `LATCHKEY_HEALTH_JITTER_PCT` (default 20: each delay ±20 %), `LATCHKEY_HEALTH_CONCURRENCY`
 * (default 4). Backoff after provider errors doubles per error up to max(24 h, the interval).
 */
function healthSchedule(int: (name: string, fallback: number, min: number, max: number) => number): Config['health'] {
  const intervalMs = 1000 * int('LATCHKEY_HEALTH_INTERVAL_S', 6 * 3600, 0, 30 * 86_400);
  return {
    intervalMs,
    jitter: int('LATCHKEY_HEALTH_JITTER_PCT', 20, 0, 50) / 100,
    concurrency: int('LATCHKEY_HEALTH_CONCURRENCY', 4, 1, 64),
    maxBackoffMs: Math.max(86_400_000, intervalMs),
  };
}

/** The OAuth endpoint overrides (issue 4); each must be an https URL (tokens never travel in clear). */
function oauthEndpoints(env: NodeJS.ProcessEnv, problems: string[]): Config['oauthEndpoints'] {
  const out: Config['oauthEndpoints'] = {};
  const names = {
    googleTokenUrl: 'LATCHKEY_GOOGLE_TOKEN_URL',
    googleUserinfoUrl: 'LATCHKEY_GOOGLE_USERINFO_URL',
    microsoftTokenUrl: 'LATCHKEY_MICROSOFT_TOKEN_URL',
  } as const;
  for (const [key, name] of Object.entries(names) as Array<[keyof typeof names, string]>) {
    const raw = env[name];
    if (!raw) continue;
    let ok = false;
    try {
      ok = new URL(raw).protocol === 'https:';
    } catch {
      /* reported below */
    }
    if (ok) out[key] = raw;
    else problems.push(`${name}=${JSON.stringify(raw)}: expected an https:// URL`);
  }
  return out;
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

/**
 * DECISIONS: `LATCHKEY_EHLO_NAME`; else the host name when it is a fully qualified name that is
 * not a special-use local one (RFC 6761 `localhost`, `localdomain`, RFC 6762 `.local`); else
 * `localhost.localdomain` with a warning — and with `NODE_ENV=production` a configuration error,
 * since strict SMTP servers refuse that name (issue 13).
 * @param hostname this machine's name (`HOSTNAME`, else /etc/hostname).
 */
function pickEhloName(
  explicit: string | undefined,
  hostname: string,
  production: boolean,
  problems: string[],
): { ehloName: string; warning?: string } {
  const fqdn = (name: string) => /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(name);
  if (explicit) {
    if (!fqdn(explicit))
      problems.push(`LATCHKEY_EHLO_NAME=${JSON.stringify(explicit)}: expected a fully qualified domain name (not an address)`);
    return { ehloName: explicit };
  }
  const local = (name: string) => /(^|\.)(localhost|localdomain)(\.|$)|\.local$/i.test(name);
  if (hostname && fqdn(hostname) && !local(hostname)) return { ehloName: hostname };
  const why = `this machine's host name (${JSON.stringify(hostname)}) is not a fully qualified domain name`;
  if (production) {
    problems.push(
      `LATCHKEY_EHLO_NAME is required when NODE_ENV=production and ${why}: set it to this server's public DNS name (e.g. LATCHKEY_EHLO_NAME=latchkey.example.com); strict SMTP servers refuse EHLO localhost.localdomain`,
    );
  }
  return {
    ehloName: 'localhost.localdomain',
    warning: `LATCHKEY_EHLO_NAME is not set and ${why}: SMTP EHLO will say localhost.localdomain, which strict servers refuse. Set LATCHKEY_EHLO_NAME to this server's public DNS name (NODE_ENV=production refuses to start without it).`,
  };
}

function safeHostname(): string {
  try {
    return readFileSync('/etc/hostname', 'utf8').trim();
  } catch {
    return '';
  }
}
