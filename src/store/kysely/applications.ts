import type { Database, Db } from '../schema.ts';
import type { Application, ApplicationChanges } from '../store.ts';
import { hotRow, type Handle } from './hot.ts';
import { toApplication } from './rows.ts';

/** The applications of KyselyStore (store/contract/ documents each operation). Times are Unix seconds. */
export const applicationQueries = {
  async create(db: Db, app: Application): Promise<void> {
    await db
      .insertInto('applications')
      .values({
        client_id: app.clientId,
        name: app.name,
        secret_hash: app.secretHash,
        icon_url: app.iconUrl,
        redirect_uris: JSON.stringify(app.redirectUris),
        created_at: app.createdAt,
      })
      .execute();
  },

  async find(h: Handle, clientId: string): Promise<Application | undefined> {
    const row = await hotRow(h, 'findApplication', (p) => h.db.selectFrom('applications').selectAll().where('client_id', '=', p.clientId), {
      clientId,
    });
    return row && toApplication(row);
  },

  async list(db: Db): Promise<Application[]> {
    const rows = await db.selectFrom('applications').selectAll().orderBy('created_at').execute();
    return rows.map(toApplication);
  },

  /** Runs inside the caller's transaction (KyselyStore.rotateApplicationSecret). */
  async rotateSecret(db: Db, clientId: string, secretHash: string, previousExpiresAt: number | null): Promise<boolean> {
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
  },

  /** Runs inside the caller's transaction (KyselyStore.deleteApplication). */
  async delete(db: Db, clientId: string): Promise<boolean> {
    await db.deleteFrom('auth_codes').where('client_id', '=', clientId).execute();
    // accounts (→ credentials, tokens) and webhooks (→ deliveries) go by ON DELETE CASCADE.
    const r = await db.deleteFrom('applications').where('client_id', '=', clientId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  async update(db: Db, clientId: string, changes: ApplicationChanges): Promise<Application | undefined> {
    const set: Partial<Database['applications']> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.iconUrl !== undefined) set.icon_url = changes.iconUrl;
    if (changes.redirectUris !== undefined) set.redirect_uris = JSON.stringify(changes.redirectUris);
    if (changes.accentColor !== undefined) set.accent_color = changes.accentColor;
    if (changes.credentialsRelease !== undefined) set.credentials_release = changes.credentialsRelease ? 1 : 0;
    if (Object.keys(set).length) await db.updateTable('applications').set(set).where('client_id', '=', clientId).execute();
    const row = await db.selectFrom('applications').selectAll().where('client_id', '=', clientId).executeTakeFirst();
    return row && toApplication(row);
  },
};
