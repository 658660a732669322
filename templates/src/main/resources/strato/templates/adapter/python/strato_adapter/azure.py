"""strato portable-handler adapter for Azure Functions, Python v1 programming model (function.json).

The generated ``strato_adapter/azure_entry.py`` defines one function per Azure function, its
parameters named as the function.json bindings (the worker binds by name) plus ``context``; each
calls ``adapt(...)(trigger, context)``. The trigger objects are ``azure.functions`` types; only
their documented attributes are used, and ``azure.functions`` itself is imported only to build
an ``HttpResponse``. Python v1 reference:
https://learn.microsoft.com/azure/azure-functions/functions-reference-python?pivots=python-mode-configuration
"""
import base64
import json
import logging
import os
import re
import time
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from urllib.parse import urlsplit

from . import core

_LOG = logging.getLogger("strato")
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warn": logging.WARNING, "error": logging.ERROR}
# Cosmos DB system properties, not part of the item the handler wrote.
_COSMOS_SYSTEM = {"_rid", "_self", "_etag", "_attachments", "_ts", "_lsn"}
# A timer may fire slightly before its scheduled occurrence (the host allows for clock skew).
_SKEW_S = 60
_BLOB_SUBJECT = re.compile(r"^/blobServices/default/containers/([^/]+)/blobs/(.+)$")
_BLOB_ACTIONS = {"Microsoft.Storage.BlobCreated": "created", "Microsoft.Storage.BlobDeleted": "deleted"}
_ROUTE_PARAM = re.compile(r"\{([^}]+)\}")


def _sink(level, line):
    # The Python worker sends the logging module's records to the host's log for the invocation.
    _LOG.log(_LEVELS.get(level, logging.INFO), line)


def adapt(name, module, export, kind, stage, timeout_ms, trigger, many=False, route=None, input_setting=None,
          partition_key=None):
    """One Azure function: a callable ``(trigger value, context)`` for the generated entry to call."""
    spec = dict(name=name, kind=kind, trigger=trigger, many=many, route=route, input_setting=input_setting,
                partition_key=partition_key)
    fn = core.Function(name, module, export, kind)
    translate = _TRANSLATORS.get(kind)
    if translate is None:
        raise core.AdapterError(f"no Azure adapter for trigger kind {kind} (function {name})", 500)

    def run(value, context):
        ctx = core.Context("azure", stage, name, getattr(context, "invocation_id", None),
                           int(time.time() * 1000) + timeout_ms, _sink)
        return translate(spec, fn, ctx, value)

    return run


def _reported(ctx, work):
    """Runs a non-HTTP translation: a bad event is one error line, then a raise (the host's failure signal)."""
    try:
        return work()
    except core.AdapterError as err:
        ctx.log.error(f"bad event: {err}" if err.status == 400 else str(err))
        raise


def _describe(value):
    if value is None:
        return "None"
    return type(value).__name__


# ---- HTTP: func.HttpRequest -> func.HttpResponse --------------------------------------------

def _http(spec, fn, ctx, req):
    try:
        request = _http_request(spec, req)
    except core.AdapterError as err:
        ctx.log.error(f"bad event: {err}")
        return _native_response(core.http_response({"status": 400, "body": {"error": str(err), "requestId": ctx.request_id}}))
    return _native_response(core.invoke_http(fn, ctx, **request))


def _http_request(spec, req):
    if not all(hasattr(req, a) for a in ("method", "url", "headers", "get_body")):
        raise core.AdapterError(f"function {spec['name']} expects an HTTP request, got {_describe(req)}")
    route = spec["route"]
    params = getattr(req, "route_params", None) or {}
    names = [n.rstrip("+") for n in _ROUTE_PARAM.findall(route or "")]
    return {
        "method": req.method,
        "path": urlsplit(req.url).path or "/",
        "route": route,
        "params": {n: str(params[n]) for n in names if params.get(n) is not None},
        "query": dict(getattr(req, "params", None) or {}),
        "headers": dict(req.headers or {}),
        "body": req.get_body(),
    }


def _native_response(r):
    import azure.functions as func  # only here: the worker provides it, nothing else needs it

    body = base64.b64decode(r["body"]) if r["base64"] else r["body"]
    return func.HttpResponse(body, status_code=r["status"], headers=r["headers"])


# ---- timer: func.TimerRequest (past_due, schedule_status) -----------------------------------

def _schedule(spec, fn, ctx, timer):
    return _reported(ctx, lambda: core.invoke_event(fn, ctx, core.schedule_event(_occurrence(timer), _schedule_input(spec))))


def _occurrence(timer):
    """
    The occurrence this run is for: while a timer runs, its schedule status is the one recorded
    before the run, whose ``Next`` is this occurrence (or the missed one when past due); older
    azure-functions versions and timers without a schedule monitor have none: the time is now.
    """
    if not hasattr(timer, "past_due"):
        raise core.AdapterError(f"expected a timer, got {_describe(timer)}")
    status = getattr(timer, "schedule_status", None) or {}
    now = datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(str(status.get("Next")).replace("Z", "+00:00"))
    except ValueError:
        return core.iso_time(now.isoformat())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return core.iso_time((moment if (moment - now).total_seconds() <= _SKEW_S else now).isoformat())


def _schedule_input(spec):
    setting = spec["input_setting"]
    text = os.environ.get(setting) if setting else None
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError as err:
        raise core.AdapterError(f"app setting {setting} is not JSON: {err}") from err


# ---- Service Bus and Storage queues ---------------------------------------------------------

def _messages(spec, fn, ctx, value):
    def work():
        if spec["trigger"] == "queueTrigger":
            batch = [_storage_queue_message(value)]
        else:
            items = value if spec["many"] else [value]
            if not isinstance(items, Sequence):
                raise core.AdapterError(f"expected a batch of Service Bus messages (cardinality many), got {_describe(value)}")
            batch = [_service_bus_message(m) for m in items]
        failed = core.invoke_batch(fn, ctx, core.message_event(spec["kind"], batch), [m["id"] for m in batch])
        _retry_failed(ctx, failed, len(batch), "messages")

    return _reported(ctx, work)


def _service_bus_message(m):
    if not hasattr(m, "get_body"):
        raise core.AdapterError(f"expected a Service Bus message, got {_describe(m)}")
    props = getattr(m, "application_properties", None) or getattr(m, "user_properties", None) or {}
    return {"id": _required(getattr(m, "message_id", None), "message_id"), "body": core.message_body(m.get_body()),
            "attributes": dict(props), "deliveryAttempt": getattr(m, "delivery_count", None)}


def _storage_queue_message(m):
    if not hasattr(m, "get_body"):
        raise core.AdapterError(f"expected a queue message, got {_describe(m)}")
    return {"id": _required(getattr(m, "id", None), "id"), "body": core.message_body(m.get_body()), "attributes": {},
            "deliveryAttempt": getattr(m, "dequeue_count", None)}


def _required(value, name):
    if value is None or value == "":
        raise core.AdapterError(f"the trigger metadata has no {name}")
    return str(value)


def _retry_failed(ctx, failed, total, what):
    """Azure settles a whole invocation: any failed item fails it, and the host redelivers the batch."""
    if not failed:
        return
    ctx.log.error(f"{len(failed)} of {total} {what} failed: the invocation fails so that Azure retries all {total}", failed=failed)
    raise RuntimeError(f"{len(failed)} of {total} {what} failed ({', '.join(failed)})")


# ---- blobs: func.InputStream (blob trigger, created) or func.EventGridEvent (deleted) --------

def _bucket(spec, fn, ctx, value):
    return _reported(ctx, lambda: core.invoke_event(fn, ctx, _event_grid_blob(value) if hasattr(value, "event_type") else _blob_trigger(value)))


def _event_grid_blob(event):
    """https://learn.microsoft.com/azure/event-grid/event-schema-blob-storage"""
    action = _BLOB_ACTIONS.get(event.event_type)
    if action is None:
        raise core.AdapterError(f"expected a blob created or deleted event, got {event.event_type}")
    match = _BLOB_SUBJECT.match(event.subject or "")
    if match is None:
        raise core.AdapterError(f"event subject {event.subject} is not a blob")
    data = event.get_json() or {}
    when = event.event_time
    return core.bucket_event(match.group(1), match.group(2), action, size=data.get("contentLength"), etag=data.get("eTag"),
                             time=when.isoformat() if isinstance(when, datetime) else when)


def _blob_trigger(blob):
    """https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger#metadata"""
    path = getattr(blob, "name", None)
    if not isinstance(path, str) or "/" not in path.strip("/"):
        raise core.AdapterError(f"expected a blob (name \"container/path\"), got {_describe(blob)}")
    container, key = path.split("/", 1)
    props = getattr(blob, "blob_properties", None) or {}
    size = getattr(blob, "length", None)
    if size is None:
        size = props.get("ContentLength", props.get("Length"))
    return core.bucket_event(container, key, "created", size=None if size is None else int(size),
                             etag=props.get("ETag"), time=props.get("LastModified") or props.get("CreatedOn"))


# ---- Cosmos DB change feed: func.DocumentList ----------------------------------------------

def _table(spec, fn, ctx, documents):
    def work():
        if not isinstance(documents, Sequence) or isinstance(documents, (str, bytes)):
            raise core.AdapterError(f"expected a list of Cosmos DB documents, got {_describe(documents)}")
        changes = [_change(spec, d) for d in documents]
        failed = core.invoke_batch(fn, ctx, core.table_event(changes), [c["id"] for c in changes])
        _retry_failed(ctx, failed, len(changes), "changes")

    return _reported(ctx, work)


def _change(spec, doc):
    """
    The change feed (latest version mode) gives each changed item as it is now: no old image, no
    deletions, and no way to tell a new item from an updated one, so every change is a ``modify``.
    """
    if not isinstance(doc, Mapping):  # func.Document is a UserDict
        raise core.AdapterError(f"expected a Cosmos DB document, got {_describe(doc)}")
    item = dict(doc)
    key_name = spec["partition_key"] or "id"
    return {"id": _required(item.get("_lsn", item.get("id")), "_lsn"), "action": "modify", "key": {key_name: item.get(key_name)},
            "new": {k: v for k, v in item.items() if k not in _COSMOS_SYSTEM}, "old": None}


_TRANSLATORS = {"http": _http, "schedule": _schedule, "queue": _messages, "topic": _messages, "bucket": _bucket, "table": _table}
