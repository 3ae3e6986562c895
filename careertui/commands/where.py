from __future__ import annotations

import argparse

from careertui.commands import repository


def run(args: argparse.Namespace) -> int:
    print(repository(args).store.path)
    return 0
