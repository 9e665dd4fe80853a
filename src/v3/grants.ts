import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { accountOfToken } from '../connect/account.ts';
import { deleteAccount, ownAccount } from '../manage/accounts.ts';
import type { Account, AccountQuery, Application } from '../store/store.ts';
import { v2ProviderNames, v3ProviderName } from '../providers/v3-names.ts';
import type { Grant } from './schemas.ts';

/**
 * Nylas v3 grants: a grant IS a Latchkey account (same id), so v2's
 * `/a/{client_id}/accounts/{id}` and v3's `/v3/grants/{id}` show one object two ways. Every
 * operation here is the v2 management step in v3's shape.
 */

/** The grant view of an account. `grant_status` comes from the credential health check (`invalid` once refused). */
export function grantView(a: Account): Grant {
  return {
    id: a.id,
    provider: v3ProviderName(a.provider),
    grant_status: a.syncState === 'running' ? 'valid' : 'invalid',
    email: a.emailAddress,
    name: a.name,
    scope: a.scopes.split(/[\s,]+/).filter(Boolean),
    created_at: a.linkedAt,
    updated_at: a.updatedAt,
  };
}

/** A page of grants and the cursor of the next one (absent on the last page). */
export interface GrantPage {
  grants: Grant[];
  nextCursor: string | undefined;
}

/**
 * `GET /v3/grants`: the application's grants. Query (v3's names, as the SDK sends them):
 * `limit` (1–200, default 10), `offset` or `page_token` (a `next_cursor` from a previous page),
 * `provider` (v3 name), `grant_status` (`valid`/`invalid`), `email`, `since` / `before`
 * (created_at, Unix seconds), `sort_by` (`created_at` default, `updated_at`), `order_by`
 * (`desc` default, `asc`).
 * @throws ApiError `invalid_value` (400) for a value outside those.
 */
export async function listGrants(ctx: AppContext, app: Application, q: Record<string, unknown>): Promise<GrantPage> {
  const limit = whole(q.limit, 'limit', 10);
  if (limit < 1 || limit > 200) throw new ApiError('invalid_value', { message: 'limit must be 1 to 200.' });
  const offset = q.page_token !== undefined && q.page_token !== '' ? whole(q.page_token, 'page_token', 0) : whole(q.offset, 'offset', 0);
  const query: AccountQuery = {
    sortBy: oneOf(q.sort_by, 'sort_by', { created_at: 'linked_at', updated_at: 'updated_at' } as const, 'created_at'),
    order: oneOf(q.order_by, 'order_by', { asc: 'asc', desc: 'desc' } as const, 'desc'),
    limit: limit + 1, // one more tells whether a next page exists
    offset,
  };
  if (typeof q.provider === 'string' && q.provider !== '') query.providers = v2ProviderNames(q.provider);
  if (q.grant_status !== undefined && q.grant_status !== '') {
    const status = oneOf(q.grant_status, 'grant_status', { valid: 'valid', invalid: 'invalid' } as const, 'valid');
    query.syncState = status === 'valid' ? { is: 'running' } : { isNot: 'running' };
  }
  if (typeof q.email === 'string' && q.email !== '') query.emailKey = q.email.trim().toLowerCase();
  if (q.since !== undefined && q.since !== '') query.linkedSince = whole(q.since, 'since', 0);
  if (q.before !== undefined && q.before !== '') query.linkedBefore = whole(q.before, 'before', 0);
  const rows = await ctx.store.searchAccounts(app.clientId, query);
  return { grants: rows.slice(0, limit).map(grantView), nextCursor: rows.length > limit ? String(offset + limit) : undefined };
}

/** `GET /v3/grants/{id}`. @throws ApiError `account_not_found` (404) unless the grant is this application's. */
export async function findGrant(ctx: AppContext, app: Application, grantId: string): Promise<Grant> {
  return grantView(await ownAccount(ctx.store, app, grantId));
}

/**
 * `DELETE /v3/grants/{id}`: v2's account deletion — stored credentials and every token go with
 * it, `account.deleted` is sent to v2 webhooks — answering v3's bare `{request_id}`.
 * @throws ApiError `account_not_found` (404).
 */
export async function destroyGrant(ctx: AppContext, app: Application, grantId: string): Promise<void> {
  await deleteAccount(ctx, app, grantId);
}

/**
 * `GET /v3/grants/me`: the grant behind an access token (`Authorization: Bearer <access token>`,
 * from v2's `/connect/token` or `/oauth/token`), whichever application it belongs to.
 * @throws ApiError `invalid_token` (401); `account_cancelled` (403).
 */
export async function currentGrant(ctx: AppContext, authorization: string | undefined): Promise<Grant> {
  return grantView(await accountOfToken(ctx, authorization));
}

function whole(raw: unknown, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const s = String(raw);
  if (!/^\d{1,12}$/.test(s)) throw new ApiError('invalid_value', { message: `${name} must be a whole number.` });
  return Number(s);
}

function oneOf<T extends Record<string, string>>(raw: unknown, name: string, values: T, fallback: keyof T & string): T[keyof T] {
  const key = raw === undefined || raw === '' ? fallback : String(raw);
  if (!Object.hasOwn(values, key))
    throw new ApiError('invalid_value', { message: `${name} must be one of ${Object.keys(values).join(', ')}.` });
  return values[key as keyof T];
}
