import type { DatabaseConnection, Dialect, Driver, Kysely, QueryResult, CompiledQuery, TransactionSettings } from 'kysely';
import type { DialectCaps } from './dialect.ts';
import { StoreUnavailable } from './store.ts';

/**
 * The store's edge for driver errors: every query and connection of the wrapped dialect goes
 * through here, and an error that means "the database cannot be reached or is shutting down"
 * (DialectCaps.isUnavailable: SQLITE_BUSY past busy_timeout, PostgreSQL class 08 / 57P0x /
 * 53300, socket errors) leaves as StoreUnavailable — the HTTP layer answers it with 500
 * `store_unavailable` ("try again shortly") instead of a bare `internal`. Uniqueness errors stay driver errors here and become
 * Conflict where an insert expects them (KyselyStore.guard).
 */
export function normalisingDialect(inner: Dialect, caps: DialectCaps): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db: Kysely<any>) => inner.createIntrospector(db),
    createDriver: () => new NormalisingDriver(inner.createDriver(), caps),
  };
}

function mapped(err: unknown, caps: DialectCaps): unknown {
  return caps.isUnavailable(err) ? new StoreUnavailable(caps.name, err) : err;
}

class NormalisingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly caps: DialectCaps,
  ) {}
  private async wrap<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapped(err, this.caps);
    }
  }
  init(): Promise<void> {
    return this.wrap(() => this.inner.init());
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.wrap(() => this.inner.acquireConnection());
    return new NormalisingConnection(conn, this.caps);
  }
  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.wrap(() => this.inner.beginTransaction((conn as NormalisingConnection).inner, settings));
  }
  commitTransaction(conn: DatabaseConnection): Promise<void> {
    return this.wrap(() => this.inner.commitTransaction((conn as NormalisingConnection).inner));
  }
  rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    return this.wrap(() => this.inner.rollbackTransaction((conn as NormalisingConnection).inner));
  }
  releaseConnection(conn: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((conn as NormalisingConnection).inner);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

class NormalisingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly caps: DialectCaps,
  ) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(q);
    } catch (err) {
      throw mapped(err, this.caps);
    }
  }
  streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(q, chunkSize);
  }
}
