import type { Command } from 'commander';
import { apiKeyView, createApiKey, revokeApiKey } from '../manage/api-keys.ts';
import { CommandFailed, EXIT, type CliIo } from './exit.ts';
import { isoSeconds, json, record, table } from './output.ts';
import { withStore } from './store.ts';

/**
 * `latchkey apps api-keys create|list|revoke CLIENT_ID`: the application's Nylas v3 API keys
 * (`Authorization: Bearer` on `/v3`). `create` prints the key once; only its hash is kept.
 * Exit 1: no such application or key.
 */
export function registerApiKeyCommands(apps: Command, io: CliIo): void {
  const keys = apps.command('api-keys').description('manage an application’s Nylas v3 API keys (Bearer on /v3)');
  keys
    .command('create')
    .description('create an API key and print it (shown once; only its hash is stored)')
    .argument('<client_id>', 'the application’s client_id')
    .option('--name <name>', 'a label to tell keys apart')
    .option('--expires-in <days>', 'the key stops working after this many days (default: never)')
    .option('--json', 'print JSON')
    .action(async (clientId: string, opts: { name?: string; expiresIn?: string; json?: boolean }) => {
      let expiresInSeconds: number | undefined;
      if (opts.expiresIn !== undefined) {
        const days = Number(opts.expiresIn);
        if (!Number.isInteger(days) || days < 1 || days > 3650)
          throw new CommandFailed('--expires-in must be a whole number of days, 1 to 3650', EXIT.usage);
        expiresInSeconds = days * 86_400;
      }
      const created = await withStore(async (store) => {
        try {
          return await createApiKey(
            store,
            clientId,
            { ...(opts.name ? { name: opts.name } : {}), ...(expiresInSeconds ? { expiresInSeconds } : {}) },
            Date.now(),
          );
        } catch (err) {
          if (/^no application/.test((err as Error).message)) throw new CommandFailed((err as Error).message);
          throw err;
        }
      });
      io.out(
        record(
          opts.json,
          created,
          () => [
            ['id', created.id],
            ['api_key', created.api_key],
            ['expires', created.expires_at === null ? 'never' : isoSeconds(created.expires_at)],
          ],
          'Keep the key now: it is not shown again.\n',
        ),
      );
    });
  keys
    .command('list')
    .description('list the application’s API keys (never the keys themselves), oldest first')
    .argument('<client_id>', 'the application’s client_id')
    .option('--json', 'print a JSON array')
    .action(async (clientId: string, opts: { json?: boolean }) => {
      const now = Math.floor(Date.now() / 1000);
      const list = await withStore(async (store) => {
        if (!(await store.findApplication(clientId))) throw new CommandFailed(`no application with client_id ${clientId}`);
        return (await store.listApiKeys(clientId)).map((k) => apiKeyView(k, now));
      });
      if (opts.json) return io.out(json(list));
      if (!list.length) return io.out(`No API keys yet. Create one with: latchkey apps api-keys create ${clientId}\n`);
      io.out(
        table(list, [
          ['ID', (k) => k.id],
          ['KEY', (k) => `${k.hint}…`],
          ['STATUS', (k) => k.status],
          ['CREATED', (k) => isoSeconds(k.created_at)],
          ['EXPIRES', (k) => (k.expires_at === null ? 'never' : isoSeconds(k.expires_at))],
          ['NAME', (k) => k.name ?? ''],
        ]),
      );
    });
  keys
    .command('revoke')
    .description('revoke an API key: it answers 401 from the next request on')
    .argument('<client_id>', 'the application’s client_id')
    .argument('<key_id>', 'the key’s id (from list)')
    .option('--json', 'print JSON')
    .action(async (clientId: string, keyId: string, opts: { json?: boolean }) => {
      const ok = await withStore((store) => revokeApiKey(store, clientId, keyId, Date.now()));
      if (!ok) throw new CommandFailed(`no active API key ${keyId} for client_id ${clientId}`);
      io.out(opts.json ? json({ id: keyId, client_id: clientId, status: 'revoked' }) : `revoked ${keyId}\n`);
    });
}
