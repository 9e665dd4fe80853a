/**
 * Redis down (issue 7, adversarial review): the shared limits fall back to per-node memory at
 * once instead of each counter command waiting in ioredis's offline queue for a reconnection
 * attempt to fail (before the fix an authorize paid ~10 s of such waits, on every request, for
 * as long as Redis was down). Ordering, not timing: the guard's work must finish before
 * ioredis's first reconnection attempt (200 ms after the refused connect), where before each
 * command outlived at least one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { connectRedis } from '../../src/shared/redis.ts';
import { redisLimiterStore } from '../../src/limits/store.ts';
import { BruteForceGuard } from '../../src/limits/brute-force.ts';
import { RedisDetectionCache } from '../../src/detect/shared-cache.ts';
import { ApiError } from '../../src/errors/api-error.ts';

test('Redis refusing connections: limits count in memory without waiting on reconnections, detection cache misses', async () => {
  // Port 1 on loopback: nothing listens, connect() is refused at once.
  const client = connectRedis('redis://127.0.0.1:1/0', pino({ level: 'silent' }));
  let reconnects = 0;
  client.on('reconnecting', () => { reconnects++; });
  try {
    const guard = new BruteForceGuard({ pairFailures: 2, ipFailures: 50, windowSeconds: 600, lockSeconds: 600, maxLockSeconds: 3600, clientRequestsPerMinute: 100 }, redisLimiterStore(client));
    const attempt = { clientId: 'c', emailKey: 'n@example.test', ip: '127.0.0.9' };
    await guard.failed(await guard.admit(attempt));
    await guard.failed(await guard.admit(attempt));
    // The third attempt is refused by the per-node (insurance) counters: limits still hold.
    await assert.rejects(guard.admit(attempt), (e) => e instanceof ApiError && e.reason === 'rate_limited');
    const cache = new RedisDetectionCache(client, 60_000);
    await cache.set('example.test', { domain: 'example.test' } as never);
    assert.equal(await cache.get('example.test'), undefined);
    assert.equal(reconnects, 0, 'a limiter command waited for a reconnection attempt');
  } finally {
    client.disconnect();
  }
});
