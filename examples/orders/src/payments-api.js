// Client of the external payments API. The key is the ${secret:payments-api-key} env var.
import { env } from './env.js';

export class PaymentDeclined extends Error {}

export async function charge({ orderId, amountCents, currency }, ctx) {
  if (!Number.isInteger(amountCents) || amountCents <= 0) throw new PaymentDeclined('invalid amount');

  if (ctx.provider === 'local') {
    // Simulated gateway for tests and `strato invoke --local`: large amounts are declined.
    if (amountCents > 1_000_000) throw new PaymentDeclined('amount over limit');
    return { chargeId: `local-${orderId}` };
  }

  const apiKey = env.paymentsApiKey();
  if (!apiKey) throw new Error('PAYMENTS_API_KEY is not set');
  const res = await fetch(`${env.paymentsApiUrl()}/charges`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      'idempotency-key': orderId,
    },
    body: JSON.stringify({ reference: orderId, amount: amountCents, currency }),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status === 402 || res.status === 422) throw new PaymentDeclined(`declined (${res.status})`);
  if (!res.ok) throw new Error(`payments API answered ${res.status}`); // retried
  const { id } = await res.json();
  return { chargeId: id };
}
