"""The store: round trip, schema version, atomic replace, damage never overwritten."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from diplomat_tui.errors import StoreError
from diplomat_tui.model import CastCredit, Catalog, Episode, Person, Season, Show, Source, Stat
from diplomat_tui.store import SCHEMA_VERSION, Store


def sample_catalog() -> Catalog:
    return Catalog(
        show=Show(
            title="Night Desk", network="Example TV", creators=("Ann Author",), sources=("a#s0",)
        ),
        people=(Person("Bo Actor", ("Other Show",), ("a#s1",)),),
        cast=(CastCredit("Bo Actor", "Detective Rue", "main", 0, ("a#s1",)),),
        seasons=(Season(1, 2, "released"),),
        episodes=(Episode(1, 1), Episode(1, 2, title="Second")),
        stats=(Stat("hours_viewed", 1200000, "first weekend", None, 1, ("a#s1",)),),
        sources=(Source("a#s0", "article", "An article", quote="Night Desk is new."),),
    )


@pytest.fixture
def new_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "store.json")
    store.create(sample_catalog())
    return store


def test_round_trip_gives_back_the_same_records(new_store: Store) -> None:
    assert new_store.snapshot().catalog == sample_catalog()


def test_store_records_the_schema_version(new_store: Store) -> None:
    data = json.loads(new_store.path.read_text())
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_create_does_not_overwrite_an_existing_store(new_store: Store) -> None:
    new_store.set_watched(["S01E01"], True)
    new_store.create(Catalog())
    assert new_store.snapshot().watched == {"S01E01"}


def test_watched_marks_and_prefs_persist(new_store: Store) -> None:
    new_store.set_watched(["S01E01", "S01E02"], True)
    new_store.set_watched(["S01E02"], False)
    new_store.set_pref("theme", "nord")
    reopened = Store(new_store.path).snapshot()
    assert reopened.watched == {"S01E01"}
    assert reopened.prefs == {"theme": "nord"}


def test_replacing_the_catalog_keeps_the_user_tables(new_store: Store) -> None:
    new_store.set_watched(["S01E02"], True)
    new_store.update_catalog(lambda _old: Catalog(show=Show(title="Night Desk")))
    snapshot = new_store.snapshot()
    assert snapshot.catalog.episodes == ()
    assert snapshot.watched == {"S01E02"}


def test_each_save_keeps_the_previous_file_as_backup(new_store: Store) -> None:
    before = new_store.path.read_bytes()
    new_store.update_catalog(lambda _old: Catalog(show=Show(title="Night Desk")))
    assert new_store.backup_path.read_bytes() == before
    new_store.set_pref("spoilers", True)
    user_before = new_store.user_path.read_bytes()
    new_store.set_pref("spoilers", False)
    assert new_store.user_backup_path.read_bytes() == user_before


def test_a_watched_mark_writes_only_the_user_file(new_store: Store) -> None:
    catalog_bytes = new_store.path.read_bytes()
    new_store.set_watched(["S01E01"], True)
    assert new_store.path.read_bytes() == catalog_bytes
    assert b"S01E01" in new_store.user_path.read_bytes()


def test_a_failed_write_leaves_the_old_file_whole(
    new_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = new_store.path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StoreError, match="No space left on device"):
        new_store.set_watched(["S01E01"], True)
    assert new_store.path.read_bytes() == before
    assert not list(new_store.path.parent.glob(".store-*.tmp"))


def test_a_transaction_that_raises_saves_nothing(new_store: Store) -> None:
    new_store.set_watched(["S01E02"], True)
    before = new_store.user_path.read_bytes(), new_store.path.read_bytes()
    with pytest.raises(RuntimeError), new_store.user_transaction() as db:
        db.table("watched").insert({"episode": "S01E01"})
        raise RuntimeError("half way")
    assert (new_store.user_path.read_bytes(), new_store.path.read_bytes()) == before


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        (b"", "is empty"),
        (b"{not json", "is not valid JSON"),
        (b"[1, 2, 3]", "not a diplomat-tui store"),
        (b'{"shows": {"1": {"title": "x"}}}', "no schema version"),
    ],
)
def test_a_damaged_store_is_refused_and_kept(
    tmp_path: Path, content: bytes, complaint: str
) -> None:
    store = Store(tmp_path / "store.json")
    store.path.write_bytes(content)
    with pytest.raises(StoreError, match=complaint) as raised:
        store.snapshot()
    with pytest.raises(StoreError):
        store.set_watched(["S01E01"], True)
    assert store.path.read_bytes() == content
    assert str(store.path) in str(raised.value)
    assert "diplomat-tui reset" in str(raised.value)


def test_a_newer_schema_is_refused_and_kept(new_store: Store) -> None:
    data = json.loads(new_store.path.read_text())
    data["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    new_store.path.write_text(json.dumps(data))
    before = new_store.path.read_bytes()
    with pytest.raises(StoreError, match="newer than this diplomat-tui knows"):
        new_store.snapshot()
    with pytest.raises(StoreError, match="newer than this diplomat-tui knows"):
        new_store.update_catalog(lambda c: c)
    assert new_store.path.read_bytes() == before


def test_reset_keeps_the_old_file_and_starts_again(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.json")
    store.path.write_bytes(b"garbage")
    [kept] = store.reset(sample_catalog())
    assert kept.read_bytes() == b"garbage"
    assert store.snapshot().catalog == sample_catalog()


def test_reset_twice_in_the_same_second_keeps_both_old_files(new_store: Store) -> None:
    first = new_store.path.read_bytes()
    [kept_first] = new_store.reset(Catalog(show=Show(title="Night Desk")))
    second = new_store.path.read_bytes()
    [kept_second] = new_store.reset(sample_catalog())
    assert kept_first != kept_second
    assert (kept_first.read_bytes(), kept_second.read_bytes()) == (first, second)


def test_reset_keeps_the_user_data_unless_all(new_store: Store) -> None:
    new_store.set_watched(["S01E01"], True)
    new_store.reset(sample_catalog())
    assert new_store.snapshot().watched == {"S01E01"}
    kept = new_store.reset(sample_catalog(), everything=True)
    assert [path.name.split(".")[0] for path in kept] == ["store", "user"]
    assert new_store.snapshot().watched == frozenset()
    assert b"S01E01" in kept[1].read_bytes()


def test_reset_on_a_full_disk_leaves_the_store_in_place(
    new_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = new_store.path.read_bytes()
    real_replace = os.replace

    def full_when_writing_the_store(src: str, dst: str) -> None:
        if Path(dst) == new_store.path:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full_when_writing_the_store)
    with pytest.raises(StoreError, match="the previous version is intact"):
        new_store.reset(Catalog(show=Show(title="Night Desk")))
    assert new_store.path.read_bytes() == before


def test_a_fifo_as_the_store_is_refused_at_once_and_reset_moves_it_aside(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.json")
    os.mkfifo(store.path)
    with pytest.raises(StoreError, match="is not a regular file"):
        store.snapshot()
    [kept] = store.reset(sample_catalog())
    assert kept.is_fifo() and store.snapshot().catalog == sample_catalog()


def test_a_backup_that_is_a_folder_is_named_in_the_error(new_store: Store) -> None:
    new_store.backup_path.mkdir()
    with pytest.raises(StoreError) as raised:
        new_store.update_catalog(lambda c: c)
    assert str(raised.value) == (
        f"cannot save the store {new_store.path}: its backup {new_store.backup_path} is not a "
        "regular file; nothing was changed. Move store.json.bak aside and try again"
    )


def test_a_version_1_store_is_migrated_and_the_user_data_moves_out(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.json")
    store.create(sample_catalog())
    data = json.loads(store.path.read_text())
    data.pop("claims")
    data["meta"]["1"]["schema_version"] = 1
    data["watched"] = {"1": {"episode": "S01E01", "at": "2024-01-01T00:00:00+00:00"}}
    data["prefs"] = {"1": {"key": "spoilers_shown", "value": True}}
    store.path.write_text(json.dumps(data))
    version_1 = store.path.read_bytes()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert store.snapshot(read_only=True) == store.snapshot(read_only=True)
    read_only = store.snapshot(read_only=True)
    assert read_only.watched == {"S01E01"} and read_only.catalog == sample_catalog()
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # nothing written
    assert store.path.read_bytes() == version_1
    snapshot = store.snapshot()
    assert snapshot == read_only
    assert snapshot.watched == {"S01E01"} and snapshot.prefs == {"spoilers_shown": True}
    assert snapshot.catalog == sample_catalog()
    assert (tmp_path / "store.json.v1.bak").read_bytes() == version_1
    migrated = json.loads(store.path.read_text())
    assert "watched" not in migrated and migrated["meta"]["1"]["schema_version"] == 2


def test_orphan_temp_files_are_removed(new_store: Store) -> None:
    orphan = new_store.path.parent / ".store-abc.tmp"
    orphan.write_text("half")
    new_store.remove_orphan_temp_files()
    assert not orphan.exists()


def stored_data(store: Store, change: Callable[[dict[str, Any]], object]) -> None:
    """Edit the store file's JSON in place with ``change``."""
    data = json.loads(store.path.read_text())
    change(data)
    store.path.write_text(json.dumps(data))


def test_records_read_together_equal_records_read_one_by_one(new_store: Store) -> None:
    data = json.loads(new_store.path.read_text())
    for table, record in (("episodes", Episode), ("stats", Stat), ("shows", Show)):
        docs = list(data[table].values())
        assert record.from_dicts(docs) == tuple(map(record.from_dict, docs))


@pytest.mark.parametrize(
    ("table", "field", "value", "complaint"),
    [
        ("stats", "value", 10**400, "holds an invalid stat record (value is 1000000"),
        ("episodes", "sources", ["a", 1], "holds an invalid episode record (sources is ('a', 1))"),
        ("shows", "quotes", ["said"], "holds an invalid show record (quotes is ('said',))"),
        ("sources", "id", {"not": "text"}, "holds an invalid source record (id is {'not': "),
    ],
)
def test_a_value_of_the_wrong_type_is_named_in_one_line(
    new_store: Store, table: str, field: str, value: Any, complaint: str
) -> None:
    stored_data(new_store, lambda data: data[table]["1"].update({field: value}))
    with pytest.raises(StoreError) as raised:
        new_store.snapshot()
    assert complaint in str(raised.value) and "\n" not in str(raised.value)


def test_a_show_with_null_quotes_is_read_as_having_none(new_store: Store) -> None:
    stored_data(new_store, lambda data: data["shows"]["1"].update(quotes=None))
    assert new_store.snapshot().catalog == sample_catalog()
