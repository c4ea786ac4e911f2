"""Which show the article is about, and on which network."""

from __future__ import annotations

import re

from diplomat_tui.article.patterns import (
    _APOSTROPHES,
    _FUNCTION_WORDS,
    _POSSESSIVE,
    _UPPER,
    _Found,
    _trim,
)
from diplomat_tui.article.text import _Sentence
from diplomat_tui.errors import ArticleError

# Words that name what kind of programme a title is: "hit political thriller", "series".
_SHOW_KINDS = (
    r"(?:series|show|drama|thriller|comedy|sitcom|miniseries|docuseries|dramedy|procedural"
    r"|anthology|saga|mystery|western|romance|fantasy|horror|adaptation|hit|original|epic)"
)
# A network or platform: capitalised words, maybe with a "+" ("Apple TV+").
_NETWORK = rf"(?<![\w+])[{_UPPER}][\w]*\+?(?: [{_UPPER}][\w]*\+?){{0,2}}"
# One word of a title: capitalised or a number ("Grey’s", "9-1-1", "Ted+").
_TITLE_WORD = rf"[{_UPPER}0-9][\w{_APOSTROPHES}+-]*"
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
    rf"^[“\"]?(?P<title>{_TITLE})[”\"]?,? (?:has been|was|is|will be|has|gets|got) "
    r"(?:officially )?(?:renewed|picked up|ordered|greenlit|received|earned|landed)\b"
)
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


def _network_named(sentences: list[_Sentence]) -> _Found[str] | None:
    """The network named by where the show streams or whose Top 10 it is in."""
    for pattern in (_STREAMING_ON, _TOP_TEN_OWNER):
        for sentence in sentences:
            if match := pattern.search(sentence.text):
                return _Found(_trim(match["network"]), (sentence.index,))
    return None
