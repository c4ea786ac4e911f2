"""How faithfully ``diplomat-tui ingest`` reads press articles: precision and new-fact
recall against hand-written truth (the rules are in docs/fidelity.md).

For each ``NAME.txt`` with a ``NAME.truth.json`` in the folder (default tests/articles):
a fresh store is made from the shipped seed in a temporary data folder, the article is
ingested through the command (``diplomat-tui --data-dir DIR ingest --yes FILE``, run in
this process), the store is exported as JSON, and the facts the ingest added or changed
(:mod:`diplomat_tui.changes`) are compared with the truth.

    python benchmarks/fidelity.py [FOLDER] [--verbose]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplomat_tui.changes import Fact, compare
from diplomat_tui.cli import main
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    CrewCredit,
    Person,
    Season,
    Show,
    Stat,
    normalize,
)

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "articles"
APPROX_TOLERANCE = 0.05
_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        start=1,
    )
}
_RENEWED = re.compile(r"(?i)renewed for season (\d+)")


# --------------------------------------------------------------------------- dates


def parse_date(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a date as an article or the truth writes it; None if it is
    not a date. ``2023-04-20``, ``2023-04``, ``April 20``, ``April 20, 2023``,
    ``20 April 2023``, ``April 2023``, ``2023``."""
    text = text.strip()
    if m := re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text):
        return int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
    words = re.findall(r"[A-Za-z]+|\d+", text)
    year = month = day = None
    for word in words:
        lower = word.lower()
        if lower in _MONTHS:
            month = _MONTHS[lower]
        elif word.isdigit() and len(word) == 4:
            year = int(word)
        elif word.isdigit() and int(word) <= 31:
            day = int(word)
    if month is None and year is None:
        return None
    return year, month, day


def same_date(extracted: str, truth: str) -> bool:
    """Whether an extracted date states the truth: a missing year (or day) is fine, an
    invented one is not."""
    got, want = parse_date(str(extracted)), parse_date(str(truth))
    if got is None or want is None:
        return normalize(str(extracted)) == normalize(str(truth))
    return all(g is None or g == w for g, w in zip(got, want, strict=True)) and got[1] == want[1]


# --------------------------------------------------------------------------- truth


@dataclass
class Truth:
    """The facts of one truth file, in the scorer's terms."""

    about: bool
    creators: set[str] = field(default_factory=set)
    premiered: str | None = None
    renewed: set[int] = field(default_factory=set)
    cast: dict[str, dict[str, Any]] = field(default_factory=dict)  # by folded name
    roles: set[tuple[str, str]] = field(default_factory=set)
    known_for: set[tuple[str, str]] = field(default_factory=set)
    seasons: dict[int, dict[str, Any]] = field(default_factory=dict)
    stats: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Truth:
        data = json.loads(path.read_text("utf-8"))
        truth = cls(about=bool(data.get("about_the_diplomat", True)))
        show = data.get("show") or {}
        truth.creators = {normalize(c) for c in show.get("creators") or []}
        truth.premiered = show.get("premiered")
        renewed = data.get("renewed_for")
        truth.renewed = set(renewed if isinstance(renewed, list) else [renewed] if renewed else [])
        for person in data.get("cast") or []:
            truth.cast[normalize(person["name"])] = person
            for title in person.get("known_for") or []:
                truth.known_for.add((normalize(person["name"]), normalize(title)))
        for person in data.get("crew") or []:
            for role in person.get("roles") or []:
                truth.roles.add((normalize(person["name"]), normalize(role)))
            for title in person.get("known_for") or []:
                truth.known_for.add((normalize(person["name"]), normalize(title)))
        truth.seasons = {s["number"]: s for s in data.get("seasons") or []}
        truth.stats = list(data.get("stats") or [])
        return truth

    def atoms(self) -> list[tuple[Any, ...]]:
        """Every truth fact as an atom, for recall."""
        atoms: list[tuple[Any, ...]] = [("creator", c) for c in self.creators]
        if self.premiered:
            atoms.append(("premiered", self.premiered))
        atoms += [("renewal", n) for n in self.renewed]
        for name, person in self.cast.items():
            atoms.append(("cast", name))
            if person.get("character"):
                atoms.append(("character", name, person["character"]))
        atoms += [("role", *pair) for pair in self.roles]
        atoms += [("known_for", *pair) for pair in self.known_for]
        for number, season in self.seasons.items():
            if season.get("premiere"):
                atoms.append(("season_premiere", number, season["premiere"]))
            if season.get("episode_count") is not None:
                atoms.append(("episode_count", number, season["episode_count"]))
        atoms += [
            ("stat", s["metric"], s["value"], s.get("season"), s.get("approx")) for s in self.stats
        ]
        return atoms


def _same_character(extracted: str, truth: dict[str, Any]) -> bool:
    got = normalize(extracted)
    for name in [truth.get("character"), *(truth.get("character_aliases") or [])]:
        if name and (got == normalize(name) or got.endswith(" " + normalize(name))):
            return True
    return False


def _same_value(got: float, want: float, approx: bool) -> bool:
    if approx:
        return abs(got - want) <= APPROX_TOLERANCE * abs(want)
    return got == want


# --------------------------------------------------------------------------- facts


def atoms_of(fact: Fact) -> list[tuple[Any, ...]]:
    """The scored atoms a store fact states (none for facts the rules do not score)."""
    person = normalize(fact.subject)
    value = fact.value
    if fact.kind == "creator":
        return [("creator", normalize(str(value)))]
    if fact.kind == "premiered":
        return [("premiered", value)]
    if fact.kind == "status":
        match = _RENEWED.search(str(value))
        return [("renewal", int(match[1]))] if match else []
    if fact.kind == "season_status":
        return [("renewal", fact.season)] if value == "announced" else []
    if fact.kind == "cast":
        return [("cast", person)]
    if fact.kind == "character":
        return [("character", person, value)]
    if fact.kind == "role":
        return [("role", person, normalize(str(value)))]
    if fact.kind == "known_for":
        return [("known_for", person, normalize(str(value)))]
    if fact.kind in ("season_premiere", "episode_count"):
        return [(fact.kind, fact.season, value)]
    if fact.kind == "stat":
        return [("stat", fact.subject, value, fact.season)]
    return []


def matches(atom: tuple[Any, ...], truth: Truth) -> bool:
    """Whether an extracted atom is stated by the truth."""
    kind = atom[0]
    if kind in ("creator", "cast"):
        return atom[1] in (truth.creators if kind == "creator" else truth.cast)
    if kind == "premiered":
        return truth.premiered is not None and same_date(atom[1], truth.premiered)
    if kind == "renewal":
        return atom[1] in truth.renewed
    if kind == "character":
        person = truth.cast.get(atom[1])
        return person is not None and _same_character(atom[2], person)
    if kind == "role":
        return (atom[1], atom[2]) in truth.roles
    if kind == "known_for":
        return (atom[1], atom[2]) in truth.known_for
    if kind in ("season_premiere", "episode_count"):
        season = truth.seasons.get(atom[1])
        if season is None:
            return False
        if kind == "episode_count":
            return season.get("episode_count") == atom[2]
        return bool(season.get("premiere")) and same_date(atom[2], season["premiere"])
    if kind == "stat":
        _, metric, value, season = atom
        return any(
            s["metric"] == metric
            and s.get("season") == season
            and _same_value(value, s["value"], bool(s.get("approx")))
            for s in truth.stats
        )
    return False


def holds(truth_atom: tuple[Any, ...], atoms: Iterable[tuple[Any, ...]], truth: Truth) -> bool:
    """Whether some extracted atom states the truth atom."""
    kind = truth_atom[0]
    for atom in atoms:
        if atom[0] != kind:
            continue
        if kind in ("creator", "cast", "renewal") and atom[1] == truth_atom[1]:
            return True
        if kind == "premiered" and same_date(atom[1], truth_atom[1]):
            return True
        if kind == "character" and atom[1] == truth_atom[1]:
            if _same_character(atom[2], truth.cast[atom[1]]) and normalize(truth_atom[2]) in (
                normalize(truth.cast[atom[1]]["character"]),
            ):
                return True
        if kind in ("role", "known_for") and atom[1:] == truth_atom[1:]:
            return True
        if kind == "season_premiere" and atom[1] == truth_atom[1]:
            if same_date(atom[2], truth_atom[2]):
                return True
        if kind == "episode_count" and atom[1:] == truth_atom[1:]:
            return True
        if kind == "stat":
            _, metric, value, season, approx = truth_atom
            if atom[1] == metric and atom[3] == season and _same_value(atom[2], value, approx):
                return True
    return False


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    """One article's result."""

    name: str
    right: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    new_truth: int = 0
    found: int = 0
    missed: list[str] = field(default_factory=list)
    refused: str | None = None

    @property
    def changes(self) -> int:
        return len(self.right) + len(self.wrong)


def _catalog(folder: str) -> Catalog:
    """The store as ``export --format json`` prints it, read back as records."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--data-dir", folder, "export", "--format", "json"])
    if status != 0:
        raise RuntimeError("export failed")
    return catalog_from_export(json.loads(out.getvalue()))


def catalog_from_export(data: dict[str, Any]) -> Catalog:
    """The records an export states (the fields the scorer reads)."""
    show = data.get("show")
    people: dict[str, Person] = {}
    for row in [*data["cast"], *data["crew"]]:
        known = people.get(row["name"])
        people[row["name"]] = Person(
            row["name"],
            known_for=tuple(
                dict.fromkeys([*(known.known_for if known else ()), *row["known_for"]])
            ),
            sources=tuple(row.get("sources") or ()),
        )
    return Catalog(
        show=show
        and Show(
            show["title"],
            network=show["network"],
            creators=tuple(show["creators"]),
            premiered=show["premiered"],
            status=show["status"],
            sources=tuple(show.get("sources") or ()),
        ),
        people=tuple(people.values()),
        cast=tuple(
            CastCredit(r["name"], r["character"], r["billing"], sources=tuple(r["sources"]))
            for r in data["cast"]
        ),
        crew=tuple(
            CrewCredit(r["name"], tuple(r["roles"]), sources=tuple(r.get("sources") or ()))
            for r in data["crew"]
        ),
        seasons=tuple(
            Season(
                s["number"],
                s.get("episode_count"),
                s.get("status"),
                s.get("premiere"),
                sources=tuple(s.get("sources") or ()),
            )
            for s in data.get("seasons") or []
        ),
        stats=tuple(
            Stat(s["metric"], s["value"], s["period"], s["scope"], s["season"], tuple(s["sources"]))
            for s in data["stats"]
        ),
    )


def score_article(article: Path, truth_path: Path) -> Score:
    """Ingest one article into a fresh seeded store and score what changed."""
    truth = Truth.load(truth_path)
    score = Score(article.stem)
    with tempfile.TemporaryDirectory(prefix="fidelity-") as folder:
        out, err = io.StringIO(), io.StringIO()
        before = _catalog(folder)  # with no store yet: what the shipped article gives
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["--data-dir", folder, "ingest", "--yes", str(article)])
        if status != 0:
            score.refused = err.getvalue().strip().splitlines()[-1]
        after = _catalog(folder)
    changes = compare(before, after)
    for fact in [*changes.added, *(new for _, new in changes.changed)]:
        for atom in atoms_of(fact):
            ok = truth.about and matches(atom, truth)
            (score.right if ok else score.wrong).append(f"{fact.describe()}")
    for fact in changes.removed:
        if atoms_of(fact):
            score.wrong.append(f"removed {fact.describe()}")
    if truth.about:
        shipped = [a for fact in _facts(before) for a in atoms_of(fact)]
        held = [a for fact in _facts(after) for a in atoms_of(fact)]
        for atom in truth.atoms():
            if holds(atom, shipped, truth):
                continue
            score.new_truth += 1
            if holds(atom, held, truth):
                score.found += 1
            else:
                score.missed.append(" ".join(str(part) for part in atom))
    return score


def _facts(catalog: Catalog) -> list[Fact]:
    from diplomat_tui.changes import facts

    return list(facts(catalog).values())


def articles_with_truth(folder: Path) -> list[tuple[Path, Path]]:
    """The articles of ``folder`` that have a truth file beside them."""
    return [
        (text, text.with_suffix(".truth.json"))
        for text in sorted(folder.glob("*.txt"))
        if text.with_suffix(".truth.json").exists()
    ]


def score_corpus(folder: Path = ARTICLES) -> list[Score]:
    """Every article of ``folder`` with truth, scored."""
    return [score_article(text, truth) for text, truth in articles_with_truth(folder)]


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def totals(scores: list[Score]) -> tuple[int, int, int, int]:
    """(right changes, all changes, truth facts found, new truth facts)."""
    return (
        sum(len(s.right) for s in scores),
        sum(s.changes for s in scores),
        sum(s.found for s in scores),
        sum(s.new_truth for s in scores),
    )


def report(scores: list[Score], *, verbose: bool) -> str:
    """The table printed by ``make fidelity``."""
    lines = [f"{'article':<40} {'precision':>13} {'new-fact recall':>17}"]
    for s in scores:
        precision = f"{ratio(len(s.right), s.changes):6.0%} {len(s.right):>2}/{s.changes:<3}"
        recall = f"{ratio(s.found, s.new_truth):6.0%} {s.found:>3}/{s.new_truth:<3}"
        lines.append(f"{s.name:<40} {precision:>13} {recall:>17}")
        if s.refused:
            lines.append(f"    refused: {s.refused}")
        if verbose:
            lines += [f"    WRONG {w}" for w in s.wrong]
            lines += [f"    missed {m}" for m in s.missed]
    right, changes, found, new = totals(scores)
    lines.append(
        f"{'overall (' + str(len(scores)) + ' articles)':<40} "
        f"{ratio(right, changes):6.1%} {right:>3}/{changes:<3} "
        f"{ratio(found, new):6.1%} {found:>3}/{new:<3}"
    )
    return "\n".join(lines)


def main_cli(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ARTICLES)
    parser.add_argument("--verbose", "-v", action="store_true", help="list wrong and missed facts")
    args = parser.parse_args(argv)
    print(report(score_corpus(args.folder), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main_cli())
