import { Type, type Static, type TSchema } from 'typebox';
import { CATALOGUE } from '../errors/catalogue.ts';
import { V3_ERROR_TYPES } from './errors.ts';
import { detectedSettingsFields } from '../detect/view.ts';

/**
 * Nylas v3 wire shapes, declared once: the `/v3` routes take their validation, response
 * serialization and `/openapi.json` from here, and the v3 mapping functions (v3/*.ts) their types
 * (`Static<…>`), so a shape is never written twice. Field names are v3's, as the official `nylas`
 * SDK 8.x reads them (it camel-cases snake_case keys).
 */

export const V3Error = Type.Object(
  {
    request_id: Type.String(),
    error: Type.Object({
      type: Type.String({ enum: [...V3_ERROR_TYPES] }),
      message: Type.String(),
      reason: Type.String({
        enum: Object.keys(CATALOGUE),
        description: 'Latchkey’s stable reason (docs/errors.md), as on the v2 surface.',
      }),
      provider_error: Type.Optional(
        Type.Object(
          {
            step: Type.Optional(Type.String()),
            server_error: Type.Optional(Type.String()),
            addresses_tried: Type.Optional(Type.Array(Type.String())),
          },
          { description: 'When a provider conversation failed: which step, and the provider’s reply (secrets removed).' },
        ),
      ),
      missing_fields: Type.Optional(Type.Array(Type.String())),
    }),
  },
  { $id: 'V3Error', description: 'Every v3 error: `{request_id, error: {type, message, provider_error}}`.' },
);

/** `{request_id, data}`: every v3 answer that returns one object. */
export const Envelope = <T extends TSchema>(data: T) => Type.Object({ request_id: Type.String(), data });

/** `{request_id, data: [...], next_cursor?}`: every v3 list. Pass `next_cursor` back as `page_token` for the next page. */
export const ListEnvelope = <T extends TSchema>(item: T) =>
  Type.Object({
    request_id: Type.String(),
    data: Type.Array(item),
    next_cursor: Type.Optional(Type.String({ description: 'Absent on the last page.' })),
  });

/** The errors every `/v3` route may answer. */
export const v3Errors = { '4xx': V3Error, '5xx': V3Error };

export const ApplicationDetails = Type.Object({
  application_id: Type.String({ description: 'The application’s client_id.' }),
  organization_id: Type.String({ description: 'Latchkey has no organizations: the client_id again.' }),
  region: Type.String({ description: 'Always `self-hosted`.' }),
  environment: Type.String({ description: 'Always `production`.' }),
  branding: Type.Object({ name: Type.String(), icon_url: Type.Optional(Type.String()) }),
  hosted_authentication: Type.Object({
    color_primary: Type.Optional(Type.String({ description: 'The hosted page’s accent colour, #rrggbb.' })),
  }),
  callback_uris: Type.Array(Type.Object({ id: Type.String(), url: Type.String(), platform: Type.Literal('web') })),
  created_at: Type.Integer({ description: 'Unix seconds' }),
});
export type ApplicationDetails = Static<typeof ApplicationDetails>;

export const Grant = Type.Object({
  id: Type.String({ description: 'The Latchkey account id: v2’s `/a/{client_id}/accounts/{id}` is the same account.' }),
  provider: Type.String({
    description: 'v3 provider names: `google`, `microsoft`, `ews`, `imap`, or a known password provider (`icloud`, `yahoo`, …).',
  }),
  grant_status: Type.String({
    enum: ['valid', 'invalid'],
    description: '`invalid` once the credential health check found the stored credentials refused.',
  }),
  email: Type.String(),
  name: Type.String(),
  scope: Type.Array(Type.String()),
  created_at: Type.Integer({ description: 'Unix seconds' }),
  updated_at: Type.Integer({ description: 'Unix seconds' }),
});
export type Grant = Static<typeof Grant>;

export const GrantParams = Type.Object({ grant_id: Type.String() });

/** `POST /v3/connect/custom`: the provider and its settings (v3/custom-auth.ts lists them per provider). */
export const CustomAuthBody = Type.Object({
  provider: Type.String({
    description:
      '`imap`, a known password provider (`icloud`, `yahoo`, `aol`, …), `ews`, or `google`/`microsoft` (the ' +
      'OAuth client from the application’s connector).',
  }),
  settings: Type.Object(
    {
      email: Type.Optional(Type.String({ description: 'Latchkey extension: the account’s address, when the username is not it.' })),
      name: Type.Optional(Type.String({ description: 'Latchkey extension: the grant’s name (default the address).' })),
      imap_username: Type.Optional(Type.String()),
      imap_password: Type.Optional(Type.String()),
      imap_host: Type.Optional(Type.String()),
      imap_port: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
      smtp_username: Type.Optional(Type.String()),
      smtp_password: Type.Optional(Type.String()),
      smtp_host: Type.Optional(Type.String()),
      smtp_port: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
      username: Type.Optional(Type.String()),
      password: Type.Optional(Type.String()),
      exchange_server_host: Type.Optional(Type.String()),
      refresh_token: Type.Optional(Type.String({ description: 'google / microsoft: the user’s refresh token (stored encrypted).' })),
      redirect_uri: Type.Optional(Type.String({ description: 'microsoft: the redirect URI the refresh token was obtained with.' })),
    },
    { additionalProperties: true },
  ),
  state: Type.Optional(Type.String({ description: 'Accepted, not kept.' })),
  scope: Type.Optional(Type.Array(Type.String(), { description: 'Accepted, not kept.' })),
});

export const UpdateGrantBody = Type.Object({
  settings: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'New credentials (and settings), merged over the stored ones and verified with the provider.',
    }),
  ),
  scope: Type.Optional(Type.Array(Type.String(), { description: 'Not changeable: a grant keeps the scopes it was connected with.' })),
});

export const GrantListQuery = Type.Object(
  {
    limit: Type.Optional(Type.String({ description: '1–200, default 10.' })),
    offset: Type.Optional(Type.String()),
    page_token: Type.Optional(Type.String({ description: 'A `next_cursor` from the previous page.' })),
    provider: Type.Optional(Type.String()),
    grant_status: Type.Optional(Type.String({ enum: ['valid', 'invalid'] })),
    email: Type.Optional(Type.String()),
    since: Type.Optional(Type.String({ description: 'created_at ≥ this (Unix seconds).' })),
    before: Type.Optional(Type.String({ description: 'created_at < this (Unix seconds).' })),
    sort_by: Type.Optional(Type.String({ enum: ['created_at', 'updated_at'] })),
    order_by: Type.Optional(Type.String({ enum: ['asc', 'desc'] })),
  },
  { additionalProperties: true },
);

export const ProviderDetectQuery = Type.Object(
  {
    email: Type.String(),
    all_provider_types: Type.Optional(Type.String({ description: 'Accepted; every type is always answered.' })),
  },
  { additionalProperties: true },
);

export const ProviderDetect = Type.Object({
  email_address: Type.String(),
  detected: Type.Boolean(),
  provider: Type.Optional(Type.String({ description: 'The `provider` to send to POST /v3/connect/custom.' })),
  type: Type.Optional(Type.String({ enum: ['oauth', 'ews', 'imap'] })),
  settings: Type.Optional(Type.Object(detectedSettingsFields, { description: 'Latchkey extension: the detected servers.' })),
});
export type ProviderDetect = Static<typeof ProviderDetect>;

/** `{request_id}` alone: what v3 answers to a deletion. */
export const RequestIdOnly = Type.Object({ request_id: Type.String() });
