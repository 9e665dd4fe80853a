import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { hashSecret } from '../crypto/tokens.ts';
import { accountView, type AccountView } from './account-view.ts';
import type { Account } from '../store/store.ts';

/**
 * Reads the access token from `Authorization`: `Bearer T`, HTTP Basic with T as the username
 * (v2 reference §6.4), or the bare token (the PHP SDK sends it without a scheme).
 */
export function tokenFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^\s*(\S+)(?:\s+(\S+))?\s*$/.exec(header);
  if (!m) return undefined;
  const [, scheme = '', value] = m;
  if (/^bearer$/i.test(scheme)) return value || undefined;
  if (/^basic$/i.test(scheme) && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const user = decoded.split(':')[0];
    return user || undefined;
  }
  return value === undefined ? scheme : undefined;
}

/**
 * `GET /account`: the account behind a valid (unrevoked) access token.
 * @throws ApiError `invalid_token` (401); `account_cancelled` (403) while the account is downgraded.
 */
export async function currentAccount(ctx: AppContext, authorization: string | undefined): Promise<AccountView> {
  return accountView(await accountOfToken(ctx, authorization));
}

/**
 * The account behind the access token in `Authorization` (v2 `GET /account`, v3 `GET /v3/grants/me`).
 * @throws ApiError `invalid_token` (401) for a missing, unknown or revoked token;
 *   `account_cancelled` (403) while the account is downgraded.
 */
export async function accountOfToken(ctx: AppContext, authorization: string | undefined): Promise<Account> {
  const token = tokenFromHeader(authorization);
  if (!token) throw new ApiError('invalid_token');
  const found = await ctx.store.findToken(hashSecret(token));
  if (!found || found.token.revokedAt !== null) throw new ApiError('invalid_token');
  if (found.account.billingState === 'cancelled') throw new ApiError('account_cancelled');
  return found.account;
}
