import { randomBytes } from 'node:crypto';
import { ApiError } from '../errors/api-error.ts';
import type { KeyRing } from '../crypto/keyring.ts';
import { newId, newSecret } from '../crypto/tokens.ts';
import { httpGet, type HttpGetContext } from '../net/http-get.ts';
import type { Store, Webhook } from '../store/store.ts';
import { EVENTS } from './events.ts';

/** The v2 webhook object (`GET /a/{client_id}/webhooks`). */
export interface WebhookView {
  id: string;
  application_id: string;
  callback_url: string;
  state: 'active';
  triggers: string[];
  version: '2.0';
}

export function webhookView(w: Webhook): WebhookView {
  return { id: w.id, application_id: w.clientId, callback_url: w.callbackUrl, state: 'active', triggers: w.triggers, version: '2.0' };
}

export interface RegisterDeps {
  store: Store;
  keys: KeyRing;
  http: HttpGetContext;
  timeoutMs: number;
  now: () => number;
}

/**
 * Registers a callback URL for an application: `callback_url` must be https; `triggers` (default:
 * every event) must be account events. The v2 challenge handshake runs first: Latchkey GETs
 * `callback_url?challenge=RANDOM` through the outbound policy and the endpoint must answer 200
 * with exactly RANDOM as its body. Then a signing secret is generated: it is returned **once**
 * (`signing_secret`) and stored only encrypted (Latchkey keeps only a hash of the client secret,
 * so it cannot sign with that).
 * `names`: the events allowed and the field names errors speak of — v2's by default; the Nylas v3
 * surface passes its `grant.*` events, `webhook_url` and `trigger_types` (v3/webhooks.ts).
 * @throws ApiError `invalid_value` (400) for a bad URL or trigger; `webhook_challenge_failed` (400)
 *   when the endpoint did not echo the challenge (the message says what it did).
 */
export async function registerWebhook(
  deps: RegisterDeps,
  clientId: string,
  body: Record<string, unknown>,
  names: { events: readonly string[]; url: string; triggers: string } = V2_NAMES,
): Promise<WebhookView & { signing_secret: string }> {
  const url = callbackUrl(body.callback_url, names.url);
  const triggers = checkTriggers(body.triggers === undefined ? [...names.events] : body.triggers, names.events, names.triggers);
  await challenge(deps, url);
  const id = newId();
  const secret = newSecret('webhookSecret');
  const hook: Webhook = {
    id,
    clientId,
    callbackUrl: url.toString(),
    triggers,
    secretEnvelope: deps.keys.encrypt(secret, `webhook:${id}:signing_secret`),
    keyVersion: deps.keys.current,
    createdAt: Math.floor(deps.now() / 1000),
  };
  await deps.store.createWebhook(hook);
  return { ...webhookView(hook), signing_secret: secret };
}

const V2_NAMES = { events: EVENTS, url: 'callback_url', triggers: 'triggers' } as const;

/** A callback URL: https, without credentials. @throws ApiError `invalid_value`, naming `field`. */
export function callbackUrl(raw: unknown, field: string): URL {
  let url: URL;
  try {
    url = new URL(String(raw ?? ''));
  } catch {
    throw new ApiError('invalid_value', { message: `${field} must be an https URL.` });
  }
  if (url.protocol !== 'https:' || url.username || url.password)
    throw new ApiError('invalid_value', { message: `${field} must be an https URL (without credentials).` });
  return url;
}

/** A non-empty list of `events`. @throws ApiError `invalid_value`, naming `field`. */
export function checkTriggers(triggers: unknown, events: readonly string[], field: string): string[] {
  if (!Array.isArray(triggers) || !triggers.length || !triggers.every((t) => events.includes(t as string))) {
    throw new ApiError('invalid_value', { message: `${field} must be a non-empty array of: ${events.join(', ')}.` });
  }
  return [...new Set(triggers as string[])];
}

/**
 * The challenge handshake (v2 and v3 alike): GET `url?challenge=RANDOM` through the outbound
 * policy; the endpoint must answer 200 with exactly RANDOM as its body.
 * @throws ApiError `webhook_challenge_failed`, `destination_not_allowed`.
 */
export async function challenge(deps: RegisterDeps, url: URL): Promise<void> {
  const value = randomBytes(16).toString('hex');
  const probe = new URL(url);
  probe.searchParams.set('challenge', value);
  let answer: { status: number; body: string };
  try {
    answer = await httpGet(probe, deps.http, deps.timeoutMs, 4096, 'webhook');
  } catch (err) {
    if (err instanceof ApiError && err.reason === 'destination_not_allowed') throw err;
    // The network detail stays in the operator's log: echoing it (ECONNREFUSED, TLS alerts) would
    // let a caller probe which ports answer on hosts it names.
    throw new ApiError('webhook_challenge_failed', {
      message: 'The callback URL could not be reached for the challenge (no connection, no TLS, or no answer in time).',
      internal: (err as Error).message,
    });
  }
  if (answer.status !== 200 || answer.body.trim() !== value) {
    const how = answer.status === 200 ? ' but not with the challenge value' : '';
    throw new ApiError('webhook_challenge_failed', {
      message:
        `The callback URL answered the challenge with HTTP ${answer.status}${how}: ` +
        `it must answer 200 with the value of ?challenge= as the body.`,
    });
  }
}
