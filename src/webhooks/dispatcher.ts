import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { KeyRing } from '../crypto/keyring.ts';
import type { HttpGetContext } from '../net/http-get.ts';
import { httpsPost } from '../net/http-post.ts';
import type { Delivery, Store } from '../store/store.ts';
import { Periodic } from '../shared/periodic.ts';
import { isV3Webhook } from './events.ts';

/** Delivery policy (config `webhooks`; README "Webhooks"). */
export interface RetryPolicy {
  /** Delay after the first failed attempt, ms; doubles after each further failure. */
  baseMs: number;
  /** Longest delay between two attempts, ms. */
  maxMs: number;
  /** Attempts before a delivery is given up (`failed_at` set). */
  maxAttempts: number;
  /** One attempt: connect, TLS, answer, ms. */
  timeoutMs: number;
}

export interface DispatcherDeps {
  store: Store;
  keys: KeyRing;
  http: HttpGetContext;
  log: Logger;
  now: () => number;
}

/** Hex HMAC-SHA256 of the body under the webhook's signing secret (header `X-Latchkey-Signature`). */
export function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/**
 * Sends the outbox (`webhook_deliveries`). Each due delivery is first claimed in one statement
 * (so several dispatchers never send one twice), then POSTed with `X-Latchkey-Signature` and
 * `X-Latchkey-Delivery` (its id, stable across retries, for receivers to de-duplicate) through
 * the outbound policy. A 2xx answer marks it delivered; anything else is retried after
 * min(base × 2^(attempts−1), max) until `maxAttempts`. State lives in the database only, so an
 * event survives a restart and is sent by the next process.
 */
export class WebhookDispatcher {
  private readonly periodic: Periodic;

  constructor(
    private readonly deps: DispatcherDeps,
    readonly policy: RetryPolicy,
  ) {
    this.periodic = new Periodic(() => this.runOnce(), deps.log, 'webhook pass failed');
  }

  /** Sends what is due now; resolves when those attempts end. @returns attempts made and delivered. */
  async runOnce(): Promise<{ attempted: number; delivered: number }> {
    let attempted = 0;
    let delivered = 0;
    for (const d of await this.deps.store.dueDeliveries(this.deps.now(), 50)) {
      const lease = this.deps.now() + this.policy.timeoutMs * 2;
      if (!(await this.deps.store.claimDelivery(d.id, d.nextAttemptAt, lease))) continue;
      attempted++;
      if (await this.attempt(d)) delivered++;
    }
    return { attempted, delivered };
  }

  private async attempt(d: Delivery): Promise<boolean> {
    const hook = await this.deps.store.findWebhook(d.webhookId);
    if (!hook) return false;
    const attempts = d.attempts + 1;
    let problem: string;
    try {
      const secret = this.deps.keys.decrypt(hook.secretEnvelope, `webhook:${hook.id}:signing_secret`);
      // A v3 webhook's receivers check X-Nylas-Signature (the same hex HMAC-SHA256 of the raw body).
      const signature = isV3Webhook(hook) ? 'x-nylas-signature' : 'x-latchkey-signature';
      const status = await httpsPost(
        new URL(hook.callbackUrl),
        d.body,
        { [signature]: sign(d.body, secret), 'x-latchkey-delivery': d.id },
        this.deps.http,
        this.policy.timeoutMs,
      );
      if (status >= 200 && status < 300) {
        await this.deps.store.recordDelivery(d.id, {
          attempts,
          nextAttemptAt: d.nextAttemptAt,
          deliveredAt: this.deps.now(),
          failedAt: null,
          lastError: null,
        });
        this.deps.log.info(
          { event: 'webhook.delivered', delivery_id: d.id, webhook_id: hook.id, type: d.event, attempts },
          'webhook delivered',
        );
        return true;
      }
      problem = `HTTP ${status}`;
    } catch (err) {
      problem = (err as Error).message ?? String(err);
    }
    const giveUp = attempts >= this.policy.maxAttempts;
    const next = this.deps.now() + Math.min(this.policy.maxMs, this.policy.baseMs * 2 ** (attempts - 1));
    await this.deps.store.recordDelivery(d.id, {
      attempts,
      nextAttemptAt: next,
      deliveredAt: null,
      failedAt: giveUp ? this.deps.now() : null,
      lastError: problem.slice(0, 300),
    });
    this.deps.log.warn(
      { event: 'webhook.failed', delivery_id: d.id, webhook_id: hook.id, type: d.event, attempts, problem, gave_up: giveUp },
      'webhook delivery failed',
    );
    return false;
  }

  /** Runs `runOnce` every `pollMs` (unref'd timer); a pass in progress is never overlapped. */
  start(pollMs: number): void {
    this.periodic.start(pollMs);
  }

  async stop(): Promise<void> {
    await this.periodic.stop();
  }
}
