import { Option, type Command } from 'commander';
import { loadConfig } from '../config/env.ts';
import { KeyRing } from '../crypto/keyring.ts';
import { ApiError } from '../errors/api-error.ts';
import { dialContext } from '../app/dial-context.ts';
import { registerWebhook, webhookView } from '../webhooks/register.ts';
import { EVENTS } from '../webhooks/events.ts';
import { CommandFailed, type CliIo } from './exit.ts';
import { json, record, table } from './output.ts';
import { withStore } from './store.ts';

/**
 * `latchkey webhooks add|list|delete`, mirroring `POST|GET|DELETE /a/{client_id}/webhooks`. `add`
 * runs the same challenge handshake as the API, through the same outbound policy, and prints
 * the signing secret once. Exit 1: no such application or webhook, or the challenge failed.
 */
export function registerWebhookCommands(program: Command, io: CliIo): void {
  const hooks = program.command('webhooks').description('manage the callback URLs that receive account events');
  hooks
    .command('add')
    .description('register a callback URL (it must answer GET ?challenge=V with 200 and V); prints the signing secret once')
    .requiredOption('--client <client_id>', 'the application')
    .requiredOption('--url <https-url>', 'the callback URL')
    // An unknown event name is bad usage (exit 2), refused before anything is contacted.
    .addOption(new Option('--trigger <event...>', 'events to send (default all)').choices(EVENTS))
    .option('--json', 'print JSON')
    .action(async (opts: { client: string; url: string; trigger?: string[]; json?: boolean }) => {
      const config = loadConfig();
      const keys = config.encryptionKeys ? KeyRing.parse(config.encryptionKeys) : KeyRing.development(config.dataDir).ring;
      const dial = dialContext(config);
      const created = await withStore(async (store) => {
        if (!(await store.findApplication(opts.client))) throw new CommandFailed(`no application with client_id ${opts.client}`);
        try {
          return await registerWebhook({ store, keys, http: dial, timeoutMs: config.webhooks.timeoutMs, now: Date.now }, opts.client, {
            callback_url: opts.url,
            ...(opts.trigger ? { triggers: opts.trigger } : {}),
          });
        } catch (err) {
          if (err instanceof ApiError) throw new CommandFailed(err.message);
          throw err;
        }
      });
      io.out(
        record(opts.json, created, () => [
          ['id', created.id],
          ['callback_url', created.callback_url],
          ['triggers', created.triggers.join(',')],
          ['signing_secret', created.signing_secret],
        ]),
      );
    });
  hooks
    .command('list')
    .description('list an application’s webhooks')
    .requiredOption('--client <client_id>', 'the application')
    .option('--json', 'print a JSON array')
    .action(async (opts: { client: string; json?: boolean }) => {
      const list = await withStore(async (store) => {
        if (!(await store.findApplication(opts.client))) throw new CommandFailed(`no application with client_id ${opts.client}`);
        return (await store.listWebhooks(opts.client)).map(webhookView);
      });
      if (opts.json) return io.out(json(list));
      if (!list.length) return io.out(`No webhooks for application ${opts.client}.\n`);
      io.out(
        table(list, [
          ['ID', (w) => w.id],
          ['CALLBACK_URL', (w) => w.callback_url],
          ['TRIGGERS', (w) => w.triggers.join(',')],
        ]),
      );
    });
  hooks
    .command('delete')
    .description('delete a webhook and its pending deliveries')
    .requiredOption('--client <client_id>', 'the application')
    .argument('<id>', 'the webhook id')
    .action(async (id: string, opts: { client: string }) => {
      if (!(await withStore((store) => store.deleteWebhook(opts.client, id))))
        throw new CommandFailed(`no webhook ${id} for application ${opts.client}`);
      io.out(`Deleted webhook ${id}.\n`);
    });
}
