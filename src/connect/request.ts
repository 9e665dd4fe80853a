import { ApiError, missingFieldsError } from '../errors/api-error.ts';
import { NOT_YET_SUPPORTED, type ProviderEntry } from '../providers/table.ts';
import type { Security, ServerLogin } from '../mail/login.ts';
import { parseScopes } from './scopes.ts';
import type { OAuthPlatform } from '../providers/oauth/endpoints.ts';
import type { OAuthCredentials } from '../providers/oauth/mint.ts';
import type { ExchangeLogin } from '../providers/exchange/types.ts';

/** A validated `/connect/authorize` request, settings resolved to the two logins to verify. */
export interface ConnectRequest extends RequestBase {
  method: 'password';
  imap: ServerLogin;
  smtp: ServerLogin;
}

/**
 * gmail (G1) and office365 / graph (M1): the refresh token and its client; IMAP and SMTP from
 * the provider table with the address as login name, the access token filled in at verification.
 */
export interface OAuthConnectRequest extends RequestBase {
  method: 'oauth';
  platform: OAuthPlatform;
  oauth: OAuthCredentials;
  imap: ServerLogin;
  smtp: ServerLogin;
}

/** exchange (E1): EWS with a password; the host, when absent, is found by Autodiscover. */
export interface ExchangeConnectRequest extends RequestBase {
  method: 'exchange';
  exchange: ExchangeLogin;
}

/** Any `/connect/authorize` request, by how its credentials are verified. */
export type AuthorizeRequest = ConnectRequest | OAuthConnectRequest | ExchangeConnectRequest;

interface RequestBase {
  clientId: string;
  name: string;
  emailAddress: string;
  /** Normalised for the one-account-per-(client, email) rule: trimmed, lower-cased. */
  emailKey: string;
  provider: string;
  scopes: string;
  reauthAccountId: string | undefined;
  providerLabel: string | undefined;
  appPasswordsUsual: boolean;
  /** The provider entry's `imapLoginAfterPlain` (providers/table.ts). */
  imapLoginAfterPlain: boolean;
}

const SECURITY: readonly Security[] = ['ssl', 'starttls', 'none', 'auto'];
const EMAIL = /^[^\s@"\x00-\x1f\x7f]+@[^\s@\x00-\x1f\x7f]+\.[^\s@\x00-\x1f\x7f]+$/;

/**
 * A password request only (variants I and K), for `latchkey doctor`, which checks IMAP and SMTP
 * password logins.
 * @throws ApiError as parseAuthorizeRequest; `unsupported_provider` for OAuth and Exchange providers.
 */
export function parseConnectRequest(body: Record<string, unknown>, providers: Record<string, ProviderEntry>): ConnectRequest {
  const r = parseAuthorizeRequest(body, providers);
  if (r.method !== 'password')
    throw new ApiError('unsupported_provider', {
      message:
        `Provider ${r.provider} is verified with ${r.method === 'oauth' ? 'OAuth' : 'EWS'}, not an IMAP/SMTP ` +
        `password: use POST /connect/authorize.`,
    });
  return r;
}

/**
 * Validates the request in the order of the v2 reference §10: required top-level fields →
 * provider known → settings for its variant → scopes. Settings variants I (`imap`), K (known
 * password providers), G1 (`gmail`), M1 (`office365`, `graph`) and E1 (`exchange`) — reference §2.4.
 * @throws ApiError `missing_fields` (400 auth_error, naming every missing field),
 *   `invalid_value`, `unsupported_provider`, `invalid_scope`.
 */
export function parseAuthorizeRequest(body: Record<string, unknown>, providers: Record<string, ProviderEntry>): AuthorizeRequest {
  const missing = ['client_id', 'name', 'email_address', 'provider', 'settings'].filter((k) => isBlank(body[k]));
  if (missing.length) throw new ApiError('missing_fields', { missingFields: missing });
  const clientId = str(body, 'client_id');
  const name = str(body, 'name');
  const emailAddress = str(body, 'email_address').trim();
  if (!EMAIL.test(emailAddress) || emailAddress.length > 320) {
    throw new ApiError('invalid_value', { message: `email_address ${JSON.stringify(emailAddress.slice(0, 80))} is not an email address.` });
  }
  const provider = str(body, 'provider').trim().toLowerCase();
  const settings = body.settings;
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) {
    throw new ApiError('invalid_value', { message: 'settings must be an object.' });
  }
  const s = settings as Record<string, unknown>;
  const entry = Object.hasOwn(providers, provider) ? providers[provider] : undefined;
  if (!entry && provider !== 'imap') {
    const passwordProviders = Object.keys(providers).filter((p) => providers[p]?.auth === 'password');
    throw new ApiError('unsupported_provider', {
      message:
        (Object.hasOwn(NOT_YET_SUPPORTED, provider) ? NOT_YET_SUPPORTED[provider] : undefined) ??
        `Provider ${JSON.stringify(provider)} is not supported. Use "imap" with the server settings, ` +
          `"gmail", "office365", "graph", "exchange", or one of: ${passwordProviders.join(', ')}.`,
    });
  }
  const reauth = body.reauth_account_id;
  if (reauth !== undefined && reauth !== null && typeof reauth !== 'string')
    throw new ApiError('invalid_value', { message: 'reauth_account_id must be a string.' });
  const base: RequestBase = {
    clientId,
    name,
    emailAddress,
    emailKey: emailAddress.toLowerCase(),
    provider,
    scopes: parseScopes(body.scopes),
    reauthAccountId: reauth || undefined,
    providerLabel: entry?.label,
    appPasswordsUsual: Boolean(entry?.appPasswords),
    imapLoginAfterPlain: Boolean(entry?.imapLoginAfterPlain),
  };
  if (provider !== 'imap' && entry!.auth === 'oauth')
    return { ...base, method: 'oauth', ...variantOAuth(s, emailAddress, entry!, provider) };
  if (provider !== 'imap' && entry!.auth === 'exchange') return { ...base, method: 'exchange', exchange: variantE(s) };
  const sslRequired = bool(s, 'ssl_required', true);
  const { imap, smtp } =
    provider === 'imap' ? variantI(s, emailAddress, sslRequired) : variantK(s, emailAddress, sslRequired, entry!, provider);
  return { ...base, method: 'password', imap, smtp };
}

/**
 * Variants G1 (`google_client_id`, `google_client_secret`, `google_refresh_token`) and M1
 * (`microsoft_client_id`, `microsoft_client_secret`, `microsoft_refresh_token`, `redirect_uri`),
 * all required (reference §2.4). IMAP and SMTP come from the provider table, TLS always required.
 */
function variantOAuth(
  s: Record<string, unknown>,
  email: string,
  entry: ProviderEntry,
  provider: string,
): { platform: OAuthPlatform; oauth: OAuthCredentials; imap: ServerLogin; smtp: ServerLogin } {
  const platform: OAuthPlatform = provider === 'gmail' || entry.oauth?.platform === 'google' ? 'google' : 'microsoft';
  const p = platform;
  const keys = [`${p}_client_id`, `${p}_client_secret`, `${p}_refresh_token`, ...(p === 'microsoft' ? ['redirect_uri'] : [])];
  const missing = keys.filter((k) => isBlank(s[k]));
  if (missing.length) throw missingFieldsError(missing, { inSettings: true });
  if (!entry.imap || !entry.smtp)
    throw new ApiError('unsupported_provider', { message: `The provider table has no IMAP/SMTP servers for ${provider}.` });
  const oauth: OAuthCredentials = {
    clientId: stringValue(s[`${p}_client_id`], `${p}_client_id`).trim(),
    clientSecret: stringValue(s[`${p}_client_secret`], `${p}_client_secret`),
    refreshToken: stringValue(s[`${p}_refresh_token`], `${p}_refresh_token`).trim(),
    ...(p === 'microsoft' ? { redirectUri: stringValue(s.redirect_uri, 'redirect_uri').trim() } : {}),
  };
  const login = (e: NonNullable<ProviderEntry['imap']>): ServerLogin => ({
    host: e.host,
    port: e.port,
    security: e.security,
    sslRequired: true,
    username: email,
    password: '',
    usernameDefaulted: false,
  });
  return { platform, oauth, imap: login(entry.imap), smtp: login(entry.smtp) };
}

/**
 * Variant E1: `username`, `password`, optional `exchange_server_host` (or its older name
 * `eas_server_host`), a host name or address with an optional `:port` (reference §2.4).
 */
function variantE(s: Record<string, unknown>): ExchangeLogin {
  const missing = ['username', 'password'].filter((k) => isBlank(s[k]));
  if (missing.length) throw missingFieldsError(missing, { inSettings: true });
  const hostKey = !isBlank(s.exchange_server_host) ? 'exchange_server_host' : !isBlank(s.eas_server_host) ? 'eas_server_host' : undefined;
  let server: ExchangeLogin['server'];
  if (hostKey) {
    const raw = stringValue(s[hostKey], hostKey)
      .trim()
      .replace(/^https:\/\//i, '')
      .replace(/\/.*$/, '');
    const m = /^(\[[0-9a-f:.]+\]|[\p{L}\p{N}._-]+)(?::(\d{1,5}))?$/iu.exec(raw);
    const port = m?.[2] ? Number(m[2]) : 443;
    // The host must also be one a URL can hold: letters IDNA (UTS #46) disallows make `new URL` throw.
    if (!m || raw.length > 253 || port < 1 || port > 65535 || !URL.canParse(`https://${m[1]}/`))
      throw new ApiError('invalid_value', {
        message: `settings.${hostKey} ${JSON.stringify(raw.slice(0, 80))} is not a host name or address.`,
      });
    server = { host: m[1]!.replace(/^\[|\]$/g, ''), port };
  }
  return { username: stringValue(s.username, 'username').trim(), password: stringValue(s.password, 'password'), server };
}

/** Variant I: every host and port given; usernames default to the address, smtp_password to the IMAP one. */
function variantI(s: Record<string, unknown>, email: string, sslRequired: boolean): { imap: ServerLogin; smtp: ServerLogin } {
  const imapPassword = s.imap_password ?? s.password;
  const missing = [
    isBlank(s.imap_host) && 'imap_host',
    isBlank(s.imap_port) && 'imap_port',
    isBlank(imapPassword) && 'imap_password',
    isBlank(s.smtp_host) && 'smtp_host',
    isBlank(s.smtp_port) && 'smtp_port',
  ].filter((v): v is string => Boolean(v));
  if (missing.length) throw missingFieldsError(missing, { inSettings: true });
  const imapUser = optStr(s, 'imap_username');
  const password = stringValue(imapPassword, 'imap_password');
  const smtpUser = optStr(s, 'smtp_username');
  const smtpPassword = optStr(s, 'smtp_password');
  return {
    imap: {
      host: host(s, 'imap_host'),
      port: port(s, 'imap_port'),
      security: security(s, 'imap_security'),
      sslRequired,
      username: imapUser ?? email,
      password,
      usernameDefaulted: imapUser === undefined,
    },
    smtp: {
      host: host(s, 'smtp_host'),
      port: port(s, 'smtp_port'),
      security: security(s, 'smtp_security'),
      sslRequired,
      username: smtpUser ?? imapUser ?? email,
      password: smtpPassword ?? password,
      usernameDefaulted: smtpUser === undefined && imapUser === undefined,
    },
  };
}

/** Variant K: `password` (and optional `username`); hosts from the provider table. */
function variantK(
  s: Record<string, unknown>,
  email: string,
  sslRequired: boolean,
  entry: ProviderEntry,
  provider: string,
): { imap: ServerLogin; smtp: ServerLogin } {
  const pw = s.password ?? s.imap_password;
  if (isBlank(pw)) throw missingFieldsError(['password'], { inSettings: true });
  if (!entry.imap || !entry.smtp)
    throw new ApiError('unsupported_provider', { message: `The provider table has no IMAP/SMTP servers for ${provider}.` });
  const password = stringValue(pw, 'password');
  const given = optStr(s, 'username');
  const nameFor = (server: NonNullable<ProviderEntry['imap']>) =>
    given ?? ((server.username ?? entry.username) === 'local_part' ? email.split('@')[0]! : email);
  const login = (e: NonNullable<ProviderEntry['imap']>): Omit<ServerLogin, 'username' | 'password' | 'usernameDefaulted'> => ({
    host: e.host,
    port: e.port,
    security: e.security,
    sslRequired,
  });
  return {
    imap: { ...login(entry.imap), username: nameFor(entry.imap), password, usernameDefaulted: given === undefined },
    smtp: {
      ...login(entry.smtp),
      username: optStr(s, 'smtp_username') ?? nameFor(entry.smtp),
      password: optStr(s, 'smtp_password') ?? password,
      usernameDefaulted: given === undefined,
    },
  };
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function str(o: Record<string, unknown>, k: string): string {
  const v = o[k];
  if (typeof v !== 'string') throw new ApiError('invalid_value', { message: `${k} must be a string.` });
  return v;
}

function optStr(o: Record<string, unknown>, k: string): string | undefined {
  const v = o[k];
  if (isBlank(v)) return undefined;
  return stringValue(v, k);
}

function stringValue(v: unknown, k: string): string {
  if (typeof v !== 'string') throw new ApiError('invalid_value', { message: `settings.${k} must be a string.` });
  if (/[\r\n\0]/.test(v))
    throw new ApiError('invalid_value', { message: `settings.${k} contains a line break or NUL, which no mail server accepts.` });
  return v;
}

function host(o: Record<string, unknown>, k: string): string {
  const v = stringValue(o[k], k).trim();
  if (v.length > 253 || !/^[\p{L}\p{N}._:[\]-]+$/u.test(v))
    throw new ApiError('invalid_value', { message: `settings.${k} ${JSON.stringify(v.slice(0, 80))} is not a host name or address.` });
  return v;
}

function port(o: Record<string, unknown>, k: string): number {
  const v = o[k];
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 65535)
    throw new ApiError('invalid_value', { message: `settings.${k} must be a port number from 1 to 65535.` });
  return n;
}

function bool(o: Record<string, unknown>, k: string, fallback: boolean): boolean {
  const v = o[k];
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true'; // the v2 Python sample sends strings
  throw new ApiError('invalid_value', { message: `settings.${k} must be true or false.` });
}

function security(o: Record<string, unknown>, k: string): Security {
  const v = o[k];
  if (isBlank(v)) return 'auto';
  if (typeof v === 'string' && (SECURITY as readonly string[]).includes(v.toLowerCase())) return v.toLowerCase() as Security;
  throw new ApiError('invalid_value', { message: `settings.${k} must be one of ${SECURITY.join(', ')}.` });
}
