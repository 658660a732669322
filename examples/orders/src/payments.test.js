import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { processPayment } from './payments.js';
import { storeFor, local, resetLocal } from './store.js';

const ctx = (provider = 'local') => ({
  provider, stage: 'test', functionName: 'processPayment', requestId: 'req-p', deadline: Date.now() + 60_000,
  log: { info() {}, warn() {}, error() {}, debug() {} },
});
const msg = (id, body) => ({ id, body, attributes: { type: 'order' }, deliveryAttempt: null });

beforeEach(async () => {
  resetLocal();
  process.env.ORDERS_TABLE = 'orders';
  const store = storeFor(ctx());
  await store.put('orders', { id: 'o1', status: 'pending', totalCents: 2500 });
  await store.put('orders', { id: 'o2', status: 'pending', totalCents: 5_000_000 });
  await store.put('orders', { id: 'o3', status: 'paid', totalCents: 100, chargeId: 'earlier' });
});

test('approved and declined payments update the order; nothing is retried', async () => {
  const out = await processPayment({ kind: 'topic', messages: [
    msg('p1', { orderId: 'o1', amountCents: 2500, currency: 'EUR' }),
    msg('p2', { orderId: 'o2', amountCents: 5_000_000, currency: 'EUR' }),
  ] }, ctx());
  assert.equal(out, undefined);
  const orders = local.tables.get('orders');
  assert.equal(orders.get('o1').status, 'paid');
  assert.equal(orders.get('o1').chargeId, 'local-o1');
  assert.equal(orders.get('o2').status, 'payment-declined');
});

test('a redelivered request for a handled order is a no-op', async () => {
  const out = await processPayment({ kind: 'topic', messages: [msg('p3', { orderId: 'o3', amountCents: 100, currency: 'EUR' })] }, ctx());
  assert.equal(out, undefined);
  assert.equal(local.tables.get('orders').get('o3').chargeId, 'earlier');
});

test('unknown orders are reported failed (retried, then dead-lettered)', async () => {
  const out = await processPayment({ kind: 'topic', messages: [
    msg('p4', { orderId: 'ghost', amountCents: 100, currency: 'EUR' }),
    msg('p5', 'garbage'),
    msg('p6', { orderId: 'o1', amountCents: 2500, currency: 'EUR' }),
  ] }, ctx());
  assert.deepEqual(out, { failed: ['p4', 'p5'] });
  assert.equal(local.tables.get('orders').get('o1').status, 'paid');
});
