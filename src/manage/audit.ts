import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { authenticateClient } from '../connect/clients.ts';
import { tokenFromHeader } from '../connect/account.ts';
import { DEFAULT_SINCE_MS, parseSince } from '../audit/since.ts';
import { auditEventView, type AuditEventView } from '../audit/view.ts';

const MAX_LIMIT = 1000;

/**
 * `GET /a/{client_id}/audit`: the application's audit events, newest first. Authenticated like
 * every management endpoint (DECISIONS "Accounts and tokens"): HTTP Basic with the
 * client_secret as username and an empty password.
 * @param query.since — see audit/since.ts; default the last 24 hours.
 * @param query.limit — 1…1000, default 100.
 * @throws ApiError `invalid_client` (401, "Could not verify access credential."), `invalid_value` (400).
 */
export async function listAudit(
  ctx: AppContext,
  clientId: string,
  authorization: string | undefined,
  query: Record<string, unknown>,
): Promise<AuditEventView[]> {
  const secret = /^\s*basic\s/i.test(authorization ?? '') ? tokenFromHeader(authorization) : undefined;
  try {
    await authenticateClient(ctx.store, clientId, secret);
  } catch (err) {
    if (err instanceof ApiError) throw new ApiError(err.reason, { headers: { 'www-authenticate': 'Basic realm="latchkey"' } });
    throw err;
  }
  let sinceMs = ctx.now() - DEFAULT_SINCE_MS;
  if (query.since !== undefined) {
    try {
      sinceMs = parseSince(String(query.since), ctx.now());
    } catch (err) {
      throw new ApiError('invalid_value', { message: `${(err as Error).message}.` });
    }
  }
  let limit = 100;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (!/^\d+$/.test(String(query.limit)) || limit < 1 || limit > MAX_LIMIT)
      throw new ApiError('invalid_value', { message: `limit must be a whole number from 1 to ${MAX_LIMIT}.` });
  }
  return (await ctx.store.listAuditEvents(clientId, { sinceMs, limit })).map(auditEventView);
}
