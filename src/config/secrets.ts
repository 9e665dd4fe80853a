import { KeyRing } from '../crypto/keyring.ts';
import type { EnvReader } from './read.ts';

/** The secrets Latchkey keeps or checks: its key ring, the metrics token, client-secret rotation. */
export interface SecretsConfig {
  /** Raw `LATCHKEY_ENCRYPTION_KEYS` (`v2:BASE64,v1:BASE64`), undefined in development. */
  encryptionKeys: string | undefined;
  /**
   * `LATCHKEY_METRICS_TOKEN`: when set, `GET /metrics` requires `Authorization: Bearer TOKEN`.
   * Unset: /metrics answers anyone who reaches the port (restrict it at the proxy); the server
   * warns at start when that is so in production.
   */
  metricsToken: string | undefined;
  /** How long a rotated-out client secret keeps working, seconds (LATCHKEY_SECRET_ROTATION_GRACE_S, 1 day). */
  secretRotationGraceSeconds: number;
}

/**
 * `LATCHKEY_ENCRYPTION_KEYS` (required with `NODE_ENV=production`, parsed here so a bad ring
 * stops the start), `LATCHKEY_METRICS_TOKEN` (≥ 16 characters), `LATCHKEY_SECRET_ROTATION_GRACE_S`.
 */
export function readSecrets(read: EnvReader): SecretsConfig {
  const { problems } = read;
  const encryptionKeys = read.text('LATCHKEY_ENCRYPTION_KEYS');
  if (read.production && !encryptionKeys) {
    problems.push('LATCHKEY_ENCRYPTION_KEYS is required when NODE_ENV=production (e.g. v1:$(openssl rand -base64 32))');
  } else if (encryptionKeys) {
    try {
      KeyRing.parse(encryptionKeys);
    } catch (err) {
      problems.push(`LATCHKEY_ENCRYPTION_KEYS: ${(err as Error).message}`);
    }
  }
  const metricsToken = read.text('LATCHKEY_METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16)
    problems.push('LATCHKEY_METRICS_TOKEN: expected at least 16 characters (e.g. $(openssl rand -hex 24))');
  return {
    encryptionKeys,
    metricsToken,
    secretRotationGraceSeconds: read.int('LATCHKEY_SECRET_ROTATION_GRACE_S', 86_400, 0, 30 * 86_400),
  };
}
