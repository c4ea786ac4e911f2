"""People named and credited: the phrasings that give an actor a character, someone a
role behind the camera, and the names a surname or a short form stands for."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from diplomat_tui.article.credit_lists import (
    _ROLE,
    _ROLE_OF_VERB,
    _ROLE_WORDS,
    _other_credits,
)
from diplomat_tui.article.names import (
    _ADJECTIVE,
    _CHARACTER_TITLE,
    _FULL_NAME,
    _HONORIFIC,
    _NAMED_ENTRIES,
    _NOT_OWNER,
    _PLACES,
    _looks_like_name,
    _Mention,
    _new_name,
    _People,
    _person_shaped,
)
from diplomat_tui.article.other_titles import (
    _ELSEWHERE,
    _NETWORK,
    _PART_OF_SHOW,
    _TITLE_GAVE,
    _TITLE_STARS,
    _TITLE_WITH,
    _WHERE_BEFORE,
    _another_title,
    _in_another_show,
    _later_in_another_title,
    _placed_elsewhere,
    _title_tail,
    _title_words_before,
)
from diplomat_tui.article.patterns import (
    _NAME,
    _NAME_WORD,
    _POSSESSIVE,
    _UPPER,
    _trim,
)
from diplomat_tui.article.text import _Sentence
from diplomat_tui.article.text import cells as table_cells
from diplomat_tui.model import Billing

# Dotted capitals before a name: "U.S. Ambassador Ivy Cole".
_DOTTED = r"(?:[A-Z]\.){2,}"


# An aside between a name and its verb, set off by commas or dashes and opening in lower
# case: "Ann Lee, 49, plays ...", "Ann Lee, so good in Dry Creek, returns as ...", "Ann Lee
# - who viewers will know from Dry Creek - is back as ...".
_ASIDE = (
    # not a list going on: ", plus B," names someone else
    r"(?:, (?=[a-z0-9])(?!(?:plus|and|or|with|alongside|as well as|along with|not to mention)\b)"
    r"[^,()–—]{1,80},| [–—-] (?=[a-z])[^–—()]{1,80}? [–—-]"
    rf"|, [{_UPPER}][\w-]*{_POSSESSIVE} (?=[a-z])[^,()–—]{{1,80}},)"  # ", Lee's old rival,"
)


# A second pair whose "plays" is left out: "A plays X and B her husband, Y".
_GAPPED_PLAYS = re.compile(
    rf",? and (?P<actor>{_NAME})(?! [{_UPPER}]) (?:(?:the|her|his|their) )?"
    r"(?:[a-z][\w-]*,? ){0,3}"
    rf"(?P<character>{_NAME})(?=[,.;:]|$)"
)


# Before an actor of an absolute clause: "with A set to play B", ", and B playing C".
_WITH_OR_AND = re.compile(r"(?:\bwith|,? and) $")


# A social post's emoji after a name: "Ann Lee 👀 shows up as ...".
_EMOJI = "(?: [\u2600-\u27bf\U0001f300-\U0001faff\ufe0f\u200d]+)"


# "<Actor> plays <Character>", "<Actor> joins as <Character>", "<Actor> guest-stars as ...",
# "<Actor>, who plays <Character>, ...".
_PLAYS = re.compile(
    rf"(?P<actor>{_NAME})(?: \([^()]*\))?{_EMOJI}?{_ASIDE}?(?P<who>,? who)?,? (?:has |have |had )?"
    r"(?:also |now |will |is back |first |later |originally )?"
    r"(?P<verb>(?i:plays|play|portrays|is playing|stars as|co-stars as|returns as|appears as"
    # "with A set to play B", "and B playing C": only after "with" or "and" (checked below)
    r"|set to play|playing"
    r"|is back as|starring as|join(?:s|ed)?"
    r"(?: the (?:[a-z-]+ )?(?:cast|show|series|drama|thriller|ensemble))?"
    r"(?: (?:in|for) (?:season \w+|this season"
    r"|the \w+ season)| this season| last season)? as|guest[- ]stars as|guest[- ]starring as"
    r"|recurs as|(?:is|was) cast as|(?:arrives|arrived|shows up|showed up|turns up|turned up)"
    r"(?: (?:in|for) (?:season \w+|series \w+|the \w+ (?:season|series)))?"  # "in Season 2"
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
    r"|guest[- ]star as|(?:is|are) to (?:play|portray)"
    r"|(?:will |to )?(?:take|takes|took) the (?:role|part) of|(?:will |to )?appear as"
    r"|(?:has been |was |is )?confirmed as"
    # "joined <Title> in season 2 as": only the show's title (checked where it is read)
    r"|join(?:s|ed)? (?P<joined>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,4})"
    r"(?: (?:in|for) (?:season \w+|series \w+|the \w+ season))? as)) "
    # words describing the role, not a new clause ("plays the president now, and B is ...")
    rf"(?:(?:the|her|his|their) )?(?:(?!(?:by|as|and|but|or|while|whereas|yet)\b)"
    rf"[a-z][\w-]*(?:{_POSSESSIVE})?,? |{_DOTTED} "
    rf"|[A-Z]{{2,5}} |[{_UPPER}][a-z]+{_POSSESSIVE} (?=[a-z])){{0,4}}?(?!{_DOTTED}|[A-Z]{{2,}}\b)"
    rf"(?P<character>{_NAME})"
    rf"(?!{_NOT_OWNER})"  # "as Grace Penn's husband": a role named by another character
)


# After a place of government, the role's words and then its name: " chief of staff Ivy Cole".
_ROLE_AFTER_PLACE = re.compile(rf"(?: [a-z][\w-]*){{1,4}} (?P<name>{_NAME})")


# "<Actor> plays her husband", "<Actor> stars as a retired spy": in the cast, with a
# role described, not named.
_PLAYS_DESCRIBED = re.compile(
    rf"(?P<actor>{_NAME})(?: \([^()]*\))?,? (?:who )?(?:also |now |will )?"
    r"(?:plays|play|is playing|stars as|co-stars as|returns as|joins as|is back as"
    r"|(?:is|was|has been) cast as|(?:arrives|arrived|shows up|showed up|turns up|turned up)"
    r"(?: (?:in|for) (?:season \w+|series \w+|the \w+ (?:season|series)))? as)"
    r" (?:an?|the|her|his|their) (?=[a-z])"
    rf"(?!(?:[a-z]+ )?(?:{_ROLE}|consultant|editor|composer|narrator|host)s?\b)"
    # idioms, not roles: "plays the long game", "plays a key role in", "plays it safe"
    r"(?!(?:[a-z]+ )?(?:game|part|role|card|cards|hand|field|piano|guitar|music|tune|song"
    r"|straight man|devil's advocate)\b)"
    r"(?P<described>[^,.;:!?]*)"
)


# "<Actor>’s powerful performance as <Character>".
_PERFORMANCE = re.compile(
    rf"(?P<actor>{_NAME}){_POSSESSIVE} (?:[\w-]+ ){{0,3}}?(?:performance|turn|portrayal|role) "
    rf"as (?:the )?(?P<character>{_NAME})(?!{_NOT_OWNER})"
)


# "Name (Something)" anywhere: "Character (Actor)" or "Person (Other Show)".
_PARENTHESIS = re.compile(rf"(?P<left>{_NAME}) \((?P<inner>[^()]+)\)")


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
    rf"(?P<actor>{_NAME})(?: \([^()]*\))?(?:, [^,]{{1,40}}? (?:himself|herself|themselves))?"
    r",?(?: in| back| aboard)? as (?:the |her |his |their )?"
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


# Before a role that the show's is compared with: "since Ann Lee's Meg Orr", "than ...".
_COMPARED_BEFORE = re.compile(
    r"(?:^|\s)(?i:since|than|like|unlike|recalls?|recalling|echoes|echoing|evokes|evoking"
    r"|channels|channelling|channeling|rivals|rivalling|rivaling|reminiscent of|shades of"
    r"|à la|a la) $"
)
# Before a title owning a role elsewhere: "as Blue Line's Meg Orr", "from Blue Line's".
_ROLE_ELSEWHERE_BEFORE = re.compile(r"(?:^|\s)(?:as|from) $")


# "<Actor>, whose <Character> has gone from ...": a review's aside on the role.
_WHOSE = re.compile(
    rf"(?P<actor>{_NAME}), whose {_DESCRIPTOR}"
    rf"(?![A-Z]{{2,}}\b|{_DOTTED}|{_TITLE_OF}|{_HONORIFIC}|{_ADJECTIVE})"
    rf"(?P<character>{_NAME})(?!{_NOT_OWNER}|{_POSSESSIVE})"
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


# Casting news with no character: "A has been cast in a recurring role", "A is joining
# season 4", "A is the latest addition to the cast", "A has landed a major recurring role",
# "A will guest star in season 4", "A has been promoted to series regular".
_CAST_NEWS = re.compile(
    rf"(?P<actor>{_NAME})(?: \([^()]*\))?,? (?:has |have |had |will |is |was |is set to )?"
    r"(?:been |now |also )?(?P<news>(?i:cast in (?:a|an|the) (?:[\w-]+ ){0,2}?(?:role|part)"
    r"|(?:joining|joined|joins|signed on for|signs on for|boarded|boards|board)"
    r" (?:season \w+|series \w+|the (?:\w+ )?(?:season|series|ensemble))"
    r"|(?:the )?latest addition to the cast|added to the (?:main )?cast"
    r"|tapped for (?:a|an|the) (?:[\w-]+ ){0,2}?(?:role|part)"
    r"|(?:landed|lands|scored|nabbed) (?:a|an|the) (?:[\w-]+ ){0,2}?"
    r"(?:recurring|guest|series regular|main|starring|leading|lead) (?:role|part)"
    r"|promoted to (?:a )?series regular"
    r"|guest[- ]stars? in (?:season \w+|the (?:\w+ )?(?:season|series|premiere|finale))))\b"
)
_OF_TITLE_AFTER = re.compile(r" of (?P<title>[A-Z][^,.;:]*)")


# A co-star: "You play opposite A again", "stars opposite A" (with "as", the pair rule).
_OPPOSITE = re.compile(
    rf"\b(?:play|plays|playing|star|stars|starring|co-stars?|act|acts|acting) opposite "
    rf"(?P<actor>{_NAME})(?! as\b)(?!{_POSSESSIVE})"
)


# An awards list's line: "Ann Lee, <Title> (as Ivy Cole)": a pair only for the show's title.
_NOMINEE_LINE = re.compile(
    rf"(?P<actor>{_NAME}), [“\"]?(?P<title>[^,()“”\"]{{1,60}}?)[”\"]? \(as (?P<character>{_NAME})\)"
)


# "... a new president, played by <Actor>": in the cast, the role described, not named.
_PLAYED_BY_ANYONE = re.compile(rf"\b(?:played|portrayed) by (?P<actor>{_NAME})")
_EARLIER_ROLE = re.compile(
    r"\b(?:originally|first|previously|once|famously) (?:played|portrayed) $"
)
_ON_STAGE = re.compile(
    r" (?:on stage|on screen|in the (?:original|film|movie|play|stage)|in \d{4})"
)


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


# Inside an aside that began before: ", who wrote for ... and The " ends in a title.
_ASIDE_BEFORE = re.compile(r"(?:, (?:who|whose|which) [^,]*|\bThe )$")


# "A has been tapped to direct the first two episodes", "A will write and executive produce".
_HIRED_TO = re.compile(
    rf"(?P<name>{_NAME}) (?:has been |was |is |will be )?(?:tapped|hired|set|signed|brought on"
    r"|enlisted|named) to (?P<verb>direct|write|produce|executive produce)\b(?! [A-Z“\"])"
    rf"|(?P<who>{_NAME}) will (?P<first>write|direct|produce|executive produce)"
    r"(?: and (?P<second>write|direct|produce|executive produce))?(?= *[.,;]| the (?:pilot|finale"
    r"|premiere|first|season|series|show|episode))"
)


# "(Creator, Showrunner, Executive Producer)" after a name: roles, not other credits.
_ROLES_ONLY = re.compile(rf"(?i:(?:{_ROLE_WORDS})(?:\s*[,/]\s*(?:and )?(?:{_ROLE_WORDS}))*)")


_ROLE_LIST_SEPARATOR = re.compile(r"\s*[,/]\s*(?:and )?")


# A parenthesis that names a role behind the camera, alone or after a character.
_ANNOTATION = re.compile(rf"(?i:^(?:{_ROLE_WORDS})\s*(?:[,/]|$)|/\s*(?:{_ROLE_WORDS})\b)")


# Before a name that is no actor: "the Oval Office as ..."; before an owner of a title:
# "in Ann Lee's Dry Creek", "won an Emmy as Dry Creek's Meg Orr".
_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:the|a|an|this|that) $")


_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:in|on|from|as) $")


# "Ann Lee and Bo Li as Ivy Cole and Sam Dunn": who plays whom is left to "respectively".
_NAME_AND_BEFORE = re.compile(rf"{_NAME_WORD} and $")


_AND_NAME_AFTER = re.compile(rf" and [{_UPPER}]")


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
    if _title_words_before(text, match):
        return True  # "starred in This Is Bo Li as ...": the end of a title
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


# "plays a Cornish coastguard": after "a" or "an", a capitalised word describes a role
# ("a grieving widow, Ivy Cole" names one only after the comma).
_INDEFINITE = re.compile(r"\b(?:as|of|play|plays|played|portrays?|portrayed) an? ")


def _described_only(text: str, match: re.Match[str]) -> bool:
    """Whether the character of ``match`` follows "a"/"an" without a comma: a
    description ("stars as a Cornish coastguard"), not a name."""
    between = text[match.end("actor") : match.start("character")]
    return bool(_INDEFINITE.search(between)) and not between.endswith(", ")


def _pair_mentions(sentence: _Sentence, show: str = "") -> Iterator[_Mention]:
    """Actor and character in the forms "A as B", "A's B", "B, played by A", and cast
    news "A has joined the cast"."""
    text = sentence.text
    patterns = (_AS_PAIR, _IS_PAIR, _IS_DESCRIBED_PAIR, _POSSESSIVE_CHARACTER, _WHOSE, _PLAYED_BY)
    for pattern in patterns:
        for match in pattern.finditer(text):
            actor, character = _trim(match["actor"]), _trim(match["character"])
            if not (_looks_like_name(match["character"]) and _looks_like_name(match["actor"])):
                continue
            if _in_another_show(text, match.end(), show) or _NETWORK.fullmatch(actor):
                continue  # "Peacock's Red Earth" is a network's title
            possessive = pattern in (_POSSESSIVE_CHARACTER, _WHOSE)
            # "a sparring partner in Ann Lee's President Ivy Cole": a named role, where
            # "in Tom Rye's Dry Creek" is a title and its maker
            owned = possessive and not (
                _person_shaped(character) or _CHARACTER_TITLE.match(character)
            )
            if (_title_tail(text, match) and (owned or not possessive)) or _described_only(
                text, match
            ):
                continue
            if possessive and _later_in_another_title(text, match.end(), show):
                continue
            if pattern is _WHOSE and owned:
                continue  # "A, whose Red Sky made her a star": a title
            if possessive and not owned and _ROLE_ELSEWHERE_BEFORE.search(text, 0, match.start()):
                continue  # "won Emmys as Blue Line's Meg Orr": a role in another title
            if possessive and _COMPARED_BEFORE.search(text, 0, match.start()):
                continue  # "the slipperiest PM since Ann Lee's Meg Orr": a comparison
            if _doubtful_pair(text, match, show, possessive=owned):
                continue
            if pattern is _AS_PAIR and text[: match.start("actor")].endswith("opposite "):
                continue  # "A stars opposite B as C": A plays C
            between = text[match.end("actor") : match.start("character")]
            if possessive and _REAL_RELATION.search(between):
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
                possessive=possessive,
                # one word after "as" is too often a title or a role: only a short form
                # of a character named in full ("as Ivy" for Ivy Cole) is kept
                short=" " not in character,
            )
    for match in _OPPOSITE.finditer(text):
        actor = _trim(match["actor"])
        if " " not in actor or not _looks_like_name(actor) or _title_tail(text, match):
            continue
        if _in_another_show(text, match.end(), show) or _ELSEWHERE.match(text, match.end()):
            continue  # "starred opposite A in Dry Creek"
        yield _Mention(actor, sentence.index, match.start("actor"), billing="main")
    for match in _NOMINEE_LINE.finditer(text):
        actor = _trim(match["actor"])
        if show and show in match["title"] and " " in actor and _looks_like_name(actor):
            yield _Mention(
                actor,
                sentence.index,
                match.start("actor"),
                billing="main",
                character=_trim(match["character"]),
            )
    paired = {m.start("actor") for m in _PLAYED_BY.finditer(text)}
    for match in _PLAYED_BY_ANYONE.finditer(text):
        actor = _trim(match["actor"])
        if match.start("actor") in paired or " " not in actor or not _looks_like_name(actor):
            continue
        if _EARLIER_ROLE.search(text, 0, match.start()) or _ON_STAGE.match(text, match.end()):
            continue  # "originally played by A", "played by A on stage": another production
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
    for match in _CAST_NEWS.finditer(text):
        actor = _trim(match["actor"])
        if " " not in actor or not _looks_like_name(actor) or _title_tail(text, match):
            continue
        of = _OF_TITLE_AFTER.match(text, match.end())
        if _in_another_show(text, match.end(), show) or (of and show not in of["title"]):
            continue  # "has landed a recurring role in Dry Creek", "... cast of Dry Creek"
        billing: Billing = "guest" if "guest" in match["news"].lower() else "main"
        yield _Mention(actor, sentence.index, match.start("actor"), billing=billing)


# An episode's credits: "Ann Lee wrote the finale", "Ann Lee directed the pilot", "with Ann
# Lee behind the camera".
_EPISODE_CREDIT = re.compile(
    rf"(?P<name>{_NAME})(?:{_ASIDE})?,? (?:who )?(?:also )?(?P<verb>wrote|co-wrote|penned"
    r"|scripted|directed|helmed) (?:the |both the |\w+ )?"
    r"(?:(?:series|season) (?:\d{1,2} |[a-z]+ )?|series |season )?(?:pilot|finale|premiere|opener"
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
        if _ASIDE_BEFORE.search(sentence.text, 0, match.start("name")):
            continue  # "A, who wrote for Red Sky and The Long Road, serves as": A is, not a title
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
        if _in_another_show(sentence.text, match.end(), show):
            continue
        if _title_tail(sentence.text, match) and not match["who"]:
            continue  # "in Tom Rye's Dry Creek" (but "a new face in A, who plays B")
        absolute = match["verb"].lower() in ("set to play", "playing")
        if absolute and not _WITH_OR_AND.search(sentence.text, 0, match.start("actor")):
            continue  # "Ivy playing Sam for a fool": only "with A playing B"
        if match["joined"] and not (show and show in match["joined"]):
            continue  # "joins Ivy as ...": a scene, not casting
        if not _looks_like_name(match["actor"]) or _doubtful_pair(sentence.text, match, show):
            continue
        if _described_only(sentence.text, match):
            continue  # "stars as a Cornish coastguard"
        character = _trim(match["character"])
        if character in _PLACES:  # "as White House chief of staff Ivy Cole": the role's name
            role = _ROLE_AFTER_PLACE.match(sentence.text, match.end("character"))
            if not role or not _looks_like_name(role["name"]):
                continue
            character = _trim(role["name"])
        plural = match["verb"].split(" ", 1)[0].lower() in _PLURAL_VERBS
        if plural and _NAME_AND_BEFORE.search(sentence.text, 0, match.start("actor")):
            continue  # "A and B play C and her husband": who plays whom is not said
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
            character=character,
        )
        gapped = _GAPPED_PLAYS.match(sentence.text, match.end())
        if match["verb"].lower() in ("plays", "play") and gapped:
            actor = gapped["actor"]
            if _looks_like_name(actor) and _looks_like_name(gapped["character"]):
                yield _Mention(
                    _trim(actor),
                    sentence.index,
                    gapped.start("actor"),
                    billing="main",
                    character=_trim(gapped["character"]),
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


# Verbs whose subject is more than one person: "A and B play ...".
_PLURAL_VERBS = frozenset({"play", "portray", "star", "co-star", "join", "return", "appear"})


# A press release's cast block: a "Cast:" line, then one "Actor — Character" per line.
_CAST_HEADING = re.compile(
    r"^(?i:(?:main |series |guest |recurring |supporting )?cast|starring|cast list)\s*:?$"
)


_CAST_LINE = re.compile(
    rf"^(?P<actor>{_NAME}) (?:[—–]|-{{1,2}}|as|\.{{2,}}|…+) (?P<character>{_NAME})$"
)


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
        if _in_capitals(character) and not _in_capitals(actor):
            # a press kit's "Ivy Cole ........ MIA LONG": the actor in capitals, after
            actor, character = _name_cased(character), actor
        block += 1
        yield _Mention(
            _trim(actor),
            sentence.index,
            0,
            billing="main",
            character=_trim(character),
        )


def _in_capitals(name: str) -> bool:
    """Whether ``name`` is written in capitals ("MIA LONG", "BO McROWE")."""
    return re.sub(r"\bMc", "MC", name).isupper()


def _name_cased(capitals: str) -> str:
    """A name written in capitals, cased as names are: "T'IA O'BRIEN-McROWE" ->
    "T'Ia O'Brien-McRowe" (a word's letters after an apostrophe or hyphen, or after
    "Mc", start capitalised)."""

    def word(part: str) -> str:
        cased = re.sub(r"(?<=[\w])([A-Z]+)", lambda m: m.group().lower(), part)
        return re.sub(r"(?:(?<=['’-])|(?<=^Mc))[a-z]", lambda m: m.group().upper(), cased)

    return " ".join(word(part) for part in capitals.split(" "))


# A character guide's heading: "Ivy Cole — Mia Long" (or the actor first).
_DASH_PAIR = re.compile(rf"^(?P<left>{_NAME}) [—–] (?P<right>{_NAME})$")


def _dash_heading_mentions(sentences: list[_Sentence], people: _People) -> Iterator[_Mention]:
    """Actors and characters of a guide's "Name — Name" headings, in the order its
    headings with one side credited give ("Ivy Cole — Mia Long": the character first);
    with no such heading, or both orders, nothing."""
    pairs = [
        (sentence, match)
        for sentence in sentences
        if (sentence.heading or sentence.line)
        and (match := _DASH_PAIR.match(sentence.text))
        and all(_looks_like_name(match[side]) and " " in match[side] for side in ("left", "right"))
    ]
    orders = set()
    for _, match in pairs:
        left, right = people.person(_trim(match["left"])), people.person(_trim(match["right"]))
        if bool(left) != bool(right):
            orders.add(bool(left))  # True: the actor first
    if len(orders) != 1:
        return
    actor_first = orders.pop()
    for sentence, match in pairs:
        actor, character = (match["left"], match["right"])[:: 1 if actor_first else -1]
        if people.is_character(_trim(actor)) or people.person(_trim(character)):
            continue  # a heading the other way round: not this guide's order
        yield _Mention(_trim(actor), sentence.index, 0, billing="main", character=_trim(character))


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


def _reference_mentions(
    sentence: _Sentence, people: _People, actor_first: bool | None = None, article: str = ""
) -> Iterator[_Mention]:
    """Mentions that need the people already known: "Character (Actor)", "Name (Other
    Show)" outside lists, "Name’s performance as Character" and "Name brings warmth to
    Character". ``actor_first`` is how the article writes such pairs where one side is
    known (:func:`_pair_order`): with neither side known, it says which is the actor;
    None (no pair known, or both orders) takes nothing."""
    # "A (Matlock), B (The Last of Us) and C (Slow Horses)": where one parenthesis holds a
    # title, an unknown "Name (Name)" beside it is a person and a show too, not a character
    titled = any(
        not _looks_like_name(inner) and not _PART_OF_SHOW.match(inner) and _other_credits(inner)
        for inner in (_inner(m) for m in _PARENTHESIS.finditer(sentence.text))
    )
    # "A (Ivy Cole), B (Sam Dunn) and C (Kit Marr)": where one parenthesis after a
    # person holds a known character, the others after people are characters too
    # "A (Ruth Abara), B (Ivy Park)": so is a list where two parentheses after people
    # read as names of people ("Ruth Abara", not "Dry Creek")
    after_people = [
        m["inner"].strip()
        for m in _PARENTHESIS.finditer(sentence.text)
        if people.person(_trim(m["left"]))
    ]
    charactered = any(people.is_character(inner) for inner in after_people) or (
        sum(_person_shaped(inner) for inner in after_people) >= _NAMED_ENTRIES
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
            # "A (Ruth Abara)" alone: a character or a title named for its hero, unknown,
            # unless the block writes "Actor (Character)" (a press kit's cast list)
            credits = _other_credits(inner)
            if actor_first and _looks_like_name(inner) and " " in inner:
                yield _Mention(person, sentence.index, match.start(), character=inner)
            elif credits and not any(people.person(c) or people.is_character(c) for c in credits):
                yield _Mention(person, sentence.index, match.start(), known_for=credits)
            elif _person_shaped(inner) and not people.person(inner):
                if actor_first or (actor_first is None and _CASTING.search(sentence.text)):
                    yield _Mention(person, sentence.index, match.start(), character=inner)
        elif _CHARACTER_TITLE.match(inner) and _looks_like_name(left) and " " in left:
            # "Ann Lee (President Meg Orr)": a title names the character in parentheses
            yield _Mention(left, sentence.index, match.start(), billing, character=inner)
        elif (
            _looks_like_name(inner)
            and " " in inner
            and not people.is_character(inner)
            and not titled
        ):
            # "A (Ivy Cole) and newcomer B (Meg Orr)": actor, then character, as the
            # sentence or the article writes its known pairs; unknown order: nothing
            order = _surname_order(left, inner, article) if actor_first is None else actor_first
            if order is None and _CASTING.search(sentence.text):
                # a casting sentence lists actors first: "Jonah Vell (Felix Orme) joins"
                order = True if _person_shaped(inner) else None
            elif order is None and _person_shaped(inner):
                order = False  # a recap's story: "Felix Orme (Jonah Vell) opens the door"
            if charactered or order:
                if _looks_like_name(left) and " " in left:
                    yield _Mention(left, sentence.index, match.start(), billing, character=inner)
            elif order is False:
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


def _surname_order(left: str, inner: str, article: str) -> bool | None:
    """Which of "Name (Name)" is the actor by how the article goes on: the one whose
    surname it uses alone ("Vell was most recently seen in ...") is a person, as
    journalists write them (True: the left one); None when neither or both are."""
    left_alone, inner_alone = _used_alone(left, article), _used_alone(inner, article)
    return left_alone if left_alone != inner_alone else None


def _used_alone(name: str, article: str) -> bool:
    """Whether the last word of ``name`` stands alone somewhere in ``article``: not
    right after another capitalised word, nor before one."""
    surname = name.rsplit(" ", 1)[-1]
    if len(surname) < _SURNAME_MIN:
        return False
    for match in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w’'-])", article):
        before = article[max(0, match.start() - 40) : match.start()]
        if not re.search(rf"[{_UPPER}][\w’'.-]* $", before) and not re.match(
            rf" [{_UPPER}]", article[match.end() : match.end() + 2]
        ):
            return True
    return False


_SURNAME_MIN = 3
# Words of a sentence about casting, where "Name (Name)" is "Actor (Character)".
_CASTING = re.compile(
    r"(?i)\b(?:cast|casting|returning|series regulars?|newcomers?"
    r"|new to the (?:series|show|cast)|new faces|added|adds|rounds? out|principal|ensemble"
    r"|starring|co-stars?|line-?up)\b"
)


def _pair_order(sentences: Iterable[_Sentence], people: _People) -> bool | None:
    """How the article writes "Name (Name)" where one side is a person it credits: True
    for "Actor (Character)" (a press release's cast list: the other side a known
    character or a person's name), False for "Character (Actor)" (a recap's, a
    synopsis's "Ivy Cole (Long)"); None when it writes no such pair, or both ways."""
    orders = set()
    for sentence in sentences:
        for match in _PARENTHESIS.finditer(sentence.text):
            left, inner = _trim(match["left"]), match["inner"].strip()
            inner = _ACTOR_PREFIX.sub("", inner)
            if people.person(inner):  # "Ivy Cole (Mia Long)", "Ivy Cole (Long)"
                if people.is_character(left) or (not people.person(left) and " " in left):
                    orders.add(False)
            elif people.person(left) and (people.is_character(inner) or _person_shaped(inner)):
                orders.add(True)
    return orders.pop() if len(orders) == 1 else None


# Words before the actor in a recap's parenthesis: "(guest star Ann Lee)", "(played by A)".
_ACTOR_PREFIX = re.compile(r"(?i:guest[- ]star(?:ring)?|played by|portrayed by|voiced by) ")


# A sentence that asks: "is Ivy played by Ann Lee??" states no credit.
_QUESTION = re.compile(r"\?[”’\"')\]]*$")


def _asked_from(text: str) -> int:
    """Where the question that ends ``text`` begins (after the last full stop before
    it: a heading may hold a statement and then a question); ``len(text)`` when
    ``text`` asks nothing."""
    if not _QUESTION.search(text):
        return len(text)
    return max(text.rfind(". "), text.rfind("! "), -2) + 2
