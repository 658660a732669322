"""Test-only stand-in for ``azure.functions`` (the azure-functions package, which the Functions
Python worker provides in Azure and which these tests cannot install). It mirrors only the
documented constructors, attributes and methods that strato's adapter and the test driver use:

- HttpRequest, HttpResponse: https://learn.microsoft.com/python/api/azure-functions/azure.functions.httprequest
  and https://learn.microsoft.com/python/api/azure-functions/azure.functions.httpresponse
- TimerRequest (past_due, schedule_status, schedule): https://learn.microsoft.com/python/api/azure-functions/azure.functions.timerrequest
- ServiceBusMessage: https://learn.microsoft.com/python/api/azure-functions/azure.functions.servicebusmessage
- QueueMessage: https://learn.microsoft.com/python/api/azure-functions/azure.functions.queuemessage
- InputStream (name, length, uri, blob_properties, metadata): https://learn.microsoft.com/python/api/azure-functions/azure.functions.inputstream
- EventGridEvent: https://learn.microsoft.com/python/api/azure-functions/azure.functions.eventgridevent
- Document, DocumentList (UserDict, UserList): https://learn.microsoft.com/python/api/azure-functions/azure.functions.document
- Context (invocation_id, function_name): https://learn.microsoft.com/python/api/azure-functions/azure.functions.context
"""
import collections
import io
import json


class _Headers(collections.abc.Mapping):
    """Case-insensitive header mapping (HttpRequestHeaders / HttpResponseHeaders keep lower-case names)."""

    def __init__(self, headers):
        self._h = {k.lower(): v for k, v in (headers or {}).items()}

    def __getitem__(self, key):
        return self._h[key.lower()]

    def __iter__(self):
        return iter(self._h)

    def __len__(self):
        return len(self._h)


class HttpRequest:
    def __init__(self, method, url, *, headers=None, params=None, route_params=None, body):
        self._method, self._url, self._body = method, url, body
        self._headers = _Headers(headers)
        self._params = dict(params or {})
        self._route_params = dict(route_params or {})

    method = property(lambda self: self._method.upper())
    url = property(lambda self: self._url)
    headers = property(lambda self: self._headers)
    params = property(lambda self: self._params)
    route_params = property(lambda self: self._route_params)

    def get_body(self):
        return self._body


class HttpResponse:
    def __init__(self, body=None, *, status_code=None, headers=None, mimetype=None, charset=None):
        self._status_code = 200 if status_code is None else status_code
        self._headers = _Headers(headers)
        self._mimetype = mimetype or "text/plain"
        self._charset = charset or "utf-8"
        if body is None:
            self._body = b""
        elif isinstance(body, str):
            self._body = body.encode(self._charset)
        elif isinstance(body, (bytes, bytearray)):
            self._body = bytes(body)
        else:
            raise TypeError(f"response is expected to be either of str, bytes, or bytearray, got {type(body).__name__}")

    status_code = property(lambda self: self._status_code)
    headers = property(lambda self: self._headers)
    mimetype = property(lambda self: self._mimetype)
    charset = property(lambda self: self._charset)

    def get_body(self):
        return self._body


class TimerRequest:
    def __init__(self, *, past_due=False, schedule_status=None, schedule=None):
        self._past_due = past_due
        self._schedule_status = schedule_status or {}
        self._schedule = schedule or {}

    past_due = property(lambda self: self._past_due)
    schedule_status = property(lambda self: self._schedule_status)
    schedule = property(lambda self: self._schedule)


class ServiceBusMessage:
    def __init__(self, *, body, message_id=None, delivery_count=None, application_properties=None, user_properties=None,
                 content_type=None, enqueued_time_utc=None):
        self._body = body
        self.message_id = message_id
        self.delivery_count = delivery_count
        self.application_properties = application_properties or {}
        self.user_properties = user_properties or {}
        self.content_type = content_type
        self.enqueued_time_utc = enqueued_time_utc

    def get_body(self):
        return self._body


class QueueMessage:
    def __init__(self, *, id=None, body=None, dequeue_count=None, insertion_time=None):
        self.id = id
        self._body = body
        self.dequeue_count = dequeue_count
        self.insertion_time = insertion_time

    def get_body(self):
        return self._body


class InputStream(io.BufferedIOBase):
    def __init__(self, *, data, name=None, uri=None, length=None, blob_properties=None, metadata=None):
        self._io = io.BytesIO(data)
        self.name, self.uri, self.length = name, uri, length
        self.blob_properties, self.metadata = blob_properties, metadata

    def read(self, size=-1):
        return self._io.read(size)


class EventGridEvent:
    def __init__(self, *, id, data, topic, subject, event_type, event_time, data_version):
        self.id, self._data, self.topic, self.subject = id, data, topic, subject
        self.event_type, self.event_time, self.data_version = event_type, event_time, data_version

    def get_json(self):
        return self._data


class Document(collections.UserDict):
    def to_json(self):
        return json.dumps(dict(self))


class DocumentList(collections.UserList):
    pass


class Context:
    def __init__(self, invocation_id, function_name, function_directory):
        self.invocation_id, self.function_name, self.function_directory = invocation_id, function_name, function_directory
