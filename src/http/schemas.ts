import { Type } from 'typebox';
import { CATALOGUE } from '../errors/catalogue.ts';

/**
 * v2 wire shapes, declared once: the routes use them for the OpenAPI document and response serialization.
 * The shapes the domain answers with are declared beside their views (connect/account-view.ts,
 * detect/view.ts, audit/view.ts), below both the domain and http/.
 */
export const ErrorBody = Type.Object(
  {
    message: Type.String(),
    type: Type.String({ enum: [...new Set(Object.values(CATALOGUE).map((e) => e.type))] }),
    reason: Type.String({ enum: Object.keys(CATALOGUE) }),
    step: Type.Optional(Type.String()),
    server_error: Type.Optional(Type.String()),
    missing_fields: Type.Optional(Type.Array(Type.String())),
    error: Type.Optional(Type.String()),
    addresses_tried: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'Error', description: 'Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details.' },
);

/** The errors every v2 and Latchkey route may answer (the `/v3` routes answer v3/schemas.ts `v3Errors`). */
export const errors = { '4xx': ErrorBody, '5xx': ErrorBody };

export const ImapSettings = Type.Object(
  {
    imap_host: Type.Optional(Type.String()),
    imap_port: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
    imap_username: Type.Optional(Type.String({ description: 'Defaults to email_address.' })),
    imap_password: Type.Optional(Type.String()),
    smtp_host: Type.Optional(Type.String()),
    smtp_port: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
    smtp_username: Type.Optional(Type.String({ description: 'Defaults to the IMAP username.' })),
    smtp_password: Type.Optional(Type.String({ description: 'Defaults to the IMAP password.' })),
    ssl_required: Type.Optional(
      Type.Union([Type.Boolean(), Type.String()], { description: 'Default true: no password is sent before TLS.' }),
    ),
    imap_security: Type.Optional(
      Type.String({
        enum: ['ssl', 'starttls', 'none', 'auto'],
        description: 'Default auto: 993 implicit TLS, other ports STARTTLS; a port that speaks the other TLS mode is used that way.',
      }),
    ),
    smtp_security: Type.Optional(
      Type.String({ enum: ['ssl', 'starttls', 'none', 'auto'], description: 'Default auto: 465 implicit TLS, other ports STARTTLS.' }),
    ),
    password: Type.Optional(
      Type.String({
        description:
          'Known password providers (yahoo, aol, icloud, …): the only required setting. With provider imap: the ' +
          'missing servers are detected.',
      }),
    ),
    username: Type.Optional(
      Type.String({
        description:
          'Known password providers: the login name; defaults to email_address. Provider exchange: required (user@domain or DOMAIN\\user).',
      }),
    ),
    google_client_id: Type.Optional(Type.String({ description: 'Provider gmail (G1): the OAuth client that issued the refresh token.' })),
    google_client_secret: Type.Optional(Type.String({ description: 'Provider gmail: that client’s secret. Stored encrypted.' })),
    google_refresh_token: Type.Optional(
      Type.String({
        description: 'Provider gmail: a refresh token with the https://mail.google.com/ and openid email scopes. Stored encrypted.',
      }),
    ),
    microsoft_client_id: Type.Optional(
      Type.String({ description: 'Providers office365, graph (M1): the Azure app registration that issued the refresh token.' }),
    ),
    microsoft_client_secret: Type.Optional(
      Type.String({ description: 'Providers office365, graph: that app’s secret. Stored encrypted.' }),
    ),
    microsoft_refresh_token: Type.Optional(
      Type.String({
        description:
          'Providers office365, graph: a refresh token granted IMAP.AccessAsUser.All, SMTP.Send and offline_access. Stored encrypted.',
      }),
    ),
    redirect_uri: Type.Optional(
      Type.String({ description: 'Providers office365, graph: the redirect URI the refresh token was obtained with.' }),
    ),
    exchange_server_host: Type.Optional(
      Type.String({ description: 'Provider exchange (E1): the EWS host (optionally host:port); absent → Autodiscover.' }),
    ),
    eas_server_host: Type.Optional(Type.String({ description: 'Provider exchange: the older name of exchange_server_host.' })),
  },
  { additionalProperties: true },
);

export const AuthorizeBody = Type.Object({
  client_id: Type.String(),
  name: Type.String(),
  email_address: Type.String(),
  provider: Type.String({
    description:
      '`imap`, a known password provider (`yahoo`, `aol`, `icloud`, …), `gmail` or `office365`/`graph` (OAuth ' +
      'refresh token), or `exchange` (EWS).',
  }),
  settings: ImapSettings,
  scopes: Type.Optional(
    Type.Union([Type.String(), Type.Array(Type.String())], {
      description: 'Comma-separated v2 scopes (or an array); default email,calendar,contacts.',
    }),
  ),
  reauth_account_id: Type.Optional(Type.String({ description: 'An existing account of this application with the same address.' })),
});

export const CodeResponse = Type.Object(
  { code: Type.String({ description: 'One-time, valid 15 minutes, bound to this client_id.' }) },
  { description: 'The credentials were verified with the provider.' },
);

export const TokenBody = Type.Object({
  client_id: Type.String(),
  client_secret: Type.String(),
  code: Type.String(),
});

export const Health = Type.Object({ status: Type.String() });

export const DetectBody = Type.Object({
  client_id: Type.String(),
  client_secret: Type.String(),
  email_address: Type.String(),
});

export const AuditQuery = Type.Object({
  since: Type.Optional(
    Type.String({ description: 'ISO 8601 time, Unix seconds, or a span back from now (30m, 1h, 7d). Default: the last 24 hours.' }),
  ),
  limit: Type.Optional(Type.String({ description: 'At most this many events, 1–1000; default 100.' })),
});
