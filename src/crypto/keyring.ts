import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A versioned AES-256-GCM key ring for reversible secrets (mail passwords, refresh tokens).
 * Envelope: `lk1:<version>:<base64url nonce(12)>:<base64url ciphertext||tag(16)>`. The caller's
 * associated data (account id + field name) binds a ciphertext to its row, so it cannot be
 * moved to another account or field. Source: NIST SP 800-38D (GCM, 96-bit random nonces).
 */
export class KeyRing {
  private readonly keys: Map<string, Buffer>;
  /** The version new envelopes are written with: the first of `LATCHKEY_ENCRYPTION_KEYS`. */
  readonly current: string;

  constructor(entries: Array<{ version: string; key: Buffer }>) {
    if (!entries.length) throw new Error('the key ring is empty');
    this.keys = new Map(entries.map((e) => [e.version, e.key]));
    this.current = entries[0]!.version;
  }

  /**
   * Parses `v2:BASE64,v1:BASE64` (newest first). Each key must be 32 bytes.
   * @throws Error naming the bad entry (never printing key material).
   */
  static parse(text: string): KeyRing {
    const entries = text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((entry, i) => {
        const m = /^([A-Za-z0-9_-]{1,16}):(.+)$/.exec(entry);
        if (!m) throw new Error(`entry ${i + 1} is not VERSION:BASE64 (e.g. v1:$(openssl rand -base64 32))`);
        const key = Buffer.from(m[2]!, 'base64');
        if (key.length !== 32) throw new Error(`key ${m[1]} is ${key.length} bytes; it must be 32 random bytes in base64`);
        return { version: m[1]!, key };
      });
    const versions = entries.map((e) => e.version);
    if (new Set(versions).size !== versions.length) throw new Error('a key version appears twice');
    return new KeyRing(entries);
  }

  /**
   * Development only: loads or creates `DIR/dev-encryption-key` (mode 0600).
   * @returns the ring and whether the key was created now.
   */
  static development(dir: string): { ring: KeyRing; created: boolean } {
    const file = join(dir, 'dev-encryption-key');
    if (existsSync(file)) return { ring: KeyRing.parse(readFileSync(file, 'utf8').trim()), created: false };
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `dev1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    return { ring: KeyRing.parse(readFileSync(file, 'utf8').trim()), created: true };
  }

  /** Every version of the ring, newest first (as in `LATCHKEY_ENCRYPTION_KEYS`). */
  get versions(): string[] {
    return [...this.keys.keys()];
  }

  encrypt(plaintext: string, associatedData: string): string {
    const key = this.keys.get(this.current)!;
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `lk1:${this.current}:${nonce.toString('base64url')}:${body.toString('base64url')}`;
  }

  /** @throws Error when the envelope is malformed, its key version unknown, or the data/AAD was altered. */
  decrypt(envelope: string, associatedData: string): string {
    const [tag, version, nonceText, bodyText] = envelope.split(':');
    if (tag !== 'lk1' || !version || !nonceText || !bodyText) throw new Error('not a Latchkey envelope');
    const key = this.keys.get(version);
    if (!key) throw new Error(`no key for version ${version}`);
    const body = Buffer.from(bodyText, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceText, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  }

  /** The key version an envelope was written with. */
  static versionOf(envelope: string): string | undefined {
    return envelope.split(':')[1];
  }
}
