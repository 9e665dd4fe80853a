import type { Db } from '../schema.ts';
import type { CodeBinding, ConsumeResult, NewCode } from '../store.ts';
import { hot, hotRow, type Handle } from './hot.ts';

/** The authorization codes of KyselyStore (store/contract/ documents each operation). Times are Unix seconds. */
export const codeQueries = {
  async save(db: Db, code: NewCode): Promise<void> {
    await db
      .insertInto('auth_codes')
      .values({
        code_hash: code.codeHash,
        client_id: code.clientId,
        payload: code.payload,
        created_at: code.createdAt,
        expires_at: code.expiresAt,
        used_at: null,
        account_id: null,
        redirect_uri: code.redirectUri ?? null,
        code_challenge: code.codeChallenge ?? null,
      })
      .execute();
  },

  async consume(h: Handle, codeHash: string, clientId: string, now: number, binding: CodeBinding): Promise<ConsumeResult> {
    // One statement decides the winner: the row is marked used only if it is still unused,
    // unexpired and its binding matches, so of concurrent callers exactly one gets it back, and
    // a wrong redirect_uri or code_verifier does not burn the code. The binding changes the
    // statement's shape, so the shape is part of the compiled query's key.
    const args = {
      now,
      codeHash,
      clientId,
      redirectUri: binding.hosted ? binding.redirectUri : undefined,
      codeChallenge: binding.hosted ? binding.codeChallenge : null,
    };
    const shape = !binding.hosted
      ? 'connect'
      : `hosted:${binding.redirectUri === undefined ? 'any-uri' : 'uri'}:${binding.codeChallenge === null ? 'no-challenge' : 'challenge'}`;
    const won = await hotRow(
      h,
      `consumeCode:${shape}`,
      (p) => {
        let q = h.db
          .updateTable('auth_codes')
          .set({ used_at: p.now })
          .where('code_hash', '=', p.codeHash)
          .where('client_id', '=', p.clientId)
          .where('used_at', 'is', null)
          .where('expires_at', '>', p.now);
        if (!binding.hosted) q = q.where('redirect_uri', 'is', null);
        else {
          q = q.where('redirect_uri', 'is not', null);
          if (binding.redirectUri !== undefined) q = q.where('redirect_uri', '=', p.redirectUri);
          q = binding.codeChallenge === null ? q.where('code_challenge', 'is', null) : q.where('code_challenge', '=', p.codeChallenge);
        }
        return q.returning(['payload']);
      },
      args,
    );
    // The payload is wiped by markCodeAccount, in the same transaction (one statement fewer).
    if (won) return { status: 'consumed', payload: won.payload ?? '' };
    const row = await hotRow(
      h,
      'codeState',
      (p) => h.db.selectFrom('auth_codes').select(['used_at', 'client_id']).where('code_hash', '=', p.codeHash),
      args,
    );
    if (row && row.client_id === clientId && row.used_at !== null) return { status: 'replayed' };
    return { status: 'invalid' };
  },

  async markAccount(h: Handle, codeHash: string, accountId: string): Promise<void> {
    await hot(
      h,
      'markCodeAccount',
      (p) => h.db.updateTable('auth_codes').set({ account_id: p.accountId, payload: p.none }).where('code_hash', '=', p.codeHash),
      { accountId, codeHash, none: null },
    );
  },

  async purge(db: Db, before: number): Promise<number> {
    const r = await db.deleteFrom('auth_codes').where('expires_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async liveUnder(db: Db, version: string, now: number): Promise<number> {
    // '_' in a version is a LIKE wildcard: at worst this over-counts, which only delays a retire.
    const r = await db
      .selectFrom('auth_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('payload', 'like', `lk1:${version}:%`)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
