import type { Db } from '../schema.ts';

/** The health-check half of KyselyStore (store/contract/ documents each operation). Times in ms. */
export const healthQueries = {
  /**
   * Insert-or-claim in one statement (`INSERT … ON CONFLICT DO UPDATE … WHERE next_at <= now`,
   * the same on SQLite ≥ 3.24 and PostgreSQL ≥ 9.5): of concurrent claimers exactly one sees a
   * row affected.
   */
  async claim(db: Db, accountId: string, nowMs: number, untilMs: number): Promise<boolean> {
    const r = await db
      .insertInto('health_schedule')
      .values({ account_id: accountId, next_at: untilMs })
      .onConflict((oc) => oc.column('account_id').doUpdateSet({ next_at: untilMs }).where('health_schedule.next_at', '<=', nowMs))
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
  },
  async schedule(db: Db, accountId: string, atMs: number): Promise<void> {
    await db
      .insertInto('health_schedule')
      .values({ account_id: accountId, next_at: atMs })
      .onConflict((oc) => oc.column('account_id').doUpdateSet({ next_at: atMs }))
      .execute();
  },
};
