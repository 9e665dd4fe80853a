/**
 * The suite's reporter (scripts/test-reporter.mjs, issue 19), run by Node's test runner on three
 * small files, two at once, as scripts/test.sh runs it: one line per file with a counter, the failures gathered
 * at the end with their test path, message and place, a file that crashes reported as such, and
 * Node's summary lines (`# pass N`, `# fail N`) kept for CI; the complete TAP beside it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPORTER = fileURLToPath(new URL('../../scripts/test-reporter.mjs', import.meta.url));

test('progress lines, a failure summary at the end, and the summary lines CI reads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lk-reporter-'));
  try {
    writeFileSync(join(dir, 'a.test.mjs'), `import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
describe('suite A', () => { test('adds', () => assert.equal(1 + 1, 2)); test('compares', () => assert.equal('left', 'right')); });
test('logs, slowly', async () => { console.log('some output'); await new Promise((r) => setTimeout(r, 1500)); });\n`);
    writeFileSync(join(dir, 'b.test.mjs'), `import { test } from 'node:test';\ntest('b', () => {});\n`);
    writeFileSync(join(dir, 'c.test.mjs'), `throw new Error('the file itself broke');\n`);
    const tap = join(dir, 'all.tap');
    const files = ['a', 'b', 'c'].map((n) => join(dir, `${n}.test.mjs`));
    // Without NODE_TEST_CONTEXT, which would make the child report to this runner instead.
    const { NODE_TEST_CONTEXT: _ctx, ...childEnv } = process.env;
    const run = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      // Two at once: b and c end while a still runs, before a's results are reported.
      const child = spawn(process.execPath, ['--test', '--test-concurrency=2', `--test-reporter=${REPORTER}`, '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
        { cwd: dir, env: { ...childEnv, LATCHKEY_TEST_FILE_COUNT: '3', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
      child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, out }));
    });
    assert.equal(run.code, 1, 'failures still fail the run');
    const lines = run.out.split('\n');
    assert.match(lines[0]!, /^\[1\/3\] ✗ a\.test\.mjs {2}\(3 tests, 1 failed, [\d.]+ s\)$/);
    assert.match(lines[1]!, /^\[2\/3\] ✓ b\.test\.mjs {2}\(1 test, [\d.]+ s\)$/);
    assert.match(lines[2]!, /^\[3\/3\] ✗ c\.test\.mjs {2}\(0 tests, the file failed, [\d.]+ s\)$/);
    const failures = run.out.slice(run.out.indexOf('Failures (2):'));
    assert.ok(run.out.indexOf('Failures (2):') > 0, run.out);
    assert.match(failures, /✗ a\.test\.mjs › suite A › compares\n {4}Expected values to be strictly equal:[\s\S]*'left'[\s\S]*'right'[\s\S]*at .*a\.test\.mjs:3:/);
    assert.match(failures, /✗ c\.test\.mjs › \(the file itself\)\n[\s\S]*the file itself broke/);
    assert.doesNotMatch(run.out, /some output/, 'test output stays in the TAP file');
    const tail = lines.filter((l) => l.startsWith('# '));
    assert.deepEqual(tail.slice(0, 4), ['# tests 5', '# suites 1', '# pass 3', '# fail 2'], 'Node\'s summary lines (the crashed file counts as a failed test)');
    assert.equal(lines.filter(Boolean).at(-1)!.startsWith('# duration_ms '), true, 'last');
    assert.match(readFileSync(tap, 'utf8'), /^\s*not ok \d+ - compares$/m, 'the complete TAP is written beside');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
