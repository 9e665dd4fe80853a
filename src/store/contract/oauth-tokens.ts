import type { CredentialRow } from './credentials.ts';

/** An OAuth account's access-token cache row (store/migrations/007_credentials_release.ts). Times in ms since the epoch. */
export interface OAuthTokenState {
  envelope: string | null;
  keyVersion: string | null;
  expiresAtMs: number | null;
  leaseOwner: string | null;
  leaseUntilMs: number | null;
  failedReason: string | null;
  failedAtMs: number | null;
}

/** A fresh access token from a refresh: its AEAD envelope, key version and expiry (ms since the epoch). */
export interface RefreshedToken {
  envelope: string;
  keyVersion: string;
  expiresAtMs: number;
}

export interface OAuthTokenStore {
  /** The account's cached OAuth access token and refresh lease (issue 14), if it has a row. Times in ms. */
  oauthTokenState(accountId: string): Promise<OAuthTokenState | undefined>;
  /**
   * Takes the account's refresh lease for `owner` until `untilMs`, in one statement: true only
   * if no other owner holds an unexpired lease — so of any number of nodes asking at once,
   * exactly one refreshes. Clears a previous failure — but with `unlessFailedSinceMs`, takes
   * nothing when a refresh failed at or after that time (the answer a caller who read the account
   * then must hear, not a second request to the provider).
   */
  claimTokenRefresh(accountId: string, owner: string, nowMs: number, untilMs: number, unlessFailedSinceMs?: number): Promise<boolean>;
  /**
   * Ends `owner`'s lease with a fresh access token (and, when the endpoint rotated it, the new
   * refresh token's credential row) in ONE transaction: both land or neither. Returns false,
   * writing nothing, when `owner` no longer holds the lease (it expired and another node took it).
   */
  saveRefreshedToken(
    accountId: string,
    owner: string,
    token: RefreshedToken,
    rotated: CredentialRow | undefined,
    nowSec: number,
  ): Promise<boolean>;
  /**
   * Ends `owner`'s lease without a new token: after a failed refresh, `failedReason` (the
   * catalogue reason) tells the callers waiting on it how it ended; null when there was nothing to do.
   */
  releaseTokenRefresh(accountId: string, owner: string, failedReason: string | null, nowMs: number): Promise<void>;
}
