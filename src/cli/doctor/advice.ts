import type { ConnectRequest } from '../../connect/request.ts';
import type { Reason } from '../../errors/catalogue.ts';
import { planTls } from '../../mail/starttls.ts';
import { isLocalhostName, localhostMessage } from '../../net/resolve.ts';
import type { DoctorError, ProtocolResult } from './report.ts';

interface AdviceContext {
  /** `--imap` or `--smtp`: the flag prefix for this server. */
  flag: string;
  port: number;
  host: string;
  /** The connection started with implicit TLS. */
  implicit: boolean;
  /** The usual implicit-TLS and STARTTLS ports of this protocol. */
  tlsPort: number;
  starttlsPort: number;
  /** Names the server's certificate is valid for, when a handshake showed it. */
  certNames: string[] | undefined;
  error: DoctorError;
  viaProvider: boolean;
}

/**
 * What to change, per reason, in the doctor's own terms (its flags and Latchkey's LATCHKEY_*
 * settings). The API's message says what happened; this says which knob to turn. Reasons not
 * listed fall back to docs/errors.md.
 */
const ADVICE: Partial<Record<Reason, (c: AdviceContext) => string>> = {
  invalid_credentials: (c) =>
    `Check the password${c.viaProvider ? '' : ' and the login name (--username; the default is the email address)'}. If the provider ` +
    `needs an app password, create one and use it instead of the account password.`,
  app_password_required: () => 'Create an app password in the provider’s security settings and enter it instead of the account password.',
  web_login_required: () => 'Sign in once on the provider’s website and answer its security prompt, then run the doctor again.',
  imap_disabled: () => 'Turn IMAP access on in the provider’s settings (or ask the domain administrator), then run the doctor again.',
  oauth_required: () => 'This mailbox no longer takes passwords: it has to be connected with OAuth.',
  smtp_auth_disabled: () => 'Ask the administrator to enable authenticated SMTP (SMTP AUTH) for this mailbox.',
  mailbox_access_denied: () => 'The login works but the mailbox is refused: make sure full IMAP access is enabled for the account.',
  tls_required: (c) =>
    `Use ${c.flag}-security ssl (port ${c.tlsPort}) or ${c.flag}-security starttls: the server does not take a password without ` +
    `encryption.`,
  tls_required_not_offered: (c) => `Port ${c.port} offers no STARTTLS: use ${c.flag}-security ssl ${c.flag}-port ${c.tlsPort}.`,
  tls_mismatch: (c) =>
    c.implicit
      ? `Port ${c.port} does not speak TLS from the start: use ${c.flag}-security starttls (or auto) on this port, or ${c.flag}-port ` +
        `${c.tlsPort} with ${c.flag}-security ssl.`
      : `Port ${c.port} expects TLS from the start: use ${c.flag}-security ssl (or auto) on this port, or ${c.flag}-port ` +
        `${c.starttlsPort} with ${c.flag}-security starttls.`,
  certificate_invalid: (c) =>
    [
      'If the certificate comes from a private CA, add that CA’s PEM to LATCHKEY_TLS_CA_FILE (the server and the doctor both trust it).',
      c.certNames?.length
        ? `If the name does not match, use a host name the certificate is for (${c.certNames.join(', ')}).`
        : 'If the name does not match, use the host name the certificate is for.',
      'If it expired, the mail server’s administrator must renew it.',
    ].join(' '),
  not_imap: (c) => `Port ${c.port} speaks another protocol: IMAP is usually ${c.flag}-port 993 (ssl) or 143 (starttls).`,
  not_smtp: (c) => `Port ${c.port} speaks another protocol: submission is usually ${c.flag}-port 587 (starttls) or 465 (ssl).`,
  no_supported_auth_mechanism: (c) =>
    `The server offers neither PLAIN nor LOGIN on port ${c.port}: try port ${c.tlsPort} with ssl or ${c.starttlsPort} with starttls.`,
  command_rejected: () =>
    'The server refused a well-formed command: report it to the mail server’s administrator with the server reply above.',
  ehlo_rejected: () => 'Set LATCHKEY_EHLO_NAME to this machine’s fully qualified host name.',
  destination_not_allowed: (c) =>
    isLocalhostName(c.host)
      ? localhostMessage(c.host)
      : `${c.host} is a private, loopback or otherwise reserved address, or port ${c.port} is not a mail port. If Latchkey is meant to ` +
        `reach it, add its range to LATCHKEY_ALLOWED_DESTINATIONS (or the port to LATCHKEY_ALLOWED_PORTS).`,
  dns_not_found: (c) => `Check ${c.flag}-host: ${c.host} has no address from this machine’s resolver (or LATCHKEY_DNS_SERVERS).`,
  connect_refused: (c) =>
    `Nothing accepts connections on ${c.host} port ${c.port}: check ${c.flag}-port, and whether a firewall rejects the port.`,
  network_unreachable: (c) => `There is no route from this machine to ${c.host}: check its network (IPv6 in particular).`,
  connect_timeout: (c) =>
    `Check ${c.flag}-host and ${c.flag}-port; a firewall may drop the port. The limit is LATCHKEY_CONNECT_TIMEOUT_MS per address.`,
  greeting_timeout: (c) =>
    c.implicit
      ? 'The server may be overloaded; try again later. The limit is LATCHKEY_GREETING_TIMEOUT_MS.'
      : `If port ${c.port} expects TLS from the start, use ${c.flag}-security ssl; otherwise the server may be overloaded. The limit is ` +
        `LATCHKEY_GREETING_TIMEOUT_MS.`,
  response_timeout: () => 'Try again later. The limits are LATCHKEY_COMMAND_TIMEOUT_MS and LATCHKEY_AUTHORIZE_TIMEOUT_MS.',
  connection_closed: (c) => `Try again; if it repeats, check ${c.flag}-security for this port.`,
  protocol_error: (c) => `Check ${c.flag}-host and ${c.flag}-port.`,
  provider_unavailable: () => 'The server refuses for now: wait a minute or more and run the doctor again.',
  invalid_value: () => 'Pass --no-ssl-required to allow a password without encryption (not recommended).',
};

/** The advice line for a failed check. */
export function adviceFor(error: DoctorError, result: ProtocolResult, request: ConnectRequest): string {
  const imap = result.protocol === 'imap';
  const login = imap ? request.imap : request.smtp;
  const tls = [...result.events].reverse().find((e) => e.kind === 'tls');
  const ctx: AdviceContext = {
    flag: imap ? '--imap' : '--smtp',
    port: login.port,
    host: login.host,
    implicit: error.step?.endsWith('.tls') && tls?.kind === 'tls' ? tls.mode === 'implicit' : planTls(login, imap ? 993 : 465).implicitTls,
    tlsPort: imap ? 993 : 465,
    starttlsPort: imap ? 143 : 587,
    certNames: tls?.kind === 'tls' ? tls.certificate?.altNames : undefined,
    error,
    viaProvider: request.provider !== 'imap',
  };
  return ADVICE[error.reason]?.(ctx) ?? `See docs/errors.md for ${error.reason}.`;
}
