/**
 * Issue 17: the layout stays as the README's "Development" section describes it. Reads src/ as
 * text: file sizes, line lengths, the relative-import graph (no cycles) and the directions the
 * layers may import in. A failure names the file and what to do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'));
const text = new Map(files.map((f) => [f, readFileSync(join(SRC, f), 'utf8')]));

/** The src/-relative files `file` imports (static `import … from './x.ts'`, `export … from`, `import('./x.ts')`). */
function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const m of text.get(file)!.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g)) {
    const target = relative(SRC, resolve(SRC, dirname(file), m[1]!))
      .split('\\')
      .join('/');
    if (text.has(target)) out.push(target);
  }
  return out;
}
const graph = new Map(files.map((f) => [f, importsOf(f)]));

test('no file under src/ is over 350 lines, no line over 140 columns', () => {
  assert.ok(files.length > 100, `read ${files.length} files`);
  for (const [f, t] of text) {
    const lines = t.split('\n');
    assert.ok(lines.length <= 351, `src/${f} has ${lines.length} lines: split it by what it holds`);
    lines.forEach((l, i) =>
      assert.ok(l.length <= 140, `src/${f}:${i + 1} is ${l.length} columns (npm run format; split long strings with +)`),
    );
  }
});

test('the import graph of src/ has no cycle', () => {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (f: string, path: string[]): void => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') assert.fail(`import cycle: ${[...path.slice(path.indexOf(f)), f].map((p) => `src/${p}`).join(' → ')}`);
    state.set(f, 'open');
    for (const t of graph.get(f)!) visit(t, [...path, f]);
    state.set(f, 'done');
  };
  for (const f of files) visit(f, []);
  assert.ok(state.size === files.length);
});

/** Folders (or files) that must not import from the listed folders. */
const RULES: Array<[string, string[], string]> = [
  [
    'net/',
    ['config/', 'mail/', 'providers/', 'app/', 'connect/', 'http/', 'v3/'],
    'net/ is sockets, policy, TLS and HTTP: it takes plain values',
  ],
  // config/ reads the environment (and checks the providers file with the provider table's own check).
  ['config/', ['net/', 'mail/', 'app/', 'connect/', 'http/', 'v3/'], 'config/ reads the environment only'],
  ['mail/', ['providers/', 'app/', 'connect/', 'http/', 'v3/', 'hosted/', 'manage/', 'cli/'], 'mail/ holds the conversations'],
  ['providers/', ['app/', 'connect/', 'http/', 'v3/', 'hosted/', 'manage/', 'cli/'], 'verification knows nothing above it'],
  ['store/', ['app/', 'connect/', 'http/', 'v3/', 'hosted/', 'manage/', 'mail/', 'providers/'], 'the store keeps to itself'],
  ['connect/account-view.ts', ['http/'], 'wire shapes the domain answers with live beside their views'],
  ['detect/', ['http/', 'connect/', 'app/'], 'detection is below the routes'],
  ['audit/', ['http/'], 'wire shapes the domain answers with live beside their views'],
];

test('layers import one way', () => {
  const broken: string[] = [];
  for (const [from, forbidden, why] of RULES) {
    for (const f of files.filter((f) => f.startsWith(from))) {
      for (const t of graph.get(f)!) if (forbidden.some((p) => t.startsWith(p))) broken.push(`src/${f} imports src/${t} (${why})`);
    }
  }
  assert.deepEqual(broken, []);
  // The check reads real imports: net/connect.ts is imported by mail/dial.ts.
  assert.ok(graph.get('mail/dial.ts')?.includes('net/connect.ts'), 'the import reader found no import it should have');
});
