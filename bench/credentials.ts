/**
 * `npm run bench:credentials` (issue 14): the credentials API's two figures, measured in this one
 * run on this machine, loopback only.
 *
 * 1. Throughput of `GET /a/{client_id}/accounts/{id}/credentials?protocol=imap` for an OAuth account
 *    whose access token is cached, against `GET /account` on the same node (SQLite), rounds
 *    interleaved (wrk, BENCH_SECONDS each, BENCH_CONNECTIONS connections). Target ≥ 0.5×.
 * 2. Refresh storm: BENCH_STORM_ACCOUNTS (default 1000) OAuth accounts with no live token, each
 *    asked for by 5 concurrent callers spread over two nodes on one PostgreSQL → how many requests
 *    reached the token endpoint (a real OAuth server on loopback, oauth2-mock-server). Target ≤ the
 *    number of accounts.
 *
 *   BENCH_SECONDS (default 4) · BENCH_CONNECTIONS (default 32) · BENCH_ROUNDS (default 3) ·
 *   BENCH_STORM_ACCOUNTS (default 1000) · BENCH_STORM_SOCKETS (default 64 per node)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request as httpRequest } from 'node:http';
import { wrk, type LoadResult } from './lib/wrk.ts';
import { startChild, type Child } from './lib/child.ts';
import { newKeys, prepareDatabase } from './lib/setup.ts';
import { createPgDatabase } from '../test/peers/postgres.ts';
import { makeCA } from '../test/peers/pki.ts';
import { startOAuthServer } from '../test/peers/oauth-server.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';
import { KeyRing } from '../src/crypto/keyring.ts';
import { hashSecret, newId, newSecret } from '../src/crypto/tokens.ts';
import type { CreatedApplication } from '../src/app/applications.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONN = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STORM = Number(process.env.BENCH_STORM_ACCOUNTS ?? 1000);
const SOCKETS = Number(process.env.BENCH_STORM_SOCKETS ?? 64);
const NODE = fileURLToPath(new URL('./peers/latchkey-node.mjs', import.meta.url));
const GOOGLE = { clientId: 'bench-google.apps.test', clientSecret: 'bench-google-secret' };
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const dir = mkdtempSync(join(tmpdir(), 'latchkey-bench-cred-'));
const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];

/** Stores an OAuth (gmail) account as /connect/token does, and returns its id. */
async function oauthAccount(store: Store, keys: KeyRing, app: CreatedApplication, email: string, refreshToken: string, opts: { cachedToken?: string; accessToken?: string } = {}): Promise<string> {
  {
    const a = await store.upsertAccount({
      clientId: app.client_id, emailKey: email, emailAddress: email, name: 'B', provider: 'gmail', scopes: 'email', newId: newId(), now: Math.floor(Date.now() / 1000),
      settings: { imap_host: 'imap.gmail.com', imap_port: 993, imap_username: email, imap_security: 'ssl', smtp_host: 'smtp.gmail.com', smtp_port: 465, smtp_username: email, smtp_security: 'ssl', ssl_required: true, google_client_id: GOOGLE.clientId },
    });
    const seal = (field: string, v: string) => ({ field, envelope: keys.encrypt(v, `account:${a.id}:${field}`), keyVersion: keys.current });
    await store.replaceCredentials(a.id, [seal('google_client_secret', GOOGLE.clientSecret), seal('google_refresh_token', refreshToken)], 0);
    if (opts.cachedToken) {
      await store.claimTokenRefresh(a.id, 'bench', Date.now(), Date.now() + 60_000);
      await store.saveRefreshedToken(a.id, 'bench', { envelope: keys.encrypt(opts.cachedToken, `account:${a.id}:access_token`), keyVersion: keys.current, expiresAtMs: Date.now() + 3_600_000 }, undefined, 0);
    }
    if (opts.accessToken) {
      const now = Math.floor(Date.now() / 1000);
      await store.insertToken({ tokenHash: hashSecret(opts.accessToken), accountId: a.id, clientId: app.client_id, scopes: 'email', codeHash: null, createdAt: now, updatedAt: now, revokedAt: null });
    }
    await store.updateApplication(app.client_id, { credentialsRelease: true });
    return a.id;
  }
}

async function withStore<T>(url: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = openStore(url);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function check(r: LoadResult, what: string): LoadResult {
  if (r.non2xx || r.errors) throw new Error(`${what}: ${r.non2xx} non-2xx answers, ${r.errors} socket errors`);
  return r;
}

async function throughput(): Promise<void> {
  const url = `sqlite:${join(dir, 'ratio.db')}`;
  const keysEnv = newKeys();
  const app = await prepareDatabase(url);
  const token = newSecret('accessToken');
  const id = await withStore(url, (s) => oauthAccount(s, KeyRing.parse(keysEnv), app, 'ratio@gmail.test', 'rt-ratio', { cachedToken: 'ya29.bench-cached-token', accessToken: token }));
  const node = await startChild(['--import', 'tsx', NODE], {
    LATCHKEY_DATABASE_URL: url, LATCHKEY_ENCRYPTION_KEYS: keysEnv, LATCHKEY_PORT: '0', LATCHKEY_LOG_LEVEL: 'warn', LATCHKEY_EHLO_NAME: 'bench.test',
    LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_WEBHOOK_POLL_MS: '0', LATCHKEY_LIMIT_CREDENTIALS_PER_MINUTE: '10000000',
  });
  cleanups.push(() => node.stop());
  const basic = `Basic ${Buffer.from(`${app.client_secret}:`).toString('base64')}`;
  const account: LoadResult[] = [];
  const creds: LoadResult[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    log(`throughput round ${i + 1}/${ROUNDS}`);
    account.push(check(await wrk({ url: node.url, path: '/account', authorization: `Bearer ${token}`, connections: CONN, seconds: SECONDS }), 'GET /account'));
    creds.push(check(await wrk({ url: node.url, path: `/a/${app.client_id}/accounts/${id}/credentials?protocol=imap`, authorization: basic, connections: CONN, seconds: SECONDS }), 'credentials'));
  }
  const sum = (xs: LoadResult[]) => xs.reduce((s, r) => s + r.requests, 0);
  const ratio = sum(creds) / sum(account);
  const rps = (xs: LoadResult[]) => (sum(xs) / (xs.length * SECONDS)).toFixed(0);
  const p50 = (xs: LoadResult[]) => xs.map((r) => r.p50.toFixed(1)).join('/');
  console.log(`GET /account (baseline)                      ${rps(account)} req/s  p50 ${p50(account)} ms`);
  console.log(`GET …/credentials?protocol=imap, cached token ${rps(creds)} req/s  p50 ${p50(creds)} ms`);
  console.log(`ratio credentials / GET /account: ${ratio.toFixed(2)}× (target ≥ 0.5×) ${ratio >= 0.5 ? 'MET' : 'NOT MET'}`);
}

async function storm(): Promise<void> {
  const pgdb = await createPgDatabase();
  cleanups.push(() => pgdb.drop());
  const ca = await makeCA(dir, 'bench-oauth-ca');
  const oauth = await startOAuthServer({ ca, dir });
  cleanups.push(() => oauth.stop());
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  const keysEnv = newKeys();
  const keys = KeyRing.parse(keysEnv);
  const app = await prepareDatabase(pgdb.url);
  log(`storm: storing ${STORM} OAuth accounts`);
  const ids: string[] = [];
  await withStore(pgdb.url, async (s) => {
    for (let i = 0; i < STORM; i++) {
      oauth.addAccount({ email: `s${i}@gmail.test`, refreshToken: `rt-storm-${i}`, ...GOOGLE, audience: 'https://mail.google.com/' });
      ids.push(await oauthAccount(s, keys, app, `s${i}@gmail.test`, `rt-storm-${i}`));
    }
  });
  const env = {
    LATCHKEY_DATABASE_URL: pgdb.url, LATCHKEY_ENCRYPTION_KEYS: keysEnv, LATCHKEY_PORT: '0', LATCHKEY_LOG_LEVEL: 'warn', LATCHKEY_EHLO_NAME: 'bench.test',
    LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_WEBHOOK_POLL_MS: '0', LATCHKEY_LIMIT_CREDENTIALS_PER_MINUTE: '10000000',
    LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'), LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8',
    LATCHKEY_GOOGLE_TOKEN_URL: oauth.tokenUrl, LATCHKEY_GOOGLE_USERINFO_URL: oauth.userinfoUrl, LATCHKEY_DATABASE_POOL_SIZE: '20',
  };
  const nodes: Child[] = [await startChild(['--import', 'tsx', NODE], env), await startChild(['--import', 'tsx', NODE], env)];
  for (const n of nodes) cleanups.push(() => n.stop());
  const agents = nodes.map(() => new Agent({ keepAlive: true, maxSockets: SOCKETS }));
  const basic = `Basic ${Buffer.from(`${app.client_secret}:`).toString('base64')}`;
  const get = (n: number, path: string) => new Promise<number>((resolve, reject) => {
    const req = httpRequest(`${nodes[n]!.url}${path}`, { agent: agents[n], headers: { authorization: basic } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
  const before = oauth.tokenRequests.length;
  log(`storm: ${STORM} accounts × 5 concurrent callers over two nodes`);
  const t0 = performance.now();
  const statuses = await Promise.all(ids.flatMap((id, i) => Array.from({ length: 5 }, (_, k) => get((i + k) % 2, `/a/${app.client_id}/accounts/${id}/credentials?protocol=imap`))));
  const seconds = (performance.now() - t0) / 1000;
  const refreshes = oauth.tokenRequests.length - before;
  const bad = statuses.filter((s) => s !== 200).length;
  agents.forEach((a) => a.destroy());
  console.log(`refresh storm: ${statuses.length} requests for ${STORM} accounts in ${seconds.toFixed(1)} s, ${bad} not 200`);
  console.log(`token endpoint requests: ${refreshes} (target ≤ ${STORM}) ${refreshes <= STORM && bad === 0 ? 'MET' : 'NOT MET'}`);
}

try {
  await throughput();
  await storm();
} finally {
  for (const c of cleanups.reverse()) await c();
}
