import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/log/logger.ts';
import { buildContext } from '../../src/app/build.ts';
import { serve } from '../../src/app/serve.ts';
import { createApplication, type CreatedApplication } from '../../src/app/applications.ts';
import type { AppContext } from '../../src/app/context.ts';

export interface Latchkey {
  url: string;
  ctx: AppContext;
  app: CreatedApplication;
  /** Every log line written so far (JSON text). */
  logs: string[];
  dir: string;
  dbPath: string;
  /** Moves the server's clock forward (ms). */
  advance(ms: number): void;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  put(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  delete(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

/**
 * Starts a real Latchkey server in this process on 127.0.0.1 (a port the OS picks), with its own
 * SQLite file, a fresh key ring, loopback allowed as a destination and logs captured.
 */
export async function startLatchkey(env: Record<string, string> = {}): Promise<Latchkey> {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-test-'));
  const dbPath = join(dir, 'latchkey.db');
  const config = loadConfig({
    LATCHKEY_DATABASE_URL: `sqlite:${dbPath}`,
    LATCHKEY_DATA_DIR: dir,
    LATCHKEY_ENCRYPTION_KEYS: `t1:${randomBytes(32).toString('base64')}`,
    LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8',
    LATCHKEY_EHLO_NAME: 'latchkey.test',
    LATCHKEY_PORT: '0',
    LATCHKEY_LOG_LEVEL: 'debug',
    // Every name Latchkey resolves goes to this loopback resolver (nothing listens on port 1, so
    // lookups fail at once): no test may send a DNS query off the machine. Tests that need names
    // start test/peers/dns-server.ts and override this.
    LATCHKEY_DNS_SERVERS: '127.0.0.1:1',
    // The background credential check is off: tests drive a HealthChecker of their own (runOnce).
    LATCHKEY_HEALTH_INTERVAL_S: '0',
    // Likewise the webhook sender: tests call runOnce() on a dispatcher of their own.
    LATCHKEY_WEBHOOK_POLL_MS: '0',
    // Every request comes from 127.0.0.1 and many tests fail logins on purpose: brute-force
    // limits would turn their 403s into 429s. test/security/brute-force.test.ts sets its own.
    LATCHKEY_LIMIT_PAIR_FAILURES: '1000',
    LATCHKEY_LIMIT_IP_FAILURES: '100000',
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  let offset = 0;
  const ctx = await buildContext(config, createLogger('debug', sink), () => Date.now() + offset);
  const { server, stop } = await serve(ctx, () => undefined);
  const addr = server.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server did not listen');
  const url = `http://127.0.0.1:${addr.port}`;
  const app = await createApplication(ctx.store, 'Test app', [], Date.now());
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(url + path, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: the test will say so */
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  return {
    url,
    ctx,
    app,
    logs,
    dir,
    dbPath,
    advance: (ms) => { offset += ms; },
    post: (path, body, headers) => call('POST', path, body, headers),
    get: (path, headers) => call('GET', path, undefined, headers),
    put: (path, body, headers) => call('PUT', path, body, headers),
    delete: (path, headers) => call('DELETE', path, undefined, headers),
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
