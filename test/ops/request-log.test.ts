import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger.ts';
import { lazyChildLogger } from '../../src/http/request-log.ts';
import { startLatchkey } from '../support/latchkey.ts';

const capture = () => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _e, cb) { lines.push(...chunk.toString().split('\n').filter(Boolean)); cb(); } });
  return { lines, sink };
};

test('one log line per request: method, path without its query, status, time, request id', async (t) => {
  const lk = await startLatchkey();
  t.after(() => lk.stop());
  const before = lk.logs.length;
  const r = await lk.get('/account?access_token=lkat_secret-in-query', { authorization: 'Bearer lkat_not-a-token' });
  assert.equal(r.status, 401);
  await lk.get('/healthz');
  const mine = lk.logs.slice(before).map((l) => JSON.parse(l) as Record<string, any>);
  const requests = mine.filter((l) => l.msg === 'request');
  assert.equal(requests.length, 2, mine.map((l) => l.msg).join(' | '));
  assert.equal(mine.filter((l) => /incoming request|request completed/.test(l.msg)).length, 0);
  const [account, health] = requests;
  assert.deepEqual(account!.req, { method: 'GET', url: '/account', remoteAddress: '127.0.0.1' });
  assert.equal(account!.res.statusCode, 401);
  assert.equal(typeof account!.responseTime, 'number');
  assert.match(String(account!.reqId), /^req-/);
  assert.notEqual(account!.reqId, health!.reqId);
  assert.equal(health!.req.url, '/healthz');
  assert.ok(!lk.logs.slice(before).some((l) => l.includes('lkat_')), 'no token in any line');
});

test('request.log builds its child only when used, and its lines carry the request id', () => {
  const { lines, sink } = capture();
  const root = createLogger('info', sink);
  const child = lazyChildLogger.call(undefined, root, { reqId: 'req-9' }, {});
  assert.equal(child.level, 'info');
  child.debug('below the level');
  assert.equal(lines.length, 0);
  child.error({ reason: 'internal' }, 'request failed');
  assert.equal(lines.length, 1);
  const line = JSON.parse(lines[0]!);
  assert.equal(line.reqId, 'req-9');
  assert.equal(line.reason, 'internal');
  assert.equal(line.level, 50);
});

test('pretty format: a request on one readable line, secrets still redacted', () => {
  const { lines, sink } = capture();
  const log = createLogger('info', sink, 'pretty');
  log.info({ reqId: 'req-3', req: { method: 'POST', url: '/connect/token?client_secret=x', ip: '127.0.0.1' }, res: { statusCode: 200 }, responseTime: 2.5 }, 'request');
  log.info({ body: { client_secret: 'lkcs_top-secret' } }, 'something');
  const text = lines.join('\n');
  assert.match(lines[0]!, /INFO.*request POST \/connect\/token 200 2\.5 ms \(req-3\)$/);
  assert.ok(!text.includes('lkcs_top-secret') && !text.includes('client_secret=x'), text);
  assert.match(text, /\[redacted\]/);
});
