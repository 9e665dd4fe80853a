/**
 * v3 provider names ↔ Latchkey's (v2) provider names. v3 calls Google `google`, Microsoft
 * `microsoft` and Exchange Web Services `ews`; `imap` and the known password providers (`icloud`,
 * `yahoo`, `aol`, …: src/providers/table.ts) are named alike on both surfaces.
 * Source: the `Provider` type of the official `nylas` SDK 8.x (models/auth.d.ts).
 */
const V2_BY_V3: Readonly<Record<string, readonly string[]>> = {
  google: ['gmail'],
  microsoft: ['office365', 'graph'],
  ews: ['exchange'],
};

/** The v3 name of an account's provider: `gmail` → `google`, `office365`/`graph` → `microsoft`, `exchange` → `ews`. */
export function v3ProviderName(v2: string): string {
  for (const [v3, names] of Object.entries(V2_BY_V3)) if (names.includes(v2)) return v3;
  return v2;
}

/** Every v2 name a v3 provider name stands for (`microsoft` → office365 and graph). */
export function v2ProviderNames(v3: string): string[] {
  const name = v3.trim().toLowerCase();
  // Own keys only: `constructor`, `__proto__`, `toString` are unknown providers, not Object.prototype's.
  return Object.hasOwn(V2_BY_V3, name) ? [...V2_BY_V3[name]!] : [name];
}

/** The v2 provider a v3 connect request means (`microsoft` → `office365`). */
export function v2ProviderName(v3: string): string {
  return v2ProviderNames(v3)[0]!;
}
