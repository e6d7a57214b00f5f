"""Words that make a trigger no incident: negation, denial, irrealis, a wish.

Read in the words before a trigger (its window) or around it by
:func:`geomap.extract.types.find_triggers`; the cues of talks are in
:mod:`.talks`, incidents only spoken of in :mod:`.mentions`.
"""

from __future__ import annotations

import re

from ..gates import Gated
from ..starts import StartGated
from ..stems import SENTENCE_STEMS, StemFilter
from ..wordscan import LoweredPattern

#: Plain negators govern the next few words only; denials reach further.
_NEGATION = re.compile(r"\b(?:no|not|never|neither|nor|without|n't|unable\s+to|failed\s+to)\b|n't\b", re.I)
_NEGATION = Gated(_NEGATION, "no", "never", "neither", "without", "n't", "unable", "failed")
_DENIAL = re.compile(
    r"\b(?:denied|deny|denies|denying|dismiss(?:ed|es|ing)|refut(?:ed|es|ing)|reject(?:ed|s|ing)?\s+(?:claims|reports)|"
    r"false|rumou?rs?|ruled\s+out)\b",
    re.I,
)
_DENIAL_STEMS = re.compile("deni|deny|dismiss|refut|reject|false|rumo|ruled")
#: The same stems, read from the sentence's stem scan (a literal alternation
#: costs a regex scan of the sentence; the scan is made once anyway).
_DENIAL_FILTER = StemFilter([_DENIAL_STEMS.pattern.split("|")], SENTENCE_STEMS)
_IRREALIS = re.compile(
    # "may" in lower case only: "in May", "KABUL, May 14 -" name the month
    r"\b(?:could|would|might|(?-i:may)|can|if|unless|threat(?:en(?:ed|s)?)?|warn(?:ed|s|ing)?|"
    r"urg(?:ed|es|ing|e)|call(?:ed|s|ing)?\s+(?:on|for)|demand(?:ed|s|ing)?|"
    r"aim(?:ed|s|ing)?\s+to|seek(?:s|ing)?\s+to|sought\s+to|hop(?:e|ed|es|ing)|"
    r"want(?:s|ed)?|plan(?:s|ned)?\s+(?:to|for)|(?:talks|negotiations|discussions|meetings?|consultations)\s+(?:on|about|over)|wait(?:ing)?\s+for|await(?:ing|s)?|"
    r"avoid|prevent|fear(?:s|ed)?|risk(?:s)?|ready\s+to|pressure\s+to|"
    r"in\s+an?\s+(?:effort|bid|attempt)\s+to|decision\s+(?:on|about|to)|decide|whether|"
    # "met to discuss the closure": the topic, not a new incident
    r"discuss(?:ed|es|ing)?|"
    # "everyone talks of reopening", "spoke of a closure": a topic of speech
    r"(?:talk(?:s|ed|ing)?|spoke|speak(?:s|ing)?)\s+(?:\w+\s+)?(?:of|about)|"
    # a topic that governs the trigger: "raised the issue of the shelling",
    # "the question of reopening", "split on questions of fencing", "took up
    # matters of “unprovoked” firing" (no comma nor ";" between: "the issue
    # of visas aside, troops fired ..." tells an incident; nor is "a matter
    # of hours" a topic)
    r"(?:issue|matter|question)s?\s+of(?!\s+(?:seconds|minutes|hours|days|weeks|months)\b)(?![^,;]*[,;])|"
    # "children who had fled fighting in Waziristan", "people who fled the
    # army offensive": why people moved, not an incident reported
    r"\bwho\s+(?:had\s+|have\s+|has\s+)?fled(?:\s+the)?(?:\s+(?:army|army's|military|military's|government|"
    r"government's|security|ground|air|recent|latest|continuing|ongoing))?$|"
    # "proposed that the crossing be reopened", "the kind of confrontation"
    r"propos(?:ed|es|ing|al)|suggest(?:ed|s|ing)|recommend(?:ed|s|ing)|(?:kind|sort|type)s?\s+of|"
    # a trend, not an incident: "a fall in cross-border attacks", "the surge
    # in shelling" (the trend governs the trigger: not "after a rise in
    # tension, militants attacked")
    r"(?:fall|rise|drop|decline|increase|surge|spike|reduction|decrease|upsurge|uptick)\s+in(?:\s+[\w'’-]+){0,3}\s*$|"
    # an infinitive right before the trigger ("to close", "to fully reopen"),
    # not "60 to 70 militants opened fire" nor "close to the border"
    # ("tried to storm", "attempted to cross": the attempt happened;
    # "resorted to unprovoked firing": the firing too)
    # ("objected to fence poles being set up": the object of an objection)
    r"(?<!tried\s)(?<!attempted\s)(?<!resorted\s)(?<!objected\s)(?<!objecting\s)(?<!objection\s)(?<!objections\s)"
    r"to(?=(?:\s+\S+)?\s*$))\b",
    re.I,
)
#: A bomb made safe or taken is no explosion: "bomb disposal staff defused an
#: IED", "police seized a car packed with explosives" (read in the words
#: before the trigger).
_DEFUSED = re.compile(
    r"\b(?:defus\w*|defuz\w*|diffus\w*|seiz\w*|recover\w*|intercept\w*|impound\w*|confiscat\w*|disarm\w*)"
    r"(?:\s+[\w'’-]+){0,3}\s*$",
    re.I,
)
_DEFUSED_STEMS = ("defus", "defuz", "diffus", "seiz", "recover", "intercept", "impound", "confiscat", "disarm")
#: "the violence forced the authorities to close the crossing", "prompted
#: Pakistan to shut Torkham": what one was forced to do was done (an
#: infinitive after it is no wish).
_FORCED_TO = re.compile(r"\b(?:forc|prompt|compel|oblig)\w*\s+(?:[\w'’-]+\s+){0,3}?to(?=(?:\s+\S+)?\s*$)", re.I)
#: "accused X of firing": the trigger is the content of a claim about an
#: incident reported elsewhere (or a standing allegation), not a new one.
_ACCUSATION = re.compile(r"\b(?:accus\w*|blam\w*|charg\w*)\s+(?:[\w'’-]+\s+){0,5}?(?:of|for)\s*$", re.I)
#: A word named, not an incident: "the word firing next to it", "the term
#: closure" (read right before the trigger).
_WORD_NAMED = re.compile(r"\bthe\s+(?:words?|terms?)\s*$", re.I)
#: The second thing an accusation blames: "accuses Islamabad of sheltering
#: militants and of shelling villages" (the trigger right after "and of",
#: the accusation earlier in the sentence).
_ACCUSED_ALSO = re.compile(
    r"\b(?:accus\w*|blam\w*|charg\w*)\s+(?:[\w'’-]+\s+){0,5}?(?:of|for)\s+(?:[\w'’,-]+\s+){1,12}?(?:and|or)\s+(?:of|for)\s*$",
    re.I,
)
#: The day an accused incident happened, told right after its trigger in its
#: clause: "accused Pakistan of shelling villages in Dangam on Friday".
_OWN_DAY_AFTER = re.compile(
    r"[^,;.]{0,80}?\b(?:on|last|early\s+on|late\s+on)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2})\b",
    re.I,
)


def accused_on_a_day(sentence: str, window: str, end: int) -> bool:
    """Whether an accusation before a trigger ("accused Pakistan of shelling
    villages in Dangam on Friday") tells an incident of its own: one side's
    account of what happened on the day it names, which news reports as the
    incident (with no day it is a standing allegation, or a claim about an
    incident told elsewhere). Not when the window also denies or wishes."""
    return (
        _ACCUSATION.search(window) is not None
        and _DENIAL.search(window) is None
        and _IRREALIS.search(window) is None
        and _OWN_DAY_AFTER.match(sentence, end) is not None
    )


#: Accusation, denial or irrealis before a trigger of a non-talks type, in one scan.
_BLOCKED = re.compile("|".join(p.pattern for p in (_ACCUSATION, _DENIAL, _IRREALIS)), re.I)
#: (tried only where one of its start words is: the windows are short, but
#: ``re`` tried its hundred alternatives at every word of them)
_BLOCKED = StartGated(_BLOCKED)
#: An incident remembered: "marks the third anniversary of the bombing",
#: "to commemorate the victims of the attack": years ago, not on the day told.
_ANNIVERSARY = re.compile(
    r"\b(?:anniversar(?:y|ies)\s+of|commemorat\w*(?:\s+the\s+(?:victims|dead|martyrs)\s+of)?|remembrance\s+of)\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
#: A wish told in a that-clause ("proposed that the work on the gate be
#: halted and the crossing reopened"): all of the clause is wished, not only the
#: six words before a trigger.
_MANDATE = re.compile(r"\b(?:propos|suggest|recommend|demand|urg|insist|request)\w*\s+that\b", re.I)
_MANDATE_STEMS = ("propos", "suggest", "recommend", "demand", "urg", "insist", "request")
#: Closing that is not the border's: shops, markets, schools, offices.
_NOT_BORDER_CLOSING = re.compile(
    r"\b(?:shops?|shopkeepers|markets?|bazaars?|schools?|offices|businesses|"
    r"restaurants|hotels|universit(?:y|ies)|colleges?|mosques?|camps?|doors|"
    r"trains?|railways?|flights?|internet|mobile|classes|exams|"
    # "suspended gas supplies to Peshawar": a utility
    r"gas|electricity|power|water|"
    # "shut wedding halls and shrines": places of gathering
    r"halls?|shrines?|parks?|cinemas?|"
    # "suspended security assistance", "fencing work was suspended"
    r"assistance|aid|funding|cooperation|work)\b",
    re.I,
)
_NOT_BORDER_CLOSING = LoweredPattern(_NOT_BORDER_CLOSING)  # searched on the lower-cased text (wordscan)
#: A sentence whose subject, its first word, is a town's shops or schools:
#: "Markets in two villages, close to the border, remained closed" (what
#: closes, unless a crossing is named before the verb, or a verb of the
#: subject's own comes first: "Schools were shut and Torkham closed").
_TOWN_SUBJECT = re.compile(
    r"(?:shops|markets|bazaars|schools|businesses|offices|colleges|universities)\b"
    r"(?![^.;]*?\b(?:crossings?|gates?|terminals?|routes?|pass)\b)"
    r"(?![^.;]*?\b(?:were|was|are|is|had|have|has|closed|shut)\s+\S+\s+\S)",
    re.I,
)
#: What a reopening verb reopens when it is not the border: "shopkeepers
#: reopened their stores", "the district reopened its schools" (read right
#: after the verb).
_NOT_BORDER_REOPENED = re.compile(
    r"\s+(?:(?:their|the|its|his|her|some|many|most)\s+)?(?:[\w-]+\s+)?"
    r"(?:shops?|stores?|markets?|bazaars?|schools?|businesses|offices|restaurants|hotels|stalls|classes)\b",
    re.I,
)
#: "was reported closed on Monday, but officials denied the reports": the
#: denial that follows the report in its sentence.
_DENIED_AFTER = re.compile(
    r"[^.;]{0,120}?\b(?:but|however|although|though)\b[^.;]{0,60}?\b(?:denied|dismissed|rejected|refuted)\s+"
    r"(?:the\s+|these\s+|those\s+|such\s+|that\s+)?(?:reports?|claims?|rumou?rs?)\b(?!\s+(?:of|that|about|on)\b)|"
    # "..., a version that the military rejected", ", a claim Kabul denies":
    # the account told before is one side's, denied by the other (not "an
    # accusation": that contests who did it, not what happened)
    r"[^.;]{0,160}?,\s+(?:a|an)\s+(?:version|claim|account)\s+(?:that\s+|which\s+)?"
    r"(?:[\w'’-]+\s+){1,5}?(?:rejected|rejects|denied|denies|dismissed|dismisses|refuted|refutes)\b",
    re.I,
)
