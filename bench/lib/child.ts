import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { childEnv, stopChild } from '../../test/support/server-process.ts';

/** A server the bench started in a child process. */
export interface Child {
  url: string;
  child: ChildProcess;
  pid: number;
  /** Peak resident set size so far (VmHWM from /proc), bytes. */
  peakRss(): number;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx SCRIPT` (or any argv) with `env`, and waits until it prints
 * `LISTENING <port>` or answers `readyPath` on `port`.
 */
export function startChild(argv: string[], env: Record<string, string>, ready: { port?: number; readyPath?: string } = {}): Promise<Child> {
  const child = spawn(process.execPath, argv, { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let out = '';
  const make = (port: number): Child => ({
    url: `http://127.0.0.1:${port}`,
    child,
    pid: child.pid!,
    peakRss: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    stop: () => stopChild(child, 5000),
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${argv.join(' ')} did not start:\n${out}`)); }, 30_000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${argv.join(' ')} exited (${code}):\n${out}`)); });
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 100_000) out = out.slice(-50_000);
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        // Started: from now on its output (a log line per request) is drained, not searched.
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve(make(Number(m[1])));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    if (ready.port && ready.readyPath) {
      const poll = async () => {
        for (;;) {
          if (child.exitCode !== null) return;
          try {
            const r = await fetch(`http://127.0.0.1:${ready.port}${ready.readyPath}`);
            if (r.ok) {
              clearTimeout(timer);
              return resolve(make(ready.port!));
            }
          } catch { /* not yet */ }
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      void poll();
    }
  });
}

/** A free loopback TCP port (bound and released). */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

/**
 * The environment of a Latchkey bench node listening on `port` with its data in `dataDir`:
 * loopback destinations allowed, DNS and periodic jobs off, limits high enough that load is not
 * refused, logging at `info` as in production. `extra` wins.
 */
export function benchNodeEnv(port: number, dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    LATCHKEY_PORT: String(port), LATCHKEY_HOST: '127.0.0.1', LATCHKEY_DATA_DIR: dataDir, LATCHKEY_LOG_LEVEL: 'info',
    LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8', LATCHKEY_DNS_SERVERS: '127.0.0.1:1', LATCHKEY_EHLO_NAME: 'latchkey.test',
    LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_WEBHOOK_POLL_MS: '0',
    LATCHKEY_LIMIT_CLIENT_PER_MINUTE: '1000000', LATCHKEY_LIMIT_PAIR_FAILURES: '1000', LATCHKEY_LIMIT_IP_FAILURES: '100000',
    ...extra,
  };
}
