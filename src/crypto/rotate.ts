import type { Store, StoredCredential } from '../store/store.ts';
import { KeyRing } from './keyring.ts';

/** Counts after a rotation run (or a slice of one). */
export interface RotationReport {
  /** The version every credential is being moved to: the first of the ring. */
  target: string;
  /** Re-encrypted in this run: credentials, webhook signing secrets and connector client secrets. */
  rotated: number;
  /** Of `rotated`, account credentials (passwords, refresh tokens). */
  rotatedCredentials: number;
  /** Of `rotated`, webhook signing secrets. */
  rotatedWebhookSecrets: number;
  /** Of `rotated`, Nylas v3 connector client secrets (the application's Google/Microsoft OAuth client). */
  rotatedConnectorSecrets: number;
  /** Changed by a re-authorize while this run held them (already fresh: under the target). */
  skipped: number;
  /** Could not be decrypted with the ring (unknown version or damaged): left as they are. */
  failed: Array<{ accountId: string; field: string; reason: string }>;
  /** Still not under the target after this run (includes the failed ones). */
  remaining: number;
}

/**
 * Re-encrypts every stored credential under the ring's newest key (issue 6 §3), `batchSize`
 * rows per transaction. Resumable: each batch commits on its own and only rows not yet under
 * the target are read, so an interrupted run (even SIGKILL) is finished by running it again.
 * Concurrent re-authorizes are safe: each row is replaced only if it still holds the envelope
 * that was decrypted (compare-and-swap). The AAD stays `account:<id>:<field>`.
 * @param opts.maxBatches — stop after this many batches (a slice for quiet hours); default all.
 * @param opts.onProgress — called after each batch with the counts so far.
 */
export async function rotateCredentials(
  store: Store,
  ring: KeyRing,
  opts: { batchSize: number; maxBatches?: number; nowSec: () => number; onProgress?: (done: number, total: number) => void },
): Promise<RotationReport> {
  const target = ring.current;
  const notUnder = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([v]) => v !== target)
      .reduce((n, [, c]) => n + c, 0);
  // Progress counts every kind of stored secret the run re-encrypts (issue 18: it counted only
  // credentials, then reported the webhook secrets among the re-encrypted).
  const total = notUnder(await storedSecretCounts(store));
  const report: RotationReport = {
    target,
    rotated: 0,
    rotatedCredentials: 0,
    rotatedWebhookSecrets: 0,
    rotatedConnectorSecrets: 0,
    skipped: 0,
    failed: [],
    remaining: 0,
  };
  let after: { accountId: string; field: string } | undefined;
  for (let batch = 0; opts.maxBatches === undefined || batch < opts.maxBatches; batch++) {
    const rows = await store.credentialsNotUnder(target, after, opts.batchSize);
    if (!rows.length) break;
    after = rows[rows.length - 1];
    await store.atomically(async (tx) => {
      for (const row of rows) await rotateOne(tx, ring, row, report, opts.nowSec());
    });
    opts.onProgress?.(report.rotated + report.skipped + report.failed.length, total);
  }
  // Webhook signing secrets and connector client secrets are few: one transaction each.
  const hooks = await store.webhooksNotUnder(target);
  await rotateFew(
    store,
    ring,
    report,
    'rotatedWebhookSecrets',
    hooks.map((h) => ({
      label: `webhook ${h.id}`,
      aad: `webhook:${h.id}:signing_secret`,
      envelope: h.secretEnvelope,
      swap: (tx: Store, fresh: string) => tx.reencryptWebhookSecret(h.id, fresh, target, h.secretEnvelope),
    })),
  );
  const connectors = await store.connectorsNotUnder(target);
  await rotateFew(
    store,
    ring,
    report,
    'rotatedConnectorSecrets',
    connectors.map((c) => ({
      label: `connector ${c.clientId}/${c.provider}`,
      aad: `connector:${c.clientId}:${c.provider}:client_secret`,
      envelope: c.secretEnvelope,
      swap: (tx: Store, fresh: string) => tx.reencryptConnectorSecret(c.clientId, c.provider, fresh, target, c.secretEnvelope),
    })),
  );
  if (hooks.length || connectors.length) opts.onProgress?.(report.rotated + report.skipped + report.failed.length, total);
  report.remaining = notUnder(await storedSecretCounts(store));
  return report;
}

async function rotateOne(tx: Store, ring: KeyRing, row: StoredCredential, report: RotationReport, now: number): Promise<void> {
  const aad = `account:${row.accountId}:${row.field}`;
  let plaintext: string;
  try {
    plaintext = ring.decrypt(row.envelope, aad);
  } catch (err) {
    report.failed.push({ accountId: row.accountId, field: row.field, reason: (err as Error).message });
    return;
  }
  const fresh = { ...row, envelope: ring.encrypt(plaintext, aad), keyVersion: ring.current };
  if (await tx.reencryptCredential(fresh, row.envelope, now)) {
    report.rotated++;
    report.rotatedCredentials++;
  } else report.skipped++;
}

/**
 * How many stored secrets each key version encrypts, over every kind Latchkey keeps reversibly:
 * account credentials, webhook signing secrets and connector client secrets. `keys retire` and
 * `keys rotate` count with it, so a kind added later cannot be forgotten in one of them.
 */
export async function storedSecretCounts(store: Store): Promise<Record<string, number>> {
  const total: Record<string, number> = {};
  for (const counts of [
    await store.credentialCountsByVersion(),
    await store.webhookCountsByVersion(),
    await store.connectorCountsByVersion(),
  ]) {
    for (const [version, n] of Object.entries(counts)) total[version] = (total[version] ?? 0) + n;
  }
  return total;
}

interface FewSecret {
  label: string;
  aad: string;
  envelope: string;
  /** Compare-and-swap of the envelope inside the transaction: false when it changed meanwhile. */
  swap: (tx: Store, fresh: string) => Promise<boolean>;
}

/** Re-encrypts a small set of secrets of one kind in one transaction, counting into `kind`. */
async function rotateFew(
  store: Store,
  ring: KeyRing,
  report: RotationReport,
  kind: 'rotatedWebhookSecrets' | 'rotatedConnectorSecrets',
  secrets: FewSecret[],
): Promise<void> {
  if (!secrets.length) return;
  await store.atomically(async (tx) => {
    for (const secret of secrets) {
      try {
        const fresh = ring.encrypt(ring.decrypt(secret.envelope, secret.aad), secret.aad);
        if (await secret.swap(tx, fresh)) {
          report.rotated++;
          report[kind]++;
        } else report.skipped++;
      } catch (err) {
        report.failed.push({ accountId: secret.label, field: secret.aad.split(':').pop() ?? '', reason: (err as Error).message });
      }
    }
  });
}
