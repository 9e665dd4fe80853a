import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { authenticateManagement } from '../manage/auth.ts';
import { registerWebhook, webhookView } from '../webhooks/register.ts';
import { isV3Webhook } from '../webhooks/events.ts';
import { EVENTS } from '../webhooks/events.ts';
import { errors } from './schemas.ts';
import { ClientParams, Success } from './management-schemas.ts';

const tags = ['webhooks'];
const security = [{ basic: [] }];
const WebhookParams = Type.Object({ client_id: Type.String(), id: Type.String() });
const WebhookFields = {
  id: Type.String(),
  application_id: Type.String(),
  callback_url: Type.String(),
  state: Type.Literal('active'),
  triggers: Type.Array(Type.String({ enum: [...EVENTS] })),
  version: Type.Literal('2.0'),
};
const WebhookObject = Type.Object(WebhookFields);
const CreatedWebhook = Type.Object({
  ...WebhookFields,
  signing_secret: Type.String({ description: 'Shown once: verify X-Latchkey-Signature (hex HMAC-SHA256 of the body) with it.' }),
});
const WebhookBody = Type.Object({
  callback_url: Type.String({ description: 'https; must answer GET ?challenge=V with 200 and body V.' }),
  triggers: Type.Optional(Type.Array(Type.String({ enum: [...EVENTS] }), { description: 'Default: every account event.' })),
});

/** Webhook administration under `/a/{client_id}/webhooks`, authenticated like the management API. */
export function registerWebhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  const auth = (req: FastifyRequest) =>
    authenticateManagement(ctx, (req.params as { client_id: string }).client_id, req.headers.authorization);
  const own = async (req: FastifyRequest) => {
    const a = await auth(req);
    const hook = await ctx.store.findWebhook((req.params as { id: string }).id);
    if (!hook || hook.clientId !== a.clientId) throw new ApiError('webhook_not_found');
    return hook;
  };

  app.get(
    '/a/:client_id/webhooks',
    {
      schema: {
        summary: 'The application’s webhooks',
        tags,
        security,
        params: ClientParams,
        response: { 200: Type.Array(WebhookObject), ...errors },
      },
    },
    async (req) => (await ctx.store.listWebhooks((await auth(req)).clientId)).filter((w) => !isV3Webhook(w)).map(webhookView),
  );

  app.post(
    '/a/:client_id/webhooks',
    {
      attachValidation: true,
      schema: {
        summary: 'Register a callback URL (after the challenge handshake); the signing secret is shown once',
        tags,
        security,
        params: ClientParams,
        body: WebhookBody,
        response: { 200: CreatedWebhook, ...errors },
      },
    },
    async (req) => {
      const a = await auth(req);
      const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
      return registerWebhook(
        { store: ctx.store, keys: ctx.keys, http: ctx.detect.http, timeoutMs: ctx.config.webhooks.timeoutMs, now: ctx.now },
        a.clientId,
        body,
      );
    },
  );

  app.get(
    '/a/:client_id/webhooks/:id',
    {
      schema: { summary: 'One webhook', tags, security, params: WebhookParams, response: { 200: WebhookObject, ...errors } },
    },
    async (req) => webhookView(await own(req)),
  );

  app.delete(
    '/a/:client_id/webhooks/:id',
    {
      schema: {
        summary: 'Delete a webhook and its pending deliveries',
        tags,
        security,
        params: WebhookParams,
        response: { 200: Success, ...errors },
      },
    },
    async (req) => {
      const hook = await own(req);
      await ctx.store.deleteWebhook(hook.clientId, hook.id);
      return { success: 'true' as const };
    },
  );
}
