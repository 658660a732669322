// Portable handler: strato's adapter turns each cloud's HTTP event into
// { method, path, route, params, query, headers, body, rawBody } and the returned
// { status, headers, body } into the cloud's response.
export async function hello(event, ctx) {
  const name = event.query?.name || 'world';
  ctx.log?.info?.('hello called', { provider: ctx.provider, stage: ctx.stage });
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: { message: 'Hello, ' + name + '!', stage: process.env.STAGE ?? ctx.stage },
  };
}
