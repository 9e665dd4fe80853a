import type { AppContext } from '../app/context.ts';
import type { AuditEvent, Store } from '../store/store.ts';
import { auditEvent, type AuditInput } from './record.ts';

/** Rows per INSERT at most (11 bound parameters each: far under SQLite's and PostgreSQL's limits). */
const MAX_BATCH = 200;

interface Pending {
  event: AuditEvent;
  done: () => void;
}

/** Per store (one per server: tests run several in one process), the events waiting for the next write. */
const queues = new WeakMap<Store, { waiting: Pending[]; scheduled: boolean }>();

/**
 * Appends one audit event exactly as recordAudit does — the promise resolves once the row is
 * committed (or its failure logged and swallowed, the same best-effort contract) — but commits it
 * together with the events other requests record in the same turn of the event loop: a group
 * commit. On a hot path with many concurrent callers (a sync engine asking for credentials before
 * every connection, issue 14) one multi-row INSERT replaces one commit per request, which was the
 * largest cost of a release (~250 µs of ~1.1 ms on SQLite). Nothing is lost or reordered: each
 * caller still waits for its own row, and a batch that fails is retried row by row, so one bad
 * row cannot take the others with it.
 * Not for rows that must commit with other writes: pass a transaction's store to recordAudit.
 */
export function recordAuditGrouped(ctx: AppContext, e: AuditInput): Promise<void> {
  let q = queues.get(ctx.store);
  if (!q) queues.set(ctx.store, (q = { waiting: [], scheduled: false }));
  const queue = q;
  return new Promise<void>((resolve) => {
    queue.waiting.push({ event: auditEvent(ctx, e), done: resolve });
    if (queue.scheduled) return;
    queue.scheduled = true;
    // setImmediate: after the poll phase, so the requests read in this turn join the batch.
    setImmediate(() => {
      queue.scheduled = false;
      const batch = queue.waiting.splice(0);
      void flush(ctx, batch);
    });
  });
}

async function flush(ctx: AppContext, batch: Pending[]): Promise<void> {
  for (let i = 0; i < batch.length; i += MAX_BATCH) {
    const part = batch.slice(i, i + MAX_BATCH);
    try {
      await ctx.store.recordAuditEvents(part.map((p) => p.event));
    } catch {
      // One row at a time, so that only a row that itself fails is lost (and logged).
      for (const p of part) {
        try {
          await ctx.store.recordAuditEvent(p.event);
        } catch (err) {
          ctx.log.error({ err, audit_event: p.event.event }, 'writing the audit log failed');
        }
      }
    }
    for (const p of part) p.done();
  }
}
