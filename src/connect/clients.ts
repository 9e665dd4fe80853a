import { ApiError } from '../errors/api-error.ts';
import { matchesHash } from '../crypto/tokens.ts';
import type { Application, Store } from '../store/store.ts';

/** @throws ApiError `invalid_client` (401) when no application has this client_id. */
export async function knownClient(store: Store, clientId: string): Promise<Application> {
  const app = await store.findApplication(clientId);
  if (!app) throw new ApiError('invalid_client');
  return app;
}

/**
 * Authenticates an application by client_id and client_secret (constant-time hash compare).
 * @throws ApiError `invalid_client` (401) — the same answer for an unknown id and a wrong secret.
 */
export async function authenticateClient(store: Store, clientId: unknown, clientSecret: unknown): Promise<Application> {
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string') throw new ApiError('invalid_client');
  const app = await store.findApplication(clientId);
  if (!app || !secretMatches(app, clientSecret, Date.now())) throw new ApiError('invalid_client');
  return app;
}

/**
 * The application's current secret, or the one a rotation replaced while its grace period runs
 * (`latchkey apps rotate-secret`). Both compared in constant time.
 */
export function secretMatches(app: Application, secret: string, nowMs: number): boolean {
  if (matchesHash(secret, app.secretHash)) return true;
  return Boolean(
    app.previousSecretHash &&
    app.previousSecretExpiresAt &&
    nowMs / 1000 < app.previousSecretExpiresAt &&
    matchesHash(secret, app.previousSecretHash),
  );
}
