"""Seasons, renewals, episode counts and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplomat_tui.article.patterns import (
    _APOSTROPHES,
    _COUNT,
    _NUMBER_IN_WORDS,
    _ORDINAL,
    _ORDINAL_WORDS,
    _POSSESSIVE,
    _SEASON,
    _SEASON_REFERENCE,
    _UPPER,
    _count,
    _Found,
    _Refs,
    _season_number,
)
from diplomat_tui.article.text import _Sentence
from diplomat_tui.article.text import cells as table_cells
from diplomat_tui.merge import MONTH_NAMES, MONTHS
from diplomat_tui.model import Episode, Season

# A renewal: "renewed the series for Season 3", "renewed for a third season".
_RENEWED = re.compile(
    r"(?i:\b(?:renew(?:s|ed|ing)?|picked up|greenlit|green-lit|re-?commissioned"
    r"|(?:given|gave|gives) (?:[^.;]{1,40} )?the green light)\b)[^.;]{0,60}?"
    rf"\bfor (?:an? |the |its )?{_SEASON}"
)
# A title inside a renewal's words: "a fourth series of <Title>", "handed <Title> a".
_TITLE_INSIDE = re.compile(
    rf"(?:\bof |(?i:handed|hands|handing|awarded|gave|given|gives) )"
    rf"(?P<title>[{_UPPER}][\w’'-]*(?: [{_UPPER}][\w’'-]*)*)"
)
# A season handed over: "Peacock has handed <Title> a fourth season".
_HANDED = re.compile(
    rf"(?i:\b(?:handed|hands|handing|awarded|gave|given|gives) )(?:the (?:show|series|drama) "
    rf"|[{_UPPER}][\w’'-]*(?: [{_UPPER}][\w’'-]*){{0,4}} )(?:an? )?{_SEASON}"
)
# A season granted: "has received a second season", "ordered Season 2".
_GRANTED = re.compile(
    r"(?i:\b(?:received|receives|gets|got|earned|landed|scored|ordered|secured|secures"
    r"|(?:has|have|had)(?: already| officially| now)? (?:confirmed|announced|commissioned"
    rf"|signed up for|committed to)) (?:an? )?){_SEASON}"
    # not "has confirmed Season 3 will premiere ...": a date, not a renewal
    r"(?! (?:will|would|is|premieres?|arrives?|returns?|drops?|lands?|debuts?)\b)"
)
# A season said to be coming: "Peacock has already said there's a fourth season".
_TOLD = re.compile(
    r"(?i:\b(?:said|told|confirmed|announced)\b[^.;?]{0,30}\bthere(?:['’]s| is| will be) "
    rf"(?:an? )?){_SEASON}"
)
# A renewal named as a noun: "the Season 3 renewal", "the Season 3 order".
_RENEWAL_NOUN = re.compile(rf"{_SEASON} (?i:renewal|order|pickup)\b")
# A season ordered, said of the season: "a fourth season has already been ordered",
# "Series 4 has been commissioned", "Season 4 is confirmed".
_ORDERED = re.compile(
    rf"{_SEASON}(?: of [{_UPPER}][\w’'-]*(?: [{_UPPER}][\w’'-]*){{0,4}})? "
    r"(?i:(?:has|have|had|was|is)(?: (?:already|now|officially|since))?(?: been)? "
    r"(?:ordered|commissioned|greenlit|green-lit|confirmed|picked up|happening|a go"
    r"|in production|in the works|filming|shooting))\b"
)
# A return announced for a season with no date: "will return for a fourth season" (with
# a date, "returns for Season 3 on October 16" is a premiere).
_WILL_RETURN = re.compile(
    r"(?i:\b(?:will (?:return|be back|come back)|(?:is|are) (?:coming back|returning)) for "
    rf"(?:an? |the |its )?){_SEASON}(?![^.;]*\d)"
)
# A sheet's "Renewed: Season 4 (announced 2025)", "Renewal: fourth season".
_RENEWED_KEY = re.compile(
    r"^\|?\s*(?:[-*•] )?(?i:renewed|renewal|renewed for)\s*[:=]\s*(?i:for )?(?:an? |the )?"
    rf"{_SEASON}"
)
# A season ordered, said in a relative clause: "the fourth season that Peacock has already
# ordered", "a fifth season, which the network confirmed in May".
_ORDERED_AFTER = re.compile(
    rf"{_SEASON},? (?:that|which) (?:the )?[\w+]+(?: [A-Z][\w+]*)? (?:has|had|have)?"
    r"(?: already| officially| quietly| now)? ?(?i:ordered|commissioned|greenlit|green-lit"
    r"|confirmed|announced|picked up)\b"
)
# The season left out after its ordinal: "renewed the show for a fourth."
_RENEWED_FOR_ORDINAL = re.compile(
    r"(?i:\brenew(?:s|ed)?\b[^.;]{0,60}?\bfor an? "
    rf"(?P<ordinal>{'|'.join(list(_ORDINAL_WORDS)[1:])}))(?=[.!;]|$)"
)
_RENEWALS = (
    _RENEWED,
    _GRANTED,
    _TOLD,
    _RENEWAL_NOUN,
    _ORDERED,
    _WILL_RETURN,
    _RENEWED_KEY,
    _ORDERED_AFTER,
    _RENEWED_FOR_ORDINAL,
    _HANDED,
)
# The title a passive renewal is said of: "Other Show, renewed for ...", "Other Show has
# been renewed for ..." (an active "Peacock renewed" names the network, not a title).
_RENEWED_TITLE = re.compile(
    rf"(?<![\w{_APOSTROPHES}])(?P<title>[{_UPPER}][\w’'-]*(?: (?:of |the |and |in |a )*"
    rf"[{_UPPER}][\w’'-]*){{0,7}})[”\"]?(?:,| (?:was|has been|had been|have been|is|are|were"
    r"|got|gets|will be)(?: officially| already| quickly)?) $"
)
_NOT_TITLES = frozenset("The It This That Which She He They".split())
# Words before a renewal that leave it undecided.
_UNDECIDED = re.compile(
    r"(?i:\b(?:whether|(?<!even )(?<!as )if|not yet|has not|hasn't|have not|haven't|no word"
    r"|nobody|no one|never"
    r"|unclear|yet to"
    r"|undecided|hopes? for|hoping for|campaign(?:ing)? for)\b)"
)
# Where the news was announced: "announced on the <Platform> platform", "announced at <Event>".
_ANNOUNCED = re.compile(
    rf"\bannounced (?P<preposition>on|at|via|during) (?:the )?"
    rf"(?P<venue>[{_UPPER}][\w+-]*(?: [{_UPPER}][\w+-]*)*)"
)
# What a few episodes make without being a season: "a two-episode premiere".
_ARC = r"(?:finale|premiere|opener|arc|story|storyline|special|event|block|debut|launch)"
# An episode count: "the eight-episode series", "the six-part series", "all eight episodes",
# "Episodes: 8", "Season 1 (8 episodes)"; never "the first three episodes" or "N episodes in,".
_EPISODE_COUNT = re.compile(
    rf"(?i:\b(?P<count>{_COUNT})-(?:episode\b(?! (?:[\w-]+ )?{_ARC}\b)"
    r"|part\b(?= (?:[\w-]+ ){0,2}?(?:series|season|run|drama|thriller|show|miniseries)\b)"
    r"|parter\b)"  # "a brisk six-parter"
    rf"|(?<!first )(?<!last )(?<!final )(?<!opening )(?<!remaining )(?<!next )(?<!other )"
    rf"(?<!those )(?<!these )(?<!two of )(?<!after )(?<!season )(?<!series )(?<![\w-])"
    rf"(?P<listed>{_COUNT})"  # not "all eight Season 3 episodes": the season's number
    rf" (?:new |more |[\w-]+-long |hour-long |(?:{_ORDINAL})-(?:season|series) )?episodes\b"
    r"(?! in[,.;:!?])"  # "Twenty-two episodes in, ...": how far, not how many
    rf"|^\|?\s*(?:no\. of )?episodes\s*[:=]\s*(?P<keyed>{_COUNT})(?![\w-])"
    r"|^no\. of episodes\s+(?P<bare>\d{1,3})\s*$)"
)


def _month(group: str) -> str:
    """A month's name or abbreviation (with or without its full stop) in group ``group``."""
    names = "|".join(
        name if number == 0 else rf"{name}\.?"
        for names in MONTH_NAMES
        for number, name in enumerate(names)
    )
    return rf"(?P<{group}>(?i:{names}))"


_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )"
# A date as written: "October 16, 2025", "Oct. 16", "16 October 2025", "Thursday 16 October",
# "April 2023"; a bare year only after "in".
# A day of the month in words, as speech is transcribed: "October sixteenth".
_DAY_WORDS = {
    word: number
    for number, word in enumerate(
        (
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
            "twentieth twenty-first twenty-second twenty-third twenty-fourth twenty-fifth "
            "twenty-sixth twenty-seventh twenty-eighth twenty-ninth thirtieth thirty-first"
        ).split(),
        start=1,
    )
}
_DAY_WORD = "|".join(sorted(_DAY_WORDS, key=len, reverse=True))
_DATE = (
    rf"(?:{_WEEKDAY}?(?:{_month('month')} (?:(?P<day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?"
    rf"|(?P<dayw>(?i:{_DAY_WORD})))"
    rf"(?:,? (?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? {_month('month2')}"
    rf"(?:,? (?P<year2>\d{{4}}))?"
    rf"|{_month('month3')} (?P<year3>\d{{4}})"
    rf"|(?<=in )(?P<year4>\d{{4}})))(?![\w-])"
)
# A premiere and its date: "premiered on Friday, March 8, 2024", "bowed Oct. 31, 2024",
# "arrives on <Network> on Oct. 16", "are on <Network> from Thursday 16 October".
_PREMIERE = re.compile(
    # a fact sheet's "Season 2: October 31, 2024 (6 episodes)"
    rf"(?:^(?:[-*•] )?(?=(?i:season|series) \w+\s*[:=–—-])(?P<season_key>{_SEASON})\s*[:=–—-]\s*|"
    r"^\|?\s*(?P<key>(?i:premiere|premiere date|release date|first aired|premiered"
    r"|original release|original run|first released|released|premieres|debut|debuts|debuted"
    r"|launch|launch date|airs|aired|streaming|streaming from|available|available from"
    r"|drops|out))\s*[:=]\s*|"
    # an infobox copied without its colon: "Original release October 31, 2024"
    r"^(?P<bare>(?i:original release|release date|first aired|premiere date|original air date"
    r"|released))\s+(?=[\w,]+ [\w,]+)|"
    r"\b(?P<verb>premiered|premieres|premiere|premiering|debuted|debuts|debut|launched|launches"
    r"|launch|bowed|bows|arrived|arrives|arrive|dropped|drops|landed|lands"
    # the plain verb after its subject: "all eight episodes drop Oct. 16", "will land"
    r"|(?:(?<=episodes )|(?<=will )|(?<=to )|(?<=they )|(?<=both ))(?:drop|land)"
    r"|(?<=episodes )available(?: to stream)?"  # "all eight episodes available from ..."
    r"|released|returns"
    r"|returned|followed|hits \w+|hit \w+|streaming from|(?:are|is) on \w+ from"
    r"|(?:is|are) coming(?: to \w+)?|(?:is|are) out|(?:will be|is|are) available(?: to stream)?"
    r"|came out|comes out|(?:release|premiere) date (?:is|was)|(?:will be|is|are) back"
    r"|starts|started|begins|began|kicks off|kicked off"
    r"|(?:is|are|was|were) (?:set|slated|scheduled|due)(?: to (?:premiere|arrive|debut|drop|land"
    r"|return|launch))?(?: for)?)\b"
    r"(?: all (?:\w+ )?(?:new )?episodes)?"  # "dropped all eight episodes on Oct. 16"
    # "dropped all eight episodes of <Title> Season 3 on ..."
    rf"(?: of (?:[{_UPPER}][\w’'-]* ){{0,5}}(?i:season|series) \w+)?"
    # "returned for its third season on", "will be back for series three on"
    r"(?: for (?:(?:its|a|the) \w+ (?:season|series)|(?:season|series) \w+))?"
    r"(?: (?:on|in|at|to) (?!\d)\w+(?: (?!\d)\w+)?)?(?: (?:on|in|from))?(?:, on)? )"
    r"(?:(?:last|this|next) )?"  # "premiered last Oct. 31"
    r"(?:(?:today|tonight),? )?"  # "is available from today, Thursday 16 October"
    rf"{_DATE}"
)
# A second premiere whose verb is left out after a first: "Season 1 arrived in April
# 2023, and season 2 (six episodes) on Oct. 31, 2024".
_GAPPED_PREMIERE = re.compile(
    rf"(?:,? and|;) (?:the |its )?{_SEASON}(?: \([^()]{{1,40}}\))?,? (?:on|in) {_DATE}"
)
# A premiere named by its date: "after its Thursday, Oct. 16, 2025, debut".
_PREMIERE_NOUN = re.compile(
    rf"\b(?:its|the|an?) {_DATE},? (?i:(?:series |season )?(?:debut|premiere|launch|bow)"
    r"(?: date)?)\b"
)
# Keys that give the show's own first airing (not a season's release).
_SHOW_KEYS = frozenset(
    {"first aired", "premiered", "original release", "original run", "premiere", "premiere date"}
)
_FOR_SEASON = re.compile(rf" (?:for|of) (?:its |the |an? )?(?:[\w-]+ )?{_SEASON}")
# What premieres that is no season: "the finale airs", "the trailer dropped", "filming is
# set for" (said in the clause before the verb).
_NOT_A_SEASON = re.compile(
    r"(?i:\b(?:finale|trailer|teaser|filming|production|shoot|screening|premiere party|red carpet"
    r"|special|soundtrack|book|film|movie|podcast|documentary|tour|pilot)\b"
    rf"|(?<![\w-])episode (?:\d+|{_NUMBER_IN_WORDS})\b)"
)
_RETURN = frozenset({"returns", "returned", "is back", "are back", "will be back"})
_PAST_PREMIERE = frozenset(
    {
        "premiered",
        "debuted",
        "launched",
        "bowed",
        "arrived",
        "dropped",
        "landed",
        "released",
        "returned",
        "followed",
        "started",
        "began",
        "kicked off",
    }
)
# Who premiered: the show itself ("the series premiered"), not one of its seasons.
_SHOW_SUBJECT = re.compile(
    r"(?i:\b(?:the|this) (?:series|show|drama|thriller)"
    r"|(?<!of )(?<!to )(?<!for )(?<!in )(?<!with )(?<!about )\bit)"  # not "all six of it"
    r"(?: first)?,?(?: which)? (?:\w+ )?$"
)


def _iso(match: re.Match[str]) -> str:
    """A date match as the store keeps it: ``2025-10-16``, ``2023-04``, ``October 16``,
    or ``2026``; never a year the text does not give."""
    month_word = match["month"] or match["month2"] or match["month3"]
    day = match["day"] or match["day2"] or _DAY_WORDS.get((match["dayw"] or "").lower())
    year = match["year"] or match["year2"] or match["year3"] or match["year4"]
    if month_word is None:
        return year
    month = MONTHS[month_word.lower().rstrip(".")]
    if day and year:
        return f"{int(year):04d}-{month:02d}-{int(day):02d}"
    if day:
        return f"{MONTH_NAMES[month - 1][0].capitalize()} {int(day)}"
    return f"{int(year):04d}-{month:02d}"


@dataclass
class _SeasonFacts:
    """What the article says of one season."""

    episode_count: int | None = None
    premiere: str | None = None
    status: str | None = None
    sentences: set[int] = field(default_factory=set)
    count_sentences: set[int] = field(default_factory=set)
    premiere_sentences: set[int] = field(default_factory=set)


def _renewal(sentences: list[_Sentence], show: str) -> _Found[int] | None:
    """The latest season a renewal of ``show`` announces, with its sentence."""
    found: _Found[int] | None = None
    for sentence in sentences:
        for pattern in _RENEWALS:
            for match in pattern.finditer(sentence.text):
                if _undecided(sentence.text, match.start()):
                    continue  # "has not said whether it will return for a fourth season"
                renewed = _RENEWED_TITLE.search(sentence.text, 0, match.start())
                if renewed and show not in renewed["title"] and renewed["title"] not in _NOT_TITLES:
                    continue  # "Unlike Other Show, renewed for a second season, ..."
                named = _TITLE_INSIDE.search(match.group())
                if (
                    pattern in (_ORDERED, _HANDED, _RENEWED)
                    and named
                    and show not in named["title"]
                ):
                    continue  # "A fourth series of Other Show has been confirmed"
                number = _season_number(match)
                if found is None or number > found.value:
                    found = _Found(number, (sentence.index,))
    return found


def _undecided(text: str, position: int) -> bool:
    """Whether the clause before ``position`` leaves a renewal undecided."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, position)]
    return bool(_UNDECIDED.search(text, breaks[-1] if breaks else 0, position))


_CLAUSE_BREAK = re.compile(r"[;:—–]|,? \bbut\b|, and\b|\. ")


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


def _renewal_spans(text: str) -> list[tuple[int, int]]:
    """Where a sentence announces a renewal: its season mentions there are not what the
    sentence's figures or dates are about."""
    return [match.span() for pattern in _RENEWALS for match in pattern.finditer(text)]


def _season_mentions(text: str, show: str) -> list[tuple[int, int]]:
    """(position, season) of every season the sentence names outside renewals; a season
    of another title ("the second season of Other Show") is :data:`OTHER_SHOW`."""
    renewals = _renewal_spans(text)
    mentions = [
        (match.start(), _season_of(text, match, show))
        for match in _SEASON_REFERENCE.finditer(text)
        if not any(start <= match.start() < end for start, end in renewals)
        and not re.match(r"(?i)s\b|\s+(?:and|&|to|-)\s+\d", text[match.end() : match.end() + 6])
    ]
    if mentions:
        first = mentions[0][0]
        mentions += [
            (match.start(), _ORDINAL_WORDS[match["ordinal"].lower()])
            for match in _ELLIPTICAL_SEASON.finditer(text)
            if match.start() > first
        ]
    # "<Title>, whose third season arrived Oct. 16, drew ... across its 22 episodes": the
    # season of a relative clause is not what "its ... episodes" after it counts (the
    # subject's, the whole show's)
    for clause in _WHOSE_CLAUSE.finditer(text):
        if any(clause.start() <= at < clause.end() for at, _ in mentions):
            if its := _ITS_EPISODES.search(text, clause.end()):
                mentions.append((its.start(), OTHER_SHOW))
    return sorted(mentions)


_WHOSE_CLAUSE = re.compile(r", whose [^,;]{1,80}?,")
_ITS_EPISODES = re.compile(r"\b(?:its|their) (?:[\w-]+ ){1,2}episodes\b")


# A season named by its ordinal alone once a season was named: "The first series launched
# in April; the second, a shorter run, followed in October" (the second series).
_ELLIPTICAL_VERBS = (
    r"(?=[,;]| (?:premiered|launched|debuted|arrived|followed|dropped|landed|bowed|came|ran"
    r"|had|has|was|is|will)\b)"
)
_ELLIPTICAL_SEASON = re.compile(
    rf"(?i:[;,] (?:and |while |but )?(?:the|its) (?P<ordinal>{'|'.join(_ORDINAL_WORDS)})"
    rf"{_ELLIPTICAL_VERBS})"
)
# ... or opening the next sentence of the paragraph: "Its first series arrived in April.
# The second, a brisk six-parter, ended ..."
_OPENING_ORDINAL = re.compile(
    rf"^(?:The|Its) (?P<ordinal>(?i:{'|'.join(_ORDINAL_WORDS)})){_ELLIPTICAL_VERBS}"
)


OTHER_SHOW = 0  # the season "named" by a season of another title: nothing is about it
_OF_TITLE = re.compile(rf" of (?P<title>(?:[{_UPPER}][\w’'-]*)(?: [{_UPPER}][\w’'-]*)*)")


def _season_of(text: str, match: re.Match[str], show: str) -> int:
    """The season a mention names, or OTHER_SHOW when it is a season of another title
    ("the second season of Other Show", "Other Show: Season 2", "Other Show Season 2")."""
    title = _OF_TITLE.match(text, match.end())
    owner = title and title["title"].endswith(("’s", "'s"))  # "of a network's drama ..."
    if title and not owner and show not in title["title"] and title["title"] not in show:
        return OTHER_SHOW
    if match["number"] and (before := _TITLE_BEFORE.search(text, 0, match.start())):
        named, last = before["title"], before["title"].split()[-1]
        label = before["colon"] and before.start() == 0 and (" " not in named or named.isupper())
        titled = not label and (before["colon"] or not _title_case(text))  # not "HOST: ..."
        owner = last.endswith(("’s", "'s"))  # "the network's Season 2"
        if titled and not owner and show not in named and named not in show:
            if last in _NOT_TITLE_WORDS:
                return _season_number(match)
            return OTHER_SHOW
    return _season_number(match)


def _title_case(text: str) -> bool:
    """Whether most words of ``text`` are capitalised, as in a headline."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) > len(words) * 0.6


# A title right before "Season N": "Squid Game: Season 2", "Nobody Wants This Season 2".
_TITLE_BEFORE = re.compile(
    rf"(?<![\w{_APOSTROPHES}])(?P<title>[{_UPPER}][\w’'-]*(?: (?:of |the |and |in |a )*"
    rf"[{_UPPER}][\w’'-]*){{0,7}})(?P<colon>:)? $"
)
# Capitalised words that may stand before "Season N" without being a title's end.
_NOT_TITLE_WORDS = frozenset(
    "The A In On Of And For From With Its Their By At To As "
    "New Final Last Next Now Then But Or So After Before During Since Until While When "
    "Watch Review Recap Premiere Trailer Exclusive Breaking Update Ranking".split()
)


class SeasonContext:
    """Which season a part of the article is about: the season named nearest before it
    in its sentence, else the last one named before it in its section (or its heading,
    or a "Season: N" line), else none (what such a part says is then not taken)."""

    def __init__(
        self,
        sentences: list[_Sentence],
        show: str,
        renewal: _Found[int] | None,
        published: str | None = None,
    ) -> None:
        self.published = published  # the article's own day: what its "today" is
        self._mentions = {s.index: _season_mentions(s.text, show) for s in sentences}
        for before, s in zip(sentences, sentences[1:], strict=False):
            opening = _OPENING_ORDINAL.match(s.text)
            if opening and before.paragraph == s.paragraph and self._mentions[before.index]:
                ordinal = _ORDINAL_WORDS[opening["ordinal"].lower()]
                self._mentions[s.index] = sorted([(0, ordinal), *self._mentions[s.index]])
        # An article announcing a second season, naming no later one, knows one season:
        # "the series" is that season.
        named = [season for found in self._mentions.values() for _, season in found]
        self._only = 1 if renewal and renewal.value == 2 and max(named, default=1) <= 2 else None
        self._add_new_season(sentences, renewal.value if renewal else None)
        # "... than series two managed. That six-episode run ...": the season just named,
        # even one only compared with
        for before, s in zip(sentences, sentences[1:], strict=False):
            named = [n for _, n in self._mentions[before.index] if n != OTHER_SHOW]
            if before.paragraph == s.paragraph and named and _THAT_SEASON.match(s.text):
                self._mentions[s.index] = sorted([(0, named[-1]), *self._mentions[s.index]])
        # "drew 5 million views in its first week after Season 3 premiered": the season
        # a sentence's figures are about when none is named before them
        title = r"\s+".join(re.escape(word) for word in show.split())
        self._title_debut = re.compile(
            rf"^(?:[^,]{{1,40}}, )?{title}{_POSSESSIVE} (?:\d{{4}} )?{_DEBUT_NOUN}"
        )
        self._launched = {
            s.index: _season_number(match)
            for s in sentences
            if (match := _AFTER_LAUNCH.search(s.text))
            and _season_of(s.text, match, show) != OTHER_SHOW
        }
        # "<Title> spent 11 weeks in the Top 10 after its debut": the show's own debut,
        # its first season, whatever season the paragraph before was about
        for s in sentences:
            if s.index not in self._launched and _AFTER_DEBUT.search(s.text):
                if not self._mentions[s.index] and show_subject(s.text, show):
                    self._launched[s.index] = 1
            # "By comparison, the show's 2023 debut drew 57 million hours": the subject is
            # the first season
            elif s.index not in self._launched and not self._mentions[s.index]:
                if _DEBUT_SUBJECT.match(s.text) or self._title_debut.match(s.text):
                    self._launched[s.index] = 1
        words = r"\s+".join(re.escape(word) for word in show.split())
        self.named = re.compile(rf"(?<!\w){words}(?!\w)")

        # "When <Title> first arrived on ...": the show's own premiere; "Created by A,
        # <Title> premiered ...": the title right before the verb is its subject
        owned = r"(?<!of )(?<!with )(?<!from )(?<!in )(?<!on )"  # not "the cast of <Title>"
        self._first = re.compile(rf"{owned}(?<!\w){words} first $")
        self._title_subject = re.compile(
            rf"{owned}(?<!\w)[“\"]?{words}[”\"]? (?:originally |initially )?$"
        )
        self._subject = re.compile(
            rf"^[“\"]?(?:(?:The|This|Its) (?:[\w-]+ ){{0,3}}?(?:series|show|drama|thriller)"
            rf"|{words})[”\"]?(?:[, ]|{_POSSESSIVE})"
        )
        self.day: dict[int, re.Match[str]] = {}  # the day heading a listing entry is under
        self._before: dict[int, int | None] = {}
        # the season a sheet's block is of: its heading's own (not the headline's), or a
        # "Season: 3" line above it in its section
        self._block: dict[int, int | None] = {}
        block: int | None = None
        last: int | None = None
        aside: int | None = None  # the topic before a season looked back on
        section = paragraph = None
        heading_season: int | None = None
        headline_season: int | None = None  # the one season the headline names
        day: re.Match[str] | None = None
        named_here: tuple[int, int] | None = None  # where a season was last named as topic
        self.episode: dict[int, int] = {}  # the episode a section's heading names
        episode: int | None = None
        for s in sentences:
            if s.heading:
                named_episode = _EPISODE_NAMED.search(s.text)
                episode = (
                    _count(named_episode["episode"] or named_episode["short"])
                    if named_episode
                    else None
                )
            if episode is not None:
                self.episode[s.index] = episode
            if s.heading and (dated := _DAY_HEADING.match(s.text)):
                day = dated
            if day:
                self.day[s.index] = day
            if s.heading and _CHANNEL_FROM.match(s.text) and not self._mentions[s.index]:
                self._before[s.index] = heading_season  # the entry's "Peacock, from <day>"
                continue
            if s.index == 1 and not s.heading:  # a headline read as a line ("Recap: ...")
                in_headline = self._mentions[s.index]
                headline_season = in_headline[-1][1] if len(in_headline) == 1 else None
            if s.heading:
                mentions = self._mentions[s.index]
                heading_season = mentions[-1][1] if len(mentions) == 1 else None
                block = heading_season if s.index != 1 else None
                if block is None and _THIS_SEASON_HEADING.match(s.text):
                    block = headline_season  # "THIS SEASON" under "... Season 3 Notes"
                if s.index == 1:
                    headline_season = heading_season
                elif not mentions:
                    heading_season = headline_season  # "1. It's almost here" under "Season 3"
                last, section, aside = heading_season, s.section, None
                if not mentions and s.index != 1:  # an infobox's "No. of episodes 6"
                    self._before[s.index] = heading_season
                continue
            if s.line and (keyed := _SEASON_KEY.match(s.text)):
                heading_season = block = _count(keyed["season"])
            self._block[s.index] = block
            if s.section != section or last is None:
                last, aside = heading_season, None  # a new paragraph goes on with the season
            elif s.paragraph != paragraph and aside is not None:
                last, aside = aside, None  # back from a season looked back on
            section, paragraph = s.section, s.paragraph
            self._before[s.index] = last
            if _fact_line(s):
                continue  # "Also starring (season 3): A", "Season 2: Oct. 31": that line only
            spoken = [(at, n) for at, n in self._mentions[s.index] if not _compared(s.text, at)]
            topical = [n for _, n in spoken]
            if spoken and all(_looked_back(s.text, at) for at, _ in spoken):
                if named_here != (s.section, s.paragraph):  # not "Season 3. ... the
                    aside = last if aside is None else aside  # Season 2 finale ..."
                    last = topical[-1]
            elif topical:  # "well ahead of the second season's debut": the topic stays
                last, aside = topical[-1], None
                named_here = (s.section, s.paragraph)
            elif not self._mentions[s.index] and self.series_start(s, len(s.text)):
                last = 1
            if topical and _new_season_compared(s.text, self._mentions[s.index]):
                last = None  # "Season 2 opened with ..., so the new season ...": unsure

    def _add_new_season(self, sentences: list[_Sentence], renewed: int | None) -> None:
        """ "The new season" (or run, or series, or "the six new episodes") is the latest
        season named so far outside quotations and wishes ("fans beg for series 4"). In an
        article announcing a renewal it is the season before the renewed one, when that
        is the latest named (else which one is meant is unknown: nothing is about it)."""
        latest = 0
        for s in sentences:
            if not _QUOTATION.search(s.text):
                named = [
                    n
                    for start, n in self._mentions[s.index]
                    if not _WISHED.search(s.text, 0, start) and n != renewed
                ]
                latest = max([latest, *named])
            meant = latest if renewed is None or latest == renewed - 1 else OTHER_SHOW
            found = [(m.start(), meant) for m in _NEW_SEASON.finditer(s.text)] if latest else []
            if found:
                self._mentions[s.index] = sorted(self._mentions[s.index] + found)

    def at(self, sentence: _Sentence, position: int) -> int | None:
        """The season the words at ``position`` in ``sentence`` are about."""
        text = sentence.text
        before = [
            season
            for start, season in self._mentions.get(sentence.index, [])
            if start < position
            # a season only compared with ("not to Season 1 levels: 38.9 million hours") is
            # not what follows it, unless a clause of its own does ("up on Season 2, which
            # managed 3.9 million")
            and not (_compared(text, start) and not _OWN_CLAUSE.search(text, start, position))
        ]
        if before:
            return before[-1] or None  # OTHER_SHOW: words about another title
        if self.series_start(sentence, position):
            return 1
        if (launched := self._launched.get(sentence.index)) is not None:
            return launched
        found = self._before.get(sentence.index)
        return self._only if found is None else (found or None)

    def block(self, sentence: _Sentence) -> int | None:
        """The season the block of ``Key: value`` lines holding ``sentence`` is of: named
        by its section's heading or a "Season: N" line above it; None when neither names
        one (a season named in passing on another line does not make the block its)."""
        return self._block.get(sentence.index)

    def within(self, sentence: _Sentence, start: int, end: int) -> int | None:
        """The one season named between ``start`` and ``end`` of ``sentence``, if one is."""
        named = {n for at, n in self._mentions.get(sentence.index, []) if start <= at < end}
        return named.pop() or None if len(named) == 1 else None

    def named_after(self, sentence: _Sentence, position: int) -> int | None:
        """The season named right after ``position``, with only a title or "of the"
        between: "10-episode third season", "eight episodes of The Show series three"."""
        for start, season in self._mentions.get(sentence.index, []):
            if start >= position and _BETWEEN.fullmatch(sentence.text, position, start):
                return season
        return None

    def series_start(self, sentence: _Sentence, position: int) -> bool:
        """Whether the words before ``position`` tell of the show's own premiere ("The
        series, created by X, premiered on ..."): what follows is about its first season."""
        text = sentence.text[:position]
        if _SERIES_START.search(text):
            return True
        premiere = _PREMIERE.search(text)
        return bool(
            premiere
            and self._subject.match(text)
            and not any(start < premiere.start() for start, _ in self._mentions[sentence.index])
            and not _SUBORDINATE.search(text[: premiere.start()])
        )

    def show_premiere(self, sentence: _Sentence, premiere: re.Match[str]) -> bool:
        """Whether ``premiere`` is the show's own premiere (its first season's)."""
        before = sentence.text[: premiere.start()]
        subject = _SHOW_SUBJECT.search(before)
        if (
            subject
            and subject.group().lower().startswith("it")
            and self._before.get(sentence.index)
        ):
            subject = None  # "Season three. It came out on ...": "it" is that season
        if subject or self._first.search(before):
            return True
        named_before = any(start < premiere.start() for start, _ in self._mentions[sentence.index])
        if self._title_subject.search(before) and not named_before:
            return True
        return bool(
            self._subject.match(before)
            and not any(start < premiere.start() for start, _ in self._mentions[sentence.index])
            and not _SUBORDINATE.search(before)
        )


# "after Season 3 premiered", "since the third season dropped", "following the Season 3
# premiere": the season whose launch a sentence's figures follow.
_AFTER_LAUNCH = re.compile(
    rf"(?i:\b(?:after|since|following) (?:the |its )?){_SEASON}(?:{_POSSESSIVE})?"
    r"(?i: (?:premiered|debuted|launched|dropped|arrived|bowed|landed|was released"
    r"|premiere|debut|launch|bow|release)\b)"
)
# "after its debut", "since the show's premiere": the show's own launch.
_AFTER_DEBUT = re.compile(
    r"(?i:\b(?:after|since|following) (?:its|the (?:show|series)['’]s?) (?:debut|premiere"
    r"|launch|release)\b)"
)


_DEBUT_NOUN = r"(?:debut|premiere|launch|first season|first run)\b"
_DEBUT_SUBJECT = re.compile(
    rf"^(?:[^,]{{1,40}}, )?(?:the|its) (?:show|series)(?:['’]s?)? (?:\d{{4}} )?{_DEBUT_NOUN}"
    rf"|^(?:[^,]{{1,40}}, )?(?:its) (?:\d{{4}} )?{_DEBUT_NOUN}",
    re.IGNORECASE,
)


def show_subject(text: str, show: str) -> bool:
    """Whether ``text`` opens with the show as its subject ("<Title> spent ...", "The
    series ...")."""
    title = r"\s+".join(re.escape(word) for word in show.split())
    return bool(re.match(rf"^[“\"]?(?:{title}|The (?:series|show|drama))[”\"]? [a-z]", text))


# A sentence opening on the season the one before named: "That six-episode run, which".
_THAT_SEASON = re.compile(
    r"^(?:That|This) (?:(?:[\w-]+-episode|earlier|previous|last|first) )?"
    r"(?:run|season|series|outing|batch|instalment|installment)\b"
)
# "the new season", "this new run", "the six new episodes": the latest season named.
_NEW_SEASON = re.compile(
    r"(?i:\b(?:the|its|this) (?:new|latest) (?:[\w-]+-episode )?(?:season|series|run)\b"
    rf"|\b(?:the|its) (?:(?:{_NUMBER_IN_WORDS}|\d{{1,2}}) )?new episodes\b)"
)


def _new_season_compared(text: str, mentions: list[tuple[int, int]]) -> bool:
    """Whether ``text`` names a season, then speaks of "the new season" without its
    number as another one (an article announcing a renewal leaves it unplaced): the two
    are compared, and which of them the next paragraph goes on with is not said."""
    new = {m.start() for m in _NEW_SEASON.finditer(text)}
    named = [(at, n) for at, n in mentions if at not in new]
    meant = {at: n for at, n in mentions if at in new}  # what "the new season" was read as
    return any(
        at > named_at and meant.get(at) != season for named_at, season in named for at in new
    )


_QUOTATION = re.compile(r"[“”\"]")
# A season wished for, not named as the topic: "fans beg for series 4", "hoping for a".
_WISHED = re.compile(
    r"(?i:\b(?:beg|begs|begging|hope|hopes|hoping|wait|waits|waiting|call|calls|calling"
    r"|clamou?r|clamou?ring|ask|asks|asking|push|pushing|wish|wishing|pray|praying|root"
    r"|rooting|campaign|campaigning|hold out|holding out)(?: \w+){0,2} for (?:a |an |the )?)$"
)
# A listing entry's channel line under its title: "Peacock, from Thursday 16 October",
# "Stan, from Monday": when the entry's season is named, the date is its premiere.
_CHANNEL_FROM = re.compile(
    rf"^(?P<channel>[{_UPPER}][\w+&.’' -]{{0,40}}?),? (?:from|streaming from|available from)"
    rf" (?P<date>{_DATE}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d{{1,2}}(?:[.:]\d\d)?[ap]m)$"
)
# A listing's day heading: "Thursday 16 October", "THURSDAY, OCTOBER 16".
_DAY_HEADING = re.compile(rf"^(?:#+ )?{_DATE}$")


def is_day_heading(sentence: _Sentence) -> bool:
    """Whether a heading is a day's date alone, as listings head each day's entries."""
    return sentence.heading and bool(_DAY_HEADING.match(sentence.text))


# A premiere on the day a listing is under: "all eight episodes of which arrive today",
# "All eight episodes of series three arrive at once", "Series two begins."
_TODAY = re.compile(
    r"(?i:\b(?:premieres?|arrives?|lands?|returns?|drops?|begins?|starts?|debuts?|launch(?:es)?"
    r"|(?:is|are) out)(?: (?:on|to) [A-Z]\w*\+?)?"
    r"(?: (?:today|tonight|(?:all )?at once|in full)\b|(?=[.,;]|$)))"
)
# Before "return", a subject of people: "— all return", "the cast returns", "they return".
_PEOPLE_RETURN = re.compile(r"(?i:\b(?:all|both|cast|they|stars?|regulars)\s*)$")
_SAID_TODAY = re.compile(r"(?i:\b(?:today|tonight)\b)")
# Words that bring a season in only to compare with it: "well ahead of the second
# season's debut", "up from Season 2's".
_COMPARED_WITH = re.compile(
    r"(?i:\b(?:ahead of|behind|than|compared (?:with|to)|unlike|up from|down from|up on"
    r"|down on|not to|not up to|short of|shy of|beating"
    r"|topping|outpacing|surpassing|eclipsing)\s+(?:\S+\s+){0,3}$)"
)
# Words after a season that name its end, looked back on: "after the Season 2
# cliffhanger", "since Season 2's finale", "where series two left off".
_LOOKED_BACK = re.compile(
    rf"(?i:(?:{_POSSESSIVE})? (?:[\w-]+ )?(?:cliffhanger|finale|ending|climax|last episode"
    r"|closing episode)s?\b| left off\b)"
)


# A clause of a season's own after it: "Season 2, which managed ...", "Season 2's".
_OWN_CLAUSE = re.compile(rf",? (?:which|that|when|whose|where)\b|{_POSSESSIVE}")


def _compared(text: str, position: int) -> bool:
    """Whether the season named at ``position`` is only compared with."""
    return bool(_COMPARED_WITH.search(text, max(0, position - 60), position))


def _looked_back(text: str, position: int) -> bool:
    """Whether the season named at ``position`` is looked back on through its ending
    ("moments after the Season 2 cliffhanger"): its paragraph may go on about it, the
    next one returns to the season before."""
    mention = _SEASON_REFERENCE.match(text, position)
    return bool(mention and _LOOKED_BACK.match(text, mention.end()))


# An episode a heading names: "Season 3, Episode 4", "S3E4", "Episode four".
_EPISODE_NAMED = re.compile(
    rf"(?i:\b(?:episode|ep\.?) ?(?P<episode>{_COUNT})(?![\w-])"
    r"|\bS\d{1,2} ?E(?P<short>\d{1,2})\b)"
)
# A sheet's heading for the season its headline names: "THIS SEASON", "The new season".
_THIS_SEASON_HEADING = re.compile(r"(?i)^(?:this|the new|the current|new) (?:season|series)$")
# A "Key: value" line of a fact sheet or press kit.
_KEYED_LINE = re.compile(r"^(?:[-*•] )?(?P<key>[^:]{2,40}): \S")
_FACT_LINE_MAX = 100  # longer, a "Key: value" line is a speaker's line or a headline


def _fact_line(sentence: _Sentence) -> bool:
    """Whether a line is a fact sheet's "Key: value" (not a speaker's "HOST: ...", not the
    headline, not a press kit's "Season: 3" that heads what follows)."""
    keyed = _KEYED_LINE.match(sentence.text)
    return bool(
        sentence.line
        and keyed
        and sentence.index != 1
        and len(sentence.text) <= _FACT_LINE_MAX
        and not keyed["key"].isupper()
        and not _SEASON_KEY.match(sentence.text)
    )


# A press kit's "Season: 3" line: what follows in its section is about that season.
_SEASON_KEY = re.compile(r"^\|?\s*(?i:season|series)\s*[:=]\s*(?P<season>\d{1,2})\s*$")
# What may stand between an episode count and its season: " of the", a title.
_BETWEEN = re.compile(
    r" (?:of |in |for )?(?:the |its |their |this |that )?"
    rf"(?:[{_UPPER}][\w’']*(?:{_POSSESSIVE})? ){{0,4}}"
)
# A clause of its own before a verb: "The show, which ... when Season 2 ...".
_SUBORDINATE = re.compile(r"(?i:\b(?:after|before|since|when|while|until|as)\b)")
# "When the series premiered": what follows is about the first season.
_SERIES_START = re.compile(
    r"(?i:\b(?:the|this) (?:series|show) (?:first )?(?:premiered|debuted|launched|bowed))"
)


# A count whose word "episodes" is left out, once a count was given in the sentence:
# "Season 1 premiered with eight episodes, and Season 2 followed with six", "Series one
# gave us eight episodes; series two, a mere six, ...".
_ELIDED_COUNT = re.compile(
    rf"(?i:\bwith (?P<with>{_NUMBER_IN_WORDS}|\d{{1,2}})(?=[.,;](?!\d)|$)"
    rf"|\b(?:season|series) \w+, (?:a mere |just |only |a brisk |another )?"
    rf"(?P<after>{_NUMBER_IN_WORDS})(?=[,;.])"
    # "while Season 2 was a tighter six."
    rf"|\b(?:season|series) \w+ (?:was|had) (?:a |an |just |only )?(?:[a-z]+ )?"
    rf"(?P<was>{_NUMBER_IN_WORDS})(?=[,;.])"
    # "eight episodes in Season 1, six in Season 2, and eight more in Season 3"
    rf"|, (?:and )?(?P<inside>{_NUMBER_IN_WORDS}|\d{{1,2}})(?: more)?"
    r"(?= (?:in|for) (?:season|series) \w+))"
)


# Words that stand for the show or one of its seasons: "it", "the series", "the political
# drama", "this season", "the eight new episodes", "Ann Lee's return".
_ANAPHOR = re.compile(
    r"(?i:\b(?:it|its|it['’]s)\b|\b(?:the|this) (?:[\w-]+ ){0,2}?"
    r"(?:series|show|drama|thriller|season|run|episodes|premiere|debut|finale)\b"
    rf"|{_POSSESSIVE} (?:return|comeback|new season|latest season|new episodes)\b)"
)


# A count that speaks of the show's own run: "all eight episodes", "eight more episodes".
_OWN_COUNT = re.compile(r"(?i:\ball (?:\w+ )?episodes\b|\b\w+ (?:more|new) episodes\b)")


def refers_to_show(text: str) -> bool:
    """Whether ``text`` names a season or has a word standing for the show (its title
    is checked apart): "Other Show had 75 episodes" does not."""
    return bool(_SEASON_REFERENCE.search(text) or _ANAPHOR.search(text))


def _episode_counts(text: str) -> list[tuple[int, int, int]]:
    """(start, end, count) of the episode counts a sentence gives, those said without
    "episodes" included."""
    counts = [
        (m.start(), m.end(), _count(m["count"] or m["listed"] or m["keyed"] or m["bare"]))
        for m in _EPISODE_COUNT.finditer(text)
    ]
    if counts:
        counts += [
            (m.start(group), m.end(), _count(m[group]))
            for m in _ELIDED_COUNT.finditer(text)
            for group in ("with", "after", "was", "inside")
            if m[group] and m.start() > counts[0][1]
        ]
    return counts


# A count whose "episodes" the sentence before gave: "the new episodes. All eight hit
# Peacock at once", "How many episodes did you shoot? A: All eight."
_ALL_OF_THEM = re.compile(
    rf"^All (?P<count>(?i:{_NUMBER_IN_WORDS})|\d{{1,2}})"
    r"(?=[.!;]|,? (?:hit|drop|dropped|arrive|arrived|land|landed|are|were|will|of them|at once)\b)"
)
_EPISODES_WORD = re.compile(r"(?i)\bepisodes\b")
_SPEAKER_LABEL = re.compile(r"^[QA]: ")
_INFOBOX_COUNT = re.compile(r"(?i)^no\. of episodes\b")


# Seasons named together: "Seasons 1 and 3", "series one, two and three".
_PLURAL_SEASONS = re.compile(
    rf"(?i:\b(?:seasons|series) (?P<numbers>{_COUNT}(?:, {_COUNT})*,? (?:and|&) {_COUNT})\b)"
)
# What each of them had: "Seasons 1 and 3 each ran eight episodes", "both ran".
_EACH = re.compile(r"(?i: (?:each|both|all) (?:[a-z]+ )?$)")


def _listed_seasons(text: str, position: int) -> list[int] | None:
    """The seasons a count at ``position`` is given to each of ("Seasons 1 and 3 each
    ran eight episodes"), or None when it is not given that way."""
    for match in _PLURAL_SEASONS.finditer(text, 0, position):
        if _EACH.search(text, match.end(), position):
            return [_count(n) for n in re.split(r",? (?:and|&) |, ", match["numbers"])]
    return None


def _after_plural(sentence: _Sentence, position: int, context: SeasonContext) -> bool:
    """Whether the last seasons named before ``position`` are several seasons together."""
    plural = [m.end() for m in _PLURAL_SEASONS.finditer(sentence.text, 0, position)]
    return bool(plural) and context.within(sentence, plural[-1], position) is None


def _season_facts(
    sentences: list[_Sentence], renewal: _Found[int] | None, context: SeasonContext
) -> dict[int, _SeasonFacts]:
    """Per season: episode count, premiere and status, with their sentences."""
    seasons: dict[int, _SeasonFacts] = {}
    if renewal:
        facts = seasons.setdefault(renewal.value, _SeasonFacts(status="announced"))
        facts.sentences.update(renewal.sentences)
    previous: _Sentence | None = None
    for sentence in sentences:
        if renewal and _aired_renewed(sentence, renewal.value, context):
            continue  # "... open for season 4. It returned on Oct. 16 with eight episodes"
        about = (
            sentence.line
            or context.named.search(sentence.text)
            or refers_to_show(sentence.text)
            or _OWN_COUNT.search(sentence.text)
            or context.within(sentence, 0, len(sentence.text))  # "The second, a six-parter"
            or _INFOBOX_COUNT.match(sentence.text)  # "No. of episodes 6", as a heading
        )
        for start, end, value in _episode_counts(sentence.text) if about else ():
            adjective = context.named_after(sentence, end) or context.within(sentence, start, end)
            together = _listed_seasons(sentence.text, start)
            number = adjective or context.at(sentence, start)
            if together is not None:
                numbers = together  # "Seasons 1 and 3 each ran eight episodes"
            elif number is None or (not adjective and _after_plural(sentence, start, context)):
                continue  # "Seasons 1 and 2 ran 14 episodes": of which?
            else:
                numbers = [number]
            if not 0 < value <= 100 or _TOTAL_COUNT.search(sentence.text, max(0, start - 40), end):
                continue  # "the show has racked up 22 episodes": every season's, not one's
            for season in numbers:
                facts = seasons.setdefault(season, _SeasonFacts())
                if facts.episode_count not in (None, value):
                    facts.episode_count = -1  # the article gives two counts: take neither
                else:
                    facts.episode_count = value
                facts.sentences.add(sentence.index)
                facts.count_sentences.add(sentence.index)
        for premiere in (
            *_PREMIERE.finditer(sentence.text),
            *_PREMIERE_NOUN.finditer(sentence.text),
        ):
            number = _premiere_season(sentence, premiere, context)
            if number is None or _not_a_season(sentence.text, premiere.start()):
                continue
            keyed = premiere.groupdict().get("key") or premiere.groupdict().get("bare")
            if keyed and context.episode.get(sentence.index, 1) != 1:
                continue  # "Released: ..." under "Season 3, Episode 4": that episode's date
            facts = seasons.setdefault(number, _SeasonFacts())
            date = _iso(premiere)
            if facts.premiere is None or _more_precise(date, facts.premiere):
                facts.premiere = date
            if _verb(premiere) in _PAST_PREMIERE and facts.status is None:
                facts.status = "released"
            facts.sentences.add(sentence.index)
            facts.premiere_sentences.add(sentence.index)
        channel = _CHANNEL_FROM.match(sentence.text) if sentence.heading else None
        if channel and channel["month"] or channel and channel["month2"]:
            number = context.at(sentence, 0)
            if number is not None:
                facts = seasons.setdefault(number, _SeasonFacts())
                facts.premiere = facts.premiere or _iso(channel)
                facts.sentences.add(sentence.index)
                facts.premiere_sentences.add(sentence.index)
        elided = _ALL_OF_THEM.match(_SPEAKER_LABEL.sub("", sentence.text))
        if elided and previous is not None and _EPISODES_WORD.search(previous.text):
            number = context.at(sentence, 0)  # "... the new episodes. All eight hit Peacock"
            if number is not None:
                facts = seasons.setdefault(number, _SeasonFacts())
                if facts.episode_count not in (None, _count(elided["count"])):
                    facts.episode_count = -1
                else:
                    facts.episode_count = _count(elided["count"])
                facts.sentences.add(sentence.index)
                facts.count_sentences.add(sentence.index)
        previous = sentence
        first = next(_PREMIERE.finditer(sentence.text), None)
        gapped = first and _GAPPED_PREMIERE.match(sentence.text, first.end())
        if first and gapped and _premiere_season(sentence, first, context) is not None:
            facts = seasons.setdefault(_season_number(gapped), _SeasonFacts())
            facts.premiere = facts.premiere or _iso(gapped)
            if _verb(first) in _PAST_PREMIERE and facts.status is None:
                facts.status = "released"
            facts.sentences.add(sentence.index)
            facts.premiere_sentences.add(sentence.index)
        for today in _TODAY.finditer(sentence.text):
            if _PEOPLE_RETURN.search(sentence.text, 0, today.start()):
                continue  # "Bo Li and Tia Rowe — all return.": the cast, not a premiere
            number = context.at(sentence, today.start())
            day = context.day.get(sentence.index)
            dated = _iso(day) if day else None
            if dated is None and _SAID_TODAY.search(today.group()):
                dated = context.published  # "lands on Peacock today", in a dated article
            if number is None or dated is None:
                continue
            facts = seasons.setdefault(number, _SeasonFacts())
            facts.premiere = facts.premiere or dated
            facts.sentences.add(sentence.index)
            facts.premiere_sentences.add(sentence.index)
    for number, listed, released, index in _table_rows(sentences, context.named):
        facts = seasons.setdefault(number, _SeasonFacts())
        if listed is not None and facts.episode_count in (None, listed):
            facts.episode_count = listed
            facts.count_sentences.add(index)
        elif listed is not None:
            facts.episode_count = -1
        if released and facts.premiere is None:
            facts.premiere = released
            facts.premiere_sentences.add(index)
        facts.sentences.add(index)
    for facts in seasons.values():
        if facts.episode_count == -1:
            facts.episode_count = None
    return seasons


_DATE_ONLY = re.compile(rf"^{_DATE}$")


def _table_rows(
    sentences: list[_Sentence], show: re.Pattern[str]
) -> list[tuple[int, int | None, str | None, int]]:
    """(season, episode count, premiere, sentence) from the rows of a plain-text table
    whose header names a season column ("Season | Episodes | Originally released"), or a
    title column whose cells name the show and a season ("<Title>: Season 2", as
    engagement reports list titles)."""
    rows: list[tuple[int, int | None, str | None, int]] = []
    columns: dict[str, int] | None = None
    for sentence in sentences:
        cells = table_cells(sentence.text)
        if not sentence.line or len(cells) < 2:
            columns = None
            continue
        header = {
            kind: number
            for number, cell in enumerate(cells)
            for kind, words in _TABLE_HEADERS.items()
            if re.search(words, cell, re.IGNORECASE)
        }
        if ("season" in header or "title" in header) and len(header) > 1:
            columns = header
            continue
        if columns is None or len(cells) <= max(columns.values()):
            continue
        season = _row_season(cells, columns, show)
        if season is None:
            continue
        count = cells[columns["episodes"]] if "episodes" in columns else ""
        released = cells[columns["date"]] if "date" in columns else ""
        date = _DATE_ONLY.match(released)
        iso = date and _iso(date) or (released if _ISO_DAY.match(released) else None)
        rows.append((season, int(count) if count.isdigit() else None, iso, sentence.index))
    return rows


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _row_season(cells: list[str], columns: dict[str, int], show: re.Pattern[str]) -> int | None:
    """A table row's season: its season cell; a row whose title cell names another title
    (or no season) is no row of the show's."""
    if "title" in columns and not show.search(cells[columns["title"]]):
        return None
    if "season" in columns:
        cell = cells[columns["season"]]
        if cell.isdigit():
            return int(cell)
        named = _SEASON_REFERENCE.fullmatch(cell)  # "Season 2", "Series two"
        return _season_number(named) if named else None
    named = _SEASON_REFERENCE.search(cells[columns["title"]])
    return _season_number(named) if named else None


_TABLE_HEADERS = {
    "season": r"^(?:season|series)s?$",
    "title": r"^(?:title|show|programme|program)$",
    "episodes": r"^(?:no\. of )?episodes$",
    "date": r"released|premiere|aired|date",
}


def _more_precise(new: str, old: str) -> bool:
    """Whether ``new`` is the same date as ``old`` with more of it given."""
    return len(new) > len(old) and new[:4].isdigit() and not old[:4].isdigit()


# Words of a count of every season's episodes: "the show has racked up 22 episodes",
# "22 episodes in total".
_TOTAL_COUNT = re.compile(
    r"(?i:\b(?:the show|the series|it) (?:has|had) (?:now |so far )?"
    r"(?:racked up|produced|made|run|aired|released|delivered|given us)\b"
    r"|\bin (?:total|all)\b|\ba total of\b|\baltogether\b)"
)


def _aired_renewed(sentence: _Sentence, renewed: int, context: SeasonContext) -> bool:
    """Whether ``sentence`` says the season only just renewed has aired ("returned on"):
    it has not, so the sentence is about another season than the one it seems to be."""
    return any(
        _verb(premiere) in _PAST_PREMIERE
        and _premiere_season(sentence, premiere, context) == renewed
        and context.within(sentence, 0, len(sentence.text)) != renewed
        for premiere in _PREMIERE.finditer(sentence.text)
    )


def _not_a_season(text: str, position: int) -> bool:
    """Whether the clause before ``position`` says something other than a season
    premieres (a finale, a trailer, filming)."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, position)]
    return bool(_NOT_A_SEASON.search(text, breaks[-1] if breaks else 0, position))


def _verb(premiere: re.Match[str]) -> str | None:
    """The verb of a premiere ("premiered"), None for a premiere named by a noun."""
    return premiere.groupdict().get("verb")


def _premiere_season(
    sentence: _Sentence, premiere: re.Match[str], context: SeasonContext
) -> int | None:
    """The season a premiere is of: the one its words name ("returned for its third
    season on ..."); the show's own premiere is season 1's."""
    if (inside := context.within(sentence, premiere.start(), premiere.end())) is not None:
        return inside
    if (named := _FOR_SEASON.match(sentence.text, premiere.end())) is not None:
        return _season_number(named)  # "an Oct. 16 premiere date for Season 3", "of the
        # eight-episode third season"
    if key := (premiere.groupdict().get("key") or "").lower():
        # a sheet's "Premiere: ..." is of the season its block is of; "First aired: ..."
        # in a block of no season is the show's; a bare "Premiere:" there is not placed
        block = context.block(sentence)
        return block if block is not None else 1 if key in _SHOW_KEYS else None
    if _verb(premiere) not in _RETURN and context.show_premiere(sentence, premiere):
        return 1
    season = context.at(sentence, premiere.start())
    bare = (premiere.groupdict().get("bare") or "").lower()
    if season is None and bare in _SHOW_KEYS:
        return 1  # an infobox's "First aired May 5, 2021" (no colon): the show's premiere
    return season


def _show_premiere(seasons: dict[int, _SeasonFacts]) -> _Found[str] | None:
    """The show's premiere: the first season's (what "the series premiered" gives)."""
    first = seasons.get(1)
    if first is None or first.premiere is None:
        return None
    return _Found(first.premiere, tuple(sorted(first.premiere_sentences)))


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
