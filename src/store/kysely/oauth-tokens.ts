import type { Database, Db } from '../schema.ts';
import type { CredentialRow, OAuthTokenState, RefreshedToken } from '../store.ts';
import { hotRow, type Handle } from './hot.ts';
import { orNull as n } from './rows.ts';

/** The OAuth access-token cache and refresh lease of KyselyStore (store/contract/ documents each operation). Times in ms. */
export const oauthTokenQueries = {
  async state(h: Handle, accountId: string): Promise<OAuthTokenState | undefined> {
    // Precompiled: a release of a cached token reads it on every call (issue 14).
    const r = await hotRow(h, 'oauthTokenState', (p) => h.db.selectFrom('oauth_tokens').selectAll().where('account_id', '=', p.accountId), {
      accountId,
    });
    return r && toState(r);
  },

  /**
   * Insert-or-claim in one statement (`INSERT … ON CONFLICT DO UPDATE … WHERE the lease is free
   * or expired`, the same on SQLite ≥ 3.24 and PostgreSQL ≥ 9.5: PostgreSQL re-checks the WHERE
   * against the row a concurrent claimer committed), so of concurrent claimers exactly one sees a
   * row affected.
   */
  async claim(db: Db, accountId: string, owner: string, nowMs: number, untilMs: number, unlessFailedSinceMs?: number): Promise<boolean> {
    const r = await db
      .insertInto('oauth_tokens')
      .values({
        account_id: accountId,
        envelope: null,
        key_version: null,
        expires_at: null,
        lease_owner: owner,
        lease_until: untilMs,
        failed_reason: null,
        failed_at: null,
      })
      .onConflict((oc) =>
        oc
          .column('account_id')
          .doUpdateSet({ lease_owner: owner, lease_until: untilMs, failed_reason: null, failed_at: null })
          .where((eb) =>
            eb.and([
              eb.or([eb('oauth_tokens.lease_until', 'is', null), eb('oauth_tokens.lease_until', '<=', nowMs)]),
              ...(unlessFailedSinceMs === undefined
                ? []
                : [eb.or([eb('oauth_tokens.failed_at', 'is', null), eb('oauth_tokens.failed_at', '<', unlessFailedSinceMs)])]),
            ]),
          ),
      )
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
  },

  /** Runs inside the caller's transaction (KyselyStore.saveRefreshedToken). */
  async save(
    db: Db,
    accountId: string,
    owner: string,
    token: RefreshedToken,
    rotated: CredentialRow | undefined,
    nowSec: number,
  ): Promise<boolean> {
    const r = await db
      .updateTable('oauth_tokens')
      .set({
        envelope: token.envelope,
        key_version: token.keyVersion,
        expires_at: token.expiresAtMs,
        lease_owner: null,
        lease_until: null,
        failed_reason: null,
        failed_at: null,
      })
      .where('account_id', '=', accountId)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    if (rotated) {
      await db
        .updateTable('credentials')
        .set({ envelope: rotated.envelope, key_version: rotated.keyVersion, updated_at: nowSec })
        .where('account_id', '=', accountId)
        .where('field', '=', rotated.field)
        .execute();
    }
    return true;
  },

  async release(db: Db, accountId: string, owner: string, reason: string | null, nowMs: number): Promise<void> {
    await db
      .updateTable('oauth_tokens')
      .set({ lease_owner: null, lease_until: null, failed_reason: reason, failed_at: reason === null ? null : nowMs })
      .where('account_id', '=', accountId)
      .where('lease_owner', '=', owner)
      .execute();
  },
};

/** An `oauth_tokens` row as the domain sees it. Times in ms since the epoch. */
function toState(r: Database['oauth_tokens']): OAuthTokenState {
  return {
    envelope: r.envelope,
    keyVersion: r.key_version,
    expiresAtMs: n(r.expires_at),
    leaseOwner: r.lease_owner,
    leaseUntilMs: n(r.lease_until),
    failedReason: r.failed_reason,
    failedAtMs: n(r.failed_at),
  };
}
