/** `imap_security` / `smtp_security` (DECISIONS "Verifying credentials"). */
export type Security = 'ssl' | 'starttls' | 'none' | 'auto';

/** One server to verify against, with credentials resolved (usernames defaulted, passwords filled in). */
export interface ServerLogin {
  host: string;
  port: number;
  security: Security;
  /** Never send credentials before TLS unless false (DECISIONS: default true). */
  sslRequired: boolean;
  username: string;
  password: string;
  /** True when the username was not given and defaulted to the email address (for a hint on failure). */
  usernameDefaulted: boolean;
  /**
   * OAuth providers (gmail, office365, graph): an access token sent with SASL XOAUTH2 /
   * OAUTHBEARER (RFC 7628) instead of the password, which is then empty.
   */
  accessToken?: string;
}
