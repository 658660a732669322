// strato portable-handler adapter for AWS Lambda: turns the events of the triggers strato's AWS
// generator sets up (API Gateway HTTP API payload 2.0, EventBridge Scheduler, SQS, SNS, S3,
// DynamoDB streams) into the neutral events of ./core.mjs, and the handler's answer into what
// Lambda expects back. The generated entry module calls `adapt` once per function.
import {
  AdapterError, createContext, defineFunction, invokeHttp, invokeBatch, invokeEvent,
  messageBody, messageEvent, tableEvent, scheduleEvent, bucketEvent,
} from './core.mjs';

import { createHash, createHmac } from 'node:crypto';

const PACKAGE_ROOT = new URL('../', import.meta.url);

/**
 * The Lambda handler of one function. spec: {name, module, export, kinds (the kinds of the
 * function's triggers, empty when it has none), stage, timeoutMs}.
 */
export function adapt(spec) {
  const kinds = spec.kinds ?? [];
  const fn = defineFunction({ ...spec, kind: kinds[0] ?? 'direct' }, PACKAGE_ROOT);
  return async function handler(event, context) {
    await loadSecrets();
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

// Secrets: for each variable NAME listed in STRATO_SECRETS the generator passes NAME_SECRET_ARN (the secret is the whole value of NAME) or
// NAME_SECRET_TEMPLATE (NAME's value with each secret as {{secret:ARN}}), never the value. The
// adapter reads each secret with GetSecretValue before the first invocation, sets process.env.NAME,
// and reads it again on the first invocation after STRATO_SECRET_TTL_SECONDS (default 300), so a
// rotation reaches a warm function within that time. A failed re-read keeps the last value.
const SECRET_ARN = '_SECRET_ARN';
const SECRET_TEMPLATE = '_SECRET_TEMPLATE';
const SECRET_MARK = /\{\{secret:([^}]+)\}\}/g;
let secretsReadAt = null;

export async function loadSecrets(env = process.env, now = Date.now()) {
  const ttlMs = Number(env.STRATO_SECRET_TTL_SECONDS ?? 300) * 1000;
  if (secretsReadAt !== null && now - secretsReadAt < ttlMs) return;
  const wanted = [];
  for (const name of (env.STRATO_SECRETS ?? '').split(',').filter(Boolean)) {
    const arn = env[name + SECRET_ARN];
    wanted.push([name, arn !== undefined ? `{{secret:${arn}}}` : env[name + SECRET_TEMPLATE] ?? '']);
  }
  if (wanted.length === 0) { secretsReadAt = now; return; }
  const arns = new Set(wanted.flatMap(([, t]) => [...t.matchAll(SECRET_MARK)].map((m) => m[1])));
  const values = new Map();
  try {
    for (const arn of arns) values.set(arn, await getSecretValue(arn, env));
  } catch (err) {
    if (secretsReadAt === null) throw err;
    console.warn(`strato: could not re-read secrets, keeping the last values: ${err.message}`);
    secretsReadAt = now;
    return;
  }
  for (const [name, template] of wanted) env[name] = template.replace(SECRET_MARK, (_, arn) => values.get(arn));
  secretsReadAt = now;
}

/** GetSecretValue over Secrets Manager's JSON API, signed with Signature Version 4 from the function's role credentials. */
async function getSecretValue(secretId, env) {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const endpoint = new URL(env.AWS_ENDPOINT_URL_SECRETS_MANAGER ?? env.AWS_ENDPOINT_URL
    ?? `https://secretsmanager.${region}.amazonaws.com`);
  const body = JSON.stringify({ SecretId: secretId });
  const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers = {
    'content-type': 'application/x-amz-json-1.1',
    host: endpoint.host,
    'x-amz-date': amzDate,
    'x-amz-target': 'secretsmanager.GetSecretValue',
  };
  if (env.AWS_SESSION_TOKEN) headers['x-amz-security-token'] = env.AWS_SESSION_TOKEN;
  const names = Object.keys(headers).sort();
  const sha256 = (data) => createHash('sha256').update(data).digest('hex');
  const canonical = ['POST', endpoint.pathname || '/', '', ...names.map((n) => `${n}:${headers[n]}`), '', names.join(';'), sha256(body)].join('\n');
  const scope = `${day}/${region}/secretsmanager/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const hmac = (key, data) => createHmac('sha256', key).update(data).digest();
  let key = hmac(`AWS4${env.AWS_SECRET_ACCESS_KEY}`, day);
  for (const part of [region, 'secretsmanager', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${env.AWS_ACCESS_KEY_ID}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
  delete headers.host;
  const response = await fetch(endpoint, { method: 'POST', headers, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`GetSecretValue ${secretId}: HTTP ${response.status} ${text.slice(0, 200)}`);
  const answer = JSON.parse(text);
  if (typeof answer.SecretString !== 'string') throw new Error(`GetSecretValue ${secretId}: the secret has no SecretString`);
  return answer.SecretString;
}
