import type { Logger } from 'pino';
import { ApiError } from '../errors/api-error.ts';
import type { Account, Store } from '../store/store.ts';
import { Periodic } from '../shared/periodic.ts';

/** Schedule of the credential health check (config `health`; README "Credential health"). */
export interface HealthSchedule {
  /** ms between two checks of one account (LATCHKEY_HEALTH_INTERVAL_S; default 6 h). */
  intervalMs: number;
  /** Each delay is scaled by a random factor in [1 − jitter, 1 + jitter] (default 0.2). */
  jitter: number;
  /** At most this many checks run at once (LATCHKEY_HEALTH_CONCURRENCY; default 4). */
  concurrency: number;
  /** Longest delay after repeated provider errors, ms (default 24 h). */
  maxBackoffMs: number;
}

export interface HealthDeps {
  store: Store;
  log: Logger;
  /** ms since the epoch (injectable clock). */
  now: () => number;
  /** Uniform in [0, 1) (injectable for tests). */
  random?: () => number;
  /** Verifies one account's stored credentials; throws ApiError on failure. */
  check: (account: Account) => Promise<void>;
  /** Called once when a check marks an account invalid (the server queues `account.invalid`). */
  onInvalid?: (account: Account) => Promise<unknown>;
}

export interface HealthReport {
  checked: number;
  ok: number;
  /** Marked `invalid`: the provider refused the credentials (a 403 reason). */
  invalid: number;
  /** Provider unreachable, slow or refusing for now (5xx), or settings that failed (422): retried later, with backoff. */
  deferred: number;
}

interface Slot {
  nextAt: number;
  /** Consecutive provider errors (for the backoff). */
  errors: number;
}

const PAGE = 500;

/**
 * Re-verifies every account's stored credentials on a jittered schedule, at most `concurrency`
 * at a time and never two checks of one account at once. A definite auth failure (a 403 reason, or `oauth_account_mismatch`)
 * sets `sync_state` to `invalid` — unless the account was re-authorized while the check ran;
 * temporary or network errors (5xx) and unworkable settings (422) never do: the account is
 * checked again after interval × 2^errors (capped at `maxBackoffMs`). Accounts already `invalid`
 * (re-checking a refused password risks a provider lockout; a new authorize sets `running`) and
 * downgraded accounts (`billing_state` `cancelled`) are skipped. A new account's first check is
 * spread uniformly over one interval, so a restart does not check everything at once.
 *
 * With several nodes on one database, each due check is first claimed in the database
 * (`health_schedule`, one row per account: claimed only when its `next_at` has passed) and its
 * next due time written back there, so the nodes share one schedule.
 *
 * `runOnce()` checks what is due now and resolves when those checks end; `start()` calls it on a
 * timer (every interval/20, between 1 s and 60 s).
 */
export class HealthChecker {
  private readonly slots = new Map<string, Slot>();
  private readonly inFlight = new Set<string>();
  private readonly periodic: Periodic;
  private readonly random: () => number;

  constructor(
    private readonly deps: HealthDeps,
    readonly schedule: HealthSchedule,
  ) {
    this.random = deps.random ?? Math.random;
    this.periodic = new Periodic(() => this.runOnce(), deps.log, 'credential health pass failed');
  }

  /** When the account is next due (ms since the epoch), if it has been seen. */
  nextCheckAt(accountId: string): number | undefined {
    return this.slots.get(accountId)?.nextAt;
  }

  async runOnce(): Promise<HealthReport> {
    const report: HealthReport = { checked: 0, ok: 0, invalid: 0, deferred: 0 };
    const due: Account[] = [];
    const seen = new Set<string>();
    const now = this.deps.now();
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.deps.store.listAllAccounts({ limit: PAGE, offset });
      for (const a of page) {
        seen.add(a.id);
        if (a.syncState === 'invalid' || a.billingState === 'cancelled' || this.inFlight.has(a.id)) continue;
        let slot = this.slots.get(a.id);
        if (!slot) this.slots.set(a.id, (slot = { nextAt: now + this.random() * this.schedule.intervalMs, errors: 0 }));
        if (slot.nextAt <= now) due.push(a);
      }
      if (page.length < PAGE) break;
    }
    // Deleted accounts leave the schedule.
    for (const id of this.slots.keys()) if (!seen.has(id) && !this.inFlight.has(id)) this.slots.delete(id);
    // Several nodes share the database: a node checks an account only once it has claimed it
    // there (store.claimHealthCheck), for at most a lease; another node checked it (or is
    // checking it) otherwise, and this node looks again after one interval.
    const claimed: Account[] = [];
    for (const a of due) {
      const t = this.deps.now();
      if (await this.deps.store.claimHealthCheck(a.id, t, t + this.leaseMs())) claimed.push(a);
      else this.slots.get(a.id)!.nextAt = t + this.jittered(this.schedule.intervalMs);
    }
    for (const a of claimed) this.inFlight.add(a.id);
    const queue = [...claimed];
    const worker = async () => {
      for (let a = queue.shift(); a; a = queue.shift()) await this.checkOne(a, report);
    };
    await Promise.all(Array.from({ length: Math.min(this.schedule.concurrency, queue.length) }, worker));
    return report;
  }

  private async checkOne(account: Account, report: HealthReport): Promise<void> {
    const slot = this.slots.get(account.id)!;
    report.checked++;
    try {
      await this.deps.check(account);
      slot.errors = 0;
      slot.nextAt = this.deps.now() + this.jittered(this.schedule.intervalMs);
      report.ok++;
      this.deps.log.info({ event: 'health.check', account_id: account.id, outcome: 'ok' }, 'credentials verified');
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError('internal', { cause: err });
      const entry = { event: 'health.check', account_id: account.id, outcome: e.reason, step: e.details.step };
      if (definiteRefusal(e)) {
        const marked = await this.deps.store.setSyncState(account.id, 'invalid', Math.floor(this.deps.now() / 1000), account.updatedAt);
        slot.errors = 0;
        // Not marked: re-authorized (or changed) while the check ran: check the new state next pass.
        slot.nextAt = marked ? this.deps.now() + this.jittered(this.schedule.intervalMs) : this.deps.now();
        if (marked) {
          report.invalid++;
          await this.deps.onInvalid?.(marked);
        }
        this.deps.log.warn({ ...entry, marked_invalid: Boolean(marked) }, 'the provider refused the stored credentials');
      } else {
        slot.errors++;
        slot.nextAt = this.deps.now() + Math.min(this.schedule.maxBackoffMs, this.jittered(this.schedule.intervalMs * 2 ** slot.errors));
        report.deferred++;
        this.deps.log.warn(
          { ...entry, errors: slot.errors, next_in_ms: slot.nextAt - this.deps.now(), ...(e.reason === 'internal' ? { err } : {}) },
          'credential check deferred',
        );
      }
    } finally {
      this.inFlight.delete(account.id);
      await this.deps.store
        .scheduleHealthCheck(account.id, slot.nextAt)
        .catch((err: unknown) => this.deps.log.error({ err }, 'recording the next health check failed'));
    }
  }

  /** How long a claim holds when its node dies mid-check: the longest a check can take, generously (10 min). */
  private leaseMs(): number {
    return 10 * 60_000;
  }

  private jittered(ms: number): number {
    return ms * (1 + this.schedule.jitter * (2 * this.random() - 1));
  }

  /** Runs `runOnce` on a timer (unref'd); a pass still running is never overlapped. */
  start(): void {
    this.periodic.start(Math.max(1000, Math.min(60_000, this.schedule.intervalMs / 20)));
  }

  /** Stops the timer and waits for the pass in progress. */
  async stop(): Promise<void> {
    await this.periodic.stop();
  }
}

/**
 * The stored credentials no longer open this mailbox: a 403 reason (the provider refused them,
 * a revoked refresh token), or a refresh token that now names another account
 * (`oauth_account_mismatch`, 400 at authorize). Everything else (5xx, 422, timeouts) is deferred.
 */
function definiteRefusal(e: ApiError): boolean {
  return e.status === 403 || e.reason === 'oauth_account_mismatch';
}
