/**
 * Adversarial checks of the v3 surface (issue 15 follow-up): requests the router refuses before
 * any /v3 route runs still answer v3's error shape, and one application's API key reaches
 * nothing of another application's — each answered 4xx in v3's shape, never 5xx.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { createApiKey } from '../../src/manage/api-keys.ts';
import { createApplication } from '../../src/app/applications.ts';

let lk: Latchkey;
let keyA: string;
let keyB: string;

before(async () => {
  lk = await startLatchkey();
  keyA = (await createApiKey(lk.ctx.store, lk.app.client_id, {}, Date.now())).api_key;
  const other = await createApplication(lk.ctx.store, 'Other app', [], Date.now());
  keyB = (await createApiKey(lk.ctx.store, other.client_id, {}, Date.now())).api_key;
});
after(() => lk.stop());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

test('a /v3 URL the router refuses (bad percent-encoding, over-long grant id) answers v3’s error shape with its request id', async () => {
  for (const [method, path, status, reason] of [
    ['DELETE', '/v3/grants/%ff', 400, 'malformed_request'],
    ['GET', `/v3/grants/${'x'.repeat(5000)}`, 414, 'uri_too_long'],
  ] as const) {
    const res = await fetch(lk.url + path, { method, headers: bearer(keyA) });
    const body = await res.json() as { request_id?: string; error?: { type?: string; reason?: string } };
    assert.equal(res.status, status, path.slice(0, 40));
    assert.equal(body.error?.type, 'api.invalid_request_error', JSON.stringify(body));
    assert.equal(body.error?.reason, reason);
    assert.match(body.request_id ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(res.headers.get('x-request-id'), body.request_id);
  }
  // v2 paths keep v2's shape.
  const v2 = await fetch(`${lk.url}/a/%ff/accounts`);
  assert.equal(v2.status, 400);
  assert.equal(((await v2.json()) as { reason?: string }).reason, 'malformed_request');
});

test('credentials of the wrong kind: the v2 client secret or app B’s key as app A’s API key on A’s data; an API key at /v3/grants/me', async () => {
  const secret = await lk.get('/v3/grants', bearer(lk.app.client_secret));
  assert.equal(secret.status, 401);
  assert.equal(secret.body.error.type, 'api.authentication_error');
  const me = await lk.get('/v3/grants/me', bearer(keyA));
  assert.equal(me.status, 401);
  assert.equal(me.body.error.reason, 'invalid_token');
  const made = await lk.post('/v3/connectors', { provider: 'microsoft', settings: { client_id: 'cid-a', client_secret: 'secret-of-a-123' } }, bearer(keyA));
  assert.equal(made.status, 200, JSON.stringify(made.body));
  assert.equal((await lk.get('/v3/connectors/microsoft', bearer(keyB))).status, 404);
  assert.equal((await lk.put('/v3/connectors/microsoft', { name: 'taken' }, bearer(keyB))).status, 404);
  assert.equal((await lk.get('/v3/connectors/microsoft', bearer(keyA))).body.data.name, 'microsoft connector');
});

test('without an API key, a malformed connector body answers 401 like every other /v3 route, not the schema’s 400', async () => {
  for (const [method, path, body] of [
    ['POST', '/v3/connectors', {}],
    ['POST', '/v3/connectors', { provider: 'google', settings: { client_id: 5, client_secret: 'x' } }],
    ['PUT', '/v3/connectors/google', []],
    ['PATCH', '/v3/connectors/google', { scope: 'x' }],
  ] as const) {
    const res = await fetch(lk.url + path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await res.json() as { error?: { type?: string } };
    assert.equal(res.status, 401, `${method} ${path} ${JSON.stringify(answer)}`);
    assert.equal(answer.error?.type, 'api.authentication_error');
  }
  // With the key, the same bodies are still refused with the validation's 400.
  const bad = await lk.post('/v3/connectors', { provider: 'google', settings: { client_id: 5, client_secret: 'x' } }, bearer(keyA));
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.reason, 'invalid_value');
  assert.match(bad.body.error.message, /client_id/);
});

test('provider names that are Object.prototype’s keys (constructor, __proto__, toString) are unknown providers: 4xx, never 500', async () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const list = await lk.get(`/v3/grants?provider=${name}`, bearer(keyA));
    assert.equal(list.status, 200, `${name}: ${JSON.stringify(list.body)}`);
    assert.deepEqual(list.body.data, []);
    const custom = await lk.post('/v3/connect/custom', { provider: name, settings: { email: 'a@example.test', password: 'p' } }, bearer(keyA));
    assert.ok(custom.status >= 400 && custom.status < 500, `${name}: ${custom.status} ${JSON.stringify(custom.body)}`);
    assert.equal(typeof custom.body.error?.type, 'string');
    const auth = await fetch(`${lk.url}/v3/connect/auth?${new URLSearchParams({ client_id: lk.app.client_id, response_type: 'code', provider: name })}`, { redirect: 'manual' });
    assert.ok(auth.status < 500, `${name}: /v3/connect/auth ${auth.status}`);
  }
  assert.ok(!lk.logs.some((l) => /"level":50/.test(l) && /not iterable|TypeError/.test(l)), 'no internal error logged');
});
