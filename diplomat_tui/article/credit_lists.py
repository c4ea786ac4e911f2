"""Credit lists: "starring A, B and C", "Created by: A", "A and B also star", "A serves
as producer": the people a list names and the billing or role it gives them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from diplomat_tui.article.names import (
    _ADJECTIVE,
    _HONORIFIC,
    _NAMED_ENTRIES,
    _NOT_OWNER,
    _looks_like_name,
    _Mention,
    _person_shaped,
)
from diplomat_tui.article.other_titles import (
    _DESCRIBED_TITLE,
    _TITLE_WITH,
    _another_subject,
    _another_title,
    _another_title_stars,
)
from diplomat_tui.article.patterns import (
    _NAME,
    _POSSESSIVE,
    _UPPER,
    _trim,
)
from diplomat_tui.article.text import _Sentence
from diplomat_tui.model import Billing

# One entry of a credit list: a name (never a possessive, never cut short before another
# capitalised word), other credits in parentheses, and maybe "as <Character>".
_NOT_LIST_ENTRY = r"(?!(?:The|A|An|This|That|Its|Their|His|Her|It|They|She|He)\b)"


_LIST_ENTRY = re.compile(
    rf"{_NOT_LIST_ENTRY}(?:(?:[Ss]eries |[Ss]how )?(?:[Cc]o-)?(?:[Cc]reator|[Ss]howrunner) )?"
    rf"(?P<name>{_NAME})(?!{_POSSESSIVE}| [{_UPPER}])(?: \((?P<credits>[^()]*)\))?"
    rf"(?: as (?:the )?(?:{_HONORIFIC})?(?!{_ADJECTIVE})(?P<character>{_NAME})(?!{_NOT_OWNER}))?"
)


# What joins two entries of a list: a comma, "and", "&" or "alongside", Oxford comma or not.
_LIST_JOIN = re.compile(r",? (?:and|&) |, | alongside ")


@dataclass(frozen=True)
class _Opener:
    """Words that introduce a list of credits, the billing or role the list gives, and
    what must follow the list when the opening words alone are not enough."""

    words: re.Pattern[str]
    billing: Billing | None = None
    role: str | None = None
    then: re.Pattern[str] | None = None
    characters: bool = False  # "(...)" after a name is the character, not other credits


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
            r"(?i:(?<!guest[- ])\b(?:co-)?star(?:s|ring)(?: alongside)?"
            r"|\bthe (?:main )?cast (?:also )?includes?"
            r"|\bseries regulars (?:also )?include|\bcast members (?:also )?include"
            r"|\b(?:is |are )?rounded out by|\b(?:returning|new) (?:faces|cast members|players)"
            r" (?:also )?include) "
        ),
        billing="main",
    ),
    # "The new season adds A and B", "Season 3 also adds A"
    _Opener(
        re.compile(
            r"(?i:\b(?:season(?: \w+)?|series|run|show|drama|thriller))"
            r"(?: of [A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,4})?(?i: (?:also )?adds) "
        ),
        billing="main",
        # the list ends the clause, or says who: not "adds Camp Hale to its map"
        then=re.compile(r"(?=[,.;:!]|$| (?:as|who|in|to (?:the|its) (?:main )?cast)\b)"),
    ),
    # "Season 2, which added A and B, ..."
    _Opener(re.compile(r"(?i:\b(?:which|that) (?:also )?(?:added|introduced)) "), billing="main"),
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
    # "executive produces with A, B and C", "executive produces alongside A and B"
    _Opener(
        re.compile(r"(?i:\bexecutive[- ]produces? (?:with|alongside)) "),
        role="executive producer",
    ),
    # press kits and infoboxes: "Created by: A", "| Starring = A, B", "Cast: A (Character)"
    _Opener(re.compile(r"^\|?\s*(?i:created by|creators?)\s*[:=]\s*"), role="creator"),
    _Opener(re.compile(r"^\|?\s*(?i:showrunners?)\s*[:=]\s*"), role="showrunner"),
    # a production sheet's "Creator and showrunner: A", "Directors: A, B", "Writers: A"
    _Opener(re.compile(r"^\|?\s*(?i:creator (?:and|&|/) showrunner)\s*[:=]\s*"), role="creator"),
    _Opener(re.compile(r"^\|?\s*(?i:creator (?:and|&|/) showrunner)\s*[:=]\s*"), role="showrunner"),
    _Opener(re.compile(r"^\|?\s*(?i:directors?|directed by)\s*[:=]\s*"), role="director"),
    _Opener(re.compile(r"^\|?\s*(?i:writers?|written by)\s*[:=]\s*"), role="writer"),
    _Opener(re.compile(r"^\|?\s*(?i:executive producers?)\s*[:=]\s*"), role="executive producer"),
    _Opener(re.compile(r"^\|?\s*(?i:producers?)\s*[:=]\s*"), role="producer"),
    _Opener(re.compile(r"^\|?\s*(?i:starring|main cast)\s*[:=]\s*"), billing="main"),
    _Opener(re.compile(r"^\|?\s*(?i:cast)\s*[:=]\s*"), billing="main", characters=True),
    _Opener(re.compile(r"(?i:(?<!written and )\bdirected by) "), role="director"),
    _Opener(re.compile(r"(?i:\bwritten by) "), role="writer"),
    # "written and directed by A": both roles
    _Opener(re.compile(r"(?i:\bwritten and directed by) "), role="writer"),
    _Opener(re.compile(r"(?i:\bwritten and directed by) "), role="director"),
    # "serves as an executive producer alongside A and B", "EPs include A and B"
    _Opener(
        re.compile(
            r"(?i:\b(?:serves?|served) as (?:an? )?(?:co-)?executive producers? (?:alongside|with)"
            r"|\b(?:EPs|exec producers) (?:also )?(?:include|are)) "
        ),
        role="executive producer",
    ),
)


# An article's byline: "Written by Ann Lee | Updated: Oct 15, 2025", "Words by A · 5 min read".
_BYLINE = re.compile(
    r"(?i:^(?:written|words|reported|posted|story|text) by [^|·•\n]{2,60}?\s*[|·•—]"
    r"|^(?:written|words|posted) by .{2,60}?\b(?:updated|published|posted|min read)\b)"
)


# Roles behind the camera.
_ROLE_WORDS = "creator|showrunner|executive producer|producer|writer|director"


_ROLE = r"(?:co-)?creator|showrunner|(?:co-)?executive producer|(?:co-)?producer|director|writer"


# After a list that opens a sentence: "... serves as producer", "... are also showrunners",
# "... executive produce".
_SUBJECT_ROLE = re.compile(
    rf"(?i: (?:also )?(?:serves?|acts?) as (?:an? |the )?(?P<role>{_ROLE})s?\b"
    rf"| (?:is|are) (?:also )?(?:an? |the |its |the show['’]s |the series['’] )?"
    rf"(?P<is_role>{_ROLE})s?\b"
    r"| (?:also )?(?P<verb>executive[- ]produces?|produces?|directs?|writes?)\b"
    # the work itself, not a way with words: "writes every episode", "writes and directs",
    # never "writes dialogue that ..." or "writes these people so well"
    r"(?=[.,;:!?]|$| (?:and|alongside|with|for|on)\b"
    r"| (?:[\w-]+ ){0,3}?(?:episodes?|scripts?|pilot|finale|premiere|opener|show|series|season)\b))"
)


_ROLE_OF_VERB = {
    "executive produce": "executive producer",
    "produce": "producer",
    "direct": "director",
    "write": "writer",
}


# Separators between the titles in "(Show One, Show Two; Show Three)".
_CREDIT_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+)?")


def _list_mentions(sentence: _Sentence, show: str = "") -> Iterator[_Mention]:
    """People in the credit lists of a sentence ("starring A, B and C"), but for the
    credits of another title ("Second Screen is produced by A")."""
    if _BYLINE.match(sentence.text):
        return  # "Written by Ann Lee | Updated: Oct 15": who wrote the article
    for opener in _LIST_OPENERS:
        if opener.words.pattern.startswith("^") and not (sentence.line or sentence.heading):
            continue  # "Producer: A." inside prose: a podcast's or a page's own credits
        for match in opener.words.finditer(sentence.text):
            if opener.role and _another_subject(sentence.text[: match.start()], show):
                continue
            if opener.billing and _another_title_stars(sentence.text, match, show):
                continue  # "Elsewhere, Red Sky stars A as B"
            described = _DESCRIBED_TITLE.search(sentence.text, 0, match.start())
            if described and not (show and show in described["title"]):
                continue  # "Dry Creek, the rom-com starring A and B"
            opening = _TITLE_WITH.match(sentence.text)
            if opening and opening.end() == match.end() and _another_title(opening["title"], show):
                continue  # "Dry Creek, starring A and B, ..."
            entries = _list_entries(sentence.text, match.end())
            if entries and opener.then and not opener.then.match(sentence.text, entries[-1].end()):
                continue
            # "A (Ruth Abara), B (Ivy Park)": a list whose parentheses read as people's
            # names gives characters
            named = sum(bool(e["credits"] and _person_shaped(e["credits"])) for e in entries)
            characters = opener.characters or named >= _NAMED_ENTRIES
            for entry in entries:
                inner = entry["credits"]
                as_character = characters and inner and _looks_like_name(inner)
                yield _Mention(
                    _trim(entry["name"]),
                    sentence.index,
                    entry.start(),
                    billing=opener.billing,
                    character=inner.strip() if as_character else entry["character"],
                    role=opener.role,
                    known_for=() if characters else _other_credits(inner),
                )
    yield from _subject_role_mentions(sentence)
    yield from _subject_cast_mentions(sentence)


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


# An aside after a sentence's subject, before its role (a quoted title may hold its comma).
_ROLE_ASIDE = re.compile(r", (?=[a-z0-9])[^,()–—]{1,100},[”\"]?(?= )")


def _subject_role_mentions(sentence: _Sentence) -> Iterator[_Mention]:
    """People in a list opening the sentence and given a role: "A serves as producer"."""
    entries = _list_entries(sentence.text, 0)
    if not entries:
        return
    if aside := _ROLE_ASIDE.match(sentence.text, entries[0].end()):
        # "Ann Lee, who wrote for Dry Creek and Red Sky, is also the showrunner": the
        # aside's titles are no list of people
        entries, end = entries[:1], aside.end()
    else:
        end = entries[-1].end()
    role = _SUBJECT_ROLE.match(sentence.text, end)
    if not role:
        return
    if role["verb"]:
        name = role["verb"].lower().replace("-", " ").removesuffix("s")
        title = _ROLE_OF_VERB[name]
    else:
        title = (role["role"] or role["is_role"]).lower()
    for entry in entries:
        yield _Mention(_trim(entry["name"]), sentence.index, entry.start(), role=title)


# After a list that opens a sentence: "... also star", "... are all back", "... co-star".
_SUBJECT_CAST = re.compile(
    r"(?i: (?:also |all )?(?:co-)?star\b| (?:are|is) (?:all |also )?(?:back|returning)\b"
    r"| (?:all |also )?return\b| recurring\b)"
)


def _subject_cast_mentions(sentence: _Sentence) -> Iterator[_Mention]:
    """People in a list opening the sentence and said to star: "A and B also star"."""
    entries = _list_entries(sentence.text, 0)
    if len(entries) < 2 or not _SUBJECT_CAST.match(sentence.text, entries[-1].end()):
        return
    for entry in entries:
        yield _Mention(_trim(entry["name"]), sentence.index, entry.start(), billing="main")


def _other_credits(credits: str | None) -> tuple[str, ...]:
    """The shows in "(Show One, Show Two)"; "and" inside a title does not split it. A
    part that reads as a person's name ("Ruth Abara") is no title: nothing is taken."""
    if not credits or not credits[0].isupper():
        return ()
    parts = tuple(part for part in _CREDIT_SEPARATOR.split(credits.strip()) if part)
    return () if any(_person_shaped(part) for part in parts) else parts
