import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { nightly, summarize } from './report.js';
import { storeFor, resetLocal } from './store.js';

const logs = [];
const ctx = {
  provider: 'local', stage: 'test', functionName: 'nightlyReport', requestId: 'req-r', deadline: Date.now() + 300_000,
  log: { info: (...a) => logs.push(a), warn() {}, error() {}, debug() {} },
};

beforeEach(async () => {
  resetLocal();
  logs.length = 0;
  process.env.ORDERS_TABLE = 'orders';
  const store = storeFor(ctx);
  await store.put('orders', { id: 'a', status: 'paid', totalCents: 1000, createdAt: '2026-03-01T10:00:00Z' });
  await store.put('orders', { id: 'b', status: 'shipped', totalCents: 500, createdAt: '2026-03-01T23:00:00Z' });
  await store.put('orders', { id: 'c', status: 'pending', totalCents: 700, createdAt: '2026-03-01T12:00:00Z' });
  await store.put('orders', { id: 'd', status: 'paid', totalCents: 9999, createdAt: '2026-02-27T10:00:00Z' }); // too old
});

test('the scheduled run reports the last lookbackHours of orders', async () => {
  const report = await nightly({ kind: 'schedule', time: '2026-03-02T02:00:00Z', input: { lookbackHours: 24 } }, ctx);
  assert.deepEqual(report, {
    since: '2026-03-01T02:00:00.000Z',
    until: '2026-03-02T02:00:00.000Z',
    count: 3,
    revenueCents: 1500,
    byStatus: { paid: 1, shipped: 1, pending: 1 },
  });
  assert.equal(logs.length, 1);
  assert.equal(logs[0][0], 'nightly order report');
});

test('lookbackHours defaults to 24', async () => {
  const report = await nightly({ kind: 'schedule', time: '2026-03-02T02:00:00Z', input: null }, ctx);
  assert.equal(report.count, 3);
});

test('summarize of nothing', () => {
  const r = summarize([], new Date(0), new Date(1000));
  assert.equal(r.count, 0);
  assert.deepEqual(r.byStatus, {});
});
