import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DestinationPolicy } from '../../src/net/policy.ts';
import { parseCidrList } from '../../src/shared/cidr.ts';
import { createResolver, ipLiteral } from '../../src/net/resolve.ts';
import { ApiError } from '../../src/errors/api-error.ts';

const MAIL = new Set([25, 143, 465, 587, 993, 2525]);

test('refused ranges: loopback, RFC 1918, CGNAT, link-local and metadata, ULA, multicast, unspecified, mapped IPv6', () => {
  const policy = new DestinationPolicy([], MAIL);
  for (const a of ['127.0.0.1', '127.9.9.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '169.254.169.254', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:169.254.169.254']) {
    assert.equal(policy.permits(a, 993), false, a);
  }
  for (const a of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '172.32.0.1', '100.128.0.1']) {
    assert.equal(policy.permits(a, 993), true, a);
  }
});

test('ports: only the mail ports, unless the address is an operator exception', () => {
  const policy = new DestinationPolicy(parseCidrList('10.0.0.0/8, 127.0.0.1'), MAIL);
  assert.equal(policy.permits('93.184.216.34', 993), true);
  assert.equal(policy.permits('93.184.216.34', 22), false);
  assert.equal(policy.permits('10.2.3.4', 10993), true, 'operator exceptions open every port');
  assert.equal(policy.permits('127.0.0.1', 143), true);
  assert.equal(policy.permits('127.0.0.2', 143), false, '/32 when no prefix is given');
});

test('a name with several addresses is refused if any of them is refused', () => {
  const policy = new DestinationPolicy([], MAIL);
  assert.throws(() => policy.assertAll(['93.184.216.34', '10.0.0.1'], 993, 'imap.connect'), (e: unknown) => e instanceof ApiError && e.reason === 'destination_not_allowed' && e.status === 422);
  assert.doesNotThrow(() => policy.assertAll(['93.184.216.34'], 993, 'imap.connect'));
});

test('IPv4 literals in every inet_aton form denote the address they name', () => {
  assert.equal(ipLiteral('2130706433'), '127.0.0.1');
  assert.equal(ipLiteral('0x7f.1'), '127.0.0.1');
  assert.equal(ipLiteral('0177.0.0.1'), '127.0.0.1');
  assert.equal(ipLiteral('0x7f000002'), '127.0.0.2');
  assert.equal(ipLiteral('10.1'), '10.0.0.1');
  assert.equal(ipLiteral('[::1]'), '::1');
  assert.equal(ipLiteral('mail.example.org'), undefined);
  assert.equal(ipLiteral('256.1.1.1'), undefined);
  assert.equal(ipLiteral('1.2.3.4.5'), undefined);
});

test('localhost and *.localhost are refused without a lookup; literals need no lookup', async () => {
  const resolve = createResolver([]);
  for (const name of ['localhost', 'LOCALHOST', 'mail.localhost', 'localhost.']) {
    await assert.rejects(resolve(name), (e: unknown) => e instanceof ApiError && e.reason === 'destination_not_allowed', name);
  }
  assert.deepEqual(await resolve('2130706433'), ['127.0.0.1']);
});

test('CIDR lists: bad entries are named', () => {
  assert.throws(() => parseCidrList('10.0.0.0/8,banana'), /"banana" is not a CIDR block/);
  assert.throws(() => parseCidrList('10.0.0.0/33'), /bad prefix length/);
  // An empty or non-decimal prefix is a typo, not /0 (Number('') is 0: "10.0.0.0/" allowed every IPv4 destination).
  for (const entry of ['10.0.0.0/', '10.0.0.0/ ', '10.0.0.0/0x8', '10.0.0.0/8.0', '10.0.0.0/+8', 'fd00::/', '10.0.0.0/8/8']) {
    assert.throws(() => parseCidrList(entry), /bad prefix length|is not a CIDR block/, entry);
  }
  assert.deepEqual(parseCidrList('0.0.0.0/0'), [{ address: '0.0.0.0', prefix: 0, family: 'ipv4' }]);
  assert.deepEqual(parseCidrList(' fd00::/8 '), [{ address: 'fd00::', prefix: 8, family: 'ipv6' }]);
});
