"""Facts from an entertainment press article about a series, found by rules.

Nothing here knows any show: the rules read the language such articles are written in.
:func:`extract` is the one entry point; the stages are one module each:

* :mod:`.reading`: the file's bytes checked (size, BOM, encoding, binary) into text;
* :mod:`.text`: the text cleaned and cut into a headline, sections, paragraphs,
  structured lines (lists, ``Key: value``, table rows) and sentences;
* :mod:`.identity`: which show the article is about (its headline or lead, or a section
  of its own), the network, and which sentences speak of that show (scoping);
* :mod:`.people`: cast with characters and crew with roles, in the phrasings articles,
  press kits, infoboxes and recaps use, and what else people were in; surnames and first
  names resolved to the full names the article (or the store) gives;
* :mod:`.seasons`: renewals, seasons, episode counts and dates, each fact given to the
  season its words are about (never a default);
* :mod:`.figures`: ranks, hours viewed, views, countries, weeks in the Top 10, in
  sentences and in tables;
* :mod:`.quotes`: the synopsis, the description, and statements with their speaker.

A sentence that is ambiguous gives nothing. Every fact keeps the ids of the sentences
it was read from; each such sentence becomes one :class:`~diplomat_tui.model.Source`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from diplomat_tui.article.figures import _stats
from diplomat_tui.article.identity import Scope, _network_of, _show_identity, in_scope
from diplomat_tui.article.names import (
    _Mention,
)
from diplomat_tui.article.patterns import _Found, _Refs
from diplomat_tui.article.people import (
    _cast_records,
    _crew_records,
    _mentions,
    _people_records,
)
from diplomat_tui.article.quotes import _first_passage, _Passage, _passages
from diplomat_tui.article.reading import MAX_ARTICLE_BYTES, read_article
from diplomat_tui.article.seasons import (
    _DATE,
    SeasonContext,
    _announcement,
    _iso,
    _renewal,
    _season_facts,
    _season_records,
    _show_premiere,
    _status,
)
from diplomat_tui.article.text import (
    _Sentence,
    _sentences,
    aligned_as_bars,
    headline,
    without_furniture,
)
from diplomat_tui.errors import ArticleError
from diplomat_tui.merge import union
from diplomat_tui.model import (
    CastCredit,
    Catalog,
    CrewCredit,
    Episode,
    Person,
    Quote,
    Season,
    Show,
    Source,
    Stat,
    normalize,
)
from diplomat_tui.sanitize import clean_text

__all__ = ["MAX_ARTICLE_BYTES", "extract", "headline", "read_article"]

_SHORT_TITLE = 72
# A "sentence" longer than this is not prose (a run-on list, a pasted table, noise): it is
# not read, which also bounds the work each rule does per sentence.
MAX_SENTENCE = 1_500


def extract(
    text: str,
    *,
    source_id: str,
    title: str | None = None,
    url: str | None = None,
    fetched: str | None = None,
    show: str | None = None,
    known: Catalog | None = None,
) -> Catalog:
    """Extract the facts of a press article about a series.

    Every fact lists the ids (``<source_id>#s<n>``) of the sentences it was read from;
    each of those sentences is a :class:`Source` titled ``title`` (or the article's
    first sentence, shortened). Unknown values are None.

    ``show`` is the title of the show to read the article for (the one the store holds);
    without it, the show is the one the article introduces. Only sentences about that
    show are read (:func:`~diplomat_tui.article.identity.in_scope`). ``known`` is what
    the store already holds: its people and characters resolve surnames and keep
    characters from being taken for people. Raises
    :class:`ArticleError` when the article is not about the show, or names no show.
    """
    cleaned = _plain_titles(clean_text(aligned_as_bars(without_furniture(text))))
    everything = _sentences(cleaned)
    if not everything:
        raise ArticleError("No series title found: this does not read as an article about a show.")
    if show is None:
        show = _show_identity(everything)[0].value
    sentences = [
        s
        for s in in_scope(
            everything,
            show,
            headline=headline(cleaned),
            people=[p.name for p in known.people] if known else (),
            characters=[c.character for c in known.cast if c.character] if known else (),
        )
        if len(s.text) <= MAX_SENTENCE
    ]
    scope = Scope(show)
    show_title = _Found(show, tuple(s.index for s in sentences if scope.names_show(s.text))[:1])
    refs = _Refs(source_id)
    renewal = _renewal(sentences, show)
    context = SeasonContext(sentences, show, renewal, _published(everything))
    sections = {t.section for t in sentences}
    mentions = _mentions(
        sentences,
        [p.name for p in known.people] if known else (),
        [c.character for c in known.cast if c.character] if known else (),
        show,
        [c.person for c in known.crew] if known else (),
        [c.person for c in known.cast] if known else (),
        around=[s for s in everything if s.section in sections and len(s.text) <= MAX_SENTENCE],
        network=known.show.network if known and known.show else None,
    )
    named = [m.name for m in mentions] + ([p.name for p in known.people] if known else [])
    network = _network_of(sentences, scope, frozenset(normalize(name) for name in named))
    season_facts = _season_facts(sentences, renewal, context)
    seasons, episodes = _season_records(season_facts, refs)
    record = _show_record(
        show_title,
        network,
        mentions,
        premiered=_show_premiere(season_facts),
        status=_status(renewal, _announcement(sentences)),
        passages=_passages(sentences),
        refs=refs,
    )
    people = _people_records(mentions, refs)
    cast = _known_characters(_cast_records(mentions, refs), known)
    crew = _crew_records(mentions, refs)
    stats = _stats(sentences, context, refs, scope.names_show)
    records: list[Show | Quote | Person | CastCredit | CrewCredit | Season | Episode | Stat]
    records = [record, *record.quotes, *people, *cast, *crew, *seasons, *episodes, *stats]
    cited = {source for fact in records for source in fact.sources}
    source_title = title or headline(cleaned) or _shortened(everything[0].text)
    published = _published(everything)
    return Catalog(
        show=record,
        people=people,
        cast=cast,
        crew=crew,
        seasons=seasons,
        episodes=episodes,
        stats=stats,
        sources=tuple(
            Source(
                sentence_id,
                "article",
                source_title,
                url,
                fetched,
                quote=sentence.text,
                published=published,
            )
            for sentence in everything
            if (sentence_id := refs((sentence.index,))[0]) in cited
        ),
    )


def _show_record(
    show_title: _Found[str],
    network: _Found[str] | None,
    mentions: list[_Mention],
    *,
    premiered: _Found[str] | None,
    status: _Found[str] | None,
    passages: list[_Passage],
    refs: _Refs,
) -> Show:
    """The show, with every sentence that states one of its fields."""
    creators = [m for m in mentions if m.role == "creator"]
    synopsis = _first_passage(passages, "synopsis")
    description = _first_passage(passages, "description")
    statements = [p for p in passages if p.kind == "statement"]
    sentences = [
        *show_title.sentences,
        *(m.sentence for m in creators),
        *(index for found in (network, premiered, status) if found for index in found.sentences),
        *(index for p in (synopsis, description, *statements) if p for index in p.sentences),
    ]
    return Show(
        title=show_title.value,
        network=network.value if network else None,
        creators=union(m.name for m in creators),
        premiered=premiered.value if premiered else None,
        status=status.value if status else None,
        synopsis=synopsis.text if synopsis else None,
        description=description.text if description else None,
        quotes=tuple(
            Quote(
                p.text, speaker=p.speaker, speaker_title=p.speaker_title, sources=refs(p.sentences)
            )
            for p in statements
        ),
        sources=refs(sentences),
    )


# The article's own date, near its top: "Published Oct. 21, 2025", "By Ann Lee | October
# 21, 2025", a line holding only the date, or a dateline "OSLO, Oct. 21, 2025 —".
_DATELINES = (
    re.compile(rf"^(?i:published|posted|updated|date|dated)\s*:?\s*(?:on\s+)?{_DATE}"),
    re.compile(rf"^By [^|·•\n]{{2,60}}?\s*[|·•,–—-]\s*(?:(?i:published|updated)\s*:?\s*)?{_DATE}"),
    re.compile(rf"^{_DATE}\s*$"),
    re.compile(rf"^[A-Z][A-Za-z .]{{1,30}}(?:\s*[,(]\s*){_DATE}\)?\s*[—–-]"),
)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATELINE_REACH = 6  # sentences from the top where an article gives its own date
_BYLINE = re.compile(r"^By [A-Z]")
_BYLINE_REACH = 40  # sentences from the top where a web page's byline may stand


def _published(sentences: list[_Sentence]) -> str | None:
    """The article's own date (ISO day) when its top gives one with its year."""
    bylines = [n for n, s in enumerate(sentences[:_BYLINE_REACH]) if _BYLINE.match(s.text)]
    top = sentences[:_DATELINE_REACH]
    if bylines:  # a web page: menus first, the date with the byline
        top += sentences[bylines[0] : bylines[0] + _DATELINE_REACH]
    for sentence in top:
        for pattern in _DATELINES:
            if (match := pattern.match(sentence.text)) and _ISO_DAY.match(day := _iso(match)):
                return day
    return None


def _known_characters(
    cast: tuple[CastCredit, ...], known: Catalog | None
) -> tuple[CastCredit, ...]:
    """Credits without a character (or with a short form of it, "Ivy") take the one
    character the store knows for that person, so the store does not gain a second row
    for them; with several known characters, which one is meant is unknown and the
    credit is left out. A character sharing no word with the one the store knows for
    that person is a role elsewhere ("cast her as X" of another title): left out too."""
    if known is None:
        return cast
    characters: dict[str, list[str]] = {}
    for credit in known.cast:
        if credit.character:
            characters.setdefault(normalize(credit.person), []).append(credit.character)
    kept: list[CastCredit] = []
    for credit in cast:
        held = characters.get(normalize(credit.person), [])
        if credit.character is not None and len(held) == 1 and _part_of(credit.character, held[0]):
            kept.append(replace(credit, character=held[0]))  # "Ivy" for the known "Ivy Cole"
        elif credit.character is not None and held and not _shares_a_word(credit.character, held):
            continue
        elif credit.character is not None or not held:
            kept.append(credit)
        elif len(held) == 1:
            kept.append(replace(credit, character=held[0]))
    return tuple(kept)


def _shares_a_word(character: str, held: list[str]) -> bool:
    """Whether ``character`` has a name word of one of the ``held`` characters ("Grace
    Penn" of "Vice President Grace Penn")."""
    words = set(normalize(character).split()) - _RANKS
    return any(words & set(normalize(other).split()) for other in held)


# Words of a rank, not of a name: "President Ivy Cole" and "President Sam Dunn" share none.
_RANKS = frozenset(
    "president vice prime minister ambassador secretary foreign deputy chief of mission "
    "agent detective inspector sergeant captain general lord lady sir dame dr mr mrs ms".split()
)


def _part_of(short: str, full: str) -> bool:
    """Whether ``short`` is some of the words of ``full`` ("Ivy" of "Agent Ivy Cole")."""
    words = normalize(full).split()
    return set(normalize(short).split()) <= set(words) and normalize(short) != normalize(full)


# Emphasis around a title: "*Title*", "_Title_", "'Title'".
_EMPHASIS = re.compile(r"(?<![\w*])([*_]{1,2})(?=\S)([^*_\n]{1,120}?)(?<=\S)\1(?![\w*])")
_SINGLE_QUOTED = re.compile(
    r"(?<![\w'’])'([A-Z][^'\n]{0,120}?)'(?![\w'])"
    r"|(?<![\w'’‘])‘([A-Z0-9][^‘\n]{0,120}?)’(?![\w’])"  # ‘Grey’s Anatomy’: ’s inside
)


# A name in capitals opening a line, as biographies in press kits write them:
# "MIA LONG (Ivy Cole) is ..." reads "Mia Long (Ivy Cole) is ...".
_CAPITALS_NAME = re.compile(r"(?m)^[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,3}(?= \()")
# Words in capitals opening a line that goes on in lower case, as listings head an entry
# with its title: "HARBOUR LIGHTS Peacock, from Thursday" reads "Harbour Lights Peacock, ...".
_CAPITALS_LEAD = re.compile(r"(?m)^[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,5}(?= \S*[a-z])")
# A line all in capitals (a tabloid's headline): read with each word capitalized.
_CAPITALS_LINE = re.compile(r"(?m)^(?=[^a-z\n]*[A-Z]{2}[^a-z\n]* [^a-z\n]* )[^a-z\n]{12,300}$")


_CAPITAL_WORD = re.compile(r"^([^\w]*\w)(.*)$", re.DOTALL)


def _capitalized(line: str) -> str:
    """``MIA LONG RETURNS AS IVY`` -> ``Mia Long returns as Ivy``: each word
    capitalized, but for the small words and verbs that are never part of a name."""
    # the first letter keeps its capital after an opening quote: "'NOBODY" -> "'Nobody"
    words = [_CAPITAL_WORD.sub(lambda m: m[1] + m[2].lower(), word) for word in line.split(" ")]
    small = [
        bool(number) and word.lower().strip(",.!?:;") in _SMALL_WORDS
        for number, word in enumerate(words)
    ]
    return " ".join(
        word.lower()
        if small[n] and not (word == "The" and n + 1 < len(words) and not small[n + 1])
        else word
        for n, word in enumerate(words)
    )


_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with is are was were be been has "
    "have had will returns return returned joins join joined stars star starring plays play "
    "played back says said gets got drops dropped arrives arrived premieres premiered lands "
    "landed renews renewed renew season series episode episodes new first final".split()
)


# A wiki's citation marks: "[1]", "[citation needed]".
_CITATION = re.compile(r"\[(?:\d{1,3}|citation needed)\]")


# Markdown: a link "[text](url)" is its text; a quoted line "> text" is its text.
_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]{0,2000}\)")
_QUOTED_LINE = re.compile(r"(?m)^[ \t]*>[ \t]?")


def _plain_titles(text: str) -> str:
    """``text`` without the emphasis and single quotes set around titles, citation
    marks, link targets and quoted-line marks."""
    text = _QUOTED_LINE.sub("", _LINK.sub(r"\1", text))
    text = _CAPITALS_NAME.sub(lambda m: m.group().title(), text)
    text = _CAPITALS_LINE.sub(lambda m: _capitalized(m.group()), text)
    text = _CAPITALS_LEAD.sub(lambda m: _capitalized(m.group()), text)
    return _CITATION.sub("", _SINGLE_QUOTED.sub(lambda m: m[1] or m[2], _EMPHASIS.sub(r"\2", text)))


def _shortened(text: str) -> str:
    """``text`` cut at a word to at most :data:`_SHORT_TITLE` characters, with "…"."""
    if len(text) <= _SHORT_TITLE:
        return text
    return text[: _SHORT_TITLE - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
