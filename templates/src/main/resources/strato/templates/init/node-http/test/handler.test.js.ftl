import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hello } from '../src/handler.js';

const ctx = {
  provider: 'local',
  stage: 'test',
  functionName: 'hello',
  requestId: 'test-request',
  deadline: Date.now() + 10000,
  log: { debug() {}, info() {}, warn() {}, error() {} },
};

const get = (query = {}) => ({
  kind: 'http', method: 'GET', path: '/hello', route: '/hello', params: {}, query,
  headers: {}, body: null, rawBody: null,
});

test('GET /hello says hello to the world', async () => {
  const res = await hello(get(), ctx);
  assert.equal(res.status, 200);
  assert.equal(res.body.message, 'Hello, world!');
});

test('GET /hello?name= says hello by name', async () => {
  const res = await hello(get({ name: '${service}' }), ctx);
  assert.equal(res.body.message, 'Hello, ${service}!');
});
