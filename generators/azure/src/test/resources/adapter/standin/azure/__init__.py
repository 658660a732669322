# Test-only stand-in for the azure namespace package (see functions/__init__.py).
