"""Handlers of the users-crud example (strato portable contract)."""
