import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storeFor, local, resetLocal, azureQueueTarget } from './store.js';

test('the local backend keeps copies, not references', async () => {
  resetLocal();
  const store = storeFor({ provider: 'local' });
  const item = { id: 'x', nested: { n: 1 } };
  await store.put('t', item);
  item.nested.n = 2;
  const read = await store.get('t', 'x');
  assert.equal(read.nested.n, 1);
  read.nested.n = 3;
  assert.equal(local.tables.get('t').get('x').nested.n, 1);
  assert.equal(await store.get('t', 'missing'), null);
  assert.deepEqual(await store.scan('empty'), []);
});

test('one backend per provider, chosen from ctx.provider', () => {
  assert.equal(storeFor({ provider: 'local' }), storeFor({ provider: 'local' }));
  for (const provider of ['aws', 'azure', 'gcp']) {
    const store = storeFor({ provider });
    for (const op of ['get', 'put', 'scan', 'publish', 'send']) assert.equal(typeof store[op], 'function');
  }
});

const awsSdkInstalled = (() => {
  try {
    import.meta.resolve('@aws-sdk/client-dynamodb');
    return true;
  } catch {
    return false;
  }
})();

test('cloud SDKs are not loaded until used', { skip: awsSdkInstalled && 'AWS SDK is installed' }, async () => {
  // Creating the cloud backends above did not import any SDK; the first call does.
  const aws = storeFor({ provider: 'aws' });
  await assert.rejects(aws.get('orders', 'x'), /Cannot find (package|module)/);
});

test('an unknown provider is an error', () => {
  assert.throws(() => storeFor({ provider: 'oracle' }), /no storage backend/);
  assert.throws(() => storeFor({}), /no storage backend/);
});

test('an Azure queue URL sends to Service Bus or to a Storage queue', () => {
  assert.deepEqual(azureQueueTarget('https://sb-orders-dev-abc.servicebus.windows.net/order-jobs'), {
    kind: 'servicebus',
    namespace: 'sb-orders-dev-abc.servicebus.windows.net',
    queue: 'order-jobs',
  });
  assert.deepEqual(azureQueueTarget('https://sdordersdevabc.queue.core.windows.net/order-jobs'), {
    kind: 'storage',
    url: 'https://sdordersdevabc.queue.core.windows.net/order-jobs',
  });
  assert.throws(() => azureQueueTarget('order-jobs'), /Invalid URL/);
});
