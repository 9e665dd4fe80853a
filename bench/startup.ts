/**
 * `npm run bench:startup`: how long `npm start` (node bin/latchkey.js serve) takes from spawn to
 * its first answered `GET /healthz`, and its resident set 5 s after that, running the compiled
 * build (dist/) versus the TypeScript through tsx (LATCHKEY_FROM_SOURCE=1). Rounds interleaved
 * (`BENCH_ROUNDS`, default 5 each), medians printed with the load average. Each round starts on an
 * empty data directory (a first start: the database is created and migrated, a development key
 * and app are made) and on one already made (a restart). README goals: < 1 s, < 100 MB.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv, stopChild } from '../test/support/server-process.ts';
import { distState } from '../bin/dist.js';
import { freePort } from './lib/child.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BIN = fileURLToPath(new URL('../bin/latchkey.js', import.meta.url));
if (distState() !== 'current') {
  console.error('dist/ is not built from the current sources: npm run build first');
  process.exit(1);
}

/** One start: ms from spawn to the first 200 on /healthz, and VmRSS (bytes) 5 s later. */
async function once(fromSource: boolean, dataDir: string): Promise<{ ms: number; rss: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: childEnv({ LATCHKEY_DATA_DIR: dataDir, LATCHKEY_PORT: String(port), LATCHKEY_LOG_LEVEL: 'info', LATCHKEY_EHLO_NAME: 'latchkey.test', ...(fromSource ? { LATCHKEY_FROM_SOURCE: '1' } : {}) }),
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`latchkey serve exited (${child.exitCode})`);
      if (performance.now() - t0 > 30_000) throw new Error('no /healthz answer within 30 s');
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 5000));
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    return { ms, rss };
  } finally {
    await stopChild(child, 5000);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<string, { ms: number[]; rss: number[] }> = {};
const record = (k: string, r: { ms: number; rss: number }) => {
  results[k] ??= { ms: [], rss: [] };
  results[k].ms.push(r.ms);
  results[k].rss.push(r.rss);
};
const loads: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  for (const fromSource of [false, true]) {
    const label = fromSource ? 'tsx (sources)' : 'dist (compiled)';
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-startup-'));
    try {
      record(`${label}, first start`, await once(fromSource, dir));
      record(`${label}, restart`, await once(fromSource, dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    loads.push(loadavg()[0]!);
  }
}
console.log(`rounds: ${ROUNDS} each, interleaved; load average (1 min) during the run: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`);
console.log('| start | to first /healthz (median, min–max) | RSS 5 s later (median, min–max) |');
console.log('| --- | --- | --- |');
for (const [k, v] of Object.entries(results)) {
  console.log(`| ${k} | ${median(v.ms).toFixed(0)} ms (${Math.min(...v.ms).toFixed(0)}–${Math.max(...v.ms).toFixed(0)}) | ${(median(v.rss) / 2 ** 20).toFixed(0)} MB (${(Math.min(...v.rss) / 2 ** 20).toFixed(0)}–${(Math.max(...v.rss) / 2 ** 20).toFixed(0)}) |`);
}
