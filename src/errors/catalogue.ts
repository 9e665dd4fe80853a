/**
 * The error catalogue: every `reason` the API can return, listed once with its HTTP status,
 * v2 `type` and default message. Wire shape and table: shared/spec/DECISIONS.md "Errors";
 * `type` strings: Nylas v2 reference §4.2. `docs/errors.md` is generated from this table
 * (`npm run docs:errors`) and a test keeps the two in sync.
 */
export type ErrorType = 'auth_error' | 'invalid_request_error' | 'api_error' | 'provider_error';

export interface CatalogueEntry {
  status: number;
  type: ErrorType;
  /** Default message: what happened and what the person can do about it. */
  message: string;
}

export const CATALOGUE = {
  // 400 — the request itself
  missing_fields: { status: 400, type: 'auth_error', message: 'Please include the missing fields' },
  invalid_value: { status: 400, type: 'invalid_request_error', message: 'A field has a value that is not valid.' },
  unsupported_provider: { status: 400, type: 'invalid_request_error', message: 'This provider is not supported.' },
  invalid_scope: { status: 400, type: 'invalid_request_error', message: 'Unknown scope.' },
  email_mismatch: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The email address does not match the account named by reauth_account_id.',
  },
  webhook_challenge_failed: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The callback URL did not answer the challenge: it must answer GET ?challenge=VALUE with 200 and VALUE as the body.',
  },
  invalid_code: {
    status: 400,
    type: 'api_error',
    message: 'Sorry, the code you provided is not valid. It has already been used, or has expired.',
  },
  missing_access_token: { status: 400, type: 'api_error', message: 'No access_token passed.' },
  oauth_account_mismatch: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The refresh token belongs to another account than email_address: sign in with the account named in email_address.',
  },
  // Hosted login (issue 8; reference §6.7, RFC 6749 §4.1, RFC 7636)
  invalid_redirect_uri: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The redirect_uri is not one of the redirect URIs registered for this application (exact match).',
  },
  unsupported_response_type: { status: 400, type: 'invalid_request_error', message: 'response_type must be "code".' },
  unsupported_grant_type: { status: 400, type: 'invalid_request_error', message: 'grant_type must be "authorization_code".' },
  login_expired: {
    status: 400,
    type: 'invalid_request_error',
    message: 'This sign-in page has expired or was changed. Go back to the application and start again.',
  },
  csrf_failed: {
    // auth_error, as DECISIONS gives every 403.
    status: 403,
    type: 'auth_error',
    message: 'The sign-in form could not be verified (its security token is missing or does not match). Reload the page and try again.',
  },
  // 401 / 403 / 404 / 413 — who is asking, what they name, how much they send
  invalid_client: { status: 401, type: 'invalid_request_error', message: 'Could not verify access credential.' },
  invalid_token: { status: 401, type: 'invalid_request_error', message: 'Could not verify access credential.' },
  account_cancelled: {
    // 403 as v2 answered for cancelled accounts (reference §4.3); auth_error, as DECISIONS gives every 403.
    status: 403,
    type: 'auth_error',
    message: 'This account was downgraded (billing cancelled): its tokens work again once the application upgrades it.',
  },
  // Credentials release (issue 14): GET /a/{client_id}/accounts/{id}/credentials and EmailEngine's auth server
  credentials_release_disabled: {
    status: 403,
    type: 'auth_error',
    message:
      'This application has not opted in to credentials release: set "credentials_release": true with PUT /a/{client_id} (or latchkey apps update CLIENT_ID --credentials-release on).',
  },
  insufficient_scope: {
    status: 403,
    type: 'auth_error',
    message:
      'The account was not granted the scope this protocol needs: IMAP needs an email read scope (email, email.read_only, email.modify, email.metadata, email.folders_and_labels, email.drafts), SMTP needs email.send or email.',
  },
  account_invalid: {
    status: 409,
    type: 'api_error',
    message:
      'The provider refused this account’s stored credentials (sync_state invalid): stop retrying and wait for the account.running webhook after the user signs in again.',
  },
  account_not_found: { status: 404, type: 'api_error', message: 'No account with that id exists for this application.' },
  no_tokens: { status: 404, type: 'api_error', message: 'No tokens found for that account id' },
  token_not_found: { status: 404, type: 'api_error', message: 'No such token found for that account' },
  webhook_not_found: { status: 404, type: 'api_error', message: 'No webhook with that id exists for this application.' },
  not_found: { status: 404, type: 'invalid_request_error', message: 'No such endpoint.' },
  connector_not_found: {
    // Nylas v3 connectors (issue 15).
    status: 404,
    type: 'invalid_request_error',
    message:
      'This application has no connector for that provider: create one with POST /v3/connectors (the application’s OAuth client id and secret).',
  },
  connector_exists: {
    status: 409,
    type: 'invalid_request_error',
    message:
      'This application has a connector for that provider already: change it with PATCH /v3/connectors/{provider}, or delete it first.',
  },
  not_served: {
    // Nylas v3 data endpoints (/v3/grants/{id}/messages, …): issue 15.
    status: 404,
    type: 'invalid_request_error',
    message:
      'Latchkey provides authentication only (grants, connect, providers): it does not serve mailbox data such as messages, threads, folders, calendars or contacts. Read the mailbox over the account’s own IMAP/SMTP connection: an application that opted in to credentials release reads its settings and credentials from GET /a/{client_id}/accounts/{grant_id}/credentials (a grant id is the account id).',
  },
  body_too_large: { status: 413, type: 'invalid_request_error', message: 'The request body is too large.' },
  // Refused by the HTTP parser before any route ran (issue 18): still the documented shape.
  malformed_request: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The request is not valid HTTP/1.1 (request line, a header line, its URL or its framing).',
  },
  request_timeout: { status: 408, type: 'invalid_request_error', message: 'The request did not arrive completely in time.' },
  uri_too_long: { status: 414, type: 'invalid_request_error', message: 'The request URL is too long.' },
  headers_too_large: { status: 431, type: 'invalid_request_error', message: 'The request headers are too large (16 KiB at most in all).' },
  // 403 — the provider refused the credentials
  invalid_credentials: {
    status: 403,
    type: 'auth_error',
    message: 'The mail server rejected the username or password. Check them and try again.',
  },
  app_password_required: {
    status: 403,
    type: 'auth_error',
    message:
      'This account needs an app password: create one in the provider’s security settings and use it instead of the normal password.',
  },
  web_login_required: {
    status: 403,
    type: 'auth_error',
    message:
      'The provider asks you to sign in once in a web browser before this app can connect. Sign in on the provider’s website, then try again.',
  },
  imap_disabled: {
    status: 403,
    type: 'auth_error',
    message:
      'IMAP access is turned off for this account. Turn it on in the provider’s settings (or ask your administrator), then try again.',
  },
  oauth_required: {
    status: 403,
    type: 'auth_error',
    message:
      'This account no longer accepts a password (the provider disabled basic authentication). Connect it with OAuth instead: provider "office365" for Microsoft, "gmail" for Google, with a refresh token.',
  },
  smtp_auth_disabled: {
    status: 403,
    type: 'auth_error',
    message:
      'The password works for reading mail, but sending (SMTP AUTH) is turned off for this account. Ask your administrator to enable it.',
  },
  mailbox_access_denied: {
    status: 403,
    type: 'auth_error',
    message: 'The server accepted the login but refused access to the mailbox. Full IMAP access may not be enabled for this account.',
  },
  refresh_token_revoked: {
    status: 403,
    type: 'auth_error',
    message: 'The refresh token has expired or was revoked: the user must sign in again.',
  },
  token_audience_invalid: {
    status: 403,
    type: 'auth_error',
    message: 'The access token was issued for another resource or scope and was refused.',
  },
  oauth_client_invalid: {
    status: 403,
    type: 'auth_error',
    message:
      'The provider refused the OAuth client id or secret (invalid_client). Check the client id and secret of the app that issued the refresh token.',
  },
  oauth_login_refused: {
    status: 403,
    type: 'auth_error',
    message:
      'The mail server refused the OAuth access token (XOAUTH2). Check that the app was granted mail access (IMAP/SMTP scopes) and that IMAP is enabled for the account.',
  },
  // 422 — settings that cannot work as given
  tls_required: {
    status: 422,
    type: 'auth_error',
    message: 'The server refuses to accept a password without encryption. Use SSL/TLS or STARTTLS.',
  },
  tls_required_not_offered: {
    status: 422,
    type: 'auth_error',
    message: 'Encryption is required but the server does not offer STARTTLS on this port. Try SSL/TLS (port 993 for IMAP, 465 for SMTP).',
  },
  tls_mismatch: {
    status: 422,
    type: 'auth_error',
    message: 'The encryption setting does not match the port: this port expects the other kind of TLS.',
  },
  certificate_invalid: {
    status: 422,
    type: 'auth_error',
    message: 'The server’s certificate could not be verified.',
  },
  not_imap: { status: 422, type: 'auth_error', message: 'The server on this port does not speak IMAP.' },
  not_smtp: { status: 422, type: 'auth_error', message: 'The server on this port does not speak SMTP.' },
  no_supported_auth_mechanism: {
    status: 422,
    type: 'auth_error',
    message: 'The server offers no sign-in method Latchkey can use on this port.',
  },
  command_rejected: { status: 422, type: 'auth_error', message: 'The server rejected a well-formed command.' },
  ehlo_rejected: { status: 422, type: 'auth_error', message: 'The SMTP server refused Latchkey’s EHLO name.' },
  destination_not_allowed: {
    status: 422,
    type: 'auth_error',
    message: 'Connections to this host or port are not allowed by this server’s policy.',
  },
  autodiscover_failed: {
    status: 422,
    type: 'auth_error',
    message:
      'Latchkey could not find the Exchange server of this address by Autodiscover. Give its host name in settings.exchange_server_host.',
  },
  // 502 / 503 / 504 — the provider's side
  dns_not_found: {
    status: 502,
    type: 'provider_error',
    message: 'The server name could not be found. Check the host name.',
  },
  connect_refused: {
    status: 502,
    type: 'provider_error',
    message: 'The server refused the connection. Check the host name and port.',
  },
  network_unreachable: {
    status: 502,
    type: 'provider_error',
    message: 'The server could not be reached from here.',
  },
  connection_closed: {
    status: 502,
    type: 'provider_error',
    message: 'The server closed the connection unexpectedly. Please try again.',
  },
  protocol_error: {
    status: 502,
    type: 'provider_error',
    message: 'The server answered in a way Latchkey did not understand. Check the host and port.',
  },
  provider_unavailable: {
    status: 503,
    type: 'provider_error',
    message: 'The mail server is temporarily refusing connections. Please try again later.',
  },
  verification_busy: {
    status: 503,
    type: 'provider_error',
    message: 'Latchkey is verifying as many sign-ins as it can right now. Please try again in a few seconds (see Retry-After).',
  },
  connect_timeout: {
    status: 504,
    type: 'provider_error',
    message: 'The connection to the server timed out. Check the host name and port, or try again later.',
  },
  greeting_timeout: {
    status: 504,
    type: 'provider_error',
    message: 'The server accepted the connection but did not answer in time.',
  },
  response_timeout: {
    status: 504,
    type: 'provider_error',
    message: 'The server stopped answering during sign-in. Please try again later.',
  },
  // 429 / 500
  rate_limited: { status: 429, type: 'api_error', message: 'Too many requests. Please wait and try again.' },
  internal: { status: 500, type: 'api_error', message: 'An unexpected error occurred during authentication.' },
  store_unavailable: { status: 500, type: 'api_error', message: 'Latchkey cannot reach its database right now. Please try again shortly.' },
} as const satisfies Record<string, CatalogueEntry>;

export type Reason = keyof typeof CATALOGUE;

/** Whether `value` names a reason in the catalogue. */
export function isReason(value: string): value is Reason {
  return Object.hasOwn(CATALOGUE, value);
}
