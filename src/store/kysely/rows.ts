import type { Database } from '../schema.ts';
import type { Account, Application } from '../store.ts';

/** Row → domain conversions shared by the Kysely store modules. Times are Unix seconds. */
export function toApplication(r: Database['applications']): Application {
  return {
    clientId: r.client_id,
    name: r.name,
    secretHash: r.secret_hash,
    iconUrl: r.icon_url,
    redirectUris: JSON.parse(r.redirect_uris) as string[],
    createdAt: Number(r.created_at),
    previousSecretHash: r.previous_secret_hash ?? null,
    previousSecretExpiresAt: r.previous_secret_expires_at == null ? null : Number(r.previous_secret_expires_at),
    accentColor: r.accent_color ?? null,
    credentialsRelease: Number(r.credentials_release ?? 0) === 1,
  };
}

export function toAccount(r: Database['accounts']): Account {
  return {
    id: r.id,
    clientId: r.client_id,
    emailKey: r.email_key,
    emailAddress: r.email_address,
    name: r.name,
    provider: r.provider,
    settings: JSON.parse(r.settings) as Record<string, unknown>,
    scopes: r.scopes,
    syncState: r.sync_state,
    billingState: r.billing_state,
    linkedAt: Number(r.linked_at),
    updatedAt: Number(r.updated_at),
    metadata: JSON.parse(r.metadata ?? '{}') as Record<string, string>,
  };
}

/** A nullable number column as a number (PostgreSQL's int8 may arrive as a string) or null. */
export function orNull(v: number | null): number | null {
  return v === null ? null : Number(v);
}
