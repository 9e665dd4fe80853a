/**
 * `npm run dev:mailserver` as a newcomer runs it (issue 19), as child processes in a scratch
 * directory: it fails loudly (exit 1, the ports named) when its ports are taken instead of
 * reporting success, and keeps one development CA across restarts, so a client trusting
 * data/dev-mail-ca.pem (as a running Latchkey does) still verifies the restarted server —
 * checked with imapflow, a real client.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { freePorts } from '../peers/dovecot.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/dev-mailserver.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const cwd = mkdtempSync(join(tmpdir(), 'lk-devmail-'));
const running: ChildProcess[] = [];
after(async () => {
  for (const c of running) if (c.exitCode === null) await stop(c);
  rmSync(cwd, { recursive: true, force: true });
});

interface Run { child: ChildProcess; out: () => string; exited: Promise<number | null> }

function start(ports: number[]): Run {
  const child = spawn(process.execPath, ['--import', TSX, SCRIPT], { cwd, env: { ...process.env, DEV_MAIL_PORTS: ports.join(',') }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
  return { child, out: () => out, exited };
}

async function ready(run: Run): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!run.out().includes('Press Ctrl-C to stop.')) {
    if (run.child.exitCode !== null) assert.fail(`dev:mailserver exited ${run.child.exitCode}:\n${run.out()}`);
    if (Date.now() > deadline) assert.fail(`dev:mailserver not ready:\n${run.out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const closed = new Promise((r) => child.once('close', r));
  child.kill('SIGTERM');
  await closed;
}

/** Logs in as alice over implicit TLS, trusting only the given CA (imapflow verifies the certificate). */
async function login(port: number, ca: string): Promise<void> {
  const client = new ImapFlow({ host: '127.0.0.2', port, secure: true, auth: { user: 'alice@example.test', pass: 'alice-secret' }, tls: { ca, servername: 'mail.latchkey.test' }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  await client.logout();
}

test('taken ports fail loudly; one CA across restarts keeps a client trusting the restarted server', async () => {
  const ports = await freePorts('127.0.0.2', 4);
  const first = start(ports);
  await ready(first);
  const caPath = join(cwd, 'data', 'dev-mail-ca.pem');
  const ca = readFileSync(caPath, 'utf8');
  assert.match(first.out(), /CA file\s+data\/dev-mail-ca\.pem \(new\)/);
  assert.equal(statSync(join(cwd, 'data', 'dev-mail-ca.key')).mode & 0o077, 0, 'the CA key is private to its owner');
  assert.equal(JSON.parse(readFileSync(join(cwd, 'data', 'dev-providers.json'), 'utf8')).devmail.imap.port, ports[0]);
  await login(ports[0]!, ca);

  const second = start(ports);
  assert.equal(await second.exited, 1, 'a second server on the same ports stops with exit code 1');
  assert.match(second.out(), new RegExp(`ports ${ports.join(', ')} on 127\\.0\\.0\\.2 are already in use`));
  assert.doesNotMatch(second.out(), /Press Ctrl-C/, 'no success reported');
  assert.equal(readFileSync(caPath, 'utf8'), ca, 'the failed start left the CA alone');
  await login(ports[0]!, ca);

  await stop(first.child);
  const third = start(ports);
  await ready(third);
  assert.match(third.out(), /the same as before/);
  assert.equal(readFileSync(caPath, 'utf8'), ca, 'the same CA after a restart');
  await login(ports[0]!, ca);
  await stop(third.child);
  assert.ok(existsSync(caPath), 'the CA outlives the server');
});
