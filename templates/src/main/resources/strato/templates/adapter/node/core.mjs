// strato portable-handler adapter: the part shared by every cloud. A cloud's adapter turns its
// native event into one of the neutral events below, calls `invoke`, and turns the neutral answer
// back into its native response. The handler never sees a cloud's event shape.
// Contract: docs/HANDLERS.md. No dependencies beyond Node.js itself.

/** A problem with the incoming event or the handler's module, not with the handler's logic. */
export class AdapterError extends Error {
  constructor(message, status = 400) {
    super(message);
    this.name = 'AdapterError';
    this.status = status;
  }
}

const LEVELS = ['debug', 'info', 'warn', 'error'];

/** A logger writing one JSON object per line: `log.info('order created', {orderId})`. */
export function createLogger(sink = defaultSink, base = {}) {
  const log = {};
  for (const level of LEVELS) {
    log[level] = (message, fields) => sink(level, JSON.stringify({ level, msg: String(message), ...base, ...asFields(fields) }));
  }
  return log;
}

function asFields(fields) {
  if (fields instanceof Error) return { error: fields.message };
  if (fields && typeof fields === 'object') return fields;
  return fields === undefined ? {} : { data: fields };
}

function defaultSink(level, line) {
  (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(line);
}

/** The `ctx` a handler gets. */
export function createContext({ provider, stage, functionName, requestId, deadline, sink }) {
  return Object.freeze({
    provider,
    stage,
    functionName,
    requestId: requestId ?? null,
    deadline: deadline ?? null,
    log: createLogger(sink, { fn: functionName, requestId: requestId ?? undefined }),
  });
}

/**
 * A function the adapter serves: {name, module (path relative to the package root), export,
 * kind (the trigger: http, schedule, queue, topic, bucket, table)}. The handler's module is
 * imported on first use only, so a cold start loads one function's code.
 */
export function defineFunction(spec, packageRoot) {
  let loaded;
  return {
    ...spec,
    handler() {
      loaded ??= importHandler(spec, packageRoot);
      return loaded;
    },
  };
}

async function importHandler(spec, packageRoot) {
  const url = new URL(spec.module, packageRoot);
  let mod;
  try {
    mod = await import(url.href);
  } catch (err) {
    throw new AdapterError(`cannot load ${spec.module} for function ${spec.name}: ${err.message}`, 500);
  }
  const fn = typeof mod[spec.export] === 'function' ? mod[spec.export] : mod.default?.[spec.export];
  if (typeof fn !== 'function') {
    throw new AdapterError(`${spec.module} has no exported function ${spec.export} (function ${spec.name})`, 500);
  }
  return fn;
}

// ---- HTTP ---------------------------------------------------------------------------------

const TEXT_TYPES = /^(text\/|application\/(json|[\w.+-]+\+json|xml|[\w.+-]+\+xml|x-www-form-urlencoded|javascript|graphql)\b)/i;
const JSON_TYPES = /^application\/(json|[\w.+-]+\+json)\b/i;

/** Header names lower-cased; repeated headers joined with ", " as HTTP allows. */
export function lowerHeaders(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    const key = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    out[key] = key in out ? `${out[key]}, ${text}` : text;
  }
  return out;
}

/**
 * The neutral HTTP event. `body` is a Buffer, a string, or null; `base64` says a string body is
 * base64 (as API Gateway sends binary). JSON bodies are parsed (malformed JSON is a 400), text
 * stays text, anything else is binary: `body` null and `rawBody` base64.
 */
export function httpEvent({ method, path, route, params, query, headers, body, base64 = false }) {
  const h = lowerHeaders(headers);
  const bytes = body === undefined || body === null ? null
    : Buffer.isBuffer(body) ? body
    : body instanceof Uint8Array ? Buffer.from(body)
    : Buffer.from(String(body), base64 ? 'base64' : 'utf8');
  const type = h['content-type'] ?? '';
  const event = {
    kind: 'http',
    method: String(method ?? 'GET').toUpperCase(),
    path: path ?? '/',
    route: route ?? null,
    params: { ...(params ?? {}) },
    query: { ...(query ?? {}) },
    headers: h,
    body: null,
    rawBody: null,
  };
  if (bytes === null || bytes.length === 0) return event;
  if (JSON_TYPES.test(type) || (!type && looksLikeJson(bytes))) {
    try {
      event.body = JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      if (!type) event.body = bytes.toString('utf8');
      else throw new AdapterError(`request body is not valid JSON: ${err.message}`);
    }
  } else if (!type || TEXT_TYPES.test(type)) {
    event.body = bytes.toString('utf8');
  } else {
    event.rawBody = bytes.toString('base64');
  }
  return event;
}

function looksLikeJson(bytes) {
  const first = bytes.toString('utf8', 0, Math.min(bytes.length, 64)).trimStart()[0];
  return first === '{' || first === '[';
}

/**
 * The handler's answer as {status, headers, body (string), base64}: `{status, headers, body}`
 * as given (object body → JSON, Buffer → base64), any other value → 200 JSON, nothing → 204.
 */
export function httpResponse(value) {
  if (value === undefined || value === null) return { status: 204, headers: {}, body: '', base64: false };
  const shaped = typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value)
    && Number.isInteger(value.status) && value.status >= 100 && value.status <= 599;
  const status = shaped ? value.status : 200;
  const headers = shaped ? lowerHeaders(value.headers) : {};
  const body = shaped ? value.body : value;
  if (body === undefined || body === null) return { status, headers, body: '', base64: false };
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) {
    headers['content-type'] ??= 'application/octet-stream';
    return { status, headers, body: Buffer.from(body).toString('base64'), base64: true };
  }
  if (typeof body === 'string') {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return { status, headers, body, base64: false };
  }
  headers['content-type'] ??= 'application/json';
  return { status, headers, body: JSON.stringify(body), base64: false };
}

function errorResponse(status, message, ctx) {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: message, requestId: ctx.requestId }),
    base64: false,
  };
}

/** Runs an HTTP function: never throws; bad requests are 400, handler failures 500 (logged). */
export async function invokeHttp(fn, ctx, request) {
  let event;
  try {
    event = httpEvent(request);
  } catch (err) {
    ctx.log.warn('bad request', { error: err.message });
    return errorResponse(err.status ?? 400, err.message, ctx);
  }
  try {
    const handler = await fn.handler();
    return httpResponse(await handler(event, ctx));
  } catch (err) {
    ctx.log.error('handler failed', { error: err?.message ?? String(err), stack: err?.stack });
    return errorResponse(500, 'Internal Server Error', ctx);
  }
}

// ---- messages, changes, schedules, objects -------------------------------------------------

/** A message body: parsed when it is JSON, else the text. */
export function messageBody(text) {
  if (text === undefined || text === null) return null;
  const s = Buffer.isBuffer(text) ? text.toString('utf8') : String(text);
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** {kind: queue|topic, messages: [{id, body, attributes, deliveryAttempt}]} */
export function messageEvent(kind, messages) {
  return {
    kind,
    messages: messages.map((m) => ({
      id: String(m.id),
      body: m.body,
      attributes: m.attributes ?? {},
      deliveryAttempt: m.deliveryAttempt ?? null,
    })),
  };
}

/** {kind: table, changes: [{action: insert|modify|remove, key, new, old}]} */
export function tableEvent(changes) {
  return {
    kind: 'table',
    changes: changes.map((c) => ({ id: c.id ?? null, action: c.action, key: c.key ?? null, new: c.new ?? null, old: c.old ?? null })),
  };
}

/** {kind: schedule, time, input} */
export function scheduleEvent(time, input) {
  return { kind: 'schedule', time: new Date(time ?? Date.now()).toISOString(), input: input ?? null };
}

/** {kind: bucket, bucket, key, size, etag, action: created|deleted, time} */
export function bucketEvent({ bucket, key, size, etag, action, time }) {
  return {
    kind: 'bucket',
    bucket,
    key,
    size: size ?? null,
    etag: etag ?? null,
    action,
    time: time ? new Date(time).toISOString() : null,
  };
}

/**
 * Runs a batch function (queue, topic, table). Returns the ids to retry (empty: all done);
 * throws when the whole batch must be retried (the handler threw, or the event was unusable).
 * `ids` are the ids of the batch's items, to check what the handler reports.
 */
export async function invokeBatch(fn, ctx, event, ids) {
  const handler = await fn.handler();
  let result;
  try {
    result = await handler(event, ctx);
  } catch (err) {
    ctx.log.error('handler failed, the batch will be retried', { error: err?.message ?? String(err), stack: err?.stack });
    throw err;
  }
  if (result === undefined || result === null) return [];
  const failed = Array.isArray(result?.failed) ? result.failed.map(String) : null;
  if (failed === null) {
    ctx.log.warn('handler returned something other than {failed: [ids]}: ignored', { result: typeof result });
    return [];
  }
  const known = new Set(ids.map(String));
  const unknown = failed.filter((id) => !known.has(id));
  if (unknown.length) ctx.log.warn('handler reported failed ids not in the batch: ignored', { ids: unknown });
  return failed.filter((id) => known.has(id));
}

/** Runs a function whose answer is ignored (schedule, bucket); a throw propagates (the cloud retries). */
export async function invokeEvent(fn, ctx, event) {
  const handler = await fn.handler();
  try {
    await handler(event, ctx);
  } catch (err) {
    ctx.log.error('handler failed', { error: err?.message ?? String(err), stack: err?.stack });
    throw err;
  }
}
