import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer values (codes, access tokens, client secrets, v3 API keys): 256 bits from the CSPRNG, base64url,
 * behind a recognisable prefix so a leaked value can be found by secret scanners. Only
 * `hashSecret()` of a value is stored. SHA-256 without salt or stretching is right here: the
 * values are uniformly random 256-bit strings, so there is nothing to guess (unlike passwords).
 */
export const PREFIX = { code: 'lkc_', accessToken: 'lkat_', clientSecret: 'lkcs_', webhookSecret: 'lkws_', apiKey: 'lkak_' } as const;

export function newSecret(kind: keyof typeof PREFIX): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of the value: what the store keeps. */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented value against a stored hash. */
export function matchesHash(value: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(value), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Public ids (accounts, applications): 128 random bits as lowercase base-36, at most 25
 * characters, as the v2 ids were (DECISIONS "Accounts and tokens").
 */
export function newId(): string {
  return BigInt(`0x${randomBytes(16).toString('hex')}`).toString(36);
}
