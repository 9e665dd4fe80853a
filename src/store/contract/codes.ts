/** The authorization codes of the store contract (store.ts). Times are Unix seconds. */
export interface NewCode {
  codeHash: string;
  clientId: string;
  payload: string;
  createdAt: number;
  expiresAt: number;
  /** Hosted login (issue 8): the registered redirect URI the code was sent to. */
  redirectUri?: string | null;
  /** Hosted login: the PKCE S256 challenge (RFC 7636 §4.2), base64url. */
  codeChallenge?: string | null;
}

/**
 * What a redemption must match besides the client. `/connect/token`: `{ hosted: false }` — only
 * codes of `/connect/authorize`. `/oauth/token`: `{ hosted: true, redirectUri, codeChallenge }`
 * — only hosted-login codes; `redirectUri` when the request names one (RFC 6749 §4.1.3), and
 * the challenge computed from the presented `code_verifier`, or null when none was presented
 * (then only a code issued without PKCE matches; RFC 7636 §4.6).
 */
export type CodeBinding = { hosted: false } | { hosted: true; redirectUri?: string; codeChallenge: string | null };

/** Outcome of `consumeCode`. */
export type ConsumeResult = { status: 'consumed'; payload: string } | { status: 'replayed' } | { status: 'invalid' };

export interface CodeStore {
  saveCode(code: NewCode): Promise<void>;
  /**
   * Exactly-once: marks the code used in one atomic statement, only if it belongs to `clientId`,
   * is unused and unexpired and matches `binding` (default `{ hosted: false }`). Of any number of concurrent calls for one
   * code, exactly one returns `consumed`. A code already used returns `replayed`. Call it inside
   * `atomically`, followed by `markCodeAccount`, which wipes the payload in the same transaction.
   */
  consumeCode(codeHash: string, clientId: string, now: number, binding?: CodeBinding): Promise<ConsumeResult>;
  /** Records which account a redeemed code produced, and wipes its payload (the pending secrets are not kept once redeemed). */
  markCodeAccount(codeHash: string, accountId: string): Promise<void>;
  /** Deletes codes expired before `before` (their payloads go with them). Returns how many. */
  purgeCodes(before: number): Promise<number>;
  /** Unredeemed, unexpired codes whose encrypted payload uses `version` (they expire within 15 min). */
  liveCodesUnder(version: string, now: number): Promise<number>;
}
