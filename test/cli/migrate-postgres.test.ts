/**
 * `latchkey migrate` on PostgreSQL (issue 7): a fresh database (of its own, dropped afterwards)
 * gets every migration, recorded in kysely_migration under the same names as on SQLite; running
 * it again changes nothing; and `apps create` then works against it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runCli } from '../support/cli.ts';
import { createPgDatabase, type PgDatabase } from '../peers/postgres.ts';

let db: PgDatabase;
before(async () => { db = await createPgDatabase(); });
after(async () => { await db.drop(); });

test('migrate, migrate again, then create an application — all on PostgreSQL', async () => {
  const env = { LATCHKEY_DATABASE_URL: db.url, LATCHKEY_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`, LATCHKEY_DATABASE_POOL_SIZE: '2' };
  const first = await runCli(['migrate'], env);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /migrations applied/);
  const again = await runCli(['migrate'], env);
  assert.equal(again.code, 0, again.stderr);

  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    const names = (await c.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name')).rows.map((r) => r.name);
    assert.deepEqual(names.slice(0, 5), ['001_initial', '002_audit', '003_management', '004_secret_rotation', '005_health_schedule']);
    const created = await runCli(['apps', 'create', '--name', 'PG app', '--json'], env);
    assert.equal(created.code, 0, created.stderr);
    const app = JSON.parse(created.stdout) as { client_id: string };
    const row = (await c.query<{ name: string; secret_hash: string }>('SELECT name, secret_hash FROM applications WHERE client_id = $1', [app.client_id])).rows[0];
    assert.equal(row?.name, 'PG app');
    assert.match(row!.secret_hash, /^[0-9a-f]{64}$/, 'only a hash of the secret is stored');
  } finally {
    await c.end();
  }
});
