"""Calls one function of a generated Cloud Functions package the way the Python Functions Framework does.

functions_framework is not installable here, so this mirrors what it hands a function
(github.com/GoogleCloudPlatform/functions-framework-python, src/functions_framework/__init__.py):
  http:       the flask.Request of the request; the return value becomes the response through
              Flask's make_response (a (body, status, headers) tuple included).
  cloudevent: cloudevents.http.from_http(request.headers, request.get_data()): binary mode takes the
              ce-* headers as attributes and the body as data, JSON-decoded when it parses
              (the SDK's _json_or_string), else bytes; structured mode (application/cloudevents+json)
              parses the whole event, data_base64 decoded to bytes. The function's return value is
              ignored ("OK", 200); an exception is a 500.
Usage: gcp_framework.py PACKAGE_DIR TARGET http|cloudevent REQUEST_JSON RESULT_JSON
"""
import base64
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


def main(package, target, signature, request_file, result_file):
    with open(request_file) as f:
        request = json.load(f)
    body = base64.b64decode(request["body"])
    function = load(package, target)
    app = flask.Flask("functions_framework")
    with app.test_request_context(request["path"], method=request["method"], headers=request["headers"], data=body,
                                  query_string=request["query"]):
        try:
            if signature == "http":
                response = app.make_response(function(flask.request._get_current_object()))
            else:
                function(from_http(dict(flask.request.headers), flask.request.get_data()))
                response = app.make_response(("OK", 200))
        except Exception:  # the framework logs the traceback and answers 500
            traceback.print_exc()
            response = app.make_response(("Internal Server Error", 500))
        result = {"status": response.status_code, "headers": {k.lower(): v for k, v in response.headers.items()},
                  "body": base64.b64encode(response.get_data()).decode("ascii")}
    with open(result_file, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main(*sys.argv[1:6])
