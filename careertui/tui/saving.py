"""How the app writes: off the event loop, one write at a time, with the UI saying so.

A mixin of :class:`~careertui.tui.app.CareerApp` (which sets ``repo``, ``career`` and
``watch``). Every write re-reads the career in the same worker thread and pushes it down to the
panes; a store error becomes a notification and the caller's ``on_error`` (a form keeps what was
typed).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from careertui.domain.errors import CareerError

if TYPE_CHECKING:
    from careertui.store.repository import Career, Repository
    from careertui.tui.live import FileWatch

Done = Callable[[Any], None]
Failed = Callable[[str], None]


def error_message(exc: BaseException) -> str:
    """What went wrong, in one line a user can act on."""
    if isinstance(exc, CareerError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"could not save: {exc.strerror or exc}{where}"
    return f"could not save: {type(exc).__name__}: {exc}"


class StoreAccess:
    repo: Repository
    career: Career
    watch: FileWatch
    _write_lock: threading.Lock
    _pending_writes: int

    def _init_store_access(self) -> None:
        self._write_lock = threading.Lock()
        self._pending_writes = 0

    @property
    def saving(self) -> bool:
        return self._pending_writes > 0

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done_message: str | None = None,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        refresh: bool = True,
    ) -> None:
        """Run ``fn(*args)`` (a repository write) in a thread worker, then push fresh data
        (unless ``refresh`` is False: an export, say, changes nothing on record)."""
        self._pending_writes += 1
        self.saving_changed()
        self.run_worker(  # type: ignore[attr-defined]
            lambda: self._write_job(fn, args, done_message, on_done, on_error, refresh),
            thread=True,
            group="store-write",
            exit_on_error=False,
            description="saving",
        )

    def _write_job(self, fn, args, done_message, on_done, on_error, refresh) -> None:  # noqa: ANN001
        call = self.call_from_thread  # type: ignore[attr-defined]
        try:
            with self._write_lock:
                result = fn(*args)
        except Exception as exc:  # the app must never crash on a write; say what happened
            call(self._write_failed, error_message(exc), on_error)
            return
        career = None
        try:
            if refresh:
                self.watch.mark_seen()
                career = self.repo.career()
        except Exception as exc:
            career = None
            call(self.notify, error_message(exc), severity="error",  # type: ignore[attr-defined]
                 title="Saved, but could not re-read the data", markup=False)
        call(self._write_done, result, career, done_message, on_done)

    def _write_done(self, result, career, done_message, on_done) -> None:  # noqa: ANN001
        self._pending_writes -= 1
        self.saving_changed()
        if career is not None:
            self.push_career(career)
        if done_message:
            self.notify(done_message, timeout=3, markup=False)  # type: ignore[attr-defined]
        if on_done is not None:
            self._follow_up(on_done, result)

    def _write_failed(self, message: str, on_error: Failed | None) -> None:
        self._pending_writes -= 1
        self.saving_changed()
        self.notify(message, title="Not saved", severity="error",  # type: ignore[attr-defined]
                    timeout=8, markup=False)
        if on_error is not None:
            self._follow_up(on_error, message)

    def _follow_up(self, callback: Callable[[Any], None], value: Any) -> None:
        """Run a caller's follow-up; a bug there is reported, not lost in the worker thread."""
        try:
            callback(value)
        except Exception as exc:
            self.log.error(traceback.format_exc())  # type: ignore[attr-defined]
            notify = self.notify  # type: ignore[attr-defined]
            notify(f"{type(exc).__name__}: {exc}", title="Something went wrong after saving",
                   severity="error", markup=False)

    # -- implemented by the app ---------------------------------------------------------------
    def push_career(self, career: Career) -> None:
        raise NotImplementedError

    def saving_changed(self) -> None:
        raise NotImplementedError
