/**
 * The store interface: the domain operations Latchkey needs, not generic CRUD. Routes and
 * services see only this; the one module that knows SQL is kysely-store.ts. Driver errors
 * never cross this boundary. Times are Unix seconds.
 */
export interface Application {
  clientId: string;
  name: string;
  secretHash: string;
  iconUrl: string | null;
  redirectUris: string[];
  createdAt: number;
  /** The secret replaced by the last rotation, accepted until `previousSecretExpiresAt` (Unix seconds). */
  previousSecretHash?: string | null;
  previousSecretExpiresAt?: number | null;
  /** The hosted login page's accent colour, `#rrggbb` (issue 8), or null. */
  accentColor?: string | null;
  /**
   * Issue 14: the application opted in to reading its accounts' credentials
   * (`credentials_release`; off by default).
   */
  credentialsRelease?: boolean;
}

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

/**
 * A Nylas v3 API key (issue 15): `Authorization: Bearer <key>` on `/v3` acts as its application.
 * Only `keyHash` (hex SHA-256) is stored; the key itself is shown once, at creation.
 * Times are Unix seconds; `expiresAt`/`revokedAt` null: not set.
 */
export interface ApiKey {
  id: string;
  clientId: string;
  keyHash: string;
  /** The key's first characters, for telling keys apart in a list. */
  hint: string;
  name: string | null;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

/**
 * A Nylas v3 connector (issue 15): the application's own OAuth client for one provider. The
 * client secret is held only as `secretEnvelope` (AEAD, AAD `connector:<clientId>:<provider>:client_secret`).
 * Times are Unix seconds.
 */
export interface ConnectorRow {
  clientId: string;
  /** `google` or `microsoft`. */
  provider: string;
  name: string;
  /** Settings that are not secret: the OAuth `client_id`, and `tenant` / `topic_name` when given. */
  settings: Record<string, string>;
  scope: string[];
  secretEnvelope: string;
  keyVersion: string;
  createdAt: number;
  updatedAt: number;
}

/** An application's callback URL (webhooks). */
export interface Webhook {
  id: string;
  clientId: string;
  callbackUrl: string;
  /** Event names it receives (`account.connected`, …). */
  triggers: string[];
  /** The signing secret, encrypted (AAD `webhook:<id>:signing_secret`). */
  secretEnvelope: string;
  keyVersion: string;
  createdAt: number;
}

/** One event for one webhook in the outbox. Times in ms since the epoch. */
export interface Delivery {
  id: string;
  webhookId: string;
  event: string;
  /** The exact JSON body signed and sent. */
  body: string;
  attempts: number;
  nextAttemptAt: number;
  deliveredAt: number | null;
  /** Set when retries are given up. */
  failedAt: number | null;
  lastError: string | null;
  createdAt: number;
}

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

export interface AccountUpsert {
  clientId: string;
  emailKey: string;
  emailAddress: string;
  name: string;
  provider: string;
  settings: Record<string, unknown>;
  scopes: string;
  /** Used only when no account exists yet for (clientId, emailKey). */
  newId: string;
  now: number;
}

export interface CredentialRow {
  field: string;
  envelope: string;
  keyVersion: string;
}

/** One audit row (store/migrations/002_audit.ts). Never holds a secret or an address in clear. */
/**
 * Every kind of audit event, listed once: the type here and the OpenAPI enum (http/schemas.ts)
 * both come from it. Authorize/token/replay (issue 6 §4), management actions, and a holder
 * revoking its own token.
 */
export const AUDIT_EVENTS = [
  'connect.authorize',
  'connect.token',
  'code.replay_revoked',
  'account.metadata_updated',
  'account.deleted',
  'account.downgraded',
  'account.upgraded',
  'account.tokens_revoked',
  'application.updated',
  'token.revoked',
  'oauth.token',
  'credentials.released',
] as const;
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

export interface AuditEvent {
  id: string;
  /** Milliseconds since the epoch. */
  atMs: number;
  event: AuditEventName;
  clientId: string;
  /** `ok`, or the catalogue reason the request failed with. */
  outcome: string;
  emailHash: string | null;
  accountId: string | null;
  sourceIp: string | null;
  durationMs: number | null;
  /** `code.replay_revoked`: how many tokens the replay revoked. */
  revokedTokens: number | null;
  /** `credentials.released`: `imap`, `smtp`, `ews`, `api` (EmailEngine) or `all`; absent/null otherwise. */
  protocol?: string | null;
}

/** One stored credential as key rotation sees it (crypto/rotate.ts). */
export interface StoredCredential {
  accountId: string;
  field: string;
  envelope: string;
  keyVersion: string;
}

export interface Store {
  /** Brings the schema up to date. Idempotent; safe to run from several processes (one wins, others wait). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Runs `fn` in one transaction: all of its writes land, or none. */
  atomically<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** True when the database answers (readiness probe). */
  ping(): Promise<boolean>;
  /** Which database this is (store/dialect.ts). */
  readonly dialect: 'sqlite' | 'postgres';
  /** The PostgreSQL pool's connections (open, idle, callers waiting for one); undefined for SQLite. */
  poolStats(): { total: number; idle: number; waiting: number } | undefined;
  /**
   * Claims the credential check of one account for this node until `untilMs` (ms since the
   * epoch), in one statement: true only if no other node holds an unexpired claim (or a schedule
   * that is not due yet) — so several nodes never check one account at the same time.
   */
  claimHealthCheck(accountId: string, nowMs: number, untilMs: number): Promise<boolean>;
  /** Records when the account is next due (ms since the epoch): no node claims it before then. */
  scheduleHealthCheck(accountId: string, atMs: number): Promise<void>;

  createApplication(app: Application): Promise<void>;
  findApplication(clientId: string): Promise<Application | undefined>;
  listApplications(): Promise<Application[]>;
  /** Makes `secretHash` the current secret; the old one stays valid until `previousExpiresAt` (Unix seconds; null: not at all). */
  rotateApplicationSecret(clientId: string, secretHash: string, previousExpiresAt: number | null): Promise<boolean>;
  /** Deletes the application with its accounts, credentials, tokens, webhooks and unredeemed codes, atomically. */
  deleteApplication(clientId: string): Promise<boolean>;

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

  findAccount(clientId: string, accountId: string): Promise<Account | undefined>;
  /** The account with this id, whatever its application (ids are unique across applications). */
  findAccountById(accountId: string): Promise<Account | undefined>;
  /**
   * An application's accounts, oldest first (`linked_at`, then id, so pages are stable), at
   * most `limit` starting at `offset` (v2 management list: `limit` default 100, `offset`).
   */
  listAccounts(clientId: string, page: { limit: number; offset: number }): Promise<Account[]>;
  /**
   * Inserts the account, or updates the existing one for (clientId, emailKey) keeping its id
   * and `linked_at`, and sets `sync_state` to `running`. Atomic (one statement).
   */
  upsertAccount(input: AccountUpsert): Promise<Account>;
  /** Replaces all stored credentials of an account. */
  replaceCredentials(accountId: string, rows: CredentialRow[], now: number): Promise<void>;
  /** Stores the credentials of an account that has none yet (a new account): `replaceCredentials` without its delete. */
  insertCredentials(accountId: string, rows: CredentialRow[], now: number): Promise<void>;
  credentialsOf(accountId: string): Promise<CredentialRow[]>;

  insertToken(token: AccessToken): Promise<void>;
  /** The token (revoked or not) and its account, by the token's hash. */
  findToken(tokenHash: string): Promise<{ token: AccessToken; account: Account } | undefined>;
  /** Application fields the management API may change (`PUT /a/{client_id}`); absent fields stay. */
  updateApplication(
    clientId: string,
    changes: { name?: string; iconUrl?: string | null; redirectUris?: string[]; accentColor?: string | null; credentialsRelease?: boolean },
  ): Promise<Application | undefined>;
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
  /** How many unrevoked tokens the account holds. */
  countActiveTokens(accountId: string): Promise<number>;
  /** Revokes every unrevoked token of an account except the one whose hash is `keepHash`. Returns how many. */
  revokeAccountTokens(accountId: string, now: number, keepHash?: string): Promise<number>;
  /** Revokes one token. Returns whether it was active before. */
  revokeToken(tokenHash: string, now: number): Promise<boolean>;
  /** Every account of every application, by id, `limit` from `offset` (background jobs page through them). */
  listAllAccounts(page: { limit: number; offset: number }): Promise<Account[]>;
  /** An application's accounts matching `query`, sorted and paged as it says. */
  searchAccounts(clientId: string, query: AccountQuery): Promise<Account[]>;
  /** The account of (clientId, normalised email), if any. */
  findAccountByEmail(clientId: string, emailKey: string): Promise<Account | undefined>;
  /** The id and sync state of the account for (client, normalised address), if any: one precompiled indexed read (the token path). */
  accountStateByEmail(clientId: string, emailKey: string): Promise<{ id: string; syncState: string } | undefined>;

  /** Stores a new API key. @throws Conflict when its hash exists already (never, for random keys). */
  createApiKey(key: ApiKey): Promise<void>;
  /** An application's API keys (revoked ones too), oldest first. */
  listApiKeys(clientId: string): Promise<ApiKey[]>;
  /** Revokes the application's key `id` if it is not revoked yet. Returns whether it was active. */
  revokeApiKey(clientId: string, id: string, now: number): Promise<boolean>;
  /** The key whose hash this is (revoked, expired or not) and its application. */
  findApiKey(keyHash: string): Promise<{ apiKey: ApiKey; application: Application } | undefined>;

  /** Stores a new connector. @throws Conflict when the application has one for this provider already. */
  createConnector(row: ConnectorRow): Promise<void>;
  /** Replaces a connector's fields (all but the keys and `createdAt`). Returns whether it existed. */
  updateConnector(row: ConnectorRow): Promise<boolean>;
  /** An application's connectors, by provider name. */
  listConnectors(clientId: string): Promise<ConnectorRow[]>;
  findConnector(clientId: string, provider: string): Promise<ConnectorRow | undefined>;
  /** Deletes the application's connector for this provider. Returns whether it existed. */
  deleteConnector(clientId: string, provider: string): Promise<boolean>;
  /** Connectors whose client secret is encrypted under another key version than `version`. */
  connectorsNotUnder(version: string): Promise<ConnectorRow[]>;
  /** Replaces a connector's client-secret envelope if it is still `expected` (compare-and-swap). */
  reencryptConnectorSecret(clientId: string, provider: string, envelope: string, keyVersion: string, expected: string): Promise<boolean>;
  /** How many connector client secrets each key version encrypts. */
  connectorCountsByVersion(): Promise<Record<string, number>>;

  createWebhook(webhook: Webhook): Promise<void>;
  /** An application's webhooks, oldest first. */
  listWebhooks(clientId: string): Promise<Webhook[]>;
  /** Webhooks whose signing secret is encrypted under another key version than `version`. */
  webhooksNotUnder(version: string): Promise<Webhook[]>;
  /** Replaces a signing secret's envelope if it is still `expected` (compare-and-swap). */
  reencryptWebhookSecret(id: string, envelope: string, keyVersion: string, expected: string): Promise<boolean>;
  /** How many webhook signing secrets each key version encrypts. */
  webhookCountsByVersion(): Promise<Record<string, number>>;
  findWebhook(id: string): Promise<Webhook | undefined>;
  /** Changes the callback URL and triggers of the application's webhook `id`. Returns the webhook, or undefined when it has none such. */
  updateWebhook(clientId: string, id: string, changes: { callbackUrl: string; triggers: string[] }): Promise<Webhook | undefined>;
  /** Deletes the webhook of this application and its pending deliveries. */
  deleteWebhook(clientId: string, id: string): Promise<boolean>;
  enqueueDeliveries(rows: Delivery[]): Promise<void>;
  /** Undelivered, not given up, due at `nowMs`: oldest due first, at most `limit`. */
  dueDeliveries(nowMs: number, limit: number): Promise<Delivery[]>;
  /**
   * Takes a due delivery for sending: moves `next_attempt_at` from `expectedNextAt` to
   * `leaseUntil` in one statement, so of several dispatchers exactly one wins. Returns whether it did.
   */
  claimDelivery(id: string, expectedNextAt: number, leaseUntil: number): Promise<boolean>;
  /** Records the outcome of one attempt. */
  recordDelivery(
    id: string,
    outcome: Pick<Delivery, 'attempts' | 'nextAttemptAt' | 'deliveredAt' | 'failedAt' | 'lastError'>,
  ): Promise<void>;
  /** Every delivery of a webhook, oldest first. */
  deliveriesOf(webhookId: string): Promise<Delivery[]>;
  /** Revokes every token issued from a code (RFC 6749 §4.1.2 on replay). Returns how many. */
  revokeTokensFromCode(codeHash: string, now: number): Promise<number>;

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
  /** Unredeemed, unexpired codes whose encrypted payload uses `version` (they expire within 15 min). */
  liveCodesUnder(version: string, now: number): Promise<number>;

  /** The account's cached OAuth access token and refresh lease (issue 14), if it has a row. Times in ms. */
  oauthTokenState(accountId: string): Promise<OAuthTokenState | undefined>;
  /**
   * Takes the account's refresh lease for `owner` until `untilMs`, in one statement: true only
   * if no other owner holds an unexpired lease — so of any number of nodes asking at once,
   * exactly one refreshes. Clears a previous failure.
   */
  claimTokenRefresh(accountId: string, owner: string, nowMs: number, untilMs: number): Promise<boolean>;
  /**
   * Ends `owner`'s lease with a fresh access token (and, when the endpoint rotated it, the new
   * refresh token's credential row) in ONE transaction: both land or neither. Returns false,
   * writing nothing, when `owner` no longer holds the lease (it expired and another node took it).
   */
  saveRefreshedToken(
    accountId: string,
    owner: string,
    token: { envelope: string; keyVersion: string; expiresAtMs: number },
    rotated: CredentialRow | undefined,
    nowSec: number,
  ): Promise<boolean>;
  /**
   * Ends `owner`'s lease without a new token: after a failed refresh, `failedReason` (the
   * catalogue reason) tells the callers waiting on it how it ended; null when there was nothing to do.
   */
  releaseTokenRefresh(accountId: string, owner: string, failedReason: string | null, nowMs: number): Promise<void>;

  /** Appends one audit event (append-only: nothing updates or deletes audit rows). */
  recordAuditEvent(event: AuditEvent): Promise<void>;
  /**
   * Appends several audit events in ONE statement (one commit outside a transaction): all of
   * them or none. The credentials release groups the events of concurrent requests this way
   * (audit/grouped.ts). At most a few hundred per call (each row is 11 bound parameters).
   */
  recordAuditEvents(events: AuditEvent[]): Promise<void>;
  /** An application's audit events at or after `sinceMs`, newest first, at most `limit`. */
  listAuditEvents(clientId: string, query: { sinceMs: number; limit: number }): Promise<AuditEvent[]>;
}

/** An OAuth account's access-token cache row (store/migrations/006). Times in ms since the epoch. */
export interface OAuthTokenState {
  envelope: string | null;
  keyVersion: string | null;
  expiresAtMs: number | null;
  leaseOwner: string | null;
  leaseUntilMs: number | null;
  failedReason: string | null;
  failedAtMs: number | null;
}

/** Thrown by the store when a uniqueness rule is broken (driver errors are translated to this). */
export class Conflict extends Error {
  constructor(what: string) {
    super(`conflict: ${what}`);
    this.name = 'Conflict';
  }
}

/**
 * The database cannot be reached or is shutting down (store/normalise.ts decides, per dialect).
 * The HTTP layer answers 500 `store_unavailable` (retryable); `cause` keeps the driver's error for the log.
 */
export class StoreUnavailable extends Error {
  constructor(
    readonly dialect: string,
    cause: unknown,
  ) {
    super(`the ${dialect} database is unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreUnavailable';
  }
}
