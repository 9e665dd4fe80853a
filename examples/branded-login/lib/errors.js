// @ts-check
/**
 * Latchkey's errors (its docs/errors.md lists every `reason`) turned into plain words beside the
 * field they concern: refused credentials beside the password, server problems beside the IMAP
 * or SMTP host (by the failing `step`), anything else above the form.
 */

/** Where providers explain app passwords (linked when a provider asks for one). */
export const APP_PASSWORD_HELP = {
  gmail: 'https://support.google.com/accounts/answer/185833',
  yahoo: 'https://help.yahoo.com/kb/SLN15241.html',
  aol: 'https://help.aol.com/articles/Create-and-manage-app-password',
  icloud: 'https://support.apple.com/en-us/102654',
  fastmail: 'https://www.fastmail.help/hc/en-us/articles/360058752854',
  zoho: 'https://www.zoho.com/mail/help/adminconsole/two-factor-authentication.html',
  outlook: 'https://support.microsoft.com/en-us/account-billing/how-to-get-and-use-app-passwords-5896ed9b-4263-e681-128a-a6f2979a7944',
};

const PASSWORD = new Set(['invalid_credentials', 'app_password_required', 'web_login_required', 'imap_disabled', 'oauth_required', 'smtp_auth_disabled', 'mailbox_access_denied']);
const HOST = new Set(['dns_not_found', 'connect_refused', 'network_unreachable', 'connect_timeout', 'greeting_timeout', 'response_timeout', 'connection_closed', 'protocol_error', 'provider_unavailable', 'tls_required', 'tls_required_not_offered', 'tls_mismatch', 'certificate_invalid', 'not_imap', 'not_smtp', 'no_supported_auth_mechanism', 'command_rejected', 'ehlo_rejected', 'destination_not_allowed']);

/** Words people understand, by reason; Latchkey's own message is used for the rest. */
const PLAIN = {
  invalid_credentials: 'That password was not accepted by your mail provider. Check it and try again.',
  app_password_required: 'Your provider wants an app password here, not your usual password.',
  dns_not_found: 'This server name does not exist. Check the spelling of the host.',
  connect_refused: 'Nothing answered at this host and port. Check the host and port.',
  network_unreachable: 'This server cannot be reached. Check the host.',
  connect_timeout: 'The server did not answer in time. Check the host and port, or try again later.',
  certificate_invalid: 'The server’s security certificate is not valid for this host name.',
  tls_mismatch: 'The security setting does not match this port (try SSL/TLS for 993/465, STARTTLS for 143/587).',
  rate_limited: 'Too many attempts. Please wait a few minutes and try again.',
};

/**
 * @param {{ status: number, body: Record<string, any> }} err a Latchkey error
 * @param {string | undefined} provider the provider the sign-in used, for the app-password link
 * @returns {{ field: 'name' | 'email_address' | 'password' | 'imap_host' | 'smtp_host' | 'form', message: string, help?: string }}
 */
export function describeError(err, provider) {
  const b = err.body ?? {};
  const reason = String(b.reason ?? '');
  const message = /** @type {Record<string,string>} */ (PLAIN)[reason] ?? b.message ?? 'Something went wrong. Please try again.';
  if (PASSWORD.has(reason)) {
    const help = reason === 'app_password_required' || (reason === 'invalid_credentials' && /app password/i.test(b.message ?? ''))
      ? /** @type {Record<string,string>} */ (APP_PASSWORD_HELP)[provider ?? ''] : undefined;
    return { field: 'password', message: reason === 'invalid_credentials' && help ? `${message} If you use two-step verification, create an app password.` : message, ...(help ? { help } : {}) };
  }
  if (HOST.has(reason)) return { field: String(b.step ?? '').startsWith('smtp.') ? 'smtp_host' : 'imap_host', message };
  if (reason === 'missing_fields') {
    const f = /** @type {string[]} */ (b.missing_fields ?? []);
    if (f.some((k) => k.startsWith('smtp_'))) return { field: 'smtp_host', message: 'Please fill in the SMTP server and port.' };
    if (f.some((k) => k.startsWith('imap_') && k !== 'imap_password')) return { field: 'imap_host', message: 'Please fill in the IMAP server and port.' };
  }
  if (reason === 'invalid_value' && /email_address/.test(b.message ?? '')) return { field: 'email_address', message: 'Please enter a whole email address, like name@example.com.' };
  if (reason === 'invalid_value' && /smtp_/.test(b.message ?? '')) return { field: 'smtp_host', message };
  if (reason === 'invalid_value' && /imap_/.test(b.message ?? '')) return { field: 'imap_host', message };
  return { field: 'form', message };
}
