// strato portable-handler adapter for `strato invoke --local`: runs one function on this machine.
// strato writes the request (function, ctx facts and the kind's raw parts) as JSON on stdin; this
// runner builds the neutral event with the core, calls the handler through the core's invoke*
// functions, and writes {event, answer, error, runtime} as JSON to the file named by argv[2].
// Log lines (ctx.log and the handler's own output) go to stdout/stderr as they are written.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  bucketEvent, createContext, defineFunction, invokeBatch, invokeEvent, invokeHttp, messageBody, messageEvent,
  scheduleEvent, tableEvent,
} from './core.mjs';

/** The function, watched: what the handler got, returned or threw (the core's invoke* keep none of it). */
function observed(fn, seen) {
  return {
    ...fn,
    async handler() {
      let handler;
      try {
        handler = await fn.handler();
      } catch (err) {
        seen.error = err;
        throw err;
      }
      return async (event, ctx) => {
        seen.event = event;
        try {
          seen.answer = await handler(event, ctx);
          return seen.answer;
        } catch (err) {
          seen.error = err;
          throw err;
        }
      };
    },
  };
}

function sinkFor(stacktrace) {
  return (level, line) => {
    let text = line;
    if (!stacktrace && line.includes('"stack"')) {
      const { stack, ...rest } = JSON.parse(line);
      text = JSON.stringify(rest);
    }
    (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  };
}

async function run(input, seen) {
  const { function: spec, root, request, stacktrace } = input;
  const fn = observed(defineFunction(spec, pathToFileURL(root.endsWith('/') ? root : `${root}/`)), seen);
  const ctx = createContext({ provider: 'local', ...input.ctx, sink: sinkFor(stacktrace) });
  switch (spec.kind) {
    case 'http':
      return invokeHttp(fn, ctx, request);
    case 'queue':
    case 'topic': {
      const event = messageEvent(spec.kind, request.messages.map((m) => ({ ...m, body: messageBody(m.body) })));
      return { failed: await invokeBatch(fn, ctx, event, event.messages.map((m) => m.id)) };
    }
    case 'table': {
      const event = tableEvent(request.changes);
      return { failed: await invokeBatch(fn, ctx, event, event.changes.map((c) => c.id)) };
    }
    case 'schedule':
      await invokeEvent(fn, ctx, scheduleEvent(request.time, request.input));
      return seen.answer;
    case 'bucket':
      await invokeEvent(fn, ctx, bucketEvent(request));
      return seen.answer;
    default:
      await invokeEvent(fn, ctx, request.event);
      return seen.answer;
  }
}

const seen = {};
const input = JSON.parse(readFileSync(0, 'utf8'));
let answer = null;
try {
  answer = await run(input, seen);
} catch (err) {
  seen.error ??= err;
}
const error = seen.error === undefined ? null
  : { message: seen.error?.message ?? String(seen.error), stack: seen.error?.stack ?? null };
const json = (value) => JSON.stringify(value ?? null, (key, v) => (typeof v === 'bigint' ? String(v) : v));
writeFileSync(process.argv[2], `{"event":${json(seen.event)},"answer":${json(answer)},"error":${json(error)},`
  + `"runtime":${json(`node ${process.version}`)}}`);
// A cloud freezes the function after its answer; here open handles (timers, keep-alive sockets)
// would keep the process alive until strato's timeout: end it once the output had time to drain.
setTimeout(() => process.exit(0), 50).unref();
