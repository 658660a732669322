// Resource names and settings, read at call time (strato.yml sets them per function).
export const env = {
  ordersTable: () => process.env.ORDERS_TABLE ?? 'orders',
  paymentRequestsTopic: () => process.env.PAYMENT_REQUESTS_TOPIC ?? 'paymentRequests',
  orderJobsQueue: () => process.env.ORDER_JOBS_QUEUE ?? 'orderJobs',
  currency: () => process.env.CURRENCY ?? 'EUR',
  paymentsApiUrl: () => process.env.PAYMENTS_API_URL ?? 'https://sandbox.payments.example.com/v1',
  paymentsApiKey: () => process.env.PAYMENTS_API_KEY,
};

// Queue and topic message bodies arrive parsed when they are JSON; accept text too.
export function parseBody(body) {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
