import type { Kysely } from 'kysely';

/**
 * Nylas v3 connectors (issue 15, stage C). Kysely's schema builder only (SQLite and PostgreSQL).
 * - `connectors`: an application's OAuth client for one provider (`google`, `microsoft`), at most
 *   one per (application, provider) — the primary key. `settings` is JSON text of the settings
 *   that are not secret (the OAuth `client_id`, Microsoft's `tenant`, Google's `topic_name`);
 *   `scope` is JSON text of the scopes asked for. The OAuth client secret is stored only as an
 *   AEAD envelope (`secret_envelope`, crypto/keyring.ts) whose associated data names the row and
 *   the field (`connector:<client_id>:<provider>:client_secret`), under `key_version`.
 *   Times are Unix seconds. Deleting the application deletes its connectors (ON DELETE CASCADE).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('connectors')
    .addColumn('client_id', 'text', (c) => c.notNull().references('applications.client_id').onDelete('cascade'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('secret_envelope', 'text', (c) => c.notNull())
    .addColumn('key_version', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('connectors_pk', ['client_id', 'provider'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('connectors').execute();
}
