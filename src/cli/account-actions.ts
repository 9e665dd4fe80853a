import type { Command } from 'commander';
import { ApiError } from '../errors/api-error.ts';
import { revokeAccountTokens } from '../manage/accounts.ts';
import { CommandFailed, type CliIo } from './exit.ts';
import { json } from './output.ts';
import { withStore } from './store.ts';
import { emitAccountEvent } from '../webhooks/events.ts';
import { createLogger } from '../log/logger.ts';

/**
 * `latchkey accounts revoke|delete`, mirroring `POST /a/{client_id}/accounts/{id}/revoke-all` and
 * `DELETE /a/{client_id}/accounts/{id}` with the same domain operations, on the store directly.
 * The token to keep is read from standard input (`--keep-token-stdin`), never from the command
 * line, where other users could read it in the process list.
 * `delete` queues the `account.deleted` webhook event, which the server sends.
 * Exit 1: no such account; for `revoke`, no unrevoked token (v2: "No tokens found for that account id").
 */
export function registerAccountActions(accounts: Command, io: CliIo, readStdin: () => Promise<string> = stdinFirstLine): void {
  accounts
    .command('revoke')
    .description('revoke every access token of an account (like POST …/revoke-all)')
    .argument('<id>', 'the account id')
    .option('--keep-token-stdin', 'keep the access token given on standard input')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { keepTokenStdin?: boolean; json?: boolean }) => {
      const keep = opts.keepTokenStdin ? (await readStdin()).trim() : undefined;
      if (keep === '') throw new CommandFailed('--keep-token-stdin: standard input held no token', 2);
      const revoked = await withStore(async (store) => {
        const account = await store.findAccountById(id);
        if (!account) throw new CommandFailed(`no account with id ${id}`);
        try {
          return await revokeAccountTokens(store, account.id, Math.floor(Date.now() / 1000), keep);
        } catch (err) {
          if (err instanceof ApiError && err.reason === 'no_tokens') throw new CommandFailed(`no tokens found for account ${id}`);
          throw err;
        }
      });
      io.out(
        opts.json
          ? json({ account_id: id, revoked })
          : `Revoked ${revoked} token${revoked === 1 ? '' : 's'} of account ${id}${keep ? ' (one kept)' : ''}.\n`,
      );
    });
  accounts
    .command('delete')
    .description('delete an account, its stored credentials and every token (like DELETE …/accounts/ID)')
    .argument('<id>', 'the account id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const deleted = await withStore(async (store) => {
        const account = await store.findAccountById(id);
        if (!account || !(await store.deleteAccount(id))) return false;
        await emitAccountEvent({ store, log: silentLog(), now: Date.now }, account, 'account.deleted');
        return true;
      });
      if (!deleted) throw new CommandFailed(`no account with id ${id}`);
      io.out(opts.json ? json({ account_id: id, deleted: true }) : `Deleted account ${id}, its stored credentials and every token.\n`);
    });
}

/** Event queueing logs nothing on the command line (its failures are not the command's). */
function silentLog() {
  return createLogger('silent');
}

/** The first line of standard input, without its line break. */
async function stdinFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}
