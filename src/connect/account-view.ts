import { Type, type Static } from 'typebox';
import type { Account } from '../store/store.ts';

const accountFields = {
  id: Type.String(),
  object: Type.Literal('account'),
  account_id: Type.String(),
  name: Type.String(),
  email_address: Type.String(),
  provider: Type.String(),
  organization_unit: Type.String({ enum: ['label', 'folder'] }),
  sync_state: Type.String(),
  linked_at: Type.Integer({ description: 'Unix seconds' }),
  billing_state: Type.String(),
};

/** The v2 account object's wire shape (`GET /account`), declared once, here; TokenResponse adds the token. */
export const AccountBody = Type.Object(accountFields, { description: 'The account (v2 account object).' });
export const TokenResponse = Type.Object(
  { ...accountFields, access_token: Type.String({ description: 'Long-lived; send as Bearer, or as the Basic username.' }) },
  { description: 'The account object plus a new access token.' },
);

/** The v2 account object (reference §3, DECISIONS "Accounts and tokens"); its shape is AccountBody above. */
export type AccountView = Static<typeof AccountBody>;

export function accountView(a: Account): AccountView {
  return {
    id: a.id,
    object: 'account',
    account_id: a.id,
    name: a.name,
    email_address: a.emailAddress,
    provider: a.provider,
    organization_unit: a.provider === 'gmail' ? 'label' : 'folder',
    sync_state: a.syncState,
    linked_at: a.linkedAt,
    billing_state: a.billingState,
  };
}

/**
 * The v2 management account (reference §6.3, `GET /a/{client_id}/accounts`): `email`, not
 * `email_address`; `trial` (always false: Latchkey has no trials), `authentication_type`
 * (`password`: native authentication only), `metadata` (the application's key/value strings),
 * and Latchkey's `linked_at` (Unix seconds). `sync_state` uses the management vocabulary: an
 * account whose credentials failed a re-check (`invalid` on `GET /account`) is `invalid-credentials`.
 */
export interface ManagementAccountView {
  id: string;
  account_id: string;
  email: string;
  provider: string;
  sync_state: string;
  billing_state: string;
  trial: boolean;
  authentication_type: string;
  metadata: Record<string, string>;
  linked_at: number;
}

export function managementAccountView(a: Account): ManagementAccountView {
  return {
    id: a.id,
    account_id: a.id,
    email: a.emailAddress,
    provider: a.provider,
    sync_state: a.syncState === 'invalid' ? 'invalid-credentials' : a.syncState,
    billing_state: a.billingState,
    trial: false,
    authentication_type: 'password',
    metadata: a.metadata,
    linked_at: a.linkedAt,
  };
}
