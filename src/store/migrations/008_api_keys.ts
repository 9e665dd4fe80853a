import type { Kysely } from 'kysely';

/**
 * Nylas v3 API keys (issue 15). Kysely's schema builder only, so it runs on SQLite and PostgreSQL.
 * - `api_keys`: an application's keys for `Authorization: Bearer` on `/v3`. Several per
 *   application; only the SHA-256 of a key is stored (crypto/tokens.ts: 256 random bits, nothing
 *   to guess), so a database dump yields no usable key. `hint` is the key's first characters, for
 *   people telling keys apart in `latchkey apps api-keys list`. A revoked key keeps its row
 *   (`revoked_at`) so the list can show when it stopped working. Times are Unix seconds.
 *   Deleting the application deletes its keys (ON DELETE CASCADE).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('applications.client_id').onDelete('cascade'))
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_keys_client').on('api_keys').column('client_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_keys').execute();
}
