"""A draft kept by a crash before ``careertui encrypt`` is encrypted with the store, and
``decrypt`` opens it again: no plaintext is left beside an encrypted store."""

from __future__ import annotations

from pathlib import Path

from careertui.cli import main
from careertui.domain.models import Win
from careertui.store.drafts import Draft, draft_path, load_draft, save_draft
from careertui.store.repository import Repository

PASSPHRASE = "correct horse battery staple"


def _cli(capsys, data_dir: Path, *argv: str) -> None:
    code = main(["--data-dir", str(data_dir), *argv])
    assert code == 0, capsys.readouterr().err


def test_encrypt_seals_a_plain_draft_and_decrypt_opens_it(data_dir, monkeypatch, capsys):
    repo = Repository.at(data_dir)
    repo.wins.add(Win(title="Before encryption", date="2026-11-22"))
    save_draft(repo.store, Draft(kind="form", title="New win", values={"title": "Half typed"}))
    path = draft_path(repo.store)
    assert b"Half typed" in path.read_bytes()

    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    _cli(capsys, data_dir, "encrypt")
    assert b"Half typed" not in path.read_bytes()
    sealed = Repository.at(data_dir)
    assert load_draft(sealed.store).values == {"title": "Half typed"}

    _cli(capsys, data_dir, "decrypt")
    assert b"Half typed" in path.read_bytes()
