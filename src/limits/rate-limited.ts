import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from '../errors/api-error.ts';

/**
 * The catalogue's 429 for a spent budget: `rate_limited` with `Retry-After` (whole seconds, at
 * least 1), `X-RateLimit-Limit` (`limit`) and `X-RateLimit-Reset` (Unix seconds).
 * @param msBeforeNext ms until the budget frees (rate-limiter-flexible's `msBeforeNext`)
 * @param nowMs the clock now, ms
 */
export function rateLimited(limit: number, msBeforeNext: number, nowMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ApiError('rate_limited', {
    retryAfter: seconds,
    headers: {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-reset': String(Math.ceil(nowMs / 1000) + seconds),
    },
  });
}

/**
 * Counts one request against `key`'s budget of `limit` points.
 * @throws ApiError `rate_limited` (429, rateLimited above) when the budget is spent; otherwise
 *   what the limiter throws (its store failing).
 */
export async function consumeOrRefuse(limiter: RateLimiterAbstract, key: string, limit: number, clock: () => number): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    // rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent.
    if (isLimiterRes(err)) throw rateLimited(limit, err.msBeforeNext, clock());
    throw err;
  }
}

function isLimiterRes(v: unknown): v is RateLimiterRes {
  return typeof v === 'object' && v !== null && 'consumedPoints' in v;
}
