import type { Application } from './applications.ts';

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

export interface ApiKeyStore {
  /** Stores a new API key. @throws Conflict when its hash exists already (never, for random keys). */
  createApiKey(key: ApiKey): Promise<void>;
  /** An application's API keys (revoked ones too), oldest first. */
  listApiKeys(clientId: string): Promise<ApiKey[]>;
  /** Revokes the application's key `id` if it is not revoked yet. Returns whether it was active. */
  revokeApiKey(clientId: string, id: string, now: number): Promise<boolean>;
  /** The key whose hash this is (revoked, expired or not) and its application. */
  findApiKey(keyHash: string): Promise<{ apiKey: ApiKey; application: Application } | undefined>;
}
