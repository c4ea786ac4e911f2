"""People and their credits: cast with characters, crew with roles, other credits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from diplomat_tui.article.patterns import _NAME, _POSSESSIVE, _UPPER, _Refs, _trim, _unique
from diplomat_tui.article.text import _Sentence
from diplomat_tui.model import Billing, CastCredit, CrewCredit, Person


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
