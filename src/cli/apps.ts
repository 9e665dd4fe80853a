import type { Command } from 'commander';
import { createApplication } from '../app/applications.ts';
import type { Application } from '../store/store.ts';
import { CommandFailed, type CliIo } from './exit.ts';
import { fields, isoSeconds, json, table } from './output.ts';
import { withStore } from './store.ts';

/** An application as the CLI prints it (`--json`); `created_at` in Unix seconds. The secret is never shown again. */
interface ApplicationView {
  client_id: string;
  name: string;
  redirect_uris: string[];
  created_at: number;
}

const view = (a: Application): ApplicationView => ({ client_id: a.clientId, name: a.name, redirect_uris: a.redirectUris, created_at: a.createdAt });

/** `latchkey apps create|list|show`. */
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
      io.out(opts.json ? json(app) : fields([['client_id', app.client_id], ['client_secret', app.client_secret]]));
    });
  apps
    .command('list')
    .description('list applications, oldest first')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }) => {
      const list = (await withStore((store) => store.listApplications())).map(view);
      if (opts.json) return io.out(json(list));
      if (!list.length) return io.out('No applications yet. Create one with: latchkey apps create --name NAME\n');
      io.out(table(list, [
        ['CLIENT_ID', (a) => a.client_id],
        ['NAME', (a) => a.name],
        ['CREATED', (a) => isoSeconds(a.created_at)],
        ['REDIRECT_URIS', (a) => a.redirect_uris.join(' ')],
      ]));
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
      io.out(opts.json ? json(a) : fields([
        ['client_id', a.client_id],
        ['name', a.name],
        ['created', isoSeconds(a.created_at)],
        ['redirect_uris', a.redirect_uris.join(' ') || '(none)'],
      ]));
    });
}
