/**
 * Nylas v3 foundation (issue 15, stage A): API keys made and revoked by the CLI, Bearer
 * authentication on /v3, v3's envelopes and error shape with a request id on every answer, and
 * the clear 404 for mailbox data endpoints — judged by the official `nylas` SDK 8.x, unchanged.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { NylasApiError, nylasClient } from '../support/nylas-sdk.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { runCli } from '../support/cli.ts';
import { createApiKey } from '../../src/manage/api-keys.ts';

let lk: Latchkey;
let env: Record<string, string>;

before(async () => {
  lk = await startLatchkey();
  env = { LATCHKEY_DATABASE_URL: `sqlite:${lk.dbPath}`, LATCHKEY_DATA_DIR: lk.dir };
});
after(() => lk.stop());

async function createKey(...extra: string[]): Promise<{ id: string; api_key: string; hint: string; status: string; expires_at: number | null }> {
  const run = await runCli(['apps', 'api-keys', 'create', lk.app.client_id, '--json', ...extra], env);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout);
}

/** A key made in-process (the CLI's own function), where the CLI is not what a test is about: a CLI run costs ~1 s. */
const quickKey = (expiresInSeconds?: number) => createApiKey(lk.ctx.store, lk.app.client_id, expiresInSeconds ? { expiresInSeconds } : {}, Date.now());

test('api-keys create shows the key once, stores only its hash; list shows a hint; the SDK reads the application with it', async () => {
  const made = await createKey('--name', 'backend');
  assert.match(made.api_key, /^lkak_[A-Za-z0-9_-]{43}$/);
  assert.equal(made.hint, made.api_key.slice(0, 9));
  assert.equal(made.status, 'active');

  const db = new Database(lk.dbPath, { readonly: true });
  const dump = JSON.stringify(db.prepare('SELECT * FROM api_keys').all());
  db.close();
  assert.ok(!dump.includes(made.api_key), 'the key itself is not in the database');

  const list = await runCli(['apps', 'api-keys', 'list', lk.app.client_id, '--json'], env);
  assert.equal(list.code, 0, list.stderr);
  const listed = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
  const mine = listed.find((k) => k.id === made.id);
  assert.deepEqual({ name: mine?.name, status: mine?.status, hint: mine?.hint }, { name: 'backend', status: 'active', hint: made.hint });
  assert.ok(!list.stdout.includes(made.api_key), 'list never prints a key');
  const human = await runCli(['apps', 'api-keys', 'list', lk.app.client_id], env);
  assert.match(human.stdout, new RegExp(`${made.id}\\s+${made.hint}…\\s+active`));

  const nylas = nylasClient(lk.url, made.api_key);
  const details = await nylas.applications.getDetails();
  assert.equal(details.data.applicationId, lk.app.client_id);
  assert.equal(details.data.branding.name, 'Test app');
  assert.match(details.requestId, /^[0-9a-f-]{36}$/);
});

test('no key, another scheme, an unknown key, a revoked key: 401 in v3’s shape with the request id in header and body', async () => {
  const made = await createKey();
  const ok = await lk.get('/v3/applications', { authorization: `Bearer ${made.api_key}` });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.request_id, ok.headers.get('x-request-id'));

  const revoke = await runCli(['apps', 'api-keys', 'revoke', lk.app.client_id, made.id], env);
  assert.equal(revoke.code, 0, revoke.stderr);
  const again = await runCli(['apps', 'api-keys', 'revoke', lk.app.client_id, made.id], env);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /no active API key/);

  for (const authorization of [undefined, `Basic ${Buffer.from(`${made.api_key}:`).toString('base64')}`, 'Bearer lkak_unknown', `Bearer ${made.api_key}`]) {
    const res = await lk.get('/v3/applications', authorization ? { authorization } : {});
    assert.equal(res.status, 401, String(authorization));
    assert.equal(res.body.error.type, 'api.authentication_error');
    assert.equal(res.body.error.reason, 'invalid_client');
    assert.match(res.body.request_id, /^[0-9a-f-]{36}$/);
    assert.equal(res.body.request_id, res.headers.get('x-request-id'));
  }
  // The SDK surfaces it as a NylasApiError with v3's fields.
  const nylas = nylasClient(lk.url, made.api_key);
  await assert.rejects(nylas.applications.getDetails(), (err: unknown) => {
    assert.ok(err instanceof NylasApiError);
    assert.equal(err.statusCode, 401);
    assert.equal(err.type, 'api.authentication_error');
    assert.match(err.message, /revoked/);
    assert.match(String(err.requestId), /^[0-9a-f-]{36}$/);
    return true;
  });
});

test('an expired key answers 401; an unknown application cannot get a key', async () => {
  const made = await quickKey(86_400);
  assert.equal((await lk.get('/v3/applications', { authorization: `Bearer ${made.api_key}` })).status, 200);
  lk.advance(86_400_000 + 1000);
  try {
    const res = await lk.get('/v3/applications', { authorization: `Bearer ${made.api_key}` });
    assert.equal(res.status, 401);
  } finally {
    lk.advance(-(86_400_000 + 1000));
  }
  const bad = await runCli(['apps', 'api-keys', 'create', 'no-such-app'], env);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /no application with client_id no-such-app/);
  const usage = await runCli(['apps', 'api-keys', 'create', lk.app.client_id, '--expires-in', 'soon'], env);
  assert.equal(usage.code, 2);
});

test('mailbox data endpoints answer 404 not_served in v3’s shape, through the SDK too; unknown /v3 paths 404 in v3’s shape', async () => {
  const { api_key } = await quickKey();
  const nylas = nylasClient(lk.url, api_key);
  await assert.rejects(nylas.messages.list({ identifier: 'some-grant' }), (err: unknown) => {
    assert.ok(err instanceof NylasApiError);
    assert.equal(err.statusCode, 404);
    assert.equal(err.type, 'api.not_found_error');
    assert.match(err.message, /authentication only/);
    return true;
  });
  await assert.rejects(nylas.calendars.list({ identifier: 'some-grant' }), (err: unknown) => err instanceof NylasApiError && err.statusCode === 404);

  const auth = { authorization: `Bearer ${api_key}` };
  const post = await lk.post('/v3/grants/g1/messages/send', '{not json', auth);
  assert.equal(post.status, 400);
  assert.equal(post.body.error.type, 'api.invalid_request_error');
  assert.equal(post.body.request_id, post.headers.get('x-request-id'));
  // Unauthenticated, a data path says nothing about the grant: 401 first.
  assert.equal((await lk.get('/v3/grants/g1/threads')).status, 401);

  const unknown = await lk.get('/v3/no-such-thing', auth);
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.type, 'api.not_found_error');
  assert.equal(unknown.body.error.reason, 'not_found');
  assert.equal(unknown.body.request_id, unknown.headers.get('x-request-id'));
  // v2 answers keep v2's shape.
  const v2 = await lk.get('/no-such-thing');
  assert.equal(v2.body.reason, 'not_found');
  assert.equal(v2.body.request_id, undefined);
});
