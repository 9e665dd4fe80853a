import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { CSRF_COOKIE, showLogin, submitLogin, type HostedAnswer } from '../hosted/login.ts';
import { hostedToken } from '../hosted/token.ts';
import { errors } from './schemas.ts';
import { asObject, BODY_TYPES } from './body-parsers.ts';
import { HostedAuthorizeQuery, HostedTokenParams, HostedTokenResponse } from './hosted-schemas.ts';

const tags = ['hosted authentication'];

/**
 * Hosted authentication (issue 8; reference §6.7): Latchkey's own login page at
 * `/oauth/authorize` and the code exchange at `/oauth/token` (POST, and GET with query
 * parameters as the v2 Node SDK sends it).
 */
export function registerHostedRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/oauth/authorize',
    {
      attachValidation: true,
      schema: {
        summary: 'The hosted login page (HTML); redirects to redirect_uri with code and state',
        tags,
        querystring: HostedAuthorizeQuery,
      },
    },
    async (req, reply) => send(reply, await showLogin(ctx, input(req, asObject(req.query)))),
  );

  app.post(
    '/oauth/authorize',
    {
      attachValidation: true,
      schema: { summary: 'The hosted login form (HTML form post; CSRF-protected)', tags, consumes: ['application/x-www-form-urlencoded'] },
    },
    async (req, reply) => send(reply, await submitLogin(ctx, input(req, asObject(req.body)))),
  );

  const token = {
    summary: 'Exchange a hosted-login code (client_secret, or code_verifier with PKCE)',
    tags,
    response: { 200: HostedTokenResponse, ...errors },
  };
  app.post(
    '/oauth/token',
    { attachValidation: true, schema: { ...token, consumes: BODY_TYPES, body: HostedTokenParams, querystring: HostedTokenParams } },
    async (req) => hostedToken(ctx, { ...asObject(req.query), ...asObject(req.body) }, { ip: req.ip }),
  );
  app.get('/oauth/token', { attachValidation: true, schema: { ...token, querystring: HostedTokenParams } }, async (req) =>
    hostedToken(ctx, asObject(req.query), { ip: req.ip }),
  );
}

function input(req: FastifyRequest, params: Record<string, unknown>) {
  const acceptLanguage = typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'].slice(0, 512) : undefined;
  return {
    params,
    cookie: readCookie(req.headers.cookie, CSRF_COOKIE),
    source: { ip: req.ip },
    secure: req.protocol === 'https',
    ...(acceptLanguage ? { acceptLanguage } : {}),
  };
}

function send(reply: FastifyReply, a: HostedAnswer): FastifyReply {
  if (a.kind === 'redirect') return reply.code(303).header('location', a.location).send();
  if (a.setCookie) void reply.header('set-cookie', a.setCookie);
  // The page's words follow Accept-Language (hosted/i18n.ts).
  if (a.language) void reply.header('content-language', a.language).header('vary', 'Accept-Language');
  return reply.code(a.status).header('content-security-policy', a.csp).type('text/html; charset=utf-8').send(a.html);
}

/** One cookie's value from a `Cookie` header (RFC 6265 §5.4), or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}
