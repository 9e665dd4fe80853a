import type { Database, Db } from '../schema.ts';
import type { ApiKey, Application } from '../store.ts';
import { orNull as n, toApplication } from './rows.ts';

/** The API-key half of KyselyStore (store/contract/ documents each operation). Times are Unix seconds. */
export const apiKeyQueries = {
  async create(db: Db, k: ApiKey): Promise<void> {
    await db
      .insertInto('api_keys')
      .values({
        id: k.id,
        client_id: k.clientId,
        key_hash: k.keyHash,
        hint: k.hint,
        name: k.name,
        created_at: k.createdAt,
        expires_at: k.expiresAt,
        revoked_at: k.revokedAt,
      })
      .execute();
  },
  async list(db: Db, clientId: string): Promise<ApiKey[]> {
    const rows = await db
      .selectFrom('api_keys')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toApiKey);
  },
  async revoke(db: Db, clientId: string, id: string, now: number): Promise<boolean> {
    const r = await db
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('client_id', '=', clientId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
  /** The key with this hash and its application, revoked or expired or not: the caller decides. */
  async find(db: Db, keyHash: string): Promise<{ apiKey: ApiKey; application: Application } | undefined> {
    const key = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
    if (!key) return undefined;
    const app = await db.selectFrom('applications').selectAll().where('client_id', '=', key.client_id).executeTakeFirst();
    return app && { apiKey: toApiKey(key), application: toApplication(app) };
  },
};

function toApiKey(r: Database['api_keys']): ApiKey {
  return {
    id: r.id,
    clientId: r.client_id,
    keyHash: r.key_hash,
    hint: r.hint,
    name: r.name,
    createdAt: Number(r.created_at),
    expiresAt: n(r.expires_at),
    revokedAt: n(r.revoked_at),
  };
}
