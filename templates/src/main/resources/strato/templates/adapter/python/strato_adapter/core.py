"""The part of strato's adapter shared by every cloud.

A cloud's adapter turns its native event into one of the neutral events below, calls an
``invoke_*`` function, and turns the neutral answer back into its native response. The handler
never sees a cloud's event shape. Contract: docs/HANDLERS.md.
"""
import base64
import importlib
import json
import re
import sys
import traceback
from collections.abc import Awaitable
from datetime import datetime, timezone


class AdapterError(Exception):
    """A problem with the incoming event or the handler's module, not with the handler's logic."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


class Log:
    """``ctx.log.info("created user %s", user_id, extra_field=1)``: one JSON object per line."""

    def __init__(self, base, sink=None):
        self._base = {k: v for k, v in base.items() if v is not None}
        self._sink = sink or _default_sink

    def _write(self, level, msg, args, fields):
        text = str(msg) % args if args else str(msg)
        record = {"level": level, "msg": text, **self._base, **fields}
        self._sink(level, json.dumps(record, default=str))

    def debug(self, msg, *args, **fields):
        self._write("debug", msg, args, fields)

    def info(self, msg, *args, **fields):
        self._write("info", msg, args, fields)

    def warning(self, msg, *args, **fields):
        self._write("warn", msg, args, fields)

    warn = warning

    def error(self, msg, *args, **fields):
        self._write("error", msg, args, fields)

    def exception(self, msg, *args, **fields):
        fields.setdefault("stack", traceback.format_exc())
        self._write("error", msg, args, fields)


def _default_sink(level, line):
    stream = sys.stderr if level in ("warn", "error") else sys.stdout
    print(line, file=stream, flush=True)


class Context:
    """The ``ctx`` a handler gets (attributes; ``ctx.get(name)`` works too)."""

    __slots__ = ("provider", "stage", "function_name", "request_id", "deadline", "log")

    def __init__(self, provider, stage, function_name, request_id=None, deadline=None, sink=None):
        self.provider = provider
        self.stage = stage
        self.function_name = function_name
        self.request_id = request_id
        self.deadline = deadline
        self.log = Log({"fn": function_name, "requestId": request_id}, sink)

    # the contract's camelCase names, as Node.js handlers see them
    functionName = property(lambda self: self.function_name)
    requestId = property(lambda self: self.request_id)

    def get(self, name, default=None):
        return getattr(self, name, default)


class Function:
    """A function the adapter serves. The handler's module is imported on first use only."""

    def __init__(self, name, module, export, kind):
        self.name = name
        self.module = module  # dotted module name relative to the package root, e.g. src.orders
        self.export = export
        self.kind = kind
        self._handler = None

    def handler(self):
        if self._handler is None:
            try:
                mod = importlib.import_module(self.module)
            except Exception as err:  # the handler's own import error, reported as such
                raise AdapterError(f"cannot load {self.module} for function {self.name}: {err}", 500) from err
            fn = getattr(mod, self.export, None)
            if not callable(fn):
                raise AdapterError(f"{self.module} has no function {self.export} (function {self.name})", 500)
            self._handler = fn
        return self._handler


def call(fn, event, ctx):
    """Calls a sync or async handler and returns its value."""
    result = fn.handler()(event, ctx)
    if isinstance(result, Awaitable):
        import asyncio  # only async handlers pay for importing asyncio (about 150 ms of a cold start)
        result = asyncio.run(_await(result))
    return result


async def _await(awaitable):
    return await awaitable


# ---- HTTP ------------------------------------------------------------------------------------

_TEXT = re.compile(r"^(text/|application/(json|[\w.+-]+\+json|xml|[\w.+-]+\+xml|x-www-form-urlencoded|javascript|graphql)\b)", re.I)
_JSON = re.compile(r"^application/(json|[\w.+-]+\+json)\b", re.I)


def lower_headers(headers):
    """Header names lower-cased; repeated headers joined with ", " as HTTP allows."""
    out = {}
    for name, value in (headers or {}).items():
        if value is None:
            continue
        text = ", ".join(str(v) for v in value) if isinstance(value, (list, tuple)) else str(value)
        key = name.lower()
        out[key] = f"{out[key]}, {text}" if key in out else text
    return out


def http_event(method="GET", path="/", route=None, params=None, query=None, headers=None, body=None, base64_body=False):
    """The neutral HTTP event; JSON bodies parsed (malformed JSON raises a 400), text kept, else binary."""
    h = lower_headers(headers)
    if body is None:
        data = None
    elif isinstance(body, (bytes, bytearray)):
        data = bytes(body)
    elif base64_body:
        data = base64.b64decode(body)
    else:
        data = str(body).encode("utf-8")
    event = {
        "kind": "http",
        "method": str(method or "GET").upper(),
        "path": path or "/",
        "route": route,
        "params": dict(params or {}),
        "query": dict(query or {}),
        "headers": h,
        "body": None,
        "rawBody": None,
    }
    if not data:
        return event
    ctype = h.get("content-type", "")
    if _JSON.match(ctype) or (not ctype and data.lstrip()[:1] in (b"{", b"[")):
        try:
            event["body"] = json.loads(data.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as err:
            if ctype:
                raise AdapterError(f"request body is not valid JSON: {err}") from err
            event["body"] = data.decode("utf-8", errors="replace")
    elif not ctype or _TEXT.match(ctype):
        event["body"] = data.decode("utf-8", errors="replace")
    else:
        event["rawBody"] = base64.b64encode(data).decode("ascii")
    return event


def http_response(value):
    """{status, headers, body (str), base64}: a {status, headers, body} dict as given, any other value 200 JSON, None 204."""
    if value is None:
        return {"status": 204, "headers": {}, "body": "", "base64": False}
    shaped = isinstance(value, dict) and isinstance(value.get("status"), int) and not isinstance(value.get("status"), bool) \
        and 100 <= value["status"] <= 599
    status = value["status"] if shaped else 200
    headers = lower_headers(value.get("headers")) if shaped else {}
    body = value.get("body") if shaped else value
    if body is None:
        return {"status": status, "headers": headers, "body": "", "base64": False}
    if isinstance(body, (bytes, bytearray)):
        headers.setdefault("content-type", "application/octet-stream")
        return {"status": status, "headers": headers, "body": base64.b64encode(bytes(body)).decode("ascii"), "base64": True}
    if isinstance(body, str):
        headers.setdefault("content-type", "text/plain; charset=utf-8")
        return {"status": status, "headers": headers, "body": body, "base64": False}
    headers.setdefault("content-type", "application/json")
    return {"status": status, "headers": headers, "body": to_json(body), "base64": False}


def to_json(value):
    """JSON as Node.js's JSON.stringify writes it (no spaces, UTF-8 kept), so both runtimes answer alike."""
    return json.dumps(value, default=str, separators=(",", ":"), ensure_ascii=False)


def _error_response(status, message, ctx):
    return {"status": status, "headers": {"content-type": "application/json"},
            "body": to_json({"error": message, "requestId": ctx.request_id}), "base64": False}


def invoke_http(fn, ctx, **request):
    """Runs an HTTP function; never raises: bad requests are 400, handler failures 500 (logged)."""
    try:
        event = http_event(**request)
    except AdapterError as err:
        ctx.log.warning("bad request", error=str(err))
        return _error_response(err.status, str(err), ctx)
    try:
        return http_response(call(fn, event, ctx))
    except Exception as err:  # the handler's failure must become a 500, not a crashed worker
        ctx.log.error("handler failed", error=str(err), stack=traceback.format_exc())
        return _error_response(500, "Internal Server Error", ctx)


# ---- messages, changes, schedules, objects ---------------------------------------------------

def message_body(text):
    """A message body: parsed when it is JSON, else the text."""
    if text is None:
        return None
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", errors="replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


def message_event(kind, messages):
    """{kind: queue|topic, messages: [{id, body, attributes, deliveryAttempt}]}"""
    return {"kind": kind, "messages": [
        {"id": str(m["id"]), "body": m.get("body"), "attributes": m.get("attributes") or {},
         "deliveryAttempt": m.get("deliveryAttempt")} for m in messages]}


def table_event(changes):
    """{kind: table, changes: [{id, action: insert|modify|remove, key, new, old}]}"""
    return {"kind": "table", "changes": [
        {"id": c.get("id"), "action": c["action"], "key": c.get("key"), "new": c.get("new"), "old": c.get("old")}
        for c in changes]}


def iso_time(value=None):
    """ISO 8601 UTC with milliseconds, as Node's Date.toISOString gives."""
    if value is None:
        moment = datetime.now(timezone.utc)
    elif isinstance(value, (int, float)):
        moment = datetime.fromtimestamp(value / 1000, timezone.utc)
    else:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def schedule_event(time=None, input=None):
    """{kind: schedule, time, input}"""
    return {"kind": "schedule", "time": iso_time(time), "input": input}


def bucket_event(bucket, key, action, size=None, etag=None, time=None):
    """{kind: bucket, bucket, key, size, etag, action: created|deleted, time}"""
    return {"kind": "bucket", "bucket": bucket, "key": key, "size": size, "etag": etag, "action": action,
            "time": iso_time(time) if time is not None else None}


def invoke_batch(fn, ctx, event, ids):
    """Runs a batch function (queue, topic, table): the ids to retry; raises to retry the whole batch."""
    try:
        result = call(fn, event, ctx)
    except Exception as err:
        ctx.log.error("handler failed, the batch will be retried", error=str(err), stack=traceback.format_exc())
        raise
    if result is None:
        return []
    failed = result.get("failed") if isinstance(result, dict) else None
    if not isinstance(failed, (list, tuple)):
        ctx.log.warning("handler returned something other than {failed: [ids]}: ignored")
        return []
    known = {str(i) for i in ids}
    failed = [str(i) for i in failed]
    unknown = [i for i in failed if i not in known]
    if unknown:
        ctx.log.warning("handler reported failed ids not in the batch: ignored", ids=unknown)
    return [i for i in failed if i in known]


def invoke_event(fn, ctx, event):
    """Runs a function whose answer is ignored (schedule, bucket); a raise propagates (the cloud retries)."""
    try:
        call(fn, event, ctx)
    except Exception as err:
        ctx.log.error("handler failed", error=str(err), stack=traceback.format_exc())
        raise
