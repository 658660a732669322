// HTTP API: POST /orders (createOrder), GET /orders/{id} (getOrder).
import { randomUUID } from 'node:crypto';
import { storeFor } from './store.js';
import { env } from './env.js';

const json = (status, body, headers = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

// Returns an error message, or null when the order request is valid.
export function validateOrder(input) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return 'body must be a JSON object';
  if (typeof input.customerId !== 'string' || input.customerId.trim() === '') return 'customerId is required';
  if (!Array.isArray(input.items) || input.items.length === 0) return 'items must be a non-empty list';
  for (const [i, item] of input.items.entries()) {
    if (typeof item?.sku !== 'string' || item.sku === '') return `items[${i}].sku is required`;
    if (!Number.isInteger(item.quantity) || item.quantity < 1) return `items[${i}].quantity must be a positive integer`;
    if (typeof item.unitPrice !== 'number' || !(item.unitPrice >= 0)) return `items[${i}].unitPrice must be >= 0`;
  }
  return null;
}

// Total in minor units (cents) to avoid floating point drift.
export function totalOf(items) {
  return items.reduce((sum, item) => sum + Math.round(item.unitPrice * 100) * item.quantity, 0);
}

export async function create(event, ctx) {
  const error = validateOrder(event.body);
  if (error) return json(400, { error });

  const { customerId, items } = event.body;
  const order = {
    id: randomUUID(),
    customerId,
    items: items.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
    totalCents: totalOf(items),
    currency: env.currency(),
    status: 'pending',
    createdAt: new Date().toISOString(),
  };

  const store = storeFor(ctx);
  await store.put(env.ordersTable(), order);
  await store.publish(
    env.paymentRequestsTopic(),
    { orderId: order.id, amountCents: order.totalCents, currency: order.currency },
    { type: 'order' },
  );
  await store.send(env.orderJobsQueue(), { orderId: order.id, action: 'reserve-stock' });

  ctx.log?.info?.('order created', { orderId: order.id, requestId: ctx.requestId });
  return json(201, order, { location: `/orders/${order.id}` });
}

export async function get(event, ctx) {
  const id = event.params?.id;
  const order = id ? await storeFor(ctx).get(env.ordersTable(), id) : null;
  if (!order) return json(404, { error: `order ${id} not found` });
  return json(200, order);
}
