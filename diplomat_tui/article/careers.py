"""What else someone credited was in: careers, known-for titles, titles shared with a
castmate, and the lists of titles they are read from."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from diplomat_tui.article.names import (
    _FULL_NAME,
    _Mention,
    _People,
)
from diplomat_tui.article.other_titles import (
    _NETWORK,
    _PART_OF_SHOW,
)
from diplomat_tui.article.patterns import (
    _APOSTROPHES,
    _NAME,
    _NAME_WORD,
    _POSSESSIVE,
    _UPPER,
    _trim,
)
from diplomat_tui.article.text import _Sentence
from diplomat_tui.merge import MONTH_NAMES

if TYPE_CHECKING:
    from diplomat_tui.article.conversation import _Context


# "... credits include A and B", "who previously wrote for A and B", "a veteran of A and B";
# "best known for playing X in A", "you may know her from A" (``object``: the person is
# the one the sentence before was about).
_KNOWN_FOR = re.compile(
    r"(?i:\b(?:whose |previous |recent |film |tv |television |stage )*"
    r"(?:credits|work|r[ée]sum[ée]|cv|filmography) (?:also )?includes?"
    r"|\b(?:previously |also |once |literally |actually )?(?:wrote|written|worked) (?:for|on)"
    r"|\ba veteran of"
    r"|\b(?:cut|learned|learnt|honed) (?:her|his|their) (?:teeth|craft|chops)"
    r"(?: (?:writing|working|acting))? (?:on|for|in)"
    r"|\b(?:best )?known for(?P<playing> playing| her role as| his role as| the role of)?"
    r"|\b(?:best |widely |also )?known as\b"
    # a named role in another title: "reinvented herself as Soviet spy Ann Lee on FX's
    # The Long Road", "He was Nazi official Bo Li in Amazon's The High Tower"
    r"|\b(?P<role_as>as|was|were)(?= (?:[a-z][\w-]* ){0,3}(?-i:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)"
    r"{0,3}) (?:in|on) (?:the |[“\"]|(?-i:[A-Z][\w+&-]*)['’]s ))"
    r"|\b(?:won|took home|picked up|earned) (?:the |an? |two |three |\w+ )?(?:[\w-]+ ){0,3}?"
    r"(?:emmys?|golden globes?|globes?|awards?|baftas?|oscars?|sag awards?)(?: awards?)?"
    r" (?:for|as\b)"
    r"|\b(?:winner|nominee|nominations?|nominated)(?: twice| again| \w+ times)? for"
    r"|\bwon in \d{4} for|\b(?:before |after )?(?:moving|moved|went) on to(?= (?-i:[A-Z“\"]))"
    # "went on to eight seasons of the CBS sitcom Mom"
    r"|\bwent on to \w+ (?:seasons|years) (?:of|on|in)"
    r"|\b(?:so |very |equally )?(?:good|great|brilliant|terrific|memorable|superb|excellent"
    r"|unforgettable|wonderful) (?:for (?:so long|years|\w+ seasons) )?(?:in|on)"
    r"|\b(?:title )?(?:role|part) in|\bstarred (?:for \w+ seasons )?(?:in|on)"
    r"|\b(?:also )?appeared (?:in|on)|\b(?:best )?remembered (?:for|as)\b"
    r"|\b(?:guest |recurring |breakout )?(?:turn|stint) (?:on|in)"
    r"|\b(?:guest |recurring |breakout )(?:turn|stint|role) as"  # "his guest turn as X in Y"
    r"|\b(?:first )?(?P<fame>became famous|became a star|rose to fame|shot to fame|found fame"
    r"|made (?:her|his|their) name)\b"
    r"|\b(?:has |have )?(?:turned|shown) up (?:in|on)"
    r"|\b(?:did|shot|made)(?= (?-i:[A-Z“\"])[^.;]{1,40}? for (?:\w+ )?(?:years|seasons)\b)"
    r"|\bserved (?:her|his|their) time (?:on|in)|\b(?:most )?recently (?:seen|starred) in"
    r"|\b(?:came up in |started in |a seat in )?the writers['’] rooms? (?:of|on|at)"
    r"|\bcame up (?:through|on)"
    r"|\b(?:spent|her|his|their) \w+ (?:seasons|years) (?:as [a-z][\w -]{0,40}? )?(?:on|in)"
    r"|\b(?:staff )?(?:writer|producer) (?:on|for)|\bwent on to (?:write|produce|direct)"
    r"(?: and (?:write|produce|direct))?"
    r"|\bin the (?:\w+ )?(?:film|series|movie|sitcom|drama|miniseries)"
    r"|\bepisode of"
    r"|\b(?:know|knows|recognise|recognize|remember|seen|spotted)(?: (?P<object>him|her|them"
    r"|you))?(?: best)? (?:from|as\b)"
    r"|\b(?:seen|spot|spotted|catch) (?P<seen>him|her|them|you) (?:in|on)"
    # a cast guide's label: "Where you've seen her: A, B and C"
    r"|\bwhere (?:you['’]ve|you have|you(?:['’]ve| have)? might have|you may have) "
    r"(?:seen|spotted) (?P<label>him|her|them)(?: before)?:"
    r"|\b(?P<played>played)\b|\b(?:directed|wrote|produced) (?:\w+ )?(?:episodes|an episode) of"
    r"|\b(?:was|were|has been|have been) (?:a (?:series )?regular )?on(?= (?-i:[A-Z“\"])"
    r"[^,;.]{1,60}? for (?:\w+ )?(?:years|seasons)\b)"
    r")(?:(?<=as)| )"
)


# A clause with a subject of its own: ", and Ann Lee was ...", "; Lee plays ...".
_OTHER_SUBJECT = re.compile(
    rf"(?:,? (?:and|but|while|whereas)|;) {_NAME_WORD}(?: {_NAME_WORD})? "
    r"(?:was|is|were|are|played|plays|starred|stars)\b"
)


# Between two titles of a list: a clause about the first ("A, where she was a producer,
# and B").
_BETWEEN_TITLES = re.compile(
    r",? (?:where|which|in which|on which|for which) [^,;.]{1,80}, (?:and|or) "
)


# Where a career clause places a role: "in", "on", "from".
_PLACED_IN = re.compile(r"\b(?:in|on|from|(?<=character )of|(?<=role )of) (?=[“\"A-ZÀ-ÖØ-Þ]|the )")


# A description of a title before it: "college drama ", "superhero family drama ".
_DESCRIBED = (
    r"(?:[a-z][\w-]* ){0,3}(?:drama|series|sitcom|comedy|thriller|film|movie|miniseries"
    r"|procedural|show|spy thriller) "
)


# A title's kind right after a career phrase: "the Sundance thriller ", "the Channel 4
# period piece ", "the BBC legal drama ".
_KIND_LEAD = re.compile(
    r"(?:the|a|an) (?:[A-Z][\w-]*(?: \d+)? )?(?:[a-z][\w-]* ){0,3}"
    r"(?:drama|series|sitcom|comedy|thriller|film|movie|miniseries|procedural|show|piece"
    r"|feature|documentary) (?=[“\"]?[A-Z])"
)
# A title's kind before it: "the CBS sitcom ", "the college drama ".
_KIND_BEFORE = re.compile(rf"the (?:[A-Z]{{2,5}} )?{_DESCRIBED}")


_NETWORK_OWNER = re.compile(rf"(?:[Tt]he )?{_NETWORK.pattern}{_POSSESSIVE} (?:{_DESCRIBED})?")


_CLAUSE_END = re.compile(r"[;:!?]|\.\W*$|, (?!or |and |the |an? |in |on |from )")


_OPEN_QUOTE = re.compile(r"[“\"]")


_CLOSE_QUOTE = re.compile(r",?[”\"]")


# "reunites A with B, his longtime co-star on X"; "the pair spent seven seasons together on X".
_TOGETHER = re.compile(
    r"(?i:\b(?:co-?stars?|castmates?|sparring partners?|colleagues?) (?:on|in|from)"
    r"|\btogether (?:for (?:\w+ )?(?:seasons|years) )?(?:on|in|since)"
    r"|\bshared (?:a|the) screen (?:on|in)"
    r"|\b(?:this|a|their) (?:shorthand|history) (?:from|on)"
    r"|\breunit(?:ing|es|ed) the (?:two |former )?(?:stars|co-stars|castmates) (?:of|from))"
    r" [“\"]?"
)


# Words of an award's name, never of a show's: "Outstanding Lead Actress".
_AWARD = re.compile(
    r"\b(?:Outstanding|Best|Lead|Supporting|Actress|Actor|Awards?|Emmys?|Golden Globes?"
    r"|Primetime|Performance|Nominations?)\b"
)


# Nouns that titles name after a character's possessive: "Ann Lee's Diary" is one title.
_TITLE_NOUNS = ("Diary", "Game", "Story", "Choice", "Web", "Island", "Ghost", "Daughter", "Wife")
# A possessive before a title, not part of it: a full name's ("Alex Garland's Men") or
# anyone's before "The" ("Hulu's The Long Road"); never "Grey's Anatomy".
_OWNER = re.compile(
    rf"(?!(?:The|A|An) )(?:{_NAME_WORD} {_NAME_WORD}(?: {_NAME_WORD})?{_POSSESSIVE} "
    rf"(?!(?:{'|'.join(_TITLE_NOUNS)})\b)|{_NAME_WORD}{_POSSESSIVE} (?=The ))"
)


# A year after a link word ends a title: "an Emmy for The West Wing in 2001".
# A comma after a title's first word only after one letter ("I, Tonya") or before words
# cut short by the sentence split ("Tick, Tick... Boom!"): "Sunfall, Red Sky and Dry
# Creek" are three titles.
_TITLE_IN_LIST = re.compile(
    rf"[{_UPPER}0-9](?:,(?= [{_UPPER}])|[\w’'!.:-]*(?:,(?= [^,]*(?:\.\.\.|…)))?)"
    rf"(?:(?: (?:of|the|in|on|a|an|to|for|at|by|with|from|&)){{1,2}} "
    rf"(?!(?:19|20)\d\d\b)[{_UPPER}0-9][\w’'!.-]*| [{_UPPER}0-9][\w’'!.-]*)*"
)
# "Days and Days": one title whose words on either side of "and" are the same, not two.
_REPEATED_TITLE = re.compile(r" and (?P<word>\S+)")


def _known_for_mentions(sentence: _Sentence, context: _Context) -> Iterator[_Mention]:
    """Other credits said in words: "X, whose credits include A and B", "X won an Emmy
    for A", "You may know her from A", "The Long Road star X"; the person is the one the
    words are about (:meth:`_Context.person`)."""
    text = sentence.text
    people = context.people
    for match in _KNOWN_FOR.finditer(text):
        pronoun = match["object"] or match["seen"] or match["label"]
        if match["label"]:  # a guide's label: the person its entry's heading names
            person = context.entry_person.get(sentence.index)
        else:
            person = context.person(sentence, match.start(), pronoun)
        if person is None or not people.credited(person):
            continue
        placed = match["playing"] or match["played"] or match["fame"] or match["role_as"]
        kind = _KIND_LEAD.match(text, match.end())  # "known for the BBC legal drama X"
        titles = [] if placed else _titles(text, kind.end() if kind else match.end())
        if match["role_as"]:  # up to another's clause: "was A in X, and B was C in Oslo"
            other = _OTHER_SUBJECT.search(text, match.end())
            titles = _titles_placed(text[: other.start()] if other else text, match.end())
        elif match["object"] or match["seen"] or placed or match.group().endswith("as"):
            titles += _titles_placed(text, match.end())
        elif not titles:  # "best known for her turn as a barrister in the BBC drama X"
            titles = _titles_placed(text, match.end())
        if context.network:  # "in <Network>'s Other Show": the network owns the title
            owner = f"{context.network}'s "
            titles = [
                t[len(owner) :] if t.replace("’", "'").startswith(owner) else t for t in titles
            ]
        credits = _credits(titles, people, context.show)
        if credits:
            yield _Mention(person, sentence.index, match.start(), known_for=credits)
    for match in _EPITHET.finditer(text):
        person = people.person(_trim(match["name"]))
        # "West Wing legend Ann Lee" beside "The West Wing"; "Hollywood star" is no title
        credits = _epithet_title(match["title"], context)
        if person and credits:
            yield _Mention(person, sentence.index, match.start(), known_for=credits)
    yield from _together_mentions(sentence, context)
    yield from _castmate_mentions(sentence, context)
    yield from _pair_mentions(sentence, context)


# "reuniting him with his West Wing castmate Ann Lee": a title both were in.
_CASTMATE = re.compile(
    r"\b(?:his|her|their) (?:former |old |longtime |one-time )?"
    rf"(?P<title>(?:The )?[{_UPPER}][\w{_APOSTROPHES}-]*(?: [{_UPPER}][\w{_APOSTROPHES}-]*){{0,4}})"
    rf" (?:castmate|co-star|costar|scene partner) (?P<name>{_NAME})"
)


def _castmate_mentions(sentence: _Sentence, context: _Context) -> Iterator[_Mention]:
    """The title someone and their castmate were in: "A joined, reuniting him with his
    West Wing castmate B" (the one before the phrase: the last person named); a castmate
    the article does not credit gives it only to the one before ("A, married to her
    former Red Sky co-star C")."""
    text = sentence.text
    for match in _CASTMATE.finditer(text):
        mate = context.people.credited(_trim(match["name"]))
        named = _people_named(text, context.people, match.start())
        credits = _epithet_title(match["title"], context)
        if named and credits and named[-1] != mate:  # a castmate from elsewhere: one
            for person in (named[-1], mate) if mate else (named[-1],):
                yield _Mention(person, sentence.index, match.start(), known_for=credits)


def _credits(titles: Iterable[str], people: _People, show: str) -> tuple[str, ...]:
    """The titles that can be other credits: not an award, a person, a character, the
    show itself or a part of it."""
    return tuple(
        dict.fromkeys(
            t
            for t in titles
            if t
            and not _AWARD.search(t)
            and not _NO_TITLE.search(t)
            and not _NETWORK.fullmatch(t)
            and not _PART_OF_SHOW.match(t)
            and not (show and show in t)
            and not people.person(t)
            and not people.is_character(t)
        )
    )


# Words of a chart or a number, never of a title: "Peacock's Top 10", "No. 1", "2019".
_NO_TITLE = re.compile(
    r"\bTop (?:\d+|Ten)\b|^No\.|^\d+$|(?:^|\s)(?:Chart|List)$"
    rf"|^(?:{'|'.join(names[0].capitalize() for names in MONTH_NAMES)}) (?:\d|$)"
    r"|\b(?:19|20)\d\d$"  # "in April 2023": a date, not a title
    r"|^(?:Off-)?Broadway$|^(?:the )?West End$"  # a stage, not a title: "appeared on Broadway"
    r"|^[\w-]+['’]s$"  # "nominated for Peacock's show": an owner without its title
    r"|-(?:style|esque|like|inspired)$"  # "a The Holdovers-style drama": a comparison
)


# "The Long Road star Mia Long", "The West Wing alum Ann Lee": a title before an
# actor's epithet (only a title opening with "The": "Hollywood star" is none).
_EPITHET = re.compile(
    rf"\b(?P<title>(?:The )?[{_UPPER}][\w{_APOSTROPHES}-]*(?: [{_UPPER}][\w{_APOSTROPHES}-]*)*)"
    r" (?:star|alum|alumna|alumnus|veteran|actor|actress|favourite|favorite|legend|creator) "
    rf"(?P<name>{_NAME})"
)


# A pair named by a title they share: "the former Dry Creek co-stars", "the two Dry Creek
# veterans"; one person by it: "Ann Lee, another Dry Creek alumna".
_PAIR_EPITHET = re.compile(
    r"\b(?:[Tt]he|[Tt]wo|[Bb]oth) (?:two |former |old |onetime |one-time )*"
    rf"(?P<title>(?:The )?[{_UPPER}][\w{_APOSTROPHES}-]*(?: [{_UPPER}][\w{_APOSTROPHES}-]*){{0,4}})"
    r" (?:co-?stars|castmates|alumni|alums|veterans)\b"
)
_FELLOW_EPITHET = re.compile(
    rf"(?P<name>{_NAME}), (?:another|a fellow|a former|also an?) "
    rf"(?P<title>(?:The )?[{_UPPER}][\w{_APOSTROPHES}-]*(?: [{_UPPER}][\w{_APOSTROPHES}-]*){{0,4}})"
    r" (?:alum|alumna|alumnus|veteran)\b"
)


def _epithet_title(title: str, context: _Context) -> tuple[str, ...]:
    """The other credit an epithet's title names: written with "The", or as the article
    writes it in full elsewhere ("West Wing" beside "The West Wing")."""
    title = title if title.startswith("The ") else context.titles.get(title, "")
    return _credits([title], context.people, context.show)


def _pair_mentions(sentence: _Sentence, context: _Context) -> Iterator[_Mention]:
    """A title shared by the pair a sentence calls by it ("The former Dry Creek co-stars
    play husband and wife": the two people named before it, here or else in the sentence
    before; with any other number, who the pair is stays unknown),
    or by one person ("Ann Lee, another Dry Creek alumna")."""
    text = sentence.text
    for match in _PAIR_EPITHET.finditer(text):
        named = _people_named(text, context.people, match.start())
        if not named:  # the pair the sentence before named, and only two
            named = context.before.get(sentence.index, [])
        credits = _epithet_title(match["title"], context)
        if len(named) == 2 and credits:
            for person in named:
                yield _Mention(person, sentence.index, match.start(), known_for=credits)
    for match in _FELLOW_EPITHET.finditer(text):
        fellow = context.people.credited(_trim(match["name"]))
        credits = _epithet_title(match["title"], context)
        if fellow and credits:
            yield _Mention(fellow, sentence.index, match.start(), known_for=credits)


def _titles(text: str, position: int) -> list[str]:
    """The titles of a list starting at ``position``: "A, B and C", each maybe quoted or
    owned ("Hulu's The Long Road"), with a clause between two of them skipped ("A, where
    she was a producer, and B")."""
    titles: list[str] = []
    quoted: bool | None = None
    while title := _title_at(text, position):
        name, end = title
        if quoted is not None and quoted != (text[position] in '“"'):
            break  # 'Dry Creek, "The Pilot," ...': an episode's title after the show's
        quoted = text[position] in '“"'
        titles.append(name)
        clause = _BETWEEN_TITLES.match(text, end)
        join = clause or _TITLE_JOIN.match(text, end)
        if not join or (not clause and (name.endswith(",") or text[end - 1 : end] == ",")):
            break
        if clause or "," not in join.group():
            last = _title_at(text, join.end())
            titles.append(last[0] if last else "")
            break
        position = join.end()
    return [_plain_title(t) for t in titles]


# Between two titles of a list: "A, B and C", "A and then B", "A or B".
_TITLE_JOIN = re.compile(r",? (?:and|&|or)(?: then| later)? |, | alongside ")


# A one-word owner and a description before a title: "Dry Creek's superhero drama ".
_ANY_OWNER = re.compile(rf"[{_UPPER}][\w+&-]*{_POSSESSIVE} {_DESCRIBED}")


def _title_at(text: str, position: int) -> tuple[str, int] | None:
    """The title at ``position`` (after an owner and an opening quote) and where it
    ends (after its closing quote); None when no title starts there."""
    owner = _OWNER.match(text, position) or _NETWORK_OWNER.match(text, position)
    if not owner and (network := _ANY_OWNER.match(text, position)):
        owner = network  # "Peacock's superhero drama Dry Creek"
    position = owner.end() if owner else position
    quote = _OPEN_QUOTE.match(text, position)
    title = _TITLE_IN_LIST.match(text, quote.end() if quote else position)
    if not title:
        return None
    name, end = title.group(), title.end()
    if (again := _REPEATED_TITLE.match(text, end)) and again["word"].rstrip(",.") == name:
        name, end = f"{name} and {name}", end + len(f" and {name}")
    if quote and (close := _CLOSE_QUOTE.match(text, end)):
        end = close.end()
    if (episode := _EPISODE_OF.match(text, end)) and (series := _title_at(text, episode.end())):
        return series[0], series[1]  # "'The Pilot,' the first episode of Dry Creek"
    return name, end


# After an episode's title, the series it is an episode of: ", the first episode of ".
_EPISODE_OF = re.compile(r",? (?:the|an?) (?:[\w-]+ ){0,3}episode of (?:the (?:series |show ))?")


def _plain_title(title: str) -> str:
    """A title without the punctuation a list leaves on it; "" when it was cut short
    where the sentence was split ("Tick, Tick...")."""
    if title.endswith(("...", "…")):
        return ""
    return title.rstrip(".,")


def _titles_placed(text: str, position: int) -> list[str]:
    """The titles a career clause places roles in: "playing Elizabeth Jennings in FX's
    The Americans", "from A and from B", "as Lord Melbourne in ITV's Victoria". A place
    is a title only right after the phrase, after a character's name, or after a
    network's or a kind's words ("playing a nurse in Belfast" names no title)."""
    clause = _CLAUSE_END.search(text, position)
    end = clause.start() if clause else len(text)
    titles: list[str] = []
    for owner in _TITLES_CHARACTER.finditer(text, position, end):
        if owner["as"] or text.endswith("as ", 0, owner.start()):
            titles.append(owner["title"])  # "won four Emmys as Dry Creek's Meg Orr"
    for place in _PLACED_IN.finditer(text, position, end):
        network = _NETWORK_OWNER.match(text, place.end()) or _KIND_BEFORE.match(text, place.end())
        between = text[position : place.start()]
        if not (network or not between.strip(" ,") or _ROLE_NAMED.search(between)):
            continue
        title = _title_at(text, network.end() if network else place.end())
        if title and not _PART_OF_SHOW.match(title[0]) and not title[0][:1].isdigit():
            titles.append(_plain_title(title[0]))
    return titles


# A title owning a character: "as Dry Creek's Meg Orr".
_TITLES_CHARACTER = re.compile(
    rf"(?P<as>\bas )?(?<![\w{_APOSTROPHES}])(?P<title>[{_UPPER}][\w-]*(?: (?:of |the |and )?"
    rf"[{_UPPER}][\w-]*){{0,5}}){_POSSESSIVE} (?=[{_UPPER}])"
)


# A character named in a career clause: "as Elizabeth Jennings", "the title character".
_ROLE_NAMED = re.compile(rf"{_NAME_WORD}|\btitle (?:character|role)\b|\band (?:from|in|on) $")


def _together_mentions(sentence: _Sentence, context: _Context) -> Iterator[_Mention]:
    """A show two people were in together: "reunites A with B, his co-star on X", "the
    pair spent seven seasons together on X", "A and B last shared a screen in X" (the
    pair: the last two people named, in the sentence or the one before)."""
    text = sentence.text
    for match in _TOGETHER.finditer(text):
        named = _people_named(text, context.people, match.start())
        if len(named) < 2 and "together" in match.group().lower():
            named = [*context.before.get(sentence.index, []), *named]
        if len(named) < 2:
            continue
        network = _NETWORK_OWNER.match(text, match.end())
        title = _title_at(text, network.end() if network else match.end())
        credits = _credits([_plain_title(title[0])] if title else [], context.people, context.show)
        for person in named[-2:]:
            if credits:
                yield _Mention(person, sentence.index, match.start(), known_for=credits)


def _people_named(text: str, people: _People, end: int | None = None) -> list[str]:
    """The credited people ``text`` names (before ``end``), in order, each once."""
    found = (
        people.credited(_trim(m.group())) for m in _FULL_NAME.finditer(text, 0, end or len(text))
    )
    return list(dict.fromkeys(person for person in found if person))
