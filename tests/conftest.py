"""Shared fixtures: every test works in its own data directory, never the user's."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from careertui.store.repository import Repository

#: The installed console script, beside the interpreter running the tests.
CAREERTUI = Path(sys.executable).with_name("careertui")
TODAY = "2026-11-23"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--full-faults",
        action="store_true",
        help="run the fault tests at full counts (200 kills, 2x500 concurrent writes, "
        "longer fuzzing); the same as CAREERTUI_FULL_FAULTS=1",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--full-faults"):
        os.environ["CAREERTUI_FULL_FAULTS"] = "1"  # read by tests/faults/counts.py


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may reach the real data directory, the network-facing HOME, or the real date."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    monkeypatch.delenv("CAREERTUI_DATA_DIR", raising=False)
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def repo(data_dir: Path) -> Repository:
    return Repository.at(data_dir)


@pytest.fixture
def demo_repo(data_dir: Path) -> Repository:
    from datetime import date

    from careertui.demo import populate

    repository = Repository.at(data_dir)
    populate(repository, date.fromisoformat(TODAY))
    return repository


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@dataclass
class CLI:
    """Runs the installed ``careertui`` console script in a subprocess."""

    data_dir: Path

    def __call__(
        self,
        *args: str,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
        data_dir: bool = True,
    ) -> Result:
        argv = [str(CAREERTUI)]
        if data_dir:
            argv += ["--data-dir", str(self.data_dir)]
        argv += list(args)
        proc = subprocess.run(
            argv,
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            timeout=60,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli(data_dir: Path) -> CLI:
    assert CAREERTUI.exists(), f"install the package first: {CAREERTUI} is missing"
    return CLI(data_dir)
