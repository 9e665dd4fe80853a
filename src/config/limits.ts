import type { BruteForceLimits } from '../limits/brute-force.ts';
import type { AdmissionLimits } from '../limits/admission.ts';
import type { EnvReader } from './read.ts';

/** How much one client, address or application may ask, and how much one node takes on. */
export interface LimitsConfig {
  /**
   * Brute-force limits (DECISIONS "Running it"): `LATCHKEY_LIMIT_PAIR_FAILURES` (5),
   * `LATCHKEY_LIMIT_IP_FAILURES` (30), `LATCHKEY_LIMIT_WINDOW_S` (900), `LATCHKEY_LIMIT_LOCK_S`
   * (900, doubling per repeat), `LATCHKEY_LIMIT_LOCK_MAX_S` (86400), `LATCHKEY_LIMIT_CLIENT_PER_MINUTE` (600).
   */
  limits: BruteForceLimits;
  /**
   * Admission control for provider verifications (limits/admission.ts), per node:
   * `LATCHKEY_VERIFY_MAX_IN_FLIGHT` (128) run at once, `LATCHKEY_VERIFY_QUEUE` (1024) wait at
   * most `LATCHKEY_VERIFY_QUEUE_WAIT_MS` (15 000) for a turn; beyond either, 503
   * `verification_busy` with Retry-After. Measured in bench/run.ts (the `slow` group).
   */
  admission: AdmissionLimits;
  /**
   * Credentials released per application per minute, all of its accounts together
   * (`LATCHKEY_LIMIT_CREDENTIALS_PER_MINUTE`, default 6000: a sync engine asks before every
   * connection); beyond it 429 `rate_limited`. Shared by the nodes through Redis when configured.
   */
  credentialsPerMinute: number;
}

/** The variables named on `LimitsConfig`; a longest lock shorter than the first lock is refused. */
export function readLimits(read: EnvReader): LimitsConfig {
  const admission = {
    maxInFlight: read.int('LATCHKEY_VERIFY_MAX_IN_FLIGHT', 128, 1, 100_000),
    maxQueued: read.int('LATCHKEY_VERIFY_QUEUE', 1024, 0, 1_000_000),
    queueWaitMs: read.int('LATCHKEY_VERIFY_QUEUE_WAIT_MS', 15_000, 100, 600_000),
  };
  const limits = {
    pairFailures: read.int('LATCHKEY_LIMIT_PAIR_FAILURES', 5, 1, 1000),
    ipFailures: read.int('LATCHKEY_LIMIT_IP_FAILURES', 30, 1, 100_000),
    windowSeconds: read.int('LATCHKEY_LIMIT_WINDOW_S', 900, 1, 7 * 86_400),
    lockSeconds: read.int('LATCHKEY_LIMIT_LOCK_S', 900, 1, 7 * 86_400),
    maxLockSeconds: read.int('LATCHKEY_LIMIT_LOCK_MAX_S', 86_400, 1, 30 * 86_400),
    clientRequestsPerMinute: read.int('LATCHKEY_LIMIT_CLIENT_PER_MINUTE', 600, 1, 1_000_000),
  };
  const credentialsPerMinute = read.int('LATCHKEY_LIMIT_CREDENTIALS_PER_MINUTE', 6000, 1, 10_000_000);
  if (limits.maxLockSeconds < limits.lockSeconds) {
    read.problems.push(
      `LATCHKEY_LIMIT_LOCK_MAX_S=${limits.maxLockSeconds}: must be at least LATCHKEY_LIMIT_LOCK_S (${limits.lockSeconds})`,
    );
  }
  return { limits, admission, credentialsPerMinute };
}
