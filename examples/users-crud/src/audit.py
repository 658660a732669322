"""Change-stream consumer of table ``users``: one audit log line per change.

event (table): changes: [{action: insert | modify | remove, key, new, old}]. ``old`` is None where the
provider's stream has no old image (Cosmos DB change feed). Returns nothing: a raise retries the batch.
"""

IGNORED_FIELDS = {"updatedAt"}


def describe(change):
    action = change.get("action")
    item = change.get("new") or change.get("old") or {}
    user_id = (change.get("key") or {}).get("id") or item.get("id")
    if action == "insert":
        return f"user {user_id} created"
    if action == "remove":
        return f"user {user_id} deleted"
    if action == "modify":
        old, new = change.get("old"), change.get("new") or {}
        if old is None:
            return f"user {user_id} updated"
        changed = sorted(k for k in set(old) | set(new) if k not in IGNORED_FIELDS and old.get(k) != new.get(k))
        return f"user {user_id} updated: {', '.join(changed) if changed else 'no field changed'}"
    raise ValueError(f"unknown change action {action!r}")


def on_change(event, ctx):
    for change in event.get("changes") or []:
        ctx.log.info("audit: %s", describe(change))
