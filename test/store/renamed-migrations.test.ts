/**
 * Migrations renamed by issue 17 (numbered without duplicates, named for what they do): a
 * database migrated under the OLD names must keep working with the current code. Each backend —
 * SQLite on a file and the machine's PostgreSQL (a database of its own, dropped afterwards) — is
 * first migrated the way a release before issue 17 did it: Kysely's Migrator with the migrations
 * recorded under their old names (frozen below, independently of src/), up to
 * `006_credentials_release`, so the two migrations that came later are still due. Then the
 * current store opens it: it migrates without error, the row written before is still there, no
 * migration that had run runs again (its `kysely_migration` row keeps its timestamp, under the new
 * name), and the later migrations apply (their tables take rows).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Dialect, type Migration } from 'kysely';
import pg from 'pg';
import { openStore } from '../../src/store/open.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import type { Store } from '../../src/store/store.ts';
import { createPgDatabase } from '../peers/postgres.ts';

/** The names a release before issue 17 recorded, in its order, each with the current name of the same migration. */
const OLD_TO_NEW: [old: string, current: string][] = [
  ['001_initial', '001_initial'],
  ['002_audit', '002_audit'],
  ['003_management', '003_management'],
  ['004_secret_rotation', '004_secret_rotation'],
  ['005_issue7_health_schedule', '005_health_schedule'],
  ['005_issue8_hosted', '006_hosted_login'],
  ['006_credentials_release', '007_credentials_release'],
  ['007_api_keys', '008_api_keys'],
  ['012_connectors', '009_connectors'],
];
/** How many of them the old database ran: up to 006_credentials_release; 007_api_keys and 012_connectors are still due. */
const RAN = 7;

interface Backend {
  name: string;
  open(): Promise<{ url: string; dialect: () => Dialect; cleanup(): Promise<void> }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'sqlite file',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lk-renamed-'));
      const path = join(dir, 'db.sqlite');
      return {
        url: `sqlite:${path}`,
        dialect: () => new SqliteDialect({ database: new Sqlite(path) }),
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgresql',
    open: async () => {
      const db = await createPgDatabase();
      return { url: db.url, dialect: () => new PostgresDialect({ pool: new pg.Pool({ connectionString: db.url, max: 2 }) }), cleanup: () => db.drop() };
    },
  },
];

async function migrationRows(db: Kysely<any>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('kysely_migration').select(['name', 'timestamp']).execute();
  return new Map(rows.map((r) => [r.name as string, String(r.timestamp)]));
}

for (const backend of BACKENDS) {
  describe(`migrations renamed by issue 17: ${backend.name}`, () => {
    let b: Awaited<ReturnType<Backend['open']>>;
    let before17: Map<string, string>;
    let store: Store;

    before(async () => {
      b = await backend.open();
      // The database as a release before issue 17 left it: its migrations under their old names.
      const old = new Kysely<any>({ dialect: b.dialect() });
      try {
        const provider = {
          getMigrations: async (): Promise<Record<string, Migration>> =>
            Object.fromEntries(OLD_TO_NEW.slice(0, RAN).map(([oldName, current]) => [oldName, MIGRATIONS[current]!])),
        };
        const { error } = await new Migrator({ db: old, provider, allowUnorderedMigrations: true }).migrateToLatest();
        assert.equal(error, undefined);
        await old
          .insertInto('applications')
          .values({ client_id: 'app-old', name: 'Made before the rename', secret_hash: 'h', icon_url: null, redirect_uris: '[]', created_at: 1_700_000_000 })
          .execute();
        before17 = await migrationRows(old);
      } finally {
        await old.destroy();
      }
      assert.deepEqual([...before17.keys()].sort(), OLD_TO_NEW.slice(0, RAN).map(([o]) => o).sort(), 'the old database records the old names');
      store = openStore(b.url, { poolSize: 2 });
    });
    after(async () => {
      await store?.close();
      await b?.cleanup();
    });

    test('the current store migrates it: nothing that ran runs again, the later migrations apply, the data stays', async () => {
      await store.migrate();
      await store.migrate(); // and again: nothing left to do

      const check = new Kysely<any>({ dialect: b.dialect() });
      try {
        const now = await migrationRows(check);
        assert.deepEqual([...now.keys()].sort(), OLD_TO_NEW.map(([, current]) => current).sort(), 'every migration, under its current name only');
        for (const [oldName, current] of OLD_TO_NEW.slice(0, RAN))
          assert.equal(now.get(current), before17.get(oldName), `${oldName} is recorded as ${current} with its first run's timestamp`);
      } finally {
        await check.destroy();
      }

      assert.equal((await store.findApplication('app-old'))?.name, 'Made before the rename');
      // The tables of the two migrations that were still due (008_api_keys, 009_connectors).
      await store.createApiKey({ id: 'k1', clientId: 'app-old', keyHash: 'kh', hint: 'lk_', name: null, createdAt: 1, expiresAt: null, revokedAt: null });
      assert.equal((await store.listApiKeys('app-old')).length, 1);
      await store.createConnector({
        clientId: 'app-old',
        provider: 'google',
        name: 'G',
        settings: { client_id: 'c' },
        scope: [],
        secretEnvelope: 'e',
        keyVersion: 'v1',
        createdAt: 1,
        updatedAt: 1,
      });
      assert.equal((await store.listConnectors('app-old')).length, 1);
    });
  });
}
