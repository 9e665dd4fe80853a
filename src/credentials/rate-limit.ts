import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppContext } from '../app/context.ts';
import { consumeOrRefuse } from '../limits/rate-limited.ts';
import { memoryLimiterStore, redisLimiterStore } from '../limits/store.ts';

/** One limiter per server context (tests run several servers in one process). */
const limiters = new WeakMap<AppContext, RateLimiterAbstract>();

/**
 * Counts one credentials release against the application's budget
 * (`LATCHKEY_LIMIT_CREDENTIALS_PER_MINUTE`, all its accounts together), shared by every node
 * through Redis when `LATCHKEY_REDIS_URL` is set (limits/store.ts), else per node.
 * @throws ApiError `rate_limited` (429, `Retry-After`, `X-RateLimit-Limit`, `X-RateLimit-Reset`).
 */
export async function admitRelease(ctx: AppContext, clientId: string): Promise<void> {
  let limiter = limiters.get(ctx);
  if (!limiter) {
    const store = ctx.redis ? redisLimiterStore(ctx.redis) : memoryLimiterStore();
    limiters.set(ctx, (limiter = store.limiter({ keyPrefix: 'lk-credentials', points: ctx.config.credentialsPerMinute, duration: 60 })));
  }
  await consumeOrRefuse(limiter, clientId, ctx.config.credentialsPerMinute, () => ctx.now());
}
