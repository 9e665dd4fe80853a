import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { hashSecret, newId, newSecret, PREFIX } from '../crypto/tokens.ts';
import type { ApiKey, Application, Store } from '../store/store.ts';

/**
 * Nylas v3 API keys (issue 15). A v3 application authenticates every call with
 * `Authorization: Bearer <API key>`; an application may hold several keys at once (rotation
 * without downtime). Keys are bearer values (crypto/tokens.ts: `lkak_` + 256 random bits), only
 * their SHA-256 is stored, and each is shown once, when created.
 */

/** An API key as listed (`latchkey apps api-keys list --json`): never the key itself. Unix seconds. */
export interface ApiKeyView {
  id: string;
  client_id: string;
  /** The key's first characters, e.g. `lkak_Q3xv`: enough to tell keys apart, not to use one. */
  hint: string;
  name: string | null;
  status: 'active' | 'expired' | 'revoked';
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

/** How many characters of the random part `hint` keeps (24 bits of 256: useless to an attacker). */
const HINT_CHARS = 4;

export function apiKeyView(k: ApiKey, nowSec: number): ApiKeyView {
  const status = k.revokedAt !== null ? 'revoked' : k.expiresAt !== null && k.expiresAt <= nowSec ? 'expired' : 'active';
  return {
    id: k.id,
    client_id: k.clientId,
    hint: k.hint,
    name: k.name,
    status,
    created_at: k.createdAt,
    expires_at: k.expiresAt,
    revoked_at: k.revokedAt,
  };
}

/**
 * Creates an API key for the application. The key is in the answer (`api_key`) and nowhere else.
 * @param opts.expiresInSeconds — the key stops working after this long; absent: never.
 * @throws Error `no application with client_id …` for an unknown application.
 */
export async function createApiKey(
  store: Store,
  clientId: string,
  opts: { name?: string; expiresInSeconds?: number },
  nowMs: number,
): Promise<ApiKeyView & { api_key: string }> {
  if (!(await store.findApplication(clientId))) throw new Error(`no application with client_id ${clientId}`);
  const key = newSecret('apiKey');
  const now = Math.floor(nowMs / 1000);
  const row: ApiKey = {
    id: newId(),
    clientId,
    keyHash: hashSecret(key),
    hint: key.slice(0, PREFIX.apiKey.length + HINT_CHARS),
    name: opts.name ?? null,
    createdAt: now,
    expiresAt: opts.expiresInSeconds === undefined ? null : now + opts.expiresInSeconds,
    revokedAt: null,
  };
  await store.createApiKey(row);
  return { ...apiKeyView(row, now), api_key: key };
}

/**
 * Revokes one of the application's keys: it answers 401 from the next request on.
 * @returns false when the application has no active key with this id.
 */
export function revokeApiKey(store: Store, clientId: string, id: string, nowMs: number): Promise<boolean> {
  return store.revokeApiKey(clientId, id, Math.floor(nowMs / 1000));
}

/**
 * The application an `Authorization: Bearer <API key>` header speaks for. The presented key is
 * hashed and looked up by its hash (the stored value is a SHA-256, so the lookup reveals nothing
 * usable about a key through timing).
 * @throws ApiError `invalid_client` (401) for a missing header, another scheme, an unknown,
 *   revoked or expired key — one answer for all, so a caller learns nothing about which.
 */
export async function authenticateApiKey(ctx: AppContext, authorization: string | undefined): Promise<Application> {
  const m = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m) throw new ApiError('invalid_client', { message: 'Send the application’s API key as Authorization: Bearer <API key>.' });
  const found = await ctx.store.findApiKey(hashSecret(m[1]!));
  const now = Math.floor(ctx.now() / 1000);
  if (!found || found.apiKey.revokedAt !== null || (found.apiKey.expiresAt !== null && found.apiKey.expiresAt <= now)) {
    throw new ApiError('invalid_client', { message: 'The API key is not valid: it is unknown, revoked or expired.' });
  }
  return found.application;
}
