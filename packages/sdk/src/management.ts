import type { AccountCredentials, Application, ApplicationUpdate, HostedTokenResponse, ManagementAccount, RevokeResponse, SuccessResponse, TokenInfo } from './types.ts';

/** Per-call options (as in client.ts). */
export interface CallOptions {
  signal?: AbortSignal;
}

/** How the client sends one request; every failure rejects with a LatchkeyError. */
export type Caller = <T>(method: string, path: string, o: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal }) => Promise<T>;

/** The v2 management API (`/a/{client_id}/accounts…`, reference §6.3). Needs `clientSecret`: backend only. */
export interface AccountsApi {
  /** `GET /a/{client_id}/accounts`: oldest first; `limit` default 100, `offset` default 0. */
  list(page?: { limit?: number; offset?: number }, options?: CallOptions): Promise<ManagementAccount[]>;
  /** `GET /a/{client_id}/accounts/{id}`. Unknown → 404 `account_not_found`. */
  get(accountId: string, options?: CallOptions): Promise<ManagementAccount>;
  /** `PUT /a/{client_id}/accounts/{id}`: replaces `metadata` (≤ 50 keys of 1–40 characters, string values ≤ 500). */
  update(accountId: string, changes: { metadata: Record<string, string> }, options?: CallOptions): Promise<ManagementAccount>;
  /** `DELETE /a/{client_id}/accounts/{id}`: the account, its credentials and every token. */
  delete(accountId: string, options?: CallOptions): Promise<SuccessResponse>;
  /** `POST …/revoke-all`: every token of the account except `keepAccessToken`. None left → 404 `no_tokens`. */
  revokeAll(accountId: string, keepAccessToken?: string, options?: CallOptions): Promise<SuccessResponse>;
  /** `POST …/token-info`: when the token was issued, its scopes, `valid` or `invalid` (revoked). */
  tokenInfo(accountId: string, accessToken: string, options?: CallOptions): Promise<TokenInfo>;
  /** `POST …/downgrade`: `billing_state` `cancelled`; its tokens answer 403 `account_cancelled` until upgraded. */
  downgrade(accountId: string, options?: CallOptions): Promise<SuccessResponse>;
  /** `POST …/upgrade`: `billing_state` `paid`. */
  upgrade(accountId: string, options?: CallOptions): Promise<SuccessResponse>;
  /**
   * `GET …/credentials[?protocol=]` (Latchkey extension): the account's connection — settings
   * plus a password, or an OAuth access token Latchkey keeps fresh — for the application's own
   * IMAP/SMTP code. Only once the application opted in (`application.update({ credentials_release: true })`).
   * Refusals: 403 `credentials_release_disabled` / `insufficient_scope` / `refresh_token_revoked`,
   * 404 `account_not_found`, 409 `account_invalid` (wait for the `account.running` webhook), 429 `rate_limited`.
   */
  credentials(accountId: string, o?: { protocol?: 'imap' | 'smtp' | 'ews' }, options?: CallOptions): Promise<AccountCredentials>;
}

/** `GET` / `PUT /a/{client_id}`. Needs `clientSecret`. */
export interface ApplicationApi {
  get(options?: CallOptions): Promise<Application>;
  update(changes: ApplicationUpdate, options?: CallOptions): Promise<Application>;
}

/** `/oauth/*`: the hosted-login code exchange and token revocation. */
export interface OAuthApi {
  /** `POST /oauth/revoke`: revokes the given access token (sent as the Basic username). */
  revoke(accessToken: string, options?: CallOptions): Promise<RevokeResponse>;
  /**
   * `POST /oauth/token`: exchanges a code from the hosted login page. Sends `clientSecret` when the
   * client has one (backend); a public client (SPA, mobile) passes `codeVerifier` instead (PKCE).
   * `redirectUri`, when given, must be the one the code was issued for.
   * @throws TypeError when there is neither a client secret nor a code verifier (before any request).
   */
  token(code: string, o?: { codeVerifier?: string; redirectUri?: string }, options?: CallOptions): Promise<HostedTokenResponse>;
}

/** `Authorization: Basic base64(user:)` with `btoa` (browsers and Node 20; the values are ASCII). */
export function basicAuth(user: string): Record<string, string> {
  return { authorization: `Basic ${btoa(`${user}:`)}` };
}

/**
 * Builds the management methods over `call`. `secret()` returns the client secret or throws a
 * TypeError naming the method (checked before any request).
 */
export function managementApis(call: Caller, clientId: string, secret: (method: string) => string): { accounts: AccountsApi; application: ApplicationApi } {
  const app = `/a/${encodeURIComponent(clientId)}`;
  const acct = (id: string) => `${app}/accounts/${encodeURIComponent(id)}`;
  const admin = (method: string, o?: CallOptions) => ({ headers: basicAuth(secret(method)), ...o });
  return {
    accounts: {
      list: async (page = {}, o) => {
        const q = new URLSearchParams();
        if (page.limit !== undefined) q.set('limit', String(page.limit));
        if (page.offset !== undefined) q.set('offset', String(page.offset));
        const qs = q.toString();
        return call('GET', `${app}/accounts${qs ? `?${qs}` : ''}`, admin('accounts.list', o));
      },
      get: async (id, o) => call('GET', acct(id), admin('accounts.get', o)),
      update: async (id, changes, o) => call('PUT', acct(id), { body: changes, ...admin('accounts.update', o) }),
      delete: async (id, o) => call('DELETE', acct(id), admin('accounts.delete', o)),
      revokeAll: async (id, keep, o) => call('POST', `${acct(id)}/revoke-all`, { body: keep === undefined ? {} : { keep_access_token: keep }, ...admin('accounts.revokeAll', o) }),
      tokenInfo: async (id, token, o) => call('POST', `${acct(id)}/token-info`, { body: { access_token: token }, ...admin('accounts.tokenInfo', o) }),
      downgrade: async (id, o) => call('POST', `${acct(id)}/downgrade`, admin('accounts.downgrade', o)),
      upgrade: async (id, o) => call('POST', `${acct(id)}/upgrade`, admin('accounts.upgrade', o)),
      credentials: async (id, q = {}, o) => call('GET', `${acct(id)}/credentials${q.protocol ? `?protocol=${encodeURIComponent(q.protocol)}` : ''}`, admin('accounts.credentials', o)),
    },
    application: {
      get: async (o) => call('GET', app, admin('application.get', o)),
      update: async (changes, o) => call('PUT', app, { body: changes, ...admin('application.update', o) }),
    },
  };
}

export function oauthApi(call: Caller, clientId: string, clientSecret: string | undefined): OAuthApi {
  return {
    revoke: (token, o) => call('POST', '/oauth/revoke', { headers: basicAuth(token), ...o }),
    token: async (code, p = {}, o) => {
      if (!clientSecret && !p.codeVerifier) throw new TypeError('Latchkey: oauth.token needs clientSecret (backend) or a PKCE codeVerifier (public client)');
      const body: Record<string, string> = { client_id: clientId, code, grant_type: 'authorization_code' };
      if (clientSecret) body.client_secret = clientSecret;
      if (p.codeVerifier) body.code_verifier = p.codeVerifier;
      if (p.redirectUri) body.redirect_uri = p.redirectUri;
      return call('POST', '/oauth/token', { body, ...o });
    },
  };
}
