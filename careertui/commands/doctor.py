"""``careertui doctor [--restore [--force] [--yes]]``: report the state of the store; restore a
backup.

``--restore`` restores only a damaged (or missing) data file unless ``--force``; it first shows
the backup it would put back (when it was written, what it holds, and what it lacks compared
with what can still be read of the current file) and asks; ``--yes`` skips the question for
scripts, and with no terminal to ask on and no ``--yes`` nothing is restored.
"""

from __future__ import annotations

import argparse

import careertui.commands as commands
from careertui.commands import repository
from careertui.domain.errors import InputError
from careertui.domain.text import terminal_safe
from careertui.store.doctor import Diagnosis, RestorePlan, diagnose, plan_restore, restore
from careertui.store.errors import UnreadableStore


def run(args: argparse.Namespace) -> int:
    store = repository(args).store
    if args.force and not args.restore:
        raise InputError("--force goes with --restore (see 'careertui doctor --help')")
    if args.restore:
        plan = plan_restore(store, force=args.force)
        for line in describe_plan(store.path, plan):
            print(terminal_safe(line))
        if not args.yes:
            if not commands.terminal_available():
                raise InputError(
                    "doctor --restore asks before it replaces the data file, and there is no "
                    "terminal to ask on; run it again with --yes to restore without asking. "
                    "Nothing was changed"
                )
            if not commands.confirm("Restore this backup? [y/N] "):
                raise InputError("not restored (not confirmed); nothing was changed")
        kept = restore(store, plan)
        print(terminal_safe(f"restored {store.path} from {plan.source}"))
        if kept is not None:
            print(terminal_safe(f"the file it replaced is kept as {kept}"))
    report = diagnose(store)
    for line in describe(report):
        print(terminal_safe(line))
    if report.problem:
        raise UnreadableStore(report.path, report.problem)
    return 0


def describe(report: Diagnosis) -> list[str]:
    lines = [f"data file: {report.path}"]
    if report.link_target is not None:
        lines.append(f"           a symbolic link to {report.link_target}")
    if not report.exists:
        lines.append("state:     no data yet (it is created on the first write)")
    elif report.problem:
        lines.append(f"state:     DAMAGED: {report.problem}")
    else:
        lines.append(f"state:     ok (schema {report.version})")
        lines.append("records:   " + _counts(report.counts))
    if report.encrypted:
        lines.append("encryption: on (AES-256-GCM, scrypt)")
    if report.unfinished:
        lines.append(f"unfinished: {report.unfinished}")
    newest = f", newest {report.backups[0].name}" if report.backups else ""
    lines.append(f"backups:   {len(report.backups)}{newest}")
    if report.backups_problem:
        lines.append(f"           {report.backups_problem}")
    for path, why in report.ignored:
        lines.append(f"           ignored {path.name}: {why}")
    return lines


def describe_plan(path, plan: RestorePlan) -> list[str]:  # noqa: ANN001 - a Path
    when = plan.written.strftime("%Y-%m-%d %H:%M:%S")
    lines = [
        f"would restore: {plan.source}",
        f"  written:     {when}",
        f"  holds:       {_counts({t: n for t, n in plan.counts.items() if n})}",
    ]
    if plan.problem is None:
        lines.append(f"  replacing:   {path}, which loads (--force)")
    else:
        lines.append(f"  replacing:   {path}, which is damaged: {plan.problem}")
    if plan.link_target is not None:
        lines.append(
            f"  note:        {path} is a symbolic link to {plan.link_target}; the link is "
            "replaced by the restored file and that file is left as it is"
        )
    lacking = plan.lacking
    if lacking is None:
        lines.append(
            "  lacks:       cannot tell: the current file cannot be read at all; it is kept "
            "aside, nothing in it is deleted"
        )
    elif not lacking.missing and not lacking.changed:
        lines.append("  lacks:       nothing the current file still holds (as far as it reads)")
    else:
        if lacking.missing:
            lines.append(
                "  lacks:       "
                + _counts(lacking.missing)
                + " that the current file holds (it is kept aside)"
            )
        if lacking.changed:
            lines.append(
                "  differs:     " + _counts(lacking.changed) + " are different in the backup"
            )
    return lines


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {t}" for t, n in counts.items()) or "no records"
