import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import type { Application } from '../store/store.ts';
import { parseScopes } from '../connect/scopes.ts';

/**
 * A validated `GET /oauth/authorize` request (reference §6.7; RFC 6749 §4.1.1; RFC 7636 §4.3).
 * It travels inside the login form sealed (AES-256-GCM under the key ring), so nothing the
 * browser sends back can change the client, the redirect URI or the PKCE challenge.
 */
export interface HostedRequest {
  clientId: string;
  redirectUri: string;
  scopes: string;
  /** Echoed back unchanged; at most 255 characters (reference §6.7). */
  state: string | undefined;
  loginHint: string | undefined;
  /** A provider the app asked for (`imap` or a known password provider), else chosen by detection. */
  provider: string | undefined;
  redirectOnError: boolean;
  /** PKCE S256 challenge (base64url of 32 bytes: 43 characters), or null. */
  codeChallenge: string | null;
  /** A reconnect link (`reauth_account_id`): the account to authorize again, keeping its id. */
  reauthAccountId?: string;
  /** The reconnected account's address: shown, and not changeable. */
  fixedEmail?: string;
}

/**
 * What the person has typed and what was found, carried from step to step inside the sealed
 * request (issue 19: nothing is asked twice; the password is kept across errors that are not
 * about it, encrypted in the sealed field and never rendered).
 */
export interface FormState {
  step: 'email' | 'password';
  email?: string;
  name?: string;
  /** What the address will be verified with: a provider (`yahoo`, or `imap` with settings). */
  provider?: ChosenProvider;
  /** The password of an attempt that failed for another reason than the password. */
  password?: string;
}

/** The provider chosen for an address, by the application (`provider=`) or by detection. */
export interface ChosenProvider {
  /** The `provider` to authorize with. */
  auth: string;
  label?: string;
  /** Detected server settings (`imap_host`, …) sent with the password; absent for table providers. */
  settings?: Record<string, string | number>;
  /** Nothing usable was detected (or the detected servers failed): ask for the server settings. */
  manual: boolean;
  /** The provider usually needs an app password (its table entry says so): show the hint. */
  appPasswords?: boolean;
  /** The provider table key, for its help page. */
  key?: string;
}

/** The request's first half: the client and the redirect URI. Until both check out, nothing redirects. */
export interface RedirectTarget {
  app: Application;
  redirectUri: string;
}

/** How long a served login page stays usable (ms): the time a person may take to type. */
export const LOGIN_PAGE_TTL_MS = 30 * 60 * 1000;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Step 1: the client exists and `redirect_uri` is one of its registered URIs, compared exactly
 * (RFC 6749 §3.1.2.3; OAuth 2.0 Security BCP §4.1.3: no pattern or prefix matching).
 * @throws ApiError `invalid_client` / `missing_fields` / `invalid_redirect_uri` — shown on an
 *   error page, never redirected (open-redirect protection, RFC 6749 §4.1.2.1).
 */
export async function checkRedirectTarget(ctx: AppContext, q: Record<string, unknown>): Promise<RedirectTarget> {
  const missing = ['client_id', 'redirect_uri'].filter((k) => typeof q[k] !== 'string' || !q[k]);
  if (missing.length)
    throw new ApiError('missing_fields', {
      missingFields: missing,
      message: `The sign-in link is incomplete: ${missing.join(' and ')} missing.`,
    });
  const app = await ctx.store.findApplication(q.client_id as string);
  if (!app) throw new ApiError('invalid_client', { message: 'The sign-in link names an application that does not exist.' });
  const redirectUri = q.redirect_uri as string;
  if (!app.redirectUris.includes(redirectUri)) throw new ApiError('invalid_redirect_uri');
  return { app, redirectUri };
}

/**
 * Step 2: the rest of the request, once the redirect target is known good.
 * @throws ApiError `unsupported_response_type`, `unsupported_provider` (unknown, OAuth or Exchange
 *   providers: the page takes passwords only), `invalid_scope`, `invalid_value` (a long
 *   state, a bad `code_challenge`, `code_challenge_method` other than S256 — `plain` is refused
 *   as the OAuth 2.0 Security BCP §2.1.1 advises).
 */
export function parseHostedRequest(target: RedirectTarget, q: Record<string, unknown>, providers: AppContext['providers']): HostedRequest {
  const text = (k: string): string | undefined => (typeof q[k] === 'string' && q[k] !== '' ? (q[k] as string) : undefined);
  if (text('response_type') !== 'code')
    throw new ApiError('unsupported_response_type', { message: 'response_type must be "code" (this server issues codes only).' });
  const state = text('state');
  if (state !== undefined && state.length > 255) throw new ApiError('invalid_value', { message: 'state may be at most 255 characters.' });
  const challenge = text('code_challenge');
  const method = text('code_challenge_method');
  if (method !== undefined && method !== 'S256')
    throw new ApiError('invalid_value', { message: 'code_challenge_method must be S256 (plain is not accepted).' });
  if (method && !challenge) throw new ApiError('invalid_value', { message: 'code_challenge_method was given without code_challenge.' });
  if (challenge !== undefined && (!CHALLENGE.test(challenge) || method !== 'S256')) {
    throw new ApiError('invalid_value', {
      message: 'code_challenge must be BASE64URL(SHA-256(code_verifier)) — 43 characters — with code_challenge_method=S256.',
    });
  }
  const hint = text('login_hint');
  const provider = text('provider')?.toLowerCase();
  // The page asks for an email address and a password only: OAuth (gmail, office365, graph) and
  // Exchange providers are refused here, before the person sees a form they cannot complete.
  if (provider !== undefined && provider !== 'imap') {
    const entry = Object.hasOwn(providers, provider) ? providers[provider] : undefined;
    if (!entry)
      throw new ApiError('unsupported_provider', { message: `The sign-in link names an unknown provider (${provider.slice(0, 40)}).` });
    if ((entry.auth ?? 'password') !== 'password' || entry.oauthRequired) {
      throw new ApiError('unsupported_provider', {
        message:
          `${entry.label ?? provider} mailboxes cannot sign in with a password on this page; the application must ` +
          `connect them through POST /connect/authorize with provider "${provider}".`,
      });
    }
  }
  return {
    clientId: target.app.clientId,
    redirectUri: target.redirectUri,
    scopes: parseScopes(q.scopes),
    state,
    loginHint: hint && hint.length <= 320 ? hint : undefined,
    provider,
    redirectOnError: text('redirect_on_error') === 'true',
    codeChallenge: challenge ?? null,
    ...(text('reauth_account_id') ? { reauthAccountId: text('reauth_account_id')!.slice(0, 100) } : {}),
  };
}

/** `redirect_on_error` as given, before the request is validated (to decide how to answer a bad one). */
export function wantsRedirectOnError(q: Record<string, unknown>): boolean {
  return q.redirect_on_error === 'true';
}

interface Sealed {
  r: HostedRequest;
  f: FormState;
  /** SHA-256 (hex) of the CSRF cookie value this page was served with. */
  k: string;
  /** Expiry, ms since the epoch. */
  x: number;
}

const AAD = 'oauth.authorize';

/**
 * Seals the request and the form's state (AES-256-GCM under the key ring) and binds them to the
 * CSRF cookie value, for the login form's hidden field. Each page gets a fresh expiry.
 */
export function sealRequest(ctx: AppContext, r: HostedRequest, csrf: string, f: FormState): string {
  const sealed: Sealed = { r, f, k: sha256hex(csrf), x: ctx.now() + LOGIN_PAGE_TTL_MS };
  return ctx.keys.encrypt(JSON.stringify(sealed), AAD);
}

/**
 * Opens a sealed request. The CSRF check is separate ({@link checkCsrf}).
 * @throws ApiError `login_expired` when it was tampered with, sealed under a retired key, or is
 *   older than {@link LOGIN_PAGE_TTL_MS}.
 */
export function openRequest(ctx: AppContext, sealed: unknown): { request: HostedRequest; form: FormState; csrfHash: string } {
  if (typeof sealed !== 'string' || sealed.length > 16384) throw new ApiError('login_expired');
  let s: Sealed;
  try {
    s = JSON.parse(ctx.keys.decrypt(sealed, AAD)) as Sealed;
  } catch {
    throw new ApiError('login_expired');
  }
  if (!(s.x > ctx.now())) throw new ApiError('login_expired');
  return { request: s.r, form: s.f ?? { step: 'email' }, csrfHash: s.k };
}

/** A fresh CSRF cookie value: 256 bits from the CSPRNG, base64url. */
export function newCsrfValue(): string {
  return randomBytes(32).toString('base64url');
}

/** True for a value {@link newCsrfValue} could have made (so a cookie can be reused across tabs). */
export function isCsrfValue(v: unknown): v is string {
  return typeof v === 'string' && /^[A-Za-z0-9_-]{43}$/.test(v);
}

/**
 * The login form's CSRF check (OWASP CSRF Prevention Cheat Sheet, "signed double-submit
 * cookie"): the form's `csrf_token`, the `lk_csrf` cookie and the hash sealed into the request
 * must all agree (constant-time compare).
 * @throws ApiError `csrf_failed` (403).
 */
export function checkCsrf(formToken: unknown, cookie: string | undefined, csrfHash: string): void {
  if (!isCsrfValue(formToken) || !isCsrfValue(cookie)) throw new ApiError('csrf_failed');
  const expected = Buffer.from(csrfHash, 'hex');
  for (const v of [formToken, cookie]) {
    const got = Buffer.from(sha256hex(v), 'hex');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) throw new ApiError('csrf_failed');
  }
}

/** RFC 7636 §4.2: `BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))`. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** RFC 7636 §4.1: 43–128 characters of `[A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"`. */
export function isCodeVerifier(v: unknown): v is string {
  return typeof v === 'string' && /^[A-Za-z0-9._~-]{43,128}$/.test(v);
}

function sha256hex(v: string): string {
  return createHash('sha256').update(v).digest('hex');
}
