"""strato portable-handler adapter for ``strato invoke --local``: runs one function on this machine.

strato writes the request (function, ctx facts and the kind's raw parts) as JSON on stdin; this
runner builds the neutral event with the core, calls the handler through the core's ``invoke_*``
functions, and writes {event, answer, error, runtime} as JSON to the file named by argv[1].
Log lines (ctx.log and the handler's own output) go to stdout/stderr as they are written.
"""
import base64
import inspect
import json
import os
import platform
import sys
import traceback

from . import core


class _Observed(core.Function):
    """The function, watched: what the handler got, returned or raised (the core's invoke_* keep none of it)."""

    def __init__(self, spec):
        super().__init__(spec["name"], spec["module"], spec["export"], spec["kind"])
        self.event = None
        self.answer = None
        self.error = None

    def handler(self):
        try:
            handler = super().handler()
        except Exception as err:
            self.error = err
            raise

        def watched(event, ctx):
            self.event = event
            try:
                result = handler(event, ctx)
            except Exception as err:
                self.error = err
                raise
            return self._settle(result) if inspect.isawaitable(result) else self._keep(result)

        return watched

    async def _settle(self, awaitable):
        try:
            return self._keep(await awaitable)
        except Exception as err:
            self.error = err
            raise

    def _keep(self, value):
        self.answer = value
        return value


def _sink(stacktrace):
    def sink(level, line):
        if not stacktrace and '"stack"' in line:
            record = json.loads(line)
            record.pop("stack", None)
            line = json.dumps(record, default=str)
        print(line, file=sys.stderr if level in ("warn", "error") else sys.stdout, flush=True)

    return sink


def _run(request_in, fn):
    spec, request = request_in["function"], request_in["request"]
    facts = request_in["ctx"]
    ctx = core.Context("local", facts["stage"], facts["functionName"], facts.get("requestId"), facts.get("deadline"),
                       _sink(request_in.get("stacktrace", False)))
    kind = spec["kind"]
    if kind == "http":
        return core.invoke_http(fn, ctx, method=request.get("method"), path=request.get("path"), route=request.get("route"),
                                params=request.get("params"), query=request.get("query"), headers=request.get("headers"),
                                body=request.get("body"), base64_body=request.get("base64", False))
    if kind in ("queue", "topic"):
        messages = [dict(m, body=core.message_body(m.get("body"))) for m in request["messages"]]
        event = core.message_event(kind, messages)
        return {"failed": core.invoke_batch(fn, ctx, event, [m["id"] for m in event["messages"]])}
    if kind == "table":
        event = core.table_event(request["changes"])
        return {"failed": core.invoke_batch(fn, ctx, event, [c["id"] for c in event["changes"]])}
    if kind == "schedule":
        event = core.schedule_event(request.get("time"), request.get("input"))
    elif kind == "bucket":
        event = core.bucket_event(request["bucket"], request["key"], request["action"], request.get("size"),
                                  request.get("etag"), request.get("time"))
    else:
        event = request.get("event")
    core.invoke_event(fn, ctx, event)
    return fn.answer


def _plain(value):
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)


def main():
    request_in = json.loads(sys.stdin.read())
    fn = _Observed(request_in["function"])
    answer = None
    try:
        answer = _run(request_in, fn)
    except Exception as err:  # reported in the result file; the core has logged it
        fn.error = fn.error or err
    error = None
    if fn.error is not None:
        error = {"message": "".join(traceback.format_exception_only(type(fn.error), fn.error)).strip(),
                 "stack": "".join(traceback.format_exception(type(fn.error), fn.error, fn.error.__traceback__))}
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump({"event": fn.event, "answer": answer, "error": error,
                   "runtime": f"python {platform.python_version()}"}, out, default=_plain)
    sys.stdout.flush()
    sys.stderr.flush()
    # a cloud freezes the function after its answer; threads the handler left must not keep this process alive
    os._exit(0)


if __name__ == "__main__":
    main()
