/**
 * Kill -9 during a stream of authorize/token requests (issue 6 "Tests"): the server runs as a
 * child process (`node bin/latchkey.js serve`), is SIGKILLed mid-stream and restarted on the same
 * SQLite file. Every code issued before the kill is redeemable at most once over the whole run
 * (before and after), or reported invalid; every token issued before the kill still works (no
 * account lost); the file passes `PRAGMA integrity_check`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { BIN } from '../support/cli.ts';

let dovecot: DovecotPeer;
let dir: string;
const children: ChildProcess[] = [];

before(async () => {
  dovecot = await startDovecot();
  dir = mkdtempSync(join(tmpdir(), 'latchkey-kill9-'));
});
after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await dovecot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Server { url: string; out: string; child: ChildProcess }

/** Starts `latchkey serve` on a free port and waits for "Server listening at …". */
function serve(env: Record<string, string>): Promise<Server> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LATCHKEY_')));
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && (out.includes('client_secret:') || env.EXPECT_NO_APP)) {
        clearTimeout(timer);
        resolve({ url: m[1]!, out, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${out}`)); });
  });
}

async function post(url: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

test('SIGKILL mid-stream, restart on the same file: no code redeemed twice, no account lost, integrity ok', async () => {
  const env = {
    LATCHKEY_DATABASE_URL: `sqlite:${join(dir, 'latchkey.db')}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_PORT: '0',
    LATCHKEY_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`, LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8',
    LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_EHLO_NAME: 'latchkey.test', LATCHKEY_DNS_SERVERS: '127.0.0.1:1',
  };
  const first = await serve(env);
  const clientId = /client_id:\s+(\S+)/.exec(first.out)![1]!;
  const clientSecret = /client_secret:\s+(\S+)/.exec(first.out)![1]!;
  const users = Object.entries(dovecot.users).slice(0, 2);

  const issued: string[] = [];
  /** code → how many exchanges of it answered 200, over the whole run. */
  const redeemed = new Map<string, number>();
  /** Tokens answered before the kill, with the account each belongs to. */
  const tokens: Array<{ token: string; accountId: string; user: string }> = [];
  let killed = false;
  const worker = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const [user, password] = users[(w + i) % users.length]!;
      try {
        const a = await post(first.url, '/connect/authorize', {
          client_id: clientId, name: 'K', email_address: user, provider: 'imap',
          settings: { imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_password: password, imap_security: 'ssl', smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'starttls' },
        });
        assert.equal(a.status, 200, JSON.stringify(a.body));
        issued.push(a.body.code);
        if (i % 2 === 0) {
          const t = await post(first.url, '/connect/token', { client_id: clientId, client_secret: clientSecret, code: a.body.code });
          assert.equal(t.status, 200, JSON.stringify(t.body));
          redeemed.set(a.body.code, (redeemed.get(a.body.code) ?? 0) + 1);
          tokens.push({ token: t.body.access_token, accountId: t.body.id, user });
        }
      } catch (err) {
        if (!killed) throw err; // a request cut by the kill is expected
      }
    }
  };
  const workers = [0, 1, 2, 3].map(worker);
  // Kill once a fair stream is under way, with requests in flight.
  while (issued.length < 12) await new Promise((r) => setTimeout(r, 50));
  killed = true;
  first.child.kill('SIGKILL');
  await Promise.all(workers);
  assert.ok(issued.length >= 12 && tokens.length >= 4, `${issued.length} codes, ${tokens.length} tokens before the kill`);

  const second = await serve({ ...env, EXPECT_NO_APP: '1' });
  try {
    // No account lost: every token answered before the kill works, for the same account.
    for (const t of tokens) {
      const res = await fetch(`${second.url}/account`, { headers: { authorization: `Bearer ${t.token}` } });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { id: string }).id, t.accountId);
    }
    // Every code: redeemable at most once over the whole run, else reported invalid.
    for (const code of issued) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const t = await post(second.url, '/connect/token', { client_id: clientId, client_secret: clientSecret, code });
        assert.ok(t.status === 200 || (t.status === 400 && t.body.reason === 'invalid_code'), `${t.status} ${JSON.stringify(t.body)}`);
        if (t.status === 200) redeemed.set(code, (redeemed.get(code) ?? 0) + 1);
      }
      assert.ok((redeemed.get(code) ?? 0) <= 1, 'a code was redeemed twice');
    }
    assert.ok([...redeemed.values()].filter((n) => n === 1).length > tokens.length, 'some codes issued before the kill were redeemed after it');
    // Authorizing again keeps each address's account id (DECISIONS "Accounts and tokens").
    for (const [user, password] of users) {
      const a = await post(second.url, '/connect/authorize', {
        client_id: clientId, name: 'K', email_address: user, provider: 'imap',
        settings: { imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_password: password, imap_security: 'ssl', smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'starttls' },
      });
      const t = await post(second.url, '/connect/token', { client_id: clientId, client_secret: clientSecret, code: a.body.code });
      assert.equal(t.status, 200);
      const before = tokens.find((x) => x.user === user);
      if (before) assert.equal(t.body.id, before.accountId);
    }
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }
  const db = new Database(join(dir, 'latchkey.db'), { readonly: true });
  try {
    assert.equal((db.pragma('integrity_check', { simple: true }) as string), 'ok');
    // Every account that held a token before the kill is still there, with both credentials.
    const ids = db.prepare('SELECT id FROM accounts').all() as Array<{ id: string }>;
    assert.equal(ids.length, users.length);
    for (const { id } of ids) assert.equal((db.prepare('SELECT count(*) AS n FROM credentials WHERE account_id = ?').get(id) as { n: number }).n, 2);
  } finally {
    db.close();
  }
});
