"""The local store: one TinyDB JSON file, crash-safe, locked, versioned and migrated.

* Every write goes to a temp file in the same folder, is fsynced and moved over the
  store with ``os.replace`` (then the folder is fsynced): a crash leaves the old file or
  the new one, whole. The previous good file is kept as ``store.json.bak``.
* Writers take a cross-process lock (``filelock``) around each read-modify-write, and
  each transaction opens TinyDB afresh so no table state is cached between processes.
  A writer waits at most ``lock_timeout`` seconds for the lock, then gives up with a
  :class:`StoreError` saying another process holds it.
* A file that does not parse, is empty, has the wrong shape (down to the type of each
  record field) or a newer schema version is never overwritten: :class:`StoreError`
  says in one line what is wrong, where the file is and how to recover.
* A file with an older schema version is migrated when first read: it is copied to
  ``store.json.v<N>.bak`` first, then each step of :data:`MIGRATIONS` is applied and the
  result saved like any other write.

Two files under one lock (docs/schema.md): ``store.json`` holds the catalog tables
(``shows``, ``people``, ``credits``, ``seasons``, ``episodes``, ``stats``, ``sources``,
``claims``), replaced as a whole by ingest and refresh; ``user.json`` holds the user's own
tables (``watched``, ``prefs``), only touched by the user's own actions, so a watched mark
never rewrites the catalog.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplomat_tui.errors import StoreError

if TYPE_CHECKING:
    from filelock import BaseFileLock
    from tinydb import TinyDB
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    Claim,
    CrewCredit,
    Episode,
    Person,
    RecordError,
    Season,
    Show,
    Snapshot,
    Source,
    Stat,
)

SCHEMA_VERSION = 2
LOCK_TIMEOUT_SECONDS = 10.0
CATALOG_TABLES = (
    "shows",
    "people",
    "credits",
    "seasons",
    "episodes",
    "stats",
    "sources",
    "claims",
)
USER_TABLES = ("watched", "prefs")
USER_FILE = "user.json"
COMMAND = "diplomat-tui"
_TEMP_PREFIX = ".store-"
_TEMP_SUFFIX = ".tmp"

Document = dict[str, Any]
Data = dict[str, dict[str, Document]]


class _Damage(Exception):
    """What is wrong with a store file's content, worded to follow "the store <path>"."""


def now_iso() -> str:
    """Current UTC time as ISO 8601, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def write_atomically(
    path: Path, payload: bytes, before_replace: Callable[[], None] | None = None
) -> None:
    """Replace ``path`` with ``payload``: temp file, fsync, ``os.replace``, fsync folder.
    ``before_replace`` runs once the new file is safely written (nothing is replaced if
    it fails)."""
    fd, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        if before_replace is not None:
            before_replace()
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


class _TransactionStorage:
    """TinyDB storage (its read, write, close) that holds writes in memory until saved.

    TinyDB writes after every table operation; buffering makes a whole ingest or
    refresh one atomic file replacement, so half an update is never saved.
    """

    def __init__(self, data: Data) -> None:
        self.data = data

    def read(self) -> Data:
        return self.data

    def write(self, data: Data) -> None:
        self.data = data

    def close(self) -> None:
        """Nothing to close: the data is saved by the transaction."""


class Store:
    """The store file at ``path`` and the operations on it.

    ``lock_timeout`` is how long a writer waits for another process's write to end
    (default :data:`LOCK_TIMEOUT_SECONDS`).
    """

    def __init__(
        self, path: Path, *, lock_timeout: float | None = None, command: str = COMMAND
    ) -> None:
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self.user_path = self.path.with_name(USER_FILE)
        self.user_backup_path = self.user_path.with_name(USER_FILE + ".bak")
        self.lock_timeout = LOCK_TIMEOUT_SECONDS if lock_timeout is None else lock_timeout
        self.command = command  # how the user runs diplomat-tui on this store, for hints
        self._lock: BaseFileLock | None = None  # made on first write: filelock loads slowly

    @property
    def reset_hint(self) -> str:
        """How to start this store again, as the user would type it."""
        return f"run `{self.command} reset` (it keeps this file as {self.path.name}.<time>.old)"

    # -- reading ---------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether the store file exists (damaged or not)."""
        try:
            self.path.stat()
        except FileNotFoundError:
            return False
        except OSError as error:
            raise StoreError(
                f"cannot read the folder of the store {self.path}: {error.strerror or error}"
            ) from None
        return True

    def catalog_stamp(self) -> tuple[int, int] | None:
        """When and how large the catalog file was last written (None: no file): a new
        stamp tells that it was saved since (by an ``ingest`` or a refresh elsewhere)."""
        try:
            status = self.path.stat()
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    def snapshot(self, *, read_only: bool = False) -> Snapshot:
        """Read the whole store (catalog and user data) once and return typed records.

        An older store is migrated and saved first, unless ``read_only``: then it is only
        read as the newer version would hold it, and nothing is written.
        """
        data, version = self._parsed(self._raw())  # read once: the store may be large
        if version < SCHEMA_VERSION and read_only:
            data = _migrated(data, version)
            moved = _user_tables(data)
            catalog = self._checked(data)
            try:
                _check_user_tables(moved)
            except _Damage as damage:
                raise self._damaged(str(damage)) from None
            user = _joined_user_data(self._user_data(), moved)
        else:
            if version < SCHEMA_VERSION:
                data = self._migrate()
            catalog = self._checked(data)
            user = self._user_data()
        return Snapshot(
            catalog=catalog,
            watched=frozenset(doc["episode"] for doc in user.get("watched", {}).values()),
            prefs={doc["key"]: doc.get("value") for doc in user.get("prefs", {}).values()},
        )

    def _load(self) -> tuple[Data, Catalog]:
        """Read and check the file (migrating an older one): its data and typed catalog."""
        data, version = self._parsed(self._raw())
        if version < SCHEMA_VERSION:
            data = self._migrate()
        return data, self._checked(data)

    def _raw(self) -> bytes:
        try:
            if not stat.S_ISREG(self.path.stat().st_mode):
                raise StoreError(
                    f"the store {self.path} is not a regular file; it was left as is. "
                    f"To start again, {self.reset_hint}"
                )
            return self.path.read_bytes()
        except FileNotFoundError:
            raise StoreError(
                f"no store at {self.path}: start {self.command} once to create it"
            ) from None
        except OSError as error:
            raise StoreError(
                f"cannot read the store {self.path}: {error.strerror or error}"
            ) from None

    def _user_data(self) -> Data:
        """The user's own tables (none yet if ``user.json`` does not exist), checked."""
        try:
            if not stat.S_ISREG(self.user_path.stat().st_mode):
                raise self._user_damaged("is not a regular file")
            raw = self.user_path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise StoreError(
                f"cannot read the user data {self.user_path}: {error.strerror or error}"
            ) from None
        try:
            data, version = _parse_data(raw)
            if version > SCHEMA_VERSION:
                raise _Damage(f"has schema version {version}, newer than this {COMMAND} knows")
            _check_user_tables(data)
        except _Damage as damage:
            raise self._user_damaged(str(damage)) from None
        return data

    def _user_damaged(self, what: str) -> StoreError:
        return StoreError(
            f"the user data {self.user_path} {what}; it was left as is. To recover, copy the "
            f"backup {self.user_backup_path} over it, or move it aside to start without your "
            "watched marks"
        )

    def _parsed(self, raw: bytes) -> tuple[Data, int]:
        """The file's data and schema version; StoreError if damaged or too new."""
        try:
            data, version = _parse_data(raw)
        except _Damage as damage:
            raise self._damaged(str(damage)) from None
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the store {self.path} has schema version {version}, newer than this "
                f"{COMMAND} knows ({SCHEMA_VERSION}); it was left as is. To use it, upgrade "
                f"{COMMAND}; to start again, {self.reset_hint}"
            )
        return data, version

    def _checked(self, data: Data) -> Catalog:
        """The typed catalog of ``data``; StoreError if a record or entry is misshapen."""
        try:
            return _checked_catalog(data)
        except _Damage as damage:
            raise self._damaged(str(damage)) from None

    def _damaged(self, what: str) -> StoreError:
        if self._backup_is_good():
            recovery = f"copy the backup {self.backup_path} over it, or {self.reset_hint}"
        else:
            recovery = self.reset_hint
        return StoreError(
            f"the store {self.path} {what}; it was left as is. To recover, {recovery}"
        )

    def _backup_is_good(self) -> bool:
        """Whether ``store.json.bak`` holds a store this version can open."""
        try:
            data, version = _parse_data(self.backup_path.read_bytes())
            if version == SCHEMA_VERSION:
                _checked_catalog(data)
        except (OSError, _Damage):
            return False
        return version <= SCHEMA_VERSION

    # -- migrating -------------------------------------------------------------------

    def _migrate(self) -> Data:
        """Bring an older store up to :data:`SCHEMA_VERSION`, its original kept first."""
        with self._locked():
            raw = self._raw()  # again, under the lock: another process may have migrated it
            data, version = self._parsed(raw)
            if version == SCHEMA_VERSION:
                return data
            kept = self.path.with_name(f"{self.path.name}.v{version}.bak")
            try:
                write_atomically(kept, raw)
            except OSError as error:
                raise StoreError(
                    f"cannot upgrade the store {self.path} from schema version {version}: "
                    f"{error.strerror or error}; it was left as is"
                ) from None
            data = _migrated(data, version)
            user = _user_tables(data)
            self._checked(data)
            try:
                _check_user_tables(user)
            except _Damage as damage:
                raise self._damaged(str(damage)) from None
            self._save_user(_joined_user_data(self._user_data(), user))
            self._save(data)
            return data

    # -- writing ---------------------------------------------------------------------

    @contextmanager
    def user_transaction(self) -> Iterator[TinyDB]:
        """Lock the store, yield a TinyDB over the user's data, then save it atomically.

        Nothing is written if the block raises. Only ``user.json`` is read and written,
        once the catalog is at this schema version (an older store is migrated first).
        """
        from tinydb import TinyDB  # only to write: launch reads the store without it

        with self._locked():
            if not self.user_path.exists():
                self._load()  # an older store keeps the user's tables: migrate them out
            user = self._user_data() or {"meta": _new_meta()}
            storage = _TransactionStorage(user)
            db = TinyDB(storage=lambda: storage)
            yield db
            _touch_meta(storage.data)
            self._save_user(storage.data)

    def create(self, catalog: Catalog) -> None:
        """Create the store from ``catalog`` (and empty user data) unless it is already there."""
        self._make_folder()
        with self._locked():
            if self.path.exists():
                return
            self._save({"meta": _new_meta(), **data_from_catalog(catalog)})
            if not self.user_path.exists():
                self._save_user({"meta": _new_meta()})

    def _make_folder(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the folder of the store {self.path}: {error.strerror or error}"
            ) from None

    def update_catalog(self, change: Callable[[Catalog], Catalog]) -> Catalog:
        """Read the catalog, apply ``change`` and save the result, all under the lock."""
        with self._locked():
            data, catalog = self._load()
            new = change(catalog)
            data.update(data_from_catalog(new))
            _touch_meta(data)
            self._save(data)
            return new

    def set_watched(self, episode_keys: list[str], watched: bool) -> None:
        """Mark episodes (by ``Episode.key``) watched or not, saved at once."""
        with self.user_transaction() as db:
            table = db.table("watched")
            for key in episode_keys:
                table.remove(lambda doc, key=key: doc.get("episode") == key)
                if watched:
                    table.insert({"episode": key, "at": now_iso()})

    def set_pref(self, key: str, value: Any) -> None:
        """Remember a user preference (theme, spoilers shown...)."""
        with self.user_transaction() as db:
            table = db.table("prefs")
            table.remove(lambda doc: doc.get("key") == key)
            table.insert({"key": key, "value": value})

    def reset(self, catalog: Catalog, *, everything: bool = False) -> list[Path]:
        """Start the catalog again from ``catalog``; with ``everything``, the user's data too.

        The current files are kept first under names no other file has
        (``store.json.<time>.old``), and stay in place until the new ones are written: a
        failure leaves the store as it was. Returns the kept files.
        """
        self._make_folder()
        with self._locked():
            kept = [self._keep_aside(self.path)]
            if everything:
                kept.append(self._keep_aside(self.user_path))
            self._save({"meta": _new_meta(), **data_from_catalog(catalog)})
            if everything:
                self._save_user({"meta": _new_meta()})
        return [path for path in kept if path is not None]

    def _keep_aside(self, path: Path) -> Path | None:
        """A copy of ``path`` under a new ``.old`` name (a file that is not regular, such
        as a FIFO, is moved there instead); None if there is no such file."""
        try:
            info = path.lstat()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreError(f"cannot read {path}: {error.strerror or error}") from None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        kept = path.with_name(f"{path.name}.{stamp}.old")
        number = 1
        while kept.exists() or kept.is_symlink():  # never overwrite a kept file
            number += 1
            kept = path.with_name(f"{path.name}.{stamp}-{number}.old")
        try:
            if stat.S_ISREG(info.st_mode):
                write_atomically(kept, path.read_bytes())
            else:
                os.replace(path, kept)
        except OSError as error:
            raise StoreError(
                f"cannot keep a copy of {path} as {kept}: {error.strerror or error}; "
                "nothing was changed"
            ) from None
        return kept

    def remove_orphan_temp_files(self) -> None:
        """Delete temp files left by a writer that was killed before its rename.

        Best effort: skipped while another process writes (its temp file is no orphan)
        or when the folder cannot be changed (a read-only store can still be read).
        """
        if not self.path.parent.is_dir():
            return
        if not any(self.path.parent.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}")):
            return  # the usual case: no lock taken at launch
        try:
            with self._locked(timeout=0):
                for orphan in self.path.parent.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
                    orphan.unlink(missing_ok=True)
        except (StoreError, OSError):
            return

    @contextmanager
    def _locked(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the cross-process lock; StoreError if it stays held for ``timeout`` s."""

        from filelock import FileLock, Timeout  # here: importing filelock costs ~10 ms

        if self._lock is None:
            self._lock = FileLock(str(self.path) + ".lock", timeout=self.lock_timeout)
        try:
            self._lock.acquire(timeout=timeout)
        except Timeout:
            raise StoreError(
                f"the store {self.path} is locked by another diplomat-tui process "
                f"(waited {self.lock_timeout:g}s); try again when it has finished"
            ) from None
        except OSError as error:
            raise StoreError(
                f"cannot lock the store {self.path}: {error.strerror or error}"
            ) from None
        try:
            yield
        finally:
            self._lock.release()

    def _save(self, data: Data) -> None:
        """Save the catalog file (its previous version kept as the backup)."""
        _save_file(self.path, self.backup_path, data, "the store")

    def _save_user(self, data: Data) -> None:
        """Save the user's data file (its previous version kept as the backup)."""
        _save_file(self.user_path, self.user_backup_path, data, "the user data")


def _save_file(path: Path, backup: Path, data: Data, what: str) -> None:
    """Keep the current file as ``backup``, then replace it atomically."""
    # ASCII (other characters as \u escapes): Python reads an all-ASCII file ~15% faster.
    payload = json.dumps(data, separators=(",", ":")).encode("ascii")
    if backup.exists() and not backup.is_file():
        raise StoreError(
            f"cannot save {what} {path}: its backup {backup} is not a regular file; nothing "
            f"was changed. Move {backup.name} aside and try again"
        )
    try:
        keep = partial(_keep_as_backup, path, backup) if path.exists() else None
        write_atomically(path, payload, before_replace=keep)
    except OSError as error:
        raise StoreError(
            f"cannot save {what} {path}: {error.strerror or error}; the previous version is intact"
        ) from None


def _keep_as_backup(path: Path, backup: Path) -> None:
    """Make ``backup`` the current ``path``: a second name for the same file (a hard link
    renamed over the backup), or a copy where links are not supported.

    Nothing is copied or synced: the file was synced when it was written, and the save
    it is part of (the new file already written) then gives ``path`` a new file (a
    rename) and syncs the folder, which makes both renames durable; a crash between them
    leaves ``path`` and its backup the same store. The two names share a file only during
    the save (it holds the lock).
    """
    temp = path.parent / f"{_TEMP_PREFIX}{os.urandom(8).hex()}{_TEMP_SUFFIX}"
    try:
        os.link(path, temp)
        os.replace(temp, backup)
    except OSError:
        temp.unlink(missing_ok=True)
        write_atomically(backup, path.read_bytes())


# -- checking --------------------------------------------------------------------------


def _parse_data(raw: bytes) -> tuple[Data, int]:
    """A store file's data and schema version, its tables' shape checked (_Damage if not)."""
    if not raw.strip():
        raise _Damage("is empty")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as error:  # JSON errors, and integers too long to read
        raise _Damage(f"is not valid JSON ({error})") from None
    if not isinstance(data, dict) or not all(_is_table(table) for table in data.values()):
        raise _Damage("is JSON but not a diplomat-tui store")
    version = _schema_version(data)
    if version is None:
        raise _Damage("has no schema version")
    return data, version


def _is_table(value: Any) -> bool:
    """A TinyDB table: documents (objects) keyed by their decimal ids."""
    return isinstance(value, dict) and all(
        key.isascii() and key.isdigit() and isinstance(doc, dict) for key, doc in value.items()
    )


def _checked_catalog(data: Data) -> Catalog:
    """The typed catalog of a store's data, every record and user entry checked (_Damage)."""
    try:
        catalog = catalog_from_data(data)
    except RecordError as error:
        raise _Damage(f"holds an {error}") from None
    except ValueError as error:
        raise _Damage(f"holds a record of the wrong shape ({error})") from None
    return catalog


def _joined_user_data(current: Data, moved: Data) -> Data:
    """``current`` user data (``user.json``, if any) with the tables an older store held:
    the marks of both, and the preferences of ``current`` first (they are the newer)."""
    joined: Data = {"meta": current.get("meta") or _new_meta()}
    for table, key in (("watched", "episode"), ("prefs", "key")):
        documents = [*current.get(table, {}).values()]
        known = {doc[key] for doc in documents}
        documents += [doc for doc in moved.get(table, {}).values() if doc[key] not in known]
        joined[table] = _table(documents)
    return joined


def _check_user_tables(data: Data) -> None:
    """_Damage unless every watched mark and preference has its key."""
    for table, key in (("watched", "episode"), ("prefs", "key")):
        if not all(isinstance(doc.get(key), str) for doc in data.get(table, {}).values()):
            raise _Damage(f"holds a {table} entry without its {key}")


# -- migrations ------------------------------------------------------------------------


def _from_version_0(data: Data) -> Data:
    """Version 0, before seasons had records of their own and credits a ``kind``.

    Credits with ``roles`` are crew, the others (a character, a billing) cast; the
    ``seasons`` table is made from the episodes' season numbers (nothing else is known).
    """
    credits = {
        doc_id: {"kind": "crew" if "roles" in doc else "cast", **doc}
        for doc_id, doc in data.get("credits", {}).items()
    }
    episodes = data.get("episodes", {}).values()
    numbers = sorted({doc["season"] for doc in episodes if type(doc.get("season")) is int})
    seasons = data.get("seasons") or _table([Season(number).to_dict() for number in numbers])
    return {**data, "credits": credits, "seasons": seasons}


def _from_version_1(data: Data) -> Data:
    """Version 1, before claims were kept (the user's tables move out when saved)."""
    return {**data, "claims": data.get("claims", {})}


MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _from_version_0, 1: _from_version_1}
"""For each old schema version N, the step that turns a store of version N into N + 1."""


def _migrated(data: Data, version: int) -> Data:
    """A store's data of schema ``version`` brought up to :data:`SCHEMA_VERSION`."""
    for step in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[step](data)
        _set_schema_version(data, step + 1)
    return data


def _user_tables(data: Data) -> Data:
    """Take the user's tables out of an older store's data (they live in user.json)."""
    return {table: data.pop(table) for table in USER_TABLES if table in data}


def _schema_version(data: Data) -> int | None:
    for doc in data.get("meta", {}).values():
        version = doc.get("schema_version")
        if isinstance(version, int) and not isinstance(version, bool) and version >= 0:
            return version
    return None


def _set_schema_version(data: Data, version: int) -> None:
    for doc in data.get("meta", {}).values():
        if "schema_version" in doc:
            doc["schema_version"] = version


def _new_meta() -> dict[str, Document]:
    created = now_iso()
    return {"1": {"schema_version": SCHEMA_VERSION, "created": created, "updated": created}}


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
        "claims": _table([c.to_dict() for c in catalog.claims]),
    }


def catalog_from_data(data: Data) -> Catalog:
    """Typed records from the catalog tables of a store's data, every field's type checked.

    Raises :class:`RecordError` for a field of the wrong type, ValueError for a record
    without a field it needs.
    """

    def docs(table: str) -> list[Document]:
        return list(data.get(table, {}).values())

    try:
        shows = Show.from_dicts(docs("shows"))
        credits = docs("credits")
        return Catalog(
            show=shows[0] if shows else None,
            people=Person.from_dicts(docs("people")),
            cast=CastCredit.from_dicts(d for d in credits if d.get("kind") == "cast"),
            crew=CrewCredit.from_dicts(d for d in credits if d.get("kind") == "crew"),
            seasons=Season.from_dicts(docs("seasons")),
            episodes=Episode.from_dicts(docs("episodes")),
            stats=Stat.from_dicts(docs("stats")),
            sources=Source.from_dicts(docs("sources")),
            claims=Claim.from_dicts(docs("claims")),
        )
    except TypeError as error:
        raise ValueError(str(error)) from None
