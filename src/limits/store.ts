import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';

/**
 * Shape of a counter family: `keyPrefix` separates families (`lk-pair-fail`…), `points` per window
 * of `duration` seconds (0: never expires).
 */
export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

/**
 * Where the brute-force counters live. The default keeps counters in this process's memory;
 * with `LATCHKEY_REDIS_URL` they live in Redis (`RateLimiterRedis`), shared by every node,
 * without touching the policy in limits/brute-force.ts.
 */
export interface LimiterStore {
  /** A rate-limiter-flexible limiter with the given shape. */
  limiter(opts: LimiterOptions): RateLimiterAbstract;
  /** A counter whose points are reserved and later given back to the store that took them. */
  reservations(opts: LimiterOptions): ReservationCounter;
}

/** Which store a reservation was taken in: `shared` (Redis) or this node's `local` memory. */
export type CounterStore = 'shared' | 'local';

/**
 * Reserve-then-settle counting (the brute-force failure slots). A point given back goes to the
 * store it was reserved in: a slot reserved in Redis and given back while Redis is away is
 * given back to Redis once it is back (issue 18: given back to the per-node memory instead, it
 * stayed counted in Redis until the window ended, and a few Redis blips locked an app's IP out).
 */
export interface ReservationCounter {
  /** Reads, locks and deletes, falling back to this node's memory while the shared store is away. */
  readonly limiter: RateLimiterAbstract;
  /** Consumes one point (never refuses: the caller compares `consumedPoints` with its limit). */
  reserve(key: string): Promise<{ res: RateLimiterRes; store: CounterStore }>;
  /** Gives one reserved point back to `store` (no-op when the count is already 0 or expired). */
  giveBack(key: string, store: CounterStore): Promise<void>;
  /** Deletes the key's count in every store (queued for the shared store while it is away). */
  forget(key: string): Promise<void>;
}

/** Counters in process memory: correct for one node, lost on restart (a restart lifts locks). */
export function memoryLimiterStore(): LimiterStore {
  return {
    limiter: (opts) => new RateLimiterMemory(opts),
    reservations: (opts) => {
      const local = new RateLimiterMemory(opts);
      return {
        limiter: local,
        reserve: async (key) => ({ res: await local.penalty(key), store: 'local' }),
        giveBack: (key) => giveBackTo(local, key),
        forget: async (key) => {
          await local.delete(key);
        },
      };
    },
  };
}

/**
 * Counters in Redis, shared by every node that uses the same Redis (keys `<keyPrefix>:<key>`,
 * each with the window as its TTL; rate-limiter-flexible's atomic Lua/`SET`+`INCR`). While
 * Redis cannot be reached, each node counts in its own memory instead (rate-limiter-flexible's
 * `insuranceLimiter`): limits still hold per node rather than every request failing.
 * Settlements of Redis reservations that fail while Redis is away are kept (at most one per
 * reservation in flight when it went away) and replayed on the client's next `ready`; one whose
 * window has ended is dropped, Redis having expired the count itself.
 */
export function redisLimiterStore(client: Redis): LimiterStore {
  return {
    limiter: (opts) => new RateLimiterRedis({ ...opts, storeClient: client, insuranceLimiter: new RateLimiterMemory(opts) }),
    reservations: (opts) => redisReservations(client, opts),
  };
}

function redisReservations(client: Redis, opts: LimiterOptions): ReservationCounter {
  const local = new RateLimiterMemory(opts);
  // Redis only: its failures are seen here, so the caller knows which store answered.
  const shared = new RateLimiterRedis({ ...opts, storeClient: client });
  const pending: Array<{ key: string; op: 'giveBack' | 'forget'; until: number }> = [];
  const run = (op: 'giveBack' | 'forget', key: string) =>
    op === 'giveBack' ? giveBackTo(shared, key) : shared.delete(key).then(() => undefined);
  const settle = async (op: 'giveBack' | 'forget', key: string) => {
    try {
      await run(op, key);
    } catch {
      // Redis away (refused, not ready, timed out): replayed on the next `ready`.
      pending.push({ key, op, until: Date.now() + (opts.duration > 0 ? opts.duration * 1000 : Infinity) });
    }
  };
  let flushing = false;
  client.on('ready', () => {
    if (flushing) return;
    flushing = true;
    void (async () => {
      try {
        const now = Date.now();
        for (const item of pending.splice(0)) {
          if (item.until <= now) continue;
          try {
            await run(item.op, item.key);
          } catch {
            pending.push(item); // away again: the next `ready` retries it
          }
        }
      } finally {
        flushing = false;
      }
    })();
  });
  return {
    limiter: new RateLimiterRedis({ ...opts, storeClient: client, insuranceLimiter: local }),
    reserve: async (key) => {
      try {
        return { res: await shared.penalty(key), store: 'shared' };
      } catch {
        // What insuranceLimiter does, with the answer saying which store took the point.
        return { res: await local.penalty(key), store: 'local' };
      }
    },
    giveBack: (key, store) => (store === 'local' ? giveBackTo(local, key) : settle('giveBack', key)),
    forget: async (key) => {
      await local.delete(key);
      await settle('forget', key);
    },
  };
}

/** One point back, unless the count is already 0 or gone (rewarding it would go negative). */
async function giveBackTo(limiter: RateLimiterAbstract, key: string): Promise<void> {
  const res = await limiter.get(key);
  if (res && res.consumedPoints > 0) await limiter.reward(key);
}
