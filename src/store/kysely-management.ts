import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { Account, AccountQuery, Application } from './store.ts';
import { toAccount, toApplication } from './rows.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The management half of KyselyStore (store.ts documents each operation): application and
 * account changes, token revocation, and the account pages the health check walks.
 */
export const managementQueries = {
  async updateApplication(
    db: Db,
    clientId: string,
    changes: { name?: string; iconUrl?: string | null; redirectUris?: string[]; accentColor?: string | null; credentialsRelease?: boolean },
  ): Promise<Application | undefined> {
    const set: Partial<Database['applications']> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.iconUrl !== undefined) set.icon_url = changes.iconUrl;
    if (changes.redirectUris !== undefined) set.redirect_uris = JSON.stringify(changes.redirectUris);
    if (changes.accentColor !== undefined) set.accent_color = changes.accentColor;
    if (changes.credentialsRelease !== undefined) set.credentials_release = changes.credentialsRelease ? 1 : 0;
    if (Object.keys(set).length) await db.updateTable('applications').set(set).where('client_id', '=', clientId).execute();
    const row = await db.selectFrom('applications').selectAll().where('client_id', '=', clientId).executeTakeFirst();
    return row && toApplication(row);
  },

  async updateAccount(db: Db, accountId: string, set: Partial<Database['accounts']>): Promise<Account | undefined> {
    const row = await db.updateTable('accounts').set(set).where('id', '=', accountId).returningAll().executeTakeFirst();
    return row && toAccount(row);
  },

  async setSyncState(db: Db, accountId: string, state: string, now: number, ifUpdatedAt?: number): Promise<Account | undefined> {
    let q = db.updateTable('accounts').set({ sync_state: state, updated_at: now }).where('id', '=', accountId);
    if (ifUpdatedAt !== undefined) q = q.where('updated_at', '=', ifUpdatedAt);
    const row = await q.returningAll().executeTakeFirst();
    return row && toAccount(row);
  },

  async deleteAccount(db: Db, accountId: string): Promise<boolean> {
    const r = await db.deleteFrom('accounts').where('id', '=', accountId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  async countActiveTokens(db: Db, accountId: string): Promise<number> {
    const r = await db
      .selectFrom('access_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async revokeAccountTokens(db: Db, accountId: string, now: number, keepHash?: string): Promise<number> {
    let q = db
      .updateTable('access_tokens')
      .set({ revoked_at: now, updated_at: now })
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null);
    if (keepHash !== undefined) q = q.where('token_hash', '!=', keepHash);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async revokeToken(db: Db, tokenHash: string, now: number): Promise<boolean> {
    const r = await db
      .updateTable('access_tokens')
      .set({ revoked_at: now, updated_at: now })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async listAllAccounts(db: Db, page: { limit: number; offset: number }): Promise<Account[]> {
    const rows = await db.selectFrom('accounts').selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
    return rows.map(toAccount);
  },

  async searchAccounts(db: Db, clientId: string, q: AccountQuery): Promise<Account[]> {
    let sel = db.selectFrom('accounts').selectAll().where('client_id', '=', clientId);
    if (q.providers) {
      if (!q.providers.length) return [];
      sel = sel.where('provider', 'in', q.providers);
    }
    if (q.syncState)
      sel = 'is' in q.syncState ? sel.where('sync_state', '=', q.syncState.is) : sel.where('sync_state', '!=', q.syncState.isNot);
    if (q.emailKey !== undefined) sel = sel.where('email_key', '=', q.emailKey);
    if (q.linkedSince !== undefined) sel = sel.where('linked_at', '>=', q.linkedSince);
    if (q.linkedBefore !== undefined) sel = sel.where('linked_at', '<', q.linkedBefore);
    const rows = await sel.orderBy(q.sortBy, q.order).orderBy('id', q.order).limit(q.limit).offset(q.offset).execute();
    return rows.map(toAccount);
  },

  async findAccountByEmail(db: Db, clientId: string, emailKey: string): Promise<Account | undefined> {
    const row = await db
      .selectFrom('accounts')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('email_key', '=', emailKey)
      .executeTakeFirst();
    return row && toAccount(row);
  },
};
