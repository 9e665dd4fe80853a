/**
 * After real flows — successes and failures — the SQLite files, every captured log line and every
 * audit row must hold none of the passwords, codes, access tokens or client secrets in clear (and
 * the audit rows not the address either) — including the management calls (token-info,
 * revoke-all) and `POST /oauth/revoke`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import Database from 'better-sqlite3';

let dovecot: DovecotPeer;
let lk: Latchkey;

before(async () => {
  dovecot = await startDovecot({ users: { 'carol@example.test': 'Carol-Very-Secret-Pässwort' } });
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath });
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

test('the database and the logs hold no secret in clear', async () => {
  const secrets: string[] = [lk.app.client_secret, 'Carol-Very-Secret-Pässwort', 'wrong-Guess-Pässwort-123'];
  const settings = (password: string, smtpPassword = password) => ({
    imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_password: password, imap_security: 'ssl',
    smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_password: smtpPassword, smtp_security: 'starttls',
  });
  const body = (s: Record<string, unknown>) => ({ client_id: lk.app.client_id, name: 'Carol', email_address: 'carol@example.test', provider: 'imap', settings: s });

  // Failures first: wrong IMAP password, wrong SMTP password (both must be kept out of logs too).
  assert.equal((await lk.post('/connect/authorize', body(settings('wrong-Guess-Pässwort-123')))).status, 403);
  assert.equal((await lk.post('/connect/authorize', body(settings('Carol-Very-Secret-Pässwort', 'wrong-Guess-Pässwort-123')))).status, 403);
  // A form-encoded request and an authorize with an Authorization header, both logged by Fastify.
  const form = new URLSearchParams({ client_id: lk.app.client_id, name: 'Carol', email_address: 'carol@example.test', provider: 'imap' });
  for (const [k, v] of Object.entries(settings('Carol-Very-Secret-Pässwort'))) form.set(`settings[${k}]`, String(v));
  const formRes = await lk.post('/connect/authorize', form.toString(), { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${lk.app.client_secret}:`).toString('base64')}` });
  assert.equal(formRes.status, 200, JSON.stringify(formRes.body));
  secrets.push(formRes.body.code);

  // Two full connections; the second code is replayed (which revokes its token).
  const tokens: string[] = [];
  for (let i = 0; i < 2; i++) {
    const a = await lk.post('/connect/authorize', body(settings('Carol-Very-Secret-Pässwort')));
    assert.equal(a.status, 200);
    secrets.push(a.body.code);
    const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: a.body.code });
    assert.equal(t.status, 200);
    secrets.push(t.body.access_token);
    tokens.push(t.body.access_token);
    assert.equal((await lk.get('/account', { authorization: `Bearer ${t.body.access_token}` })).status, 200);
    if (i === 1) assert.equal((await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: a.body.code })).status, 400);
  }
  assert.equal((await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: 'lkcs_guess', code: formRes.body.code })).status, 401);
  assert.equal((await lk.get('/account', { authorization: 'Bearer lkat_not-a-real-token-value' })).status, 401);

  // Management calls carry the client secret (Basic) and tokens in bodies; /oauth/revoke carries a token.
  const admin = { authorization: `Basic ${Buffer.from(`${lk.app.client_secret}:`).toString('base64')}` };
  const accountId = (await lk.get('/account', { authorization: `Bearer ${tokens[0]}` })).body.id as string;
  const mgmt = `/a/${lk.app.client_id}/accounts/${accountId}`;
  assert.equal((await lk.post(`${mgmt}/token-info`, { access_token: tokens[0] }, admin)).body.state, 'valid');
  assert.equal((await lk.post(`${mgmt}/token-info`, { access_token: 'lkat_never-issued-Guess' }, admin)).status, 404);
  secrets.push('lkat_never-issued-Guess');
  assert.equal((await lk.post(`${mgmt}/revoke-all`, { keep_access_token: tokens[0] }, admin)).status, 200);
  assert.equal((await lk.get(`/a/${lk.app.client_id}/accounts`, { authorization: `Basic ${Buffer.from('lkcs_wrong-Guess:').toString('base64')}` })).status, 401);
  const extra = await lk.post('/connect/authorize', body(settings('Carol-Very-Secret-Pässwort')));
  const extraToken = (await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: extra.body.code })).body.access_token as string;
  secrets.push(extra.body.code, extraToken);
  assert.equal((await lk.post('/oauth/revoke', undefined, { authorization: `Basic ${Buffer.from(`${extraToken}:`).toString('base64')}` })).status, 200);
  assert.equal((await lk.post(`${mgmt}/token-info`, { access_token: extraToken }, admin)).body.state, 'invalid');

  const files = [lk.dbPath, `${lk.dbPath}-wal`, `${lk.dbPath}-shm`].filter(existsSync);
  assert.ok(files.length >= 1);
  const stored = Buffer.concat(files.map((f) => readFileSync(f)));
  const logs = lk.logs.join('\n');
  assert.ok(lk.logs.length > 10, 'the flows were logged');
  assert.ok(logs.includes('connect.authorize'), 'authorize attempts are logged');
  for (const secret of secrets) {
    for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]) {
      assert.equal(stored.includes(Buffer.from(form, 'utf8')), false, `secret found in the database: ${secret.slice(0, 6)}…`);
      assert.equal(logs.includes(form), false, `secret found in the logs: ${secret.slice(0, 6)}…`);
    }
  }
  // Every audit row, read as stored: the flows were recorded, and no row holds a secret or the address.
  const db = new Database(lk.dbPath, { readonly: true });
  const auditRows = db.prepare('SELECT * FROM audit_events').all() as Array<Record<string, unknown>>;
  db.close();
  assert.deepEqual([...new Set(auditRows.map((r) => `${r.event}:${r.outcome}`))].sort(), [
    'account.tokens_revoked:ok', 'code.replay_revoked:revoked', 'connect.authorize:invalid_credentials', 'connect.authorize:ok',
    'connect.token:invalid_client', 'connect.token:invalid_code', 'connect.token:ok', 'token.revoked:ok',
  ]);
  const auditText = JSON.stringify(auditRows);
  for (const secret of [...secrets, 'carol@example.test']) {
    for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]) {
      assert.equal(auditText.includes(form), false, `found in an audit row: ${secret.slice(0, 6)}…`);
    }
  }

  // The account's password is stored, encrypted, and decrypts under its own AAD only.
  const rows = lk.ctx.store;
  const account = (await lk.get('/account', { authorization: `Bearer ${tokens[0]}` })).body;
  assert.equal(account.email_address, 'carol@example.test');
  const creds = await rows.credentialsOf(account.id);
  assert.deepEqual(creds.map((c) => c.field).sort(), ['imap_password', 'smtp_password']);
  const imapCred = creds.find((c) => c.field === 'imap_password')!;
  assert.equal(lk.ctx.keys.decrypt(imapCred.envelope, `account:${account.id}:imap_password`), 'Carol-Very-Secret-Pässwort');
  assert.throws(() => lk.ctx.keys.decrypt(imapCred.envelope, `account:${account.id}:smtp_password`));
});
