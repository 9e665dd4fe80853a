import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { authenticateApiKey } from '../manage/api-keys.ts';
import type { Webhook } from '../store/store.ts';
import { isV3Webhook, V3_EVENTS } from '../webhooks/events.ts';
import { callbackUrl, challenge, checkTriggers, registerWebhook, type RegisterDeps } from '../webhooks/register.ts';
import { requestIdOf } from './errors.ts';
import { Envelope, ListEnvelope, v3Errors } from './schemas.ts';

const tags = ['nylas v3'];
const security = [{ bearer: [] }];

const WebhookFields = {
  id: Type.String(),
  trigger_types: Type.Array(Type.String({ enum: [...V3_EVENTS] })),
  webhook_url: Type.String(),
  status: Type.Literal('active'),
  notification_email_addresses: Type.Array(Type.String(), {
    description: 'Always empty: Latchkey sends no e-mail about failing webhooks.',
  }),
  created_at: Type.Integer({ description: 'Unix seconds' }),
  status_updated_at: Type.Integer({ description: 'Unix seconds' }),
  updated_at: Type.Integer({ description: 'Unix seconds' }),
};
const V3Webhook = Type.Object(WebhookFields);
const V3WebhookWithSecret = Type.Object({
  ...WebhookFields,
  webhook_secret: Type.String({ description: 'Shown once: X-Nylas-Signature is the hex HMAC-SHA256 of the raw body under it.' }),
});
const CreateBody = Type.Object(
  {
    trigger_types: Type.Array(Type.String(), { description: `Any of ${V3_EVENTS.join(', ')}.` }),
    webhook_url: Type.String({ description: 'https; must answer GET ?challenge=V with 200 and body V within the timeout.' }),
    description: Type.Optional(Type.String({ description: 'Accepted, not stored.' })),
    notification_email_addresses: Type.Optional(Type.Array(Type.String(), { description: 'Accepted, not used.' })),
  },
  { additionalProperties: true },
);
const UpdateBody = Type.Object(
  { trigger_types: Type.Optional(Type.Array(Type.String())), webhook_url: Type.Optional(Type.String()) },
  { additionalProperties: true },
);
const IdParams = Type.Object({ id: Type.String() });

/** v3's webhook object for a stored webhook. Latchkey does not pause failing webhooks: `active`. */
function v3WebhookView(w: Webhook): Static<typeof V3Webhook> {
  return {
    id: w.id,
    trigger_types: w.triggers,
    webhook_url: w.callbackUrl,
    status: 'active',
    notification_email_addresses: [],
    created_at: w.createdAt,
    status_updated_at: w.createdAt,
    updated_at: w.createdAt,
  };
}

/**
 * `/v3/webhooks` (the SDK's `webhooks.create/list/find/update/destroy`): v3 webhooks are the v2
 * webhooks (webhooks/*: the challenge handshake, the signing secret shown once and stored
 * encrypted, the durable outbox, the outbound policy, one sender) with v3's triggers
 * (`grant.created`, `grant.updated`, `grant.deleted`, `grant.expired`), v3's notification bodies and
 * `X-Nylas-Signature`. Each surface lists only its own webhooks.
 */
export function registerV3WebhookRoutes(v3: FastifyInstance, ctx: AppContext): void {
  const app = (req: FastifyRequest) => authenticateApiKey(ctx, req.headers.authorization);
  const data = <T>(reply: FastifyReply, value: T) => ({ request_id: requestIdOf(reply), data: value });
  const deps = (): RegisterDeps => ({
    store: ctx.store,
    keys: ctx.keys,
    http: ctx.detect.http,
    timeoutMs: ctx.config.webhooks.timeoutMs,
    now: ctx.now,
  });
  const body = (req: FastifyRequest) => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});
  const own = async (req: FastifyRequest) => {
    const a = await app(req);
    const hook = await ctx.store.findWebhook((req.params as { id: string }).id);
    if (!hook || hook.clientId !== a.clientId || !isV3Webhook(hook)) throw new ApiError('webhook_not_found');
    return hook;
  };

  v3.post(
    '/webhooks',
    {
      attachValidation: true,
      schema: {
        summary: 'Register a webhook (after the challenge handshake); webhook_secret is shown once',
        tags,
        security,
        body: CreateBody,
        response: { 200: Envelope(V3WebhookWithSecret), ...v3Errors },
      },
    },
    async (req, reply) => {
      const a = await app(req);
      const b = body(req);
      if (b.trigger_types === undefined || b.webhook_url === undefined) {
        throw new ApiError('missing_fields', { missingFields: ['trigger_types', 'webhook_url'].filter((k) => b[k] === undefined) });
      }
      const made = await registerWebhook(
        deps(),
        a.clientId,
        { callback_url: b.webhook_url, triggers: b.trigger_types },
        { events: V3_EVENTS, url: 'webhook_url', triggers: 'trigger_types' },
      );
      const hook = (await ctx.store.findWebhook(made.id))!;
      return data(reply, { ...v3WebhookView(hook), webhook_secret: made.signing_secret });
    },
  );

  v3.get(
    '/webhooks',
    {
      schema: { summary: 'The application’s v3 webhooks', tags, security, response: { 200: ListEnvelope(V3Webhook), ...v3Errors } },
    },
    async (req, reply) => data(reply, (await ctx.store.listWebhooks((await app(req)).clientId)).filter(isV3Webhook).map(v3WebhookView)),
  );

  v3.get(
    '/webhooks/:id',
    {
      schema: { summary: 'One webhook', tags, security, params: IdParams, response: { 200: Envelope(V3Webhook), ...v3Errors } },
    },
    async (req, reply) => data(reply, v3WebhookView(await own(req))),
  );

  v3.put(
    '/webhooks/:id',
    {
      attachValidation: true,
      schema: {
        summary: 'Change trigger_types or webhook_url (a new URL passes the challenge first)',
        tags,
        security,
        params: IdParams,
        body: UpdateBody,
        response: { 200: Envelope(V3Webhook), ...v3Errors },
      },
    },
    async (req, reply) => {
      const hook = await own(req);
      const b = body(req);
      const triggers = b.trigger_types === undefined ? hook.triggers : checkTriggers(b.trigger_types, V3_EVENTS, 'trigger_types');
      let url = hook.callbackUrl;
      if (b.webhook_url !== undefined) {
        const next = callbackUrl(b.webhook_url, 'webhook_url');
        if (next.toString() !== hook.callbackUrl) await challenge(deps(), next);
        url = next.toString();
      }
      const updated = await ctx.store.updateWebhook(hook.clientId, hook.id, { callbackUrl: url, triggers });
      if (!updated) throw new ApiError('webhook_not_found');
      return data(reply, v3WebhookView(updated));
    },
  );

  v3.delete(
    '/webhooks/:id',
    {
      schema: {
        summary: 'Delete a webhook and its pending deliveries',
        tags,
        security,
        params: IdParams,
        response: { 200: Type.Object({ request_id: Type.String(), data: Type.Object({ status: Type.Literal('success') }) }), ...v3Errors },
      },
    },
    async (req, reply) => {
      const hook = await own(req);
      await ctx.store.deleteWebhook(hook.clientId, hook.id);
      return data(reply, { status: 'success' as const });
    },
  );
}
