import {
  Kysely,
  Migrator,
  type CompiledQuery,
  type Compilable,
  type Migration,
  type MigrationProvider,
  type QueryResult,
  type Transaction,
} from 'kysely';
import type { Pool } from 'pg';
import { DIALECTS, type DialectCaps } from './dialect.ts';
import { forDialect } from './migrations/dialects.ts';
import { healthQueries as hq } from './kysely-health.ts';
import type { Database } from './schema.ts';
import { toWebhook, webhookQueries as wq } from './kysely-webhooks.ts';
import { managementQueries as mq } from './kysely-management.ts';
import { toAccount, toApplication } from './rows.ts';
import * as m001 from './migrations/001_initial.ts';
import * as m002 from './migrations/002_audit.ts';
import * as m003 from './migrations/003_management.ts';
import * as m004 from './migrations/004_secret_rotation.ts';
import * as m005i7 from './migrations/005_issue7_health_schedule.ts';
import * as m005i8 from './migrations/005_issue8_hosted.ts';
import * as m006 from './migrations/006_credentials_release.ts';
import * as m007 from './migrations/007_api_keys.ts';
import * as m012 from './migrations/012_connectors.ts';
import { connectorQueries as cq } from './kysely-connectors.ts';
import { apiKeyQueries as kq } from './kysely-api-keys.ts';
import { oauthTokenQueries as oq } from './kysely-oauth-tokens.ts';
import {
  Conflict,
  type CodeBinding,
  type AccessToken,
  type Account,
  type AccountQuery,
  type AccountUpsert,
  type Application,
  type AuditEvent,
  type ApiKey,
  type ConnectorRow,
  type ConsumeResult,
  type CredentialRow,
  type Delivery,
  type NewCode,
  type OAuthTokenState,
  type StoredCredential,
  type Store,
  type Webhook,
} from './store.ts';

const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001,
  '002_audit': m002,
  '003_management': m003,
  '004_secret_rotation': m004,
  '005_issue7_health_schedule': m005i7,
  '005_issue8_hosted': m005i8,
  '006_credentials_release': m006,
  '007_api_keys': m007,
  '012_connectors': m012,
};

/** The migrations above, with a dialect's own variant (`NNN_name.postgres.ts`) in place of the shared one where one exists. */
class StaticMigrations implements MigrationProvider {
  constructor(private readonly caps: DialectCaps) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return forDialect(MIGRATIONS, this.caps.name);
  }
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Hot queries compiled once (per dialect) and then run with new parameters. Building a Kysely
 * query (parsing references, freezing nodes, compiling SQL) costs ~4× running it on SQLite
 * (measured here: 86 µs built vs 19 µs precompiled for a primary-key SELECT), and the token path
 * runs ten of them. `build` receives named placeholders (unique symbols) where the values go;
 * the compiled parameters are mapped back to names once, so later calls only substitute values.
 * Only for queries whose SQL shape does not depend on the values (no IN-lists, no optional
 * clauses); a shape that varies must be part of `key`.
 */
const compiledCache = new WeakMap<object, Map<string, { q: CompiledQuery; names: string[] }>>();
async function hot<R>(
  db: Db,
  dialectKey: object,
  key: string,
  build: (p: Record<string, any>) => Compilable<R>,
  args: object,
): Promise<QueryResult<R>> {
  let byKey = compiledCache.get(dialectKey);
  if (!byKey) compiledCache.set(dialectKey, (byKey = new Map()));
  let entry = byKey.get(key);
  if (!entry) {
    const marks = new Map<symbol, string>();
    const p = new Proxy(
      {},
      {
        get: (_t, name) => {
          const m = Symbol(String(name));
          marks.set(m, String(name));
          return m;
        },
      },
    );
    const q = build(p).compile();
    const names = q.parameters.map((v) => {
      const n = marks.get(v as symbol);
      if (n === undefined) throw new Error(`hot query ${key}: a parameter is not a placeholder`);
      return n;
    });
    byKey.set(key, (entry = { q, names }));
  }
  return db.executeQuery<R>({ ...(entry.q as CompiledQuery<R>), parameters: entry.names.map((n) => (args as Record<string, unknown>)[n]) });
}

/** The store over Kysely: the only module that writes SQL. Dialect-neutral queries only. */
export class KyselyStore implements Store {
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
  ) {}

  get dialect(): DialectCaps['name'] {
    return this.caps.name;
  }

  poolStats(): { total: number; idle: number; waiting: number } | undefined {
    return this.pool && { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async migrate(): Promise<void> {
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

  /** Translates the driver's uniqueness errors (see DialectCaps.isUniqueViolation) into Conflict. */
  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (this.caps.isUniqueViolation(err)) throw new Conflict(what);
      throw err;
    }
  }

  claimHealthCheck(accountId: string, nowMs: number, untilMs: number): Promise<boolean> {
    return hq.claim(this.db, accountId, nowMs, untilMs);
  }
  scheduleHealthCheck(accountId: string, atMs: number): Promise<void> {
    return hq.schedule(this.db, accountId, atMs);
  }

  async oauthTokenState(accountId: string): Promise<OAuthTokenState | undefined> {
    // Precompiled: a release of a cached token reads it on every call (issue 14).
    const [r] = (
      await hot(
        this.db,
        this.caps,
        'oauthTokenState',
        (p) => this.db.selectFrom('oauth_tokens').selectAll().where('account_id', '=', p.accountId),
        { accountId },
      )
    ).rows;
    return r && oq.toState(r);
  }
  claimTokenRefresh(accountId: string, owner: string, nowMs: number, untilMs: number): Promise<boolean> {
    return oq.claim(this.db, accountId, owner, nowMs, untilMs);
  }
  saveRefreshedToken(
    accountId: string,
    owner: string,
    token: { envelope: string; keyVersion: string; expiresAtMs: number },
    rotated: CredentialRow | undefined,
    nowSec: number,
  ): Promise<boolean> {
    return this.atomically((tx) => oq.save((tx as KyselyStore).db, accountId, owner, token, rotated, nowSec));
  }
  releaseTokenRefresh(accountId: string, owner: string, failedReason: string | null, nowMs: number): Promise<void> {
    return oq.release(this.db, accountId, owner, failedReason, nowMs);
  }

  async ping(): Promise<boolean> {
    await this.db.selectFrom('applications').select('client_id').limit(1).execute();
    return true;
  }

  async createApplication(app: Application): Promise<void> {
    await this.guard('application', () =>
      this.db
        .insertInto('applications')
        .values({
          client_id: app.clientId,
          name: app.name,
          secret_hash: app.secretHash,
          icon_url: app.iconUrl,
          redirect_uris: JSON.stringify(app.redirectUris),
          created_at: app.createdAt,
        })
        .execute(),
    );
  }

  async findApplication(clientId: string): Promise<Application | undefined> {
    const [row] = (
      await hot(
        this.db,
        this.caps,
        'findApplication',
        (p) => this.db.selectFrom('applications').selectAll().where('client_id', '=', p.clientId),
        { clientId },
      )
    ).rows;
    return row && toApplication(row);
  }

  async rotateApplicationSecret(clientId: string, secretHash: string, previousExpiresAt: number | null): Promise<boolean> {
    return this.atomically(async (tx) => {
      const db = (tx as KyselyStore).db;
      const row = await db.selectFrom('applications').select('secret_hash').where('client_id', '=', clientId).executeTakeFirst();
      if (!row) return false;
      await db
        .updateTable('applications')
        .set({
          secret_hash: secretHash,
          previous_secret_hash: previousExpiresAt === null ? null : row.secret_hash,
          previous_secret_expires_at: previousExpiresAt,
        })
        .where('client_id', '=', clientId)
        .execute();
      return true;
    });
  }

  async deleteApplication(clientId: string): Promise<boolean> {
    return this.atomically(async (tx) => {
      const db = (tx as KyselyStore).db;
      await db.deleteFrom('auth_codes').where('client_id', '=', clientId).execute();
      // accounts (→ credentials, tokens) and webhooks (→ deliveries) go by ON DELETE CASCADE.
      const r = await db.deleteFrom('applications').where('client_id', '=', clientId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    });
  }

  async listApplications(): Promise<Application[]> {
    const rows = await this.db.selectFrom('applications').selectAll().orderBy('created_at').execute();
    return rows.map(toApplication);
  }

  async saveCode(code: NewCode): Promise<void> {
    await this.guard('code', () =>
      this.db
        .insertInto('auth_codes')
        .values({
          code_hash: code.codeHash,
          client_id: code.clientId,
          payload: code.payload,
          created_at: code.createdAt,
          expires_at: code.expiresAt,
          used_at: null,
          account_id: null,
          redirect_uri: code.redirectUri ?? null,
          code_challenge: code.codeChallenge ?? null,
        })
        .execute(),
    );
  }

  async consumeCode(codeHash: string, clientId: string, now: number, binding: CodeBinding = { hosted: false }): Promise<ConsumeResult> {
    // One statement decides the winner: the row is marked used only if it is still unused,
    // unexpired and its binding matches, so of concurrent callers exactly one gets it back, and
    // a wrong redirect_uri or code_verifier does not burn the code. The binding changes the
    // statement's shape, so the shape is part of the compiled query's key.
    const args = {
      now,
      codeHash,
      clientId,
      redirectUri: binding.hosted ? binding.redirectUri : undefined,
      codeChallenge: binding.hosted ? binding.codeChallenge : null,
    };
    const shape = !binding.hosted
      ? 'connect'
      : `hosted:${binding.redirectUri === undefined ? 'any-uri' : 'uri'}:${binding.codeChallenge === null ? 'no-challenge' : 'challenge'}`;
    const [won] = (
      await hot(
        this.db,
        this.caps,
        `consumeCode:${shape}`,
        (p) => {
          let q = this.db
            .updateTable('auth_codes')
            .set({ used_at: p.now })
            .where('code_hash', '=', p.codeHash)
            .where('client_id', '=', p.clientId)
            .where('used_at', 'is', null)
            .where('expires_at', '>', p.now);
          if (!binding.hosted) q = q.where('redirect_uri', 'is', null);
          else {
            q = q.where('redirect_uri', 'is not', null);
            if (binding.redirectUri !== undefined) q = q.where('redirect_uri', '=', p.redirectUri);
            q = binding.codeChallenge === null ? q.where('code_challenge', 'is', null) : q.where('code_challenge', '=', p.codeChallenge);
          }
          return q.returning(['payload']);
        },
        args,
      )
    ).rows;
    // The payload is wiped by markCodeAccount, in the same transaction (one statement fewer).
    if (won) return { status: 'consumed', payload: won.payload ?? '' };
    const [row] = (
      await hot(
        this.db,
        this.caps,
        'codeState',
        (p) => this.db.selectFrom('auth_codes').select(['used_at', 'client_id']).where('code_hash', '=', p.codeHash),
        args,
      )
    ).rows;
    if (row && row.client_id === clientId && row.used_at !== null) return { status: 'replayed' };
    return { status: 'invalid' };
  }

  async markCodeAccount(codeHash: string, accountId: string): Promise<void> {
    await hot(
      this.db,
      this.caps,
      'markCodeAccount',
      (p) => this.db.updateTable('auth_codes').set({ account_id: p.accountId, payload: p.none }).where('code_hash', '=', p.codeHash),
      { accountId, codeHash, none: null },
    );
  }

  async purgeCodes(before: number): Promise<number> {
    const r = await this.db.deleteFrom('auth_codes').where('expires_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async findAccount(clientId: string, accountId: string): Promise<Account | undefined> {
    // Precompiled: every credentials release (issue 14) and management read asks it.
    const [row] = (
      await hot(
        this.db,
        this.caps,
        'findAccount',
        (p) => this.db.selectFrom('accounts').selectAll().where('client_id', '=', p.clientId).where('id', '=', p.accountId),
        { clientId, accountId },
      )
    ).rows;
    return row && toAccount(row);
  }

  async findAccountById(accountId: string): Promise<Account | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
    return row && toAccount(row);
  }

  async listAccounts(clientId: string, page: { limit: number; offset: number }): Promise<Account[]> {
    const rows = await this.db
      .selectFrom('accounts')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('linked_at')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toAccount);
  }

  async upsertAccount(a: AccountUpsert): Promise<Account> {
    const args = { ...a, settings: JSON.stringify(a.settings), running: 'running', paid: 'paid', emptyMeta: '{}' };
    const [row] = (
      await hot(
        this.db,
        this.caps,
        'upsertAccount',
        (p) =>
          this.db
            .insertInto('accounts')
            .values({
              id: p.newId,
              client_id: p.clientId,
              email_key: p.emailKey,
              email_address: p.emailAddress,
              name: p.name,
              provider: p.provider,
              settings: p.settings,
              scopes: p.scopes,
              sync_state: p.running,
              billing_state: p.paid,
              linked_at: p.now,
              updated_at: p.now,
              metadata: p.emptyMeta,
            })
            .onConflict((oc) =>
              oc.columns(['client_id', 'email_key']).doUpdateSet({
                email_address: p.emailAddress,
                name: p.name,
                provider: p.provider,
                settings: p.settings,
                scopes: p.scopes,
                sync_state: p.running,
                updated_at: p.now,
              }),
            )
            .returningAll(),
        args,
      )
    ).rows;
    if (!row) throw new Error('upsertAccount returned no row');
    return toAccount(row);
  }

  async replaceCredentials(accountId: string, rows: CredentialRow[], now: number): Promise<void> {
    await hot(this.db, this.caps, 'deleteCredentials', (p) => this.db.deleteFrom('credentials').where('account_id', '=', p.accountId), {
      accountId,
    });
    await this.insertCredentials(accountId, rows, now);
  }

  async insertCredentials(accountId: string, rows: CredentialRow[], now: number): Promise<void> {
    if (!rows.length) return;
    const args: Record<string, unknown> = { accountId, now };
    rows.forEach((r, i) => Object.assign(args, { [`f${i}`]: r.field, [`e${i}`]: r.envelope, [`k${i}`]: r.keyVersion }));
    await hot(
      this.db,
      this.caps,
      `insertCredentials:${rows.length}`,
      (p) =>
        this.db.insertInto('credentials').values(
          rows.map((_, i) => ({
            account_id: p.accountId,
            field: p[`f${i}`],
            envelope: p[`e${i}`],
            key_version: p[`k${i}`],
            updated_at: p.now,
          })),
        ),
      args,
    );
  }

  async credentialsOf(accountId: string): Promise<CredentialRow[]> {
    // Precompiled: every credentials release (issue 14) reads it.
    const { rows } = await hot(
      this.db,
      this.caps,
      'credentialsOf',
      (p) => this.db.selectFrom('credentials').selectAll().where('account_id', '=', p.accountId),
      { accountId },
    );
    return rows.map((r) => ({ field: r.field, envelope: r.envelope, keyVersion: r.key_version }));
  }

  async insertToken(t: AccessToken): Promise<void> {
    await this.guard('token', () =>
      hot(
        this.db,
        this.caps,
        'insertToken',
        (p) =>
          this.db.insertInto('access_tokens').values({
            token_hash: p.tokenHash,
            account_id: p.accountId,
            client_id: p.clientId,
            scopes: p.scopes,
            code_hash: p.codeHash,
            created_at: p.createdAt,
            updated_at: p.updatedAt,
            revoked_at: p.revokedAt,
          }),
        t,
      ),
    );
  }

  async findToken(tokenHash: string): Promise<{ token: AccessToken; account: Account } | undefined> {
    // One round trip: the token and its account (selected under distinct names: both have
    // client_id, scopes, updated_at).
    const [r] = (
      await hot(
        this.db,
        this.caps,
        'findToken',
        (p) =>
          this.db
            .selectFrom('access_tokens as t')
            .innerJoin('accounts as a', 'a.id', 't.account_id')
            .select([
              't.token_hash',
              't.account_id',
              't.client_id as t_client_id',
              't.scopes as t_scopes',
              't.code_hash',
              't.created_at as t_created_at',
              't.updated_at as t_updated_at',
              't.revoked_at',
            ])
            .select([
              'a.id',
              'a.client_id',
              'a.email_key',
              'a.email_address',
              'a.name',
              'a.provider',
              'a.settings',
              'a.scopes',
              'a.sync_state',
              'a.billing_state',
              'a.linked_at',
              'a.updated_at',
              'a.metadata',
            ])
            .where('t.token_hash', '=', p.tokenHash),
        { tokenHash },
      )
    ).rows;
    if (!r) return undefined;
    const t = {
      token_hash: r.token_hash,
      account_id: r.account_id,
      client_id: r.t_client_id,
      scopes: r.t_scopes,
      code_hash: r.code_hash,
      created_at: r.t_created_at,
      updated_at: r.t_updated_at,
      revoked_at: r.revoked_at,
    };
    const a = {
      id: r.id,
      client_id: r.client_id,
      email_key: r.email_key,
      email_address: r.email_address,
      name: r.name,
      provider: r.provider,
      settings: r.settings,
      scopes: r.scopes,
      sync_state: r.sync_state,
      billing_state: r.billing_state,
      linked_at: r.linked_at,
      updated_at: r.updated_at,
      metadata: r.metadata,
    };
    return {
      token: {
        tokenHash: t.token_hash,
        accountId: t.account_id,
        clientId: t.client_id,
        scopes: t.scopes,
        codeHash: t.code_hash,
        createdAt: Number(t.created_at),
        updatedAt: Number(t.updated_at),
        revokedAt: t.revoked_at === null ? null : Number(t.revoked_at),
      },
      account: toAccount(a),
    };
  }

  updateApplication(
    clientId: string,
    changes: { name?: string; iconUrl?: string | null; redirectUris?: string[]; accentColor?: string | null; credentialsRelease?: boolean },
  ): Promise<Application | undefined> {
    return mq.updateApplication(this.db, clientId, changes);
  }
  setAccountMetadata(accountId: string, metadata: Record<string, string>, now: number): Promise<Account | undefined> {
    return mq.updateAccount(this.db, accountId, { metadata: JSON.stringify(metadata), updated_at: now });
  }
  setBillingState(accountId: string, state: string, now: number): Promise<Account | undefined> {
    return mq.updateAccount(this.db, accountId, { billing_state: state, updated_at: now });
  }
  setSyncState(accountId: string, state: string, now: number, ifUpdatedAt?: number): Promise<Account | undefined> {
    return mq.setSyncState(this.db, accountId, state, now, ifUpdatedAt);
  }
  deleteAccount(accountId: string): Promise<boolean> {
    return mq.deleteAccount(this.db, accountId);
  }
  countActiveTokens(accountId: string): Promise<number> {
    return mq.countActiveTokens(this.db, accountId);
  }
  revokeAccountTokens(accountId: string, now: number, keepHash?: string): Promise<number> {
    return mq.revokeAccountTokens(this.db, accountId, now, keepHash);
  }
  revokeToken(tokenHash: string, now: number): Promise<boolean> {
    return mq.revokeToken(this.db, tokenHash, now);
  }
  listAllAccounts(page: { limit: number; offset: number }): Promise<Account[]> {
    return mq.listAllAccounts(this.db, page);
  }
  findAccountByEmail(clientId: string, emailKey: string): Promise<Account | undefined> {
    return mq.findAccountByEmail(this.db, clientId, emailKey);
  }
  searchAccounts(clientId: string, query: AccountQuery): Promise<Account[]> {
    return mq.searchAccounts(this.db, clientId, query);
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

  async accountStateByEmail(clientId: string, emailKey: string): Promise<{ id: string; syncState: string } | undefined> {
    const [row] = (
      await hot(
        this.db,
        this.caps,
        'accountStateByEmail',
        (p) =>
          this.db
            .selectFrom('accounts')
            .select(['id', 'sync_state'])
            .where('client_id', '=', p.clientId)
            .where('email_key', '=', p.emailKey),
        { clientId, emailKey },
      )
    ).rows;
    return row && { id: row.id, syncState: row.sync_state };
  }

  createWebhook(w: Webhook): Promise<void> {
    return this.guard('webhook', () => wq.create(this.db, w));
  }
  async listWebhooks(clientId: string): Promise<Webhook[]> {
    // Precompiled: every new account's token exchange asks it (webhooks/events.ts).
    const { rows } = await hot(
      this.db,
      this.caps,
      'listWebhooks',
      (p) => this.db.selectFrom('webhooks').selectAll().where('client_id', '=', p.clientId).orderBy('created_at').orderBy('id'),
      { clientId },
    );
    return rows.map(toWebhook);
  }
  updateWebhook(clientId: string, id: string, changes: { callbackUrl: string; triggers: string[] }): Promise<Webhook | undefined> {
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
  recordDelivery(id: string, o: Pick<Delivery, 'attempts' | 'nextAttemptAt' | 'deliveredAt' | 'failedAt' | 'lastError'>): Promise<void> {
    return wq.record(this.db, id, o);
  }
  deliveriesOf(webhookId: string): Promise<Delivery[]> {
    return wq.of(this.db, webhookId);
  }

  async revokeTokensFromCode(codeHash: string, now: number): Promise<number> {
    const r = await this.db
      .updateTable('access_tokens')
      .set({ revoked_at: now, updated_at: now })
      .where('code_hash', '=', codeHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async credentialsNotUnder(
    version: string,
    after: { accountId: string; field: string } | undefined,
    limit: number,
  ): Promise<StoredCredential[]> {
    let q = this.db
      .selectFrom('credentials')
      .select(['account_id', 'field', 'envelope', 'key_version'])
      .where('key_version', '!=', version);
    if (after) {
      q = q.where((eb) =>
        eb.or([eb('account_id', '>', after.accountId), eb.and([eb('account_id', '=', after.accountId), eb('field', '>', after.field)])]),
      );
    }
    const rows = await q.orderBy('account_id').orderBy('field').limit(limit).execute();
    return rows.map((r) => ({ accountId: r.account_id, field: r.field, envelope: r.envelope, keyVersion: r.key_version }));
  }

  async reencryptCredential(row: StoredCredential, expected: string, now: number): Promise<boolean> {
    const r = await this.db
      .updateTable('credentials')
      .set({ envelope: row.envelope, key_version: row.keyVersion, updated_at: now })
      .where('account_id', '=', row.accountId)
      .where('field', '=', row.field)
      .where('envelope', '=', expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async credentialCountsByVersion(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('credentials')
      .select((eb) => ['key_version', eb.fn.countAll<number>().as('n')])
      .groupBy('key_version')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.key_version, Number(r.n)]));
  }

  async liveCodesUnder(version: string, now: number): Promise<number> {
    // '_' in a version is a LIKE wildcard: at worst this over-counts, which only delays a retire.
    const r = await this.db
      .selectFrom('auth_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('payload', 'like', `lk1:${version}:%`)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  recordAuditEvent(e: AuditEvent): Promise<void> {
    return this.recordAuditEvents([e]);
  }

  async recordAuditEvents(events: AuditEvent[]): Promise<void> {
    if (!events.length) return;
    // One statement per batch size (the SQL shape depends on the row count), compiled once.
    const cols = [
      'id',
      'atMs',
      'event',
      'clientId',
      'outcome',
      'emailHash',
      'accountId',
      'sourceIp',
      'durationMs',
      'revokedTokens',
      'protocol',
    ] as const;
    const args: Record<string, unknown> = {};
    events.forEach((e, i) => cols.forEach((c) => (args[`${c}${i}`] = e[c] ?? null)));
    await hot(
      this.db,
      this.caps,
      `recordAuditEvents:${events.length}`,
      (p) =>
        this.db.insertInto('audit_events').values(
          events.map((_, i) => ({
            id: p[`id${i}`],
            at_ms: p[`atMs${i}`],
            event: p[`event${i}`],
            client_id: p[`clientId${i}`],
            outcome: p[`outcome${i}`],
            email_hash: p[`emailHash${i}`],
            account_id: p[`accountId${i}`],
            source_ip: p[`sourceIp${i}`],
            duration_ms: p[`durationMs${i}`],
            revoked_tokens: p[`revokedTokens${i}`],
            protocol: p[`protocol${i}`],
          })),
        ),
      args,
    );
  }

  async listAuditEvents(clientId: string, q: { sinceMs: number; limit: number }): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('at_ms', '>=', q.sinceMs)
      .orderBy('at_ms', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      atMs: Number(r.at_ms),
      event: r.event as AuditEvent['event'],
      clientId: r.client_id,
      outcome: r.outcome,
      emailHash: r.email_hash,
      accountId: r.account_id,
      sourceIp: r.source_ip,
      durationMs: r.duration_ms,
      revokedTokens: r.revoked_tokens,
      protocol: r.protocol ?? null,
    }));
  }
}
