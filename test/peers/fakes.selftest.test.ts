/**
 * Self-tests for the scripted fake peers: each fake does what the case fixtures need, seen
 * through the real clients (imapflow, nodemailer) or a raw socket.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import nodemailer from 'nodemailer';
import { startFakeImap, type FakeImapScript, type FakeImapServer, type TlsMaterial } from './fake-imap.ts';
import { startFakeSmtp, type FakeSmtpScript, type FakeSmtpServer } from './fake-smtp.ts';
import { startBlackhole, startSilent } from './blackhole.ts';
import { rawConnect } from './fake-raw-client.ts';
import { b64encode } from './fake-sasl.ts';

const USER = 'user@example.test';
const PASS = 'pa%s ~w*rd x';
const OK_LOGIN = 'OK [CAPABILITY IMAP4rev1 ID NAMESPACE ENABLE] LOGIN completed';
const imapLogin = (u: string, p: string) => (u === USER && p === PASS ? OK_LOGIN : 'NO [AUTHENTICATIONFAILED] Authentication failed.');
const smtpAuth = (_m: string, u: string, p: string) =>
  u === USER && p === PASS ? '235 2.7.0 Authentication successful' : '535 5.7.8 Error: authentication failed';

let material: TlsMaterial;
const servers: Array<{ close(): Promise<void> }> = [];

before(() => {
  const dir = mkdtempSync(join(tmpdir(), 'fake-peers-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    material = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function imap(script: FakeImapScript): Promise<FakeImapServer> {
  const server = await startFakeImap({ login: imapLogin, ...script });
  servers.push(server);
  return server;
}
async function smtp(script: FakeSmtpScript): Promise<FakeSmtpServer> {
  const server = await startFakeSmtp({ auth: smtpAuth, ...script });
  servers.push(server);
  return server;
}
function imapClient(port: number, opts: Partial<ImapFlowOptions> = {}): ImapFlow {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user: USER, pass: PASS },
    logger: false, greetingTimeout: 1500, connectionTimeout: 1500, ...opts });
  client.on('error', () => {});
  return client;
}
const clientLines = (s: FakeImapServer | FakeSmtpServer) => s.transcript.filter((e) => e.dir === 'c').map((e) => e.line);

describe('fake IMAP', () => {
  test('C01: imapflow logs in over plain TCP against strict atoms; password is quoted', async () => {
    const server = await imap({ strictAtoms: true });
    const client = imapClient(server.port);
    await client.connect();
    const box = await client.mailboxOpen('INBOX', { readOnly: true });
    assert.equal(box.path, 'INBOX');
    await client.logout();
    assert.ok(clientLines(server).some((l) => l.endsWith(`LOGIN "${USER}" "${PASS}"`)), JSON.stringify(clientLines(server)));
    assert.ok(clientLines(server).some((l) => / EXAMINE INBOX$/.test(l)));
    assert.deepEqual(server.auths.map((a) => [a.command, a.user, a.pass, a.tls]), [['LOGIN', USER, PASS, false]]);
    assert.deepEqual(server.sawPassword(PASS), { plaintext: true, anywhere: true });
  });

  test('implicit TLS: imapflow logs in, nothing travels in plaintext', async () => {
    const server = await imap({ tls: material });
    const client = imapClient(server.port, { secure: true, tls: { rejectUnauthorized: false } });
    await client.connect();
    await client.logout();
    assert.ok(server.transcript.length > 4 && server.transcript.every((e) => e.tls));
    assert.equal(server.clientBytesBeforeTls(), '');
    assert.deepEqual(server.sawPassword(PASS), { plaintext: false, anywhere: true });
  });

  test('C07: LOGINDISABLED + STARTTLS; imapflow upgrades and uses AUTHENTICATE PLAIN', async () => {
    const server = await imap({ capabilities: ['IMAP4rev1', 'STARTTLS', 'LOGINDISABLED'], capabilitiesAfterTls: ['IMAP4rev1', 'AUTH=PLAIN'], starttlsCert: material });
    const client = imapClient(server.port, { doSTARTTLS: true, tls: { rejectUnauthorized: false } });
    await client.connect();
    await client.logout();
    assert.match(server.clientBytesBeforeTls(), /STARTTLS\r\n$/);
    assert.match(server.transcript.find((e) => e.dir === 'c' && e.tls)?.line ?? '', / CAPABILITY$/);
    assert.deepEqual(server.sawPassword(PASS), { plaintext: false, anywhere: true });
    assert.deepEqual(server.auths.map((a) => [a.command, a.mechanism, a.tls]), [['AUTHENTICATE', 'PLAIN', true]]);
  });

  test('C07: LOGINDISABLED without TLS; imapflow refuses locally, LOGIN over raw socket gets BAD', async () => {
    const server = await imap({ capabilities: ['IMAP4rev1', 'LOGINDISABLED'] });
    await assert.rejects(imapClient(server.port).connect(), /Login is disabled/);
    assert.equal(server.sawPassword(PASS).anywhere, false);
    const raw = await rawConnect(server.port);
    raw.send(`a1 LOGIN ${USER} "x"\r\n`);
    assert.equal(await raw.waitFor(/^a1 /), 'a1 BAD Command received in Invalid state.');
    raw.close();
  });

  test('C15: STARTTLS missing or failing; imapflow (doSTARTTLS) never sends the password', async () => {
    const absent = await imap({ capabilities: ['IMAP4rev1'] });
    await assert.rejects(imapClient(absent.port, { doSTARTTLS: true }).connect(), /does not support STARTTLS/);
    for (const starttlsFailMode of ['garbage', 'close'] as const) {
      const failing = await imap({ capabilities: ['IMAP4rev1', 'STARTTLS'], starttls: 'ok-then-fail', starttlsFailMode });
      await assert.rejects(imapClient(failing.port, { doSTARTTLS: true }).connect());
      const lines = failing.transcript.map((e) => e.line);
      const ok = lines.findIndex((l) => / OK Begin TLS negotiation now\.$/.test(l));
      assert.ok(ok > 0 && /^\[\d+ bytes of TLS handshake, refused\]$/.test(lines[ok + 1] ?? ''), JSON.stringify(lines));
      assert.ok(failing.transcript.every((e) => !e.tls));
      assert.equal(failing.sawPassword(PASS).anywhere, false);
    }
    assert.equal(absent.sawPassword(PASS).anywhere, false);
  });

  test('strict parser: BAD for unquoted specials, BYE after three BADs; literals and escapes', async () => {
    const server = await imap({ strictAtoms: true, login: (u, p) => (u === USER && p === 'a"b\\c' + PASS ? 'OK done' : 'NO nope') });
    const raw = await rawConnect(server.port);
    await raw.waitFor(/^\* OK/);
    raw.send(`a1 LOGIN ${USER} pa%s\r\n`);
    assert.match(await raw.waitFor(/^a1 /), /^a1 BAD/);
    raw.send(`a2 LOGIN ${USER} pa%s ~w*rd x\r\na3 LOGIN ${USER} caf\u00e9\r\n`);
    assert.match(await raw.waitFor(/^a2 /), /^a2 BAD/);
    assert.match(await raw.waitFor(/^a3 /), /^a3 BAD/);
    await raw.waitFor(/^\* BYE/);
    await raw.closed;

    const lit = await rawConnect(server.port);
    const pass = Buffer.from('a"b\\c' + PASS);
    lit.send(`b1 LOGIN {${USER.length}}\r\n`);
    await lit.waitFor(/^\+ go ahead$/);
    lit.send(Buffer.concat([Buffer.from(`${USER} {${pass.length}+}\r\n`), pass, Buffer.from('\r\n')]));
    assert.equal(await lit.waitFor(/^b1 /), 'b1 OK done');
    lit.send('b2 LOGOUT\r\n');
    await lit.closed;

    const quoted = await rawConnect(server.port);
    quoted.send(`c1 LOGIN "${USER}" "a\\"b\\\\c${PASS}"\r\n`);
    assert.equal(await quoted.waitFor(/^c1 /), 'c1 OK done');
    quoted.close();
  });

  test('AUTHENTICATE: PLAIN with SASL-IR and continuation, XOAUTH2 via imapflow, unknown mechanism', async () => {
    const seen: unknown[] = [];
    const server = await imap({
      capabilities: ['IMAP4rev1', 'SASL-IR', 'AUTH=PLAIN', 'AUTH=XOAUTH2'],
      authenticate: (mech, decoded) => (seen.push([mech, decoded]), 'OK authenticated'),
    });
    const raw = await rawConnect(server.port);
    raw.send(`a1 AUTHENTICATE PLAIN ${b64encode(`\0${USER}\0${PASS}`)}\r\n`);
    assert.equal(await raw.waitFor(/^a1 /), 'a1 OK authenticated');
    raw.close();
    const cont = await rawConnect(server.port);
    cont.send('b1 AUTHENTICATE PLAIN\r\n');
    await cont.waitFor(/^\+ $/);
    cont.send(`${b64encode(`admin\0${USER}\0${PASS}`)}\r\n`);
    assert.equal(await cont.waitFor(/^b1 /), 'b1 OK authenticated');
    cont.send('b2 AUTHENTICATE CRAM-MD5\r\n');
    assert.equal(await cont.waitFor(/^b2 /), 'b2 BAD Command received in Invalid state.');
    cont.close();
    const bad = await rawConnect(server.port);
    bad.send('c1 AUTHENTICATE CRAM-MD5\r\n');
    assert.equal(await bad.waitFor(/^c1 /), 'c1 BAD Unsupported mechanism');
    bad.close();
    const client = imapClient(server.port, { auth: { user: USER, accessToken: 'tok-123' } });
    await client.connect();
    await client.logout();
    assert.deepEqual(seen, [
      ['PLAIN', { authzid: '', user: USER, pass: PASS }],
      ['PLAIN', { authzid: 'admin', user: USER, pass: PASS }],
      ['XOAUTH2', { authzid: '', user: USER, pass: 'tok-123' }],
    ]);
  });

  test('C13/C25/C26: BYE greeting, POP3 greeting, no greeting, delayed greeting, scripted NO', async () => {
    const bye = await imap({ byeGreeting: 'Server shutting down' });
    await assert.rejects(imapClient(bye.port).connect(), (e: Error) => /BYE|closed|shutting/i.test(`${e.message} ${JSON.stringify(e)}`));
    const pop = await imap({ rawGreeting: '+OK POP3 ready\r\n' });
    await assert.rejects(imapClient(pop.port, { greetingTimeout: 400 }).connect());
    const mute = await imap({ greeting: null });
    await assert.rejects(imapClient(mute.port, { greetingTimeout: 300 }).connect(), (e: { code?: string }) => e.code === 'GREETING_TIMEOUT');
    const slow = await imap({ greetingDelayMs: 300, onCommand: (_t, name) => (name === 'LIST' ? 'NO [UNAVAILABLE] try later' : undefined) });
    const client = imapClient(slow.port);
    await client.connect();
    await assert.rejects(client.list());
    await client.logout();
    assert.ok(slow.transcript.some((e) => / NO \[UNAVAILABLE\] try later$/.test(e.line)));
  });
});

describe('fake SMTP', () => {
  const transport = (port: number, extra: Record<string, unknown> = {}) =>
    nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, name: 'client.example.test', auth: { user: USER, pass: PASS },
      connectionTimeout: 1500, greetingTimeout: 1500, ...extra });

  test('nodemailer verify() with AUTH PLAIN; EHLO name recorded', async () => {
    const server = await smtp({});
    assert.equal(await transport(server.port).verify(), true);
    assert.deepEqual(server.ehloNames, ['client.example.test']);
    assert.deepEqual(server.auths.map((a) => [a.mechanism, a.user, a.pass]), [['PLAIN', USER, PASS]]);
    assert.ok(clientLines(server).includes('EHLO client.example.test'));
  });

  test('STARTTLS then AUTH; implicit TLS; AUTH LOGIN over a raw socket', async () => {
    const server = await smtp({ ehlo: ['SIZE 1000', 'STARTTLS'], ehloAfterTls: ['SIZE 1000', 'AUTH PLAIN LOGIN'], starttlsCert: material });
    assert.equal(await transport(server.port, { requireTLS: true, tls: { rejectUnauthorized: false } }).verify(), true);
    assert.deepEqual(server.sawPassword(PASS), { plaintext: false, anywhere: true });
    assert.equal(server.ehloNames.length, 2);
    const implicit = await smtp({ tls: material });
    assert.equal(await transport(implicit.port, { secure: true, tls: { rejectUnauthorized: false } }).verify(), true);
    const raw = await rawConnect(implicit.port, true);
    raw.send('EHLO x\r\nAUTH LOGIN\r\n');
    await raw.waitFor(/^334 VXNlcm5hbWU6$/);
    raw.send(`${b64encode(USER)}\r\n`);
    await raw.waitFor(/^334 UGFzc3dvcmQ6$/);
    raw.send(`${b64encode(PASS)}\r\nQUIT\r\n`);
    await raw.waitFor(/^235 /);
    await raw.closed;
  });

  test('C11/C18: AUTH not offered, only NTLM, provider replies, refused EHLO name', async () => {
    const none = await smtp({ ehlo: ['SIZE 1000'] });
    assert.equal(await transport(none.port).verify(), true, 'nodemailer skips AUTH when not advertised');
    assert.ok(!clientLines(none).some((l) => /^AUTH/.test(l)));
    const ntlm = await smtp({ ehlo: ['AUTH NTLM'] });
    await assert.rejects(transport(ntlm.port).verify(), (e: { code?: string; responseCode?: number }) => e.code === 'EAUTH' && e.responseCode === 504);
    const gmail = await smtp({ auth: () => '534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor' });
    await assert.rejects(transport(gmail.port).verify(), (e: { response?: string }) => /^534 5\.7\.9/.test(e.response ?? ''));
    const picky = await smtp({ ehloReply: (name) => (name.includes('.') ? undefined : '501 5.5.4 Invalid EHLO hostname') });
    const raw = await rawConnect(picky.port);
    raw.send('EHLO bad\r\nAUTH PLAIN\r\nEHLO good.example\r\nAUTH XYZ\r\n');
    await raw.waitFor(/^501 5\.5\.4 Invalid EHLO hostname$/);
    await raw.waitFor(/^503 5\.5\.1 Error: send HELO\/EHLO first$/);
    await raw.waitFor(/^250 AUTH PLAIN LOGIN$/);
    await raw.waitFor(/^504 5\.7\.4/);
    raw.close();
  });
});

describe('timeout peers', () => {
  test('blackhole: connect() stays pending for at least 1 s', async () => {
    const hole = await startBlackhole();
    servers.push(hole);
    const sock = net.connect({ host: hole.host, port: hole.port });
    sock.on('error', () => {});
    const connected = await new Promise<boolean>((resolve) => {
      sock.once('connect', () => resolve(true));
      setTimeout(() => resolve(false), 1000);
    });
    sock.destroy();
    assert.equal(connected, false);
  });

  test('silent: accepts TCP but never sends a byte', async () => {
    const silent = await startSilent();
    servers.push(silent);
    const raw = await rawConnect(silent.port);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(raw.lines, []);
    assert.equal(silent.connections, 1);
    raw.close();
    await assert.rejects(imapClient(silent.port, { greetingTimeout: 300 }).connect(), (e: { code?: string }) => e.code === 'GREETING_TIMEOUT');
  });
});
