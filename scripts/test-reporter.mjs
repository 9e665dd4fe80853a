/**
 * The suite's reporter for people (issue 19): one line per test file as it finishes — a counter,
 * ✓ or ✗, the file, its tests and time — then every failure gathered at the end (the test's path,
 * the error's first lines, where it was thrown), then Node's own summary lines unchanged
 * (`# tests N`, `# pass N`, `# fail N`, …), which CI reads.
 *
 *   node --test --test-reporter=./scripts/test-reporter.mjs --test-reporter-destination=stdout …
 *
 * `LATCHKEY_TEST_FILE_COUNT` (set by scripts/test.sh) gives the counter its total. The complete
 * TAP goes to test-output/test.tap beside it (scripts/test.sh asks Node for both reporters).
 * Event shapes: Node 20's test runner (`test:start`, `test:pass`, `test:fail`, `test:complete`,
 * `test:diagnostic`, `test:stderr`), https://nodejs.org/docs/latest-v20.x/api/test.html#event-testcomplete.
 */
// Plain JavaScript: Node loads reporters before any --import hook (tsx) is in place.

const MAX_ERROR_LINES = 14;
const ansi = process.env.NO_COLOR === undefined && process.stdout.isTTY;
const paint = (code, s) => (ansi ? `\u001b[${code}m${s}\u001b[0m` : s);

/** Reporter entry point: Node hands it the event stream and writes what it yields. */
export default async function* reporter(source) {
  const total = Number(process.env.LATCHKEY_TEST_FILE_COUNT) || 0;
  const files = new Map();
  const failures = [];
  const summary = [];
  // A file's results (test:start/pass/fail/plan) arrive in order, one file after another, while
  // its test:complete arrives as soon as it ends — often before its results. A file's line is
  // printed once both are in: its complete event, and the results of a later file (or the end).
  const completed = new Map();
  const reported = new Set();
  const printed = new Set();
  let current;
  let done = 0;
  const state = (file) => {
    let s = files.get(file);
    if (!s) files.set(file, (s = { names: [], pass: 0, fail: 0, skipped: 0, stderr: [] }));
    return s;
  };
  const line = (file) => {
    printed.add(file);
    done++;
    const s = state(file);
    const data = completed.get(file) ?? {};
    // A file that failed without a failing test crashed (a syntax error, a hook, an exit).
    const crashed = Boolean(data.details?.error) && s.fail === 0;
    if (crashed) failures.push({ file, path: ['(the file itself)'], error: withOutput(data.details?.error, s.stderr) });
    const ok = s.fail === 0 && !crashed;
    const counter = total ? `[${String(done).padStart(String(total).length)}/${total}]` : `[${done}]`;
    const tests = `${s.pass + s.fail} test${s.pass + s.fail === 1 ? '' : 's'}${s.fail ? `, ${s.fail} failed` : ''}${crashed ? ', the file failed' : ''}`;
    return `${counter} ${ok ? paint(32, '✓') : paint(31, '✗')} ${relative(file)}  ${paint(2, `(${tests}, ${seconds(data.details?.duration_ms)})`)}\n`;
  };
  for await (const { type, data = {} } of source) {
    const file = data.file;
    if (type === 'test:diagnostic' && !file && (data.nesting ?? 0) === 0) {
      summary.push(`# ${data.message}`);
      continue;
    }
    if (!file) continue;
    const s = state(file);
    const nesting = data.nesting ?? 0;
    if (type === 'test:start' || type === 'test:pass' || type === 'test:fail' || type === 'test:plan') {
      if (current !== undefined && current !== file) {
        reported.add(current);
        if (completed.has(current) && !printed.has(current)) yield line(current);
      }
      current = file;
    }
    if (type === 'test:start') {
      s.names[nesting] = data.name ?? '';
      s.names.length = nesting + 1;
    } else if (type === 'test:stderr') {
      s.stderr.push(...String(data.message ?? '').split('\n').filter(Boolean));
      s.stderr.splice(0, Math.max(0, s.stderr.length - 20));
    } else if ((type === 'test:pass' || type === 'test:fail') && data.details?.type !== 'suite' && data.name !== file) {
      if (type === 'test:fail') {
        s.fail++;
        failures.push({ file, path: [...s.names.slice(0, nesting), data.name ?? ''], error: data.details?.error });
      } else if (/# (SKIP|TODO)/.test(String(data.name))) s.skipped++;
      else s.pass++;
    } else if (type === 'test:complete' && nesting === 0 && data.name === file) {
      completed.set(file, data);
      if (reported.has(file) && !printed.has(file)) yield line(file);
    }
  }
  for (const file of completed.keys()) if (!printed.has(file)) yield line(file);
  if (failures.length) {
    yield `\n${paint(31, `Failures (${failures.length}):`)}\n`;
    for (const f of failures) yield `\n${paint(31, '✗')} ${relative(f.file)} › ${f.path.filter(Boolean).join(' › ')}\n${indent(describe(f.error))}\n`;
    yield '\n';
  } else {
    yield `\n${paint(32, 'No failures.')}\n`;
  }
  for (const l of summary) yield `${l}\n`;
}

function relative(file) {
  const cwd = `${process.cwd()}/`;
  return file.startsWith(cwd) ? file.slice(cwd.length) : file;
}

function seconds(ms) {
  return ms === undefined ? '?' : `${(ms / 1000).toFixed(1)} s`;
}

function indent(text) {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

function withOutput(error, stderr) {
  return stderr.length ? { message: `${describe(error)}\nlast output:\n${stderr.join('\n')}` } : error;
}

/** The error's own message (an assertion's diff included), cut to a screenful, and where it was thrown. */
function describe(error) {
  const e = (error && typeof error === 'object' && 'cause' in error && error.cause) || error;
  if (!e || typeof e !== 'object') return String(e);
  const { message, stack } = e;
  const lines = String(message ?? e).split('\n');
  const cut = lines.length > MAX_ERROR_LINES ? [...lines.slice(0, MAX_ERROR_LINES), `… (${lines.length - MAX_ERROR_LINES} more lines in test-output/test.tap)`] : lines;
  const at = String(stack ?? '').split('\n').find((l) => /^\s+at /.test(l) && !/node:|node_modules/.test(l));
  return [...cut, ...(at ? [at.trim()] : [])].join('\n');
}
