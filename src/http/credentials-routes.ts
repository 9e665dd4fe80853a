import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { authenticateManagement } from '../manage/auth.ts';
import { releaseCredentials } from '../credentials/release.ts';
import { emailEngineCredentials } from '../credentials/emailengine.ts';
import { ApiError } from '../errors/api-error.ts';
import { errors } from './schemas.ts';
import { AccountParams, ClientParams } from './management-schemas.ts';
import { CredentialsQuery, CredentialsResponse, EmailEngineQuery, EmailEngineResponse } from './credentials-schemas.ts';

const tags = ['credentials'];
const security = [{ basic: [] }];

/**
 * Credentials release (issue 14), admin surface: HTTP Basic with the application's
 * `client_secret`, only for applications that opted in (`credentials_release`). Responses are
 * never cached by intermediaries (`Cache-Control: no-store`, RFC 9111 §5.2.2.5). No HEAD route
 * (Fastify adds one to every GET by default): a HEAD would run the whole release — audited as
 * `ok`, counted, a rate-limit point spent, perhaps an OAuth refresh — and throw the secret away.
 */
export function registerCredentialsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/a/:client_id/accounts/:id/credentials',
    {
      attachValidation: true,
      exposeHeadRoute: false,
      schema: {
        summary: 'The account’s connection settings and secrets (password, or an OAuth access token minted on demand)',
        tags,
        security,
        params: AccountParams,
        querystring: CredentialsQuery,
        response: { 200: CredentialsResponse, ...errors },
      },
    },
    async (req, reply) => {
      const { client_id: clientId, id } = req.params as { client_id: string; id: string };
      const application = await authenticateManagement(ctx, clientId, req.headers.authorization);
      const protocol = (req.query as { protocol?: unknown }).protocol;
      if (protocol !== undefined && protocol !== 'imap' && protocol !== 'smtp' && protocol !== 'ews')
        throw new ApiError('invalid_value', { message: 'protocol must be imap, smtp or ews.' });
      void reply.header('cache-control', 'no-store');
      return releaseCredentials(ctx, application, id, protocol, { ip: req.ip });
    },
  );

  app.get(
    '/a/:client_id/emailengine/credentials',
    {
      attachValidation: true,
      exposeHeadRoute: false,
      schema: {
        summary: 'EmailEngine’s authentication server: ?account=ID&proto=imap|smtp|api → {user, pass} or {user, accessToken}',
        tags,
        security,
        params: ClientParams,
        querystring: EmailEngineQuery,
        response: { 200: EmailEngineResponse, ...errors },
      },
    },
    async (req, reply) => {
      void reply.header('cache-control', 'no-store');
      return emailEngineCredentials(
        ctx,
        (req.params as { client_id: string }).client_id,
        req.headers.authorization,
        req.query as Record<string, unknown>,
        { ip: req.ip },
      );
    },
  );
}
