/**
 * GET /metrics: Prometheus text with per-route request counts and latency histograms (route
 * patterns, never raw URLs with ids or tokens), authorize outcomes by reason, provider login
 * latency per protocol, pool figures on PostgreSQL and event-loop figures; the optional bearer
 * token (LATCHKEY_METRICS_TOKEN). Real Dovecot for the logins, real PostgreSQL for the pool.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { connectAccount, dovecotSettings } from '../support/connect.ts';
import { createPgDatabase, type PgDatabase } from '../peers/postgres.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
let dovecot: DovecotPeer;
let lk: Latchkey;
let pgdb: PgDatabase;

before(async () => {
  dovecot = await startDovecot();
  pgdb = await createPgDatabase();
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_DATABASE_URL: pgdb.url, LATCHKEY_METRICS_TOKEN: TOKEN });
});
after(async () => {
  await lk.stop();
  await pgdb.drop();
  await dovecot.stop();
});

/** The value of one sample line `name{labels} value`, labels given in any order. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

test('without the bearer token /metrics answers 401 invalid_token; with it, Prometheus text', async () => {
  const denied = await lk.get('/metrics');
  assert.equal(denied.status, 401);
  assert.equal(denied.body.reason, 'invalid_token');
  assert.equal((await lk.get('/metrics', { authorization: 'Bearer wrong-token-0123456789' })).status, 401);
  const ok = await fetch(`${lk.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(ok.status, 200);
  assert.match(ok.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
  assert.match(await ok.text(), /^# HELP latchkey_http_requests_total /m);
});

test('requests, authorize outcomes, provider logins, pool and event loop are counted', async () => {
  const account = await connectAccount(lk, dovecot, 'alice@example.test');
  const wrong = await lk.post('/connect/authorize', {
    client_id: lk.app.client_id, name: 'A', email_address: 'alice@example.test', provider: 'imap', settings: dovecotSettings(dovecot, 'alice@example.test', 'not-her-password'),
  });
  assert.equal(wrong.status, 403);
  assert.equal((await lk.get('/account', { authorization: `Bearer ${account.access_token}` })).status, 200);
  assert.equal((await lk.get(`/a/${lk.app.client_id}/accounts/${account.id}`, {})).status, 401);
  const text = await (await fetch(`${lk.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();

  assert.equal(sample(text, 'latchkey_http_requests_total', { method: 'POST', route: '/connect/authorize', status: '200' }), 1);
  assert.equal(sample(text, 'latchkey_http_requests_total', { method: 'POST', route: '/connect/authorize', status: '403' }), 1);
  assert.equal(sample(text, 'latchkey_http_requests_total', { method: 'POST', route: '/connect/token', status: '200' }), 1);
  assert.equal(sample(text, 'latchkey_http_requests_total', { method: 'GET', route: '/account', status: '200' }), 1);
  assert.equal(sample(text, 'latchkey_http_request_duration_seconds_count', { method: 'GET', route: '/account' }), 1);
  assert.equal(sample(text, 'latchkey_http_request_duration_seconds_bucket', { method: 'GET', route: '/account', le: '+Inf' }), 1);
  // Route patterns, never the ids or tokens of one request.
  assert.ok(!text.includes(account.id), 'an account id became a label');
  assert.ok(!text.includes(account.access_token));

  assert.equal(sample(text, 'latchkey_authorize_total', { reason: 'ok' }), 1);
  const refused = wrong.body.reason as string;
  assert.equal(sample(text, 'latchkey_authorize_total', { reason: refused }), 1);
  assert.equal(sample(text, 'latchkey_provider_login_seconds_count', { protocol: 'imap', outcome: 'ok' }), 1);
  assert.equal(sample(text, 'latchkey_provider_login_seconds_count', { protocol: 'smtp', outcome: 'ok' }), 1);
  assert.equal(sample(text, 'latchkey_provider_login_seconds_count', { protocol: 'imap', outcome: refused }), 1);
  assert.ok(sample(text, 'latchkey_provider_login_seconds_sum', { protocol: 'imap', outcome: 'ok' })! > 0);

  assert.ok(sample(text, 'latchkey_db_pool_connections', { state: 'total' })! >= 1);
  assert.notEqual(sample(text, 'latchkey_db_pool_connections', { state: 'waiting' }), undefined);
  assert.notEqual(sample(text, 'latchkey_nodejs_eventloop_lag_p99_seconds', {}), undefined);
  assert.ok(sample(text, 'latchkey_process_resident_memory_bytes', {})! > 0);
});
