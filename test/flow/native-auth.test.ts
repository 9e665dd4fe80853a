import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

let dovecot: DovecotPeer;
let lk: Latchkey;

before(async () => {
  dovecot = await startDovecot();
  const providersFile = join(dovecot.dir, 'providers.json');
  // A known password provider (variant K) whose table entry points at the test Dovecot.
  writeFileSync(providersFile, JSON.stringify({
    yahoo: { imap: { host: dovecot.host, port: dovecot.imapTlsPort, security: 'ssl' }, smtp: { host: dovecot.host, port: dovecot.submissionStartTlsPort, security: 'starttls' } },
  }));
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_PROVIDERS_FILE: providersFile });
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

/** Variant I settings for a Dovecot user: implicit TLS IMAP, STARTTLS submission. */
function imapSettings(user: string, password: string, extra: Record<string, unknown> = {}) {
  return {
    imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_username: user, imap_password: password,
    smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_username: user, smtp_password: password,
    ssl_required: true, imap_security: 'ssl', smtp_security: 'starttls', ...extra,
  };
}

function authorizeBody(email: string, settings: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { client_id: lk.app.client_id, name: 'Ada', email_address: email, provider: 'imap', settings, scopes: 'email.read_only', ...extra };
}

async function connect(email: string, settings: Record<string, unknown>) {
  const a = await lk.post('/connect/authorize', authorizeBody(email, settings));
  assert.equal(a.status, 200, JSON.stringify(a.body));
  const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: a.body.code });
  assert.equal(t.status, 200, JSON.stringify(t.body));
  return { code: a.body.code as string, token: t.body };
}

describe('native authentication against a real Dovecot', () => {
  test('authorize → token → GET /account, with Bearer and with Basic', async () => {
    const a = await lk.post('/connect/authorize', authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret')));
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.deepEqual(Object.keys(a.body), ['code']);
    assert.match(a.body.code, /^lkc_[A-Za-z0-9_-]{43}$/);

    const t = await lk.post('/connect/token', `client_id=${lk.app.client_id}&client_secret=${encodeURIComponent(lk.app.client_secret)}&code=${a.body.code}`, { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(t.status, 200, JSON.stringify(t.body));
    assert.equal(t.body.object, 'account');
    assert.equal(t.body.id, t.body.account_id);
    assert.match(t.body.id, /^[0-9a-z]{1,25}$/);
    assert.equal(t.body.email_address, 'alice@example.test');
    assert.equal(t.body.provider, 'imap');
    assert.equal(t.body.organization_unit, 'folder');
    assert.equal(t.body.sync_state, 'running');
    assert.equal(t.body.billing_state, 'paid');
    assert.equal(typeof t.body.linked_at, 'number');
    assert.match(t.body.access_token, /^lkat_/);

    const bearer = await lk.get('/account', { authorization: `Bearer ${t.body.access_token}` });
    assert.equal(bearer.status, 200);
    assert.equal(bearer.body.id, t.body.id);
    assert.equal(bearer.body.access_token, undefined);
    const basic = await lk.get('/account', { authorization: `Basic ${Buffer.from(`${t.body.access_token}:`).toString('base64')}` });
    assert.equal(basic.status, 200);
    assert.equal(basic.body.email_address, 'alice@example.test');
  });

  test('the JSON body of the v2 Node SDK (text/plain) is accepted; any Authorization header is ignored', async () => {
    const a = await lk.post('/connect/authorize', JSON.stringify(authorizeBody('bob@example.test', imapSettings('bob@example.test', 'bob-secret'))), {
      'content-type': 'text/plain;charset=UTF-8',
      authorization: 'Basic Zm9vOg==',
    });
    assert.equal(a.status, 200, JSON.stringify(a.body));
  });

  test('known password provider (variant K): only a password; hosts come from the provider table', async () => {
    const a = await lk.post('/connect/authorize', { client_id: lk.app.client_id, name: 'Bob', email_address: 'bob@example.test', provider: 'yahoo', settings: { password: 'bob-secret' } });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    const wrong = await lk.post('/connect/authorize', { client_id: lk.app.client_id, name: 'Bob', email_address: 'bob@example.test', provider: 'yahoo', settings: { password: 'nope' } });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.reason, 'invalid_credentials');
    assert.match(wrong.body.message, /app password/, 'Yahoo refusals say an app password is usually needed');
  });

  test('usernames default to the address and smtp_password to the IMAP password', async () => {
    const a = await lk.post('/connect/authorize', authorizeBody('alice@example.test', {
      imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_password: 'alice-secret',
      smtp_host: dovecot.host, smtp_port: dovecot.submissionTlsPort,
    }));
    assert.equal(a.status, 200, JSON.stringify(a.body));
  });

  test('STARTTLS on the 143-style port (LOGINDISABLED before TLS) succeeds with security auto', async () => {
    const a = await lk.post('/connect/authorize', authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret', { imap_port: dovecot.imapStartTlsPort, imap_security: 'auto' })));
    assert.equal(a.status, 200, JSON.stringify(a.body));
  });

  test('re-authorizing the same address keeps the account id and issues a new token; old tokens stay valid', async () => {
    const first = await connect('bob@example.test', imapSettings('bob@example.test', 'bob-secret'));
    const second = await connect('BOB@example.test', imapSettings('bob@example.test', 'bob-secret'));
    assert.equal(second.token.id, first.token.id);
    assert.notEqual(second.token.access_token, first.token.access_token);
    assert.equal((await lk.get('/account', { authorization: `Bearer ${first.token.access_token}` })).status, 200);
    // reauth_account_id naming the same account is accepted
    const again = await lk.post('/connect/authorize', authorizeBody('bob@example.test', imapSettings('bob@example.test', 'bob-secret'), { reauth_account_id: first.token.id }));
    assert.equal(again.status, 200, JSON.stringify(again.body));
  });

  test('reauth_account_id: unknown account → 404; another address → 400', async () => {
    const alice = await connect('alice@example.test', imapSettings('alice@example.test', 'alice-secret'));
    const unknown = await lk.post('/connect/authorize', authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret'), { reauth_account_id: 'nosuchaccount' }));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.type, 'api_error');
    const mismatch = await lk.post('/connect/authorize', authorizeBody('bob@example.test', imapSettings('bob@example.test', 'bob-secret'), { reauth_account_id: alice.token.id }));
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.body.type, 'invalid_request_error');
    assert.equal(mismatch.body.reason, 'email_mismatch');
  });

  test('a code works once; a replay is refused and revokes the token it issued', async () => {
    const { code, token } = await connect('alice@example.test', imapSettings('alice@example.test', 'alice-secret'));
    const replay = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code });
    assert.equal(replay.status, 400);
    assert.deepEqual({ type: replay.body.type, reason: replay.body.reason }, { type: 'api_error', reason: 'invalid_code' });
    assert.match(replay.body.message, /already been used, or has expired/);
    const after = await lk.get('/account', { authorization: `Bearer ${token.access_token}` });
    assert.equal(after.status, 401);
    assert.equal(after.body.reason, 'invalid_token');
  });

  test('50 concurrent redemptions of one code: exactly one succeeds; the replays revoke what it issued', async () => {
    const a = await lk.post('/connect/authorize', authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret')));
    const results = await Promise.all(Array.from({ length: 50 }, () => lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: a.body.code })));
    const ok = results.filter((r) => r.status === 200);
    assert.equal(ok.length, 1);
    assert.ok(results.every((r) => r.status === 200 || (r.status === 400 && r.body.reason === 'invalid_code')));
    assert.equal((await lk.get('/account', { authorization: `Bearer ${ok[0]!.body.access_token}` })).status, 401, 'a replay revoked the token');
  });

  test('a wrong client secret is refused without burning the code; another client cannot redeem it', async () => {
    const a = await lk.post('/connect/authorize', authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret')));
    const wrong = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: 'lkcs_wrong', code: a.body.code });
    assert.equal(wrong.status, 401);
    assert.deepEqual({ type: wrong.body.type, reason: wrong.body.reason, message: wrong.body.message }, { type: 'invalid_request_error', reason: 'invalid_client', message: 'Could not verify access credential.' });
    const other = await (await import('../../src/app/applications.ts')).createApplication(lk.ctx.store, 'Other', [], Date.now());
    const stolen = await lk.post('/connect/token', { client_id: other.client_id, client_secret: other.client_secret, code: a.body.code });
    assert.equal(stolen.status, 400);
    assert.equal(stolen.body.reason, 'invalid_code');
    const ok = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: a.body.code });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  test('a code expires after 15 minutes (injected clock)', async () => {
    const a = await lk.post('/connect/authorize', authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret')));
    const b = await lk.post('/connect/authorize', authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret')));
    lk.advance(14 * 60_000);
    const early = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: a.body.code });
    assert.equal(early.status, 200, 'still valid at 14 minutes');
    lk.advance(60_000 + 1000);
    const late = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: b.body.code });
    assert.equal(late.status, 400);
    assert.equal(late.body.reason, 'invalid_code');
  });

  test('missing fields, unknown scope, unsupported provider and bad values are 400s with the documented body', async () => {
    const missing = await lk.post('/connect/authorize', { client_id: lk.app.client_id, settings: {} });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, { message: 'Please include the missing fields', type: 'auth_error', reason: 'missing_fields', missing_fields: ['name', 'email_address', 'provider'], error: 'Missing fields.' });

    const missingSettings = await lk.post('/connect/authorize', authorizeBody('alice@example.test', { imap_host: dovecot.host }));
    assert.equal(missingSettings.status, 400);
    assert.deepEqual(missingSettings.body.missing_fields, ['imap_port', 'imap_password', 'smtp_host', 'smtp_port']);

    const emptyPassword = await lk.post('/connect/authorize', authorizeBody('alice@example.test', imapSettings('alice@example.test', '')));
    assert.equal(emptyPassword.status, 400, 'C09 D: an empty password is refused before any connection');
    assert.deepEqual(emptyPassword.body.missing_fields, ['imap_password']);

    const scope = await lk.post('/connect/authorize', authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret'), { scopes: 'email.read_only,email.everything' }));
    assert.equal(scope.status, 400);
    assert.deepEqual({ type: scope.body.type, reason: scope.body.reason }, { type: 'invalid_request_error', reason: 'invalid_scope' });
    assert.match(scope.body.message, /email\.everything/);

    // OAuth and Exchange providers name their own missing settings (reference §2.4 G1, M1, E1).
    for (const [provider, missing] of [
      ['gmail', ['google_client_id', 'google_client_secret']],
      ['office365', ['microsoft_client_id', 'microsoft_client_secret', 'microsoft_refresh_token', 'redirect_uri']],
      ['graph', ['microsoft_client_id', 'microsoft_client_secret', 'microsoft_refresh_token', 'redirect_uri']],
      ['exchange', ['username', 'password']],
    ] as const) {
      const r = await lk.post('/connect/authorize', { client_id: lk.app.client_id, name: 'X', email_address: 'x@example.test', provider, settings: { google_refresh_token: 'r' } });
      assert.equal(r.status, 400, provider);
      assert.equal(r.body.reason, 'missing_fields');
      assert.deepEqual(r.body.missing_fields, missing);
    }
    const nylas = await lk.post('/connect/authorize', { client_id: lk.app.client_id, name: 'X', email_address: 'x@example.test', provider: 'nylas', settings: {} });
    assert.equal(nylas.body.reason, 'unsupported_provider');
    const bogus = await lk.post('/connect/authorize', { client_id: lk.app.client_id, name: 'X', email_address: 'x@example.test', provider: 'carrier-pigeon', settings: {} });
    assert.equal(bogus.body.reason, 'unsupported_provider');

    const port = await lk.post('/connect/authorize', authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret', { imap_port: 'ninety' })));
    assert.equal(port.status, 400);
    assert.equal(port.body.reason, 'invalid_value');

    const unknownClient = await lk.post('/connect/authorize', { ...authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret')), client_id: 'nosuchclient' });
    assert.equal(unknownClient.status, 401);
    assert.equal(unknownClient.body.reason, 'invalid_client');

    const notJson = await lk.post('/connect/authorize', '{"client_id":', { 'content-type': 'application/json' });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.reason, 'invalid_value');

    const huge = await lk.post('/connect/authorize', { ...authorizeBody('a@example.test', {}), name: 'x'.repeat(70 * 1024) });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.reason, 'body_too_large');
  });

  test('scopes default to email,calendar,contacts and accept an array', async () => {
    const def = await lk.post('/connect/authorize', { ...authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret')), scopes: undefined });
    assert.equal(def.status, 200, JSON.stringify(def.body));
    const arr = await lk.post('/connect/authorize', { ...authorizeBody('alice@example.test', imapSettings('alice@example.test', 'alice-secret')), scopes: ['email.read_only', 'calendar'] });
    assert.equal(arr.status, 200, JSON.stringify(arr.body));
  });

  test('openapi.json documents the endpoints; healthz and readyz answer', async () => {
    const doc = await lk.get('/openapi.json');
    assert.equal(doc.status, 200);
    for (const path of ['/connect/authorize', '/connect/token', '/account']) assert.ok(doc.body.paths[path], path);
    assert.ok(doc.body.paths['/connect/authorize'].post.requestBody);
    assert.equal((await lk.get('/healthz')).body.status, 'ok');
    assert.equal((await lk.get('/readyz')).status, 200);
    const nf = await lk.get('/nope');
    assert.equal(nf.status, 404);
    assert.equal(nf.body.reason, 'not_found');
  });
});
