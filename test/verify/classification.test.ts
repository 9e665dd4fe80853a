/**
 * Issue 13 point 2: the classification table (src/mail/classification.ts, its rules in
 * src/mail/login-rules.json) is what decides, and
 * this test reads it: every rule's example reply reaches its own rule (no earlier rule shadows
 * it), and — for every rule a password login can meet — a scripted IMAP or SMTP server that
 * answers with the example makes authorize answer the rule's reason, status and step. A tagged
 * BAD is 422 command_rejected, quoted, and not counted by the brute-force limits.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCA, issueCert, type IssuedCert } from '../peers/pki.ts';
import { startFakeImap, type FakeImapServer } from '../peers/fake-imap.ts';
import { startFakeSmtp, type FakeSmtpServer } from '../peers/fake-smtp.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { classifyLoginReply, LOGIN_RULES, parseImapReply, parseSmtpReply } from '../../src/mail/classification.ts';
import { CATALOGUE } from '../../src/errors/catalogue.ts';

let dir: string;
let leaf: IssuedCert;
let caPath: string;
let lk: Latchkey;
let imap: FakeImapServer;
let smtp: FakeSmtpServer;
/** What the scripted servers answer to the login, changed by each test. */
let imapReply = 'OK LOGIN completed';
let smtpReply = '235 2.7.0 Authentication successful';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-classification-'));
  const ca = await makeCA(dir, 'classification-ca');
  caPath = ca.certPath;
  leaf = await issueCert(dir, ca, { name: 'mail', dnsNames: ['mail.latchkey.test'], ipAddresses: ['127.0.0.1'] });
  const tls = { key: leaf.keyPem, cert: leaf.certPem };
  imap = await startFakeImap({ tls, maxBads: 100, login: () => imapReply });
  smtp = await startFakeSmtp({ tls, auth: () => smtpReply });
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: caPath });
});

after(async () => {
  await lk?.stop();
  await imap?.close();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

function body(l: Latchkey, email = 'user@example.test') {
  return {
    client_id: l.app.client_id, name: 'U', email_address: email, provider: 'imap',
    settings: {
      imap_host: '127.0.0.1', imap_port: imap.port, imap_password: 'secret-pw', imap_security: 'ssl',
      smtp_host: '127.0.0.1', smtp_port: smtp.port, smtp_security: 'ssl',
    },
  };
}

describe('the table', () => {
  test('every rule\'s example reaches that rule: none is shadowed by an earlier one', () => {
    for (const [i, rule] of LOGIN_RULES.entries()) {
      const credential = rule.match.credential ?? 'password';
      const reply = rule.protocol === 'imap' ? parseImapReply(rule.example, credential) : parseSmtpReply(rule.example, credential);
      assert.equal(classifyLoginReply(reply), rule, `rule ${i + 1} (${rule.reason}): ${rule.example}`);
    }
  });

  test('structure before words: a tagged BAD is command_rejected whatever its text or code; NO and BAD differ', () => {
    for (const line of ['3 BAD [CLIENTBUG] Invalid characters in atom', 'A1 BAD Invalid credentials', 'a BAD [AUTHENTICATIONFAILED] try again later', 'x BAD Application-specific password required']) {
      assert.equal(classifyLoginReply(parseImapReply(line, 'password'))?.reason, 'command_rejected', line);
    }
    assert.equal(classifyLoginReply(parseImapReply('3 NO [AUTHENTICATIONFAILED] Invalid credentials', 'password'))?.reason, 'invalid_credentials');
    assert.equal(classifyLoginReply(parseSmtpReply('535-5.7.8 Username and Password not accepted. For more information, go to\r\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials x - gsmtp', 'password'))?.reason, 'invalid_credentials');
  });
});

describe('each password rule through a scripted server', () => {
  for (const [i, rule] of LOGIN_RULES.entries()) {
    if (rule.match.credential === 'token') continue; // OAuth rules: test/verify/smtp-oauth-mechanisms.test.ts, test/oauth/
    test(`rule ${i + 1}: ${rule.protocol.toUpperCase()} ${rule.example.slice(0, 60)} → ${CATALOGUE[rule.reason].status} ${rule.reason}`, async () => {
      imapReply = rule.protocol === 'imap' ? rule.example : 'OK LOGIN completed';
      smtpReply = rule.protocol === 'smtp' ? rule.example : '235 2.7.0 Authentication successful';
      const r = await lk.post('/connect/authorize', body(lk));
      assert.equal(r.status, CATALOGUE[rule.reason].status, JSON.stringify(r.body));
      assert.deepEqual({ reason: r.body.reason, step: r.body.step }, { reason: rule.reason, step: rule.protocol === 'imap' ? 'imap.login' : 'smtp.auth' });
      const text = rule.protocol === 'imap' ? parseImapReply(rule.example, 'password').text : rule.example;
      assert.ok(String(r.body.server_error).includes(text), `server_error quotes the reply: ${JSON.stringify(r.body)}`);
    });
  }
});

describe('a tagged BAD is not a failed login', () => {
  test('`3 BAD [CLIENTBUG] Invalid characters in atom` → 422 command_rejected at imap.login, the text quoted in the message', async () => {
    imapReply = 'BAD [CLIENTBUG] Invalid characters in atom';
    const r = await lk.post('/connect/authorize', body(lk));
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.deepEqual({ type: r.body.type, reason: r.body.reason, step: r.body.step }, { type: 'auth_error', reason: 'command_rejected', step: 'imap.login' });
    assert.match(r.body.message, /Invalid characters in atom/);
    assert.match(r.body.message, /not the password/);
  });

  test('with a pair limit of 2: four BAD replies are four 422s (nothing counted); two NO replies then lock the pair (429)', async () => {
    const strict = await startLatchkey({ LATCHKEY_TLS_CA_FILE: caPath, LATCHKEY_LIMIT_PAIR_FAILURES: '2' });
    try {
      imapReply = 'BAD [CLIENTBUG] Invalid characters in atom';
      const bad: number[] = [];
      for (let i = 0; i < 4; i++) bad.push((await strict.post('/connect/authorize', body(strict, 'pat@example.test'))).status);
      assert.deepEqual(bad, [422, 422, 422, 422]);
      imapReply = 'NO [AUTHENTICATIONFAILED] Authentication failed.';
      const no: number[] = [];
      for (let i = 0; i < 3; i++) no.push((await strict.post('/connect/authorize', body(strict, 'pat@example.test'))).status);
      assert.deepEqual(no, [403, 403, 429]);
    } finally {
      await strict.stop();
    }
  });
});
