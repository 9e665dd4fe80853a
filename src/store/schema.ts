import type { Kysely, Transaction } from 'kysely';

/** Row shapes as stored. Times are Unix seconds. JSON columns hold text. */
export interface Database {
  applications: {
    client_id: string;
    name: string;
    secret_hash: string;
    icon_url: string | null;
    redirect_uris: string;
    created_at: number;
    previous_secret_hash?: string | null;
    previous_secret_expires_at?: number | null;
    /** Hosted login page accent colour `#rrggbb` (migration 006_hosted_login). */
    accent_color?: string | null;
    /** 1: the application may read its accounts' credentials (migration 007_credentials_release). */
    credentials_release?: number;
  };
  accounts: {
    id: string;
    client_id: string;
    /** Normalised address for the (client, email) uniqueness rule. */
    email_key: string;
    email_address: string;
    name: string;
    provider: string;
    /** Non-secret settings the account was verified with (hosts, ports, usernames, security). */
    settings: string;
    scopes: string;
    sync_state: string;
    billing_state: string;
    linked_at: number;
    updated_at: number;
    /** JSON object of string values set by the application (migration 003_management). */
    metadata: string;
  };
  credentials: {
    account_id: string;
    field: string;
    /** AES-256-GCM envelope (crypto/keyring.ts), AAD `account:<id>:<field>`. */
    envelope: string;
    key_version: string;
    updated_at: number;
  };
  auth_codes: {
    code_hash: string;
    client_id: string;
    /** Encrypted pending connection (AAD `code:<hash>`); wiped once redeemed or expired. */
    payload: string | null;
    created_at: number;
    expires_at: number;
    used_at: number | null;
    account_id: string | null;
    /** Hosted login: the redirect URI the code was issued for (migration 006_hosted_login); null for /connect codes. */
    redirect_uri?: string | null;
    /** Hosted login: PKCE S256 challenge (migration 006_hosted_login). */
    code_challenge?: string | null;
  };
  access_tokens: {
    token_hash: string;
    account_id: string;
    client_id: string;
    scopes: string;
    code_hash: string | null;
    created_at: number;
    updated_at: number;
    revoked_at: number | null;
  };
  webhooks: {
    id: string;
    client_id: string;
    callback_url: string;
    /** JSON array of event names. */
    triggers: string;
    /** AES-256-GCM envelope of the signing secret, AAD `webhook:<id>:signing_secret`. */
    secret_envelope: string;
    key_version: string;
    created_at: number;
  };
  webhook_deliveries: {
    id: string;
    webhook_id: string;
    event: string;
    /** The exact JSON body that is signed and sent. */
    body: string;
    attempts: number;
    /** ms since the epoch */
    next_attempt_at: number;
    delivered_at: number | null;
    failed_at: number | null;
    last_error: string | null;
    created_at: number;
  };
  audit_events: {
    id: string;
    /** Milliseconds since the epoch. */
    at_ms: number;
    /** `connect.authorize`, `connect.token`, `code.replay_revoked`. */
    event: string;
    client_id: string;
    /** `ok` or the error catalogue's `reason`. */
    outcome: string;
    /** First 16 hex digits of SHA-256 of the normalized address; never the address. */
    email_hash: string | null;
    account_id: string | null;
    source_ip: string | null;
    duration_ms: number | null;
    revoked_tokens: number | null;
    /** `credentials.released`: the protocol asked for (migration 007_credentials_release). */
    protocol?: string | null;
  };
  /** Nylas v3 API keys (migration 008_api_keys): only the key's SHA-256 is stored. Unix seconds. */
  api_keys: {
    id: string;
    client_id: string;
    key_hash: string;
    /** The key's first characters (`lkak_AbCd`), for telling keys apart; not enough to use it. */
    hint: string;
    name: string | null;
    created_at: number;
    expires_at: number | null;
    revoked_at: number | null;
  };
  /** Shared health-check schedule (migration 005_health_schedule): ms since the epoch. */
  health_schedule: {
    account_id: string;
    next_at: number;
  };
  /**
   * Nylas v3 connectors (migration 009_connectors): settings and scope are JSON text; the client
   * secret only as an AEAD envelope. Unix seconds.
   */
  connectors: {
    client_id: string;
    provider: string;
    name: string;
    settings: string;
    scope: string;
    secret_envelope: string;
    key_version: string;
    created_at: number;
    updated_at: number;
  };
  /** OAuth access-token cache and refresh lease (migration 007_credentials_release): ms since the epoch. */
  oauth_tokens: {
    account_id: string;
    /** AES-256-GCM envelope of the access token, AAD `account:<id>:access_token`. */
    envelope: string | null;
    key_version: string | null;
    expires_at: number | null;
    lease_owner: string | null;
    lease_until: number | null;
    failed_reason: string | null;
    failed_at: number | null;
  };
}

/** What the store's queries run on: the database, or a transaction on it (`Store.atomically`). */
export type Db = Kysely<Database> | Transaction<Database>;
