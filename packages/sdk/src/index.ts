/** `@latchkey/sdk`: a typed client for Latchkey (Nylas v2 native authentication). */
export { Latchkey, type CallOptions, type LatchkeyOptions } from './client.ts';
export { LatchkeyError, parseRetryAfter } from './errors.ts';
export { createPkcePair, hostedAuthUrl, pkceChallenge, type HostedAuthOptions, type PkcePair } from './hosted.ts';
export type { AccountsApi, ApplicationApi, OAuthApi } from './management.ts';
export type { AccountCredentials, HostedTokenResponse, Account, Application, ApplicationUpdate, ManagementAccount, RevokeResponse, SuccessResponse, TokenInfo, AuthorizeRequest, AuthorizeSettings, CodeResponse, DetectResponse, ErrorBody, ErrorType, Reason, TokenResponse } from './types.ts';
export type { paths } from './openapi.ts';
export { LatchkeyV3, LatchkeyV3Error, type LatchkeyV3Options, type Grant, type GrantPage, type GrantListQuery, type CustomAuthRequest, type ProviderDetectResponse, type ApplicationDetails, type V3ErrorBody } from './v3.ts';
