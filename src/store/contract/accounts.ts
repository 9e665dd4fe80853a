/** The accounts aggregate of the store contract (store.ts). Times are Unix seconds. */
export interface Account {
  id: string;
  clientId: string;
  emailKey: string;
  emailAddress: string;
  name: string;
  provider: string;
  settings: Record<string, unknown>;
  scopes: string;
  syncState: string;
  billingState: string;
  linkedAt: number;
  updatedAt: number;
  /** Application-set key/value strings (management API `metadata`). */
  metadata: Record<string, string>;
}

/** What an authorization writes (`upsertAccount`): the account's fields as signed in, plus the id and time of a new one. */
export type AccountUpsert = Pick<Account, 'clientId' | 'emailKey' | 'emailAddress' | 'name' | 'provider' | 'settings' | 'scopes'> & {
  /** Used only when no account exists yet for (clientId, emailKey). */
  newId: string;
  now: number;
};

/**
 * A filtered page of an application's accounts (Nylas v3 `GET /v3/grants`). Absent filters do
 * not filter. Times are Unix seconds; `linkedSince` inclusive, `linkedBefore` exclusive. Ties in
 * the sort column are ordered by id, so pages are stable.
 */
export interface AccountQuery {
  /** Any of these provider names (v2 names: `gmail`, `office365`, …). */
  providers?: string[];
  /** `running` accounts only (`is`), or every other state (`isNot`). */
  syncState?: { is: string } | { isNot: string };
  emailKey?: string;
  linkedSince?: number;
  linkedBefore?: number;
  sortBy: 'linked_at' | 'updated_at';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** A page of a list: at most `limit` rows starting at `offset`. */
export interface Page {
  limit: number;
  offset: number;
}

export interface AccountStore {
  findAccount(clientId: string, accountId: string): Promise<Account | undefined>;
  /** The account with this id, whatever its application (ids are unique across applications). */
  findAccountById(accountId: string): Promise<Account | undefined>;
  /**
   * An application's accounts, oldest first (`linked_at`, then id, so pages are stable), at
   * most `limit` starting at `offset` (v2 management list: `limit` default 100, `offset`).
   */
  listAccounts(clientId: string, page: Page): Promise<Account[]>;
  /**
   * Inserts the account, or updates the existing one for (clientId, emailKey) keeping its id
   * and `linked_at`, and sets `sync_state` to `running`. Atomic (one statement).
   */
  upsertAccount(input: AccountUpsert): Promise<Account>;
  /** Replaces an account's metadata. Returns the updated account, or undefined when it does not exist. */
  setAccountMetadata(accountId: string, metadata: Record<string, string>, now: number): Promise<Account | undefined>;
  /** Sets `billing_state` (`paid` / `cancelled`). Returns the updated account, or undefined. */
  setBillingState(accountId: string, state: string, now: number): Promise<Account | undefined>;
  /**
   * Sets `sync_state` (`running` / `invalid`). With `ifUpdatedAt`, only when the account's
   * `updated_at` still has that value (not re-authorized meanwhile). Returns the updated account,
   * or undefined when none matched.
   */
  setSyncState(accountId: string, state: string, now: number, ifUpdatedAt?: number): Promise<Account | undefined>;
  /**
   * Deletes the account; its stored credentials and every token (revoked or not) go with it in
   * the same statement (foreign keys cascade). Returns whether an account was deleted.
   */
  deleteAccount(accountId: string): Promise<boolean>;
  /** Every account of every application, by id, `limit` from `offset` (background jobs page through them). */
  listAllAccounts(page: Page): Promise<Account[]>;
  /** An application's accounts matching `query`, sorted and paged as it says. */
  searchAccounts(clientId: string, query: AccountQuery): Promise<Account[]>;
  /** The account of (clientId, normalised email), if any. */
  findAccountByEmail(clientId: string, emailKey: string): Promise<Account | undefined>;
  /** The id and sync state of the account for (client, normalised address), if any: one precompiled indexed read (the token path). */
  accountStateByEmail(clientId: string, emailKey: string): Promise<{ id: string; syncState: string } | undefined>;
}
