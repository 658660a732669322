"""A recording handler: appends {event, ctx} to $STUB_RECORD and answers with $STUB_ANSWER (JSON):
{"failedIndex": i} -> {failed: [id of message/change i]}; "bodyBase64" -> a binary body;
{"throw": "message"} -> raises."""
import base64
import json
import os


def handle(event, ctx):
    seen = {"provider": ctx.provider, "stage": ctx.stage, "functionName": ctx.functionName, "requestId": ctx.requestId,
            "deadline": ctx.deadline}
    with open(os.environ["STUB_RECORD"], "a", encoding="utf-8") as f:
        f.write(json.dumps({"event": event, "ctx": seen}) + "\n")
    ctx.log.info("stub called", kind=event.get("kind") if isinstance(event, dict) else None)
    answer = json.loads(os.environ.get("STUB_ANSWER", "null"))
    if isinstance(answer, dict) and answer.get("throw"):
        raise RuntimeError(answer["throw"])
    if isinstance(answer, dict) and "failedIndex" in answer:
        return {"failed": [(event.get("messages") or event.get("changes"))[answer["failedIndex"]]["id"]]}
    if isinstance(answer, dict) and answer.get("bodyBase64"):
        return {**{k: v for k, v in answer.items() if k != "bodyBase64"}, "body": base64.b64decode(answer["bodyBase64"])}
    return answer


async def handle_async(event, ctx):
    """The same as a coroutine: the adapter awaits it."""
    return handle(event, ctx)
