import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { create, get, validateOrder, totalOf } from './orders.js';
import { local, resetLocal } from './store.js';

const ctx = (logs = []) => ({
  provider: 'local',
  stage: 'test',
  functionName: 'createOrder',
  requestId: 'req-1',
  deadline: Date.now() + 10_000,
  log: { info: (...a) => logs.push(a), warn: (...a) => logs.push(a), error: () => {}, debug: () => {} },
});

const post = (body) => ({
  kind: 'http', method: 'POST', path: '/orders', route: '/orders', params: {}, query: {},
  headers: { 'content-type': 'application/json' }, body, rawBody: JSON.stringify(body),
});
const getEvent = (id) => ({
  kind: 'http', method: 'GET', path: `/orders/${id}`, route: '/orders/{id}', params: { id }, query: {},
  headers: {}, body: null, rawBody: null,
});

const valid = { customerId: 'c-1', items: [{ sku: 'tea', quantity: 2, unitPrice: 4.5 }, { sku: 'mug', quantity: 1, unitPrice: 12.1 }] };

beforeEach(() => {
  resetLocal();
  process.env.ORDERS_TABLE = 'orders-test';
  process.env.PAYMENT_REQUESTS_TOPIC = 'arn:aws:sns:us-east-1:123456789012:paymentRequests';
  process.env.ORDER_JOBS_QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/orderJobs';
  delete process.env.CURRENCY;
});

test('POST /orders stores the order, requests payment and queues a job', async () => {
  const res = await create(post(valid), ctx());
  assert.equal(res.status, 201);
  assert.equal(res.body.status, 'pending');
  assert.equal(res.body.totalCents, 2 * 450 + 1210);
  assert.equal(res.body.currency, 'EUR');
  assert.equal(res.headers.location, `/orders/${res.body.id}`);

  assert.deepEqual(local.tables.get('orders-test').get(res.body.id), res.body);
  assert.deepEqual(local.published, [{
    topic: process.env.PAYMENT_REQUESTS_TOPIC,
    message: { orderId: res.body.id, amountCents: 2110, currency: 'EUR' },
    attributes: { type: 'order' },
  }]);
  assert.deepEqual(local.sent, [{ queue: process.env.ORDER_JOBS_QUEUE, message: { orderId: res.body.id, action: 'reserve-stock' } }]);
});

test('currency comes from the environment', async () => {
  process.env.CURRENCY = 'USD';
  const res = await create(post(valid), ctx());
  assert.equal(res.body.currency, 'USD');
});

test('POST /orders rejects invalid bodies with 400 and writes nothing', async () => {
  for (const body of [null, 'text', [], {}, { customerId: 'c', items: [] }, { customerId: 'c', items: [{ sku: 'a', quantity: 0, unitPrice: 1 }] }]) {
    const res = await create(post(body), ctx());
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(typeof res.body.error, 'string');
  }
  assert.equal(local.published.length, 0);
  assert.equal(local.sent.length, 0);
});

test('GET /orders/{id} returns a stored order, 404 otherwise', async () => {
  const created = await create(post(valid), ctx());
  const found = await get(getEvent(created.body.id), ctx());
  assert.equal(found.status, 200);
  assert.deepEqual(found.body, created.body);

  const missing = await get(getEvent('nope'), ctx());
  assert.equal(missing.status, 404);
});

test('validation and totals', () => {
  assert.equal(validateOrder(valid), null);
  assert.match(validateOrder({ customerId: 'c', items: [{ sku: 'a', quantity: 1, unitPrice: -1 }] }), /unitPrice/);
  assert.equal(totalOf([{ unitPrice: 0.1, quantity: 3 }]), 30);
});
