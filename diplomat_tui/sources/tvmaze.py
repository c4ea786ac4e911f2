"""TVmaze (https://www.tvmaze.com/api): the show, its episodes, seasons, cast and crew.

A show's data comes in one request, ``/shows/{id}`` with ``embed[]`` for the episodes,
seasons, cast and crew: the show object plus an ``_embedded`` object holding each list
in the format of its own endpoint (``/shows/{id}/episodes``...), read by the same
parsers. So a show has one Source record (``tvmaze:/shows/{id}``) and costs one request,
none within the hour TVmaze's answers stay fresh (``max-age=3600``, HTTP cache).

Several series are called "The Diplomat". The first refresh searches TVmaze and keeps
the one that matches what the store already knows: its network or web channel and its
premiere day pick it; only when several match does the creator break the tie (TVmaze's
crew lists are community-edited and often have no "Creator" row, so the creator never
vetoes a single match). The data of the shows that match is fetched at once (one request
each), so it costs two round trips. The id is remembered in ``Show.tvmaze_id`` and later
refreshes skip the search; a remembered id that answers 404 (TVmaze merges shows) leads
to a new search.

The answers are taken as TVmaze really sends them: "TBA" is the title of an announced
episode, not a title; airdates, runtimes, summaries, images and premieres may be null;
one person may play two characters (two cast credits). Image references are kept as
absolute http(s) URLs (``medium``, else ``original``); a bad one is dropped, never an
error. Every record is then checked by the store's own record checks
(:func:`~diplomat_tui.sources.checked`), so what a refresh brings the store can read back.
Summaries arrive as HTML and pass through :func:`~diplomat_tui.sources.html_text.html_to_text`;
every other string through :func:`~diplomat_tui.sanitize.clean_line`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import urlencode, urlsplit

from diplomat_tui.errors import SourceError
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
from diplomat_tui.sources import Origin, SourceResult, checked
from diplomat_tui.sources.html_text import html_to_text
from diplomat_tui.sources.http import HttpClient, HttpStatusError, Request, gather_all

NAME = "TVmaze"
URL_SETTING = "tvmaze_url"  # the Settings field holding its base URL
EMBEDDED = ("episodes", "seasons", "cast", "crew")  # the lists embedded in the show's answer
PLACEHOLDER_TITLES = frozenset({"tba", "tbd"})  # TVmaze's titles for announced episodes
_YEAR = re.compile(r"\b(\d{4})\b")


@dataclass(frozen=True)
class Candidate:
    """A show found by the TVmaze search."""

    id: int
    title: str
    channels: tuple[str, ...]  # its network's and web channel's names (none, one or both)
    premiered: str | None

    def describe(self) -> str:
        """``The Diplomat (2009, Network Ten)``, for messages."""
        year = (self.premiered or "")[:4] or "?"
        return f"{self.title} ({year}, {' / '.join(self.channels) or 'no network'})"


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


def _channels(show: dict[str, Any], origin: Origin) -> tuple[str, ...]:
    """The network's name and the web channel's (Netflix is a web channel), those set."""
    names = []
    for key in ("network", "webChannel"):
        name = _text(_obj(show.get(key), origin, key).get("name"), origin, f"{key} name")
        if name:
            names.append(name)
    return tuple(names)


def _title(value: Any, origin: Origin, what: str) -> str | None:
    """A title, or None for null, blank and TVmaze's placeholders ("TBA")."""
    text = _text(value, origin, what)
    return None if text is None or normalize(text) in PLACEHOLDER_TITLES else text


def _image(value: Any) -> str | None:
    """An ``{"medium", "original"}`` image's URL: ``medium`` if usable, else ``original``.

    Only absolute http(s) URLs without spaces or control characters are kept; anything
    else is no image (a picture never fails a refresh).
    """
    if not isinstance(value, dict):
        return None
    for size in ("medium", "original"):
        url = value.get(size)
        if isinstance(url, str) and _web_url(url):
            return url
    return None


def _web_url(url: str) -> bool:
    if len(url) > 2000 or not url.isascii() or not url.isprintable() or " " in url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _person(item: dict[str, Any], origin: Origin, source_id: str) -> Person | None:
    """The ``person`` object of a cast or crew credit (None if it has no name)."""
    person = _obj(item.get("person"), origin, "person")
    name = _text(person.get("name"), origin, "name")
    if not name:
        return None
    tvmaze_id = person.get("id")
    return Person(
        name=name,
        sources=(source_id,),
        tvmaze_id=tvmaze_id if type(tvmaze_id) is int and tvmaze_id > 0 else None,
        image=_image(person.get("image")),
    )


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
                channels=_channels(show, origin),
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
    channels = _channels(show, origin)
    return Show(
        title=title,
        network=channels[0] if channels else None,
        premiered=_date(show.get("premiered"), origin, "premiered"),
        status=_text(show.get("status"), origin, "status"),
        description=_html(show.get("summary"), origin, "summary"),
        tvmaze_id=_show_id(show, origin),
        sources=(source_id,),
        image=_image(show.get("image")),
    )


def parse_episodes(value: Any, origin: Origin, source_id: str) -> tuple[Episode, ...]:
    """Numbered episodes of the ``/shows/{id}/episodes`` list (specials are skipped).

    An announced episode's placeholder title ("TBA") is no title.
    """
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
                title=_title(item.get("name"), origin, "episode name"),
                airdate=_date(item.get("airdate"), origin, "airdate"),
                runtime=runtime if runtime and runtime > 0 else None,
                summary=_html(item.get("summary"), origin, "episode summary"),
                sources=(source_id,),
                image=_image(item.get("image")),
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
    """The ``/shows/{id}/cast`` list: main cast in billing order, person and character.

    A person playing two characters has two credits (keyed by person and character).
    """
    people: list[Person] = []
    credits: dict[str, CastCredit] = {}
    for item in _items(value, origin, "cast credits"):
        person = _person(item, origin, source_id)
        if person is None:
            continue
        character = _obj(item.get("character"), origin, "character")
        credit = CastCredit(
            person=person.name,
            character=_text(character.get("name"), origin, "character name"),
            billing="main",
            order=len(credits),
            sources=(source_id,),
            character_image=_image(character.get("image")),
        )
        people.append(person)
        credits.setdefault(credit.key, credit)
    return Catalog(people=_unique_people(people), cast=tuple(credits.values()))


def parse_crew(value: Any, origin: Origin, source_id: str) -> Catalog:
    """The ``/shows/{id}/crew`` list: one credit per person with all their roles (lowercased)."""
    roles: dict[str, list[str]] = {}
    people: dict[str, Person] = {}
    for item in _items(value, origin, "crew credits"):
        person = _person(item, origin, source_id)
        role = _text(item.get("type"), origin, "crew type")
        if person is None or not role:
            continue
        key = normalize(person.name)
        people.setdefault(key, person)
        if role.lower() not in roles.setdefault(key, []):
            roles[key].append(role.lower())
    return Catalog(
        people=tuple(people.values()),
        crew=tuple(
            CrewCredit(
                person=person.name, roles=tuple(roles[key]), order=order, sources=(source_id,)
            )
            for order, (key, person) in enumerate(people.items())
        ),
    )


def _unique_people(people: list[Person]) -> tuple[Person, ...]:
    """One record per person (names compared normalized): the first one's name, and the
    first TVmaze id and picture given."""
    unique: dict[str, Person] = {}
    for person in people:
        key = normalize(person.name)
        seen = unique.get(key)
        unique[key] = (
            person
            if seen is None
            else replace(
                seen, tvmaze_id=seen.tvmaze_id or person.tvmaze_id, image=seen.image or person.image
            )
        )
    return tuple(unique.values())


def creators(crew: Catalog) -> tuple[str, ...]:
    """The people credited as creator."""
    return tuple(credit.person for credit in crew.crew if "creator" in credit.roles)


def parse_show_with_embeds(data: bytes, origin: Origin, source_id: str, today: date) -> Catalog:
    """A ``/shows/{id}?embed[]=...`` answer: the show, its episodes, seasons, cast and crew.

    Each ``_embedded`` list is read by the parser of its own endpoint, and an error in it
    (a record the store's checks refuse included) names it (``TVmaze show
    _embedded.cast: ...``). The show's creators are the people the crew credits as creator.
    """
    answer = _obj(load_json(data, origin), origin, "the answer")
    embedded = _embedded(answer, origin)

    def part(name: str) -> tuple[Any, Origin]:
        return embedded[name], Origin(f"{origin.name} _embedded.{name}", origin.url)

    def parsed(name: str, facts: Catalog) -> Catalog:
        return checked(facts, part(name)[1])

    crew = parsed("crew", parse_crew(*part("crew"), source_id))
    cast = parsed("cast", parse_cast(*part("cast"), source_id))
    show = replace(parse_show(answer, origin, source_id), creators=creators(crew))
    episodes = parsed("episodes", Catalog(episodes=parse_episodes(*part("episodes"), source_id)))
    seasons = parse_seasons(*part("seasons"), source_id, today)
    return Catalog(
        show=checked(Catalog(show=show), origin).show,
        people=_unique_people([*cast.people, *crew.people]),
        cast=cast.cast,
        crew=crew.crew,
        episodes=episodes.episodes,
        seasons=parsed("seasons", Catalog(seasons=seasons)).seasons,
    )


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
    """Candidates whose title, network (or web channel) and premiere day agree with the store."""
    network = normalize(known.network or "")
    return tuple(
        c
        for c in candidates
        if normalize(c.title) == normalize(known.title)
        and (not network or network in {normalize(name) for name in c.channels})
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

    Network (or web channel) and premiere day pick the show. If several agree, their data
    is fetched in full, concurrently (one request each), and the creator, checked on the
    crew of that same batch, breaks the tie: two round trips. Raises SourceError if not
    exactly one show is left.
    """
    query = urlencode({"q": known.title})
    request = Request(NAME, "search", _url(base_url, f"/search/shows?{query}"))
    found = parse_search((await http.get(request)).body, request.origin)
    candidates = matching_candidates(found, known)
    picked: list[tuple[Candidate, SourceResult]] = []
    if len(candidates) == 1 or (candidates and known.creators):
        results = await _fetch_candidates(http, base_url, candidates, known, today)
        picked = list(zip(candidates, results, strict=True))
        if len(picked) > 1:
            picked = [(show, got) for show, got in picked if has_creator(got.catalog, known)]
    if len(picked) == 1:
        show, result = picked[0]
        http.report(NAME, f"search: picked {show.describe()}, TVmaze id {show.id}")
        return result
    raise _no_single_match(request, found, candidates, tuple(show for show, _ in picked), known)


async def _fetch_candidates(
    http: HttpClient, base_url: str, candidates: tuple[Candidate, ...], known: Show, today: date
) -> list[SourceResult]:
    """Every candidate's data, all at once, each answer in full.

    Nothing is stored yet for a show not picked. With several candidates, each label
    names its show.
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
    request: Request,
    found: tuple[Candidate, ...],
    candidates: tuple[Candidate, ...],
    with_creator: tuple[Candidate, ...],
    known: Show,
) -> SourceError:
    """The refusal: none of the shows found matches, or several do and the creator does
    not tell them apart."""
    wanted = f"the shows TVmaze found for {known.title!r}"
    knows = f"what the store knows ({_what_is_known(known)})"
    if not candidates:
        problem, shows = f"none of {wanted} matches {knows}; found", found
    elif known.creators:
        credited = f"{len(with_creator)} of them credit" if with_creator else "none credits"
        problem = (
            f"{len(candidates)} of {wanted} match {knows} and {credited} "
            f"{', '.join(known.creators)} as creator"
        )
        shows = with_creator or candidates
    else:
        problem = f"{len(candidates)} of {wanted} match {knows}, cannot tell which"
        shows = candidates
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

    The store's title is kept over TVmaze's; if the answer is the version the store
    holds, only the id is new.
    """
    answer = await http.get(request)
    if answer.unchanged:
        return SourceResult(catalog=Catalog(show=Show(known.title, tvmaze_id=show_id)), unchanged=1)
    sid = show_source_id(show_id)
    facts = parse_show_with_embeds(answer.body, request.origin, sid, today)
    title = f"TVmaze: {known.title}, with episodes, seasons, cast and crew"
    record = answer.source(id=sid, kind="tvmaze", title=title)
    show = replace(facts.show, title=known.title) if facts.show else None
    return SourceResult(catalog=replace(facts, show=show, sources=(record,)))


async def fetch(
    http: HttpClient, base_url: str, current: Catalog, today: date | None = None
) -> SourceResult:
    """Everything TVmaze knows about the store's show, in one request once its id is known.

    A remembered id that answers 404 (the show was merged into another) is searched again.
    ``today`` (default: today) tells an announced season from one that has aired.
    """
    today = today or date.today()
    known = Origin(NAME, base_url).show_in(current)
    result = None
    if known.tvmaze_id:
        request = _request(base_url, known.tvmaze_id, current)
        try:
            result = await _fetch_show(http, request, known.tvmaze_id, known, today)
        except HttpStatusError as error:
            if error.status != HTTPStatus.NOT_FOUND:
                raise
            http.report(NAME, f"show: TVmaze id {known.tvmaze_id} is gone (404), searching again")
    if result is None:
        result = await find_show(http, base_url, replace(known, tvmaze_id=None), today)
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
