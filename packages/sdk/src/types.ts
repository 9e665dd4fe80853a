/**
 * The wire shapes the client uses, picked out of the generated OpenAPI types (openapi.ts) — no
 * shape is written here by hand.
 */
import type { paths } from './openapi.ts';

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** `POST /connect/authorize` body (Nylas v2 native authentication). */
export type AuthorizeRequest = JsonBody<paths['/connect/authorize']['post']['requestBody']>;
/** The `settings` of an authorize request: IMAP/SMTP servers, or `password` for a known provider. */
export type AuthorizeSettings = AuthorizeRequest['settings'];
/** `{ code }`: one-time, valid 15 minutes, for `POST /connect/token`. */
export type CodeResponse = JsonBody<paths['/connect/authorize']['post']['responses'][200]>;
/** The account object plus `access_token`. */
export type TokenResponse = JsonBody<paths['/connect/token']['post']['responses'][200]>;
/** `POST /connect/detect-provider` answer: v2 fields plus `settings`, `oauth_required`, `source`. */
export type DetectResponse = JsonBody<paths['/connect/detect-provider']['post']['responses'][200]>;
/** The v2 account object (`GET /account`). `linked_at` is in Unix seconds. */
export type Account = JsonBody<paths['/account']['get']['responses'][200]>;
/** Every error body: `message`, `type`, `reason` and the details that apply. */
export type ErrorBody = JsonBody<paths['/account']['get']['responses']['4XX']>;
/** Latchkey's stable error codes (docs/errors.md). */
export type Reason = ErrorBody['reason'];
/** The v2 error `type`. */
export type ErrorType = ErrorBody['type'];

/** The v2 management account (`GET /a/{client_id}/accounts/{id}`): `email`, not `email_address`. */
export type ManagementAccount = JsonBody<paths['/a/{client_id}/accounts/{id}']['get']['responses'][200]>;
/** v2's `{"success": "true"}` (a string) of delete, downgrade, upgrade and revoke-all. */
export type SuccessResponse = JsonBody<paths['/a/{client_id}/accounts/{id}/downgrade']['post']['responses'][200]>;
/** `POST /a/{client_id}/accounts/{id}/token-info`: `created_at`, `updated_at` (Unix seconds), `scopes`, `state`. */
export type TokenInfo = JsonBody<paths['/a/{client_id}/accounts/{id}/token-info']['post']['responses'][200]>;
/** `GET /a/{client_id}`: `application_name`, `icon_url`, `redirect_uris`. */
export type Application = JsonBody<paths['/a/{client_id}']['get']['responses'][200]>;
/** `PUT /a/{client_id}` body: any of `application_name`, `icon_url`, `redirect_uris`. */
export type ApplicationUpdate = JsonBody<paths['/a/{client_id}']['put']['requestBody']>;
/**
 * `GET /a/{client_id}/accounts/{id}/credentials` (Latchkey extension): `imap` / `smtp` (`auth`
 * `password` with `password`, or `xoauth2` with `access_token` and `expires_at`, Unix seconds)
 * and `ews` for Exchange — the members the account's scopes allow.
 */
export type AccountCredentials = JsonBody<paths['/a/{client_id}/accounts/{id}/credentials']['get']['responses'][200]>;
/** `POST /oauth/revoke`: `{"success": true}`. */
export type RevokeResponse = JsonBody<paths['/oauth/revoke']['post']['responses'][200]>;
/** `POST`/`GET /oauth/token`: `access_token`, `account_id`, `email_address`, `provider`, `token_type: "bearer"`. */
export type HostedTokenResponse = JsonBody<paths['/oauth/token']['post']['responses'][200]>;
