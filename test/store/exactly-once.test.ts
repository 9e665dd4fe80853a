/**
 * Exactly-once code redemption across processes (issue 7): two `latchkey serve` processes share
 * one database — PostgreSQL (a database of its own on the machine's server) or one SQLite file —
 * and 200 concurrent `POST /connect/token` with one code, spread evenly over both, yield exactly
 * one access token: one 200, every other answer `invalid_code`, one token row for the code.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { createPgDatabase } from '../peers/postgres.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { dovecotSettings } from '../support/connect.ts';
import { openStore } from '../../src/store/open.ts';
import { hashSecret } from '../../src/crypto/tokens.ts';

let dovecot: DovecotPeer;
before(async () => { dovecot = await startDovecot(); });
after(async () => { await dovecot?.stop(); });

async function post(url: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

const BACKENDS = [
  {
    name: 'PostgreSQL',
    open: async () => {
      const db = await createPgDatabase();
      return { url: db.url, cleanup: () => db.drop() };
    },
  },
  {
    name: 'one SQLite file',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lk-once-'));
      return { url: `sqlite:${join(dir, 'latchkey.db')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];

for (const backend of BACKENDS) {
  describe(`two server processes on ${backend.name}`, () => {
    const nodes: ServerProcess[] = [];
    let db: { url: string; cleanup(): Promise<void> };
    let env: Record<string, string>;
    let dir: string;

    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'lk-once-data-'));
      env = {
        LATCHKEY_DATABASE_URL: db.url, LATCHKEY_DATA_DIR: dir, LATCHKEY_PORT: '0', LATCHKEY_LOG_LEVEL: 'info',
        LATCHKEY_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`, LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8',
        LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_EHLO_NAME: 'latchkey.test', LATCHKEY_DNS_SERVERS: '127.0.0.1:1',
        LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_WEBHOOK_POLL_MS: '0',
      };
      // The first node migrates the fresh database and prints the development app; the second
      // finds both done.
      nodes.push(await startServerProcess(env, true));
      nodes.push(await startServerProcess(env));
    });
    after(async () => {
      await Promise.all(nodes.map((n) => n.stop()));
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    test('200 concurrent redemptions of one code over both processes: exactly one token', async () => {
      const clientId = /client_id:\s+(\S+)/.exec(nodes[0]!.out())![1]!;
      const clientSecret = /client_secret:\s+(\S+)/.exec(nodes[0]!.out())![1]!;
      const user = 'alice@example.test';
      const a = await post(nodes[1]!.url, '/connect/authorize', { client_id: clientId, name: 'Alice', email_address: user, provider: 'imap', settings: dovecotSettings(dovecot, user, dovecot.users[user]!) });
      assert.equal(a.status, 200, JSON.stringify(a.body));

      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) =>
        post(nodes[i % 2]!.url, '/connect/token', { client_id: clientId, client_secret: clientSecret, code: a.body.code })));
      const ok = answers.filter((r) => r.status === 200);
      assert.equal(ok.length, 1, `statuses: ${JSON.stringify(answers.map((r) => r.status))}`);
      assert.match(ok[0]!.body.access_token, /\S{20,}/);
      for (const r of answers.filter((x) => x.status !== 200)) assert.equal(r.body.reason, 'invalid_code', JSON.stringify(r.body));

      const store = openStore(db.url);
      try {
        const found = await store.findToken(hashSecret(ok[0]!.body.access_token));
        assert.equal(found?.token.codeHash, hashSecret(a.body.code));
        assert.equal(await store.revokeTokensFromCode(hashSecret(a.body.code), 1) <= 1, true, 'at most the one token came from the code');
        assert.equal((await store.listAllAccounts({ limit: 10, offset: 0 })).length, 1);
      } finally {
        await store.close();
      }
    });
  });
}
