"""The local store: one TinyDB JSON file, crash-safe, locked and versioned.

* Every write goes to a temp file in the same folder, is fsynced and moved over the
  store with ``os.replace`` (then the folder is fsynced): a crash leaves the old file or
  the new one, whole. The previous good file is kept as ``store.json.bak``.
* Writers take a cross-process lock (``filelock``) around each read-modify-write, and
  each transaction opens TinyDB afresh so no table state is cached between processes.
* A file that does not parse, is empty, has the wrong shape or an unknown schema
  version is never overwritten: :class:`StoreError` says what is wrong and how to recover.

Catalog tables (``shows``, ``people``, ``credits``, ``seasons``, ``episodes``,
``stats``, ``sources``) are replaced as a whole by ingest and refresh; user tables
(``watched``, ``prefs``) are only touched by the user's own actions.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage

from diplomat_tui.errors import StoreError
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    CrewCredit,
    Episode,
    Person,
    Season,
    Show,
    Source,
    Stat,
)

SCHEMA_VERSION = 1
LOCK_TIMEOUT_SECONDS = 10.0
CATALOG_TABLES = ("shows", "people", "credits", "seasons", "episodes", "stats", "sources")
USER_TABLES = ("watched", "prefs")
_TEMP_PREFIX = ".store-"
_TEMP_SUFFIX = ".tmp"

Document = dict[str, Any]
Data = dict[str, dict[str, Document]]


@dataclass(frozen=True)
class Snapshot:
    """What the app needs from the store, read once: the catalog and the user's state."""

    catalog: Catalog
    watched: frozenset[str]
    prefs: dict[str, Any]


def now_iso() -> str:
    """Current UTC time as ISO 8601, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload``: temp file, fsync, ``os.replace``, fsync folder."""
    fd, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (not supported on every platform)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _TransactionStorage(Storage):
    """TinyDB storage that holds writes in memory until :meth:`commit`.

    TinyDB writes after every table operation; buffering makes a whole ingest or
    refresh one atomic file replacement, so half an update is never saved.
    """

    def __init__(self, data: Data) -> None:
        self.data = data

    def read(self) -> Data:
        return self.data

    def write(self, data: Data) -> None:
        self.data = data


class Store:
    """The store file at ``path`` and the operations on it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self._lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)

    # -- reading ---------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether the store file exists (damaged or not)."""
        return self.path.exists()

    def snapshot(self) -> Snapshot:
        """Read the whole store once and return typed records."""
        data = self._read_data()
        return Snapshot(
            catalog=self._catalog(data),
            watched=frozenset(doc["episode"] for doc in data.get("watched", {}).values()),
            prefs={doc["key"]: doc.get("value") for doc in data.get("prefs", {}).values()},
        )

    def _read_data(self) -> Data:
        """Parse and validate the file; raise StoreError on any damage."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            raise StoreError(
                f"no store at {self.path}: start diplomat-tui once to create it"
            ) from None
        except OSError as error:
            raise StoreError(f"cannot read the store {self.path}: {error.strerror}") from None
        if not raw.strip():
            raise self._damaged("is empty")
        try:
            data = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise self._damaged(f"is not valid JSON ({error})") from None
        if not isinstance(data, dict) or not all(
            isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
            for table in data.values()
        ):
            raise self._damaged("is JSON but not a diplomat-tui store")
        version = _schema_version(data)
        if version is None:
            raise self._damaged("has no schema version")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the store {self.path} has schema version {version}, newer than this "
                f"diplomat-tui knows ({SCHEMA_VERSION}); upgrade diplomat-tui, it was left as is"
            )
        return data

    def _catalog(self, data: Data) -> Catalog:
        try:
            return catalog_from_data(data)
        except ValueError as error:
            raise self._damaged(f"holds a record of the wrong shape ({error})") from None

    def _damaged(self, what: str) -> StoreError:
        recovery = (
            f"restore {self.backup_path.name} over it"
            if self.backup_path.exists()
            else "move it away"
        )
        return StoreError(
            f"the store {self.path} {what}; it was left as is. To recover, {recovery} "
            f"or run `diplomat-tui reset`"
        )

    # -- writing ---------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """Lock the store, yield a TinyDB over its current data, then save atomically.

        Nothing is written if the block raises. The store must exist and be valid.
        """
        with self._locked():
            storage = _TransactionStorage(self._read_data())
            db = TinyDB(storage=lambda: storage)  # type: ignore[arg-type, return-value]
            yield db
            _touch_meta(storage.data)
            self._save(storage.data)

    def create(self, catalog: Catalog) -> None:
        """Create the store from ``catalog`` unless a store file is already there."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            if self.path.exists():
                return
            created = now_iso()
            data: Data = {
                "meta": {
                    "1": {"schema_version": SCHEMA_VERSION, "created": created, "updated": created}
                },
                **data_from_catalog(catalog),
                "watched": {},
                "prefs": {},
            }
            self._save(data)

    def replace_catalog(self, catalog: Catalog) -> None:
        """Replace the catalog tables as a whole; user tables stay as they are."""
        self.update_catalog(lambda _old: catalog)

    def update_catalog(self, change: Callable[[Catalog], Catalog]) -> Catalog:
        """Read the catalog, apply ``change`` and save the result, all under the lock."""
        with self._locked():
            data = self._read_data()
            new = change(self._catalog(data))
            data.update(data_from_catalog(new))
            _touch_meta(data)
            self._save(data)
            return new

    def set_watched(self, episode_keys: list[str], watched: bool) -> None:
        """Mark episodes (by ``Episode.key``) watched or not, saved at once."""
        with self.transaction() as db:
            table = db.table("watched")
            for key in episode_keys:
                table.remove(lambda doc, key=key: doc.get("episode") == key)
                if watched:
                    table.insert({"episode": key, "at": now_iso()})

    def set_pref(self, key: str, value: Any) -> None:
        """Remember a user preference (theme, spoilers shown...)."""
        with self.transaction() as db:
            table = db.table("prefs")
            table.remove(lambda doc: doc.get("key") == key)
            table.insert({"key": key, "value": value})

    def reset(self, catalog: Catalog) -> Path | None:
        """Move the current file aside (kept, never deleted) and create a fresh store.

        Returns where the old file was moved, or None if there was none.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        kept: Path | None = None
        with self._locked():
            if self.path.exists():
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
                kept = self.path.with_name(f"{self.path.name}.{stamp}.old")
                os.replace(self.path, kept)
        self.create(catalog)
        return kept

    def remove_orphan_temp_files(self) -> None:
        """Delete temp files left by a writer that was killed before its rename."""
        if not self.path.parent.is_dir():
            return
        with self._locked():
            for orphan in self.path.parent.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
                orphan.unlink(missing_ok=True)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            with self._lock:
                yield
        except Timeout:
            raise StoreError(
                f"the store {self.path} is locked by another diplomat-tui process "
                f"(waited {LOCK_TIMEOUT_SECONDS:.0f}s); try again when it has finished"
            ) from None

    def _save(self, data: Data) -> None:
        """Keep the current file as the backup, then replace it atomically."""
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            if self.path.exists():
                _copy_atomically(self.path, self.backup_path)
            write_atomically(self.path, payload)
        except OSError as error:
            raise StoreError(
                f"cannot save the store {self.path}: {error.strerror or error}; "
                "the previous version is intact"
            ) from None


def _copy_atomically(source: Path, target: Path) -> None:
    fd, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, temp_name)
        with open(temp_name, "rb+") as temp:
            os.fsync(temp.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _schema_version(data: Data) -> int | None:
    for doc in data.get("meta", {}).values():
        version = doc.get("schema_version")
        if isinstance(version, int):
            return version
    return None


def _touch_meta(data: Data) -> None:
    for doc in data.get("meta", {}).values():
        doc["updated"] = now_iso()


def _table(records: tuple[Any, ...] | list[Any]) -> dict[str, Document]:
    """TinyDB's on-disk table shape: document ids as string keys, from 1."""
    return {str(index): record for index, record in enumerate(records, start=1)}


def data_from_catalog(catalog: Catalog) -> Data:
    """The catalog tables of a store holding ``catalog``."""
    credits = [{"kind": "cast", **c.to_dict()} for c in catalog.cast] + [
        {"kind": "crew", **c.to_dict()} for c in catalog.crew
    ]
    return {
        "shows": _table([catalog.show.to_dict()] if catalog.show else []),
        "people": _table([p.to_dict() for p in catalog.people]),
        "credits": _table(credits),
        "seasons": _table([s.to_dict() for s in catalog.seasons]),
        "episodes": _table([e.to_dict() for e in catalog.episodes]),
        "stats": _table([s.to_dict() for s in catalog.stats]),
        "sources": _table([s.to_dict() for s in catalog.sources]),
    }


def catalog_from_data(data: Data) -> Catalog:
    """Typed records from the catalog tables of a store's data (ValueError if misshapen)."""

    def docs(table: str) -> list[Document]:
        return list(data.get(table, {}).values())

    try:
        shows = [Show.from_dict(doc) for doc in docs("shows")]
        credits = docs("credits")
        return Catalog(
            show=shows[0] if shows else None,
            people=tuple(Person.from_dict(doc) for doc in docs("people")),
            cast=tuple(CastCredit.from_dict(d) for d in credits if d.get("kind") == "cast"),
            crew=tuple(CrewCredit.from_dict(d) for d in credits if d.get("kind") == "crew"),
            seasons=tuple(Season.from_dict(doc) for doc in docs("seasons")),
            episodes=tuple(Episode.from_dict(doc) for doc in docs("episodes")),
            stats=tuple(Stat.from_dict(doc) for doc in docs("stats")),
            sources=tuple(Source.from_dict(doc) for doc in docs("sources")),
        )
    except (TypeError, KeyError, AttributeError) as error:
        raise ValueError(str(error)) from None
