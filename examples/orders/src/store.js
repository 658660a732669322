// Data access for the orders service, behind one small interface:
//   get(table, id)  put(table, item)  scan(table)  publish(topic, message, attributes)  send(queue, message)
// The backend follows ctx.provider. Cloud SDKs are imported lazily, only in the cloud that runs
// the code, so a package never loads (or needs) another cloud's SDK; 'local' keeps everything in memory
// (tests, `strato invoke --local`).
//
// Resource identifiers come from the function's environment (see strato.yml):
//   table  ${ref:X.name}  DynamoDB table / Cosmos DB container / Firestore collection
//   topic  ${ref:X.id}    SNS topic ARN / Service Bus topic (last path segment) / Pub/Sub topic
//   queue  ${ref:X.url}   SQS queue URL / Service Bus queue URL (https://<namespace>/<queue>) or Storage
//                        queue URL / Pub/Sub topic (last path segment)
// Azure also needs the account endpoints, from the app settings strato's Azure template sets
// (docs/AZURE.md, "Settings for handlers"): STRATO_COSMOS_ENDPOINT, STRATO_COSMOS_DATABASE,
// STRATO_SERVICEBUS_NAMESPACE (fully qualified, e.g. sb-orders-dev-x.servicebus.windows.net).

const once = (fn) => {
  let value;
  return () => (value ??= fn());
};
const lastSegment = (ref) => String(ref).split('/').filter(Boolean).pop();
const stringAttributes = (attributes) =>
  Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, String(v)]));

function awsBackend() {
  const dynamo = once(async () => {
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const lib = await import('@aws-sdk/lib-dynamodb');
    return { lib, client: lib.DynamoDBDocumentClient.from(new DynamoDBClient({})) };
  });
  const sns = once(async () => {
    const sdk = await import('@aws-sdk/client-sns');
    return { sdk, client: new sdk.SNSClient({}) };
  });
  const sqs = once(async () => {
    const sdk = await import('@aws-sdk/client-sqs');
    return { sdk, client: new sdk.SQSClient({}) };
  });
  return {
    async get(table, id) {
      const { lib, client } = await dynamo();
      const out = await client.send(new lib.GetCommand({ TableName: table, Key: { id } }));
      return out.Item ?? null;
    },
    async put(table, item) {
      const { lib, client } = await dynamo();
      await client.send(new lib.PutCommand({ TableName: table, Item: item }));
    },
    async scan(table) {
      const { lib, client } = await dynamo();
      const items = [];
      let ExclusiveStartKey;
      do {
        const out = await client.send(new lib.ScanCommand({ TableName: table, ExclusiveStartKey }));
        items.push(...(out.Items ?? []));
        ExclusiveStartKey = out.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items;
    },
    async publish(topic, message, attributes = {}) {
      const { sdk, client } = await sns();
      const MessageAttributes = Object.fromEntries(
        Object.entries(stringAttributes(attributes)).map(([k, v]) => [k, { DataType: 'String', StringValue: v }]),
      );
      await client.send(new sdk.PublishCommand({ TopicArn: topic, Message: JSON.stringify(message), MessageAttributes }));
    },
    async send(queue, message) {
      const { sdk, client } = await sqs();
      await client.send(new sdk.SendMessageCommand({ QueueUrl: queue, MessageBody: JSON.stringify(message) }));
    },
  };
}

// Where an Azure queue URL sends to: a Service Bus queue (providers.azure.queues: servicebus, the
// default) or a Storage queue (queues: storage).
export function azureQueueTarget(queueUrl) {
  const url = new URL(queueUrl);
  if (/\.servicebus\./.test(url.hostname)) return { kind: 'servicebus', namespace: url.hostname, queue: url.pathname.replace(/^\/+/, '') };
  return { kind: 'storage', url: url.href };
}

function azureBackend() {
  const credential = once(async () => {
    const { DefaultAzureCredential } = await import('@azure/identity');
    return new DefaultAzureCredential();
  });
  const cosmos = once(async () => {
    const { CosmosClient } = await import('@azure/cosmos');
    const client = new CosmosClient({ endpoint: process.env.STRATO_COSMOS_ENDPOINT, aadCredentials: await credential() });
    return client.database(process.env.STRATO_COSMOS_DATABASE);
  });
  const serviceBusClients = new Map();
  const serviceBus = async (namespace = process.env.STRATO_SERVICEBUS_NAMESPACE) => {
    if (!serviceBusClients.has(namespace)) {
      const { ServiceBusClient } = await import('@azure/service-bus');
      serviceBusClients.set(namespace, new ServiceBusClient(namespace, await credential()));
    }
    return serviceBusClients.get(namespace);
  };
  const sendToServiceBus = async (namespace, entity, message, attributes = {}) => {
    const sender = (await serviceBus(namespace)).createSender(entity);
    try {
      await sender.sendMessages({ body: message, contentType: 'application/json', applicationProperties: attributes });
    } finally {
      await sender.close();
    }
  };
  // Cosmos DB adds system properties (_rid, _etag, ...) to every item.
  const strip = (item) => item && Object.fromEntries(Object.entries(item).filter(([k]) => !k.startsWith('_')));
  return {
    async get(table, id) {
      const { resource } = await (await cosmos()).container(table).item(id, id).read();
      return strip(resource) ?? null;
    },
    async put(table, item) {
      await (await cosmos()).container(table).items.upsert(item);
    },
    async scan(table) {
      const { resources } = await (await cosmos()).container(table).items.readAll().fetchAll();
      return resources.map(strip);
    },
    async publish(topic, message, attributes = {}) {
      await sendToServiceBus(process.env.STRATO_SERVICEBUS_NAMESPACE, lastSegment(topic), message, attributes);
    },
    async send(queue, message) {
      const target = azureQueueTarget(queue);
      if (target.kind === 'servicebus') return sendToServiceBus(target.namespace, target.queue, message);
      const { QueueClient } = await import('@azure/storage-queue');
      const client = new QueueClient(target.url, await credential());
      // Azure Functions' queue trigger expects base64 message text by default.
      await client.sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'));
    },
  };
}

function gcpBackend() {
  // strato's GCP generator makes one Firestore database per table, named like the table
  const databases = new Map();
  const firestore = async (table) => {
    if (!databases.has(table)) {
      const { Firestore } = await import('@google-cloud/firestore');
      databases.set(table, new Firestore({ databaseId: table }));
    }
    return databases.get(table);
  };
  const pubsub = once(async () => {
    const { PubSub } = await import('@google-cloud/pubsub');
    return new PubSub();
  });
  const publish = async (topic, message, attributes = {}) => {
    await (await pubsub()).topic(lastSegment(topic)).publishMessage({ json: message, attributes: stringAttributes(attributes) });
  };
  return {
    async get(table, id) {
      const snap = await (await firestore(table)).collection(table).doc(id).get();
      return snap.exists ? snap.data() : null;
    },
    async put(table, item) {
      await (await firestore(table)).collection(table).doc(item.id).set(item);
    },
    async scan(table) {
      const snap = await (await firestore(table)).collection(table).get();
      return snap.docs.map((doc) => doc.data());
    },
    publish,
    // A strato queue on GCP is a Pub/Sub topic with one subscription: sending is publishing.
    send: (queue, message) => publish(queue, message),
  };
}

// In-memory backend. Its state is exported so that tests can look at what was written.
export const local = { tables: new Map(), published: [], sent: [] };

export function resetLocal() {
  local.tables.clear();
  local.published.length = 0;
  local.sent.length = 0;
}

function localBackend() {
  const table = (name) => {
    if (!local.tables.has(name)) local.tables.set(name, new Map());
    return local.tables.get(name);
  };
  const copy = (value) => (value == null ? null : structuredClone(value));
  return {
    async get(name, id) {
      return copy(table(name).get(id));
    },
    async put(name, item) {
      table(name).set(item.id, copy(item));
    },
    async scan(name) {
      return [...table(name).values()].map(copy);
    },
    async publish(topic, message, attributes = {}) {
      local.published.push({ topic, message: copy(message), attributes: stringAttributes(attributes) });
    },
    async send(queue, message) {
      local.sent.push({ queue, message: copy(message) });
    },
  };
}

const factories = { aws: awsBackend, azure: azureBackend, gcp: gcpBackend, local: localBackend };
const backends = new Map();

export function storeFor(ctx) {
  const provider = ctx?.provider;
  const factory = factories[provider];
  if (!factory) throw new Error(`no storage backend for provider '${provider}'`);
  if (!backends.has(provider)) backends.set(provider, factory());
  return backends.get(provider);
}
