import type { AppContext } from '../app/context.ts';
import { emitAccountEvent } from '../webhooks/events.ts';
import { ApiError } from '../errors/api-error.ts';
import { hashSecret, newId, newSecret } from '../crypto/tokens.ts';
import { accountView, type AccountView } from './account-view.ts';
import type { PendingConnection } from './authorize.ts';
import { authenticateClient } from './clients.ts';
import type { RequestSource } from './authorize.ts';
import type { Account, CodeBinding } from '../store/store.ts';
import { recordAudit, type AuditInput } from '../audit/record.ts';

/**
 * `POST /connect/token` (v2 reference §3; DECISIONS "Codes", "Accounts and tokens"): the client
 * is authenticated first (a wrong secret does not burn the code) → the code is consumed in one
 * atomic statement → the account for (client, email) is created or updated, keeping its id →
 * its credentials are stored encrypted → a new access token is issued.
 * A replayed code revokes every token issued from it (RFC 6749 §4.1.2).
 * @returns the account object plus `access_token`.
 * @throws ApiError `missing_fields`, `invalid_client` (401), `invalid_code` (400).
 */
export async function exchangeCode(
  ctx: AppContext,
  body: Record<string, unknown>,
  source: RequestSource,
): Promise<AccountView & { access_token: string }> {
  const audit = tokenAudit(ctx, 'connect.token', source, ctx.now());
  const missing = ['client_id', 'client_secret', 'code'].filter((k) => typeof body[k] !== 'string' || !body[k]);
  if (missing.length) throw new ApiError('missing_fields', { missingFields: missing });
  let app;
  try {
    app = await authenticateClient(ctx.store, body.client_id, body.client_secret);
  } catch (err) {
    // A wrong secret for a real application is worth an audit row; an invented client_id is not.
    if (typeof body.client_id === 'string' && (await ctx.store.findApplication(body.client_id)))
      await recordAudit(ctx, audit(body.client_id, 'invalid_client'));
    throw err;
  }
  const { account, accessToken } = await redeemCode(ctx, app.clientId, body.code as string, { hosted: false }, audit);
  return { ...accountView(account), access_token: accessToken };
}

/**
 * Describes one audit row of a token exchange (`connect.token` or `oauth.token`, its source and
 * duration so far); redeemCode writes it — the success row inside its transaction.
 */
export type TokenAudit = (clientId: string, outcome: string, more?: Partial<AuditInput>) => AuditInput;

/** The TokenAudit of one request: `event` rows from `source`, `durationMs` counted from `started` (ctx.now() ms). */
export function tokenAudit(ctx: AppContext, event: 'connect.token' | 'oauth.token', source: RequestSource, started: number): TokenAudit {
  return (clientId, outcome, more = {}) => ({ event, clientId, outcome, sourceIp: source.ip, durationMs: ctx.now() - started, ...more });
}

/**
 * What redeemCode answers: the account as stored (callers shape their own view of it, with no
 * second read), and the new access token unless told `issueToken: false`.
 */
export interface Redeemed<Issue extends boolean> {
  account: Account;
  accessToken: Issue extends false ? undefined : string;
}

/**
 * The redemption both token endpoints share, once the client is authenticated: the code is
 * consumed in one atomic statement (only if it matches `binding`) → the account for (client,
 * email) is created or updated, keeping its id → its credentials are stored encrypted → a new
 * access token is issued. A replayed code revokes every token issued from it (RFC 6749 §4.1.2).
 * Nylas v3 custom authentication (v3/custom-auth.ts) answers the grant without a token:
 * `{ issueToken: false }` redeems the code the same way but mints no access token.
 * @returns the account and the access token (none for `issueToken: false`).
 * @throws ApiError `invalid_code` (400) — unknown, used, expired, or not matching `binding`.
 */
export async function redeemCode<Issue extends boolean = true>(
  ctx: AppContext,
  clientId: string,
  code: string,
  binding: CodeBinding,
  audit: TokenAudit,
  opts: { issueToken?: Issue } = {},
): Promise<Redeemed<Issue>> {
  const issueToken = opts.issueToken !== false;
  const app = { clientId };
  const codeHash = hashSecret(code);
  const nowSec = Math.floor(ctx.now() / 1000);
  const accessToken = newSecret('accessToken');

  // One transaction, the fewest statements: consume the code → the account's previous state
  // (new? invalid?) → upsert the account → its credentials (no delete for a new account) → the
  // token → the code's account, its payload wiped → the audit row. One commit per exchange.
  const outcome = await ctx.store.atomically(async (tx) => {
    const consumed = await tx.consumeCode(codeHash, app.clientId, nowSec, binding);
    if (consumed.status === 'replayed') return { replayed: true, revoked: await tx.revokeTokensFromCode(codeHash, nowSec) };
    if (consumed.status === 'invalid') return { replayed: false, revoked: 0 };
    const pending = JSON.parse(ctx.keys.decrypt(consumed.payload, `code:${codeHash}`)) as PendingConnection;
    const before = await tx.accountStateByEmail(app.clientId, pending.email_key);
    const account = await tx.upsertAccount({
      clientId: app.clientId,
      emailKey: pending.email_key,
      emailAddress: pending.email_address,
      name: pending.name,
      provider: pending.provider,
      settings: pending.settings,
      scopes: pending.scopes,
      newId: newId(),
      now: nowSec,
    });
    const credentials = Object.entries(pending.secrets).map(([field, value]) => ({
      field,
      envelope: ctx.keys.encrypt(value, `account:${account.id}:${field}`),
      keyVersion: ctx.keys.current,
    }));
    if (before) await tx.replaceCredentials(account.id, credentials, nowSec);
    else await tx.insertCredentials(account.id, credentials, nowSec);
    if (issueToken)
      await tx.insertToken({
        tokenHash: hashSecret(accessToken),
        accountId: account.id,
        clientId: app.clientId,
        scopes: pending.scopes,
        codeHash,
        createdAt: nowSec,
        updatedAt: nowSec,
        revokedAt: null,
      });
    await tx.markCodeAccount(codeHash, account.id);
    await recordAudit(ctx, audit(app.clientId, 'ok', { accountId: account.id }), tx);
    return {
      account,
      event: !before ? ('account.connected' as const) : before.syncState === 'invalid' ? ('account.running' as const) : undefined,
    };
  });

  if (!('account' in outcome) || !outcome.account) {
    ctx.log.info({ event: 'connect.token', outcome: 'invalid_code', client_id: app.clientId, revoked_tokens: outcome.revoked }, 'token');
    await recordAudit(ctx, audit(app.clientId, 'invalid_code'));
    if (outcome.replayed) {
      await recordAudit(
        ctx,
        audit(app.clientId, 'revoked', { event: 'code.replay_revoked', durationMs: null, revokedTokens: outcome.revoked }),
      );
    }
    throw new ApiError('invalid_code');
  }
  // Debug only: the request's own log line and the audit row (written above) already say it.
  ctx.log.debug({ event: 'connect.token', outcome: 'ok', client_id: app.clientId, account_id: outcome.account.id }, 'token');
  // Webhooks: a new account is connected; an invalid one re-authorized is running again.
  if (outcome.event) await emitAccountEvent(ctx, outcome.account, outcome.event);
  return { account: outcome.account, accessToken: issueToken ? accessToken : undefined } as Redeemed<Issue>;
}
