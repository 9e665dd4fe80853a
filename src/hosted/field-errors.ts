import type { ApiError } from '../errors/api-error.ts';

/** The login form's fields an error can be shown beside. `form` means the form as a whole. */
export type LoginField = 'name' | 'email_address' | 'password' | 'imap_host' | 'smtp_host' | 'form';

/** The provider refused what the person typed: shown beside the password. */
const PASSWORD_REASONS = new Set([
  'invalid_credentials',
  'app_password_required',
  'web_login_required',
  'imap_disabled',
  'oauth_required',
  'smtp_auth_disabled',
  'mailbox_access_denied',
]);
/** The server named (or detected) could not be used: shown beside its host. */
const HOST_REASONS = new Set([
  'dns_not_found',
  'connect_refused',
  'network_unreachable',
  'connect_timeout',
  'greeting_timeout',
  'response_timeout',
  'connection_closed',
  'protocol_error',
  'provider_unavailable',
  'tls_required',
  'tls_required_not_offered',
  'tls_mismatch',
  'certificate_invalid',
  'not_imap',
  'not_smtp',
  'no_supported_auth_mechanism',
  'command_rejected',
  'ehlo_rejected',
  'destination_not_allowed',
]);

/**
 * Which field of the login form an authorize error belongs beside (issue 8: "errors shown in
 * plain words next to the field they concern"): provider refusals beside the password, server
 * problems beside the IMAP or SMTP host (by the failing `step`), missing settings beside the
 * first missing one, a bad address beside the address.
 */
export function fieldFor(err: ApiError): LoginField {
  if (PASSWORD_REASONS.has(err.reason)) return 'password';
  if (HOST_REASONS.has(err.reason)) return err.details.step?.startsWith('smtp.') ? 'smtp_host' : 'imap_host';
  if (err.reason === 'missing_fields') {
    const f = err.details.missingFields ?? [];
    if (f.includes('name')) return 'name';
    if (f.includes('email_address')) return 'email_address';
    if (f.some((k) => k.startsWith('imap_') && k !== 'imap_password')) return 'imap_host';
    if (f.some((k) => k.startsWith('smtp_'))) return 'smtp_host';
    if (f.some((k) => k === 'password' || k === 'imap_password')) return 'password';
  }
  if (err.reason === 'invalid_value' && /email_address/.test(err.message)) return 'email_address';
  if (err.reason === 'invalid_value' && /smtp_/.test(err.message)) return 'smtp_host';
  if (err.reason === 'invalid_value' && /imap_/.test(err.message)) return 'imap_host';
  return 'form';
}
