/**
 * The README's SDK snippet runs as written (issue 19): the README shows examples/sdk/quickstart.ts
 * verbatim, and that file, run as a child process exactly as the README says, connects alice of a
 * real Dovecot set up as `npm run dev:mailserver` sets it up (provider `devmail` for example.test).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/sdk/quickstart.ts', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
let dovecot: DovecotPeer;
let lk: Latchkey;

before(async () => {
  dovecot = await startDovecot();
  const providers = join(dovecot.dir, 'dev-providers.json');
  // The shape scripts/dev-mailserver.ts writes to data/dev-providers.json.
  const server = (port: number, security: string) => ({ host: dovecot.host, port, security });
  writeFileSync(providers, JSON.stringify({ devmail: { label: 'Development mail server', auth: 'password', domains: ['example.test'], imap: server(dovecot.imapTlsPort, 'ssl'), smtp: server(dovecot.submissionStartTlsPort, 'starttls') } }));
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_PROVIDERS_FILE: providers, LATCHKEY_ISPDB_URL: 'https://127.0.0.1:1/v1.1' });
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

test('the README shows examples/sdk/quickstart.ts as it is', () => {
  assert.ok(readFileSync(README, 'utf8').includes(`\`\`\`ts\n${readFileSync(EXAMPLE, 'utf8')}\`\`\``), 'README "The SDK" holds the example verbatim');
});

test('CLIENT_ID=… CLIENT_SECRET=… npx tsx examples/sdk/quickstart.ts connects alice', async () => {
  const env = { ...process.env, LATCHKEY_URL: lk.url, CLIENT_ID: lk.app.client_id, CLIENT_SECRET: lk.app.client_secret };
  const run = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', EXAMPLE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out }));
  });
  assert.equal(run.code, 0, run.out);
  const m = /^connected alice@example\.test (\S+) running$/m.exec(run.out);
  assert.ok(m, run.out);
  const account = await lk.ctx.store.findAccount(lk.app.client_id, m[1]!);
  assert.deepEqual([account?.settings.imap_host, account?.settings.imap_port], [dovecot.host, dovecot.imapTlsPort], 'detection found the development server by its domain');
});
