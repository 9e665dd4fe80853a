import type { Logger } from 'pino';
import type { Config } from '../config/env.ts';
import { KeyRing } from '../crypto/keyring.ts';
import { loadProviders } from '../providers/registry.ts';
import { openStore } from '../store/open.ts';
import { dialContext } from './dial-context.ts';
import type { AppContext } from './context.ts';
import type { DialContext } from '../mail/dial.ts';
import { createDnsLookups } from '../net/dns.ts';
import { DetectionCache, type DetectContext } from '../detect/detect.ts';
import type { ProviderEntry } from '../providers/table.ts';
import { BruteForceGuard } from '../limits/brute-force.ts';
import { memoryLimiterStore, redisLimiterStore } from '../limits/store.ts';
import { Admission } from '../limits/admission.ts';
import { Metrics } from '../metrics/metrics.ts';
import { connectRedis, redisReady } from '../shared/redis.ts';
import { RedisDetectionCache } from '../detect/shared-cache.ts';
import type { Redis } from 'ioredis';

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
      'DEVELOPMENT ENCRYPTION KEY IN USE: stored mail passwords are encrypted with a key kept on local disk. ' +
        'Set LATCHKEY_ENCRYPTION_KEYS for any real deployment (NODE_ENV=production refuses to start without it).',
    );
  }
  if (config.ehloNameWarning) log.warn(config.ehloNameWarning);
  const store = openStore(config.databaseUrl, { poolSize: config.databasePoolSize });
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  const providers = loadProviders(config.providersFile);
  const dial = dialContext(config);
  // With LATCHKEY_REDIS_URL the brute-force counters and the detection cache are shared by every
  // node; without it they live in this process (correct for one node).
  const redis = config.redisUrl ? connectRedis(config.redisUrl, log) : undefined;
  if (redis && !(await redisReady(redis, 2000))) log.warn('redis not ready after 2 s: limits count per node until it is');
  return {
    config,
    store,
    keys,
    providers,
    dial,
    detect: detectContext(config, providers, dial, now, redis),
    guard: new BruteForceGuard(config.limits, redis ? redisLimiterStore(redis) : memoryLimiterStore()),
    admission: new Admission(config.admission),
    log,
    metrics: new Metrics(store),
    ...(redis ? { redis } : {}),
    now,
  };
}

/** Detection shares the dialling context (resolver, policy, trust anchors) with verification. */
export function detectContext(
  config: Config,
  providers: Record<string, ProviderEntry>,
  dial: DialContext,
  now: () => number,
  redis?: Redis,
): DetectContext {
  return {
    providers,
    dial,
    http: { resolve: dial.resolve, policy: dial.policy, secureContext: dial.secureContext },
    dns: createDnsLookups(config.dnsServers),
    ispdbUrl: config.detect.ispdbUrl,
    allowHttpAutoconfig: config.detect.allowHttpAutoconfig,
    requestTimeoutMs: config.detect.requestTimeoutMs,
    deadlineMs: config.detect.deadlineMs,
    cache: redis ? new RedisDetectionCache(redis, config.detect.cacheTtlMs) : new DetectionCache(config.detect.cacheTtlMs),
    now,
  };
}
