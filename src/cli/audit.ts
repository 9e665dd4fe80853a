import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_SINCE_MS, parseSince } from '../audit/since.ts';
import { auditEventView, type AuditEventView } from '../audit/view.ts';
import { CommandFailed, type CliIo } from './exit.ts';
import { json, table } from './output.ts';
import { withStore } from './store.ts';

/**
 * `latchkey audit --client ID [--since ISO|1h] [--limit N] [--json]`: the application's audit
 * events, newest first, read from the store directly; the same rows as `GET /a/{client_id}/audit`.
 * Exit 1 when no application has that client_id; 2 for a bad `--since`.
 */
export function registerAuditCommand(program: Command, io: CliIo): void {
  program
    .command('audit')
    .description('show an application’s audit log (authorize attempts, token exchanges, replay revocations)')
    .requiredOption('--client <client_id>', 'the application')
    .option('--since <when>', 'ISO 8601 time, Unix seconds, or a span back from now (30m, 1h, 7d); default 24h', since)
    .option('--limit <n>', 'at most this many events (default 100)', wholeNumber, 100)
    .option('--json', 'print a JSON array')
    .action(async (opts: { client: string; since?: number; limit: number; json?: boolean }) => {
      const sinceMs = opts.since ?? Date.now() - DEFAULT_SINCE_MS;
      const events = await withStore(async (store) => {
        if (!(await store.findApplication(opts.client))) throw new CommandFailed(`no application with client_id ${opts.client}`);
        return (await store.listAuditEvents(opts.client, { sinceMs, limit: opts.limit })).map(auditEventView);
      });
      if (opts.json) return io.out(json(events));
      if (!events.length) return io.out(`No audit events for application ${opts.client} since ${new Date(sinceMs).toISOString()}.\n`);
      io.out(
        table<AuditEventView>(events, [
          ['AT', (e) => e.at],
          ['EVENT', (e) => e.event],
          ['OUTCOME', (e) => e.outcome],
          ['EMAIL_HASH', (e) => e.email_hash ?? '-'],
          ['SOURCE_IP', (e) => e.source_ip ?? '-'],
          ['MS', (e) => (e.duration_ms === null ? '-' : String(e.duration_ms))],
          [
            'DETAIL',
            (e) => (e.account_id ? `account ${e.account_id}` : e.revoked_tokens !== null ? `${e.revoked_tokens} token(s) revoked` : ''),
          ],
        ]),
      );
    });
}

function since(raw: string): number {
  try {
    return parseSince(raw, Date.now());
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function wholeNumber(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(raw);
}
