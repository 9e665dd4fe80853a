/**
 * `npm run bench`: every Latchkey benchmark side by side with its baseline, measured in this one
 * run on this machine, loopback only, bounded in time (about 3–4 min with the defaults). Load comes
 * from Debian's `wrk` (a separate C process); each server under test is its own Node process.
 * Prints one table: requests/s, p50/p99 latency, and the ratio to the baseline of the same row
 * group, with the issue's target beside it.
 *
 *   BENCH_SECONDS (default 4) per HTTP load run · BENCH_CONNECTIONS (default 32) for HTTP runs ·
 *   BENCH_AUTH_CONCURRENCY (default 4) for authorize vs raw logins · BENCH_SLOW (default 1000)
 *   concurrent slow authorizes · BENCH_ONLY=token,account,authorize,slow,nodes to pick groups.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request as httpRequest } from 'node:http';
import { wrk, type LoadResult } from './lib/wrk.ts';
import { benchNodeEnv, startChild, freePort, type Child } from './lib/child.ts';
import { mintCodes, newKeys, prepareDatabase } from './lib/setup.ts';
import { createPgDatabase, type PgDatabase } from '../test/peers/postgres.ts';
import { startDovecot, type DovecotPeer } from '../test/peers/dovecot.ts';
import { startFakeImap } from '../test/peers/fake-imap.ts';
import { startFakeSmtp } from '../test/peers/fake-smtp.ts';
import { issueCert, makeCA } from '../test/peers/pki.ts';
import { execFileSync } from 'node:child_process';
import { distState } from '../bin/dist.js';
import { pgbenchCeiling, sqliteCeiling } from './lib/ceiling.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONN = Number(process.env.BENCH_CONNECTIONS ?? 32);
const AUTH_C = Number(process.env.BENCH_AUTH_CONCURRENCY ?? 4);
const SLOW_N = Number(process.env.BENCH_SLOW ?? 1000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const ONLY = new Set((process.env.BENCH_ONLY ?? 'token,account,authorize,slow,nodes').split(','));
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const BIN_NODE = here('./peers/latchkey-node.mjs');
/** The Latchkey node as `npm start` runs it: the compiled build (dist/) when current, else the sources through tsx. */
const nodeEntry = () => (distState() === 'current' ? [BIN_NODE, '--dist'] : ['--import', 'tsx', BIN_NODE]);
if (distState() !== 'current') process.stderr.write('[bench] dist/ is not current (npm run build): Latchkey nodes run through tsx\n');

/** wrk from Debian: installed here when missing and we are root (a fresh clone on the CI machine). */
function haveWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT'; // wrk --version exits 1 but exists
  }
}
if (!haveWrk()) {
  if (process.getuid?.() === 0) {
    process.stderr.write('[bench] installing Debian wrk\n');
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'wrk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!haveWrk()) {
    console.error('bench needs Debian wrk: apt-get install -y wrk');
    process.exit(1);
  }
}

interface Row { group: string; subject: string; r?: LoadResult; note?: string; ratio?: number; target?: string; load?: [number, number] }
const rows: Row[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
const dir = mkdtempSync(join(tmpdir(), 'latchkey-bench-'));
cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

async function latchkeyNode(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  // BENCH_NODE_ARGS: extra node flags for the Latchkey nodes (e.g. --cpu-prof). The node runs the
  // compiled build (dist/) when it is current, as `npm start` does (bench/peers/latchkey-node.mjs).
  const c = await startChild([...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), ...nodeEntry()], benchNodeEnv(port, dir, env), {});
  cleanups.push(() => c.stop());
  return c;
}
async function peer(script: string): Promise<Child> {
  const c = await startChild(['--import', 'tsx', here(script)], {});
  cleanups.push(() => c.stop());
  return c;
}
function ipc(c: Child, msg: string): Promise<any> {
  return new Promise((resolve) => {
    c.child.once('message', resolve);
    c.child.send!(msg);
  });
}
/** POST a JSON body through `agent` (one socket per request); resolves with the status once the answer is read. */
function post(url: string, body: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: 120_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const check = (r: LoadResult, what: string) => {
  if (r.non2xx || r.errors) log(`WARNING ${what}: ${r.non2xx} non-2xx answers, ${r.errors} socket errors of ${r.requests}`);
  return r;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** One subject's runs across the interleaved rounds, with the 1-minute load average seen around them. */
interface Series { runs: LoadResult[]; loads: number[] }
const med = (s: Series): LoadResult => ({
  rps: median(s.runs.map((r) => r.rps)), p50: median(s.runs.map((r) => r.p50)), p99: median(s.runs.map((r) => r.p99)),
  requests: s.runs.reduce((a, r) => a + r.requests, 0), non2xx: s.runs.reduce((a, r) => a + r.non2xx, 0), errors: s.runs.reduce((a, r) => a + r.errors, 0),
});
const loadRange = (...ss: Series[]): [number, number] => { const l = ss.flatMap((s) => s.loads); return [Math.min(...l), Math.max(...l)]; };
/** Median over the rounds of subject ÷ baseline requests/s, each ratio from one round (the two ran back to back). */
const ratioOf = (a: Series, b: Series) => median(a.runs.map((r, i) => r.rps / b.runs[i]!.rps));

/**
 * Runs every subject once per round, in the order given, ROUNDS times (A, B, C, A, B, C, …): a
 * change in the machine's load (other engineers' tests share it) touches all alike.
 * `run(round)` gets the round number (0-based) for per-round inputs such as fresh codes.
 */
async function interleaved(subjects: Array<[string, (round: number) => Promise<LoadResult>]>): Promise<Record<string, Series>> {
  const out: Record<string, Series> = Object.fromEntries(subjects.map(([k]) => [k, { runs: [], loads: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, run] of subjects) {
      const before = loadavg()[0]!;
      out[k]!.runs.push(await run(round));
      out[k]!.loads.push(before, loadavg()[0]!);
    }
  }
  return out;
}

/** One database with the app and enough codes for one token run per file (one file per node and round). */
async function tokenSetup(url: string, keys: string, files: number, tag: string, perFile = Math.ceil((SECONDS + 1) * 5_000)) {
  const app = await prepareDatabase(url);
  const out: string[] = [];
  for (let i = 0; i < files; i++) {
    const file = join(dir, `codes-${tag}-${i}.txt`);
    // Generous: a run wraps around (and reports non-2xx replays) only if Latchkey exceeds this.
    await mintCodes(url, keys, app, perFile, file, `${tag}${i}`);
    out.push(file);
  }
  return { app, files: out };
}
const tokenLoad = (node: Child, file: string, connections = CONN) =>
  wrk({ url: node.url, method: 'POST', path: '/connect/token', contentType: 'application/json', bodyFile: file, connections, seconds: SECONDS });
const rateOnly = (rps: number): LoadResult => ({ rps, p50: NaN, p99: NaN, requests: 0, non2xx: 0, errors: 0 });

try {
  const pgdbs: PgDatabase[] = [];
  cleanups.push(async () => { for (const d of pgdbs) await d.drop(); });

  // --- /connect/token: Latchkey (SQLite) vs oidc-provider vs bare Fastify vs raw SQLite ---------
  if (ONLY.has('token') || ONLY.has('account')) {
    const keys = newKeys();
    const sqliteUrl = `sqlite:${join(dir, 'token.db')}`;
    const s = await tokenSetup(sqliteUrl, keys, ROUNDS + 1, 's');
    const ceilingFile = join(dir, 'ceiling.db');
    const ceilingApp = await prepareDatabase(`sqlite:${ceilingFile}`);
    const lk = await latchkeyNode({ LATCHKEY_DATABASE_URL: sqliteUrl, LATCHKEY_ENCRYPTION_KEYS: keys });
    const oidc = await peer('./peers/oidc.ts');
    const bare = await peer('./peers/bare-fastify.ts');
    const oidcBody = join(dir, 'oidc-token.txt');
    writeFileSync(oidcBody, 'grant_type=client_credentials&client_id=bench&client_secret=bench-secret-0123456789abcdef0123456789&scope=api\n');
    const bareBody = join(dir, 'bare-token.txt');
    writeFileSync(bareBody, `${JSON.stringify({ client_id: s.app.client_id, client_secret: s.app.client_secret, code: 'lkac_abcdefghijklmnopqrstuvwxyz0123456789' })}\n`);

    if (ONLY.has('token')) {
      log(`token: oidc-provider, bare Fastify, Latchkey/SQLite, raw SQLite transaction — ${ROUNDS} interleaved rounds`);
      const t = await interleaved([
        ['oidc', async () => check(await wrk({ url: oidc.url, method: 'POST', path: '/token', contentType: 'application/x-www-form-urlencoded', bodyFile: oidcBody, connections: CONN, seconds: SECONDS }), 'oidc token')],
        ['bare', async () => check(await wrk({ url: bare.url, method: 'POST', path: '/token', contentType: 'application/json', bodyFile: bareBody, connections: CONN, seconds: SECONDS }), 'bare POST')],
        ['latchkey', async (round) => check(await tokenLoad(lk, s.files[round]!), 'latchkey token sqlite')],
        ['ceiling', async (round) => rateOnly(sqliteCeiling(ceilingFile, ceilingApp.client_id, SECONDS, `r${round}`))],
      ]);
      rows.push({ group: 'token', subject: 'oidc-provider /token (client_credentials, opaque, in-memory)', r: med(t.oidc!), load: loadRange(t.oidc!) });
      rows.push({ group: 'token', subject: 'bare Fastify JSON POST', r: med(t.bare!), load: loadRange(t.bare!) });
      rows.push({ group: 'token', subject: 'raw better-sqlite3: the token path\'s writes, one transaction', r: med(t.ceiling!), load: loadRange(t.ceiling!) });
      rows.push({ group: 'token', subject: 'Latchkey /connect/token (SQLite)', r: med(t.latchkey!), ratio: ratioOf(t.latchkey!, t.oidc!), target: '≥ 1.0× oidc-provider, p99 < 50 ms', load: loadRange(t.latchkey!, t.oidc!) });
      rows.push({ group: 'token', subject: '  … same, vs raw SQLite transaction', r: med(t.latchkey!), ratio: ratioOf(t.latchkey!, t.ceiling!), target: '≥ 0.4×', load: loadRange(t.latchkey!, t.ceiling!) });
      rows.push({ group: 'token', subject: '  … same, vs bare Fastify POST', r: med(t.latchkey!), ratio: ratioOf(t.latchkey!, t.bare!), load: loadRange(t.latchkey!, t.bare!) });
    }

    if (ONLY.has('account')) {
      log(`account: bare GET, oidc introspection, Latchkey GET /account — ${ROUNDS} interleaved rounds`);
      // One real token for GET /account, and one oidc-provider token for its introspection.
      const token = await exchangeOne(lk.url, s.files[ROUNDS]!);
      const ot = await fetch(`${oidc.url}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&client_id=bench&client_secret=bench-secret-0123456789abcdef0123456789&scope=api' });
      const oidcToken = ((await ot.json()) as { access_token: string }).access_token;
      const introBody = join(dir, 'oidc-intro.txt');
      writeFileSync(introBody, `token=${oidcToken}&client_id=bench&client_secret=bench-secret-0123456789abcdef0123456789\n`);
      const a = await interleaved([
        ['bare', async () => check(await wrk({ url: bare.url, path: '/account', connections: CONN, seconds: SECONDS }), 'bare GET')],
        ['oidc', async () => check(await wrk({ url: oidc.url, method: 'POST', path: '/token/introspection', contentType: 'application/x-www-form-urlencoded', bodyFile: introBody, connections: CONN, seconds: SECONDS }), 'oidc introspection')],
        ['latchkey', async () => check(await wrk({ url: lk.url, path: '/account', authorization: `Bearer ${token}`, connections: CONN, seconds: SECONDS }), 'latchkey account')],
      ]);
      rows.push({ group: 'account', subject: 'bare Fastify GET', r: med(a.bare!), load: loadRange(a.bare!) });
      rows.push({ group: 'account', subject: 'oidc-provider introspection', r: med(a.oidc!), load: loadRange(a.oidc!) });
      rows.push({ group: 'account', subject: 'Latchkey GET /account (SQLite)', r: med(a.latchkey!), ratio: ratioOf(a.latchkey!, a.bare!), target: '≥ 0.6× bare Fastify GET (aim 0.8×)', load: loadRange(a.latchkey!, a.bare!) });
      rows.push({ group: 'account', subject: '  … same, vs oidc-provider introspection', r: med(a.latchkey!), ratio: ratioOf(a.latchkey!, a.oidc!), load: loadRange(a.latchkey!, a.oidc!) });
    }
    await lk.stop();
    await oidc.stop();
    await bare.stop();
  }

  // --- token path on PostgreSQL: pgbench ceiling vs 1 node; then 2 nodes -----------------------
  if (ONLY.has('token') || ONLY.has('nodes')) {
    const keys = newKeys();
    const db1 = await createPgDatabase();
    pgdbs.push(db1);
    const p = await tokenSetup(db1.url, keys, ROUNDS, 'p', Math.ceil((SECONDS + 1) * 2_000));
    log(`token: pgbench ceiling and Latchkey/PostgreSQL 1 node — ${ROUNDS} interleaved rounds`);
    const one = await latchkeyNode({ LATCHKEY_DATABASE_URL: db1.url, LATCHKEY_ENCRYPTION_KEYS: keys, LATCHKEY_DATABASE_POOL_SIZE: '16' });
    const t = await interleaved([
      ['pgbench', async (round) => rateOnly(await pgbenchCeiling(db1.url, p.app.client_id, SECONDS, 16, dir, `pg${round}`))],
      ['latchkey', async (round) => check(await tokenLoad(one, p.files[round]!), 'latchkey token pg')],
    ]);
    await one.stop();
    rows.push({ group: 'db', subject: 'pgbench: the token path\'s writes, one transaction, 16 clients', r: med(t.pgbench!), load: loadRange(t.pgbench!) });
    rows.push({ group: 'db', subject: 'Latchkey /connect/token (PostgreSQL, 1 node)', r: med(t.latchkey!), ratio: ratioOf(t.latchkey!, t.pgbench!), target: '≥ 0.5× pgbench', load: loadRange(t.latchkey!, t.pgbench!) });

    if (ONLY.has('nodes')) {
      const db2 = await createPgDatabase();
      pgdbs.push(db2);
      const q = await tokenSetup(db2.url, keys, 3, 'q', Math.ceil((SECONDS + 1) * 2_000));
      log('token: Latchkey/PostgreSQL, 1 node then 2 nodes (one round each: informative)');
      const a = await latchkeyNode({ LATCHKEY_DATABASE_URL: db2.url, LATCHKEY_ENCRYPTION_KEYS: keys, LATCHKEY_DATABASE_POOL_SIZE: '16' });
      const l1 = check(await tokenLoad(a, q.files[2]!), 'one node');
      const b = await latchkeyNode({ LATCHKEY_DATABASE_URL: db2.url, LATCHKEY_ENCRYPTION_KEYS: keys, LATCHKEY_DATABASE_POOL_SIZE: '16' });
      const load0 = loadavg()[0]!;
      const [ra, rb] = await Promise.all([tokenLoad(a, q.files[0]!, CONN / 2), tokenLoad(b, q.files[1]!, CONN / 2)]);
      check(ra, 'node a');
      check(rb, 'node b');
      const sum: LoadResult = { rps: ra.rps + rb.rps, p50: Math.max(ra.p50, rb.p50), p99: Math.max(ra.p99, rb.p99), requests: ra.requests + rb.requests, non2xx: ra.non2xx + rb.non2xx, errors: ra.errors + rb.errors };
      rows.push({ group: 'db', subject: 'Latchkey /connect/token (PostgreSQL, 2 nodes)', r: sum, ratio: sum.rps / l1.rps, target: 'vs 1 node (informative: 2 cores also run PostgreSQL and wrk)', load: [load0, loadavg()[0]!] });
      await a.stop();
      await b.stop();
    }
  }

  // --- /connect/authorize vs raw imapflow + nodemailer, against the local Dovecot --------------
  let dovecot: DovecotPeer | undefined;
  if (ONLY.has('authorize')) {
    // One Dovecot user per concurrent loop: Dovecot allows 10 connections per user and address,
    // and closing sessions linger a moment.
    const benchUsers = Array.from({ length: AUTH_C }, (_, i) => [`bench${i}@example.test`, `bench-secret-${i}`] as [string, string]);
    dovecot = await startDovecot({ users: Object.fromEntries(benchUsers) });
    cleanups.push(() => dovecot!.stop());
    const url = `sqlite:${join(dir, 'authorize.db')}`;
    const app = await prepareDatabase(url);
    const lk = await latchkeyNode({ LATCHKEY_DATABASE_URL: url, LATCHKEY_ENCRYPTION_KEYS: newKeys(), LATCHKEY_TLS_CA_FILE: dovecot.caPath });
    const body = join(dir, 'authorize.txt');
    writeFileSync(body, benchUsers.map(([user, pass]) => JSON.stringify({
      client_id: app.client_id, name: 'Bench', email_address: user, provider: 'imap',
      settings: { imap_host: dovecot!.host, imap_port: dovecot!.imapTlsPort, imap_security: 'ssl', imap_password: pass, smtp_host: dovecot!.host, smtp_port: dovecot!.submissionStartTlsPort, smtp_security: 'starttls' },
    })).join('\n') + '\n');
    log(`authorize: raw imapflow+nodemailer (one reused TLS context) and Latchkey, concurrency ${AUTH_C} — ${ROUNDS} interleaved rounds`);
    const raw = () => new Promise<LoadResult>((resolve, reject) => {
      startChild(['--import', 'tsx', here('./peers/raw-login.ts')], {
        HOST: dovecot!.host, IMAP_PORT: String(dovecot!.imapTlsPort), SMTP_PORT: String(dovecot!.submissionStartTlsPort), CA_FILE: dovecot!.caPath,
        USERS: JSON.stringify(benchUsers), CONCURRENCY: String(AUTH_C), SECONDS: String(SECONDS + 1),
      }).catch((err: Error) => {
        const m = /RESULT (\{.*\})/.exec(err.message);
        if (!m) return reject(err);
        const j = JSON.parse(m[1]!);
        resolve({ rps: j.rps, p50: j.p50, p99: j.p99, requests: j.ops, non2xx: 0, errors: 0 });
      });
    });
    const a = await interleaved([
      ['raw', raw],
      ['latchkey', async () => check(await wrk({ url: lk.url, method: 'POST', path: '/connect/authorize', contentType: 'application/json', bodyFile: body, connections: AUTH_C, seconds: SECONDS + 1 }), 'latchkey authorize')],
    ]);
    rows.push({ group: 'authorize', subject: `raw imapflow + nodemailer, one TLS context (IMAP+SMTP, c=${AUTH_C})`, r: med(a.raw!), load: loadRange(a.raw!) });
    rows.push({ group: 'authorize', subject: `Latchkey /connect/authorize (c=${AUTH_C})`, r: med(a.latchkey!), ratio: ratioOf(a.latchkey!, a.raw!), target: '≥ 0.95× raw', load: loadRange(a.latchkey!, a.raw!) });
    await lk.stop();
  }

  // --- 1,000 concurrent authorizes against a server whose greeting takes 2 s, and GET /account
  // --- from a second client meanwhile -----------------------------------------------------------
  if (ONLY.has('slow')) {
    const ca = await makeCA(dir, 'bench-ca');
    const leaf = await issueCert(dir, ca, { name: 'slow', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    const tls = { key: leaf.keyPem, cert: leaf.certPem };
    const imap = await startFakeImap({ tls, greetingDelayMs: 2000, login: () => 'OK LOGIN completed' });
    const smtp = await startFakeSmtp({ tls, auth: () => '235 2.7.0 Authentication successful' });
    cleanups.push(() => imap.close());
    cleanups.push(() => smtp.close());
    const keys = newKeys();
    log(`slow: ${SLOW_N} concurrent authorizes, greeting after 2 s, GET /account from a second client — ${ROUNDS} rounds, a fresh node each`);
    // Admission control as configured by default, and (the comparison) bounded so high it never
    // queues: interleaved, a fresh node each round.
    type Burst = { ok: number; busy: number; other: number; wall: number; loopP99: number; loopMax: number; peak: number; idle: number; r: LoadResult };
    const configs = [
      { label: 'admission control (defaults: 128 in flight)', env: {} as Record<string, string> },
      { label: 'no admission bound', env: { LATCHKEY_VERIFY_MAX_IN_FLIGHT: '100000' } },
    ];
    const results = configs.map(() => ({ bursts: [] as Burst[], quiet: [] as LoadResult[], during: [] as LoadResult[], loads: [] as number[] }));
    for (let round = 0; round < ROUNDS; round++) for (const [ci, config] of configs.entries()) {
      const { bursts, quiet, during, loads } = results[ci]!;
      const url = `sqlite:${join(dir, `slow-${round}-${ci}.db`)}`;
      const codes = await tokenSetup(url, keys, 1, `slow${round}c${ci}`, 1);
      const lk = await latchkeyNode({ LATCHKEY_DATABASE_URL: url, LATCHKEY_ENCRYPTION_KEYS: keys, LATCHKEY_TLS_CA_FILE: ca.certPath, ...config.env });
      const token = await exchangeOne(lk.url, codes.files[0]!);
      const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
      const body = (i: number) => JSON.stringify({
        client_id: codes.app.client_id, name: 'U', email_address: `u${i}@slow.test`, provider: 'imap',
        settings: { imap_host: '127.0.0.1', imap_port: imap.port, imap_username: `u${i}`, imap_security: 'ssl', imap_password: 'pw', smtp_host: '127.0.0.1', smtp_port: smtp.port, smtp_username: `u${i}`, smtp_security: 'ssl' },
      });
      loads.push(loadavg()[0]!);
      // The second client alone first (its baseline), then during the burst.
      quiet.push(await accountPoller(lk.url, token).runFor(3000));
      const idle = (await ipc(lk, 'stats')).rss as number;
      await ipc(lk, 'reset');
      const poller = accountPoller(lk.url, token);
      const polling = poller.runUntilStopped();
      const started = performance.now();
      const lat: number[] = [];
      const statuses = await Promise.all(Array.from({ length: SLOW_N }, async (_, i) => {
        const t = performance.now();
        const status = await post(`${lk.url}/connect/authorize`, body(i), agent);
        lat.push(performance.now() - t);
        return status;
      }));
      const wall = (performance.now() - started) / 1000;
      poller.stop();
      during.push(await polling);
      const st = await ipc(lk, 'stats');
      const peak = lk.peakRss();
      loads.push(loadavg()[0]!);
      lat.sort((a, b) => a - b);
      const ok = statuses.filter((x) => x === 200).length;
      const busy = statuses.filter((x) => x === 503).length;
      bursts.push({
        ok, busy, other: SLOW_N - ok - busy, wall, loopP99: st.p99, loopMax: st.max, peak, idle,
        r: { rps: SLOW_N / wall, p50: lat[Math.floor(lat.length / 2)]!, p99: lat[Math.floor(lat.length * 0.99)]!, requests: SLOW_N, non2xx: SLOW_N - ok, errors: 0 },
      });
      agent.destroy();
      await lk.stop();
    }
    for (const [ci, config] of configs.entries()) {
      const { bursts, quiet, during, loads } = results[ci]!;
      const load: [number, number] = [Math.min(...loads), Math.max(...loads)];
      const b = (f: (x: Burst) => number) => median(bursts.map(f));
      rows.push({
        group: 'slow', subject: `${SLOW_N} concurrent authorizes, 2 s greeting — ${config.label}`, r: med({ runs: bursts.map((x) => x.r), loads: [] }), load,
        note: `medians of ${ROUNDS} rounds: ${b((x) => x.ok)}/${SLOW_N} answered 200, ${b((x) => x.busy)} answered 503 verification_busy, ${b((x) => x.other)} other, in ${b((x) => x.wall).toFixed(1)} s; event-loop delay p99 ${b((x) => x.loopP99).toFixed(1)} ms (max ${b((x) => x.loopMax).toFixed(0)} ms); peak RSS ${(b((x) => x.peak) / 2 ** 20).toFixed(0)} MB (${(b((x) => x.idle) / 2 ** 20).toFixed(0)} MB before the burst)`,
        target: '< 50 ms loop p99, < 250 MB',
      });
      rows.push({ group: 'slow', subject: `  GET /account, second client (c=1), alone — ${config.label}`, r: med({ runs: quiet, loads: [] }), load });
      rows.push({ group: 'slow', subject: `  GET /account, second client (c=1), during the burst — ${config.label}`, r: med({ runs: during, loads: [] }), ratio: median(during.map((x, i) => x.p99 / quiet[i]!.p99)), target: 'p99 during ÷ alone (ratio column): ~1', load });
    }
  }
} finally {
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch((err: unknown) => log(`cleanup: ${(err as Error).message}`));
}

/** Exchanges the last code of `file` for an access token. */
async function exchangeOne(url: string, file: string): Promise<string> {
  const r = await fetch(`${url}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: readFileSync(file, 'utf8').trim().split('\n').at(-1)! });
  const j = (await r.json()) as { access_token?: string };
  if (!j.access_token) throw new Error(`token exchange failed: ${JSON.stringify(j)}`);
  return j.access_token;
}

/** One client calling GET /account in a loop (one request at a time, keep-alive), latencies in ms. */
function accountPoller(url: string, token: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let stopped = false;
  const once = () => new Promise<void>((resolve, reject) => {
    const req = httpRequest(`${url}/account`, { agent, headers: { authorization: `Bearer ${token}` }, timeout: 60_000 }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`GET /account ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
  const loop = async (until: () => boolean): Promise<LoadResult> => {
    const lat: number[] = [];
    const t0 = performance.now();
    while (!until()) {
      const t = performance.now();
      await once();
      lat.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
    agent.destroy();
    lat.sort((a, b) => a - b);
    return { rps: lat.length / ((performance.now() - t0) / 1000), p50: lat[Math.floor(lat.length / 2)] ?? NaN, p99: lat[Math.floor(lat.length * 0.99)] ?? NaN, requests: lat.length, non2xx: 0, errors: 0 };
  };
  return {
    runFor: (ms: number) => { const end = performance.now() + ms; return loop(() => performance.now() >= end); },
    runUntilStopped: () => loop(() => stopped),
    stop: () => { stopped = true; },
  };
}
// --- the table ------------------------------------------------------------------------------
const fmt = (n: number | undefined, d = 0) => (n === undefined || Number.isNaN(n) ? '' : n.toFixed(d));
const header = ['group', 'subject', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'target', 'load avg'];
const body = rows.map((r) => [r.group, r.subject, fmt(r.r?.rps), fmt(r.r?.p50, 1), fmt(r.r?.p99, 1), r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`, r.target ?? '', r.load ? `${r.load[0].toFixed(1)}–${r.load[1].toFixed(1)}` : '']);
const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
console.log(`\nLatchkey bench — ${new Date().toISOString()} — ${ROUNDS} interleaved rounds per group, medians (ratios: median of per-round ratios), ${SECONDS} s per run, ${CONN} connections (wrk), loopback, servers at log level info; load avg = 1-minute load average seen during the rows' runs (${cpus().length} cores)`);
console.log(line(header));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const b of body) console.log(line(b));
for (const r of rows.filter((x) => x.note)) console.log(`\n${r.subject}: ${r.note}`);
