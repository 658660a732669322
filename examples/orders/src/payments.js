// paymentRequests topic consumer. A declined payment is final (the order is marked so); a
// transient error reports the message as failed: retried (retries: 2), then sent to failedPayments.
import { storeFor } from './store.js';
import { env, parseBody } from './env.js';
import { charge, PaymentDeclined } from './payments-api.js';

export async function processPayment(event, ctx) {
  const store = storeFor(ctx);
  const table = env.ordersTable();
  const failed = [];
  for (const message of event.messages ?? []) {
    const request = parseBody(message.body);
    try {
      const order = await store.get(table, request?.orderId);
      if (!order) throw new Error(`order ${request?.orderId} not found`);
      if (order.status !== 'pending') continue; // already handled: deliveries are at least once
      let update;
      try {
        const { chargeId } = await charge(request, ctx);
        update = { status: 'paid', chargeId, paidAt: new Date().toISOString() };
      } catch (err) {
        if (!(err instanceof PaymentDeclined)) throw err;
        update = { status: 'payment-declined', declineReason: err.message };
      }
      await store.put(table, { ...order, ...update, updatedAt: new Date().toISOString() });
      ctx.log?.info?.('payment processed', { orderId: order.id, status: update.status });
    } catch (err) {
      ctx.log?.warn?.('payment failed', { messageId: message.id, attempt: message.deliveryAttempt, error: err.message });
      failed.push(message.id);
    }
  }
  return failed.length ? { failed } : undefined;
}
