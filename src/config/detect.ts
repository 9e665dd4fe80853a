import type { EnvReader } from './read.ts';

/** Settings detection (DECISIONS "Detection"). */
export interface DetectConfig {
  /** Detection: ISPDB base URL, plain-http autoconfig, deadline (ms), one request's timeout (ms), cache TTL (ms). */
  detect: { ispdbUrl: string; allowHttpAutoconfig: boolean; deadlineMs: number; requestTimeoutMs: number; cacheTtlMs: number };
  /** Ports for HTTP (autoconfig, ISPDB): 443, and 80 when plain-http autoconfig is enabled. */
  allowedHttpPorts: Set<number>;
}

/**
 * `LATCHKEY_ISPDB_URL` (Thunderbird's), `LATCHKEY_AUTOCONFIG_ALLOW_HTTP` (false), `LATCHKEY_DETECT_TIMEOUT_MS`
 * (10 s), `LATCHKEY_DETECT_REQUEST_TIMEOUT_MS` (4 s), `LATCHKEY_DETECT_CACHE_TTL_S` (1 h).
 */
export function readDetect(read: EnvReader): DetectConfig {
  const { env, problems } = read;
  const ispdbUrl = env.LATCHKEY_ISPDB_URL || 'https://autoconfig.thunderbird.net/v1.1';
  if (!/^https?:\/\/[^/]/.test(ispdbUrl)) problems.push(`LATCHKEY_ISPDB_URL=${JSON.stringify(ispdbUrl)}: expected an http(s) URL`);
  const allowHttp = env.LATCHKEY_AUTOCONFIG_ALLOW_HTTP ?? 'false';
  if (!['true', 'false'].includes(allowHttp))
    problems.push(`LATCHKEY_AUTOCONFIG_ALLOW_HTTP=${JSON.stringify(allowHttp)}: expected true or false`);
  return {
    detect: {
      ispdbUrl,
      allowHttpAutoconfig: allowHttp === 'true',
      deadlineMs: read.int('LATCHKEY_DETECT_TIMEOUT_MS', 10_000, 500, 120_000),
      requestTimeoutMs: read.int('LATCHKEY_DETECT_REQUEST_TIMEOUT_MS', 4_000, 100, 60_000),
      cacheTtlMs: 1000 * read.int('LATCHKEY_DETECT_CACHE_TTL_S', 3600, 0, 7 * 86_400),
    },
    allowedHttpPorts: new Set(allowHttp === 'true' ? [443, 80] : [443]),
  };
}
