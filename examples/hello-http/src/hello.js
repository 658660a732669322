// Portable handler: the same code runs on AWS, Azure and GCP behind strato's adapter.
// event (http): method, path, route, params, query, headers, body, rawBody

const MAX_NAME = 64;

export function greeting(name) {
  const clean = String(name ?? '').trim().slice(0, MAX_NAME);
  return `Hello, ${clean || 'world'}!`;
}

export async function hello(event, ctx) {
  const name = event.params?.name ?? event.query?.name;
  const message = greeting(name);
  ctx.log?.info?.('hello', { route: event.route, provider: ctx.provider });
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: { message },
  };
}
