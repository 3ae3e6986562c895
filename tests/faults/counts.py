"""How hard the fault tests push: the default run, or the full counts of issue 8 with
``CAREERTUI_FULL_FAULTS=1``."""

from __future__ import annotations

import os

FULL = os.environ.get("CAREERTUI_FULL_FAULTS") == "1"

#: SIGKILLs of a writer in the middle of mixed adds, updates and deletes.
KILLS = 200 if FULL else 100
#: Writes by each of two concurrent writers.
CONCURRENT = 500 if FULL else 300
#: Fuzzing examples for the cheap loaders, and for the ones that go through the files.
FUZZ = 5000 if FULL else 1500
FUZZ_SLOW = 2000 if FULL else 300
