import type { Migration, MigrationProvider } from 'kysely';
import type { DialectCaps } from '../dialect.ts';
import { forDialect } from './dialects.ts';
import * as m001 from './001_initial.ts';
import * as m002 from './002_audit.ts';
import * as m003 from './003_management.ts';
import * as m004 from './004_secret_rotation.ts';
import * as m005i7 from './005_issue7_health_schedule.ts';
import * as m005i8 from './005_issue8_hosted.ts';
import * as m006 from './006_credentials_release.ts';
import * as m007 from './007_api_keys.ts';
import * as m012 from './012_connectors.ts';

/** Every migration, by the name `kysely_migration` records (Kysely runs them in name order). */
export const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001,
  '002_audit': m002,
  '003_management': m003,
  '004_secret_rotation': m004,
  '005_issue7_health_schedule': m005i7,
  '005_issue8_hosted': m005i8,
  '006_credentials_release': m006,
  '007_api_keys': m007,
  '012_connectors': m012,
};

/** The migrations above, with a dialect's own variant (`NNN_name.postgres.ts`) in place of the shared one where one exists. */
export class StaticMigrations implements MigrationProvider {
  constructor(private readonly caps: DialectCaps) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return forDialect(MIGRATIONS, this.caps.name);
  }
}
