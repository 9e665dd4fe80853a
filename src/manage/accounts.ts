import { emailHash, recordAudit } from '../audit/record.ts';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { hashSecret } from '../crypto/tokens.ts';
import type { Account, Application, Store } from '../store/store.ts';
import { managementAccountView, type ManagementAccountView } from '../connect/account-view.ts';
import { checkMetadata } from './validate.ts';
import { emitAccountEvent } from '../webhooks/events.ts';

/** v2 answers `{"success": "true"}` (a string, reference §6.3) to downgrade, upgrade and revoke-all. */
export const SUCCESS = { success: 'true' } as const;

/** Unix seconds of the context clock. */
const seconds = (ctx: AppContext) => Math.floor(ctx.now() / 1000);

/** @throws ApiError `account_not_found` (404 api_error) unless the account belongs to `app`. */
export async function ownAccount(store: Store, app: Application, accountId: string): Promise<Account> {
  const account = await store.findAccount(app.clientId, accountId);
  if (!account) throw new ApiError('account_not_found');
  return account;
}

/**
 * `GET /a/{client_id}/accounts?limit&offset`: the application's accounts, oldest first.
 * `limit` defaults to 100 (at most 1000), `offset` to 0.
 * @throws ApiError `invalid_value` (400) for a limit or offset that is not a whole number.
 */
export async function listAccounts(ctx: AppContext, app: Application, query: Record<string, unknown>): Promise<ManagementAccountView[]> {
  const limit = wholeNumber(query.limit, 'limit', 100);
  const offset = wholeNumber(query.offset, 'offset', 0);
  if (limit > 1000) throw new ApiError('invalid_value', { message: 'limit may be at most 1000.' });
  return (await ctx.store.listAccounts(app.clientId, { limit, offset })).map(managementAccountView);
}

/**
 * `PUT /a/{client_id}/accounts/{id}` with `{"metadata": {…}}`: replaces the account's metadata.
 * @throws ApiError `invalid_value` (400) for an empty body or metadata beyond the limits.
 */
export async function updateAccount(
  ctx: AppContext,
  app: Application,
  accountId: string,
  body: Record<string, unknown>,
): Promise<ManagementAccountView> {
  const account = await ownAccount(ctx.store, app, accountId);
  if (!('metadata' in body)) throw new ApiError('invalid_value', { message: 'Empty request body: send {"metadata": {…}}.' });
  const metadata = checkMetadata(body.metadata);
  const updated = await ctx.store.setAccountMetadata(account.id, metadata, seconds(ctx));
  if (!updated) throw new ApiError('account_not_found');
  await recordAudit(ctx, { event: 'account.metadata_updated', clientId: app.clientId, outcome: 'ok', accountId: account.id });
  return managementAccountView(updated);
}

/**
 * `DELETE /a/{client_id}/accounts/{id}`: the account, its stored credentials and every token go
 * in one statement; its tokens answer 401 at once.
 */
export async function deleteAccount(ctx: AppContext, app: Application, accountId: string): Promise<typeof SUCCESS> {
  const account = await ownAccount(ctx.store, app, accountId);
  if (!(await ctx.store.deleteAccount(account.id))) throw new ApiError('account_not_found');
  ctx.log.info({ account_id: account.id, client_id: app.clientId }, 'account deleted');
  await recordAudit(ctx, {
    event: 'account.deleted',
    clientId: app.clientId,
    outcome: 'ok',
    accountId: account.id,
    emailHash: emailHash(account.emailKey),
  });
  await emitAccountEvent(ctx, account, 'account.deleted');
  return SUCCESS;
}

/**
 * `POST …/downgrade` (`billing_state: cancelled`: its tokens answer 403 `account_cancelled` (auth_error) on
 * `GET /account`) and `POST …/upgrade` (`paid`: they work again).
 */
export async function setBilling(
  ctx: AppContext,
  app: Application,
  accountId: string,
  state: 'paid' | 'cancelled',
): Promise<typeof SUCCESS> {
  const account = await ownAccount(ctx.store, app, accountId);
  await ctx.store.setBillingState(account.id, state, seconds(ctx));
  ctx.log.info({ account_id: account.id, billing_state: state }, 'billing state changed');
  await recordAudit(ctx, {
    event: state === 'paid' ? 'account.upgraded' : 'account.downgraded',
    clientId: app.clientId,
    outcome: 'ok',
    accountId: account.id,
  });
  return SUCCESS;
}

/**
 * `POST …/revoke-all` with optional `keep_access_token`: revokes every token of the account but
 * the kept one (a kept token that is not this account's keeps nothing).
 * @throws ApiError `no_tokens` (404 api_error "No tokens found for that account id") when the
 *   account holds no unrevoked token.
 */
export async function revokeAll(
  ctx: AppContext,
  app: Application,
  accountId: string,
  body: Record<string, unknown>,
): Promise<typeof SUCCESS> {
  const account = await ownAccount(ctx.store, app, accountId);
  const keep = body.keep_access_token;
  if (keep !== undefined && keep !== null && typeof keep !== 'string')
    throw new ApiError('invalid_value', { message: 'keep_access_token must be a string.' });
  const revoked = await revokeAccountTokens(ctx.store, account.id, seconds(ctx), keep || undefined);
  ctx.log.info({ account_id: account.id, revoked, kept: Boolean(keep) }, 'tokens revoked');
  await recordAudit(ctx, {
    event: 'account.tokens_revoked',
    clientId: app.clientId,
    outcome: 'ok',
    accountId: account.id,
    revokedTokens: revoked,
  });
  return SUCCESS;
}

/**
 * Shared with `latchkey accounts revoke`: revokes the account's tokens except `keepToken`.
 * @returns how many were revoked.
 * @throws ApiError `no_tokens` when the account holds no unrevoked token.
 */
export async function revokeAccountTokens(store: Store, accountId: string, now: number, keepToken?: string): Promise<number> {
  return store.atomically(async (tx) => {
    if ((await tx.countActiveTokens(accountId)) === 0) throw new ApiError('no_tokens');
    return tx.revokeAccountTokens(accountId, now, keepToken === undefined ? undefined : hashSecret(keepToken));
  });
}

export interface TokenInfo {
  created_at: number;
  updated_at: number;
  scopes: string;
  state: 'valid' | 'invalid';
}

/**
 * `POST …/token-info` with `{"access_token"}`: the token's times (Unix seconds), scopes and state
 * (`invalid` once revoked).
 * @throws ApiError `missing_access_token` (400), `token_not_found` (404) for a token this account
 *   never had.
 */
export async function tokenInfo(ctx: AppContext, app: Application, accountId: string, body: Record<string, unknown>): Promise<TokenInfo> {
  const account = await ownAccount(ctx.store, app, accountId);
  const token = body.access_token;
  if (typeof token !== 'string' || token === '') throw new ApiError('missing_access_token');
  const found = await ctx.store.findToken(hashSecret(token));
  if (!found || found.token.accountId !== account.id) throw new ApiError('token_not_found');
  const t = found.token;
  return { created_at: t.createdAt, updated_at: t.updatedAt, scopes: t.scopes, state: t.revokedAt === null ? 'valid' : 'invalid' };
}

function wholeNumber(raw: unknown, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const s = String(raw);
  if (!/^\d{1,9}$/.test(s)) throw new ApiError('invalid_value', { message: `${name} must be a whole number.` });
  return Number(s);
}
