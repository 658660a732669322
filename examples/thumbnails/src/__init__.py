"""Handlers of the thumbnails example (strato portable contract)."""
