import type { Database, Db } from '../schema.ts';
import type { ConnectorRow } from '../store.ts';

/** The connector half of KyselyStore (store/contract/ documents each operation). Times are Unix seconds. */
export const connectorQueries = {
  async create(db: Db, c: ConnectorRow): Promise<void> {
    await db.insertInto('connectors').values(toRow(c)).execute();
  },
  async update(db: Db, c: ConnectorRow): Promise<boolean> {
    const { client_id: _c, provider: _p, created_at: _t, ...fields } = toRow(c);
    const r = await db
      .updateTable('connectors')
      .set(fields)
      .where('client_id', '=', c.clientId)
      .where('provider', '=', c.provider)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
  async list(db: Db, clientId: string): Promise<ConnectorRow[]> {
    const rows = await db.selectFrom('connectors').selectAll().where('client_id', '=', clientId).orderBy('provider').execute();
    return rows.map(toConnector);
  },
  async find(db: Db, clientId: string, provider: string): Promise<ConnectorRow | undefined> {
    const row = await db
      .selectFrom('connectors')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('provider', '=', provider)
      .executeTakeFirst();
    return row && toConnector(row);
  },
  async notUnder(db: Db, version: string): Promise<ConnectorRow[]> {
    const rows = await db
      .selectFrom('connectors')
      .selectAll()
      .where('key_version', '!=', version)
      .orderBy('client_id')
      .orderBy('provider')
      .execute();
    return rows.map(toConnector);
  },
  /** Compare-and-swap of the client secret's envelope: false when it changed meanwhile. */
  async reencrypt(db: Db, clientId: string, provider: string, envelope: string, keyVersion: string, expected: string): Promise<boolean> {
    const r = await db
      .updateTable('connectors')
      .set({ secret_envelope: envelope, key_version: keyVersion })
      .where('client_id', '=', clientId)
      .where('provider', '=', provider)
      .where('secret_envelope', '=', expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
  async countsByVersion(db: Db): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('connectors')
      .select((eb) => ['key_version', eb.fn.countAll<number>().as('n')])
      .groupBy('key_version')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.key_version, Number(r.n)]));
  },
  async delete(db: Db, clientId: string, provider: string): Promise<boolean> {
    const r = await db.deleteFrom('connectors').where('client_id', '=', clientId).where('provider', '=', provider).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },
};

function toRow(c: ConnectorRow): Database['connectors'] {
  return {
    client_id: c.clientId,
    provider: c.provider,
    name: c.name,
    settings: JSON.stringify(c.settings),
    scope: JSON.stringify(c.scope),
    secret_envelope: c.secretEnvelope,
    key_version: c.keyVersion,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function toConnector(r: Database['connectors']): ConnectorRow {
  return {
    clientId: r.client_id,
    provider: r.provider,
    name: r.name,
    settings: JSON.parse(r.settings) as Record<string, string>,
    scope: JSON.parse(r.scope) as string[],
    secretEnvelope: r.secret_envelope,
    keyVersion: r.key_version,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}
