import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { authenticateManagement } from '../manage/auth.ts';
import { releaseCredentials } from './release.ts';

/**
 * What EmailEngine accepts from an authentication server (its lib/tools.js `resolveCredentials`,
 * validated with Joi, unknown keys stripped): `user` (≤ 256 characters) with `pass` (≤ 256), or
 * `user` with `accessToken` (≤ 16,384) for XOAUTH2.
 */
export type EmailEngineCredentials = { user: string; pass: string } | { user: string; accessToken: string };

/**
 * `GET /a/{client_id}/emailengine/credentials?account=ID&proto=imap|smtp|api` — EmailEngine's
 * authentication-server contract (EmailEngine "Using an authentication server"; lib/tools.js
 * `resolveCredentials`): EmailEngine sets `account` and `proto` on the configured URL and sends
 * the URL's `user:pass@` as HTTP Basic; here the user is the application's `client_secret`, as on
 * the rest of the management API, and `account` is the Latchkey account id. `imap` / `smtp` give
 * that member (`pass` for password accounts, `accessToken` for OAuth accounts); `api` gives the
 * access token of a gmail / office365 / graph account. Every refusal is a non-2xx catalogue
 * error, which EmailEngine treats as a failed login.
 * @throws ApiError `invalid_client` (401), `invalid_value` (400, missing `account` or an unknown
 *   `proto`), and every refusal of releaseCredentials.
 */
export async function emailEngineCredentials(
  ctx: AppContext,
  clientId: string,
  authorization: string | undefined,
  query: Record<string, unknown>,
  source: { ip: string },
): Promise<EmailEngineCredentials> {
  const app = await authenticateManagement(ctx, clientId, authorization);
  const account = query.account;
  const proto = query.proto;
  if (typeof account !== 'string' || !account)
    throw new ApiError('invalid_value', { message: 'account (the Latchkey account id) is required.' });
  if (proto !== 'imap' && proto !== 'smtp' && proto !== 'api')
    throw new ApiError('invalid_value', { message: 'proto must be imap, smtp or api.' });
  const view = await releaseCredentials(ctx, app, account, proto, source);
  const member = proto === 'smtp' ? view.smtp : view.imap;
  if (!member) throw new ApiError('internal', { message: `released no ${proto} member` });
  return member.auth === 'password'
    ? { user: member.username, pass: member.password }
    : { user: member.username, accessToken: member.access_token };
}
