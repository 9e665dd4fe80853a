/**
 * How late, after the authorize deadline (LATCHKEY_AUTHORIZE_TIMEOUT_MS, config
 * `timeouts.authorizeMs`), `/connect/authorize` answers when the mail server never finishes its
 * greeting — issue 18's goal: deadline + 250 ms, for 100 authorizes at once. Two kinds of server
 * on loopback: silent (accepts, never writes) and endless greeting (`* OK ` then a byte every
 * 20 ms, never a line end). Baseline in the same run: 100 timers of the same length set at once
 * in the same process (the event loop's own lateness). Rounds interleaved: silent, endless,
 * baseline, `BENCH_ROUNDS` times (default 3). Loopback only.
 *
 *   node --import tsx bench/authorize-deadline.ts        (npm run bench:deadline)
 *   BENCH_DEADLINE_MS=2000 BENCH_CONCURRENCY=100 BENCH_ROUNDS=3
 */
import { createServer, type Server, type Socket } from 'node:net';
import { loadavg } from 'node:os';
import { startLatchkey } from '../test/support/latchkey.ts';
import { percentiles } from './lib/interleaved.ts';

const DEADLINE_MS = Math.max(1000, Number(process.env.BENCH_DEADLINE_MS ?? 2000));
const CONCURRENCY = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 100), 500);
const ROUNDS = Math.min(Number(process.env.BENCH_ROUNDS ?? 3), 20);

const held = new Set<Socket>();
function listen(onSocket: (s: Socket) => void): Promise<Server> {
  const server = createServer((s) => {
    held.add(s);
    s.on('error', () => undefined);
    s.on('close', () => held.delete(s));
    onSocket(s);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const silent = await listen(() => undefined);
const endless = await listen((s) => {
  s.write('* OK ');
  const t = setInterval(() => s.write('x'), 20);
  s.on('close', () => clearInterval(t));
});
const port = (s: Server) => (s.address() as { port: number }).port;

const lk = await startLatchkey({
  LATCHKEY_LOG_LEVEL: 'warn',
  LATCHKEY_AUTHORIZE_TIMEOUT_MS: String(DEADLINE_MS),
  // Every per-step timeout is longer than the deadline, so the deadline is what answers.
  LATCHKEY_GREETING_TIMEOUT_MS: String(DEADLINE_MS * 10),
  LATCHKEY_COMMAND_TIMEOUT_MS: String(DEADLINE_MS * 10),
  LATCHKEY_CONNECT_TIMEOUT_MS: String(DEADLINE_MS * 10),
  // One bench client, one IP, distinct mailboxes: the brute-force budget is not what is measured.
  LATCHKEY_LIMIT_CLIENT_PER_MINUTE: '100000', LATCHKEY_LIMIT_IP_FAILURES: '100000',
});

let serial = 0;
/** Lateness (ms after the deadline) of each of CONCURRENCY authorizes at once, and their answers. */
async function burst(server: Server): Promise<{ late: number[]; answers: Map<string, number> }> {
  const answers = new Map<string, number>();
  const late = await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    const n = serial++;
    const started = performance.now();
    const r = await lk.post('/connect/authorize', {
      client_id: lk.app.client_id, name: 'B', email_address: `b${n}@bench.test`, provider: 'imap',
      settings: { imap_host: '127.0.0.1', imap_port: port(server), imap_security: 'starttls', imap_password: 'x', smtp_host: '127.0.0.1', smtp_port: port(server), smtp_security: 'starttls' },
    });
    const key = `${r.status} ${r.body?.reason ?? ''}`;
    answers.set(key, (answers.get(key) ?? 0) + 1);
    return performance.now() - started - DEADLINE_MS;
  }));
  return { late, answers };
}

async function timers(): Promise<number[]> {
  return Promise.all(Array.from({ length: CONCURRENCY }, () => {
    const started = performance.now();
    return new Promise<number>((r) => setTimeout(() => r(performance.now() - started - DEADLINE_MS), DEADLINE_MS));
  }));
}

const all = { silent: [] as number[], endless: [] as number[], baseline: [] as number[] };
const answers = { silent: new Map<string, number>(), endless: new Map<string, number>() };
for (let round = 0; round < ROUNDS; round++) {
  for (const kind of ['silent', 'endless'] as const) {
    const r = await burst(kind === 'silent' ? silent : endless);
    all[kind].push(...r.late);
    for (const [k, v] of r.answers) answers[kind].set(k, (answers[kind].get(k) ?? 0) + v);
  }
  all.baseline.push(...await timers());
}

console.log(`deadline ${DEADLINE_MS} ms, ${CONCURRENCY} authorizes at once, ${ROUNDS} rounds (interleaved); load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const kind of ['silent', 'endless', 'baseline'] as const) {
  const p = percentiles(all[kind]);
  const max = Math.max(...all[kind]);
  const label = kind === 'baseline' ? `baseline (${CONCURRENCY} timers)` : `${kind} server`;
  const seen = kind === 'baseline' ? '' : `  answers: ${[...answers[kind]].map(([k, v]) => `${v}× ${k}`).join(', ')}`;
  console.log(`${label.padEnd(22)}after deadline: p50 ${p.p50.toFixed(0)} ms  p90 ${p.p90.toFixed(0)} ms  p99 ${p.p99.toFixed(0)} ms  max ${max.toFixed(0)} ms${seen}`);
}
const within = [...all.silent, ...all.endless].filter((x) => x <= 250).length;
console.log(`within deadline + 250 ms: ${within} of ${all.silent.length + all.endless.length}`);

await lk.stop();
for (const s of held) s.destroy();
silent.close();
endless.close();
