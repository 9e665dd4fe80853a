import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../app/context.ts';
import { revokeAccessToken } from '../connect/revoke.ts';
import { ApiError } from '../errors/api-error.ts';
import { errorHandler } from '../http/errors.ts';
import { authenticateApiKey } from '../manage/api-keys.ts';
import { hostedLoginQuery } from './connect-auth.ts';
import { requestIdOf } from './errors.ts';
import { Envelope } from './schemas.ts';
import { v3Token, v3TokenInfo } from './token.ts';

const tags = ['nylas v3'];

/**
 * RFC 6749 §5.2 error codes for Latchkey's reasons, on `/v3/connect/token` and `/v3/connect/revoke`
 * (the SDK reads these as `NylasOAuthError`: `error`, `error_description`, `error_code`).
 */
const OAUTH_ERROR: Record<string, string> = {
  invalid_code: 'invalid_grant',
  invalid_client: 'invalid_client',
  invalid_token: 'invalid_token',
  unsupported_grant_type: 'unsupported_grant_type',
  missing_fields: 'invalid_request',
  invalid_value: 'invalid_request',
  body_too_large: 'invalid_request',
  not_found: 'invalid_request',
};

/** An OAuth error body (RFC 6749 §5.2) with v3's `request_id` and Latchkey's stable `reason`. */
export function oauthErrorBody(err: ApiError, requestId: string): Record<string, unknown> {
  const v2 = err.toBody();
  const error =
    OAUTH_ERROR[err.reason] ?? (err.status >= 500 ? 'server_error' : err.status === 429 ? 'temporarily_unavailable' : 'invalid_request');
  return {
    request_id: requestId,
    error,
    error_code: err.status,
    error_description: String(v2.message),
    reason: err.reason,
    ...(v2.missing_fields ? { missing_fields: v2.missing_fields } : {}),
  };
}

const OAuthError = Type.Object(
  {
    request_id: Type.String(),
    error: Type.String({
      description: 'RFC 6749 §5.2: invalid_request, invalid_client, invalid_grant, unsupported_grant_type, server_error, …',
    }),
    error_code: Type.Integer({ description: 'The HTTP status.' }),
    error_description: Type.String(),
    reason: Type.String({ description: 'Latchkey’s stable reason (docs/errors.md).' }),
    missing_fields: Type.Optional(Type.Array(Type.String())),
  },
  { description: 'OAuth-shaped error (RFC 6749 §5.2).' },
);
const oauthErrors = { '4xx': OAuthError, '5xx': OAuthError };

const AuthQuery = Type.Object(
  {
    client_id: Type.Optional(Type.String()),
    redirect_uri: Type.Optional(Type.String()),
    response_type: Type.Optional(Type.String({ description: '`code`' })),
    provider: Type.Optional(
      Type.String({
        description: 'v3 name: imap, icloud, yahoo, … (the page takes passwords; google, microsoft and ews are refused on it)',
      }),
    ),
    login_hint: Type.Optional(Type.String()),
    state: Type.Optional(Type.String({ description: 'At most 255 characters, returned unchanged.' })),
    scope: Type.Optional(Type.String({ description: 'Provider OAuth scopes: accepted, not used by the password page.' })),
    code_challenge: Type.Optional(
      Type.String({ description: 'RFC 7636 S256 (43 characters), or the nylas SDK’s base64 of hex SHA-256 (86 characters).' }),
    ),
    code_challenge_method: Type.Optional(Type.String({ description: '`S256` (any case). `plain` is refused.' })),
  },
  { additionalProperties: true },
);
const TokenBody = Type.Object(
  {
    grant_type: Type.String({ description: '`authorization_code` (`refresh_token` is refused: access tokens do not expire).' }),
    client_id: Type.String(),
    code: Type.Optional(Type.String()),
    redirect_uri: Type.Optional(Type.String()),
    client_secret: Type.Optional(
      Type.String({ description: 'An API key of the application (the SDK sends its own), or the v2 client secret.' }),
    ),
    code_verifier: Type.Optional(Type.String({ description: 'PKCE: RFC 7636 verifier, or the SDK’s `secret` from urlForOAuth2PKCE.' })),
    refresh_token: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);
const TokenAnswer = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  grant_id: Type.String(),
  email: Type.String(),
  provider: Type.String(),
  scope: Type.String({ description: 'Space-separated Latchkey scopes.' }),
});
const TokenInfo = Type.Object({
  iss: Type.String(),
  aud: Type.String(),
  sub: Type.String({ description: 'The grant id.' }),
  email: Type.String(),
  iat: Type.Integer({ description: 'Unix seconds' }),
});

/**
 * Nylas v3 hosted OAuth (issue 15): `GET /v3/connect/auth` leads to Latchkey's hosted login page
 * (hosted/*, the v2 flow's page and checks); `POST /v3/connect/token` redeems its code;
 * `POST /v3/connect/revoke` revokes an access token; `GET /v3/connect/tokeninfo` describes one.
 * Token, tokeninfo and revoke answer errors in OAuth's shape (RFC 6749 §5.2), as the SDK expects there
 * (it parses errors of paths containing `connect/token` or `connect/revoke` as `NylasOAuthError`).
 */
export function registerOAuthRoutes(v3: FastifyInstance, ctx: AppContext): void {
  const obj = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

  // A browser navigation: 303 to the hosted page with the parameters in its names. The page
  // checks the client and the exact redirect URI before anything redirects back (open-redirect
  // protection), and answers every problem itself.
  v3.get(
    '/connect/auth',
    {
      schema: { summary: 'Hosted OAuth: redirects (303) to Latchkey’s hosted login page', tags, querystring: AuthQuery },
    },
    async (req, reply) =>
      reply
        .code(303)
        .header('location', `/oauth/authorize?${hostedLoginQuery(obj(req.query))}`)
        .send(),
  );

  void v3.register(async (oauth) => {
    oauth.setErrorHandler(errorHandler((err, reply) => oauthErrorBody(err, requestIdOf(reply))));

    oauth.post(
      '/connect/token',
      {
        attachValidation: true,
        schema: {
          summary: 'Redeem a hosted-login code (authorization_code, with client_secret or PKCE code_verifier)',
          tags,
          body: TokenBody,
          response: { 200: TokenAnswer, ...oauthErrors },
        },
      },
      async (req: FastifyRequest) => v3Token(ctx, { ...obj(req.query), ...obj(req.body) }, { ip: req.ip }),
    );

    // The SDK reads errors of every path containing `connect/token` (this one too) as OAuth errors.
    oauth.get(
      '/connect/tokeninfo',
      {
        schema: {
          summary: 'What an access token of the calling application stands for',
          tags,
          security: [{ bearer: [] }],
          response: { 200: Envelope(TokenInfo), ...oauthErrors },
        },
      },
      async (req, reply) => {
        const app = await authenticateApiKey(ctx, req.headers.authorization);
        return { request_id: requestIdOf(reply), data: await v3TokenInfo(ctx, app, obj(req.query)) };
      },
    );

    // RFC 7009 §2.2: an unknown or already revoked token is answered 200 as well.
    oauth.post(
      '/connect/revoke',
      {
        schema: {
          summary: 'Revoke an access token (?token=…); the grant stays',
          tags,
          response: { 200: Type.Object({ request_id: Type.String(), success: Type.Boolean() }), ...oauthErrors },
        },
      },
      async (req, reply: FastifyReply) => {
        const token = obj(req.query).token ?? obj(req.body).token;
        if (typeof token !== 'string' || !token) throw new ApiError('missing_fields', { missingFields: ['token'] });
        await revokeAccessToken(ctx, token);
        return { request_id: requestIdOf(reply), success: true };
      },
    );
  });
}
