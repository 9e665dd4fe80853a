/**
 * Every kind of audit event, listed once: the type here and the OpenAPI enum (audit/view.ts)
 * both come from it. Authorize/token/replay (issue 6 §4), management actions, and a holder
 * revoking its own token.
 */
export const AUDIT_EVENTS = [
  'connect.authorize',
  'connect.token',
  'code.replay_revoked',
  'account.metadata_updated',
  'account.deleted',
  'account.downgraded',
  'account.upgraded',
  'account.tokens_revoked',
  'application.updated',
  'token.revoked',
  'oauth.token',
  'credentials.released',
] as const;
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

/** One audit row (store/migrations/002_audit.ts). Never holds a secret or an address in clear. */
export interface AuditEvent {
  id: string;
  /** Milliseconds since the epoch. */
  atMs: number;
  event: AuditEventName;
  clientId: string;
  /** `ok`, or the catalogue reason the request failed with. */
  outcome: string;
  emailHash: string | null;
  accountId: string | null;
  sourceIp: string | null;
  durationMs: number | null;
  /** `code.replay_revoked`: how many tokens the replay revoked. */
  revokedTokens: number | null;
  /** `credentials.released`: `imap`, `smtp`, `ews`, `api` (EmailEngine) or `all`; absent/null otherwise. */
  protocol?: string | null;
}

export interface AuditStore {
  /** Appends one audit event (append-only: nothing updates or deletes audit rows). */
  recordAuditEvent(event: AuditEvent): Promise<void>;
  /**
   * Appends several audit events in ONE statement (one commit outside a transaction): all of
   * them or none. The credentials release groups the events of concurrent requests this way
   * (audit/grouped.ts). At most a few hundred per call (each row is 11 bound parameters).
   */
  recordAuditEvents(events: AuditEvent[]): Promise<void>;
  /** An application's audit events at or after `sinceMs`, newest first, at most `limit`. */
  listAuditEvents(clientId: string, query: { sinceMs: number; limit: number }): Promise<AuditEvent[]>;
}
