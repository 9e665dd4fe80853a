/**
 * The official Nylas v3 SDK (`nylas` 8.x, a devDependency), used unchanged by the v3 tests.
 * Its runtime is ESM (the default import is the `Nylas` class) but its `.d.ts` files sit in a
 * folder without `"type": "module"`, so TypeScript's NodeNext reads them as CommonJS and types
 * the default import as the module; this gives the class its own type back.
 */
import NylasImport from 'nylas';

export const Nylas = NylasImport as unknown as typeof NylasImport.default;
export type NylasClient = InstanceType<typeof Nylas>;
export { NylasApiError, NylasOAuthError } from 'nylas';

/** A client of a Latchkey at `url` with this API key (10 s timeout: loopback answers in ms). */
export function nylasClient(url: string, apiKey: string): NylasClient {
  return new Nylas({ apiKey, apiUri: url, timeout: 10 });
}
