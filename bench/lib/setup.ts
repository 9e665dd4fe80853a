import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../src/store/open.ts';
import { KeyRing } from '../../src/crypto/keyring.ts';
import { hashSecret, newSecret } from '../../src/crypto/tokens.ts';
import { createApplication, type CreatedApplication } from '../../src/app/applications.ts';
import type { Database } from '../../src/store/schema.ts';

/** A fresh key ring in the LATCHKEY_ENCRYPTION_KEYS format. */
export const newKeys = () => `b1:${randomBytes(32).toString('base64')}`;

/** Migrates the database and creates the bench application (its secret returned once, as to an operator). */
export async function prepareDatabase(url: string): Promise<CreatedApplication> {
  const store = openStore(url);
  try {
    await store.migrate();
    return await createApplication(store, 'Bench app', [], Date.now());
  } finally {
    await store.close();
  }
}

/**
 * Issues `n` one-time codes exactly as a successful authorize stores them (encrypted pending
 * connection, AAD `code:<hash>`), each for a different address (so each redemption connects a
 * new account, as in real use, and no two redemptions contend for one row), written in bulk; and
 * writes one `/connect/token` JSON body per line to `file`.
 */
export async function mintCodes(url: string, keysEnv: string, app: CreatedApplication, n: number, file: string, tag: string): Promise<void> {
  const keys = KeyRing.parse(keysEnv);
  const now = Math.floor(Date.now() / 1000);
  const rows: Database['auth_codes'][] = [];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const code = newSecret('code');
    const codeHash = hashSecret(code);
    const email = `u${tag}${i}@bench.test`;
    const pending = {
      name: `User ${i}`, email_address: email, email_key: email, provider: 'imap', scopes: 'email',
      settings: { imap_host: '127.0.0.1', imap_port: 993, imap_username: email, imap_security: 'ssl', smtp_host: '127.0.0.1', smtp_port: 465, smtp_username: email, smtp_security: 'ssl', ssl_required: true },
      secrets: { imap_password: 'bench-password', smtp_password: 'bench-password' },
    };
    rows.push({ code_hash: codeHash, client_id: app.client_id, payload: keys.encrypt(JSON.stringify(pending), `code:${codeHash}`), created_at: now, expires_at: now + 3600, used_at: null, account_id: null });
    lines.push(JSON.stringify({ client_id: app.client_id, client_secret: app.client_secret, code }));
  }
  const db = url.startsWith('postgres')
    ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) })
    : new Kysely<Database>({ dialect: new SqliteDialect({ database: new Sqlite(url.slice('sqlite:'.length)) }) });
  try {
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < rows.length; i += 500) await tx.insertInto('auth_codes').values(rows.slice(i, i + 500)).execute();
    });
  } finally {
    await db.destroy();
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
