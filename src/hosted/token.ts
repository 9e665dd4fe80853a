import type { AppContext } from '../app/context.ts';
import type { RequestSource } from '../connect/authorize.ts';
import { authenticateClient, knownClient } from '../connect/clients.ts';
import { redeemCode, tokenAudit, type TokenAudit } from '../connect/token.ts';
import { recordAudit } from '../audit/record.ts';
import { ApiError, missingFieldsError } from '../errors/api-error.ts';
import { isCodeVerifier, s256 } from './request.ts';

/** `POST`/`GET /oauth/token` answer (reference §6.7 `HostedAuthenticationToken`). */
export interface HostedToken {
  access_token: string;
  account_id: string;
  email_address: string;
  provider: string;
  token_type: 'bearer';
}

/**
 * `/oauth/token` (reference §6.7; RFC 6749 §4.1.3; RFC 7636 §4.5–4.6): exchanges a code from the
 * hosted login page. The client authenticates with `client_secret`, or — a public client (SPA,
 * mobile app) — proves possession with `code_verifier` alone when the code was issued with a
 * PKCE challenge. `grant_type`, when sent, must be `authorization_code`; `redirect_uri`, when
 * sent, must be the one the code was issued for (the v2 SDKs do not send it, so it is optional).
 * A wrong secret, verifier or redirect URI does not burn the code.
 * @throws ApiError `unsupported_grant_type`, `missing_fields`, `invalid_value` (a malformed
 *   verifier), `invalid_client` (401), `invalid_code` (400: unknown, used, expired, or not
 *   matching the redirect URI / verifier).
 */
export async function hostedToken(ctx: AppContext, p: Record<string, unknown>, source: RequestSource): Promise<HostedToken> {
  const audit = tokenAudit(ctx, 'oauth.token', source, ctx.now());
  if (p.grant_type !== undefined && p.grant_type !== 'authorization_code') throw new ApiError('unsupported_grant_type');
  const given = (k: string) => typeof p[k] === 'string' && p[k] !== '';
  const missing = ['client_id', 'code'].filter((k) => !given(k));
  if (!given('client_secret') && !given('code_verifier')) missing.push('client_secret');
  if (missing.length) {
    const pkce = missing.includes('client_secret') ? ' (or code_verifier, for a PKCE client)' : '';
    throw missingFieldsError(missing, { after: `${pkce}.` });
  }
  const verifier = p.code_verifier;
  if (verifier !== undefined && verifier !== '' && !isCodeVerifier(verifier))
    throw new ApiError('invalid_value', {
      message: 'code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~" (RFC 7636 §4.1).',
    });
  const redirectUri = p.redirect_uri;
  if (redirectUri !== undefined && typeof redirectUri !== 'string')
    throw new ApiError('invalid_value', { message: 'redirect_uri must be a string.' });
  const clientId = p.client_id as string;
  const secret = given('client_secret') ? p.client_secret : undefined;
  await checkExchangeClient(ctx, clientId, audit, secret === undefined ? undefined : () => authenticateClient(ctx.store, clientId, secret));
  const binding = {
    hosted: true as const,
    ...(redirectUri ? { redirectUri } : {}),
    codeChallenge: isCodeVerifier(verifier) ? s256(verifier) : null,
  };
  const { account, accessToken } = await redeemCode(ctx, clientId, p.code as string, binding, audit);
  return {
    access_token: accessToken,
    account_id: account.id,
    email_address: account.emailAddress,
    provider: account.provider,
    token_type: 'bearer',
  };
}

/**
 * The client of a hosted-code exchange (`/oauth/token`, `POST /v3/connect/token`): checked by
 * `authenticate` when a client_secret was sent, else (a PKCE public client) only known to exist.
 * A refused application that exists is audited `invalid_client`; an invented client_id is not.
 * @throws ApiError `invalid_client` (401).
 */
export async function checkExchangeClient(
  ctx: AppContext,
  clientId: string,
  audit: TokenAudit,
  authenticate: (() => Promise<unknown>) | undefined,
): Promise<void> {
  try {
    if (authenticate) await authenticate();
    else await knownClient(ctx.store, clientId);
  } catch (err) {
    if (await ctx.store.findApplication(clientId)) await recordAudit(ctx, audit(clientId, 'invalid_client'));
    throw err;
  }
}
