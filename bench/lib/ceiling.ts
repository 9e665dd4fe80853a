/**
 * The storage ceiling of `/connect/token`: the same writes the token path makes (store/kysely/
 * via connect/token.ts) — consume the code, read the account's state, insert the account, its two
 * credentials, the token, record the code's account, the audit row — in one transaction, with
 * nothing else: no HTTP, no crypto, no Kysely. SQLite through raw better-sqlite3 (WAL,
 * synchronous = NORMAL, as Latchkey opens it); PostgreSQL through pgbench with the same statements.
 */
import Sqlite from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/** Transactions per second of the token path's writes in raw better-sqlite3 for `seconds`, on the migrated database at `file`. */
export function sqliteCeiling(file: string, clientId: string, seconds: number, tag: string): number {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  const now = Math.floor(Date.now() / 1000);
  const n = Math.ceil(seconds * 40_000);
  const mint = db.prepare('INSERT INTO auth_codes (code_hash, client_id, payload, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const payload = 'x'.repeat(600); // about an encrypted pending connection's size
  db.transaction(() => { for (let i = 0; i < n; i++) mint.run(`${tag}-${i}`, clientId, payload, now, now + 3600); })();
  const consume = db.prepare('UPDATE auth_codes SET used_at = ? WHERE code_hash = ? AND client_id = ? AND used_at IS NULL AND expires_at > ? AND redirect_uri IS NULL RETURNING payload');
  const state = db.prepare('SELECT id, sync_state FROM accounts WHERE client_id = ? AND email_key = ?');
  const upsert = db.prepare(`INSERT INTO accounts (id, client_id, email_key, email_address, name, provider, settings, scopes, sync_state, billing_state, linked_at, updated_at, metadata)
    VALUES (?, ?, ?, ?, ?, 'imap', ?, 'email', 'running', 'paid', ?, ?, '{}')
    ON CONFLICT (client_id, email_key) DO UPDATE SET email_address = excluded.email_address, name = excluded.name, settings = excluded.settings, sync_state = 'running', updated_at = excluded.updated_at RETURNING *`);
  const creds = db.prepare('INSERT INTO credentials (account_id, field, envelope, key_version, updated_at) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)');
  const token = db.prepare('INSERT INTO access_tokens (token_hash, account_id, client_id, scopes, code_hash, created_at, updated_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)');
  const mark = db.prepare('UPDATE auth_codes SET account_id = ?, payload = NULL WHERE code_hash = ?');
  const audit = db.prepare('INSERT INTO audit_events (id, at_ms, event, client_id, outcome, email_hash, account_id, source_ip, duration_ms, revoked_tokens) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL)');
  const settings = JSON.stringify({ imap_host: '127.0.0.1', imap_port: 993, imap_security: 'ssl', smtp_host: '127.0.0.1', smtp_port: 465, smtp_security: 'ssl' });
  const envelope = 'e'.repeat(120);
  const one = db.transaction((i: number) => {
    const code = `${tag}-${i}`;
    consume.get(now, code, clientId, now);
    const email = `${code}@bench.test`;
    state.get(clientId, email);
    const id = `acct-${code}`;
    upsert.get(id, clientId, email, email, 'User', settings, now, now);
    creds.run(id, 'imap_password', envelope, 'b1', now, id, 'smtp_password', envelope, 'b1', now);
    token.run(`tok-${code}`, id, clientId, 'email', code, now, now);
    mark.run(id, code);
    audit.run(`${Date.now()}-${code}`, Date.now(), 'connect.token', clientId, 'ok', id, '127.0.0.1', 1);
  });
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  let i = 0;
  while (performance.now() < end && i < n) one(i++);
  const rate = i / ((performance.now() - t0) / 1000);
  db.close();
  return rate;
}

/**
 * Transactions per second of the same statements run by pgbench (`clients` connections, 2
 * threads) for `seconds` against `url`; codes minted first with generate_series. Each pgbench
 * transaction takes a random code of 300,000 (a code drawn twice consumes nothing the second
 * time, and its account insert becomes an update: rare at these counts).
 */
export async function pgbenchCeiling(url: string, clientId: string, seconds: number, clients: number, dir: string, tag: string): Promise<number> {
  const n = 300_000;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const now = Math.floor(Date.now() / 1000);
    await pool.query(`INSERT INTO auth_codes (code_hash, client_id, payload, created_at, expires_at) SELECT '${tag}-' || g, $1, repeat('x', 600), $2::bigint, $2::bigint + 3600 FROM generate_series(1, ${n}) g`, [clientId, now]);
  } finally {
    await pool.end();
  }
  const script = join(dir, `pgbench-${tag}.sql`);
  writeFileSync(script, `\\set i random(1, ${n})
\\set now 1700000000
BEGIN;
UPDATE auth_codes SET used_at = :now WHERE code_hash = '${tag}-' || :i AND client_id = '${clientId}' AND used_at IS NULL AND expires_at > 0 AND redirect_uri IS NULL RETURNING payload;
SELECT id, sync_state FROM accounts WHERE client_id = '${clientId}' AND email_key = '${tag}-' || :i || '@bench.test';
INSERT INTO accounts (id, client_id, email_key, email_address, name, provider, settings, scopes, sync_state, billing_state, linked_at, updated_at, metadata) VALUES ('acct-${tag}-' || :i, '${clientId}', '${tag}-' || :i || '@bench.test', '${tag}-' || :i || '@bench.test', 'User', 'imap', '{"imap_host":"127.0.0.1","imap_port":993}', 'email', 'running', 'paid', :now, :now, '{}') ON CONFLICT (client_id, email_key) DO UPDATE SET name = excluded.name, sync_state = 'running', updated_at = excluded.updated_at RETURNING *;
INSERT INTO credentials (account_id, field, envelope, key_version, updated_at) VALUES ('acct-${tag}-' || :i, 'imap_password', repeat('e', 120), 'b1', :now), ('acct-${tag}-' || :i, 'smtp_password', repeat('e', 120), 'b1', :now) ON CONFLICT DO NOTHING;
INSERT INTO access_tokens (token_hash, account_id, client_id, scopes, code_hash, created_at, updated_at, revoked_at) VALUES (md5(random()::text || clock_timestamp()::text), 'acct-${tag}-' || :i, '${clientId}', 'email', '${tag}-' || :i, :now, :now, NULL);
UPDATE auth_codes SET account_id = 'acct-${tag}-' || :i, payload = NULL WHERE code_hash = '${tag}-' || :i;
INSERT INTO audit_events (id, at_ms, event, client_id, outcome, account_id, source_ip, duration_ms) VALUES (md5(random()::text || clock_timestamp()::text), 1700000000000, 'connect.token', '${clientId}', 'ok', 'acct-${tag}-' || :i, '127.0.0.1', 1);
COMMIT;
`);
  return new Promise((resolve, reject) => {
    execFile('pgbench', ['-n', '-f', script, '-c', String(clients), '-j', '2', '-T', String(seconds), url], { timeout: (seconds + 60) * 1000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`pgbench failed: ${err.message}\n${stderr}`));
      const m = /tps = ([\d.]+)/.exec(stdout);
      if (!m) return reject(new Error(`pgbench printed no tps:\n${stdout}`));
      resolve(Number(m[1]));
    });
  });
}
