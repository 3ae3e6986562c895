"""The README tells the user where their data lives and how it is kept, and says plainly that a
lost passphrase cannot be recovered."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def _section(text: str) -> str:
    start = text.index("## Your data")
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def test_the_readme_says_a_lost_passphrase_cannot_be_recovered() -> None:
    section = _section(README.read_text(encoding="utf-8"))
    assert "careertui encrypt" in section
    assert "If you lose the passphrase, your data cannot be recovered" in section


def test_the_readme_has_a_your_data_section() -> None:
    section = _section(README.read_text(encoding="utf-8"))
    for needed in (
        "careertui where",  # where the data lives
        "fsync",  # how it is written safely
        "doctor --restore",  # backups and restore
        "careertui encrypt",  # encryption
        "cannot be recovered",  # a lost passphrase
        "sync",  # keeping it in sync between machines
    ):
        assert needed in section, needed


def test_the_your_data_text_covers_every_point() -> None:
    text = README.read_text(encoding="utf-8")
    section = _section(text)
    assert "**If you lose the passphrase, your data cannot be recovered" in section
    for heading in (
        "Where it lives",
        "How it is written safely",
        "Backups and restore",
        "Encryption",
        "Keeping it in sync between machines",
    ):
        assert f"### {heading}" in section
