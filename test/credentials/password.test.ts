/**
 * Credentials release for password accounts (issue 14) against a real Dovecot: the application
 * opts in, then imapflow logs in with what `GET /a/{client_id}/accounts/{id}/credentials`
 * released and opens INBOX, and nodemailer authenticates its SMTP submission connection with it.
 * Around that: scope gating, every refusal, EmailEngine's exact authentication-server request,
 * the per-application rate limit, audit rows and the metric — and no released secret in any log
 * line or audit row.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic, dovecotSettings } from '../support/connect.ts';
import { resolveCredentials } from '../support/emailengine.ts';
import { runCli } from '../support/cli.ts';
import { Latchkey as Sdk, LatchkeyError } from '../../packages/sdk/src/index.ts';
import { createApplication, type CreatedApplication } from '../../src/app/applications.ts';

let dovecot: DovecotPeer;
let lk: Latchkey;
let other: CreatedApplication;
let admin: Record<string, string>;
const PASSWORDS = { 'dan@example.test': 'dan-Secret-7781', 'eve@example.test': 'eve-Secret-9902', 'fay@example.test': 'fay-Secret-1234' };

before(async () => {
  dovecot = await startDovecot({ users: PASSWORDS });
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath });
  other = await createApplication(lk.ctx.store, 'Other app', [], Date.now());
  admin = basic(lk.app.client_secret);
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

const base = () => `/a/${lk.app.client_id}`;

async function connect(user: keyof typeof PASSWORDS, scopes: string, app: CreatedApplication = lk.app): Promise<string> {
  const a = await lk.post('/connect/authorize', { client_id: app.client_id, name: user, email_address: user, provider: 'imap', settings: dovecotSettings(dovecot, user, PASSWORDS[user]), scopes });
  assert.equal(a.status, 200, JSON.stringify(a.body));
  const t = await lk.post('/connect/token', { client_id: app.client_id, client_secret: app.client_secret, code: a.body.code });
  assert.equal(t.status, 200, JSON.stringify(t.body));
  return t.body.id as string;
}

describe('opt-in', () => {
  test('off by default (403 credentials_release_disabled); PUT credentials_release true turns it on, false off again', async () => {
    const id = await connect('dan@example.test', 'email');
    const off = await lk.get(`${base()}/accounts/${id}/credentials`, admin);
    assert.equal(off.status, 403);
    assert.equal(off.body.reason, 'credentials_release_disabled');
    assert.equal(off.body.type, 'auth_error');
    assert.equal((await lk.get(base(), admin)).body.credentials_release, false);
    const bad = await lk.put(base(), { credentials_release: 'yes' }, admin);
    assert.deepEqual([bad.status, bad.body.reason], [400, 'invalid_value']);
    const on = await lk.put(base(), { credentials_release: true }, admin);
    assert.deepEqual([on.status, on.body.credentials_release], [200, true]);
    assert.equal((await lk.get(`${base()}/accounts/${id}/credentials`, admin)).status, 200);
    assert.equal((await lk.put(base(), { credentials_release: false }, admin)).body.credentials_release, false);
    assert.equal((await lk.get(`${base()}/accounts/${id}/credentials`, admin)).status, 403);
    assert.equal((await lk.put(base(), { credentials_release: true }, admin)).status, 200);
  });
});

describe('password accounts', () => {
  test('imapflow opens INBOX and nodemailer authenticates with exactly what was released', async () => {
    const id = await connect('dan@example.test', 'email');
    const r = await lk.get(`${base()}/accounts/${id}/credentials`, admin);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.deepEqual(r.body, {
      account_id: id, email_address: 'dan@example.test', provider: 'imap',
      imap: { host: dovecot.host, port: dovecot.imapTlsPort, security: 'ssl', username: 'dan@example.test', auth: 'password', password: PASSWORDS['dan@example.test'] },
      smtp: { host: dovecot.host, port: dovecot.submissionStartTlsPort, security: 'starttls', username: 'dan@example.test', auth: 'password', password: PASSWORDS['dan@example.test'] },
    });
    const { imap, smtp } = r.body;
    const client = new ImapFlow({ host: imap.host, port: imap.port, secure: imap.security === 'ssl', tls: { ca: [dovecot.caPem] }, auth: { user: imap.username, pass: imap.password }, logger: false });
    client.on('error', () => undefined);
    await client.connect();
    const box = await client.mailboxOpen('INBOX');
    assert.equal(box.path, 'INBOX');
    await client.logout();
    const transport = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: smtp.security === 'ssl', requireTLS: smtp.security === 'starttls', tls: { ca: [dovecot.caPem] }, auth: { user: smtp.username, pass: smtp.password } });
    assert.equal(await transport.verify(), true);
    transport.close();

    const one = await lk.get(`${base()}/accounts/${id}/credentials?protocol=smtp`, admin);
    assert.deepEqual(Object.keys(one.body).sort(), ['account_id', 'email_address', 'provider', 'smtp']);
  });

  test('scopes decide: a read-only account gets IMAP only, SMTP asked for is 403 insufficient_scope, no mail scope at all is 403', async () => {
    const reader = await connect('eve@example.test', 'email.read_only,contacts');
    const r = await lk.get(`${base()}/accounts/${reader}/credentials`, admin);
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body).sort(), ['account_id', 'email_address', 'imap', 'provider']);
    const smtp = await lk.get(`${base()}/accounts/${reader}/credentials?protocol=smtp`, admin);
    assert.deepEqual([smtp.status, smtp.body.reason], [403, 'insufficient_scope']);
    const none = await connect('fay@example.test', 'calendar,contacts');
    const refused = await lk.get(`${base()}/accounts/${none}/credentials`, admin);
    assert.deepEqual([refused.status, refused.body.reason], [403, 'insufficient_scope']);
    const ews = await lk.get(`${base()}/accounts/${reader}/credentials?protocol=ews`, admin);
    assert.deepEqual([ews.status, ews.body.reason], [400, 'invalid_value']);
  });

  test('refusals: wrong secret 401, unknown or another application’s account 404, invalid account 409 account_invalid', async () => {
    const id = await connect('dan@example.test', 'email');
    assert.equal((await lk.get(`${base()}/accounts/${id}/credentials`, basic(other.client_secret))).status, 401);
    assert.equal((await lk.get(`${base()}/accounts/${id}/credentials`)).status, 401);
    assert.deepEqual((await lk.get(`${base()}/accounts/nosuchaccount/credentials`, admin)).body.reason, 'account_not_found');
    const theirs = await connect('eve@example.test', 'email', other);
    const cross = await lk.get(`${base()}/accounts/${theirs}/credentials`, admin);
    assert.deepEqual([cross.status, cross.body.reason], [404, 'account_not_found']);
    await lk.ctx.store.setSyncState(id, 'invalid', Math.floor(Date.now() / 1000));
    const invalid = await lk.get(`${base()}/accounts/${id}/credentials`, admin);
    assert.deepEqual([invalid.status, invalid.body.reason, invalid.body.type], [409, 'account_invalid', 'api_error']);
    await connect('dan@example.test', 'email'); // re-authorized: running again
    assert.equal((await lk.get(`${base()}/accounts/${id}/credentials`, admin)).status, 200);
  });

  test('HEAD releases nothing: no audit row, no metric, no rate-limit point (both endpoints answer 404, as POST does)', async () => {
    assert.equal((await lk.put(base(), { credentials_release: true }, admin)).status, 200);
    const id = await connect('dan@example.test', 'email');
    const released = async () => (await lk.ctx.store.listAuditEvents(lk.app.client_id, { sinceMs: 0, limit: 10_000 })).filter((e) => e.event === 'credentials.released').length;
    const before = await released();
    for (const path of [`${base()}/accounts/${id}/credentials`, `${base()}/emailengine/credentials?account=${id}&proto=imap`]) {
      const head = await fetch(lk.url + path, { method: 'HEAD', headers: admin });
      assert.equal(head.status, 404, path);
      const post = await fetch(lk.url + path, { method: 'POST', headers: admin });
      assert.equal(post.status, 404, path);
    }
    assert.equal(await released(), before, 'a HEAD request released the credentials (audited, counted) and threw them away');
  });
});

describe('SDK and CLI', () => {
  test('lk.accounts.credentials(id, { protocol }) answers the typed shape; a refusal is a LatchkeyError with its reason', async () => {
    const id = await connect('dan@example.test', 'email');
    const sdk = new Sdk({ baseUrl: lk.url, clientId: lk.app.client_id, clientSecret: lk.app.client_secret });
    const all = await sdk.accounts.credentials(id);
    assert.equal(all.imap?.auth === 'password' && all.imap.password, PASSWORDS['dan@example.test']);
    const imapOnly = await sdk.accounts.credentials(id, { protocol: 'imap' });
    assert.deepEqual(Object.keys(imapOnly).sort(), ['account_id', 'email_address', 'imap', 'provider']);
    await assert.rejects(sdk.accounts.credentials('nosuchaccount'), (e: unknown) => e instanceof LatchkeyError && e.reason === 'account_not_found');
  });

  test('latchkey apps update --credentials-release off|on and latchkey accounts credentials --protocol --json', async () => {
    const id = await connect('dan@example.test', 'email');
    const env = { LATCHKEY_DATABASE_URL: `sqlite:${lk.dbPath}`, LATCHKEY_ENCRYPTION_KEYS: lk.ctx.config.encryptionKeys!, LATCHKEY_DATA_DIR: lk.dir, LATCHKEY_LOG_LEVEL: 'silent' };
    const off = await runCli(['apps', 'update', lk.app.client_id, '--credentials-release', 'off', '--json'], env);
    assert.equal(off.code, 0, off.stderr);
    assert.equal(JSON.parse(off.stdout).credentials_release, false);
    const refused = await runCli(['accounts', 'credentials', id], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /credentials_release_disabled/);
    assert.equal((await runCli(['apps', 'update', lk.app.client_id, '--credentials-release', 'on'], env)).code, 0);
    const r = await runCli(['accounts', 'credentials', id, '--protocol', 'imap', '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    const body = JSON.parse(r.stdout);
    assert.deepEqual([body.account_id, body.imap.password, body.smtp], [id, PASSWORDS['dan@example.test'], undefined]);
    assert.equal((await runCli(['apps', 'update', lk.app.client_id, '--credentials-release', 'maybe'], env)).code, 2);
  });
});

describe('EmailEngine authentication server', () => {
  const authServer = (secret: string, clientId = lk.app.client_id) => {
    const u = new URL(`${lk.url}/a/${clientId}/emailengine/credentials`);
    u.username = secret;
    return u.toString();
  };

  test('EmailEngine’s exact request gets what its schema accepts for imap and smtp; api is refused for a password account', async () => {
    const id = await connect('dan@example.test', 'email');
    assert.deepEqual(await resolveCredentials(authServer(lk.app.client_secret), id, 'imap'), { user: 'dan@example.test', pass: PASSWORDS['dan@example.test'] });
    assert.deepEqual(await resolveCredentials(authServer(lk.app.client_secret), id, 'smtp'), { user: 'dan@example.test', pass: PASSWORDS['dan@example.test'] });
    await assert.rejects(resolveCredentials(authServer(lk.app.client_secret), id, 'api'), /Invalid response: 400/);
  });

  test('wrong secret, another application’s account, release disabled → non-2xx, which EmailEngine treats as a failure', async () => {
    const id = await connect('dan@example.test', 'email');
    await assert.rejects(resolveCredentials(authServer('lkcs_wrong'), id, 'imap'), /Invalid response: 401/);
    const theirs = await connect('eve@example.test', 'email', other);
    await assert.rejects(resolveCredentials(authServer(lk.app.client_secret), theirs, 'imap'), /Invalid response: 404/);
    await assert.rejects(resolveCredentials(authServer(other.client_secret, other.client_id), theirs, 'imap'), /Invalid response: 403/);
  });
});

describe('accounting', () => {
  test('audit rows name application, account, protocol, source IP and outcome; the metric counts; no password in any log line or audit row', async () => {
    const id = await connect('dan@example.test', 'email');
    await lk.get(`${base()}/accounts/${id}/credentials?protocol=imap`, admin);
    const audit = await lk.get(`${base()}/audit?limit=1000`, admin);
    const rows = audit.body.filter((e: { event: string }) => e.event === 'credentials.released');
    const last = rows[0];
    assert.deepEqual({ account_id: last.account_id, protocol: last.protocol, outcome: last.outcome, source_ip: last.source_ip, client_id: last.client_id },
      { account_id: id, protocol: 'imap', outcome: 'ok', source_ip: '127.0.0.1', client_id: lk.app.client_id });
    assert.ok(rows.some((e: { outcome: string }) => e.outcome === 'insufficient_scope'));
    assert.ok(rows.some((e: { outcome: string }) => e.outcome === 'credentials_release_disabled'));
    const metrics = await fetch(`${lk.url}/metrics`).then((r) => r.text());
    assert.match(metrics, /latchkey_credentials_released_total\{protocol="imap",outcome="ok"\} [1-9]/);
    assert.match(metrics, /latchkey_credentials_released_total\{protocol="smtp",outcome="insufficient_scope"\} [1-9]/);
    const everything = lk.logs.join('\n') + JSON.stringify(audit.body) + JSON.stringify(await lk.ctx.store.listAuditEvents(lk.app.client_id, { sinceMs: 0, limit: 10_000 }));
    for (const secret of Object.values(PASSWORDS)) assert.equal(everything.includes(secret), false, 'a released password was logged or audited');
    assert.ok(lk.logs.some((l) => l.includes('"event":"credentials.released"')));
  });

  test('concurrent releases: each one has its own audit row (they are committed together, none is lost)', async () => {
    const id = await connect('dan@example.test', 'email');
    const before = (await lk.ctx.store.listAuditEvents(lk.app.client_id, { sinceMs: 0, limit: 10_000 })).filter((e) => e.event === 'credentials.released').length;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => lk.get(`${base()}/accounts/${id}/credentials?protocol=${i % 2 ? 'imap' : 'smtp'}`, admin)));
    assert.deepEqual(answers.map((a) => a.status), Array(40).fill(200));
    const rows = (await lk.ctx.store.listAuditEvents(lk.app.client_id, { sinceMs: 0, limit: 10_000 })).filter((e) => e.event === 'credentials.released');
    assert.equal(rows.length - before, 40);
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'ids are unique');
    assert.equal(rows.slice(0, 40).filter((r) => r.protocol === 'smtp' && r.outcome === 'ok' && r.accountId === id).length, 20);
  });

  test('per-application rate limit: beyond LATCHKEY_LIMIT_CREDENTIALS_PER_MINUTE → 429 with Retry-After', async () => {
    const small = await startLatchkey({ LATCHKEY_LIMIT_CREDENTIALS_PER_MINUTE: '3' });
    try {
      const auth = basic(small.app.client_secret);
      await small.put(`/a/${small.app.client_id}`, { credentials_release: true }, auth);
      for (let i = 0; i < 3; i++) assert.equal((await small.get(`/a/${small.app.client_id}/accounts/none/credentials`, auth)).status, 404);
      const limited = await small.get(`/a/${small.app.client_id}/accounts/none/credentials`, auth);
      assert.deepEqual([limited.status, limited.body.reason], [429, 'rate_limited']);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    } finally {
      await small.stop();
    }
  });
});
