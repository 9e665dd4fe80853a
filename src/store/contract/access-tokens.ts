import type { Account } from './accounts.ts';

/** The access tokens of the store contract (store.ts): only their hashes are stored. Times are Unix seconds. */
export interface AccessToken {
  tokenHash: string;
  accountId: string;
  clientId: string;
  scopes: string;
  codeHash: string | null;
  createdAt: number;
  updatedAt: number;
  revokedAt: number | null;
}

export interface AccessTokenStore {
  insertToken(token: AccessToken): Promise<void>;
  /** The token (revoked or not) and its account, by the token's hash. */
  findToken(tokenHash: string): Promise<{ token: AccessToken; account: Account } | undefined>;
  /** How many unrevoked tokens the account holds. */
  countActiveTokens(accountId: string): Promise<number>;
  /** Revokes every unrevoked token of an account except the one whose hash is `keepHash`. Returns how many. */
  revokeAccountTokens(accountId: string, now: number, keepHash?: string): Promise<number>;
  /** Revokes one token. Returns whether it was active before. */
  revokeToken(tokenHash: string, now: number): Promise<boolean>;
  /** Revokes every token issued from a code (RFC 6749 §4.1.2 on replay). Returns how many. */
  revokeTokensFromCode(codeHash: string, now: number): Promise<number>;
}
