import type { AppContext } from '../app/context.ts';
import { authorize, type RequestSource } from '../connect/authorize.ts';
import { redeemCode, tokenAudit } from '../connect/token.ts';
import { ApiError, missingFieldsError } from '../errors/api-error.ts';
import { ownAccount } from '../manage/accounts.ts';
import { connectorFor } from '../connectors/connectors.ts';
import type { Application } from '../store/store.ts';
import { grantView } from './grants.ts';
import { v2ProviderName, v3ProviderName } from '../providers/v3-names.ts';
import type { Grant } from './schemas.ts';

/**
 * `POST /v3/connect/custom` (Nylas v3 "custom authentication", the SDK's
 * `auth.customAuthentication`): v2's `/connect/authorize` followed by `/connect/token`, in one
 * call — the same steps, so the same detection, verification with the provider, errors and
 * brute-force limits — answering the grant instead of a code. A second call for the same address
 * re-authenticates the existing grant and keeps its id (v2's one account per address).
 *
 * Body: `{provider, settings, state?, scope?}`. Settings by provider:
 * - `imap`: `imap_username`, `imap_password`, `imap_host`, `imap_port`, `smtp_host`,
 *   `smtp_port`, `smtp_username`, `smtp_password` (and v2's `imap_security`, `smtp_security`,
 *   `ssl_required`); missing servers are detected, as on `/connect/authorize`.
 * - a known password provider (`icloud`, `yahoo`, `aol`, …): `username` (or `imap_username`;
 *   default the address) and `password` (or `imap_password`).
 * - `ews`: `username`, `password`, optional `exchange_server_host` (else Autodiscover).
 * - `google`, `microsoft`: `refresh_token` and `email` (the address it belongs to; Latchkey
 *   checks the token names it), Microsoft also `redirect_uri` (v2's M1); the OAuth client is the
 *   application's connector (`POST /v3/connectors`).
 * The grant's address is `settings.email` when given, else (password providers) the IMAP/EWS
 * username when it is an address; its name `settings.name`, else the address. `state` and
 * `scope` are accepted and not kept.
 * @throws ApiError `missing_fields` (400) naming `provider`, `settings` or `settings.*`;
 *   `connector_not_found` (404) for google/microsoft without a connector; `unsupported_provider`
 *   (400) for providers Latchkey does not connect; every error of `/connect/authorize`.
 */
export async function customAuthentication(
  ctx: AppContext,
  app: Application,
  body: Record<string, unknown>,
  source: RequestSource,
  reauthAccountId?: string,
): Promise<Grant> {
  const started = ctx.now();
  const v2 = await authorizeBody(ctx, app.clientId, body, reauthAccountId);
  const { code } = await authorize(ctx, v2, source);
  const audit = tokenAudit(ctx, 'connect.token', source, started);
  const { account } = await redeemCode(ctx, app.clientId, code, { hosted: false }, audit, { issueToken: false });
  return grantView(account);
}

/**
 * `PATCH /v3/grants/{id}` with `{settings}` (the SDK's `grants.update`): new credentials for the
 * grant — a password changed, a server moved — verified with the provider like a new connection
 * and stored on the same grant. The grant's stored server settings are the starting point, so
 * `{"settings": {"imap_password": "…"}}` is enough.
 * @throws ApiError `account_not_found` (404); `invalid_value` (400) without `settings` (Latchkey
 *   keeps the scopes a grant was connected with); every error of custom authentication.
 */
export async function updateGrant(
  ctx: AppContext,
  app: Application,
  grantId: string,
  body: Record<string, unknown>,
  source: RequestSource,
): Promise<Grant> {
  const account = await ownAccount(ctx.store, app, grantId);
  const settings = body.settings;
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) {
    throw new ApiError('invalid_value', {
      message: 'Send {"settings": {…}} with the grant’s new credentials: Latchkey keeps the scopes a grant was connected with.',
    });
  }
  const merged = { ...account.settings, ...(settings as Record<string, unknown>), email: account.emailAddress, name: account.name };
  return customAuthentication(ctx, app, { provider: v3ProviderName(account.provider), settings: merged }, source, account.id);
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The v2 `/connect/authorize` body a v3 custom-auth body means (names only: nothing is checked
 * twice). For `google` / `microsoft` the OAuth client is the application's connector
 * (connectors/connectors.ts) and the refresh token `settings.refresh_token`.
 */
async function authorizeBody(
  ctx: AppContext,
  clientId: string,
  body: Record<string, unknown>,
  reauthAccountId: string | undefined,
): Promise<Record<string, unknown>> {
  const missing = ['provider', 'settings'].filter((k) => body[k] === undefined || body[k] === null || body[k] === '');
  if (missing.length) throw new ApiError('missing_fields', { missingFields: missing });
  if (typeof body.provider !== 'string') throw new ApiError('invalid_value', { message: 'provider must be a string.' });
  if (typeof body.settings !== 'object' || Array.isArray(body.settings))
    throw new ApiError('invalid_value', { message: 'settings must be an object.' });
  const provider = body.provider.trim().toLowerCase();
  const oauth = provider === 'google' || provider === 'microsoft';
  const { email: givenEmail, name: givenName, credential_id: _credentialId, ...given } = body.settings as Record<string, unknown>;
  let settings = given;
  const email = [givenEmail, ...(oauth ? [] : [settings.imap_username, settings.username])].find(
    (v) => typeof v === 'string' && EMAIL_LIKE.test(v.trim()),
  );
  if (typeof email !== 'string') {
    throw new ApiError('missing_fields', {
      missingFields: ['settings.email'],
      message: oauth
        ? 'Please include settings.email: the address the refresh token belongs to (Latchkey checks that the token names it).'
        : 'Please include the account’s address: settings.email (or an imap_username / username that is the address).',
    });
  }
  if (oauth) settings = await oauthSettings(ctx, clientId, provider, given);
  else if (provider !== 'imap' && provider !== 'ews') {
    // Known password providers read `username`/`password` (v2 variant K).
    if (settings.username === undefined && settings.imap_username !== undefined) settings.username = settings.imap_username;
    if (settings.password === undefined && settings.imap_password !== undefined) settings.password = settings.imap_password;
  }
  return {
    client_id: clientId,
    name: typeof givenName === 'string' && givenName.trim() ? givenName : email.trim(),
    email_address: email.trim(),
    provider: v2ProviderName(provider),
    settings,
    ...(reauthAccountId ? { reauth_account_id: reauthAccountId } : {}),
  };
}

/**
 * v2's G1 / M1 settings from the application's connector and the grant's refresh token.
 * Microsoft's refresh is sent with `settings.redirect_uri` when given (v2's M1 requires one).
 * @throws ApiError `connector_not_found` (404) without a connector for the provider;
 *   `missing_fields` without `settings.refresh_token` (or, for microsoft, `settings.redirect_uri`).
 */
async function oauthSettings(
  ctx: AppContext,
  clientId: string,
  provider: 'google' | 'microsoft',
  s: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const connector = await connectorFor(ctx, clientId, provider);
  if (!connector)
    throw new ApiError('connector_not_found', {
      message:
        `This application has no ${provider} connector: create one with POST /v3/connectors (its OAuth client ` +
        `id and secret) before connecting ${provider} grants.`,
    });
  const missing = ['refresh_token', ...(provider === 'microsoft' ? ['redirect_uri'] : [])].filter(
    (k) => typeof s[k] !== 'string' || (s[k] as string).trim() === '',
  );
  if (missing.length) throw missingFieldsError(missing, { inSettings: true, wireNames: missing.map((k) => `settings.${k}`) });
  return {
    [`${provider}_client_id`]: connector.clientId,
    [`${provider}_client_secret`]: connector.clientSecret,
    [`${provider}_refresh_token`]: s.refresh_token,
    ...(provider === 'microsoft' ? { redirect_uri: s.redirect_uri } : {}),
  };
}
