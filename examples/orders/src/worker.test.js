import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { handle } from './worker.js';
import { storeFor, local, resetLocal } from './store.js';

const ctx = (deadline = Date.now() + 30_000) => ({
  provider: 'local', stage: 'test', functionName: 'orderWorker', requestId: 'req-w', deadline,
  log: { info() {}, warn() {}, error() {}, debug() {} },
});
const msg = (id, body, deliveryAttempt = 1) => ({ id, body, attributes: {}, deliveryAttempt });

beforeEach(async () => {
  resetLocal();
  process.env.ORDERS_TABLE = 'orders';
  const store = storeFor({ provider: 'local' });
  await store.put('orders', { id: 'o1', status: 'pending', totalCents: 100, createdAt: '2026-01-01T00:00:00Z' });
  await store.put('orders', { id: 'o2', status: 'paid', totalCents: 200, createdAt: '2026-01-01T00:00:00Z' });
});

test('a batch of good jobs succeeds and returns nothing', async () => {
  const out = await handle({ kind: 'queue', messages: [
    msg('m1', { orderId: 'o1', action: 'reserve-stock' }),
    msg('m2', JSON.stringify({ orderId: 'o2', action: 'ship' })), // text bodies are parsed too
  ] }, ctx());
  assert.equal(out, undefined);
  const orders = local.tables.get('orders');
  assert.equal(orders.get('o1').stockReserved, true);
  assert.equal(orders.get('o2').status, 'shipped');
});

test('only the bad messages are reported as failed', async () => {
  const out = await handle({ kind: 'queue', messages: [
    msg('m1', { orderId: 'o1', action: 'reserve-stock' }),
    msg('m2', { orderId: 'missing', action: 'reserve-stock' }),
    msg('m3', { orderId: 'o1', action: 'teleport' }),
    msg('m4', 'not json'),
    msg('m5', { orderId: 'o1', action: 'ship' }), // o1 is not paid
  ] }, ctx());
  assert.deepEqual(out, { failed: ['m2', 'm3', 'm4', 'm5'] });
  assert.equal(local.tables.get('orders').get('o1').stockReserved, true);
});

test('messages left when the deadline is near are handed back', async () => {
  const out = await handle({ kind: 'queue', messages: [msg('m1', { orderId: 'o1', action: 'reserve-stock' })] }, ctx(Date.now()));
  assert.deepEqual(out, { failed: ['m1'] });
  assert.equal(local.tables.get('orders').get('o1').stockReserved, undefined);
});
