"""Bucket trigger: uploads/incoming/*.jpg -> thumbnails/<same path>.

event (bucket): bucket, key, size, etag, action (created | deleted), time. The return value is ignored.
"""

import os

try:
    from . import store as _store
    from .thumbnail import NotAJpeg, make_thumbnail
except ImportError:  # loaded as a top-level module (src/ itself on sys.path)
    import store as _store
    from thumbnail import NotAJpeg, make_thumbnail

PREFIX = "incoming/"
MAX_BYTES = 20 * 1024 * 1024


def thumbnail_key(key):
    return key[len(PREFIX) :] if key.startswith(PREFIX) else key


def on_upload(event, ctx):
    log = ctx.log
    key = event["key"]
    if event.get("action", "created") != "created" or not key.lower().endswith(".jpg"):
        log.info("skipping %s (%s)", key, event.get("action"))
        return None
    if (event.get("size") or 0) > MAX_BYTES:
        log.warning("skipping %s: %s bytes is over the %s byte limit", key, event["size"], MAX_BYTES)
        return None

    store = _store.store_for(ctx)
    data = store.read(event["bucket"], key)
    try:
        thumb, (width, height) = make_thumbnail(data, int(os.environ.get("THUMBNAIL_MAX_EDGE", "256")))
    except NotAJpeg as err:
        # Retrying cannot fix a broken file: log and drop it.
        log.warning("skipping %s: %s", key, err)
        return None

    target_bucket = os.environ["THUMBNAILS_BUCKET"]
    target_key = thumbnail_key(key)
    store.write(target_bucket, target_key, thumb, "image/jpeg")
    log.info("thumbnail %s/%s (%dx%d) from %s/%s", target_bucket, target_key, width, height, event["bucket"], key)
    return {"bucket": target_bucket, "key": target_key, "width": width, "height": height}
