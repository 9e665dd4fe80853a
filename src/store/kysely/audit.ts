import type { Db } from '../schema.ts';
import type { AuditEvent } from '../store.ts';
import { hot, type Handle } from './hot.ts';

/** The event fields, in the order of the `audit_events` columns they fill (11 bound parameters a row). */
const FIELDS = [
  'id',
  'atMs',
  'event',
  'clientId',
  'outcome',
  'emailHash',
  'accountId',
  'sourceIp',
  'durationMs',
  'revokedTokens',
  'protocol',
] as const;

/** The audit log of KyselyStore (store/contract/ documents each operation): append-only. Times in ms since the epoch. */
export const auditQueries = {
  async record(h: Handle, events: AuditEvent[]): Promise<void> {
    if (!events.length) return;
    // One statement per batch size (the SQL shape depends on the row count), compiled once.
    const args: Record<string, unknown> = {};
    events.forEach((e, i) => FIELDS.forEach((c) => (args[`${c}${i}`] = e[c] ?? null)));
    await hot(
      h,
      `recordAuditEvents:${events.length}`,
      (p) =>
        h.db.insertInto('audit_events').values(
          events.map((_, i) => ({
            id: p[`id${i}`],
            at_ms: p[`atMs${i}`],
            event: p[`event${i}`],
            client_id: p[`clientId${i}`],
            outcome: p[`outcome${i}`],
            email_hash: p[`emailHash${i}`],
            account_id: p[`accountId${i}`],
            source_ip: p[`sourceIp${i}`],
            duration_ms: p[`durationMs${i}`],
            revoked_tokens: p[`revokedTokens${i}`],
            protocol: p[`protocol${i}`],
          })),
        ),
      args,
    );
  },

  async list(db: Db, clientId: string, q: { sinceMs: number; limit: number }): Promise<AuditEvent[]> {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('at_ms', '>=', q.sinceMs)
      .orderBy('at_ms', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      atMs: Number(r.at_ms),
      event: r.event as AuditEvent['event'],
      clientId: r.client_id,
      outcome: r.outcome,
      emailHash: r.email_hash,
      accountId: r.account_id,
      sourceIp: r.source_ip,
      durationMs: r.duration_ms,
      revokedTokens: r.revoked_tokens,
      protocol: r.protocol ?? null,
    }));
  },
};
