import type { Migration } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * Dialect-suffixed migrations: where one migration cannot be written with Kysely's schema
 * builder alone, its file `NNN_name.ts` stays the shared (SQLite) version and a sibling
 * `NNN_name.postgres.ts` (or `.sqlite.ts`) is registered here under the SAME name. The name is
 * what `kysely_migration` records, so a database that already ran the shared version is never
 * asked to run it again, and every migration keeps one number on both databases.
 *
 * None is needed yet: 001–009 use only the schema builder (`text`, `integer`, `bigint`, indexes,
 * foreign keys), which Kysely renders for each dialect.
 */
const VARIANTS: Record<DialectName, Record<string, Migration>> = {
  sqlite: {},
  postgres: {},
};

/** The migration set for one dialect: the shared migrations with that dialect's variants in place. */
export function forDialect(shared: Record<string, Migration>, dialect: DialectName): Record<string, Migration> {
  const own = VARIANTS[dialect];
  for (const name of Object.keys(own))
    if (!(name in shared)) throw new Error(`dialect migration ${name}.${dialect} has no shared migration of that name`);
  return { ...shared, ...own };
}
