// strato portable-handler adapter for Azure Functions, Node.js v3 programming model (function.json).
// The generated strato/azure-entry.mjs exports one `adapt(spec)` per Azure function; function.json
// points `scriptFile` at that module and `entryPoint` at the export. The host calls
// `(context, trigger)`: context.invocationId, context.bindingData (trigger metadata, camelCase),
// context.log; the HTTP answer is the return value ($return binding).
// Node.js v3 reference: https://learn.microsoft.com/azure/azure-functions/functions-reference-node?pivots=nodejs-model-v3
import {
  AdapterError, bucketEvent, createContext, defineFunction, httpResponse, invokeBatch, invokeEvent, invokeHttp,
  messageBody, messageEvent, scheduleEvent, tableEvent,
} from './core.mjs';

const PACKAGE_ROOT = new URL('../', import.meta.url);
// Cosmos DB system properties, not part of the item the handler wrote.
const COSMOS_SYSTEM = new Set(['_rid', '_self', '_etag', '_attachments', '_ts', '_lsn']);
// A timer may fire slightly before its scheduled occurrence (the host allows for clock skew).
const SKEW_MS = 60_000;

/**
 * One Azure function: spec = {name, module, export, kind, stage, timeoutMs, trigger (the
 * function.json trigger type), many (cardinality many), route (http), inputSetting (schedule),
 * partitionKey (table)}.
 */
export function adapt(spec) {
  const fn = defineFunction(spec, PACKAGE_ROOT);
  const translate = TRANSLATORS[spec.kind];
  if (!translate) throw new AdapterError(`no Azure adapter for trigger kind ${spec.kind} (function ${spec.name})`, 500);
  return async function strato(context, trigger) {
    const ctx = createContext({
      provider: 'azure',
      stage: spec.stage,
      functionName: spec.name,
      requestId: context?.invocationId,
      deadline: Date.now() + spec.timeoutMs,
      sink: sinkOf(context),
    });
    return translate(spec, fn, ctx, context?.bindingData ?? {}, trigger);
  };
}

function sinkOf(context) {
  const log = context?.log;
  if (typeof log !== 'function') return undefined;
  const byLevel = { debug: log.verbose, info: log.info, warn: log.warn, error: log.error };
  return (level, line) => (byLevel[level] ?? log).call(log, line);
}

/** Runs a non-HTTP translation: a bad event is one error line, then a throw (the host's failure signal). */
async function reported(ctx, work) {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AdapterError) ctx.log.error(err.status === 400 ? `bad event: ${err.message}` : err.message);
    throw err;
  }
}

/** A property by its camelCase name or the PascalCase one the host serialises. */
function pick(obj, name) {
  if (!obj || typeof obj !== 'object') return undefined;
  return obj[name] ?? obj[name[0].toUpperCase() + name.slice(1)];
}

// ---- HTTP: req {method, url, headers, query, params, body, rawBody} → {status, headers, body, isRaw}

async function http(spec, fn, ctx, data, req) {
  let request;
  try {
    request = httpRequest(spec, req);
  } catch (err) {
    ctx.log.error(`bad event: ${err.message}`);
    return nativeResponse(httpResponse({ status: 400, body: { error: err.message, requestId: ctx.requestId } }));
  }
  return nativeResponse(await invokeHttp(fn, ctx, request));
}

function httpRequest(spec, req) {
  if (!req || typeof req !== 'object' || typeof req.method !== 'string' || typeof req.url !== 'string') {
    throw new AdapterError(`function ${spec.name} expects an HTTP request (method and url), got ${describe(req)}`);
  }
  let path;
  try {
    path = new URL(req.url, 'http://localhost').pathname;
  } catch {
    throw new AdapterError(`request url ${req.url} is not a URL`);
  }
  return {
    method: req.method,
    path,
    route: spec.route ?? null,
    params: routeParams(spec.route, req.params),
    query: req.query ?? {},
    headers: req.headers ?? {},
    body: requestBody(req),
  };
}

/** The route's own parameters (the host adds none of its own, but `/` is an optional empty one). */
function routeParams(route, params) {
  const names = [...String(route ?? '').matchAll(/\{([^}]+)\}/g)].map((m) => m[1].replace(/\+$/, ''));
  const out = {};
  for (const name of names) if (params?.[name] !== undefined && params[name] !== null) out[name] = String(params[name]);
  return out;
}

/** The body's bytes: binary bodies arrive as a Buffer, text ones as rawBody (body may be parsed JSON). */
function requestBody(req) {
  if (Buffer.isBuffer(req.bufferBody)) return req.bufferBody;
  if (Buffer.isBuffer(req.body)) return req.body;
  if (typeof req.rawBody === 'string') return req.rawBody;
  if (typeof req.body === 'string') return req.body;
  return req.body === undefined || req.body === null ? null : JSON.stringify(req.body);
}

function nativeResponse(r) {
  return { status: r.status, headers: r.headers, body: r.base64 ? Buffer.from(r.body, 'base64') : r.body, isRaw: true };
}

function describe(value) {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? `an object with ${Object.keys(value).slice(0, 5).join(', ') || 'no keys'}` : typeof value;
}

// ---- timer: {scheduleStatus: {last, next, lastUpdated}, isPastDue} → {time, input} ----------

function schedule(spec, fn, ctx, data, timer) {
  return reported(ctx, () => invokeEvent(fn, ctx, scheduleEvent(occurrence(timer), scheduleInput(spec))));
}

/**
 * The occurrence this run is for: while a timer runs, its schedule status is the one recorded
 * before the run, whose `next` is this occurrence (or the missed one when past due); without a
 * schedule monitor there is none, and the time is now.
 */
function occurrence(timer) {
  if (!timer || typeof timer !== 'object') throw new AdapterError(`expected a timer, got ${describe(timer)}`);
  const next = Date.parse(pick(pick(timer, 'scheduleStatus'), 'next') ?? '');
  const now = Date.now();
  return Number.isNaN(next) || next > now + SKEW_MS ? now : next;
}

function scheduleInput(spec) {
  const text = spec.inputSetting ? process.env[spec.inputSetting] : undefined;
  if (text === undefined || text === '') return null;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AdapterError(`app setting ${spec.inputSetting} is not JSON: ${err.message}`);
  }
}

// ---- Service Bus and Storage queues ---------------------------------------------------------

function messages(spec, fn, ctx, data, trigger) {
  return reported(ctx, async () => {
    const batch = spec.trigger === 'queueTrigger' ? [storageQueueMessage(data, trigger)] : serviceBusMessages(spec, data, trigger);
    await retryFailed(ctx, await invokeBatch(fn, ctx, messageEvent(spec.kind, batch), batch.map((m) => m.id)), batch.length, 'messages');
  });
}

function serviceBusMessages(spec, data, trigger) {
  if (!spec.many) {
    if (trigger === undefined) throw new AdapterError('expected a Service Bus message, got nothing');
    return [{ id: required(data.messageId, 'messageId'), body: bodyOf(trigger), attributes: attributes(data), deliveryAttempt: data.deliveryCount ?? null }];
  }
  if (!Array.isArray(trigger)) throw new AdapterError(`expected a batch of Service Bus messages (cardinality many), got ${describe(trigger)}`);
  const ids = data.messageIdArray ?? [];
  const counts = data.deliveryCountArray ?? [];
  const props = data.applicationPropertiesArray ?? data.userPropertiesArray ?? [];
  return trigger.map((body, i) => ({
    id: required(ids[i], `messageIdArray[${i}]`),
    body: bodyOf(body),
    attributes: props[i] ?? {},
    deliveryAttempt: counts[i] ?? null,
  }));
}

function storageQueueMessage(data, trigger) {
  if (trigger === undefined) throw new AdapterError('expected a queue message, got nothing');
  return { id: required(data.id, 'id'), body: bodyOf(trigger), attributes: {}, deliveryAttempt: data.dequeueCount ?? null };
}

function attributes(data) {
  const props = data.applicationProperties ?? data.userProperties;
  return props && typeof props === 'object' ? props : {};
}

function required(value, name) {
  if (value === undefined || value === null || value === '') throw new AdapterError(`the trigger metadata has no ${name}`);
  return String(value);
}

/** The worker hands JSON message bodies over parsed, others as text or bytes. */
function bodyOf(value) {
  return typeof value === 'string' || Buffer.isBuffer(value) ? messageBody(value) : value ?? null;
}

/** Azure settles a whole invocation: any failed item fails it, and the host redelivers the batch. */
async function retryFailed(ctx, failed, total, what) {
  if (failed.length === 0) return;
  ctx.log.error(`${failed.length} of ${total} ${what} failed: the invocation fails so that Azure retries all ${total}`, { failed });
  throw new Error(`${failed.length} of ${total} ${what} failed (${failed.join(', ')})`);
}

// ---- blobs: blob trigger (created) or Event Grid (deleted) ------------------------------------

function bucket(spec, fn, ctx, data, trigger) {
  return reported(ctx, () => invokeEvent(fn, ctx, isEventGrid(trigger) ? eventGridBlob(trigger) : blobTrigger(data, trigger)));
}

function isEventGrid(value) {
  return value && typeof value === 'object' && !Buffer.isBuffer(value) && typeof value.eventType === 'string';
}

const BLOB_SUBJECT = /^\/blobServices\/default\/containers\/([^/]+)\/blobs\/(.+)$/;
const BLOB_ACTIONS = { 'Microsoft.Storage.BlobCreated': 'created', 'Microsoft.Storage.BlobDeleted': 'deleted' };

/** https://learn.microsoft.com/azure/event-grid/event-schema-blob-storage */
function eventGridBlob(event) {
  const action = BLOB_ACTIONS[event.eventType];
  if (!action) throw new AdapterError(`expected a blob created or deleted event, got ${event.eventType}`);
  const match = BLOB_SUBJECT.exec(event.subject ?? '');
  if (!match) throw new AdapterError(`event subject ${event.subject} is not a blob`);
  return bucketEvent({ bucket: match[1], key: match[2], size: event.data?.contentLength, etag: event.data?.eTag, action, time: event.eventTime });
}

/** https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger#metadata */
function blobTrigger(data, content) {
  const path = data.blobTrigger;
  const slash = typeof path === 'string' ? path.indexOf('/') : -1;
  if (slash <= 0) throw new AdapterError(`expected a blob trigger (binding data blobTrigger "container/name"), got ${describe(content)}`);
  const props = data.properties ?? {};
  const size = pick(props, 'contentLength') ?? pick(props, 'length') ?? (Buffer.isBuffer(content) ? content.length : null);
  return bucketEvent({
    bucket: path.slice(0, slash),
    key: path.slice(slash + 1),
    size: size === null ? null : Number(size),
    etag: props.eTag ?? props.ETag ?? null,
    action: 'created',
    time: pick(props, 'lastModified') ?? pick(props, 'createdOn') ?? null,
  });
}

// ---- Cosmos DB change feed: the changed items' latest versions ------------------------------

function table(spec, fn, ctx, data, documents) {
  return reported(ctx, async () => {
    if (!Array.isArray(documents)) throw new AdapterError(`expected a list of Cosmos DB documents, got ${describe(documents)}`);
    const changes = documents.map((doc) => change(spec, doc));
    await retryFailed(ctx, await invokeBatch(fn, ctx, tableEvent(changes), changes.map((c) => c.id)), changes.length, 'changes');
  });
}

/**
 * The change feed (latest version mode) gives each changed item as it is now: no old image, no
 * deletions, and no way to tell a new item from an updated one, so every change is a `modify`.
 */
function change(spec, doc) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new AdapterError(`expected a Cosmos DB document, got ${describe(doc)}`);
  const item = Object.fromEntries(Object.entries(doc).filter(([k]) => !COSMOS_SYSTEM.has(k)));
  const keyName = spec.partitionKey ?? 'id';
  return { id: required(doc._lsn ?? doc.id, '_lsn'), action: 'modify', key: { [keyName]: doc[keyName] ?? null }, new: item, old: null };
}

const TRANSLATORS = { http, schedule, queue: messages, topic: messages, bucket, table };
