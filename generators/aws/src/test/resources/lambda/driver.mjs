// Invokes a Lambda handler the way the Node.js runtime does: resolves "<module>.<export>" under
// the package root (trying .js, .mjs, .cjs), calls it with the event and a context of the
// documented shape, and writes {ok, result} or {ok: false, error} (the invocation error) to a file.
// usage: node driver.mjs <packageDir> <handler> <eventFile> <resultFile>
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [packageDir, handlerName, eventFile, resultFile] = process.argv.slice(2);
const dot = handlerName.indexOf('.', handlerName.lastIndexOf('/'));
const base = path.resolve(packageDir, handlerName.slice(0, dot));
const file = ['.js', '.mjs', '.cjs'].map((ext) => base + ext).find(existsSync);
const mod = await import(pathToFileURL(file).href);
const handler = handlerName.slice(dot + 1).split('.').reduce((o, k) => o?.[k], mod);
const timeoutMs = 3000;
const start = Date.now();
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'strato-test-fn',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:strato-test-fn',
  memoryLimitInMB: '128',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/strato-test-fn',
  logStreamName: '2026/11/27/[$LATEST]abcdef',
  getRemainingTimeInMillis: () => timeoutMs - (Date.now() - start),
};
let outcome;
try {
  outcome = { ok: true, result: (await handler(JSON.parse(readFileSync(eventFile, 'utf8')), context)) ?? null, start };
} catch (err) {
  outcome = { ok: false, error: String(err?.message ?? err), start };
}
writeFileSync(resultFile, JSON.stringify(outcome));
