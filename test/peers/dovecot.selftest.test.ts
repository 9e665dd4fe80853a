/**
 * Self-test of the Dovecot real-peer harness: every listener works with a CA-verified TLS client,
 * plaintext login is really disabled before STARTTLS, the awkward passwords work, and stop() cleans up.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import nodemailer from 'nodemailer';
import { startDovecot, type DovecotPeer } from './dovecot.ts';

let peer: DovecotPeer;

before(async () => {
  peer = await startDovecot({ users: { 'extra@example.test': 'extra-secret' } });
});

after(async () => {
  await peer?.stop();
});

/** Connect with imapflow, log in and out; rejects if login fails. */
async function imapLogin(user: string, pass: string, extra: Partial<ImapFlowOptions> = {}): Promise<void> {
  const client = new ImapFlow({
    host: peer.host,
    port: peer.imapTlsPort,
    secure: true,
    tls: { ca: peer.caPem },
    auth: { user, pass },
    logger: false,
    ...extra,
  });
  await client.connect();
  assert.equal(client.authenticated, true);
  await client.logout();
}

/** Minimal line-based client for raw protocol checks. */
async function rawSession(port: number): Promise<{ readUntil(re: RegExp): Promise<string>; send(line: string): void; close(): void }> {
  const socket = net.connect({ host: peer.host, port });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let buf = '';
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => { buf += d; });
  return {
    async readUntil(re) {
      const deadline = Date.now() + 3000;
      while (!re.test(buf)) {
        if (Date.now() > deadline) throw new Error(`timeout waiting for ${re}; got ${JSON.stringify(buf)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      const out = buf;
      buf = '';
      return out;
    },
    send(line) { socket.write(`${line}\r\n`); },
    close() { socket.destroy(); },
  };
}

test('alice logs in over implicit TLS (IP SAN and DNS SAN)', async () => {
  await imapLogin('alice@example.test', 'alice-secret');
  await imapLogin('alice@example.test', 'alice-secret', { servername: 'mail.latchkey.test' });
});

test('alice logs in over STARTTLS', async () => {
  await imapLogin('alice@example.test', 'alice-secret', { port: peer.imapStartTlsPort, secure: false, doSTARTTLS: true });
});

test('STARTTLS listener advertises LOGINDISABLED and refuses LOGIN before TLS', async () => {
  const s = await rawSession(peer.imapStartTlsPort);
  try {
    await s.readUntil(/^\* OK .*\r\n/);
    s.send('a1 CAPABILITY');
    const caps = await s.readUntil(/^a1 OK.*\r\n/m);
    assert.match(caps, /\bLOGINDISABLED\b/);
    assert.match(caps, /\bSTARTTLS\b/);
    assert.doesNotMatch(caps, /AUTH=/);
    s.send('a2 LOGIN "alice@example.test" "alice-secret"');
    assert.match(await s.readUntil(/^a2 .*\r\n/m), /^a2 NO \[PRIVACYREQUIRED\]/m);
  } finally {
    s.close();
  }
});

test('submission STARTTLS listener offers and accepts no AUTH before TLS', async () => {
  const s = await rawSession(peer.submissionStartTlsPort);
  try {
    await s.readUntil(/^220 .*\r\n/m);
    s.send('EHLO client.test');
    const ehlo = await s.readUntil(/^250 .*\r\n/m);
    assert.match(ehlo, /STARTTLS/);
    // Dovecot still prints an "AUTH" line, but with an empty mechanism list, and refuses AUTH.
    assert.doesNotMatch(ehlo, /AUTH[ =]+\S/);
    s.send(`AUTH PLAIN ${Buffer.from('\0alice@example.test\0alice-secret').toString('base64')}`);
    assert.match(await s.readUntil(/^\d{3} .*\r\n/m), /^5\d\d /m);
  } finally {
    s.close();
  }
});

test('users with special characters log in (AUTHENTICATE PLAIN and LOGIN command)', async () => {
  for (const user of ['pct@example.test', 'quote@example.test', 'utf8@example.test', 'first.last=example.test', 'extra@example.test']) {
    const pass = peer.users[user];
    assert.ok(pass, user);
    await imapLogin(user, pass);
    await imapLogin(user, pass, { auth: { user, pass, loginMethod: 'LOGIN' } });
  }
});

test('a wrong password is rejected quickly', async () => {
  const started = Date.now();
  await assert.rejects(imapLogin('alice@example.test', 'wrong'), (err: { authenticationFailed?: boolean }) => err.authenticationFailed === true);
  assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
});

test('alice verifies on both submission ports', async () => {
  const auth = { user: 'alice@example.test', pass: 'alice-secret' };
  const starttls = nodemailer.createTransport({
    host: peer.host, port: peer.submissionStartTlsPort, secure: false, requireTLS: true, auth, tls: { ca: peer.caPem },
  });
  const implicit = nodemailer.createTransport({
    host: peer.host, port: peer.submissionTlsPort, secure: true, auth, tls: { ca: peer.caPem, servername: 'mail.latchkey.test' },
  });
  try {
    assert.equal(await starttls.verify(), true);
    assert.equal(await implicit.verify(), true);
  } finally {
    starttls.close();
    implicit.close();
  }
});

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, ...], or undefined if gone. */
function procStat(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** PIDs whose parent is `ppid`. */
function childrenOf(ppid: number): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d) && procStat(d)?.[1] === String(ppid)).map(Number);
}

/**
 * True while `pid` is running. A zombie counts as gone: orphaned Dovecot children are reparented
 * to PID 1, and this sandbox's init reaps them only every few seconds.
 */
function running(pid: number): boolean {
  const state = procStat(pid)?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

test('stop() kills Dovecot and all its workers, even with clients connected, and removes the temp dir', async () => {
  // Open sessions make Dovecot's workers outlive a SIGTERMed master; stop() must still end them.
  const idle = await rawSession(peer.imapStartTlsPort);
  const session = new ImapFlow({
    host: peer.host, port: peer.imapTlsPort, secure: true, tls: { ca: peer.caPem },
    auth: { user: 'bob@example.test', pass: 'bob-secret' }, logger: false,
  });
  session.on('error', () => {}); // the server goes away under it
  await session.connect();
  try {
    const masterPid = Number(readFileSync(join(peer.dir, 'run', 'master.pid'), 'utf8').trim());
    assert.ok(running(masterPid));
    const children = childrenOf(masterPid);
    assert.ok(children.length >= 5, `children: ${children.join(',')}`);
    await peer.stop();
    assert.equal(running(masterPid), false, 'dovecot master still running');
    assert.deepEqual(children.filter(running), [], 'dovecot worker processes still running');
    assert.equal(existsSync(peer.dir), false);
    await assert.rejects(imapLogin('alice@example.test', 'alice-secret'), /ECONNREFUSED/);
  } finally {
    idle.close();
    session.close();
  }
});
