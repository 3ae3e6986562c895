"""``careertui doctor [--restore]``: report the state of the store; restore a backup."""

from __future__ import annotations

import argparse

from careertui.commands import repository
from careertui.store.doctor import diagnose, restore_newest
from careertui.store.errors import UnreadableStore


def run(args: argparse.Namespace) -> int:
    store = repository(args).store
    if args.restore:
        source = restore_newest(store)
        print(f"restored {store.path} from {source}")
    report = diagnose(store)
    print(f"data file: {report.path}")
    if not report.exists:
        print("state:     no data yet (it is created on the first write)")
    elif report.problem:
        print(f"state:     DAMAGED: {report.problem}")
    else:
        print(f"state:     ok (schema {report.version})")
        print("records:   " + ", ".join(f"{n} {t}" for t, n in report.counts.items()))
    if report.encrypted:
        print("encryption: on (AES-256-GCM, scrypt)")
    newest = f", newest {report.backups[0].name}" if report.backups else ""
    print(f"backups:   {len(report.backups)}{newest}")
    if report.problem:
        raise UnreadableStore(report.path, report.problem)
    return 0
