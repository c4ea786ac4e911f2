"""People and their credits: cast with characters, crew with roles, other credits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from diplomat_tui.article.patterns import (
    _NAME,
    _NAME_WORD,
    _POSSESSIVE,
    _UPPER,
    _Refs,
    _trim,
)
from diplomat_tui.article.text import _Sentence
from diplomat_tui.merge import union
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
    possessive: bool = False  # "A's B": also how a creator's character is written

    @property
    def in_cast(self) -> bool:
        return self.billing is not None or self.character is not None


# What may not follow a character's name: a possessive ("as Grace Penn's husband" names
# a role by another character), even one more name word away (no backtracking to "Grace").
_NOT_OWNER = rf"(?: [{_UPPER}][\w-]*)*{_POSSESSIVE}"
# One entry of a credit list: a name (never a possessive, never cut short before another
# capitalised word), other credits in parentheses, and maybe "as <Character>".
_NOT_LIST_ENTRY = r"(?!(?:The|A|An|This|That|Its|Their|His|Her|It|They|She|He)\b)"
_LIST_ENTRY = re.compile(
    rf"{_NOT_LIST_ENTRY}(?P<name>{_NAME})(?!{_POSSESSIVE}| [{_UPPER}])(?: \((?P<credits>[^()]*)\))?"
    rf"(?: as (?:the )?(?P<character>{_NAME})(?!{_NOT_OWNER}))?"
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
    # "executive produces with A, B and C", "executive produces alongside A and B"
    _Opener(
        re.compile(r"(?i:\bexecutive[- ]produces? (?:with|alongside)) "),
        role="executive producer",
    ),
    # press kits and infoboxes: "Created by: A", "| Starring = A, B", "Cast: A (Character)"
    _Opener(re.compile(r"^\|?\s*(?i:created by|creators?)\s*[:=]\s*"), role="creator"),
    _Opener(re.compile(r"^\|?\s*(?i:showrunners?)\s*[:=]\s*"), role="showrunner"),
    _Opener(re.compile(r"^\|?\s*(?i:executive producers?)\s*[:=]\s*"), role="executive producer"),
    _Opener(re.compile(r"^\|?\s*(?i:producers?)\s*[:=]\s*"), role="producer"),
    _Opener(re.compile(r"^\|?\s*(?i:starring|main cast)\s*[:=]\s*"), billing="main"),
    _Opener(re.compile(r"^\|?\s*(?i:cast)\s*[:=]\s*"), billing="main", characters=True),
    _Opener(re.compile(r"(?i:\bdirected by) "), role="director"),
    _Opener(re.compile(r"(?i:\bwritten by) "), role="writer"),
)
# Roles behind the camera.
_ROLE_WORDS = "creator|showrunner|executive producer|producer|writer|director"
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
    rf"(?P<actor>{_NAME})(?: \([^()]*\))?,? (?:has |have |had )?(?:also |now |will |is back )?"
    r"(?P<verb>(?i:plays|play|portrays|is playing|stars as|co-stars as|returns as|appears as"
    r"|is back as|starring as|join(?:s|ed)?(?: the cast)?(?: (?:in|for) (?:season \w+|this season"
    r"|the \w+ season)| this season| last season)? as|guest[- ]stars as|guest[- ]starring as"
    r"|recurs as|(?:is|was) cast as"
    r"|joins as|came aboard as|comes aboard as)) "
    rf"(?:(?:the|her|his|their) )?(?:(?:[a-z][\w-]*|[A-Z]{{2,4}}),? ){{0,3}}?"
    rf"(?![A-Z]{{2,}}\b)(?P<character>{_NAME})"  # "as fiery US envoy Meg Orr"
    rf"(?!{_NOT_OWNER})"  # "as Grace Penn's husband": a role named by another character
)
# "<Actor>’s powerful performance as <Character>".
_PERFORMANCE = re.compile(
    rf"(?P<actor>{_NAME}){_POSSESSIVE} (?:[\w-]+ ){{0,3}}?(?:performance|turn|portrayal|role) "
    rf"as (?:the )?(?P<character>{_NAME})(?!{_NOT_OWNER})"
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
                inner = entry["credits"]
                as_character = opener.characters and inner and _looks_like_name(inner)
                yield _Mention(
                    _trim(entry["name"]),
                    sentence.index,
                    entry.start(),
                    billing=opener.billing,
                    character=inner.strip() if as_character else entry["character"],
                    role=opener.role,
                    known_for=() if opener.characters else _other_credits(inner),
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


def _looks_like_name(text: str) -> bool:
    """Whether ``text`` reads as a person's or character's name ("Ivy Cole"), not a
    title ("The Long Road", "Anna's Garden") or a list of them."""
    text = text.strip()
    if not _FULL_NAME.fullmatch(text) or text.split(" ", 1)[0] in _NOT_NAME_STARTS:
        return False
    if text.rsplit(" ", 1)[-1] in _NOT_NAME_ENDS:
        return False  # "(Sort Of)": words, not a name
    return not re.search(rf"{_POSSESSIVE}|\d", text)


_NOT_NAME_STARTS = frozenset("The A An Of In On At Mr Mrs".split())
_NOT_NAME_ENDS = frozenset("Of In On At To For With And Or The A An".split())


def _other_credits(credits: str | None) -> tuple[str, ...]:
    """The shows in "(Show One, Show Two)"; "and" inside a title does not split it."""
    if not credits or not credits[0].isupper():
        return ()
    return tuple(part for part in _CREDIT_SEPARATOR.split(credits.strip()) if part)


# Words that may stand between "as" (or a possessive) and a character's name: "as her
# husband, Tom Reyes", "as chief of staff Ivy Cole", "newly sworn-in President X".
_DESCRIPTOR = (
    r"(?:(?!(?:and|with|starring|by|in|on|to|for|from|as|is|was|who|include|includes"
    r"|including|credits?|works?|films?|shows?|series|roles?|performance|turn|new|latest"
    r"|next|previous|upcoming|own|first|last|co-stars?|stars?|plays?|said|says|told)\b)"
    r"[a-z][\w-]*,? |[A-Z]{2,5} ){0,4}?"
)
# "<Actor> as <Character>" inside a sentence about the cast: "with A as B, C as D".
_AS_PAIR = re.compile(
    rf"(?P<actor>{_NAME})(?: \([^()]*\))?,? as (?:the |her |his |their )?{_DESCRIPTOR}"
    rf"(?![A-Z]{{2,}}\b)(?P<character>{_NAME})(?!{_NOT_OWNER})"
)
# "<Actor> is <Character>," (a listing's lead line).
_IS_PAIR = re.compile(rf"(?P<actor>{_NAME}) is (?P<character>{_NAME})(?=[,.;:]|$)")
# "<Actor>'s <Character>": "Mia Long's Ivy Cole", "Okafor's prime minister X Y".
_POSSESSIVE_CHARACTER = re.compile(
    rf"(?P<actor>{_NAME}){_POSSESSIVE} {_DESCRIPTOR}(?![A-Z]{{2,}}\b)(?P<character>{_NAME})"
    rf"(?!{_NOT_OWNER})"  # "A's envoy under B's President C": B plays C, not A plays B
)
# "<Character>, played by <Actor>"
_PLAYED_BY = re.compile(
    rf"(?P<character>{_NAME}),? (?:who is |is )?(?:played|portrayed) by (?P<actor>{_NAME})"
)
# "<Actor> has joined the cast", "<Actor> (Other Show) joins the cast of ..."
_JOINED = re.compile(
    rf"(?P<actor>{_NAME})(?: \((?P<credits>[^()]*)\))?,? (?:has |have |will |is set to )?"
    r"(?i:joined|joins|join|is joining|came aboard|comes aboard)"
    r" (?:the (?:main )?cast\b|as a series regular)"
)
# A role written before the name: "Creator and showrunner Maren Holt", "series creator X".
_ROLE_BEFORE_NAME = re.compile(
    rf"\b(?i:(?:series |show )?(?P<first>creator|showrunner|executive producer)"
    rf"(?: and (?P<second>showrunner|executive producer|creator))?) (?P<name>{_NAME})"
)
# "<Name> created the series", "<Name> created it"
_CREATED = re.compile(
    rf"(?P<name>{_NAME}) (?:also )?(?:created|co-created) (?:the (?:series|show|drama)|it)\b"
    rf"(?P<showrunner> and (?:also )?serves as showrunner)?"
)
# "... credits include A and B", "who previously wrote for A and B", "a veteran of A and B"
_KNOWN_FOR = re.compile(
    r"(?i:\b(?:whose |previous |film |tv |television |stage )*(?:credits|work) (?:also )?includes?"
    r"|\bpreviously (?:wrote|worked) (?:for|on)|\ba veteran of|\bcut (?:her|his|their) teeth on"
    r"|\b(?:best )?known for|\bwon (?:an? |two |three |\w+ )?(?:emmys?|golden globes?|awards?"
    r"|baftas?|oscars?|sag awards?)(?: awards?)? for"
    r"|\b(?:winner|nominee|nominations?|nominated) for"
    r"|\b(?:title )?(?:role|part) in|\bstarred (?:for \w+ seasons )?in"
    r"|\b(?:staff )?(?:writer|producer) (?:on|for)|\bwent on to (?:write|produce|direct)"
    r"(?: and (?:write|produce|direct))?"
    r"|\bin the (?:\w+ )?(?:film|series|movie|sitcom|drama|miniseries)"
    r"|\bepisode of) "
)
# "(Creator, Showrunner, Executive Producer)" after a name: roles, not other credits.
_ROLES_ONLY = re.compile(rf"(?i:(?:{_ROLE_WORDS})(?:\s*[,/]\s*(?:and )?(?:{_ROLE_WORDS}))*)")
_ROLE_LIST_SEPARATOR = re.compile(r"\s*[,/]\s*(?:and )?")
# A parenthesis that names a role behind the camera, alone or after a character.
_ANNOTATION = re.compile(rf"(?i:^(?:{_ROLE_WORDS})\s*(?:[,/]|$)|/\s*(?:{_ROLE_WORDS})\b)")
# Words of an award's name, never of a show's: "Outstanding Lead Actress".
_AWARD = re.compile(
    r"\b(?:Outstanding|Best|Lead|Supporting|Actress|Actor|Awards?|Emmys?|Golden Globes?"
    r"|Primetime|Performance|Nominations?)\b"
)
# A possessive before a title, not part of it: a full name's ("Alex Garland's Men") or
# anyone's before "The" ("Hulu's The Long Road"); never "Grey's Anatomy".
_OWNER = re.compile(
    rf"(?!The )(?:{_NAME_WORD} {_NAME_WORD}(?: {_NAME_WORD})?{_POSSESSIVE} "
    rf"|{_NAME_WORD}{_POSSESSIVE} (?=The ))"
)
# A sentence whose subject is a pronoun: it is about the person the one before began with.
_PRONOUN_START = re.compile(r"^(?:His|Her|Their|He|She|They)\b")
_TITLE_IN_LIST = re.compile(
    rf"[{_UPPER}0-9][\w’'!.,-]*(?:(?: (?:of|the|in|on|a|an|to|for|at|by|with|from|&)){{1,2}} "
    rf"[{_UPPER}0-9][\w’'!.-]*| [{_UPPER}0-9][\w’'!.-]*)*"
)


# After a pair: "... in Dry Creek" names the show the role belongs to.
_ANOTHER_SHOW = re.compile(
    r" (?:in|on|from) (?!(?:Season|Series|Episode|Part|Chapter|Volume)\b)"
    rf"(?P<title>[{_UPPER}][^,.;:]*)"
)


def _in_another_show(text: str, end: int, show: str) -> bool:
    """Whether the words after ``end`` place a role in another title ("... in Dry Creek")."""
    match = _ANOTHER_SHOW.match(text, end)
    if not match:
        return False
    title = match["title"].removeprefix("The ") if not show.startswith("The ") else match["title"]
    return not (show and title.startswith(show))


def _pair_mentions(sentence: _Sentence, show: str = "") -> Iterator[_Mention]:
    """Actor and character in the forms "A as B", "A's B", "B, played by A", and cast
    news "A has joined the cast"."""
    text = sentence.text
    for pattern in (_AS_PAIR, _IS_PAIR, _POSSESSIVE_CHARACTER, _PLAYED_BY):
        for match in pattern.finditer(text):
            actor, character = _trim(match["actor"]), _trim(match["character"])
            if not (_looks_like_name(match["character"]) and _looks_like_name(match["actor"])):
                continue
            if _in_another_show(text, match.end(), show):
                continue
            if _TITLE_TAIL.search(text, 0, match.start("actor")):
                continue  # "in Tom Rye's Dry Creek": a title and its maker
            if " " not in character:
                continue  # one word after "as" is too often a title or a role
            yield _Mention(
                actor,
                sentence.index,
                match.start("actor"),
                billing="main",
                character=character,
                possessive=pattern is _POSSESSIVE_CHARACTER,
            )
    for match in _JOINED.finditer(text):
        actor = _trim(match["actor"])
        if _looks_like_name(actor):
            yield _Mention(
                actor,
                sentence.index,
                match.start("actor"),
                billing="main",
                known_for=_other_credits(match["credits"]),
            )


def _crew_phrase_mentions(sentence: _Sentence) -> Iterator[_Mention]:
    """Roles said in other ways: "creator and showrunner X", "X created the series"."""
    for match in _ROLE_BEFORE_NAME.finditer(sentence.text):
        name = _trim(match["name"])
        for role in (match["first"], match["second"]):
            if role:
                yield _Mention(name, sentence.index, match.start("name"), role=role.lower())
    for match in _CREATED.finditer(sentence.text):
        name = _trim(match["name"])
        yield _Mention(name, sentence.index, match.start("name"), role="creator")
        if match["showrunner"]:
            yield _Mention(name, sentence.index, match.start("name"), role="showrunner")


def _known_for_mentions(
    sentence: _Sentence, people: _People, subject: str | None
) -> Iterator[_Mention]:
    """Other credits said in words: "X, whose credits include A and B", "X won an Emmy
    for A"; the person is the last one named before the phrase, or ``subject`` (the
    person the sentence before began with) when the sentence opens with a pronoun."""
    text = sentence.text
    for match in _KNOWN_FOR.finditer(text):
        before = [m for m in _FULL_NAME.finditer(text, 0, match.start())]
        person = next(
            (found for m in reversed(before) if (found := people.person(_trim(m.group())))),
            None,
        )
        if person is None and _PRONOUN_START.match(text):
            person = subject
        if person is None:
            continue
        titles: list[str] = []
        position = match.end()
        while True:
            owner = _OWNER.match(text, position)
            title = _TITLE_IN_LIST.match(text, owner.end() if owner else position)
            if not title:
                break
            titles.append(title.group())
            join = _LIST_JOIN.match(text, title.end())
            if not join or title.group().endswith(","):
                break
            if "," not in join.group():
                owner = _OWNER.match(text, join.end())
                last = _TITLE_IN_LIST.match(text, owner.end() if owner else join.end())
                titles.append(last.group() if last else "")
                break
            position = join.end()
        credits = tuple(
            t.rstrip(".,")
            for t in titles
            if t.rstrip(".,")
            and not t.endswith(("...", "…"))  # cut short where the sentence was split
            and not _AWARD.search(t)
            and not people.person(t.rstrip(".,"))
            and not people.is_character(t.rstrip(".,"))
        )
        if credits:
            yield _Mention(person, sentence.index, match.start(), known_for=credits)


# Words before a name that make it the end of a title or a title's maker: "The Haunting
# of Bly Manor", "in Tom Rye's Dry Creek" (not "the arrival of Ann Lee as ...").
_TITLE_TAIL = re.compile(r"(?:\b[A-Z][\w'’-]* of|\bin) $")


def _plays_mentions(sentence: _Sentence, show: str = "") -> Iterator[_Mention]:
    """Actors given a character by a verb: "A plays B", "A guest-stars as B" (not "A
    plays B in <another title>")."""
    for match in _PLAYS.finditer(sentence.text):
        if _in_another_show(sentence.text, match.end(), show):
            continue
        if _TITLE_TAIL.search(sentence.text, 0, match.start("actor")):
            continue  # "so good in The Haunting of Bly Manor, returns as": a title's end
        billing: Billing = "guest" if "guest" in match["verb"].lower() else "main"
        yield _Mention(
            _trim(match["actor"]),
            sentence.index,
            match.start("actor"),
            billing=billing,
            character=_trim(match["character"]),
        )


def _reference_mentions(
    sentence: _Sentence, people: _People, subject: str | None = None
) -> Iterator[_Mention]:
    """Mentions that need the people already known: "Character (Actor)", "Name (Other
    Show)" outside lists, and "Name’s performance as Character"."""
    for match in _PARENTHESIS.finditer(sentence.text):
        left, inner = _trim(match["left"]), match["inner"].strip()
        actor = people.person(inner)
        if actor and (people.is_character(left) or not people.person(left)):
            yield _Mention(actor, sentence.index, match.start(), character=left)
        elif (person := people.person(left)) and _ANNOTATION.search(inner):
            # a biography's "(Character / Executive Producer)" or "(Creator, Showrunner)"
            for part in _ROLE_LIST_SEPARATOR.split(inner):
                if _ROLES_ONLY.fullmatch(part):
                    yield _Mention(person, sentence.index, match.start(), role=part.lower())
                elif "/" in inner and _looks_like_name(part) and " " in part:
                    yield _Mention(person, sentence.index, match.start(), character=part)
        elif any(people.is_character(part.strip()) for part in inner.split("/")):
            continue
        elif person := people.person(left):
            credits = _other_credits(inner)
            if credits and not any(people.person(c) or people.is_character(c) for c in credits):
                yield _Mention(person, sentence.index, match.start(), known_for=credits)
        elif _CHARACTER_TITLE.match(inner) and _looks_like_name(left) and " " in left:
            # "Ann Lee (President Meg Orr)": a title names the character in parentheses
            yield _Mention(left, sentence.index, match.start(), character=inner)
        elif _looks_like_name(inner) and " " in inner and not people.is_character(inner):
            yield _Mention(inner, sentence.index, match.start(), character=left)
    for match in _PERFORMANCE.finditer(sentence.text):
        actor = _trim(match["actor"])
        if _in_another_show(sentence.text, match.end(), ""):
            continue
        if person := people.known(actor) or _new_name(actor):
            yield _Mention(
                person, sentence.index, match.start(), character=_trim(match["character"])
            )
    yield from _known_for_mentions(sentence, people, subject)


# A title that only characters carry in a cast list: "(President Meg Orr)".
_CHARACTER_TITLE = re.compile(
    r"^(?:President|Vice President|Prime Minister|Ambassador|Secretary|Foreign Secretary"
    r"|Senator|Governor|Minister|Chancellor|General|Agent|Detective|Inspector|Captain"
    r"|Commander|Colonel|Sergeant|Officer|Judge|Mayor|Chief|Lord|Lady|Sir|Dame|Queen|King"
    r"|Prince|Princess|Dr\.?|Professor|Father|Sister) [A-Z]"
)


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
        self._people = frozenset(n for n in names if " " in n and n not in self._characters)
        self._full = self._people | frozenset(
            n for n in candidates if " " in n and n not in self._characters
        )
        self._by_last_word: dict[str, list[str]] = {}
        for full in self._full:
            self._by_last_word.setdefault(_last_word(full), []).append(full)

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


def _last_word(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _mentions(
    sentences: list[_Sentence],
    known_people: Iterable[str] = (),
    known_characters: Iterable[str] = (),
    show: str = "",
    known_crew: Iterable[str] = (),
    known_cast: Iterable[str] = (),
) -> list[_Mention]:
    """Every credit mention, names resolved to full names, in article order.

    ``known_people`` and ``known_characters`` are what the store already holds: a
    surname resolves to a full name the store knows, and a character is never a person.
    """
    mentions = [
        mention
        for sentence in sentences
        for rule in (
            _list_mentions,
            partial(_plays_mentions, show=show),
            partial(_pair_mentions, show=show),
            _crew_phrase_mentions,
        )
        for mention in rule(sentence)
    ]
    known_people = tuple(known_people)
    candidates = [m.group() for s in sentences for m in _FULL_NAME.finditer(s.text)]

    def people() -> _People:
        characters = [*known_characters, *(m.character for m in mentions if m.character)]
        return _People([*known_people, *(m.name for m in mentions)], characters, candidates)

    first = people()
    subjects = _subjects(sentences, first)
    mentions += [
        m
        for sentence in sentences
        for m in _reference_mentions(sentence, first, subjects.get(sentence.index))
    ]
    final = people()
    resolved = [
        replace(m, name=name)
        for m in mentions
        if (name := final.resolve(m.name))
        and not final.is_character(name)
        and not (show and (show in name or name in show))
    ]
    # "Maren Holt's Ivy Cole" is the creator's character, not her role: a possessive
    # pair counts only for someone not known as crew alone.
    crew = {m.name for m in resolved if m.role} | set(known_crew)
    cast = {m.name for m in resolved if m.in_cast and not m.possessive} | set(known_cast)
    resolved = [m for m in resolved if not (m.possessive and m.name in crew - cast)]
    return sorted(resolved, key=lambda m: (m.sentence, m.position))


def _subjects(sentences: list[_Sentence], people: _People) -> dict[int, str]:
    """For each sentence, the credited person the sentence before it (in its paragraph)
    began with, if any."""
    subjects: dict[int, str] = {}
    previous: _Sentence | None = None
    for sentence in sentences:
        if previous and previous.paragraph == sentence.paragraph:
            opening = _FULL_NAME.match(previous.text)
            person = opening and people.person(_trim(opening.group()))
            if person:
                subjects[sentence.index] = person
            elif previous.index in subjects and _PRONOUN_START.match(previous.text):
                subjects[sentence.index] = subjects[previous.index]
        previous = sentence
    return subjects


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
            known_for=union(title for m in group for title in m.known_for),
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
            character=_one_character([m.character for m in groups[name] if m.character]),
            billing=billings[name],
            order=order,
            sources=refs(m.sentence for m in groups[name]),
        )
        for order, name in enumerate(ranked, start=1)
    )


def _one_character(characters: list[str]) -> str | None:
    """The character the article gives a person: the fullest of its names for one
    character ("Ivy Cole" over "Ivy"); None when it names two different ones."""
    if not characters:
        return None
    fullest = max(characters, key=lambda c: (len(c.split()), -characters.index(c)))
    words = set(fullest.split())
    if all(set(c.split()) <= words for c in characters):
        return fullest
    return None


def _crew_records(mentions: list[_Mention], refs: _Refs) -> tuple[CrewCredit, ...]:
    groups = _by_person(m for m in mentions if m.role)
    return tuple(
        CrewCredit(
            name,
            roles=union(m.role for m in group if m.role),
            order=order,
            sources=refs(m.sentence for m in group),
        )
        for order, (name, group) in enumerate(groups.items(), start=1)
    )
