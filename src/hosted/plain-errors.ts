import type { ApiError } from '../errors/api-error.ts';
import type { Reason } from '../errors/catalogue.ts';
import { fieldFor, type LoginField } from './field-errors.ts';
import type { Messages } from './i18n.ts';
import type { MessageKey } from './locales/en.ts';

/** An error as the hosted page shows it: plain words first, the exact words behind a disclosure. */
export interface PlainError {
  field: LoginField;
  reason: string;
  /** A sentence for a person who does not know what IMAP is, and what to do. */
  text: string;
  /** The API's own message (what a developer or a help desk needs), when it says more than `text`. */
  detail?: string;
  /** The provider's help page, when it has one for this problem. */
  helpUrl?: string;
}

/** Reasons grouped by what the person can do about them (catalogue reasons → message keys). */
const KEYS: Partial<Record<Reason, MessageKey>> = {
  invalid_credentials: 'error.invalid_credentials',
  app_password_required: 'error.app_password_required',
  web_login_required: 'error.web_login_required',
  imap_disabled: 'error.imap_disabled',
  smtp_auth_disabled: 'error.smtp_auth_disabled',
  mailbox_access_denied: 'error.mailbox_access_denied',
  oauth_required: 'error.oauth_required',
  unsupported_provider: 'error.oauth_required',
  tls_required: 'error.security_mismatch',
  tls_required_not_offered: 'error.security_mismatch',
  tls_mismatch: 'error.security_mismatch',
  certificate_invalid: 'error.certificate_invalid',
  dns_not_found: 'error.dns_not_found',
  connect_refused: 'error.unreachable',
  network_unreachable: 'error.unreachable',
  connect_timeout: 'error.unreachable',
  destination_not_allowed: 'error.unreachable',
  greeting_timeout: 'error.no_answer',
  response_timeout: 'error.no_answer',
  connection_closed: 'error.no_answer',
  protocol_error: 'error.no_answer',
  provider_unavailable: 'error.no_answer',
  not_imap: 'error.wrong_kind',
  not_smtp: 'error.wrong_kind',
  no_supported_auth_mechanism: 'error.refused_method',
  command_rejected: 'error.refused_method',
  ehlo_rejected: 'error.refused_method',
  rate_limited: 'error.rate_limited',
  verification_busy: 'error.busy',
  email_mismatch: 'error.account_mismatch',
  account_not_found: 'error.account_mismatch',
  internal: 'error.internal',
  store_unavailable: 'error.internal',
};
/** Problems a provider's app-password help page answers. */
const HELPED = new Set<string>(['invalid_credentials', 'app_password_required', 'web_login_required']);

/**
 * The plain-words form of an authorize error for the hosted page (issue 19: "lead with a sentence
 * a non-technical person understands and what to do, keep the technical detail behind a
 * disclosure, and link help where the provider has a page").
 * @param provider the provider's display name and help page, when one was detected or asked for.
 */
export function plainError(e: ApiError, m: Messages, provider: { label?: string; helpUrl?: string } = {}): PlainError {
  const field = fieldFor(e);
  let key: MessageKey = KEYS[e.reason] ?? 'error.other';
  if (e.reason === 'missing_fields') {
    key = (
      {
        name: 'error.name_missing',
        email_address: 'error.email_missing',
        password: 'error.password_missing',
        imap_host: 'error.servers_missing',
        smtp_host: 'error.servers_missing',
        form: 'error.other',
      } as const
    )[field];
  } else if (e.reason === 'invalid_value' && field === 'email_address') {
    key = 'error.email_invalid';
  }
  const minutes = Math.max(1, Math.ceil((e.details.retryAfter ?? 60) / 60));
  const text = m.t(key, { provider: provider.label ?? '', minutes });
  // A 5xx's own message may carry internals: the page keeps it for the log (RFC-style generic body).
  const internal = e.reason === 'internal' || e.reason === 'store_unavailable';
  const detail = internal || e.reason === 'missing_fields' || e.message === text ? undefined : `${e.message} (${e.reason})`;
  return {
    field,
    reason: e.reason,
    text,
    ...(detail ? { detail } : {}),
    ...(provider.helpUrl && HELPED.has(e.reason) ? { helpUrl: provider.helpUrl } : {}),
  };
}
