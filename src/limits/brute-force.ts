import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeOrRefuse, rateLimited } from './rate-limited.ts';
import type { CounterStore, LimiterStore, ReservationCounter } from './store.ts';

/**
 * Brute-force limits (DECISIONS "Running it"; issue 6 §2). Counts in seconds; defaults in
 * config/limits.ts: 5 failed provider logins per (client, email) in 15 min → the pair answers 429
 * for 15 min, doubling on each repeat within a day (capped by `maxLockSeconds`); 30 failures per
 * source IP in 15 min → the IP answers 429 for 15 min; 600 authorize requests per client a minute.
 */
export interface BruteForceLimits {
  pairFailures: number;
  ipFailures: number;
  /** Window in which failures are counted, seconds. */
  windowSeconds: number;
  /** First lock-out of a pair, and every lock-out of an IP, seconds. */
  lockSeconds: number;
  /** Longest lock-out a pair can reach by doubling, seconds. */
  maxLockSeconds: number;
  clientRequestsPerMinute: number;
}

/** Repeat lock-outs of a pair within this many seconds double the lock. */
const STRIKE_MEMORY_SECONDS = 24 * 3600;

/**
 * Who is attempting. Failures are counted under each key, with the pair threshold: the
 * (client, address) pair of DECISIONS, and the login actually tried at the provider (the IMAP
 * username, across every client; `smtp_username` too when given) — so neither a decoy `email_address` with the victim's
 * `imap_username`, nor a second application, escapes the limit for one mailbox.
 */
export interface Attempt {
  clientId: string;
  /** Normalized email address (see normalizeLogin); undefined when the body has none. */
  emailKey: string | undefined;
  /** Normalized login name sent to the provider; undefined when not known yet. */
  loginKey?: string | undefined;
  /**
   * Normalized `smtp_username` when the request names one: SMTP is a second login the provider
   * is asked for, and a guesser whose IMAP side logs in to a server of their own would otherwise
   * vary the address and IMAP username to dodge the count for the SMTP mailbox.
   */
  smtpLoginKey?: string | undefined;
  /** Source IP as the socket (or a declared proxy) reports it. */
  ip: string;
}

/**
 * The guard authorize consults: `admit` before any provider contact (throws 429 `rate_limited`
 * with `Retry-After`, `X-RateLimit-Limit`, `X-RateLimit-Reset`), then exactly one of
 * `failed` / `succeeded` / `released` with the ticket `admit` returned. `admit` reserves one
 * failure slot for the pair and the IP, so concurrent attempts cannot exceed the threshold.
 */
export class BruteForceGuard {
  private readonly client: RateLimiterAbstract;
  private readonly detections: RateLimiterAbstract;
  private readonly pairFail: ReservationCounter;
  private readonly pairLock: RateLimiterAbstract;
  private readonly pairStrikes: RateLimiterAbstract;
  private readonly ipFail: ReservationCounter;
  private readonly ipLock: RateLimiterAbstract;

  constructor(
    readonly limits: BruteForceLimits,
    store: LimiterStore,
    private readonly clock: () => number = Date.now,
  ) {
    const w = limits.windowSeconds;
    this.client = store.limiter({ keyPrefix: 'lk-client', points: limits.clientRequestsPerMinute, duration: 60 });
    this.detections = store.limiter({ keyPrefix: 'lk-hosted-detect', points: limits.clientRequestsPerMinute, duration: 60 });
    this.pairFail = store.reservations({ keyPrefix: 'lk-pair-fail', points: limits.pairFailures, duration: w });
    this.pairLock = store.limiter({ keyPrefix: 'lk-pair-lock', points: 1, duration: limits.lockSeconds });
    this.pairStrikes = store.limiter({ keyPrefix: 'lk-pair-strikes', points: 1_000_000, duration: STRIKE_MEMORY_SECONDS });
    this.ipFail = store.reservations({ keyPrefix: 'lk-ip-fail', points: limits.ipFailures, duration: w });
    this.ipLock = store.limiter({ keyPrefix: 'lk-ip-lock', points: 1, duration: limits.lockSeconds });
  }

  /**
   * Counts the request against the client's per-minute budget, refuses a locked IP or pair, and
   * reserves a failure slot for both.
   * @throws ApiError `rate_limited` (429).
   */
  async admit(a: Attempt): Promise<AdmitTicket> {
    await consumeOrRefuse(this.client, a.clientId, this.limits.clientRequestsPerMinute, this.clock);
    const ip = normalizeIp(a.ip);
    await this.refuseIfLocked(this.ipLock, ip, this.limits.ipFailures);
    const pairs = [
      ...(a.emailKey ? [pairKey(a.clientId, a.emailKey)] : []),
      ...(a.loginKey ? [loginKey(a.loginKey)] : []),
      ...(a.smtpLoginKey ? [loginKey(a.smtpLoginKey)] : []),
    ].filter((k, i, all) => all.indexOf(k) === i);
    for (const pair of pairs) await this.refuseIfLocked(this.pairLock, pair, this.limits.pairFailures);
    // Reserve: concurrent attempts already in flight use up the budget too.
    // Each slot is given back to the store that reserved it (limits/store.ts).
    const { res: ipRes, store: ipStore } = await this.ipFail.reserve(ip);
    if (ipRes.consumedPoints > this.limits.ipFailures) {
      await this.ipFail.giveBack(ip, ipStore);
      this.refuse(this.limits.ipFailures, ipRes.msBeforeNext);
    }
    const pairStores: CounterStore[] = [];
    for (const pair of pairs) {
      const { res: pairRes, store } = await this.pairFail.reserve(pair);
      pairStores.push(store);
      if (pairRes.consumedPoints > this.limits.pairFailures) {
        for (const [i, r] of pairStores.entries()) await this.pairFail.giveBack(pairs[i]!, r);
        await this.ipFail.giveBack(ip, ipStore);
        this.refuse(this.limits.pairFailures, pairRes.msBeforeNext);
      }
    }
    return { ip, pairs, ipStore, pairStores };
  }

  /**
   * Before the hosted login page runs detection for a typed address (DNS and HTTPS lookups that
   * happen before `admit`): a locked IP is refused, and the client's detections share a budget
   * of `clientRequestsPerMinute` per minute — a budget of their own, so an attempt that goes on
   * to `admit` is not counted twice.
   * @throws ApiError `rate_limited` (429).
   */
  async beforeDetection(clientId: string, ip: string): Promise<void> {
    await this.refuseIfLocked(this.ipLock, normalizeIp(ip), this.limits.ipFailures);
    await consumeOrRefuse(this.detections, clientId, this.limits.clientRequestsPerMinute, this.clock);
  }

  /** A failed provider login (or a refused destination): keeps the reserved slots; locks on the threshold. */
  async failed(t: AdmitTicket): Promise<void> {
    for (const pair of t.pairs) {
      const res = await this.pairFail.limiter.get(pair);
      if (res && res.consumedPoints >= this.limits.pairFailures) {
        const strikes = await this.pairStrikes.penalty(pair);
        const seconds = Math.min(this.limits.lockSeconds * 2 ** Math.max(0, strikes.consumedPoints - 1), this.limits.maxLockSeconds);
        await this.pairLock.block(pair, seconds);
        await this.pairFail.forget(pair);
      }
    }
    const ipRes = await this.ipFail.limiter.get(t.ip);
    if (ipRes && ipRes.consumedPoints >= this.limits.ipFailures) {
      await this.ipLock.block(t.ip, this.limits.lockSeconds);
      await this.ipFail.forget(t.ip);
    }
  }

  /**
   * The provider accepted the credentials: the pair's failure count starts over (the person
   * knows the password). The IP's count and the pair's lock-out history stay: one good account
   * must not launder an IP's guesses elsewhere, nor reset the doubling.
   */
  async succeeded(t: AdmitTicket): Promise<void> {
    for (const pair of t.pairs) await this.pairFail.forget(pair);
    await this.ipFail.giveBack(t.ip, t.ipStore);
  }

  /** Any other outcome (bad request, network error): the reserved slots are returned. */
  async released(t: AdmitTicket): Promise<void> {
    for (const [i, pair] of t.pairs.entries()) await this.pairFail.giveBack(pair, t.pairStores[i]!);
    await this.ipFail.giveBack(t.ip, t.ipStore);
  }

  private async refuseIfLocked(lock: RateLimiterAbstract, key: string, limit: number): Promise<void> {
    const res = await lock.get(key);
    if (res && res.consumedPoints > 1 && res.msBeforeNext > 0) this.refuse(limit, res.msBeforeNext);
  }

  private refuse(limit: number, msBeforeNext: number): never {
    throw rateLimited(limit, msBeforeNext, this.clock());
  }
}

/** What `admit` reserved; hand it back to exactly one of failed / succeeded / released. */
export interface AdmitTicket {
  ip: string;
  /** The failure keys reserved: the (client, address) pair and the login identity. */
  pairs: string[];
  /** Where the IP's slot was reserved (its release goes back there). */
  ipStore: CounterStore;
  /** Where each of `pairs`' slots was reserved, in the same order. */
  pairStores: CounterStore[];
}

/** The login identity, across clients; hashed like the pair key. */
function loginKey(login: string): string {
  return createHash('sha256').update(`login\u0000${login}`).digest('base64url');
}

/**
 * One spelling per address or login name: NFKC (full-width letters fold), zero-width characters
 * removed, trimmed, lower-cased, a trailing dot of the domain dropped.
 */
export function normalizeLogin(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
}

/** The address is hashed: a shared counter store (Redis, later) never holds it in clear. */
function pairKey(clientId: string, emailKey: string): string {
  return createHash('sha256').update(`${clientId}\u0000${emailKey}`).digest('base64url');
}

/**
 * The key the per-IP limit counts under. `::ffff:192.0.2.1` and `192.0.2.1` are one client; an
 * IPv6 client is its /64, the smallest prefix an ISP hands one subscriber (RFC 6177), since
 * anyone holding a /64 can send from 2^64 addresses.
 */
export function normalizeIp(ip: string): string {
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
