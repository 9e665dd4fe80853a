import type { Redis } from 'ioredis';
import type { DomainDetection } from './types.ts';

/** What detection needs of its per-domain cache (detect.ts). Times in ms since the epoch. */
export interface DetectCache {
  get(domain: string, now: number): DomainDetection | undefined | Promise<DomainDetection | undefined>;
  set(domain: string, value: DomainDetection, now: number): void | Promise<void>;
}

/**
 * The detection cache in Redis (`LATCHKEY_REDIS_URL`), shared by every node: key
 * `lk:detect:<ascii domain>`, value the detection as JSON (without its trace), expiring after
 * the TTL (Redis `SET … PX`). A Redis error reads as a miss and a failed write is dropped:
 * detection still works, only uncached. Redis's own clock keeps the TTL, so `now` is unused.
 */
export class RedisDetectionCache implements DetectCache {
  constructor(
    private readonly client: Redis,
    private readonly ttlMs: number,
    private readonly prefix = 'lk:detect:',
  ) {}

  async get(domain: string): Promise<DomainDetection | undefined> {
    const raw = await this.client.get(this.prefix + domain).catch(() => null);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as DomainDetection;
    } catch {
      return undefined;
    }
  }

  async set(domain: string, value: DomainDetection): Promise<void> {
    if (this.ttlMs <= 0) return;
    await this.client.set(this.prefix + domain, JSON.stringify({ ...value, domain, trace: [] }), 'PX', this.ttlMs).catch(() => undefined);
  }
}
