import type { Kysely } from 'kysely';

/**
 * Management API (issue 5): application-set account metadata (v2 `PUT /a/{client_id}/accounts/{id}`,
 * a JSON object of string values, stored as text, default `{}`). Kysely's schema builder only,
 * so it runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('metadata').execute();
}
