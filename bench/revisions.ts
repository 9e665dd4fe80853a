/**
 * `npm run bench:revisions [REV]`: this working tree against another git revision (default
 * `origin/main`, else `main`), the same Latchkey paths measured on both in one run, rounds
 * interleaved (base, head, base, head …), medians, each ratio the median of per-round ratios.
 * For a refactor: "no regression" is every ratio ≥ 0.95× (run-to-run noise on a 2-core machine
 * is about ±5 %; rerun before believing a lower one).
 *
 * The revision is checked out into a temporary git worktree that borrows this checkout's
 * node_modules (a symlink inside the temporary folder, removed afterwards); it must have
 * `bench/peers/latchkey-node.mjs` and `bench/lib/setup.ts` (main from 129f135 on). Each side
 * runs its own sources through tsx, and its own migrations make its database.
 *
 * Groups: `POST /connect/token` (SQLite, BENCH_CONNECTIONS connections), `GET /account`, and
 * `POST /connect/authorize` against the local Dovecot (BENCH_AUTH_CONCURRENCY). BENCH_SECONDS,
 * BENCH_ROUNDS (default 3), BENCH_ONLY=token,account,authorize as in bench/run.ts. Loopback only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wrk, type LoadResult } from './lib/wrk.ts';
import { benchNodeEnv, freePort, startChild, type Child } from './lib/child.ts';
import { newKeys } from './lib/setup.ts';
import { startDovecot } from '../test/peers/dovecot.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONN = Number(process.env.BENCH_CONNECTIONS ?? 32);
const AUTH_C = Number(process.env.BENCH_AUTH_CONCURRENCY ?? 4);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const ONLY = new Set((process.env.BENCH_ONLY ?? 'token,account,authorize').split(','));
const HEAD = fileURLToPath(new URL('..', import.meta.url));
const git = (...args: string[]) => execFileSync('git', ['-C', HEAD, ...args], { encoding: 'utf8' }).trim();
const rev = process.argv[2] ?? (tryGit('rev-parse', '--verify', '-q', 'origin/main') ? 'origin/main' : 'main');
function tryGit(...args: string[]): boolean {
  try {
    git(...args);
    return true;
  } catch {
    return false;
  }
}
const log = (s: string) => process.stderr.write(`[bench:revisions] ${s}\n`);

const dir = mkdtempSync(join(tmpdir(), 'latchkey-revisions-'));
const BASE = join(dir, 'base');
const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
const sha = git('rev-parse', '--short', rev);
git('worktree', 'add', '--detach', '-q', BASE, sha);
cleanups.push(() => void tryGit('worktree', 'remove', '--force', BASE));
symlinkSync(join(HEAD, 'node_modules'), join(BASE, 'node_modules'));
const sides = [
  { name: `base ${sha}`, root: BASE },
  { name: 'head (working tree)', root: HEAD },
];

/** One Latchkey node of `root` (its own bench/peers/latchkey-node.mjs, through tsx). */
async function node(root: string, env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const c = await startChild(['--import', 'tsx', join(root, 'bench/peers/latchkey-node.mjs')], benchNodeEnv(port, dir, env));
  cleanups.push(() => c.stop());
  return c;
}

/** A database made by `root`'s own migrations, with the bench app and `files` files of codes. */
function setup(root: string, url: string, keys: string, files: number, tag: string): { client_id: string; files: string[] } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./peers/revision-setup.ts', import.meta.url)), root, url, keys, String(files),
      String(Math.ceil((SECONDS + 1) * 5_000)), tag, dir],
    { cwd: root, encoding: 'utf8' },
  );
  const m = /SETUP (\{.*\})/.exec(out);
  if (!m) throw new Error(`setup printed nothing:\n${out}`);
  return JSON.parse(m[1]!);
}

const check = (r: LoadResult, what: string) => {
  if (r.non2xx || r.errors) log(`WARNING ${what}: ${r.non2xx} non-2xx answers, ${r.errors} socket errors of ${r.requests}`);
  return r;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
interface Row { group: string; base: LoadResult[]; head: LoadResult[]; loads: number[] }
const rows: Row[] = [];

/** Runs base then head `ROUNDS` times (interleaved). */
async function interleaved(group: string, run: (side: number, round: number) => Promise<LoadResult>): Promise<void> {
  const row: Row = { group, base: [], head: [], loads: [] };
  for (let round = 0; round < ROUNDS; round++) {
    row.loads.push(loadavg()[0]!);
    row.base.push(await run(0, round));
    row.head.push(await run(1, round));
  }
  row.loads.push(loadavg()[0]!);
  rows.push(row);
}

try {
  if (ONLY.has('token') || ONLY.has('account')) {
    const keys = newKeys();
    const nodes: Child[] = [];
    const codes: Array<{ client_id: string; files: string[] }> = [];
    for (const [i, s] of sides.entries()) {
      const url = `sqlite:${join(dir, `token-${i}.db`)}`;
      log(`${s.name}: database and codes`);
      codes.push(setup(s.root, url, keys, ROUNDS + 1, `r${i}`));
      nodes.push(await node(s.root, { LATCHKEY_DATABASE_URL: url, LATCHKEY_ENCRYPTION_KEYS: keys }));
    }
    if (ONLY.has('token')) {
      log(`token: ${ROUNDS} interleaved rounds`);
      await interleaved('POST /connect/token (SQLite)', async (side, round) =>
        check(await wrk({ url: nodes[side]!.url, method: 'POST', path: '/connect/token', contentType: 'application/json',
          bodyFile: codes[side]!.files[round]!, connections: CONN, seconds: SECONDS }), `token ${side}`));
    }
    if (ONLY.has('account')) {
      const tokens: string[] = [];
      for (const [side, n] of nodes.entries()) {
        const body = readFileSync(codes[side]!.files[ROUNDS]!, 'utf8').trim().split('\n').at(-1)!;
        const r = await fetch(`${n.url}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const j = (await r.json()) as { access_token?: string };
        if (!j.access_token) throw new Error(`token exchange failed: ${JSON.stringify(j)}`);
        tokens.push(j.access_token);
      }
      log(`account: ${ROUNDS} interleaved rounds`);
      await interleaved('GET /account (SQLite)', async (side) =>
        check(await wrk({ url: nodes[side]!.url, path: '/account', authorization: `Bearer ${tokens[side]}`, connections: CONN,
          seconds: SECONDS }), `account ${side}`));
    }
    for (const n of nodes) await n.stop();
  }

  if (ONLY.has('authorize')) {
    const users = Array.from({ length: AUTH_C }, (_, i) => [`bench${i}@example.test`, `bench-secret-${i}`] as [string, string]);
    const dovecot = await startDovecot({ users: Object.fromEntries(users) });
    cleanups.push(() => dovecot.stop());
    const keys = newKeys();
    const nodes: Child[] = [];
    const bodies: string[] = [];
    for (const [i, s] of sides.entries()) {
      const url = `sqlite:${join(dir, `authorize-${i}.db`)}`;
      const app = setup(s.root, url, keys, 0, `a${i}`);
      nodes.push(await node(s.root, { LATCHKEY_DATABASE_URL: url, LATCHKEY_ENCRYPTION_KEYS: keys, LATCHKEY_TLS_CA_FILE: dovecot.caPath }));
      const body = join(dir, `authorize-${i}.txt`);
      const settings = (pass: string) => ({
        imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_security: 'ssl', imap_password: pass,
        smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'starttls',
      });
      const line = ([user, pass]: [string, string]) =>
        JSON.stringify({ client_id: app.client_id, name: 'Bench', email_address: user, provider: 'imap', settings: settings(pass) });
      writeFileSync(body, `${users.map(line).join('\n')}\n`);
      bodies.push(body);
    }
    log(`authorize: Dovecot, concurrency ${AUTH_C}, ${ROUNDS} interleaved rounds`);
    await interleaved(`POST /connect/authorize (Dovecot, c=${AUTH_C})`, async (side) =>
      check(await wrk({ url: nodes[side]!.url, method: 'POST', path: '/connect/authorize', contentType: 'application/json',
        bodyFile: bodies[side]!, connections: AUTH_C, seconds: SECONDS + 1 }), `authorize ${side}`));
  }

  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  console.log(`\nhead (working tree) vs base ${sha}: ${ROUNDS} interleaved rounds of ${SECONDS} s, medians; no regression: ratio ≥ 0.95×\n`);
  console.log('| path | base req/s | head req/s | head p99 ms (base) | head ÷ base | load |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const ratio = median(r.head.map((h, i) => h.rps / r.base[i]!.rps));
    const p99 = `${median(r.head.map((x) => x.p99)).toFixed(1)} (${median(r.base.map((x) => x.p99)).toFixed(1)})`;
    const load = `${Math.min(...r.loads).toFixed(1)}–${Math.max(...r.loads).toFixed(1)}`;
    console.log(`| ${r.group} | ${f(median(r.base.map((x) => x.rps)))} | ${f(median(r.head.map((x) => x.rps)))} | ${p99} | ` +
      `${ratio.toFixed(2)}× | ${load} |`);
  }
} finally {
  for (const c of cleanups.reverse()) await c();
}
