/**
 * Fault injection (issue 18): every outbound path meets an unroutable address. The scenario runs
 * in a private network namespace with only `lo` (`unshare --net`, as root — no packet can leave
 * the machine), see unroutable-driver.ts. Before the fix each HTTPS path below ended the server
 * process (`connect ENETUNREACH 203.0.113.5:443 … Emitted 'error' event on TLSSocket`), Exchange
 * first answering a 500 "Cannot read properties of null (reading 'setServername')". Asserted: each
 * answer is the documented error for its step, and the same server PID is alive after all of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const DRIVER = fileURLToPath(new URL('./unroutable-driver.ts', import.meta.url));

interface CaseLine { case: string; status: number; body: any; alive: boolean; pid: number; error?: string }

function runDriver(): Promise<{ lines: Array<CaseLine | { done: true; pid: number; alive: boolean; queries: string[]; out: string }>; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['--net', '--', process.execPath, '--import', 'tsx', DRIVER], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      const lines = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      resolve({ lines, stderr, code });
    });
  });
}

test('in a namespace with only lo: every outbound path answers a documented error, and the server process survives', async () => {
  const { lines, stderr, code } = await runDriver();
  const done = lines.find((l): l is { done: true; pid: number; alive: boolean; queries: string[]; out: string } => 'done' in l);
  assert.ok(done, `the driver did not finish (exit ${code}):\n${stderr.slice(-3000)}`);
  assert.equal(code, 0, stderr.slice(-3000));
  const cases = new Map((lines.filter((l) => 'case' in l) as CaseLine[]).map((l) => [l.case, l]));
  const expect = (name: string, status: number, reason: string, step?: string) => {
    const c = cases.get(name);
    assert.ok(c, `case "${name}" did not run`);
    assert.equal(c.error, undefined, `${name}: ${c.error}`);
    assert.equal(c.status, status, `${name}: ${JSON.stringify(c.body)}`);
    assert.equal(c.body.reason, reason, `${name}: ${JSON.stringify(c.body)}`);
    assert.equal(typeof c.body.message, 'string');
    assert.equal(typeof c.body.type, 'string');
    if (step) assert.equal(c.body.step, step, name);
    assert.ok(c.alive && c.pid === done.pid, `${name}: the server process ended`);
  };
  // Detection treats an unreachable source as "no answer here" and goes on to the next one.
  const detect = cases.get('detect-provider (autoconfig, ISPDB)');
  assert.equal(detect?.status, 200, JSON.stringify(detect));
  assert.equal(detect.body.detected, false);
  for (const q of ['A autoconfig.dead.test', 'A dead.test', 'A ispdb.dead.test']) assert.ok(done.queries.includes(q), `detection did not try ${q}: ${done.queries.join(', ')}`);
  expect('authorize imap, password only (detection)', 400, 'missing_fields');
  expect('authorize imap, unroutable IMAP host', 502, 'network_unreachable', 'imap.connect');
  expect('authorize imap, unroutable SMTP host', 502, 'network_unreachable', 'smtp.connect');
  expect('authorize exchange, exchange_server_host', 502, 'network_unreachable', 'ews.request');
  expect('authorize exchange, Autodiscover', 422, 'autodiscover_failed', 'ews.autodiscover');
  expect('authorize gmail, token endpoint', 502, 'network_unreachable', 'oauth.refresh');
  expect('authorize office365, token endpoint (IPv6 only)', 502, 'network_unreachable', 'oauth.refresh');
  expect('webhook registration', 400, 'webhook_challenge_failed');
  assert.equal(cases.get('webhook registration, reachable receiver')?.status, 200, JSON.stringify(cases.get('webhook registration, reachable receiver')));
  assert.equal(cases.get('token (emits account.connected)')?.status, 200);
  const delivery = cases.get('webhook delivery to an unroutable callback');
  assert.ok(delivery && delivery.body, 'no webhook delivery was recorded');
  assert.ok(delivery.body.attempts >= 2, `the delivery was not retried: ${JSON.stringify(delivery.body)}`);
  assert.equal(delivery.body.delivered_at, null);
  assert.match(delivery.body.last_error, /could not be reached from this server/);
  assert.ok(done.alive, `the server process ended:\n${done.out}`);
});
