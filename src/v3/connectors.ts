import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../app/context.ts';
import {
  CONNECTOR_PROVIDERS,
  createConnector,
  deleteConnector,
  findConnector,
  listConnectors,
  updateConnector,
  type ConnectorInput,
} from '../connectors/connectors.ts';
import { authenticateApiKey } from '../manage/api-keys.ts';
import { requestIdOf } from './errors.ts';
import { Envelope, ListEnvelope, v3Errors } from './schemas.ts';

const tags = ['nylas v3'];
const security = [{ bearer: [] }];

const Connector = Type.Object(
  {
    name: Type.String(),
    provider: Type.String({ enum: [...CONNECTOR_PROVIDERS] }),
    settings: Type.Record(Type.String(), Type.String(), {
      description: 'The OAuth `client_id` (and Microsoft’s `tenant`, Google’s `topic_name`); never the client secret.',
    }),
    scope: Type.Array(Type.String()),
    created_at: Type.Integer({ description: 'Unix seconds' }),
    updated_at: Type.Integer({ description: 'Unix seconds' }),
  },
  { $id: 'V3Connector' },
);
const Settings = Type.Object(
  {
    client_id: Type.Optional(Type.String({ description: 'The application’s OAuth client id at the provider.' })),
    client_secret: Type.Optional(Type.String({ description: 'Its client secret: stored encrypted, never shown again.' })),
    tenant: Type.Optional(Type.String({ description: 'Microsoft only: the Entra tenant (default `common`).' })),
    topic_name: Type.Optional(Type.String({ description: 'Google only: kept for compatibility; Latchkey does not use Pub/Sub.' })),
  },
  { additionalProperties: true },
);
const CreateBody = Type.Object({
  provider: Type.String({ description: '`google` or `microsoft`.' }),
  name: Type.Optional(Type.String()),
  settings: Settings,
  scope: Type.Optional(Type.Array(Type.String(), { description: 'Default: what IMAP and SMTP with XOAUTH2 need.' })),
});
const UpdateBody = Type.Object({
  name: Type.Optional(Type.String()),
  settings: Type.Optional(Settings),
  scope: Type.Optional(Type.Array(Type.String())),
});
const ProviderParams = Type.Object({ provider: Type.String() });
const Done = Type.Object({ request_id: Type.String() });

/**
 * `/v3/connectors` (the SDK's `connectors.create/list/find/update/destroy`): thin mappings over
 * connectors/connectors.ts, authenticated with the application's API key.
 */
export function registerConnectorRoutes(v3: FastifyInstance, ctx: AppContext): void {
  const app = (req: FastifyRequest) => authenticateApiKey(ctx, req.headers.authorization);
  // Bodies are checked after the API key (attachValidation), as on every other /v3 route: a
  // caller without a key learns nothing about the body's shape.
  const appWithBody = async (req: FastifyRequest) => {
    const a = await app(req);
    if (req.validationError) throw req.validationError;
    return a;
  };
  const data = <T>(reply: FastifyReply, value: T) => ({ request_id: requestIdOf(reply), data: value });
  const provider = (req: FastifyRequest) => (req.params as { provider: string }).provider;

  v3.post(
    '/connectors',
    {
      attachValidation: true,
      schema: {
        summary: 'Store the application’s OAuth client for google or microsoft',
        tags,
        security,
        body: CreateBody,
        response: { 200: Envelope(Connector), ...v3Errors },
      },
    },
    async (req, reply) => data(reply, await createConnector(ctx, (await appWithBody(req)).clientId, req.body as ConnectorInput)),
  );

  v3.get(
    '/connectors',
    {
      schema: { summary: 'The application’s connectors', tags, security, response: { 200: ListEnvelope(Connector), ...v3Errors } },
    },
    async (req, reply) => data(reply, await listConnectors(ctx, (await app(req)).clientId)),
  );

  v3.get(
    '/connectors/:provider',
    {
      schema: { summary: 'One connector', tags, security, params: ProviderParams, response: { 200: Envelope(Connector), ...v3Errors } },
    },
    async (req, reply) => data(reply, await findConnector(ctx, (await app(req)).clientId, provider(req))),
  );

  // Nylas documents PATCH; the SDK's connectors.update sends PUT: both are served.
  v3.route({
    method: ['PATCH', 'PUT'],
    url: '/connectors/:provider',
    attachValidation: true,
    schema: {
      summary: 'Change a connector (a new settings.client_secret replaces the stored one)',
      tags,
      security,
      params: ProviderParams,
      body: UpdateBody,
      response: { 200: Envelope(Connector), ...v3Errors },
    },
    handler: async (req, reply) =>
      data(reply, await updateConnector(ctx, (await appWithBody(req)).clientId, provider(req), req.body as ConnectorInput)),
  });

  v3.delete(
    '/connectors/:provider',
    {
      schema: {
        summary: 'Delete a connector (connected grants keep working)',
        tags,
        security,
        params: ProviderParams,
        response: { 200: Done, ...v3Errors },
      },
    },
    async (req, reply) => {
      await deleteConnector(ctx, (await app(req)).clientId, provider(req));
      return { request_id: requestIdOf(reply) };
    },
  );
}
