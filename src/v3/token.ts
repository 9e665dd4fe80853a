import type { AppContext } from '../app/context.ts';
import type { RequestSource } from '../connect/authorize.ts';
import { authenticateClient } from '../connect/clients.ts';
import { redeemCode, tokenAudit } from '../connect/token.ts';
import { hashSecret, PREFIX } from '../crypto/tokens.ts';
import { ApiError, missingFieldsError } from '../errors/api-error.ts';
import { s256 } from '../hosted/request.ts';
import { checkExchangeClient } from '../hosted/token.ts';
import { authenticateApiKey } from '../manage/api-keys.ts';
import type { Application } from '../store/store.ts';
import { isV3CodeVerifier } from './connect-auth.ts';
import { v3ProviderName } from '../providers/v3-names.ts';

/** `POST /v3/connect/token`'s answer (the SDK's `CodeExchangeResponse`, snake_case on the wire). */
export interface V3CodeExchange {
  access_token: string;
  token_type: 'Bearer';
  /** The grant (= Latchkey account) id. */
  grant_id: string;
  email: string;
  /** v3 provider name (`imap`, `icloud`, `google`, …). */
  provider: string;
  /** The account's Latchkey scopes, space-separated (RFC 6749 §5.1). */
  scope: string;
}

/**
 * `POST /v3/connect/token` with `grant_type=authorization_code` (RFC 6749 §4.1.3, RFC 7636
 * §4.5): redeems a code from the hosted page reached through `/v3/connect/auth`, with the v2
 * flow's `redeemCode` (atomic, single use, a replay revokes what the code issued). The client
 * authenticates with `client_secret` — in v3 an API key of the application (what the SDK sends
 * when no secret is given), or the application's v2 client secret — or, a public client, with
 * the PKCE `code_verifier` alone. `redirect_uri`, when sent, must be the code's. A wrong secret,
 * verifier or redirect URI does not burn the code.
 *
 * `grant_type=refresh_token` is refused (`unsupported_grant_type`): Latchkey's access tokens do
 * not expire — they are valid until revoked — so no refresh token is issued.
 * @throws ApiError `unsupported_grant_type`, `missing_fields`, `invalid_value`, `invalid_client`
 *   (401), `invalid_code` (400).
 */
export async function v3Token(ctx: AppContext, p: Record<string, unknown>, source: RequestSource): Promise<V3CodeExchange> {
  const audit = tokenAudit(ctx, 'oauth.token', source, ctx.now());
  if (p.grant_type === 'refresh_token') {
    throw new ApiError('unsupported_grant_type', {
      message:
        'Latchkey’s access tokens do not expire (they are valid until revoked), so it issues no refresh_token: ' +
        'use the access_token from the code exchange.',
    });
  }
  if (p.grant_type !== 'authorization_code') throw new ApiError('unsupported_grant_type');
  const given = (k: string) => typeof p[k] === 'string' && p[k] !== '';
  const missing = ['client_id', 'code'].filter((k) => !given(k));
  if (!given('client_secret') && !given('code_verifier')) missing.push('client_secret');
  if (missing.length) throw missingFieldsError(missing, { after: '.' });
  const verifier = given('code_verifier') ? p.code_verifier : undefined;
  if (verifier !== undefined && !isV3CodeVerifier(verifier))
    throw new ApiError('invalid_value', {
      message:
        'code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~" (RFC 7636 §4.1), ' +
        'or the nylas SDK’s PKCE secret.',
    });
  if (p.redirect_uri !== undefined && typeof p.redirect_uri !== 'string')
    throw new ApiError('invalid_value', { message: 'redirect_uri must be a string.' });
  const clientId = p.client_id as string;
  const secret = given('client_secret') ? (p.client_secret as string) : undefined;
  await checkExchangeClient(ctx, clientId, audit, secret === undefined ? undefined : () => authenticateV3Client(ctx, clientId, secret));
  const binding = {
    hosted: true as const,
    ...(p.redirect_uri ? { redirectUri: p.redirect_uri as string } : {}),
    codeChallenge: verifier ? s256(verifier) : null,
  };
  // The token is issued with the scopes the account is stored with (redeemCode).
  const { account, accessToken } = await redeemCode(ctx, clientId, p.code as string, binding, audit);
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    grant_id: account.id,
    email: account.emailAddress,
    provider: v3ProviderName(account.provider),
    scope: account.scopes.split(',').filter(Boolean).join(' '),
  };
}

/**
 * A v3 client secret: an API key of this application (`lkak_…`), or its v2 client secret.
 * @throws ApiError `invalid_client` (401), one answer for every failure.
 */
async function authenticateV3Client(ctx: AppContext, clientId: string, secret: string): Promise<Application> {
  if (!secret.startsWith(PREFIX.apiKey)) return authenticateClient(ctx.store, clientId, secret);
  const app = await authenticateApiKey(ctx, `Bearer ${secret}`);
  if (app.clientId !== clientId) throw new ApiError('invalid_client');
  return app;
}

/** `GET /v3/connect/tokeninfo`'s answer (the SDK's `TokenInfoResponse`). Unix seconds. */
export interface V3TokenInfo {
  /** Who issued the token: this Latchkey's public URL (`LATCHKEY_PUBLIC_URL`), else `latchkey`. */
  iss: string;
  /** The application (client_id) the token was issued to. */
  aud: string;
  /** The grant (= account) id. */
  sub: string;
  email: string;
  iat: number;
}

/**
 * `GET /v3/connect/tokeninfo?access_token=…`: what an active access token of the calling
 * application stands for. Access tokens do not expire, so there is no `exp`. `id_token` is not
 * served: Latchkey issues no ID tokens.
 * @throws ApiError `missing_fields`, `invalid_value` (`id_token`), `invalid_token` (401: unknown,
 *   revoked, or another application's).
 */
export async function v3TokenInfo(ctx: AppContext, app: Application, q: Record<string, unknown>): Promise<V3TokenInfo> {
  if (typeof q.id_token === 'string' && q.id_token)
    throw new ApiError('invalid_value', { message: 'Latchkey issues no ID tokens: ask about an access_token.' });
  if (typeof q.access_token !== 'string' || !q.access_token) throw new ApiError('missing_fields', { missingFields: ['access_token'] });
  const found = await ctx.store.findToken(hashSecret(q.access_token));
  if (!found || found.token.revokedAt !== null || found.token.clientId !== app.clientId) throw new ApiError('invalid_token');
  return {
    iss: ctx.config.publicUrl ?? 'latchkey',
    aud: app.clientId,
    sub: found.account.id,
    email: found.account.emailAddress,
    iat: found.token.createdAt,
  };
}
