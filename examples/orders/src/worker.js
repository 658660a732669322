// orderJobs queue consumer (batchSize 5). Returns {failed: [ids]} so that only bad messages are
// retried (and, after maxReceiveCount, dead-lettered where the provider supports it).
import { storeFor } from './store.js';
import { env, parseBody } from './env.js';

const SAFETY_MS = 2000;

const actions = {
  'reserve-stock': (order) => ({ ...order, stockReserved: true }),
  ship: (order) => {
    if (order.status !== 'paid') throw new Error(`order ${order.id} is ${order.status}, not paid`);
    return { ...order, status: 'shipped', shippedAt: new Date().toISOString() };
  },
};

export async function handle(event, ctx) {
  const store = storeFor(ctx);
  const failed = [];
  for (const message of event.messages ?? []) {
    // Leave what we cannot finish to a retry instead of being cut off mid-write.
    if (ctx.deadline && Date.now() > ctx.deadline - SAFETY_MS) {
      failed.push(message.id);
      continue;
    }
    try {
      const job = parseBody(message.body);
      const action = actions[job?.action];
      if (!action) throw new Error(`unknown action ${JSON.stringify(job?.action)}`);
      if (typeof job.orderId !== 'string') throw new Error('orderId is required');
      const order = await store.get(env.ordersTable(), job.orderId);
      if (!order) throw new Error(`order ${job.orderId} not found`);
      await store.put(env.ordersTable(), { ...action(order), updatedAt: new Date().toISOString() });
    } catch (err) {
      ctx.log?.warn?.('job failed', { messageId: message.id, attempt: message.deliveryAttempt, error: err.message });
      failed.push(message.id);
    }
  }
  return failed.length ? { failed } : undefined;
}
