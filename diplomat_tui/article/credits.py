"""People named and credited: the phrasings that give an actor a character, someone a
role behind the camera, and the names a surname or a short form stands for."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from diplomat_tui.article.patterns import (
    _APOSTROPHES,
    _FUNCTION_WORDS,
    _NAME,
    _NAME_WORD,
    _POSSESSIVE,
    _UPPER,
    _trim,
)
from diplomat_tui.article.text import _Sentence
from diplomat_tui.article.text import cells as table_cells
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


# Roles behind the camera.
_ROLE_WORDS = "creator|showrunner|executive producer|producer|writer|director"


_ROLE = r"(?:co-)?creator|showrunner|(?:co-)?executive producer|(?:co-)?producer|director|writer"


# After a list that opens a sentence: "... serves as producer", "... are also showrunners",
# "... executive produce".
_SUBJECT_ROLE = re.compile(
    rf"(?i: (?:also )?(?:serves?|acts?) as (?:an? |the )?(?P<role>{_ROLE})s?\b"
    rf"| (?:is|are) (?:also )?(?:an? |the |its |the show['’]s |the series['’] )?"
    rf"(?P<is_role>{_ROLE})s?\b"
    r"| (?:also )?(?P<verb>executive[- ]produces?|produces?|directs?|writes?)\b)"
)


_ROLE_OF_VERB = {
    "executive produce": "executive producer",
    "produce": "producer",
    "direct": "director",
    "write": "writer",
}


# Dotted capitals before a name: "U.S. Ambassador Ivy Cole".
_DOTTED = r"(?:[A-Z]\.){2,}"


# An aside between a name and its verb, set off by commas or dashes and opening in lower
# case: "Ann Lee, 49, plays ...", "Ann Lee, so good in Dry Creek, returns as ...", "Ann Lee
# - who viewers will know from Dry Creek - is back as ...".
_ASIDE = (
    r"(?:, (?=[a-z0-9])[^,()–—]{1,80},| [–—-] (?=[a-z])[^–—()]{1,80}? [–—-]"
    rf"|, [{_UPPER}][\w-]*{_POSSESSIVE} (?=[a-z])[^,()–—]{{1,80}},)"  # ", Lee's old rival,"
)


# A social post's emoji after a name: "Ann Lee 👀 shows up as ...".
_EMOJI = "(?: [\u2600-\u27bf\U0001f300-\U0001faff\ufe0f\u200d]+)"


# "<Actor> plays <Character>", "<Actor> joins as <Character>", "<Actor> guest-stars as ...",
# "<Actor>, who plays <Character>, ...".
_PLAYS = re.compile(
    rf"(?P<actor>{_NAME})(?: \([^()]*\))?{_EMOJI}?{_ASIDE}?(?P<who>,? who)?,? (?:has |have |had )?"
    r"(?:also |now |will |is back )?"
    r"(?P<verb>(?i:plays|play|portrays|is playing|stars as|co-stars as|returns as|appears as"
    r"|is back as|starring as|join(?:s|ed)?(?: the cast)?(?: (?:in|for) (?:season \w+|this season"
    r"|the \w+ season)| this season| last season)? as|guest[- ]stars as|guest[- ]starring as"
    r"|recurs as|(?:is|was) cast as|(?:arrives|arrived|shows up|showed up|turns up|turned up)"
    r"(?-i:(?: (?!as\b|in\b|on\b|with\b)[a-z][\w-]*)?) as"  # "turns up mid-run as"
    r"|(?:should|will|would|is expected to|are expected to|is set to) return as"
    r"|(?:is|are) expected back as|joining as|whose casting as"
    r"|(?:steals|stole) (?:every scene|the show|each scene)(?-i:(?: [a-z][\w-]*){0,4}?) as"
    r"|debuts as|played(?! by)|portrayed(?! by)"
    r"|has been (?:on|with) the (?:show|series)(?: since [\w ]{1,20}?)? as"
    r"|(?:is|are) set to (?:play|portray)|(?:has |have )?signed on to play|(?:was |has been )?"
    r"(?:tapped|hired) to play|will portray|portray|(?:has|have|had) been cast as"
    r"|(?:takes on|took on|will take on|has taken on|landed|lands|has landed|steps into"
    r"|stepped into|has stepped into|plays|will play|nabbed|scored) the (?:role|part) of"
    r"|(?:pops|popping|popped|pop) up(?: again)? as"
    r"|reprises (?:her|his|their) role as|reprising (?:her|his|their) role as"
    r"|returns to the role of|(?:is|remains|was|proves)(?! (?:known|billed|credited|described"
    r"|listed|seen|referred|set|such|cast|also known)\b)(?-i:(?: (?!as\b)[a-z][\w-]*,?){1,4}?) as"
    r"|joins as|came aboard as|comes aboard as"
    # casting news: "has been tapped to star as", "will recur as", "boards the fourth
    # season as", "is set to star opposite A as", "joins the drama in a recurring role as",
    # "has been added to the cast as", "rounds out the cast as", "is to play"
    r"|(?:has been |was |is )?tapped to (?:star|recur|co-star) as|recur as"
    r"|(?:has been |was |is )?(?:tapped|cast) (?:for|in) the (?:role|part) of"
    r"|(?:boards|boarded|has boarded|is boarding)(?: (?!as\b|in\b)[\w’'-]+){0,4}?"
    r" (?:as|in the (?:role|part) of)"
    rf"|(?:(?:is |are )?set to )?(?:star|stars|starring|co-stars?|co-starring) opposite {_NAME} as"
    r"|(?:is |are )?set to (?:star|co-star) as"
    r"|join(?:s|ed|ing)?(?: (?!as\b|in\b)[\w’'-]+){0,4}? in an? (?:[\w-]+ ){0,2}?(?:role|part) as"
    r"|(?:has been |have been |was |were |is )?added to the (?:main )?cast as"
    r"|(?:has been |was |is |were )?cast in (?:a|an|the) (?:[\w-]+ ){0,2}?(?:role|part) as"
    r"|round(?:s|ed)? out the (?:main |principal |series )?cast as"
    r"|guest[- ]star as|(?:is|are) to (?:play|portray))) "
    rf"(?:(?:the|her|his|their) )?(?:(?!by\b|as\b)[a-z][\w-]*(?:{_POSSESSIVE})?,? |{_DOTTED} "
    rf"|[A-Z]{{2,5}} |[{_UPPER}][a-z]+{_POSSESSIVE} (?=[a-z])){{0,3}}?(?!{_DOTTED}|[A-Z]{{2,}}\b)"
    rf"(?P<character>{_NAME})"
    rf"(?!{_NOT_OWNER})"  # "as Grace Penn's husband": a role named by another character
)


# "<Actor> plays her husband", "<Actor> stars as a retired spy": in the cast, with a
# role described, not named.
_PLAYS_DESCRIBED = re.compile(
    rf"(?P<actor>{_NAME})(?: \([^()]*\))?,? (?:who )?(?:also |now |will )?"
    r"(?:plays|play|is playing|stars as|co-stars as|returns as|joins as|is back as"
    r"|(?:is|was|has been) cast as) (?:an?|the|her|his|their) (?=[a-z])"
    rf"(?!(?:[a-z]+ )?(?:{_ROLE}|consultant|editor|composer|narrator|host)s?\b)"
    r"(?P<described>[^,.;:!?]*)"
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


def _list_mentions(sentence: _Sentence, show: str = "") -> Iterator[_Mention]:
    """People in the credit lists of a sentence ("starring A, B and C"), but for the
    credits of another title ("Second Screen is produced by A")."""
    for opener in _LIST_OPENERS:
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
    end = entries[-1].end()
    if len(entries) == 1 and (aside := _ROLE_ASIDE.match(sentence.text, end)):
        end = aside.end()  # "Ann Lee, who wrote for Dry Creek, is also the showrunner"
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
    return not re.search(rf"{_POSSESSIVE}|\d", text)


_NOT_NAME_STARTS = frozenset("The A An Of In On At Mr Mrs".split())


_NOT_NAME_ENDS = frozenset("Of In On At To For With And Or The A An".split())


# Small words a title-cased headline capitalises, never inside a name.
_TITLE_CASE_WORDS = frozenset("In On At To For With And Or The A An Up Into From By Over".split())


def _other_credits(credits: str | None) -> tuple[str, ...]:
    """The shows in "(Show One, Show Two)"; "and" inside a title does not split it."""
    if not credits or not credits[0].isupper():
        return ()
    return tuple(part for part in _CREDIT_SEPARATOR.split(credits.strip()) if part)


# Words that may stand between "as" (or a possessive) and a character's name: "as her
# husband, Tom Reyes", "as chief of staff Ivy Cole", "newly sworn-in President X".
# A title of office before a name: "Secretary of State", "Chief of the Defence Staff".
_TITLE_OF = r"[A-Z][a-z]+ of (?:the )?[A-Z][a-z]+ "


_DESCRIPTOR = (
    r"(?:(?!(?:and|with|starring|by|in|on|to|for|from|as|is|was|who|include|includes"
    r"|including|credits?|works?|films?|shows?|series|roles?|performance|turn|new|latest"
    r"|next|previous|upcoming|own|first|last|co-stars?|stars?|plays?|said|says|told)\b)"
    rf"[a-z][\w-]*,? |[A-Z]{{2,5}} |{_DOTTED} |{_TITLE_OF}|{_ADJECTIVE}|{_HONORIFIC}){{0,4}}?"
)


# "<Actor> as <Character>" inside a sentence about the cast: "with A as B, C as D".
_AS_PAIR = re.compile(
    rf"(?P<actor>{_NAME})(?: \([^()]*\))?,? as (?:the |her |his |their )?"
    rf"(?:{_DESCRIPTOR}|(?<=the )(?:new |former )?(?:[{_UPPER}][a-z]+ ){{0,2}}[{_UPPER}][a-z]+, )"
    rf"(?![A-Z]{{2,}}\b|{_DOTTED}|{_TITLE_OF}|{_HONORIFIC}|{_ADJECTIVE})"
    rf"(?P<character>{_NAME})(?!{_NOT_OWNER}| as\b)"
)


# "<Actor> is <Character>," (a listing's lead line), "<Actor> is now <Character>,".
_IS_PAIR = re.compile(
    rf"(?P<actor>{_NAME}) is (?:now )?(?![^,.;:]*\b(?i:producer|director|writer|creator"
    rf"|showrunner|star)\b)(?P<character>{_NAME})(?=[,.;:]|$)"
)


# "<Actor> is <described> <Character>" in a listing's run of the cast: "A is foreign
# secretary X Y", "A is the vice-president, X Y", "A is her husband X Y" (not "A is the
# daughter of X Y", "A is married to X Y": a real relation, or words that link).
_IS_DESCRIBED_PAIR = re.compile(
    rf"(?P<actor>{_NAME}) is (?:now )?(?:the |her |his |their )?"
    r"(?![^,.;:]*\b(?i:producer|director|writer|creator|showrunner|star)\b)"
    r"(?P<described>(?:(?!(?:and|with|of|to|in|on|for|from|by|at|as|who|which|that|also|not"
    r"|now|still|currently|known|best|married|related|engaged|dating)\b)[a-z][\w-]*,? ){1,3})"
    rf"(?P<character>{_NAME})(?=[,.;:]|$| and\b)"
)


# "<Actor>'s <Character>": "Mia Long's Ivy Cole", "Okafor's prime minister X Y".
_POSSESSIVE_CHARACTER = re.compile(
    rf"(?P<actor>{_NAME}){_POSSESSIVE} {_DESCRIPTOR}"
    rf"(?![A-Z]{{2,}}\b|{_DOTTED}|{_TITLE_OF}|{_HONORIFIC}|{_ADJECTIVE})"
    rf"(?P<character>{_NAME})"
    rf"(?!{_NOT_OWNER})"  # "A's envoy under B's President C": B plays C, not A plays B
)


# A review's "<Actor> brings a wounded decency to <Character>".
_BRINGS = re.compile(
    rf"(?P<actor>{_NAME}) brings (?:(?!his\b|her\b|their\b|the\b)[a-z][\w-]*,? ){{1,4}}?to "
    r"(?:the role of )?(?:the )?"
    rf"(?:{_DESCRIPTOR})(?![A-Z]{{2,}}\b|{_DOTTED})(?P<character>{_NAME})(?!{_NOT_OWNER})"
)


# "<Character>, played by <Actor>"
_PLAYED_BY = re.compile(
    rf"(?P<character>{_NAME}){_ASIDE}?,? (?:who is |is )?(?:played|portrayed)"
    rf"(?: (?:with )?[a-z][\w-]*){{0,4}}? by (?P<actor>{_NAME})"
)


# "... a new president, played by <Actor>": in the cast, the role described, not named.
_PLAYED_BY_ANYONE = re.compile(rf"\b(?:played|portrayed) by (?P<actor>{_NAME})")


# "<Actor> has joined the cast", "<Actor> (Other Show) joins the cast of ..."
_JOINED = re.compile(
    rf"(?P<actor>{_NAME})(?: \((?P<credits>[^()]*)\))?,? (?:has |have |will |is set to )?"
    r"(?i:joined|joins|join|is joining|joining|came aboard|comes aboard)"
    r" (?:the (?:main )?cast\b|as a series regular)"
)


# A role written before the name: "Creator and showrunner Maren Holt", "series creator X".
_ROLE_BEFORE_NAME = re.compile(
    rf"\b(?i:(?:series |show )?(?P<first>creator|showrunner|executive producer)"
    rf"(?: and (?P<second>showrunner|executive producer|creator))?) (?P<name>{_NAME})"
)


# "<Name> created the series", "<Name> created it"
_CREATED = re.compile(
    rf"(?P<name>{_NAME}),? (?:who )?(?:also )?(?:created|co-created) (?:the (?:series|show|drama)"
    rf"|it)\b(?P<showrunner> and (?:also )?serves as (?:its |the )?showrunner)?"
)


# "<Name>, who serves as showrunner, ...": a role in a relative clause.
_WHO_SERVES = re.compile(
    rf"(?P<name>{_NAME}), who (?:also )?(?:serves|served|acts|works) as (?:an? |the |its "
    rf"|the show['’]s |the series['’] )?(?P<role>{_ROLE})\b"
)


# Trade news of a hire: "tapped A to serve as co-showrunner", "A, who remains showrunner",
# "A joins as an executive producer", "A has signed on as producer".
_HIRED_AS = re.compile(
    rf"(?P<name>{_NAME}),? (?:who |to |will |has |have )?(?:also )?"
    r"(?:serve|serves|serving|remain|remains"
    r"|join|joins|joined|come aboard|comes aboard|came aboard|sign on|signs on|signed on) "
    rf"(?:as )?(?:an? |the |its )?(?P<role>co-showrunner|{_ROLE})\b(?! of [A-Z]|['’]s)"
)


# "A has been tapped to direct the first two episodes", "A will write and executive produce".
_HIRED_TO = re.compile(
    rf"(?P<name>{_NAME}) (?:has been |was |is |will be )?(?:tapped|hired|set|signed|brought on"
    r"|enlisted|named) to (?P<verb>direct|write|produce|executive produce)\b(?! [A-Z“\"])"
    rf"|(?P<who>{_NAME}) will (?P<first>write|direct|produce|executive produce)"
    r"(?: and (?P<second>write|direct|produce|executive produce))?(?= *[.,;]| the (?:pilot|finale"
    r"|premiere|first|season|series|show|episode))"
)


# A network or platform, and its possessive before a title: "FX's", "the WB's", "Amazon's".
_NETWORK = re.compile(
    r"(?:[A-Z]{2,5}|Amazon|Hulu|Apple|Peacock|Paramount|Disney|Showtime|Starz|Max"
    r"|Prime Video|Apple TV\+)"
)


# "(Creator, Showrunner, Executive Producer)" after a name: roles, not other credits.
_ROLES_ONLY = re.compile(rf"(?i:(?:{_ROLE_WORDS})(?:\s*[,/]\s*(?:and )?(?:{_ROLE_WORDS}))*)")


_ROLE_LIST_SEPARATOR = re.compile(r"\s*[,/]\s*(?:and )?")


# A parenthesis that names a role behind the camera, alone or after a character.
_ANNOTATION = re.compile(rf"(?i:^(?:{_ROLE_WORDS})\s*(?:[,/]|$)|/\s*(?:{_ROLE_WORDS})\b)")


# After a pair: "... in Dry Creek" names the show the role belongs to.
_ANOTHER_SHOW = re.compile(
    r" (?:in|on|from) (?!(?:Season|Series|Episode|Part|Chapter|Volume)\b)"
    rf"(?P<title>[{_UPPER}][^,.;:]*)"
)


# Words before a name that make it the end of a title or a title's maker: "The Haunting
# of Bly Manor" is no person "Bly Manor", nor is "in Tom Rye's Dry Creek" a pair.
_TITLE_BEFORE = re.compile(rf"(?:\b[{_UPPER}][\w{_APOSTROPHES}-]* of|\bin) $")


# Later in the clause: " in Dry Creek", " on NBC's The West Wing" (not " in Season 2").
_ELSEWHERE = re.compile(
    rf"[^,.;:!?]*? (?:in|on|from) (?!(?:Season|Series|Episode|Part|Chapter|Volume)\b)"
    rf"(?P<title>[{_UPPER}][^,.;:!?]*)"
)


# Before a name that is no actor: "the Oval Office as ..."; before an owner of a title:
# "in Ann Lee's Dry Creek", "won an Emmy as Dry Creek's Meg Orr".
_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:the|a|an|this|that) $")


_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:in|on|from|as) $")


# "Ann Lee and Bo Li as Ivy Cole and Sam Dunn": who plays whom is left to "respectively".
_NAME_AND_BEFORE = re.compile(rf"{_NAME_WORD} and $")


_AND_NAME_AFTER = re.compile(rf" and [{_UPPER}]")


# A pair in a clause about another title: "... on Dry Creek, where Ann Lee's Meg Orr ...".
_WHERE_BEFORE = re.compile(
    rf"\b(?:on|in [{_UPPER}][\w.+]*{_POSSESSIVE}) (?P<title>[{_UPPER}][^,;]*), "
    r"(?:where|in which|whose|on which) [^,;]*$"
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


# Words that make "A's <word> X" another person than A's role: a real one ("Ann Lee's
# father, Roy Lee") or another role ("Ann Lee's on-screen husband, Sam Dunn").
_REAL_RELATION = re.compile(
    r"\b(?:father|mother|son|daughter|wife|husband"
    r"|brother|sister|partner|spouse|fianc[ée]e?|girlfriend|boyfriend|parents?|children|kids?"
    r"|co-?stars?|castmates?|agent|publicist|manager|lawyer|friend|colleague|director|producer"
    r"|writer|creator|showrunner|boss)\b"
)


def _doubtful_pair(text: str, match: re.Match[str], show: str, *, possessive: bool = False) -> bool:
    """Whether an actor and character pair is too doubtful to take: the "actor" follows
    a determiner ("the Oval Office as B"), a possessive one follows "in" (an owner of a
    title: "in Ann Lee's Dry Creek"), two pairs are joined ("A and B as C and D"), or
    the pair is in a clause about another title ("on X, where A's B", "X gave us A as B")."""
    start = match.start("actor")
    if _DETERMINER_BEFORE.search(text, max(0, start - 6), start):
        return True
    if possessive and _PLACE_BEFORE.search(text, max(0, start - 6), start):
        return True
    if _NAME_AND_BEFORE.search(text, 0, start) and _AND_NAME_AFTER.match(text, match.end()):
        return True
    where = _WHERE_BEFORE.search(text, 0, start)
    if where and not (show and show in where["title"]):
        return True
    stars = _TITLE_STARS.search(text, 0, start)
    if stars and stars["verb"] and _another_title(stars["title"], show):
        return True  # "Elsewhere, Red Sky stars A as B"
    for opening in (_TITLE_GAVE.match(text), _TITLE_WITH.match(text)):
        if opening and opening.start("title") != start and _another_title(opening["title"], show):
            return True
    return False


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


# "plays a Cornish coastguard": after "a" or "an", a capitalised word describes a role
# ("a grieving widow, Ivy Cole" names one only after the comma).
_INDEFINITE = re.compile(r"\b(?:as|of|play|plays|played|portrays?|portrayed) an? ")


def _described_only(text: str, match: re.Match[str]) -> bool:
    """Whether the character of ``match`` follows "a"/"an" without a comma: a
    description ("stars as a Cornish coastguard"), not a name."""
    between = text[match.end("actor") : match.start("character")]
    return bool(_INDEFINITE.search(between)) and not between.endswith(", ")


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


def _pair_mentions(sentence: _Sentence, show: str = "") -> Iterator[_Mention]:
    """Actor and character in the forms "A as B", "A's B", "B, played by A", and cast
    news "A has joined the cast"."""
    text = sentence.text
    for pattern in (_AS_PAIR, _IS_PAIR, _IS_DESCRIBED_PAIR, _POSSESSIVE_CHARACTER, _PLAYED_BY):
        for match in pattern.finditer(text):
            actor, character = _trim(match["actor"]), _trim(match["character"])
            if not (_looks_like_name(match["character"]) and _looks_like_name(match["actor"])):
                continue
            if _in_another_show(text, match.end(), show) or _NETWORK.fullmatch(actor):
                continue  # "Peacock's Red Earth" is a network's title
            if _title_tail(text, match) or _described_only(text, match):
                continue  # "in Tom Rye's Dry Creek": a title and its maker
            possessive = pattern is _POSSESSIVE_CHARACTER
            if possessive and _later_in_another_title(text, match.end(), show):
                continue
            if _doubtful_pair(text, match, show, possessive=pattern is _POSSESSIVE_CHARACTER):
                continue
            if pattern is _AS_PAIR and text[: match.start("actor")].endswith("opposite "):
                continue  # "A stars opposite B as C": A plays C
            between = text[match.end("actor") : match.start("character")]
            if pattern is _POSSESSIVE_CHARACTER and _REAL_RELATION.search(between):
                continue  # "Ann Lee's father, Roy Lee": a real person, not a role
            if pattern is _IS_DESCRIBED_PAIR and _REAL_RELATION.search(between):
                if not re.search(r"\b(?:her|his|their) ", between):
                    continue  # "A is the daughter of B"; "A is her husband B" is a role
            yield _Mention(
                actor,
                sentence.index,
                match.start("actor"),
                billing="main",
                character=character,
                possessive=pattern is _POSSESSIVE_CHARACTER,
                # one word after "as" is too often a title or a role: only a short form
                # of a character named in full ("as Ivy" for Ivy Cole) is kept
                short=" " not in character,
            )
    paired = {m.start("actor") for m in _PLAYED_BY.finditer(text)}
    for match in _PLAYED_BY_ANYONE.finditer(text):
        actor = _trim(match["actor"])
        if match.start("actor") in paired or " " not in actor or not _looks_like_name(actor):
            continue
        if _ELSEWHERE.match(text, match.end()) or _in_another_show(text, match.end(), show):
            continue  # "played by A in Other Show"
        yield _Mention(actor, sentence.index, match.start("actor"), billing="main")
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


# An episode's credits: "Ann Lee wrote the finale", "Ann Lee directed the pilot", "with Ann
# Lee behind the camera".
_EPISODE_CREDIT = re.compile(
    rf"(?P<name>{_NAME}),? (?:who )?(?:also )?(?P<verb>wrote|co-wrote|penned|scripted|directed"
    r"|helmed) (?:the |both the |\w+ )?(?:series |season )?(?:pilot|finale|premiere|opener"
    r"|first episode|last episode|final episode|episodes?)\b(?! (?:of|for|on) [A-Z])"
    rf"|\bwith (?P<director>{_NAME}) behind the camera\b"
)


_CREDIT_VERBS = {"wrote": "writer", "co-wrote": "writer", "penned": "writer", "scripted": "writer"}


def _crew_phrase_mentions(sentence: _Sentence) -> Iterator[_Mention]:
    """Roles said in other ways: "creator and showrunner X", "X created the series"."""
    for match in _ROLE_BEFORE_NAME.finditer(sentence.text):
        name = _trim(match["name"])
        for role in (match["first"], match["second"]):
            if role:
                yield _Mention(name, sentence.index, match.start("name"), role=role.lower())
    for match in _EPISODE_CREDIT.finditer(sentence.text):
        if match["director"]:
            name, role = match["director"], "director"
        else:
            name, role = match["name"], _CREDIT_VERBS.get(match["verb"], "director")
        yield _Mention(_trim(name), sentence.index, match.start(), role=role)
    for match in _HIRED_AS.finditer(sentence.text):
        role = match["role"].lower().removeprefix("co-") if "showrunner" in match["role"] else ""
        yield _Mention(
            _trim(match["name"]),
            sentence.index,
            match.start("name"),
            role=role or match["role"].lower(),
        )
    for match in _HIRED_TO.finditer(sentence.text):
        name = match["name"] or match["who"]
        for verb in (match["verb"], match["first"], match["second"]):
            if verb:
                role = _ROLE_OF_VERB[verb]
                yield _Mention(_trim(name), sentence.index, match.start(), role=role)
    for match in _WHO_SERVES.finditer(sentence.text):
        role = match["role"].lower()
        yield _Mention(_trim(match["name"]), sentence.index, match.start("name"), role=role)
    for match in _CREATED.finditer(sentence.text):
        name = _trim(match["name"])
        yield _Mention(name, sentence.index, match.start("name"), role="creator")
        if match["showrunner"]:
            yield _Mention(name, sentence.index, match.start("name"), role="showrunner")


def _plays_mentions(sentence: _Sentence, show: str = "") -> Iterator[_Mention]:
    """Actors given a character by a verb: "A plays B", "A guest-stars as B" (not "A
    plays B in <another title>"); in the cast with no character when the role is only
    described ("A plays her husband")."""
    named: set[int] = set()
    for match in _PLAYS.finditer(sentence.text):
        if _in_another_show(sentence.text, match.end(), show) or _title_tail(sentence.text, match):
            continue
        if not _looks_like_name(match["actor"]) or _doubtful_pair(sentence.text, match, show):
            continue
        if _described_only(sentence.text, match):
            continue  # "stars as a Cornish coastguard"
        if match["verb"].lower() in ("played", "portrayed") and _placed_elsewhere(
            sentence.text, match.end(), show
        ):
            continue  # "who played C.J. Cregg for seven seasons on The West Wing"
        billing: Billing = "guest" if "guest" in match["verb"].lower() else "main"
        named.add(match.start("actor"))
        yield _Mention(
            _trim(match["actor"]),
            sentence.index,
            match.start("actor"),
            billing=billing,
            character=_trim(match["character"]),
        )
    for match in _PLAYS_DESCRIBED.finditer(sentence.text):
        actor = match["actor"]
        if match.start("actor") in named or " " not in _trim(actor):
            continue
        if not _looks_like_name(actor) or _doubtful_pair_of(sentence.text, match, show):
            continue
        if _NAMED_AFTER.search(match["described"]) or _ELSEWHERE.match(sentence.text, match.end()):
            continue  # a name after the description was the pair's, or another title's role
        yield _Mention(_trim(actor), sentence.index, match.start("actor"), billing="main")


# A capitalised word inside a described role: a name or a title may follow.
_NAMED_AFTER = re.compile(rf"[{_UPPER}]")


def _doubtful_pair_of(text: str, match: re.Match[str], show: str) -> bool:
    """Whether an actor with a described role is doubtful: after a determiner, the end
    of a title, or in a clause about another title."""
    return (
        _title_tail(text, match)
        or _DETERMINER_BEFORE.search(text, max(0, match.start("actor") - 6), match.start("actor"))
        is not None
        or _in_another_show(text, match.end(), show)
    )


# A press release's cast block: a "Cast:" line, then one "Actor — Character" per line.
_CAST_HEADING = re.compile(r"^(?i:(?:main |series )?cast|starring|cast list)\s*:$")


_CAST_LINE = re.compile(rf"^(?P<actor>{_NAME}) (?:[—–]|-{{1,2}}|as) (?P<character>{_NAME})$")


def _cast_block_mentions(sentences: list[_Sentence]) -> Iterator[_Mention]:
    """Actors and characters of a cast block: the lines right after a "Cast:" line that
    each read "Actor — Character" (the block ends at the first line that does not)."""
    block = -1  # index of the line the block expects next
    for sentence in sentences:
        text = sentence.text.strip()
        if _CAST_HEADING.match(text):
            block = sentence.index + 1
            continue
        line = _CAST_LINE.match(text) if sentence.index == block else None
        names = (line["actor"], line["character"]) if line else ()
        if not names or not all(_looks_like_name(name) for name in names):
            block = -1
            continue
        actor, character = names
        block += 1
        yield _Mention(
            _trim(actor),
            sentence.index,
            0,
            billing="main",
            character=_trim(character),
        )


# An episode table's credit columns: "Directed by", "Written by", "Teleplay by".
_CREDIT_COLUMNS = (
    (re.compile(r"(?i)^directed by$|^director$"), "director"),
    (re.compile(r"(?i)^(?:written|teleplay|screenplay) by$|^writers?$"), "writer"),
)
_NAMES_IN_CELL = re.compile(r"\s*(?:,|&| and )\s*")


def _episode_table_mentions(sentences: list[_Sentence]) -> Iterator[_Mention]:
    """Directors and writers from a table of episodes (of the show: ``sentences`` are
    those about it): a header row with "Directed by" or "Written by" columns, then one
    row per episode with the names in those cells."""
    columns: dict[int, str] = {}
    width = 0
    for sentence in sentences:
        row = table_cells(sentence.text)
        if not sentence.line or len(row) < 2:
            columns = {}
            continue
        header = {
            n: role
            for n, cell in enumerate(row)
            for pattern, role in _CREDIT_COLUMNS
            if pattern.match(cell)
        }
        if header:
            columns, width = header, len(row)
            continue
        if not columns or len(row) != width:
            continue
        for number, role in columns.items():
            for name in _NAMES_IN_CELL.split(row[number]):
                if " " in name and _looks_like_name(name) and _FULL_NAME.fullmatch(name):
                    yield _Mention(_trim(name), sentence.index, 0, role=role)


def _reference_mentions(sentence: _Sentence, people: _People) -> Iterator[_Mention]:
    """Mentions that need the people already known: "Character (Actor)", "Name (Other
    Show)" outside lists, "Name’s performance as Character" and "Name brings warmth to
    Character"."""
    # "A (Matlock), B (The Last of Us) and C (Slow Horses)": where one parenthesis holds a
    # title, an unknown "Name (Name)" beside it is a person and a show too, not a character
    titled = any(
        not _looks_like_name(inner) and not _PART_OF_SHOW.match(inner) and _other_credits(inner)
        for inner in (_inner(m) for m in _PARENTHESIS.finditer(sentence.text))
    )
    # "A (Ivy Cole), B (Sam Dunn) and C (Kit Marr)": where one parenthesis after a
    # person holds a known character, the others after people are characters too
    charactered = any(
        people.person(_trim(m["left"])) and people.is_character(m["inner"].strip())
        for m in _PARENTHESIS.finditer(sentence.text)
    )
    for match in _PARENTHESIS.finditer(sentence.text):
        left, inner = _trim(match["left"]), _inner(match)
        guest = _ACTOR_PREFIX.match(inner)  # a recap's "Ruth Abara (guest star Ann Lee)"
        inner = inner[guest.end() :] if guest else inner
        billing: Billing | None = "guest" if guest and "guest" in guest.group().lower() else None
        actor = people.person(inner)
        if actor and (people.is_character(left) or not people.person(left)):
            yield _Mention(actor, sentence.index, match.start(), billing, character=left)
        elif (person := people.person(left)) and _ANNOTATION.search(inner):
            # a biography's "(Character / Executive Producer)" or "(Creator, Showrunner)"
            for part in _ROLE_LIST_SEPARATOR.split(inner):
                if _ROLES_ONLY.fullmatch(part):
                    yield _Mention(person, sentence.index, match.start(), role=part.lower())
                elif "/" in inner and _looks_like_name(part) and " " in part:
                    yield _Mention(person, sentence.index, match.start(), character=part)
        elif any(people.is_character(part.strip()) for part in inner.split("/")):
            continue
        elif (person := people.person(left)) and charactered:
            if _looks_like_name(inner) and " " in inner:
                yield _Mention(person, sentence.index, match.start(), character=inner)
        elif person := people.person(left):
            credits = _other_credits(inner)
            if credits and not any(people.person(c) or people.is_character(c) for c in credits):
                yield _Mention(person, sentence.index, match.start(), known_for=credits)
        elif _CHARACTER_TITLE.match(inner) and _looks_like_name(left) and " " in left:
            # "Ann Lee (President Meg Orr)": a title names the character in parentheses
            yield _Mention(left, sentence.index, match.start(), billing, character=inner)
        elif (
            _looks_like_name(inner)
            and " " in inner
            and not people.is_character(inner)
            and not titled
        ):
            if charactered:  # "A (Ivy Cole) and newcomer B (Meg Orr)": actor, then character
                if _looks_like_name(left) and " " in left:
                    yield _Mention(left, sentence.index, match.start(), billing, character=inner)
            else:
                yield _Mention(inner, sentence.index, match.start(), billing, character=left)
    for match in _BRINGS.finditer(sentence.text):
        # only for someone credited, and a character of two words or more, no person's
        actor, character = people.person(_trim(match["actor"])), _trim(match["character"])
        if not actor or " " not in character or people.person(character):
            continue
        if _looks_like_name(character) and not _in_another_show(sentence.text, match.end(), ""):
            yield _Mention(actor, sentence.index, match.start(), character=character)
    for match in _PERFORMANCE.finditer(sentence.text):
        actor = _trim(match["actor"])
        if _in_another_show(sentence.text, match.end(), ""):
            continue
        if person := people.known(actor) or _new_name(actor):
            yield _Mention(
                person, sentence.index, match.start(), character=_trim(match["character"])
            )


# A name in parentheses followed by an aside: "(Ann Lee, who spent years on Dry Creek)".
_NAME_THEN_ASIDE = re.compile(rf"^(?P<name>{_NAME}), (?=(?:who|whose|fresh|so|last|best|now)\b)")


def _inner(match: re.Match[str]) -> str:
    """What a parenthesis holds, without an aside after a name in it."""
    inner = match["inner"].strip()
    aside = _NAME_THEN_ASIDE.match(inner)
    return aside["name"] if aside else inner


# Words before the actor in a recap's parenthesis: "(guest star Ann Lee)", "(played by A)".
_ACTOR_PREFIX = re.compile(r"(?i:guest[- ]star(?:ring)?|played by|portrayed by|voiced by) ")


# What names a part of the show, not another title: "(Episode 4)", "(Season 2)".
_PART_OF_SHOW = re.compile(r"(?:Season|Series|Episode|Part|Chapter|Volume|S\d|E\d)\b")


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


# A sentence that asks: "is Ivy played by Ann Lee??" states no credit.
_QUESTION = re.compile(r"\?[”’\"')\]]*$")


def _asked_from(text: str) -> int:
    """Where the question that ends ``text`` begins (after the last full stop before
    it: a heading may hold a statement and then a question); ``len(text)`` when
    ``text`` asks nothing."""
    if not _QUESTION.search(text):
        return len(text)
    return max(text.rfind(". "), text.rfind("! "), -2) + 2


def _short_form(word: str, characters: Iterable[str]) -> bool:
    """Whether ``word`` is the first or last word of one of ``characters``."""
    return any(" " in c and word in (c.split(" ", 1)[0], c.rsplit(" ", 1)[-1]) for c in characters)


def _last_word(name: str) -> str:
    return name.rsplit(" ", 1)[-1]
