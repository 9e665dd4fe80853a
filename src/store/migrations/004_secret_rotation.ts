import type { Kysely } from 'kysely';

/**
 * Client-secret rotation (issue 5): the secret that was replaced keeps working until
 * `previous_secret_expires_at` (Unix seconds), so an application can roll its deployments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('previous_secret_hash', 'text').execute();
  await db.schema.alterTable('applications').addColumn('previous_secret_expires_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').dropColumn('previous_secret_expires_at').execute();
  await db.schema.alterTable('applications').dropColumn('previous_secret_hash').execute();
}
