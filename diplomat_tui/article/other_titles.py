"""Whether a credit is placed in another title: a sentence opening with another
title ("Red Sky stars A as B"), a clause about one ("on X, where ..."), "... in X" after a pair."""

from __future__ import annotations

import re

from diplomat_tui.article.patterns import (
    _APOSTROPHES,
    _FUNCTION_WORDS,
    _POSSESSIVE,
    _UPPER,
)

# A sentence's subject before "is produced by": "Second Screen is", "Dry Creek was also".
_SUBJECT_BEFORE = re.compile(
    rf"^[“\"]?(?P<subject>[{_UPPER}][^\s,;:]*(?: [^\s,;:]+){{0,5}}?)[”\"]?"
    r" (?:is|was|are|were|will be|has been|had been) (?:also )?$"
)


# A title described just before a credit list: "Dry Creek, the rom-com starring ...".
_DESCRIBED_TITLE = re.compile(
    rf"(?P<title>[{_UPPER}][\w{_APOSTROPHES}:-]*(?: (?:(?:of|the|and|in|on|a|an|to|for|at|&) )*"
    rf"[{_UPPER}0-9][\w{_APOSTROPHES}:-]*)*)[”\"]?, (?:the|a|an) "
    r"(?!(?:series|show|drama|season)\b)[^,;()]{0,40}$"
)


# The subject of "stars A": a title ("Red Sky stars A"), after any opening phrase.
_TITLE_STARS = re.compile(
    rf"(?:^|, )[“\"]?(?P<title>[{_UPPER}][\w{_APOSTROPHES}:-]*(?: (?:(?:of|the|and|in|on|a|an|&) )*"
    rf"[{_UPPER}0-9][\w{_APOSTROPHES}:-]*)*)[”\"]? (?:also )?(?P<verb>(?:co-)?stars )?$"
)


def _another_title_stars(text: str, match: re.Match[str], show: str) -> bool:
    """Whether "stars A" has another title as its subject ("Red Sky stars A as B"); a
    person ("A stars as B") is followed by "as", which no list opener is."""
    if not match.group().lower().lstrip().startswith(("stars", "co-stars")):
        return False
    subject = _TITLE_STARS.search(text, 0, match.start())
    return subject is not None and _another_title(subject["title"], show)


def _another_subject(before: str, show: str) -> bool:
    """Whether the words before a credit name another title as the subject: a title in
    capitals that is not the show nor a part of it ("Season 2 is directed by" is)."""
    match = _SUBJECT_BEFORE.match(before)
    if not match:
        return False
    subject = match["subject"]
    words = subject.split()
    if not all(word[:1].isupper() or word in ("of", "the", "and", "in", "on") for word in words):
        return False  # "The pilot is written by", "The series is produced by"
    if show and show in subject or _PART_OF_SHOW.match(subject):
        return False
    return not (words[0] in _FUNCTION_WORDS and (words[0] != "The" or len(words) == 1))


# A network or platform, and its possessive before a title: "FX's", "the WB's", "Amazon's".
_NETWORK = re.compile(
    r"(?:[A-Z]{2,5}|Amazon|Hulu|Apple|Peacock|Paramount|Disney|Showtime|Starz|Max"
    r"|Prime Video|Apple TV\+|Sky Atlantic|Sky|Channel \d|BritBox|Acorn TV|Freevee)"
)


# After a pair: "... in Dry Creek" names the show the role belongs to.
_ANOTHER_SHOW = re.compile(
    r" (?:in|on|from) (?!(?:Season|Series|Episode|Part|Chapter|Volume)\b)"
    rf"(?P<title>[{_UPPER}][^,.;:]*)"
)


# Words before a name that make it the end of a title or a title's maker: "The Haunting
# of Bly Manor" is no person "Bly Manor", nor is "in Tom Rye's Dry Creek" a pair.
# A title's capitalised words before a would-be name: "This Is Bo Li" is a title.
_TITLE_WORDS_BEFORE = rf"\b[{_UPPER}][\w{_APOSTROPHES}-]* (?:Is|Are|Was|Of|And)"
_TITLE_WORDS_END = re.compile(rf"{_TITLE_WORDS_BEFORE} $")
_TITLE_BEFORE = re.compile(rf"(?:\b[{_UPPER}][\w{_APOSTROPHES}-]* of|\bin|{_TITLE_WORDS_BEFORE}) $")


# Later in the clause: " in Dry Creek", " on NBC's The West Wing" (not " in Season 2").
_ELSEWHERE = re.compile(
    rf"[^,.;:!?]*? (?:in|on|from) (?!(?:Season|Series|Episode|Part|Chapter|Volume)\b)"
    # "in Dry Creek", "in the Bond films" (a franchise named by its films)
    rf"(?P<title>[{_UPPER}][^,.;:!?]*|the [{_UPPER}][\w'’-]*(?: [{_UPPER}][\w'’-]*)* "
    r"(?:films?|movies?|franchise|trilogy|sequels?|series|saga)\b)"
)


# A pair in a clause about another title: "... on Dry Creek, where Ann Lee's Meg Orr ...".
_WHERE_BEFORE = re.compile(
    rf"\b(?:on|in [{_UPPER}][\w.+]*{_POSSESSIVE}"
    # "directed episodes of X and Y, where ...", "starred in X, in which ..."
    r"|(?:episodes?|seasons?|the cast|the set|the run) of"
    r"|(?:directed|wrote|produced|created|starred in|appeared in|worked on))"
    rf" (?P<title>[{_UPPER}][^,;]*), (?:where|in which|whose|on which) [^,;]*$"
)


# A sentence that opens with another title giving its cast: "Dry Creek gave us A as B",
# "Dry Creek put A in the White House as B".
_TITLE_GAVE = re.compile(
    rf"^(?P<title>[{_UPPER}][\w{_APOSTROPHES}:-]*(?: (?:of|the|and|in|on|a|&) )?"
    rf"(?:[{_UPPER}][\w{_APOSTROPHES}:-]*)?(?: [{_UPPER}][\w{_APOSTROPHES}:-]*){{0,4}}),? "
    r"(?:(?:gave|gives|brought|brings|offered|offers) us|put|puts)\b"
)


# A sentence that opens with another title and its cast: "Dry Creek, with A as B, ...".
_TITLE_WITH = re.compile(
    rf"^(?P<title>[{_UPPER}][\w{_APOSTROPHES}:-]*(?: (?:(?:of|the|and|in|on|a|an|&) )*"
    rf"[{_UPPER}0-9][\w{_APOSTROPHES}:-]*)*)[”\"]?, (?:with|starring|featuring) "
)


def _another_title(title: str, show: str) -> bool:
    """Whether ``title``, opening a sentence, can be another title: not the show, a part
    of it, or words that open a clause."""
    first = title.split(" ", 1)[0]
    if show and show in title or _PART_OF_SHOW.match(title):
        return False
    return not (first in _FUNCTION_WORDS and (first != "The" or " " not in title))


def _title_tail(text: str, match: re.Match[str]) -> bool:
    """Whether the actor of ``match`` is the end of a longer title ("... of Bly Manor")
    or a title's maker ("in Tom Rye's Dry Creek")."""
    return bool(_TITLE_BEFORE.search(text, 0, match.start("actor")))


def _title_words_before(text: str, match: re.Match[str]) -> bool:
    """Whether the actor of ``match`` follows a title's capitalised words ("This Is")."""
    return bool(_TITLE_WORDS_END.search(text, 0, match.start("actor")))


def _placed_elsewhere(text: str, end: int, show: str = "") -> bool:
    """Whether the rest of the clause after ``end`` places a role in another title: a
    past role ("who played X for years on Other Show") is taken only without one."""
    match = _ELSEWHERE.match(text, end)
    return match is not None and not (show and show in match["title"])


# "A's B ... in The Other Title" later in the clause: a role in another title, the
# way a comparison names it ("Not since A's B stalked the corridors in The Long Road").
_LATER_TITLE = re.compile(
    rf"[^,.;:!?]*? (?:in|on) (?:[{_UPPER}][\w+&-]*{_POSSESSIVE} )?"
    rf"(?P<title>The [{_UPPER}][^,.;:!?]*|[“\"][^”\"]+)"
)


def _later_in_another_title(text: str, end: int, show: str) -> bool:
    """Whether the clause after ``end`` goes on to place the pair in another title
    opening with "The" or quoted ("... stalked the corridors in The Long Road")."""
    match = _LATER_TITLE.match(text, end)
    return match is not None and not (show and show in match["title"])


def _in_another_show(text: str, end: int, show: str) -> bool:
    """Whether the words after ``end`` place a role in another title ("... in Dry Creek")."""
    match = _ANOTHER_SHOW.match(text, end)
    if not match:
        return False
    title = _OWNED.sub("", match["title"])  # "on Peacock's Harbour Lights"
    title = title.removeprefix("The ") if not show.startswith("The ") else title
    return not (show and title.startswith(show))


# An owner before a title: "Peacock's ", "NBC's ".
_OWNED = re.compile(rf"^[{_UPPER}][\w+&-]*(?: [{_UPPER}][\w+&-]*)?{_POSSESSIVE} ")


# What names a part of the show, not another title: "(Episode 4)", "(Season 2)".
_PART_OF_SHOW = re.compile(r"(?:Season|Series|Episode|Part|Chapter|Volume|S\d|E\d)\b")
