// Test driver: calls one function of a generated Azure app as the Functions Node.js v3 worker does
// (https://learn.microsoft.com/azure/azure-functions/functions-reference-node?pivots=nodejs-model-v3):
// imports function.json's scriptFile (an ES module when .mjs), calls its entryPoint export with
// (context, trigger value), context.bindingData = the trigger metadata with camelCase keys, string
// trigger data parsed when it is JSON, and binary data (dataType binary, HTTP bodies) as a Buffer.
// Prints {ok, result | error, logs} as one JSON line.
// usage: node run-node.mjs APP_DIR FUNCTION SAMPLE.json
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [appDir, functionName, samplePath] = process.argv.slice(2);
const functionJson = JSON.parse(readFileSync(path.join(appDir, functionName, 'function.json'), 'utf8'));
const sample = JSON.parse(readFileSync(samplePath, 'utf8'));
const binding = functionJson.bindings.find((b) => b.direction === 'in' && /Trigger$/.test(b.type));

const logs = [];
const logAt = (level) => (...args) => logs.push({ level, line: args.join(' ') });
const log = logAt('info');
Object.assign(log, { verbose: logAt('verbose'), info: logAt('info'), warn: logAt('warn'), error: logAt('error') });
const context = { invocationId: sample.invocationId, bindingData: camel(sample.metadata ?? {}), bindings: {}, log };

let out;
try {
  const mod = await import(pathToFileURL(path.resolve(appDir, functionName, functionJson.scriptFile)).href);
  const result = await mod[functionJson.entryPoint](context, triggerValue(binding, sample));
  out = { ok: true, result: serialise(result) };
} catch (err) {
  out = { ok: false, error: err?.message ?? String(err) };
}
console.log(JSON.stringify({ ...out, logs }));

function triggerValue(b, s) {
  if (s.raw) return s.trigger;
  if (b.type === 'httpTrigger') return request(s.trigger);
  if (s.triggerBase64 !== undefined) return Buffer.from(s.triggerBase64, 'base64');
  if (Array.isArray(s.trigger)) return s.trigger.map(fromString);
  return fromString(s.trigger);
}

function request(r) {
  const bytes = r.bodyBase64 !== undefined ? Buffer.from(r.bodyBase64, 'base64') : r.body === undefined ? undefined : Buffer.from(r.body);
  const type = Object.entries(r.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  const text = bytes?.toString('utf8');
  const binary = r.bodyBase64 !== undefined;
  let body = binary ? bytes : text;
  if (!binary && /json/i.test(type)) body = fromString(text);
  return { method: r.method, url: r.url, originalUrl: r.url, headers: r.headers ?? {}, query: r.query ?? {}, params: r.params ?? {}, body, rawBody: text };
}

function fromString(value) {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function camel(value) {
  if (Array.isArray(value)) return value.map(camel);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), camel(v)]));
}

function serialise(value) {
  if (value && typeof value === 'object' && Buffer.isBuffer(value.body)) return { ...value, body: { base64: value.body.toString('base64') } };
  return value ?? null;
}
