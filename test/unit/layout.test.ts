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

/** An import of a src/ file by another: the target (src/-relative) and whether only types are imported. */
interface Edge {
  target: string;
  typeOnly: boolean;
}

/** The src/ files `file` imports (`import … from './x.ts'`, `export … from`, `import('./x.ts')`). */
function importsOf(file: string): Edge[] {
  const out: Edge[] = [];
  const pattern = /\b(import\s+type\b|import|export)\b[^;']*?\bfrom\s+'(\.{1,2}\/[^']+)'|\bimport\s*\(\s*'(\.{1,2}\/[^']+)'/g;
  for (const m of text.get(file)!.matchAll(pattern)) {
    const target = relative(SRC, resolve(SRC, dirname(file), m[2] ?? m[3]!))
      .split('\\')
      .join('/');
    if (text.has(target)) out.push({ target, typeOnly: /^import\s+type/.test(m[1] ?? '') });
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
    for (const { target } of graph.get(f)!) visit(target, [...path, f]);
    state.set(f, 'done');
  };
  for (const f of files) visit(f, []);
  assert.ok(state.size === files.length);
});

/** The domain steps: below the routes (http/, v3/) and the command line, above the providers and the store. */
const DOMAIN = ['connect/', 'detect/', 'manage/', 'credentials/', 'health/', 'webhooks/', 'audit/', 'connectors/', 'hosted/'];
const ROUTES = ['http/', 'v3/', 'cli/'];

/** Folders (or files) that must not import from the listed folders (`types` too: even type-only imports). */
const RULES: Array<{ from: string[]; not: string[]; why: string; types?: boolean }> = [
  { from: ['net/'], not: ['config/', 'mail/', 'providers/', 'app/', ...DOMAIN, ...ROUTES], types: true, why: 'net/ takes plain values' },
  // config/ reads the environment (and checks the providers file with the provider table's own check).
  { from: ['config/'], not: ['net/', 'mail/', 'app/', 'connect/', ...ROUTES], types: true, why: 'config/ reads the environment only' },
  { from: ['mail/'], not: ['providers/', 'app/', ...DOMAIN, ...ROUTES], types: true, why: 'mail/ holds the conversations' },
  { from: ['providers/'], not: ['app/', ...DOMAIN, ...ROUTES], types: true, why: 'verification knows nothing above it' },
  { from: ['store/'], not: ['app/', 'mail/', 'providers/', ...DOMAIN, ...ROUTES], types: true, why: 'the store keeps to itself' },
  {
    from: ['errors/', 'crypto/', 'log/', 'shared/', 'limits/'],
    not: ['app/', 'mail/', 'providers/', 'net/', 'config/', ...DOMAIN, ...ROUTES],
    types: true,
    why: 'the lowest layer',
  },
  // Domain steps receive the AppContext type (app/context.ts) but never call into the wiring or the routes.
  { from: DOMAIN, not: ROUTES, types: true, why: 'wire shapes the domain answers with live beside their views' },
  { from: DOMAIN, not: ['app/'], why: 'the domain takes the AppContext type only, not the wiring' },
];

test('layers import one way', () => {
  const broken: string[] = [];
  for (const rule of RULES) {
    for (const f of files.filter((f) => rule.from.some((p) => f.startsWith(p)))) {
      for (const { target, typeOnly } of graph.get(f)!) {
        if ((rule.types || !typeOnly) && rule.not.some((p) => target.startsWith(p)))
          broken.push(`src/${f} imports src/${target} (${rule.why})`);
      }
    }
  }
  assert.deepEqual(broken, []);
  // The reader finds real imports, and tells type-only ones apart.
  assert.ok(
    graph.get('mail/dial.ts')?.some((e) => e.target === 'net/connect.ts' && !e.typeOnly),
    'mail/dial.ts → net/connect.ts not found',
  );
  assert.ok(
    graph.get('connect/authorize.ts')?.some((e) => e.target === 'app/context.ts' && e.typeOnly),
    'a type-only import not found',
  );
});
