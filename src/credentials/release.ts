import type { AppContext } from '../app/context.ts';
import { recordAuditGrouped } from '../audit/grouped.ts';
import { ApiError } from '../errors/api-error.ts';
import { ownAccount } from '../manage/accounts.ts';
import type { Account, Application } from '../store/store.ts';
import { buildMembers, protocolsOf, type EwsMember, type MailMember, type Protocol } from './members.ts';
import { admitRelease } from './rate-limit.ts';

/** `GET /a/{client_id}/accounts/{id}/credentials` (issue 14): the account and the members released. */
export interface CredentialsView {
  account_id: string;
  email_address: string;
  provider: string;
  imap?: MailMember;
  smtp?: MailMember;
  ews?: EwsMember;
}

/** What a caller may ask for: one protocol, or `api` (EmailEngine's OAuth API accounts: the access token alone). */
export type ReleaseProtocol = Protocol | 'api';

/** v2 scopes that allow reading mail over IMAP (or EWS, or an OAuth mail API). */
export const READ_SCOPES = ['email', 'email.read_only', 'email.modify', 'email.metadata', 'email.folders_and_labels', 'email.drafts'];
/** v2 scopes that allow sending over SMTP. */
export const SEND_SCOPES = ['email.send', 'email'];

/** Whether the account's granted scopes (comma-separated) allow `protocol`: SMTP needs a send scope, the rest a read scope. */
export function scopeAllows(protocol: ReleaseProtocol, scopes: string): boolean {
  const granted = new Set(scopes.split(',').map((s) => s.trim()));
  return (protocol === 'smtp' ? SEND_SCOPES : READ_SCOPES).some((s) => granted.has(s));
}

/**
 * Releases an account's connection to its application's backend, as named steps: the
 * application opted in → its per-minute budget → the account is its own → the account is usable
 * → the protocols asked for exist and the scopes allow them → settings plus secrets (an OAuth
 * access token cached or minted on demand). Every attempt is audited (`credentials.released`,
 * protocol, source IP, outcome — never the secret), counted in
 * `latchkey_credentials_released_total{protocol,outcome}` and logged in one line without secrets.
 * @param protocol one member only; undefined: every member the scopes allow
 * @throws ApiError `credentials_release_disabled` (403), `rate_limited` (429), `account_not_found`
 *   (404), `account_cancelled` (403), `account_invalid` (409), `invalid_value` (400, a protocol
 *   the account does not have), `insufficient_scope` (403), and from the refresh of an OAuth
 *   token `refresh_token_revoked` (403; the account is then marked invalid) and the provider errors.
 */
export async function releaseCredentials(
  ctx: AppContext,
  app: Application,
  accountId: string,
  protocol: ReleaseProtocol | undefined,
  source: { ip: string },
): Promise<CredentialsView> {
  const label = protocol ?? 'all';
  const started = ctx.now();
  let account: Account | undefined;
  try {
    if (!app.credentialsRelease) throw new ApiError('credentials_release_disabled');
    await admitRelease(ctx, app.clientId);
    account = await ownAccount(ctx.store, app, accountId);
    usable(account);
    const wanted = chooseMembers(ctx, account, protocol);
    const members = await buildMembers(ctx, account, wanted, started);
    const view: CredentialsView = { account_id: account.id, email_address: account.emailAddress, provider: account.provider, ...members };
    await outcome(ctx, app, account, label, source, 'ok', wanted);
    return view;
  } catch (err) {
    const reason = err instanceof ApiError ? err.reason : 'internal';
    await outcome(ctx, app, account, label, source, reason, [label], err);
    throw err;
  }
}

/** @throws ApiError `account_cancelled` while downgraded, `account_invalid` while `sync_state` is invalid. */
function usable(account: Account): void {
  if (account.billingState === 'cancelled') throw new ApiError('account_cancelled');
  if (account.syncState === 'invalid') throw new ApiError('account_invalid');
}

/** The members to release: the one asked for (if the account has it and its scopes allow it), else every one allowed. */
function chooseMembers(ctx: AppContext, account: Account, protocol: ReleaseProtocol | undefined): Protocol[] {
  const has = protocolsOf(ctx, account);
  if (protocol === 'api') {
    if (!['gmail', 'office365', 'graph'].includes(account.provider)) {
      throw new ApiError('invalid_value', {
        message:
          `proto=api gives the OAuth access token of gmail, office365 and graph accounts; this account is ${account.provider}: ` +
          `use proto=imap or proto=smtp.`,
      });
    }
    if (!scopeAllows('api', account.scopes)) throw new ApiError('insufficient_scope');
    return ['imap'];
  }
  if (protocol) {
    if (!has.includes(protocol))
      throw new ApiError('invalid_value', {
        message: `This ${account.provider} account has no ${protocol} connection; it has ${has.join(' and ')}.`,
      });
    if (!scopeAllows(protocol, account.scopes)) throw new ApiError('insufficient_scope');
    return [protocol];
  }
  const allowed = has.filter((p) => scopeAllows(p, account.scopes));
  if (!allowed.length) throw new ApiError('insufficient_scope');
  return allowed;
}

async function outcome(
  ctx: AppContext,
  app: Application,
  account: Account | undefined,
  label: string,
  source: { ip: string },
  result: string,
  counted: string[],
  err?: unknown,
): Promise<void> {
  for (const p of counted) ctx.metrics.credentialsReleased.inc({ protocol: p, outcome: result });
  const entry = { event: 'credentials.released', client_id: app.clientId, account_id: account?.id, protocol: label, outcome: result };
  if (result === 'internal') ctx.log.error({ ...entry, err }, 'credentials release failed unexpectedly');
  else ctx.log.info(entry, 'credentials release');
  await recordAuditGrouped(ctx, {
    event: 'credentials.released',
    clientId: app.clientId,
    outcome: result,
    accountId: account?.id ?? null,
    sourceIp: source.ip,
    protocol: label,
  });
}
