/**
 * `latchkey detect` as a child process: names resolve only through a loopback DNS server (or a
 * closed loopback port), so nothing leaves the machine.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDnsServer, type DnsServer } from '../peers/dns-server.ts';
import { runCli } from '../support/cli.ts';

let dns: DnsServer;
before(async () => {
  dns = await startDnsServer({
    'example.org': {},
    '_imaps._tcp.example.org': { SRV: [{ target: 'imap.mailhost.example.net', port: 993 }] },
    '_submission._tcp.example.org': { SRV: [{ target: 'smtp.mailhost.example.net', port: 587 }] },
  });
});
after(() => dns.close());

const env = () => ({ LATCHKEY_DNS_SERVERS: dns.address, LATCHKEY_ISPDB_URL: 'https://127.0.0.1:1/v1.1', LATCHKEY_DETECT_TIMEOUT_MS: '3000' });

test('a built-in provider: found, with the settings resolved for the address', async () => {
  const r = await runCli(['detect', 'ada@yahoo.com'], env());
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /✓ builtin/);
  assert.match(r.stdout, /IMAP {2}imap\.mail\.yahoo\.com:993 ssl {2}user ada@yahoo\.com/);
});

test('SRV records: every source tried is listed with its time; --json carries the trace and the answer', async () => {
  const human = await runCli(['detect', 'ada@example.org'], env());
  assert.equal(human.code, 0, human.stderr);
  for (const source of ['builtin', 'autoconfig', 'ispdb', 'srv']) assert.match(human.stdout, new RegExp(`${source}\\s+\\d+ ms`), source);
  assert.match(human.stdout, /Found by srv/);
  const json = await runCli(['detect', 'ada@example.org', '--json'], env());
  const doc = JSON.parse(json.stdout);
  assert.equal(doc.result.source, 'srv');
  assert.deepEqual([doc.result.settings.smtp_host, doc.result.settings.smtp_port, doc.result.settings.smtp_security], ['smtp.mailhost.example.net', 587, 'starttls']);
  assert.ok(doc.trace.some((s: { source: string }) => s.source === 'srv'));
});

test('nothing found → exit 1; not an address → exit 2', async () => {
  const none = await runCli(['detect', 'ada@nowhere.test'], env());
  assert.equal(none.code, 1);
  assert.match(none.stdout, /Nothing found/);
  const bad = await runCli(['detect', 'not-an-address'], env());
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /is not an email address/);
});
