/**
 * Detection against local peers only: an authoritative DNS server on loopback (the resolver is
 * pointed at it), HTTPS autoconfig/ISPDB servers with certificates from a test CA, fake IMAP/SMTP
 * servers for probed guesses, and the real Dovecot for authorize-with-only-a-password.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { makeCA, issueCert, type CA } from '../peers/pki.ts';
import { startDnsServer, type DnsServer } from '../peers/dns-server.ts';
import { startStaticHttps } from '../peers/https-server.ts';
import { startFakeImap } from '../peers/fake-imap.ts';
import { startFakeSmtp } from '../peers/fake-smtp.ts';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

/** Loopback addresses of this process for servers that must sit on standard ports (443, 993, 465). */
const base = 100 + (process.pid % 120);
const ip = (n: number) => `127.${base}.${n}.1`;

const closers: Array<() => Promise<unknown>> = [];
let dir: string;
let ca: CA;
let dns: DnsServer;
let dovecot: DovecotPeer;
let lk: Latchkey;
let plainRequests: string[] = [];

const config = (imapHost: string, imapPort: number, smtpHost: string, smtpPort: number, user = '%EMAILLOCALPART%') => `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="x">
  <domain>x</domain><displayName>Example Mail</displayName><displayShortName>ExampleMail</displayShortName>
  <incomingServer type="pop3"><hostname>pop.nowhere.test</hostname><port>995</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer>
  <incomingServer type="imap"><hostname>${imapHost}</hostname><port>${imapPort}</port><socketType>SSL</socketType><username>${user}</username><authentication>password-cleartext</authentication></incomingServer>
  <outgoingServer type="smtp"><hostname>${smtpHost}</hostname><port>${smtpPort}</port><socketType>STARTTLS</socketType><username>${user}</username><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-detect-'));
  ca = await makeCA(dir, 'detect-ca');
  dovecot = await startDovecot({ users: { 'dave@autodove.test': 'dave-secret', 'erin@srvdove.test': 'erin-secret' } });
  const leaf = await issueCert(dir, ca, {
    name: 'web',
    dnsNames: ['autoconfig.autoconf.test', 'wk.test', 'autoconfig.autodove.test', 'ispdb.local.test', 'imap.guess.test', 'smtp.guess.test', 'autoconfig.slow.test'],
    ipAddresses: [],
  });
  const tlsOpts = { key: leaf.keyPem, cert: leaf.certPem };
  // The domain's own autoconfig (https://autoconfig.<domain>/mail/config-v1.1.xml).
  const auto = await startStaticHttps({ host: ip(1), port: 443, ...tlsOpts, routes: (p) => (p === '/mail/config-v1.1.xml' ? config('imap.%EMAILDOMAIN%', 993, 'smtp.autoconf.test', 587) : undefined) });
  // https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml
  const wk = await startStaticHttps({ host: ip(2), port: 443, ...tlsOpts, routes: (p) => (p === '/.well-known/autoconfig/mail/config-v1.1.xml' ? config('imap.wk.test', 993, 'smtp.wk.test', 587, '%EMAILADDRESS%') : undefined) });
  // Autoconfig pointing at the real Dovecot (by a name its certificate carries).
  const autodove = await startStaticHttps({ host: ip(3), port: 443, ...tlsOpts, routes: (p) => (p === '/mail/config-v1.1.xml' ? config('mail.latchkey.test', dovecot.imapTlsPort, 'mail.latchkey.test', dovecot.submissionStartTlsPort, '%EMAILADDRESS%') : undefined) });
  // The ISPDB.
  const ispdb = await startStaticHttps({ host: ip(4), ...tlsOpts, routes: (p) => ({ '/v1.1/ispdb-only.test': config('imap.ispdb-only.test', 993, 'smtp.ispdb-only.test', 465), '/v1.1/hostingco.test': config('imap.hostingco.test', 993, 'smtp.hostingco.test', 587) } as Record<string, string>)[p] });
  // A probed guess: real TLS IMAP on 993 and SMTP on 465 for guess.test.
  const guessImap = await startFakeImap({ host: ip(5), port: 993, tls: tlsOpts });
  const guessSmtp = await startFakeSmtp({ host: ip(6), port: 465, tls: tlsOpts });
  // A silent autoconfig host (accepts, never answers) for the deadline test.
  const held = new Set<import('node:net').Socket>();
  const silent = createServer((socket) => held.add(socket.on('error', () => undefined))).listen(443, ip(7));
  closers.push(auto.close, wk.close, autodove.close, ispdb.close, guessImap.close, guessSmtp.close, () => new Promise((r) => {
    for (const socket of held) socket.destroy();
    silent.close(r);
  }));

  // Plain-http autoconfig, used only when the operator enables it.
  const httpRequests: string[] = [];
  plainRequests = httpRequests;
  const plain = createHttpServer((req, res) => {
    httpRequests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/xml' }).end(config('imap.plain.test', 993, 'smtp.plain.test', 587));
  }).listen(80, ip(9));
  closers.push(() => new Promise((r) => { plain.closeAllConnections(); plain.close(r); }));

  dns = await startDnsServer({
    'plain.test': {},
    'autoconfig.plain.test': { A: [ip(9)] },
    'yahoo.com': { MX: [{ exchange: 'mta5.am0.yahoodns.net' }] },
    'example-corp.test': { MX: [{ exchange: 'aspmx.l.google.com', preference: 1 }, { exchange: 'alt1.aspmx.l.google.com', preference: 5 }] },
    'contoso.test': { MX: [{ exchange: 'contoso-test.mail.protection.outlook.com' }] },
    'autoconf.test': {},
    'autoconfig.autoconf.test': { A: [ip(1)] },
    'wk.test': { A: [ip(2)] },
    'autodove.test': {},
    'autoconfig.autodove.test': { A: [ip(3)] },
    'mail.latchkey.test': { A: [dovecot.host] },
    'ispdb.local.test': { A: [ip(4)] },
    'ispdb-only.test': {},
    'custom.test': { MX: [{ exchange: 'mx01.hostingco.test' }] },
    'example.test': { SRV: [] },
    '_imaps._tcp.example.test': { SRV: [{ target: 'imap.mailhost.test', port: 993 }] },
    '_submissions._tcp.example.test': { SRV: [{ target: 'smtp.mailhost.test', port: 465 }] },
    'srvdove.test': {},
    '_imaps._tcp.srvdove.test': { SRV: [{ target: 'mail.latchkey.test', port: dovecot.imapTlsPort }] },
    '_submissions._tcp.srvdove.test': { SRV: [{ target: 'mail.latchkey.test', port: dovecot.submissionTlsPort }] },
    '_imap._tcp.dotsrv.test': { SRV: [{ target: '.', port: 0 }] },
    'guess.test': {},
    'imap.guess.test': { A: [ip(5)] },
    'smtp.guess.test': { A: [ip(6)] },
    'closed.test': {},
    'imap.closed.test': { A: [ip(8)] },
    'smtp.closed.test': { A: [ip(8)] },
    'slow.test': {},
    'autoconfig.slow.test': { A: [ip(7)] },
    'evil.test': {},
    'autoconfig.evil.test': { A: ['10.11.12.13'] },
    'nothing.test': {},
  });
  closers.push(dns.close);
  // One trust bundle: the web servers' test CA and the Dovecot's.
  writeFileSync(join(dir, 'bundle.pem'), `${ca.certPem}\n${dovecot.caPem}`);
  lk = await startLatchkey({
    LATCHKEY_DNS_SERVERS: dns.address,
    LATCHKEY_TLS_CA_FILE: join(dir, 'bundle.pem'),
    LATCHKEY_ISPDB_URL: `https://ispdb.local.test:${ispdb.port}/v1.1/`,
    LATCHKEY_DETECT_TIMEOUT_MS: '3000',
    LATCHKEY_DETECT_REQUEST_TIMEOUT_MS: '1500',
  });
});

after(async () => {
  await lk?.stop();
  for (const c of closers.splice(0)) await c();
  await dovecot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function detect(email: string) {
  const r = await lk.post('/connect/detect-provider', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, email_address: email });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

describe('detect-provider', () => {
  test('built-in table by domain: no lookup at all', async () => {
    const before = dns.queries.length;
    const d = await detect('ada@yahoo.com');
    assert.deepEqual(
      { detected: d.detected, auth_name: d.auth_name, provider_name: d.provider_name, is_imap: d.is_imap, oauth_required: d.oauth_required, source: d.source },
      { detected: true, auth_name: 'yahoo', provider_name: 'yahoo', is_imap: true, oauth_required: false, source: 'builtin' },
    );
    assert.equal(d.settings.imap_host, 'imap.mail.yahoo.com');
    assert.equal(d.settings.imap_username, 'ada@yahoo.com');
    assert.equal(dns.queries.length, before);
  });

  test('C29: a Google Workspace domain is recognised by MX → Gmail servers, OAuth recommended', async () => {
    const d = await detect('user@example-corp.test');
    assert.equal(d.source, 'mx');
    assert.equal(d.auth_name, 'gmail');
    assert.equal(d.is_imap, false);
    assert.equal(d.oauth_required, true);
    assert.deepEqual([d.settings.imap_host, d.settings.imap_port, d.settings.imap_security], ['imap.gmail.com', 993, 'ssl']);
    assert.equal(d.settings.smtp_host, 'smtp.gmail.com');
    assert.ok([465, 587].includes(d.settings.smtp_port));
    assert.equal(d.settings.imap_username, 'user@example-corp.test');
    assert.ok(!JSON.stringify(d.settings).includes('aspmx'), 'never an MX host');
    assert.notEqual(d.settings.imap_host, 'example-corp.test', 'never the bare domain');
  });

  test('Microsoft 365 behind a custom domain (MX *.mail.protection.outlook.com) → OAuth required', async () => {
    const d = await detect('user@contoso.test');
    assert.equal(d.auth_name, 'office365');
    assert.equal(d.oauth_required, true);
    assert.equal(d.is_imap, false);
  });

  test('Outlook.com addresses (hotmail, outlook) are found in the built-in table and need OAuth (Basic auth ended 2024)', async () => {
    for (const address of ['someone@hotmail.com', 'someone@outlook.com']) {
      const d = await detect(address);
      assert.equal(d.source, 'builtin', address);
      assert.equal(d.oauth_required, true, address);
      assert.equal(d.settings.imap_host, 'outlook.office365.com');
    }
  });

  test('the domain’s own autoconfig, placeholders substituted, the address passed as emailaddress', async () => {
    const d = await detect('john.doe@autoconf.test');
    assert.equal(d.source, 'autoconfig');
    assert.equal(d.provider_name, 'ExampleMail');
    assert.deepEqual(d.settings, {
      imap_host: 'imap.autoconf.test', imap_port: 993, imap_security: 'ssl', imap_username: 'john.doe',
      smtp_host: 'smtp.autoconf.test', smtp_port: 587, smtp_security: 'starttls', smtp_username: 'john.doe',
    });
  });

  test('the .well-known autoconfig location', async () => {
    const d = await detect('x@wk.test');
    assert.equal(d.source, 'autoconfig');
    assert.equal(d.settings.imap_host, 'imap.wk.test');
    assert.equal(d.settings.smtp_username, 'x@wk.test');
  });

  test('the ISPDB for the domain, then the ISPDB for the MX host’s registrable domain', async () => {
    const a = await detect('x@ispdb-only.test');
    assert.equal(a.source, 'ispdb');
    assert.deepEqual([a.settings.smtp_host, a.settings.smtp_port], ['smtp.ispdb-only.test', 465]);
    const b = await detect('x@custom.test');
    assert.equal(b.source, 'ispdb_mx');
    assert.equal(b.settings.imap_host, 'imap.hostingco.test');
  });

  test('C31: SRV records give both IMAP and SMTP; smtp.<domain> is never guessed over them', async () => {
    const d = await detect('user@example.test');
    assert.equal(d.source, 'srv');
    assert.deepEqual([d.settings.imap_host, d.settings.imap_port, d.settings.imap_security], ['imap.mailhost.test', 993, 'ssl']);
    assert.deepEqual([d.settings.smtp_host, d.settings.smtp_port, d.settings.smtp_security], ['smtp.mailhost.test', 465, 'ssl']);
  });

  test('guesses are returned only when probed: real TLS IMAP/SMTP answer; closed ports do not', async () => {
    const d = await detect('x@guess.test');
    assert.equal(d.source, 'guess');
    assert.deepEqual([d.settings.imap_host, d.settings.imap_port], ['imap.guess.test', 993]);
    assert.deepEqual([d.settings.smtp_host, d.settings.smtp_port], ['smtp.guess.test', 465]);
    const closed = await detect('x@closed.test');
    assert.equal(closed.detected, false);
  });

  test('nothing found: detected false, auth_name imap, no settings', async () => {
    assert.deepEqual(await detect('x@nothing.test'), { email_address: 'x@nothing.test', detected: false, auth_name: 'imap', provider_name: 'unknown', is_imap: true, oauth_required: false });
  });

  test('autoconfig hosts in private ranges are refused by the outbound policy; a silent one is cut by the deadline', async () => {
    assert.equal((await detect('x@evil.test')).detected, false);
    const t0 = Date.now();
    assert.equal((await detect('x@slow.test')).detected, false);
    assert.ok(Date.now() - t0 < 3500, 'bounded by the request timeout and the deadline');
  });

  test('plain-http autoconfig is used only when the operator enables it', async () => {
    assert.equal((await detect('x@plain.test')).detected, false);
    assert.deepEqual(plainRequests, [], 'no plain-http request by default');
    const open = await startLatchkey({ LATCHKEY_DNS_SERVERS: dns.address, LATCHKEY_AUTOCONFIG_ALLOW_HTTP: 'true', LATCHKEY_DETECT_TIMEOUT_MS: '3000' });
    try {
      const r = await open.post('/connect/detect-provider', { client_id: open.app.client_id, client_secret: open.app.client_secret, email_address: 'x@plain.test' });
      assert.equal(r.body.source, 'autoconfig');
      assert.equal(r.body.settings.imap_host, 'imap.plain.test');
      assert.match(plainRequests[0] ?? '', /^\/mail\/config-v1\.1\.xml\?emailaddress=x%40plain\.test$/);
    } finally {
      await open.stop();
    }
  });

  test('answers are cached per domain', async () => {
    await detect('a@autoconf.test');
    const before = dns.queries.length;
    const d = await detect('b@autoconf.test');
    assert.equal(d.settings.imap_username, 'b');
    assert.equal(dns.queries.length, before);
  });

  test('client authentication and input errors', async () => {
    const r = await lk.post('/connect/detect-provider', { client_id: lk.app.client_id, client_secret: 'wrong', email_address: 'a@b.test' });
    assert.equal(r.status, 401);
    const m = await lk.post('/connect/detect-provider', { client_id: lk.app.client_id });
    assert.deepEqual(m.body.missing_fields, ['client_secret', 'email_address']);
    const bad = await lk.post('/connect/detect-provider', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, email_address: 'not-an-address' });
    assert.equal(bad.body.reason, 'invalid_value');
  });
});

describe('authorize with only a password', () => {
  const body = (email: string, password: string) => ({ client_id: lk.app.client_id, name: 'N', email_address: email, provider: 'imap', settings: { password } });

  test('settings found through autoconfig, verified against the real Dovecot', async () => {
    const r = await lk.post('/connect/authorize', body('dave@autodove.test', 'dave-secret'));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: r.body.code });
    const account = await lk.ctx.store.findAccount(lk.app.client_id, t.body.id);
    assert.equal(account?.settings.imap_host, 'mail.latchkey.test', 'the account remembers the settings it was verified with');
    assert.equal(account?.settings.imap_port, dovecot.imapTlsPort);
  });

  test('settings found through SRV, verified against the real Dovecot (C31)', async () => {
    const r = await lk.post('/connect/authorize', body('erin@srvdove.test', 'erin-secret'));
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('given settings win over detected ones', async () => {
    const r = await lk.post('/connect/authorize', { ...body('dave@autodove.test', 'dave-secret'), settings: { password: 'dave-secret', smtp_host: '127.0.0.2', smtp_port: dovecot.submissionTlsPort, smtp_security: 'ssl' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('nothing detected → 400 missing_fields saying detection failed', async () => {
    const r = await lk.post('/connect/authorize', body('x@nothing.test', 'pw'));
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.missing_fields, ['imap_host', 'imap_port', 'smtp_host', 'smtp_port']);
    assert.match(r.body.message, /could not detect the mail servers of nothing\.test/);
  });
});
