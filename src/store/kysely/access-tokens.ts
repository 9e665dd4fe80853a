import type { Database, Db } from '../schema.ts';
import type { AccessToken, Account } from '../store.ts';
import { hot, hotRow, type Handle } from './hot.ts';
import { orNull, toAccount } from './rows.ts';

/** The account columns `find` reads beside the token's, under their own names (the token's shared ones are renamed). */
const ACCOUNT_COLUMNS = [
  'id',
  'client_id',
  'email_key',
  'email_address',
  'name',
  'provider',
  'settings',
  'scopes',
  'sync_state',
  'billing_state',
  'linked_at',
  'updated_at',
  'metadata',
] as const satisfies readonly (keyof Database['accounts'])[];

/** The access tokens of KyselyStore (store/contract/ documents each operation): stored by hash. Times are Unix seconds. */
export const accessTokenQueries = {
  async insert(h: Handle, t: AccessToken): Promise<void> {
    await hot(
      h,
      'insertToken',
      (p) =>
        h.db.insertInto('access_tokens').values({
          token_hash: p.tokenHash,
          account_id: p.accountId,
          client_id: p.clientId,
          scopes: p.scopes,
          code_hash: p.codeHash,
          created_at: p.createdAt,
          updated_at: p.updatedAt,
          revoked_at: p.revokedAt,
        }),
      t,
    );
  },

  async find(h: Handle, tokenHash: string): Promise<{ token: AccessToken; account: Account } | undefined> {
    // One round trip: the token and its account (selected under distinct names: both have
    // client_id, scopes, updated_at).
    const r = await hotRow(
      h,
      'findToken',
      (p) =>
        h.db
          .selectFrom('access_tokens as t')
          .innerJoin('accounts as a', 'a.id', 't.account_id')
          .select([
            't.token_hash',
            't.account_id',
            't.client_id as t_client_id',
            't.scopes as t_scopes',
            't.code_hash',
            't.created_at as t_created_at',
            't.updated_at as t_updated_at',
            't.revoked_at',
          ])
          .select(ACCOUNT_COLUMNS.map((c) => `a.${c}` as const))
          .where('t.token_hash', '=', p.tokenHash),
      { tokenHash },
    );
    if (!r) return undefined;
    return {
      token: {
        tokenHash: r.token_hash,
        accountId: r.account_id,
        clientId: r.t_client_id,
        scopes: r.t_scopes,
        codeHash: r.code_hash,
        createdAt: Number(r.t_created_at),
        updatedAt: Number(r.t_updated_at),
        revokedAt: orNull(r.revoked_at),
      },
      account: toAccount(r),
    };
  },

  async countActive(db: Db, accountId: string): Promise<number> {
    const r = await db
      .selectFrom('access_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async revokeOfAccount(db: Db, accountId: string, now: number, keepHash?: string): Promise<number> {
    return revokeWhere(db, 'account_id', accountId, now, keepHash);
  },

  async revoke(db: Db, tokenHash: string, now: number): Promise<boolean> {
    return (await revokeWhere(db, 'token_hash', tokenHash, now)) > 0;
  },

  async revokeFromCode(db: Db, codeHash: string, now: number): Promise<number> {
    return revokeWhere(db, 'code_hash', codeHash, now);
  },
};

/** Revokes the unrevoked tokens whose `column` is `value` (but the one whose hash is `keepHash`). Returns how many. */
async function revokeWhere(
  db: Db,
  column: 'account_id' | 'token_hash' | 'code_hash',
  value: string,
  now: number,
  keepHash?: string,
): Promise<number> {
  let q = db
    .updateTable('access_tokens')
    .set({ revoked_at: now, updated_at: now })
    .where(column, '=', value)
    .where('revoked_at', 'is', null);
  if (keepHash !== undefined) q = q.where('token_hash', '!=', keepHash);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
