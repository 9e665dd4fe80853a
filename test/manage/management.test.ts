/**
 * The v2 management API (`/a/{client_id}/…`, reference §6.3) and `POST /oauth/revoke` (§6.2)
 * against a real server whose accounts were connected through a real Dovecot. Bodies are compared
 * field by field with the reference; every error is the catalogue's JSON.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic, connectAccount } from '../support/connect.ts';
import { createApplication, type CreatedApplication } from '../../src/app/applications.ts';

let dovecot: DovecotPeer;
let lk: Latchkey;
let other: CreatedApplication;
let admin: Record<string, string>;
const CANNOT_VERIFY = { message: 'Could not verify access credential.', type: 'invalid_request_error', reason: 'invalid_client' };
const NO_ACCOUNT = { message: 'No account with that id exists for this application.', type: 'api_error', reason: 'account_not_found' };

before(async () => {
  dovecot = await startDovecot({ users: { 'dan@example.test': 'dan-secret' } });
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath });
  other = await createApplication(lk.ctx.store, 'Other app', [], Date.now());
  admin = basic(lk.app.client_secret);
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const base = () => `/a/${lk.app.client_id}`;

describe('management authentication', () => {
  test('no header, a wrong secret, another app’s secret, an unknown client_id: 401 with the v2 body', async () => {
    const bare = await lk.get(`${base()}/accounts`);
    assert.deepEqual([bare.status, bare.body], [401, CANNOT_VERIFY]);
    for (const headers of [basic('lkcs_wrong'), basic(other.client_secret), bearer(lk.app.client_secret), { authorization: `Basic ${Buffer.from(`:${lk.app.client_secret}`).toString('base64')}` }]) {
      const r = await lk.get(`${base()}/accounts`, headers);
      assert.deepEqual([r.status, r.body], [401, CANNOT_VERIFY]);
    }
    const unknown = await lk.get('/a/nosuchclient/accounts', admin);
    assert.deepEqual([unknown.status, unknown.body], [401, CANNOT_VERIFY]);
    const mine = await lk.get(`/a/${other.client_id}`, admin);
    assert.deepEqual([mine.status, mine.body], [401, CANNOT_VERIFY]);
  });
});

describe('accounts', () => {
  test('list (limit/offset) and get answer the v2 management account; unknown or another app’s → 404', async () => {
    const alice = await connectAccount(lk, dovecot, 'alice@example.test');
    const bob = await connectAccount(lk, dovecot, 'bob@example.test');
    const theirs = await connectAccount(lk, dovecot, 'utf8@example.test', other);
    const list = await lk.get(`${base()}/accounts`, admin);
    assert.equal(list.status, 200);
    assert.ok(list.body.length >= 2);
    const a = list.body.find((x: { id: string }) => x.id === alice.id);
    assert.deepEqual(a, {
      id: alice.id, account_id: alice.id, email: 'alice@example.test', provider: 'imap', sync_state: 'running', billing_state: 'paid',
      trial: false, authentication_type: 'password', metadata: {}, linked_at: alice.linked_at,
    });
    assert.equal(list.body.some((x: { id: string }) => x.id === theirs.id), false);
    const page = await lk.get(`${base()}/accounts?limit=1&offset=1`, admin);
    assert.deepEqual(page.body.map((x: { id: string }) => x.id), [list.body[1].id]);
    const bad = await lk.get(`${base()}/accounts?limit=ten`, admin);
    assert.deepEqual([bad.status, bad.body.type, bad.body.reason], [400, 'invalid_request_error', 'invalid_value']);

    const one = await lk.get(`${base()}/accounts/${bob.id}`, admin);
    assert.deepEqual([one.status, one.body.email, one.body.email_address], [200, 'bob@example.test', undefined]);
    for (const id of ['nosuchaccount', theirs.id]) {
      const r = await lk.get(`${base()}/accounts/${id}`, admin);
      assert.deepEqual([r.status, r.body], [404, NO_ACCOUNT]);
    }
  });

  test('PUT metadata replaces it within the limits; beyond them → 400 invalid_value', async () => {
    const acct = await connectAccount(lk, dovecot, 'pct@example.test');
    const path = `${base()}/accounts/${acct.id}`;
    const ok = await lk.put(path, { metadata: { plan: 'gold', ['k'.repeat(40)]: 'v'.repeat(500) } }, admin);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body.metadata, { plan: 'gold', ['k'.repeat(40)]: 'v'.repeat(500) });
    assert.deepEqual((await lk.get(path, admin)).body.metadata, ok.body.metadata);
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    for (const metadata of [tooMany, { ['k'.repeat(41)]: 'v' }, { '': 'v' }, { k: 'v'.repeat(501) }, { k: 1 }, ['x'], 'x']) {
      const r = await lk.put(path, { metadata }, admin);
      assert.deepEqual([r.status, r.body.type, r.body.reason], [400, 'invalid_request_error', 'invalid_value'], JSON.stringify(metadata).slice(0, 40));
    }
    const empty = await lk.put(path, {}, admin);
    assert.deepEqual([empty.status, empty.body.reason], [400, 'invalid_value']);
    assert.deepEqual((await lk.get(path, admin)).body.metadata, ok.body.metadata, 'a refused update changes nothing');
  });

  test('downgrade stops the account’s tokens (403 account_cancelled) until upgrade', async () => {
    const acct = await connectAccount(lk, dovecot, 'quote@example.test');
    const down = await lk.post(`${base()}/accounts/${acct.id}/downgrade`, undefined, admin);
    assert.deepEqual([down.status, down.body], [200, { success: 'true' }]);
    assert.equal((await lk.get(`${base()}/accounts/${acct.id}`, admin)).body.billing_state, 'cancelled');
    const refused = await lk.get('/account', bearer(acct.access_token));
    assert.deepEqual([refused.status, refused.body.type, refused.body.reason], [403, 'auth_error', 'account_cancelled']);
    const up = await lk.post(`${base()}/accounts/${acct.id}/upgrade`, {}, admin);
    assert.deepEqual([up.status, up.body], [200, { success: 'true' }]);
    const back = await lk.get('/account', bearer(acct.access_token));
    assert.deepEqual([back.status, back.body.billing_state], [200, 'paid']);
  });

  test('revoke-all keeps exactly the kept token; token-info reports valid/invalid; none left → 404', async () => {
    const t1 = await connectAccount(lk, dovecot, 'dan@example.test');
    const t2 = await connectAccount(lk, dovecot, 'dan@example.test');
    const t3 = await connectAccount(lk, dovecot, 'dan@example.test');
    assert.equal(t1.id, t3.id);
    const path = `${base()}/accounts/${t1.id}`;
    const r = await lk.post(`${path}/revoke-all`, { keep_access_token: t2.access_token }, admin);
    assert.deepEqual([r.status, r.body], [200, { success: 'true' }]);
    assert.equal((await lk.get('/account', bearer(t1.access_token))).status, 401);
    assert.equal((await lk.get('/account', bearer(t3.access_token))).status, 401);
    assert.equal((await lk.get('/account', bearer(t2.access_token))).status, 200);

    const valid = await lk.post(`${path}/token-info`, { access_token: t2.access_token }, admin);
    assert.equal(valid.status, 200);
    assert.deepEqual(Object.keys(valid.body).sort(), ['created_at', 'scopes', 'state', 'updated_at']);
    assert.deepEqual([valid.body.state, valid.body.scopes, typeof valid.body.created_at, typeof valid.body.updated_at], ['valid', 'email.read_only,contacts', 'number', 'number']);
    const invalid = await lk.post(`${path}/token-info`, { access_token: t1.access_token }, admin);
    assert.deepEqual([invalid.status, invalid.body.state], [200, 'invalid']);
    assert.ok(invalid.body.updated_at >= invalid.body.created_at);
    const missing = await lk.post(`${path}/token-info`, {}, admin);
    assert.deepEqual([missing.status, missing.body], [400, { message: 'No access_token passed.', type: 'api_error', reason: 'missing_access_token' }]);
    const alien = await connectAccount(lk, dovecot, 'alice@example.test');
    for (const token of ['lkat_never-issued', alien.access_token]) {
      const unknown = await lk.post(`${path}/token-info`, { access_token: token }, admin);
      assert.deepEqual([unknown.status, unknown.body], [404, { message: 'No such token found for that account', type: 'api_error', reason: 'token_not_found' }]);
    }

    const all = await lk.post(`${path}/revoke-all`, '', { ...admin, 'content-type': 'application/json' });
    assert.deepEqual([all.status, all.body], [200, { success: 'true' }]);
    assert.equal((await lk.get('/account', bearer(t2.access_token))).status, 401);
    const none = await lk.post(`${path}/revoke-all`, {}, admin);
    assert.deepEqual([none.status, none.body], [404, { message: 'No tokens found for that account id', type: 'api_error', reason: 'no_tokens' }]);
  });

  test('DELETE removes the account, its credentials and every token at once', async () => {
    const a1 = await connectAccount(lk, dovecot, 'bob@example.test');
    const a2 = await connectAccount(lk, dovecot, 'bob@example.test');
    assert.ok((await lk.ctx.store.credentialsOf(a1.id)).length > 0);
    const del = await lk.delete(`${base()}/accounts/${a1.id}`, admin);
    assert.deepEqual([del.status, del.body], [200, { success: 'true' }]);
    for (const t of [a1, a2]) {
      const r = await lk.get('/account', bearer(t.access_token));
      assert.deepEqual([r.status, r.body.reason], [401, 'invalid_token']);
    }
    assert.deepEqual(await lk.ctx.store.credentialsOf(a1.id), []);
    const again = await lk.delete(`${base()}/accounts/${a1.id}`, admin);
    assert.deepEqual([again.status, again.body], [404, NO_ACCOUNT]);
  });
});

describe('application', () => {
  test('GET, PUT and POST /a/{client_id}: application_name, icon_url, redirect_uris (https or localhost only)', async () => {
    const got = await lk.get(base(), admin);
    assert.deepEqual([got.status, got.body], [200, { application_name: 'Test app', icon_url: null, redirect_uris: [], accent_color: null, credentials_release: false }]);
    const put = await lk.put(base(), { application_name: 'Renamed', redirect_uris: ['https://app.example/cb', 'http://localhost:3000/cb'] }, admin);
    assert.deepEqual([put.status, put.body], [200, { application_name: 'Renamed', icon_url: null, redirect_uris: ['https://app.example/cb', 'http://localhost:3000/cb'], accent_color: null, credentials_release: false }]);
    const post = await lk.post(base(), { icon_url: 'https://app.example/icon.png' }, admin);
    assert.deepEqual(post.body, { application_name: 'Renamed', icon_url: 'https://app.example/icon.png', redirect_uris: ['https://app.example/cb', 'http://localhost:3000/cb'], accent_color: null, credentials_release: false });
    for (const body of [{ redirect_uris: ['http://app.example/cb'] }, { redirect_uris: 'https://x.example' }, { icon_url: 'javascript:alert(1)' }, { application_name: '' }, {}]) {
      const r = await lk.put(base(), body, admin);
      assert.deepEqual([r.status, r.body.type, r.body.reason], [400, 'invalid_request_error', 'invalid_value'], JSON.stringify(body));
    }
    assert.match((await lk.put(base(), { redirect_uris: ['http://app.example/cb'] }, admin)).body.message, /not HTTPS or localhost/);
    assert.deepEqual((await lk.get(base(), admin)).body, post.body, 'refused updates change nothing');
  });

  test('accent_color (hosted login page, issue 8): #rrggbb stored lower-case, null clears it, anything else is 400', async () => {
    const set = await lk.put(base(), { accent_color: '#0F766E' }, admin);
    assert.deepEqual([set.status, set.body.accent_color], [200, '#0f766e']);
    for (const bad of ['red', '#fff', '#0f766e80', 'rgb(1,2,3)', 7, '']) {
      const r = await lk.put(base(), { accent_color: bad }, admin);
      assert.deepEqual([r.status, r.body.reason], [400, 'invalid_value'], JSON.stringify(bad));
    }
    assert.equal((await lk.get(base(), admin)).body.accent_color, '#0f766e');
    assert.equal((await lk.post(base(), { accent_color: null }, admin)).body.accent_color, null);
  });
});

describe('POST /oauth/revoke', () => {
  test('the presenting token (Basic username or Bearer) is revoked: {"success": true}, then 401', async () => {
    for (const how of [basic, bearer]) {
      const acct = await connectAccount(lk, dovecot, 'alice@example.test');
      const r = await lk.post('/oauth/revoke', undefined, how(acct.access_token));
      assert.deepEqual([r.status, r.body], [200, { success: true }]);
      assert.equal((await lk.get('/account', bearer(acct.access_token))).status, 401);
      const again = await lk.post('/oauth/revoke', undefined, how(acct.access_token));
      assert.deepEqual([again.status, again.body.reason], [401, 'invalid_token']);
    }
    const none = await lk.post('/oauth/revoke', undefined);
    assert.deepEqual([none.status, none.body], [401, { message: 'Could not verify access credential.', type: 'invalid_request_error', reason: 'invalid_token' }]);
  });

  test('every management action above is in the audit log, with no secret in it (issue 6 §4)', async () => {
    const events = await lk.ctx.store.listAuditEvents(lk.app.client_id, { sinceMs: 0, limit: 1000 });
    const kinds = new Set(events.map((e) => e.event));
    for (const kind of ['account.metadata_updated', 'account.downgraded', 'account.upgraded', 'account.tokens_revoked', 'account.deleted', 'application.updated', 'token.revoked']) {
      assert.ok(kinds.has(kind as never), `${kind} recorded`);
    }
    const text = JSON.stringify(events);
    assert.ok(!text.includes('lkat_') && !text.includes('lkcs_') && !text.includes('@example.test'), 'no token, secret or address in the audit rows');
  });
});
