import type { Kysely } from 'kysely';

/**
 * The audit log (issue 6 §4): one row per authorize attempt, token exchange and replay
 * revocation. Holds no secret and no address in clear (only a hash of it). Schema builder only,
 * so it runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('email_hash', 'text')
    .addColumn('account_id', 'text')
    .addColumn('source_ip', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('revoked_tokens', 'integer')
    .execute();
  await db.schema.createIndex('audit_events_client_at').on('audit_events').columns(['client_id', 'at_ms']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_events').ifExists().execute();
}
