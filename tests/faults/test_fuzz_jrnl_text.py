"""``careertui import jrnl`` fed jrnl journal files (the plain-text format jrnl writes):
random text, generated journals with hostile dates, stars, tags and control characters, and
real journals cut, flipped and spliced. Each either imports or is refused with a CareerError,
never a traceback, never a hang; a refused import leaves the store byte-identical."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from careertui.exchange.jrnl import import_jrnl, load_jrnl
from tests.faults import counts
from tests.faults.fuzzing import fuzz_settings, mutated_bytes
from tests.faults.test_fuzz_importers import _import

REAL = (
    b"[2026-03-14 10:30:00 AM] Shipped the onboarding redesign with @maya.\n"
    b"Activation went from 31% to 38%. #launch #growth\n\n"
    b"[2026-04-02 09:15:00 PM] Led the pricing review *\n\n"
    b"[2026-05-20 04:45:00 PM] Closed the Globex expansion.\n"
    b"It took three months.\n- two exec meetings\n- one #revenue model\n"
)

dates = st.sampled_from(
    [
        "2026-11-02 09:00:00 AM",
        "2026-11-02 09:00",
        "2026-11-02 21:00:00",
        "2026-11-02 9:00 PM",
        "02 Nov 2026 09:00",
        "2026-13-02 09:00",
        "0001-01-01 12:00:00 AM",
        "9999-12-31 11:59 PM",
        "1969-12-31 23:59",
        "2026-02-30 10:00",
        "bad date",
        "1",
        "",
        "]",
        "2026-11-02",
    ]
) | st.text(max_size=20)
lines = st.sampled_from(
    [
        "",
        "*",
        " *",
        "#tag @person",
        "[TODO] later",
        "[1] note",
        "\x1b]52;c;aGk=\x07",
        "\r",
        "\x00",
        "\u202e",
        "a" * 400,
        ". . .",
        "[2026-11-02 09:00:00 AM]",
        "@",
        "#",
    ]
) | st.text(max_size=60)


@st.composite
def journals(draw) -> bytes:
    parts = []
    if draw(st.booleans()):
        parts.append(draw(lines))
    for _ in range(draw(st.integers(0, 5))):
        parts.append(f"[{draw(dates)}] {draw(lines)}{draw(st.sampled_from(['', ' *', '*']))}")
        parts.extend(draw(st.lists(lines, max_size=4)))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1"]))
    return "\n".join(parts).encode(encoding, errors="replace")


jrnl_text_inputs = (
    journals()
    | st.builds(lambda: REAL).flatmap(mutated_bytes)
    | journals().flatmap(mutated_bytes)
    | st.text(max_size=300).map(str.encode)
)


@fuzz_settings(counts.FUZZ_SLOW)
@given(jrnl_text_inputs)
def test_jrnl_text_import_imports_or_refuses_cleanly(raw: bytes) -> None:
    _import(raw, load_jrnl, import_jrnl, "jrnl")


def test_the_real_journal_imports(tmp_path) -> None:  # noqa: ANN001
    """The fuzzing starts from a journal that works."""
    path = tmp_path / "journal.txt"
    path.write_bytes(REAL)
    assert [w.title for w in load_jrnl(path)][:2] == [
        "Shipped the onboarding redesign with @maya.",
        "Led the pricing review",
    ]
