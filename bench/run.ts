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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request as httpRequest } from 'node:http';
import { wrk, type LoadResult } from './lib/wrk.ts';
import { startChild, freePort, type Child } from './lib/child.ts';
import { mintCodes, newKeys, prepareDatabase } from './lib/setup.ts';
import { createPgDatabase, type PgDatabase } from '../test/peers/postgres.ts';
import { startDovecot, type DovecotPeer } from '../test/peers/dovecot.ts';
import { startFakeImap } from '../test/peers/fake-imap.ts';
import { startFakeSmtp } from '../test/peers/fake-smtp.ts';
import { issueCert, makeCA } from '../test/peers/pki.ts';
import { execFileSync } from 'node:child_process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONN = Number(process.env.BENCH_CONNECTIONS ?? 32);
const AUTH_C = Number(process.env.BENCH_AUTH_CONCURRENCY ?? 4);
const SLOW_N = Number(process.env.BENCH_SLOW ?? 1000);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'token,account,authorize,slow,nodes').split(','));
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const BIN_NODE = here('./peers/latchkey-node.ts');

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

interface Row { group: string; subject: string; r?: LoadResult; note?: string; ratio?: number; target?: string }
const rows: Row[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
const dir = mkdtempSync(join(tmpdir(), 'latchkey-bench-'));
cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

async function latchkeyNode(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  // BENCH_NODE_ARGS: extra node flags for the Latchkey nodes (e.g. --cpu-prof).
  const c = await startChild([...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', BIN_NODE], {
    LATCHKEY_PORT: String(port), LATCHKEY_HOST: '127.0.0.1', LATCHKEY_DATA_DIR: dir, LATCHKEY_LOG_LEVEL: 'info',
    LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8', LATCHKEY_DNS_SERVERS: '127.0.0.1:1', LATCHKEY_EHLO_NAME: 'latchkey.test',
    LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_WEBHOOK_POLL_MS: '0',
    LATCHKEY_LIMIT_CLIENT_PER_MINUTE: '1000000', LATCHKEY_LIMIT_PAIR_FAILURES: '1000', LATCHKEY_LIMIT_IP_FAILURES: '100000',
    ...env,
  }, {});
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
const ratio = (a?: LoadResult, b?: LoadResult) => (a && b ? a.rps / b.rps : undefined);
const check = (r: LoadResult, what: string) => {
  if (r.non2xx || r.errors) log(`WARNING ${what}: ${r.non2xx} non-2xx answers, ${r.errors} socket errors of ${r.requests}`);
  return r;
};

/** One database with the app and enough codes for one token run per node. */
async function tokenSetup(url: string, keys: string, nodes: number, tag: string) {
  const app = await prepareDatabase(url);
  const files: string[] = [];
  for (let i = 0; i < nodes; i++) {
    const file = join(dir, `codes-${tag}-${i}.txt`);
    // Generous: the run wraps around (and reports non-2xx replays) only if Latchkey exceeds this.
    await mintCodes(url, keys, app, Math.ceil((SECONDS + 1) * 12_000 / nodes), file, `${tag}${i}`);
    files.push(file);
  }
  return { app, files };
}
const tokenLoad = (node: Child, file: string, connections = CONN) =>
  wrk({ url: node.url, method: 'POST', path: '/connect/token', contentType: 'application/json', bodyFile: file, connections, seconds: SECONDS });

try {
  const pgdbs: PgDatabase[] = [];
  cleanups.push(async () => { for (const d of pgdbs) await d.drop(); });

  // --- /connect/token: Latchkey (SQLite, PostgreSQL) vs oidc-provider vs bare Fastify ---------
  if (ONLY.has('token') || ONLY.has('account')) {
    const keys = newKeys();
    const sqliteUrl = `sqlite:${join(dir, 'token.db')}`;
    const s = await tokenSetup(sqliteUrl, keys, 1, 's');
    const lk = await latchkeyNode({ LATCHKEY_DATABASE_URL: sqliteUrl, LATCHKEY_ENCRYPTION_KEYS: keys });
    const oidc = await peer('./peers/oidc.ts');
    const bare = await peer('./peers/bare-fastify.ts');
    const oidcBody = join(dir, 'oidc-token.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(oidcBody, 'grant_type=client_credentials&client_id=bench&client_secret=bench-secret-0123456789abcdef0123456789&scope=api\n');
    const bareBody = join(dir, 'bare-token.txt');
    writeFileSync(bareBody, `${JSON.stringify({ client_id: s.app.client_id, client_secret: s.app.client_secret, code: 'lkac_abcdefghijklmnopqrstuvwxyz0123456789' })}\n`);

    if (ONLY.has('token')) {
      log('token: oidc-provider, bare Fastify, Latchkey/SQLite');
      const o = check(await wrk({ url: oidc.url, method: 'POST', path: '/token', contentType: 'application/x-www-form-urlencoded', bodyFile: oidcBody, connections: CONN, seconds: SECONDS }), 'oidc token');
      const b = check(await wrk({ url: bare.url, method: 'POST', path: '/token', contentType: 'application/json', bodyFile: bareBody, connections: CONN, seconds: SECONDS }), 'bare POST');
      const l = check(await tokenLoad(lk, s.files[0]!), 'latchkey token sqlite');
      rows.push({ group: 'token', subject: 'oidc-provider /token (client_credentials, opaque, in-memory)', r: o });
      rows.push({ group: 'token', subject: 'bare Fastify JSON POST', r: b });
      rows.push({ group: 'token', subject: 'Latchkey /connect/token (SQLite)', r: l, ratio: ratio(l, o), target: '≥ 2× oidc-provider' });
      rows.push({ group: 'token', subject: '  … same, vs bare Fastify POST', r: l, ratio: ratio(l, b) });
    }

    if (ONLY.has('account')) {
      log('account: bare GET, oidc introspection, Latchkey GET /account');
      // One real token for GET /account, and one oidc-provider token for its introspection.
      const t = await fetch(`${lk.url}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: (await import('node:fs')).readFileSync(s.files[0]!, 'utf8').trim().split('\n').at(-1)! });
      const token = ((await t.json()) as { access_token: string }).access_token;
      const ot = await fetch(`${oidc.url}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&client_id=bench&client_secret=bench-secret-0123456789abcdef0123456789&scope=api' });
      const oidcToken = ((await ot.json()) as { access_token: string }).access_token;
      const introBody = join(dir, 'oidc-intro.txt');
      writeFileSync(introBody, `token=${oidcToken}&client_id=bench&client_secret=bench-secret-0123456789abcdef0123456789\n`);
      const b = check(await wrk({ url: bare.url, path: '/account', connections: CONN, seconds: SECONDS }), 'bare GET');
      const o = check(await wrk({ url: oidc.url, method: 'POST', path: '/token/introspection', contentType: 'application/x-www-form-urlencoded', bodyFile: introBody, connections: CONN, seconds: SECONDS }), 'oidc introspection');
      const l = check(await wrk({ url: lk.url, path: '/account', authorization: `Bearer ${token}`, connections: CONN, seconds: SECONDS }), 'latchkey account');
      rows.push({ group: 'account', subject: 'bare Fastify GET', r: b });
      rows.push({ group: 'account', subject: 'oidc-provider introspection', r: o });
      rows.push({ group: 'account', subject: 'Latchkey GET /account (SQLite)', r: l, ratio: ratio(l, b), target: '≥ 0.8× bare Fastify GET' });
      rows.push({ group: 'account', subject: '  … same, vs oidc-provider introspection', r: l, ratio: ratio(l, o) });
    }
    await lk.stop();
    await oidc.stop();
    await bare.stop();
  }

  // --- token path on PostgreSQL, 1 node vs 2 nodes --------------------------------------------
  if (ONLY.has('token') || ONLY.has('nodes')) {
    const keys = newKeys();
    const db1 = await createPgDatabase();
    pgdbs.push(db1);
    const p = await tokenSetup(db1.url, keys, 1, 'p');
    const sqliteRow = rows.find((r) => r.subject === 'Latchkey /connect/token (SQLite)');
    log('token: Latchkey/PostgreSQL, 1 node');
    const one = await latchkeyNode({ LATCHKEY_DATABASE_URL: db1.url, LATCHKEY_ENCRYPTION_KEYS: keys, LATCHKEY_DATABASE_POOL_SIZE: '16' });
    const l1 = check(await tokenLoad(one, p.files[0]!), 'latchkey token pg');
    await one.stop();
    rows.push({ group: 'db', subject: 'Latchkey /connect/token (PostgreSQL, 1 node)', r: l1, ratio: ratio(l1, sqliteRow?.r), target: 'vs SQLite (informative)' });

    if (ONLY.has('nodes')) {
      const db2 = await createPgDatabase();
      pgdbs.push(db2);
      const q = await tokenSetup(db2.url, keys, 2, 'q');
      log('token: Latchkey/PostgreSQL, 2 nodes');
      const a = await latchkeyNode({ LATCHKEY_DATABASE_URL: db2.url, LATCHKEY_ENCRYPTION_KEYS: keys, LATCHKEY_DATABASE_POOL_SIZE: '16' });
      const b = await latchkeyNode({ LATCHKEY_DATABASE_URL: db2.url, LATCHKEY_ENCRYPTION_KEYS: keys, LATCHKEY_DATABASE_POOL_SIZE: '16' });
      const [ra, rb] = await Promise.all([tokenLoad(a, q.files[0]!, CONN / 2), tokenLoad(b, q.files[1]!, CONN / 2)]);
      check(ra, 'node a');
      check(rb, 'node b');
      const sum: LoadResult = { rps: ra.rps + rb.rps, p50: Math.max(ra.p50, rb.p50), p99: Math.max(ra.p99, rb.p99), requests: ra.requests + rb.requests, non2xx: ra.non2xx + rb.non2xx, errors: ra.errors + rb.errors };
      rows.push({ group: 'db', subject: 'Latchkey /connect/token (PostgreSQL, 2 nodes)', r: sum, ratio: ratio(sum, l1), target: 'vs 1 node (informative)' });
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
    (await import('node:fs')).writeFileSync(body, benchUsers.map(([user, pass]) => JSON.stringify({
      client_id: app.client_id, name: 'Bench', email_address: user, provider: 'imap',
      settings: { imap_host: dovecot!.host, imap_port: dovecot!.imapTlsPort, imap_security: 'ssl', imap_password: pass, smtp_host: dovecot!.host, smtp_port: dovecot!.submissionStartTlsPort, smtp_security: 'starttls' },
    })).join('\n') + '\n');
    log(`authorize: raw imapflow+nodemailer and Latchkey, concurrency ${AUTH_C}`);
    const raw = await new Promise<LoadResult>((resolve, reject) => {
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
    const l = check(await wrk({ url: lk.url, method: 'POST', path: '/connect/authorize', contentType: 'application/json', bodyFile: body, connections: AUTH_C, seconds: SECONDS + 1 }), 'latchkey authorize');
    rows.push({ group: 'authorize', subject: `raw imapflow + nodemailer (IMAP+SMTP, c=${AUTH_C})`, r: raw });
    rows.push({ group: 'authorize', subject: `Latchkey /connect/authorize (c=${AUTH_C})`, r: l, ratio: ratio(l, raw), target: '≥ 0.9× raw imapflow' });
    await lk.stop();
  }

  // --- 1,000 concurrent authorizes against a server whose greeting takes 2 s -------------------
  if (ONLY.has('slow')) {
    const ca = await makeCA(dir, 'bench-ca');
    const leaf = await issueCert(dir, ca, { name: 'slow', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    const tls = { key: leaf.keyPem, cert: leaf.certPem };
    const imap = await startFakeImap({ tls, greetingDelayMs: 2000, login: () => 'OK LOGIN completed' });
    const smtp = await startFakeSmtp({ tls, auth: () => '235 2.7.0 Authentication successful' });
    cleanups.push(() => imap.close());
    cleanups.push(() => smtp.close());
    const url = `sqlite:${join(dir, 'slow.db')}`;
    const app = await prepareDatabase(url);
    const lk = await latchkeyNode({ LATCHKEY_DATABASE_URL: url, LATCHKEY_ENCRYPTION_KEYS: newKeys(), LATCHKEY_TLS_CA_FILE: ca.certPath });
    const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
    const body = (i: number) => JSON.stringify({
      client_id: app.client_id, name: 'U', email_address: `u${i}@slow.test`, provider: 'imap',
      settings: { imap_host: '127.0.0.1', imap_port: imap.port, imap_username: `u${i}`, imap_security: 'ssl', imap_password: 'pw', smtp_host: '127.0.0.1', smtp_port: smtp.port, smtp_username: `u${i}`, smtp_security: 'ssl' },
    });
    const idle = (await ipc(lk, 'stats')).rss as number;
    await ipc(lk, 'reset');
    log(`slow: ${SLOW_N} concurrent authorizes, greeting after 2 s`);
    const started = performance.now();
    const lat: number[] = [];
    const statuses = await Promise.all(Array.from({ length: SLOW_N }, async (_, i) => {
      const t = performance.now();
      const status = await post(`${lk.url}/connect/authorize`, body(i), agent);
      lat.push(performance.now() - t);
      return status;
    }));
    const wall = (performance.now() - started) / 1000;
    const st = await ipc(lk, 'stats');
    const peak = lk.peakRss();
    lat.sort((a, b) => a - b);
    const ok = statuses.filter((s) => s === 200).length;
    const r: LoadResult = { rps: SLOW_N / wall, p50: lat[Math.floor(lat.length / 2)]!, p99: lat[Math.floor(lat.length * 0.99)]!, requests: SLOW_N, non2xx: SLOW_N - ok, errors: 0 };
    rows.push({
      group: 'slow', subject: `${SLOW_N} concurrent authorizes, 2 s greeting`, r,
      note: `${ok}/${SLOW_N} answered 200 in ${wall.toFixed(1)} s; event-loop delay p99 ${st.p99.toFixed(1)} ms (max ${st.max.toFixed(0)} ms); peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${(idle / 2 ** 20).toFixed(0)} MB before the burst: the node and tsx)`,
      target: '< 50 ms loop p99, < 300 MB',
    });
    agent.destroy();
    await lk.stop();
  }
} finally {
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch((err: unknown) => log(`cleanup: ${(err as Error).message}`));
}

// --- the table ------------------------------------------------------------------------------
const fmt = (n: number | undefined, d = 0) => (n === undefined ? '' : n.toFixed(d));
const header = ['group', 'subject', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'target'];
const body = rows.map((r) => [r.group, r.subject, fmt(r.r?.rps), fmt(r.r?.p50, 1), fmt(r.r?.p99, 1), r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`, r.target ?? '']);
const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
console.log(`\nLatchkey bench — ${new Date().toISOString()} — ${SECONDS} s per run, ${CONN} connections (wrk), loopback`);
console.log(line(header));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const b of body) console.log(line(b));
for (const r of rows.filter((x) => x.note)) console.log(`\n${r.subject}: ${r.note}`);
