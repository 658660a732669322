"""strato's adapter for AWS Lambda.

Turns the events of the triggers strato's AWS generator sets up (API Gateway HTTP API payload 2.0,
EventBridge Scheduler, SQS, SNS, S3, DynamoDB streams) into the neutral events of ``core``, and the
handler's answer into what Lambda expects back. The generated entry module calls ``adapt`` once
per function.
"""
import json
import os
import re
import time as _time
import traceback
from datetime import datetime

from .core import (AdapterError, Context, Function, to_json, bucket_event, call, invoke_batch, invoke_event, invoke_http,
                   message_body, message_event, schedule_event, table_event)


def adapt(name, module, export, kinds, stage, timeout_ms):
    """The Lambda handler of one function; ``kinds`` are its triggers' kinds (empty when it has none)."""
    fn = Function(name, module, export, kinds[0] if kinds else "direct")

    def handler(event, context):
        load_secrets()
        ctx = _context(name, stage, timeout_ms, context)
        if not kinds:
            return _direct(fn, ctx, event)
        kind = native_kind(event)
        if kind not in kinds:
            return _rejected(ctx, kinds, AdapterError(
                f"function {name} takes {' or '.join(kinds)} events, not {kind or 'this event'} ({_describe(event)})"))
        try:
            return _TRANSLATORS[kind](fn, ctx, event)
        except AdapterError as err:
            return _rejected(ctx, kinds, err)

    handler.__name__ = handler.__qualname__ = export
    return handler


def _context(name, stage, timeout_ms, context):
    now = int(_time.time() * 1000)  # read before the remaining time, so that the deadline is never later than Lambda's
    remaining = getattr(context, "get_remaining_time_in_millis", None)
    remaining = remaining() if callable(remaining) else timeout_ms
    return Context("aws", stage, name, getattr(context, "aws_request_id", None), now + int(remaining))


def _rejected(ctx, kinds, err):
    """A bad event: an HTTP function answers 400, any other fails the invocation so that Lambda retries or dead-letters it."""
    ctx.log.error("bad event", error=str(err))
    if kinds[0] != "http":
        raise err
    return {"statusCode": err.status, "headers": {"content-type": "application/json"},
            "body": to_json({"error": str(err), "requestId": ctx.request_id}), "isBase64Encoded": False}


def _describe(event):
    if not isinstance(event, dict):
        return f"a {type(event).__name__} payload"
    keys = list(event)[:5]
    return f"an object with {', '.join(keys)}" if keys else "an empty object"


def native_kind(event):
    """The trigger an event comes from, by its documented shape; None when it has none of them."""
    if not isinstance(event, dict):
        return None
    if event.get("version") == "2.0" and isinstance(event.get("requestContext"), dict) and event["requestContext"].get("http"):
        return "http"
    if event.get("kind") == "schedule" or event.get("detail-type") == "Scheduled Event":
        return "schedule"
    records = event.get("Records")
    record = records[0] if isinstance(records, list) and records and isinstance(records[0], dict) else {}
    source = record.get("eventSource") or record.get("EventSource")
    return {"aws:sqs": "queue", "aws:sns": "topic", "aws:s3": "bucket", "aws:dynamodb": "table"}.get(source)


def _direct(fn, ctx, event):
    """A function without triggers (``strato invoke``, the SDK): the payload is the event, the answer goes back as is."""
    try:
        return call(fn, event, ctx)
    except Exception as err:
        ctx.log.error("handler failed", error=str(err), stack=traceback.format_exc())
        raise


def _required(value, what):
    if value is None or value == "":
        raise AdapterError(f"{what} is missing")
    return value


# ---- HTTP API, payload format 2.0 ------------------------------------------------------------

def _http(fn, ctx, event):
    rc = event["requestContext"]["http"]
    headers = dict(event.get("headers") or {})
    if event.get("cookies"):
        headers["cookie"] = "; ".join(event["cookies"])
    query = event.get("queryStringParameters")
    response = invoke_http(fn, ctx, method=rc.get("method"), path=rc.get("path") or event.get("rawPath"),
                           route=_route(event.get("routeKey")), params=event.get("pathParameters"),
                           query=query if query is not None else _parse_query(event.get("rawQueryString")),
                           headers=headers, body=event.get("body"), base64_body=event.get("isBase64Encoded") is True)
    return _api_response(response)


def _route(route_key):
    """``POST /orders/{id}`` → ``/orders/{id}``; ``$default`` has no route."""
    if not route_key or route_key == "$default":
        return None
    return route_key.split(" ", 1)[-1]


def _parse_query(raw):
    """As API Gateway does for queryStringParameters: repeated names joined with commas."""
    from urllib.parse import parse_qsl  # imported when needed: a cold start pays only for what it uses

    query = {}
    for name, value in parse_qsl(raw or "", keep_blank_values=True):
        query[name] = f"{query[name]},{value}" if name in query else value
    return query


_COOKIE_SPLIT = re.compile(r",\s*(?=[^;,=\s]+=)")


def _api_response(r):
    headers = dict(r["headers"])
    set_cookie = headers.pop("set-cookie", None)
    response = {"statusCode": r["status"], "headers": headers, "body": r["body"], "isBase64Encoded": r["base64"]}
    if set_cookie is not None:
        # the core joins repeated headers with ", ": split Set-Cookie back, minding the comma inside Expires dates
        response["cookies"] = [c.strip() for c in _COOKIE_SPLIT.split(str(set_cookie)) if c.strip()]
    return response


# ---- EventBridge Scheduler -------------------------------------------------------------------

def _schedule(fn, ctx, event):
    """The generator's schedule Input is {kind: "schedule", time: "<aws.scheduler.scheduled-time>", input}; an EventBridge rule sends a Scheduled Event."""
    when = event.get("time")
    try:
        datetime.fromisoformat(str(when).replace("Z", "+00:00"))
    except ValueError:
        raise AdapterError(f"schedule event time {json.dumps(when)} is not a date") from None
    invoke_event(fn, ctx, schedule_event(when, event.get("input") if event.get("kind") == "schedule" else None))


# ---- SQS, SNS --------------------------------------------------------------------------------

def _queue(fn, ctx, event):
    messages = [{
        "id": _required(r.get("messageId"), f"messageId of SQS record {i}"),
        "body": message_body(r.get("body")),
        "attributes": _plain(r.get("messageAttributes"), lambda a: a.get("stringValue", a.get("binaryValue"))),
        "deliveryAttempt": _count((r.get("attributes") or {}).get("ApproximateReceiveCount")),
    } for i, r in enumerate(event["Records"])]
    failed = invoke_batch(fn, ctx, message_event("queue", messages), [m["id"] for m in messages])
    return {"batchItemFailures": [{"itemIdentifier": i} for i in failed]}


def _topic(fn, ctx, event):
    """SNS invokes once per message and cannot retry part of it: a failed message fails the invocation, which Lambda retries."""
    messages = []
    for i, r in enumerate(event["Records"]):
        sns = _required(r.get("Sns"), f"Sns of SNS record {i}")
        messages.append({"id": _required(sns.get("MessageId"), f"Sns.MessageId of SNS record {i}"),
                         "body": message_body(sns.get("Message")),
                         "attributes": _plain(sns.get("MessageAttributes"), lambda a: a.get("Value")),
                         "deliveryAttempt": None})
    failed = invoke_batch(fn, ctx, message_event("topic", messages), [m["id"] for m in messages])
    if failed:
        raise RuntimeError(f"the handler failed messages {', '.join(failed)}: Lambda retries the delivery")


def _plain(attributes, value_of):
    return {name: value_of(a) if isinstance(a, dict) else a for name, a in (attributes or {}).items()}


def _count(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


# ---- S3 --------------------------------------------------------------------------------------

_S3_ACTIONS = (("ObjectCreated:", "created"), ("ObjectRemoved:", "deleted"))


def _bucket(fn, ctx, event):
    """One handler call per record (S3 sends one, in a list); a failure fails the invocation, which Lambda retries."""
    from urllib.parse import unquote_plus  # imported when needed: a cold start pays only for what it uses

    objects = []
    for i, r in enumerate(event["Records"]):
        name = str(r.get("eventName"))
        action = next((a for prefix, a in _S3_ACTIONS if name.startswith(prefix)), None)
        if action is None:
            raise AdapterError(f"S3 record {i} is a {name} event, not ObjectCreated or ObjectRemoved")
        s3 = r.get("s3") or {}
        obj = _required(s3.get("object"), f"s3.object of S3 record {i}")
        objects.append(bucket_event(
            bucket=_required((s3.get("bucket") or {}).get("name"), f"s3.bucket.name of S3 record {i}"),
            key=unquote_plus(_required(obj.get("key"), f"s3.object.key of S3 record {i}")),  # URL-encoded, + for spaces
            action=action, size=obj.get("size"), etag=obj.get("eTag"), time=r.get("eventTime")))
    for obj in objects:
        invoke_event(fn, ctx, obj)


# ---- DynamoDB streams ------------------------------------------------------------------------

_TABLE_ACTIONS = {"INSERT": "insert", "MODIFY": "modify", "REMOVE": "remove"}


def _table(fn, ctx, event):
    changes = []
    for i, r in enumerate(event["Records"]):
        action = _TABLE_ACTIONS.get(r.get("eventName"))
        if action is None:
            raise AdapterError(f"DynamoDB record {i} has eventName {r.get('eventName')}, not INSERT, MODIFY or REMOVE")
        d = _required(r.get("dynamodb"), f"dynamodb of DynamoDB record {i}")
        changes.append({"id": _required(d.get("SequenceNumber"), f"dynamodb.SequenceNumber of DynamoDB record {i}"),
                        "action": action, "key": unmarshall(d.get("Keys")),
                        "new": unmarshall(d.get("NewImage")), "old": unmarshall(d.get("OldImage"))})
    failed = invoke_batch(fn, ctx, table_event(changes), [c["id"] for c in changes])
    return {"batchItemFailures": [{"itemIdentifier": i} for i in failed]}


def unmarshall(item):
    """A DynamoDB item ({name: {"S": "x"}, ...}) as plain values; binary values stay base64 text."""
    if item is None:
        return None
    return {name: _attribute(value) for name, value in item.items()}


def _number(text):
    return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


def _attribute(value):
    kind, v = next(iter((value or {"?": None}).items()))
    if kind in ("S", "B", "BOOL"):
        return v
    if kind == "N":
        return _number(v)
    if kind == "NULL":
        return None
    if kind in ("SS", "BS"):
        return list(v)
    if kind == "NS":
        return [_number(n) for n in v]
    if kind == "L":
        return [_attribute(e) for e in v]
    if kind == "M":
        return unmarshall(v)
    raise AdapterError(f"unknown DynamoDB attribute type {kind}")


_TRANSLATORS = {"http": _http, "schedule": _schedule, "queue": _queue, "topic": _topic, "bucket": _bucket, "table": _table}


# Secrets: for each variable NAME listed in STRATO_SECRETS the generator passes NAME_SECRET_ARN (the secret is the whole value of NAME) or
# NAME_SECRET_TEMPLATE (NAME's value with each secret as {{secret:ARN}}), never the value. The
# adapter reads each secret with GetSecretValue (boto3, which the Lambda Python runtimes include)
# before the first invocation, sets os.environ[NAME], and reads it again on the first invocation
# after STRATO_SECRET_TTL_SECONDS (default 300), so a rotation reaches a warm function within that
# time. A failed re-read keeps the last values.
_SECRET_ARN = "_SECRET_ARN"
_SECRET_TEMPLATE = "_SECRET_TEMPLATE"
_SECRET_MARK = re.compile(r"\{\{secret:([^}]+)\}\}")
_secrets_read_at = None
_secrets_client = None


def load_secrets(env=None, now=None):
    global _secrets_read_at
    env = os.environ if env is None else env
    now = _time.monotonic() if now is None else now
    ttl = float(env.get("STRATO_SECRET_TTL_SECONDS", "300"))
    if _secrets_read_at is not None and now - _secrets_read_at < ttl:
        return
    wanted = []
    for name in filter(None, env.get("STRATO_SECRETS", "").split(",")):
        arn = env.get(name + _SECRET_ARN)
        wanted.append((name, "{{secret:" + arn + "}}" if arn is not None else env.get(name + _SECRET_TEMPLATE, "")))
    values = {}
    try:
        for _, template in wanted:
            for arn in _SECRET_MARK.findall(template):
                if arn not in values:
                    values[arn] = _get_secret_value(arn)
    except Exception as err:  # noqa: BLE001 - any failure of a re-read keeps the last values
        if _secrets_read_at is None:
            raise
        print(f"strato: could not re-read secrets, keeping the last values: {err}")
        _secrets_read_at = now
        return
    for name, template in wanted:
        env[name] = _SECRET_MARK.sub(lambda m: values[m.group(1)], template)
    _secrets_read_at = now


def _get_secret_value(secret_id):
    global _secrets_client
    if _secrets_client is None:
        import boto3  # only when the function has secrets: boto3 takes long to import
        _secrets_client = boto3.client("secretsmanager", region_name=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION"))
    answer = _secrets_client.get_secret_value(SecretId=secret_id)
    if "SecretString" not in answer:
        raise AdapterError(f"GetSecretValue {secret_id}: the secret has no SecretString")
    return answer["SecretString"]
