import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { errorHandler } from '../http/errors.ts';
import { asObject } from '../http/body-parsers.ts';
import { authenticateApiKey } from '../manage/api-keys.ts';
import { applicationDetails } from './applications.ts';
import { registerConnectorRoutes } from './connectors.ts';
import { customAuthentication, updateGrant } from './custom-auth.ts';
import { registerOAuthRoutes } from './oauth.ts';
import { registerV3WebhookRoutes } from './webhooks.ts';
import { REQUEST_ID_HEADER, requestIdOf, v3ErrorBody } from './errors.ts';
import { currentGrant, destroyGrant, findGrant, listGrants } from './grants.ts';
import { detectProviderV3 } from './providers-detect.ts';
import {
  ApplicationDetails,
  CustomAuthBody,
  Envelope,
  Grant,
  GrantListQuery,
  GrantParams,
  ListEnvelope,
  ProviderDetect,
  ProviderDetectQuery,
  RequestIdOnly,
  UpdateGrantBody,
  v3Errors,
} from './schemas.ts';

const tags = ['nylas v3'];
const security = [{ bearer: [] }];

/**
 * The Nylas v3 surface under `/v3` (issue 15): thin mappings over the same domain steps as v2,
 * in v3's envelopes. Every answer carries a request id (header `x-request-id` and body
 * `request_id`); every failure leaves as `{request_id, error: {type, message, provider_error}}`
 * from the one catalogue (v3/errors.ts). Callers authenticate with an application API key
 * (`Authorization: Bearer`, manage/api-keys.ts).
 */
export function registerV3Routes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(
    async (v3) => {
      v3.addHook('onRequest', async (_req, reply) => {
        void reply.header(REQUEST_ID_HEADER, crypto.randomUUID());
      });
      v3.setErrorHandler(errorHandler((err, reply) => v3ErrorBody(err, requestIdOf(reply))));
      v3.setNotFoundHandler((request, reply) => {
        const err = new ApiError('not_found', {
          message:
            `No endpoint ${request.method} ${request.url.split('?')[0]}. Latchkey serves v3's authentication API: ` +
            `see the README's "Nylas v3" section.`,
        });
        void reply.code(err.status).send(v3ErrorBody(err, requestIdOf(reply)));
      });

      const auth = (req: FastifyRequest) => authenticateApiKey(ctx, req.headers.authorization);
      const data = <T>(reply: FastifyReply, value: T) => ({ request_id: requestIdOf(reply), data: value });
      const grantId = (req: FastifyRequest) => (req.params as { grant_id: string }).grant_id;

      // Bodies are validated by the domain (custom-auth.ts, grants.ts), which answers with the
      // catalogue's errors; the schemas document the wire shape.
      v3.post(
        '/connect/custom',
        {
          attachValidation: true,
          schema: {
            summary:
              'Custom authentication: verify the credentials with the provider and answer the grant (re-authenticates ' +
              'an existing grant of the same address, keeping its id)',
            tags,
            security,
            body: CustomAuthBody,
            response: { 200: Envelope(Grant), ...v3Errors },
          },
        },
        async (req, reply) => data(reply, await customAuthentication(ctx, await auth(req), asObject(req.body), { ip: req.ip })),
      );

      v3.get(
        '/grants',
        {
          attachValidation: true,
          schema: {
            summary: 'The application’s grants (its accounts), newest first by default',
            tags,
            security,
            querystring: GrantListQuery,
            response: { 200: ListEnvelope(Grant), ...v3Errors },
          },
        },
        async (req, reply) => {
          const page = await listGrants(ctx, await auth(req), asObject(req.query));
          return { request_id: requestIdOf(reply), data: page.grants, ...(page.nextCursor ? { next_cursor: page.nextCursor } : {}) };
        },
      );

      v3.get(
        '/grants/me',
        {
          schema: {
            summary: 'The grant behind an access token (Authorization: Bearer <access token>)',
            tags,
            security,
            response: { 200: Envelope(Grant), ...v3Errors },
          },
        },
        async (req, reply) => data(reply, await currentGrant(ctx, req.headers.authorization)),
      );

      v3.get(
        '/grants/:grant_id',
        {
          schema: {
            summary: 'One grant (the same account as v2’s /a/{client_id}/accounts/{id})',
            tags,
            security,
            params: GrantParams,
            response: { 200: Envelope(Grant), ...v3Errors },
          },
        },
        async (req, reply) => data(reply, await findGrant(ctx, await auth(req), grantId(req))),
      );

      v3.patch(
        '/grants/:grant_id',
        {
          attachValidation: true,
          schema: {
            summary: 'New credentials for the grant, verified with the provider; the grant keeps its id',
            tags,
            security,
            params: GrantParams,
            body: UpdateGrantBody,
            response: { 200: Envelope(Grant), ...v3Errors },
          },
        },
        async (req, reply) => data(reply, await updateGrant(ctx, await auth(req), grantId(req), asObject(req.body), { ip: req.ip })),
      );

      v3.delete(
        '/grants/:grant_id',
        {
          schema: {
            summary: 'Delete the grant: its stored credentials and every token go too',
            tags,
            security,
            params: GrantParams,
            response: { 200: RequestIdOnly, ...v3Errors },
          },
        },
        async (req, reply) => {
          await destroyGrant(ctx, await auth(req), grantId(req));
          return { request_id: requestIdOf(reply) };
        },
      );

      v3.post(
        '/providers/detect',
        {
          attachValidation: true,
          schema: {
            summary: 'Detect the provider (and IMAP/SMTP servers) of an address',
            tags,
            security,
            querystring: ProviderDetectQuery,
            response: { 200: Envelope(ProviderDetect), ...v3Errors },
          },
        },
        async (req, reply) => {
          await auth(req);
          return data(reply, await detectProviderV3(ctx, asObject(req.query)));
        },
      );

      v3.get(
        '/applications',
        {
          schema: {
            summary: 'The application the API key belongs to',
            tags,
            security,
            response: { 200: Envelope(ApplicationDetails), ...v3Errors },
          },
        },
        async (req, reply) => data(reply, applicationDetails(await auth(req))),
      );

      registerConnectorRoutes(v3, ctx);
      registerOAuthRoutes(v3, ctx);
      registerV3WebhookRoutes(v3, ctx);

      // Mailbox data (messages, threads, folders, calendars, contacts, …) is not Latchkey's: one
      // clear 404 for every path below a grant, after the API key is checked (an unauthenticated
      // caller learns nothing about the grant).
      v3.all(
        '/grants/:grant_id/*',
        {
          schema: {
            summary: 'Not served: mailbox data endpoints (messages, threads, calendars, …)',
            tags,
            security,
            params: GrantParams,
            response: v3Errors,
          },
        },
        async (req) => {
          await auth(req);
          throw new ApiError('not_served');
        },
      );
    },
    { prefix: '/v3' },
  );
}
