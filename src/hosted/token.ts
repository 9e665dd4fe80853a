import type { AppContext } from '../app/context.ts';
import type { RequestSource } from '../connect/authorize.ts';
import { authenticateClient, knownClient } from '../connect/clients.ts';
import { redeemCode } from '../connect/token.ts';
import { recordAudit, type AuditInput } from '../audit/record.ts';
import { ApiError } from '../errors/api-error.ts';
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
  const started = ctx.now();
  const audit = (clientId: string, outcome: string, more: Partial<AuditInput> = {}): AuditInput => ({
    event: 'oauth.token',
    clientId,
    outcome,
    sourceIp: source.ip,
    durationMs: ctx.now() - started,
    ...more,
  });
  if (p.grant_type !== undefined && p.grant_type !== 'authorization_code') throw new ApiError('unsupported_grant_type');
  const given = (k: string) => typeof p[k] === 'string' && p[k] !== '';
  const missing = ['client_id', 'code'].filter((k) => !given(k));
  if (!given('client_secret') && !given('code_verifier')) missing.push('client_secret');
  if (missing.length) {
    throw new ApiError('missing_fields', {
      missingFields: missing,
      message: `Please include the missing fields: ${missing.join(', ')}${missing.includes('client_secret') ? ' (or code_verifier, for a PKCE client)' : ''}.`,
    });
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
  try {
    if (given('client_secret')) await authenticateClient(ctx.store, clientId, p.client_secret);
    else await knownClient(ctx.store, clientId);
  } catch (err) {
    if (await ctx.store.findApplication(clientId)) await recordAudit(ctx, audit(clientId, 'invalid_client'));
    throw err;
  }
  const binding = {
    hosted: true as const,
    ...(redirectUri ? { redirectUri } : {}),
    codeChallenge: isCodeVerifier(verifier) ? s256(verifier) : null,
  };
  const account = await redeemCode(ctx, clientId, p.code as string, binding, audit);
  return {
    access_token: account.access_token,
    account_id: account.account_id,
    email_address: account.email_address,
    provider: account.provider,
    token_type: 'bearer',
  };
}
