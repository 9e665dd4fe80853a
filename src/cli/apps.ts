import type { Command } from 'commander';
import { createApplication } from '../app/applications.ts';
import type { Application } from '../store/store.ts';
import { CommandFailed, EXIT, type CliIo } from './exit.ts';
import { hashSecret, newSecret } from '../crypto/tokens.ts';
import { isoSeconds, json, record, table } from './output.ts';
import { withStore } from './store.ts';
import { registerApiKeyCommands } from './api-keys.ts';

/** An application as the CLI prints it (`--json`); `created_at` in Unix seconds. The secret is never shown again. */
interface ApplicationView {
  client_id: string;
  name: string;
  redirect_uris: string[];
  created_at: number;
}

const view = (a: Application): ApplicationView => ({
  client_id: a.clientId,
  name: a.name,
  redirect_uris: a.redirectUris,
  created_at: a.createdAt,
});

/** `latchkey apps create|list|show|rotate-secret|delete` and `apps api-keys …` (cli/api-keys.ts). */
export function registerAppCommands(program: Command, io: CliIo): void {
  const apps = program.command('apps').description('manage applications (client_id / client_secret pairs)');
  apps
    .command('create')
    .description('create an application and print its client_id and client_secret (the secret is shown once)')
    .requiredOption('--name <name>', 'application name')
    .option('--redirect-uri <url...>', 'redirect URIs for hosted authentication', [])
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; redirectUri: string[]; json?: boolean }) => {
      const app = await withStore((store) => createApplication(store, opts.name, opts.redirectUri, Date.now()));
      io.out(
        record(opts.json, app, () => [
          ['client_id', app.client_id],
          ['client_secret', app.client_secret],
        ]),
      );
    });
  apps
    .command('list')
    .description('list applications, oldest first')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }) => {
      const list = (await withStore((store) => store.listApplications())).map(view);
      if (opts.json) return io.out(json(list));
      if (!list.length) return io.out('No applications yet. Create one with: latchkey apps create --name NAME\n');
      io.out(
        table(list, [
          ['CLIENT_ID', (a) => a.client_id],
          ['NAME', (a) => a.name],
          ['CREATED', (a) => isoSeconds(a.created_at)],
          ['REDIRECT_URIS', (a) => a.redirect_uris.join(' ')],
        ]),
      );
    });
  apps
    .command('show')
    .description('show one application')
    .argument('<client_id>', 'the application’s client_id')
    .option('--json', 'print JSON')
    .action(async (clientId: string, opts: { json?: boolean }) => {
      const app = await withStore((store) => store.findApplication(clientId));
      if (!app) throw new CommandFailed(`no application with client_id ${clientId}`);
      const a = view(app);
      io.out(
        record(opts.json, a, () => [
          ['client_id', a.client_id],
          ['name', a.name],
          ['created', isoSeconds(a.created_at)],
          ['redirect_uris', a.redirect_uris.join(' ') || '(none)'],
        ]),
      );
    });
  apps
    .command('rotate-secret')
    .description('give the application a new client_secret (shown once); the old one keeps working for the grace period')
    .argument('<client_id>', 'the application’s client_id')
    .option('--grace <seconds>', 'how long the old secret keeps working (default LATCHKEY_SECRET_ROTATION_GRACE_S, 1 day; 0: not at all)')
    .option('--json', 'print JSON')
    .action(async (clientId: string, opts: { grace?: string; json?: boolean }) => {
      const { loadConfig } = await import('../config/env.ts');
      const grace = opts.grace === undefined ? loadConfig().secretRotationGraceSeconds : Number(opts.grace);
      if (!Number.isInteger(grace) || grace < 0) throw new CommandFailed('--grace must be a whole number of seconds', EXIT.usage);
      const secret = newSecret('clientSecret');
      const expires = grace > 0 ? Math.floor(Date.now() / 1000) + grace : null;
      const ok = await withStore((store) => store.rotateApplicationSecret(clientId, hashSecret(secret), expires));
      if (!ok) throw new CommandFailed(`no application with client_id ${clientId}`);
      const out = { client_id: clientId, client_secret: secret, previous_secret_valid_until: expires };
      io.out(
        record(opts.json, out, () => [
          ['client_id', clientId],
          ['client_secret', secret],
          ['old secret until', expires ? isoSeconds(expires) : 'revoked now'],
        ]),
      );
    });
  apps
    .command('delete')
    .description('delete the application with all its accounts, stored credentials, tokens and webhooks')
    .argument('<client_id>', 'the application’s client_id')
    .requiredOption('--yes', 'confirm: this cannot be undone')
    .action(async (clientId: string) => {
      const ok = await withStore((store) => store.deleteApplication(clientId));
      if (!ok) throw new CommandFailed(`no application with client_id ${clientId}`);
      io.out(`deleted ${clientId}\n`);
    });
  registerApiKeyCommands(apps, io);
}
