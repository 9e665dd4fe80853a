import { Command, CommanderError } from 'commander';
import { loadConfig, ConfigError } from '../config/env.ts';
import { createLogger } from '../log/logger.ts';
import { buildContext } from '../app/build.ts';
import { serve } from '../app/serve.ts';
import { createApplication } from '../app/applications.ts';
import { openStore } from '../store/open.ts';
import { registerDetect } from './detect.ts';

/**
 * The `latchkey` command. Exit codes: 0 success, 1 runtime failure, 2 bad usage or configuration.
 * Every command reads the same `LATCHKEY_*` environment as the server.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('latchkey').description('Native authentication for email accounts').exitOverride();
  program
    .command('serve')
    .description('run the HTTP server (LATCHKEY_HOST:LATCHKEY_PORT, default 127.0.0.1:8787)')
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      const ctx = await buildContext(config, log);
      const { stop } = await serve(ctx);
      const shutdown = async (signal: string) => {
        log.info({ signal }, 'shutting down');
        await stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      await new Promise(() => undefined);
    });
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const config = loadConfig();
      const store = openStore(config.databaseUrl);
      await store.migrate();
      await store.close();
      process.stdout.write('migrations applied\n');
    });
  registerDetect(program);
  const apps = program.command('apps').description('manage applications');
  apps
    .command('create')
    .description('create an application and print its client_id and client_secret (the secret is shown once)')
    .requiredOption('--name <name>', 'application name')
    .option('--redirect-uri <url...>', 'redirect URIs for hosted authentication', [])
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; redirectUri: string[]; json?: boolean }) => {
      const config = loadConfig();
      const store = openStore(config.databaseUrl);
      await store.migrate();
      const app = await createApplication(store, opts.name, opts.redirectUri, Date.now());
      await store.close();
      process.stdout.write(opts.json ? `${JSON.stringify(app)}\n` : `client_id:     ${app.client_id}\nclient_secret: ${app.client_secret}\n`);
    });
  apps
    .command('list')
    .description('list applications')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const store = openStore(config.databaseUrl);
      await store.migrate();
      const list = (await store.listApplications()).map((a) => ({ client_id: a.clientId, name: a.name, redirect_uris: a.redirectUris, created_at: a.createdAt }));
      await store.close();
      if (opts.json) process.stdout.write(`${JSON.stringify(list)}\n`);
      else for (const a of list) process.stdout.write(`${a.client_id}  ${a.name}\n`);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    process.stderr.write(`latchkey: ${(err as Error).message}\n`);
    return (err as { exitCode?: number }).exitCode ?? 1;
  }
}
