/**
 * The credential health check with two nodes on one PostgreSQL database (issue 7): each node runs
 * its own HealthChecker over its own connection pool, both passes start together, and every due
 * account is checked by exactly one of them; the next due time written by the node that checked
 * keeps the other from checking it again before then.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { HealthChecker } from '../../src/health/checker.ts';
import { createPgDatabase, type PgDatabase } from '../peers/postgres.ts';

const HOUR = 3_600_000;
let pgdb: PgDatabase;
let stores: Store[];

before(async () => {
  pgdb = await createPgDatabase();
  stores = [openStore(pgdb.url), openStore(pgdb.url)];
  await Promise.all(stores.map((s) => s.migrate())); // concurrent migrations: one runs, the other waits
  const s = stores[0]!;
  await s.createApplication({ clientId: 'app', name: 'App', secretHash: '00', iconUrl: null, redirectUris: [], createdAt: 1 });
  for (let i = 0; i < 20; i++) {
    await s.upsertAccount({ clientId: 'app', emailKey: `u${i}@x.test`, emailAddress: `u${i}@x.test`, name: 'U', provider: 'imap', settings: {}, scopes: 'email', newId: `a${i}`, now: 100 });
  }
});
after(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await pgdb.drop();
});

test('two nodes: every due account checked exactly once per interval', async () => {
  let now = 1_000_000_000_000;
  const checks = new Map<string, string[]>();
  const nodes = stores.map((store, n) => new HealthChecker({
    store, log: pino({ level: 'silent' }), now: () => now, random: () => 0,
    check: async (a) => {
      checks.set(a.id, [...(checks.get(a.id) ?? []), `node${n}`]);
      await new Promise((r) => setTimeout(r, 5)); // a check takes a while: the passes overlap
    },
  }, { intervalMs: HOUR, jitter: 0, concurrency: 4, maxBackoffMs: 24 * HOUR }));

  const reports = await Promise.all(nodes.map((n) => n.runOnce()));
  assert.equal(checks.size, 20);
  for (const [id, by] of checks) assert.equal(by.length, 1, `${id} checked by ${by.join(', ')}`);
  assert.equal(reports[0]!.checked + reports[1]!.checked, 20);

  now += HOUR / 2;
  await Promise.all(nodes.map((n) => n.runOnce()));
  for (const by of checks.values()) assert.equal(by.length, 1, 'not due again yet');

  now += HOUR / 2;
  await Promise.all(nodes.map((n) => n.runOnce()));
  for (const [id, by] of checks) assert.equal(by.length, 2, `${id}: once more after one interval, by one node`);
});
