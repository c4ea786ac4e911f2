"""Who the words of a sentence stand for: the person the sentence before was about
("she", "the Dry Creek alum"), an interview's guest ("you"), whoever speaks a
transcript's line ("I"), and the roles and characters given to them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from diplomat_tui.article.careers import (
    _credits,
    _people_named,
    _titles,
)
from diplomat_tui.article.credit_lists import (
    _ROLE,
)
from diplomat_tui.article.names import (
    _FULL_NAME,
    _NOT_OWNER,
    _looks_like_name,
    _Mention,
    _People,
)
from diplomat_tui.article.patterns import (
    _APOSTROPHES,
    _NAME,
    _SPEAKER,
    _UPPER,
    _trim,
)
from diplomat_tui.article.text import _Sentence

# A sentence whose subject is a pronoun: it is about the person the one before began with
# ("She ...", "Before Dry Creek, she ..."); "You" and "I" are an interview's.
_PRONOUN_START = re.compile(
    r"^(?:[^,]{1,60},[”\"]? ){0,2}(?P<pronoun>(?i:his|her|their|he|she|they|you)|I)\b(?!\.)"
    r"|^(?:On|In|At|For|After|Before|Since|During|Over|Off) (?:[a-z][\w-]* ){1,4}"
    r"(?P<after>she|he|they)\b"  # "On the big screen she ..."
)


# A role given to the one a sentence's pronoun or description stands for: "She is also the
# showrunner.", "She's also a producer on the show", "The creator and showrunner of
# <Show> spoke with us".
_PRONOUN_ROLE = re.compile(
    r"^(?:(?P<pronoun>She|He|They|You|I)(?:['’]s|['’]re|['’]m| is| are| was| am| were)? "
    r"(?:also |now )?(?:an? |the |its |the show['’]s "
    rf"|the series['’] )?(?P<role>{_ROLE})s?\b(?P<placed> (?:of|on|for|at|in) [^,;]{{1,60}})?"
    rf"|The (?:series |show['’]s )?(?P<first>{_ROLE})(?: and (?P<second>{_ROLE}))? of (?!the )"
    r"[^,]{1,60}? (?!is\b|was\b|has\b)[a-z]"
    r"|(?:She|He|They) (?:also )?(?P<verb>wrote|co-wrote|directed) (?:the |both the )?"
    r"(?:series |season )?(?:pilot|finale|premiere|opener|first episode|last episode"
    r"|final episode)\b(?! (?:of|for|on) [A-Z]))"
)


# Where a role is placed when it is the show's: "on the show", "of the series".
_THIS_SHOW = re.compile(r" \w+ (?:the|this) (?:show|series|drama)\b")


def _pronoun_role_mentions(sentence: _Sentence, context: _Context) -> Iterator[_Mention]:
    """Roles given to the person the sentence before was about (its subject, or the one
    person it named), or to an interview's "you" and "I"."""
    text = _SPEAKER.sub("", sentence.text)  # "Q: You're also a producer."
    match = _PRONOUN_ROLE.match(text)
    if not match:
        return
    if match["first"] and not context.names_show(match.group()):
        return  # "The creator of Dry Creek ..." is someone else
    placed = match["placed"]
    if placed and not context.names_show(placed) and not _THIS_SHOW.match(placed):
        return  # "She was a writer on Dry Creek": a career, not a credit
    if match["pronoun"] in ("You", "I"):
        person = context.person(sentence, 0, None)  # the interviewee, or who speaks
    else:
        person = context.subjects.get(sentence.index)
        before = context.before.get(sentence.index, [])
        if person is None and len(before) == 1:
            person = before[0]
    if person is None:
        return
    verb = match["verb"]
    credit = ("director" if verb == "directed" else "writer") if verb else None
    for role in (match["role"], match["first"], match["second"], credit):
        if role:
            yield _Mention(person, sentence.index, 0, role=role.lower())


# A round-up's epithet for the person the sentence before began with: "The Dry Creek and
# Red Sky alum has joined Season 3 of <the show>, playing Ivy Cole".
_EPITHET_SUBJECT = re.compile(
    r"^The (?P<titles>[^,]{1,80}?) (?:alum|alumna|alumnus|star|veteran|actor|actress) "
    r"(?:has |have |will |is set to )?(?:joined|joins|join|is joining|signed on|signs on)\b"
    rf"[^.;:]*?,? (?:playing|to play|as) (?:the )?(?P<character>{_NAME})(?!{_NOT_OWNER})"
)


# A review's "As Ivy Cole, the president's husband, he is all grins": the character of the
# person the sentence before began with.
_AS_CHARACTER_PRONOUN = re.compile(
    rf"^As (?:the )?(?P<character>{_NAME})(?!{_NOT_OWNER}),(?: [^,]{{1,60}},)? (?:he|she|they)\b"
)


# "He plays Todd Penn", "She's playing Ivy Cole", "I play Ivy Cole": the character of the
# person the sentence before was about (or of who speaks, for "I").
_PRONOUN_PLAYS = re.compile(
    r"^(?:(?:And|But|So|Now|Here),? )?(?P<pronoun>He|She|I)(?:['’]s| is| am|['’]m)? "
    r"(?:also |now |still )?(?:plays|play|playing|portrays|portray) "
    rf"(?P<character>{_NAME})(?!{_NOT_OWNER})(?=[,.;:!?]|$| and\b| who\b| in (?:season|series)\b)"
)


# A career told from a title, for the person the sentence before was about: "In ITV's
# Victoria he was Lord Melbourne", "In Dry Creek, which ran four seasons, she played ...".
_IN_TITLE_PRONOUN = re.compile(
    r"^In (?=[“\"]?[A-Z])(?P<rest>.{1,120}?),? (?:[^,]{1,80}, )?(?:he|she|they) "
    r"(?:was|were|played|starred|spent|had|became)\b"
)


def _in_title_mentions(sentence: _Sentence, context: _Context) -> Iterator[_Mention]:
    """The title a sentence opening "In <Title> ... he was" gives as a credit of the
    person the sentence before was about (when it named no one else)."""
    match = _IN_TITLE_PRONOUN.match(sentence.text)
    person = context.subjects.get(sentence.index) if match else None
    if not match or person is None or context.names_show(sentence.text):
        return
    if _others_named(context.previous.get(sentence.index, ""), person, context):
        return
    titles = _titles(sentence.text, match.start("rest"))[:1]
    credits = _credits(titles, context.people, context.show)
    if credits:
        yield _Mention(person, sentence.index, 0, known_for=credits)


def _as_character_mentions(sentence: _Sentence, context: _Context) -> Iterator[_Mention]:
    """The character a sentence opening "As X, ... she" (or "He plays X") gives the
    person the sentence before was about."""
    text = _SPEAKER.sub("", sentence.text)
    if (plays := _PRONOUN_PLAYS.match(text)) and " " in plays["character"]:
        if plays["pronoun"] == "I":
            person = context.speakers.get(sentence.paragraph)
        else:  # only when the sentence before named no one else
            person = context.subjects.get(sentence.index)
            if person and _others_named(context.previous.get(sentence.index, ""), person, context):
                person = None
        character = _trim(plays["character"])
        if person and _looks_like_name(plays["character"]) and " " in character:
            yield _Mention(person, sentence.index, 0, billing="main", character=character)
        return
    match = _AS_CHARACTER_PRONOUN.match(sentence.text)
    person = context.subjects.get(sentence.index) if match else None
    if match and person and _looks_like_name(match["character"]) and " " in match["character"]:
        character = _trim(match["character"])
        yield _Mention(person, sentence.index, 0, billing="main", character=character)


def _others_named(text: str, person: str, context: _Context) -> bool:
    """Whether ``text`` names in full someone other than ``person`` (no character, not
    the show): then "he" in the next sentence may be either."""
    for match in _FULL_NAME.finditer(text):
        name = _trim(match.group())
        if " " not in name or context.people.is_character(name) or context.names_show(name):
            continue
        if context.people.credited(name) != person and name != person:
            return True
    return False


def _epithet_subject_mentions(sentence: _Sentence, context: _Context) -> Iterator[_Mention]:
    """The cast news of a sentence whose subject is an epithet for the person the one
    before was about ("Ann Lee is heading to Oslo. The Dry Creek alum has joined the
    show, playing Ivy Cole"): the character, and the titles of the epithet as careers."""
    match = _EPITHET_SUBJECT.match(sentence.text)
    person = context.subjects.get(sentence.index) if match else None
    if not match or person is None or not context.names_show(sentence.text):
        return
    if not _looks_like_name(match["character"]):
        return
    yield _Mention(person, sentence.index, 0, billing="main", character=_trim(match["character"]))
    # "The West Wing alum": the title keeps its "The" when the article writes it so elsewhere
    titles = [
        full if (full := f"The {t}") and context.title_sentences[full] > 1 else t
        for t in _titles(sentence.text, match.start("titles"))
    ]
    credits = _credits(titles, context.people, context.show)
    if credits:
        yield _Mention(person, sentence.index, 0, known_for=credits)


# A guide entry's sentence naming its person by their other titles: "The Long Road and
# Red Sky alum is back as ...", "The star of The Long Road and Red Sky returns as ...".
_ENTRY_EPITHET = re.compile(
    r"^The (?:star of (?P<of>[^,—–]{1,80}?)|(?P<titles>[^,—–]{1,80}?) "
    r"(?:alum|alumna|alumnus|star|veteran))(?= (?:[—–]|is|returns|was|has|plays)\b)"
)


def _entry_epithet_mentions(sentence: _Sentence, context: _Context) -> Iterator[_Mention]:
    """The titles a guide's entry names its person by ("The Red Sky alum is back as
    Sam"), for the person its heading names ("Mia Long as Ivy Cole")."""
    match = _ENTRY_EPITHET.match(sentence.text)
    person = context.entry_person.get(sentence.index) if match else None
    if not match or person is None:
        return
    start = match.start("of") if match["of"] else match.start("titles")
    titles = _titles(sentence.text, start)
    if match["titles"] and titles:
        # "The Long Road alum": whether "The" is the first title's is known only when the
        # article writes that title with it elsewhere; else that title is left out
        first = f"The {titles[0]}"
        titles = [first if context.title_sentences[first] > 1 else "", *titles[1:]]
    credits = _credits(titles, context.people, context.show)
    if credits:
        yield _Mention(person, sentence.index, 0, known_for=credits)


# A title opening with "The", as an article writes it: "The West Wing".
_THE_TITLE = re.compile(rf"\bThe(?: [{_UPPER}][\w{_APOSTROPHES}-]*)+")


class _Context:
    """What a sentence's words may refer to: the person the sentence before began with
    (for "She ..." and "know her from"), the people the sentence before named (for "the
    pair"), an interview's interviewee (for "you"), who speaks a conversation's paragraph
    (for "I"), and the people and characters known."""

    def __init__(
        self, sentences: list[_Sentence], people: _People, show: str, network: str | None = None
    ) -> None:
        self.people = people
        self.show = show
        self.network = network  # the show's network, as the store knows it
        self.subjects = _subjects(sentences, people, show)
        # "West Wing" -> "The West Wing": the titles the article writes with "The"
        found = (m.group().rstrip("'’") for s in sentences for m in _THE_TITLE.finditer(s.text))
        self.titles = {title[4:]: title for title in found}
        self.title_sentences = Counter(
            title for s in sentences for title in {m.group() for m in _THE_TITLE.finditer(s.text)}
        )
        self.before: dict[int, list[str]] = {}
        self.previous: dict[int, str] = {}  # the text of the sentence before, in a paragraph
        for previous, sentence in zip(sentences, sentences[1:], strict=False):
            if previous.paragraph == sentence.paragraph:
                self.before[sentence.index] = _people_named(previous.text, people)
                self.previous[sentence.index] = previous.text
        # a guide's entry: the one person its heading names ("Mia Long as Ivy Cole"), for
        # the lines under it ("Where you've seen her: ...")
        self.entry_person: dict[int, str] = {}
        heading_person: str | None = None
        for sentence in sentences:
            if sentence.heading:
                named = _people_named(sentence.text, people)
                heading_person = named[0] if len(named) == 1 else None
            elif heading_person:
                self.entry_person[sentence.index] = heading_person
        title = re.escape(show) if show else r"(?!)"
        self._show = re.compile(rf"(?<!\w){title}(?!\w)")
        # who speaks each paragraph of a conversation: "[00:01:09] ANN LEE: ...", "Lee: ..."
        labels: dict[int, str] = {}
        for sentence in sentences:
            if sentence.paragraph not in labels and (label := _SPEAKER.match(sentence.text)):
                labels[sentence.paragraph] = label["label"]
        speakers = {
            paragraph: person
            for paragraph, label in labels.items()
            if (person := people.credited(label.title() if label.isupper() else label))
        }
        # the one credited person who speaks is the guest, unless the headline names one
        self.interviewee = _interviewee(sentences, people) or (
            next(iter(set(speakers.values()))) if len(set(speakers.values())) == 1 else None
        )
        if self.interviewee:
            speakers |= {p: self.interviewee for p, label in labels.items() if label == "A"}
        self.speakers = speakers

    def names_show(self, text: str) -> bool:
        """Whether ``text`` names the show."""
        return bool(self._show.search(text))

    def person(self, sentence: _Sentence, start: int, pronoun: str | None) -> str | None:
        """Who the words at ``start`` of ``sentence`` are about: the person a pronoun
        stands for, else the last person named before them, else the one the sentence's
        subject pronoun stands for."""
        text = sentence.text
        if pronoun == "you":
            return self.interviewee
        named = _people_named(text, self.people, start)
        if named:
            return named[-1]
        if pronoun in ("him", "her", "them"):
            return self.subjects.get(sentence.index)
        opening = _PRONOUN_START.match(_SPEAKER.sub("", text))
        if not opening:
            return None
        word = (opening["pronoun"] or opening["after"]).lower()
        if word == "you":
            return self.interviewee
        if word == "i":
            return self.speakers.get(sentence.paragraph)
        return self.subjects.get(sentence.index)


# An interview's headline: "Mia Long on Producing ...", "Interview: Ann Lee", "Ann
# Lee Talks Season 3", "In Conversation With Ann Lee".
_INTERVIEW_HEADLINE = (
    re.compile(
        rf"(?:^|: |[–—-] )(?P<name>{_NAME}) (?:on|talks|discusses|reflects on|opens up about"
        r"|breaks down|explains|answers|Talks|Discusses|Reflects On|Opens Up About|Breaks Down"
        r"|Explains|Answers)\b"
    ),
    re.compile(rf"(?i:\binterview|\bin conversation with|\bq&a)(?: with)?:? (?P<name>{_NAME})"),
)


def _interviewee(sentences: list[_Sentence], people: _People) -> str | None:
    """The person an interview's headline names as the one interviewed ("Ann Lee on
    ..."), or its introduction ("We sat down with Ann Lee ..."), when the article is a
    conversation (question-and-answer lines, speaker labels, question headings)."""
    if not sentences:
        return None
    questions = sum(1 for s in sentences if s.heading and s.text.endswith("?"))
    if questions < 2 and not any(_SPEAKER.match(s.text) for s in sentences):
        return None
    headline = sentences[0].text if sentences[0].heading or sentences[0].line else ""
    tops = [(pattern, headline) for pattern in _INTERVIEW_HEADLINE]
    tops += [(pattern, s.text) for s in sentences[:_INTRO] for pattern in _SAT_DOWN]
    for pattern, text in tops:
        for match in pattern.finditer(text):
            if person := people.person(_trim(match["name"])) or people.known(match["name"]):
                return person
    return None


# An interview's introduction: "We sat down with Ann Lee", "Ann Lee spoke to us".
_SAT_DOWN = (
    re.compile(rf"\b(?:sat down|spoke|talked|caught up|chatted) (?:with|to) (?P<name>{_NAME})"),
    re.compile(rf"(?P<name>{_NAME}) (?:spoke|talked|chatted) (?:with|to) us\b"),
)


_INTRO = 5  # sentences from the top where an interview introduces its guest


# A short phrase before a sentence's subject: "New this season, Lee plays ...".
_OPENING_PHRASE = re.compile(r"^[^,]{1,40}, (?:[^,]{1,40}, )?")


def _opening_person(text: str, people: _People, show: str = "") -> str | None:
    """The person a sentence opens with, maybe after a short opening phrase: someone
    credited, or a full name the sentence opens with that is no character's."""
    phrase = _OPENING_PHRASE.match(text)
    starts = [0, *(m.end() for m in re.finditer(", ", phrase.group()))] if phrase else [0]
    for start in starts:
        opening = _FULL_NAME.match(text, start)
        if not opening:
            continue
        name = _trim(opening.group())
        if person := people.credited(name):
            return person
        if start or " " not in name or name != opening.group() or people.is_character(name):
            continue
        if not (show and (show in name or name in show)):
            return name
    return None


# A pronoun standing for someone anywhere in a sentence: "Viewers know her best as ...".
_OBJECT_PRONOUN = re.compile(r"\b(?:her|him|them|she|he|they)\b")


def _subjects(sentences: list[_Sentence], people: _People, show: str = "") -> dict[int, str]:
    """For each sentence, the person the sentence before it (in its paragraph) began
    with, or the one credited person it named, or the one it still spoke of with a
    pronoun, if any."""
    subjects: dict[int, str] = {}
    previous: _Sentence | None = None
    for sentence in sentences:
        if previous and previous.paragraph == sentence.paragraph:
            person = _opening_person(previous.text, people, show)
            named = _people_named(previous.text, people)
            if person is None and len(named) == 1:
                person = named[0]  # "X, the envoy, is played by Ann Lee." "She ..."
            if person:
                subjects[sentence.index] = person
            elif previous.index in subjects and (
                _PRONOUN_START.match(previous.text)
                or (not named and _OBJECT_PRONOUN.search(previous.text))
            ):
                subjects[sentence.index] = subjects[previous.index]  # still about them
        previous = sentence
    return subjects
