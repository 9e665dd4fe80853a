import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Counts and times every answered request by route pattern (metrics.ts), and serves
 * `GET /metrics` in the Prometheus text format. With `LATCHKEY_METRICS_TOKEN` set, the scrape
 * must carry `Authorization: Bearer TOKEN` (compared in constant time) or gets 401
 * `invalid_token`; without it /metrics is open, like /healthz — keep it off the public side of
 * the proxy (README "Running several nodes").
 */
export function registerMetrics(app: FastifyInstance, ctx: AppContext): void {
  const m = ctx.metrics;
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? '(unmatched)';
    m.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    m.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  const want = ctx.config.metricsToken === undefined ? undefined : digest(ctx.config.metricsToken);
  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics (text exposition format)', tags: ['operations'], security: want ? [{ bearer: [] }] : [] } },
    async (req, reply) => {
      if (want) {
        const m2 = /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
        if (!m2 || !timingSafeEqual(digest(m2[1]!.trim()), want))
          throw new ApiError('invalid_token', { message: 'GET /metrics needs Authorization: Bearer with LATCHKEY_METRICS_TOKEN.' });
      }
      const text = await m.registry.metrics();
      return reply.header('content-type', m.registry.contentType).header('cache-control', 'no-store').send(text);
    },
  );
}
