"""Patterns and helpers every stage shares: names, titles, counts, seasons."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


_UPPER = "A-ZÀ-ÖØ-Þ"
_APOSTROPHES = "’'‘"
# One word of a person's or character's name: "Okafor", "McAdams", "D’Arcy", "O'Brien",
# "Jean-Luc", or an initial "J.". Never the start of a longer word, nor a verb that a
# title-case headline capitalises ("Ann Lee and Tom Rye Are TV's New Couple").
_HEADLINE_CASE_VERBS = (
    "Are|Is|Was|Were|Be|Been|Has|Have|Had|Does|Did|Gets|Got|Makes|Made|Takes|Took|Joins"
    "|Joined|Returns|Reveals|Says|Said|Talks|Opens|Teases|Becomes|Became|Plays|Played|Stars"
    "|Starred|Reunite|Reunites|Lead|Leads|Headline|Headlines"
    "|Adds|Casts|Taps|Hires|Recruits|Enlists|Welcomes|Nabs|Ropes|Boards|Lands|Signs"
    "|Turn|Turns|Make|Bring|Brings|Give|Gives|Keep|Keeps|Steal|Steals|Rule|Rules|Save|Saves"
    "|Lift|Lifts|Carry|Carries|Elevate|Elevates|Anchor|Anchors|Power|Powers|Dazzle|Dazzles"
    # and the prepositions a title-case headline capitalises ("... Soap Into a Two-Hander")
    "|Into|Onto|Upon|Over|Under|About|After|Against|Through|Without|Toward|Towards"
)
_NAME_WORD = (
    rf"(?<![\w{_APOSTROPHES}.-])(?!(?:{_HEADLINE_CASE_VERBS})\b)(?:[{_UPPER}]\.(?= [{_UPPER}][a-z])"
    # dotted initials ("J.K. Simmons"), never a country's ("the U.K. Ivy Cole")
    rf"|(?!U\.[SKN]\.|E\.U\.)(?:[{_UPPER}]\.){{2,3}}(?= [{_UPPER}][a-z])"
    rf"|[{_UPPER}](?:[{_APOSTROPHES}][{_UPPER}])?[^\W\d_]*(?:-[{_UPPER}][^\W\d_]*)*"
    rf"|[{_UPPER}]\.)(?![\w-])"
)
# Lower-case particles inside names: "Ana de Armas", "Ludwig van Beethoven".
_PARTICLE = r"(?:da|de|del|della|der|di|du|la|le|van|von)"
# A name: one to five words.
_NAME = rf"{_NAME_WORD}(?: (?:{_PARTICLE} )?{_NAME_WORD}){{0,4}}"
# A conversation's line: "Q: ...", "A: ...", "[00:01:09] ANN LEE: ...", "Lee: ...".
_SPEAKER = re.compile(
    rf"^(?:\[[\d:]+\] )?(?P<label>[QA]|[{_UPPER}][{_UPPER}'’ -]+[{_UPPER}]|{_NAME_WORD}): "
)
# The possessive "’s" / "'s" / "‘s".
_POSSESSIVE = rf"[{_APOSTROPHES}]s\b"
# Capitalised words that start a sentence or clause but never a name.
_FUNCTION_WORDS = frozenset(
    "The A An In On At Her His Their Its She He They It But And As While When After With "
    "Meanwhile Also Then This That For From By Per Now Today Yes No So Still Here There Even "
    "Only Plus Next Last First Later Elsewhere Before Since Until If Or Yet Both Each Every "
    "Why How What Who Where Whether Although Though Because Once "
    # an imperative opening a sentence: "Consider Ann Lee's Ivy Cole", "Meet Bo Li"
    "Consider Meet Take Imagine Picture Enter Cue Watch Remember Forget Behold".split()
)

# A quotation in curly or straight double quotes.
_QUOTED = r"[“\"](?P<quote>[^“”\"]+)[”\"]"

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORDS = {
    **{word: value for value, word in enumerate(_UNITS, start=1)},
    **{word: value for value, word in enumerate(_TEENS, start=10)},
    **dict(zip(_TENS, range(20, 100, 10), strict=True)),
}
_ORDINAL_WORDS = {
    word: value
    for value, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
        start=1,
    )
}
_ORDINAL_WORDS["sophomore"] = 2
# A number in words up to ninety-nine ("eight", "eighty-six", "eighty six").
_TENS_WORDS = "|".join(_TENS)
_UNIT_WORDS = "|".join(_UNITS)
_NUMBER_IN_WORDS = (
    rf"(?:(?:{_TENS_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|{'|'.join(_TEENS)}|{_UNIT_WORDS})"
)
# A count, in digits or words ("8", "eight", "eighty-six").
_COUNT = rf"(?:\d+|(?i:{_NUMBER_IN_WORDS})\b)"
# An ordinal in words or digits ("second", "2nd").
_ORDINAL = rf"(?:{'|'.join(_ORDINAL_WORDS)}|\d+(?:st|nd|rd|th))"
# A season named by ordinal or number: "second season", "Season 2", "season two", and
# the British "series three" (only with a number after it), the short "S3", and the
# adjective "third-season episodes".
_SEASON = (
    rf"(?:(?i:\b(?P<ordinal>{_ORDINAL})(?: and final)?[ -](?:season|series|run|outing)\b"
    rf"|\b(?:season|series) (?P<number>{_COUNT})(?!\d)(?![\w-]))"
    # "S3", "S03", "S3E1", "S03 E01", as headlines and fans write it
    r"|\bS0?(?P<short>\d{1,2})(?:(?= ?E\d{1,2}\b)|(?![\w-])))"
)
_SEASON_REFERENCE = re.compile(_SEASON)


def _count(word: str) -> int:
    """The value of a count in digits or words ("forty-two" -> 42)."""
    if word.isdigit():
        return int(word)
    total = 0
    for part in re.split(r"[- ]", word.lower()):
        total += _NUMBER_WORDS[part]
    return total


def _season_number(match: re.Match[str]) -> int:
    """The season named by a match of :data:`_SEASON`."""
    groups = match.groupdict()
    if groups.get("number"):
        return _count(groups["number"])
    if groups.get("short"):
        return int(groups["short"])
    ordinal = match["ordinal"].lower()
    return _ORDINAL_WORDS.get(ordinal) or int(ordinal[:-2])


def _trim(name: str) -> str:
    """``name`` without leading words that start clauses, name a role or are a headline's
    verb ("Meanwhile Okafor" -> "Okafor", "Creator Maren Holt" -> "Maren Holt", "Casts Ann
    Lee" -> "Ann Lee")."""
    words = name.split(" ")
    while len(words) > 2 and (words[0] in _ROLE_TITLES or words[0] in _HEADLINE_VERBS):
        words.pop(0)
    while len(words) > 1 and words[0] in _FUNCTION_WORDS:
        words.pop(0)
    return " ".join(words)


# A headline's verb, capitalized like every headline word: "Show Casts Ann Lee as ...".
_HEADLINE_VERBS = frozenset(
    "Casts Adds Taps Hires Recruits Enlists Books Lands Signs Welcomes Ropes Nabs".split()
)
# A role written before a name with a capital, as a sentence starts: "Creator Maren Holt".
_ROLE_TITLES = frozenset(
    "Creator Co-creator Showrunner Producer Director Writer Star Actor Actress Executive "
    "Newcomer Co-star Veteran".split()
)


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
