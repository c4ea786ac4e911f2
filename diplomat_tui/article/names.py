"""Person names: what reads as a person's or character's name, and the full names a
surname, a first name or a short form stands for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from diplomat_tui.article.patterns import (
    _NAME,
    _POSSESSIVE,
    _UPPER,
)
from diplomat_tui.model import Billing


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
    possessive: bool = False  # "A's B": also how a creator's character is written
    short: bool = False  # a one-word character, kept only as a known character's short form

    @property
    def in_cast(self) -> bool:
        return self.billing is not None or self.character is not None


# A capitalised word before a lower-case one is no name: "British prime minister, X".
_ADJECTIVE = rf"[{_UPPER}][a-z]+ (?=[a-z])"


# A dotted honorific before a name: "Dr. Amal Reyes".
_HONORIFIC = r"(?:Dr|Mr|Mrs|Ms|Prof)\. "


# What may not follow a character's name: a possessive ("as Grace Penn's husband" names
# a role by another character), even one more name word away (no backtracking to "Grace").
_NOT_OWNER = rf"(?: [{_UPPER}][\w-]*)*{_POSSESSIVE}"


_FULL_NAME = re.compile(_NAME)


def _looks_like_name(text: str) -> bool:
    """Whether ``text`` reads as a person's or character's name ("Ivy Cole"), not a
    title ("The Long Road", "Anna's Garden") or a list of them."""
    text = text.strip()
    if not _FULL_NAME.fullmatch(text) or text.split(" ", 1)[0] in _NOT_NAME_STARTS:
        return False
    if text.rsplit(" ", 1)[-1] in _NOT_NAME_ENDS:
        return False  # "(Sort Of)": words, not a name
    if any(word in _TITLE_CASE_WORDS for word in text.split(" ")[1:-1]):
        return False  # a headline's "Dry Creek Catches Up With September": no name
    if any(word in _CASTING_WORDS for word in text.split(" ")):
        return False  # a headline's "Dry Creek Star Ann Lee", "as Series Regular"
    if text in _PLACES:
        return False  # "returns as White House chief of staff Ivy Cole": a place, then the role
    return not re.search(rf"{_POSSESSIVE}|\d", text)


_NOT_NAME_STARTS = frozenset("The A An Of In On At Mr Mrs".split())


# Words a title-case casting headline capitalises, never in a name.
_CASTING_WORDS = frozenset(
    "Star Stars Alum Alumna Alumnus Veteran Regular Regulars Recurring Guest Season Series "
    "Episode Exclusive Cast Casting Role".split()
)


# Places of government a role is described by, never a name: "White House chief of staff".
_PLACES = frozenset(
    {
        "White House", "Downing Street", "State Department", "Foreign Office", "Oval Office",
        "Home Office", "Capitol Hill", "Situation Room", "Whitehall", "Pentagon", "Kremlin",
        "Number Ten", "Elysee", "Élysée", "Westminster",
    }
)  # fmt: skip


_NOT_NAME_ENDS = frozenset("Of In On At To For With And Or The A An".split())


# Small words a title-cased headline capitalises, never inside a name.
_TITLE_CASE_WORDS = frozenset("In On At To For With And Or The A An Up Into From By Over".split())


# A title that only characters carry in a cast list: "(President Meg Orr)".
_CHARACTER_TITLE = re.compile(
    r"^(?:(?:Deputy|Acting|Former|Junior|Shadow|Assistant|Chief) )?"
    r"(?:President|Vice President|Prime Minister|Ambassador|Secretary|Foreign Secretary"
    r"|Senator|Governor|Minister|Chancellor|General|Agent|Detective|Inspector|Captain"
    r"|Commander|Colonel|Sergeant|Officer|Judge|Mayor|Chief|Lord|Lady|Sir|Dame|Queen|King"
    r"|Prince|Princess|Dr\.?|Professor|Father|Sister) [A-Z]"
)


# An office before a name: a character's ("President Meg Orr"), never how an actor is
# credited (unlike "Dame" or "Sir").
_OFFICE = re.compile(
    r"^(?:(?:Deputy|Acting|Former|Vice|Prime|Foreign|Home|Chief) )?(?:President|Prime Minister"
    r"|Minister|Ambassador|Secretary|Senator|Governor|Chancellor|General|Agent|Detective"
    r"|Inspector|Captain|Commander|Colonel|Sergeant|Officer|Judge|Mayor|Chief|Congressman"
    r"|Congresswoman|First Lady|First Gentleman) [A-Z]"
)


_NAMED_ENTRIES = 2  # parentheses reading as people's names that make a list of characters


@cache
def _given_names() -> frozenset[str]:
    """First names people are given (lower case), read once from ``given_names.txt``."""
    text = resources.files(__package__).joinpath("given_names.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def _person_shaped(text: str) -> bool:
    """Whether ``text`` reads as a person's (or a character's) full name rather than a
    title: two to four name words, the first a given name ("Ruth Abara", not
    "Dry Creek"), or a character's title before a name ("Deputy Prime Minister Ann
    Lee"). A title named for its hero ("Ted Lasso") reads as a name too."""
    text = text.strip()
    if _CHARACTER_TITLE.match(text):
        return not re.search(rf"{_POSSESSIVE}|\d|[,;:]", text)
    words = text.split(" ")
    if not 2 <= len(words) <= 4 or not _looks_like_name(text):
        return False
    return words[0].lower() in _given_names()


def _new_name(name: str) -> str | None:
    """``name`` when it can name someone the article has not named before (a full name)."""
    return name if " " in name else None


class _People:
    """The full names an article gives (and the store knows), to resolve surname
    back-references; and the characters, which are never taken for people."""

    def __init__(
        self,
        names: Iterable[str],
        characters: Iterable[str] = (),
        candidates: Iterable[str] = (),
    ) -> None:
        self._characters = frozenset(characters)
        names = [n for n in names if n not in self._characters]
        people = frozenset(n for n in names if " " in n)
        self._full = people | frozenset(
            n for n in candidates if " " in n and n not in self._characters
        )
        self._by_last_word: dict[str, list[str]] = {}
        for full_name in self._full:
            self._by_last_word.setdefault(_last_word(full_name), []).append(full_name)
        # a surname credited ("Lee will play ...") credits the one full name it ends
        self._people = people | frozenset(
            full for n in names if " " not in n and (full := self.known(n)) is not None
        )

    def known(self, name: str) -> str | None:
        """The full name ``name`` stands for: itself, or the one full name it ends."""
        if name in self._full:
            return name
        matches = self._ended_by(name)
        return matches[0] if len(matches) == 1 else None

    def person(self, name: str) -> str | None:
        """The full name of someone credited (by the article or the store) that ``name``
        stands for; None for anyone else."""
        if name in self._people:
            return name
        matches = [full for full in self._ended_by(name) if full in self._people]
        return matches[0] if len(matches) == 1 and not self.is_character(name) else None

    def credited(self, name: str) -> str | None:
        """The credited person ``name`` stands for: a full name, a surname, or a first
        name only one of them has, or its short form of four letters or more ("Brad" for
        Bradley), never a character's name."""
        if person := self.person(name):
            return person
        if " " in name or self.is_character(name):
            return None
        first = [p for p in self._people if p.startswith(name + " ")]
        if not first and len(name) >= 4:
            first = [p for p in self._people if p.split(" ", 1)[0].startswith(name)]
        return first[0] if len(first) == 1 else None

    def is_character(self, name: str) -> bool:
        """Whether ``name`` is (the end of) a character's name."""
        return name in self._characters or any(
            c.endswith(" " + name) or c.startswith(name + " ") for c in self._characters
        )

    def resolve(self, name: str) -> str | None:
        """``name`` as a full name; None when it could be more than one person, or is
        one word no full name ends (a surname alone is never a new person). A first
        name alone stands for the one credited person it starts, if only one."""
        if known := self.known(name):
            return known
        if " " not in name and not self._ended_by(name) and not self.is_character(name):
            first = [p for p in self._people if p.startswith(name + " ")]
            if len(first) == 1:
                return first[0]
        if " " not in name or self._ended_by(name):
            return None
        return name

    def _ended_by(self, name: str) -> list[str]:
        """The full names that end with ``name`` ("de Armas" ends "Ana de Armas")."""
        candidates = self._by_last_word.get(_last_word(name), [])
        return [full for full in candidates if full.endswith(" " + name)]


def _short_form(word: str, characters: Iterable[str]) -> bool:
    """Whether ``word`` is the first or last word of one of ``characters``."""
    return any(" " in c and word in (c.split(" ", 1)[0], c.rsplit(" ", 1)[-1]) for c in characters)


def _last_word(name: str) -> str:
    return name.rsplit(" ", 1)[-1]
