import type { Account } from '../store/store.ts';

/** The v2 account object (reference §3, DECISIONS "Accounts and tokens"). */
export interface AccountView {
  id: string;
  object: 'account';
  account_id: string;
  name: string;
  email_address: string;
  provider: string;
  organization_unit: 'label' | 'folder';
  sync_state: string;
  linked_at: number;
  billing_state: string;
}

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
 * `email_address`. The fields Latchkey has today; `linked_at` in Unix seconds. The CLI prints
 * it now; the management API will answer with it.
 */
export interface ManagementAccountView {
  id: string;
  account_id: string;
  email: string;
  provider: string;
  sync_state: string;
  billing_state: string;
  linked_at: number;
}

export function managementAccountView(a: Account): ManagementAccountView {
  return {
    id: a.id,
    account_id: a.id,
    email: a.emailAddress,
    provider: a.provider,
    sync_state: a.syncState,
    billing_state: a.billingState,
    linked_at: a.linkedAt,
  };
}
