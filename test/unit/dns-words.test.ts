/** A DNS lookup that fails (not "no such record") is told in plain words, naming the name asked. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDnsLookups } from '../../src/net/dns.ts';

test('no DNS server listening (closed loopback port): "no DNS server answered for <name>", code kept', async () => {
  const dns = createDnsLookups(['127.0.0.1:1']);
  await assert.rejects(dns.mx('example.test'), (err: Error & { code?: string }) => {
    assert.match(err.message, /^no DNS server answered for example\.test \(connection refused; check LATCHKEY_DNS_SERVERS\)$/);
    assert.equal(err.code, 'ECONNREFUSED');
    return true;
  });
});
