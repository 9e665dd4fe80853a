import { ApiError, type Step } from '../../errors/api-error.ts';
import { redactSecrets } from '../../errors/redact.ts';
import { classifyTlsError } from '../../net/tls.ts';
import { credentialsMessage } from '../imap/classify.ts';
import type { VerifyContext } from '../context.ts';
import type { ServerLogin } from '../login.ts';
import { classifyLoginReply, parseSmtpReply } from '../classification.ts';

/** The fields nodemailer's SMTPConnection sets on its errors (`code`, `response`, `responseCode`, `command`). */
export interface NodemailerError extends Error {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
}

/**
 * Maps an SMTP failure to the catalogue. A refused AUTH is read by the classification table
 * (classification.ts: reply code, RFC 3463 enhanced status code, then the texts of known
 * providers); a refused EHLO, connection, TLS and timeout failures by their codes here.
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
        message:
          `Encryption is required but the SMTP server on port ${login.port} does not offer STARTTLS, so the password was not sent. ` +
          `Use SSL/TLS (usually port 465).`,
      });
    }
    const inner = /certificate|self.signed|expired|altname|issuer/i.test(e.message)
      ? classifyTlsError(Object.assign(new Error(e.message), { code: certCodeFromText(e.message) }), 'smtp.tls')
      : undefined;
    return (
      inner ??
      new ApiError('tls_mismatch', { step: 'smtp.tls', message: `The STARTTLS handshake with the SMTP server failed: ${e.message}` })
    );
  }
  if (e.code === 'ETIMEDOUT')
    return new ApiError('response_timeout', { step, message: 'The SMTP server stopped answering. Please try again later.' });

  const rc = e.responseCode ?? 0;
  if (step === 'smtp.ehlo' && rc >= 500)
    return new ApiError('ehlo_rejected', {
      step,
      serverError,
      message: `The SMTP server refused the EHLO name ${ctx.ehloName}. Set LATCHKEY_EHLO_NAME to this server’s fully qualified name.`,
    });
  if ((step === 'smtp.auth' || e.code === 'EAUTH') && rc) {
    const s: Step = 'smtp.auth';
    const rule = classifyLoginReply(parseSmtpReply(response, login.accessToken ? 'token' : 'password'));
    if (rule) {
      let message = rule.message;
      if (rule.reason === 'oauth_login_refused')
        message =
          'The SMTP server refused the OAuth access token. Check that the app was granted SMTP.Send / mail access and that SMTP AUTH is ' +
          'enabled for the account.';
      if (rule.reason === 'invalid_credentials') message = credentialsMessage('SMTP', login, ctx);
      if (rule.reason === 'command_rejected')
        message = `The SMTP server refused the AUTH command itself, not the password${serverError ? `: “${serverError}”` : ''}.`;
      return new ApiError(rule.reason, {
        step: s,
        serverError,
        ...(message ? { message } : {}),
        ...(rule.reason === 'provider_unavailable' ? { retryAfter: 60 } : {}),
      });
    }
  }
  if (rc === 421 || (rc >= 400 && rc < 500)) return new ApiError('provider_unavailable', { step, serverError, retryAfter: 60 });
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET') return new ApiError('connection_closed', { step, serverError, cause: err });
  // nodemailer's maxResponseSize (mail/smtp/verify.ts): a reply that never ends is a broken or hostile
  // server, not another protocol (issue 18).
  if (e.code === 'EPROTOCOL' && /exceeds maximum allowed size/i.test(e.message ?? '')) {
    return new ApiError('protocol_error', {
      step,
      message: 'The SMTP server sent a reply larger than 64 KiB without ending it; Latchkey stopped reading.',
    });
  }
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
