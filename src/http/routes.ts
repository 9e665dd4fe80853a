import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { authorize } from '../connect/authorize.ts';
import { exchangeCode } from '../connect/token.ts';
import { currentAccount } from '../connect/account.ts';
import { detectProvider } from '../connect/detect-provider.ts';
import { registerAuditRoute, registerManagementRoutes } from './management-routes.ts';
import { registerWebhookRoutes } from './webhook-routes.ts';
import { registerHostedRoutes } from './hosted-routes.ts';
import { registerCredentialsRoutes } from './credentials-routes.ts';
import { registerV3Routes } from '../v3/routes.ts';
import { AccountBody, TokenResponse } from '../connect/account-view.ts';
import { DetectResponse } from '../detect/view.ts';
import { AuthorizeBody, CodeResponse, DetectBody, errors, Health, TokenBody } from './schemas.ts';
import { asObject, BODY_TYPES } from './body-parsers.ts';

/**
 * Every public endpoint, declared once: method, path, schemas (which also build `/openapi.json`)
 * and a handler that calls one domain function.
 */
export function registerRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(
    '/connect/authorize',
    {
      // The schema documents the wire shape; the domain validation in connect/request.ts answers
      // with the v2 errors (missing_fields and the rest), so schema failures are not fatal here.
      attachValidation: true,
      schema: {
        summary: 'Verify credentials with the provider and return a one-time code',
        tags: ['native authentication'],
        consumes: BODY_TYPES,
        body: AuthorizeBody,
        response: { 200: CodeResponse, ...errors },
      },
    },
    async (req) => authorize(ctx, asObject(req.body), { ip: req.ip }),
  );

  app.post(
    '/connect/token',
    {
      attachValidation: true,
      schema: {
        summary: 'Exchange a code for the account and an access token',
        tags: ['native authentication'],
        consumes: BODY_TYPES,
        body: TokenBody,
        response: { 200: TokenResponse, ...errors },
      },
    },
    async (req) => exchangeCode(ctx, asObject(req.body), { ip: req.ip }),
  );

  app.post(
    '/connect/detect-provider',
    {
      attachValidation: true,
      schema: {
        summary: 'Detect the provider and IMAP/SMTP settings of an email address',
        tags: ['native authentication'],
        consumes: BODY_TYPES,
        body: DetectBody,
        response: { 200: DetectResponse, ...errors },
      },
    },
    async (req) => detectProvider(ctx, asObject(req.body)),
  );

  app.get(
    '/account',
    {
      schema: {
        summary: 'The account behind an access token (Bearer, or Basic with the token as username)',
        tags: ['accounts'],
        security: [{ bearer: [] }, { basic: [] }],
        response: { 200: AccountBody, ...errors },
      },
    },
    async (req) => currentAccount(ctx, req.headers.authorization),
  );

  registerManagementRoutes(app, ctx);
  registerHostedRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerV3Routes(app, ctx);
  registerCredentialsRoutes(app, ctx);
  registerAuditRoute(app, ctx);

  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['operations'], response: { 200: Health } } }, async () => ({ status: 'ok' }));

  app.get(
    '/readyz',
    { schema: { summary: 'Readiness: the database answers', tags: ['operations'], response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const ok = await ctx.store.ping().catch(() => false);
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'database unavailable' });
    },
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
