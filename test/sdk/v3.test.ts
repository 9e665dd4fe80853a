/**
 * The project's own SDK on Latchkey's v3 surface (`LatchkeyV3`): custom authentication, grants
 * and detection with an API key, against a real Latchkey and a real Dovecot; failures as
 * LatchkeyV3Error with v3's type, Latchkey's reason and the provider's error.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LatchkeyV3, LatchkeyV3Error } from '../../packages/sdk/src/index.ts';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey as Server } from '../support/latchkey.ts';
import { connectAccount, dovecotSettings } from '../support/connect.ts';
import { createApiKey } from '../../src/manage/api-keys.ts';

let dovecot: DovecotPeer;
let server: Server;
let v3: LatchkeyV3;

before(async () => {
  dovecot = await startDovecot();
  server = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath });
  v3 = new LatchkeyV3({ baseUrl: server.url, apiKey: (await createApiKey(server.ctx.store, server.app.client_id, {}, Date.now())).api_key });
});
after(async () => {
  await server?.stop();
  await dovecot?.stop();
});

test('LatchkeyV3: connect.custom, grants.list/get/update/me/delete, providers.detect, application.get', async () => {
  const grant = await v3.connect.custom({ provider: 'imap', settings: dovecotSettings(dovecot, 'alice@example.test', 'alice-secret') });
  assert.equal(grant.email, 'alice@example.test');
  assert.equal((await v3.connect.custom({ provider: 'imap', settings: dovecotSettings(dovecot, 'alice@example.test', 'alice-secret') })).id, grant.id);
  const page = await v3.grants.list({ limit: 5, email: 'alice@example.test' });
  assert.deepEqual(page.data.map((g) => g.id), [grant.id]);
  assert.equal(page.next_cursor, undefined);
  assert.equal((await v3.grants.get(grant.id)).id, grant.id);
  assert.equal((await v3.grants.update(grant.id, { imap_password: 'alice-secret' })).id, grant.id);
  assert.equal((await v3.application.get()).application_id, server.app.client_id);
  assert.deepEqual(await v3.providers.detect('ada@yahoo.com').then((d) => [d.provider, d.type]), ['yahoo', 'imap']);

  const v2 = await connectAccount(server, dovecot, 'bob@example.test');
  assert.equal((await v3.grants.me(v2.access_token)).id, v2.id);

  await v3.grants.delete(grant.id);
  const gone = await v3.grants.get(grant.id).then(() => undefined, (err: unknown) => err);
  assert.ok(gone instanceof LatchkeyV3Error);
  assert.deepEqual({ status: gone.status, type: gone.type, reason: gone.reason }, { status: 404, type: 'api.not_found_error', reason: 'account_not_found' });
  assert.match(String(gone.requestId), /^[0-9a-f-]{36}$/);
});

test('LatchkeyV3Error: a refused password carries the provider’s step and reply; no server at all is status 0', async () => {
  const err = await v3.connect.custom({ provider: 'imap', settings: dovecotSettings(dovecot, 'bob@example.test', 'wrong') }).then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof LatchkeyV3Error);
  assert.deepEqual({ status: err.status, type: err.type, reason: err.reason, step: err.providerError?.step }, { status: 403, type: 'api.provider_error', reason: 'invalid_credentials', step: 'imap.login' });
  const offline = new LatchkeyV3({ baseUrl: 'http://127.0.0.1:1', apiKey: 'lkak_x' });
  const down = await offline.grants.list().then(() => undefined, (e: unknown) => e);
  assert.ok(down instanceof LatchkeyV3Error);
  assert.equal(down.status, 0);
  assert.throws(() => new LatchkeyV3({ baseUrl: server.url, apiKey: '' }), TypeError);
});
