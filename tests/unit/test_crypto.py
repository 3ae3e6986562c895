"""Encryption at rest: ``careertui encrypt`` / ``decrypt``, the passphrase from the environment,
the terminal or the OS keyring, a wrong passphrase changing nothing, backups encrypted too."""

from __future__ import annotations

import base64
from pathlib import Path

import keyring
import orjson
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

import careertui.commands
import careertui.commands.crypt
from careertui.cli import main
from careertui.domain.models import Win
from careertui.store import crypto
from careertui.store.backups import backup_dir
from careertui.store.crypto import MAGIC, Sealer, WrongPassphrase
from careertui.store.database import DATA_FILE, Store
from careertui.store.errors import UnreadableStore
from careertui.store.repository import Repository

REAL_ASK = careertui.commands.ask
PASSPHRASE = "correct horse battery staple"
SECRET = "Told Dana I am thinking of leaving"


def run(capsys, data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def header(raw: bytes) -> dict:
    assert raw.startswith(MAGIC)
    return orjson.loads(raw[len(MAGIC) : raw.index(b"\n", len(MAGIC))])


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Tests answer prompts through this list; an unexpected prompt fails the test."""
    answers: list[str] = []

    def ask(prompt: str) -> str:
        if not answers:
            raise AssertionError(f"unexpected prompt {prompt!r}")
        return answers.pop(0)

    monkeypatch.setattr(careertui.commands, "ask", ask)
    monkeypatch.setattr(careertui.commands.crypt, "ask", ask)
    return answers


@pytest.fixture
def history(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Repository:
    """Two days of wins, so there is a backup holding the secret."""
    repo = Repository.at(data_dir)
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-22")
    repo.wins.add(Win(title=SECRET, date="2026-11-22"))
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-23")
    repo.wins.add(Win(title="Second win"))
    assert SECRET.encode() in (backup_dir(data_dir) / "daily-2026-11-23.json").read_bytes()
    return repo


@pytest.fixture
def encrypted(history: Repository, data_dir: Path, monkeypatch, capsys) -> Path:
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, data_dir, "encrypt")
    assert code == 0, err
    return data_dir


def no_plaintext_anywhere(folder: Path) -> None:
    for path, raw in files(folder).items():
        assert SECRET.encode() not in raw, f"{path} holds plaintext"
        assert b"Second win" not in raw, f"{path} holds plaintext"


# -- encrypt -------------------------------------------------------------------------------------
def test_encrypt_converts_the_file_and_every_backup(encrypted: Path, monkeypatch, capsys) -> None:
    raw = (encrypted / DATA_FILE).read_bytes()
    fields = header(raw)
    assert fields["cipher"] == "AES-256-GCM" and fields["kdf"] == "scrypt"
    assert fields["n"] >= 2**15 and fields["r"] == 8 and fields["p"] == 1
    assert len(base64.b64decode(fields["salt"])) == 16
    no_plaintext_anywhere(encrypted)
    for backup in backup_dir(encrypted).iterdir():
        assert backup.read_bytes().startswith(MAGIC)

    code, out, err = run(capsys, encrypted, "wins")
    assert code == 0, err
    assert SECRET in out and "Second win" in out


def test_every_write_uses_a_fresh_salt_and_stays_encrypted(encrypted: Path, capsys) -> None:
    salts = {header((encrypted / DATA_FILE).read_bytes())["salt"]}
    for n in range(3):
        assert run(capsys, encrypted, "win", f"More {n}")[0] == 0
        raw = (encrypted / DATA_FILE).read_bytes()
        salts.add(header(raw)["salt"])
        assert b"More" not in raw
    assert len(salts) == 4
    no_plaintext_anywhere(encrypted)
    titles = [w.title for w in Repository(Store(encrypted, passphrase=PASSPHRASE)).wins.list()]
    assert sorted(titles) == sorted([SECRET, "Second win", "More 0", "More 1", "More 2"])


def test_encrypt_asks_twice_on_the_terminal(history, data_dir, no_terminal, capsys) -> None:
    no_terminal += [PASSPHRASE, PASSPHRASE]
    code, out, err = run(capsys, data_dir, "encrypt")
    assert code == 0, err
    assert "cannot be recovered" in out
    assert Store(data_dir, passphrase=PASSPHRASE).read().tables["wins"]
    no_plaintext_anywhere(data_dir)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([PASSPHRASE, PASSPHRASE + "!"], "the two passphrases differ; nothing was changed"),
        (["short", "short"], "the passphrase is too short"),
    ],
)
def test_encrypt_refuses_a_bad_new_passphrase(
    history, data_dir, no_terminal, capsys, answers, message
) -> None:
    before = files(data_dir)
    no_terminal += answers
    code, out, err = run(capsys, data_dir, "encrypt")
    assert code == 2 and err.startswith("error: ") and message in err
    assert err.count("\n") == 1
    assert files(data_dir) == before


def test_encrypt_again_finishes_what_a_crash_left(encrypted: Path, capsys) -> None:
    """A plaintext copy left beside an encrypted file (a crash mid-conversion) gets encrypted."""
    leftover = backup_dir(encrypted) / "daily-2026-11-01.json"
    leftover.write_bytes(orjson.dumps({"wins": {"w": {"title": SECRET}}}))
    code, out, err = run(capsys, encrypted, "encrypt")
    assert code == 0, err
    assert "already encrypted" in out
    no_plaintext_anywhere(encrypted)


def test_a_damaged_plain_file_is_not_encrypted_over(data_dir: Path, monkeypatch, capsys) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / DATA_FILE).write_bytes(b'{"wins": {"w": ')
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, data_dir, "encrypt")
    assert code == 2 and "cannot read the data file" in err
    assert (data_dir / DATA_FILE).read_bytes() == b'{"wins": {"w": '


# -- opening an encrypted store ------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv", [["wins"], ["win", "x"], ["doctor"], ["doctor", "--restore"], ["decrypt"], []]
)
def test_a_wrong_passphrase_is_a_clear_error_and_changes_nothing(
    encrypted: Path, monkeypatch, capsys, argv
) -> None:
    before = files(encrypted)
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", "not the passphrase")
    code, out, err = run(capsys, encrypted, *argv)
    assert (code, out) == (2, "")
    assert err == f"error: {encrypted / DATA_FILE}: the passphrase is wrong; nothing was changed\n"
    assert files(encrypted) == before


def test_the_passphrase_is_asked_on_the_terminal(encrypted, monkeypatch, no_terminal, capsys):
    monkeypatch.delenv("CAREERTUI_PASSPHRASE")
    no_terminal.append(PASSPHRASE)
    code, out, err = run(capsys, encrypted, "wins")
    assert code == 0, err
    assert SECRET in out
    assert no_terminal == []  # asked exactly once


def test_no_passphrase_and_no_terminal_is_a_clear_error(encrypted, monkeypatch, capsys) -> None:
    monkeypatch.delenv("CAREERTUI_PASSPHRASE")
    monkeypatch.setattr(careertui.commands, "ask", REAL_ASK)
    monkeypatch.setattr(careertui.commands, "terminal_available", lambda: False)
    before = files(encrypted)
    code, out, err = run(capsys, encrypted, "win", "x")
    assert code == 2
    assert err == (
        "error: no terminal to ask for the passphrase on; set CAREERTUI_PASSPHRASE instead\n"
    )
    assert files(encrypted) == before


# -- decrypt -------------------------------------------------------------------------------------
def test_decrypt_brings_back_plain_json(encrypted: Path, monkeypatch, capsys) -> None:
    code, out, err = run(capsys, encrypted, "decrypt")
    assert code == 0, err
    assert "readable by anyone" in out
    raw = (encrypted / DATA_FILE).read_bytes()
    titles = [doc["title"] for doc in orjson.loads(raw)["wins"].values()]
    assert sorted(titles) == sorted([SECRET, "Second win"])
    for backup in backup_dir(encrypted).iterdir():
        assert not backup.read_bytes().startswith(MAGIC)
    monkeypatch.delenv("CAREERTUI_PASSPHRASE")
    code, out, err = run(capsys, encrypted, "wins")  # no passphrase needed any more
    assert code == 0 and SECRET in out


def test_decrypt_of_a_plain_store_says_so(history, data_dir, capsys) -> None:
    code, out, err = run(capsys, data_dir, "decrypt")
    assert code == 2 and "is not encrypted" in err


# -- the OS keyring ------------------------------------------------------------------------------
class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}
        self.broken = False

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.broken:
            raise keyring.errors.PasswordSetError("the keyring is locked")
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.secrets:
            raise PasswordDeleteError("not there")
        del self.secrets[(service, username)]


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_keyring_keeps_the_passphrase(history, data_dir, memory_keyring, monkeypatch, capsys):
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, data_dir, "encrypt", "--keyring")
    assert code == 0, err
    assert "kept in the OS keyring" in out
    account = str((data_dir / DATA_FILE).absolute())
    assert memory_keyring.secrets == {("careertui", account): PASSPHRASE}
    assert header((data_dir / DATA_FILE).read_bytes())["keyring"] is True

    monkeypatch.delenv("CAREERTUI_PASSPHRASE")  # no env, no prompt: the keyring answers
    assert run(capsys, data_dir, "win", "Through the keyring")[0] == 0
    assert header((data_dir / DATA_FILE).read_bytes())["keyring"] is True  # kept on writes
    code, out, err = run(capsys, data_dir, "wins")
    assert code == 0 and "Through the keyring" in out

    assert run(capsys, data_dir, "decrypt")[0] == 0
    assert memory_keyring.secrets == {}


def test_a_keyring_failure_changes_nothing(history, data_dir, memory_keyring, monkeypatch, capsys):
    memory_keyring.broken = True
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    before = files(data_dir)
    code, out, err = run(capsys, data_dir, "encrypt", "--keyring")
    assert code == 2
    assert "could not keep the passphrase in the OS keyring" in err and "nothing was changed" in err
    assert files(data_dir) == before


def test_the_keyring_is_not_asked_unless_chosen(encrypted, memory_keyring, monkeypatch, capsys):
    memory_keyring.secrets[("careertui", str((encrypted / DATA_FILE).absolute()))] = "stale"
    code, out, err = run(capsys, encrypted, "wins")  # env passphrase; header says no keyring
    assert code == 0, err


# -- the envelope --------------------------------------------------------------------------------
def test_sealed_bytes_round_trip_and_every_seal_differs(tmp_path: Path) -> None:
    sealer = Sealer(PASSPHRASE)
    plain = b'{"wins": {}}'
    first, second = sealer.seal(tmp_path, plain), sealer.seal(tmp_path, plain)
    assert first != second and plain not in first
    assert sealer.open(tmp_path, first) == plain == Sealer(PASSPHRASE).open(tmp_path, second)
    assert sealer.open(tmp_path, plain) == plain  # plaintext passes through


def test_a_wrong_passphrase_is_told_apart_from_damage(tmp_path: Path) -> None:
    sealed = Sealer(PASSPHRASE).seal(tmp_path, b"{}")
    with pytest.raises(WrongPassphrase):
        Sealer("something else").open(tmp_path, sealed)
    damaged = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(UnreadableStore, match="integrity check"):
        Sealer(PASSPHRASE).open(tmp_path, damaged)


def test_a_header_asking_for_too_much_memory_is_refused(tmp_path: Path) -> None:
    sealed = Sealer(PASSPHRASE).seal(tmp_path, b"{}")
    greedy = sealed.replace(b'"n":32768', b'"n":1073741824')
    with pytest.raises(UnreadableStore, match="out of range"):
        Sealer(PASSPHRASE).open(tmp_path, greedy)


def test_the_passphrase_is_asked_once_per_process(tmp_path: Path) -> None:
    asked: list[int] = []

    def source() -> str:
        asked.append(1)
        return PASSPHRASE

    sealer = Sealer(source)
    for _ in range(3):
        sealer.open(tmp_path, sealer.seal(tmp_path, b"{}"))
    assert asked == [1]
    assert crypto.DEFAULT_N >= 2**15  # memory-hard: at least 32 MiB a derivation


def test_a_store_encrypted_while_open_never_prompts(history, data_dir, monkeypatch, capsys):
    """The app holds a repository opened on a plain store; another process encrypts it. The app
    must not prompt on the terminal it owns: a clear error instead."""
    from argparse import Namespace

    from careertui.commands import repository
    from careertui.domain.errors import CareerError

    open_repo = repository(Namespace(data_dir=str(data_dir)))
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    assert run(capsys, data_dir, "encrypt")[0] == 0
    monkeypatch.delenv("CAREERTUI_PASSPHRASE")
    with pytest.raises(CareerError, match="was encrypted while careertui was running"):
        open_repo.career()
