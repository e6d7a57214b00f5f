"""Trigger rules of talks, and what is no talks between the two sides.

Talks may be upcoming (a scheduled meeting is an event), so only true
conditionals, calls for talks, talks weighed or stalled, visits refused,
feuds of tribes and meetings at home cancel them.
"""

from __future__ import annotations

import re

from ..gates import Gated
from ..wordscan import LoweredPattern

#: Ceasefires, mediation, visits and negotiations, in the order they are tried.
TALKS_RULES: list[tuple[str, str, bool, str, tuple[str, ...]]] = [
    ("talks", "ceasefire", False, r"cease-?fires?|truces?|armistice", ("cease", "truce", "armistice")),
    ("talks", "mediation", False, r"mediat(?:ed|ion|ing|or|ors)|facilitat(?:ed|ing)\s+by", ("mediat", "facilitat")),
    ("talks", "visit", False, r"visit(?:ed|ing|s)?|trip\s+to", ("visit", "trip")),
    (
        "talks",
        "negotiation",
        False,
        r"talks|negotiations?|negotiators|negotiated|dialogue|"
        r"meetings?|met\s+with|met\b|(?:will|to)\s+(?:meet|convene)|convened?|"
        # "said the two sides would meet again in Istanbul on November 6";
        # "the commission would meet in Kabul on Thursday", "would meet in
        # Islamabad next month": a round announced with its day or month (a
        # plan with none stays a plan: "would meet soon")
        r"would\s+meet\s+again|would\s+(?:meet|convene)(?=\s+(?:(?!if\b|unless\b|once\b)[\w'’,-]+\s+){0,5}?"
        r"(?:on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|next\s+(?:week|month)|(?:on|in)\s+(?:january|"
        r"february|march|april|may|june|july|august|september|october|november|december))\b)|"
        r"discussions|peace\s+process|round\s+of\s+talks|"
        r"(?:first|second|third|fourth|new|latest|earlier|previous|last|next|another|fresh)\s+round"
        r"(?!\s+of\s+(?:shelling|fire|firing|fighting|clashes|strikes|attacks|violence))",
        ("talks", "negotiat", "dialogue", "meeting", "met", "meet", "conven", "discussions", "peace", "round"),
    ),
    ("talks", "negotiation", True, r"delegations?", ("delegation",)),
    # diplomacy in its own words: "the Afghan commerce minister arrived in
    # Islamabad", "the envoy called on the foreign minister in Kabul" (not
    # "called on Kabul to act": an appeal), "China hosted the two foreign
    # ministers in Beijing"
    (
        "talks",
        "visit",
        False,
        r"(?:minister|envoy|delegation|representative|adviser|advisor|ambassador)\s+(?:[\w'’,-]+\s+){0,4}?"
        r"(?:arrived|landed)\s+in\b|"
        r"called\s+on\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:minister|president|premier|envoy|ambassador|governor|"
        r"leaders?|officials)\b(?!\s+(?:of\s+[\w'’-]+\s+)?to\b)",
        ("arrived", "landed", "called on"),
    ),
    (
        "talks",
        "negotiation",
        False,
        r"host(?:ed|s|ing)\s+(?:[\w'’-]+\s+){0,4}?(?:ministers|delegations|envoys|officials|leaders|talks|meeting)\b",
        ("host",),
    ),
    # talks told by their outcome: "the two sides agreed in Kabul on Monday
    # to reopen Torkham", "the delegations signed an agreement on transit
    # trade" (who agreed is named: not "analysts agreed that ..."; "agreed
    # to meet again" is the next round's plan, read by the rule above; a
    # truce agreed, "agreed to halt fire", is read by the ceasefire rules)
    (
        "talks",
        "negotiation",
        False,
        r"(?:sides|delegations|delegates|negotiators|governments|neighbours|neighbors|commanders|elders)\s+"
        r"(?:[\w'’,-]+\s+){0,6}?agreed\b(?!\s+(?:to|on|upon)\s+(?:meet|hold|resume|continue|keep|talk|halt|stop|cease|end|an?\s+(?:immediate\s+)?(?:truce|ceasefire|cease-fire)))|"
        r"(?:reached|signed|struck|sealed|clinched)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?"
        r"(?:agreement|deal|accord|understanding|memorandum)\b",
        ("agreed", "agreement", "deal", "accord", "understanding", "memorandum"),
    ),
]

#: Talks may be upcoming, so only true conditionals cancel them.
_IRREALIS_TALKS = re.compile(
    r"\b(?:could|would|might|if|unless|urg(?:ed|es|ing|e)|call(?:ed|s)?\s+for|"
    r"demand(?:ed|s|ing)?|refus(?:ed|es|ing)|no)\b",
    re.I,
)
#: "Officials said the commission would meet in Kabul on Thursday": a
#: meeting announced, the future of a report (a talks event to come, when
#: its venue and time are told right after it; GOLD_FORMAT), not a wish
#: ("would meet if the firing stopped").
_MEETING_WHEN_WHERE = re.compile(
    r"(?:\s+again)?\s+(?:in|at)\s+(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?\s+"
    r"(?:on\s+(?-i:[A-Z])[a-z]+day|on\s+(?-i:[A-Z])[a-z]+\s+\d{1,2}|next\s+(?:week|month)|later\s+this\s+(?:week|month)|in\s+(?-i:[A-Z])[a-z]+)\b",
    re.I,
)
#: A call for talks is not talks: "urged both sides to hold talks", "called
#: on the government to open a dialogue", "asked whether a meeting...".
_CALL_FOR_TALKS = re.compile(
    r"\b(?:warn(?:ed|s|ing)?\s+that|urg(?:ed|es|ing|e)|call(?:ed|s|ing)?\s+(?:on|upon|for)|appeal(?:ed|s|ing)?|"
    r"demand(?:ed|s|ing)?|ask(?:ed|s|ing)?|press(?:ed|es|ing)?\s+for|need\s+for|"
    r"should|must|whether|offer(?:ed|s)?\s+to|willing\s+to|ready\s+to|"
    # readiness, not a round: "we are ready for talks", "open to dialogue"
    r"ready\s+for|open\s+to|prepared\s+(?:for|to)|willing\s+to\s+hold|in\s+favou?r\s+of|"
    r"advocat\w*|push(?:ed|ing)?\s+for|"
    # a wish: "wanted all disputes with Kabul settled through dialogue"
    r"want(?:ed|s)?\s+[^.;]{0,80}?\b(?:settled|resolved|solved)\s+(?:through|by|via)\s*$|"
    # a statement's wish: "stressed the importance of direct talks"
    r"emphasi[sz]\w*|stress(?:ed|es|ing)|importance|reiterat\w*|insist\w*|"
    # a visit that did not happen: "had been expected to visit Kabul for talks"
    r"had\s+been\s+(?:expected|scheduled|due|planned|supposed))\b",
    re.I,
)
#: A truce that ends or is broken is not a meeting: "ended a ceasefire with
#: the government", "violated the truce".
_TRUCE_ENDED = re.compile(
    r"\b(?:end(?:ed|s|ing)?|broke|broken|breach(?:ed|es|ing)?|violat\w*|called\s+off|"
    r"scrapp(?:ed|ing)|abandon(?:ed|ing)|collapse\s+of|breakdown\s+of)\s+"
    r"(?:of\s+)?(?:a|an|the|its|their|this|that)?\s*(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: A truce told by its end: "the truce broke down on Friday night", "the
#: ceasefire collapsed" (read right after the noun).
_TRUCE_ENDED_AFTER = re.compile(
    r"\s+(?:had\s+|has\s+)?(?:\w+\s+)?(?:broke\s+down|broken\s+down|collapsed|fell\s+apart|unravell?ed)\b",
    re.I,
)
#: Talks only imagined or weighed after the trigger: "a meeting might be held",
#: "talks were being considered".
_TALKS_UNREAL_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:might|could|would|may)\s+(?:\w+\s+)?be\b|"
    r"\s+(?:would|could|might)\b|"
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:is|are|was|were)\s+(?:being\s+|still\s+)?"
    r"(?:considered|mooted|proposed|under\s+consideration)\b|"
    r"\s+(?:is|are|was|were)?\s*to\s+be\s+considered\b|"
    # "a flag meeting was expected in the coming days": no date, no meeting yet
    # (also after the sides: "a flag meeting between the border officials
    # of both sides is expected in the coming days")
    r"\s+(?:[\w'’-]+\s+){0,12}?(?:is|are|was|were)\s+expected\s+(?:in\s+the\s+coming|soon|shortly)",
    re.I,
)
#: (every match holds one of these: its lazy word loops cost ~6 µs a talks
#: trigger, and most sentences hold none)
_TALKS_UNREAL_AFTER = Gated(
    _TALKS_UNREAL_AFTER, "might", "could", "would", "may", "consider", "mooted", "proposed", "expected"
)
#: The state of a process, not a meeting: "talks have made little progress
#: since January", "an effort to bring them to talks has stalled".
_TALKS_STATE_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,12}?(?:have|has|had)\s+(?:so\s+far\s+|since\s+)?(?:made\s+(?:little|no|slow|scant|some)\s+"
    r"(?:progress|headway)|(?:been\s+)?(?:stalled|deadlocked|frozen|stuck|bogged\s+down)|stalled|faltered|"
    r"dragged\s+on|gone\s+nowhere)\b|"
    r"\s+(?:[\w'’-]+\s+){0,12}?(?:remain|remains|remained)\s+(?:stalled|deadlocked|frozen|stuck)\b",
    re.I,
)
_TALKS_STATE_AFTER = Gated(
    _TALKS_STATE_AFTER,
    *("progress", "headway", "stalled", "deadlocked", "frozen", "stuck", "bogged", "faltered", "dragged", "nowhere"),
)
#: An opinion of talks in general, in the present: "flag meetings between
#: commanders are useful but are not enough", "dialogue is the only way".
_TALKS_OPINION_AFTER = Gated(
    re.compile(
        r"\s+(?:[\w'’-]+\s+){0,6}?(?:are|is)\s+(?:(?:not|no\s+longer|still|often|rarely|always)\s+)?"
        r"(?:useful|helpful|important|necessary|needed|essential|vital|valuable|enough|insufficient|"
        r"no\s+substitute|the\s+only\s+(?:way|option|answer))\b",
        re.I,
    ),
    *("useful", "helpful", "important", "necessary", "needed", "essential", "vital", "valuable", "enough"),
    *("insufficient", "substitute", "only"),
)
#: "turned down an invitation to visit Islamabad": a visit refused is none.
_DECLINED = re.compile(
    r"\b(?:declin\w*|turn(?:ed|s|ing)?\s+down|reject\w*|refus\w*)\s+(?:an?\s+|the\s+|their\s+|his\s+|her\s+)?"
    r"(?:\w+\s+){0,2}(?:invitations?|offers?|requests?)(?:\s+(?:to|for))?\s*$",
    re.I,
)
#: Meetings at home (a cabinet, a committee, a council, with traders) are
#: not talks between the two sides, unless the sentence says they are.
#: Meetings and visits that are no talks between the sides: "visited the
#: border", "an election meeting", "on their way to meet the president".
_NOT_TALKS = re.compile(
    r"\b(?:election|campaign|corner|political|prayer|religious|public|funeral|condolence)\s+$|"
    r"\bon\s+(?:their|his|her|its|the)\s+way\s+(?:to\s+)?$|"
    # "holidaymakers who visit the valleys", "tourists visited the district":
    # leisure travel, not an official visit
    r"\b(?i:tourists?|visitors|holidaymakers|sightseers|trekkers)\s+(?:(?:who|that)\s+)?(?:\w+\s+)?$|"
    # the verb: "everyone talks of reopening", "he talks about peace"
    r"\b(?i:everyone|everybody|nobody|no\s+one|someone|he|she)\s+(?i:(?:always|often|still|now|only|just)\s+)?$"
)
_NOT_TALKS_AFTER = re.compile(
    r"\s+(?:to\s+)?(?:the\s+|an?\s+)?(?:forward\s+|border\s+|military\s+|frontier\s+)?"
    # "visited the district hospital": the wounded cared for at home
    r"(?:(?:district|civil|city|local|provincial|government|headquarters|combined)\s+(?=hospital))?"
    r"(?:border|crossing|frontier|area|site|scene|hospital|injured|wounded|families|troops|posts?|outposts?|units?|"
    # "visiting the Durand Line in Paktia": the border by its name
    r"(?:Durand|zero)\s+[Ll]ine|"
    # "going to visit relatives": a family visit
    r"relatives|friends|graves?|shrines?)\b",
    re.I,
)
#: A jirga between the tribes of one district about their own feud.
_TRIBAL = re.compile(
    # "elders from the Turi and Bangash tribes"
    r"\b(?:from|of)\s+the\s+[A-Z][\w-]+\s+and\s+[A-Z][\w-]+\s+(?:tribes|communities|clans)\b|"
    r"\b(?:between\s+(?:the\s+)?(?:rival\s+)?(?:tribes|communities|clans|sects)|both\s+(?:communities|sects)|"
    r"rival\s+(?:tribes|communities|clans|sects))\b",
    re.I,
)
_DOMESTIC_BODY = re.compile(
    r"\b(?:cabinets?|committees?|council|parliament(?:ary)?|senate|assembly|"
    r"corps\s+commanders|apex|party|traders|protesters|demonstrators|transporters|"
    r"shura|ulema|provincial\s+government|security\s+officials|officials\s+of\s+the\s+ministry|"
    # "protest leaders met the chief minister": a protest at home
    r"chief\s+minister|protest\s+(?:leaders|committee|organi[sz]ers)|"
    # "flew to Quetta and chaired a security meeting", "where he was briefed"
    r"chair(?:ed|s|ing)|presid(?:ed|es|ing)\s+over|briefed|security\s+meeting)\b",
    re.I,
)
_DOMESTIC_BODY = LoweredPattern(_DOMESTIC_BODY)  # searched on the lower-cased text (wordscan)
_BILATERAL = re.compile(
    r"\b(?:joint|bilateral|between|both\s+sides|two\s+sides|two\s+countries|two\s+neighbou?rs|"
    r"counterparts?|flag|delegations?|envoys?|ambassadors?|mediat\w*|jirga)\b",
    re.I,
)

#: Offices and bodies of one side only, which a jirga may meet at home (a
#: governor may be the other side's: "Pakistani officials met the Nangarhar
#: governor at Torkham").
_HOME_OFFICE = re.compile(
    # ("the political agent": the officer of a Pakistani tribal agency)
    r"\b(?:chief\s+minister|protest\s+(?:leaders|committee|organi[sz]ers)|sit-in|political\s+agent)\b",
    re.I,
)
_HOME_OFFICE = Gated(_HOME_OFFICE, "minister", "protest", "sit-in", "political")
#: :data:`_BILATERAL` but a jirga, which may be of one side.
_BILATERAL_SIDES = re.compile(_BILATERAL.pattern.replace("|jirga", ""), re.I)
assert _BILATERAL_SIDES.pattern != _BILATERAL.pattern
#: Marks a talks round that is over ("failed negotiations", "the previous round").
_ENDED = re.compile(r"\b(?:previous|earlier|last|prior|failed|inconclusive|collapsed|first)\b", re.I)
_ENDED_AFTER = re.compile(
    r"\s+(?:had\s+|have\s+|has\s+)?[“\"'‘]?(?:ended|concluded|failed|collapsed|broke\s+down)", re.I
)


def no_talks(sentence: str, low: str, sub: str, start: int, end: int, words: list[str], lowered: bool) -> bool:
    """Is the talks trigger at ``start:end`` no talks between the two sides?

    Parameters
    ----------
    sentence, low : str
        The sentence and its lower case.
    sub : str
        The trigger's sub-type (``visit``, ``ceasefire``, ...).
    start, end : int
        The trigger's span.
    words : list of str
        The words before the trigger in its clause
        (:func:`~geomap.extract.triggers.windows._words_before`).
    lowered : bool
        Whether lower-casing kept every character's offset (``low`` may then be
        sliced for ``sentence``).
    """
    return bool(
        _IRREALIS_TALKS.search(" ".join(words[-4:]))
        or (low[start:end] == "would meet" and not _MEETING_WHEN_WHERE.match(sentence, end))
        or _CALL_FOR_TALKS.search(" ".join(words[-16:]))
        or _TALKS_UNREAL_AFTER.match(sentence, end)
        or _TALKS_STATE_AFTER.match(sentence, end)
        or _TALKS_OPINION_AFTER.match(sentence, end)
        or _DECLINED.search(sentence, max(0, start - 60), start)
        or _NOT_TALKS.search(sentence, max(0, start - 30), start)
        or ("tribes" in low or "communities" in low or "clans" in low or "sects" in low)
        and _TRIBAL.search(sentence)
        or (sub == "visit" and _NOT_TALKS_AFTER.match(sentence, end))
        or (
            sub == "ceasefire"
            and (_TRUCE_ENDED.search(sentence[max(0, start - 40) : start]) or _TRUCE_ENDED_AFTER.match(sentence, end))
        )
        or (
            _DOMESTIC_BODY.search(
                sentence[max(0, start - 60) : end + 60],
                low=low[max(0, start - 60) : end + 60] if lowered else None,
            )
            and not _BILATERAL.search(sentence)
        )
        # "a jirga of sit-in organisers met the governor": a jirga
        # with an officer of one side only is no talks
        or (_HOME_OFFICE.search(sentence[max(0, start - 60) : end + 60]) and not _BILATERAL_SIDES.search(sentence))
    )


def round_ended(sentence: str, trigger: str, end: int, words: list[str]) -> bool:
    """Is the round of talks named by ``trigger`` (ending at ``end``, ``words``
    before it) over ("the previous round", "the talks had ended")?"""
    return bool(_ENDED.search(" ".join(words[-4:])) or _ENDED.match(trigger) or _ENDED_AFTER.match(sentence, end))
