import logging
import os
import sys
import unittest
from types import SimpleNamespace

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from src import store, users  # noqa: E402

LOGGER = "users-crud.test"


def make_ctx():
    return SimpleNamespace(provider="local", stage="test", functionName="users", requestId="req-1",
                           deadline=0, log=logging.getLogger(LOGGER))


def http(method, path, route, params=None, body=None, query=None):
    return {"kind": "http", "method": method, "path": path, "route": route, "params": params or {},
            "query": query or {}, "headers": {"content-type": "application/json"}, "body": body, "rawBody": None}


class UsersApiTest(unittest.TestCase):
    def setUp(self):
        store.reset_local()
        os.environ["USERS_TABLE"] = "users-test"
        self.ctx = make_ctx()

    def tearDown(self):
        os.environ.pop("USERS_TABLE", None)

    def create(self, name="Ada Lovelace", email="Ada@Example.com"):
        res = users.create(http("POST", "/users", "/users", body={"name": name, "email": email}), self.ctx)
        self.assertEqual(res["status"], 201, res)
        return res["body"]

    def test_create_stores_a_normalized_user(self):
        user = self.create()
        self.assertEqual(user["name"], "Ada Lovelace")
        self.assertEqual(user["email"], "ada@example.com")
        self.assertEqual(store.local_tables["users-test"][user["id"]], user)
        self.assertTrue(user["createdAt"].endswith("Z"))

    def test_create_rejects_bad_bodies(self):
        for body in [None, "text", [], {}, {"name": "x"}, {"name": "x", "email": "nope"},
                     {"name": " ", "email": "a@b.co"}, {"name": "x", "email": "a@b.co", "admin": True}]:
            res = users.create(http("POST", "/users", "/users", body=body), self.ctx)
            self.assertEqual(res["status"], 400, body)
            self.assertIn("error", res["body"])
        self.assertEqual(store.local_tables, {})

    def test_get(self):
        user = self.create()
        res = users.get(http("GET", f"/users/{user['id']}", "/users/{id}", {"id": user["id"]}), self.ctx)
        self.assertEqual((res["status"], res["body"]), (200, user))
        res = users.get(http("GET", "/users/nope", "/users/{id}", {"id": "nope"}), self.ctx)
        self.assertEqual(res["status"], 404)

    def test_list_is_ordered_and_limited(self):
        a, b = self.create("A", "a@x.io"), self.create("B", "b@x.io")
        store.local_tables["users-test"][a["id"]]["createdAt"] = "2026-01-01T00:00:00Z"
        store.local_tables["users-test"][b["id"]]["createdAt"] = "2025-01-01T00:00:00Z"
        res = users.list_users(http("GET", "/users", "/users"), self.ctx)
        self.assertEqual(res["status"], 200)
        self.assertEqual([u["name"] for u in res["body"]["items"]], ["B", "A"])
        res = users.list_users(http("GET", "/users", "/users", query={"limit": "1"}), self.ctx)
        self.assertEqual((len(res["body"]["items"]), res["body"]["count"]), (1, 2))
        res = users.list_users(http("GET", "/users", "/users", query={"limit": "many"}), self.ctx)
        self.assertEqual(res["status"], 400)

    def test_update_changes_only_given_fields(self):
        user = self.create()
        event = http("PUT", f"/users/{user['id']}", "/users/{id}", {"id": user["id"]}, {"name": "Ada King"})
        res = users.update(event, self.ctx)
        self.assertEqual(res["status"], 200)
        self.assertEqual(res["body"]["name"], "Ada King")
        self.assertEqual(res["body"]["email"], "ada@example.com")
        self.assertEqual(store.local_tables["users-test"][user["id"]]["name"], "Ada King")

    def test_update_errors(self):
        user = self.create()
        res = users.update(http("PUT", "/users/x", "/users/{id}", {"id": "x"}, {"name": "B"}), self.ctx)
        self.assertEqual(res["status"], 404)
        res = users.update(http("PUT", "/", "/users/{id}", {"id": user["id"]}, {}), self.ctx)
        self.assertEqual(res["status"], 400)
        res = users.update(http("PUT", "/", "/users/{id}", {"id": user["id"]}, {"email": "bad"}), self.ctx)
        self.assertEqual(res["status"], 400)

    def test_delete(self):
        user = self.create()
        event = http("DELETE", f"/users/{user['id']}", "/users/{id}", {"id": user["id"]})
        self.assertEqual(users.delete(event, self.ctx)["status"], 204)
        self.assertEqual(store.local_tables["users-test"], {})
        self.assertEqual(users.delete(event, self.ctx)["status"], 404)


class StoreTest(unittest.TestCase):
    def test_local_backend_returns_copies(self):
        store.reset_local()
        s = store.store_for({"provider": "local"})
        s.put("t", {"id": "1", "tags": ["a"]})
        got = s.get("t", "1")
        got["tags"].append("b")
        self.assertEqual(s.get("t", "1"), {"id": "1", "tags": ["a"]})
        self.assertIsNone(s.get("t", "2"))
        s.delete("t", "2")  # deleting a missing item is not an error

    def test_unknown_provider(self):
        with self.assertRaises(ValueError):
            store.store_for(SimpleNamespace(provider=None))


if __name__ == "__main__":
    unittest.main()
