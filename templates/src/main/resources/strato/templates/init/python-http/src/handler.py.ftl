"""Portable handler: strato's adapter turns each cloud's HTTP event into a dict with
method, path, route, params, query, headers, body, rawBody, and the returned
{status, headers, body} into the cloud's response."""

import os


def hello(event, ctx):
    name = (event.get("query") or {}).get("name") or "world"
    ctx.log.info("hello called on %s", ctx.provider)
    return {
        "status": 200,
        "headers": {"content-type": "application/json"},
        "body": {"message": f"Hello, {name}!", "stage": os.environ.get("STAGE", ctx.stage)},
    }
