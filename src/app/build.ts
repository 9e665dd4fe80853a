import type { Logger } from 'pino';
import type { Config } from '../config/env.ts';
import { KeyRing } from '../crypto/keyring.ts';
import { loadProviders } from '../providers/registry.ts';
import { openStore } from '../store/open.ts';
import { dialContext } from '../net/context.ts';
import type { AppContext } from './context.ts';

/**
 * Builds the application context from validated configuration: opens and migrates the store,
 * loads the key ring (generating a development key with a loud warning when none is configured;
 * production refuses at config time), the provider table and the outbound-connection policy.
 * @throws Error when the key ring, the providers file or the database cannot be opened.
 */
export async function buildContext(config: Config, log: Logger, now: () => number = Date.now): Promise<AppContext> {
  let keys: KeyRing;
  if (config.encryptionKeys) {
    try {
      keys = KeyRing.parse(config.encryptionKeys);
    } catch (err) {
      throw new Error(`LATCHKEY_ENCRYPTION_KEYS: ${(err as Error).message}`);
    }
  } else {
    const dev = KeyRing.development(config.dataDir);
    keys = dev.ring;
    log.warn(
      { key_file: `${config.dataDir}/dev-encryption-key`, created: dev.created },
      'DEVELOPMENT ENCRYPTION KEY IN USE: stored mail passwords are encrypted with a key kept on local disk. Set LATCHKEY_ENCRYPTION_KEYS for any real deployment (NODE_ENV=production refuses to start without it).',
    );
  }
  if (config.ehloNameWarning) log.warn(config.ehloNameWarning);
  const store = openStore(config.databaseUrl);
  await store.migrate();
  return {
    config,
    store,
    keys,
    providers: loadProviders(config.providersFile),
    dial: dialContext(config),
    log,
    now,
  };
}
