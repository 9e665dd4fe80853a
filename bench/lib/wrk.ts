import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./wrk.lua', import.meta.url));

/** One load run's figures: requests/s, latency percentiles in ms, and answers that were not 2xx/3xx. */
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface WrkOptions {
  url: string;
  method?: string;
  path: string;
  contentType?: string;
  authorization?: string;
  /** A file with one request body per line, each used once in order (then wrapping). */
  bodyFile?: string;
  connections: number;
  seconds: number;
  /** wrk's own threads (default 1: the machine has few cores and the server needs them). */
  threads?: number;
}

/**
 * Runs Debian's `wrk` (a separate process written in C: it takes less CPU from the server than a
 * Node load generator would) against a loopback URL with bench/lib/wrk.lua.
 * @throws Error when wrk is missing (apt-get install wrk) or fails.
 */
export function wrk(o: WrkOptions): Promise<LoadResult> {
  if (!/^http:\/\/127\./.test(o.url)) throw new Error(`benches stay on loopback: ${o.url}`);
  const args = [
    '-t', String(o.threads ?? 1), '-c', String(o.connections), '-d', `${o.seconds}s`, '--timeout', '30s', '-s', SCRIPT, o.url, '--',
    o.method ?? 'GET', o.path, o.contentType ?? '-', o.authorization ?? '-', o.bodyFile ?? '-',
  ];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { timeout: (o.seconds + 60) * 1000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`wrk failed: ${err.message}\n${stderr}`));
      const m = /WRKJSON (\{.*\})/.exec(stdout);
      if (!m) return reject(new Error(`wrk printed no summary:\n${stdout}\n${stderr}`));
      const j = JSON.parse(m[1]!) as { requests: number; duration_us: number; p50_us: number; p99_us: number; non2xx: number; errors: number };
      resolve({ rps: j.requests / (j.duration_us / 1e6), p50: j.p50_us / 1000, p99: j.p99_us / 1000, requests: j.requests, non2xx: j.non2xx, errors: j.errors });
    });
  });
}
