/**
 * Fault injection (issue 18): the shared stores go away under load and come back. A `latchkey
 * serve` process reaches the real PostgreSQL (or Redis) through a TCP relay the test cuts and
 * restores three times while clients keep calling it. Before the fix, a pg client checked out
 * for a query that lost its connection emitted an unhandled 'error' and ended the process in
 * every round. Asserted: the same PID answers throughout; a request meeting the cut answers the
 * documented `store_unavailable` (or its normal answer), never anything else; /readyz is 503
 * while PostgreSQL is away and 200 again after, without a restart; every token issued before the
 * cuts still works after them. Redis: requests keep their normal answers (per-node fallback).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { createPgDatabase, type PgDatabase } from '../peers/postgres.ts';
import { leaseRedisDb, type RedisDb } from '../peers/redis.ts';
import { startTcpRelay, type TcpRelay } from '../peers/tcp-relay.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { dovecotSettings } from '../support/connect.ts';

const USERS = ['alice@example.test', 'bob@example.test'];
const ROUNDS = 3;
const CUT_MS = 1500;

let dovecot: DovecotPeer;
before(async () => { dovecot = await startDovecot(); });
after(async () => { await dovecot?.stop(); });

interface Answer { status: number; body: any }

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* the assertion shows the text */ }
  return { status: res.status, body: parsed };
}

function alive(node: ServerProcess): boolean {
  return node.child.exitCode === null && node.child.signalCode === null;
}

/** One node: the dev app's credentials, and tokens for USERS issued through the real flow. */
async function startNode(env: Record<string, string>): Promise<{ node: ServerProcess; clientId: string; clientSecret: string; tokens: string[] }> {
  const node = await startServerProcess(env, true);
  const clientId = /client_id:\s+(\S+)/.exec(node.out())![1]!;
  const clientSecret = /client_secret:\s+(\S+)/.exec(node.out())![1]!;
  const tokens: string[] = [];
  for (const user of USERS) {
    const a = await call(node.url, 'POST', '/connect/authorize', { client_id: clientId, name: user, email_address: user, provider: 'imap', settings: dovecotSettings(dovecot, user, dovecot.users[user]!) });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    const t = await call(node.url, 'POST', '/connect/token', { client_id: clientId, client_secret: clientSecret, code: a.body.code });
    assert.equal(t.status, 200, JSON.stringify(t.body));
    tokens.push(t.body.access_token);
  }
  return { node, clientId, clientSecret, tokens };
}

/**
 * `workers` loops calling `one` until `stop()`; returns every answer (or transport failure).
 */
function load(workers: number, one: (i: number) => Promise<Answer>): { stop(): Promise<Answer[]> } {
  let running = true;
  const answers: Answer[] = [];
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; running; i += workers) {
      const a = await one(i).catch((err: Error) => ({ status: 0, body: `transport: ${err.message}` }));
      answers.push(a);
      // The server is gone (the fault this suite looks for): do not spin on refused connections.
      if (a.status === 0) await new Promise((r) => setTimeout(r, 100));
    }
  });
  return { stop: async () => { running = false; await Promise.all(loops); return answers; } };
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('PostgreSQL cut and restored three times under load', () => {
  let db: PgDatabase;
  let relay: TcpRelay;
  let dir: string;
  before(async () => {
    db = await createPgDatabase();
    relay = await startTcpRelay({ host: '127.0.0.1', port: 5432 });
    dir = mkdtempSync(join(tmpdir(), 'lk-fault-pg-'));
  });
  after(async () => {
    await relay?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('same PID throughout; in-flight requests answer store_unavailable; /readyz 503 then 200; old tokens work', async () => {
    const url = new URL(db.url);
    url.port = String(relay.port);
    const { node, clientId, clientSecret, tokens } = await startNode({
      LATCHKEY_DATABASE_URL: url.toString(), LATCHKEY_DATA_DIR: dir, LATCHKEY_PORT: '0', LATCHKEY_LOG_LEVEL: 'info',
      LATCHKEY_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`, LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8',
      LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_EHLO_NAME: 'latchkey.test', LATCHKEY_DNS_SERVERS: '127.0.0.1:1',
      LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_WEBHOOK_POLL_MS: '0', LATCHKEY_DATABASE_POOL_SIZE: '8',
    });
    const pid = node.child.pid;
    try {
      let unavailable = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        // 20 clients: half read the account (GET /account), half redeem an unknown code (a write path).
        const traffic = load(20, (i) => (i % 2
          ? call(node.url, 'GET', '/account', undefined, { authorization: `Bearer ${tokens[i % tokens.length]}` })
          : call(node.url, 'POST', '/connect/token', { client_id: clientId, client_secret: clientSecret, code: `lkac_unknown-${round}-${i}-0123456789` })));
        let answers: Answer[];
        try {
          await new Promise((r) => setTimeout(r, 300));
          relay.cut();
          await new Promise((r) => setTimeout(r, CUT_MS / 2));
          assert.ok(alive(node) && node.child.pid === pid, `round ${round}: the server process ended:\n${node.out().slice(-3000)}`);
          const ready = await call(node.url, 'GET', '/readyz');
          assert.equal(ready.status, 503, `round ${round}: /readyz while PostgreSQL is away: ${JSON.stringify(ready.body)}`);
          await new Promise((r) => setTimeout(r, CUT_MS / 2));
          relay.restore();
          await waitFor(`round ${round}: /readyz back to 200`, async () => (await call(node.url, 'GET', '/readyz')).status === 200);
          await new Promise((r) => setTimeout(r, 300));
        } finally {
          relay.restore();
          answers = await traffic.stop();
        }
        assert.ok(alive(node) && node.child.pid === pid, `round ${round}: the server process ended:\n${node.out().slice(-3000)}`);
        for (const a of answers) {
          const normal = a.status === 200 || (a.status === 400 && a.body?.reason === 'invalid_code');
          const storeDown = a.status === 500 && a.body?.reason === 'store_unavailable' && a.body?.type === 'api_error' && typeof a.body?.message === 'string';
          assert.ok(normal || storeDown, `round ${round}: unexpected answer ${a.status} ${JSON.stringify(a.body)}`);
          if (storeDown) unavailable++;
        }
        assert.ok(answers.length > 40, `round ${round}: only ${answers.length} answers under load`);
      }
      assert.ok(unavailable > 0, 'no request met a cut: the test did not exercise the fault');
      for (const token of tokens) {
        const r = await call(node.url, 'GET', '/account', undefined, { authorization: `Bearer ${token}` });
        assert.equal(r.status, 200, `a token issued before the cuts: ${JSON.stringify(r.body)}`);
      }
      assert.ok(relay.relayed() > 1, 'the node reconnected through the relay');
    } finally {
      await node.stop();
    }
  });
});

describe('Redis cut and restored three times under load', () => {
  let redis: RedisDb;
  let relay: TcpRelay;
  let dir: string;
  before(async () => {
    redis = await leaseRedisDb();
    relay = await startTcpRelay({ host: '127.0.0.1', port: 6379 });
    dir = mkdtempSync(join(tmpdir(), 'lk-fault-redis-'));
  });
  after(async () => {
    await relay?.close();
    await redis?.release();
    rmSync(dir, { recursive: true, force: true });
  });

  test('same PID throughout; authorize and the account keep answering (per-node fallback); old tokens work', async () => {
    const db = new URL(redis.url);
    const { node, clientId, tokens } = await startNode({
      LATCHKEY_DATABASE_URL: `sqlite:${join(dir, 'latchkey.db')}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_PORT: '0', LATCHKEY_LOG_LEVEL: 'info',
      LATCHKEY_REDIS_URL: `redis://127.0.0.1:${relay.port}${db.pathname}`,
      LATCHKEY_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`, LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8',
      LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_EHLO_NAME: 'latchkey.test', LATCHKEY_DNS_SERVERS: '127.0.0.1:1',
      LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_WEBHOOK_POLL_MS: '0',
      // The brute-force limits stay at their defaults (5 per pair, 30 per IP): slots reserved in
      // Redis and given back during a cut go back to Redis once it returns (limits/store.ts), so
      // three cuts under this load must not end in 429s. Only the per-client budget is raised.
      LATCHKEY_LIMIT_CLIENT_PER_MINUTE: '100000',
    });
    const pid = node.child.pid;
    const user = USERS[0]!;
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        // Authorize consults the brute-force counters kept in Redis before verifying with Dovecot.
        const traffic = load(10, (i) => (i % 2
          ? call(node.url, 'GET', '/account', undefined, { authorization: `Bearer ${tokens[i % tokens.length]}` })
          : call(node.url, 'POST', '/connect/authorize', { client_id: clientId, name: 'A', email_address: user, provider: 'imap', settings: dovecotSettings(dovecot, user, dovecot.users[user]!) })));
        let answers: Answer[];
        try {
          await new Promise((r) => setTimeout(r, 300));
          relay.cut();
          await new Promise((r) => setTimeout(r, CUT_MS));
          relay.restore();
          await new Promise((r) => setTimeout(r, 500));
        } finally {
          relay.restore();
          answers = await traffic.stop();
        }
        assert.ok(alive(node) && node.child.pid === pid, `round ${round}: the server process ended:\n${node.out().slice(-3000)}`);
        for (const a of answers) {
          assert.equal(a.status, 200, `round ${round}: unexpected answer ${a.status} ${JSON.stringify(a.body)}`);
        }
        assert.ok(answers.length > 10, `round ${round}: only ${answers.length} answers under load`);
      }
      for (const token of tokens) {
        const r = await call(node.url, 'GET', '/account', undefined, { authorization: `Bearer ${token}` });
        assert.equal(r.status, 200, `a token issued before the cuts: ${JSON.stringify(r.body)}`);
      }
      assert.ok(relay.relayed() > 1, 'the node reconnected to Redis through the relay');
    } finally {
      await node.stop();
    }
  });
});
