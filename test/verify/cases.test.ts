/**
 * Cases from shared/cases/VERIFICATION.md that need server behaviour a real Dovecot cannot show,
 * reproduced with the scripted fakes in test/peers. Each test names its case id. What Dovecot
 * can show (C01, C02, C05, C07, C12, C13, C16 on Dovecot) is in dovecot-failures.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCA, issueCert, selfSigned, type CA, type IssuedCert } from '../peers/pki.ts';
import { startFakeImap, type FakeImapScript } from '../peers/fake-imap.ts';
import { startFakeSmtp, type FakeSmtpScript } from '../peers/fake-smtp.ts';
import { startBlackhole, startSilent } from '../peers/blackhole.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

let dir: string;
let ca: CA;
let leaf: IssuedCert;
let lk: Latchkey;
const closers: Array<() => Promise<void>> = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'latchkey-cases-'));
  ca = await makeCA(dir, 'latchkey-test-ca');
  leaf = await issueCert(dir, ca, { name: 'fake', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  lk = await startLatchkey({
    LATCHKEY_TLS_CA_FILE: ca.certPath,
    LATCHKEY_CONNECT_TIMEOUT_MS: '1000',
    LATCHKEY_GREETING_TIMEOUT_MS: '3000',
    LATCHKEY_COMMAND_TIMEOUT_MS: '3000',
  });
});
after(async () => {
  for (const close of closers.splice(0)) await close();
  await lk?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const tls = () => ({ key: leaf.keyPem, cert: leaf.certPem });
const acceptAll = () => 'OK LOGIN completed';

async function imap(script: FakeImapScript) {
  const s = await startFakeImap(script);
  closers.push(() => s.close());
  return s;
}
async function smtp(script: FakeSmtpScript) {
  const s = await startFakeSmtp(script);
  closers.push(() => s.close());
  return s;
}
/** A well-behaved SMTP server on implicit TLS, for cases about IMAP. */
const smtpOk = () => smtp({ tls: tls(), auth: () => '235 2.7.0 Authentication successful' });
/** A well-behaved IMAP server on implicit TLS, for cases about SMTP. */
const imapOk = () => imap({ tls: tls(), login: acceptAll });

async function authorize(i: { port: number }, s: { port: number }, extra: Record<string, unknown> = {}, password = 'secret-pw') {
  return lk.post('/connect/authorize', {
    client_id: lk.app.client_id, name: 'User', email_address: 'user@example.test', provider: 'imap',
    settings: {
      imap_host: '127.0.0.1', imap_port: i.port, imap_password: password, imap_security: 'ssl',
      smtp_host: '127.0.0.1', smtp_port: s.port, smtp_security: 'ssl', ...extra,
    },
  });
}

function expectError(r: { status: number; body: any; headers: Headers }, status: number, reason: string, step: string) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.reason, reason, JSON.stringify(r.body));
  assert.equal(r.body.step, step, JSON.stringify(r.body));
  assert.equal(r.body.code, undefined);
}

describe('password quoting (C01, C02, C05)', () => {
  test('C01: a strict server gets `pa%s ~w*rd x` as a quoted string with LOGIN, and via AUTHENTICATE PLAIN', async () => {
    const password = 'pa%s ~w*rd x';
    const strict = await imap({ tls: tls(), strictAtoms: true, login: (_u, p) => (p === password ? 'OK done' : 'NO [AUTHENTICATIONFAILED] no') });
    const r = await authorize(strict, await smtpOk(), {}, password);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const login = strict.transcript.find((t) => t.dir === 'c' && / LOGIN /i.test(t.line));
    assert.ok(login, 'LOGIN was sent');
    assert.ok(login.line.includes('"pa%s ~w*rd x"') || /\{\d+\+?\}$/.test(login.line), `password quoted or literal: ${login.line}`);

    const plain = await imap({ tls: tls(), capabilities: ['IMAP4rev1', 'AUTH=PLAIN', 'SASL-IR'], authenticate: (_m, d) => ('pass' in d && d.pass === password ? 'OK done' : 'NO [AUTHENTICATIONFAILED] no') });
    const r2 = await authorize(plain, await smtpOk(), {}, password);
    assert.equal(r2.status, 200, JSON.stringify(r2.body));
    assert.equal(plain.auths[0]?.mechanism, 'PLAIN');
  });

  test('C02: `a"b\\c!` is escaped by the client, never by the user', async () => {
    const password = 'a"b\\c!';
    const s = await imap({ tls: tls(), strictAtoms: true, login: (_u, p) => (p === password ? 'OK done' : 'NO [AUTHENTICATIONFAILED] no') });
    const r = await authorize(s, await smtpOk(), {}, password);
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('C05: a UTF-8 password reaches the server as UTF-8', async () => {
    const password = 'Pässwörd€1';
    const s = await imap({ tls: tls(), login: (_u, p) => (p === password ? 'OK done' : 'NO [AUTHENTICATIONFAILED] no') });
    const r = await authorize(s, await smtp({ tls: tls(), auth: (_m, _u, p) => (p === password ? '235 ok' : '535 5.7.8 bad') }), {}, password);
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });
});

describe('TLS negotiation (C07, C15)', () => {
  test('C07: LOGINDISABLED + STARTTLS before TLS: STARTTLS first, capabilities fetched again, then AUTHENTICATE PLAIN', async () => {
    const s = await imap({
      capabilities: ['IMAP4rev1', 'STARTTLS', 'LOGINDISABLED'],
      capabilitiesAfterTls: ['IMAP4rev1', 'AUTH=PLAIN'],
      starttls: 'ok', starttlsCert: tls(),
      authenticate: () => 'OK done',
    });
    for (const security of ['starttls', 'auto']) {
      const r = await authorize(s, await smtpOk(), { imap_security: security });
      assert.equal(r.status, 200, `${security}: ${JSON.stringify(r.body)}`);
    }
    assert.equal(s.sawPassword('secret-pw').plaintext, false);
    assert.ok(!s.clientBytesBeforeTls().includes('secret-pw'));
  });

  test('C15 A: STARTTLS required but not offered (stripped) → 422 tls_required_not_offered, no password sent', async () => {
    const s = await imap({ capabilities: ['IMAP4rev1', 'AUTH=PLAIN'], starttls: 'absent', login: acceptAll, authenticate: () => 'OK done' });
    for (const security of ['starttls', 'auto']) {
      const r = await authorize(s, await smtpOk(), { imap_security: security });
      expectError(r, 422, 'tls_required_not_offered', 'imap.tls');
    }
    assert.equal(s.sawPassword('secret-pw').anywhere, false);
    const sm = await smtp({ ehlo: ['AUTH PLAIN LOGIN'], starttls: 'absent', auth: () => '235 ok' });
    const r = await authorize(await imapOk(), sm, { smtp_security: 'starttls' });
    expectError(r, 422, 'tls_required_not_offered', 'smtp.tls');
    assert.equal(sm.sawPassword('secret-pw').anywhere, false);
  });

  test('C15 B: STARTTLS answered OK, then the handshake fails → 422, no fallback to plaintext', async () => {
    const s = await imap({ capabilities: ['IMAP4rev1', 'STARTTLS', 'AUTH=PLAIN'], starttls: 'ok-then-fail', login: acceptAll, authenticate: () => 'OK done' });
    const r = await authorize(s, await smtpOk(), { imap_security: 'starttls' });
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.step, 'imap.tls');
    assert.equal(s.sawPassword('secret-pw').anywhere, false);
  });

  test('C14: self-signed, expired and wrong-name certificates → 422 certificate_invalid naming the cause; nothing sent', async () => {
    const self = await selfSigned(dir, { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    const expired = await issueCert(dir, ca, { name: 'expired', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], notBefore: new Date(Date.now() - 40 * 86_400_000), notAfter: new Date(Date.now() - 10 * 86_400_000) });
    const other = await issueCert(dir, ca, { name: 'other', dnsNames: ['other.example.test'], ipAddresses: [] });
    const variants: Array<[IssuedCert, RegExp]> = [[self, /self-signed/], [expired, /expired/], [other, /other\.example\.test/]];
    for (const [cert, message] of variants) {
      const s = await imap({ tls: { key: cert.keyPem, cert: cert.certPem }, login: acceptAll });
      const r = await authorize(s, await smtpOk());
      expectError(r, 422, 'certificate_invalid', 'imap.tls');
      assert.match(r.body.message, message);
      assert.equal(s.auths.length, 0);
      assert.equal(s.sawPassword('secret-pw').anywhere, false);
    }
    const sm = await smtp({ tls: { key: self.keyPem, cert: self.certPem }, auth: () => '235 ok' });
    expectError(await authorize(await imapOk(), sm), 422, 'certificate_invalid', 'smtp.tls');
    const starttls = await smtp({ ehlo: ['STARTTLS', 'AUTH PLAIN'], starttls: 'ok', starttlsCert: { key: expired.keyPem, cert: expired.certPem }, auth: () => '235 ok' });
    const r = await authorize(await imapOk(), starttls, { smtp_security: 'starttls' });
    expectError(r, 422, 'certificate_invalid', 'smtp.tls');
    assert.match(r.body.message, /expired/);
    assert.equal(starttls.sawPassword('secret-pw').anywhere, false);
  });
});

describe('mechanisms (C09, C11)', () => {
  test('C09 A: LOGINDISABLED with AUTH=PLAIN on TLS → AUTHENTICATE PLAIN succeeds', async () => {
    const s = await imap({ tls: tls(), capabilities: ['IMAP4rev1', 'LOGINDISABLED', 'AUTH=PLAIN', 'AUTH=XOAUTH2', 'SASL-IR'], authenticate: (m) => (m === 'PLAIN' ? 'OK done' : 'NO') });
    const r = await authorize(s, await smtpOk());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(s.auths.map((a) => a.mechanism), ['PLAIN']);
  });

  test('C09 B: no AUTH= capability → LOGIN, never an unadvertised AUTHENTICATE', async () => {
    const s = await imap({ tls: tls(), capabilities: ['IMAP4rev1'], login: acceptAll, onCommand: (_t, name) => (name === 'AUTHENTICATE' ? 'BAD not supported' : undefined) });
    const r = await authorize(s, await smtpOk());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(s.auths.map((a) => a.command), ['LOGIN']);
  });

  test('C09 C: AUTHENTICATE PLAIN refused with NO [AUTHENTICATIONFAILED] and LOGIN disabled → 403, one attempt only', async () => {
    const s = await imap({ tls: tls(), capabilities: ['IMAP4rev1', 'LOGINDISABLED', 'AUTH=PLAIN'], authenticate: () => 'NO [AUTHENTICATIONFAILED] Invalid credentials' });
    const r = await authorize(s, await smtpOk());
    expectError(r, 403, 'invalid_credentials', 'imap.login');
    assert.equal(s.auths.length, 1);
  });

  // The iCloud quirk (PLAIN refused, LOGIN accepted) is retried only for providers known to have
  // it: test/verify/login-attempts.test.ts.
  test('a wrong password on a PLAIN+LOGIN server costs one attempt (issue 13: providers lock accounts after a few)', async () => {
    const s = await imap({ tls: tls(), capabilities: ['IMAP4rev1', 'AUTH=PLAIN'], authenticate: () => 'NO [AUTHENTICATIONFAILED] no', login: () => 'NO [AUTHENTICATIONFAILED] no' });
    expectError(await authorize(s, await smtpOk()), 403, 'invalid_credentials', 'imap.login');
    assert.equal(s.auths.length, 1);
  });

  test('C11 A: SMTP offers no AUTH after STARTTLS → 422 no_supported_auth_mechanism (not 403)', async () => {
    const sm = await smtp({ ehlo: ['STARTTLS'], ehloAfterTls: ['SIZE 1000'], starttls: 'ok', starttlsCert: tls() });
    const r = await authorize(await imapOk(), sm, { smtp_security: 'starttls' });
    expectError(r, 422, 'no_supported_auth_mechanism', 'smtp.auth');
    assert.match(r.body.message, /offered: none/);
    assert.equal(sm.auths.length, 0);
  });

  test('C11 B: SMTP offers only AUTH NTLM → 422 naming what was offered', async () => {
    const sm = await smtp({ tls: tls(), ehlo: ['AUTH NTLM'], auth: () => '504 5.7.4 Unrecognized authentication type' });
    const r = await authorize(await imapOk(), sm);
    expectError(r, 422, 'no_supported_auth_mechanism', 'smtp.auth');
    assert.match(r.body.message, /NTLM/);
  });
});

describe('greetings and timeouts (C13, C25, C26)', () => {
  test('C13: a POP3 server on the IMAP port → 422 not_imap saying it speaks POP3', async () => {
    const s = await imap({ tls: tls(), rawGreeting: '+OK POP3 ready\r\n' });
    const r = await authorize(s, await smtpOk());
    expectError(r, 422, 'not_imap', 'imap.greeting');
    assert.match(r.body.message, /POP3/);
  });

  test('C25 A/B: connection caps refuse the session → 503 provider_unavailable with Retry-After, never 403', async () => {
    for (const reply of ['NO [UNAVAILABLE] Maximum number of connections from user+IP exceeded', 'NO [ALERT] Too many simultaneous connections. (Failure)']) {
      const s = await imap({ tls: tls(), login: () => reply });
      const r = await authorize(s, await smtpOk());
      expectError(r, 503, 'provider_unavailable', 'imap.login');
      assert.ok(r.headers.get('retry-after'));
      assert.match(r.body.server_error, /connections/);
    }
  });

  test('C25 C: a BYE greeting → 503 provider_unavailable quoting the server', async () => {
    const s = await imap({ tls: tls(), byeGreeting: 'Server shutting down for maintenance' });
    const r = await authorize(s, await smtpOk());
    expectError(r, 503, 'provider_unavailable', 'imap.greeting');
    assert.match(r.body.server_error, /maintenance/);
  });

  test('C25: a successful verification logs out and closes every connection it opened', async () => {
    const s = await imap({ tls: tls(), login: acceptAll });
    const sm = await smtpOk();
    assert.equal((await authorize(s, sm)).status, 200);
    assert.ok(s.transcript.some((t) => t.dir === 'c' && / LOGOUT$/i.test(t.line)), 'IMAP LOGOUT sent');
    assert.ok(sm.transcript.some((t) => t.dir === 'c' && /^QUIT$/i.test(t.line)), 'SMTP QUIT sent');
    const examine = s.transcript.find((t) => t.dir === 'c' && / (EXAMINE|SELECT) /i.test(t.line));
    assert.match(examine?.line ?? '', / EXAMINE /i, 'INBOX is opened read-only');
    assert.ok(!s.transcript.some((t) => t.dir === 'c' && / (STORE|APPEND|EXPUNGE|DELETE|CREATE) /i.test(t.line)), 'nothing in the mailbox changes');
    assert.ok(!sm.transcript.some((t) => t.dir === 'c' && /^(MAIL|RCPT|DATA)/i.test(t.line)), 'no mail is sent');
  });

  test('C26 A: a greeting delayed under the greeting timeout succeeds (scaled: 1.5 s delay, 3 s timeout)', async () => {
    const s = await imap({ tls: tls(), greetingDelayMs: 1500, login: acceptAll });
    const sm = await smtp({ tls: tls(), greetingDelayMs: 1500, auth: () => '235 ok' });
    const r = await authorize(s, sm);
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('C26 B: a black-holed port → 504 connect_timeout after the bounded connect timeout', async () => {
    const hole = await startBlackhole();
    closers.push(() => hole.close());
    const t0 = Date.now();
    const r = await authorize(hole, await smtpOk());
    expectError(r, 504, 'connect_timeout', 'imap.connect');
    assert.deepEqual(r.body.addresses_tried, [`127.0.0.1:${hole.port}`]);
    assert.ok(Date.now() - t0 < 4000, 'bounded by LATCHKEY_CONNECT_TIMEOUT_MS');
  });

  test('C26 C: TCP accepted but no greeting → 504 greeting_timeout', async () => {
    const silent = await startSilent();
    closers.push(() => silent.close());
    const r = await authorize(silent, await smtpOk(), { imap_security: 'starttls' });
    expectError(r, 504, 'greeting_timeout', 'imap.greeting');
  });
});

describe('provider replies mapped by meaning (C18 and the big providers)', () => {
  test('C18: Gmail-style app password required, on IMAP and on SMTP → 403 app_password_required with the ALERT text', async () => {
    const alert = 'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)';
    const s = await imap({ tls: tls(), login: (_u, p) => (p === 'abcdefghijklmnop' ? 'OK done' : alert) });
    const r = await authorize(s, await smtpOk());
    expectError(r, 403, 'app_password_required', 'imap.login');
    assert.match(r.body.server_error, /Application-specific password required/);
    const sm = await smtp({ tls: tls(), auth: (_m, _u, p) => (p === 'abcdefghijklmnop' ? '235 ok' : '534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor') });
    expectError(await authorize(await imapOk(), sm), 403, 'app_password_required', 'smtp.auth');
    const ok = await authorize(s, sm, {}, 'abcdefghijklmnop');
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  test('IMAP disabled, web login required, basic auth disabled: each its own reason', async () => {
    const cases: Array<[string, string]> = [
      ['NO [ALERT] Your account is not enabled for IMAP use. Please visit your Gmail settings page and enable your account for IMAP access. (Failure)', 'imap_disabled'],
      ['NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)', 'web_login_required'],
      ['NO AUTHENTICATE failed: BasicAuthBlocked', 'oauth_required'],
    ];
    for (const [reply, reason] of cases) {
      const s = await imap({ tls: tls(), login: () => reply });
      expectError(await authorize(s, await smtpOk()), 403, reason, 'imap.login');
    }
  });

  test('a BAD to a well-formed LOGIN → 422 command_rejected', async () => {
    const s = await imap({ tls: tls(), login: () => 'BAD Invalid characters in atom' });
    expectError(await authorize(s, await smtpOk()), 422, 'command_rejected', 'imap.login');
  });

  test('login accepted but LIST refused → 403 mailbox_access_denied at imap.list; EXAMINE refused at imap.examine', async () => {
    const list = await imap({ tls: tls(), login: acceptAll, onCommand: (_t, name) => (name === 'LIST' ? 'NO [ALERT] Full IMAP support is not enabled for this account' : undefined) });
    expectError(await authorize(list, await smtpOk()), 403, 'mailbox_access_denied', 'imap.list');
    const examine = await imap({ tls: tls(), login: acceptAll, onCommand: (_t, name) => (name === 'EXAMINE' || name === 'SELECT' ? 'NO Mailbox access denied' : undefined) });
    expectError(await authorize(examine, await smtpOk()), 403, 'mailbox_access_denied', 'imap.examine');
  });

  test('Microsoft mailbox sent a password where basic auth is disabled (IMAP BasicAuthBlocked, SMTP 535 5.7.139) → 403 oauth_required pointing at office365', async () => {
    const i = await imap({ tls: tls(), login: () => 'NO AUTHENTICATE failed: BasicAuthBlocked' });
    const r = await authorize(i, await smtpOk());
    expectError(r, 403, 'oauth_required', 'imap.login');
    assert.match(r.body.message, /OAuth.*"office365"/);
    const sm = await smtp({ tls: tls(), auth: () => '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BN9PR03CA0123.namprd03.prod.outlook.com]' });
    const s = await authorize(await imapOk(), sm);
    expectError(s, 403, 'oauth_required', 'smtp.auth');
    assert.match(s.body.server_error, /basic authentication is disabled/);
  });

  test('SMTP AUTH disabled for the tenant (535 5.7.139) → 403 smtp_auth_disabled', async () => {
    const sm = await smtp({ tls: tls(), auth: () => '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.' });
    expectError(await authorize(await imapOk(), sm), 403, 'smtp_auth_disabled', 'smtp.auth');
  });

  test('SMTP wrong password (535 5.7.8) → 403 invalid_credentials; temporary 454 → 503', async () => {
    const bad = await smtp({ tls: tls(), auth: () => '535 5.7.8 Error: authentication failed' });
    expectError(await authorize(await imapOk(), bad), 403, 'invalid_credentials', 'smtp.auth');
    const busy = await smtp({ tls: tls(), auth: () => '454 4.7.0 Temporary authentication failure' });
    expectError(await authorize(await imapOk(), busy), 503, 'provider_unavailable', 'smtp.auth');
  });

  test('EHLO says the configured fully qualified name; a refused EHLO name → 422 ehlo_rejected', async () => {
    const ok = await smtpOk();
    assert.equal((await authorize(await imapOk(), ok)).status, 200);
    assert.equal(ok.ehloNames[0], 'latchkey.test');
    const refusing = await smtp({
      tls: tls(),
      ehloReply: () => '501 5.5.4 Invalid EHLO hostname',
      onCommand: (verb) => (verb === 'HELO' ? '501 5.5.4 Invalid HELO hostname' : undefined),
    });
    expectError(await authorize(await imapOk(), refusing), 422, 'ehlo_rejected', 'smtp.ehlo');
  });
});
