import logging
import os
import sys
import unittest
from types import SimpleNamespace

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from src import handler  # noqa: E402

CTX = SimpleNamespace(provider="local", stage="test", functionName="hello", requestId="test-request",
                      deadline=0, log=logging.getLogger("${service}.test"))


def get(query=None):
    return {"kind": "http", "method": "GET", "path": "/hello", "route": "/hello", "params": {},
            "query": query or {}, "headers": {}, "body": None, "rawBody": None}


class HelloTest(unittest.TestCase):
    def test_hello_world(self):
        res = handler.hello(get(), CTX)
        self.assertEqual(res["status"], 200)
        self.assertEqual(res["body"]["message"], "Hello, world!")

    def test_hello_by_name(self):
        res = handler.hello(get({"name": "${service}"}), CTX)
        self.assertEqual(res["body"]["message"], "Hello, ${service}!")


if __name__ == "__main__":
    unittest.main()
