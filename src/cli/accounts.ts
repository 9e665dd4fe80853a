import { InvalidArgumentError, type Command } from 'commander';
import { managementAccountView, type ManagementAccountView } from '../connect/account-view.ts';
import { CommandFailed, type CliIo } from './exit.ts';
import { isoSeconds, json, record, table } from './output.ts';
import { withStore } from './store.ts';
import { registerAccountActions } from './account-actions.ts';

/**
 * `latchkey accounts list|show` (and `revoke|delete`, account-actions.ts), on the store directly. They print the v2 management
 * account (connect/account-view.ts), the shape `GET /a/{client_id}/accounts` will answer with.
 */
export function registerAccountCommands(program: Command, io: CliIo): void {
  const accounts = program.command('accounts').description('inspect connected accounts');
  accounts
    .command('list')
    .description('list an application’s accounts, oldest first')
    .requiredOption('--client <client_id>', 'the application')
    .option('--limit <n>', 'at most this many (v2 default 100)', wholeNumber, 100)
    .option('--offset <n>', 'skip this many', wholeNumber, 0)
    .option('--json', 'print a JSON array')
    .action(async (opts: { client: string; limit: number; offset: number; json?: boolean }) => {
      const list = await withStore(async (store) => {
        if (!(await store.findApplication(opts.client))) throw new CommandFailed(`no application with client_id ${opts.client}`);
        return (await store.listAccounts(opts.client, { limit: opts.limit, offset: opts.offset })).map(managementAccountView);
      });
      if (opts.json) return io.out(json(list));
      if (!list.length) return io.out(`No accounts for application ${opts.client}${opts.offset ? ` from offset ${opts.offset}` : ''}.\n`);
      io.out(
        table<ManagementAccountView>(list, [
          ['ID', (a) => a.id],
          ['EMAIL', (a) => a.email],
          ['PROVIDER', (a) => a.provider],
          ['SYNC_STATE', (a) => a.sync_state],
          ['BILLING_STATE', (a) => a.billing_state],
          ['LINKED_AT', (a) => isoSeconds(a.linked_at)],
        ]),
      );
    });
  accounts
    .command('show')
    .description('show one account')
    .argument('<id>', 'the account id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const account = await withStore((store) => store.findAccountById(id));
      if (!account) throw new CommandFailed(`no account with id ${id}`);
      const a = managementAccountView(account);
      io.out(
        record(opts.json, a, () => [
          ['id', a.id],
          ['account_id', a.account_id],
          ['email', a.email],
          ['provider', a.provider],
          ['sync_state', a.sync_state],
          ['billing_state', a.billing_state],
          ['linked_at', isoSeconds(a.linked_at)],
        ]),
      );
    });
  registerAccountActions(accounts, io);
}

function wholeNumber(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new InvalidArgumentError('expected a whole number');
  return Number(raw);
}
