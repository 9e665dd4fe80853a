/**
 * The store interface: the domain operations Latchkey needs, not generic CRUD. Routes and
 * services see only this; the one folder that knows SQL is store/kysely/. Driver errors
 * never cross this boundary. Times are Unix seconds unless a name says ms.
 *
 * Each aggregate declares its rows and its operations in store/contract/<aggregate>.ts; `Store`
 * is all of them, plus what concerns the database as a whole.
 */
import type { AccessTokenStore } from './contract/access-tokens.ts';
import type { AccountStore } from './contract/accounts.ts';
import type { ApiKeyStore } from './contract/api-keys.ts';
import type { ApplicationStore } from './contract/applications.ts';
import type { AuditStore } from './contract/audit.ts';
import type { CodeStore } from './contract/codes.ts';
import type { ConnectorStore } from './contract/connectors.ts';
import type { CredentialStore } from './contract/credentials.ts';
import type { HealthScheduleStore } from './contract/health.ts';
import type { OAuthTokenStore } from './contract/oauth-tokens.ts';
import type { WebhookStore } from './contract/webhooks.ts';

export type * from './contract/access-tokens.ts';
export type * from './contract/accounts.ts';
export type * from './contract/api-keys.ts';
export type * from './contract/applications.ts';
export * from './contract/audit.ts';
export type * from './contract/codes.ts';
export type * from './contract/connectors.ts';
export type * from './contract/credentials.ts';
export type * from './contract/health.ts';
export type * from './contract/oauth-tokens.ts';
export type * from './contract/webhooks.ts';

export interface Store
  extends
    ApplicationStore,
    CodeStore,
    AccountStore,
    CredentialStore,
    AccessTokenStore,
    OAuthTokenStore,
    HealthScheduleStore,
    ApiKeyStore,
    ConnectorStore,
    WebhookStore,
    AuditStore {
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
