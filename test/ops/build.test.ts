import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distState, sourceFingerprint } from '../../bin/dist.js';
import { childEnv, stopChild } from '../support/server-process.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('dist/ counts as current only when built from the sources exactly as they are', () => {
  const root = mkdtempSync(join(tmpdir(), 'latchkey-dist-'));
  try {
    mkdirSync(join(root, 'src/app'), { recursive: true });
    writeFileSync(join(root, 'src/app/a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    writeFileSync(join(root, 'tsconfig.build.json'), '{}');
    assert.equal(distState(root), 'missing');
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/.source-sha256'), `${sourceFingerprint(root)}\n`);
    assert.equal(distState(root), 'current');
    writeFileSync(join(root, 'src/app/a.ts'), 'export const a = 2;\n');
    assert.equal(distState(root), 'stale', 'an edited source');
    writeFileSync(join(root, 'src/app/a.ts'), 'export const a = 1;\n');
    assert.equal(distState(root), 'current', 'content, not timestamps');
    writeFileSync(join(root, 'src/app/b.ts'), '');
    assert.equal(distState(root), 'stale', 'a new source file');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the compiled build serves without tsx (npm run build, then plain node)', { timeout: 120_000 }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'latchkey-build-'));
  try {
    // Inside the repository (.tmp/ is ignored by git), so the build finds node_modules.
    const out = join(ROOT, '.tmp', `dist-test-${process.pid}`);
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    const b = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--out', out], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr + b.stdout);
    // No tsx loader in this process: only compiled JavaScript can run.
    const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(out, 'cli/main.js')).href)}); process.exitCode = await main(['serve']);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: childEnv({ LATCHKEY_DATA_DIR: join(tmp, 'data'), LATCHKEY_PORT: '0', LATCHKEY_EHLO_NAME: 'latchkey.test', LATCHKEY_LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    const url = await new Promise<string>((resolve, reject) => {
      const on = (d: Buffer) => {
        text += d.toString();
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
        if (m && /client_secret:\s+\S+/.test(text)) resolve(m[1]!);
      };
      child.stdout.on('data', on);
      child.stderr.on('data', on);
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${text}`)));
    });
    try {
      const r = await fetch(`${url}/healthz`);
      assert.equal(r.status, 200);
      const token = await fetch(`${url}/connect/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(token.status, 400);
      assert.match(JSON.stringify(await token.json()), /missing_fields|invalid/);
    } finally {
      await stopChild(child, 5000);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(join(ROOT, '.tmp', `dist-test-${process.pid}`), { recursive: true, force: true });
  }
});

test('src/ reads its JSON data through require, not as JSON modules (Node 20.11–20.18 print a warning on each start)', () => {
  // package.json accepts Node ≥ 20.11; before 20.19, every `import … with { type: 'json' }` makes Node print
  // "ExperimentalWarning: Importing JSON modules is an experimental feature" on stderr, for the server and
  // every CLI command run from dist/ (tsx, for the sources, loads JSON itself and says nothing).
  const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  assert.match(engines, /^>=20\.1[0-8]\b/, `engines.node is ${engines}: if Node ≥ 20.19 is required, JSON modules no longer warn`);
  const src = join(ROOT, 'src');
  const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 100, `read ${files.length} files`);
  const jsonModules = files.filter((f) => /^\s*(import|export)\b[^;]*\bwith\s*\{\s*type:\s*['"]json['"]\s*\}/m.test(readFileSync(join(src, f), 'utf8')));
  assert.deepEqual(jsonModules, [], "load JSON data with createRequire(import.meta.url)('./x.json') (an `import type` of it keeps it in dist/)");
});
