"""strato's adapter for Google Cloud Functions (2nd gen), run by the Python Functions Framework.

Each name in the generated main.py is ``adapt(spec)``: a function that accepts both signatures the
framework may call it with, so it works whichever signature type the platform picks:
  http:       a flask.Request. Routes, Cloud Scheduler (X-CloudScheduler), Pub/Sub push envelopes,
              and Eventarc CloudEvents (binary or structured mode); answers (body, status, headers).
  cloudevent: a cloudevents.http.CloudEvent (``event["type"]``, ``event.data``). Storage, Firestore
              and Pub/Sub messagePublished events; a raise makes the framework answer 500 (retried).
spec: {name, module, export, kinds, stage, timeout (s), routes: [{method, path}], key, buckets}.
"""
import base64
import json
import re
import struct
import time
from datetime import datetime, timezone
from urllib.parse import parse_qsl

from . import core

_STORAGE = {"google.cloud.storage.object.v1.finalized": "created", "google.cloud.storage.object.v1.deleted": "deleted"}
_FIRESTORE = "google.cloud.firestore.document.v1."
_PUBSUB = "google.cloud.pubsub.topic.v1.messagePublished"


def adapt(spec):
    """The function the framework calls for one strato function (spec: a dict or its JSON)."""
    spec = json.loads(spec) if isinstance(spec, str) else spec
    fn = core.Function(spec["name"], spec["module"], spec["export"], (spec.get("kinds") or ["direct"])[0])
    routes = [_Route(r) for r in spec.get("routes") or []]

    def entry(request_or_event):
        if hasattr(request_or_event, "method") and hasattr(request_or_event, "get_data"):
            return _serve_request(fn, spec, routes, request_or_event)
        event = _CloudEvent.of(request_or_event)
        return _on_cloud_event(fn, spec, event, _context(spec, event.get("id")))

    entry.__name__ = spec["name"]
    return entry


def _context(spec, request_id):
    return core.Context("gcp", spec.get("stage"), spec["name"], request_id,
                        int(time.time() * 1000) + int(spec.get("timeout") or 60) * 1000)


def _fail(ctx, message, status=400):
    ctx.log.error(message)
    err = core.AdapterError(message, status)
    err.logged = True
    return err


# ---- the http signature ----------------------------------------------------------------------

def _serve_request(fn, spec, routes, request):
    headers = {k.lower(): v for k, v in request.headers.items()}
    trace = headers.get("x-cloud-trace-context")
    ctx = _context(spec, headers.get("function-execution-id") or (trace.split("/")[0] if trace else None))
    try:
        answer = _answer_request(fn, spec, routes, request, headers, ctx)
    except core.AdapterError as err:
        if not getattr(err, "logged", False):
            ctx.log.error(str(err))
        answer = _json_answer(err.status, {"error": str(err), "requestId": ctx.request_id})
    except Exception:  # the handler's failure, logged by the core: the sender retries
        answer = _json_answer(500, {"error": "the handler failed: the sender will retry", "requestId": ctx.request_id})
    body = base64.b64decode(answer["body"]) if answer["base64"] else answer["body"]
    return body, answer["status"], answer["headers"]


def _answer_request(fn, spec, routes, request, headers, ctx):
    kinds = spec.get("kinds") or []
    data = request.get_data(cache=True)
    ce = _request_cloud_event(headers, data)
    if ce is not None:
        _on_cloud_event(fn, spec, ce, _context(spec, ce["id"]) if ce.get("id") else ctx)
        return _json_answer(204)
    if "schedule" in kinds and headers.get("x-cloudscheduler") == "true":
        when = headers.get("x-cloudscheduler-scheduletime") or core.iso_time()
        core.invoke_event(fn, ctx, core.schedule_event(when, core.message_body(data or None)))
        return _json_answer(204)
    envelope = _push_envelope(data)
    push_kind = next((k for k in kinds if k in ("queue", "topic")), None)
    if envelope is not None and push_kind:
        _on_message(fn, push_kind, envelope["message"], envelope.get("deliveryAttempt"), ctx)
        return _json_answer(204)
    if kinds and "http" not in kinds:  # a function without events is called through its URL
        raise core.AdapterError(f"function {spec['name']} takes {', '.join(kinds)} events: this {request.method} request is none of them")
    path = request.path  # werkzeug has decoded it
    status, route, params, extra = _match_route(routes, request.method, path)
    if status:
        message = f"no route for {path}" if status == 404 else f"{request.method} is not allowed on {path}"
        return _json_answer(status, {"error": message}, extra)
    return core.invoke_http(fn, ctx, method=request.method, path=path, route=route.path if route else None, params=params,
                            query=_query(request.query_string), headers=dict(request.headers.items()), body=data)


def _json_answer(status, body=None, headers=None):
    if body is None:
        return {"status": status, "headers": dict(headers or {}), "body": "", "base64": False}
    return {"status": status, "headers": {"content-type": "application/json", **(headers or {})}, "body": core.to_json(body), "base64": False}


def _query(query_string):
    """Repeated query parameters joined with commas, as API Gateway HTTP APIs do."""
    raw = query_string.decode("latin-1") if isinstance(query_string, bytes) else str(query_string or "")
    query = {}
    for name, value in parse_qsl(raw, keep_blank_values=True):
        query[name] = f"{query[name]},{value}" if name in query else value
    return query


class _Route:
    def __init__(self, route):
        self.method = route["method"].upper()
        self.path = route["path"]
        self.names = []
        parts = []
        for part in self.path.rstrip("/").split("/"):
            param = re.fullmatch(r"\{([^}+]+)(\+?)\}", part)
            if not param:
                parts.append(re.escape(part))
                continue
            self.names.append(param.group(1))
            parts.append("(.+)" if param.group(2) else "([^/]+)")
        self.regex = re.compile("^" + "/".join(parts) + "/?$")


def _match_route(routes, method, path):
    """(status, route, params, headers): status 404 or 405 when the function has routes and none fits."""
    if not routes:
        return None, None, {}, {}
    allowed = []
    for route in routes:
        m = route.regex.match(path)
        if not m:
            continue
        if route.method not in ("ANY", method.upper()):
            allowed.append(route.method)
            continue
        return None, route, dict(zip(route.names, m.groups())), {}
    return (405, None, {}, {"allow": ", ".join(allowed)}) if allowed else (404, None, {}, {})


class _CloudEvent(dict):
    """A CloudEvent's attributes (``data`` included), as the cloudevents SDK's CloudEvent gives them."""

    _NAMES = ("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema",
              "bucket", "database", "document", "namespace")

    @classmethod
    def of(cls, event):
        if isinstance(event, dict):
            return cls(event)
        if hasattr(event, "get_attributes"):
            out = cls(event.get_attributes())
        else:  # another CloudEvent class: its attributes by name
            out = cls({name: _attribute(event, name) for name in cls._NAMES})
        data = getattr(event, "data", None)
        out["data"] = event.get_data() if data is None and hasattr(event, "get_data") else data
        return out


def _attribute(event, name):
    try:
        return event[name]
    except (KeyError, TypeError, AttributeError):
        return getattr(event, name, None)


def _request_cloud_event(headers, data):
    """A CloudEvent sent over HTTP (CloudEvents HTTP protocol binding), or None."""
    if headers.get("ce-specversion") and headers.get("ce-type"):
        event = _CloudEvent({k[3:]: v for k, v in headers.items() if k.startswith("ce-")})
        event["datacontenttype"] = headers.get("content-type")
        event["data"] = data or None
        return event
    if re.match(r"^application/cloudevents\+json\b", headers.get("content-type", ""), re.I):
        try:
            event = json.loads(data)
        except ValueError as err:
            raise core.AdapterError(f"structured CloudEvent is not JSON: {err}") from err
        if not isinstance(event, dict) or not event.get("type"):
            raise core.AdapterError("structured CloudEvent without a type")
        return _CloudEvent(event)
    return None


def _push_envelope(data):
    """A Pub/Sub push request's body: {message: {data, attributes, messageId, publishTime}, subscription, deliveryAttempt}."""
    if not data or data.lstrip()[:1] != b"{":
        return None
    try:
        body = json.loads(data)
    except ValueError:
        return None
    if isinstance(body, dict) and isinstance(body.get("subscription"), str) and isinstance(body.get("message"), dict):
        return body
    return None


# ---- CloudEvents -----------------------------------------------------------------------------

def _on_cloud_event(fn, spec, ce, ctx):
    kinds = spec.get("kinds") or []
    kind = ce.get("type")
    if not kind:
        raise _fail(ctx, f"function {spec['name']} got something that is not a CloudEvent")
    if kind in _STORAGE and "bucket" in kinds:
        return _on_object(fn, spec, ce, _STORAGE[kind], ctx)
    if kind.startswith(_FIRESTORE) and "table" in kinds:
        return _on_document(fn, spec, ce, ctx)
    push_kind = next((k for k in kinds if k in ("queue", "topic")), None)
    if kind == _PUBSUB and push_kind:
        data = _json_data(ce)
        if not isinstance(data, dict) or not isinstance(data.get("message"), dict):
            raise _fail(ctx, f"{kind} event {ce.get('id')} has no message")
        return _on_message(fn, push_kind, data["message"], data.get("deliveryAttempt"), ctx)
    raise _fail(ctx, f"function {spec['name']} takes {', '.join(kinds)} events, not {kind}")


def _raw_data(ce):
    raw = ce.get("data")
    if raw is None and ce.get("data_base64"):
        raw = base64.b64decode(ce["data_base64"])
    return raw


def _json_data(ce):
    """The event's data as a dict: parsed already, JSON text or bytes, or base64 (structured mode's data_base64)."""
    raw = _raw_data(ce)
    if isinstance(raw, (bytes, bytearray, str)):
        try:
            return json.loads(raw)
        except ValueError as err:
            raise core.AdapterError(f"the data of CloudEvent {ce.get('id')} is not JSON") from err
    return raw


def _on_message(fn, kind, message, delivery_attempt, ctx):
    message_id = message.get("messageId")
    if not message_id:
        raise _fail(ctx, "Pub/Sub message without a messageId")
    text = base64.b64decode(message["data"]) if message.get("data") else None
    event = core.message_event(kind, [{"id": message_id, "body": core.message_body(text),
                                       "attributes": message.get("attributes") or {}, "deliveryAttempt": delivery_attempt}])
    if core.invoke_batch(fn, ctx, event, [message_id]):
        raise core.AdapterError(f"message {message_id} failed: Pub/Sub will deliver it again", 500)


def _on_object(fn, spec, ce, action, ctx):
    data = _json_data(ce)
    if not isinstance(data, dict) or not data.get("bucket") or not data.get("name"):
        raise _fail(ctx, f"{ce.get('type')} event {ce.get('id')} has no bucket or object name")
    key = data["name"]
    filters = spec.get("buckets") or []
    if filters and not any(key.startswith(f.get("prefix") or "") and key.endswith(f.get("suffix") or "") for f in filters):
        ctx.log.debug("object outside the function's prefix and suffix: skipped", key=key)
        return
    size = None if action == "deleted" or data.get("size") is None else int(data["size"])
    core.invoke_event(fn, ctx, core.bucket_event(data["bucket"], key, action, size=size, etag=data.get("etag"),
                                                 time=ce.get("time") or data.get("updated")))


def _on_document(fn, spec, ce, ctx):
    data = _document_event_data(ce)
    new, old = data.get("value"), data.get("oldValue")
    name = (new or old or {}).get("name") or ce.get("document") or ce.get("subject") or ""
    doc_id = [p for p in str(name).split("/") if p][-1:] or [None]
    action = "insert" if not old else "remove" if not new else "modify"
    change_id = ce.get("id")
    event = core.table_event([{"id": change_id, "action": action, "key": {spec.get("key") or "id": doc_id[0]},
                               "new": _fields(new.get("fields")) if new else None,
                               "old": _fields(old.get("fields")) if old else None}])
    if core.invoke_batch(fn, ctx, event, [change_id]):
        raise core.AdapterError(f"change {change_id} failed: Eventarc will deliver it again", 500)


def _document_event_data(ce):
    """DocumentEventData: JSON (event_data_content_type application/json) or protobuf (the default)."""
    raw = _raw_data(ce)
    if raw is None:
        raise core.AdapterError(f"Firestore event {ce.get('id')} has no data")
    if isinstance(raw, dict):
        return raw
    data = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
    try:
        if "json" in (ce.get("datacontenttype") or "").lower():
            return json.loads(data)
        return decode_document_event_data(data)
    except (ValueError, IndexError, struct.error) as err:
        raise core.AdapterError(f"the data of Firestore event {ce.get('id')} is not a DocumentEventData: {err}") from err


def _fields(fields):
    return {name: _plain(value) for name, value in (fields or {}).items()}


def _plain(v):
    """A Firestore JSON Value as a plain value."""
    if not isinstance(v, dict):
        return None
    if "stringValue" in v:
        return v["stringValue"]
    if "integerValue" in v:
        return int(v["integerValue"])
    if "doubleValue" in v:
        return float(v["doubleValue"])
    if "booleanValue" in v:
        return bool(v["booleanValue"])
    if "timestampValue" in v:
        return v["timestampValue"]
    if "mapValue" in v:
        return _fields((v["mapValue"] or {}).get("fields"))
    if "arrayValue" in v:
        return [_plain(x) for x in (v["arrayValue"] or {}).get("values") or []]
    if "bytesValue" in v:
        return v["bytesValue"]
    if "referenceValue" in v:
        return v["referenceValue"]
    if "geoPointValue" in v:
        point = v["geoPointValue"] or {}
        return {"latitude": point.get("latitude", 0), "longitude": point.get("longitude", 0)}
    return None


# ---- protobuf: google.events.cloud.firestore.v1.DocumentEventData, decoded into the JSON form ----

def _varint(data, pos):
    result, shift = 0, 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def _message(data):
    """(field number, wire type, value) of each field: an int for varints, bytes otherwise."""
    pos = 0
    while pos < len(data):
        tag, pos = _varint(data, pos)
        wire = tag & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 2:
            length, pos = _varint(data, pos)
            value, pos = data[pos:pos + length], pos + length
            if pos > len(data):
                raise ValueError("truncated field")
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, pos = data[pos:pos + size], pos + size
        else:
            raise ValueError(f"unsupported wire type {wire}")
        yield tag >> 3, wire, value


def decode_document_event_data(data):
    out = {}
    for n, wire, v in _message(data):
        if n == 1 and wire == 2:
            out["value"] = _decode_document(v)
        elif n == 2 and wire == 2:
            out["oldValue"] = _decode_document(v)
    return out


def _decode_document(data):
    doc = {"name": "", "fields": {}}
    for n, wire, v in _message(data):
        if n == 1 and wire == 2:
            doc["name"] = v.decode("utf-8")
        elif n == 2 and wire == 2:
            doc["fields"].update(_decode_entry(v))
    return doc


def _decode_entry(data):
    key, value = "", {"nullValue": None}
    for n, wire, v in _message(data):
        if n == 1 and wire == 2:
            key = v.decode("utf-8")
        elif n == 2 and wire == 2:
            value = _decode_value(v)
    return {key: value}


def _signed(n):
    return n - (1 << 64) if n >= 1 << 63 else n


def _decode_value(data):
    value = {"nullValue": None}
    for n, wire, v in _message(data):
        if n == 1:
            value = {"booleanValue": v != 0}
        elif n == 2:
            value = {"integerValue": str(_signed(v))}
        elif n == 3:
            value = {"doubleValue": struct.unpack("<d", v)[0]}
        elif n == 5:
            value = {"referenceValue": v.decode("utf-8")}
        elif n == 6:
            fields = {}
            for m, w, entry in _message(v):
                if m == 1 and w == 2:
                    fields.update(_decode_entry(entry))
            value = {"mapValue": {"fields": fields}}
        elif n == 8:
            point = {"latitude": 0.0, "longitude": 0.0}
            for m, w, x in _message(v):
                if w == 1 and m in (1, 2):
                    point["latitude" if m == 1 else "longitude"] = struct.unpack("<d", x)[0]
            value = {"geoPointValue": point}
        elif n == 9:
            value = {"arrayValue": {"values": [_decode_value(x) for m, w, x in _message(v) if m == 1 and w == 2]}}
        elif n == 10:
            value = {"timestampValue": _decode_timestamp(v)}
        elif n == 11:
            value = {"nullValue": None}
        elif n == 17:
            value = {"stringValue": v.decode("utf-8")}
        elif n == 18:
            value = {"bytesValue": base64.b64encode(v).decode("ascii")}
    return value


def _decode_timestamp(data):
    """google.protobuf.Timestamp as RFC 3339 with the fraction Firestore keeps."""
    seconds, nanos = 0, 0
    for n, wire, v in _message(data):
        if n == 1 and wire == 0:
            seconds = _signed(v)
        elif n == 2 and wire == 0:
            nanos = v
    fraction = f"{nanos:09d}"
    while fraction.endswith("000"):
        fraction = fraction[:-3]
    moment = datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return f"{moment}.{fraction}Z" if fraction else f"{moment}Z"
