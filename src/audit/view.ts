import { Type, type Static } from 'typebox';
import { AUDIT_EVENTS, type AuditEvent } from '../store/store.ts';

/** Audit events on the wire (`GET /a/{client_id}/audit`, `latchkey audit --json`), declared once, here. */
export const AuditResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    at: Type.String({ description: 'ISO 8601 UTC' }),
    event: Type.String({ enum: [...AUDIT_EVENTS] }),
    outcome: Type.String({ description: '`ok`, `revoked`, or the error reason.' }),
    client_id: Type.String(),
    email_hash: Type.Union([Type.String(), Type.Null()], { description: 'First 16 hex digits of SHA-256 of the lower-cased address.' }),
    account_id: Type.Union([Type.String(), Type.Null()]),
    source_ip: Type.Union([Type.String(), Type.Null()]),
    duration_ms: Type.Union([Type.Integer(), Type.Null()]),
    revoked_tokens: Type.Union([Type.Integer(), Type.Null()]),
    protocol: Type.Union([Type.String(), Type.Null()], {
      description: '`credentials.released`: imap, smtp, ews, api (EmailEngine) or all; null for other events.',
    }),
  }),
  { description: 'Audit events, newest first. Never a secret, never an address in clear.' },
);

/** One audit event on the wire (an item of AuditResponse above). */
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
