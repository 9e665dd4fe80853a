import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

let dovecot: DovecotPeer;
let lk: Latchkey;
let noCa: Latchkey;

before(async () => {
  dovecot = await startDovecot();
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath });
  noCa = await startLatchkey(); // trusts only the system store: the test CA is unknown to it
});
after(async () => {
  await lk?.stop();
  await noCa?.stop();
  await dovecot?.stop();
});

function settings(overrides: Record<string, unknown> = {}) {
  return {
    imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_username: 'alice@example.test', imap_password: 'alice-secret', imap_security: 'ssl',
    smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'starttls',
    ...overrides,
  };
}

async function authorize(server: Latchkey, s: Record<string, unknown>, email = 'alice@example.test') {
  return server.post('/connect/authorize', { client_id: server.app.client_id, name: 'Alice', email_address: email, provider: 'imap', settings: s });
}

function assertError(r: { status: number; body: any }, status: number, reason: string, step?: string) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.reason, reason, JSON.stringify(r.body));
  if (step) assert.equal(r.body.step, step, JSON.stringify(r.body));
  assert.equal(typeof r.body.message, 'string');
  assert.ok(!('code' in r.body), 'no code is issued on failure');
}

describe('verification failures against a real Dovecot', () => {
  test('wrong IMAP password → 403 invalid_credentials at imap.login, with the server text', async () => {
    const r = await authorize(lk, settings({ imap_password: 'wrong-password' }));
    assertError(r, 403, 'invalid_credentials', 'imap.login');
    assert.equal(r.body.type, 'auth_error');
    assert.match(r.body.server_error, /AUTHENTICATIONFAILED/);
    assert.ok(!JSON.stringify(r.body).includes('wrong-password'));
  });

  test('IMAP right, SMTP password wrong → 403 invalid_credentials at smtp.auth', async () => {
    const r = await authorize(lk, settings({ smtp_password: 'wrong-smtp-password' }));
    assertError(r, 403, 'invalid_credentials', 'smtp.auth');
    assert.match(r.body.server_error, /535/);
    assert.match(r.body.message, /SMTP server rejected/);
  });

  test('SMTP on the implicit-TLS submission port works too', async () => {
    const r = await authorize(lk, settings({ smtp_port: dovecot.submissionTlsPort, smtp_security: 'ssl' }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('certificate from an unknown CA → 422 certificate_invalid, for IMAP (implicit TLS) and SMTP (STARTTLS)', async () => {
    const imap = await authorize(noCa, settings());
    assertError(imap, 422, 'certificate_invalid', 'imap.tls');
    assert.match(imap.body.message, /unknown certificate authority/);
    const starttls = await authorize(noCa, settings({ imap_port: dovecot.imapStartTlsPort, imap_security: 'starttls' }));
    assertError(starttls, 422, 'certificate_invalid', 'imap.tls');
  });

  test('an IPv4 literal in any form is dialled and certificate-checked as the address it denotes', async () => {
    const r = await authorize(lk, settings({ imap_host: '0x7f000002' })); // = 127.0.0.2, an IP SAN of the cert
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('C12: implicit TLS against the STARTTLS port → 422 tls_mismatch within seconds', async () => {
    const t0 = Date.now();
    const r = await authorize(lk, settings({ imap_port: dovecot.imapStartTlsPort, imap_security: 'ssl' }));
    assertError(r, 422, 'tls_mismatch', 'imap.tls');
    assert.match(r.body.message, /STARTTLS/);
    assert.ok(Date.now() - t0 < 5000);
    const smtp = await authorize(lk, settings({ smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'ssl' }));
    assertError(smtp, 422, 'tls_mismatch', 'smtp.tls');
  });

  test('C12/C13 with security auto: the real TLS mode of the port is used', async () => {
    const r = await authorize(lk, settings({ imap_port: dovecot.imapTlsPort, imap_security: 'auto', smtp_port: dovecot.submissionTlsPort, smtp_security: 'auto' }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('C13: plaintext/STARTTLS against the implicit-TLS port → 422 tls_mismatch, quickly, not a 30 s timeout', async () => {
    const t0 = Date.now();
    const r = await authorize(lk, settings({ imap_port: dovecot.imapTlsPort, imap_security: 'starttls' }));
    assertError(r, 422, 'tls_mismatch', 'imap.greeting');
    assert.match(r.body.message, /expects SSL\/TLS/);
    assert.ok(Date.now() - t0 < 8000, `took ${Date.now() - t0} ms`);
  });

  test('wrong protocol: the IMAP host and port point at SMTP submission → 422 not_imap', async () => {
    const r = await authorize(lk, settings({ imap_port: dovecot.submissionStartTlsPort, imap_security: 'starttls' }));
    assertError(r, 422, 'not_imap', 'imap.greeting');
    assert.match(r.body.message, /speaks SMTP/);
    const s = await authorize(lk, settings({ smtp_port: dovecot.imapStartTlsPort }));
    assertError(s, 422, 'not_smtp', 'smtp.greeting');
    // Given as implicit TLS, the plaintext SMTP port is still named for what it is, not as a TLS problem.
    const tlsOnSmtp = await authorize(lk, settings({ imap_port: dovecot.submissionStartTlsPort, imap_security: 'ssl' }));
    assertError(tlsOnSmtp, 422, 'not_imap', 'imap.greeting');
    assert.match(tlsOnSmtp.body.message, /speaks SMTP/);
  });

  test('C07: LOGINDISABLED before TLS; with security none (ssl_required false) no password is sent → 422 tls_required', async () => {
    const r = await authorize(lk, settings({ imap_port: dovecot.imapStartTlsPort, imap_security: 'none', ssl_required: false }));
    assertError(r, 422, 'tls_required', 'imap.login');
    const ok = await authorize(lk, settings({ imap_port: dovecot.imapStartTlsPort, imap_security: 'starttls' }));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  test('security none while ssl_required is true (the default) is refused before connecting', async () => {
    const r = await authorize(lk, settings({ imap_port: dovecot.imapStartTlsPort, imap_security: 'none' }));
    assertError(r, 400, 'invalid_value');
  });

  test('unreachable: nothing listens on the port → 502 connect_refused with addresses_tried', async () => {
    const closed = await freePort();
    const r = await authorize(lk, settings({ imap_port: closed }));
    assertError(r, 502, 'connect_refused', 'imap.connect');
    assert.deepEqual(r.body.addresses_tried, [`127.0.0.2:${closed}`]);
    assert.equal(r.body.type, 'provider_error');
  });

  test('C01, C02, C05: passwords with IMAP specials, quotes, backslashes and UTF-8 log in as typed', async () => {
    for (const [user, password] of [['pct@example.test', 'pa%s ~w*rd x'], ['quote@example.test', 'a"b\\c!'], ['utf8@example.test', 'Pässwörd€1']] as const) {
      const r = await authorize(lk, settings({ imap_username: user, imap_password: password }), user);
      assert.equal(r.status, 200, `${user}: ${JSON.stringify(r.body)}`);
    }
  });

  test('C16: a login name that differs from the address works when given, and the refusal hints at it when not', async () => {
    const given = await authorize(lk, settings({ imap_username: 'first.last=example.test', imap_password: 'first-last-secret' }), 'first.last@example.test');
    assert.equal(given.status, 200, JSON.stringify(given.body));
    const defaulted = await authorize(lk, settings({ imap_username: undefined, imap_password: 'first-last-secret' }), 'first.last@example.test');
    assertError(defaulted, 403, 'invalid_credentials', 'imap.login');
    assert.match(defaulted.body.message, /Check the password\. If it is right, the server may expect a login name other than the email address/);
  });

  test('destination policy: loopback is refused unless the operator allows it', async () => {
    const strict = await startLatchkey({ LATCHKEY_ALLOWED_DESTINATIONS: '', LATCHKEY_TLS_CA_FILE: dovecot.caPath });
    try {
      const r = await authorize(strict, settings());
      assertError(r, 422, 'destination_not_allowed', 'imap.connect');
      assert.ok(!r.body.message.includes('127.0.0.2'), 'the refusal does not echo the address');
    } finally {
      await strict.stop();
    }
  });
});

async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
