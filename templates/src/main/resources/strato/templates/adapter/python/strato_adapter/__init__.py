"""strato portable-handler adapter (contract: docs/HANDLERS.md). Standard library only."""
