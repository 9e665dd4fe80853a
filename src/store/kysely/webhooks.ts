import type { Database, Db } from '../schema.ts';
import type { Delivery, DeliveryOutcome, Webhook, WebhookChanges } from '../store.ts';
import { hot, type Handle } from './hot.ts';
import { orNull as n } from './rows.ts';

/** The webhook half of KyselyStore (store/contract/ documents each operation). Times of deliveries in ms. */
export const webhookQueries = {
  async create(db: Db, w: Webhook): Promise<void> {
    await db
      .insertInto('webhooks')
      .values({
        id: w.id,
        client_id: w.clientId,
        callback_url: w.callbackUrl,
        triggers: JSON.stringify(w.triggers),
        secret_envelope: w.secretEnvelope,
        key_version: w.keyVersion,
        created_at: w.createdAt,
      })
      .execute();
  },
  async list(h: Handle, clientId: string): Promise<Webhook[]> {
    // Precompiled: every new account's token exchange asks it (webhooks/events.ts).
    const { rows } = await hot(
      h,
      'listWebhooks',
      (p) => h.db.selectFrom('webhooks').selectAll().where('client_id', '=', p.clientId).orderBy('created_at').orderBy('id'),
      { clientId },
    );
    return rows.map(toWebhook);
  },
  async find(db: Db, id: string): Promise<Webhook | undefined> {
    const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toWebhook(row);
  },
  /** Webhooks whose signing secret is not under `version` (for key rotation). */
  async notUnder(db: Db, version: string): Promise<Webhook[]> {
    const rows = await db.selectFrom('webhooks').selectAll().where('key_version', '!=', version).orderBy('id').execute();
    return rows.map(toWebhook);
  },
  /** Compare-and-swap of the signing secret's envelope: false when it changed meanwhile. */
  async reencrypt(db: Db, id: string, envelope: string, keyVersion: string, expected: string): Promise<boolean> {
    const r = await db
      .updateTable('webhooks')
      .set({ secret_envelope: envelope, key_version: keyVersion })
      .where('id', '=', id)
      .where('secret_envelope', '=', expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
  async countsByVersion(db: Db): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('webhooks')
      .select((eb) => ['key_version', eb.fn.countAll<number>().as('n')])
      .groupBy('key_version')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.key_version, Number(r.n)]));
  },
  async update(db: Db, clientId: string, id: string, c: WebhookChanges): Promise<Webhook | undefined> {
    await db
      .updateTable('webhooks')
      .set({ callback_url: c.callbackUrl, triggers: JSON.stringify(c.triggers) })
      .where('client_id', '=', clientId)
      .where('id', '=', id)
      .execute();
    const row = await db.selectFrom('webhooks').selectAll().where('client_id', '=', clientId).where('id', '=', id).executeTakeFirst();
    return row && toWebhook(row);
  },
  async delete(db: Db, clientId: string, id: string): Promise<boolean> {
    const r = await db.deleteFrom('webhooks').where('client_id', '=', clientId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },
  async enqueue(db: Db, rows: Delivery[]): Promise<void> {
    if (!rows.length) return;
    await db
      .insertInto('webhook_deliveries')
      .values(
        rows.map((d) => ({
          id: d.id,
          webhook_id: d.webhookId,
          event: d.event,
          body: d.body,
          attempts: d.attempts,
          next_attempt_at: d.nextAttemptAt,
          delivered_at: d.deliveredAt,
          failed_at: d.failedAt,
          last_error: d.lastError,
          created_at: d.createdAt,
        })),
      )
      .execute();
  },
  async due(db: Db, nowMs: number, limit: number): Promise<Delivery[]> {
    const rows = await db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('delivered_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('next_attempt_at', '<=', nowMs)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  },
  async claim(db: Db, id: string, expectedNextAt: number, leaseUntil: number): Promise<boolean> {
    const r = await db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: leaseUntil })
      .where('id', '=', id)
      .where('next_attempt_at', '=', expectedNextAt)
      .where('delivered_at', 'is', null)
      .where('failed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  async record(db: Db, id: string, o: DeliveryOutcome): Promise<void> {
    await db
      .updateTable('webhook_deliveries')
      .set({
        attempts: o.attempts,
        next_attempt_at: o.nextAttemptAt,
        delivered_at: o.deliveredAt,
        failed_at: o.failedAt,
        last_error: o.lastError,
      })
      .where('id', '=', id)
      .execute();
  },
  async of(db: Db, webhookId: string): Promise<Delivery[]> {
    const rows = await db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', webhookId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toDelivery);
  },
};

function toWebhook(r: Database['webhooks']): Webhook {
  return {
    id: r.id,
    clientId: r.client_id,
    callbackUrl: r.callback_url,
    triggers: JSON.parse(r.triggers) as string[],
    secretEnvelope: r.secret_envelope,
    keyVersion: r.key_version,
    createdAt: Number(r.created_at),
  };
}

function toDelivery(r: Database['webhook_deliveries']): Delivery {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    event: r.event,
    body: r.body,
    attempts: Number(r.attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    deliveredAt: n(r.delivered_at),
    failedAt: n(r.failed_at),
    lastError: r.last_error,
    createdAt: Number(r.created_at),
  };
}
