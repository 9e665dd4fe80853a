import { recordAudit } from '../audit/record.ts';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { hashSecret } from '../crypto/tokens.ts';
import { tokenFromHeader } from './account.ts';

/**
 * `POST /oauth/revoke` (reference §6.2): revokes the presenting token, sent as the HTTP Basic
 * username (empty password) or as Bearer. Answers `{"success": true}`; the token answers 401 from
 * then on.
 * @throws ApiError `invalid_token` (401) for a missing, unknown or already revoked token.
 */
export async function revokePresentedToken(ctx: AppContext, authorization: string | undefined): Promise<{ success: true }> {
  const token = tokenFromHeader(authorization);
  if (!token || !(await revokeAccessToken(ctx, token))) throw new ApiError('invalid_token');
  return { success: true };
}

/**
 * Revokes one access token (v2 `/oauth/revoke`, v3 `/v3/connect/revoke`): it answers 401 from
 * the next request on; the account and its other tokens stay. Audited as `token.revoked`.
 * @returns false when the token is unknown or was revoked already.
 */
export async function revokeAccessToken(ctx: AppContext, token: string): Promise<boolean> {
  const hash = hashSecret(token);
  const found = await ctx.store.findToken(hash);
  if (!found || !(await ctx.store.revokeToken(hash, Math.floor(ctx.now() / 1000)))) return false;
  ctx.log.info({ account_id: found.account.id }, 'token revoked by its holder');
  await recordAudit(ctx, {
    event: 'token.revoked',
    clientId: found.token.clientId,
    outcome: 'ok',
    accountId: found.account.id,
    revokedTokens: 1,
  });
  return true;
}
