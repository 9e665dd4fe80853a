import type { Logger } from 'pino';
import { newId } from '../crypto/tokens.ts';
import type { Config } from '../config/env.ts';
import { reconnectUrl } from '../hosted/reconnect.ts';
import type { Store } from '../store/store.ts';
import { v3ProviderName } from '../providers/v3-names.ts';

/** The account events an application can receive (v2 webhook triggers). */
export const EVENTS = ['account.connected', 'account.invalid', 'account.running', 'account.deleted'] as const;
export type WebhookEvent = (typeof EVENTS)[number];

/**
 * The v2 notification body: `{"deltas": [{date, object: "account", type, object_data: {…}}]}`
 * (`date` in Unix seconds; `object_data` names the account, no other account data).
 */
export function eventBody(
  event: WebhookEvent,
  accountId: string,
  nowMs: number,
  attributes: Record<string, unknown> | null = null,
): string {
  const date = Math.floor(nowMs / 1000);
  return JSON.stringify({
    deltas: [
      {
        date,
        object: 'account',
        type: event,
        object_data: { namespace_id: accountId, account_id: accountId, object: 'account', attributes, id: accountId, metadata: null },
      },
    ],
  });
}

/**
 * Nylas v3 grant triggers (issue 15) and the account event each one is: a v3 webhook (registered
 * at `/v3/webhooks`, its triggers all `grant.*`) receives the same events as a v2 one, named and
 * shaped as v3 sends them, from the same outbox and sender.
 */
export const V3_EVENTS = ['grant.created', 'grant.updated', 'grant.deleted', 'grant.expired'] as const;
const V3_EVENT_OF: Record<WebhookEvent, (typeof V3_EVENTS)[number]> = {
  'account.connected': 'grant.created',
  // An invalid account authorized again is running again: v3 reports the grant updated.
  'account.running': 'grant.updated',
  'account.deleted': 'grant.deleted',
  // The credential health check found the stored credentials refused.
  'account.invalid': 'grant.expired',
};

/** A webhook registered through `/v3/webhooks` (its triggers are v3's `grant.*` names). */
export function isV3Webhook(w: { triggers: string[] }): boolean {
  return w.triggers.length > 0 && w.triggers.every((t) => t.startsWith('grant.'));
}

/**
 * The v3 notification body (Nylas v3 "Notification schemas": CloudEvents-style `specversion`,
 * `type`, `source`, `id`, `time` in Unix seconds, `data: {application_id, object}`); `object`
 * names the grant (`grant_id`, v3 `provider`, `email`) and, for `grant.expired`, carries the
 * hosted-login `reconnect_url` when there is one.
 */
export function v3EventBody(type: string, account: EventAccount, nowMs: number, extra: Record<string, unknown> | null): string {
  const object: Record<string, unknown> = { grant_id: account.id };
  if (account.provider) object.provider = v3ProviderName(account.provider);
  if (account.emailAddress) object.email = account.emailAddress;
  return JSON.stringify({
    specversion: '1.0',
    type,
    source: '/latchkey/grant',
    id: newId(),
    time: Math.floor(nowMs / 1000),
    data: { application_id: account.clientId, object: { ...object, ...(extra ?? {}) } },
  });
}

/** What an event needs of the account (callers pass the stored Account). */
export interface EventAccount {
  id: string;
  clientId: string;
  scopes?: string;
  provider?: string;
  emailAddress?: string;
}

/**
 * Puts the event in the durable outbox: one delivery per webhook of the application whose
 * triggers include it, due at once. `account.invalid` carries `attributes.reconnect_url` (a
 * ready-made hosted-login link that reconnects the account, hosted/reconnect.ts) when `deps`
 * has the configuration and the application a redirect URI. Failures are logged, never
 * thrown: an event must not fail the request or job that caused it.
 * @returns how many deliveries were queued.
 */
export async function emitAccountEvent(
  deps: { store: Store; log: Logger; now: () => number; config?: Config },
  account: EventAccount,
  event: WebhookEvent,
): Promise<number> {
  try {
    const now = deps.now();
    const v3Event = V3_EVENT_OF[event];
    const hooks = (await deps.store.listWebhooks(account.clientId)).filter((w) => w.triggers.includes(isV3Webhook(w) ? v3Event : event));
    if (!hooks.length) return 0;
    const link =
      event === 'account.invalid' && deps.config ? await reconnectUrl({ store: deps.store, config: deps.config }, account) : null;
    const extra = link ? { reconnect_url: link } : null;
    const v2Body = eventBody(event, account.id, now, extra);
    await deps.store.enqueueDeliveries(
      hooks.map((w) => {
        const v3 = isV3Webhook(w);
        return {
          id: newId(),
          webhookId: w.id,
          event: v3 ? v3Event : event,
          body: v3 ? v3EventBody(v3Event, account, now, extra) : v2Body,
          attempts: 0,
          nextAttemptAt: now,
          deliveredAt: null,
          failedAt: null,
          lastError: null,
          createdAt: now,
        };
      }),
    );
    if (hooks.length)
      deps.log.info({ event: 'webhook.queued', type: event, account_id: account.id, deliveries: hooks.length }, 'webhook event queued');
    return hooks.length;
  } catch (err) {
    deps.log.error({ err, type: event, account_id: account.id }, 'queueing a webhook event failed');
    return 0;
  }
}
