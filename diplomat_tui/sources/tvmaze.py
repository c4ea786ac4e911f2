"""TVmaze (https://www.tvmaze.com/api): the show, its episodes, seasons, cast and crew.

A show's data comes in one request, ``/shows/{id}`` with ``embed[]`` for the episodes,
seasons, cast and crew: the show object plus an ``_embedded`` object holding each list
in the format of its own endpoint (``/shows/{id}/episodes``...), read by the same
parsers. So a show has one Source record (``tvmaze:/shows/{id}``) and, when nothing
changed, costs one 304.

Several series are called "The Diplomat". The first refresh searches TVmaze and keeps
the one that matches what the store already knows (network, premiere day, creator):
the data of the shows matching network and premiere day is fetched at once (one request
each), and the creator is checked on the crew so fetched, so it costs two round trips.
The id is remembered in ``Show.tvmaze_id`` and later refreshes skip the search.
Summaries arrive as HTML and pass through :func:`~diplomat_tui.sources.html_text.html_to_text`;
every other string through :func:`~diplomat_tui.sanitize.clean_line`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from diplomat_tui.errors import SourceError
from diplomat_tui.merge import merge_catalogs
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    CrewCredit,
    Episode,
    Person,
    Season,
    Show,
    normalize,
)
from diplomat_tui.sanitize import clean_line
from diplomat_tui.sources import Origin, SourceResult
from diplomat_tui.sources.html_text import html_to_text
from diplomat_tui.sources.http import HttpClient, Request, gather_all

NAME = "TVmaze"
EMBEDDED = ("episodes", "seasons", "cast", "crew")  # the lists embedded in the show's answer
_YEAR = re.compile(r"\b(\d{4})\b")


@dataclass(frozen=True)
class Candidate:
    """A show found by the TVmaze search."""

    id: int
    title: str
    network: str | None
    premiered: str | None

    def describe(self) -> str:
        """``The Diplomat (2009, Network Ten)``, for messages."""
        year = (self.premiered or "")[:4] or "?"
        return f"{self.title} ({year}, {self.network or 'no network'})"


# -- JSON shape checks -----------------------------------------------------------------


def load_json(data: bytes, origin: Origin) -> Any:
    """Decode a JSON body, or raise a SourceError saying why not."""
    try:
        return json.loads(data)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        reason = str(error).splitlines()[0][:80] if str(error) else type(error).__name__
        raise origin.error(f"not valid JSON ({reason})") from None


def _items(value: Any, origin: Origin, what: str) -> list[dict[str, Any]]:
    """A JSON list of objects."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise origin.error(f"expected a list of {what}")
    return value


def _obj(value: Any, origin: Origin, what: str) -> dict[str, Any]:
    """A JSON object (null becomes empty)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise origin.error(f"{what} is not an object")
    return value


def _int(value: Any, origin: Origin, what: str) -> int | None:
    """An integer or null (JSON booleans are not numbers here)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise origin.error(f"{what} is not a whole number")
    return value


def _text(value: Any, origin: Origin, what: str) -> str | None:
    """A one-line sanitized string, or None for null and blank."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise origin.error(f"{what} is not a string")
    return clean_line(value) or None


def _html(value: Any, origin: Origin, what: str) -> str | None:
    """An HTML summary as plain sanitized text, or None."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise origin.error(f"{what} is not a string")
    return html_to_text(value) or None


def _date(value: Any, origin: Origin, what: str) -> str | None:
    """An ISO date (``2023-04-20``) or None."""
    text = _text(value, origin, what)
    if text is None:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise origin.error(f"{what} is not a date: {text[:40]!r}") from None


def _channel(show: dict[str, Any], origin: Origin) -> str | None:
    """The network's name, else the web channel's (Netflix is a web channel)."""
    for key in ("network", "webChannel"):
        name = _text(_obj(show.get(key), origin, key).get("name"), origin, f"{key} name")
        if name:
            return name
    return None


def _show_id(show: dict[str, Any], origin: Origin) -> int:
    show_id = _int(show.get("id"), origin, "show id")
    if show_id is None or show_id <= 0:
        raise origin.error("a show has no id")
    return show_id


# -- parsers (pure: bytes in, records out) ---------------------------------------------


def parse_search(data: bytes, origin: Origin) -> tuple[Candidate, ...]:
    """The shows of a ``/search/shows`` answer (``[{"score", "show"}]``)."""
    candidates = []
    for item in _items(load_json(data, origin), origin, "search results"):
        show = _obj(item.get("show"), origin, "show")
        candidates.append(
            Candidate(
                id=_show_id(show, origin),
                title=_text(show.get("name"), origin, "show name") or "",
                network=_channel(show, origin),
                premiered=_date(show.get("premiered"), origin, "premiered"),
            )
        )
    return tuple(candidates)


def parse_show(value: Any, origin: Origin, source_id: str) -> Show:
    """The ``/shows/{id}`` object as a Show (TVmaze's summary goes to ``description``)."""
    show = _obj(value, origin, "the show")
    title = _text(show.get("name"), origin, "show name")
    if not title:
        raise origin.error("the show has no name")
    return Show(
        title=title,
        network=_channel(show, origin),
        premiered=_date(show.get("premiered"), origin, "premiered"),
        status=_text(show.get("status"), origin, "status"),
        description=_html(show.get("summary"), origin, "summary"),
        tvmaze_id=_show_id(show, origin),
        sources=(source_id,),
    )


def parse_episodes(value: Any, origin: Origin, source_id: str) -> tuple[Episode, ...]:
    """Numbered episodes of the ``/shows/{id}/episodes`` list (specials are skipped)."""
    episodes = []
    for item in _items(value, origin, "episodes"):
        season = _int(item.get("season"), origin, "episode season")
        number = _int(item.get("number"), origin, "episode number")
        if season is None or number is None:
            continue
        runtime = _int(item.get("runtime"), origin, "episode runtime")
        episodes.append(
            Episode(
                season=season,
                number=number,
                title=_text(item.get("name"), origin, "episode name"),
                airdate=_date(item.get("airdate"), origin, "airdate"),
                runtime=runtime if runtime and runtime > 0 else None,
                summary=_html(item.get("summary"), origin, "episode summary"),
                sources=(source_id,),
            )
        )
    return tuple(episodes)


def season_status(premiere: str | None, end: str | None, today: date) -> str:
    """``announced`` before its premiere, ``aired`` after its end, ``airing`` between."""
    if premiere is None or date.fromisoformat(premiere) > today:
        return "announced"
    if end is not None and date.fromisoformat(end) < today:
        return "aired"
    return "airing"


def parse_seasons(value: Any, origin: Origin, source_id: str, today: date) -> tuple[Season, ...]:
    """The ``/shows/{id}/seasons`` list, with episode counts and a status from the dates."""
    seasons = []
    for item in _items(value, origin, "seasons"):
        number = _int(item.get("number"), origin, "season number")
        if number is None:
            raise origin.error("a season has no number")
        premiere = _date(item.get("premiereDate"), origin, "premiereDate")
        end = _date(item.get("endDate"), origin, "endDate")
        seasons.append(
            Season(
                number=number,
                episode_count=_int(item.get("episodeOrder"), origin, "episodeOrder"),
                status=season_status(premiere, end, today),
                premiere=premiere,
                sources=(source_id,),
            )
        )
    return tuple(seasons)


def parse_cast(value: Any, origin: Origin, source_id: str) -> Catalog:
    """The ``/shows/{id}/cast`` list: main cast in billing order, person and character."""
    people: list[Person] = []
    credits: list[CastCredit] = []
    for item in _items(value, origin, "cast credits"):
        person = _text(_obj(item.get("person"), origin, "person").get("name"), origin, "name")
        if not person:
            continue
        character = _obj(item.get("character"), origin, "character").get("name")
        people.append(Person(name=person, sources=(source_id,)))
        credits.append(
            CastCredit(
                person=person,
                character=_text(character, origin, "character name"),
                billing="main",
                order=len(credits),
                sources=(source_id,),
            )
        )
    return merge_catalogs(Catalog(), Catalog(people=tuple(people), cast=tuple(credits)))


def parse_crew(value: Any, origin: Origin, source_id: str) -> Catalog:
    """The ``/shows/{id}/crew`` list: one credit per person with all their roles (lowercased)."""
    roles: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for item in _items(value, origin, "crew credits"):
        person = _text(_obj(item.get("person"), origin, "person").get("name"), origin, "name")
        role = _text(item.get("type"), origin, "crew type")
        if not person or not role:
            continue
        key = normalize(person)
        names.setdefault(key, person)
        if role.lower() not in roles.setdefault(key, []):
            roles[key].append(role.lower())
    return Catalog(
        people=tuple(Person(name=names[key], sources=(source_id,)) for key in names),
        crew=tuple(
            CrewCredit(
                person=names[key], roles=tuple(roles[key]), order=order, sources=(source_id,)
            )
            for order, key in enumerate(names)
        ),
    )


def creators(crew: Catalog) -> tuple[str, ...]:
    """The people credited as creator."""
    return tuple(credit.person for credit in crew.crew if "creator" in credit.roles)


def parse_show_with_embeds(data: bytes, origin: Origin, source_id: str, today: date) -> Catalog:
    """A ``/shows/{id}?embed[]=...`` answer: the show, its episodes, seasons, cast and crew.

    Each ``_embedded`` list is read by the parser of its own endpoint, and an error in it
    names it (``TVmaze show _embedded.cast: ...``). The show's creators are the people
    the crew credits as creator.
    """
    answer = _obj(load_json(data, origin), origin, "the answer")
    embedded = _embedded(answer, origin)

    def part(name: str) -> tuple[Any, Origin]:
        return embedded[name], Origin(f"{origin.name} _embedded.{name}", origin.url)

    crew = parse_crew(*part("crew"), source_id)
    show = replace(parse_show(answer, origin, source_id), creators=creators(crew))
    facts = Catalog(
        show=show,
        episodes=parse_episodes(*part("episodes"), source_id),
        seasons=parse_seasons(*part("seasons"), source_id, today),
    )
    return merge_catalogs(merge_catalogs(facts, parse_cast(*part("cast"), source_id)), crew)


def _embedded(answer: dict[str, Any], origin: Origin) -> dict[str, Any]:
    """The answer's ``_embedded`` object, checked to hold every list asked for."""
    embedded = answer.get("_embedded")
    if embedded is None:
        raise origin.error(f"the answer has no _embedded object (for {', '.join(EMBEDDED)})")
    if not isinstance(embedded, dict):
        raise origin.error("_embedded is not an object")
    missing = [name for name in EMBEDDED if name not in embedded]
    if missing:
        raise origin.error(f"_embedded has no {', '.join(missing)}")
    return embedded


# -- picking the right "The Diplomat" --------------------------------------------------


def _month_day(text: str | None) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) from ``2023-04-20``, ``April 20`` or ``April 20, 2023``."""
    if not text:
        return None
    text = text.strip()
    try:
        iso = date.fromisoformat(text)
        return iso.month, iso.day, iso.year
    except ValueError:
        pass
    year_match = _YEAR.search(text)
    bare = _YEAR.sub("", text).replace(",", " ").strip()
    for pattern in ("%B %d", "%d %B", "%b %d", "%d %b"):
        try:
            parsed = datetime.strptime(" ".join(bare.split()), pattern)
        except ValueError:
            continue
        return parsed.month, parsed.day, int(year_match.group(1)) if year_match else None
    return None


def _same_premiere(known: str | None, candidate: str | None) -> bool:
    """Same month and day (and year, when the store knows it)."""
    want, have = _month_day(known), _month_day(candidate)
    if want is None:
        return True
    if have is None:
        return False
    return want[:2] == have[:2] and (want[2] is None or want[2] == have[2])


def matching_candidates(candidates: tuple[Candidate, ...], known: Show) -> tuple[Candidate, ...]:
    """Candidates whose title, network and premiere day agree with what the store knows."""
    return tuple(
        c
        for c in candidates
        if normalize(c.title) == normalize(known.title)
        and (not known.network or normalize(c.network or "") == normalize(known.network))
        and _same_premiere(known.premiered, c.premiered)
    )


def has_creator(crew: Catalog, known: Show) -> bool:
    """Whether the crew names one of the store's creators as creator (True if none known)."""
    if not known.creators:
        return True
    wanted = {normalize(name) for name in known.creators}
    return any(normalize(name) in wanted for name in creators(crew))


def _what_is_known(known: Show) -> str:
    facts = [f"network {known.network}" if known.network else ""]
    facts.append(f"premiered {known.premiered}" if known.premiered else "")
    facts.append(f"created by {', '.join(known.creators)}" if known.creators else "")
    return "; ".join(fact for fact in facts if fact) or "its title"


# -- fetching --------------------------------------------------------------------------


def _url(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def show_path(show_id: int) -> str:
    """``/shows/123?embed[]=episodes&...``: the show with its episodes, seasons, cast, crew."""
    return f"/shows/{show_id}?" + "&".join(f"embed[]={name}" for name in EMBEDDED)


def show_source_id(show_id: int) -> str:
    """``tvmaze:/shows/123``: the one Source record of a show's data."""
    return f"tvmaze:/shows/{show_id}"


async def find_show(http: HttpClient, base_url: str, known: Show, today: date) -> SourceResult:
    """Search TVmaze for the store's show; the data of the one that matches.

    The candidates that agree with the store on network and premiere day are fetched
    in full, concurrently (one request each), and the creator is checked on the crew of
    that same batch: two round trips. Several candidates are fetched only if a creator
    can tell them apart. Raises SourceError if not exactly one show matches.
    """
    query = urlencode({"q": known.title})
    request = Request(NAME, "search", _url(base_url, f"/search/shows?{query}"))
    found = parse_search((await http.get(request)).body, request.origin)
    candidates = matching_candidates(found, known)
    if len(candidates) == 1 or (candidates and known.creators):
        results = await _fetch_candidates(http, base_url, candidates, known, today)
        picked = [
            (show, result)
            for show, result in zip(candidates, results, strict=True)
            if has_creator(result.catalog, known)
        ]
        if len(picked) == 1:
            show, result = picked[0]
            http.report(NAME, f"search: picked {show.describe()}, TVmaze id {show.id}")
            return result
        candidates = tuple(show for show, _ in picked)
    raise _no_single_match(request, found, candidates, known)


async def _fetch_candidates(
    http: HttpClient, base_url: str, candidates: tuple[Candidate, ...], known: Show, today: date
) -> list[SourceResult]:
    """Every candidate's data, all at once, each answer in full.

    Nothing is stored yet for a show not picked, and the creator check needs the crew
    itself, not a 304. With several candidates, each label names its show.
    """
    several = len(candidates) > 1
    return await gather_all(
        *(
            _fetch_show(
                http,
                _request(base_url, c.id, Catalog(), f"show {c.id}" if several else "show"),
                c.id,
                known,
                today,
            )
            for c in candidates
        )
    )


def _no_single_match(
    request: Request, found: tuple[Candidate, ...], candidates: tuple[Candidate, ...], known: Show
) -> SourceError:
    """The refusal: none of the shows found matches, or several do."""
    wanted = f"the shows TVmaze found for {known.title!r}"
    knows = f"what the store knows ({_what_is_known(known)})"
    if candidates:
        problem = f"{len(candidates)} of {wanted} match {knows}, cannot tell which"
        shows = candidates
    else:
        problem, shows = f"none of {wanted} matches {knows}; found", found
    listed = ", ".join(c.describe() for c in shows) or "nothing"
    return request.origin.error(f"{problem}: {listed}; nothing was changed")


def _request(base_url: str, show_id: int, current: Catalog, label: str = "show") -> Request:
    """The one request for a show's data, conditional on the answer ``current`` stores.

    The stored validators are sent only if they were given for this very URL: a store from
    before the embedded answer has a record of the same id for the bare ``/shows/{id}``.
    """
    url = _url(base_url, show_path(show_id))
    stored = current.source(show_source_id(show_id))
    return Request(NAME, label, url, previous=stored if stored and stored.url == url else None)


async def _fetch_show(
    http: HttpClient, request: Request, show_id: int, known: Show, today: date
) -> SourceResult:
    """The answer to a show's :func:`_request`, parsed, with its Source record.

    The store's title is kept over TVmaze's; on a 304 only the id is new.
    """
    answer = await http.get(request)
    ours = Catalog(show=Show(title=known.title, tvmaze_id=show_id))
    if answer.unchanged:
        return SourceResult(catalog=ours, unchanged=1)
    sid = show_source_id(show_id)
    facts = parse_show_with_embeds(answer.body, request.origin, sid, today)
    title = f"TVmaze: {known.title}, with episodes, seasons, cast and crew"
    record = answer.source(id=sid, kind="tvmaze", title=title)
    return SourceResult(catalog=merge_catalogs(facts, replace(ours, sources=(record,))))


async def fetch(http: HttpClient, base_url: str, current: Catalog, today: date) -> SourceResult:
    """Everything TVmaze knows about the store's show, in one request once its id is known."""
    known = Origin(NAME, base_url).show_in(current)
    if known.tvmaze_id:
        request = _request(base_url, known.tvmaze_id, current)
        result = await _fetch_show(http, request, known.tvmaze_id, known, today)
    else:
        result = await find_show(http, base_url, known, today)
    http.report(NAME, _counts(result))
    return result


def _counts(result: SourceResult) -> str:
    if result.unchanged:
        return "unchanged since the last refresh"
    catalog = result.catalog
    return (
        f"{len(catalog.episodes)} episodes, {len(catalog.seasons)} seasons, "
        f"{len(catalog.cast)} cast, {len(catalog.crew)} crew"
    )
