/**
 * The SDK as a package: its types are generated from the server's OpenAPI document and must not
 * be stale; it builds on its own (ES2022 + DOM, no Node types) to ESM with declarations; the
 * built module runs in plain Node with no loader and imports nothing from node:.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderSdkTypes, SDK_TYPES_FILE } from '../../scripts/sdk-types.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

test('packages/sdk/src/openapi.ts matches the OpenAPI document (npm run sdk:types)', async () => {
  assert.equal(readFileSync(SDK_TYPES_FILE, 'utf8'), await renderSdkTypes(), 'stale: run npm run sdk:types and commit the result');
});

test('the SDK builds to ESM + .d.ts without Node types, and the build runs in plain Node', async () => {
  const out = mkdtempSync(join(tmpdir(), 'latchkey-sdk-build-'));
  try {
    await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'packages/sdk/tsconfig.json'), '--outDir', out]);
    const files = readdirSync(out).sort();
    for (const f of ['client.js', 'client.d.ts', 'errors.js', 'index.js', 'index.d.ts', 'openapi.d.ts', 'types.d.ts']) assert.ok(files.includes(f), `${f} built`);
    for (const f of files.filter((n) => n.endsWith('.js'))) {
      const js = readFileSync(join(out, f), 'utf8');
      assert.doesNotMatch(js, /from ["']node:|require\(|\bBuffer\b|\bprocess\./, `${f} uses nothing Node-only`);
      assert.doesNotMatch(js, /from ["']\.\/[^"']+\.ts["']/, `${f} imports .js files, not .ts`);
    }
    const probe = `import { Latchkey, LatchkeyError } from ${JSON.stringify(join(out, 'index.js'))};
      const lk = new Latchkey({ baseUrl: 'http://127.0.0.1:9', clientId: 'c', fetch: async () => new Response('{"message":"m","type":"api_error","reason":"rate_limited"}', { status: 429, headers: { 'retry-after': '7' } }) });
      try { await lk.account.get('t'); } catch (e) { console.log(JSON.stringify([e instanceof LatchkeyError, e.status, e.reason, e.retryAfter])); }`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe]);
    assert.equal(stdout.trim(), '[true,429,"rate_limited",7]');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the package declares ESM exports with types and no runtime dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'packages/sdk/package.json'), 'utf8'));
  assert.equal(pkg.name, '@latchkey/sdk');
  assert.equal(pkg.type, 'module');
  assert.deepEqual(pkg.exports['.'], { types: './dist/index.d.ts', import: './dist/index.js' });
  assert.equal(pkg.dependencies, undefined);
});
