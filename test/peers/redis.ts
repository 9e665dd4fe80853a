import { Redis } from 'ioredis';

/**
 * The machine's real Redis (127.0.0.1:6379; `.ci/run` starts it). Each call leases one of the
 * logical databases 1–15 (a `SET NX EX` lock in database 0), so test files running side by side
 * never see each other's counters; `release()` empties it (FLUSHDB) and frees the lease.
 */
export interface RedisDb {
  /** `redis://127.0.0.1:6379/N` for LATCHKEY_REDIS_URL. */
  url: string;
  /** A client on that database, for assertions. */
  client: Redis;
  release(): Promise<void>;
}

export async function leaseRedisDb(): Promise<RedisDb> {
  const lock = new Redis('redis://127.0.0.1:6379/0', { lazyConnect: true, maxRetriesPerRequest: 1 });
  await lock.connect();
  try {
    for (let n = 1; n <= 15; n++) {
      if ((await lock.set(`lk-test-lease:${n}`, String(process.pid), 'EX', 900, 'NX')) !== 'OK') continue;
      const url = `redis://127.0.0.1:6379/${n}`;
      const client = new Redis(url, { maxRetriesPerRequest: 1 });
      await client.flushdb();
      return {
        url,
        client,
        release: async () => {
          await client.flushdb();
          client.disconnect();
          const l = new Redis('redis://127.0.0.1:6379/0', { maxRetriesPerRequest: 1 });
          await l.del(`lk-test-lease:${n}`);
          l.disconnect();
        },
      };
    }
    throw new Error('no free Redis database among 1–15 (stale leases expire after 15 min)');
  } finally {
    lock.disconnect();
  }
}
