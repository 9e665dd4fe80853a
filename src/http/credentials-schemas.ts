import { Type } from 'typebox';

/** Credentials release wire shapes (issue 14), declared once for routes, OpenAPI and the SDK types. */
const mailBase = {
  host: Type.String(),
  port: Type.Integer(),
  security: Type.String({ enum: ['ssl', 'starttls', 'none'], description: '`ssl`: implicit TLS; `starttls`; `none`.' }),
  username: Type.String(),
};

export const MailMember = Type.Union(
  [
    Type.Object({ ...mailBase, auth: Type.Literal('password'), password: Type.String() }),
    Type.Object({
      ...mailBase,
      auth: Type.Literal('xoauth2'),
      access_token: Type.String({ description: 'For SASL XOAUTH2 / OAUTHBEARER; minted by Latchkey from the stored refresh token.' }),
      expires_at: Type.Integer({ description: 'Unix seconds: when the access token expires (it is released until 5 minutes before).' }),
    }),
  ],
  { description: 'One mail protocol’s connection: settings plus a password or a live OAuth access token.' },
);

export const EwsMember = Type.Object(
  { url: Type.String(), username: Type.String(), password: Type.String() },
  { description: 'Exchange Web Services.' },
);

export const CredentialsResponse = Type.Object(
  {
    account_id: Type.String(),
    email_address: Type.String(),
    provider: Type.String(),
    imap: Type.Optional(MailMember),
    smtp: Type.Optional(MailMember),
    ews: Type.Optional(EwsMember),
  },
  { description: 'The members the account’s scopes allow (or the one asked for with ?protocol=).' },
);

export const CredentialsQuery = Type.Object({
  protocol: Type.Optional(Type.String({ enum: ['imap', 'smtp', 'ews'], description: 'Only this member.' })),
});

/** EmailEngine's authentication-server request (its lib/tools.js `resolveCredentials`). */
export const EmailEngineQuery = Type.Object({
  account: Type.String({ description: 'The Latchkey account id (registered in EmailEngine as its account id).' }),
  proto: Type.String({ enum: ['imap', 'smtp', 'api'] }),
});

export const EmailEngineResponse = Type.Union(
  [
    Type.Object({ user: Type.String({ maxLength: 256 }), pass: Type.String({ maxLength: 256 }) }),
    Type.Object({ user: Type.String({ maxLength: 256 }), accessToken: Type.String({ maxLength: 16384 }) }),
  ],
  { description: 'What EmailEngine accepts: user with pass, or user with accessToken (XOAUTH2).' },
);
