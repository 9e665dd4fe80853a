import { randomBytes } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import { authorize, type RequestSource } from '../connect/authorize.ts';
import { ApiError } from '../errors/api-error.ts';
import { CATALOGUE } from '../errors/catalogue.ts';
import { detectDomain } from '../detect/detect.ts';
import { detectionView } from '../detect/view.ts';
import type { DomainDetection } from '../detect/types.ts';
import { fieldFor } from './field-errors.ts';
import { renderErrorPage, renderLoginPage, type LoginPage } from './page.ts';
import {
  checkCsrf, checkRedirectTarget, isCsrfValue, newCsrfValue, openRequest, parseHostedRequest, sealRequest, wantsRedirectOnError,
  type HostedRequest, type RedirectTarget,
} from './request.ts';

/** What a hosted-login handler answers: an HTML page, or a redirect to the application. */
export type HostedAnswer =
  | { kind: 'page'; status: number; html: string; csp: string; setCookie?: string }
  | { kind: 'redirect'; location: string };

/** The request as the handlers see it: parsed query or form, the `lk_csrf` cookie, the client address. */
export interface HostedInput {
  params: Record<string, unknown>;
  cookie: string | undefined;
  source: RequestSource;
  /** The browser reached us over https (directly or through a declared proxy): the cookie gets `Secure`. */
  secure: boolean;
}

export const CSRF_COOKIE = 'lk_csrf';
const FORM_FIELDS = ['name', 'email_address', 'imap_host', 'imap_port', 'imap_security', 'smtp_host', 'smtp_port', 'smtp_security'] as const;

/**
 * `GET /oauth/authorize` (reference §6.7): checks the client and the exact redirect URI first —
 * until both are good every problem is an error page (400), never a redirect — then the rest of
 * the request (errors redirected only with `redirect_on_error=true`), then serves the login page.
 */
export async function showLogin(ctx: AppContext, input: HostedInput): Promise<HostedAnswer> {
  let target: RedirectTarget;
  try {
    target = await checkRedirectTarget(ctx, input.params);
  } catch (err) {
    return errorPage(err);
  }
  let request: HostedRequest;
  try {
    request = parseHostedRequest(target, input.params, ctx.providers);
  } catch (err) {
    const e = asApiError(err);
    if (wantsRedirectOnError(input.params)) return errorRedirect(target.redirectUri, e, typeof input.params.state === 'string' ? input.params.state.slice(0, 255) : undefined);
    return errorPage(e);
  }
  const csrf = isCsrfValue(input.cookie) ? input.cookie : newCsrfValue();
  return loginPage(ctx, target, request, csrf, input, { values: { email_address: request.loginHint ?? '' }, advancedOpen: false }, 200);
}

/**
 * `POST /oauth/authorize`: the login form. Sealed request opened → CSRF checked → client and
 * redirect URI checked again → the same verification as `/connect/authorize` (brute-force
 * limits, detection, IMAP and SMTP login) → 303 to `redirect_uri?code=…&state=…`. A failure
 * shows the form again with the error beside its field, or, with `redirect_on_error=true`,
 * redirects with `error` (the v2 `type`), `reason` and `state`. The password is never echoed,
 * logged or put in a URL.
 */
export async function submitLogin(ctx: AppContext, input: HostedInput): Promise<HostedAnswer> {
  let request: HostedRequest;
  let target: RedirectTarget;
  try {
    const opened = openRequest(ctx, input.params.request);
    checkCsrf(input.params.csrf_token, input.cookie, opened.csrfHash);
    request = opened.request;
    target = await checkRedirectTarget(ctx, { client_id: request.clientId, redirect_uri: request.redirectUri });
  } catch (err) {
    return errorPage(err);
  }
  const values: LoginPage['values'] = {};
  for (const k of FORM_FIELDS) {
    const v = input.params[k];
    if (typeof v === 'string') values[k] = v.slice(0, 320);
  }
  const password = typeof input.params.password === 'string' ? input.params.password : '';
  const csrf = input.cookie!;
  let notice: string | undefined;
  try {
    const blank = (['name', 'email_address'] as const).find((k) => !values[k]?.trim());
    if (blank) throw new ApiError('missing_fields', { missingFields: [blank], message: blank === 'name' ? 'Please enter your name.' : 'Please enter your email address.' });
    if (!password) throw new ApiError('missing_fields', { missingFields: ['password'], message: 'Please enter your password.' });
    const chosen = await chooseProvider(ctx, request, values, password, input.source);
    notice = chosen.notice;
    const { code } = await authorize(ctx, chosen.body, input.source, { redirectUri: request.redirectUri, codeChallenge: request.codeChallenge });
    return { kind: 'redirect', location: withParams(request.redirectUri, { code, state: request.state }) };
  } catch (err) {
    const e = asApiError(err);
    if (e.reason === 'internal') ctx.log.error({ err, event: 'oauth.authorize' }, 'hosted login failed unexpectedly');
    if (request.redirectOnError) return errorRedirect(request.redirectUri, e, request.state);
    const field = fieldFor(e);
    const hostField = field === 'imap_host' || field === 'smtp_host';
    return loginPage(ctx, target, request, csrf, input, {
      values,
      error: { field, message: plainMessage(e), reason: e.reason },
      advancedOpen: hostField || Boolean(values.imap_host || values.smtp_host),
      ...(notice ? { notice } : {}),
    }, e.status);
  }
}

/**
 * The provider and settings to verify with: the server settings typed in the advanced panel;
 * else the provider the application asked for; else detection — a known password provider by
 * name, another detected server as `imap`. Nothing detected → the advanced panel is asked for.
 */
async function chooseProvider(ctx: AppContext, r: HostedRequest, v: LoginPage['values'], password: string, source: RequestSource): Promise<{ body: Record<string, unknown>; notice?: string }> {
  const base = { client_id: r.clientId, name: v.name!.trim(), email_address: v.email_address!.trim(), scopes: r.scopes };
  if (v.imap_host?.trim() || v.smtp_host?.trim()) {
    const settings: Record<string, unknown> = { imap_password: password };
    for (const k of ['imap_host', 'imap_port', 'imap_security', 'smtp_host', 'smtp_port', 'smtp_security'] as const) if (v[k]?.trim()) settings[k] = v[k]!.trim();
    return { body: { ...base, provider: 'imap', settings } };
  }
  if (r.provider && r.provider !== 'imap') return { body: { ...base, provider: r.provider, settings: { password } } };
  const domain = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(base.email_address)?.[1];
  if (!domain) throw new ApiError('invalid_value', { message: 'Please enter a whole email address, like name@example.com.' });
  // Detection contacts DNS and the domain's servers before authorize's limits are consulted:
  // it gets a budget of its own, and a locked IP none (the form is anyone's to post).
  await ctx.guard.beforeDetection(r.clientId, source.ip);
  const view = detectionView(base.email_address, await detectDomain(domain, ctx.detect, base.email_address).catch((): DomainDetection => ({ domain, oauthRequired: false, trace: [] })));
  if (!view.detected) {
    throw new ApiError('missing_fields', {
      missingFields: ['imap_host', 'imap_port', 'smtp_host', 'smtp_port'],
      message: `We could not find the mail servers of ${domain}. Please enter them below (your provider's help pages list them).`,
    });
  }
  const entry = Object.hasOwn(ctx.providers, view.auth_name) ? ctx.providers[view.auth_name] : undefined;
  const notice = `Provider found: ${entry?.label ?? view.provider_name}.`;
  if (view.oauth_required) throw new ApiError('unsupported_provider', { message: `${entry?.label ?? view.provider_name} mailboxes sign in with OAuth, which this server does not offer yet.` });
  if (entry?.auth === 'password') return { body: { ...base, provider: view.auth_name, settings: { password } }, notice };
  return { body: { ...base, provider: 'imap', settings: { password } }, notice };
}

/** The catalogue message, in words for the person at the keyboard (the reason stays machine-readable). */
function plainMessage(e: ApiError): string {
  // The catalogue's invalid_credentials text speaks to developers (imap_username); the person at
  // the page gets plain words, and the app-password advice when the provider is known for it.
  if (e.reason === 'invalid_credentials' && !/app password/i.test(e.message)) return 'Your mail provider did not accept this email address and password. Check them and try again.';
  if (e.reason === 'rate_limited') return `Too many attempts. Please wait${e.details.retryAfter ? ` ${Math.ceil(e.details.retryAfter / 60)} minute(s)` : ''} and try again.`;
  if (e.reason === 'internal') return CATALOGUE.internal.message;
  return e.message;
}

function loginPage(ctx: AppContext, target: RedirectTarget, request: HostedRequest, csrf: string, input: HostedInput, state: Pick<LoginPage, 'values' | 'error' | 'advancedOpen' | 'notice'>, status: number): HostedAnswer {
  const nonce = randomBytes(16).toString('base64');
  const page: LoginPage = {
    appName: target.app.name,
    iconUrl: target.app.iconUrl,
    accentColor: target.app.accentColor ?? null,
    sealed: sealRequest(ctx, request, csrf),
    csrf,
    ...state,
  };
  const cookie = `${CSRF_COOKIE}=${csrf}; Path=/oauth/authorize; HttpOnly; SameSite=Strict; Max-Age=1800${input.secure ? '; Secure' : ''}`;
  return { kind: 'page', status, html: renderLoginPage(page, nonce), csp: pageCsp(nonce, target.app.iconUrl, request.redirectUri), setCookie: cookie };
}

/**
 * The page's Content-Security-Policy: nothing but its own nonce'd styles and the application's
 * logo; no script at all; forms may post only here and be redirected only to the registered
 * redirect URI's origin (form-action covers the redirect); never framed.
 */
export function pageCsp(nonce: string, iconUrl: string | null, redirectUri?: string): string {
  const origin = (u: string | null | undefined) => {
    try {
      return u ? new URL(u).origin : undefined;
    } catch {
      return undefined;
    }
  };
  const img = origin(iconUrl);
  const formTargets = ["'self'", origin(redirectUri)].filter(Boolean).join(' ');
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src ${img ?? "'none'"}; form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`;
}

function errorPage(err: unknown): HostedAnswer {
  const e = asApiError(err);
  const nonce = randomBytes(16).toString('base64');
  const title = e.reason === 'csrf_failed' ? 'The form could not be verified' : e.reason === 'login_expired' ? 'This sign-in page has expired' : 'This sign-in link cannot be used';
  const status = e.reason === 'csrf_failed' ? 403 : e.status >= 500 ? 500 : 400;
  return { kind: 'page', status, html: renderErrorPage(title, plainMessage(e), nonce), csp: pageCsp(nonce, null) };
}

function errorRedirect(redirectUri: string, e: ApiError, state: string | undefined): HostedAnswer {
  return { kind: 'redirect', location: withParams(redirectUri, { error: CATALOGUE[e.reason].type, reason: e.reason, state }) };
}

/** The redirect URI with parameters added to its query (kept as registered: RFC 6749 §3.1.2). */
export function withParams(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError('internal', { cause: err });
}

