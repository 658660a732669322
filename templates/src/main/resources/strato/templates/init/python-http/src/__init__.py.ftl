"""Handlers of ${service}."""
