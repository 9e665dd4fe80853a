import { Type, type Static, type TSchema } from 'typebox';
import { CATALOGUE } from '../errors/catalogue.ts';
import { V3_ERROR_TYPES } from './errors.ts';

/**
 * Nylas v3 wire shapes, declared once: the `/v3` routes take their validation, response
 * serialization and `/openapi.json` from here, and the v3 mapping functions (v3/*.ts) their types
 * (`Static<…>`), so a shape is never written twice. Field names are v3's, as the official `nylas`
 * SDK 8.x reads them (it camel-cases snake_case keys).
 */

export const V3Error = Type.Object({
  request_id: Type.String(),
  error: Type.Object({
    type: Type.String({ enum: [...V3_ERROR_TYPES] }),
    message: Type.String(),
    reason: Type.String({ enum: Object.keys(CATALOGUE), description: 'Latchkey’s stable reason (docs/errors.md), as on the v2 surface.' }),
    provider_error: Type.Optional(Type.Object({
      step: Type.Optional(Type.String()),
      server_error: Type.Optional(Type.String()),
      addresses_tried: Type.Optional(Type.Array(Type.String())),
    }, { description: 'When a provider conversation failed: which step, and the provider’s reply (secrets removed).' })),
    missing_fields: Type.Optional(Type.Array(Type.String())),
  }),
}, { $id: 'V3Error', description: 'Every v3 error: `{request_id, error: {type, message, provider_error}}`.' });

/** `{request_id, data}`: every v3 answer that returns one object. */
export const Envelope = <T extends TSchema>(data: T) => Type.Object({ request_id: Type.String(), data });

/** `{request_id, data: [...], next_cursor?}`: every v3 list. Pass `next_cursor` back as `page_token` for the next page. */
export const ListEnvelope = <T extends TSchema>(item: T) => Type.Object({
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
  hosted_authentication: Type.Object({ color_primary: Type.Optional(Type.String({ description: 'The hosted page’s accent colour, #rrggbb.' })) }),
  callback_uris: Type.Array(Type.Object({ id: Type.String(), url: Type.String(), platform: Type.Literal('web') })),
  created_at: Type.Integer({ description: 'Unix seconds' }),
});
export type ApplicationDetails = Static<typeof ApplicationDetails>;

export const Grant = Type.Object({
  id: Type.String({ description: 'The Latchkey account id: v2’s `/a/{client_id}/accounts/{id}` is the same account.' }),
  provider: Type.String({ description: 'v3 provider names: `google`, `microsoft`, `ews`, `imap`, or a known password provider (`icloud`, `yahoo`, …).' }),
  grant_status: Type.String({ enum: ['valid', 'invalid'], description: '`invalid` once the credential health check found the stored credentials refused.' }),
  email: Type.String(),
  name: Type.String(),
  scope: Type.Array(Type.String()),
  created_at: Type.Integer({ description: 'Unix seconds' }),
  updated_at: Type.Integer({ description: 'Unix seconds' }),
});
export type Grant = Static<typeof Grant>;

export const GrantParams = Type.Object({ grant_id: Type.String() });
