import type { AppContext } from '../app/context.ts';
import { ApiError, type Step } from '../errors/api-error.ts';
import { hashSecret, newSecret } from '../crypto/tokens.ts';
import { verifyContext } from '../mail/context.ts';
import { verifyCredentials, type VerifiedFacts } from '../providers/verify.ts';
import { knownClient } from './clients.ts';
import { parseAuthorizeRequest, type AuthorizeRequest } from './request.ts';
import { fillSettingsByDetection } from './detect-provider.ts';
import { normalizeLogin, type AdmitTicket } from '../limits/brute-force.ts';
import { emailHash, recordAudit } from '../audit/record.ts';

/** How long a code from `POST /connect/authorize` can be redeemed, seconds (DECISIONS "Codes": 15 minutes). */
export const CODE_TTL_SECONDS = 15 * 60;

/** What a code stands for until it is redeemed: kept encrypted with the code (AAD `code:<hash>`). */
export interface PendingConnection {
  name: string;
  email_address: string;
  email_key: string;
  provider: string;
  scopes: string;
  settings: Record<string, unknown>;
  /**
   * Stored encrypted per field (AAD `account:<id>:<field>`): `imap_password` / `smtp_password`
   * (password providers), `<google|microsoft>_client_secret` / `_refresh_token` (OAuth),
   * `password` (exchange).
   */
  secrets: Record<string, string>;
}

/** Where the request came from (the socket's address, or a declared proxy's report). */
export interface RequestSource {
  ip: string;
}

/** Hosted login (issue 8): what the code is bound to besides the client (RFC 6749 §4.1.3, RFC 7636 §4.4). */
export interface HostedBinding {
  redirectUri: string;
  /** PKCE S256 challenge, base64url; null without PKCE. */
  codeChallenge: string | null;
}

/**
 * `POST /connect/authorize` (v2 reference §2; DECISIONS "Codes"): known client → brute-force
 * limits admit the attempt (before any provider contact, detection included) → settings
 * completed by detection when some are missing → valid request →
 * re-auth target checked → a turn among the verifications in flight (503 `verification_busy`
 * when too many wait) → credentials verified with the provider (IMAP, then SMTP) → a
 * one-time code, valid 15 minutes, bound to the client (and, from the hosted login page, to the
 * redirect URI and PKCE challenge in `hosted`).
 * @returns `{ code }`
 * @throws ApiError — see the catalogue; provider failures carry `step`; 429 `rate_limited`
 *   when the client, the source IP or the (client, email) pair is over its limit.
 */
export async function authorize(
  ctx: AppContext,
  body: Record<string, unknown>,
  source: RequestSource,
  hosted?: HostedBinding,
): Promise<{ code: string }> {
  const started = ctx.now();
  let request: AuthorizeRequest | undefined;
  let ticket: AdmitTicket | undefined;
  // Set once the client is known: only then is the attempt audited (an unknown client_id is
  // anyone's to invent, and would let strangers fill the audit table).
  let clientId: string | undefined;
  try {
    const missing = ['client_id', 'name', 'email_address', 'provider', 'settings'].filter(
      (k) => body[k] === undefined || body[k] === null || body[k] === '',
    );
    if (missing.length) throw new ApiError('missing_fields', { missingFields: missing });
    if (typeof body.client_id !== 'string') throw new ApiError('invalid_value', { message: 'client_id must be a string.' });
    await knownClient(ctx.store, body.client_id);
    clientId = body.client_id;
    ticket = await ctx.guard.admit({
      clientId: body.client_id,
      emailKey: normalizedEmail(body),
      loginKey: loginName(body),
      smtpLoginKey: smtpLoginName(body),
      ip: source.ip,
    });
    request = parseAuthorizeRequest(await fillSettingsByDetection(ctx, body), ctx.providers);
    await checkReauthTarget(ctx, request);
    const r = request;
    const facts = await ctx.admission.run(() => verifyWithProvider(ctx, r));
    const code = await issueCode(ctx, request, facts, hosted);
    await ctx.guard.succeeded(ticket);
    logAttempt(ctx, request, body, started, 'ok');
    await auditAttempt(ctx, clientId, body, source, started, 'ok');
    ctx.metrics.authorize.inc({ reason: 'ok' });
    return { code };
  } catch (err) {
    if (ticket) await settle(ctx, ticket, err);
    const outcome = err instanceof ApiError ? err.reason : 'internal';
    ctx.metrics.authorize.inc({ reason: outcome });
    logAttempt(ctx, request, body, started, outcome, err);
    if (clientId) await auditAttempt(ctx, clientId, body, source, started, outcome);
    throw err;
  }
}

/**
 * DECISIONS "Outbound connections": the provider refusing the credentials (every 403 of
 * authorize) and a refused destination count as failed attempts; anything else gives the
 * reserved slot back.
 */
async function settle(ctx: AppContext, ticket: AdmitTicket, err: unknown): Promise<void> {
  const failure = err instanceof ApiError && (err.status === 403 || err.reason === 'destination_not_allowed');
  try {
    if (failure) await ctx.guard.failed(ticket);
    else await ctx.guard.released(ticket);
  } catch (guardErr) {
    ctx.log.error({ err: guardErr }, 'brute-force counters could not be updated');
  }
}

/** The address as the pair key uses it. */
function normalizedEmail(body: Record<string, unknown>): string | undefined {
  return typeof body.email_address === 'string' ? normalizeLogin(body.email_address) : undefined;
}

/**
 * The login the provider will be asked for: `imap_username` (or `username` for a known
 * provider), else the address it defaults to — what a guesser varies to dodge the pair limit.
 */
function loginName(body: Record<string, unknown>): string | undefined {
  const s = body.settings && typeof body.settings === 'object' ? (body.settings as Record<string, unknown>) : {};
  const name = [s.imap_username, s.username, body.email_address].find((v) => typeof v === 'string' && v.trim() !== '');
  return typeof name === 'string' ? normalizeLogin(name) : undefined;
}

/** `smtp_username` when given: the SMTP login, counted too (a guesser may vary everything else). */
function smtpLoginName(body: Record<string, unknown>): string | undefined {
  const s = body.settings && typeof body.settings === 'object' ? (body.settings as Record<string, unknown>) : {};
  return typeof s.smtp_username === 'string' && s.smtp_username.trim() !== '' ? normalizeLogin(s.smtp_username) : undefined;
}

async function checkReauthTarget(ctx: AppContext, r: AuthorizeRequest): Promise<void> {
  if (!r.reauthAccountId) return;
  const account = await ctx.store.findAccount(r.clientId, r.reauthAccountId);
  if (!account) throw new ApiError('account_not_found', { message: `No account ${r.reauthAccountId} exists for this application.` });
  if (account.emailKey !== r.emailKey) {
    throw new ApiError('email_mismatch', { message: `Account ${r.reauthAccountId} is ${account.emailAddress}, not ${r.emailAddress}.` });
  }
}

/**
 * IMAP first, then SMTP (the v2 order) — after minting an OAuth access token, or EWS for
 * Exchange (providers/verify.ts) — the whole bounded by the authorize timeout.
 */
async function verifyWithProvider(ctx: AppContext, r: AuthorizeRequest): Promise<VerifiedFacts> {
  // The deadline ends the verification itself, not only the reply: every socket it opened is
  // destroyed and SMTP is never started after it (no password is sent once the caller was told).
  const controller = new AbortController();
  let step: Step =
    r.method === 'oauth'
      ? 'oauth.refresh'
      : r.method === 'exchange'
        ? r.exchange.server
          ? 'ews.request'
          : 'ews.autodiscover'
        : 'imap.connect';
  const v = {
    ...verifyContext(ctx.dial, ctx.config, r),
    signal: controller.signal,
    onStep: (s: Step) => {
      step = s;
    },
  };
  let timer: NodeJS.Timeout | undefined;
  const seconds = ctx.config.timeouts.authorizeMs / 1000;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new ApiError('response_timeout', {
          step,
          message:
            `Verifying the account took longer than ${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s. ` +
            `The mail server may be overloaded; please try again later.`,
        }),
      );
    }, ctx.config.timeouts.authorizeMs);
  });
  const deps = { config: ctx.config, providers: ctx.providers, dns: ctx.detect.dns, metrics: ctx.metrics };
  try {
    return await Promise.race([verifyCredentials(deps, r, v), deadline]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

async function issueCode(ctx: AppContext, r: AuthorizeRequest, facts: VerifiedFacts, hosted: HostedBinding | undefined): Promise<string> {
  const code = newSecret('code');
  const codeHash = hashSecret(code);
  const pending: PendingConnection = {
    name: r.name,
    email_address: r.emailAddress,
    email_key: r.emailKey,
    provider: r.provider,
    scopes: r.scopes,
    ...storedCredentials(r, facts),
  };
  const nowSec = Math.floor(ctx.now() / 1000);
  await ctx.store.saveCode({
    codeHash,
    clientId: r.clientId,
    payload: ctx.keys.encrypt(JSON.stringify(pending), `code:${codeHash}`),
    createdAt: nowSec,
    expiresAt: nowSec + CODE_TTL_SECONDS,
    redirectUri: hosted?.redirectUri ?? null,
    codeChallenge: hosted?.codeChallenge ?? null,
  });
  return code;
}

/**
 * What the account keeps: non-secret settings in clear, every secret as its own encrypted field.
 * OAuth keeps the refresh token (the rotated one when the endpoint issued a new one) and client
 * secret, never an access token; Exchange keeps the EWS URL that answered.
 */
export function storedCredentials(r: AuthorizeRequest, facts: VerifiedFacts): Pick<PendingConnection, 'settings' | 'secrets'> {
  if (r.method === 'exchange') {
    const server = r.exchange.server;
    const host = server?.host.includes(':') ? `[${server.host}]` : server?.host;
    return {
      settings: {
        username: r.exchange.username,
        ...(server ? { exchange_server_host: server.port === 443 ? host : `${host}:${server.port}` } : {}),
        ...(facts.ewsUrl ? { ews_url: facts.ewsUrl } : {}),
      },
      secrets: { password: r.exchange.password },
    };
  }
  const settings: Record<string, unknown> = {
    imap_host: r.imap.host,
    imap_port: r.imap.port,
    imap_username: r.imap.username,
    imap_security: r.imap.security,
    smtp_host: r.smtp.host,
    smtp_port: r.smtp.port,
    smtp_username: r.smtp.username,
    smtp_security: r.smtp.security,
    ssl_required: r.imap.sslRequired,
  };
  if (r.method === 'password') return { settings, secrets: { imap_password: r.imap.password, smtp_password: r.smtp.password } };
  const p = r.platform;
  return {
    settings: { ...settings, [`${p}_client_id`]: r.oauth.clientId, ...(r.oauth.redirectUri ? { redirect_uri: r.oauth.redirectUri } : {}) },
    secrets: { [`${p}_client_secret`]: r.oauth.clientSecret, [`${p}_refresh_token`]: facts.rotatedRefreshToken ?? r.oauth.refreshToken },
  };
}

function auditAttempt(
  ctx: AppContext,
  clientId: string,
  body: Record<string, unknown>,
  source: RequestSource,
  started: number,
  outcome: string,
): Promise<void> {
  return recordAudit(ctx, {
    event: 'connect.authorize',
    clientId,
    outcome,
    emailHash: emailHash(body.email_address),
    sourceIp: source.ip,
    durationMs: ctx.now() - started,
  });
}

/** One line per attempt: outcome, client, a hash of the address (not the address), duration. */
function logAttempt(
  ctx: AppContext,
  r: AuthorizeRequest | undefined,
  body: Record<string, unknown>,
  started: number,
  outcome: string,
  err?: unknown,
): void {
  const entry = {
    event: 'connect.authorize',
    outcome,
    client_id: typeof body.client_id === 'string' ? body.client_id.slice(0, 40) : undefined,
    email_hash: emailHash(body.email_address),
    provider: r?.provider,
    step: err instanceof ApiError ? err.details.step : undefined,
    detail: err instanceof ApiError ? err.details.internal : undefined,
    duration_ms: ctx.now() - started,
  };
  if (outcome === 'internal') ctx.log.error({ ...entry, err }, 'authorize failed unexpectedly');
  else ctx.log.info(entry, 'authorize');
}
