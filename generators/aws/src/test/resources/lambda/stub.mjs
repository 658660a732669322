// A recording handler: appends {event, ctx} to $STUB_RECORD and answers with $STUB_ANSWER (JSON):
// {"failedIndex": i} → {failed: [id of message/change i]}; "bodyBase64" → a binary body;
// {"throw": "message"} → throws.
import { appendFileSync } from 'node:fs';

export async function handle(event, ctx) {
  const { provider, stage, functionName, requestId, deadline } = ctx;
  appendFileSync(process.env.STUB_RECORD, JSON.stringify({ event, ctx: { provider, stage, functionName, requestId, deadline } }) + '\n');
  ctx.log.info('stub called', { kind: event?.kind ?? null });
  const answer = JSON.parse(process.env.STUB_ANSWER ?? 'null');
  if (answer?.throw) throw new Error(answer.throw);
  if (answer?.failedIndex !== undefined) return { failed: [(event.messages ?? event.changes)[answer.failedIndex].id] };
  if (answer?.bodyBase64) return { ...answer, bodyBase64: undefined, body: Buffer.from(answer.bodyBase64, 'base64') };
  return answer;
}

export const handle_async = handle;
