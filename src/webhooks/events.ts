import type { Logger } from 'pino';
import { newId } from '../crypto/tokens.ts';
import type { Config } from '../config/env.ts';
import { reconnectUrl } from '../hosted/reconnect.ts';
import type { Store } from '../store/store.ts';

/** The account events an application can receive (v2 webhook triggers). */
export const EVENTS = ['account.connected', 'account.invalid', 'account.running', 'account.deleted'] as const;
export type WebhookEvent = (typeof EVENTS)[number];

/**
 * The v2 notification body: `{"deltas": [{date, object: "account", type, object_data: {…}}]}`
 * (`date` in Unix seconds; `object_data` names the account, no other account data).
 */
export function eventBody(event: WebhookEvent, accountId: string, nowMs: number, attributes: Record<string, unknown> | null = null): string {
  const date = Math.floor(nowMs / 1000);
  return JSON.stringify({
    deltas: [{
      date,
      object: 'account',
      type: event,
      object_data: { namespace_id: accountId, account_id: accountId, object: 'account', attributes, id: accountId, metadata: null },
    }],
  });
}

/**
 * Puts the event in the durable outbox: one delivery per webhook of the application whose
 * triggers include it, due at once. `account.invalid` carries `attributes.reconnect_url` (a
 * ready-made hosted-login link that reconnects the account, hosted/reconnect.ts) when `deps`
 * has the configuration and the application a redirect URI. Failures are logged, never
 * thrown: an event must not fail the request or job that caused it.
 * @returns how many deliveries were queued.
 */
export async function emitAccountEvent(deps: { store: Store; log: Logger; now: () => number; config?: Config }, account: { id: string; clientId: string; scopes?: string }, event: WebhookEvent): Promise<number> {
  try {
    const now = deps.now();
    const hooks = (await deps.store.listWebhooks(account.clientId)).filter((w) => w.triggers.includes(event));
    if (!hooks.length) return 0;
    const link = event === 'account.invalid' && deps.config ? await reconnectUrl({ store: deps.store, config: deps.config }, account) : null;
    const body = eventBody(event, account.id, now, link ? { reconnect_url: link } : null);
    await deps.store.enqueueDeliveries(hooks.map((w) => ({
      id: newId(), webhookId: w.id, event, body, attempts: 0, nextAttemptAt: now, deliveredAt: null, failedAt: null, lastError: null, createdAt: now,
    })));
    if (hooks.length) deps.log.info({ event: 'webhook.queued', type: event, account_id: account.id, deliveries: hooks.length }, 'webhook event queued');
    return hooks.length;
  } catch (err) {
    deps.log.error({ err, type: event, account_id: account.id }, 'queueing a webhook event failed');
    return 0;
  }
}
