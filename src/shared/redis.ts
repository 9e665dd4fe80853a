import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A Redis client for `LATCHKEY_REDIS_URL` (ioredis; `redis://[user:pass@]host:port[/db]`,
 * `rediss://` for TLS). A command waits at most one reconnection attempt before failing, so an
 * unreachable Redis degrades the callers (limits fall back to memory, the detection cache
 * misses) instead of holding requests. Connection errors are logged without the URL's password.
 */
export function connectRedis(url: string, log: Logger): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  });
  let last = '';
  client.on('error', (err: Error) => {
    if (err.message !== last) log.warn({ redis_error: err.message, errno: (err as NodeJS.ErrnoException).code }, 'redis unavailable'); // not `err.code`: `*.code` is redacted (one-time codes)
    last = err.message;
  });
  client.on('ready', () => { last = ''; });
  return client;
}
