import type { EnvReader } from './read.ts';

/** The background jobs: the credential health check and the webhook outbox. */
export interface JobsConfig {
  /**
   * Credential health check (health/checker.ts): ms between checks of one account (0 = off),
   * jitter fraction, concurrent checks, longest backoff (ms).
   */
  health: { intervalMs: number; jitter: number; concurrency: number; maxBackoffMs: number };
  /** Webhook outbox (webhooks/dispatcher.ts): poll period (0 = off), retry policy, one attempt's timeout; ms. */
  webhooks: { pollMs: number; baseMs: number; maxMs: number; maxAttempts: number; timeoutMs: number };
}

export function readJobs(read: EnvReader): JobsConfig {
  return { health: healthSchedule(read), webhooks: webhookOutbox(read) };
}

/**
 * `LATCHKEY_HEALTH_INTERVAL_S` (default 21600 = 6 h; 0 turns the check off),
 * `LATCHKEY_HEALTH_JITTER_PCT` (default 20: each delay ±20 %), `LATCHKEY_HEALTH_CONCURRENCY`
 * (default 4). Backoff after provider errors doubles per error up to max(24 h, the interval).
 */
function healthSchedule(read: EnvReader): JobsConfig['health'] {
  const intervalMs = 1000 * read.int('LATCHKEY_HEALTH_INTERVAL_S', 6 * 3600, 0, 30 * 86_400);
  return {
    intervalMs,
    jitter: read.int('LATCHKEY_HEALTH_JITTER_PCT', 20, 0, 50) / 100,
    concurrency: read.int('LATCHKEY_HEALTH_CONCURRENCY', 4, 1, 64),
    maxBackoffMs: Math.max(86_400_000, intervalMs),
  };
}

/**
 * `LATCHKEY_WEBHOOK_POLL_MS` (1000; 0 = no sending), `LATCHKEY_WEBHOOK_RETRY_BASE_S` (30) doubling up to
 * `LATCHKEY_WEBHOOK_RETRY_MAX_S` (3600), `LATCHKEY_WEBHOOK_MAX_ATTEMPTS` (20), `LATCHKEY_WEBHOOK_TIMEOUT_MS` (10 000).
 */
function webhookOutbox(read: EnvReader): JobsConfig['webhooks'] {
  return {
    pollMs: read.int('LATCHKEY_WEBHOOK_POLL_MS', 1000, 0, 600_000),
    baseMs: 1000 * read.int('LATCHKEY_WEBHOOK_RETRY_BASE_S', 30, 1, 86_400),
    maxMs: 1000 * read.int('LATCHKEY_WEBHOOK_RETRY_MAX_S', 3600, 1, 7 * 86_400),
    maxAttempts: read.int('LATCHKEY_WEBHOOK_MAX_ATTEMPTS', 20, 1, 1000),
    timeoutMs: read.int('LATCHKEY_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
  };
}
