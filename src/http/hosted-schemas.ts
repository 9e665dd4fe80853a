import { Type } from 'typebox';

/** Hosted authentication wire shapes (reference §6.7; RFC 6749 §4.1; RFC 7636), declared once. */
export const HostedAuthorizeQuery = Type.Object({
  client_id: Type.String(),
  redirect_uri: Type.String({ description: 'Exactly one of the application’s registered redirect_uris.' }),
  response_type: Type.Literal('code'),
  scopes: Type.Optional(Type.String({ description: 'Comma-separated v2 scopes (default email,calendar,contacts).' })),
  login_hint: Type.Optional(Type.String({ description: 'Prefills the email address.' })),
  state: Type.Optional(Type.String({ maxLength: 255, description: 'Echoed back on the redirect.' })),
  provider: Type.Optional(Type.String({ description: '`imap` or a known password provider; default: detected from the address.' })),
  redirect_on_error: Type.Optional(
    Type.String({ enum: ['true', 'false'], description: 'true: failures redirect with error, reason and state.' }),
  ),
  code_challenge: Type.Optional(Type.String({ description: 'PKCE: BASE64URL(SHA-256(code_verifier)), 43 characters.' })),
  code_challenge_method: Type.Optional(Type.Literal('S256')),
  reauth_account_id: Type.Optional(
    Type.String({
      description:
        'Reconnect this account of the application: its address is filled in and fixed; authorizing keeps the ' +
        'account id (the account.invalid webhook carries such a link as reconnect_url).',
    }),
  ),
});

export const HostedTokenParams = Type.Object({
  client_id: Type.Optional(Type.String()),
  client_secret: Type.Optional(Type.String({ description: 'Confidential clients. Public (PKCE) clients send code_verifier instead.' })),
  code: Type.Optional(Type.String()),
  grant_type: Type.Optional(Type.Literal('authorization_code')),
  redirect_uri: Type.Optional(Type.String({ description: 'When sent, must be the redirect URI the code was issued for.' })),
  code_verifier: Type.Optional(Type.String({ description: 'PKCE (RFC 7636): 43–128 characters.' })),
});

export const HostedTokenResponse = Type.Object(
  {
    access_token: Type.String(),
    account_id: Type.String(),
    email_address: Type.String(),
    provider: Type.String(),
    token_type: Type.Literal('bearer'),
  },
  { description: 'v2 HostedAuthenticationToken.' },
);
