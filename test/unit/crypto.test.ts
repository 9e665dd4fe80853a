import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyRing } from '../../src/crypto/keyring.ts';
import { hashSecret, matchesHash, newId, newSecret } from '../../src/crypto/tokens.ts';

const key = () => randomBytes(32).toString('base64');

test('key ring: round trip, bound to its associated data, tamper-evident', () => {
  const ring = KeyRing.parse(`v1:${key()}`);
  const env = ring.encrypt('Pässwörd€1', 'account:abc:imap_password');
  assert.match(env, /^lk1:v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
  assert.ok(!env.includes('Pässwörd'));
  assert.equal(ring.decrypt(env, 'account:abc:imap_password'), 'Pässwörd€1');
  assert.throws(() => ring.decrypt(env, 'account:xyz:imap_password'), 'moved to another account');
  assert.throws(() => ring.decrypt(env, 'account:abc:smtp_password'), 'moved to another field');
  const parts = env.split(':');
  const body = Buffer.from(parts[3]!, 'base64url');
  body[0] = body[0]! ^ 1;
  assert.throws(() => ring.decrypt([...parts.slice(0, 3), body.toString('base64url')].join(':'), 'account:abc:imap_password'));
  assert.notEqual(ring.encrypt('x', 'a'), ring.encrypt('x', 'a'), 'a fresh nonce each time');
});

test('key ring: the newest key encrypts, older versions still decrypt, unknown versions fail', () => {
  const k1 = key();
  const old = KeyRing.parse(`v1:${k1}`);
  const env1 = old.encrypt('secret', 'aad');
  const rotated = KeyRing.parse(`v2:${key()},v1:${k1}`);
  assert.equal(rotated.current, 'v2');
  assert.equal(rotated.decrypt(env1, 'aad'), 'secret');
  assert.equal(KeyRing.versionOf(rotated.encrypt('s', 'aad')), 'v2');
  assert.throws(() => KeyRing.parse(`v2:${key()}`).decrypt(env1, 'aad'), /no key for version v1/);
});

test('key ring: bad LATCHKEY_ENCRYPTION_KEYS entries are refused with a clear message and no key material', () => {
  assert.throws(() => KeyRing.parse('nonsense'), /entry 1 is not VERSION:BASE64/);
  assert.throws(() => KeyRing.parse(`v1:${randomBytes(16).toString('base64')}`), /key v1 is 16 bytes; it must be 32/);
  assert.throws(() => KeyRing.parse(`v1:${key()},v1:${key()}`), /appears twice/);
});

test('development key: created once under the data dir with mode 0600, then reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lk-key-'));
  const a = KeyRing.development(dir);
  assert.equal(a.created, true);
  assert.equal(statSync(join(dir, 'dev-encryption-key')).mode & 0o777, 0o600);
  const b = KeyRing.development(dir);
  assert.equal(b.created, false);
  assert.equal(b.ring.decrypt(a.ring.encrypt('x', 'y'), 'y'), 'x');
});

test('bearer values: prefixed, 256 bits, only a hash compared in constant time', () => {
  const s = newSecret('accessToken');
  assert.match(s, /^lkat_[A-Za-z0-9_-]{43}$/);
  assert.notEqual(newSecret('accessToken'), s);
  assert.equal(hashSecret(s).length, 64);
  assert.equal(matchesHash(s, hashSecret(s)), true);
  assert.equal(matchesHash(`${s}x`, hashSecret(s)), false);
  assert.equal(matchesHash(s, 'not-hex'), false);
});

test('ids: lowercase base-36 of 128 random bits, at most 25 characters', () => {
  const ids = new Set(Array.from({ length: 2000 }, newId));
  assert.equal(ids.size, 2000);
  for (const id of ids) assert.match(id, /^[0-9a-z]{1,25}$/);
  assert.ok([...ids].some((id) => id.length >= 24), 'full-width ids occur');
});
