/** The shared schedule of the credential health check in the store contract (store.ts). Times in ms since the epoch. */
export interface HealthScheduleStore {
  /**
   * Claims the credential check of one account for this node until `untilMs` (ms since the
   * epoch), in one statement: true only if no other node holds an unexpired claim (or a schedule
   * that is not due yet) — so several nodes never check one account at the same time.
   */
  claimHealthCheck(accountId: string, nowMs: number, untilMs: number): Promise<boolean>;
  /** Records when the account is next due (ms since the epoch): no node claims it before then. */
  scheduleHealthCheck(accountId: string, atMs: number): Promise<void>;
}
