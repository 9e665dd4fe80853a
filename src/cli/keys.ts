import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config/env.ts';
import { KeyRing } from '../crypto/keyring.ts';
import { rotateCredentials, storedSecretCounts } from '../crypto/rotate.ts';
import { CommandFailed, EXIT, type CliIo } from './exit.ts';
import { json } from './output.ts';
import { withStore } from './store.ts';

/**
 * `latchkey keys rotate|retire` (issue 6 §3). The ring is LATCHKEY_ENCRYPTION_KEYS, newest
 * first. To rotate: put the new key first (`v2:NEW,v1:OLD`), restart the servers (they write
 * v2 and still read v1), run `keys rotate`, then `keys retire v1`, then drop v1 from the list.
 */
export function registerKeyCommands(program: Command, io: CliIo): void {
  const keys = program.command('keys').description('rotate the encryption keys of stored credentials');
  keys
    .command('rotate')
    .description(
      're-encrypt every stored credential under the first key of LATCHKEY_ENCRYPTION_KEYS, in batches; safe to interrupt and rerun',
    )
    .option('--batch-size <n>', 'credentials per transaction', positive, 500)
    .option('--batches <n>', 'stop after this many batches (rerun to continue)', positive)
    .option('--json', 'print the counts as JSON (progress goes to stderr)')
    .action(async (opts: { batchSize: number; batches?: number; json?: boolean }) => {
      const ring = configuredRing();
      const progress = opts.json ? io.err : io.out;
      const report = await withStore((store) =>
        rotateCredentials(store, ring, {
          batchSize: opts.batchSize,
          maxBatches: opts.batches,
          nowSec: () => Math.floor(Date.now() / 1000),
          onProgress: (done, total) =>
            progress(`processed ${done} of ${total} stored secrets (credentials, webhook signing secrets, connector client secrets)\n`),
        }),
      );
      if (opts.json) io.out(json(report));
      else {
        io.out(
          `key ${report.target}: ${report.rotated} re-encrypted (${report.rotatedCredentials} credentials, ` +
            `${report.rotatedWebhookSecrets} webhook signing secrets, ${report.rotatedConnectorSecrets} connector client secrets), ` +
            `${report.skipped} changed meanwhile (already current), ${report.failed.length} failed, ` +
            `${report.remaining} not yet under ${report.target}\n`,
        );
        for (const f of report.failed)
          io.out(`  failed: ${f.accountId.includes(' ') ? f.accountId : `account ${f.accountId}`} ${f.field}: ${f.reason}\n`);
        if (report.remaining === 0)
          io.out(
            'Every stored secret (credentials, webhook signing secrets, connector client secrets) uses the newest key; ' +
              'older versions can be retired.\n',
          );
      }
      if (report.failed.length) io.setExit(EXIT.failed);
    });
  keys
    .command('retire')
    .description(
      'check that no stored secret uses VERSION any more (refuses otherwise), so it can be removed from LATCHKEY_ENCRYPTION_KEYS',
    )
    .argument('<version>', 'the key version, e.g. v1')
    .action(async (version: string) => {
      const ring = configuredRing();
      if (version === ring.current)
        throw new CommandFailed(
          `key ${version} is the newest key of LATCHKEY_ENCRYPTION_KEYS, which new secrets are written with; ` +
            'put a new key first and rotate',
        );
      const { credentials, webhooks, connectors, codes, stored } = await withStore(async (store) => {
        const byCredential = await store.credentialCountsByVersion();
        const byWebhook = await store.webhookCountsByVersion();
        const byConnector = await store.connectorCountsByVersion();
        return {
          credentials: byCredential[version] ?? 0,
          webhooks: byWebhook[version] ?? 0,
          connectors: byConnector[version] ?? 0,
          codes: await store.liveCodesUnder(version, Math.floor(Date.now() / 1000)),
          stored: Object.keys(await storedSecretCounts(store)),
        };
      });
      // A typo (`V1`, ` v1`, `v9`) names a version that exists nowhere: "nothing uses it" would
      // be true and would tell a script that the real one is safe to drop (issue 18).
      if (!ring.versions.includes(version) && !stored.includes(version) && !codes) {
        throw new CommandFailed(
          `unknown key version ${JSON.stringify(version)}: LATCHKEY_ENCRYPTION_KEYS has ${ring.versions.join(', ')}; ` +
            `stored secrets use ${stored.length ? stored.sort().join(', ') : 'none'}`,
        );
      }
      if (credentials)
        throw new CommandFailed(`key ${version} is still used by ${credentials} stored credential(s); run \`latchkey keys rotate\` first`);
      if (webhooks)
        throw new CommandFailed(
          `key ${version} is still used by ${webhooks} webhook signing secret(s); run \`latchkey keys rotate\` first`,
        );
      if (connectors)
        throw new CommandFailed(
          `key ${version} is still used by ${connectors} connector client secret(s); run \`latchkey keys rotate\` first`,
        );
      if (codes)
        throw new CommandFailed(`key ${version} is still used by ${codes} unredeemed code(s); they expire within 15 minutes — retry then`);
      io.out(
        `No stored secret uses key ${version}. Remove ${version}:… from LATCHKEY_ENCRYPTION_KEYS and restart every Latchkey process.\n`,
      );
    });
}

/** @throws CommandFailed (exit 2) when LATCHKEY_ENCRYPTION_KEYS is not set. */
function configuredRing(): KeyRing {
  const config = loadConfig();
  if (!config.encryptionKeys) {
    throw new CommandFailed(
      'LATCHKEY_ENCRYPTION_KEYS is not set: key commands work on that list (newest first, e.g. v2:NEW,v1:OLD)',
      EXIT.usage,
    );
  }
  return KeyRing.parse(config.encryptionKeys);
}

function positive(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(raw);
}
