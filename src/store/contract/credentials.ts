/** An account's stored credentials in the store contract (store.ts): AEAD envelopes, never secrets in clear. Times are Unix seconds. */
export interface CredentialRow {
  field: string;
  envelope: string;
  keyVersion: string;
}

/** One stored credential as key rotation sees it (crypto/rotate.ts). */
export interface StoredCredential extends CredentialRow {
  accountId: string;
}

export interface CredentialStore {
  /** Replaces all stored credentials of an account. */
  replaceCredentials(accountId: string, rows: CredentialRow[], now: number): Promise<void>;
  /** Stores the credentials of an account that has none yet (a new account): `replaceCredentials` without its delete. */
  insertCredentials(accountId: string, rows: CredentialRow[], now: number): Promise<void>;
  credentialsOf(accountId: string): Promise<CredentialRow[]>;
  /**
   * Key rotation: up to `limit` credentials not yet under `version`, in (account_id, field)
   * order strictly after `after` (keyset paging, so a row that cannot be rotated is not met twice).
   */
  credentialsNotUnder(version: string, after: { accountId: string; field: string } | undefined, limit: number): Promise<StoredCredential[]>;
  /**
   * Replaces one credential's envelope only if it still holds `expected` (compare-and-swap: a
   * re-authorize that wrote a fresh envelope meanwhile wins). Returns whether it was replaced.
   */
  reencryptCredential(row: StoredCredential, expected: string, now: number): Promise<boolean>;
  /** How many stored credentials use each key version. */
  credentialCountsByVersion(): Promise<Record<string, number>>;
}
