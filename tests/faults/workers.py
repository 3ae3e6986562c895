"""Writer processes for the fault tests, run through a multiprocessing ``forkserver`` (so a new
writer costs a fork, not an interpreter start) and killed or raced by the tests.

Each writer reports on a raw pipe, one short line per ``os.write`` (atomic below PIPE_BUF), so a
SIGKILL can never leave half a report: ``B <op> <id> <title>`` before a change, ``A`` once the
change is durable (the repository call has returned).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import time
from pathlib import Path

from careertui.actions.wins import log_win

TODAY = "2026-11-23"


def context() -> multiprocessing.context.BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(
        ["careertui.store.repository", "careertui.cli", "tests.faults.workers"]
    )
    return ctx


def _setup() -> None:
    os.environ["CAREERTUI_TODAY"] = TODAY
    os.environ.pop("CAREERTUI_PASSPHRASE", None)


def _say(fd: int, line: str) -> None:
    os.write(fd, (line + "\n").encode())


def mixed_writer(data_dir: str, seed: int, fd: int) -> None:
    """Adds, updates and deletes wins at random until killed."""
    _setup()
    from careertui.domain.models import Win
    from careertui.store.repository import Repository

    repo = Repository.at(Path(data_dir))
    rng = random.Random(seed)
    titles = {win.id: win.title for win in repo.wins.list()}
    _say(fd, "R")
    step = 0
    while True:
        step += 1
        title = f"s{seed}-{step}"
        kind = rng.choices(["add", "update", "delete"], weights=[5, 3, 2])[0] if titles else "add"
        if kind == "add":
            win = Win(title=title, body="x" * rng.randrange(0, 3000))
            _say(fd, f"B add {win.id} {title}")
            repo.wins.add(win)
            titles[win.id] = title
        elif kind == "update":
            record_id = rng.choice(sorted(titles))
            win = repo.wins.get(record_id)
            _say(fd, f"B update {record_id} {title}")
            repo.wins.update(win.model_copy(update={"title": title}))
            titles[record_id] = title
        else:
            record_id = rng.choice(sorted(titles))
            _say(fd, f"B delete {record_id} -")
            repo.wins.delete(record_id)
            del titles[record_id]
        _say(fd, "A")


def app_writer(data_dir: str, count: int, go, fd: int) -> None:
    """Logs ``count`` wins through the repository, as the app does."""
    _setup()
    from careertui.domain.models import Win
    from careertui.store.repository import Repository

    repo = Repository.at(Path(data_dir))
    _say(fd, "R")
    go.wait()
    for i in range(count):
        log_win(repo, Win(title=f"app {i}"))
        _say(fd, "A")


def cli_writer(data_dir: str, count: int, go, fd: int) -> None:
    """Runs ``careertui win`` ``count`` times (the command's own code, in one process)."""
    _setup()
    import contextlib
    import io

    from careertui.cli import main

    _say(fd, "R")
    go.wait()
    for i in range(count):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--data-dir", data_dir, "win", f"cli {i}"])
        if code != 0 or err.getvalue():
            _say(fd, f"E {code} {err.getvalue().strip()[:200]}")
            os._exit(1)
        _say(fd, "A")


def lock_holder(data_dir: str, fd: int) -> None:
    """Opens a transaction, changes something inside it, and hangs while holding the lock."""
    _setup()
    from careertui.domain.models import Win
    from careertui.store.repository import Repository

    repo = Repository.at(Path(data_dir))
    with repo.transaction():
        repo.wins.add(Win(title="never committed"))
        _say(fd, "H")
        while True:
            time.sleep(60)


def plain_writer(data_dir: str, count: int, fd: int) -> None:
    """Adds ``count`` wins one by one."""
    _setup()
    from careertui.domain.models import Win
    from careertui.store.repository import Repository

    repo = Repository.at(Path(data_dir))
    _say(fd, "R")
    for i in range(count):
        repo.wins.add(Win(title=f"after {i}"))
        _say(fd, "A")


class Reports:
    """The parent's end of a writer's report pipe."""

    connection = None

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""
        self.lines: list[str] = []

    def pump(self, timeout: float | None = None) -> bool:
        """Read what is there (waiting up to ``timeout``); False once the writer end closed."""
        import select

        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        chunk = os.read(self.fd, 65536)
        if not chunk:
            return False
        self.buffer += chunk
        *complete, self.buffer = self.buffer.split(b"\n")
        self.lines += [line.decode() for line in complete]
        return True

    def wait_for(self, marker: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while marker not in self.lines:
            if time.monotonic() > deadline:
                raise AssertionError(f"the writer never reported {marker!r}: {self.lines[-5:]}")
            if not self.pump(0.5):
                raise AssertionError(f"the writer ended before {marker!r}: {self.lines[-5:]}")

    def wait_count(self, marker: str, count: int, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while self.lines.count(marker) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"the writer never reported {count} × {marker!r}")
            if not self.pump(0.5):
                raise AssertionError(f"the writer ended before {count} × {marker!r}")

    def drain(self) -> None:
        """Read everything up to the writer's end of the pipe (call once it is dead)."""
        while self.pump(5.0):
            pass

    def close(self) -> None:
        self.connection.close()


def start(ctx, target, *args):
    """Start ``target(*args, write_fd)`` in a new process; return it and its Reports."""
    reader, writer = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_run, args=(target, writer, *args), daemon=True)
    proc.start()
    writer.close()
    reports = Reports(reader.fileno())
    reports.connection = reader
    return proc, reports


def _run(target, writer, *args) -> None:
    target(*args, writer.fileno())
