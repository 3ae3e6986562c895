"""careertui opens no network connection: every command and the app, run in a fresh process
whose audit hook (installed before careertui is imported) records any attempt to resolve a
name, open an internet socket or connect anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SESSION = r"""
import json, socket, sys

attempts = []
NET = (socket.AF_INET, socket.AF_INET6)

def hook(event, args):
    if event == "socket.__new__" and args[1] in NET:
        attempts.append([event, repr(args[1:])])
    elif event in ("socket.connect", "socket.connect_ex", "socket.sendto", "socket.sendmsg"):
        if getattr(args[0], "family", None) in NET:
            attempts.append([event, repr(args[1:])])
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                   "socket.gethostbyaddr", "socket.getnameinfo", "urllib.Request",
                   "http.client.connect", "ftplib.connect", "smtplib.connect", "webbrowser.open"):
        attempts.append([event, repr(args)[:200]])

sys.addaudithook(hook)

import asyncio, contextlib, io, os
from argparse import Namespace
from pathlib import Path

from careertui.cli import main

data = Path(sys.argv[1])
work = Path(sys.argv[2])
ran = []

def cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(data), *argv])
    ran.append([list(argv), code, err.getvalue()])

cli("demo", "--no-open")
cli("win", "Shipped the pricing page", "--metric", "conversion: 2% -> 3%", "--tag", "growth")
cli("wins")
cli("wins", "--json")
cli("where")
cli("doctor")
for what in ("brag", "case", "json"):
    cli("export", what, "--out", str(work / f"export-{what}"))
cli("import", "json", str(work / "export-json"))
journal = work / "journal.json"
journal.write_text(json.dumps({"tags": {}, "entries": [
    {"title": "Ran the offsite", "body": "", "date": "2026-11-02", "time": "09:00",
     "tags": ["@dana"], "starred": False}]}))
cli("import", "jrnl", str(journal))
os.environ["CAREERTUI_PASSPHRASE"] = "a passphrase for the test"
cli("encrypt")
cli("wins")
cli("decrypt")

from careertui.commands import repository
from careertui.tui.app import make_app

async def use_the_app():
    app = make_app(repository(Namespace(data_dir=str(data))))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for key in ("w", *"Met the CFO", "enter", "question_mark", "escape", "tab", "tab",
                    "down", "enter", "escape", "ctrl+p", *"export", "escape"):
            await pilot.press(key)
            await pilot.pause()
        for _ in range(100):
            await pilot.pause(0.05)
            if any(w.title == "Met the CFO" for w in app.repo.wins.list()):
                break
    ran.append(["app", any(w.title == "Met the CFO" for w in app.repo.wins.list()), ""])

asyncio.run(use_the_app())
print(json.dumps({"attempts": attempts, "ran": ran}))
"""


def test_no_command_and_not_the_app_open_a_network_connection(tmp_path: Path) -> None:
    script = tmp_path / "session.py"
    script.write_text(SESSION)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "CAREERTUI_TODAY": "2026-11-23"}
    env.pop("CAREERTUI_PASSPHRASE", None)
    proc = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "data"), str(work)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    failed = [r for r in report["ran"] if r[1] not in (0, True)]
    assert failed == [], "the session did not do what it meant to"
    assert len(report["ran"]) == 15
    assert report["attempts"] == []


def test_the_hook_would_see_a_connection(tmp_path: Path) -> None:
    """The same hook does catch an attempt, so an empty list above means something."""
    script = tmp_path / "probe.py"
    hook = SESSION.split("import asyncio")[0]
    script.write_text(
        hook
        + "import socket\n"
        + "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
        + "except OSError:\n    pass\n"
        + "print(json.dumps(attempts))\n"
    )
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    events = {event for event, _ in json.loads(proc.stdout)}
    assert "socket.connect" in events
