// strato portable-handler adapter for Google Cloud Functions (2nd gen), run by the Functions
// Framework. Each export of the generated index.js is `adapt(spec)`: a function that accepts both
// signatures the framework may call it with, so it works whichever signature type the platform
// picks (`http` for functions without an event_trigger, `cloudevent` with one):
//   http:       (req, res)   Express request/response. Routes, Cloud Scheduler (X-CloudScheduler),
//               Pub/Sub push envelopes, and Eventarc CloudEvents (binary or structured mode).
//   cloudevent: (cloudEvent) Storage, Firestore and Pub/Sub messagePublished events; a throw makes
//               the framework answer 500, which Eventarc retries.
// spec: {name, module, export, kinds, stage, timeout (s), routes: [{method, path}], key, buckets}.
import {
  AdapterError, bucketEvent, createContext, defineFunction, invokeBatch, invokeEvent, invokeHttp,
  messageBody, messageEvent, scheduleEvent, tableEvent,
} from './core.mjs';

const PACKAGE_ROOT = new URL('../', import.meta.url);
const STORAGE = { 'google.cloud.storage.object.v1.finalized': 'created', 'google.cloud.storage.object.v1.deleted': 'deleted' };
const FIRESTORE = 'google.cloud.firestore.document.v1.';
const PUBSUB = 'google.cloud.pubsub.topic.v1.messagePublished';

/** The function the framework calls for one strato function (rest parameters: a CloudEvent function of arity 1 is promise-style). */
export function adapt(spec) {
  const fn = defineFunction(spec, PACKAGE_ROOT);
  const routes = (spec.routes ?? []).map(compileRoute);
  return (...args) => {
    const [first, res] = args;
    if (res && typeof res.status === 'function' && typeof res.send === 'function') return serveRequest(fn, spec, routes, first, res);
    return onCloudEvent(fn, spec, first, context(spec, first?.id));
  };
}

function context(spec, requestId) {
  return createContext({
    provider: 'gcp',
    stage: spec.stage ?? null,
    functionName: spec.name,
    requestId: requestId ?? null,
    deadline: Date.now() + (spec.timeout ?? 60) * 1000,
  });
}

// ---- the http signature ----------------------------------------------------------------------

async function serveRequest(fn, spec, routes, req, res) {
  const ctx = context(spec, req.header('function-execution-id') ?? req.executionId ?? traceId(req));
  let answer;
  try {
    answer = await answerRequest(fn, spec, routes, req, ctx);
  } catch (err) {
    // the handler's own failures are logged by the core; only strato's messages reach the answer
    const ours = err instanceof AdapterError;
    if (ours && !err.logged) ctx.log.error(err.message);
    answer = jsonAnswer(ours ? err.status : 500, { error: ours ? err.message : 'the handler failed: the sender will retry', requestId: ctx.requestId });
  }
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.set(name, value);
  res.send(answer.base64 ? Buffer.from(answer.body, 'base64') : answer.body);
}

function traceId(req) {
  const trace = req.header('x-cloud-trace-context');
  return trace ? trace.split('/')[0] : undefined;
}

async function answerRequest(fn, spec, routes, req, ctx) {
  const kinds = spec.kinds ?? [];
  const ce = requestCloudEvent(req);
  if (ce) {
    await onCloudEvent(fn, spec, ce, ce.id ? context(spec, ce.id) : ctx);
    return jsonAnswer(204);
  }
  if (kinds.includes('schedule') && req.header('x-cloudscheduler') === 'true') {
    const time = req.header('x-cloudscheduler-scheduletime') ?? new Date().toISOString();
    await invokeEvent(fn, ctx, scheduleEvent(time, messageBody(bodyBytes(req)?.toString('utf8') || null)));
    return jsonAnswer(204);
  }
  const envelope = pushEnvelope(req);
  const pushKind = kinds.find((k) => k === 'queue' || k === 'topic');
  if (envelope && pushKind) {
    await onMessage(fn, pushKind, envelope.message, envelope.deliveryAttempt, ctx);
    return jsonAnswer(204);
  }
  // a function without events is called through its URL: an HTTP request without a route
  if (kinds.length && !kinds.includes('http')) {
    throw new AdapterError(`function ${spec.name} takes ${kinds.join(', ')} events: this ${req.method} request is none of them`);
  }
  const url = new URL(req.originalUrl ?? req.url, 'http://function');
  const path = decodeURIComponent(url.pathname);
  const match = matchRoute(routes, req.method, path);
  if (match.status) return jsonAnswer(match.status, { error: match.status === 404 ? `no route for ${path}` : `${req.method} is not allowed on ${path}` }, match.headers);
  return invokeHttp(fn, ctx, {
    method: req.method,
    path,
    route: match.route?.path ?? null,
    params: match.params,
    query: queryOf(url),
    headers: req.headers,
    body: bodyBytes(req),
  });
}

function jsonAnswer(status, body, headers = {}) {
  if (body === undefined) return { status, headers, body: '', base64: false };
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), base64: false };
}

/** The request's bytes as sent: the framework's body parsers keep them in rawBody. */
function bodyBytes(req) {
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  if (Buffer.isBuffer(req.body) || typeof req.body === 'string') return req.body;
  return null;
}

/** Repeated query parameters joined with commas, as API Gateway HTTP APIs do. */
function queryOf(url) {
  const query = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  return query;
}

function compileRoute(route) {
  const names = [];
  const pattern = route.path.replace(/\/+$/, '').split('/').map((part) => {
    const param = /^\{([^}+]+)(\+?)\}$/.exec(part);
    if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(param[1]);
    return param[2] ? '(.+)' : '([^/]+)';
  }).join('/');
  return { method: route.method.toUpperCase(), path: route.path, names, regex: new RegExp(`^${pattern}/?$`) };
}

/** The route serving {method, path}: {route, params}, or {status: 404|405} when the function has routes and none fits. */
function matchRoute(routes, method, path) {
  if (routes.length === 0) return { route: null, params: {} };
  const allowed = [];
  for (const route of routes) {
    const m = route.regex.exec(path);
    if (!m) continue;
    if (route.method !== 'ANY' && route.method !== method.toUpperCase()) {
      allowed.push(route.method);
      continue;
    }
    return { route, params: Object.fromEntries(route.names.map((name, i) => [name, m[i + 1]])) };
  }
  return allowed.length ? { status: 405, headers: { allow: allowed.join(', ') } } : { status: 404 };
}

/** A CloudEvent sent over HTTP (spec: CloudEvents HTTP protocol binding), or null. */
function requestCloudEvent(req) {
  if (req.header('ce-specversion') && req.header('ce-type')) {
    const event = {};
    for (const [name, value] of Object.entries(req.headers)) if (name.startsWith('ce-')) event[name.slice(3)] = value;
    event.datacontenttype = req.header('content-type');
    event.data = req.rawBody ? req.body : null;
    return event;
  }
  if (/^application\/cloudevents\+json\b/i.test(req.header('content-type') ?? '')) {
    const event = req.body;
    if (!event || typeof event !== 'object' || !event.type) throw new AdapterError('structured CloudEvent without a type');
    return event;
  }
  return null;
}

/** A Pub/Sub push request's body: {message: {data, attributes, messageId, publishTime}, subscription, deliveryAttempt}. */
function pushEnvelope(req) {
  const body = req.body;
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return null;
  if (typeof body.subscription !== 'string' || !body.message || typeof body.message !== 'object') return null;
  return body;
}

// ---- CloudEvents -----------------------------------------------------------------------------

async function onCloudEvent(fn, spec, ce, ctx) {
  const kinds = spec.kinds ?? [];
  const type = ce?.type;
  if (!type) throw fail(ctx, `function ${spec.name} got something that is not a CloudEvent`);
  if (type in STORAGE && kinds.includes('bucket')) return onObject(fn, spec, ce, STORAGE[type], ctx);
  if (type.startsWith(FIRESTORE) && kinds.includes('table')) return onDocument(fn, spec, ce, ctx);
  const pushKind = kinds.find((k) => k === 'queue' || k === 'topic');
  if (type === PUBSUB && pushKind) {
    const data = jsonData(ce);
    if (!data?.message) throw fail(ctx, `${type} event ${ce.id} has no message`);
    return onMessage(fn, pushKind, data.message, data.deliveryAttempt, ctx);
  }
  throw fail(ctx, `function ${spec.name} takes ${kinds.join(', ')} events, not ${type}`);
}

function fail(ctx, message) {
  ctx.log.error(message);
  const err = new AdapterError(message);
  err.logged = true;
  return err;
}

/** The event's data as an object: parsed already, JSON text or bytes, or base64 (structured mode's data_base64). */
function jsonData(ce) {
  const raw = ce.data ?? (ce.data_base64 ? Buffer.from(ce.data_base64, 'base64') : null);
  if (raw === null || raw === undefined) return null;
  if (Buffer.isBuffer(raw) || typeof raw === 'string') {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AdapterError(`the data of CloudEvent ${ce.id} is not JSON`);
    }
  }
  return raw;
}

async function onMessage(fn, kind, message, deliveryAttempt, ctx) {
  if (!message.messageId) throw fail(ctx, 'Pub/Sub message without a messageId');
  const text = message.data ? Buffer.from(message.data, 'base64').toString('utf8') : null;
  const event = messageEvent(kind, [{
    id: message.messageId,
    body: messageBody(text),
    attributes: message.attributes ?? {},
    deliveryAttempt: deliveryAttempt ?? null,
  }]);
  const failed = await invokeBatch(fn, ctx, event, [message.messageId]);
  if (failed.length) throw new AdapterError(`message ${message.messageId} failed: Pub/Sub will deliver it again`, 500);
}

async function onObject(fn, spec, ce, action, ctx) {
  const data = jsonData(ce);
  if (!data?.bucket || !data?.name) throw fail(ctx, `${ce.type} event ${ce.id} has no bucket or object name`);
  const filters = spec.buckets ?? [];
  const wanted = filters.length === 0 || filters.some((f) => (!f.prefix || data.name.startsWith(f.prefix)) && (!f.suffix || data.name.endsWith(f.suffix)));
  if (!wanted) {
    ctx.log.debug('object outside the function\'s prefix and suffix: skipped', { key: data.name });
    return;
  }
  await invokeEvent(fn, ctx, bucketEvent({
    bucket: data.bucket,
    key: data.name,
    size: action === 'deleted' || data.size === undefined ? null : Number(data.size),
    etag: data.etag ?? null,
    action,
    time: ce.time ?? data.updated ?? null,
  }));
}

async function onDocument(fn, spec, ce, ctx) {
  const data = documentEventData(ce);
  const name = data.value?.name ?? data.oldValue?.name ?? ce.document ?? ce.subject ?? '';
  const id = String(name).split('/').filter(Boolean).pop() ?? null;
  const action = !data.oldValue ? 'insert' : !data.value ? 'remove' : 'modify';
  const event = tableEvent([{
    id: ce.id,
    action,
    key: { [spec.key ?? 'id']: id },
    new: data.value ? fields(data.value.fields) : null,
    old: data.oldValue ? fields(data.oldValue.fields) : null,
  }]);
  const failed = await invokeBatch(fn, ctx, event, [ce.id]);
  if (failed.length) throw new AdapterError(`change ${ce.id} failed: Eventarc will deliver it again`, 500);
}

/** DocumentEventData: JSON (event_data_content_type application/json) or protobuf (the default). */
function documentEventData(ce) {
  const raw = ce.data ?? (ce.data_base64 ? Buffer.from(ce.data_base64, 'base64') : null);
  if (raw === null || raw === undefined) throw new AdapterError(`Firestore event ${ce.id} has no data`);
  if (!Buffer.isBuffer(raw) && typeof raw === 'object') return raw;
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw), 'utf8');
  try {
    return /json/i.test(ce.datacontenttype ?? '') ? JSON.parse(bytes.toString('utf8')) : decodeDocumentEventData(bytes);
  } catch (err) {
    throw new AdapterError(`the data of Firestore event ${ce.id} is not a DocumentEventData: ${err.message}`);
  }
}

/** Firestore's JSON Value map as plain values. */
function fields(map) {
  const out = {};
  for (const [name, value] of Object.entries(map ?? {})) out[name] = plain(value);
  return out;
}

function plain(v) {
  if (!v || typeof v !== 'object') return null;
  if ('stringValue' in v) return v.stringValue;
  if ('integerValue' in v) {
    const n = Number(v.integerValue);
    return Number.isSafeInteger(n) ? n : String(v.integerValue);
  }
  if ('doubleValue' in v) return Number(v.doubleValue);
  if ('booleanValue' in v) return Boolean(v.booleanValue);
  if ('timestampValue' in v) return v.timestampValue;
  if ('mapValue' in v) return fields(v.mapValue?.fields);
  if ('arrayValue' in v) return (v.arrayValue?.values ?? []).map(plain);
  if ('bytesValue' in v) return v.bytesValue;
  if ('referenceValue' in v) return v.referenceValue;
  if ('geoPointValue' in v) return { latitude: v.geoPointValue.latitude ?? 0, longitude: v.geoPointValue.longitude ?? 0 };
  return null;
}

// ---- protobuf: google.events.cloud.firestore.v1.DocumentEventData, decoded into the JSON form ----

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.pos = 0;
  }

  more() {
    return this.pos < this.bytes.length;
  }

  varint() {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (this.pos >= this.bytes.length) throw new Error('truncated varint');
      const b = this.bytes[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
    }
  }

  /** [field number, wire type, value]: a BigInt for varints, a Buffer for length-delimited and fixed fields. */
  field() {
    const tag = Number(this.varint());
    const wire = tag & 7;
    let value;
    if (wire === 0) value = this.varint();
    else if (wire === 1) value = this.take(8);
    else if (wire === 2) value = this.take(Number(this.varint()));
    else if (wire === 5) value = this.take(4);
    else throw new Error(`unsupported wire type ${wire}`);
    return [tag >>> 3, wire, value];
  }

  take(n) {
    if (this.pos + n > this.bytes.length) throw new Error('truncated field');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

function decodeMessage(bytes, onField) {
  const r = new Reader(bytes);
  while (r.more()) onField(...r.field());
}

export function decodeDocumentEventData(bytes) {
  const out = {};
  decodeMessage(bytes, (n, wire, v) => {
    if (n === 1 && wire === 2) out.value = decodeDocument(v);
    else if (n === 2 && wire === 2) out.oldValue = decodeDocument(v);
  });
  return out;
}

function decodeDocument(bytes) {
  const doc = { name: '', fields: {} };
  decodeMessage(bytes, (n, wire, v) => {
    if (n === 1 && wire === 2) doc.name = v.toString('utf8');
    else if (n === 2 && wire === 2) Object.assign(doc.fields, decodeMapEntry(v));
  });
  return doc;
}

function decodeMapEntry(bytes) {
  let key = '';
  let value = { nullValue: null };
  decodeMessage(bytes, (n, wire, v) => {
    if (n === 1 && wire === 2) key = v.toString('utf8');
    else if (n === 2 && wire === 2) value = decodeValue(v);
  });
  return { [key]: value };
}

function decodeValue(bytes) {
  let value = { nullValue: null };
  decodeMessage(bytes, (n, wire, v) => {
    switch (n) {
      case 1: value = { booleanValue: v !== 0n }; break;
      case 2: value = { integerValue: BigInt.asIntN(64, v).toString() }; break;
      case 3: value = { doubleValue: v.readDoubleLE(0) }; break;
      case 5: value = { referenceValue: v.toString('utf8') }; break;
      case 6: value = { mapValue: { fields: decodeFields(v) } }; break;
      case 8: value = { geoPointValue: decodeLatLng(v) }; break;
      case 9: value = { arrayValue: { values: decodeValues(v) } }; break;
      case 10: value = { timestampValue: decodeTimestamp(v) }; break;
      case 11: value = { nullValue: null }; break;
      case 17: value = { stringValue: v.toString('utf8') }; break;
      case 18: value = { bytesValue: Buffer.from(v).toString('base64') }; break;
      default: break;
    }
  });
  return value;
}

function decodeFields(bytes) {
  const out = {};
  decodeMessage(bytes, (n, wire, v) => {
    if (n === 1 && wire === 2) Object.assign(out, decodeMapEntry(v));
  });
  return out;
}

function decodeValues(bytes) {
  const out = [];
  decodeMessage(bytes, (n, wire, v) => {
    if (n === 1 && wire === 2) out.push(decodeValue(v));
  });
  return out;
}

function decodeLatLng(bytes) {
  const out = { latitude: 0, longitude: 0 };
  decodeMessage(bytes, (n, wire, v) => {
    if (n === 1 && wire === 1) out.latitude = v.readDoubleLE(0);
    else if (n === 2 && wire === 1) out.longitude = v.readDoubleLE(0);
  });
  return out;
}

/** google.protobuf.Timestamp as RFC 3339 with the nanoseconds Firestore keeps (microseconds). */
function decodeTimestamp(bytes) {
  let seconds = 0n;
  let nanos = 0;
  decodeMessage(bytes, (n, wire, v) => {
    if (n === 1 && wire === 0) seconds = BigInt.asIntN(64, v);
    else if (n === 2 && wire === 0) nanos = Number(v);
  });
  const iso = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  let fraction = String(nanos).padStart(9, '0');
  while (fraction.endsWith('000')) fraction = fraction.slice(0, -3);
  return `${iso}${fraction ? `.${fraction}` : ''}Z`;
}
