import { ApiError, type Step } from '../errors/api-error.ts';
import { redactSecrets } from '../errors/redact.ts';
import { classifyTlsError } from '../net/tls.ts';
import { credentialsMessage } from './classify-imap.ts';
import type { ServerLogin, VerifyContext } from './types.ts';

/** The fields nodemailer's SMTPConnection sets on its errors (`code`, `response`, `responseCode`, `command`). */
export interface NodemailerError extends Error {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
}

/**
 * Maps an SMTP failure to the catalogue by its RFC 3463 enhanced status code and reply:
 * 535 5.7.8 bad credentials, 534 5.7.9 app password (Gmail), 535 5.7.139 SMTP AUTH disabled
 * (Microsoft 365), 530 5.7.0 must STARTTLS first, 454/421 temporary refusal.
 */
export function classifySmtpError(err: unknown, step: Step, login: ServerLogin, ctx: VerifyContext): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as NodemailerError;
  // Matched on the server's own words; shown only with every secret removed.
  const response = (e.response ?? '').toString().trim();
  const serverError = redactSecrets(response, [login.password, login.accessToken ?? '']) || undefined;
  const cause = (e as { cause?: NodeJS.ErrnoException }).cause;
  const tlsCode = [e.code, cause?.code].find((c) => c && /^(ERR_SSL|ERR_TLS|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO)/.test(c));
  if (tlsCode) return classifyTlsError(Object.assign(cause ?? e, { code: tlsCode }), 'smtp.tls');
  // nodemailer re-labels socket errors (a failed STARTTLS handshake among them) as ESOCKET and
  // keeps only OpenSSL's message: read the cause from it.
  if (e.code === 'ESOCKET' || e.code === 'ECONNECTION') {
    if (/certificate|self.signed|altnames|issuer|not yet valid/i.test(e.message)) {
      return classifyTlsError(Object.assign(new Error(e.message), { code: certCodeFromText(e.message) }), 'smtp.tls');
    }
    if (/wrong version number|packet length too long|unknown protocol|SSL routines|TLS handshake/i.test(e.message)) {
      return classifyTlsError(Object.assign(new Error(e.message), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }), 'smtp.tls');
    }
  }
  if (e.code === 'ETLS') {
    if (/STARTTLS|required/i.test(e.message) && !/certificate|handshake|ssl/i.test(e.message)) {
      return new ApiError('tls_required_not_offered', {
        step: 'smtp.tls',
        message: `Encryption is required but the SMTP server on port ${login.port} does not offer STARTTLS, so the password was not sent. Use SSL/TLS (usually port 465).`,
      });
    }
    const inner = /certificate|self.signed|expired|altname|issuer/i.test(e.message)
      ? classifyTlsError(Object.assign(new Error(e.message), { code: certCodeFromText(e.message) }), 'smtp.tls')
      : undefined;
    return inner ?? new ApiError('tls_mismatch', { step: 'smtp.tls', message: `The STARTTLS handshake with the SMTP server failed: ${e.message}` });
  }
  if (e.code === 'ETIMEDOUT') return new ApiError('response_timeout', { step, message: 'The SMTP server stopped answering. Please try again later.' });

  const rc = e.responseCode ?? 0;
  const enhanced = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1] ?? '';
  if (step === 'smtp.ehlo' && rc >= 500) return new ApiError('ehlo_rejected', { step, serverError, message: `The SMTP server refused the EHLO name ${ctx.ehloName}. Set LATCHKEY_EHLO_NAME to this server’s fully qualified name.` });
  if (step === 'smtp.auth' || e.code === 'EAUTH') {
    const s: Step = 'smtp.auth';
    // Microsoft answers 5.7.139 both for "basic authentication is disabled" (use OAuth) and for
    // "SmtpClientAuthentication is disabled" (SMTP AUTH off): the text decides first.
    if (/basic auth(entication)? (is )?(disabled|blocked)|BasicAuthBlocked/i.test(response)) return new ApiError('oauth_required', { step: s, serverError });
    if (enhanced === '5.7.139' || /SmtpClientAuthentication is disabled|SMTP AUTH (is )?disabled/i.test(response)) return new ApiError('smtp_auth_disabled', { step: s, serverError });
    if (enhanced === '5.7.9' || /application-specific password|app password/i.test(response)) return new ApiError('app_password_required', { step: s, serverError });
    if (rc === 530 || enhanced === '5.7.11' || /must issue a STARTTLS|encryption required/i.test(response)) return new ApiError('tls_required', { step: s, serverError });
    // AUTH not understood or not offered (RFC 4954 §4: 504 unrecognized mechanism; 500/502/503 command).
    if ([500, 501, 502, 503, 504].includes(rc) || enhanced === '5.7.4' || enhanced === '5.5.4') {
      return new ApiError('no_supported_auth_mechanism', { step: s, serverError });
    }
    if (rc === 454 || rc === 421 || rc === 432 || (rc >= 400 && rc < 500)) return new ApiError('provider_unavailable', { step: s, serverError, retryAfter: 60 });
    // Only the replies that mean "these credentials are wrong" (RFC 4954 §6: 535 5.7.8; 534 is a policy refusal).
    if (login.accessToken && (rc === 535 || rc === 534 || enhanced === '5.7.8' || e.code === 'EAUTH')) {
      return new ApiError('oauth_login_refused', { step: s, serverError, message: 'The SMTP server refused the OAuth access token (AUTH XOAUTH2). Check that the app was granted SMTP.Send / mail access and that SMTP AUTH is enabled for the account.' });
    }
    if (rc === 535 || rc === 534 || enhanced === '5.7.8') {
      return new ApiError('invalid_credentials', { step: s, serverError, message: credentialsMessage('SMTP', login, ctx) });
    }
    if (rc >= 500) return new ApiError('command_rejected', { step: s, serverError, message: 'The SMTP server refused the AUTH command itself (not the password).' });
  }
  if (rc === 421 || (rc >= 400 && rc < 500)) return new ApiError('provider_unavailable', { step, serverError, retryAfter: 60 });
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET') return new ApiError('connection_closed', { step, serverError, cause: err });
  if (e.code === 'EPROTOCOL') return new ApiError('not_smtp', { step, serverError });
  return new ApiError('protocol_error', { step, serverError, cause: err });
}

function certCodeFromText(text: string): string {
  if (/not yet valid/i.test(text)) return 'CERT_NOT_YET_VALID';
  if (/self.signed/i.test(text)) return 'DEPTH_ZERO_SELF_SIGNED_CERT';
  if (/expired/i.test(text)) return 'CERT_HAS_EXPIRED';
  if (/altname|Hostname\/IP does not match/i.test(text)) return 'ERR_TLS_CERT_ALTNAME_INVALID';
  return 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
}
