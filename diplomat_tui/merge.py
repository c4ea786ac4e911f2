"""Merge facts from a newer source into the catalog: nothing silently replaced.

Records are matched by a key (a person's name, a cast credit's person and character, an
episode's season and number...). Field by field, a fact nobody stated yet takes the new
value, the same value only gains the new sources, and two different values are decided
by :func:`new_claim_wins` (docs/schema.md): the losing value is kept as a
:class:`~diplomat_tui.model.Claim` with the sources that gave it. Tuples (sources,
credits, roles) are unions in first-seen order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import fields, replace
from typing import Any, TypeVar

from diplomat_tui.model import (
    CastCredit,
    Catalog,
    Claim,
    CrewCredit,
    Episode,
    Person,
    Record,
    Season,
    Show,
    Source,
    Stat,
    normalize,
)

R = TypeVar("R", bound=Record)

# Fields that are bookkeeping, not facts a reader checks: the newer non-null value is kept
# and no claim is made of the old one.
_BOOKKEEPING = frozenset({"order", "tvmaze_id", "image", "character_image"})
# Facts that change over time: the newer claim wins, dated by Source.as_of.
_TIME_VARYING = {Show: frozenset({"status"}), Season: frozenset({"status"})}
# What belongs to one reading of a source: a new reading replaces it even with nothing.
_READING = frozenset({"etag", "last_modified"})
# Which kind of source is better founded, for figures and for everything else.
_RANK_FOR_STATS = {"top10": 3, "tvmaze": 2, "article": 1}
_RANK = {"tvmaze": 3, "top10": 2, "article": 1}


def same_show(a: Show, b: Show) -> bool:
    """Whether two show records name the same series (titles compared normalized)."""
    return normalize(a.title) == normalize(b.title)


def union(*groups: Iterable[Any]) -> tuple[Any, ...]:
    """The items of ``groups`` in first-seen order, each once."""
    return tuple(dict.fromkeys(item for group in groups for item in group))


def subject_of(record: Any) -> str:
    """The name a claim uses for ``record`` (docs/schema.md)."""
    if isinstance(record, Show):
        return "show"
    if isinstance(record, Season):
        return f"season:{record.number}"
    if isinstance(record, Episode):
        return f"episode:{record.key}"
    if isinstance(record, CastCredit):
        return record.key
    if isinstance(record, CrewCredit):
        return f"crew:{normalize(record.person)}"
    if isinstance(record, Person):
        return f"person:{normalize(record.name)}"
    if isinstance(record, Stat):
        return f"stat:{record.metric}|{record.period}|{record.scope}|{record.season}"
    raise TypeError(f"no claims are kept about {type(record).__name__}")


def new_claim_wins(
    record_type: type,
    field: str,
    old: tuple[str, ...],
    new: tuple[str, ...],
    index: Mapping[str, Source],
) -> bool:
    """Whether the value stated by sources ``new`` replaces the one stated by ``old``.

    A fact that changes over time goes to the newer claim; any other fact to the better
    kind of source; between sources of the same standing the value held stays.
    """
    old_sources = [index[s] for s in old if s in index]
    new_sources = [index[s] for s in new if s in index]
    if field in _TIME_VARYING.get(record_type, ()):
        newest_old = max((s.as_of for s in old_sources), default="")
        newest_new = max((s.as_of for s in new_sources), default="")
        return newest_new > newest_old
    ranks = _RANK_FOR_STATS if record_type is Stat else _RANK
    best_old = max((ranks.get(s.kind, 0) for s in old_sources), default=0)
    best_new = max((ranks.get(s.kind, 0) for s in new_sources), default=0)
    return best_new > best_old or (best_new == best_old and rereads(old, new))


def _time_varying(record: Any, field: str) -> bool:
    return field in _TIME_VARYING.get(type(record), ())


def rereads(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether ``new`` is a newer reading of a source that stated the old value (an API
    answer fetched again, an article ingested again): it supersedes what it said before."""
    return not set(old).isdisjoint(new)


class _Merger:
    """One merge: the sources of both catalogs, and the claims that lose on the way."""

    def __init__(self, old: Catalog, new: Catalog) -> None:
        self.sources = _merge_sources(old.sources, new.sources)
        self.index = {source.id: source for source in self.sources}
        self.claims: list[Claim] = [*old.claims, *new.claims]

    def record(self, old: R, new: R) -> R:
        """``old`` updated with what ``new`` states, field by field."""
        changes: dict[str, Any] = {}
        old_sources: tuple[str, ...] = getattr(old, "sources", ())
        new_sources: tuple[str, ...] = getattr(new, "sources", ())
        for field in fields(old):
            name = field.name
            old_value, new_value = getattr(old, name), getattr(new, name)
            if isinstance(old_value, tuple) and isinstance(new_value, tuple):
                changes[name] = union(old_value, new_value)
            elif new_value is None or old_value == new_value:
                continue
            elif old_value is None or name in _BOOKKEEPING:
                changes[name] = new_value
            elif (same := _same_value(old_value, new_value)) is not None:
                changes[name] = same
            elif name == "status" and (same := same_status(old_value, new_value)) is not None:
                changes[name] = same
            else:
                held = self._held_by(old, name, old_sources)
                if new_claim_wins(type(old), name, held, new_sources, self.index):
                    changes[name] = new_value
                    # A source that corrects itself, or a status that moved on with time
                    # ("announced", then "aired"), leaves no competing claim behind.
                    if not rereads(held, new_sources) and not _time_varying(old, name):
                        self._lost(old, name, old_value, _only(held, new_sources))
                else:
                    self._lost(old, name, new_value, _only(new_sources, held))
        return replace(old, **changes)

    def _held_by(self, record: Any, field: str, sources: tuple[str, ...]) -> tuple[str, ...]:
        """The sources of ``record`` that may have stated the value it holds for ``field``:
        its sources but those of the claims kept about the field (they said otherwise)."""
        subject = subject_of(record)
        other = {
            source
            for claim in self.claims
            if claim.subject == subject and claim.field == field
            for source in claim.sources
        }
        return tuple(s for s in sources if s not in other) if other else sources

    def records(
        self, old: Iterable[R], new: Iterable[R], key: Callable[[R], Hashable]
    ) -> tuple[R, ...]:
        """Two record lists matched by ``key``: old order first, new records after."""
        merged: dict[Hashable, R] = {key(record): record for record in old}
        for record in new:
            k = key(record)
            merged[k] = self.record(merged[k], record) if k in merged else record
        return tuple(merged.values())

    def cast(
        self, old: tuple[CastCredit, ...], new: tuple[CastCredit, ...]
    ) -> tuple[CastCredit, ...]:
        """Cast credits matched by person and character; a credit whose character is not
        known matches the person's one credit (and is completed by a named character)."""
        merged: dict[str, CastCredit] = {credit.key: credit for credit in old}
        for credit in new:
            key = _cast_slot(merged, credit)
            merged[key] = self.record(merged[key], credit) if key in merged else credit
        by_key: dict[str, CastCredit] = {}
        renamed: dict[str, str] = {}
        for slot, credit in merged.items():  # a completed character changes the credit's key
            by_key[credit.key] = (
                self.record(by_key[credit.key], credit) if credit.key in by_key else credit
            )
            if slot != credit.key:
                renamed[slot] = credit.key
        if renamed:  # the claims about a credit follow it to its new key
            self.claims = [
                replace(claim, subject=renamed.get(claim.subject, claim.subject))
                for claim in self.claims
            ]
        return tuple(by_key.values())

    def _lost(self, record: Any, field: str, value: Any, sources: tuple[str, ...]) -> None:
        if isinstance(value, str | int | float | bool):
            self.claims.append(Claim(subject_of(record), field, value, sources))

    def kept_claims(self, catalog: Catalog) -> tuple[Claim, ...]:
        """The losing claims, each once, without those that now equal the value shown."""
        if not self.claims:
            return ()
        shown = _shown_values(catalog, {(claim.subject, claim.field) for claim in self.claims})
        kept: dict[tuple[str, str, str], Claim] = {}
        for claim in self.claims:
            key = (claim.subject, claim.field, _folded(claim.value))
            if shown.get((claim.subject, claim.field)) == key[2]:
                continue
            if key in kept:
                kept[key] = replace(kept[key], sources=union(kept[key].sources, claim.sources))
            else:
                kept[key] = claim
        return tuple(kept.values())


def merge_catalogs(old: Catalog, new: Catalog) -> Catalog:
    """The catalog that results from learning ``new`` after ``old``."""
    merger = _Merger(old, new)
    show: Show | None
    if old.show and new.show:
        show = merger.record(old.show, new.show)
    else:
        show = new.show or old.show
    catalog = Catalog(
        show=show,
        people=merger.records(old.people, new.people, lambda p: normalize(p.name)),
        cast=merger.cast(old.cast, new.cast),
        crew=merger.records(old.crew, new.crew, lambda c: normalize(c.person)),
        seasons=merger.records(old.seasons, new.seasons, lambda s: s.number),
        episodes=tuple(
            sorted(
                merger.records(old.episodes, new.episodes, lambda e: (e.season, e.number)),
                key=lambda e: (e.season, e.number),
            )
        ),
        stats=merger.records(
            old.stats, new.stats, lambda s: (s.metric, s.period, s.scope, s.season)
        ),
        sources=merger.sources,
    )
    return replace(catalog, claims=merger.kept_claims(catalog))


def _merge_sources(old: tuple[Source, ...], new: tuple[Source, ...]) -> tuple[Source, ...]:
    """Source records by id: a source read again is the newer reading of it."""
    merged = {source.id: source for source in old}
    for source in new:
        if source.id in merged:
            changes = {
                f.name: getattr(source, f.name)
                for f in fields(source)
                if getattr(source, f.name) is not None or f.name in _READING
            }
            merged[source.id] = replace(merged[source.id], **changes)
        else:
            merged[source.id] = source
    return tuple(merged.values())


def _cast_slot(merged: dict[str, CastCredit], credit: CastCredit) -> str:
    """The key under which ``credit`` merges: its own; for a credit without a character,
    the person's first credit; for a named character, the person's credit whose character
    was not known."""
    if credit.key in merged:
        return credit.key
    person = normalize(credit.person)
    same_person = [k for k, c in merged.items() if normalize(c.person) == person]
    if credit.character is None and same_person:
        return same_person[0]
    unnamed = [k for k in same_person if merged[k].character is None]
    return unnamed[0] if credit.character is not None and unnamed else credit.key


def _only(sources: tuple[str, ...], others: tuple[str, ...]) -> tuple[str, ...]:
    """The sources of one side that the other side does not share (all, if none is left)."""
    return tuple(s for s in sources if s not in others) or sources


def _same_value(old: Any, new: Any) -> Any:
    """The value to keep when ``old`` and ``new`` state the same fact, else None.

    Names and titles are compared folded (the value held stays); a date that only adds
    what the other leaves out (a year) is the same fact told more precisely (it is kept).
    """
    if not (isinstance(old, str) and isinstance(new, str)):
        return None
    if normalize(old) == normalize(new):
        return old
    old_date, new_date = date_parts(old), date_parts(new)
    if old_date is None or new_date is None:
        return None
    pairs = zip(old_date, new_date, strict=True)
    if any(a is not None and b is not None and a != b for a, b in pairs):
        return None
    known = [sum(part is not None for part in d) for d in (old_date, new_date)]
    return new if known[1] > known[0] else old


# A season's status as an article words it, and the more precise ones a guide gives for
# the same fact: "released" (it has premiered) is "airing" or "aired".
_STATUS_DETAIL = {"released": frozenset({"airing", "aired"})}
# A status with a note: "Renewed for Season 4 (announced on Tudum)".
_NOTED = re.compile(r"^(?P<status>.+?) \((?P<note>[^()]*)\)$")


def same_status(old: Any, new: Any) -> Any:
    """The status to keep when ``old`` and ``new`` word the same state, else None: a
    season "released" and one "aired" (the more precise one is kept), a status and the
    same with a note ("Renewed for Season 4 (announced on Tudum)": the one with the note)."""
    if not (isinstance(old, str) and isinstance(new, str)):
        return None
    if new.casefold() in _STATUS_DETAIL.get(old.casefold(), ()):
        return new
    if old.casefold() in _STATUS_DETAIL.get(new.casefold(), ()):
        return old
    old_noted, new_noted = _NOTED.match(old), _NOTED.match(new)
    if old_noted and not new_noted and normalize(old_noted["status"]) == normalize(new):
        return old
    if new_noted and not old_noted and normalize(new_noted["status"]) == normalize(old):
        return new
    return None


# Each month's names as sources write them, the full name first: the one list of them
# (the article extractor reads dates with it too).
MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS = {name: number for number, names in enumerate(MONTH_NAMES, start=1) for name in names}
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WORDS = re.compile(r"[a-z]+|\d+")


def date_parts(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a date as sources write it ("2023-04-20", "April 20",
    "Oct. 31, 2024", "Thursday 16 October"), the parts not given None; None if not a date."""
    text = text.strip()
    if iso := _ISO_DATE.fullmatch(text):
        return tuple(int(part) if part else None for part in iso.groups())  # type: ignore[return-value]
    words = _WORDS.findall(text.casefold())
    months = [MONTHS[w] for w in words if w in MONTHS]
    numbers = [int(w) for w in words if w.isdigit()]
    if len(months) != 1 or not numbers or len(numbers) > 2:
        return None
    day = next((n for n in numbers if 1 <= n <= 31 and n < 1000), None)
    year = next((n for n in numbers if n >= 1000), None)
    if len(numbers) != (day is not None) + (year is not None):
        return None
    return year, months[0], day


def _folded(value: Any) -> str:
    return normalize(value) if isinstance(value, str) else repr(value)


def _shown_values(catalog: Catalog, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The folded value shown for each ``wanted`` (subject, field) of the catalog (only
    those: folding every field of a large catalog on each merge would cost a save)."""
    subjects = {subject for subject, _field in wanted}
    records: list[Any] = [
        *([catalog.show] if catalog.show else []),
        *catalog.people,
        *catalog.cast,
        *catalog.crew,
        *catalog.seasons,
        *catalog.episodes,
        *catalog.stats,
    ]
    shown: dict[tuple[str, str], str] = {}
    for record in records:
        if (subject := subject_of(record)) in subjects:
            for subject_field in wanted:
                if subject_field[0] == subject:
                    shown[subject_field] = _folded(getattr(record, subject_field[1], None))
    return shown
