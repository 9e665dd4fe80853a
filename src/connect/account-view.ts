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
