import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';

/**
 * Where the brute-force counters live. One method: build a rate-limiter-flexible limiter with
 * the given shape. The default keeps counters in this process's memory; with
 * `LATCHKEY_REDIS_URL` they live in Redis (`RateLimiterRedis`), shared by every node, without
 * touching the policy in limits/brute-force.ts.
 */
export interface LimiterStore {
  /**
   * @param opts.keyPrefix — separates the counter families (`pair-fail`, `ip-lock`, …).
   * @param opts.points — how many points may be consumed per window.
   * @param opts.duration — window length in seconds (0: never expires).
   */
  limiter(opts: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract;
}

/** Counters in process memory: correct for one node, lost on restart (a restart lifts locks). */
export function memoryLimiterStore(): LimiterStore {
  return { limiter: (opts) => new RateLimiterMemory(opts) };
}

/**
 * Counters in Redis, shared by every node that uses the same Redis (keys `<keyPrefix>:<key>`,
 * each with the window as its TTL; rate-limiter-flexible's atomic Lua/`SET`+`INCR`). While
 * Redis cannot be reached, each node counts in its own memory instead (rate-limiter-flexible's
 * `insuranceLimiter`): limits still hold per node rather than every request failing.
 */
export function redisLimiterStore(client: Redis): LimiterStore {
  return {
    limiter: (opts) => new RateLimiterRedis({ ...opts, storeClient: client, insuranceLimiter: new RateLimiterMemory(opts) }),
  };
}
