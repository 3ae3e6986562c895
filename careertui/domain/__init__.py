"""Pydantic models and pure rules. Knows nothing of files or screens."""
