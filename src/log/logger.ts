import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Paths redacted from every log line. pino's `*` matches one level only, so nested secret paths
 * are listed explicitly (and tested). Latchkey's own log lines never carry secrets; this is the
 * net under that rule.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'password', '*.password',
  'imap_password', '*.imap_password', 'smtp_password', '*.smtp_password',
  'settings.password', 'settings.imap_password', 'settings.smtp_password',
  'body.settings.password', 'body.settings.imap_password', 'body.settings.smtp_password',
  'body.client_secret', 'body.code', 'client_secret', '*.client_secret', 'code', '*.code',
  'access_token', '*.access_token', 'refresh_token', '*.refresh_token',
  // OAuth and Exchange settings (reference §2.4 G1, M1, E1).
  'google_client_secret', '*.google_client_secret', 'google_refresh_token', '*.google_refresh_token',
  'microsoft_client_secret', '*.microsoft_client_secret', 'microsoft_refresh_token', '*.microsoft_refresh_token',
  'settings.google_client_secret', 'settings.google_refresh_token', 'settings.microsoft_client_secret', 'settings.microsoft_refresh_token',
  'body.settings.google_client_secret', 'body.settings.google_refresh_token', 'body.settings.microsoft_client_secret', 'body.settings.microsoft_refresh_token',
  'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken', 'clientSecret', '*.clientSecret',
];

/** The process logger (JSON lines). `destination` lets tests capture every line. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'latchkey' }, serializers: { req: requestForLog } }, destination);
}

/**
 * What a request line logs: method, path and peer — never the query string, where a client may
 * put `client_secret` or a code (v2 SDKs send /oauth/token parameters in the query).
 */
function requestForLog(req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }): Record<string, unknown> {
  return { method: req.method, url: (req.url ?? '').split('?')[0], remoteAddress: req.ip ?? req.socket?.remoteAddress };
}
