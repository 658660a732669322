import logging
import os
import sys
import unittest
from types import SimpleNamespace

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from src import store, thumbnail, thumbnails  # noqa: E402


def fake_jpeg(width, height):
    """Smallest byte string our parser accepts: SOI, APP0, SOF0, EOI (no real pixels)."""
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0\x00\x11\x08" + height.to_bytes(2, "big") + width.to_bytes(2, "big") + b"\x03" + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def make_ctx():
    return SimpleNamespace(
        provider="local",
        stage="test",
        functionName="makeThumbnail",
        requestId="req-1",
        deadline=0,
        log=logging.getLogger("thumbnails.test"),
    )


def bucket_event(key, action="created", size=100):
    return {"kind": "bucket", "bucket": "uploads-dev", "key": key, "size": size, "etag": "abc",
            "action": action, "time": "2026-01-01T00:00:00Z"}


class ThumbnailTest(unittest.TestCase):
    def test_jpeg_size(self):
        self.assertEqual(thumbnail.jpeg_size(fake_jpeg(1024, 768)), (1024, 768))

    def test_not_a_jpeg(self):
        with self.assertRaises(thumbnail.NotAJpeg):
            thumbnail.jpeg_size(b"\x89PNG....")
        with self.assertRaises(thumbnail.NotAJpeg):
            thumbnail.jpeg_size(b"\xff\xd8\xff\xd9")

    def test_thumbnail_size_keeps_aspect_and_never_upscales(self):
        self.assertEqual(thumbnail.thumbnail_size(1024, 768, 256), (256, 192))
        self.assertEqual(thumbnail.thumbnail_size(300, 1200, 256), (64, 256))
        self.assertEqual(thumbnail.thumbnail_size(100, 50, 256), (100, 50))

    def test_placeholder_output_is_still_a_jpeg(self):
        data = fake_jpeg(1024, 768)
        out, size = thumbnail.make_thumbnail(data, 256)
        self.assertEqual(size, (256, 192))
        self.assertTrue(out.startswith(b"\xff\xd8\xff\xfe"))
        self.assertIn(b"strato-thumbnail 256x192 of 1024x768", out)
        self.assertEqual(thumbnail.jpeg_size(out), (1024, 768))


class HandlerTest(unittest.TestCase):
    def setUp(self):
        store.reset_local()
        os.environ["THUMBNAILS_BUCKET"] = "thumbnails-dev"
        os.environ["THUMBNAIL_MAX_EDGE"] = "128"
        self.ctx = make_ctx()

    def tearDown(self):
        os.environ.pop("THUMBNAILS_BUCKET", None)
        os.environ.pop("THUMBNAIL_MAX_EDGE", None)

    def test_writes_thumbnail_into_second_bucket(self):
        store.store_for(self.ctx).write("uploads-dev", "incoming/2026/cat.jpg", fake_jpeg(640, 480), "image/jpeg")
        with self.assertLogs("thumbnails.test", level="INFO"):
            out = thumbnails.on_upload(bucket_event("incoming/2026/cat.jpg"), self.ctx)
        self.assertEqual(out, {"bucket": "thumbnails-dev", "key": "2026/cat.jpg", "width": 128, "height": 96})
        data, content_type = store.local_objects["thumbnails-dev"]["2026/cat.jpg"]
        self.assertEqual(content_type, "image/jpeg")
        self.assertIn(b"strato-thumbnail 128x96", data)

    def test_deleted_and_non_jpeg_objects_are_ignored(self):
        with self.assertLogs("thumbnails.test", level="INFO"):
            self.assertIsNone(thumbnails.on_upload(bucket_event("incoming/cat.jpg", action="deleted"), self.ctx))
            self.assertIsNone(thumbnails.on_upload(bucket_event("incoming/cat.png"), self.ctx))
        self.assertNotIn("thumbnails-dev", store.local_objects)

    def test_broken_file_is_logged_and_dropped(self):
        store.store_for(self.ctx).write("uploads-dev", "incoming/bad.jpg", b"not an image", "image/jpeg")
        with self.assertLogs("thumbnails.test", level="WARNING") as logs:
            self.assertIsNone(thumbnails.on_upload(bucket_event("incoming/bad.jpg"), self.ctx))
        self.assertIn("skipping incoming/bad.jpg", logs.output[0])

    def test_oversized_upload_is_skipped_without_reading(self):
        with self.assertLogs("thumbnails.test", level="WARNING"):
            self.assertIsNone(thumbnails.on_upload(bucket_event("incoming/huge.jpg", size=10**9), self.ctx))

    def test_missing_object_raises_so_the_event_is_retried(self):
        with self.assertRaises(FileNotFoundError):
            thumbnails.on_upload(bucket_event("incoming/gone.jpg"), self.ctx)


class StoreTest(unittest.TestCase):
    def test_backend_follows_provider(self):
        self.assertIs(store.store_for({"provider": "local"}), store.store_for(make_ctx()))
        with self.assertRaises(ValueError):
            store.store_for(SimpleNamespace(provider="oracle"))


if __name__ == "__main__":
    unittest.main()
