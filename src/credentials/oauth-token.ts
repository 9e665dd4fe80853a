import { randomBytes } from 'node:crypto';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { isReason } from '../errors/catalogue.ts';
import { oauthEndpoints, type OAuthPlatform } from '../providers/oauth/endpoints.ts';
import { mintMailToken } from '../providers/oauth/mint.ts';
import { StoreUnavailable, type Account, type OAuthTokenState, type Store } from '../store/store.ts';
import { emitAccountEvent } from '../webhooks/events.ts';
import { storedOAuthCredentials } from './stored.ts';

/** An access token as released: the token and when it expires (Unix seconds). */
export interface ReleasedToken {
  accessToken: string;
  expiresAt: number;
}

/** A cached token is released only while it has more than this left (ms): 5 minutes. */
export const EXPIRY_MARGIN_MS = 5 * 60_000;
/** `expires_in` absent from the token response: Google and Microsoft issue one-hour tokens. */
const DEFAULT_LIFETIME_S = 3600;
/**
 * The longest `expires_in` believed (s): 24 hours. Google and Microsoft issue one-hour tokens
 * (Microsoft's CAE tokens up to ~28 h); an endpoint answering more (or 1e300) would otherwise pin
 * a token in the cache for ever — and overflow PostgreSQL's bigint, failing every release after a
 * successful refresh. Refreshing earlier than the provider meant costs one round trip a day.
 */
const MAX_LIFETIME_S = 24 * 3600;
/** How often a caller waiting on another node's refresh looks at the store again (ms). */
const POLL_MS = 40;

/**
 * Per store (one per server; tests run several in one process), the prefix of its lease owners: a
 * fresh one per server, so a restarted node — or another server in this process — never mistakes
 * a lease for its own.
 */
const owners = new WeakMap<Store, string>();
/** Per store (one per server), the refreshes this process is running or waiting on, by account. */
const inFlight = new WeakMap<Store, Map<string, Promise<ReleasedToken>>>();

function ownerPrefix(store: Store): string {
  let prefix = owners.get(store);
  if (!prefix) owners.set(store, (prefix = randomBytes(9).toString('base64url')));
  return prefix;
}

/**
 * A live OAuth access token for an account of provider gmail, office365 or graph (issue 14).
 * The token minted last is cached ENCRYPTED in the store (`oauth_tokens`, AAD
 * `account:<id>:access_token`) and released until five minutes before it expires, so a sync
 * engine asking before every connection costs no round trip to the provider. Otherwise a fresh
 * one is minted from the stored refresh token (providers/oauth/mint.ts: the refresh, then the account's
 * identity checked as at authorize) by exactly one caller across all nodes:
 * - in this process, concurrent callers for one account share one promise;
 * - across processes, the refresh lease in the store (`claimTokenRefresh`, one atomic statement)
 *   lets one node refresh; the others poll the store every 40 ms for its result — the new token,
 *   or the reason it failed — and take the lease themselves only if it expires unfinished
 *   (its holder died: the lease lasts the authorize timeout plus 5 s). A lease this server left
 *   behind because the store was unreachable when it should have given it back is ended at once.
 * The new token and a refresh token the endpoint rotated in are saved in ONE transaction.
 * A refresh that failed at or after `sinceMs` (when the caller read the account) answers the
 * caller with the same error, without asking the provider again.
 * A definite refusal (403, e.g. `invalid_grant` → `refresh_token_revoked`, or
 * `oauth_account_mismatch`) marks the account invalid and queues `account.invalid`, as the
 * health check does (health/checker.ts).
 * @throws ApiError as mintMailToken does; the same error reaches every caller that waited.
 *   StoreUnavailable when the store cannot be reached.
 */
export function releasedAccessToken(ctx: AppContext, account: Account, platform: OAuthPlatform, sinceMs: number): Promise<ReleasedToken> {
  let mine = inFlight.get(ctx.store);
  if (!mine) inFlight.set(ctx.store, (mine = new Map()));
  const running = mine.get(account.id);
  if (running) return running;
  const p = obtain(ctx, account, platform, sinceMs).finally(() => mine.delete(account.id));
  mine.set(account.id, p);
  return p;
}

async function obtain(ctx: AppContext, account: Account, platform: OAuthPlatform, sinceMs: number): Promise<ReleasedToken> {
  const leaseMs = ctx.config.timeouts.authorizeMs + 5000;
  const prefix = ownerPrefix(ctx.store);
  for (;;) {
    const state = await ctx.store.oauthTokenState(account.id);
    const cached = usable(ctx, account.id, state);
    if (cached) return cached;
    const now = ctx.now();
    if (state?.leaseOwner && (state.leaseUntilMs ?? 0) > now) {
      if (state.leaseOwner.startsWith(`${prefix}:`)) {
        // This server's own lease, left behind by a refresh that could not give it back (the
        // store was unreachable). Only one caller per account refreshes here at a time
        // (`inFlight`) and it is this one, so nobody is refreshing: end it rather than wait
        // the whole lease out (authorize timeout + 5 s).
        await ctx.store.releaseTokenRefresh(account.id, state.leaseOwner, null, now);
        continue;
      }
      // Another node (or an earlier process) is refreshing: wait for its result.
      await sleep(POLL_MS);
      continue;
    }
    if (state?.failedReason && (state.failedAtMs ?? 0) >= sinceMs) {
      // A refresh that failed since this caller read the account (the one it waited on): the
      // same answer, without asking the provider again.
      throw new ApiError(isReason(state.failedReason) ? state.failedReason : 'internal', { step: 'oauth.refresh' });
    }
    const owner = `${prefix}:${randomBytes(6).toString('base64url')}`;
    // The claim also refuses when a refresh failed since `sinceMs`: one may have run start to finish
    // between the read above and here (on another node), and its answer is this caller's too.
    if (!(await ctx.store.claimTokenRefresh(account.id, owner, now, now + leaseMs, sinceMs))) {
      await sleep(POLL_MS);
      continue;
    }
    // A refresh that ended between the read above and the claim left a fresh token: use it.
    const again = usable(ctx, account.id, await ctx.store.oauthTokenState(account.id));
    if (again) {
      await ctx.store.releaseTokenRefresh(account.id, owner, null, ctx.now());
      return again;
    }
    return refresh(ctx, account, platform, owner);
  }
}

async function refresh(ctx: AppContext, account: Account, platform: OAuthPlatform, owner: string): Promise<ReleasedToken> {
  try {
    const secrets = new Map<string, string>();
    for (const row of await ctx.store.credentialsOf(account.id))
      secrets.set(row.field, ctx.keys.decrypt(row.envelope, `account:${account.id}:${row.field}`));
    const endpoints = oauthEndpoints(platform, ctx.config, ctx.providers[account.provider]);
    const minted = await ctx.metrics.timeLogin('oauth', () =>
      mintMailToken(
        endpoints,
        storedOAuthCredentials(account, platform, secrets),
        account.emailAddress,
        ctx.detect.http,
        ctx.config.timeouts.commandMs,
      ),
    );
    const lifetime = minted.expiresIn && minted.expiresIn > 0 ? Math.min(minted.expiresIn, MAX_LIFETIME_S) : DEFAULT_LIFETIME_S;
    const expiresAtMs = Math.floor(ctx.now() + lifetime * 1000);
    const field = `${platform}_refresh_token`;
    const rotated = minted.rotatedRefreshToken
      ? { field, envelope: ctx.keys.encrypt(minted.rotatedRefreshToken, `account:${account.id}:${field}`), keyVersion: ctx.keys.current }
      : undefined;
    const saved = await ctx.store.saveRefreshedToken(
      account.id,
      owner,
      {
        envelope: ctx.keys.encrypt(minted.accessToken, `account:${account.id}:access_token`),
        keyVersion: ctx.keys.current,
        expiresAtMs,
      },
      rotated,
      Math.floor(ctx.now() / 1000),
    );
    // Not saved: the lease expired mid-refresh and another node took it. The token is still
    // good for this caller; a rotated refresh token is then lost unless the provider keeps the
    // old one valid (Microsoft does until it expires).
    if (!saved) ctx.log.warn({ event: 'credentials.refresh', account_id: account.id }, 'refresh lease lost before the token was saved');
    ctx.log.info(
      { event: 'credentials.refresh', account_id: account.id, outcome: 'ok', rotated: Boolean(rotated) },
      'access token refreshed',
    );
    return { accessToken: minted.accessToken, expiresAt: Math.floor(expiresAtMs / 1000) };
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError('internal', { cause: err });
    ctx.log.warn(
      {
        event: 'credentials.refresh',
        account_id: account.id,
        outcome: e.reason,
        step: e.details.step,
        ...(e.reason === 'internal' ? { err } : {}),
      },
      'access token refresh failed',
    );
    try {
      // Invalid BEFORE the lease is given back: a caller that reads the account after that finds
      // it invalid, one that read it earlier finds the failure — none asks the provider again.
      if (e.status === 403 || e.reason === 'oauth_account_mismatch') await markInvalid(ctx, account);
    } finally {
      await ctx.store
        .releaseTokenRefresh(account.id, owner, e.reason, ctx.now())
        .catch((releaseErr: unknown) => ctx.log.error({ err: releaseErr }, 'releasing the refresh lease failed'));
    }
    // A store outage stays itself (http/errors.ts answers it `store_unavailable`), not `internal`.
    throw err instanceof StoreUnavailable ? err : e;
  }
}

/** As the health check does: `sync_state` invalid unless re-authorized meanwhile, then `account.invalid`. */
async function markInvalid(ctx: AppContext, account: Account): Promise<void> {
  const marked = await ctx.store.setSyncState(account.id, 'invalid', Math.floor(ctx.now() / 1000), account.updatedAt);
  if (marked) await emitAccountEvent(ctx, marked, 'account.invalid');
}

/** The cached token when it has more than the margin left and decrypts (a key retired since → minted again). */
function usable(ctx: AppContext, accountId: string, state: OAuthTokenState | undefined): ReleasedToken | undefined {
  if (!state?.envelope || state.expiresAtMs === null || state.expiresAtMs - EXPIRY_MARGIN_MS <= ctx.now()) return undefined;
  try {
    return {
      accessToken: ctx.keys.decrypt(state.envelope, `account:${accountId}:access_token`),
      expiresAt: Math.floor(state.expiresAtMs / 1000),
    };
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
