import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hello, greeting } from '../src/hello.js';

const ctx = {
  provider: 'local',
  stage: 'test',
  functionName: 'hello',
  requestId: 'req-1',
  deadline: Date.now() + 5000,
  log: { info() {}, warn() {}, error() {}, debug() {} },
};

function httpEvent(path, route, params = {}, query = {}) {
  return { kind: 'http', method: 'GET', path, route, params, query, headers: {}, body: null, rawBody: null };
}

test('GET /hello greets the world', async () => {
  const res = await hello(httpEvent('/hello', '/hello'), ctx);
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/json');
  assert.deepEqual(res.body, { message: 'Hello, world!' });
});

test('GET /hello/{name} greets by path parameter', async () => {
  const res = await hello(httpEvent('/hello/Ada', '/hello/{name}', { name: 'Ada' }), ctx);
  assert.deepEqual(res.body, { message: 'Hello, Ada!' });
});

test('GET /hello?name= greets by query parameter', async () => {
  const res = await hello(httpEvent('/hello', '/hello', {}, { name: 'Grace' }), ctx);
  assert.deepEqual(res.body, { message: 'Hello, Grace!' });
});

test('names are trimmed and capped', () => {
  assert.equal(greeting('   '), 'Hello, world!');
  assert.equal(greeting('x'.repeat(100)), `Hello, ${'x'.repeat(64)}!`);
});

test('works with a minimal ctx (no log)', async () => {
  const res = await hello(httpEvent('/hello', '/hello'), { provider: 'aws' });
  assert.equal(res.status, 200);
});
