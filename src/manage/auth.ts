import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { secretMatches } from '../connect/clients.ts';
import type { Application } from '../store/store.ts';

/**
 * Management authentication (reference §6.3, DECISIONS "Accounts and tokens"): HTTP Basic with the
 * application's `client_secret` as the username and an empty password, for the application named
 * by `{client_id}` in the path. The secret is compared with the stored hash in constant time.
 * @throws ApiError `invalid_client` (401 invalid_request_error, "Could not verify access
 *   credential.") when the header is missing or not Basic, the application is unknown, or the
 *   secret is not this application's (also when it is another application's).
 */
export async function authenticateManagement(ctx: AppContext, clientId: string, authorization: string | undefined): Promise<Application> {
  const secret = basicUsername(authorization);
  if (!secret) throw new ApiError('invalid_client');
  const app = await ctx.store.findApplication(clientId);
  if (!app || !secretMatches(app, secret, ctx.now())) throw new ApiError('invalid_client');
  return app;
}

/** The username of an `Authorization: Basic base64(user:password)` header, or undefined. */
export function basicUsername(header: string | undefined): string | undefined {
  const m = /^\s*basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  return user || undefined;
}
