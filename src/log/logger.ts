import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

/**
 * Paths redacted from every log line. pino's `*` matches one level only, so nested secret paths
 * are listed explicitly (and tested). Latchkey's own log lines never carry secrets; this is the
 * net under that rule.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'password',
  '*.password',
  'imap_password',
  '*.imap_password',
  'smtp_password',
  '*.smtp_password',
  'settings.password',
  'settings.imap_password',
  'settings.smtp_password',
  'body.settings.password',
  'body.settings.imap_password',
  'body.settings.smtp_password',
  'body.client_secret',
  'body.code',
  'client_secret',
  '*.client_secret',
  'code',
  '*.code',
  'access_token',
  '*.access_token',
  'refresh_token',
  '*.refresh_token',
  // OAuth and Exchange settings (reference §2.4 G1, M1, E1).
  'google_client_secret',
  '*.google_client_secret',
  'google_refresh_token',
  '*.google_refresh_token',
  'microsoft_client_secret',
  '*.microsoft_client_secret',
  'microsoft_refresh_token',
  '*.microsoft_refresh_token',
  'settings.google_client_secret',
  'settings.google_refresh_token',
  'settings.microsoft_client_secret',
  'settings.microsoft_refresh_token',
  'body.settings.google_client_secret',
  'body.settings.google_refresh_token',
  'body.settings.microsoft_client_secret',
  'body.settings.microsoft_refresh_token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'clientSecret',
  '*.clientSecret',
];

/** How log lines are written: `json` (one JSON object a line) or `pretty` (for a person at a terminal). */
export type LogFormat = 'json' | 'pretty';

/**
 * The process logger. JSON lines on standard output unless that is a terminal, where the same
 * lines are printed readably (pino-pretty, synchronously, loaded only then). Redaction happens
 * before either. `destination` (default standard output) lets tests capture every line; `format`
 * defaults to `pretty` only for standard output on a terminal.
 */
export function createLogger(
  level: string,
  destination?: DestinationStream,
  format: LogFormat = !destination && process.stdout.isTTY ? 'pretty' : 'json',
): Logger {
  const out = format === 'pretty' ? prettyStream(destination) : destination;
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'latchkey' }, serializers: { req: requestForLog } },
    out,
  );
}

function prettyStream(destination?: DestinationStream): DestinationStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  return pretty({
    sync: true,
    ...(destination ? { destination: destination as NodeJS.WritableStream } : {}),
    colorize: destination ? false : true,
    translateTime: 'SYS:HH:MM:ss.l',
    // A request line reads `request GET /account 200 1.2 ms (req-7)`, on one line.
    ignore: 'pid,hostname,service,reqId,req,res,responseTime',
    messageFormat: (line, messageKey) => {
      const req = line.req as { method?: string; url?: string } | undefined;
      const res = line.res as { statusCode?: number } | undefined;
      const what = req
        ? ` ${req.method} ${req.url}${res ? ` ${res.statusCode}` : ''}` +
          (typeof line.responseTime === 'number' ? ` ${line.responseTime} ms` : '')
        : '';
      return `${String(line[messageKey] ?? '')}${what}${line.reqId ? ` (${String(line.reqId)})` : ''}`;
    },
  });
}

/**
 * What a request line logs: method, path and peer — never the query string, where a client may
 * put `client_secret` or a code (v2 SDKs send /oauth/token parameters in the query).
 */
function requestForLog(req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }): Record<string, unknown> {
  return { method: req.method, url: (req.url ?? '').split('?')[0], remoteAddress: req.ip ?? req.socket?.remoteAddress };
}
