import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { toApiError } from '../http/errors.ts';
import { authenticateApiKey } from '../manage/api-keys.ts';
import { applicationDetails } from './applications.ts';
import { registerConnectorRoutes } from './connectors.ts';
import { REQUEST_ID_HEADER, requestIdOf, v3ErrorBody } from './errors.ts';
import { ApplicationDetails, Envelope, GrantParams, v3Errors } from './schemas.ts';

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
  void app.register(async (v3) => {
    v3.addHook('onRequest', async (_req, reply) => {
      void reply.header(REQUEST_ID_HEADER, crypto.randomUUID());
    });
    v3.setErrorHandler((raw: FastifyError | ApiError, request, reply) => {
      const err = toApiError(raw);
      if (err.status >= 500 && (err.reason === 'internal' || err.reason === 'store_unavailable')) {
        request.log.error({ err: raw, reason: err.reason }, 'request failed');
      }
      void reply.code(err.status).headers(err.toHeaders()).send(v3ErrorBody(err, requestIdOf(reply)));
    });
    v3.setNotFoundHandler((request, reply) => {
      const err = new ApiError('not_found', { message: `No endpoint ${request.method} ${request.url.split('?')[0]}. Latchkey serves v3's authentication API: see the README's "Nylas v3" section.` });
      void reply.code(err.status).send(v3ErrorBody(err, requestIdOf(reply)));
    });

    const auth = (req: FastifyRequest) => authenticateApiKey(ctx, req.headers.authorization);
    const data = <T>(reply: FastifyReply, value: T) => ({ request_id: requestIdOf(reply), data: value });

    v3.get('/applications', {
      schema: { summary: 'The application the API key belongs to', tags, security, response: { 200: Envelope(ApplicationDetails), ...v3Errors } },
    }, async (req, reply) => data(reply, applicationDetails(await auth(req))));

    registerConnectorRoutes(v3, ctx);

    // Mailbox data (messages, threads, folders, calendars, contacts, …) is not Latchkey's: one
    // clear 404 for every path below a grant, after the API key is checked (an unauthenticated
    // caller learns nothing about the grant).
    v3.all('/grants/:grant_id/*', {
      schema: { summary: 'Not served: mailbox data endpoints (messages, threads, calendars, …)', tags, security, params: GrantParams, response: v3Errors },
    }, async (req) => {
      await auth(req);
      throw new ApiError('not_served');
    });
  }, { prefix: '/v3' });
}
