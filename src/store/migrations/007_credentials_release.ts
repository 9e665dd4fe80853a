import type { Kysely } from 'kysely';

/**
 * Credentials release (issue 14). Kysely's schema builder only, so it runs on SQLite and
 * PostgreSQL.
 * - `applications.credentials_release`: 1 when the application opted in to reading its accounts'
 *   credentials (`GET /a/{client_id}/accounts/{id}/credentials`); 0, the default, refuses.
 * - `oauth_tokens`: one row per OAuth account (gmail, office365, graph): the access token last
 *   minted from the stored refresh token, encrypted (AES-256-GCM, AAD
 *   `account:<id>:access_token`), its expiry, and the refresh lease — the node holding an
 *   unexpired `lease_until` is the only one refreshing that account; `failed_reason` /
 *   `failed_at` tell the callers that waited on it how the refresh ended when it failed. Times in
 *   ms since the epoch.
 * - `audit_events.protocol`: which protocol a `credentials.released` event was for (`imap`,
 *   `smtp`, `ews`, `api`, or `all`); null for other events.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .addColumn('credentials_release', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('oauth_tokens')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('envelope', 'text')
    .addColumn('key_version', 'text')
    .addColumn('expires_at', 'bigint')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('failed_reason', 'text')
    .addColumn('failed_at', 'bigint')
    .execute();
  await db.schema.alterTable('audit_events').addColumn('protocol', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_events').dropColumn('protocol').execute();
  await db.schema.dropTable('oauth_tokens').ifExists().execute();
  await db.schema.alterTable('applications').dropColumn('credentials_release').execute();
}
