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

/** An entry of each `type` (named for it: auth_error, invalid_request_error, api_error, provider_error): status, default message. */
const auth = (status: number, message: string) => ({ status, type: 'auth_error', message }) as const;
const request = (status: number, message: string) => ({ status, type: 'invalid_request_error', message }) as const;
const api = (status: number, message: string) => ({ status, type: 'api_error', message }) as const;
const provider = (status: number, message: string) => ({ status, type: 'provider_error', message }) as const;

export const CATALOGUE = {
  // 400 — the request itself
  missing_fields: auth(400, 'Please include the missing fields'),
  invalid_value: request(400, 'A field has a value that is not valid.'),
  unsupported_provider: request(400, 'This provider is not supported.'),
  invalid_scope: request(400, 'Unknown scope.'),
  email_mismatch: request(400, 'The email address does not match the account named by reauth_account_id.'),
  webhook_challenge_failed: request(
    400,
    'The callback URL did not answer the challenge: it must answer GET ?challenge=VALUE with 200 and VALUE as the body.',
  ),
  invalid_code: api(400, 'Sorry, the code you provided is not valid. It has already been used, or has expired.'),
  missing_access_token: api(400, 'No access_token passed.'),
  oauth_account_mismatch: request(
    400,
    'The refresh token belongs to another account than email_address: sign in with the account named in email_address.',
  ),
  // Hosted login (issue 8; reference §6.7, RFC 6749 §4.1, RFC 7636)
  invalid_redirect_uri: request(400, 'The redirect_uri is not one of the redirect URIs registered for this application (exact match).'),
  unsupported_response_type: request(400, 'response_type must be "code".'),
  unsupported_grant_type: request(400, 'grant_type must be "authorization_code".'),
  login_expired: request(400, 'This sign-in page has expired or was changed. Go back to the application and start again.'),
  // auth_error, as DECISIONS gives every 403.
  csrf_failed: auth(
    403,
    'The sign-in form could not be verified (its security token is missing or does not match). Reload the page and try again.',
  ),
  // 401 / 403 / 404 / 413 — who is asking, what they name, how much they send
  invalid_client: request(401, 'Could not verify access credential.'),
  invalid_token: request(401, 'Could not verify access credential.'),
  // 403 as v2 answered for cancelled accounts (reference §4.3); auth_error, as DECISIONS gives every 403.
  account_cancelled: auth(403, 'This account was downgraded (billing cancelled): its tokens work again once the application upgrades it.'),
  // Credentials release (issue 14): GET /a/{client_id}/accounts/{id}/credentials and EmailEngine's auth server
  credentials_release_disabled: auth(
    403,
    'This application has not opted in to credentials release: set "credentials_release": true with PUT /a/{client_id} ' +
      '(or latchkey apps update CLIENT_ID --credentials-release on).',
  ),
  insufficient_scope: auth(
    403,
    'The account was not granted the scope this protocol needs: IMAP needs an email read scope (email, email.read_only, ' +
      'email.modify, email.metadata, email.folders_and_labels, email.drafts), SMTP needs email.send or email.',
  ),
  account_invalid: api(
    409,
    'The provider refused this account’s stored credentials (sync_state invalid): stop retrying and wait ' +
      'for the account.running webhook after the user signs in again.',
  ),
  account_not_found: api(404, 'No account with that id exists for this application.'),
  no_tokens: api(404, 'No tokens found for that account id'),
  token_not_found: api(404, 'No such token found for that account'),
  webhook_not_found: api(404, 'No webhook with that id exists for this application.'),
  not_found: request(404, 'No such endpoint.'),
  // Nylas v3 connectors (issue 15).
  connector_not_found: request(
    404,
    'This application has no connector for that provider: create one with POST /v3/connectors (the application’s ' +
      'OAuth client id and secret).',
  ),
  connector_exists: request(
    409,
    'This application has a connector for that provider already: change it with PATCH /v3/connectors/{provider}, or delete it first.',
  ),
  // Nylas v3 data endpoints (/v3/grants/{id}/messages, …): issue 15.
  not_served: request(
    404,
    'Latchkey provides authentication only (grants, connect, providers): it does not serve mailbox data such ' +
      'as messages, threads, folders, calendars or contacts. Read the mailbox over the account’s own IMAP/SMTP ' +
      'connection: an application that opted in to credentials release reads its settings and credentials from ' +
      'GET /a/{client_id}/accounts/{grant_id}/credentials (a grant id is the account id).',
  ),
  body_too_large: request(413, 'The request body is too large.'),
  // Refused by the HTTP parser before any route ran (issue 18): still the documented shape.
  malformed_request: request(400, 'The request is not valid HTTP/1.1 (request line, a header line, its URL or its framing).'),
  request_timeout: request(408, 'The request did not arrive completely in time.'),
  uri_too_long: request(414, 'The request URL is too long.'),
  headers_too_large: request(431, 'The request headers are too large (16 KiB at most in all).'),
  // 403 — the provider refused the credentials
  invalid_credentials: auth(403, 'The mail server rejected the username or password. Check them and try again.'),
  app_password_required: auth(
    403,
    'This account needs an app password: create one in the provider’s security settings and use it instead of the normal password.',
  ),
  web_login_required: auth(
    403,
    'The provider asks you to sign in once in a web browser before this app can connect. Sign in on the provider’s ' +
      'website, then try again.',
  ),
  imap_disabled: auth(
    403,
    'IMAP access is turned off for this account. Turn it on in the provider’s settings (or ask your administrator), then try again.',
  ),
  oauth_required: auth(
    403,
    'This account no longer accepts a password (the provider disabled basic authentication). Connect it with ' +
      'OAuth instead: provider "office365" for Microsoft, "gmail" for Google, with a refresh token.',
  ),
  smtp_auth_disabled: auth(
    403,
    'The password works for reading mail, but sending (SMTP AUTH) is turned off for this account. Ask your administrator to enable it.',
  ),
  mailbox_access_denied: auth(
    403,
    'The server accepted the login but refused access to the mailbox. Full IMAP access may not be enabled for this account.',
  ),
  refresh_token_revoked: auth(403, 'The refresh token has expired or was revoked: the user must sign in again.'),
  token_audience_invalid: auth(403, 'The access token was issued for another resource or scope and was refused.'),
  oauth_client_invalid: auth(
    403,
    'The provider refused the OAuth client id or secret (invalid_client). Check the client id and secret ' +
      'of the app that issued the refresh token.',
  ),
  oauth_login_refused: auth(
    403,
    'The mail server refused the OAuth access token (XOAUTH2). Check that the app was granted mail access ' +
      '(IMAP/SMTP scopes) and that IMAP is enabled for the account.',
  ),
  // 422 — settings that cannot work as given
  tls_required: auth(422, 'The server refuses to accept a password without encryption. Use SSL/TLS or STARTTLS.'),
  tls_required_not_offered: auth(
    422,
    'Encryption is required but the server does not offer STARTTLS on this port. Try SSL/TLS (port 993 for IMAP, 465 for SMTP).',
  ),
  tls_mismatch: auth(422, 'The encryption setting does not match the port: this port expects the other kind of TLS.'),
  certificate_invalid: auth(422, 'The server’s certificate could not be verified.'),
  not_imap: auth(422, 'The server on this port does not speak IMAP.'),
  not_smtp: auth(422, 'The server on this port does not speak SMTP.'),
  no_supported_auth_mechanism: auth(422, 'The server offers no sign-in method Latchkey can use on this port.'),
  command_rejected: auth(422, 'The server rejected a well-formed command.'),
  ehlo_rejected: auth(422, 'The SMTP server refused Latchkey’s EHLO name.'),
  destination_not_allowed: auth(422, 'Connections to this host or port are not allowed by this server’s policy.'),
  autodiscover_failed: auth(
    422,
    'Latchkey could not find the Exchange server of this address by Autodiscover. Give its host name in settings.exchange_server_host.',
  ),
  // 502 / 503 / 504 — the provider's side
  dns_not_found: provider(502, 'The server name could not be found. Check the host name.'),
  connect_refused: provider(502, 'The server refused the connection. Check the host name and port.'),
  network_unreachable: provider(502, 'The server could not be reached from here.'),
  connection_closed: provider(502, 'The server closed the connection unexpectedly. Please try again.'),
  protocol_error: provider(502, 'The server answered in a way Latchkey did not understand. Check the host and port.'),
  provider_unavailable: provider(503, 'The mail server is temporarily refusing connections. Please try again later.'),
  verification_busy: provider(
    503,
    'Latchkey is verifying as many sign-ins as it can right now. Please try again in a few seconds (see Retry-After).',
  ),
  connect_timeout: provider(504, 'The connection to the server timed out. Check the host name and port, or try again later.'),
  greeting_timeout: provider(504, 'The server accepted the connection but did not answer in time.'),
  response_timeout: provider(504, 'The server stopped answering during sign-in. Please try again later.'),
  // 429 / 500
  rate_limited: api(429, 'Too many requests. Please wait and try again.'),
  internal: api(500, 'An unexpected error occurred during authentication.'),
  store_unavailable: api(500, 'Latchkey cannot reach its database right now. Please try again shortly.'),
} as const satisfies Record<string, CatalogueEntry>;

export type Reason = keyof typeof CATALOGUE;

/** Whether `value` names a reason in the catalogue. */
export function isReason(value: string): value is Reason {
  return Object.hasOwn(CATALOGUE, value);
}
