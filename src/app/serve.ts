import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { buildServer } from '../http/server.ts';
import { createApplication } from './applications.ts';
import { HealthChecker } from '../health/checker.ts';
import { verifyStoredCredentials } from '../health/verify-account.ts';
import { emitAccountEvent } from '../webhooks/events.ts';
import { WebhookDispatcher } from '../webhooks/dispatcher.ts';

/** The outbox sender as configured (`LATCHKEY_WEBHOOK_*`), dialling through the outbound policy. */
export function webhookDispatcher(ctx: AppContext): WebhookDispatcher {
  const { baseMs, maxMs, maxAttempts, timeoutMs } = ctx.config.webhooks;
  return new WebhookDispatcher(
    { store: ctx.store, keys: ctx.keys, http: ctx.detect.http, log: ctx.log, now: ctx.now },
    { baseMs, maxMs, maxAttempts, timeoutMs },
  );
}

/**
 * Starts listening, prints a ready development app on a fresh development database, purges
 * expired codes every minute (their encrypted payloads go with them), and starts the credential
 * health check unless `LATCHKEY_HEALTH_INTERVAL_S=0` and the webhook sender unless
 * `LATCHKEY_WEBHOOK_POLL_MS=0`.
 * @returns the server and a stop function.
 */
export async function serve(
  ctx: AppContext,
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<{ server: FastifyInstance; stop: () => Promise<void> }> {
  const server = await buildServer(ctx);
  try {
    await server.listen({ port: ctx.config.port, host: ctx.config.host });
  } catch (err) {
    await ctx.store.close();
    ctx.redis?.disconnect();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `${ctx.config.host}:${ctx.config.port} is already in use: stop what listens there, or choose another port with LATCHKEY_PORT`,
      );
    }
    throw err;
  }
  if (ctx.config.production && !ctx.config.metricsToken)
    ctx.log.warn('GET /metrics answers without a token: set LATCHKEY_METRICS_TOKEN, or keep /metrics away from the public at the proxy');
  // Only once listening: a development app printed by a server that then failed would be lost.
  if (!ctx.config.production && (await ctx.store.listApplications()).length === 0) {
    const app = await createApplication(ctx.store, 'Development app', ['http://localhost:3000/callback'], ctx.now());
    out('');
    out('  A development application was created (shown once; keep the secret):');
    out(`    client_id:     ${app.client_id}`);
    out(`    client_secret: ${app.client_secret}`);
    out('  Create more with: npx latchkey apps create --name NAME --json');
    out('');
  }
  const purge = async () => {
    const n = await ctx.store.purgeCodes(Math.floor(ctx.now() / 1000)).catch((err: unknown) => {
      ctx.log.error({ err }, 'purging expired codes failed');
      return 0;
    });
    if (n) ctx.log.info({ purged: n }, 'expired codes purged');
  };
  await purge();
  const timer = setInterval(() => void purge(), 60_000);
  timer.unref();
  const health =
    ctx.config.health.intervalMs > 0
      ? new HealthChecker(
          {
            store: ctx.store,
            log: ctx.log,
            now: ctx.now,
            check: (a) => verifyStoredCredentials(ctx, a),
            onInvalid: (a) => emitAccountEvent(ctx, a, 'account.invalid'),
          },
          ctx.config.health,
        )
      : undefined;
  health?.start();
  const webhooks = ctx.config.webhooks.pollMs > 0 ? webhookDispatcher(ctx) : undefined;
  webhooks?.start(ctx.config.webhooks.pollMs);
  return {
    server,
    stop: async () => {
      clearInterval(timer);
      await health?.stop();
      await webhooks?.stop();
      await server.close();
      await ctx.store.close();
      ctx.redis?.disconnect();
    },
  };
}
