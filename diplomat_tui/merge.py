"""Merge facts from a newer source into the catalog, keeping every provenance.

One rule for every record type: records are matched by a key (a person's name, an
episode's season and number...); for a matched pair the newer non-null value of each
field wins, tuples (sources, credits, roles) are unions in first-seen order. So an
article's facts stay with their sources, and a later source can fill or correct them
while the Sources pane still lists both.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import fields, replace
from typing import Any, TypeVar

from diplomat_tui.model import Catalog, Show, normalize

R = TypeVar("R")


def same_show(a: Show, b: Show) -> bool:
    """Whether two show records name the same series (titles compared normalized)."""
    return normalize(a.title) == normalize(b.title)


def merge_record(old: R, new: R) -> R:
    """Field by field: tuples are unioned, other fields take the newer non-null value."""
    changes: dict[str, Any] = {}
    for field in fields(old):  # type: ignore[arg-type]
        old_value, new_value = getattr(old, field.name), getattr(new, field.name)
        if isinstance(old_value, tuple) and isinstance(new_value, tuple):
            changes[field.name] = _union(old_value, new_value)
        elif new_value is not None:
            changes[field.name] = new_value
    return replace(old, **changes)  # type: ignore[type-var]


def merge_records(
    old: Iterable[R], new: Iterable[R], key: Callable[[R], Hashable]
) -> tuple[R, ...]:
    """Merge two record lists matched by ``key``; old order first, new records after."""
    merged: dict[Hashable, R] = {key(record): record for record in old}
    for record in new:
        k = key(record)
        merged[k] = merge_record(merged[k], record) if k in merged else record
    return tuple(merged.values())


def merge_catalogs(old: Catalog, new: Catalog) -> Catalog:
    """The catalog that results from learning ``new`` after ``old``."""
    if old.show and new.show:
        show = merge_record(old.show, new.show)
    else:
        show = new.show or old.show
    return Catalog(
        show=show,
        people=merge_records(old.people, new.people, lambda p: normalize(p.name)),
        cast=merge_records(old.cast, new.cast, lambda c: c.key),
        crew=merge_records(old.crew, new.crew, lambda c: normalize(c.person)),
        seasons=merge_records(old.seasons, new.seasons, lambda s: s.number),
        episodes=tuple(
            sorted(
                merge_records(old.episodes, new.episodes, lambda e: (e.season, e.number)),
                key=lambda e: (e.season, e.number),
            )
        ),
        stats=merge_records(
            old.stats, new.stats, lambda s: (s.metric, s.period, s.scope, s.season)
        ),
        sources=merge_records(old.sources, new.sources, lambda s: s.id),
    )


def _union(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    seen = list(old)
    seen.extend(item for item in new if item not in old)
    return tuple(seen)
