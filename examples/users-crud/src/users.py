"""HTTP API on table ``users``: GET/POST /users, GET/PUT/DELETE /users/{id}.

event (http): method, path, route, params, query, headers, body (parsed when JSON), rawBody.
Each handler returns {status, headers, body}.
"""

import os
import re
import uuid
from datetime import datetime, timezone

try:
    from . import store as _store
except ImportError:  # loaded as a top-level module (src/ itself on sys.path)
    import store as _store

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME = 100
MAX_LIMIT = 100


def _table():
    return os.environ.get("USERS_TABLE", "users")


def _now():
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _json(status, body):
    return {"status": status, "headers": {"content-type": "application/json"}, "body": body}


def _error(status, message):
    return _json(status, {"error": message})


def validate(body, partial=False):
    """Returns (fields, error). partial=True (PUT) accepts any non-empty subset of the fields."""
    if not isinstance(body, dict):
        return None, "body must be a JSON object"
    unknown = sorted(set(body) - {"name", "email"})
    if unknown:
        return None, f"unknown field(s): {', '.join(unknown)}"
    fields = {}
    if "name" in body or not partial:
        name = body.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
            return None, f"name must be a non-empty string of at most {MAX_NAME} characters"
        fields["name"] = name.strip()
    if "email" in body or not partial:
        email = body.get("email")
        if not isinstance(email, str) or not EMAIL.match(email):
            return None, "email must be an email address"
        fields["email"] = email.strip().lower()
    if not fields:
        return None, "nothing to update"
    return fields, None


def list_users(event, ctx):
    query = event.get("query") or {}
    try:
        limit = min(int(query.get("limit", MAX_LIMIT)), MAX_LIMIT)
    except ValueError:
        return _error(400, "limit must be an integer")
    users = sorted(_store.store_for(ctx).scan(_table()), key=lambda u: (u.get("createdAt", ""), u["id"]))
    return _json(200, {"items": users[: max(limit, 0)], "count": len(users)})


def create(event, ctx):
    fields, error = validate(event.get("body"))
    if error:
        return _error(400, error)
    now = _now()
    user = {"id": str(uuid.uuid4()), **fields, "createdAt": now, "updatedAt": now}
    _store.store_for(ctx).put(_table(), user)
    ctx.log.info("created user %s", user["id"])
    response = _json(201, user)
    response["headers"]["location"] = f"/users/{user['id']}"
    return response


def get(event, ctx):
    user_id = (event.get("params") or {}).get("id")
    user = _store.store_for(ctx).get(_table(), user_id)
    return _json(200, user) if user else _error(404, f"user {user_id} not found")


def update(event, ctx):
    user_id = (event.get("params") or {}).get("id")
    fields, error = validate(event.get("body"), partial=True)
    if error:
        return _error(400, error)
    store = _store.store_for(ctx)
    user = store.get(_table(), user_id)
    if not user:
        return _error(404, f"user {user_id} not found")
    user.update(fields, updatedAt=_now())
    store.put(_table(), user)
    return _json(200, user)


def delete(event, ctx):
    user_id = (event.get("params") or {}).get("id")
    store = _store.store_for(ctx)
    if not store.get(_table(), user_id):
        return _error(404, f"user {user_id} not found")
    store.delete(_table(), user_id)
    ctx.log.info("deleted user %s", user_id)
    return {"status": 204, "headers": {}, "body": None}
