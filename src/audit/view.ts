import type { AuditEvent } from '../store/store.ts';

/** An audit event on the wire (`GET /a/{client_id}/audit`, `latchkey audit --json`). */
export interface AuditEventView {
  id: string;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
  event: string;
  outcome: string;
  client_id: string;
  email_hash: string | null;
  account_id: string | null;
  source_ip: string | null;
  duration_ms: number | null;
  revoked_tokens: number | null;
}

export function auditEventView(e: AuditEvent): AuditEventView {
  return {
    id: e.id,
    at: new Date(e.atMs).toISOString(),
    event: e.event,
    outcome: e.outcome,
    client_id: e.clientId,
    email_hash: e.emailHash,
    account_id: e.accountId,
    source_ip: e.sourceIp,
    duration_ms: e.durationMs,
    revoked_tokens: e.revokedTokens,
  };
}
