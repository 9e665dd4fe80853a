/**
 * The README is a newcomer's first hour (issue 19): its first lines give the two commands, a
 * prerequisites section comes before the walkthrough, and the contents list names every `##`
 * section in order with a link GitHub resolves (its slug rule: lower case, punctuation dropped,
 * spaces to hyphens).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** GitHub's heading anchor: lower case, characters other than letters, digits, spaces and hyphens dropped, spaces → hyphens. */
function slug(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

/** `##`/`###` headings outside fenced code blocks. */
function headings(level: 2 | 3): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of readme.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced && line.startsWith('#'.repeat(level) + ' ')) out.push(line.slice(level + 1).trim());
  }
  return out;
}

test('the first lines give the two commands: run the server, run the whole suite', () => {
  const block = readme.split('\n').slice(2, 6).join('\n');
  assert.match(block, /^npm ci && npm start\s+#/m);
  assert.match(block, /^npm test\s+#/m);
});

test('the contents list names every ## section, in order, with its GitHub anchor', () => {
  const list = readme.slice(readme.indexOf('## Contents\n'), readme.indexOf('\n## ', readme.indexOf('## Contents\n') + 1));
  const links = [...list.matchAll(/^- \[([^\]]+)\]\(#([^)]+)\)/gm)].map((m) => ({ text: m[1]!, anchor: m[2]! }));
  const sections = headings(2).filter((h) => h !== 'Contents');
  assert.deepEqual(links.map((l) => l.anchor), sections.map(slug), 'README "## Contents" must list each ## section in order (add a line for a new section)');
  const anchors = new Set([...headings(2), ...headings(3)].map(slug));
  for (const m of list.matchAll(/\(#([^)]+)\)/g)) assert.ok(anchors.has(m[1]!), `contents link #${m[1]} has no heading`);
});

test('prerequisites come before the walkthrough and name Node, root, the packages and the offline variables', () => {
  const sections = headings(2);
  assert.ok(sections.indexOf('Prerequisites') < sections.findIndex((h) => h.startsWith('Try it')));
  const pre = readme.slice(readme.indexOf('## Prerequisites'), readme.indexOf('## Contents'));
  for (const needle of ['20.11', 'root', 'LATCHKEY_DNS_SERVERS', 'LATCHKEY_ISPDB_URL']) {
    assert.ok(pre.includes(needle), `Prerequisites should mention ${needle}`);
  }
  // The packages are the ones scripts/test.sh installs (CI's only source of them).
  const script = readFileSync(new URL('../../scripts/test.sh', import.meta.url), 'utf8');
  const packages = [...script.matchAll(/missing\+=\(([^)]+)\)/g)].flatMap((m) => m[1]!.split(/\s+/));
  assert.ok(packages.length >= 7, `found ${packages.length} packages in scripts/test.sh`);
  for (const name of packages) assert.match(pre, new RegExp(`\\b${name}\\b`), `Prerequisites should name the package ${name}`);
});

test('the walkthrough starts Latchkey offline by default', () => {
  const walk = readme.slice(readme.indexOf('## Try it'), readme.indexOf('## The API'));
  const start = walk.slice(walk.indexOf('# terminal 2'), walk.indexOf('npm start') + 'npm start'.length);
  assert.match(start, /LATCHKEY_DNS_SERVERS=127\.0\.0\.1:1/);
  assert.match(start, /LATCHKEY_ISPDB_URL=https:\/\/127\.0\.0\.1:1/);
});
