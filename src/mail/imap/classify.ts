import { ApiError, type Step } from '../../errors/api-error.ts';
import { redactSecrets } from '../../errors/redact.ts';
import { classifyTlsError } from '../../net/tls.ts';
import type { VerifyContext } from '../context.ts';
import type { ServerLogin } from '../login.ts';
import { classifyLoginReply } from '../classification.ts';

/** The fields imapflow sets on the errors it throws (imapflow `errors.ts`, `tools.ts`). */
export interface ImapflowError extends Error {
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseStatus?: string;
  responseText?: string;
  response?: string;
  tlsFailed?: boolean;
}

/**
 * Maps an imapflow failure to the catalogue. A refused LOGIN / AUTHENTICATE is read by the
 * classification table (classification.ts: tagged NO vs BAD, RFC 5530 response code, then the
 * texts of known providers); connection, TLS and timeout failures by their error codes.
 */
export function classifyImapError(err: unknown, step: Step, login: ServerLogin, ctx: VerifyContext, secure: boolean): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as ImapflowError;
  // Matched on the server's own words; shown only with every secret removed.
  const text = (e.responseText || e.response || '')
    .toString()
    .replace(/^\S+\s+(NO|BAD|BYE)\s+/i, '')
    .replace(/^\[[A-Z-]+\]\s*/, '');
  const shown = redactSecrets(text, [login.password, login.accessToken ?? '']);
  const code = (e.serverResponseCode || '').toUpperCase();
  const status = responseStatus(e);
  const serverError = shown ? (code ? `[${code}] ${shown}` : shown) : undefined;

  if (e.code === 'GREETING_TIMEOUT') return new ApiError('greeting_timeout', { step: 'imap.greeting', cause: err });
  if (e.code === 'CONNECT_TIMEOUT') return new ApiError('connect_timeout', { step: 'imap.connect', cause: err });
  if (e.code === 'ETIMEOUT' || e.code === 'ETIMEDOUT' || /timeout/i.test(e.code ?? '')) {
    return new ApiError('response_timeout', { step, cause: err, message: 'The IMAP server stopped answering. Please try again later.' });
  }
  if (e.tlsFailed && /does not support STARTTLS|PREAUTH/i.test(e.message)) {
    return new ApiError('tls_required_not_offered', {
      step: 'imap.tls',
      message:
        `Encryption is required but the IMAP server on port ${login.port} does not offer STARTTLS, so the password was not sent. ` +
        `Use SSL/TLS (usually port 993).`,
    });
  }
  if (e.code && /^(ERR_SSL|ERR_TLS|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO)/.test(e.code)) return classifyTlsError(e, 'imap.tls');
  if (e.message === 'Login is disabled') {
    return secure
      ? new ApiError('no_supported_auth_mechanism', {
          step: 'imap.login',
          message: 'The IMAP server disables LOGIN and offers no SASL mechanism Latchkey can use (PLAIN).',
        })
      : new ApiError('tls_required', {
          step: 'imap.login',
          message:
            'The IMAP server refuses passwords on an unencrypted connection (LOGINDISABLED), so none was sent. Use STARTTLS or SSL/TLS.',
        });
  }
  if (/Unsupported authentication mechanism|No matching authentication method/i.test(e.message)) {
    if (login.accessToken)
      return new ApiError('no_supported_auth_mechanism', {
        step: 'imap.login',
        message: 'The IMAP server offers neither XOAUTH2 nor OAUTHBEARER, so the OAuth access token cannot be used.',
      });
    return new ApiError('no_supported_auth_mechanism', { step: 'imap.login' });
  }
  if (status === 'BYE') {
    return new ApiError('provider_unavailable', {
      step,
      serverError,
      retryAfter: 60,
      message: 'The IMAP server ended the session. Please try again later.',
    });
  }
  if (e.authenticationFailed || (step === 'imap.login' && (status === 'NO' || status === 'BAD'))) {
    return classifyLoginRefusal(code, text, status === 'BAD' ? 'BAD' : 'NO', serverError, login, ctx);
  }
  if (step === 'imap.list' || step === 'imap.examine') {
    if (status === 'NO' || status === 'BAD') return new ApiError('mailbox_access_denied', { step, serverError });
  }
  if (e.code === 'NoConnection' || e.code === 'EConnectionClosed' || /ECONNRESET|EPIPE|closed/i.test(`${e.code} ${e.message}`)) {
    return new ApiError('connection_closed', { step, serverError, cause: err });
  }
  if (status === 'BAD') return new ApiError('command_rejected', { step, serverError });
  return new ApiError('protocol_error', { step, serverError, cause: err });
}

/**
 * The tagged status (OK/NO/BAD/BYE) of the reply that failed. imapflow sets `responseStatus` on
 * command failures, but for AUTHENTICATE only leaves it in `response` ("2 BAD …").
 */
export function responseStatus(e: ImapflowError): string | undefined {
  if (e.responseStatus) return e.responseStatus.toUpperCase();
  const m = /^\S+\s+(OK|NO|BAD|BYE)\b/i.exec(String(e.response ?? ''));
  return m?.[1]?.toUpperCase();
}

function classifyLoginRefusal(
  code: string,
  text: string,
  status: 'NO' | 'BAD',
  serverError: string | undefined,
  login: ServerLogin,
  ctx: VerifyContext,
): ApiError {
  const step: Step = 'imap.login';
  const rule = classifyLoginReply({ protocol: 'imap', status, code, text, credential: login.accessToken ? 'token' : 'password' });
  const reason = rule?.reason ?? (login.accessToken ? 'oauth_login_refused' : 'invalid_credentials');
  let message = rule?.message;
  if (reason === 'command_rejected')
    message =
      `The IMAP server rejected the sign-in command itself (tagged BAD), not the ` +
      `password${serverError ? `: “${serverError}”` : ''}. Report it to the server’s administrator.`;
  if (reason === 'invalid_credentials' && !message) message = credentialsMessage('IMAP', login, ctx);
  return new ApiError(reason, {
    step,
    serverError,
    ...(message ? { message } : {}),
    ...(reason === 'provider_unavailable' ? { retryAfter: 60 } : {}),
  });
}

/** The 403 message: which server refused, and the hints that fit (app passwords, login name). */
export function credentialsMessage(side: 'IMAP' | 'SMTP', login: ServerLogin, ctx: VerifyContext): string {
  let msg = `The ${side} server rejected the username or password.`;
  if (ctx.appPasswordsUsual) {
    msg +=
      ` ${ctx.providerLabel ?? 'This provider'} usually requires an app password: create one in the account’s security settings and ` +
      `use it instead of the normal password.`;
  } else if (login.usernameDefaulted) {
    msg +=
      ` Check the password. If it is right, the server may expect a login name other than the email address (for example only the ` +
      `part before @): set ${side.toLowerCase()}_username.`;
  } else {
    msg += ' Check them and try again.';
  }
  return msg;
}
