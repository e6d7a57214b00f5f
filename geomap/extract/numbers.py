"""Numbers of dead and injured in a sentence, including number words.

A bound counts as its number ("more than 70" 70, "at least 12" 12). Vague
quantities ("dozens", "scores", "hundreds") are no toll: the gold leaves the
figure empty when the text gives no integer (``GOLD_FORMAT.md``: "integers
as reported"), and a precise count told elsewhere in the article then
stands alone. :func:`parse_number` still reads them as the low end of what
they can mean ("dozens" 24), for counts that are not tolls.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

from .scanned import ScannedSentence
from .stems import SENTENCE_STEMS, StemFilter, trie_regex
from .wordscan import LoweredPattern, finditer_bounded, lowered_ok, lowered_pattern

_UNITS = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "half a dozen": 6,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a pair of": 2,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens": 20}
_SCALE = {"hundred": 100, "thousand": 1000}

# Tries, not flat alternations: the NUMBER patterns are tried at every
# position of a sentence, and a flat list of forty words made them slow.
_WORD = trie_regex(list(_UNITS) + list(_TENS) + list(_VAGUE))
_QUALIFIER = (
    r"(?:more\s+than|over|at\s+least|nearly|almost|about|around|some|up\s+to|"
    r"as\s+many\s+as|roughly|approximately|an\s+estimated|no\s+fewer\s+than)"
)
NUMBER = (
    r"(?:" + _QUALIFIER + r"\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+|(?:" + _WORD + r")"
    r"(?:[- ](?:" + trie_regex(_UNITS) + r"))?(?:\s+(?:hundred|thousand))?)(?![\w-])"
)

_DEATH = (
    r"(?:killed|dead|died|slain|martyred|shot\s+dead|embraced\s+martyrdom|lost\s+their\s+lives|"
    # "two of them blew themselves up": attackers who died by their own bombs
    r"perished|lost\s+his\s+life|lost\s+her\s+life|blew\s+themselves\s+up|"
    # "two of the injured later succumbed to their wounds"
    r"succumbed(?:\s+to\s+(?:their|his|her)\s+(?:wounds|injuries))?)"
)
_HURT = r"(?:wounded|injured|hurt)"
_BE = r"(?:(?:were|was|had\s+been|have\s+been|has\s+been|are|is|being|got)\s+)?"
#: The victims' words hold no other count ("a district official said nine
#: people were killed" is nine, not "a ... were killed").
_NOUNS = (
    r"(?:\s+(?!(?:and|while|but|with|in|on|at|by|after|before|when|\d+|"
    + trie_regex([w for w in list(_UNITS) + list(_TENS) + list(_VAGUE) if w not in ("a", "an", "one")])
    # "nine U.S. soldiers": an abbreviation with its dots is one word
    + r")\b)(?:[a-z](?:\.[a-z])+\.?|[\w'’-]+)){0,7}?"
)

#: "Seven soldiers, two of them officers, were killed", "25 people,
#: including several children from nearby houses, were injured": an aside
#: between the victims and the verb.
_ASIDE = r"(?:,\s+[^,.;]{1,60},)?"
#: The nouns of a group of victims before "and" ("Four soldiers and ..."):
#: no verb of their own ("15 killed and 80 hurt" are two tolls).
_GROUP = r"(?:\s+(?!(?:killed|dead|died|martyred|slain|wounded|injured|hurt|were|was|said|says|told)\b)[\w'’-]+){1,3}"


def _and_group(verb: str) -> re.Pattern:
    """The first of two groups of victims told with one ``verb``."""
    return re.compile(
        r"\b"
        + NUMBER
        + _GROUP
        + r"\s+and\s+(?="
        + NUMBER.replace("?P<n>", "?:")
        + _NOUNS
        + r"\s+"
        + _BE
        + verb
        + r"\b)",
        re.I,
    )


#: "a motorbike shot dead three guards": a verb with a count after it is
#: active, and the words before it are no victims.
_COUNT_AFTER = (
    r"(?!\s+(?:at\s+least\s+)?(?:\d|(?:"
    + trie_regex([w for w in list(_UNITS) + list(_TENS) if w not in ("a", "an", "one")])
    + r")\b))"
)

_KILLED = [
    re.compile(r"\b" + NUMBER + _NOUNS + _ASIDE + r"\s+" + _BE + _DEATH + r"\b" + _COUNT_AFTER, re.I),
    re.compile(
        # "gunmen shot dead two policemen", "gunned down three guards"
        # "martyring one soldier": Pakistani reports' word for killing their own
        r"\b(?:killed|killing|kills|martyring|claimed\s+the\s+lives\s+of|(?:shot|shooting)\s+dead|"
        r"(?:gunned|gunning)\s+down)\s+(?:all\s+|between\s+)?" + NUMBER + r"(?=" + _NOUNS + r"(?:\s+dead)?)",
        re.I,
    ),
    re.compile(r"\b(?:deaths?|lives)\s+of\s+" + NUMBER, re.I),
    re.compile(r"\b" + NUMBER + r"\s+(?:of\s+)?(?:fatalities|deaths|dead|casualties|people\s+dead)\b", re.I),
    # "leaving 11 dead" is a toll, "left 11 hurt" is not a death toll
    re.compile(r"\b(?:leaving|left)\s+" + NUMBER + r"(?=" + _NOUNS + r"\s+dead\b)", re.I),
    # "six bodies had been brought in", "rescuers recovered 12 bodies"
    re.compile(
        r"\b" + NUMBER + r"(?:\s+[\w-]+){0,2}?\s+bodies\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:been\s+)?"
        r"(?:brought|recovered|retrieved|found|pulled|received|taken|shifted|moved|carried)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:recovered|retrieved|found|pulled\s+out|received)\s+(?:the\s+)?"
        + NUMBER
        + r"(?:\s+[\w-]+){0,2}?\s+bodies\b",
        re.I,
    ),
    # "Four soldiers and twelve militants were killed": the first group too
    _and_group(_DEATH),
]
#: "four of the wounded later died": dead told among the hurt, not a count
#: of the hurt.
_HURT_WHO_DIED = (
    r"(?!\s+of\s+(?:the|those)\s+(?:wounded|injured|hurt)\b"
    r"(?:[\s,]+[\w-]+){0,8}?[\s,]+(?:died|succumbed|passed\s+away)\b)"
)

#: Hurt told as a wound suffered ("sustained injuries", "suffered burns").
_SUFFERED = (
    r"(?:have\s+|had\s+|also\s+)?(?:sustained|suffered|received)\s+(?:[\w-]+\s+){0,2}?(?:injuries|wounds|burns|"
    # one hurt: "an official sustained an injury in the leg", "a bullet wound"
    r"(?<=\san\s)injury|(?<=\sa\s)wound|(?<=\sbullet\s)wound|(?<=\sgunshot\s)wound)"
)

_INJURED = [
    re.compile(r"\b" + NUMBER + _HURT_WHO_DIED + _NOUNS + _ASIDE + r"\s+" + _BE + _HURT + r"\b", re.I),
    re.compile(r"\b(?:wounding|injuring|wounded|injured|hurting|hurt)\s+" + NUMBER, re.I),
    re.compile(r"\b" + NUMBER + r"\s+(?:of\s+)?(?:injuries|injured|wounded)\b", re.I),
    # "two FC soldiers and a labourer were hurt": the first group too
    _and_group(_HURT),
    # "hospitals said 40 people were being treated for wounds": the hurt,
    # as hospitals count them
    re.compile(
        # (not "20 were hurt, 12 of whom were treated ...": some of them)
        r"\b"
        + NUMBER
        + r"(?!\s+of\s+(?:whom|them|those)\b)"
        + _NOUNS
        + r"\s+"
        + _BE
        + r"(?:being\s+)?treated\s+for\s+(?:their\s+)?(?:wounds|injuries)\b",
        re.I,
    ),
    # "two civilians sustained injuries", "three guards suffered burns",
    # "12 others received bullet wounds": the hurt told with a noun
    re.compile(r"\b" + NUMBER + _NOUNS + _ASIDE + r"\s+" + _SUFFERED, re.I),
    # "a driver and a cleaner suffered burns": the first group too
    _and_group(_SUFFERED),
]
#: "one guard was killed and another wounded": one more hurt.
_ANOTHER_HURT = re.compile(r"\b(?:killed|martyred|dead|died)\s+and\s+another(?:\s+[\w-]+)?\s+(?:was\s+)?" + _HURT, re.I)
#: "was killed", "died": the words before really are the victims.
_PASSIVE = re.compile(
    r"\b(?:was|were|been|is|are|being|got)\s+(?:(?:also|later|reportedly)\s+)?\w+$|"
    r"\b(?:dead|died|perished|martyrdom|lives|life|slain)$",
    re.I,
)
#: Words one of which each pattern above needs (see :mod:`geomap.extract.stems`).
_KILLED_STEMS = StemFilter(
    [
        ("killed", "dead", "died", "slain", "martyr", "lives", "perish", "life", "blew", "succumb"),
        ("kill", "claimed", "dead", "gunn", "martyring"),
        ("death", "lives"),
        ("fatalit", "death", "dead", "casualt"),
        ("dead",),
        ("bodies",),
        ("bodies",),
        ("killed", "dead", "died", "slain", "martyr", "lives", "perish", "life", "blew", "succumb"),
    ],
    SENTENCE_STEMS,
)
_INJURED_STEMS = StemFilter(
    [
        ("wounded", "injured", "hurt"),
        ("wound", "injur", "hurt"),
        ("injuries", "injured", "wounded"),
        ("wounded", "injured", "hurt"),
        ("wounds", "injuries"),
        ("sustained", "suffered", "received"),
        ("sustained", "suffered", "received"),
    ],
    SENTENCE_STEMS,
)
#: "without causing any casualties", "without causing harm", "without harm":
#: shells or fire that hurt no one (none killed, none hurt).
_WITHOUT_HARM = r"without\s+(?:causing\s+)?(?:any\s+)?(?:casualties|harm|injur(?:y|ies))"
#: "no casualties", "nobody was hurt": searched on the lower-cased sentence
#: (see :class:`~geomap.extract.wordscan.LoweredPattern`).
_NONE_KILLED = LoweredPattern(
    re.compile(
        # ("no human casualties": nobody; not "no civilian casualties", which leaves the troops)
        r"\b(?:no\s+(?:(?:human\s+)?casualties|deaths|fatalities|injuries|one\s+was\s+(?:killed|hurt|injured|harmed)|"
        r"loss\s+of\s+life|reports?\s+of\s+(?:casualties|injuries))|" + _WITHOUT_HARM + "|"
        r"nobody\s+was\s+(?:killed|hurt|injured|harmed)|"
        r"none\s+(?:was|were)\s+killed)\b",
        re.I,
    )
)
_NONE_HURT = LoweredPattern(
    re.compile(
        r"\b(?:no\s+(?:(?:human\s+)?casualties|injuries|one\s+was\s+(?:hurt|injured|harmed)|"
        r"reports?\s+of\s+(?:casualties|injuries))|" + _WITHOUT_HARM + r"|nobody\s+was\s+(?:hurt|injured|harmed)|"
        r"none\s+(?:was|were)\s+(?:hurt|injured|wounded))\b",
        re.I,
    )
)
#: "the toll on the motorway rose to 300 rupees": a charge or a cost, not the dead.
_NOT_MONEY = r"(?!\s*(?:(?:rupees|dollars|afghanis|per\s*cent|percent|million|billion|lakh|crore)\b|%))"
#: "the death toll rose to 93": the latest total replaces the counts of the sentence.
_TOLL_ROSE = re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:people\s+|those\s+|persons\s+)?(?:killed|dead))"
    r"(?:\s+[\w'’-]+,?){0,20}?\s+(?:has\s+|had\s+)?(?:rose|risen|climbed|increased|jumped|reached|"
    r"went\s+up|stood|stands)\s+(?:to\s+|at\s+)?" + NUMBER + _NOT_MONEY + "|"
    # "officials put the death toll at 88 on Sunday, up from 72"
    r"\b(?:put|puts|putting|placed|places|gave|give|gives|raised)\s+(?:the|a|its|their)\s+"
    r"(?:(?:final|new|latest|official|revised|death)\s+)*toll\s+(?:at|to|of)\s+"
    + NUMBER.replace("?P<n>", "?P<n2>")
    # "raising to two the number of people killed", "raising the death toll to 12"
    + r"|\brais(?:ing|ed|es)\s+(?:the\s+(?:death\s+)?toll\s+)?to\s+"
    + NUMBER.replace("?P<n>", "?P<n3>")
    + r"(?=\s+the\s+(?:death\s+toll|number\s+of\s+(?:people\s+|those\s+)?(?:killed|dead))|\b)",
    re.I,
)
#: "the number of wounded had risen to 92", "the number of people injured
#: rose to 30": the latest count of the hurt replaces those of the sentence.
_HURT_ROSE = re.compile(
    r"\b(?:number\s+of\s+(?:the\s+)?(?:people\s+|those\s+|persons\s+)?(?:wounded|injured|hurt)|"
    r"(?:injury|injuries)\s+toll)"
    r"(?:\s+[\w'’-]+,?){0,8}?\s+(?:has\s+|had\s+)?(?:rose|risen|climbed|increased|jumped|reached|"
    r"went\s+up|gone\s+up|stood|stands)\s+(?:to\s+|at\s+)?" + NUMBER,
    re.I,
)
#: A number with an attacker noun close after it ("wounding eleven people
#: before the attackers were killed") is no sure toll and is dropped when
#: victims are counted too ...
_ATTACKERS = re.compile(r"\b(?:attackers?|assailants?|infiltrators?|khawarij|kharijis?|bombers?|gunmen)\b", re.I)
#: ... but attackers counted as such ("all six attackers died", "three
#: attackers were killed") are part of the toll: the gold counts everyone
#: the incident killed, like the losses of both forces in a clash.
_COUNTED_ATTACKERS = re.compile(
    r"\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?(?:attackers?|assailants?|infiltrators?|bombers?|gunmen)\b", re.I
)
#: "killing at least eight of the militants": a count of the attacking side.
_ATTACKER_COUNT = re.compile(
    NUMBER + r"(?:\s+of\s+the)?(?:\s+[\w-]+)?\s+(?:attackers?|assailants?|infiltrators?|bombers?|gunmen|"
    r"militants?|terrorists?|insurgents?|khawarij|kharijis?)\b",
    re.I,
)
#: "two of them blew themselves up": attackers, whoever "them" are.
_BLEW_COUNT = re.compile(NUMBER + r"(?:\s+of\s+them|\s+[\w-]+)?\s+blew\s+themselves\s+up\b", re.I)
#: "... and the third was shot dead": one more of the group counted before.
_ONE_MORE_KILLED = re.compile(
    r"\band\s+(?:the|a)\s+(?:other|third|fourth|fifth|last|remaining)(?:\s+(?:one|attacker|bomber|gunman|militant))?"
    r"\s+(?:was|had\s+been)\s+(?:also\s+|later\s+)?(?:shot\s+dead|killed|gunned\s+down)\b",
    re.I,
)
#: Lower-case stems one of which every match of :data:`_ATTACKER_COUNT` holds.
_ATTACKER_WORDS = (
    "blew",
    "attacker",
    "assailant",
    "infiltrator",
    "bomber",
    "gunmen",
    "militant",
    "terrorist",
    "insurgent",
    "khawarij",
    "khariji",
)
#: "on January 30 killed 101": a day number after its month is no toll.
_MONTH_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$"
)
#: "killing nine children and a woman": one victim more after the count.
_AND_ONE = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+and\s+(?:a|an|one)\s+(?:[\w-]+\s+)?(?:woman|man|child|boy|girl|soldier|officer|"
    r"policeman|policewoman|civilian|guard|teacher|student|worker|doctor|journalist|passer-by|"
    r"bystander|militant|attacker)\b",
    re.I,
)
#: "killing a man, his wife and two of their children": one victim told
#: with the kin killed with him, each "his wife" one more and "two of their
#: children", "her two sons" that many.
_ONE_PERSON = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:man|woman|boy|girl|farmer|shepherd|driver|labourer|villager|elder|trader|"
    r"father|mother|teacher|shopkeeper)\b",
    re.I,
)
_KIN = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?P<n>\d{1,2}|" + _WORD + r")\s+of\s+)?(?:his|her|their)\s+"
    r"(?:(?P<m>\d{1,2}|" + _WORD + r")\s+)?(?:wife|wives|husband|sons?|daughters?|mother|father|brothers?|"
    r"sisters?|child|children|nephews?|nieces?|grand(?:son|daughter|child)(?:ren|s)?|cousins?|parents)\b",
    re.I,
)


def _kin_killed(sentence: str, pos: int) -> int:
    """How many kin are told after one victim named at ``pos`` ("a man, his
    wife and two of their children": three); 0 when none."""
    m = _ONE_PERSON.match(sentence, pos)
    if m is None:
        return 0
    added, at = 0, m.end()
    while (k := _KIN.match(sentence, at)) is not None:
        told = k.group("n") or k.group("m")
        if told is None and k.group(0).lower().endswith("children"):
            return 0  # "and his children": more than one, but no figure
        count = parse_number(told) if told else 1
        if count is None or count > 20:
            return 0
        added, at = added + count, k.end()
    return added


#: "killing a woman and nine children": one victim named first, then a
#: count of others (as "nine children and a woman" is ten).
_ONE_AND_COUNT = re.compile(
    r"(?:\s+[\w-]+)?\s+(?:woman|man|child|boy|girl|soldier|officer|policeman|policewoman|civilian|guard|"
    r"teacher|student|worker|doctor|journalist|farmer|shepherd|driver|labourer|villager|elder|trader)"
    r"\s+and\s+(?P<n>\d{1,3}|" + _WORD + r")\s+(?:[\w-]+\s+)?(?:children|women|men|boys|girls|soldiers|officers|"
    r"policemen|civilians|guards|students|workers|villagers|passers-by|bystanders|others|people|relatives)\b"
    # (not the subject of a passive, "a woman and three children were hurt": that count is read on its own)
    r"(?!\s+(?:were|was|are|is|had|have|has)\b)",
    re.I,
)


def _count_after_one(sentence: str, pos: int) -> int:
    """How many victims are counted after one named at ``pos`` ("a woman
    and nine children": nine); 0 when none, or a vague count ("dozens")."""
    m = _ONE_AND_COUNT.match(sentence, pos)
    if m is None or m.group("n").lower() in _VAGUE:
        return 0
    return parse_number(m.group("n")) or 0


#: "Fazlullah and four of his commanders were killed": a named victim
#: (a capitalised name, not the sentence's first word) and a count of his
#: men or of others.
_NAMED_AND = re.compile(r"(?<=[\w,] )[A-Z][\w'’-]+\s+and\s+(?:at\s+least\s+|some\s+|about\s+)?$")
_HIS = re.compile(r"\s+(?:of\s+(?:his|her|their)\b|others?\b)")
#: "killing the party's candidate and at least 20 others": one named victim and a count.
_AND_OTHERS = re.compile(
    r"\b(?:killing|killed)\s+(?!\d)[^,.;]{1,60}?\s+and\s+(?:at\s+least\s+|some\s+|about\s+)?"
    r"(?P<n>\d+|" + _WORD + r")\s+others\b",
    re.I,
)
#: "a drone strike killed al Qaeda leader Ayman al-Zawahiri", "killed the
#: leader of the Afghan Taliban, Mullah Mansour", "Fazlullah, the chief of
#: the TTP, was killed": one named leader killed is a toll of one (words
#: between are titles and names, no count and no other verb; "killed the
#: leader of the group, and ..." names no one and counts no one).
_LEADER = r"(?:leader|chief|commander|founder|emir|head)"
_KILLED_LEADER = re.compile(
    r"\b(?:killed|killing|kills)\s+(?:(?:the|a|an|its|their|his|top|senior|deputy|former|al|[A-Z][\w.-]*|"
    r"[\w-]+['’]s)\s+){0,5}"
    + _LEADER
    # the leader's name follows, or his group's and then his name
    + r"(?=,?\s+[A-Z]|\s+of\s+[^,.;]{1,60},\s+[A-Z])|"
    r"\b[A-Z][\w'’-]+,\s+(?:the|a|its)\s+(?:[\w'’-]+\s+){0,2}?"
    + _LEADER
    + r"\s+of\s+[^,.;]{1,60},\s+(?:was|had\s+been|has\s+been)\s+killed\b"
)
_LEADER_WORDS = ("leader", "chief", "commander", "founder", "emir", "head")

#: "a large number of militants", "a handful of guards", "a few
#: policemen": the article of a vague quantity, no count of one.
_A_VAGUE = re.compile(
    r"\s+(?:(?:large|small|great|huge|significant|big|considerable|unknown|growing|number)\s+)?"
    r"(?:number|few|handful|lot|host|series|score)\b(?!\s+of\s+(?:two|three|four|five|\d))",
    re.I,
)
#: "A clash left a number of civilians dead": the subject's article, and
#: no count of the dead.
_LEFT_INSIDE = re.compile(r"\s(?:left|leaving)\s", re.I)
#: "between 10 and 12 people", "five or six soldiers", "10 to 12 killed":
#: the lower end of a range told before its upper end (the upper is what the
#: patterns read), kept as the figure reported with certainty.
_RANGE_BEFORE = re.compile(r"(?:\bbetween\s+)?\b(?P<n>\d+|" + _WORD + r")\s*(?:and|to|or|-|–)\s*$", re.I)

#: "two of them": a part of a group counted before in the sentence.
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b", re.I)
#: "no one was killed", "not a single soldier was hurt": a number that is negated.
_NEGATED = re.compile(r"\b(?:no|not|not\s+a|not\s+even\s+one)\s*$", re.I)


#: Cheap first test: a sentence without any of the words of group 0 reports
#: no toll (one Aho-Corasick pass; a regex alternation without a literal
#: prefix tried every position and cost more than the rest on most
#: sentences). Groups 1 and 2: words every match of :data:`_NONE_KILLED`
#: and :data:`_NONE_HURT` holds; group 3, of :data:`_ATTACKERS`.
_ANY_TOLL = StemFilter(
    [
        (
            "kill",
            "dead",
            "die",
            "slain",
            "martyr",
            "lives",
            "perish",
            "life",
            "wound",
            "injur",
            "hurt",
            "fatalit",
            "death",
            "casualt",
            "bodies",
            "gunn",
            "blew",
            "succumb",
            "harm",
            # "The toll rose to seven": a risen toll (:data:`_TOLL_ROSE`)
            "toll",
            # "two guards suffered burns"
            "burns",
        ),
        ("casualt", "death", "fatalit", "kill", "hurt", "injur", "loss", "harm"),
        ("casualt", "injur", "hurt", "harm"),
        # the nouns of _ATTACKERS
        ("attacker", "assailant", "infiltrator", "khawarij", "khariji", "bomber", "gunmen"),
    ],
    SENTENCE_STEMS,
)


@dataclass(frozen=True)
class Casualties:
    """Dead and injured reported in one sentence (``None`` when not given)."""

    fatalities: int | None = None
    injuries: int | None = None
    vague: bool = False


def parse_number(text: str) -> int | None:
    """Value of a number written in digits or words; ``None`` if it is not one.

    >>> parse_number("6,000"), parse_number("two"), parse_number("twenty-three"), parse_number("dozens")
    (6000, 2, 23, 24)
    """
    t = re.sub(r"\s+", " ", str(text).strip().lower())
    if not t:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){1,3}|\d{1,9}", t):
        return int(t.replace(",", ""))
    scale = 1
    for word, mult in _SCALE.items():
        if t.endswith(" " + word):
            t, scale = t[: -len(word) - 1], mult
            break
    if t in _UNITS:
        return _UNITS[t] * scale
    if t in _VAGUE:
        return _VAGUE[t] * scale
    m = re.fullmatch(r"(\w+)(?:[- ](\w+))?", t)
    if m and m.group(1) in _TENS:
        unit = _UNITS.get(m.group(2), None) if m.group(2) else 0
        if unit is not None and unit < 10:
            return (_TENS[m.group(1)] + unit) * scale
    return None


#: The same few number strings ("two", "12", "dozens") recur in every
#: article: parse each once.
_parse_cached = functools.lru_cache(maxsize=4096)(parse_number)

#: The first word of every way :data:`NUMBER` can begin (a qualifier or a
#: number word), lower case; a number in digits begins with a digit.
_NUMBER_FIRST_WORDS = frozenset(
    w.split()[0] for w in [*_UNITS, *_TENS, *_VAGUE] + re.sub(r"\\s\+", " ", _QUALIFIER[3:-1]).split("|")
)
#: The patterns of :data:`_KILLED` and :data:`_INJURED` that begin with a number.
_NUMBER_LED = frozenset(p for p in (*_KILLED, *_INJURED) if p.pattern.startswith(r"\b" + NUMBER))
#: The ``id`` of each pattern of :data:`_NUMBER_LED`: a pattern's own hash
#: reads its whole compiled code, on every lookup.
_NUMBER_LED_IDS = frozenset(id(p) for p in _NUMBER_LED)


def _twin(pattern: re.Pattern) -> re.Pattern | None:
    """:func:`~geomap.extract.wordscan.lowered_pattern`, or None for a pattern
    that has no lower-case twin (it reads case, or opens without ``\\b``)."""
    try:
        return lowered_pattern(pattern)
    except ValueError:
        return None


#: The other patterns of :data:`_KILLED` and :data:`_INJURED` by ``id``: their
#: lower-case twins (:mod:`geomap.extract.wordscan`), run on the lower-cased
#: sentence where ``re`` skips ahead to their first letters (those without a
#: twin run as written).
_LOWERED_TWINS = {id(p): twin for p in (*_KILLED, *_INJURED) if p not in _NUMBER_LED and (twin := _twin(p))}
#: The lower-case twins of the patterns of :data:`_NUMBER_LED` by ``id``,
#: matched on the lower-cased sentence at the starts of
#: :func:`_number_starts`: a case-sensitive pattern rejects most
#: alternatives of NUMBER's word lists on their first letter, a
#: case-insensitive one tries each.
_NUMBER_LED_TWINS = {id(p): twin for p in _NUMBER_LED if (twin := _twin(p))}
#: The starts of the runs of word characters (``\w+``) that begin with a
#: digit or are a whole word of :data:`_NUMBER_FIRST_WORDS`: where a pattern
#: that starts with ``\b`` + NUMBER can start. One scan in ``re``, not a
#: Python loop over every word of the sentence.
_NUMBER_START = re.compile(r"\b(?:\d|(?:" + trie_regex(sorted(_NUMBER_FIRST_WORDS)) + r")\b)")


def _number_starts(sentence: str, low: str) -> list[int] | None:
    """Where a match of a pattern led by ``\\b`` + :data:`NUMBER` may start
    in ``sentence``, or None when that cannot be told from ``low``.

    Such a match starts at a word boundary with a digit or with a whole
    word of :data:`_NUMBER_FIRST_WORDS` (every way NUMBER begins ends its
    first word with a space, a hyphen or a non-word character). ``re``
    cannot skip ahead on these patterns and tries NUMBER's alternatives at
    every word of the sentence; one scan for word starts here, and the
    pattern matched only at the few that can begin a number, finds the same
    matches (:func:`_finditer_from`).
    """
    if not lowered_ok(sentence, low):
        return None
    return [m.start() for m in _NUMBER_START.finditer(low)]


def _finditer_from(pattern: re.Pattern, sentence: str, starts: list[int]) -> Iterator[re.Match]:
    """``pattern.finditer(sentence)`` for a pattern whose every match starts
    at one of ``starts`` (sorted): the pattern is only tried there."""
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(sentence, start)
        if m is not None:
            yield m
            pos = m.end()


def _total(
    patterns: list[re.Pattern],
    sentence: str,
    low: str,
    stems: StemFilter,
    scan: dict[int, set[int]] | None,
    starts: list[int] | None = None,
    attackers_named: bool = True,
) -> tuple[int | None, bool]:
    # ``low``: ``sentence.lower()``; ``starts``: :func:`_number_starts` of the
    # sentence (None: lower-casing differs, each pattern runs as written).
    spans: dict[tuple[int, int], int] = {}
    blocked: set[tuple[int, int]] = set()
    attackers: set[tuple[int, int]] = set()
    vague = False
    present = stems.present(low, scan)
    for i, pattern in enumerate(patterns):
        if i not in present:
            continue
        if starts is None:  # lower-casing moved or folded letters: the patterns as written
            found = pattern.finditer(sentence)
        elif id(pattern) in _NUMBER_LED_TWINS:  # (group texts come lower-cased, as for the twins below)
            found = _finditer_from(_NUMBER_LED_TWINS[id(pattern)], low, starts)
        elif id(pattern) in _NUMBER_LED_IDS:
            found = _finditer_from(pattern, sentence, starts)
        elif id(pattern) in _LOWERED_TWINS:  # group texts come lower-cased: every use below ignores case
            found = finditer_bounded(_LOWERED_TWINS[id(pattern)], low)
        else:
            found = pattern.finditer(sentence)
        for m in found:
            value = _parse_cached(m.group("n"))
            if value is None:
                continue
            if "no" in sentence[max(0, m.start() - 20) : m.start()].lower() and _NEGATED.search(
                sentence, max(0, m.start() - 20), m.start()
            ):
                continue  # (every match of _NEGATED holds a "no")
            if m.group("n").lower() in ("a", "an") and i == 0 and not _PASSIVE.search(m.group(0)):
                continue  # "A drone strike killed six": the article, not one victim
            if m.group("n").lower() in ("a", "an") and i == 0 and _LEFT_INSIDE.search(m.group(0)):
                continue  # "A clash left ... dead": the subject's article
            if m.group("n").lower() in ("a", "an") and _A_VAGUE.match(sentence, m.end("n")):
                vague = True  # "a large number of militants were killed": no figure
                blocked.add(m.span("n"))
                continue
            # A year or a clock time is not a toll.
            if 1900 <= value <= 2100 and m.group("n").isdigit():
                continue
            span = m.span("n")
            if m.group("n").isdigit() and _MONTH_BEFORE.search(sentence, max(0, span[0] - 12), span[0]):
                continue  # "on January 30 killed 101": the day of a date
            value = _range_low(sentence, m, value)
            if i == 1 and _AND_ONE.match(sentence, m.end()):
                value += 1  # "killing nine children and a woman"
            if value == 1 and m.group("n").lower() in ("a", "an", "one"):
                # "a man, his wife and two of their children", "a woman and nine children"
                value += _kin_killed(sentence, m.end("n")) or _count_after_one(sentence, m.end("n"))
            if (
                i == 0
                and _NAMED_AND.search(sentence, max(0, m.start() - 40), m.start())
                and _HIS.match(sentence, m.end("n"))
            ):
                value += 1  # "Fazlullah and four of his commanders were killed": the named man too
            if any(s < span[1] and span[0] < e for s, e in (*spans, *blocked)):
                continue
            if spans and _OF_THEM.match(sentence, span[1]):
                continue  # "all three attackers were killed; two of them blew themselves up": a part
            if m.group("n").lower() in _VAGUE:
                # "dozens were killed": no integer as reported; the span is
                # kept out of other matches, the value out of the toll.
                vague = True
                blocked.add(span)
                continue
            spans[span] = value
            # The victims' nouns: in the match, or just after the number.
            # (a match that runs past its number holds its own nouns: "Seven
            # soldiers and" are not the attackers named after it)
            nouns_end = m.end() if m.end() > span[1] + 1 else span[1] + 30
            if (
                attackers_named
                and _ATTACKERS.search(sentence, span[1], nouns_end)
                and not _COUNTED_ATTACKERS.match(sentence, span[1])
            ):
                attackers.add(span)
    if not spans:
        return None, vague
    if attackers and len(attackers) < len(spans):
        return sum(v for k, v in spans.items() if k not in attackers), vague
    return sum(spans.values()), vague


def _range_low(sentence: str, m: re.Match, value: int) -> int:
    """The lower end of a range whose upper end ``m`` counts ("between ten
    and twelve people were killed" is 10); ``value`` when none."""
    start = m.start("n")
    low = _RANGE_BEFORE.search(sentence, max(0, start - 30), start)
    if low is None:
        return value
    first = _parse_cached(low.group("n"))
    if first is None or first >= value or first < 1:
        return value
    return first


#: One count of the dead and the hurt together: "20 travellers were killed
#: and wounded", "left 15 people dead or injured".
_JOINT = re.compile(
    r"\b" + NUMBER + _NOUNS + _ASIDE + r"\s+(?:" + _BE + r"(?:killed|dead)|dead)\s+(?:and|or)\s+" + _HURT + r"\b",
    re.I,
)
_JOINT_WORDS = re.compile(r"\b(?:killed|dead)\s+(?:and|or)\s+(?:wounded|injured|hurt)\b")


def find_casualties(sentence: str | ScannedSentence, scan: dict[int, set[int]] | None = None) -> Casualties:
    """Dead and injured in ``sentence``; several groups in one sentence are summed.

    Never raises for any input text.

    Parameters
    ----------
    sentence : str
    scan : dict, optional
        :meth:`~geomap.extract.stems.StemIndex.scan` of the lower-cased
        sentence by :data:`~geomap.extract.stems.SENTENCE_STEMS`, when the
        caller has it (saves this function's own pass).

    Examples
    --------
    >>> find_casualties("Two soldiers were killed and 29 wounded.")
    Casualties(fatalities=2, injuries=29, vague=False)
    """
    low = None
    if isinstance(sentence, ScannedSentence):  # the scan made once per sentence
        sentence, scan, low = sentence.text, sentence.scan, sentence.low
    if low is None:
        low = sentence.lower() if scan is None else ""
    words = _ANY_TOLL.present(low, scan)
    if 0 not in words:
        return Casualties()
    low = low or sentence.lower()
    joint = _JOINT.search(sentence) if ("and " in low or "or " in low) and _JOINT_WORDS.search(low) else None
    if joint is not None:
        # "20 travellers were killed and wounded": one count of both, no
        # figure of either (the gold leaves both empty); the rest is read
        n0, n1 = joint.span("n")
        rest = find_casualties(sentence[:n0] + " " * (n1 - n0) + sentence[n1:])
        return Casualties(rest.fatalities, rest.injuries, True)
    # Where a number can begin, for the patterns that begin with one (one scan for both totals).
    starts = _number_starts(sentence, low)
    # An attacker noun (told by the scan when lower-casing kept the letters):
    # the numbers before one may count attackers.
    named = starts is None or 3 in words
    killed, v1 = _total(_KILLED, sentence, low, _KILLED_STEMS, scan, starts, named)
    hurt, v2 = _total(_INJURED, sentence, low, _INJURED_STEMS, scan, starts, named)
    if "toll" in sentence or "number" in sentence:
        risen = _HURT_ROSE.search(sentence)
        value = _parse_cached(risen.group("n")) if risen else None
        if value is not None:
            hurt = value  # "the number of wounded had risen to 92": the latest count
        rose = _TOLL_ROSE.search(sentence)
        if rose is not None and risen is not None and risen.start() <= rose.start() < risen.end():
            rose = None  # "the injury toll reached 15" counts no dead
        value = _parse_cached(rose.group("n") or rose.group("n2") or rose.group("n3")) if rose else None
        if value is not None:
            killed = value
    if "others" in sentence:
        more = _AND_OTHERS.search(sentence)
        if more is not None and (killed is None or killed in (1, _parse_cached(more.group("n")))):
            # "killing the candidate and at least 20 others": the named victim too
            value = _parse_cached(more.group("n"))
            if value is not None:
                killed = value + 1
    if killed is None and any(w in sentence for w in _LEADER_WORDS) and _KILLED_LEADER.search(sentence):
        killed = 1  # "killed the leader of the Afghan Taliban, Mullah Mansour"
    if killed is None and "also" in sentence and _THE_ONE_ALSO.search(sentence):
        killed = 1  # "The bomber was also killed."
    if killed is None and _THE_ONE_KILLED.search(sentence):
        killed = 1  # "The child was killed when a rocket hit the house."
    if killed and "before" in sentence:
        end = _BEFORE_BEING_KILLED.search(sentence)
        first = _ATTACKER_COUNT.search(sentence, 0, end.start()) if end is not None else None
        n = _parse_cached(first.group("n") or "") if first is not None else None
        if n and first.start() < 40:
            killed += n  # the attackers the sentence opens with
    if killed and " the " in sentence and _ONE_MORE_KILLED.search(sentence):
        killed += 1  # "two of them blew themselves up and the third was shot dead"
    if hurt is None and killed and "another" in sentence and _ANOTHER_HURT.search(sentence):
        hurt = 1  # "a soldier was martyred and another injured"
    if killed is None and 1 in words and _NONE_KILLED.search(sentence, low=low):
        killed = 0
    if hurt is None and 2 in words and _NONE_HURT.search(sentence, low=low):
        hurt = 0
    return Casualties(killed, hurt, v1 or v2)


#: "The child was killed", "the driver died on the way to hospital": one
#: victim named by a singular noun with "the" (not "also": one more, read
#: by :data:`_THE_ONE_ALSO`).
_THE_ONE_KILLED = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:child|boy|girl|woman|man|driver|soldier|policeman|guard|officer|"
    r"civilian|shepherd|farmer|labourer|laborer|passenger|teacher|student|trader|journalist)\s+"
    r"(?:was\s+(?:killed|martyred|shot\s+dead)|died|had\s+been\s+killed)\b",
    re.I,
)
#: "A civilian woman was also killed", "the blast also killed two
#: passers-by": dead told as more than those counted before.
_ALSO_KILLED = re.compile(
    r"\balso\s+(?:killed|died|martyred|shot\s+dead|gunned\s+down|lost\s+(?:their|his|her)\s+li(?:ves|fe))\b|"
    # "Two more died later in hospital", "another three were killed"
    r"(?:\b(?:\d+|" + _WORD + r")\s+more|\banother\s+(?:\d+|" + _WORD + r"))(?:\s+[\w-]+)?\s+"
    r"(?:(?:later\s+)?(?:died|succumbed)|(?:were|had\s+been)\s+(?:later\s+)?(?:killed|martyred))\b",
    re.I,
)


#: "The bomber was also killed", "the driver was also killed": one more dead.
_THE_ONE_ALSO = re.compile(
    r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:bomber|attacker|assailant|gunman|driver|woman|man|child|boy|girl|"
    r"soldier|policeman|guard|militant)\s+(?:was|had\s+been)\s+also\s+(?:killed|shot\s+dead)\b"
)


#: "Four gunmen stormed the university, killing 21 people, before being
#: shot dead by troops": the attackers named first died too.
_BEFORE_BEING_KILLED = re.compile(
    r"\bbefore\s+(?:being|they\s+were|themselves\s+being)\s+(?:shot\s+dead|killed|gunned\s+down)\b", re.I
)


def also_killed(sentence: str, toll: Casualties) -> bool:
    """Whether ``sentence`` tells its dead as more than those counted
    before ("A civilian woman was also killed"): they add to the toll of
    the incident it continues rather than restating it.

    >>> also_killed("A guard was also killed.", Casualties(1))
    True
    >>> also_killed("A guard was killed.", Casualties(1))
    False
    """
    return (
        bool(toll.fatalities)
        and ("also" in sentence or "more" in sentence or "nother" in sentence)
        and _ALSO_KILLED.search(sentence) is not None
    )


def attackers_toll(sentence: str, toll: Casualties) -> bool:
    """Whether the whole ``toll`` of ``sentence`` is attackers ("the troops
    repulsed them, killing at least eight of the militants"), which adds to
    the toll of the attack told before rather than restating it.

    >>> attackers_toll("Troops killed five of the attackers.", Casualties(5))
    True
    >>> attackers_toll("Five soldiers were killed.", Casualties(5))
    False
    """
    if not toll.fatalities or toll.injuries:
        return False
    low = sentence.lower()
    if lowered_ok(sentence, low) and not any(w in low for w in _ATTACKER_WORDS):
        return False  # no attacker noun: no count of attackers
    return _attackers_counted(sentence, toll.fatalities)


def _attackers_counted(sentence: str, fatalities: int) -> bool:
    """Does a count of attackers in ``sentence`` come to ``fatalities``?"""
    counts = list(_ATTACKER_COUNT.finditer(sentence))
    if "blew themselves" in sentence:
        counts += _BLEW_COUNT.finditer(sentence)
    for m in counts:
        n = _parse_cached(m.group("n"))
        if n is not None and " the " in sentence and _ONE_MORE_KILLED.search(sentence, m.end()):
            n += 1  # "two of them blew themselves up and the third was shot dead"
        if n == fatalities:
            return True
    return False


#: Whose losses a sentence tells: the side named with the victims ("two
#: Pakistani soldiers", "Taliban guards", "FC personnel"), the side where
#: they fell ("on the Afghan side") or the side whose officials speak ("the
#: Taliban's interior ministry said"; each side reports its own losses).
_SIDE_CUES = {
    "PK": re.compile(
        r"\b(?:Pakistani|Pakistan['’]s|FC|Frontier\s+Corps)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:soldiers?|troops|personnel|guards?|policem[ae]n|officials?|military|army|authorities|"
        r"spokesm[ae]n|ministry|sources?|civilians?)\b|"
        r"\b(?:[Oo]n|[Ff]rom)\s+the\s+Pakistani\s+side\b|^\s*The\s+Pakistani\s+side\b|"
        # "Pakistan said three of its soldiers were killed": the speaker's own
        r"\b(?:Pakistan|Pakistani\s+(?:officials|military|army|authorities))\s+(?:said|says)\s+"
        r"(?:[\w-]+\s+){0,3}?of\s+(?:its|their)\s+(?:own\s+)?[\w-]+"
    ),
    "AF": re.compile(
        r"\b(?:Afghan|Afghanistan['’]s|Taliban(?:['’]s)?|Islamic\s+Emirate(?:['’]s)?)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:soldiers?|troops|personnel|guards?|police(?:m[ae]n)?|officials?|military|army|authorities|"
        r"spokesm[ae]n|ministry|commissioner|governor|sources?|civilians?)\b|"
        r"\b(?:[Oo]n|[Ff]rom)\s+the\s+Afghan\s+side\b|^\s*The\s+Afghan\s+side\b|"
        r"\b(?:Taliban|Afghan\s+(?:officials|authorities|government)|Islamic\s+Emirate)\s+(?:said|says)\s+"
        r"(?:[\w-]+\s+){0,3}?of\s+(?:its|their)\s+(?:own\s+)?[\w-]+"
    ),
}

#: Words one of which every match of each cue holds (the cues read case).
_SIDE_WORDS = {"PK": ("Pakistan", "FC", "Frontier"), "AF": ("Afghan", "Taliban", "Islamic")}


def toll_side(sentence: str) -> str:
    """``"PK"`` or ``"AF"`` when the losses ``sentence`` tells are one
    side's by its words alone, else ``""`` (no cue, or both sides named).

    >>> toll_side("A Pakistani official said two FC soldiers were hurt.")
    'PK'
    >>> toll_side("On the Afghan side, one border policeman was killed.")
    'AF'
    >>> toll_side("Pakistani troops and Afghan guards traded fire; two died.")
    ''
    >>> toll_side("The Taliban said eight of their fighters died.")
    'AF'
    """
    if "both sides" in sentence or (("toll" in sentence or "number" in sentence) and _TOLL_ROSE.search(sentence)):
        return ""  # "wounded on both sides", "raising to two the number killed": the whole toll
    found = [
        side
        for side, cue in _SIDE_CUES.items()
        if any(w in sentence for w in _SIDE_WORDS[side]) and cue.search(sentence)
    ]
    return found[0] if len(found) == 1 else ""
