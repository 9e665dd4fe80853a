import type { Static } from 'typebox';
import type { AuditResponse } from '../http/schemas.ts';
import type { AuditEvent } from '../store/store.ts';

/** An audit event on the wire (`GET /a/{client_id}/audit`, `latchkey audit --json`); shape declared once, in http/schemas.ts. */
export type AuditEventView = Static<typeof AuditResponse>[number];

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
    protocol: e.protocol ?? null,
  };
}
