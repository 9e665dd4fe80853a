/**
 * Issue 13 point 4: a wrong password costs one failed login at the provider, not two — on a real
 * Dovecot (which offers AUTHENTICATE PLAIN and LOGIN) counted on Dovecot's own log. The second
 * attempt with LOGIN stays only where the provider is known to need it (iCloud's
 * `imapLoginAfterPlain`) or where the first refusal was not of the credentials (a tagged BAD).
 * And `imap_host: "localhost"` says that the name is refused by name, whatever is allowed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCA, issueCert, type IssuedCert } from '../peers/pki.ts';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startFakeImap, type FakeImapScript } from '../peers/fake-imap.ts';
import { startFakeSmtp, type FakeSmtpServer } from '../peers/fake-smtp.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

let dir: string;
let leaf: IssuedCert;
let dovecot: DovecotPeer;
let smtp: FakeSmtpServer;
let lk: Latchkey;
const closers: Array<() => Promise<void>> = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-attempts-'));
  const ca = await makeCA(dir, 'attempts-ca');
  leaf = await issueCert(dir, ca, { name: 'mail', dnsNames: ['mail.latchkey.test'], ipAddresses: ['127.0.0.1'] });
  dovecot = await startDovecot({ users: { 'una@example.test': 'una-secret' } });
  smtp = await startFakeSmtp({ tls: tls(), auth: () => '235 2.7.0 Authentication successful' });
  writeFileSync(join(dir, 'ca.pem'), `${ca.certPem}\n${readFileSync(dovecot.caPath, 'utf8')}`);
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem') });
});

after(async () => {
  for (const close of closers.splice(0)) await close();
  await lk?.stop();
  await smtp?.close();
  await dovecot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const tls = () => ({ key: leaf.keyPem, cert: leaf.certPem });

async function imap(script: FakeImapScript) {
  const s = await startFakeImap({ tls: tls(), capabilities: ['IMAP4rev1', 'AUTH=PLAIN', 'ID', 'UNSELECT'], ...script });
  closers.push(() => s.close());
  return s;
}

function body(l: Latchkey, imapHost: string, imapPort: number, extra: Record<string, unknown> = {}) {
  return {
    client_id: l.app.client_id, name: 'U', email_address: 'una@example.test', provider: 'imap',
    settings: {
      imap_host: imapHost, imap_port: imapPort, imap_password: 'una-wrong', imap_security: 'ssl',
      smtp_host: '127.0.0.1', smtp_port: smtp.port, smtp_security: 'ssl', ...extra,
    },
  };
}

/** Dovecot's "auth failed" log lines for `user`, once the log has stopped growing (written at disconnect). */
async function dovecotFailures(user: string): Promise<number> {
  let last = -1;
  for (;;) {
    const lines = readFileSync(dovecot.logPath, 'utf8').split('\n').filter((l) => l.includes('auth failed') && l.includes(`user=<${user}>`));
    if (lines.length === last) return lines.length;
    last = lines.length;
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('one wrong password, one failed login', () => {
  test('Dovecot (AUTH=PLAIN and LOGIN): a wrong password → 403 after one failed login in Dovecot\'s log', async () => {
    const before = await dovecotFailures('una@example.test');
    const r = await lk.post('/connect/authorize', body(lk, dovecot.host, dovecot.imapTlsPort, { imap_username: 'una@example.test' }));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ reason: r.body.reason, step: r.body.step }, { reason: 'invalid_credentials', step: 'imap.login' });
    assert.equal((await dovecotFailures('una@example.test')) - before, 1);
    // And the right password still signs in (PLAIN), so nothing was lost.
    const ok = await lk.post('/connect/authorize', body(lk, dovecot.host, dovecot.imapTlsPort, { imap_username: 'una@example.test', imap_password: 'una-secret' }));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  test('a server not known for the PLAIN quirk: `NO [AUTHENTICATIONFAILED]` to AUTHENTICATE PLAIN is final — one attempt, one connection, no LOGIN', async () => {
    const s = await imap({ authenticate: () => 'NO [AUTHENTICATIONFAILED] Authentication failed.', login: () => 'OK LOGIN completed' });
    const r = await lk.post('/connect/authorize', body(lk, '127.0.0.1', s.port));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual(s.auths.map((a) => a.command), ['AUTHENTICATE']);
    assert.equal(s.connections, 1);
  });

  test('a refusal that is not of the credentials (tagged BAD to AUTHENTICATE PLAIN) still gets one LOGIN on a fresh connection', async () => {
    const s = await imap({ authenticate: () => 'BAD [CLIENTBUG] Invalid SASL argument', login: () => 'OK LOGIN completed' });
    const r = await lk.post('/connect/authorize', body(lk, '127.0.0.1', s.port));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(s.auths.map((a) => a.command), ['AUTHENTICATE', 'LOGIN']);
    assert.equal(s.connections, 2);
  });

  test('iCloud (imapLoginAfterPlain): PLAIN refused with NO → one LOGIN on a fresh connection, which succeeds', async () => {
    const s = await imap({ authenticate: () => 'NO [AUTHENTICATIONFAILED] Authentication failed.', login: (u) => (u === 'una' ? 'OK LOGIN completed' : 'NO [AUTHENTICATIONFAILED] Authentication failed.') });
    writeFileSync(join(dir, 'providers.json'), JSON.stringify({ icloud: { imap: { host: '127.0.0.1', port: s.port, security: 'ssl' }, smtp: { host: '127.0.0.1', port: smtp.port, security: 'ssl' } } }));
    const apple = await startLatchkey({ LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'), LATCHKEY_PROVIDERS_FILE: join(dir, 'providers.json') });
    try {
      const r = await apple.post('/connect/authorize', { client_id: apple.app.client_id, name: 'U', email_address: 'una@icloud.com', provider: 'icloud', settings: { password: 'app-specific-pw' } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(s.auths.map((a) => [a.command, a.user]), [['AUTHENTICATE', 'una'], ['LOGIN', 'una']]);
      assert.equal(s.connections, 2);
    } finally {
      await apple.stop();
    }
  });
});

describe('localhost', () => {
  test('imap_host "localhost" → 422 destination_not_allowed saying the name is refused by name whatever LATCHKEY_ALLOWED_DESTINATIONS allows (127.0.0.0/8 is allowed here)', async () => {
    for (const host of ['localhost', 'mail.localhost']) {
      const r = await lk.post('/connect/authorize', body(lk, host, 993));
      assert.equal(r.status, 422, JSON.stringify(r.body));
      assert.deepEqual({ reason: r.body.reason, step: r.body.step }, { reason: 'destination_not_allowed', step: 'imap.connect' });
      assert.match(r.body.message, new RegExp(`${host.replace('.', '\\.')} is refused by name`));
      assert.match(r.body.message, /whatever LATCHKEY_ALLOWED_DESTINATIONS allows/);
      assert.match(r.body.message, /give its IP address instead/);
    }
  });
});
