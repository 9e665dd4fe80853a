import type { Kysely } from 'kysely';

/**
 * Shared schedule of the credential health check (issue 7): with several nodes on one
 * database, a node checks an account only after claiming its row here
 * (`UPDATE … WHERE next_at <= now`), so no two nodes check one account at once and an account
 * checked by one node is not checked again by another before its next due time. Times in ms
 * since the epoch. Schema builder only: runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('health_schedule')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('next_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('health_schedule').ifExists().execute();
}
