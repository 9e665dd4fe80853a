import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DialectCaps } from '../dialect.ts';
import { forDialect } from './dialects.ts';
import * as m001 from './001_initial.ts';
import * as m002 from './002_audit.ts';
import * as m003 from './003_management.ts';
import * as m004 from './004_secret_rotation.ts';
import * as m005 from './005_health_schedule.ts';
import * as m006 from './006_hosted_login.ts';
import * as m007 from './007_credentials_release.ts';
import * as m008 from './008_api_keys.ts';
import * as m009 from './009_connectors.ts';

/** Every migration, by the name `kysely_migration` records (Kysely runs them in name order). */
export const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001,
  '002_audit': m002,
  '003_management': m003,
  '004_secret_rotation': m004,
  '005_health_schedule': m005,
  '006_hosted_login': m006,
  '007_credentials_release': m007,
  '008_api_keys': m008,
  '009_connectors': m009,
};

/**
 * Names under which databases migrated before issue 17 recorded these migrations (old → new):
 * two were numbered 005 and named after tracker issues, and connectors came as 012. The renaming
 * keeps their order, and no old name is another migration's new one.
 */
export const RENAMED_MIGRATIONS: Readonly<Record<string, string>> = {
  '005_issue7_health_schedule': '005_health_schedule',
  '005_issue8_hosted': '006_hosted_login',
  '006_credentials_release': '007_credentials_release',
  '007_api_keys': '008_api_keys',
  '012_connectors': '009_connectors',
};

/**
 * Run before Kysely's Migrator: renames the `kysely_migration` rows recorded under an old name
 * (RENAMED_MIGRATIONS) to the current one, in one transaction, so that a database migrated
 * under the old names neither runs those migrations again nor fails Kysely's check that every
 * executed migration still exists ("corrupted migrations"). Their timestamps stay, so Kysely's
 * order of executed migrations stays too. Does nothing on a new database (no `kysely_migration`
 * yet) or one already renamed; several processes may run it at once (the second renames nothing).
 * A node of an older release refuses a renamed database (it misses its old names).
 */
export async function adoptRenamedMigrations(db: Kysely<any>): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  const old = Object.keys(RENAMED_MIGRATIONS);
  const found = await db.selectFrom('kysely_migration').select('name').where('name', 'in', old).execute();
  if (!found.length) return;
  await db.transaction().execute(async (tx) => {
    for (const name of old)
      await tx.updateTable('kysely_migration').set({ name: RENAMED_MIGRATIONS[name] }).where('name', '=', name).execute();
  });
}

/** The migrations above, with a dialect's own variant (`NNN_name.postgres.ts`) in place of the shared one where one exists. */
export class StaticMigrations implements MigrationProvider {
  constructor(private readonly caps: DialectCaps) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return forDialect(MIGRATIONS, this.caps.name);
  }
}
