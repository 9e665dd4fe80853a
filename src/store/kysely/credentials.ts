import type { Db } from '../schema.ts';
import type { CredentialRow, StoredCredential } from '../store.ts';
import { hot, type Handle } from './hot.ts';

/** The stored credentials of KyselyStore (store/contract/ documents each operation): AEAD envelopes. Times are Unix seconds. */
export const credentialQueries = {
  async replace(h: Handle, accountId: string, rows: CredentialRow[], now: number): Promise<void> {
    await hot(h, 'deleteCredentials', (p) => h.db.deleteFrom('credentials').where('account_id', '=', p.accountId), { accountId });
    await credentialQueries.insert(h, accountId, rows, now);
  },

  async insert(h: Handle, accountId: string, rows: CredentialRow[], now: number): Promise<void> {
    if (!rows.length) return;
    const args: Record<string, unknown> = { accountId, now };
    rows.forEach((r, i) => Object.assign(args, { [`f${i}`]: r.field, [`e${i}`]: r.envelope, [`k${i}`]: r.keyVersion }));
    await hot(
      h,
      `insertCredentials:${rows.length}`,
      (p) =>
        h.db.insertInto('credentials').values(
          rows.map((_, i) => ({
            account_id: p.accountId,
            field: p[`f${i}`],
            envelope: p[`e${i}`],
            key_version: p[`k${i}`],
            updated_at: p.now,
          })),
        ),
      args,
    );
  },

  async of(h: Handle, accountId: string): Promise<CredentialRow[]> {
    // Precompiled: every credentials release (issue 14) reads it.
    const { rows } = await hot(
      h,
      'credentialsOf',
      (p) => h.db.selectFrom('credentials').selectAll().where('account_id', '=', p.accountId),
      {
        accountId,
      },
    );
    return rows.map((r) => ({ field: r.field, envelope: r.envelope, keyVersion: r.key_version }));
  },

  async notUnder(
    db: Db,
    version: string,
    after: { accountId: string; field: string } | undefined,
    limit: number,
  ): Promise<StoredCredential[]> {
    let q = db.selectFrom('credentials').select(['account_id', 'field', 'envelope', 'key_version']).where('key_version', '!=', version);
    if (after) {
      q = q.where((eb) =>
        eb.or([eb('account_id', '>', after.accountId), eb.and([eb('account_id', '=', after.accountId), eb('field', '>', after.field)])]),
      );
    }
    const rows = await q.orderBy('account_id').orderBy('field').limit(limit).execute();
    return rows.map((r) => ({ accountId: r.account_id, field: r.field, envelope: r.envelope, keyVersion: r.key_version }));
  },

  async reencrypt(db: Db, row: StoredCredential, expected: string, now: number): Promise<boolean> {
    const r = await db
      .updateTable('credentials')
      .set({ envelope: row.envelope, key_version: row.keyVersion, updated_at: now })
      .where('account_id', '=', row.accountId)
      .where('field', '=', row.field)
      .where('envelope', '=', expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async countsByVersion(db: Db): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('credentials')
      .select((eb) => ['key_version', eb.fn.countAll<number>().as('n')])
      .groupBy('key_version')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.key_version, Number(r.n)]));
  },
};
