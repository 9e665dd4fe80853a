/** An application's callback URL (webhooks). Times are Unix seconds. */
export interface Webhook {
  id: string;
  clientId: string;
  callbackUrl: string;
  /** Event names it receives (`account.connected`, …). */
  triggers: string[];
  /** The signing secret, encrypted (AAD `webhook:<id>:signing_secret`). */
  secretEnvelope: string;
  keyVersion: string;
  createdAt: number;
}

/** One event for one webhook in the outbox. Times in ms since the epoch. */
export interface Delivery {
  id: string;
  webhookId: string;
  event: string;
  /** The exact JSON body signed and sent. */
  body: string;
  attempts: number;
  nextAttemptAt: number;
  deliveredAt: number | null;
  /** Set when retries are given up. */
  failedAt: number | null;
  lastError: string | null;
  createdAt: number;
}

/** What one delivery attempt changes (`recordDelivery`). */
export type DeliveryOutcome = Pick<Delivery, 'attempts' | 'nextAttemptAt' | 'deliveredAt' | 'failedAt' | 'lastError'>;

/** The fields of a webhook the application may change (`updateWebhook`). */
export interface WebhookChanges {
  callbackUrl: string;
  triggers: string[];
}

export interface WebhookStore {
  createWebhook(webhook: Webhook): Promise<void>;
  /** An application's webhooks, oldest first. */
  listWebhooks(clientId: string): Promise<Webhook[]>;
  /** Webhooks whose signing secret is encrypted under another key version than `version`. */
  webhooksNotUnder(version: string): Promise<Webhook[]>;
  /** Replaces a signing secret's envelope if it is still `expected` (compare-and-swap). */
  reencryptWebhookSecret(id: string, envelope: string, keyVersion: string, expected: string): Promise<boolean>;
  /** How many webhook signing secrets each key version encrypts. */
  webhookCountsByVersion(): Promise<Record<string, number>>;
  findWebhook(id: string): Promise<Webhook | undefined>;
  /** Changes the callback URL and triggers of the application's webhook `id`. Returns the webhook, or undefined when it has none such. */
  updateWebhook(clientId: string, id: string, changes: WebhookChanges): Promise<Webhook | undefined>;
  /** Deletes the webhook of this application and its pending deliveries. */
  deleteWebhook(clientId: string, id: string): Promise<boolean>;
  enqueueDeliveries(rows: Delivery[]): Promise<void>;
  /** Undelivered, not given up, due at `nowMs`: oldest due first, at most `limit`. */
  dueDeliveries(nowMs: number, limit: number): Promise<Delivery[]>;
  /**
   * Takes a due delivery for sending: moves `next_attempt_at` from `expectedNextAt` to
   * `leaseUntil` in one statement, so of several dispatchers exactly one wins. Returns whether it did.
   */
  claimDelivery(id: string, expectedNextAt: number, leaseUntil: number): Promise<boolean>;
  /** Records the outcome of one attempt. */
  recordDelivery(id: string, outcome: DeliveryOutcome): Promise<void>;
  /** Every delivery of a webhook, oldest first. */
  deliveriesOf(webhookId: string): Promise<Delivery[]>;
}
