// Nightly report (schedule "0 2 * * *" UTC): orders of the last input.lookbackHours hours by status.
import { storeFor } from './store.js';
import { env } from './env.js';

export function summarize(orders, since, until) {
  const report = { since: since.toISOString(), until: until.toISOString(), count: 0, revenueCents: 0, byStatus: {} };
  for (const order of orders) {
    const created = new Date(order.createdAt);
    if (!(created >= since && created < until)) continue;
    report.count += 1;
    report.byStatus[order.status] = (report.byStatus[order.status] ?? 0) + 1;
    if (order.status === 'paid' || order.status === 'shipped') report.revenueCents += order.totalCents;
  }
  return report;
}

export async function nightly(event, ctx) {
  const until = event.time ? new Date(event.time) : new Date();
  const hours = Number(event.input?.lookbackHours ?? 24);
  const since = new Date(until.getTime() - hours * 3_600_000);
  const orders = await storeFor(ctx).scan(env.ordersTable());
  const report = summarize(orders, since, until);
  ctx.log?.info?.('nightly order report', report);
  return report; // ignored by the platform, handy for `strato invoke`
}
