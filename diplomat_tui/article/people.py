"""People and their credits, put together: the mentions of every stage (credits, careers,
conversation) resolved to full names, then cast with characters, crew with roles, careers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import partial

from diplomat_tui.article.careers import (
    _known_for_mentions,
)
from diplomat_tui.article.conversation import (
    _as_character_mentions,
    _Context,
    _entry_epithet_mentions,
    _epithet_subject_mentions,
    _in_title_mentions,
    _pronoun_role_mentions,
)
from diplomat_tui.article.credit_lists import (
    _list_mentions,
)
from diplomat_tui.article.credits import (
    _CAST_HEADING,
    _asked_from,
    _cast_block_mentions,
    _crew_phrase_mentions,
    _dash_heading_mentions,
    _episode_table_mentions,
    _pair_mentions,
    _pair_order,
    _plays_mentions,
    _reference_mentions,
)
from diplomat_tui.article.names import (
    _FULL_NAME,
    _OFFICE,
    _Mention,
    _People,
    _short_form,
)
from diplomat_tui.article.patterns import (
    _Refs,
    _trim,
)
from diplomat_tui.article.text import _Sentence
from diplomat_tui.merge import union
from diplomat_tui.model import Billing, CastCredit, CrewCredit, Person


def _mentions(
    sentences: list[_Sentence],
    known_people: Iterable[str] = (),
    known_characters: Iterable[str] = (),
    show: str = "",
    known_crew: Iterable[str] = (),
    known_cast: Iterable[str] = (),
    around: list[_Sentence] | None = None,
    network: str | None = None,
) -> list[_Mention]:
    """Every credit mention, names resolved to full names, in article order.

    ``known_people`` and ``known_characters`` are what the store already holds: a
    surname resolves to a full name the store knows, and a character is never a person.
    ``around`` are the sentences of the sections the show's ``sentences`` are in, those
    about other titles too, whole: what else someone credited was in is read there as
    well ("She appeared in the CBS sitcom Dry Creek" is about another title, and is a
    credit; so is "the pair spent years together on Dry Creek, where ...").
    """
    mentions = [
        mention
        for sentence in sentences
        for rule in (
            partial(_list_mentions, show=show),
            partial(_plays_mentions, show=show),
            partial(_pair_mentions, show=show),
            _crew_phrase_mentions,
        )
        for mention in rule(sentence)
        if mention.position < _asked_from(sentence.text)  # a question states nothing
    ]
    mentions += _cast_block_mentions(sentences)
    mentions += _episode_table_mentions(sentences)
    # "A is as good as B": a person named where a character should be is no character
    # (not one only said to be a one-word role: "Grace Penn is now the President")
    actors = {m.name for m in mentions if not m.short} | set(known_people)
    mentions = [m for m in mentions if not (m.character and m.character in actors)]
    known_characters = tuple(known_characters)
    full = [*known_characters, *(m.character for m in mentions if m.character and not m.short)]
    mentions = [m for m in mentions if not m.short or _short_form(m.character or "", full)]
    known_people = tuple(known_people)
    # names that may be people's; none with a word of the show's title ("The Show Network",
    # a photo credit run into the title, is nobody whose surname "Network" could be)
    title_words = set(show.split()) - {"The", "A", "An"}
    names = (_trim(m.group()) for s in sentences for m in _FULL_NAME.finditer(s.text))
    candidates = [found for found in names if not title_words & set(found.split())]

    def people() -> _People:
        characters = [*known_characters, *(m.character for m in mentions if m.character)]
        return _People([*known_people, *(m.name for m in mentions)], characters, candidates)

    first = people()
    article_order = _pair_order(sentences, first)
    # a block's own order first: a press kit's cast list writes "Actor (Character)"
    # while its synopsis writes "Character (Actor)"
    blocks = _pair_blocks(sentences)
    orders = {key: _pair_order(block, first) for key, block in blocks.items()}
    for key, block in blocks.items():
        if orders[key] is None and _CAST_HEADING.match(block[0].text.strip()):
            orders[key] = True  # under "Cast:", one "Actor (Character)" a line
    block_of = {s.index: key for key, block in blocks.items() for s in block}

    def order(sentence: _Sentence) -> bool | None:
        own = orders.get(block_of[sentence.index])
        return article_order if own is None else own

    article = "\n".join(s.text for s in sentences)
    referenced = [m for s in sentences for m in _reference_mentions(s, first, order(s), article)]
    mentions += referenced
    mentions += _dash_heading_mentions(sentences, first)
    # again with the people those credited: "Lee (Dry Creek)" or "Ivy Cole (Lee)" after
    # "Ann Lee (Ivy Cole)" (else a second ingest of the same article, with Ann Lee in the
    # store, reads more)
    again = people()
    mentions += [
        m
        for s in sentences
        for m in _reference_mentions(s, again, order(s), article)
        if (m.known_for or m.character) and m not in referenced
    ]
    second = people()
    around = around or sentences
    context = _Context(around, second, show, network)
    scoped = {sentence.index for sentence in sentences}
    mentions += [
        m
        for sentence in around
        for m in _known_for_mentions(sentence, context)
        if sentence.index in scoped or second.credited(m.name)
    ]
    mentions += [m for sentence in sentences for m in _pronoun_role_mentions(sentence, context)]
    mentions += [m for s in sentences for m in _epithet_subject_mentions(s, context)]
    mentions += [m for s in sentences for m in _entry_epithet_mentions(s, context)]
    mentions += [m for s in sentences for m in _as_character_mentions(s, context)]
    mentions += [m for s in around for m in _in_title_mentions(s, context)]
    final = people()
    longer = _longer_names([*known_people, *(m.name for m in mentions)])
    headed = _headed_by_names(around, final)
    resolved = [
        replace(m, name=longer.get(name, name))
        for m in mentions
        if (name := headed.get((m.sentence, m.name)) or final.resolve(m.name))
        and not final.is_character(name)
        and not (show and (show in name or name in show))
        and not _OFFICE.match(name)  # "Prime Minister Ann Lee" is a character
    ]
    # "Maren Holt's Ivy Cole" is the creator's character, not her role: a possessive
    # pair counts only for someone not known as crew alone.
    crew = {m.name for m in resolved if m.role} | set(known_crew)
    cast = {m.name for m in resolved if m.in_cast and not m.possessive} | set(known_cast)
    resolved = [m for m in resolved if not (m.possessive and m.name in crew - cast)]
    return sorted(resolved, key=lambda m: (m.sentence, m.position))


def _headed_by_names(sentences: list[_Sentence], people: _People) -> dict[tuple[int, str], str]:
    """(sentence, surname) -> full name, in sections headed by a person's full name (a
    cast guide's "Tom Rye" over "Rye, who plays ..."): there the surname is the
    heading's person, though someone else in the text shares it ("married to Bo Rye")."""
    heads: dict[int, str] = {}
    for sentence in sentences:
        name = sentence.text.strip()
        if sentence.heading and _FULL_NAME.fullmatch(name) and " " in name:
            if not people.is_character(name):
                heads[sentence.section] = name
    found: dict[tuple[int, str], str] = {}
    for sentence in sentences:
        head = heads.get(sentence.section)
        if head is None or sentence.heading:
            continue
        surname = head.rsplit(" ", 1)[1]
        if re.search(rf"(?<![\w’'-]){re.escape(surname)}(?![\w’'-])", sentence.text):
            found[(sentence.index, surname)] = head
    return found


def _longer_names(names: Iterable[str]) -> dict[str, str]:
    """A compound surname said alone for the one longer name credited that it ends:
    "Bonham Carter directed" for the "Ada Bonham Carter" credited before ("Carter"
    alone is a surname the people rules resolve)."""
    full = {name for name in names if " " in name}
    ends: dict[str, list[str]] = {}
    for name in full:
        words = name.split(" ")
        if len(words) >= 3:
            ends.setdefault(" ".join(words[-2:]), []).append(name)
    return {end: found[0] for end, found in ends.items() if len(found) == 1 and end in full}


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


def _pair_blocks(sentences: list[_Sentence]) -> dict[int, list[_Sentence]]:
    """The sentences by block: a paragraph, or a run of short lines one under the other
    (a cast list's "Actor (Character)" lines, each read as a heading of its own)."""
    blocks: dict[int, list[_Sentence]] = {}
    key, previous = -1, None
    for sentence in sentences:
        run = (
            previous is not None
            and sentence.heading
            and previous.heading
            and sentence.paragraph == previous.paragraph + 1
        )
        if not run and (previous is None or sentence.paragraph != previous.paragraph):
            key = sentence.paragraph
        blocks.setdefault(key, []).append(sentence)
        previous = sentence
    return blocks


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
