"""One module a command, each with ``run(args) -> int``; imported only when its command runs."""

from __future__ import annotations

import argparse
from pathlib import Path

from careertui import paths


def data_dir(args: argparse.Namespace) -> Path:
    return paths.data_dir(args.data_dir)


def repository(args: argparse.Namespace):  # -> Repository, imported lazily
    from careertui.store.repository import Repository

    return Repository.at(data_dir(args))
