import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../app/context.ts';
import { authenticateManagement } from '../manage/auth.ts';
import { deleteAccount, listAccounts, ownAccount, revokeAll, setBilling, tokenInfo, updateAccount } from '../manage/accounts.ts';
import { applicationView, updateApplication } from '../manage/application.ts';
import { managementAccountView } from '../connect/account-view.ts';
import { revokePresentedToken } from '../connect/revoke.ts';
import { AuditQuery, errors } from './schemas.ts';
import { asObject, BODY_TYPES } from './body-parsers.ts';
import { listAudit } from '../manage/audit.ts';
import { AuditResponse } from '../audit/view.ts';
import {
  AccountParams,
  ApplicationBody,
  ApplicationResponse,
  ClientParams,
  ListQuery,
  ManagementAccount,
  ManagementAccountList,
  MetadataBody,
  RevokeAllBody,
  RevokeSuccess,
  Success,
  TokenInfo,
  TokenInfoBody,
  IpAddresses,
} from './management-schemas.ts';

const tags = ['management'];
const security = [{ basic: [] }];

type Params = { client_id: string; id: string };

/**
 * The v2 management API under `/a/{client_id}` (reference §6.3) and `POST /oauth/revoke` (§6.2).
 * Every management call first authenticates the application (HTTP Basic, client_secret as the
 * username); bodies are validated by the domain functions, which answer with catalogue errors.
 */
export function registerManagementRoutes(app: FastifyInstance, ctx: AppContext): void {
  const auth = (req: FastifyRequest) => authenticateManagement(ctx, (req.params as Params).client_id, req.headers.authorization);
  const id = (req: FastifyRequest) => (req.params as Params).id;

  app.get(
    '/a/:client_id/accounts',
    {
      schema: {
        summary: 'List the application’s accounts, oldest first',
        tags,
        security,
        params: ClientParams,
        querystring: ListQuery,
        response: { 200: ManagementAccountList, ...errors },
      },
    },
    async (req) => listAccounts(ctx, await auth(req), asObject(req.query)),
  );

  app.get(
    '/a/:client_id/accounts/:id',
    {
      schema: { summary: 'One account', tags, security, params: AccountParams, response: { 200: ManagementAccount, ...errors } },
    },
    async (req) => managementAccountView(await ownAccount(ctx.store, await auth(req), id(req))),
  );

  app.put(
    '/a/:client_id/accounts/:id',
    {
      attachValidation: true,
      schema: {
        summary: 'Replace the account’s metadata',
        tags,
        security,
        consumes: BODY_TYPES,
        params: AccountParams,
        body: MetadataBody,
        response: { 200: ManagementAccount, ...errors },
      },
    },
    async (req) => updateAccount(ctx, await auth(req), id(req), asObject(req.body)),
  );

  app.delete(
    '/a/:client_id/accounts/:id',
    {
      schema: {
        summary: 'Delete the account, its stored credentials and every token',
        tags,
        security,
        params: AccountParams,
        response: { 200: Success, ...errors },
      },
    },
    async (req) => deleteAccount(ctx, await auth(req), id(req)),
  );

  for (const [action, state] of [
    ['downgrade', 'cancelled'],
    ['upgrade', 'paid'],
  ] as const) {
    app.post(
      `/a/:client_id/accounts/:id/${action}`,
      {
        schema: {
          summary: `Set billing_state to ${state}${state === 'cancelled' ? ' (its tokens answer 403 until upgraded)' : ''}`,
          tags,
          security,
          params: AccountParams,
          response: { 200: Success, ...errors },
        },
      },
      async (req) => setBilling(ctx, await auth(req), id(req), state),
    );
  }

  app.post(
    '/a/:client_id/accounts/:id/revoke-all',
    {
      attachValidation: true,
      schema: {
        summary: 'Revoke every token of the account, except keep_access_token',
        tags,
        security,
        consumes: BODY_TYPES,
        params: AccountParams,
        body: RevokeAllBody,
        response: { 200: Success, ...errors },
      },
    },
    async (req) => revokeAll(ctx, await auth(req), id(req), asObject(req.body)),
  );

  app.post(
    '/a/:client_id/accounts/:id/token-info',
    {
      attachValidation: true,
      schema: {
        summary: 'When a token was issued, its scopes and whether it is still valid',
        tags,
        security,
        consumes: BODY_TYPES,
        params: AccountParams,
        body: TokenInfoBody,
        response: { 200: TokenInfo, ...errors },
      },
    },
    async (req) => tokenInfo(ctx, await auth(req), id(req), asObject(req.body)),
  );

  const configuredAt = Math.floor(ctx.now() / 1000);
  app.get(
    '/a/:client_id/ip_addresses',
    {
      schema: {
        summary: 'The addresses Latchkey connects to providers from (LATCHKEY_EGRESS_IPS), for allow-lists',
        tags,
        security,
        params: ClientParams,
        response: { 200: IpAddresses, ...errors },
      },
    },
    async (req) => {
      await auth(req);
      return { ip_addresses: ctx.config.egressIps, updated_at: configuredAt };
    },
  );

  app.get(
    '/a/:client_id',
    {
      schema: { summary: 'The application', tags, security, params: ClientParams, response: { 200: ApplicationResponse, ...errors } },
    },
    async (req) => applicationView(await auth(req)),
  );

  for (const method of ['put', 'post'] as const) {
    app[method](
      '/a/:client_id',
      {
        attachValidation: true,
        schema: {
          summary: `Update the application (${method.toUpperCase()}; v2 clients use both)`,
          tags,
          security,
          consumes: BODY_TYPES,
          params: ClientParams,
          body: ApplicationBody,
          response: { 200: ApplicationResponse, ...errors },
        },
      },
      async (req) => updateApplication(ctx, await auth(req), asObject(req.body)),
    );
  }

  app.post(
    '/oauth/revoke',
    {
      schema: {
        summary: 'Revoke the presenting access token (Basic username or Bearer)',
        tags: ['accounts'],
        security: [{ basic: [] }, { bearer: [] }],
        response: { 200: RevokeSuccess, ...errors },
      },
    },
    async (req) => revokePresentedToken(ctx, req.headers.authorization),
  );
}

/**
 * `GET /a/{client_id}/audit` (manage/audit.ts), authenticated like the management API. Registered by
 * routes.ts after the credentials routes, where it has always stood, so `/openapi.json` keeps its order.
 */
export function registerAuditRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/a/:client_id/audit',
    {
      attachValidation: true,
      schema: {
        summary: 'The application’s audit log: authorize attempts, token exchanges, replay revocations',
        tags,
        security,
        params: Type.Object({ client_id: Type.String() }),
        querystring: AuditQuery,
        response: { 200: AuditResponse, ...errors },
      },
    },
    async (req) => listAudit(ctx, (req.params as { client_id: string }).client_id, req.headers.authorization, asObject(req.query)),
  );
}
