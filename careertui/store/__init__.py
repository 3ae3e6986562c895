"""Durable TinyDB storage, the lock, schema versions, backups and the typed repository.

Knows nothing of Textual.
"""
