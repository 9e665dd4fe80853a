import { Type } from 'typebox';

/** Management wire shapes (reference §6.2–6.3), declared once for routes, OpenAPI and the SDK types. */
export const ManagementAccount = Type.Object(
  {
    id: Type.String(),
    account_id: Type.String(),
    email: Type.String({ description: 'The address (v2 management accounts say `email`, not `email_address`).' }),
    provider: Type.String(),
    sync_state: Type.String({ description: '`running`, or `invalid-credentials` after a failed credential re-check.' }),
    billing_state: Type.String({ enum: ['paid', 'cancelled'] }),
    trial: Type.Boolean(),
    authentication_type: Type.String(),
    metadata: Type.Record(Type.String(), Type.String()),
    linked_at: Type.Integer({ description: 'Unix seconds' }),
  },
  { description: 'The v2 management account.' },
);

export const ManagementAccountList = Type.Array(ManagementAccount);
export const AccountParams = Type.Object({ client_id: Type.String(), id: Type.String() });
export const ClientParams = Type.Object({ client_id: Type.String() });
export const ListQuery = Type.Object({
  limit: Type.Optional(Type.String({ description: 'At most this many (default 100, at most 1000).' })),
  offset: Type.Optional(Type.String({ description: 'Skip this many (default 0).' })),
});
export const MetadataBody = Type.Object({
  metadata: Type.Record(Type.String(), Type.String(), {
    description: 'Replaces the metadata: at most 50 keys, keys 1–40 characters, values strings of at most 500.',
  }),
});
export const Success = Type.Object({ success: Type.Literal('true') }, { description: 'v2: the string "true".' });
export const RevokeAllBody = Type.Object({ keep_access_token: Type.Optional(Type.String({ description: 'This token stays valid.' })) });
export const TokenInfoBody = Type.Object({ access_token: Type.String() });
export const TokenInfo = Type.Object({
  created_at: Type.Integer({ description: 'Unix seconds' }),
  updated_at: Type.Integer({ description: 'Unix seconds' }),
  scopes: Type.String({ description: 'Comma-separated' }),
  state: Type.String({ enum: ['valid', 'invalid'] }),
});
export const ApplicationBody = Type.Object({
  application_name: Type.Optional(Type.String()),
  icon_url: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  redirect_uris: Type.Optional(Type.Array(Type.String(), { description: 'Each https, or http on localhost.' })),
  accent_color: Type.Optional(
    Type.Union([Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }), Type.Null()], {
      description: 'Latchkey extension: the hosted login page’s accent colour, #rrggbb.',
    }),
  ),
  credentials_release: Type.Optional(
    Type.Boolean({
      description:
        'Latchkey extension: let this application read its accounts’ credentials (GET /a/{client_id}/accounts/{id}/credentials). ' +
        'Off by default.',
    }),
  ),
});
export const ApplicationResponse = Type.Object({
  application_name: Type.String(),
  icon_url: Type.Union([Type.String(), Type.Null()]),
  redirect_uris: Type.Array(Type.String()),
  accent_color: Type.Union([Type.String(), Type.Null()], {
    description: 'Latchkey extension: the hosted login page’s accent colour, #rrggbb.',
  }),
  credentials_release: Type.Boolean({ description: 'Latchkey extension: whether this application may read its accounts’ credentials.' }),
});
export const RevokeSuccess = Type.Object({ success: Type.Literal(true) });

/** `GET /a/{client_id}/ip_addresses` (reference §6.3): the addresses Latchkey connects from. */
export const IpAddresses = Type.Object({
  ip_addresses: Type.Array(Type.String()),
  updated_at: Type.Integer({ description: 'Unix seconds: when this server read LATCHKEY_EGRESS_IPS' }),
});
