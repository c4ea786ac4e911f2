"""Which show the article is about, and on which network."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from diplomat_tui.article.names import _person_shaped
from diplomat_tui.article.patterns import (
    _APOSTROPHES,
    _FUNCTION_WORDS,
    _NUMBER_IN_WORDS,
    _POSSESSIVE,
    _ROLE_TITLES,
    _SPEAKER,
    _UPPER,
    _Found,
    _trim,
)
from diplomat_tui.article.seasons import is_day_heading
from diplomat_tui.article.text import _Sentence, cells
from diplomat_tui.errors import ArticleError
from diplomat_tui.model import normalize

# Words that name what kind of programme a title is: "hit political thriller", "series".
_SHOW_KINDS = (
    r"(?:series|show|drama|thriller|comedy|sitcom|miniseries|docuseries|dramedy|procedural"
    r"|anthology|saga|mystery|western|romance|fantasy|horror|adaptation|hit|original|epic"
    r"|rom-com|romcom|whodunit|whodunnit|caper|soap|serial)"
)
# A network or platform: capitalised words, maybe with a "+" ("Apple TV+").
_NETWORK = rf"(?<![\w+])[{_UPPER}][\w]*\+?(?: [{_UPPER}][\w]*\+?){{0,2}}"
# One word of a title: capitalised or a number ("Grey’s", "9-1-1", "Ted+").
_TITLE_WORD = rf"(?<![\w{_APOSTROPHES}+-])[{_UPPER}0-9][\w{_APOSTROPHES}+-]*"
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
    rf"^[“\"]?(?P<title>{_TITLE})[”\"]?,? (?:(?:has been|was|is|will be|gets|got) "
    r"(?:officially )?(?:renewed|picked up|ordered|greenlit)"
    r"|(?:has|gets|got) (?:officially )?(?:received|earned|landed))\b"
)
# "<Network>'s <Title>" with nothing between.
_POSSESSIVE_TITLE = re.compile(
    rf"(?P<network>{_NETWORK}){_POSSESSIVE} [“\"]?(?P<title>{_TITLE}){_AFTER_TITLE}"
)
# A heading "<Title> (<Network>)".
_HEADING_NETWORK = re.compile(rf"\((?P<network>{_NETWORK})\)\s*$")
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


def _network_of(
    sentences: list[_Sentence], scope: Scope, people: frozenset[str] = frozenset()
) -> _Found[str] | None:
    """The network the article gives the show: "<Network>'s ... <Title>", a heading
    "<Title> (<Network>)", "<Network> renewed <Title>", or where it streams; never one
    of ``people`` (folded names: "<Star>'s <Title>" names the star)."""
    for sentence in sentences:
        for pattern in (_POSSESSIVE_INTRO, _NETWORK_RENEWS, _POSSESSIVE_TITLE):
            for match in pattern.finditer(sentence.text):
                network = _trim(match["network"])
                if normalize(network) in people:
                    continue
                if match["title"].startswith(scope.title) and _is_network(network):
                    return _Found(network, (sentence.index,))
        if sentence.heading and scope.names_show(sentence.text):
            heading = _HEADING_NETWORK.search(sentence.text)
            if heading and _is_network(heading["network"]):
                return _Found(heading["network"], (sentence.index,))
    return _network_named(sentences)


def _is_network(name: str) -> bool:
    """Whether a name can be a network's: not a word that opens a clause ("What")."""
    return name not in _FUNCTION_WORDS and name not in _ANAPHORA


def _network_named(sentences: list[_Sentence]) -> _Found[str] | None:
    """The network named by where the show streams or whose Top 10 it is in."""
    for pattern in (_STREAMING_ON, _TOP_TEN_OWNER):
        for sentence in sentences:
            if match := pattern.search(sentence.text):
                return _Found(_trim(match["network"]), (sentence.index,))
    return None


# ----------------------------------------------------------------- scoping to one show

# Words that start a sentence about something else: "Elsewhere on the chart, X ...".
_SHIFT = r"(?:Meanwhile|Elsewhere|Also|Plus|Over at|Across town|By contrast|Similarly)"
# A verb after a title that opens a sentence ("The Night Agent returns", not "The West
# Wing comparison"): a word in -s or -ed, or a common irregular verb.
_VERB_WORD = (
    r"[a-z]+(?:s|ed)|is|was|will|can|could|has|had|gave|took|made|put|got|won|ran|began"
    r"|came|went|kept|left|fell|rose|held|led|sat|hit|drew|saw|set|won't|isn't|wasn't"
)
# "The Crown's farewell season", "Slow Horses' fifth series": a season of a title (of
# two words or more: "Peacock's new series" names a network; not "A B's third season
# as C", an actor's)
_POSSESSIVE_SEASON = re.compile(
    rf"(?P<title>{_TITLE_WORD}(?: {_TITLE_WORD}){{1,7}}){_POSSESSIVE} "
    r"(?:[\w-]+ )?(?:season|series)\b"
    rf"(?! [{_UPPER}“\"]| of\b| as\b| playing\b)"
)
# Networks and platforms named before their titles ("Hulu's Dry Creek").
_NETWORKS = (
    r"[A-Z]{2,5}|Amazon|Prime Video|Hulu|Apple TV\+|Apple TV|Apple|Peacock"
    r"|Paramount\+|Paramount|Disney\+|Disney|Max|Showtime|Starz|Sky|Channel 4|ITV|BBC One"
)
_ORDINAL_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
# A title before its season: no "and" (two titles) nor a season ("S3") inside it.
_SEASONED_TITLE = (
    rf"(?!S\d){_TITLE_WORD}(?: (?:(?:of|the|in|on|a|an|to|for|at|by|with|from) ){{0,3}}"
    rf"(?!S\d{{1,2}}\b){_TITLE_WORD}){{0,7}}"
)
# "Wednesday's second season has now spent ...": a one-word title's season, by its ordinal
# (a network has no "second season"; a person's is "as" someone)
_ONE_WORD_SEASON = re.compile(
    rf"(?<![\w’'])(?P<title>[{_UPPER}][a-z]+){_POSSESSIVE} (?:first|second|third|fourth|fifth"
    r"|sixth|seventh|eighth|ninth|tenth|final|latest|debut) (?:season|series)\b"
    r"(?! of\b| as\b| playing\b)"
)
# Signs that a sentence is about another title (the title in the group "title"):
_OTHER_TITLE = (
    # "Ana Ruiz plays Meg Orr in Dry Creek": a current role in another title (a career's
    # past roles, "starred in", are what a person is known for)
    re.compile(
        r"\b(?:plays|(?<!known for )(?<!remembered for )playing|stars|starring|returns|appears"
        r"|co-stars)\b"
        rf"[^.;,]{{0,80}}? in (?!(?:Season|Series|Episode|Part)\b)(?P<title>{_TITLE})"
    ),
    # "Meanwhile, Territory, the ..." / "Elsewhere on the chart, Monsters: ... slipped"
    re.compile(
        rf"^{_SHIFT}\b[^,]{{0,40}}, [“\"]?(?P<title>{_TITLE})[”\"]?"
        r"(?=,| (?:slipped|held|debuted|climbed|fell|rose|dropped|landed|returned|premiered"
        r"|opened|stayed|sat|stays|holds|remains|remained|jumped|moved|entered|led|topped"
        r"|has|have|had|is|was|will|adds|added|casts|cast|returns))"
    ),
    # A chart roundup's paragraph: "Boots held at No. 3", "Other Show Season 2 landed at
    # No. 4", "Monster: The Subtitle fell to No. 2" (a title opening the sentence, a chart verb)
    re.compile(
        rf"^[“\"]?(?P<title>{_TITLE})[”\"]?(?:: [^,.;]{{1,60}}?)?(?: (?i:season|series) \w+)? "
        r"(?:slipped|held|debuted|climbed|fell|rose|dropped|landed|stayed|remained|jumped|moved"
        r"|entered|topped|led|sat|returned|opened|bowed|premiered|launched|arrived)"
        r" (?:at|to|into|in|on|from|the|its|No\.|with|down|up)\b"
    ),
    # "Outer Banks, where ..." / "Territory, the Australian drama" / "X, Name's thriller"
    re.compile(
        rf"^[“\"]?(?P<title>{_TITLE})[”\"]?, "
        rf"(?:where\b|which\b|whose\b|the (?:[\w-]+ ){{1,5}}{_SHOW_KINDS}\b"
        r"|the (?:rom-com|romcom|whodunit|whodunnit|caper|sitcom|miniseries|docuseries)\b"
        rf"|[{_UPPER}][\w.]*(?: [{_UPPER}][\w.]*){{0,3}}{_POSSESSIVE} [^,]{{0,30}}?{_SHOW_KINDS}\b)"
    ),
    # "the limited series Zero Day", "Hulu's new drama Paradise" (not "the series Ann Lee
    # created": a person making the series)
    re.compile(
        rf"\b(?:limited|new|hit|original|spy|crime|period|comedy|drama|political)? ?"
        rf"(?:series|drama|thriller|comedy|anthology|miniseries|sitcom|rom-com|mystery|dramedy"
        rf"|docuseries|procedural|whodunit|whodunnit) "
        rf"[“\"]?(?P<title>{_TITLE_WORD}(?: {_TITLE_WORD}){{0,5}})"
        rf"(?![\w’'-]| [{_UPPER}0-9]"
        r"| (?:created|co-created|wrote|made|developed|runs|ran|dreamed up|conceived)\b)"
    ),
    # "The Night Agent, Shawn Ryan's thriller", "The Night Agent returns" (not "The
    # Tom Rye anthology", "The Mia Long-led drama": a description, which may be the show's)
    re.compile(
        rf"^(?P<title>The(?: [{_UPPER}][\w{_APOSTROPHES}.]*)+)"
        rf"(?=,| (?!{_SHOW_KINDS}\b)(?:{_VERB_WORD})\b)"
    ),
    # "House of Cards gave us ...", "Designated Survivor put Kiefer Sutherland in ...",
    # "Madam Secretary, with Téa Leoni as ...": a title that gave the screen its people
    re.compile(
        rf"^[“\"]?(?P<title>{_TITLE})[”\"]?(?: (?:gave|gives|brought|handed|offered) us\b"
        rf"| put [{_UPPER}]|, with [{_UPPER}][\w.-]*(?: [{_UPPER}][\w.-]*){{0,3}} as\b)"
    ),
    # "Nobody Wants This Season 2: ...", a related link, or "Wednesday: Season 2 was the
    # most-watched ...", a report's title: a title and its season opening a line
    re.compile(rf"^[“\"]?(?P<title>{_TITLE})[”\"]?:? (?:Season|Series) (?:\d+|[A-Z][a-z]+)\b"),
    # "The top show, Other Show, drew ...": a title in apposition to a kind of programme
    re.compile(
        rf"\b(?i:the|a|an) (?:[\w-]+ ){{0,3}}?{_SHOW_KINDS}, [“\"]?(?P<title>{_TITLE})[”\"]?,"
    ),
    # "Also back — Dry Creek: Ann Lee as Meg Orr", "Coming next week: Dry Creek, with Ann
    # Lee as ...": a title introducing its own cast
    re.compile(rf"[—–] [“\"]?(?P<title>{_TITLE})[”\"]?: [{_UPPER}]"),
    re.compile(
        rf"^[^:]{{1,40}}: [“\"]?(?P<title>{_TITLE})[”\"]?\s*(?:\([^()]*\)\s*)?,?\s+"
        r"(?:with|starring|featuring) [A-Z]"
    ),
    # "Dry Creek." (an answer to "What else are you watching?"): a title alone
    re.compile(rf"^(?:[AQ]: )?[“\"]?(?P<title>{_TITLE_WORD}(?: {_TITLE_WORD}){{1,5}})[”\"]?[.!]$"),
    # "Over on Hulu, Ann Lee plays ...", "Meanwhile at the BBC, ...": another network's (not
    # a place: "Over at Downing Street, ...")
    re.compile(
        r"^(?:And )?(?:Over|Meanwhile|Elsewhere|Across town)(?:,)? (?:on|at|over at|over on)"
        rf" (?:the )?(?P<title>{_NETWORKS}),"
    ),
    # "shades of Dry Creek, the CBS drama in which Ann Lee played ...": a title described
    re.compile(
        rf"(?P<title>{_TITLE}), the (?:[\w-]+ ){{0,4}}?{_SHOW_KINDS} (?:in which|on which|where)\b"
    ),
    # "Where Dry Creek trusts Ann Lee's Meg Orr to sit still, <Title> ...": a contrast
    re.compile(rf"^(?:Where|Whereas|While|Unlike) (?P<title>{_TITLE}) [a-z]"),
    # "Viewers who loved Dry Creek, and Ann Lee's Meg Orr in particular, ...": a comparison
    re.compile(
        r"\b(?i:who|if you|fans of|lovers of) (?:(?:loved|liked|love|like|enjoyed|miss|missed"
        rf"|devoured|binged) )?(?P<title>{_TITLE})\b"
    ),
    # "..., Dry Creek is back on Hulu": another title back on a network
    re.compile(
        rf"(?:^|[,:;] )[“\"]?(?P<title>{_TITLE})[”\"]? (?:is back|is out|is streaming"
        rf"|is now streaming|returns|arrives|lands|drops|streams)(?: now)? on [{_UPPER}]"
    ),
    # "Dry Creek's second season, meanwhile, reached ...": a subject set against the show
    re.compile(
        rf"^[“\"]?(?P<title>{_TITLE})[”\"]?(?:{_POSSESSIVE} [\w -]{{0,30}}?)?, "
        r"(?:meanwhile|by contrast|in contrast|for its part|for their part),"
    ),
    _POSSESSIVE_SEASON,
    _ONE_WORD_SEASON,
    # "Not since Ann Lee's Meg Orr stalked the corridors in The Other Show has ...": a
    # character of another title ("The ..." or quoted), named by its actor's possessive
    # (a name starts a word and is short: no scan of a long hyphen chain from each letter)
    re.compile(
        rf"(?<![\w.-])[{_UPPER}][\w.-]{{1,30}} [{_UPPER}][\w.-]{{1,30}}{_POSSESSIVE} "
        rf"[{_UPPER}][^.;]{{0,80}}? in "
        rf"(?P<title>The {_TITLE})"
    ),
)
# Signs of another title that may come in a later clause of a sentence about the show
# ("Harbour Lights returns Oct. 16, and Dry Creek returns for season 3"): that clause is cut.
_LATER_TITLE_SIGNS: tuple[re.Pattern[str], ...] = (
    # "And Hulu's Dry Creek has added ...": a network's title doing something
    re.compile(
        rf"(?:^|, |\bAnd )(?:{_NETWORKS}){_POSSESSIVE} [“\"]?(?P<title>{_TITLE})[”\"]? "
        r"(?:has|have|had|is|was|will|adds|added|casts|cast|returns|returned)\b"
    ),
    # "I started Dry Creek season 2", "Dry Creek series two is ...": another title's season
    re.compile(
        rf"[“\"]?(?P<title>{_SEASONED_TITLE})[”\"]? (?:(?i:season|series) "
        rf"(?:\d+|{_ORDINAL_WORDS})|S\d{{1,2}})\b"
    ),
    # "Dry Creek on Hulu is back with season 5", "Dry Creek returns for a second season"
    re.compile(
        rf"[“\"]?(?P<title>{_TITLE})[”\"]?(?: on [{_UPPER}][\w+]*(?: [{_UPPER}][\w+]*)?)? "
        r"(?:is back|are back|returns|returned|will return|comes back|came back) (?:with|for) "
        r"(?:its |a |the )?(?:[\w-]+ )?(?i:season|series)\b"
    ),
    # "Also try Dry Creek", "Has anyone watched Dry Creek?": a recommendation of a title
    re.compile(
        r"(?<![\w-])(?i:try|trying|check out|checking out|started|starting|binged|bingeing"
        rf"|recommend) [“\"]?(?P<title>{_TITLE})"
        r"|(?:^|: )(?:Has|Have|Did) (?:anyone|anybody|you)(?: else)? "
        rf"(?:watched|seen|tried|started) [“\"]?(?P<asked>{_TITLE})"
    ),
)
# A review round-up's entry: "Other Show (BBC One, Sunday 19 October, 9pm) ★★★ – ...",
# or a listing's bullet: "- Other Show (Nov. 1): A French family drama starring ..."
_ROUNDUP_ENTRY = re.compile(
    rf"^(?:[-*•] )?(?:[“\"](?P<quoted>[^“”\"]{{1,80}})[”\"]|(?P<title>{_TITLE})) "
    r"\((?:[^()]*\d[^()]*|[a-z][^()]{0,30})\)[ ★☆*]*[–—:-] "  # '"Fire & Frost" (film) — '
)
# A list's entry for a title and its years: "* Madam Envoy (2014–2019), starring ...".
_YEARS_ENTRY = re.compile(
    rf"^(?:[*•-] )?[“\"]?(?P<title>{_TITLE})[”\"]? \([^()]*\b(?:19|20)\d\d\b[^()]*\),"
)
# A clause about another title: "on Other Show, where ...", "in FX's Other Show, whose".
_OTHER_CLAUSE = re.compile(
    rf"\b(?:on|in [{_UPPER}][\w.+]*{_POSSESSIVE}"
    r"|(?<![\w-])(?:[Ll]ike|[Uu]nlike|[Aa]s with|[Aa]s in))"  # "Like Other Show, whose ..."
    rf" [“\"]?(?P<title>{_TITLE})[”\"]?, (?:where|in which|whose|on which|which)\b"
)
_LIKE = re.compile(r"(?i:like|unlike|as with|as in)\b")
# A headline that names the show only to compare others with it.
_COMPARISON = re.compile(
    r"(?i)\b(?:shows?|series|dramas?|thrillers?|comedies|titles|picks) (?:like|similar to)\b"
    r"|\bif you (?:like|liked|love|loved|enjoyed|miss|missed|finished|devoured)\b|\bsimilar to\b"
    r"|\bto watch (?:after|next|instead|while)\b|\binstead of\b|\bfor fans of\b"
    r"|\btry\b|\balso (?:watch|try)\b|\bwhat to watch\b"
)
# A press kit's or an infobox's title line: "Title: <Title>", "| Title = <Title>".
_TITLE_LINE = re.compile(r"^\|?\s*(?i:title|series|show|programme|program)\s*[:=]")
# Words that name a part of a show, not another show: "Season 3, which ...".
_PART_OF_A_SHOW = re.compile(r"(?:Season|Seasons|Series|Episode|Episodes|Part|Chapter|Volume)\b")
# "The show is <Title>", "That series, of course, is <Title>": the article's subject named.
_INTRODUCED = re.compile(
    r"^(?:The|That|This|Her|His|Their) (?:show|series|drama|programme|program)"
    r"(?: in question|, of course,)? (?:is|was) [“\"]?"
)
_INTRO_PARAGRAPHS = 5  # how far into an article a profile names its subject
_TITLE_LINKS = frozenset("of the and in on a an to for at by with from".split())
_ANAPHORA = frozenset({"The", "The Series", "The Show", "The Drama", "The Season"})


class Scope:
    """The show an article is read for, and which of its sentences speak of it."""

    def __init__(self, title: str, people: Iterable[str] = ()) -> None:
        self.title = title
        # the people the store knows, by full name and by surname: no title
        self._people = frozenset(part for name in people for part in (name, *name.split(" ")))
        words = [re.escape(word) for word in title.split()]
        body = r"\s+".join(words)
        # Trade headlines drop the article: "'Long Table' Season 4" for "The Long Table".
        short = r"\s+".join(words[1:]) if len(words) > 1 and words[0] == "The" else None
        dropped = rf"|(?<![\w’'] )(?<!\w){short}(?= (?i:season|series) \w)" if short else ""
        # a social post's hashtag, a forum's name: "#HarbourLights", "r/HarbourLightsPeacock"
        tag = rf"|#(?i:{''.join(words)})(?!\w)|(?<!\w)r/(?i:{''.join(words)})"
        self._named = re.compile(rf"(?<!\w){body}(?!\w){dropped}{tag}")
        self._named_caps = re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
        self._epithet = re.compile(
            rf"(?i:(?<!\w){body}(?:{_POSSESSIVE})? (?:[\w-]+ )?(?:star|actor|actress|creator"
            r"|showrunner|alum|alumna|alumnus|cast member|breakout|writer|director)s?\b)"
        )

    def names_show(self, text: str) -> bool:
        """Whether ``text`` names the show, as written or in capitals ("1. DRY CREEK
        (Hulu)", a newsletter's section)."""
        if self._named.search(text):
            return True
        return any(match.group().isupper() for match in self._named_caps.finditer(text))

    def introduced(self, text: str) -> bool:
        """Whether ``text`` says the show is what the article is about: "The show is
        <Title>, ...", "The series in question is <Title>" (a profile's way in)."""
        match = _INTRODUCED.match(text)
        return bool(match and self._named.match(text, match.end()))

    def about_show(self, text: str) -> bool:
        """Whether ``text`` names the show other than as a person's epithet ("<Title>
        star Ann Lee joins Other Show" is about the star's new work)."""
        return self.names_show(self._epithet.sub(" ", text))

    def _a_person(self, title: str) -> bool:
        """Whether a would-be title is a person: one the store knows, or a name that
        reads as a person's ("Ann Lee", not "Dry Creek")."""
        return title in self._people or _person_shaped(title)

    def other_title(self, sentence: _Sentence) -> str | None:
        """Another title the sentence is about, if it shows signs of one."""
        for pattern in (_ROUNDUP_ENTRY, _YEARS_ENTRY):
            entry = pattern.match(sentence.text)
            title = entry and (entry.groupdict().get("quoted") or entry["title"])
            if title and not self.names_show(title) and not self._a_person(title):
                return title
        text = _BULLET.sub("", _outside_parentheses(sentence.text))  # "— Other Show, a ..."
        for pattern in (
            _POSSESSIVE_INTRO,
            _NETWORK_RENEWS,
            _TITLE_RENEWED,
            *_OTHER_TITLE,
            *_LATER_TITLE_SIGNS,
        ):
            for match in pattern.finditer(text):
                raw = match["title"] if match["title"] is not None else match["asked"]
                if pattern in _LATER_TITLE_SIGNS and self.names_show(text[: match.start()]):
                    continue  # a later clause of a sentence about the show: cut, not out
                title = _trim(raw)
                if title in _ANAPHORA or title in _FUNCTION_WORDS or self.names_show(raw):
                    continue
                if title.lower() in _SHEET_KEYS:
                    continue  # a sheet's "Renewed: Season 4": a key, not a title
                if self.names_show("#" + raw):
                    continue  # "#HarbourLights S3": the show's hashtag
                if _LIKE.match(raw) and self.names_show(text):
                    continue  # "Unlike Other Show, which ..., <Title> has": a clause, cut
                if pattern not in (_POSSESSIVE_INTRO, _NETWORK_RENEWS, _TITLE_RENEWED) and (
                    self.names_show(match.group())
                ):
                    continue  # "For <Network>, <Title>'s showing ...": words about the show
                if pattern is _ONE_WORD_SEASON and (
                    self.names_show(text) or re.fullmatch(_NETWORKS, title)
                ):
                    continue  # "Peacock's second season of <Title>": the show's
                if pattern is _POSSESSIVE_SEASON and self.names_show(text):
                    continue  # a weak sign: a sentence naming the show stays the show's
                if pattern is _POSSESSIVE_SEASON and raw.split()[0] in _ROLE_TITLES:
                    continue  # "Creator Ann Lee's series": a person's, maybe the show
                if raw.endswith(("’s", "'s")):
                    continue  # "Peacock's Season 3 cast": an owner's season, not a title
                if title in self.title or len(title) < 3 or _PART_OF_A_SHOW.match(title):
                    continue
                if self._a_person(title):
                    continue  # "Meanwhile, Ann Lee is ...": no title
                if pattern in _LATER_TITLE_SIGNS and re.fullmatch(_NETWORKS, title):
                    continue  # "the Peacock season 3 trailer": a network
                return title
        return None

    def without_other_clauses(self, sentence: _Sentence) -> _Sentence:
        """``sentence`` cut before a clause about another title ("..., and ran the room on
        Other Show, where A's B ...", "..., and Dry Creek returns for season 3"): what
        follows is about that title."""
        for pattern in _LATER_TITLE_SIGNS:
            for match in pattern.finditer(sentence.text):
                raw = match["title"] if match["title"] is not None else match["asked"]
                title = _trim(raw)
                if self.names_show(raw) or self._a_person(title) or title in _FUNCTION_WORDS:
                    continue
                named = self._named.search(sentence.text, 0, match.start())
                if named is None:
                    continue
                cut = max(
                    sentence.text.rfind(mark, named.end(), match.start())
                    for mark in (", ", "; ", " and ")
                )
                if cut > 0:
                    sentence = replace(sentence, text=sentence.text[:cut])
        for match in _OTHER_CLAUSE.finditer(sentence.text):
            if not self.names_show(match["title"]) and _trim(match["title"]) not in _ANAPHORA:
                text = sentence.text
                end = text.find(", ", match.end())
                if _LIKE.match(match.group()) and end > 0:
                    # "Unlike Other Show, which ran six episodes, series three of <Title>
                    # has eight": the comparison is left out, the main clause kept
                    rest = text[end + 2 :]
                    return replace(
                        sentence, text=text[: match.start()] + rest[:1].upper() + rest[1:]
                    )
                return replace(sentence, text=text[: match.start()].rstrip(" ,;"))
        return sentence

    def heading_title(self, heading: str, entries: str | None = None) -> str | None:
        """The title an entry heading names ("### Title (Network)", "2. Title"), or None
        for a heading that names no title ("Quick hits", "Premise"). ``entries`` is the
        markup of the show's own entry heading when it has one ("" for a bare "Title
        (Network)" line): a heading with that markup holding only a short title is
        another title's entry."""
        if _EPISODE_HEADING.search(heading):
            return None  # "3. Episode 5", "2. \"Title\" (Episode 1)": an episode of the show
        text = re.sub(r"^(?:#+ |\d{1,3}[.)] )\s*|\s*\([^()]*\)\s*$", "", heading).strip()
        text = _HEADING_SEASON.sub("", text)  # "2. Other Show season 2": the title's entry
        words = [w for w in text.split() if w[:1].isalpha() and w not in _TITLE_LINKS]
        if not words or text.endswith("?") or not all(w[:1].isupper() for w in words):
            return None
        if _KEYED_FIGURE.search(text) or _LEADER.search(text) or _BYLINE.match(text):
            return None  # "IMDb Rating: 7.9/10", "Ivy Cole ...... MIA LONG", "By Ann Lee"
        if self._a_person(text):
            return None  # a biography's "Mia Long (Ivy Cole)": a person, not a title
        if re.match(r"^(?:#+ |\d{1,3}[.)] )", heading):
            return text
        sibling = entries is not None and _markup(heading) == entries and "," not in text
        if sibling and len(text.split()) <= _ENTRY_WORDS and text.lower() not in _SECTION_NAMES:
            return text
        return None

    def entry_markup(self, sentences: list[_Sentence]) -> str | None:
        """The markup of the show's own entry heading (a heading that is its title and
        maybe its network and season: "DRY CREEK, SEASON 3"), or None when it has none."""
        for s in sentences:
            bare = re.sub(r"^(?:#+ |\d{1,3}[.)] )\s*|\s*\([^()]*\)\s*$", "", s.text).strip()
            bare = _HEADING_SEASON.sub("", bare)
            if s.heading and s.index > 1 and bare.casefold() == self.title.casefold():
                return _markup(s.text)
        return None


# A season after the title in an entry's heading: ", Season 3", ": Series Two", " season 3".
_HEADING_SEASON = re.compile(r"[,:]? (?i:season|series) (?:\d+|[A-Za-z]+)$")


def _markup(heading: str) -> str:
    """A heading's shape: its leading markup ("##", "1.", or none) and whether it ends in
    a parenthesis ("Title (Network)")."""
    match = re.match(r"^(#+|\d{1,3}[.)]) ", heading)
    lead = "" if match is None else ("#" * len(match[1]) if match[1][0] == "#" else "1.")
    return lead + ("()" if heading.rstrip().endswith(")") else "")


# A fact sheet's keys before a season: "Renewed: Season 4", "Next: Season 3".
_SHEET_KEYS = frozenset(
    "renewed;renewal;status;premiere;premiered;released;release;next;previous;latest;"
    "current season;now streaming;coming".split(";")
)
_ENTRY_WORDS = 7  # an entry heading holds a title, not a phrase
# Section headings that are no title: "Cast", "Release date".
_SECTION_NAMES = frozenset(
    "cast;crew;plot;premise;reception;release;release date;episodes;overview;production;"
    "ratings;verdict;review;trailer;summary;background;synopsis;the cast;the verdict;"
    "the bottom line;bottom line;the numbers;numbers;what's next;whats next;more;related;"
    "main;recurring;guest;guests;guest stars;starring;main cast;recurring cast;supporting;"
    "cast and characters;characters;references;external links;see also;notes;"
    "also new this week;also streaming;quick hits;"
    # a wiki page's sections
    "development;casting;filming;music;accolades;awards;critical response;critical reception;"
    "viewership;audience viewership;broadcast;marketing;guest cast;series overview".split(";")
)


# A list's bullet before an entry: "— ", "- ", "• ".
_BULLET = re.compile(r"^[-–—*•]\s+")
# A press kit's dotted leader between a name and its role: "Ivy Cole ........ MIA LONG".
_LEADER = re.compile(r"\.{3,}|…")
# A "Key: figure" line: "IMDb Rating: 7.9/10", "Runtime: 52 min".
_KEYED_FIGURE = re.compile(r": [\d$£€]|[★☆]")  # "IMDb Rating: 7.9/10", "Rating ★★★★☆"
# A ranking's entry that names an episode: "Episode 3", "(Episode 4)", "(Ep. 2)".
_EPISODE_HEADING = re.compile(
    r"^(?:#+ |\d{1,3}[.)]? )\s*(?:(?:Season \d+, )?Episode \d+\s*$"
    r"|.*\((?:Season \d+, )?(?:Episode|Ep\.) \d+\))"
)


def _outside_parentheses(text: str) -> str:
    """``text`` with parenthesised asides blanked (other credits, characters)."""
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text)


# "<Title> Season 3", "<Title> series two": a title by what follows it.
# "<Title> Season 2", "<Title> series three" (a number after it, not "series keep").
_TITLE_SEASON = re.compile(
    rf"(?P<title>{_TITLE}) (?i:season|series) (?:\d+|(?i:{_NUMBER_IN_WORDS}))\b"
)
_MAX_RIVALS = 20  # other titles counted, at most (bounds the work on any text)


def _title_counts(sentences: list[_Sentence], scope: Scope) -> dict[str, int]:
    """Other titles the article is about, with how many sentences name each."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for pattern in (_POSSESSIVE_INTRO, _NETWORK_RENEWS, _TITLE_RENEWED, _TITLE_SEASON):
            match = pattern.search(sentence.text)
            if not match or len(counts) >= _MAX_RIVALS:
                continue
            title = _trim(match["title"]) if pattern is _TITLE_SEASON else match["title"]
            if (
                _is_title(title)
                and not title.isdigit()
                and not scope.names_show(title)
                and title not in scope.title
            ):
                if not _PART_OF_A_SHOW.match(title):
                    counts.setdefault(title, 0)
    for title in counts:
        word = re.compile(rf"(?<!\w){re.escape(title)}(?!\w)")
        counts[title] = sum(1 for s in sentences if word.search(s.text))
    return counts


def in_scope(
    sentences: list[_Sentence],
    show: str,
    *,
    headline: str | None,
    people: Iterable[str] = (),
    characters: Iterable[str] = (),
) -> list[_Sentence]:
    """The sentences that speak of ``show``; ArticleError when the article is not
    about it (the show is not in its headline or lead, and has no section of its own).
    An article that never names the show is about it when its top names one of its
    ``people`` or ``characters`` (those the store knows) and its text names two of its
    characters by full name, and no other title (a podcast transcript, an interview).

    A section whose heading names another title is out of scope, whatever it says; in
    the rest, a sentence with signs of another title, and those after it in its
    paragraph, are out until the show is named again.
    """
    people = tuple(people)
    characters = tuple(characters)
    scope = Scope(show, (*people, *characters))
    first = sentences[0].paragraph if sentences else 0
    body = [s for s in sentences if not (headline and s.paragraph == first)]
    lead = [s for s in body if s.paragraph == body[0].paragraph] if body else []
    lead += _first_spoken(body)
    own_sections = {
        s.section
        for s in sentences
        if s.heading and scope.names_show(s.text) and not (headline and s.index == 1)
    }
    counts = _title_counts(sentences, scope)
    mentions = sum(1 for s in sentences if scope.names_show(s.text))
    rival = max(counts, key=lambda t: counts[t], default=None)
    titled = any(_TITLE_LINE.match(s.text) and scope.names_show(s.text) for s in sentences)
    bylined = _bylined_headline(sentences)
    if bylined and scope.about_show(bylined) and not _COMPARISON.search(bylined):
        titled = True  # a web page: menus first, then the headline over its byline
    if headline and _COMPARISON.search(headline):
        headline = None  # "Shows Like <Title>": about other shows, the show only compared
        lead = []
    if headline and scope.names_show(headline) and not scope.about_show(headline):
        lead = []  # "<Title> Writer Ann Lee Sets Other Show": about her new work
    if (headline and scope.about_show(headline)) or titled:
        default = True
    elif not mentions and not counts and _cast_speaks(sentences, people, characters):
        default = True
    elif any(scope.introduced(s.text) for s in body if s.paragraph <= _INTRO_PARAGRAPHS + first):
        default = True  # a profile: "The show is <Title>, the drama that ..."
    elif (
        any(scope.about_show(s.text) for s in lead)
        and (rival is None or counts[rival] <= mentions)
        and not (headline and any(title in headline for title in counts))
    ):
        default = True
    elif own_sections - {0} or _has_own_entry(body, scope):
        default = False
    elif (
        sum(1 for s in body if scope.about_show(s.text)) >= _SUBJECT_MENTIONS
        and rival is None
        and (headline is None or _MASTHEAD.search(headline) or scope.about_show(headline))
    ):
        default = True  # a profile or a thread that keeps coming back to the show
    elif rival is not None:
        raise ArticleError(f"is about {rival!r}, not {show!r}: nothing was added")
    elif mentions:
        raise ArticleError(f"names {show!r} only in passing: nothing was added")
    else:
        raise ArticleError("No series title found: this does not read as an article about a show.")
    return _scoped(sentences, scope, default)


# A paragraph that opens as one entry of a report or a list: a bullet ("- Big returns:
# Other Show ..."), a title in the streamer's naming ("Other Show: Season 2 opened ...",
# "Other Show: Limited Series slipped ..."), or a scorecard's "Other Show — RENEWED".
_ENTRY_OPENING = re.compile(
    r"^(?:[-*•] (?:[A-Z][\w' ,-]{0,40}: )?"
    rf"|(?=[“\"]?{_TITLE}: (?:Season \d+|Limited Series|Series \d+)\b)"
    rf"|(?=[“\"]?{_TITLE}[”\"]? [—–] [A-Z]))"  # a scorecard's "Other Show — RENEWED (Season 3)"
)
_MIN_ENTRIES = 3  # entries, the show's among them, that make a report or a list


def _has_own_entry(body: list[_Sentence], scope: Scope) -> bool:
    """Whether the show has an entry of its own among at least :data:`_MIN_ENTRIES` of a
    report or a list: a paragraph that opens with its title, as the others open with
    theirs ("- Grown-up drama: <Title> had its biggest half-year", "<Title>: Season 3
    opened at No. 1")."""
    # a paragraph's first sentence, or a line of its own (a scorecard's, a list's)
    openings = [
        s
        for n, s in enumerate(body)
        if n == 0 or s.paragraph != body[n - 1].paragraph or s.heading or s.line
    ]
    entries = [
        s.text[match.end() :][:_ENTRY_REACH]
        for s in openings
        if (match := _ENTRY_OPENING.match(s.text))
    ]
    own = [entry for entry in entries if scope.names_show(entry)]
    return bool(own) and len(entries) >= _MIN_ENTRIES


_ENTRY_REACH = 60  # how far into an entry its title is named


_SPOKEN_LINES = 3  # speakers' lines that make an article a transcript
_SUBJECT_MENTIONS = 3  # sentences naming the show that make it the subject, with no rival
# A site's masthead or breadcrumbs over the headline: "Herald › Culture › TV".
_MASTHEAD = re.compile(r" [›»>|] ")


def _first_spoken(body: list[_Sentence]) -> list[_Sentence]:
    """A transcript's first spoken line (after its notes on itself), which is part of
    its lead: "ANN LEE: We have to talk about <Title>."; none in other articles."""
    spoken = [s for s in body if _SPEAKER.match(s.text)]
    if len({s.paragraph for s in spoken}) < _SPOKEN_LINES:
        return []
    return [s for s in body if s.paragraph == spoken[0].paragraph]


_TOP = 3  # sentences that make an article's top (headline, standfirst)


def _cast_speaks(
    sentences: list[_Sentence], people: Iterable[str], characters: Iterable[str]
) -> bool:
    """Whether the article's top names one of the show's people or characters and its
    text names two of its characters by full name."""
    full = [c for c in characters if " " in c]
    names = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.IGNORECASE) for n in (*people, *full)]
    top = " ".join(s.text for s in sentences[:_TOP])
    if not any(name.search(top) for name in names):
        return False
    text = "\n".join(s.text for s in sentences)
    return sum(1 for c in set(full) if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", text)) >= 2


_BYLINE = re.compile(rf"^By [{_UPPER}]")
_BYLINE_REACH = 40  # sentences from the top where a web page's headline may stand
_HEADLINE_MAX = 150
_STANDFIRST_MAX = 300  # a standfirst under a headline runs longer than it


def _bylined_headline(sentences: list[_Sentence]) -> str | None:
    """The line right above the first byline ("By Ann Lee") near the top, or the
    headline over its standfirst there: a web page's headline, under its site's menus."""
    top = sentences[:_BYLINE_REACH]
    for n, byline in enumerate(top):
        if not _BYLINE.match(byline.text) or n == 0:
            continue
        above = top[n - 1]
        if len(above.text) > _STANDFIRST_MAX:
            return None
        # the standfirst's paragraph, then the headline's right above it
        over = [s for s in top[:n] if above.paragraph - 1 <= s.paragraph < above.paragraph]
        headline = " ".join(s.text for s in over if len(s.text) <= _HEADLINE_MAX)
        return f"{headline} {above.text}".strip() if headline else above.text
    return None


_NUMBERED = re.compile(r"^\d{1,3}[.)] ")
# The heading of a web page's box of links: what follows, up to the next prose, is not
# the article's.
_BOX_HEADING = re.compile(
    r"(?i)^(?:#+ |=+ ?)?(?:related(?: (?:reading|stories|articles|coverage|content))?"
    r"|more from\b.*"
    r"|trending(?: now| stories)?|recommended(?: for you| reading)?|read (?:more|next|this next)"
    r"|you (?:may|might) also like|most (?:popular|read|viewed)|popular (?:now|stories)"
    r"|up next|more stories|latest (?:news|stories)|share this (?:article|story)"
    r"|sign up\b.*|more (?:on|about) this\b.*|see also|similar (?:shows|titles|series)"
    r"|more like this|(?:what to )?watch next)\s*=*\s*:?$"
)


# An entry's first line in a column of picks: a short label, then a title and its season
# or episode ("The big one: Other Show, Episode 7", "Pick of the week: Other Show Season 2").
_LABELLED_ENTRY = re.compile(
    rf"^[A-Za-z][\w' -]{{0,24}}: [“\"]?(?P<title>{_TITLE})[”\"]?,? "
    r"(?:Season|Series|Episode|Part) \d+$"
)


def _scoped(sentences: list[_Sentence], scope: Scope, default: bool) -> list[_Sentence]:
    kept: list[_Sentence] = []
    section_in = default
    section_other = False
    paragraph, paragraph_in = -1, default
    show_heading = False  # the sentence before is a heading naming the show
    other_heading = False  # the sentence before is the heading of another title's entry
    numbered = False  # the sentence before is a numbered heading
    box = False  # in a web page's box of links ("Related", "More from ..."), until prose
    entries = scope.entry_markup(sentences)
    for sentence in sentences:
        if box and not (sentence.heading or sentence.line):
            box, section_in, section_other = False, default, False  # the article goes on
        # "If you need more, try these:" then a list: the list names other titles
        suggests = sentence.text.endswith(":") and bool(_COMPARISON.search(sentence.text))
        if box or suggests or (sentence.heading and _BOX_HEADING.match(sentence.text)):
            box = True
            section_in = section_other = False
            paragraph, paragraph_in = sentence.paragraph, False
            continue
        if sentence.line and (entry := _LABELLED_ENTRY.match(sentence.text)):
            # "The big one: Other Show, Episode 7": an entry's first line, as a heading
            named = scope.names_show(entry["title"])
            section_other, section_in = not named, named
            show_heading, other_heading, numbered = named, not named, False  # then its dek
            paragraph, paragraph_in = sentence.paragraph, section_in
            if named:
                kept.append(sentence)
            continue
        if sentence.heading:
            named = scope.names_show(sentence.text)
            # A line right under the show's heading (a listing's "<Channel>, from 8am")
            # goes on with its entry, unless it names another title.
            dek = show_heading and not named and not scope.other_title(sentence)
            other = None
            if not (named or dek or is_day_heading(sentence)):
                other = scope.heading_title(sentence.text, entries)
            if other_heading and not named and not is_day_heading(sentence):
                other = sentence.text  # the dek of another title's entry ("Stan, from 8pm")
            if numbered and _NUMBERED.match(sentence.text):
                other = None  # a box of numbered links ("Trending: 1. ... 2. ..."): no entry
            numbered = bool(_NUMBERED.match(sentence.text))
            if not named and _COMPARISON.search(sentence.text):
                other = sentence.text  # "If you like it, try <Title>"
            section_other = other is not None
            section_in = named or dek or (default and not section_other)
            show_heading, other_heading = named, section_other and not other_heading
            paragraph, paragraph_in = sentence.paragraph, section_in
            if section_in or is_day_heading(sentence):
                kept.append(sentence)  # a listing's day heading dates the entries under it
            continue
        show_heading = numbered = other_heading = False
        if sentence.paragraph != paragraph:
            paragraph, paragraph_in = sentence.paragraph, section_in
        if section_other:
            continue
        if scope.names_show(sentence.text) and not scope.other_title(sentence):
            paragraph_in = True
        elif scope.other_title(sentence):
            paragraph_in = False
        # a table's header states nothing: its rows are scoped
        if paragraph_in or _is_table_header(sentence):
            cut = scope.without_other_clauses(sentence)
            kept.append(cut)
            if cut.text != sentence.text and scope.names_show(sentence.text):
                # "The Show S3 and Other Show S5 back to back. A as B ...": what follows
                # may be about either, until the show is named again
                paragraph_in = False
    return kept


def _is_table_header(sentence: _Sentence) -> bool:
    """Whether a line is a table's header row: every cell has words, none a figure."""
    row = cells(sentence.text)
    return sentence.line and len(row) > 1 and all(re.search(r"[^\W\d_]", c) for c in row)
