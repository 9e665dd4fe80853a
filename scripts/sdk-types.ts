/**
 * Generates the SDK's types from Latchkey's OpenAPI document (`npm run sdk:types`):
 * the routes' TypeBox schemas → Fastify's /openapi.json → openapi-typescript →
 * packages/sdk/src/openapi.ts. A test (test/sdk/types.test.ts) fails when the file is stale.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { loadConfig } from '../src/config/env.ts';
import { createLogger } from '../src/log/logger.ts';
import { buildContext } from '../src/app/build.ts';
import { buildServer } from '../src/http/server.ts';

export const SDK_TYPES_FILE = fileURLToPath(new URL('../packages/sdk/src/openapi.ts', import.meta.url));

const HEADER = `/**
 * Latchkey's HTTP API as TypeScript types, generated from its OpenAPI document
 * (src/http/routes.ts + src/http/schemas.ts) by \`npm run sdk:types\`. Do not edit by hand:
 * change the route declarations and regenerate; a test fails while this file is stale.
 */

`;

/** The OpenAPI document the server serves at /openapi.json, built in-process (in-memory store, throw-away key). */
export async function openApiDocument(): Promise<OpenAPI3> {
  const config = loadConfig({ LATCHKEY_DATABASE_URL: 'sqlite::memory:', LATCHKEY_ENCRYPTION_KEYS: `doc:${randomBytes(32).toString('base64')}`, LATCHKEY_EHLO_NAME: 'openapi.invalid', LATCHKEY_LOG_LEVEL: 'silent' });
  const ctx = await buildContext(config, createLogger('silent'));
  const app = await buildServer(ctx);
  try {
    await app.ready();
    return app.swagger() as unknown as OpenAPI3;
  } finally {
    await app.close();
    await ctx.store.close();
  }
}

/** The text of packages/sdk/src/openapi.ts for the current route declarations. */
export async function renderSdkTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), { silent: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SDK_TYPES_FILE, await renderSdkTypes());
  process.stdout.write('packages/sdk/src/openapi.ts written\n');
}
