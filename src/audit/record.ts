import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import type { AuditEvent, Store } from '../store/store.ts';

/**
 * The address as the audit log and the log lines show it: the first 16 hex digits (64 bits) of
 * SHA-256 of the trimmed, lower-cased address — enough to follow one address across events,
 * never the address itself.
 * @returns undefined when there is no address.
 */
export function emailHash(email: unknown): string | undefined {
  if (typeof email !== 'string' || !email.trim()) return undefined;
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16);
}

let sequence = 0;

/**
 * Ids sort in the order events were recorded (time in ms, then a per-process counter for events
 * of the same millisecond), then 64 random bits so ids from several processes never collide.
 */
function auditId(atMs: number): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${String(atMs).padStart(13, '0')}-${String(sequence).padStart(6, '0')}-${randomBytes(8).toString('hex')}`;
}

/** What a caller says about an event; id and time are filled in here. */
export type AuditInput = Pick<AuditEvent, 'event' | 'clientId' | 'outcome'> &
  Partial<Pick<AuditEvent, 'emailHash' | 'accountId' | 'sourceIp' | 'durationMs' | 'revokedTokens' | 'protocol'>>;

/**
 * Appends one audit event (issue 6 §4). Best effort by design: a full disk must not turn a
 * successful login into an error, so a failed write is logged (at error level, without the
 * event's fields beyond its kind) and swallowed. `store` is a transaction's store when the row
 * belongs with the writes it records (the token path: it commits with them or not at all).
 */
export async function recordAudit(ctx: AppContext, e: AuditInput, store: Store = ctx.store): Promise<void> {
  try {
    await store.recordAuditEvent(auditEvent(ctx, e));
  } catch (err) {
    ctx.log.error({ err, audit_event: e.event }, 'writing the audit log failed');
  }
}

/** The row for an event: its id and time (now) filled in, absent fields null. */
export function auditEvent(ctx: AppContext, e: AuditInput): AuditEvent {
  const atMs = ctx.now();
  return {
    id: auditId(atMs),
    atMs,
    event: e.event,
    clientId: e.clientId,
    outcome: e.outcome,
    emailHash: e.emailHash ?? null,
    accountId: e.accountId ?? null,
    sourceIp: e.sourceIp ?? null,
    durationMs: e.durationMs ?? null,
    revokedTokens: e.revokedTokens ?? null,
    protocol: e.protocol ?? null,
  };
}
