"""Start one measured command from a small process and report its wall time and peak memory.

    python -S bench/launch.py STDERR_FILE COMMAND [ARG...]

Prints ``seconds peak_rss_kib exit_code`` on one line.

Why a launcher: Linux keeps a process's peak resident size across ``exec``, so a child forked
from the benchmark (which holds the generated data) would report the benchmark's size, not its
own. Forked from this small interpreter instead, the inherited floor is a few MiB, well under
what any Python program measured here uses.
"""

import os
import sys
import time


def main(argv: list) -> int:
    errors_path, command = argv[0], argv[1:]
    errors = os.open(errors_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_DUP2, errors, 2),
    ]
    start = time.perf_counter()
    pid = os.posix_spawn(command[0], command, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    os.close(errors)
    peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    sys.stdout.write(f"{seconds!r} {peak} {os.waitstatus_to_exitcode(status)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
