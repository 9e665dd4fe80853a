import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { runCli } from '../support/cli.ts';
import { createApplication } from '../../src/app/applications.ts';

/**
 * The audit log (issue 6 §4): real flows against Dovecot leave one row per authorize attempt,
 * token exchange and replay revocation, readable by `GET /a/{client_id}/audit` (HTTP Basic with
 * the client_secret) and `latchkey audit`; no row holds a secret or the address in clear.
 */
let dovecot: DovecotPeer;
let lk: Latchkey;
const EMAIL = 'Alice@Example.test';
const HASH = createHash('sha256').update(EMAIL.toLowerCase()).digest('hex').slice(0, 16);

before(async () => {
  dovecot = await startDovecot();
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath });
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

const basic = (user: string) => ({ authorization: `Basic ${Buffer.from(`${user}:`).toString('base64')}` });
function authorizeBody(password: string) {
  return {
    client_id: lk.app.client_id, name: 'Alice', email_address: EMAIL, provider: 'imap',
    settings: {
      imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_username: 'alice@example.test', imap_password: password, imap_security: 'ssl',
      smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'starttls',
    },
  };
}

describe('audit log', () => {
  let code = '';
  let token = '';
  before(async () => {
    assert.equal((await lk.post('/connect/authorize', authorizeBody('wrong-password-1'))).status, 403);
    const a = await lk.post('/connect/authorize', authorizeBody('alice-secret'));
    assert.equal(a.status, 200);
    code = a.body.code;
    const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code });
    assert.equal(t.status, 200);
    token = t.body.access_token;
    assert.equal((await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code })).status, 400);
    assert.equal((await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: 'lkcs_wrong', code })).status, 401);
    // Unknown clients are not audited (anyone can invent a client_id).
    assert.equal((await lk.post('/connect/authorize', { ...authorizeBody('x'), client_id: 'nosuchclient' })).status, 401);
  });

  test('GET /a/{client_id}/audit lists every event, newest first, with outcome, hash, IP and duration', async () => {
    const r = await lk.get(`/a/${lk.app.client_id}/audit`, basic(lk.app.client_secret));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const events = [...r.body].reverse() as Array<Record<string, any>>;
    assert.deepEqual(events.map((e) => `${e.event}:${e.outcome}`), [
      'connect.authorize:invalid_credentials',
      'connect.authorize:ok',
      'connect.token:ok',
      'connect.token:invalid_code',
      'code.replay_revoked:revoked',
      'connect.token:invalid_client',
    ]);
    for (const e of events) {
      assert.equal(e.client_id, lk.app.client_id);
      assert.equal(e.source_ip, '127.0.0.1');
      assert.match(e.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    assert.equal(events[0]!.email_hash, HASH);
    assert.equal(events[1]!.email_hash, HASH);
    assert.ok(events[1]!.duration_ms > 0, 'a real login takes time');
    assert.equal(typeof events[2]!.account_id, 'string');
    assert.equal(events[4]!.revoked_tokens, 1);
    assert.equal(r.headers.get('cache-control'), 'no-store', 'every response is no-store');

    const since = await lk.get(`/a/${lk.app.client_id}/audit?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, basic(lk.app.client_secret));
    assert.deepEqual(since.body, []);
    const limited = await lk.get(`/a/${lk.app.client_id}/audit?limit=2&since=1h`, basic(lk.app.client_secret));
    assert.deepEqual(limited.body.map((e: any) => e.event), ['connect.token', 'code.replay_revoked']);
    assert.equal((await lk.get(`/a/${lk.app.client_id}/audit?since=yesterday`, basic(lk.app.client_secret))).body.reason, 'invalid_value');
  });

  test('the endpoint answers 401 "Could not verify access credential." to anything but this client’s secret as Basic username', async () => {
    const other = await createApplication(lk.ctx.store, 'Other', [], Date.now());
    const attempts: Record<string, Record<string, string>> = {
      none: {},
      wrongSecret: basic('lkcs_wrong'),
      otherClientsSecret: basic(other.client_secret),
      bearer: { authorization: `Bearer ${lk.app.client_secret}` },
      accessToken: basic(token),
    };
    for (const [what, headers] of Object.entries(attempts)) {
      const r = await lk.get(`/a/${lk.app.client_id}/audit`, headers);
      assert.equal(r.status, 401, what);
      assert.deepEqual(r.body, { message: 'Could not verify access credential.', type: 'invalid_request_error', reason: 'invalid_client' }, what);
      assert.equal(r.headers.get('www-authenticate'), 'Basic realm="latchkey"');
    }
    // The other application sees only its own (empty) log.
    assert.deepEqual((await lk.get(`/a/${other.client_id}/audit`, basic(other.client_secret))).body, []);
  });

  test('`latchkey audit` prints the same events (table and --json); unknown client exits 1, bad --since 2', async () => {
    const env = { LATCHKEY_DATABASE_URL: `sqlite:${lk.dbPath}`, LATCHKEY_DATA_DIR: lk.dir, LATCHKEY_EHLO_NAME: 'cli.latchkey.test' };
    const j = await runCli(['audit', '--client', lk.app.client_id, '--since', '1h', '--json'], env);
    assert.equal(j.code, 0, j.stderr);
    const http = (await lk.get(`/a/${lk.app.client_id}/audit?since=1h`, basic(lk.app.client_secret))).body;
    assert.deepEqual(JSON.parse(j.stdout), http);
    const human = await runCli(['audit', '--client', lk.app.client_id], env);
    assert.equal(human.code, 0, human.stderr);
    const lines = human.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^AT\s+EVENT\s+OUTCOME\s+EMAIL_HASH\s+SOURCE_IP\s+MS\s+DETAIL$/);
    assert.equal(lines.length, 1 + http.length);
    assert.match(human.stdout, /code\.replay_revoked\s+revoked\s+-\s+127\.0\.0\.1\s+-\s+1 token\(s\) revoked/);
    assert.equal((await runCli(['audit', '--client', 'nosuchclient'], env)).code, 1);
    assert.equal((await runCli(['audit', '--client', lk.app.client_id, '--since', 'last tuesday'], env)).code, 2);
  });
});
