import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
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
  try {
    await limiter.consume(clientId);
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'msBeforeNext' in err) {
      const seconds = Math.max(1, Math.ceil(Number((err as { msBeforeNext: number }).msBeforeNext) / 1000));
      throw new ApiError('rate_limited', {
        retryAfter: seconds,
        headers: {
          'x-ratelimit-limit': String(ctx.config.credentialsPerMinute),
          'x-ratelimit-reset': String(Math.ceil(ctx.now() / 1000) + seconds),
        },
      });
    }
    throw err;
  }
}
