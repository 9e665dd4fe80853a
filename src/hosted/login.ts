import { randomBytes } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import { authorize, type RequestSource } from '../connect/authorize.ts';
import { ApiError } from '../errors/api-error.ts';
import { CATALOGUE } from '../errors/catalogue.ts';
import { chooseProvider, providerView } from './choose-provider.ts';
import { loadCatalogues, messagesFor, type Messages } from './i18n.ts';
import { renderErrorPage, renderLoginPage, type LoginPage } from './page.ts';
import { plainError, type PlainError } from './plain-errors.ts';
import {
  checkCsrf,
  checkRedirectTarget,
  isCsrfValue,
  newCsrfValue,
  openRequest,
  parseHostedRequest,
  sealRequest,
  wantsRedirectOnError,
  type FormState,
  type HostedRequest,
  type RedirectTarget,
} from './request.ts';

/** What a hosted-login handler answers: an HTML page, or a redirect to the application. */
export type HostedAnswer =
  | { kind: 'page'; status: number; html: string; csp: string; setCookie?: string; language?: string }
  | { kind: 'redirect'; location: string };

/** The request as the handlers see it: parsed query or form, the `lk_csrf` cookie, the client address. */
export interface HostedInput {
  params: Record<string, unknown>;
  cookie: string | undefined;
  source: RequestSource;
  /** The browser reached us over https (directly or through a declared proxy): the cookie gets `Secure`. */
  secure: boolean;
  /** The browser's `Accept-Language` header: picks the page's language. */
  acceptLanguage?: string;
}

/** One login in progress: what every step and page needs besides the form's state. */
interface LoginFlow {
  ctx: AppContext;
  m: Messages;
  target: RedirectTarget;
  request: HostedRequest;
  csrf: string;
  input: HostedInput;
}

export const CSRF_COOKIE = 'lk_csrf';
const SERVER_FIELDS = ['imap_host', 'imap_port', 'imap_security', 'smtp_host', 'smtp_port', 'smtp_security'] as const;
/** Longest password carried in the sealed state (longer ones are not kept, only used). */
const KEEP_PASSWORD_MAX = 1024;

/**
 * `GET /oauth/authorize` (reference §6.7): checks the client and the exact redirect URI first —
 * until both are good every problem is an error page (400), never a redirect — then the rest of
 * the request (errors redirected only with `redirect_on_error=true`), then serves the first step.
 * A reconnect link (`reauth_account_id`) names an account of the client: its address is filled
 * in and fixed, detection runs at once, and the page opens on the password step.
 */
export async function showLogin(ctx: AppContext, input: HostedInput): Promise<HostedAnswer> {
  const m = messages(ctx, input);
  let target: RedirectTarget;
  try {
    target = await checkRedirectTarget(ctx, input.params);
  } catch (err) {
    return errorPage(m, err);
  }
  let request: HostedRequest;
  let name: string | undefined;
  try {
    request = parseHostedRequest(target, input.params, ctx.providers);
    if (request.reauthAccountId) {
      const account = await ctx.store.findAccount(request.clientId, request.reauthAccountId);
      if (!account)
        throw new ApiError('account_not_found', { message: `No account ${request.reauthAccountId} exists for this application.` });
      request = { ...request, fixedEmail: account.emailAddress };
      name = account.name;
    }
  } catch (err) {
    const e = asApiError(err);
    if (wantsRedirectOnError(input.params))
      return errorRedirect(target.redirectUri, e, typeof input.params.state === 'string' ? input.params.state.slice(0, 255) : undefined);
    return errorPage(m, e);
  }
  const csrf = isCsrfValue(input.cookie) ? input.cookie : newCsrfValue();
  const form: FormState = { step: 'email', email: request.fixedEmail ?? request.loginHint ?? '', ...(name ? { name } : {}) };
  const flow: LoginFlow = { ctx, m, target, request, csrf, input };
  if (!request.fixedEmail) return loginPage(flow, form, undefined, 200);
  return detectStep(flow, form);
}

/**
 * `POST /oauth/authorize`: one step of the login form. Sealed request opened → CSRF checked →
 * client and redirect URI checked again → the step the form names:
 * - `detect` (the address): detection (its own brute-force budget) picks the provider, and the
 *   password step is shown with what was found;
 * - `change`: back to the address;
 * - `verify` (or no `action`: a one-shot post of name, address and password, as before): the same
 *   verification as `/connect/authorize` → 303 to `redirect_uri?code=…&state=…`.
 * A failure shows the step again with the error in plain words beside its field, keeping what
 * was typed (the password sealed, when the error was not about it), or — with
 * `redirect_on_error=true` — redirects with `error` (the v2 `type`), `reason` and `state`. The
 * password is never echoed, logged or put in a URL.
 */
export async function submitLogin(ctx: AppContext, input: HostedInput): Promise<HostedAnswer> {
  const m = messages(ctx, input);
  let request: HostedRequest;
  let target: RedirectTarget;
  let form: FormState;
  try {
    const opened = openRequest(ctx, input.params.request);
    checkCsrf(input.params.csrf_token, input.cookie, opened.csrfHash);
    request = opened.request;
    form = opened.form;
    target = await checkRedirectTarget(ctx, { client_id: request.clientId, redirect_uri: request.redirectUri });
  } catch (err) {
    return errorPage(m, err);
  }
  const flow: LoginFlow = { ctx, m, target, request, csrf: input.cookie!, input };
  const typed = (k: string, max = 320): string | undefined =>
    typeof input.params[k] === 'string' ? (input.params[k] as string).slice(0, max).trim() : undefined;
  const action = typed('action');
  if (action === 'change' && !request.fixedEmail)
    return loginPage(flow, { step: 'email', email: form.email, name: form.name }, undefined, 200);
  if (action === 'detect') {
    return detectStep(flow, {
      ...form,
      step: 'email',
      email: request.fixedEmail ?? typed('email_address') ?? '',
      password: undefined,
    });
  }
  return verifyStep(flow, form, typed);
}

/** The address step's work: a whole address, then the provider for it → the password step. */
async function detectStep(flow: LoginFlow, form: FormState): Promise<HostedAnswer> {
  const { ctx, m, request, input } = flow;
  try {
    if (!form.email)
      throw new ApiError('missing_fields', { missingFields: ['email_address'], message: 'Please enter your email address.' });
    const provider = await chooseProvider(ctx, request, form.email, input.source);
    return loginPage(flow, { ...form, step: 'password', provider }, undefined, 200);
  } catch (err) {
    const e = asApiError(err);
    if (request.redirectOnError) return errorRedirect(request.redirectUri, e, request.state);
    if (e.reason === 'internal') ctx.log.error({ err, event: 'oauth.authorize' }, 'hosted login detection failed unexpectedly');
    const pe = plainError(e, m);
    return loginPage(flow, form, { ...pe, field: pe.field === 'form' && e.reason === 'rate_limited' ? 'form' : 'email_address' }, e.status);
  }
}

/** The password step's work: name, password (typed, or kept from before), servers → authorize. */
async function verifyStep(flow: LoginFlow, form: FormState, typed: (k: string, max?: number) => string | undefined): Promise<HostedAnswer> {
  const { ctx, m, request, input } = flow;
  const email = request.fixedEmail ?? (form.step === 'password' && form.email ? form.email : (typed('email_address') ?? ''));
  const name = typed('name') ?? form.name ?? '';
  const givenPassword = typeof input.params.password === 'string' ? input.params.password : '';
  const password = givenPassword || form.password || '';
  const servers: Partial<Record<(typeof SERVER_FIELDS)[number], string>> = {};
  for (const k of SERVER_FIELDS) {
    const v = typed(k);
    if (v) servers[k] = v;
  }
  const manual = Boolean(servers.imap_host || servers.smtp_host);
  let provider = form.email === email ? form.provider : undefined;
  const next: FormState = { step: 'password', email, name, provider };
  try {
    if (!name) throw new ApiError('missing_fields', { missingFields: ['name'], message: 'Please enter your name.' });
    if (!email) throw new ApiError('missing_fields', { missingFields: ['email_address'], message: 'Please enter your email address.' });
    if (!password) throw new ApiError('missing_fields', { missingFields: ['password'], message: 'Please enter your password.' });
    provider ??= await chooseProvider(ctx, request, email, input.source);
    next.provider = provider;
    const base = {
      client_id: request.clientId,
      name,
      email_address: email,
      scopes: request.scopes,
      ...(request.reauthAccountId ? { reauth_account_id: request.reauthAccountId } : {}),
    };
    const body = manual
      ? { ...base, provider: 'imap', settings: { ...servers, imap_password: password } }
      : provider.settings
        ? { ...base, provider: 'imap', settings: { ...provider.settings, imap_password: password } }
        : { ...base, provider: provider.auth, settings: { password } };
    const { code } = await authorize(ctx, body, input.source, { redirectUri: request.redirectUri, codeChallenge: request.codeChallenge });
    return { kind: 'redirect', location: withParams(request.redirectUri, { code, state: request.state }) };
  } catch (err) {
    const e = asApiError(err);
    if (e.reason === 'internal') ctx.log.error({ err, event: 'oauth.authorize' }, 'hosted login failed unexpectedly');
    if (request.redirectOnError) return errorRedirect(request.redirectUri, e, request.state);
    const view = providerView(ctx, next.provider);
    const pe = plainError(e, m, view);
    // Not about the password: keep it (sealed), so the person does not type it again.
    if (password && pe.field !== 'password' && password.length <= KEEP_PASSWORD_MAX) next.password = password;
    // No provider for the address, or its servers failed: ask for the servers, filled in with what was detected.
    const serverProblem = pe.field === 'imap_host' || pe.field === 'smtp_host';
    if (!next.provider && (e.reason === 'invalid_value' || e.reason === 'unsupported_provider') && pe.field !== 'name') {
      return loginPage(flow, { step: 'email', email, name }, { ...pe, field: 'email_address' }, e.status);
    }
    if (next.provider && serverProblem && !next.provider.manual && (next.provider.settings || manual))
      next.provider = { ...next.provider, manual: true };
    next.provider ??= { auth: 'imap', manual: serverProblem };
    const values = manual ? servers : next.provider.settings ? stringValues(next.provider.settings) : {};
    return loginPage(flow, next, pe, e.status, values);
  }
}

function stringValues(settings: Record<string, string | number>): LoginPage['values'] {
  const out: LoginPage['values'] = {};
  for (const k of SERVER_FIELDS) if (settings[k] !== undefined) out[k] = String(settings[k]);
  return out;
}

function loginPage(
  flow: LoginFlow,
  form: FormState,
  error: PlainError | undefined,
  status: number,
  values: LoginPage['values'] = {},
): HostedAnswer {
  const { ctx, m, target, request, csrf, input } = flow;
  const nonce = randomBytes(16).toString('base64');
  const provider = providerView(ctx, form.provider);
  const page: LoginPage = {
    m,
    appName: target.app.name,
    iconUrl: target.app.iconUrl,
    accentColor: target.app.accentColor ?? null,
    sealed: sealRequest(ctx, request, csrf, form),
    csrf,
    scopes: request.scopes,
    step: form.step,
    email: form.email ?? '',
    emailFixed: Boolean(request.fixedEmail),
    name: form.name ?? '',
    ...(form.provider
      ? { provider: { ...provider, appPasswords: form.provider.appPasswords, host: form.provider.settings?.imap_host?.toString() } }
      : {}),
    showServers: Boolean(form.provider?.manual),
    domain: (form.email ?? '').split('@')[1] ?? '',
    values: Object.keys(values).length ? values : form.provider?.settings ? stringValues(form.provider.settings) : {},
    passwordKept: Boolean(form.password),
    ...(error ? { error } : {}),
    cancelUrl: withParams(request.redirectUri, {
      error: 'access_denied',
      error_description: 'The person cancelled the sign-in.',
      state: request.state,
    }),
    reconnect: Boolean(request.fixedEmail),
  };
  const cookie = `${CSRF_COOKIE}=${csrf}; Path=/oauth/authorize; HttpOnly; SameSite=Strict; Max-Age=1800${input.secure ? '; Secure' : ''}`;
  return {
    kind: 'page',
    status,
    html: renderLoginPage(page, nonce),
    csp: pageCsp(nonce, target.app.iconUrl, request.redirectUri),
    setCookie: cookie,
    language: m.lang,
  };
}

/** The page's words, from the browser's `Accept-Language` and the operator's catalogues. */
function messages(ctx: AppContext, input: HostedInput): Messages {
  return messagesFor(input.acceptLanguage, loadCatalogues(ctx.config.hostedLocalesDir));
}

/**
 * The page's Content-Security-Policy: nothing but its own nonce'd style and script and the
 * application's logo; forms may post only here and be redirected only to the registered
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
  return (
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src ${img ?? "'none'"}; ` +
    `form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`
  );
}

function errorPage(m: Messages, err: unknown): HostedAnswer {
  const e = asApiError(err);
  const nonce = randomBytes(16).toString('base64');
  const [title, text] =
    e.reason === 'csrf_failed'
      ? [m.t('errorpage.csrf'), m.t('errorpage.csrf.text')]
      : e.reason === 'login_expired'
        ? [m.t('errorpage.expired'), m.t('errorpage.expired.text')]
        : [m.t('errorpage.link'), e.status >= 500 ? m.t('error.internal') : e.message];
  const detail = e.status >= 500 || text === e.message ? undefined : e.message;
  const status = e.reason === 'csrf_failed' ? 403 : e.status >= 500 ? 500 : 400;
  return { kind: 'page', status, html: renderErrorPage(m, title, text, detail, nonce), csp: pageCsp(nonce, null), language: m.lang };
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
