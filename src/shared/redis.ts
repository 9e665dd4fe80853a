import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A Redis client for `LATCHKEY_REDIS_URL` (ioredis; `redis://[user:pass@]host:port[/db]`,
 * `rediss://` for TLS). While the connection is not ready a command fails at once (no offline
 * queue: queued commands each waited for a reconnection attempt to fail, ~10 s per authorize),
 * and a ready but silent server fails a command after `commandTimeout`; so an unreachable Redis
 * degrades the callers (limits fall back to memory, the detection cache misses) instead of
 * holding requests. Await `redisReady` before serving so the first requests do not fall back
 * needlessly. Connection errors are logged without the URL's password.
 */
export function connectRedis(url: string, log: Logger): Redis {
  // Loaded only when LATCHKEY_REDIS_URL is set: ioredis costs ~17 MB and ~0.15 s at start.
  const { Redis: RedisClient } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
  const client = new RedisClient(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
    enableOfflineQueue: false,
  });
  let last = '';
  client.on('error', (err: Error) => {
    // `errno`, not `err.code`: `*.code` is redacted in logs (one-time codes).
    if (err.message !== last) log.warn({ redis_error: err.message, errno: (err as NodeJS.ErrnoException).code }, 'redis unavailable');
    last = err.message;
  });
  client.on('ready', () => {
    last = '';
  });
  // A ready connection whose server stopped answering (hung, paused, partitioned) would make
  // every command wait out commandTimeout, several per authorize: the first timed-out command
  // drops the connection instead, so the next commands fail at once (not ready, no offline
  // queue) until a reconnection passes the ready check again.
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command, stream) => {
    const r = send(command, stream);
    command.promise.catch((err: Error) => {
      if (/Command timed out/.test(err.message) && client.status === 'ready') {
        log.warn({ redis_error: err.message }, 'redis not answering: reconnecting');
        client.disconnect(true);
      }
    });
    return r;
  }) as typeof client.sendCommand;
  return client;
}

/**
 * Resolves true once `client` is ready, false after `ms` milliseconds without it (Redis down:
 * the server starts anyway, with per-node limits until Redis comes back).
 */
export function redisReady(client: Redis, ms: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    client.on('ready', onReady);
  });
}
