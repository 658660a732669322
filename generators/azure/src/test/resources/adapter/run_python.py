"""Test driver: calls one function of a generated Azure app as the Functions Python worker does
for the v1 model (https://learn.microsoft.com/azure/azure-functions/functions-reference-python?pivots=python-mode-configuration):
imports function.json's scriptFile as a module of the ``__app__`` package rooted at the app, with
the app on sys.path, and calls its entryPoint with keyword arguments named as the bindings plus
``context``. Trigger values are built from the host's trigger data and metadata as the
azure-functions converters do (ServiceBusMessageInConverter, BlobConverter, ...), with the
test-only stand-in module of standin/. Prints {ok, result | error, logs} as one JSON line.

usage: python3 run_python.py APP_DIR FUNCTION SAMPLE.json
"""
import base64
import importlib
import importlib.machinery
import importlib.util
import json
import logging
import os
import pathlib
import sys
from datetime import datetime

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "standin"))
import azure.functions as func  # noqa: E402  (the stand-in)

app_dir, function_name, sample_path = sys.argv[1:4]
app_dir = os.path.abspath(app_dir)
sys.path.insert(0, app_dir)
spec = importlib.machinery.ModuleSpec("__app__", None)
spec.submodule_search_locations = [app_dir]
sys.modules["__app__"] = importlib.util.module_from_spec(spec)

with open(os.path.join(app_dir, function_name, "function.json"), encoding="utf-8") as f:
    function_json = json.load(f)
with open(sample_path, encoding="utf-8") as f:
    sample = json.load(f)
binding = next(b for b in function_json["bindings"] if b["direction"] == "in" and b["type"].endswith("Trigger"))
meta = sample.get("metadata") or {}

logs = []


class Capture(logging.Handler):
    def emit(self, record):
        logs.append({"level": record.levelname.lower(), "line": record.getMessage()})


logging.getLogger().addHandler(Capture())
logging.getLogger().setLevel(logging.DEBUG)


def body_bytes(value):
    return value if isinstance(value, bytes) else (json.dumps(value) if not isinstance(value, str) else value).encode("utf-8")


def service_bus(body, i=None):
    def at(name):
        return meta.get(name + "Array", [None] * (i + 1))[i] if i is not None else meta.get(name)

    return func.ServiceBusMessage(body=body_bytes(body), message_id=at("MessageId"), delivery_count=at("DeliveryCount"),
                                  application_properties=at("ApplicationProperties"), user_properties=at("UserProperties"))


def trigger_value():
    t, value = binding["type"], sample.get("trigger")
    if sample.get("raw"):
        return value
    if t == "httpTrigger":
        body = base64.b64decode(value["bodyBase64"]) if "bodyBase64" in value else value.get("body", "").encode("utf-8")
        return func.HttpRequest(value["method"], value["url"], headers=value.get("headers"), params=value.get("query"),
                                route_params=value.get("params"), body=body)
    if t == "timerTrigger":
        return func.TimerRequest(past_due=value.get("IsPastDue", False), schedule_status=value.get("ScheduleStatus", {}),
                                 schedule=value.get("Schedule", {}))
    if t == "serviceBusTrigger":
        return [service_bus(b, i) for i, b in enumerate(value)] if binding.get("cardinality") == "many" else service_bus(value)
    if t == "queueTrigger":
        return func.QueueMessage(id=meta.get("Id"), body=body_bytes(value), dequeue_count=meta.get("DequeueCount"))
    if t == "blobTrigger":
        props = meta.get("Properties") or {}
        length = props.get("ContentLength") or props.get("Length")
        return func.InputStream(data=base64.b64decode(sample["triggerBase64"]), name=meta.get("BlobTrigger"), uri=meta.get("Uri"),
                                length=int(length) if length else None, blob_properties=props, metadata=meta.get("Metadata"))
    if t == "eventGridTrigger":
        when = value.get("eventTime")
        return func.EventGridEvent(id=value.get("id"), data=value.get("data"), topic=value.get("topic"), subject=value.get("subject"),
                                   event_type=value.get("eventType"), data_version=value.get("dataVersion"),
                                   event_time=datetime.fromisoformat(when[:26].rstrip("Z") + "+00:00") if when else None)
    if t == "cosmosDBTrigger":
        return func.DocumentList([func.Document(d) for d in value]) if isinstance(value, list) else value
    raise SystemExit(f"no driver for {t}")


def serialise(result):
    if isinstance(result, func.HttpResponse):
        return {"status": result.status_code, "headers": dict(result.headers), "body": result.get_body().decode("utf-8", "replace"),
                "bodyBase64": base64.b64encode(result.get_body()).decode("ascii")}
    return result


try:
    script = pathlib.Path(app_dir, function_name, function_json["scriptFile"]).resolve().relative_to(app_dir)
    module = importlib.import_module(".".join(["__app__", *script.parts[:-1], script.stem]))
    fn = getattr(module, function_json["entryPoint"])
    context = func.Context(sample.get("invocationId"), function_name, os.path.join(app_dir, function_name))
    out = {"ok": True, "result": serialise(fn(**{binding["name"]: trigger_value(), "context": context}))}
except Exception as err:  # the worker reports a failed invocation; the driver prints it
    out = {"ok": False, "error": str(err)}
print(json.dumps({**out, "logs": logs}, default=str))
