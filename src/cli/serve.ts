import type { Command } from 'commander';
import { loadConfig } from '../config/env.ts';
import type { CliIo } from './exit.ts';
import { withStore } from './store.ts';

/** `latchkey serve` and `latchkey migrate`. */
export function registerServerCommands(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the HTTP server (LATCHKEY_HOST:LATCHKEY_PORT, default 127.0.0.1:8787)')
    .action(async () => {
      // Loaded here: the HTTP stack is the slowest import, and only `serve` needs it.
      const [{ createLogger }, { buildContext }, { serve }] = await Promise.all([
        import('../log/logger.ts'),
        import('../app/build.ts'),
        import('../app/serve.ts'),
      ]);
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
      await withStore(async () => undefined);
      io.out('migrations applied\n');
    });
}
