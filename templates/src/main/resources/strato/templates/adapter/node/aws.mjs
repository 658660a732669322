// strato portable-handler adapter for AWS Lambda: turns the events of the triggers strato's AWS
// generator sets up (API Gateway HTTP API payload 2.0, EventBridge Scheduler, SQS, SNS, S3,
// DynamoDB streams) into the neutral events of ./core.mjs, and the handler's answer into what
// Lambda expects back. The generated entry module calls `adapt` once per function.
import {
  AdapterError, createContext, defineFunction, invokeHttp, invokeBatch, invokeEvent,
  messageBody, messageEvent, tableEvent, scheduleEvent, bucketEvent,
} from './core.mjs';

const PACKAGE_ROOT = new URL('../', import.meta.url);

/**
 * The Lambda handler of one function. spec: {name, module, export, kinds (the kinds of the
 * function's triggers, empty when it has none), stage, timeoutMs}.
 */
export function adapt(spec) {
  const kinds = spec.kinds ?? [];
  const fn = defineFunction({ ...spec, kind: kinds[0] ?? 'direct' }, PACKAGE_ROOT);
  return async function handler(event, context) {
    const ctx = lambdaContext(spec, context);
    if (kinds.length === 0) return direct(fn, ctx, event);
    const kind = nativeKind(event);
    if (!kinds.includes(kind)) {
      return rejected(ctx, kinds, new AdapterError(`function ${spec.name} takes ${kinds.join(' or ')} events, not ${kind ?? 'this event'}`
        + ` (${describe(event)})`));
    }
    try {
      return await TRANSLATORS[kind](fn, ctx, event);
    } catch (err) {
      if (err instanceof AdapterError) return rejected(ctx, kinds, err);
      throw err;
    }
  };
}

function lambdaContext(spec, context) {
  const now = Date.now(); // read before the remaining time, so that the deadline is never later than Lambda's
  const remaining = typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : null;
  return createContext({
    provider: 'aws',
    stage: spec.stage,
    functionName: spec.name,
    requestId: context?.awsRequestId ?? null,
    deadline: now + (Number.isFinite(remaining) ? remaining : spec.timeoutMs),
  });
}

/** A bad event: an HTTP function answers 400, any other fails the invocation so that Lambda retries or dead-letters it. */
function rejected(ctx, kinds, err) {
  ctx.log.error('bad event', { error: err.message });
  if (kinds[0] !== 'http') throw err;
  return {
    statusCode: err.status ?? 400,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: err.message, requestId: ctx.requestId }),
    isBase64Encoded: false,
  };
}

function describe(event) {
  if (event === null || typeof event !== 'object') return `a ${event === null ? 'null' : typeof event} payload`;
  const keys = Object.keys(event).slice(0, 5);
  return keys.length ? `an object with ${keys.join(', ')}` : 'an empty object';
}

/** The trigger an event comes from, by its documented shape; null when it has none of them. */
export function nativeKind(event) {
  if (event === null || typeof event !== 'object') return null;
  if (event.version === '2.0' && event.requestContext?.http) return 'http';
  if (event.kind === 'schedule' || event['detail-type'] === 'Scheduled Event') return 'schedule';
  const record = Array.isArray(event.Records) ? event.Records[0] : undefined;
  switch (record?.eventSource ?? record?.EventSource) {
    case 'aws:sqs': return 'queue';
    case 'aws:sns': return 'topic';
    case 'aws:s3': return 'bucket';
    case 'aws:dynamodb': return 'table';
    default: return null;
  }
}

/** A function without triggers (`strato invoke`, the SDK): the payload is the event, the answer goes back as is. */
async function direct(fn, ctx, event) {
  const handler = await fn.handler();
  try {
    return await handler(event, ctx);
  } catch (err) {
    ctx.log.error('handler failed', { error: err?.message ?? String(err), stack: err?.stack });
    throw err;
  }
}

const TRANSLATORS = { http, schedule, queue, topic, bucket, table };

// ---- HTTP API, payload format 2.0 ----------------------------------------------------------

async function http(fn, ctx, event) {
  const rc = event.requestContext;
  const headers = { ...(event.headers ?? {}) };
  if (Array.isArray(event.cookies) && event.cookies.length) headers.cookie = event.cookies.join('; ');
  const response = await invokeHttp(fn, ctx, {
    method: rc.http.method,
    path: rc.http.path ?? event.rawPath,
    route: routeOf(event.routeKey),
    params: event.pathParameters,
    query: event.queryStringParameters ?? parseQuery(event.rawQueryString),
    headers,
    body: event.body,
    base64: event.isBase64Encoded === true,
  });
  return apiResponse(response);
}

/** `POST /orders/{id}` → `/orders/{id}`; `$default` has no route. */
function routeOf(routeKey) {
  if (!routeKey || routeKey === '$default') return null;
  const space = routeKey.indexOf(' ');
  return space < 0 ? routeKey : routeKey.slice(space + 1);
}

/** As API Gateway does for queryStringParameters: repeated names joined with commas. */
function parseQuery(raw) {
  const query = {};
  for (const [name, value] of new URLSearchParams(raw ?? '')) query[name] = name in query ? `${query[name]},${value}` : value;
  return query;
}

function apiResponse({ status, headers, body, base64 }) {
  const { 'set-cookie': setCookie, ...rest } = headers;
  const response = { statusCode: status, headers: rest, body, isBase64Encoded: base64 };
  if (setCookie !== undefined) response.cookies = splitSetCookie(setCookie);
  return response;
}

/** The core joins repeated headers with ", "; split Set-Cookie back, minding the comma inside Expires dates. */
function splitSetCookie(value) {
  return String(value).split(/,\s*(?=[^;,=\s]+=)/).map((c) => c.trim()).filter(Boolean);
}

// ---- EventBridge Scheduler -----------------------------------------------------------------

/** The generator's schedule Input is {kind: "schedule", time: "<aws.scheduler.scheduled-time>", input}; an EventBridge rule sends a Scheduled Event. */
async function schedule(fn, ctx, event) {
  const time = new Date(event.time);
  if (typeof event.time !== 'string' || Number.isNaN(time.getTime())) {
    throw new AdapterError(`schedule event time ${JSON.stringify(event.time)} is not a date`);
  }
  await invokeEvent(fn, ctx, scheduleEvent(time, event.kind === 'schedule' ? event.input : null));
  return null;
}

// ---- SQS, SNS --------------------------------------------------------------------------------

function required(value, what) {
  if (value === undefined || value === null || value === '') throw new AdapterError(`${what} is missing`);
  return value;
}

async function queue(fn, ctx, event) {
  const messages = event.Records.map((r, i) => ({
    id: required(r.messageId, `messageId of SQS record ${i}`),
    body: messageBody(r.body),
    attributes: plainAttributes(r.messageAttributes, (a) => a.stringValue ?? a.binaryValue),
    deliveryAttempt: count(r.attributes?.ApproximateReceiveCount),
  }));
  const failed = await invokeBatch(fn, ctx, messageEvent('queue', messages), messages.map((m) => m.id));
  return { batchItemFailures: failed.map((id) => ({ itemIdentifier: id })) };
}

/** SNS invokes once per message and cannot retry part of it: a failed message fails the invocation, which Lambda retries. */
async function topic(fn, ctx, event) {
  const messages = event.Records.map((r, i) => {
    const sns = required(r.Sns, `Sns of SNS record ${i}`);
    return {
      id: required(sns.MessageId, `Sns.MessageId of SNS record ${i}`),
      body: messageBody(sns.Message),
      attributes: plainAttributes(sns.MessageAttributes, (a) => a.Value),
      deliveryAttempt: null,
    };
  });
  const failed = await invokeBatch(fn, ctx, messageEvent('topic', messages), messages.map((m) => m.id));
  if (failed.length) throw new Error(`the handler failed messages ${failed.join(', ')}: Lambda retries the delivery`);
  return null;
}

function plainAttributes(attributes, valueOf) {
  const out = {};
  for (const [name, a] of Object.entries(attributes ?? {})) out[name] = a && typeof a === 'object' ? valueOf(a) ?? null : a;
  return out;
}

function count(text) {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : null;
}

// ---- S3 ------------------------------------------------------------------------------------

const S3_ACTIONS = [['ObjectCreated:', 'created'], ['ObjectRemoved:', 'deleted']];

/** One handler call per record (S3 sends one, in a list); a failure fails the invocation, which Lambda retries. */
async function bucket(fn, ctx, event) {
  const objects = event.Records.map((r, i) => {
    const action = S3_ACTIONS.find(([prefix]) => String(r.eventName).startsWith(prefix))?.[1];
    if (!action) throw new AdapterError(`S3 record ${i} is a ${r.eventName} event, not ObjectCreated or ObjectRemoved`);
    const object = required(r.s3?.object, `s3.object of S3 record ${i}`);
    return bucketEvent({
      bucket: required(r.s3.bucket?.name, `s3.bucket.name of S3 record ${i}`),
      key: s3Key(required(object.key, `s3.object.key of S3 record ${i}`)),
      size: object.size,
      etag: object.eTag,
      action,
      time: r.eventTime,
    });
  });
  for (const object of objects) await invokeEvent(fn, ctx, object);
  return null;
}

/** S3 sends keys URL-encoded, with + for spaces. */
function s3Key(key) {
  try {
    return decodeURIComponent(String(key).replace(/\+/g, ' '));
  } catch {
    throw new AdapterError(`s3.object.key ${key} is not URL-encoded`);
  }
}

// ---- DynamoDB streams ----------------------------------------------------------------------

const TABLE_ACTIONS = { INSERT: 'insert', MODIFY: 'modify', REMOVE: 'remove' };

async function table(fn, ctx, event) {
  const changes = event.Records.map((r, i) => {
    const action = TABLE_ACTIONS[r.eventName];
    if (!action) throw new AdapterError(`DynamoDB record ${i} has eventName ${r.eventName}, not INSERT, MODIFY or REMOVE`);
    const d = required(r.dynamodb, `dynamodb of DynamoDB record ${i}`);
    return {
      id: required(d.SequenceNumber, `dynamodb.SequenceNumber of DynamoDB record ${i}`),
      action,
      key: unmarshall(d.Keys),
      new: unmarshall(d.NewImage),
      old: unmarshall(d.OldImage),
    };
  });
  const failed = await invokeBatch(fn, ctx, tableEvent(changes), changes.map((c) => c.id));
  return { batchItemFailures: failed.map((id) => ({ itemIdentifier: id })) };
}

/** A DynamoDB item ({name: {S: "x"}, ...}) as plain values; binary values stay base64 text. */
export function unmarshall(item) {
  if (item === undefined || item === null) return null;
  const out = {};
  for (const [name, value] of Object.entries(item)) out[name] = attributeValue(value);
  return out;
}

function attributeValue(value) {
  const [type, v] = Object.entries(value ?? {})[0] ?? [];
  switch (type) {
    case 'S': case 'B': return v;
    case 'N': return Number(v);
    case 'BOOL': return v;
    case 'NULL': return null;
    case 'SS': case 'BS': return [...v];
    case 'NS': return v.map(Number);
    case 'L': return v.map(attributeValue);
    case 'M': return unmarshall(v);
    default: throw new AdapterError(`unknown DynamoDB attribute type ${type}`);
  }
}
