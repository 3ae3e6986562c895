"""``careertui demo``: a realistic sample career in a directory of its own."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from careertui import paths
from careertui.commands import data_dir
from careertui.commands.dashboard import require_terminal
from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.store.repository import Repository


def run(args: argparse.Namespace) -> int:
    on = today()
    if not args.no_open:
        require_terminal("to only write the sample career, use careertui demo --no-open")
    if args.data_dir or os.environ.get(paths.ENV_VAR):
        target = data_dir(args)
    else:
        target = Path(tempfile.mkdtemp(prefix="careertui-demo-"))
    repo = Repository.at(target)
    if repo.store.exists():
        raise InputError(
            f"{repo.store.path} already holds data; the demo only writes into an empty directory"
        )
    from careertui.demo import populate

    populate(repo, on)
    print(f"demo career written to {target}")
    if not args.no_open:
        from careertui.paths import keymap_file
        from careertui.tui.app import make_app

        app = make_app(repo, keymap_path=keymap_file())
        app.run()
        return app.return_code or 0
    return 0
