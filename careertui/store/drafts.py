"""What the user was typing when careertui stopped on a bug, and the details of that bug.

One draft is kept beside the data file (``draft``), sealed with the store's passphrase when the
store is encrypted, and offered back at the next start. The crash log (``crash.log``) holds the
tracebacks of unexpected errors; the caller decides what goes in it (with an encrypted store, no
record text). Both files are private (0600) and written atomically.
"""

from __future__ import annotations

import contextlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from careertui.store.database import Store
from careertui.store.files import ensure_private_dir, read_bytes, write_atomic

DRAFT_FILE = "draft"
CRASH_LOG = "crash.log"
#: The crash log keeps about this many bytes of the latest reports.
LOG_LIMIT = 256 * 1024
#: What the quick-win line is called in a draft's ``kind``.
QUICK_WIN = "quick_win"
FORM = "form"
#: Text from a dialog that cannot be reopened by itself (shown back to be copied).
TEXT = "text"


@dataclass(frozen=True)
class Draft:
    """What an open form held: its ``kind`` (``form``, ``quick_win`` or ``text``), its title,
    the kind of record it edits (``Win``, ``Gap``, …), that record's id when it edited one, and
    each field's value as typed, by field name."""

    kind: str
    title: str = ""
    model: str = ""
    record_id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def preview(self, width: int = 60) -> str:
        """The first text typed, on one line, cut to ``width``."""
        for value in self.values.values():
            if isinstance(value, str) and value.strip():
                flat = " ".join(value.split())
                return flat if len(flat) <= width else flat[: width - 1] + "…"
        return ""


def draft_path(store: Store) -> Path:
    return store.data_dir / DRAFT_FILE


def save_draft(store: Store, draft: Draft) -> Path:
    """Keep ``draft`` (replacing any earlier one), sealed when the store is encrypted."""
    path = draft_path(store)
    ensure_private_dir(store.data_dir)
    payload = orjson.dumps(asdict(draft), default=str)
    if store.encrypted():
        payload = store.sealer.seal(path, payload)
    write_atomic(path, payload)
    return path


def load_draft(store: Store) -> Draft | None:
    """The draft kept by the last session, or None. Raises StoreError when it cannot be read
    (a wrong passphrase, a damaged file); the file is then left as it is."""
    path = draft_path(store)
    raw = read_bytes(path)
    if raw is None:
        return None
    try:
        data = orjson.loads(store.sealer.open(path, raw))
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    title, model, record_id, values = (
        data.get(k) for k in ("title", "model", "record_id", "values")
    )
    return Draft(
        kind=str(data.get("kind", FORM)),
        title=title if isinstance(title, str) else "",
        model=model if isinstance(model, str) else "",
        record_id=record_id if isinstance(record_id, str) else None,
        values=values if isinstance(values, dict) else {},
    )


def discard_draft(store: Store) -> None:
    with contextlib.suppress(FileNotFoundError):
        draft_path(store).unlink()


def append_crash_log(data_dir: Path, report: str) -> Path:
    """Add ``report`` to the crash log (older reports beyond :data:`LOG_LIMIT` drop off)."""
    path = Path(data_dir) / CRASH_LOG
    ensure_private_dir(path.parent)
    earlier = read_bytes(path) or b""
    entry = report.encode("utf-8", "replace")
    keep = max(LOG_LIMIT - len(entry), 0)
    write_atomic(path, (earlier[-keep:] if keep else b"") + entry)
    return path
