/**
 * Two nodes behave as one (issue 7): two Latchkey servers on one PostgreSQL database and one
 * Redis (both real, on this machine) share the brute-force counters and the detection cache.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { createPgDatabase, type PgDatabase } from '../peers/postgres.ts';
import { leaseRedisDb, type RedisDb } from '../peers/redis.ts';

let pgdb: PgDatabase;
let redis: RedisDb;
let a: Latchkey;
let b: Latchkey;

before(async () => {
  pgdb = await createPgDatabase();
  redis = await leaseRedisDb();
  const env = { LATCHKEY_DATABASE_URL: pgdb.url, LATCHKEY_REDIS_URL: redis.url, LATCHKEY_LIMIT_CLIENT_PER_MINUTE: '3' };
  a = await startLatchkey(env);
  b = await startLatchkey(env);
});
after(async () => {
  await a?.stop();
  await b?.stop();
  await redis?.release();
  await pgdb?.drop();
});

/** An authorize that gets past the limits and fails at the provider (nothing listens on port 1). */
const attempt = (node: Latchkey) => node.post('/connect/authorize', {
  client_id: a.app.client_id, name: 'N', email_address: 'n@example.test', provider: 'imap',
  settings: { imap_host: '127.0.0.1', imap_port: 1, imap_username: 'n', imap_password: 'p', imap_security: 'none', smtp_host: '127.0.0.1', smtp_port: 1, smtp_username: 'n', smtp_password: 'p', smtp_security: 'none' },
});

test('the per-client request budget is one budget over both nodes', async () => {
  const first = [await attempt(a), await attempt(b), await attempt(a)];
  for (const r of first) assert.notEqual(r.status, 429, JSON.stringify(r.body));
  const fourth = await attempt(b);
  assert.equal(fourth.status, 429, JSON.stringify(fourth.body));
  assert.equal(fourth.body.reason, 'rate_limited');
  assert.ok(Number(fourth.headers.get('retry-after')) > 0);
  assert.equal((await attempt(a)).status, 429, 'and on the other node too');
  // The counter lives in Redis under the client's id.
  assert.ok((await redis.client.keys('lk-client*')).some((k) => k.includes(a.app.client_id)));
});

test('a detection made by one node is answered from the shared cache by the other', async () => {
  const detect = (node: Latchkey, app = a.app) => node.post('/connect/detect-provider', { client_id: app.client_id, client_secret: app.client_secret, email_address: 'ada@yahoo.com' });
  const first = await detect(a);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.equal(first.body.settings.imap_host, 'imap.mail.yahoo.com');
  const raw = await redis.client.get('lk:detect:yahoo.com');
  assert.ok(raw, 'node A stored its answer in Redis');
  assert.ok(Number(await redis.client.pttl('lk:detect:yahoo.com')) > 0, 'with a TTL');
  // Mark the shared entry: node B can only answer with the mark by reading Redis.
  const entry = JSON.parse(raw);
  entry.imap.host = 'imap.from-shared-cache.test';
  await redis.client.set('lk:detect:yahoo.com', JSON.stringify(entry), 'PX', 60_000);
  const second = await detect(b, b.app);
  assert.equal(second.status, 200, JSON.stringify(second.body));
  assert.equal(second.body.settings.imap_host, 'imap.from-shared-cache.test');
});
