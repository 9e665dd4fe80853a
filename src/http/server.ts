import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { AppContext } from '../app/context.ts';
import { clientErrorHandler, frameworkErrorHandler } from './client-errors.ts';
import { installBodyParsers } from './body-parsers.ts';
import { installErrorHandling } from './errors.ts';
import { installHygiene } from './hygiene.ts';
import { registerRoutes } from './routes.ts';
import { registerMetrics } from '../metrics/route.ts';
import { installRequestLog, lazyChildLogger } from './request-log.ts';

/** Builds the HTTP server (not listening yet). */
export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as unknown as FastifyBaseLogger,
    // One line per request, from installRequestLog; no child logger built per request.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: lazyChildLogger,
    bodyLimit: ctx.config.bodyLimitBytes,
    // Only a declared TLS-terminating proxy may set the client address (X-Forwarded-For), which
    // the per-IP brute-force limit uses; otherwise the socket's address counts.
    trustProxy: ctx.config.trustProxy.length ? ctx.config.trustProxy.join(',') : false,
    // The whole request (headers and body) must arrive within 30 s: a body trickled a byte at a
    // time does not hold a connection open indefinitely.
    requestTimeout: 30_000,
    // Requests refused before any route (HTTP parser, router) answer the documented JSON error
    // with the same headers as every other response (http/client-errors.ts).
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler: clientErrorHandler(ctx.log),
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  });
  installRequestLog(app, ctx.log);
  installBodyParsers(app);
  installErrorHandling(app);
  installHygiene(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Latchkey',
        version: '0.1.0',
        description: 'Native authentication for email accounts, wire-compatible with the Nylas v2 native-auth API.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          basic: { type: 'http', scheme: 'basic' },
        },
      },
    },
  });
  registerMetrics(app, ctx);
  registerRoutes(app, ctx);
  return app;
}
