import type { Command } from 'commander';
import { CommandFailed, EXIT, type CliIo } from './exit.ts';
import { fields, json, record } from './output.ts';
import { withStore } from './store.ts';

/**
 * Issue 14 on the command line: `latchkey apps update CLIENT_ID --credentials-release on|off`
 * (the opt-in of `PUT /a/{client_id}`) and `latchkey accounts credentials ACCOUNT_ID
 * [--protocol imap|smtp|ews] [--json]` (what `GET /a/{client_id}/accounts/{id}/credentials`
 * releases, under the same rules: opt-in, scopes, audit row with source `cli`, OAuth token cached
 * or minted through the same refresh lease).
 */
export function registerCredentialsCommands(apps: Command, accounts: Command, io: CliIo): void {
  apps
    .command('update')
    .description('change an application’s settings')
    .argument('<client_id>', 'the application’s client_id')
    .requiredOption(
      '--credentials-release <on|off>',
      'let the application read its accounts’ credentials (GET /a/{client_id}/accounts/{id}/credentials)',
    )
    .option('--json', 'print JSON')
    .action(async (clientId: string, opts: { credentialsRelease: string; json?: boolean }) => {
      if (opts.credentialsRelease !== 'on' && opts.credentialsRelease !== 'off')
        throw new CommandFailed('--credentials-release must be on or off', EXIT.usage);
      const on = opts.credentialsRelease === 'on';
      const app = await withStore((store) => store.updateApplication(clientId, { credentialsRelease: on }));
      if (!app) throw new CommandFailed(`no application with client_id ${clientId}`);
      const view = { client_id: app.clientId, name: app.name, credentials_release: Boolean(app.credentialsRelease) };
      io.out(
        record(opts.json, view, () => [
          ['client_id', view.client_id],
          ['credentials_release', view.credentials_release ? 'on' : 'off'],
        ]),
      );
    });

  accounts
    .command('credentials')
    .description('print an account’s connection settings and secrets (only for applications that opted in; audited)')
    .argument('<id>', 'the account id')
    .option('--protocol <protocol>', 'only imap, smtp or ews')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { protocol?: string; json?: boolean }) => {
      if (opts.protocol !== undefined && !['imap', 'smtp', 'ews'].includes(opts.protocol))
        throw new CommandFailed('--protocol must be imap, smtp or ews', EXIT.usage);
      const [{ loadConfig }, { createLogger }, { buildContext }, { releaseCredentials }, { ApiError }] = await Promise.all([
        import('../config/env.ts'),
        import('../log/logger.ts'),
        import('../app/build.ts'),
        import('../credentials/release.ts'),
        import('../errors/api-error.ts'),
      ]);
      const ctx = await buildContext(loadConfig(), createLogger('silent'));
      try {
        const account = await ctx.store.findAccountById(id);
        if (!account) throw new CommandFailed(`no account with id ${id}`);
        const app = await ctx.store.findApplication(account.clientId);
        if (!app) throw new CommandFailed(`no application for account ${id}`);
        const view = await releaseCredentials(ctx, app, id, opts.protocol as 'imap' | 'smtp' | 'ews' | undefined, { ip: 'cli' }).catch(
          (err: unknown) => {
            if (err instanceof ApiError) throw new CommandFailed(`${err.reason}: ${err.message}`);
            throw err;
          },
        );
        if (opts.json) return io.out(json(view));
        const rows: Array<[string, string]> = [
          ['account_id', view.account_id],
          ['email_address', view.email_address],
          ['provider', view.provider],
        ];
        for (const side of ['imap', 'smtp'] as const) {
          const m = view[side];
          if (!m) continue;
          rows.push([side, `${m.host}:${m.port} ${m.security} ${m.username}`]);
          if (m.auth === 'password') rows.push([`${side} password`, m.password]);
          else rows.push([`${side} access_token`, m.access_token], [`${side} expires_at`, new Date(m.expires_at * 1000).toISOString()]);
        }
        if (view.ews) rows.push(['ews', `${view.ews.url} ${view.ews.username}`], ['ews password', view.ews.password]);
        io.out(fields(rows));
      } finally {
        await ctx.store.close();
        ctx.redis?.disconnect();
      }
    });
}
