import logging
import os
import sys
import unittest
from types import SimpleNamespace

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from src import audit  # noqa: E402


class AuditTest(unittest.TestCase):
    def setUp(self):
        self.ctx = SimpleNamespace(provider="local", stage="test", functionName="onUserChange",
                                   requestId="req-1", deadline=0, log=logging.getLogger("users-crud.audit.test"))

    def test_one_line_per_change(self):
        event = {"kind": "table", "changes": [
            {"action": "insert", "key": {"id": "u1"}, "new": {"id": "u1", "name": "Ada"}, "old": None},
            {"action": "modify", "key": {"id": "u1"},
             "old": {"id": "u1", "name": "Ada", "email": "a@x.io", "updatedAt": "1"},
             "new": {"id": "u1", "name": "Ada King", "email": "a@x.io", "updatedAt": "2"}},
            {"action": "modify", "key": {"id": "u1"}, "old": None, "new": {"id": "u1"}},
            {"action": "remove", "key": {"id": "u1"}, "new": None, "old": {"id": "u1"}},
        ]}
        with self.assertLogs("users-crud.audit.test", level="INFO") as logs:
            self.assertIsNone(audit.on_change(event, self.ctx))
        self.assertEqual([r.getMessage() for r in logs.records], [
            "audit: user u1 created",
            "audit: user u1 updated: name",
            "audit: user u1 updated",
            "audit: user u1 deleted",
        ])

    def test_key_missing_falls_back_to_the_image(self):
        self.assertEqual(audit.describe({"action": "remove", "key": None, "old": {"id": "u9"}, "new": None}),
                         "user u9 deleted")

    def test_unchanged_modify(self):
        change = {"action": "modify", "key": {"id": "u1"}, "old": {"id": "u1", "updatedAt": "1"},
                  "new": {"id": "u1", "updatedAt": "2"}}
        self.assertEqual(audit.describe(change), "user u1 updated: no field changed")

    def test_unknown_action_fails_the_batch(self):
        with self.assertRaises(ValueError):
            audit.on_change({"changes": [{"action": "truncate", "key": {"id": "x"}}]}, self.ctx)

    def test_empty_batch(self):
        self.assertIsNone(audit.on_change({"changes": []}, self.ctx))


if __name__ == "__main__":
    unittest.main()
