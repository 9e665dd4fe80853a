/**
 * A guessed STARTTLS server is probed through net/tls.ts (issue 18 follow-up: guess.ts opened
 * its TLS socket itself, outside src/net): a server whose STARTTLS completes with a valid
 * certificate for the name is accepted; a self-signed one, a name mismatch, a STARTTLS that
 * answers plaintext junk and a refused STARTTLS are not. Fake IMAP on loopback, a test CA.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCA, issueCert, selfSigned } from '../peers/pki.ts';
import { startFakeImap, type FakeImapScript } from '../peers/fake-imap.ts';
import { outboundTlsContext } from '../../src/net/tls.ts';
import { DestinationPolicy } from '../../src/net/policy.ts';
import { parseCidrList } from '../../src/shared/cidr.ts';
import type { DialContext } from '../../src/mail/dial.ts';
import { ApiError } from '../../src/errors/api-error.ts';
import { probe } from '../../src/detect/guess.ts';

let dir: string;
let ctx: DialContext;
let good: { key: string; cert: string };
let other: { key: string; cert: string };
let self: { key: string; cert: string };
const closers: Array<() => Promise<void>> = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-guess-probe-'));
  const ca = await makeCA(dir, 'probe-ca');
  const leaf = await issueCert(dir, ca, { name: 'imap', dnsNames: ['imap.probe.test'], ipAddresses: [] });
  const wrong = await issueCert(dir, ca, { name: 'other', dnsNames: ['mail.elsewhere.test'], ipAddresses: [] });
  const ss = await selfSigned(dir, { dnsNames: ['imap.probe.test'], ipAddresses: [] });
  good = { key: leaf.keyPem, cert: leaf.certPem };
  other = { key: wrong.keyPem, cert: wrong.certPem };
  self = { key: ss.keyPem, cert: ss.certPem };
  ctx = {
    resolve: async () => ['127.0.0.1'],
    policy: new DestinationPolicy(parseCidrList('127.0.0.0/8'), new Set([143, 993])),
    secureContext: outboundTlsContext(ca.certPem),
    connectTimeoutMs: 2000,
    greetingTimeoutMs: 2000,
  };
});
after(async () => {
  for (const close of closers) await close();
  rmSync(dir, { recursive: true, force: true });
});

async function probeStartTls(script: FakeImapScript): Promise<unknown> {
  const server = await startFakeImap({ capabilities: ['IMAP4rev1', 'STARTTLS'], ...script });
  closers.push(server.close);
  try {
    await probe({ host: 'imap.probe.test', port: server.port, security: 'starttls', username: '%EMAILADDRESS%' }, 'imap', ctx);
    return undefined;
  } catch (err) {
    return err;
  }
}

test('STARTTLS with a valid certificate for the name: the guess is accepted', async () => {
  assert.equal(await probeStartTls({ starttlsCert: good }), undefined);
});

test('STARTTLS with a self-signed certificate, or one for another name: certificate_invalid', async () => {
  const selfSignedErr = await probeStartTls({ starttlsCert: self });
  assert.ok(selfSignedErr instanceof ApiError && selfSignedErr.reason === 'certificate_invalid', String(selfSignedErr));
  assert.match(selfSignedErr.message, /self-signed/);
  const mismatch = await probeStartTls({ starttlsCert: other });
  assert.ok(mismatch instanceof ApiError && mismatch.reason === 'certificate_invalid', String(mismatch));
  assert.match(mismatch.message, /mail\.elsewhere\.test/);
});

test('STARTTLS accepted then plaintext junk: tls_mismatch; STARTTLS refused: the probe fails', async () => {
  const junk = await probeStartTls({ starttls: 'ok-then-fail', starttlsFailMode: 'garbage', starttlsCert: good });
  assert.ok(junk instanceof ApiError && junk.reason === 'tls_mismatch', String(junk));
  const refused = await probeStartTls({ capabilities: ['IMAP4rev1'], starttls: 'absent' });
  assert.ok(refused instanceof Error && /refused/.test(refused.message), String(refused));
});
