"""A store file that is damaged, of another shape or of another version.

Every command and the app refuse to overwrite it, keep it byte for byte and say in one
line what is wrong, where the file is and how to recover; ``reset`` is the recovery.
An older schema version is migrated, its original kept first.
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from diplomat_tui.app import DiplomatApp
from diplomat_tui.cli import main
from diplomat_tui.errors import StoreError
from diplomat_tui.model import Season
from diplomat_tui.store import MIGRATIONS, SCHEMA_VERSION, Store

from helpers.app import app_with_late_writes, notifications

RESET_HINT = "run `diplomat-tui reset` (it keeps this file as store.json.<time>.old)"
ARTICLE = "Netflix's hit drama The Diplomat has added Zora Quill to the cast.\n"


def good_data(store: Store) -> dict[str, Any]:
    return json.loads(store.path.read_text(encoding="utf-8"))


def edited(store: Store, change: Any) -> bytes:
    """The store's JSON after ``change(data)``."""
    data = good_data(store)
    change(data)
    return json.dumps(data).encode()


def folder_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix != ".lock"}


DAMAGE = {
    "empty": (lambda s: b"", "is empty"),
    "blank": (lambda s: b" \n\t\n", "is empty"),
    "truncated": (lambda s: s.path.read_bytes()[:-200], "is not valid JSON ("),
    "binary": (lambda s: bytes(range(256)) * 4, "is not valid JSON ("),
    "deeply nested": (lambda s: b"[" * 100_000, "is not valid JSON ("),
    "a JSON list": (lambda s: b"[1, 2, 3]", "is JSON but not a diplomat-tui store"),
    "a table that is a list": (
        lambda s: edited(s, lambda d: d.update(episodes=[])),
        "is JSON but not a diplomat-tui store",
    ),
    "a document id that is not a number": (
        lambda s: edited(s, lambda d: d["episodes"].update(x={"season": 1, "number": 9})),
        "is JSON but not a diplomat-tui store",
    ),
    "no schema version": (lambda s: edited(s, lambda d: d.pop("meta")), "has no schema version"),
    "a record missing a field": (
        lambda s: edited(s, lambda d: d["shows"]["1"].pop("title")),
        "holds a record of the wrong shape",
    ),
    "a field of the wrong type": (
        lambda s: edited(s, lambda d: d["episodes"]["1"].update(season="one")),
        "holds an invalid episode record (season is 'one')",
    ),
    "a number that is not finite": (
        lambda s: edited(s, lambda d: d["stats"]["1"].update(value=float("inf"))),
        "holds an invalid stat record (value is inf)",
    ),
    "a claim of the wrong type": (
        lambda s: edited(s, lambda d: d["claims"].update({"1": {"subject": "show"}})),
        "holds a record of the wrong shape",
    ),
    "an integer too long to read": (
        lambda s: s.path.read_bytes().replace(b'"season":1', b'"season":' + b"9" * 5000, 1),
        "is not valid JSON (",
    ),
    "a newer schema version": (
        lambda s: edited(s, lambda d: d["meta"]["1"].update(schema_version=SCHEMA_VERSION + 1)),
        f"has schema version {SCHEMA_VERSION + 1}, newer than this diplomat-tui knows",
    ),
}


@pytest.fixture(params=list(DAMAGE), ids=list(DAMAGE))
def damaged(request: pytest.FixtureRequest, store: Store) -> tuple[Store, bytes, str]:
    """The seeded store with its file damaged one way; its bytes; the expected complaint."""
    make, complaint = DAMAGE[request.param]
    content = make(store)
    store.path.write_bytes(content)
    return store, content, complaint


@pytest.fixture
def no_app_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail instead of opening the app for real, should a command get that far."""

    def refuse(self: DiplomatApp, *args: object, **kwargs: object) -> None:
        raise AssertionError("the app started on a damaged store")

    monkeypatch.setattr(DiplomatApp, "run", refuse)
    # as if on a terminal: the app's own check for one comes before the store is opened
    monkeypatch.setattr("diplomat_tui.cli._terminal_problem", lambda command: None)


@pytest.mark.usefixtures("no_app_run")
@pytest.mark.parametrize("command", [[], ["export"], ["ingest", "ARTICLE"], ["refresh"]])
def test_every_command_refuses_a_damaged_store_in_one_line_and_keeps_it(
    damaged: tuple[Store, bytes, str],
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store, content, complaint = damaged
    monkeypatch.setenv("DIPLOMAT_TUI_TVMAZE_URL", "http://127.0.0.1:9")  # never reached
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    before = folder_files(store.path.parent)
    argv = [str(article) if arg == "ARTICLE" else arg for arg in command]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(f"diplomat-tui: the store {store.path} "), err
    assert complaint in err
    assert "it was left as is" in err and RESET_HINT in err
    assert folder_files(store.path.parent) == before
    assert store.path.read_bytes() == content


def test_reset_keeps_the_damaged_file_and_starts_again(
    damaged: tuple[Store, bytes, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, content, _ = damaged
    assert main(["reset"]) == 0
    kept = Path(capsys.readouterr().out.strip().rpartition(" kept as ")[2])
    assert kept.read_bytes() == content
    assert kept.name.startswith("store.json.") and kept.name.endswith(".old")
    assert store.snapshot().catalog.show is not None


def test_the_message_offers_the_backup_when_it_is_good(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.update_catalog(lambda c: replace(c, seasons=(*c.seasons, Season(7))))
    store.update_catalog(lambda c: replace(c, seasons=(*c.seasons, Season(8))))
    store.path.write_bytes(b"{broken")  # the backup holds season 7 and not season 8
    assert main(["export"]) == 1
    assert capsys.readouterr().err == (
        f"diplomat-tui: the store {store.path} is not valid JSON (Expecting property name "
        f"enclosed in double quotes: line 1 column 2 (char 1)); it was left as is. To recover, "
        f"copy the backup {store.backup_path} over it, or {RESET_HINT}.\n"
    )
    store.path.write_bytes(store.backup_path.read_bytes())
    numbers = {season.number for season in store.snapshot().catalog.seasons}
    assert 7 in numbers and 8 not in numbers


def test_a_damaged_backup_is_not_offered(store: Store) -> None:
    store.update_catalog(lambda c: c)
    store.backup_path.write_bytes(b"")
    store.path.write_bytes(b"")
    with pytest.raises(StoreError) as raised:
        store.snapshot()
    assert str(raised.value).endswith(f"To recover, {RESET_HINT}")


async def test_the_running_app_does_not_overwrite_user_data_damaged_under_it(
    store: Store,
) -> None:
    store.set_pref("spoilers_shown", False)  # user.json exists
    app = app_with_late_writes(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        store.user_path.write_bytes(b"[]")
        await pilot.press("w")
        messages = await notifications(app, pilot)
        assert app.is_running
    assert store.user_path.read_bytes() == b"[]"
    assert messages == [
        f"Not saved: the user data {store.user_path} is JSON but not a diplomat-tui store; it "
        f"was left as is. To recover, copy the backup {store.user_backup_path} over it, or "
        "move it aside to start without your watched marks"
    ]


async def test_a_mark_in_the_app_never_touches_the_catalog_file(store: Store) -> None:
    catalog_bytes = store.path.read_bytes()
    app = app_with_late_writes(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "j", "w")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
    assert store.path.read_bytes() == catalog_bytes
    assert store.snapshot().watched


# -- migration ---------------------------------------------------------------------------


def as_version_0(data: dict[str, Any]) -> dict[str, Any]:
    """A store as diplomat-tui wrote it before schema 1: no seasons, credits without kind."""
    old = {name: table for name, table in data.items() if name != "seasons"}
    old["credits"] = {
        doc_id: {k: v for k, v in doc.items() if k != "kind"}
        for doc_id, doc in data["credits"].items()
    }
    old["meta"]["1"]["schema_version"] = 0
    return old


@pytest.fixture
def version_0(store: Store) -> tuple[Store, bytes]:
    store.set_watched(["S01E02"], True)
    content = json.dumps(as_version_0(good_data(store))).encode()
    store.path.write_bytes(content)
    return store, content


def test_every_older_version_has_a_migration() -> None:
    assert set(MIGRATIONS) == set(range(SCHEMA_VERSION))


def test_a_version_0_store_is_migrated_after_a_backup(version_0: tuple[Store, bytes]) -> None:
    store, content = version_0
    snapshot = store.snapshot()
    kept = store.path.with_name("store.json.v0.bak")
    assert kept.read_bytes() == content
    assert good_data(store)["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    catalog = snapshot.catalog
    assert [c.person for c in catalog.cast][:2] == ["Keri Russell", "Rufus Sewell"]
    assert "Debora Cahn" in [c.person for c in catalog.crew]
    assert catalog.seasons == tuple(Season(n) for n in sorted({e.season for e in catalog.episodes}))
    assert snapshot.watched == {"S01E02"}
    assert store.snapshot() == snapshot  # once migrated, read as is


def test_the_cli_works_on_a_version_0_store(
    version_0: tuple[Store, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    store, _ = version_0
    assert main(["export"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["schema"] == SCHEMA_VERSION
    assert any(member["name"] == "Keri Russell" for member in exported["cast"])


def test_a_version_0_store_with_a_bad_record_is_refused_not_migrated(
    version_0: tuple[Store, bytes],
) -> None:
    store, _ = version_0
    data = json.loads(store.path.read_bytes())
    data["episodes"]["1"]["number"] = "first"
    content = json.dumps(data).encode()
    store.path.write_bytes(content)
    with pytest.raises(StoreError, match=r"holds an invalid episode record \(number is 'first'\)"):
        store.snapshot()
    assert store.path.read_bytes() == content


def test_a_migration_that_cannot_keep_the_original_changes_nothing(
    version_0: tuple[Store, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, content = version_0

    def read_only(*args: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", read_only)
    with pytest.raises(StoreError) as raised:
        store.snapshot()
    assert str(raised.value) == (
        f"cannot upgrade the store {store.path} from schema version 0: Read-only file system; "
        "it was left as is"
    )
    assert store.path.read_bytes() == content
    assert not store.path.with_name("store.json.v0.bak").exists()


def test_the_recovery_hint_names_the_data_dir_it_was_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my data"
    folder.mkdir()
    (folder / "store.json").write_bytes(b"{broken")
    assert main(["export", "--data-dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"run `diplomat-tui --data-dir '{folder}' reset`" in err
