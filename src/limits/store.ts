import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Where the brute-force counters live. One method: build a rate-limiter-flexible limiter with
 * the given shape. The default keeps counters in this process's memory; a later issue can return
 * `RateLimiterRedis` here (same options plus `storeClient`) to share the counters across nodes
 * without touching the policy in limits/brute-force.ts.
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
