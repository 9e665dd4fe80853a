import type { Kysely } from 'kysely';

/**
 * Hosted authentication (issue 8; reference §6.7). Kysely's schema builder only, so it runs on
 * SQLite and PostgreSQL.
 * - `auth_codes.redirect_uri`: the registered URI a hosted-login code was sent to (null for a
 *   `/connect/authorize` code). `/oauth/token` checks it; `/connect/token` refuses such codes.
 * - `auth_codes.code_challenge`: the PKCE S256 challenge (RFC 7636 §4.2), base64url, or null.
 * - `applications.accent_color`: the hosted page's accent colour, `#rrggbb`, or null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('auth_codes').addColumn('redirect_uri', 'text').execute();
  await db.schema.alterTable('auth_codes').addColumn('code_challenge', 'text').execute();
  await db.schema.alterTable('applications').addColumn('accent_color', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').dropColumn('accent_color').execute();
  await db.schema.alterTable('auth_codes').dropColumn('code_challenge').execute();
  await db.schema.alterTable('auth_codes').dropColumn('redirect_uri').execute();
}
