import type { Logger } from 'pino';
import type { Config } from '../config/env.ts';
import type { KeyRing } from '../crypto/keyring.ts';
import type { ProviderEntry } from '../providers/table.ts';
import type { Store } from '../store/store.ts';
import type { DialContext } from '../mail/dial.ts';
import type { DetectContext } from '../detect/detect.ts';
import type { BruteForceGuard } from '../limits/brute-force.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { Admission } from '../limits/admission.ts';
import type { Redis } from 'ioredis';

/** Everything a request handler needs, built once at start (see app/build.ts). Immutable. */
export interface AppContext {
  config: Config;
  store: Store;
  keys: KeyRing;
  providers: Record<string, ProviderEntry>;
  /** Outbound dialling: resolver, policy, trust anchors, timeouts. */
  dial: DialContext;
  /** Settings detection: sources, DNS, HTTP, cache. */
  detect: DetectContext;
  /** Brute-force limits consulted by authorize (limits/brute-force.ts). */
  guard: BruteForceGuard;
  /** Bounds the provider verifications running at once (limits/admission.ts). */
  admission: Admission;
  log: Logger;
  /** Prometheus figures served by `GET /metrics` (metrics/metrics.ts). */
  metrics: Metrics;
  /** The shared Redis (LATCHKEY_REDIS_URL), closed with the server; undefined: none. */
  redis?: Redis;
  /** Milliseconds since the epoch; injectable so tests can expire codes. */
  now: () => number;
}
