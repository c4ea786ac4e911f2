"""Facts from an entertainment press article about a series, found by rules.

Nothing here knows any show: the rules read the language such articles are written
in. The text is cleaned (:func:`diplomat_tui.sanitize.clean_text`) and split into
sentences, quotations kept whole. Then:

* the show and its network: "<Network>'s hit drama <Title> has ...", "<Network> has
  renewed its drama <Title> for ...", "<Title> has been renewed ...", "streaming on <X>";
* credits: lists after "created by", "starring", "The cast also includes", "Guest
  stars include", "executive produced by", "Executive producers include", joined by
  commas and "and"/"&"; "has added A to the cast"; "<Name> serves as producer";
  "<Name> plays <Character>", "<Name> joins as <Character>";
  "<Name>'s performance as <Character>"; "Character (Actor)" in a synopsis;
  "Name (Other Show)" for what a person is known for; bare surnames ("Holt",
  "(Holt)") resolved to the full name the article gives elsewhere;
* seasons: "a second season", "renewed for Season 3", "the eight-episode series",
  "premiered on <Month Day[, Year]>", "announced on <Platform>";
* figures: "No. 2 on <X>'s Top 10 <list>", "1.5M hours viewed", "Top 10 in 40
  countries", "four weeks in the Top 10", "in its first weekend";
* quotations: the official synopsis, "is described as", and statements with who made
  them ('"...," said Name, Title.' and its other word orders), continued by the quoted
  sentences that follow.

Every fact keeps the ids of the sentences it was read from; each such sentence becomes
one :class:`~diplomat_tui.model.Source`.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Generic, TypeVar

from diplomat_tui.errors import ArticleError
from diplomat_tui.model import (
    Billing,
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
)
from diplomat_tui.sanitize import clean_text

MAX_ARTICLE_BYTES = 2_000_000

T = TypeVar("T")

# ------------------------------------------------------------------------------- reading

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Characters no text file holds: NUL, the other C0 controls but tab/newline/FF/CR, DEL.
_NON_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_NON_TEXT_SHARE = 0.05


def read_article(path: Path) -> str:
    """Return the text of the article file ``path``.

    Raises :class:`ArticleError`, with a one-line message naming the file, when it is
    missing or unreadable, larger than :data:`MAX_ARTICLE_BYTES`, binary, not UTF-8
    (UTF-8 with a BOM and UTF-16 with a BOM are accepted), or empty.
    """
    text = _decoded(_article_bytes(path), path)
    if not text.strip():
        raise ArticleError(f"{path} is empty: there is no article text in it.")
    return text


def _article_bytes(path: Path) -> bytes:
    """The file's bytes, its size checked before it is read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(f"{path} is not a regular file.")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise _too_large(path)
        with path.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise ArticleError(f"{path} does not exist.") from None
    except OSError as error:
        raise ArticleError(f"{path} could not be read: {error.strerror or error}.") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_large(path)
    return data


def _too_large(path: Path) -> ArticleError:
    return ArticleError(
        f"{path} is too large for an article (the limit is {MAX_ARTICLE_BYTES:,} bytes)."
    )


def _decoded(data: bytes, path: Path) -> str:
    """The text of ``data``: UTF-8 (BOM optional) or UTF-16 with a BOM."""
    if data.startswith(_UTF8_BOM):
        encoding = "utf-8-sig"
    elif data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        if _looks_binary(data.decode("latin-1")):
            raise _binary(path)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ArticleError(
            f"{path} is not UTF-8 text: convert it to UTF-8 (e.g. with iconv) and try again."
        ) from None
    if _looks_binary(text):
        raise _binary(path)
    return text


def _looks_binary(text: str) -> bool:
    """Whether ``text`` holds a NUL or more control characters than text has."""
    if "\x00" in text:
        return True
    return len(_NON_TEXT.findall(text)) > _MAX_NON_TEXT_SHARE * len(text)


def _binary(path: Path) -> ArticleError:
    return ArticleError(f"{path} is a binary file, not article text.")


# ----------------------------------------------------------------------------- sentences


@dataclass(frozen=True)
class _Sentence:
    index: int  # 1-based position in the article
    paragraph: int
    text: str


# Characters that end a sentence, and those that may follow them before the break.
_ENDINGS = ".!?…"
_CLOSERS = "”’\"')]"
_OPENING_QUOTES = '“‘"'
# Words before a full stop that is not the end of a sentence.
_ABBREVIATIONS = frozenset(
    "No Nos Mr Mrs Ms Dr St Jr Sr Prof vs Vol Inc Ltd Co Corp Mt Gen Sen Rep Gov Lt Col Sgt "
    "Capt approx".split()
)
# An initial ("J") or dotted capitals ("U.S"), seen without the final full stop.
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _sentences(text: str) -> list[_Sentence]:
    """The article's sentences, numbered from 1, with their paragraph."""
    sentences: list[_Sentence] = []
    for paragraph_number, paragraph in enumerate(_PARAGRAPH_BREAK.split(text)):
        paragraph = " ".join(paragraph.split())
        for piece in _paragraph_sentences(paragraph):
            sentences.append(_Sentence(len(sentences) + 1, paragraph_number, piece))
    return sentences


def _paragraph_sentences(paragraph: str) -> list[str]:
    """Split one paragraph, never inside a quotation unless its quotes do not pair up."""
    cuts = _sentence_breaks(paragraph, keep_quotations=True)
    if cuts is None:
        cuts = _sentence_breaks(paragraph, keep_quotations=False) or []
    bounds = zip([0, *cuts], [*cuts, len(paragraph)], strict=True)
    return [piece for start, end in bounds if (piece := paragraph[start:end].strip())]


def _sentence_breaks(paragraph: str, *, keep_quotations: bool) -> list[int] | None:
    """Offsets where sentences start; None when a quotation is left open."""
    cuts: list[int] = []
    quoted = False
    i = 0
    while i < len(paragraph):
        char = paragraph[i]
        if char == "“":
            quoted = True
        elif char == "”":
            quoted = False
        elif char == '"':
            quoted = not quoted
        elif char in _ENDINGS:
            end = i + 1
            while end < len(paragraph) and paragraph[end] in _ENDINGS:
                end += 1
            while end < len(paragraph) and paragraph[end] in _CLOSERS:
                if paragraph[end] in '”"':
                    quoted = False
                end += 1
            if (
                not (quoted and keep_quotations)
                and _next_sentence_starts(paragraph, end)
                and not (char == "." and _is_abbreviation(paragraph[:i]))
            ):
                cuts.append(end)
            i = end
            continue
        i += 1
    if quoted and keep_quotations:
        return None
    return cuts


def _next_sentence_starts(paragraph: str, offset: int) -> bool:
    """Whether a space then a capital letter or an opening quote follow ``offset``."""
    rest = paragraph[offset : offset + 2]
    return len(rest) == 2 and rest[0] == " " and (rest[1].isupper() or rest[1] in _OPENING_QUOTES)


def _is_abbreviation(before: str) -> bool:
    """Whether the word ending ``before`` (its full stop cut off) is an abbreviation."""
    word = before.rsplit(" ", 1)[-1].lstrip(_OPENING_QUOTES + "(")
    return word in _ABBREVIATIONS or bool(_INITIALS.fullmatch(word))


# ----------------------------------------------------------------------- shared patterns

_UPPER = "A-ZÀ-ÖØ-Þ"
_APOSTROPHES = "’'‘"
# One word of a person's or character's name: "Okafor", "McAdams", "D’Arcy", "O'Brien",
# "Jean-Luc", or an initial "J.". Never the start of a longer word.
_NAME_WORD = (
    rf"(?:[{_UPPER}](?:[{_APOSTROPHES}][{_UPPER}])?[^\W\d_]*(?:-[{_UPPER}][^\W\d_]*)*"
    rf"|[{_UPPER}]\.)(?![\w-])"
)
# Lower-case particles inside names: "Ana de Armas", "Ludwig van Beethoven".
_PARTICLE = r"(?:da|de|del|della|der|di|du|la|le|van|von)"
# A name: one to five words.
_NAME = rf"{_NAME_WORD}(?: (?:{_PARTICLE} )?{_NAME_WORD}){{0,4}}"
# The possessive "’s" / "'s" / "‘s".
_POSSESSIVE = rf"[{_APOSTROPHES}]s\b"
# Capitalised words that start a sentence or clause but never a name.
_FUNCTION_WORDS = frozenset(
    "The A An In On At Her His Their Its She He They It But And As While When After With "
    "Meanwhile Also Then This That For From By Per".split()
)

# A quotation in curly or straight double quotes.
_QUOTED = r"[“\"](?P<quote>[^“”\"]+)[”\"]"

_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split(),
        start=1,
    )
}
_ORDINAL_WORDS = {
    word: value
    for value, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1
    )
}
# A small count, in digits or words ("8", "eight").
_COUNT = rf"(?:\d+|{'|'.join(_NUMBER_WORDS)})"
# An ordinal in words or digits ("second", "2nd").
_ORDINAL = rf"(?:{'|'.join(_ORDINAL_WORDS)}|\d+(?:st|nd|rd|th))"
# A season named by ordinal or number: "second season", "Season 2", "season two".
_SEASON = rf"(?i:\b(?P<ordinal>{_ORDINAL})(?: and final)? season\b|\bseason (?P<number>{_COUNT})\b)"
_SEASON_REFERENCE = re.compile(_SEASON)


def _count(word: str) -> int:
    """The value of a count in digits or words."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _season_number(match: re.Match[str]) -> int:
    """The season named by a match of :data:`_SEASON`."""
    if match["number"]:
        return _count(match["number"])
    ordinal = match["ordinal"].lower()
    return _ORDINAL_WORDS.get(ordinal) or int(ordinal[:-2])


def _trim(name: str) -> str:
    """``name`` without leading words that start clauses ("Meanwhile Okafor" -> "Okafor")."""
    words = name.split(" ")
    while len(words) > 1 and words[0] in _FUNCTION_WORDS:
        words.pop(0)
    return " ".join(words)


def _unique(items: Iterable[T]) -> tuple[T, ...]:
    """``items`` in first-seen order, repeats dropped."""
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True)
class _Found(Generic[T]):
    """A value and the sentences that state it."""

    value: T
    sentences: tuple[int, ...]


@dataclass(frozen=True)
class _Refs:
    """Turns sentence numbers into Source ids: ``<source_id>#s<number>``."""

    source_id: str

    def __call__(self, sentences: Iterable[int]) -> tuple[str, ...]:
        return tuple(f"{self.source_id}#s{index}" for index in sorted(set(sentences)))


# ----------------------------------------------------------------- the show and network

# Words that name what kind of programme a title is: "hit political thriller", "series".
_SHOW_KINDS = (
    r"(?:series|show|drama|thriller|comedy|sitcom|miniseries|docuseries|dramedy|procedural"
    r"|anthology|saga|mystery|western|romance|fantasy|horror|adaptation|hit|original|epic)"
)
# A network or platform: capitalised words, maybe with a "+" ("Apple TV+").
_NETWORK = rf"(?<![\w+])[{_UPPER}][\w]*\+?(?: [{_UPPER}][\w]*\+?){{0,2}}"
# One word of a title: capitalised or a number ("Grey’s", "9-1-1", "Ted+").
_TITLE_WORD = rf"[{_UPPER}0-9][\w{_APOSTROPHES}+-]*"
# Small words allowed inside a title ("Only Murders in the Building"); a title has at
# most twelve capitalised words.
_TITLE_LINK = r"(?:of|the|and|in|on|a|an|to|for|at|by|with|from|&)"
_TITLE = rf"{_TITLE_WORD}(?::? (?:{_TITLE_LINK} ){{0,3}}{_TITLE_WORD}){{0,11}}"
# After a title: its closing quote, then a lower-case verb or punctuation.
_AFTER_TITLE = r"[”\"]?(?=,? [a-z]|[,.;:]|$)"
# "<Network>'s hit political thriller <Title> has ..."
_POSSESSIVE_INTRO = re.compile(
    rf"(?P<network>{_NETWORK}){_POSSESSIVE} (?:[\w-]+ ){{0,5}}?{_SHOW_KINDS} "
    rf"[“\"]?(?P<title>{_TITLE}){_AFTER_TITLE}"
)
# "<Network> has renewed its spy drama <Title> for ..."
_NETWORK_RENEWS = re.compile(
    rf"(?P<network>{_NETWORK}) (?:has |have )?(?:officially )?"
    rf"(?:renewed|picked up|ordered|greenlit|green-lit) (?:its |the )?"
    rf"(?:(?:[\w-]+ ){{0,4}}?{_SHOW_KINDS} )?[“\"]?(?P<title>{_TITLE})[”\"]? for\b"
)
# A sentence opening with the title and its renewal: "<Title> has been renewed ..."
_TITLE_RENEWED = re.compile(
    rf"^[“\"]?(?P<title>{_TITLE})[”\"]?,? (?:has been|was|is|will be|has|gets|got) "
    r"(?:officially )?(?:renewed|picked up|ordered|greenlit|received|earned|landed)\b"
)
# Where the show streams: "streaming on <X>", "Streaming Now, <X>", "only on <X>".
_STREAMING_ON = re.compile(
    rf"(?i:\b(?:now streaming on|streaming(?: now)?(?: on|,)|streams on|only on)) "
    rf"(?P<network>{_NETWORK})"
)
# The owner of a Top 10: "on <X>’s weekly global Top 10".
_TOP_TEN_OWNER = re.compile(
    rf"\bon (?P<network>{_NETWORK}){_POSSESSIVE} (?:[\w-]+ ){{0,4}}?Top 10\b"
)


def _show_identity(sentences: list[_Sentence]) -> tuple[_Found[str], _Found[str] | None]:
    """The show's title and network, or ArticleError when no title is found."""
    for sentence in sentences:
        for pattern in (_POSSESSIVE_INTRO, _NETWORK_RENEWS):
            match = pattern.search(sentence.text)
            if match and _is_title(match["title"]):
                found = (sentence.index,)
                return _Found(match["title"], found), _Found(_trim(match["network"]), found)
    for sentence in sentences:
        match = _TITLE_RENEWED.match(sentence.text)
        if match and _is_title(match["title"]):
            return _Found(match["title"], (sentence.index,)), _network_named(sentences)
    raise ArticleError("No series title found: this does not read as an article about a show.")


def _is_title(title: str) -> bool:
    return title not in _FUNCTION_WORDS


def _network_named(sentences: list[_Sentence]) -> _Found[str] | None:
    """The network named by where the show streams or whose Top 10 it is in."""
    for pattern in (_STREAMING_ON, _TOP_TEN_OWNER):
        for sentence in sentences:
            if match := pattern.search(sentence.text):
                return _Found(_trim(match["network"]), (sentence.index,))
    return None


# ----------------------------------------------------------------------- credits: rules


@dataclass(frozen=True)
class _Mention:
    """A person named in a sentence, with what the sentence says about them."""

    name: str
    sentence: int
    position: int
    billing: Billing | None = None
    character: str | None = None
    role: str | None = None
    known_for: tuple[str, ...] = ()

    @property
    def in_cast(self) -> bool:
        return self.billing is not None or self.character is not None


# One entry of a credit list: a name (never a possessive, never cut short before another
# capitalised word), other credits in parentheses, and maybe "as <Character>".
_LIST_ENTRY = re.compile(
    rf"(?P<name>{_NAME})(?!{_POSSESSIVE}| [{_UPPER}])(?: \((?P<credits>[^()]*)\))?"
    rf"(?: as (?:the )?(?P<character>{_NAME}))?"
)
# What joins two entries of a list: a comma, "and" or "&", Oxford comma or not.
_LIST_JOIN = re.compile(r",? (?:and|&) |, ")


@dataclass(frozen=True)
class _Opener:
    """Words that introduce a list of credits, the billing or role the list gives, and
    what must follow the list when the opening words alone are not enough."""

    words: re.Pattern[str]
    billing: Billing | None = None
    role: str | None = None
    then: re.Pattern[str] | None = None


_LIST_OPENERS = (
    _Opener(
        re.compile(
            r"(?i:\bguest[- ]star(?:s|ring)?(?: (?:also )?(?:include|includes|are))?"
            r"|\bguest cast (?:also )?includes?) "
        ),
        billing="guest",
    ),
    _Opener(
        re.compile(
            r"(?i:(?<!guest[- ])\b(?:co-)?star(?:s|ring)|\bthe (?:main )?cast (?:also )?includes?"
            r"|\bseries regulars (?:also )?include|\bcast members (?:also )?include) "
        ),
        billing="main",
    ),
    # "has added A and B to the cast"
    _Opener(
        re.compile(r"(?i:\b(?:added|adds|adding)) "),
        billing="main",
        then=re.compile(r"(?i: to (?:the|its) (?:main )?(?:cast|ensemble))\b"),
    ),
    _Opener(
        re.compile(r"(?i:\b(?:co-)?created by|\bfrom (?:series )?(?:co-)?creators?) "),
        role="creator",
    ),
    _Opener(
        re.compile(
            r"(?i:\bexecutive[- ]produced by|\bexecutive producers (?:also )?(?:include|are)) "
        ),
        role="executive producer",
    ),
    _Opener(
        re.compile(
            r"(?i:(?<!executive )(?<!executive-)\bproduced by"
            r"|(?<!executive )\bproducers (?:also )?(?:include|are)) "
        ),
        role="producer",
    ),
    _Opener(re.compile(r"(?i:\bdirected by) "), role="director"),
    _Opener(re.compile(r"(?i:\bwritten by) "), role="writer"),
)
# Roles behind the camera.
_ROLE = r"(?:co-)?creator|showrunner|(?:co-)?executive producer|(?:co-)?producer|director|writer"
# After a list that opens a sentence: "... serves as producer", "... are also showrunners",
# "... executive produce".
_SUBJECT_ROLE = re.compile(
    rf"(?i: (?:also )?(?:serves?|acts?) as (?:an? |the )?(?P<role>{_ROLE})s?\b"
    rf"| (?:is|are) (?:also )?(?:an? |the )?(?P<is_role>{_ROLE})s?\b"
    r"| (?:also )?(?P<verb>executive[- ]produces?|produces?|directs?|writes?)\b)"
)
_ROLE_OF_VERB = {
    "executive produce": "executive producer",
    "produce": "producer",
    "direct": "director",
    "write": "writer",
}
# "<Actor> plays <Character>", "<Actor> joins as <Character>", "<Actor> guest-stars as ...".
_PLAYS = re.compile(
    rf"(?P<actor>{_NAME})(?: \([^()]*\))?,? (?:also |now |will )?"
    r"(?P<verb>(?i:plays|play|portrays|is playing|stars as|co-stars as|returns as|appears as"
    r"|starring as|join(?:s|ed)?(?: the cast)? as|guest[- ]stars as|guest[- ]starring as)) "
    rf"(?:the )?(?P<character>{_NAME})"
)
# "<Actor>’s powerful performance as <Character>".
_PERFORMANCE = re.compile(
    rf"(?P<actor>{_NAME}){_POSSESSIVE} (?:[\w-]+ ){{0,3}}?(?:performance|turn|portrayal|role) "
    rf"as (?:the )?(?P<character>{_NAME})"
)
# "Name (Something)" anywhere: "Character (Actor)" or "Person (Other Show)".
_PARENTHESIS = re.compile(rf"(?P<left>{_NAME}) \((?P<inner>[^()]+)\)")
_FULL_NAME = re.compile(_NAME)
# Separators between the titles in "(Show One, Show Two; Show Three)".
_CREDIT_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+)?")


def _list_mentions(sentence: _Sentence) -> Iterator[_Mention]:
    """People in the credit lists of a sentence ("starring A, B and C")."""
    for opener in _LIST_OPENERS:
        for match in opener.words.finditer(sentence.text):
            entries = _list_entries(sentence.text, match.end())
            if entries and opener.then and not opener.then.match(sentence.text, entries[-1].end()):
                continue
            for entry in entries:
                yield _Mention(
                    _trim(entry["name"]),
                    sentence.index,
                    entry.start(),
                    billing=opener.billing,
                    character=entry["character"],
                    role=opener.role,
                    known_for=_other_credits(entry["credits"]),
                )
    yield from _subject_role_mentions(sentence)


def _list_entries(text: str, start: int) -> list[re.Match[str]]:
    """The entries of the list starting at ``start``, up to the first thing not a name."""
    entries: list[re.Match[str]] = []
    position = start
    while entry := _LIST_ENTRY.match(text, position):
        entries.append(entry)
        join = _LIST_JOIN.match(text, entry.end())
        if not join:
            break
        position = join.end()
    return entries


def _subject_role_mentions(sentence: _Sentence) -> Iterator[_Mention]:
    """People in a list opening the sentence and given a role: "A serves as producer"."""
    entries = _list_entries(sentence.text, 0)
    if not entries:
        return
    role = _SUBJECT_ROLE.match(sentence.text, entries[-1].end())
    if not role:
        return
    if role["verb"]:
        name = role["verb"].lower().replace("-", " ").removesuffix("s")
        title = _ROLE_OF_VERB[name]
    else:
        title = (role["role"] or role["is_role"]).lower()
    for entry in entries:
        yield _Mention(_trim(entry["name"]), sentence.index, entry.start(), role=title)


def _other_credits(credits: str | None) -> tuple[str, ...]:
    """The shows in "(Show One, Show Two)"; "and" inside a title does not split it."""
    if not credits or not credits[0].isupper():
        return ()
    return tuple(part for part in _CREDIT_SEPARATOR.split(credits.strip()) if part)


def _plays_mentions(sentence: _Sentence) -> Iterator[_Mention]:
    """Actors given a character by a verb: "A plays B", "A guest-stars as B"."""
    for match in _PLAYS.finditer(sentence.text):
        billing: Billing = "guest" if "guest" in match["verb"].lower() else "main"
        yield _Mention(
            _trim(match["actor"]),
            sentence.index,
            match.start("actor"),
            billing=billing,
            character=_trim(match["character"]),
        )


def _reference_mentions(sentence: _Sentence, people: _People) -> Iterator[_Mention]:
    """Mentions that need the people already known: "Character (Surname)",
    "Name (Other Show)" outside lists, and "Name’s performance as Character"."""
    for match in _PARENTHESIS.finditer(sentence.text):
        left, inner = _trim(match["left"]), match["inner"].strip()
        if person := people.known(left):
            credits = _other_credits(inner)
            if credits:
                yield _Mention(person, sentence.index, match.start(), known_for=credits)
        elif _FULL_NAME.fullmatch(inner) and (actor := people.known(inner) or _new_name(inner)):
            yield _Mention(actor, sentence.index, match.start(), character=left)
    for match in _PERFORMANCE.finditer(sentence.text):
        actor = _trim(match["actor"])
        if person := people.known(actor) or _new_name(actor):
            yield _Mention(
                person, sentence.index, match.start(), character=_trim(match["character"])
            )


def _new_name(name: str) -> str | None:
    """``name`` when it can name someone the article has not named before (a full name)."""
    return name if " " in name else None


class _People:
    """The full names an article gives, to resolve surname back-references."""

    def __init__(self, names: Iterable[str]) -> None:
        self._full = frozenset(name for name in names if " " in name)
        self._by_last_word: dict[str, list[str]] = {}
        for full in self._full:
            self._by_last_word.setdefault(_last_word(full), []).append(full)

    def known(self, name: str) -> str | None:
        """The full name ``name`` stands for: itself, or the one full name it ends."""
        if name in self._full:
            return name
        matches = self._ended_by(name)
        return matches[0] if len(matches) == 1 else None

    def resolve(self, name: str) -> str | None:
        """``name`` as a full name; a name no one else ends is kept (a mononym);
        None when it could be more than one person."""
        if known := self.known(name):
            return known
        return None if self._ended_by(name) else name

    def _ended_by(self, name: str) -> list[str]:
        """The full names that end with ``name`` ("de Armas" ends "Ana de Armas")."""
        candidates = self._by_last_word.get(_last_word(name), [])
        return [full for full in candidates if full.endswith(" " + name)]


def _last_word(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _mentions(sentences: list[_Sentence]) -> list[_Mention]:
    """Every credit mention, names resolved to full names, in article order."""
    mentions = [
        mention
        for sentence in sentences
        for rule in (_list_mentions, _plays_mentions)
        for mention in rule(sentence)
    ]
    people = _People(mention.name for mention in mentions)
    mentions += [m for sentence in sentences for m in _reference_mentions(sentence, people)]
    people = _People(mention.name for mention in mentions)
    resolved = [replace(m, name=name) for m in mentions if (name := people.resolve(m.name))]
    return sorted(resolved, key=lambda m: (m.sentence, m.position))


# -------------------------------------------------------------------- credits: records


def _by_person(mentions: Iterable[_Mention]) -> dict[str, list[_Mention]]:
    """Mentions grouped by person, people in order of first mention."""
    groups: dict[str, list[_Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.name, []).append(mention)
    return groups


def _people_records(mentions: list[_Mention], refs: _Refs) -> tuple[Person, ...]:
    return tuple(
        Person(
            name,
            known_for=_unique(title for m in group for title in m.known_for),
            sources=refs(m.sentence for m in group),
        )
        for name, group in _by_person(mentions).items()
    )


def _cast_records(mentions: list[_Mention], refs: _Refs) -> tuple[CastCredit, ...]:
    """Cast credits: main cast first, each billing in order of first mention."""
    groups = _by_person(m for m in mentions if m.in_cast)
    billings: dict[str, Billing] = {
        name: next((m.billing for m in group if m.billing), "main")
        for name, group in groups.items()
    }
    ranked = sorted(groups, key=lambda name: billings[name] != "main")
    return tuple(
        CastCredit(
            name,
            character=next((m.character for m in groups[name] if m.character), None),
            billing=billings[name],
            order=order,
            sources=refs(m.sentence for m in groups[name]),
        )
        for order, name in enumerate(ranked, start=1)
    )


def _crew_records(mentions: list[_Mention], refs: _Refs) -> tuple[CrewCredit, ...]:
    groups = _by_person(m for m in mentions if m.role)
    return tuple(
        CrewCredit(
            name,
            roles=_unique(m.role for m in group if m.role),
            order=order,
            sources=refs(m.sentence for m in group),
        )
        for order, (name, group) in enumerate(groups.items(), start=1)
    )


# ------------------------------------------------------------------------------ seasons

# A renewal verb followed closely by a season: "renewed for a third season".
_RENEWED = re.compile(
    r"(?i:\b(?:renew(?:s|ed|ing)?|picked up|ordered|greenlit|green-lit|(?:will )?return(?:s|ing)?)"
    rf"\b)[^.;]{{0,80}}?{_SEASON}"
)
# A season granted: "has received a second season".
_GRANTED = re.compile(
    rf"(?i:\b(?:received|receives|gets|got|earned|landed|scored) (?:an? )?){_SEASON}"
)
# A renewal named as a noun: "the Season 3 renewal".
_RENEWAL_NOUN = re.compile(rf"{_SEASON} (?i:renewal)\b")
# Where the news was announced: "announced on the <Platform> platform", "announced at <Event>".
_ANNOUNCED = re.compile(
    rf"\bannounced (?P<preposition>on|at|via|during) (?:the )?"
    rf"(?P<venue>[{_UPPER}][\w+-]*(?: [{_UPPER}][\w+-]*)*)"
)
# An episode count: "the eight-episode series", "a 10-episode season", "of six episodes".
_EPISODE_COUNT = re.compile(
    rf"(?i:\b(?P<count>{_COUNT})-episode\b"
    rf"|\b(?:of|with|spans?|spanning|comprises|comprising) (?P<listed>{_COUNT}) episodes\b)"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# A premiere and its date as written: "premiered on Friday, March 8, 2024", "to premiere in
# 2026". The weekday is dropped.
_PREMIERE = re.compile(
    r"\b(?P<verb>premiered|premieres|premiere|debuted|debuts|launched|launches) (?:on |in )?"
    rf"(?:(?:{_WEEKDAYS}),? )?"
    rf"(?P<date>(?:{_MONTHS}) \d{{1,2}}(?:, \d{{4}})?|(?:{_MONTHS}) \d{{4}}|\d{{4}})\b"
)
_PAST_PREMIERE = frozenset({"premiered", "debuted", "launched"})


@dataclass
class _SeasonFacts:
    """What the article says of one season."""

    episode_count: int | None = None
    premiere: str | None = None
    status: str | None = None
    sentences: set[int] = field(default_factory=set)
    count_sentences: set[int] = field(default_factory=set)


def _renewal(sentences: list[_Sentence]) -> _Found[int] | None:
    """The season a renewal announces, with its sentence."""
    for sentence in sentences:
        for pattern in (_RENEWED, _GRANTED, _RENEWAL_NOUN):
            if match := pattern.search(sentence.text):
                return _Found(_season_number(match), (sentence.index,))
    return None


def _announcement(sentences: list[_Sentence]) -> _Found[str] | None:
    """Where the news was announced: "announced on <Platform>"."""
    for sentence in sentences:
        if match := _ANNOUNCED.search(sentence.text):
            text = f"announced {match['preposition']} {match['venue']}"
            return _Found(text, (sentence.index,))
    return None


def _status(renewal: _Found[int] | None, announcement: _Found[str] | None) -> _Found[str] | None:
    """The show's status: "Renewed for Season N (announced on <Platform>)"."""
    if renewal is None:
        return None
    if announcement is None:
        return _Found(f"Renewed for Season {renewal.value}", renewal.sentences)
    return _Found(
        f"Renewed for Season {renewal.value} ({announcement.value})",
        renewal.sentences + announcement.sentences,
    )


def _named_season(sentence: _Sentence, renewal: _Found[int] | None) -> int | None:
    """The season a sentence is about when it names one (the renewal's own sentence
    names the new season, not the one its figures are about)."""
    if renewal and sentence.index in renewal.sentences:
        return None
    match = _SEASON_REFERENCE.search(sentence.text)
    return _season_number(match) if match else None


def _season_facts(
    sentences: list[_Sentence], renewal: _Found[int] | None, current: int
) -> dict[int, _SeasonFacts]:
    """Per season: episode count, premiere and status, with their sentences.

    A sentence that names no season is about ``current``, the latest released one;
    the renewal's sentence is about the renewed season.
    """
    seasons: dict[int, _SeasonFacts] = {}
    if renewal:
        facts = seasons.setdefault(renewal.value, _SeasonFacts(status="announced"))
        facts.sentences.update(renewal.sentences)
    for sentence in sentences:
        if renewal and sentence.index in renewal.sentences:
            named: int | None = renewal.value
        else:
            named = _named_season(sentence, renewal)
        if count := _EPISODE_COUNT.search(sentence.text):
            facts = seasons.setdefault(named or current, _SeasonFacts())
            facts.episode_count = _count(count["count"] or count["listed"])
            facts.sentences.add(sentence.index)
            facts.count_sentences.add(sentence.index)
        if premiere := _PREMIERE.search(sentence.text):
            facts = seasons.setdefault(named or current, _SeasonFacts())
            released = premiere["verb"] in _PAST_PREMIERE
            if named:
                facts.premiere = facts.premiere or premiere["date"]
            if released and facts.status is None:
                facts.status = "released"
            if named or released:
                facts.sentences.add(sentence.index)
    return seasons


def _show_premiere(sentences: list[_Sentence], renewal: _Found[int] | None) -> _Found[str] | None:
    """The show's premiere date: a premiere naming no season, else the first season's."""
    first_season: _Found[str] | None = None
    for sentence in sentences:
        if renewal and sentence.index in renewal.sentences:
            continue
        if premiere := _PREMIERE.search(sentence.text):
            named = _named_season(sentence, renewal)
            if named is None:
                return _Found(premiere["date"], (sentence.index,))
            if named == 1 and first_season is None:
                first_season = _Found(premiere["date"], (sentence.index,))
    return first_season


def _season_records(
    seasons: dict[int, _SeasonFacts], refs: _Refs
) -> tuple[tuple[Season, ...], tuple[Episode, ...]]:
    """Seasons the article says something of, and the episodes their counts imply."""
    known = sorted(
        (number, facts)
        for number, facts in seasons.items()
        if facts.episode_count or facts.premiere or facts.status
    )
    records = tuple(
        Season(
            number,
            episode_count=facts.episode_count,
            status=facts.status,
            premiere=facts.premiere,
            sources=refs(facts.sentences),
        )
        for number, facts in known
    )
    episodes = tuple(
        Episode(number, episode, sources=refs(facts.count_sentences))
        for number, facts in known
        for episode in range(1, (facts.episode_count or 0) + 1)
    )
    return records, episodes


# ------------------------------------------------------------------------------ figures

# A figure as written: "1.5M", "820,000", "1.2 billion".
_FIGURE = (
    r"(?<![\d.,])(?P<figure>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?: ?(?P<unit>[KMB]|thousand|million|billion)\b)?"
)
_MULTIPLIERS = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "million": 1_000_000,
    "b": 1_000_000_000,
    "billion": 1_000_000_000,
}
# Hours of viewing: "1.5M hours viewed", "2 million hours", "820,000 viewing hours".
_HOURS = re.compile(
    rf"{_FIGURE} (?:hours?(?: (?P<viewed>viewed|watched|of viewing|streamed))?"
    r"|(?P<viewing>viewing) hours)\b"
)
_SMALLEST_HOURS_FIGURE = 1_000  # below this, "N hours" is a duration, not viewing
# Views: "11.2M views".
_VIEWS = re.compile(rf"{_FIGURE} views\b")
# "in the Top 10 in 40 countries", "Top 10 lists in 40 countries".
_COUNTRIES = re.compile(
    rf"(?i:\btop 10\b[^.;]{{0,40}}?\bin (?P<count>{_COUNT}) (?:countries|territories|markets))\b"
)
# "four weeks in the Top 10", "6 consecutive weeks on the weekly Top 10".
_WEEKS = re.compile(
    rf"(?i:\b(?P<count>{_COUNT}) (?:consecutive |straight )?weeks (?:in|on) (?:the |its )?"
    rf"(?:[\w+{_APOSTROPHES}-]+ ){{0,3}}?top 10)\b"
)
# A rank on a named list: "number 1 on <X>’s weekly global Top 10 TV <Language> list",
# "No. 2 on the streaming Top 10 chart", "#4 in the Top 10".
_RANK = re.compile(
    rf"(?:\b(?i:number)|\bNo\.|#) ?(?P<rank>{_COUNT})\b (?:on|in|atop) (?:the )?"
    rf"(?P<scope>(?:[\w.+{_APOSTROPHES}-]+ ){{0,6}}?Top 10(?: [{_UPPER}][\w-]*)*)"
    r"(?: (?:list|chart|ranking)s?)?"
)
# The period a figure covers: "In its first weekend", "during its debut week".
_PERIOD = re.compile(
    r"(?i:\b(?:in|during|over|across|within) (?:its|their) "
    r"(?P<period>(?:[\w-]+ ){0,2}?(?:weekend|week|days|month)))\b"
)
# A debut rank: "debuted at number 1".
_DEBUT_AT = re.compile(r"(?i:\bdebut(?:ed|s)? at)\b")
_POSSESSIVE_MARK = re.compile(_POSSESSIVE)
# A list's trailing qualifier, put in parentheses: "Top 10 TV Spanish" -> "Top 10 TV (Spanish)".
_SCOPE_QUALIFIER = re.compile(rf"\b(TV|Films?|Movies|Shows?|Series) ((?:Non-)?[{_UPPER}][a-z]+)$")


def _figure(match: re.Match[str]) -> int | float:
    """The exact value of a :data:`_FIGURE` match ("1.5M" -> 1500000)."""
    unit = _MULTIPLIERS.get((match["unit"] or "").lower(), 1)
    value = Decimal(match["figure"].replace(",", "")) * unit
    return int(value) if value == value.to_integral_value() else float(value)


def _scope(written: str) -> str:
    """A list's name as a scope: possessives dropped, the qualifier in parentheses."""
    return _SCOPE_QUALIFIER.sub(r"\1 (\2)", _POSSESSIVE_MARK.sub("", written))


def _sentence_stats(sentence: _Sentence, season: int, refs: _Refs) -> list[Stat]:
    """The figures one sentence gives, in the order it gives them."""
    text = sentence.text
    period_match = _PERIOD.search(text)
    period = period_match["period"] if period_match else None
    sources = refs((sentence.index,))
    found: list[tuple[int, Stat]] = []

    def add(
        match: re.Match[str], metric: str, value: float, when: str | None, scope: str | None = None
    ) -> None:
        stat = Stat(metric, value, period=when, scope=scope, season=season, sources=sources)
        found.append((match.start(), stat))

    for match in _RANK.finditer(text):
        debut = "debut week" if _DEBUT_AT.search(text) else None
        add(match, "weekly_rank", _count(match["rank"]), period or debut, _scope(match["scope"]))
    for match in _HOURS.finditer(text):
        value = _figure(match)
        if match["viewed"] or match["viewing"] or match["unit"] or value >= _SMALLEST_HOURS_FIGURE:
            add(match, "hours_viewed", value, period)
    for match in _VIEWS.finditer(text):
        add(match, "views", _figure(match), period)
    for match in _COUNTRIES.finditer(text):
        add(match, "top10_countries", _count(match["count"]), period)
    for match in _WEEKS.finditer(text):
        add(match, "weeks_in_top10", _count(match["count"]), None)
    return [stat for _, stat in sorted(found, key=lambda pair: pair[0])]


def _stats(
    sentences: list[_Sentence], renewal: _Found[int] | None, current: int, refs: _Refs
) -> tuple[Stat, ...]:
    """Every figure of the article, about the season its sentence names or ``current``."""
    return tuple(
        stat
        for sentence in sentences
        for stat in _sentence_stats(sentence, _named_season(sentence, renewal) or current, refs)
    )


# --------------------------------------------------------------------------- quotations

_QUOTATION = re.compile(_QUOTED)
# A sentence that is only a quotation: it continues the quoted passage before it.
_WHOLE_QUOTE = re.compile(rf"^{_QUOTED}$")
# Who said it, in the three usual orders:
# '"...," said Name, Title.'  /  '"...," Name, Title, said.'  /  'Name, Title, said: "..."'.
_STATEMENTS = (
    re.compile(rf"^{_QUOTED},? (?:said|says) (?P<speaker>{_NAME})(?:, (?P<title>[^“”\"]+?))?\.?$"),
    re.compile(
        rf"^{_QUOTED},? (?P<speaker>{_NAME})(?:, (?P<title>[^“”\"]+?),)? (?:said|says)"
        r"(?: in a statement)?\.?$"
    ),
    re.compile(
        rf"^(?P<speaker>{_NAME})(?:, (?P<title>[^“”\"]+?),)? (?:said|says)"
        rf"(?: in a statement)?[:,] {_QUOTED}$"
    ),
)
# "<Title> is described as "...""
_DESCRIBED = re.compile(
    rf"(?i:\b(?:is|was|has been|is being) (?:described|billed|pitched|touted) as) {_QUOTED}"
)
# A quotation named as the official synopsis.
_SYNOPSIS_WORD = re.compile(r"(?i:\b(?:synopsis|logline)\b)")


@dataclass
class _Passage:
    """A quoted passage: a statement, the synopsis or the description, maybe spanning
    several sentences of one paragraph."""

    kind: str  # "statement", "synopsis" or "description"
    parts: list[str]
    sentences: list[int]
    paragraph: int
    lead_in: str = ""
    speaker: str | None = None
    speaker_title: str | None = None

    @property
    def text(self) -> str:
        """The passage, its parts joined; the comma that led to "said" ends a sentence."""
        body = " ".join(_as_sentence(part) for part in self.parts)
        return f"{self.lead_in} {body}" if self.lead_in else body


def _as_sentence(part: str) -> str:
    part = part.strip()
    return part[:-1] + "." if part.endswith(",") else part


def _passages(sentences: list[_Sentence]) -> list[_Passage]:
    """The quoted passages, each with the quoted sentences that continue it."""
    passages: list[_Passage] = []
    for sentence in sentences:
        previous = passages[-1] if passages else None
        whole = _WHOLE_QUOTE.match(sentence.text)
        if (
            whole
            and previous
            and previous.sentences[-1] == sentence.index - 1
            and previous.paragraph == sentence.paragraph
        ):
            previous.parts.append(whole["quote"])
            previous.sentences.append(sentence.index)
        elif passage := _passage(sentence):
            passages.append(passage)
    return passages


def _passage(sentence: _Sentence) -> _Passage | None:
    """The passage a sentence opens: a statement, a description or the synopsis."""
    text, index, paragraph = sentence.text, sentence.index, sentence.paragraph
    for pattern in _STATEMENTS:
        if match := pattern.match(text):
            return _Passage(
                "statement",
                [match["quote"]],
                [index],
                paragraph,
                speaker=match["speaker"],
                speaker_title=match["title"],
            )
    if match := _DESCRIBED.search(text):
        return _Passage("description", [match["quote"]], [index], paragraph)
    quotation = _QUOTATION.search(text)
    if quotation and _SYNOPSIS_WORD.search(text[: quotation.start()] + text[quotation.end() :]):
        return _Passage(
            "synopsis", [quotation["quote"]], [index], paragraph, lead_in=_lead_in(text, quotation)
        )
    return None


def _lead_in(text: str, quotation: re.Match[str]) -> str:
    """The words a synopsis quotation continues ("<Title> follows"), if it continues any."""
    lead_in = text[: quotation.start()].strip()
    if lead_in.endswith((",", ":")) or _SYNOPSIS_WORD.search(lead_in):
        return ""
    return lead_in


def _first_passage(passages: list[_Passage], kind: str) -> _Passage | None:
    return next((passage for passage in passages if passage.kind == kind), None)


# ------------------------------------------------------------------------------ catalog

_SHORT_TITLE = 72


def extract(
    text: str,
    *,
    source_id: str,
    title: str | None = None,
    url: str | None = None,
    fetched: str | None = None,
) -> Catalog:
    """Extract the facts of a press article about a series.

    Every fact lists the ids (``<source_id>#s<n>``) of the sentences it was read from;
    each of those sentences is a :class:`Source` titled ``title`` (or the article's
    first sentence, shortened). Unknown values are None. Raises :class:`ArticleError`
    when no show title can be identified.
    """
    sentences = _sentences(clean_text(text))
    show_title, network = _show_identity(sentences)
    refs = _Refs(source_id)
    renewal = _renewal(sentences)
    current = max(renewal.value - 1, 1) if renewal else 1
    mentions = _mentions(sentences)
    seasons, episodes = _season_records(_season_facts(sentences, renewal, current), refs)
    show = _show_record(
        show_title,
        network,
        mentions,
        premiered=_show_premiere(sentences, renewal),
        status=_status(renewal, _announcement(sentences)),
        passages=_passages(sentences),
        refs=refs,
    )
    people = _people_records(mentions, refs)
    cast = _cast_records(mentions, refs)
    crew = _crew_records(mentions, refs)
    stats = _stats(sentences, renewal, current, refs)
    records: list[Show | Quote | Person | CastCredit | CrewCredit | Season | Episode | Stat]
    records = [show, *show.quotes, *people, *cast, *crew, *seasons, *episodes, *stats]
    cited = {source for record in records for source in record.sources}
    source_title = title or _shortened(sentences[0].text)
    return Catalog(
        show=show,
        people=people,
        cast=cast,
        crew=crew,
        seasons=seasons,
        episodes=episodes,
        stats=stats,
        sources=tuple(
            Source(sentence_id, "article", source_title, url, fetched, quote=sentence.text)
            for sentence in sentences
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
        creators=_unique(m.name for m in creators),
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


def _shortened(text: str) -> str:
    """``text`` cut at a word to at most :data:`_SHORT_TITLE` characters, with "…"."""
    if len(text) <= _SHORT_TITLE:
        return text
    return text[: _SHORT_TITLE - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
