/**
 * Brute-force reservations across Redis blips (issue 18 follow-up, see commit d3320cd): a failure
 * slot admit() reserves in Redis and hands back while Redis is cut must be given back to Redis,
 * not to the per-node memory fallback — otherwise Redis keeps counting it until the window ends,
 * and an application backend calling from one IP is locked out (429) after a few blips with no
 * real failure. Real Redis behind a TCP relay, the DEFAULT limits (5 per pair, 30 per IP).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { Redis } from 'ioredis';
import { connectRedis, redisReady } from '../../src/shared/redis.ts';
import { redisLimiterStore } from '../../src/limits/store.ts';
import { BruteForceGuard, type AdmitTicket } from '../../src/limits/brute-force.ts';
import { leaseRedisDb, type RedisDb } from '../peers/redis.ts';
import { startTcpRelay, type TcpRelay } from '../peers/tcp-relay.ts';

const DEFAULTS = { pairFailures: 5, ipFailures: 30, windowSeconds: 900, lockSeconds: 900, maxLockSeconds: 86_400, clientRequestsPerMinute: 600 };
const IP = '127.0.0.9';

let redis: RedisDb;
let relay: TcpRelay;
before(async () => {
  redis = await leaseRedisDb();
  relay = await startTcpRelay({ host: '127.0.0.1', port: 6379 });
});
after(async () => {
  await relay?.close();
  await redis?.release();
});

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('slots reserved in Redis and settled during a cut are settled in Redis once it is back; no 429 after three blips', async () => {
  const client = connectRedis(`redis://127.0.0.1:${relay.port}${new URL(redis.url).pathname}`, pino({ level: 'silent' }));
  const direct = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  direct.on('error', () => undefined);
  try {
    assert.ok(await redisReady(client, 3000), 'the client reached Redis through the relay');
    const guard = new BruteForceGuard(DEFAULTS, redisLimiterStore(client));
    const ipCount = async () => Number(await direct.get(`lk-ip-fail:${IP}`) ?? 0);
    for (let round = 1; round <= 3; round++) {
      // Eleven authorizes in flight (one app backend, one IP, distinct mailboxes) when Redis drops.
      const tickets: AdmitTicket[] = [];
      for (let i = 0; i < 11; i++) tickets.push(await guard.admit({ clientId: 'app', emailKey: `u${round}-${i}@example.test`, ip: IP }));
      assert.equal(await ipCount(), 11, `round ${round}: the reservations are in Redis`);
      relay.cut();
      await until('the client notices the cut', () => client.status !== 'ready');
      // They end while Redis is away: logins that worked, and network errors.
      for (const [i, t] of tickets.entries()) await (i % 2 ? guard.succeeded(t) : guard.released(t));
      relay.restore();
      assert.ok(await redisReady(client, 5000), `round ${round}: the client is back`);
      await until(`round ${round}: Redis no longer counts the slots given back during the cut`, async () => (await ipCount()) === 0);
    }
    // No real failure happened: the IP's whole budget is still there.
    for (let i = 0; i < DEFAULTS.ipFailures; i++) await guard.released(await guard.admit({ clientId: 'app', emailKey: `after-${i}@example.test`, ip: IP }));
  } finally {
    client.disconnect();
    direct.disconnect();
  }
});
