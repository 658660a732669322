"""Calls one function of a generated Cloud Functions package the way the Python Functions Framework does.

functions_framework is not installable here, so this mirrors what it hands a function, per
https://cloud.google.com/functions/docs/writing/write-http-functions (Python: a flask.Request),
https://cloud.google.com/functions/docs/writing/write-event-driven-functions (Python: a
cloudevents.http.CloudEvent) and the framework's source
(github.com/GoogleCloudPlatform/functions-framework-python, src/functions_framework/__init__.py):
  http:       the flask.Request of the request; the return value becomes the response through
              Flask's make_response (a (body, status, headers) tuple included).
  cloudevent: cloudevents.http.from_http(request.headers, request.get_data()): binary mode takes the
              ce-* headers as attributes and the body as data, JSON-decoded when it parses
              (the SDK's _json_or_string), else bytes; structured mode (application/cloudevents+json)
              parses the whole event, data_base64 decoded to bytes. The function's return value is
              ignored ("OK", 200); an exception is a 500.
Usage: gcp_framework.py PACKAGE_DIR TARGET, then one JSON request per line on stdin
({signature: http|cloudevent, method, path, query, headers, body (base64)}); one JSON line per
request on stdout: {status, headers, body (base64), log (what the call printed)}. Like the
framework's worker, the process loads the package once and serves many requests.
"""
import base64
import contextlib
import io
import importlib.util
import json
import os
import sys
import traceback

import flask


class CloudEvent:
    """The part of cloudevents.http.CloudEvent a function uses: event["type"], get_attributes(), data."""

    def __init__(self, attributes, data):
        self._attributes = attributes
        self.data = data

    def __getitem__(self, key):
        return self._attributes[key]

    def get(self, key, default=None):
        return self._attributes.get(key, default)

    def get_attributes(self):
        return dict(self._attributes)

    def get_data(self):
        return self.data


def _json_or_string(content):
    if content is None:
        return None
    try:
        return json.loads(content)
    except (json.JSONDecodeError, TypeError, UnicodeDecodeError):
        return content


def from_http(headers, body):
    headers = {k.lower(): v for k, v in headers.items()}
    if headers.get("content-type", "").startswith("application/cloudevents+json"):
        event = json.loads(body)
        data = event.pop("data", None)
        if "data_base64" in event:
            data = base64.b64decode(event.pop("data_base64"))
        return CloudEvent(event, data)
    attributes = {k[3:]: v for k, v in headers.items() if k.startswith("ce-")}
    if "content-type" in headers:
        attributes["datacontenttype"] = headers["content-type"]
    return CloudEvent(attributes, _json_or_string(body))


def load(package, target):
    sys.path.insert(0, package)
    spec = importlib.util.spec_from_file_location("main", os.path.join(package, "main.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules["main"] = module
    spec.loader.exec_module(module)
    return getattr(module, target)


def handle(app, function, request):
    body = base64.b64decode(request["body"])
    with app.test_request_context(request["path"], method=request["method"], headers=request["headers"], data=body,
                                  query_string=request["query"]):
        try:
            if request["signature"] == "http":
                response = app.make_response(function(flask.request._get_current_object()))
            else:
                function(from_http(dict(flask.request.headers), flask.request.get_data()))
                response = app.make_response(("OK", 200))
        except Exception:  # the framework logs the traceback and answers 500
            traceback.print_exc()
            response = app.make_response(("Internal Server Error", 500))
        return {"status": response.status_code, "headers": {k.lower(): v for k, v in response.headers.items()},
                "body": base64.b64encode(response.get_data()).decode("ascii")}


def main(package, target):
    out = sys.stdout
    app = flask.Flask("functions_framework")
    function = None
    for line in sys.stdin:
        log = io.StringIO()
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
            try:
                function = function or load(package, target)
                result = handle(app, function, json.loads(line))
            except Exception:  # a crash of the worker: reported as such
                traceback.print_exc()
                result = {"status": -1, "headers": {}, "body": ""}
        result["log"] = log.getvalue()
        out.write(json.dumps(result) + "\n")
        out.flush()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
