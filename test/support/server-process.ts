import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './cli.ts';

/** One `latchkey serve` child process (a "node" of a deployment). */
export interface ServerProcess {
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  out(): string;
  child: ChildProcess;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/** This process's environment less every LATCHKEY_* variable, plus `env`: a child sees only what it is given. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LATCHKEY_'))), ...env };
}

/** SIGTERM, then waits for the exit; SIGKILL after `graceMs`. Nothing to do for an exited child. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(t);
}

/**
 * Starts `node bin/latchkey.js serve` with this process's environment less every LATCHKEY_*
 * variable, plus `env` (LATCHKEY_PORT should be `0`; LATCHKEY_LOG_LEVEL at most `info`), and resolves once it prints
 * "Server listening at http://127.0.0.1:PORT" — and, when `expectApp`, the development app's
 * client_secret (printed on a fresh database). `nodeArgs` go to node before the script (`--import …`).
 */
export function startServerProcess(env: Record<string, string>, expectApp = false, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve'], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const stop = () => stopChild(child, 10_000);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { void stop(); reject(new Error(`server did not start:\n${out}`)); }, 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && (!expectApp || /client_secret:\s+\S+/.test(out))) {
        clearTimeout(timer);
        resolve({ url: m[1]!, out: () => out, child, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${out}`)); });
  });
}
