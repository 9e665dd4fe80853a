/**
 * The SDK's management methods (`accounts.*`, `application.*`) and `oauth.revoke` against a real
 * Latchkey whose accounts were connected through a real Dovecot.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Latchkey, LatchkeyError } from '../../packages/sdk/src/index.ts';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey as Server } from '../support/latchkey.ts';
import { connectAccount } from '../support/connect.ts';

let dovecot: DovecotPeer;
let server: Server;
let lk: Latchkey;

before(async () => {
  dovecot = await startDovecot();
  server = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath });
  lk = new Latchkey({ baseUrl: server.url, clientId: server.app.client_id, clientSecret: server.app.client_secret });
});
after(async () => {
  await server?.stop();
  await dovecot?.stop();
});

async function rejection(p: Promise<unknown>): Promise<LatchkeyError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof LatchkeyError, String(err));
    return err;
  }
  assert.fail('the call succeeded');
}

describe('SDK management', () => {
  test('accounts.list/get/update/downgrade/upgrade/tokenInfo/revokeAll/delete', async () => {
    const t1 = await connectAccount(server, dovecot, 'alice@example.test');
    const t2 = await connectAccount(server, dovecot, 'alice@example.test');
    await connectAccount(server, dovecot, 'bob@example.test');
    const list = await lk.accounts.list();
    // Oldest first; two accounts linked in the same second are ordered by id.
    assert.deepEqual(list.map((a) => a.email).sort(), ['alice@example.test', 'bob@example.test']);
    assert.deepEqual(await lk.accounts.list({ limit: 1, offset: 1 }), [list[1]]);
    const got = await lk.accounts.get(t1.id);
    assert.deepEqual(got, list.find((a) => a.id === t1.id));
    assert.equal(got.sync_state, 'running');

    const updated = await lk.accounts.update(t1.id, { metadata: { tier: 'pro' } });
    assert.deepEqual(updated.metadata, { tier: 'pro' });
    assert.equal((await rejection(lk.accounts.update(t1.id, { metadata: { ['x'.repeat(41)]: 'v' } }))).reason, 'invalid_value');

    assert.deepEqual(await lk.accounts.downgrade(t1.id), { success: 'true' });
    assert.equal((await rejection(lk.account.get(t1.access_token))).reason, 'account_cancelled');
    assert.deepEqual(await lk.accounts.upgrade(t1.id), { success: 'true' });
    assert.equal((await lk.account.get(t1.access_token)).billing_state, 'paid');

    assert.equal((await lk.accounts.tokenInfo(t1.id, t1.access_token)).state, 'valid');
    assert.deepEqual(await lk.accounts.revokeAll(t1.id, t2.access_token), { success: 'true' });
    assert.equal((await lk.accounts.tokenInfo(t1.id, t1.access_token)).state, 'invalid');
    assert.equal((await lk.accounts.tokenInfo(t1.id, t2.access_token)).state, 'valid');
    assert.deepEqual(await lk.accounts.revokeAll(t1.id), { success: 'true' });
    const none = await rejection(lk.accounts.revokeAll(t1.id));
    assert.deepEqual([none.status, none.type, none.reason, none.message], [404, 'api_error', 'no_tokens', 'No tokens found for that account id']);

    assert.deepEqual(await lk.accounts.delete(t1.id), { success: 'true' });
    assert.equal((await rejection(lk.accounts.get(t1.id))).reason, 'account_not_found');
  });

  test('application.get/update and oauth.revoke; management without the secret is refused before any request', async () => {
    assert.deepEqual(await lk.application.get(), { application_name: 'Test app', icon_url: null, redirect_uris: [], accent_color: null, credentials_release: false });
    assert.deepEqual(await lk.application.update({ redirect_uris: ['https://app.example/cb'] }), { application_name: 'Test app', icon_url: null, redirect_uris: ['https://app.example/cb'], accent_color: null, credentials_release: false });
    const t = await connectAccount(server, dovecot, 'bob@example.test');
    assert.deepEqual(await lk.oauth.revoke(t.access_token), { success: true });
    assert.equal((await rejection(lk.account.get(t.access_token))).status, 401);

    let fetched = false;
    const browser = new Latchkey({ baseUrl: server.url, clientId: server.app.client_id, fetch: async () => { fetched = true; return new Response('{}'); } });
    await assert.rejects(browser.accounts.list(), (err: Error) => err instanceof TypeError && /accounts\.list needs clientSecret/.test(err.message));
    await assert.rejects(browser.application.get(), TypeError);
    assert.equal(fetched, false);
    const wrong = new Latchkey({ baseUrl: server.url, clientId: server.app.client_id, clientSecret: 'lkcs_wrong' });
    const denied = await rejection(wrong.accounts.list());
    assert.deepEqual([denied.status, denied.reason, denied.message], [401, 'invalid_client', 'Could not verify access credential.']);
  });
});
