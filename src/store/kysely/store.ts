import { Kysely, Migrator } from 'kysely';
import type { Pool } from 'pg';
import { DIALECTS, type DialectCaps } from '../dialect.ts';
import { adoptRenamedMigrations, StaticMigrations } from '../migrations/index.ts';
import type { Database, Db } from '../schema.ts';
import {
  Conflict,
  type AccessToken,
  type Account,
  type AccountQuery,
  type AccountUpsert,
  type ApiKey,
  type Application,
  type ApplicationChanges,
  type AuditEvent,
  type CodeBinding,
  type ConnectorRow,
  type ConsumeResult,
  type CredentialRow,
  type Delivery,
  type DeliveryOutcome,
  type NewCode,
  type OAuthTokenState,
  type Page,
  type Store,
  type StoredCredential,
  type Webhook,
  type WebhookChanges,
} from '../store.ts';
import { accessTokenQueries as tq } from './access-tokens.ts';
import { accountQueries as acq } from './accounts.ts';
import { apiKeyQueries as kq } from './api-keys.ts';
import { applicationQueries as apq } from './applications.ts';
import { auditQueries as auq } from './audit.ts';
import { codeQueries as coq } from './codes.ts';
import { connectorQueries as cq } from './connectors.ts';
import { credentialQueries as crq } from './credentials.ts';
import { healthQueries as hq } from './health.ts';
import type { Handle } from './hot.ts';
import { oauthTokenQueries as oq } from './oauth-tokens.ts';
import { webhookQueries as wq } from './webhooks.ts';

/**
 * The store over Kysely: the only place that writes SQL, one module per aggregate in this folder
 * (store/contract/ documents each operation). Dialect-neutral queries only.
 */
export class KyselyStore implements Store {
  /** The handle and dialect, for the modules with precompiled queries (hot.ts). */
  private readonly h: Handle;

  /**
   * @param caps — what differs between the databases (dialect.ts).
   * @param root — the non-transaction handle (defaults to `db`).
   * @param pool — the PostgreSQL pool, for its figures (`poolStats`).
   */
  constructor(
    private readonly db: Db,
    readonly caps: DialectCaps = DIALECTS.sqlite,
    private readonly root: Kysely<Database> = db as Kysely<Database>,
    private readonly pool?: Pool,
  ) {
    this.h = { db, caps };
  }

  get dialect(): DialectCaps['name'] {
    return this.caps.name;
  }

  poolStats(): { total: number; idle: number; waiting: number } | undefined {
    return this.pool && { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async migrate(): Promise<void> {
    try {
      await adoptRenamedMigrations(this.root);
    } catch (err) {
      throw new Error(`could not migrate the database: ${(err as Error).message ?? String(err)}`);
    }
    const { error, results } = await new Migrator({
      db: this.root,
      provider: new StaticMigrations(this.caps),
      allowUnorderedMigrations: true,
    }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      const why = (error as Error).message ?? String(error);
      // No migration name when the database itself could not be reached (e.g. it does not exist).
      throw new Error(failed ? `migration ${failed} failed: ${why}` : `could not migrate the database: ${why}`);
    }
  }

  async close(): Promise<void> {
    await this.root.destroy();
  }

  async atomically<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.db !== this.root) return fn(this); // already inside a transaction
    return this.root.transaction().execute((trx) => fn(new KyselyStore(trx, this.caps, this.root, this.pool)));
  }

  /** `fn` on this store's transaction handle (a new transaction unless one is open already). */
  private inTransaction<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    return this.atomically((tx) => fn((tx as KyselyStore).db));
  }

  /** Translates the driver's uniqueness errors (see DialectCaps.isUniqueViolation) into Conflict. */
  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (this.caps.isUniqueViolation(err)) throw new Conflict(what);
      throw err;
    }
  }

  async ping(): Promise<boolean> {
    await this.db.selectFrom('applications').select('client_id').limit(1).execute();
    return true;
  }

  claimHealthCheck(accountId: string, nowMs: number, untilMs: number): Promise<boolean> {
    return hq.claim(this.db, accountId, nowMs, untilMs);
  }
  scheduleHealthCheck(accountId: string, atMs: number): Promise<void> {
    return hq.schedule(this.db, accountId, atMs);
  }

  oauthTokenState(accountId: string): Promise<OAuthTokenState | undefined> {
    return oq.state(this.h, accountId);
  }
  claimTokenRefresh(...args: Parameters<Store['claimTokenRefresh']>): Promise<boolean> {
    return oq.claim(this.db, ...args);
  }
  saveRefreshedToken(...args: Parameters<Store['saveRefreshedToken']>): Promise<boolean> {
    return this.inTransaction((db) => oq.save(db, ...args));
  }
  releaseTokenRefresh(accountId: string, owner: string, failedReason: string | null, nowMs: number): Promise<void> {
    return oq.release(this.db, accountId, owner, failedReason, nowMs);
  }

  createApplication(app: Application): Promise<void> {
    return this.guard('application', () => apq.create(this.db, app));
  }
  findApplication(clientId: string): Promise<Application | undefined> {
    return apq.find(this.h, clientId);
  }
  listApplications(): Promise<Application[]> {
    return apq.list(this.db);
  }
  rotateApplicationSecret(clientId: string, secretHash: string, previousExpiresAt: number | null): Promise<boolean> {
    return this.inTransaction((db) => apq.rotateSecret(db, clientId, secretHash, previousExpiresAt));
  }
  deleteApplication(clientId: string): Promise<boolean> {
    return this.inTransaction((db) => apq.delete(db, clientId));
  }
  updateApplication(clientId: string, changes: ApplicationChanges): Promise<Application | undefined> {
    return apq.update(this.db, clientId, changes);
  }

  saveCode(code: NewCode): Promise<void> {
    return this.guard('code', () => coq.save(this.db, code));
  }
  consumeCode(codeHash: string, clientId: string, now: number, binding: CodeBinding = { hosted: false }): Promise<ConsumeResult> {
    return coq.consume(this.h, codeHash, clientId, now, binding);
  }
  markCodeAccount(codeHash: string, accountId: string): Promise<void> {
    return coq.markAccount(this.h, codeHash, accountId);
  }
  purgeCodes(before: number): Promise<number> {
    return coq.purge(this.db, before);
  }
  liveCodesUnder(version: string, now: number): Promise<number> {
    return coq.liveUnder(this.db, version, now);
  }

  findAccount(clientId: string, accountId: string): Promise<Account | undefined> {
    return acq.find(this.h, clientId, accountId);
  }
  findAccountById(accountId: string): Promise<Account | undefined> {
    return acq.findById(this.db, accountId);
  }
  listAccounts(clientId: string, page: Page): Promise<Account[]> {
    return acq.list(this.db, clientId, page);
  }
  upsertAccount(a: AccountUpsert): Promise<Account> {
    return acq.upsert(this.h, a);
  }
  accountStateByEmail(clientId: string, emailKey: string): Promise<{ id: string; syncState: string } | undefined> {
    return acq.stateByEmail(this.h, clientId, emailKey);
  }
  setAccountMetadata(accountId: string, metadata: Record<string, string>, now: number): Promise<Account | undefined> {
    return acq.update(this.db, accountId, { metadata: JSON.stringify(metadata), updated_at: now });
  }
  setBillingState(accountId: string, state: string, now: number): Promise<Account | undefined> {
    return acq.update(this.db, accountId, { billing_state: state, updated_at: now });
  }
  setSyncState(accountId: string, state: string, now: number, ifUpdatedAt?: number): Promise<Account | undefined> {
    return acq.setSyncState(this.db, accountId, state, now, ifUpdatedAt);
  }
  deleteAccount(accountId: string): Promise<boolean> {
    return acq.delete(this.db, accountId);
  }
  listAllAccounts(page: Page): Promise<Account[]> {
    return acq.listAll(this.db, page);
  }
  findAccountByEmail(clientId: string, emailKey: string): Promise<Account | undefined> {
    return acq.findByEmail(this.db, clientId, emailKey);
  }
  searchAccounts(clientId: string, query: AccountQuery): Promise<Account[]> {
    return acq.search(this.db, clientId, query);
  }

  replaceCredentials(accountId: string, rows: CredentialRow[], now: number): Promise<void> {
    return crq.replace(this.h, accountId, rows, now);
  }
  insertCredentials(accountId: string, rows: CredentialRow[], now: number): Promise<void> {
    return crq.insert(this.h, accountId, rows, now);
  }
  credentialsOf(accountId: string): Promise<CredentialRow[]> {
    return crq.of(this.h, accountId);
  }
  credentialsNotUnder(
    version: string,
    after: { accountId: string; field: string } | undefined,
    limit: number,
  ): Promise<StoredCredential[]> {
    return crq.notUnder(this.db, version, after, limit);
  }
  reencryptCredential(row: StoredCredential, expected: string, now: number): Promise<boolean> {
    return crq.reencrypt(this.db, row, expected, now);
  }
  credentialCountsByVersion(): Promise<Record<string, number>> {
    return crq.countsByVersion(this.db);
  }

  insertToken(t: AccessToken): Promise<void> {
    return this.guard('token', () => tq.insert(this.h, t));
  }
  findToken(tokenHash: string): Promise<{ token: AccessToken; account: Account } | undefined> {
    return tq.find(this.h, tokenHash);
  }
  countActiveTokens(accountId: string): Promise<number> {
    return tq.countActive(this.db, accountId);
  }
  revokeAccountTokens(accountId: string, now: number, keepHash?: string): Promise<number> {
    return tq.revokeOfAccount(this.db, accountId, now, keepHash);
  }
  revokeToken(tokenHash: string, now: number): Promise<boolean> {
    return tq.revoke(this.db, tokenHash, now);
  }
  revokeTokensFromCode(codeHash: string, now: number): Promise<number> {
    return tq.revokeFromCode(this.db, codeHash, now);
  }

  createApiKey(key: ApiKey): Promise<void> {
    return this.guard('api key', () => kq.create(this.db, key));
  }
  listApiKeys(clientId: string): Promise<ApiKey[]> {
    return kq.list(this.db, clientId);
  }
  revokeApiKey(clientId: string, id: string, now: number): Promise<boolean> {
    return kq.revoke(this.db, clientId, id, now);
  }
  findApiKey(keyHash: string): Promise<{ apiKey: ApiKey; application: Application } | undefined> {
    return kq.find(this.db, keyHash);
  }

  createConnector(row: ConnectorRow): Promise<void> {
    return this.guard('connector', () => cq.create(this.db, row));
  }
  updateConnector(row: ConnectorRow): Promise<boolean> {
    return cq.update(this.db, row);
  }
  listConnectors(clientId: string): Promise<ConnectorRow[]> {
    return cq.list(this.db, clientId);
  }
  findConnector(clientId: string, provider: string): Promise<ConnectorRow | undefined> {
    return cq.find(this.db, clientId, provider);
  }
  deleteConnector(clientId: string, provider: string): Promise<boolean> {
    return cq.delete(this.db, clientId, provider);
  }
  connectorsNotUnder(version: string): Promise<ConnectorRow[]> {
    return cq.notUnder(this.db, version);
  }
  reencryptConnectorSecret(clientId: string, provider: string, envelope: string, keyVersion: string, expected: string): Promise<boolean> {
    return cq.reencrypt(this.db, clientId, provider, envelope, keyVersion, expected);
  }
  connectorCountsByVersion(): Promise<Record<string, number>> {
    return cq.countsByVersion(this.db);
  }

  createWebhook(w: Webhook): Promise<void> {
    return this.guard('webhook', () => wq.create(this.db, w));
  }
  listWebhooks(clientId: string): Promise<Webhook[]> {
    return wq.list(this.h, clientId);
  }
  updateWebhook(clientId: string, id: string, changes: WebhookChanges): Promise<Webhook | undefined> {
    return wq.update(this.db, clientId, id, changes);
  }
  findWebhook(id: string): Promise<Webhook | undefined> {
    return wq.find(this.db, id);
  }
  webhooksNotUnder(version: string): Promise<Webhook[]> {
    return wq.notUnder(this.db, version);
  }
  reencryptWebhookSecret(id: string, envelope: string, keyVersion: string, expected: string): Promise<boolean> {
    return wq.reencrypt(this.db, id, envelope, keyVersion, expected);
  }
  webhookCountsByVersion(): Promise<Record<string, number>> {
    return wq.countsByVersion(this.db);
  }
  deleteWebhook(clientId: string, id: string): Promise<boolean> {
    return wq.delete(this.db, clientId, id);
  }
  enqueueDeliveries(rows: Delivery[]): Promise<void> {
    return wq.enqueue(this.db, rows);
  }
  dueDeliveries(nowMs: number, limit: number): Promise<Delivery[]> {
    return wq.due(this.db, nowMs, limit);
  }
  claimDelivery(id: string, expectedNextAt: number, leaseUntil: number): Promise<boolean> {
    return wq.claim(this.db, id, expectedNextAt, leaseUntil);
  }
  recordDelivery(id: string, o: DeliveryOutcome): Promise<void> {
    return wq.record(this.db, id, o);
  }
  deliveriesOf(webhookId: string): Promise<Delivery[]> {
    return wq.of(this.db, webhookId);
  }

  recordAuditEvent(e: AuditEvent): Promise<void> {
    return this.recordAuditEvents([e]);
  }
  recordAuditEvents(events: AuditEvent[]): Promise<void> {
    return auq.record(this.h, events);
  }
  listAuditEvents(clientId: string, q: { sinceMs: number; limit: number }): Promise<AuditEvent[]> {
    return auq.list(this.db, clientId, q);
  }
}
