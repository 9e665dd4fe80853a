import type { Database, Db } from '../schema.ts';
import type { Account, AccountQuery, AccountUpsert, Page } from '../store.ts';
import { hotRow, type Handle } from './hot.ts';
import { toAccount } from './rows.ts';

/**
 * The accounts of KyselyStore (store/contract/ documents each operation): the token path's reads and
 * upsert, the management changes, and the account pages the health check walks. Times are Unix seconds.
 */
export const accountQueries = {
  async find(h: Handle, clientId: string, accountId: string): Promise<Account | undefined> {
    // Precompiled: every credentials release (issue 14) and management read asks it.
    const row = await hotRow(
      h,
      'findAccount',
      (p) => h.db.selectFrom('accounts').selectAll().where('client_id', '=', p.clientId).where('id', '=', p.accountId),
      { clientId, accountId },
    );
    return row && toAccount(row);
  },

  async findById(db: Db, accountId: string): Promise<Account | undefined> {
    const row = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
    return row && toAccount(row);
  },

  async list(db: Db, clientId: string, page: Page): Promise<Account[]> {
    const rows = await db
      .selectFrom('accounts')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('linked_at')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toAccount);
  },

  async upsert(h: Handle, a: AccountUpsert): Promise<Account> {
    const args = { ...a, settings: JSON.stringify(a.settings), running: 'running', paid: 'paid', emptyMeta: '{}' };
    const row = await hotRow(
      h,
      'upsertAccount',
      (p) => {
        // What an authorization writes, on a new account and an existing one alike.
        const linked = {
          email_address: p.emailAddress,
          name: p.name,
          provider: p.provider,
          settings: p.settings,
          scopes: p.scopes,
          sync_state: p.running,
          updated_at: p.now,
        };
        return h.db
          .insertInto('accounts')
          .values({
            id: p.newId,
            client_id: p.clientId,
            email_key: p.emailKey,
            ...linked,
            billing_state: p.paid,
            linked_at: p.now,
            metadata: p.emptyMeta,
          })
          .onConflict((oc) => oc.columns(['client_id', 'email_key']).doUpdateSet(linked))
          .returningAll();
      },
      args,
    );
    if (!row) throw new Error('upsertAccount returned no row');
    return toAccount(row);
  },

  async stateByEmail(h: Handle, clientId: string, emailKey: string): Promise<{ id: string; syncState: string } | undefined> {
    const row = await hotRow(
      h,
      'accountStateByEmail',
      (p) =>
        h.db.selectFrom('accounts').select(['id', 'sync_state']).where('client_id', '=', p.clientId).where('email_key', '=', p.emailKey),
      { clientId, emailKey },
    );
    return row && { id: row.id, syncState: row.sync_state };
  },

  /** Sets the given columns of one account; the updated account, or undefined when it does not exist. */
  async update(db: Db, accountId: string, set: Partial<Database['accounts']>): Promise<Account | undefined> {
    const row = await db.updateTable('accounts').set(set).where('id', '=', accountId).returningAll().executeTakeFirst();
    return row && toAccount(row);
  },

  async setSyncState(db: Db, accountId: string, state: string, now: number, ifUpdatedAt?: number): Promise<Account | undefined> {
    let q = db.updateTable('accounts').set({ sync_state: state, updated_at: now }).where('id', '=', accountId);
    if (ifUpdatedAt !== undefined) q = q.where('updated_at', '=', ifUpdatedAt);
    const row = await q.returningAll().executeTakeFirst();
    return row && toAccount(row);
  },

  async delete(db: Db, accountId: string): Promise<boolean> {
    const r = await db.deleteFrom('accounts').where('id', '=', accountId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  async listAll(db: Db, page: Page): Promise<Account[]> {
    const rows = await db.selectFrom('accounts').selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
    return rows.map(toAccount);
  },

  async search(db: Db, clientId: string, q: AccountQuery): Promise<Account[]> {
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

  async findByEmail(db: Db, clientId: string, emailKey: string): Promise<Account | undefined> {
    const row = await db
      .selectFrom('accounts')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('email_key', '=', emailKey)
      .executeTakeFirst();
    return row && toAccount(row);
  },
};
