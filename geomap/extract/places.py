"""Place mentions in a sentence, resolved through the geocoder chain.

Two finders work together:

* an Aho-Corasick automaton (pyahocorasick) over every name and alias of the
  regional gazetteer(s) in the chain finds known places in one pass, however
  many names there are;
* runs of capitalised words the automaton did not take are looked up by their
  spelling key (:func:`~geomap.geocoders.base.spelling`): "Speen Boldak",
  "Barg-i-Matal", "Landi Kothal" are the gazetteer's Spin Boldak, Barg-e
  Matal, Landi Kotal, resolved as if written so;
* capitalised words after a locative preposition ("in Doha", "near Khost")
  that the automaton does not know are asked of the whole chain (GeoNames),
  and kept only when the answer carries exactly that name (or is the first
  word of a two-word name: "Lakki Marwat", the town Lakki); a name so
  placed is then found in the article's other sentences wherever it stands
  (:func:`learned_names`, ``known``).

Mentions that are not event places are dropped: datelines ("ISLAMABAD —"),
capitals standing for governments ("Kabul said", "instructions from
Kabul", "demanded that Kabul act", "the Kabul government"), places of
origin and hospital destinations, offices named after a place ("the
governor of Kandahar"), where a statement was made or comment declined,
the ends of a journey (:mod:`.rules.journeys`), and credit lines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

import ahocorasick

from ..geocoders.base import Place, fold, spelling, wants_kind
from .measured import _MEASURED_FROM, _measured_from, _measured_point
from .rules.journeys import WORDS as _JOURNEY_WORDS
from .rules.journeys import journey_end
from .scanned import ScannedSentence
from .stems import SENTENCE_STEMS, StemFilter
from .wordscan import LoweredPattern, finditer_bounded, lowered_ok, lowered_pattern

#: Country names as written -> ISO-2. A country is a hint and a talks venue
#: of last resort, never an event place of its own.
COUNTRY_NAMES: dict[str, str] = {
    "afghanistan": "AF",
    "pakistan": "PK",
    "turkey": "TR",
    "türkiye": "TR",
    "turkiye": "TR",
    "qatar": "QA",
    "iran": "IR",
    "china": "CN",
    "india": "IN",
    "saudi arabia": "SA",
    "united arab emirates": "AE",
    "uae": "AE",
    "uzbekistan": "UZ",
    "tajikistan": "TJ",
    "turkmenistan": "TM",
    "russia": "RU",
    "united states": "US",
    "oman": "OM",
    "norway": "NO",
    "germany": "DE",
    "kazakhstan": "KZ",
    "egypt": "EG",
}
#: Country names by their spelling key: no place name spells one.
_COUNTRY_SPELLINGS = frozenset(spelling(n) for n in COUNTRY_NAMES)
_COUNTRY_AUTOMATON = ahocorasick.Automaton()
for _name in COUNTRY_NAMES:
    _COUNTRY_AUTOMATON.add_word(_name, _name)
_COUNTRY_AUTOMATON.make_automaton()
_COUNTRY_GOV = re.compile(r"['’]s\s+(?:government|military|army|forces)")

_FEATURE = re.compile(
    r"^(?:['’]s)?\s+(?:(?:border\s+)?crossing(?:\s+point)?|border\s+(?:post|point|gate|terminal)|"
    r"customs\s+(?:building|house|post)|gate|terminal|province|district|city|town|"
    r"village|valley|area|region|agency|tehsil|sector)\b",
    re.I,
)
#: "near Chaman", "outside Peshawar": somewhere about the place named (so are
#: the towns measured from, :data:`.measured._MEASURED_FROM`, when they stay).
_NEAR_BEFORE = re.compile(r"\b(?:near|outside|close\s+to|not\s+far\s+from|around)\s+(?:the\s+)?$", re.I)
_NEAR_AFTER = re.compile(r"^\s+(?:area|region|outskirts|vicinity)\b", re.I)
#: Datelines: "PESHAWAR, Pakistan —" (any case before a dash) or "KABUL:"
#: (also "CHARSADDA, Pakistan, Jan 21 -": a country and a date)
#: (capitals before a hyphen or colon), either with a date ("KABUL, April
#: 17 -"). Two patterns, so that the first,
#: costly on every sentence, runs only when the sentence has a dash.
_DATELINE_DASH = re.compile(
    r"^\s*[A-Z][A-Za-z .'’-]{1,40}(?:/\s*[A-Z][A-Za-z .'’-]{1,40}){0,3}"
    r"(?:,\s*[A-Z][A-Za-z .]{1,30}(?:\d{1,2}(?:,?\s*\d{4})?)?){0,2}\s*(?:\([A-Za-z. ]{1,20}\))?\s*[—–]"
)
_DATELINE_CAPS = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{2,40}(?:/\s*[A-Z][A-Z .'’-]{2,40}){0,3}"
    r"(?:,\s*[A-Za-z .]{1,30}(?:\d{1,2}(?:,?\s*\d{4})?)?){0,2}\s*(?:\([A-Za-z. ]{1,20}\))?\s*[-:]\s"
)
_GOV_AFTER = re.compile(
    r"^(?:['’]s\s+(?:call|position|stance|demand|demands|claim|claims|accusations?|allegations?|"
    r"decision|response|policy|refusal|insistence|concerns?|view|statement|envoy|ambassador|government|"
    r"rulers|leadership|administration|regime|"
    # "Kandahar's police chief met ...", "Kunar's governor said": an office
    # of the place, not where the incident was
    r"(?:provincial\s+|district\s+)?(?:governor|deputy\s+governor|police\s+chief|police\s+spokesman|"
    r"spokesm[ae]n|spokesperson|security\s+chief|intelligence\s+chief|(?:deputy\s+)?commissioner)))\b|"
    r"^\s+(?:does|did|do)\s+not\b|"
    r"^\s+(?:has\s+|had\s+|have\s+|also\s+|again\s+|later\s+|on\s+\w+\s+)?"
    # "traders in Peshawar say": where the speakers are, not the incident
    r"(?:said|says|say|accused|accuses|blamed|blames|denied|denies|rejected|rejects|claimed|claims|"
    r"warned|warns|insisted|insists|urged|urges|demanded|demands|wants|reiterated|reiterates|"
    r"maintains|maintained|responded|responds|announced|announces|stated|states|condemned|condemns|"
    r"called|calls|asked|asks|told|believes|expressed|alleged|alleges|retaliated|protested|"
    r"summoned|dismissed|welcomed|hopes|seeks|sought|has\s+expressed|described|describes|termed|labelled|called|"
    # "Islamabad lodges demarche with Kabul"
    r"lodged|lodges)\b|"
    # "the Kandahar governor said", "Kurram police said": who speaks, not where
    # (also "Kandahar's police chief", "Khost's governor")
    r"^(?:['’]s)?\s+(?:provincial\s+|district\s+)?(?:governor|governor['’]s|police\s+(?:chief|spokesman|said|say)|"
    r"spokesman|spokesperson|administration|commissioner|deputy\s+commissioner)\b",
    re.I,
)


#: "envoys meeting in Moscow on Friday urged ...", "met Taliban officials in
#: Jalalabad": the venue of a meeting, not a capital speaking nor officials'
#: seat.
_MEETING_IN = re.compile(
    r"\b(?:meeting|met|meet|gathered|gathering|talks|summit|conference|convened)\s+(?:[\w'’-]+\s+){0,3}?(?:in|at)\s+$",
    re.I,
)
#: "the Balochistan Awami Party", "the Quetta Bar Association": a place
#: name that opens the name of an organisation (capitalised words, then a
#: noun of a body that is no site) is no place of the sentence.
_ORG_AFTER = re.compile(
    r"^(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:Party|Association|Bar|Assembly|Council|Chamber|Movement|Front|"
    r"Union|Federation|Shura|Committee|Board|Authority|Liberation\s+Army|Bureau|"
    # "the Khyber Rifles", "Bajaur Levies", "Kurram Scouts": forces named after a place
    r"Levies|Constabulary|Scouts|Rifles|Corps|Club|Secretariat)\b"
)
#: "the truce, requested by Kabul", "a plan backed by Islamabad": the agent
#: of a participle is the government seated there, not a place.
_AGENT_BEFORE = re.compile(r"\b[a-z]+(?:ed|en|wn)\s+by\s+$")
#: "urges Kabul to curb militants", "asked Islamabad to": who is addressed
#: is a government; and a city that "could" or "would" do something, or
#: "apologised", is its government too.
_ADDRESSEE_BEFORE = re.compile(
    r"\b(?:urg(?:ed|es|ing|e)|ask(?:ed|s|ing)?|press(?:ed|es|ing)?|warn(?:ed|s|ing)?|told|tells|"
    # "accused Islamabad of", "blames Kabul", "summoned ... from Kabul"
    r"accus(?:ed|es|ing)|blam(?:ed|es|ing)|summon(?:ed|s)|"
    r"call(?:ed|s|ing)?\s+(?:on|upon))\s+$",
    re.I,
)
#: Words one of which every match of :data:`_ADDRESSEE_BEFORE` holds (lower case).
_ADDRESSEE_WORDS = ("urg", "ask", "press", "warn", "told", "tells", "accus", "blam", "summon", "call")
#: "two more of the wounded died in Peshawar", "succumbed to his wounds in
#: Quetta": where the wounded died, not where they were hurt.
_DIED_OF_WOUNDS_BEFORE = re.compile(
    r"\b(?:wounded|injured)\s+(?:\w+\s+){0,3}?died\s+in\s+$|"
    r"\b(?:succumbed|died)\s+(?:to|of)\s+(?:his|her|their)\s+(?:injuries|wounds)\s+in\s+$",
    re.I,
)
#: Words one of which every match of :data:`_DIED_OF_WOUNDS_BEFORE` holds (lower case).
_DIED_OF_WOUNDS_WORDS = ("died", "succumbed")
#: "Attaullah Khogyani, spokesman for the governor": a man's name that ends
#: in a place name (a given name before it, his office after it).
_NAME_BEFORE = re.compile(r"(?:^|[\s(])(?!(?:In|At|On|Near|From|The|A|An|And|But|Of|For|To|By|With)\b)[A-Z][a-z]+\s$")
_PERSON_AFTER = re.compile(
    r"^,\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:spokes(?:man|woman|person)|governor|minister|commander|chief|"
    r"head|director|commissioner|official|officer|leader|mayor|elder|adviser|envoy)\b"
)
#: "families fled to Khar", "moved to relatives in Peshawar": where the
#: displaced went, not where the incident was.
_FLED_TO_BEFORE = re.compile(
    r"\b(?:fled|flee|fleeing|moved|relocated|sheltered|taken\s+refuge)\s+(?:\w+\s+){0,3}?to\s+(?:(?:\w+\s+){1,2}in\s+)?$",
    re.I,
)
#: Words one of which every match of :data:`_FLED_TO_BEFORE` holds (lower case).
_FLED_TO_WORDS = ("fle", "moved", "relocated", "sheltered", "refuge")
#: "the Kandahar provincial council": a body named after its province.
#: "the Jalalabad chamber of commerce", "the Quetta press club": a body named
#: after its town, in lower case (:data:`_ORG_AFTER` reads capitals).
_COUNCIL_AFTER = re.compile(
    r"^\s+(?:(?:provincial|district|municipal)\s+(?:council|assembly)|chambers?\s+of\s+(?:commerce|industry|trade)|"
    r"press\s+club|bar\s+(?:association|council))\b",
    re.I,
)
#: Words one of which every match of :data:`_COUNCIL_AFTER` holds (lower case).
_COUNCIL_WORDS = ("council", "assembly", "chamber", "press", "bar")
#: "the deputy commissioner of Qila Saifullah", "a spokesman for the governor
#: of Kandahar", "the police chief of Kurram": an office named after the
#: place it serves, as "Kandahar's governor" (:data:`_GOV_AFTER`) is.
_OFFICE_OF_BEFORE = re.compile(
    r"\b(?:(?:deputy\s+|assistant\s+)?commissioner|(?:deputy\s+)?governor|mayor|administrator|"
    r"police\s+(?:chief|spokesman|spokeswoman)|(?:chief|head)\s+of\s+police)\s+(?:of|for)\s+(?:the\s+)?$",
    re.I,
)
#: Words one of which every match of :data:`_OFFICE_OF_BEFORE` holds (lower case).
_OFFICE_WORDS = ("commissioner", "governor", "mayor", "administrator", "police")
#: A capital that acts ("demanded that Kabul act against them", "Kabul has
#: objected to the fence", "expected Islamabad to honour") is its
#: government: the subject of a deed or the one expected to do it.
_CAPITAL_ACTS_AFTER = re.compile(
    r"^\s+(?:(?:has|had|have)\s+(?:long\s+|always\s+|repeatedly\s+)?(?:objected|refused|agreed|failed|done|acted|"
    r"taken|disputed|resisted|insisted)|did\s+not|does\s+not|act|acts|acted|objects|objected|disputes|disputed|"
    r"refuses|refused|agrees|agreed|insists|expects|expected|wants|fails|failed|"
    r"takes?\s+(?:action|steps|measures)|rein\s+in|hand\s+over|honou?r|stop|curb)\b|"
    r"^\s+to\s+(?:act|take|stop|curb|rein|honou?r|hand|do|show|prevent|deliver|dismantle|crack)\b",
    re.I,
)
#: "the coalition in Khost declined to comment": where those who keep
#: silent are, as "officials in Quetta said" (:data:`_GOV_AFTER`).
_NO_COMMENT_AFTER = re.compile(
    r"^\s+(?:(?:has|had|have)\s+)?(?:declined|refused)\s+(?:to\s+)?comment|^\s+(?:would|could|did)\s+not\s+comment",
    re.I,
)
#: Where a statement was made, told with its audience or its occasion:
#: "told reporters in Islamabad", "briefing journalists in Quetta", "said
#: at a news conference in Kabul", "addressing a rally in Peshawar".
_STATEMENT_SETTING_BEFORE = re.compile(
    r"\b(?:told|telling|tells|briefed|briefing|briefs|addressing|addressed|addresses|"
    r"(?:speaking|spoke|speaks|talking|talked)\s+(?:to|at|before)|(?:said|says)\s+at)\s+"
    r"(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:reporters|journalists|media|press|newsmen|conference|briefing|rally|gathering|seminar|ceremony|"
    r"parliament|lawmakers|senators|assembly|audience|students|television)\s+(?:in|at)\s+(?:the\s+)?$",
    re.I,
)
#: Words one of which every match of :data:`_STATEMENT_SETTING_BEFORE` holds (lower case).
_STATEMENT_WORDS = ("told", "telling", "tells", "brief", "address", "speak", "spoke", "talk", "said at", "says at")
#: "the Kabul government", "the Islamabad administration": a capital naming
#: its government; and the other side's capital right after it ("between
#: Islamabad and Kabul", "Kabul and Islamabad have agreed"): the two
#: governments.
_CAPITAL_GOV_NOUN_AFTER = re.compile(
    r"^\s+(?:government|administration|authorities|leadership|regime|rulers|establishment)\b", re.I
)
_CAPITAL_PAIR_AFTER = re.compile(r"^\s*(?:,\s*)?(?:and|or)\s+(?:Kabul|Islamabad)\b")
#: A preposition of place right before a name: "in Kabul", "to Islamabad".
_PLACE_PREP_BEFORE = re.compile(r"\b(?:in|at|near|to|into|from|over|across|around|outside|inside|on)\s+$", re.I)
#: The capitals that stand for their governments (:data:`_CAPITAL_ACTS_AFTER`).
_GOV_SEATS = frozenset(("Kabul", "Islamabad", "Tehran", "New Delhi", "Delhi", "Washington", "Beijing", "Moscow"))
_CITY_GOV_AFTER = re.compile(r"^\s+(?:could|would|should|must|will|might|apologi[sz]e[sd]?|had\s+to|has\s+to)\b")
#: "In Kabul, a Taliban spokesman said ...": a sentence opening with the
#: place of the speakers (a reaction), not of an incident.
_SPEAKER_OPENING = re.compile(r"^\s*in\s+(?:the\s+)?$", re.I)
_SPEAKER_AFTER = re.compile(
    r"^,\s+(?:[\w'’-]+\s+){0,5}?(?:said|says|say|told|added|insisted|argued)\b"
    # (not a parenthesis: "In Urgun district, he said, two were wounded")
    r"(?!\s*,)",
    re.I,
)
_GOV_BEFORE = re.compile(
    r"\b(?:government|authorities|officials|leadership|regime|administration|rulers|"
    r"instructions|orders|diplomats|envoys?|ambassadors?|embassy|spokesm[ae]n|"
    r"message|pressure|demands?|response)\s+(?:in|from|of|on|that)\s+$|"
    r"\b(?:accusations?|allegations?|claims?)\s+(?:from|by)\s+$|"
    # the capital as the other party: "pointed the finger at Kabul", "talks with Kabul"
    r"\bfingers?\s+at\s+$|\b(?:talks|negotiations|dialogue|relations|ties|engagement|demarche|protest|complaint)\s+with\s+$|"
    # "a police official at the Khar control room said": a source
    r"\b(?:official|officer|doctor|source|sources|correspondent)\s+(?:at|in)\s+(?:the\s+)?$|"
    # where a statement was made: "said in Islamabad", "told reporters in Kabul"
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}|speaking|spoke|briefing|conference|"
    r"interview|statement\s+issued)\s+in\s+$|\bfrom\s+(?=$)(?<=instructions from )",
    re.I,
)
_ORIGIN_BEFORE = re.compile(
    r"\b(?:native\s+of|hails?\s+from|hailing\s+from|originally\s+from|born\s+in|"
    r"who\s+(?:is|was|are|were)\s+from|resident\s+of|hometown(?:\s+of)?|"
    r"(?:man|woman|boy|girl|men|women|drivers?|traders?|villagers|tribesmen|migrants?|refugee|refugees|family|elders|"
    r"families|worker|workers|student|students|labou?rers?|citizen|people)\s+from|"
    # "militants who crossed over from Kunar", "fighters who moved in
    # from Paktika": where they came from, not where they were hit
    # (not "four of those hurt came from Marawara": where they were hurt)
    r"(?:moved|came|crossed|sneaked|slipped|infiltrated)\s+(?:in|over|across)\s+from|"
    # "the attackers, who came from Afghanistan's Kunar province"
    r"who\s+(?:had\s+)?(?:came|come|crossed|infiltrated)\s+from|"
    # "shares the pain of the people of Balochistan"
    r"(?:people|residents|citizens|inhabitants)\s+of)\s+(?:the\s+)?(?:(?:Afghanistan|Pakistan)['’]s\s+)?$",
    re.I,
)
_HOSPITAL_BEFORE = re.compile(
    r"\b(?:hospitals?|clinics?|medical\s+(?:care|treatment)|treatment)\s+(?:\w+\s+){0,2}(?:in|at)\s+$|"
    r"\b(?:taken|rushed|shifted|transferred|moved|evacuated|airlifted|referred|flown|"
    r"brought|transported)\s+(?:\w+\s+){0,4}?to\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:hospitals?\s+in\s+)?$",
    re.I,
)
#: "a suicide bombing at the Civil Hospital in Quetta", "gunmen stormed a
#: hospital in Kabul": the hospital is where the incident was, unless the
#: wounded are cared for there ("treated at a hospital in Peshawar").
_HOSPITAL_SITE = re.compile(
    r"\b(?:at|on|inside|outside|near|targeted|stormed|hit|struck|attacked|bombed|raided)\s+(?:the\s+|a\s+)?"
    r"(?:[\w'’-]+\s+){0,5}?(?:hospital|clinic)s?\s+(?:\w+\s+){0,2}(?:in|at)\s+$",
    re.I,
)
_SITE_BEFORE = re.compile(
    r"\b(?:at|on|inside|outside|near|targeted|stormed|hit|struck|attacked|bombed|raided)\s+(?:the\s+|a\s+)?"
    # (also a part of it: "struck the emergency ward of Quetta's hospital")
    r"(?:(?:[\w'’-]+\s+){1,3}?of\s+)?$",
    re.I,
)


def _hospital_site(before: str) -> bool:
    """Is the hospital named just before a place the site of an incident?"""
    return (
        ("ospital" in before or "linic" in before)
        and _HOSPITAL_SITE.search(before) is not None
        and not _CARE.search(before)
    )


_HOSPITAL_AFTER = re.compile(r"^['’]?s?\s+(?:\w+\s+)?(?:hospital|medical\s+complex|clinic)\b", re.I)
#: Words one of which every match of :data:`_HOSPITAL_AFTER` holds (lower case).
_HOSPITAL_AFTER_WORDS = ("hospital", "medical", "clinic")
#: A reporter's credit line ("Jane Doe reported from Kabul"): no place of it
#: is an event's. Not the passive of an incident "reported from" where it
#: happened ("an exchange of fire was reported from the Chaman border").
_CREDIT = re.compile(
    r"\bcontributed\s+to\s+this\b|(?<!was\s)(?<!were\s)(?<!been\s)(?<!being\s)\breported\s+from\b|"
    r"\bwriter\b.*\bcontributed\b",
    re.I,
)
_ACROSS_FROM = re.compile(
    r"^,?\s*(?:[\w-]+,?\s+){0,8}?(?:across\s+(?:the\s+border\s+)?from|opposite|facing|twinned\s+with)\s+(?:the\s+)?"
    r"(?:(?:\w+\s+){0,2}(?:town|city)\s+of\s+)?$",
    re.I,
)
#: "Spin Boldak, across from Chaman": the first name is the crossing.
_ACROSS_AFTER = re.compile(
    r"^,?\s*(?:[\w-]+,?\s+){0,8}?(?:across\s+(?:the\s+border\s+)?from|opposite|facing|"
    r"twinned\s+with)\b",
    re.I,
)
#: "Chaman in Pakistan's Balochistan province": a province that only says
#: where the place before it lies.
_QUALIFIER_GAP = re.compile(
    r"^\s*(?:,\s*|in\s+|of\s+)(?:the\s+|[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,2}$|"
    # "Khar, the main town of Bajaur district": an apposition
    r"^\s*,\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}(?:town|city|headquarters|capital|centre|center|"
    r"district|village|area|part)\s+(?:of|in)\s+(?:the\s+)?$",
    re.I,
)
_BROAD = ("province", "region")
_POINT_KINDS = ("town", "village", "city", "crossing")
#: "the Dangam and Nari districts", "Khost and Paktika provinces": a kind
#: said once, in the plural, after a list of names.
_PLURAL_KIND = re.compile(
    r"(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*\s+(district|province)s\b"
)
#: "Khost's Gurbuz district", "Kunar's Dangam": a wider place before a narrower one.
_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:the\s+)?$")
#: After a name set off by a comma: more names of a list follow.
_LIST_GOES_ON = re.compile(r",\s*[A-Z]|\s+and\s+[A-Z]")
#: ("the Mamund tehsil of Bajaur", "Mamund tehsil, in Bajaur district")
_OF_GAP = re.compile(r"^\s*(?:(?:tehsil|district|area|valley|sub-division|subdivision)\s*,?\s*)?(?:of|in)\s", re.I)
#: The kind words a name found may end with ("Mamund tehsil").
_KIND_ENDS = ("tehsil", "district", "area", "valley", "sub-division", "subdivision")


def _of_gap(sentence: str, prev, m) -> bool:
    """Does the text between ``prev`` and ``m`` say that ``m`` holds
    ``prev`` ("the Mamund tehsil of Bajaur district", "Mamund tehsil, in
    Bajaur district": a comma only after a kind word, which may end the
    name found)?"""
    gap = sentence[prev.end : m.start]
    if _OF_GAP.match(gap):
        return True
    return gap.strip() in (", in", ",in") and prev.surface.lower().endswith(_KIND_ENDS)


def _dateline(sentence: str) -> re.Match | None:
    """The dateline opening ``sentence``; the costly dash pattern only when
    the sentence has a dash."""
    return (("—" in sentence or "–" in sentence) and _DATELINE_DASH.match(sentence)) or _DATELINE_CAPS.match(sentence)


def _opens_name(found: str, folded: str) -> bool:
    """Is the name ``found`` the first word of the two-word name written
    (``folded``)? "Lakki Marwat" is the town GeoNames calls Lakki: a district
    town is often written with its district's second word; a longer name
    found for a shorter one written ("Gul" for Gulu) is not."""
    words = folded.split(" ")
    return len(words) == 2 and len(words[0]) >= 4 and _fold(found) == words[0]


def _names_its_province(place: Place) -> bool:
    """A city named like its province ("the Sperah district of Khost"): after
    another place it stands for the province."""
    return (
        place.kind in ("city", "town")
        and bool(place.admin1)
        and _fold(place.admin1).startswith(_fold(place.name) + " ")
    )


def _rank(place: Place) -> int:
    """How wide a place is: 1 a point (town, crossing), 2 a district, 3 a
    province or region. "Mir Ali in North Waziristan": the wider name only
    says where the narrower one lies."""
    if place.kind in _BROAD and place.precision >= 3:
        return 3
    return 2 if place.kind in ("district", "agency", "tehsil", "valley") or place.precision == 2 else 1


#: Capitalised words after a locative preposition: candidates for GeoNames
#: (also one opening the sentence: "At Karachi port, ...").
_CANDIDATE = re.compile(
    r"\b(?:At|In|Near|in|at|near|outside|into|towards?|across|reached|arrived\s+in|visited|hit|struck)\s+"
    r"(?:the\s+(?:town|city|village|capital)\s+of\s+)?"
    r"([A-Z][\w-]*(?:['’](?!s\b)[\w-]+)?(?:\s+[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)?){0,2})"
)
#: :data:`_CANDIDATE` without its ``\b`` and with the verbs factored by first
#: letter, for :func:`~geomap.extract.wordscan.finditer_bounded`: ``re`` then
#: skips to the letters a verb can start with instead of trying the whole
#: alternation at every position. No two verbs can both match at one place
#: (each is followed by spaces), so the order of the alternatives does not
#: matter; tests check both find the same spans.
_CANDIDATE_FAST = re.compile(
    r"(?:At|In|Near|a(?:cross|rrived\s+in|t)|hit|in(?:to)?|near|outside|reached|struck|towards?|visited)\s+"
    + _CANDIDATE.pattern.split(r"struck)\s+", 1)[1]
)
#: A destination the next clause happens at: "invited both sides to Doha,
#: where they agreed a truce", "flew to Muscat, where the talks began". "to"
#: alone is no preposition of place (the road to, talks to end), so a name
#: only GeoNames knows is a candidate after it when ", where" follows.
_DESTINATION_WHERE = re.compile(
    r"\bto\s+([A-Z][\w-]*(?:['’](?!s\b)[\w-]+)?(?:\s+[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)?){0,2})"
    r"(?:\s+on\s+[A-Z]\w+)?\s*,\s*where\b"
)


def _destination_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of names a journey's "to" leads to when a "where" clause told
    at them follows (:data:`_DESTINATION_WHERE`); most sentences hold no
    ", where" and cost one substring test."""
    if ", where" not in sentence:
        return []
    return [m.span(1) for m in _DESTINATION_WHERE.finditer(sentence)]


#: A word that may be capitalised, as the spelling scan reads names:
#: hyphens and an inner apostrophe belong to it, a possessive "'s" does not.
#: It may open with a Latin letter with a diacritic ("Ṭorkham"; the ranges
#: mix cases: :meth:`PlaceFinder._spelled_spans` keeps capitals only).
_NAME_WORD = re.compile(r"\b[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff][\w-]*(?:['’](?!s\b)[\w-]+)?")
#: :data:`_NAME_WORD` without its leading ``\b``, for
#: :func:`~geomap.extract.wordscan.finditer_bounded` (same matches): led by
#: a set of letters, ``re`` skips ahead to the capitals instead of trying
#: the pattern at every position of the sentence.
_NAME_WORD_UNBOUNDED = re.compile(_NAME_WORD.pattern[2:])
#: What may stand between two words of one name: a space, or a lower-case
#: izafe ("Barg e Matal", "Dand i Patan").
_NAME_GAP = re.compile(r"\s{1,2}(?:(?:e|i|ye)\s{1,2})?")
#: Shortest spelling key the scan looks for: a short name spelled otherwise
#: is mostly an English word or a person's ("Wish" spells Wesh, "Deer"
#: Dir, "Fatah" FATA); short names are found as the gazetteer writes them.
_MIN_SPELLED = 5
#: Letters of a key's head, the scan's first filter (:data:`_MIN_SPELLED` or fewer).
_HEAD = 4
#: Most words of a name a spelling match spans.
_NAME_WORDS = 4
#: Words whose spelling-key answer :class:`PlaceFinder` keeps, at most.
_WORD_MEMO = 1 << 16
_NOT_PLACE_WORDS = frozenset(
    """the a an this that these those he she it they we i his her their our its
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december taliban islamic afghan afghans pakistani pakistanis un nato us u.s
ttp isi gdi ispr radio reuters afp ap dawn time times news media tv amu ariana press""".split()
)

#: Whole-border phrases that are not in the gazetteer's alias list.
_BORDER_PHRASES = re.compile(
    r"\b(?:both\s+sides\s+of\s+the\s+(?:border|frontier|boundary)|"
    r"(?:along|across|on|at|over|near|to|close\s+to)\s+(?:the|their|its|our|a|this)\s+(?:(?:disputed|shared|porous|long|"
    r"mountainous|tense|volatile|troubled|common|\w+-\w+)\s+)?(?:border|frontier|boundary)(?!\s+(?:town|city|village|"
    r"crossing|post|posts|point|guards?|police|forces|officials|district|areas?\s+of|terminal|gate|trade)|"
    # "a quarrel over the boundary of a parking area": some plot's edge
    r"\s+of\s+an?\s)|"
    r"(?:the|their|its)\s+(?:border|frontier|boundary)\s+(?:between|with)\b|"
    r"border\s+crossings\b|crossings\s+(?:with|along|on|between)\s+(?:the\s+)?(?:border|afghanistan|pakistan|two)|"
    r"all\s+(?:the\s+|its\s+|their\s+)?(?:main\s+|border\s+)?crossings\b|"
    r"the\s+(?:border|frontier)(?=\s+(?:has|had|was|is|remains|remained|stays|stayed|will|between|itself)\b)|"
    r"border\s+(?:regions|areas)\b|cross-border|"
    # "killed in a helicopter strike in a border area": somewhere on the
    # line, unnamed (not "the border area of Kurram": that place)
    r"(?:in|into|near|at)\s+(?:a|the|one)\s+(?:remote\s+|tribal\s+|mountainous\s+)?border\s+(?:area|region)\b(?!\s+of\b))",
    re.I,
)
_BORDER_NOT = re.compile(
    # ("an Afghan border policeman": a man of the border police; "Afghan
    # border security forces fired", "Pakistani border authorities closed":
    # who acted, not where)
    r"^\s*(?:town|city|village|crossing|guards?|police|policem[ae]n|forces|officials|district|terminal|gate|"
    r"security\s+(?:forces|personnel|officials|troops)|personnel|troops|authorities|commanders?|militia)\b",
    re.I,
)
#: "the crossing", "a key border crossing": a crossing named earlier.
_ANAPHOR = re.compile(
    r"\b(?:the|a|this|that)\s+(?:(?:key|main|busy|busiest|vital|major|important|"
    r"shut|closed|same)\s+)?(?:border\s+)?(?:crossing|crossing\s+point|border\s+post|terminal)(?!s)\b",
    re.I,
)


#: The same names recur in every article: fold each once.
_fold = functools.lru_cache(maxsize=1 << 16)(fold)
_wants_kind = functools.lru_cache(maxsize=1 << 16)(wants_kind)

#: The border phrases and "the crossing" for the lower-cased sentence (see
#: :mod:`geomap.extract.wordscan`); the surface text is cut from the sentence.
_BORDER_PHRASES_LOW = lowered_pattern(_BORDER_PHRASES)
_ANAPHOR_LOW = lowered_pattern(_ANAPHOR)

#: Government, origin and hospital phrases before a name, in one scan.
_NOT_EVENT_BEFORE = LoweredPattern(
    re.compile("|".join(p.pattern for p in (_GOV_BEFORE, _ORIGIN_BEFORE, _HOSPITAL_BEFORE)), re.I)
)
#: "the road from Parachinar to Peshawar", "the train to Peshawar": where a
#: route leads, not where something happened on it.
_ROUTE_BEFORE = re.compile(
    # ... and the ends of a journey told from its start ("trucks travelling
    # from Parachinar to Peshawar", "travellers heading from Jalalabad"; not
    # a bare destination: a delegation that "travelled to Kabul" meets there)
    r"\b(?:travell?(?:ing|ed)|heading|headed|returning|on\s+(?:their|its|his|her)\s+way|en\s+route)\s+"
    r"(?:back\s+|home\s+)?from\s+(?:(?:[\w-]+\s+){1,3}?to\s+)?(?:the\s+)?$|"
    # "the queue stretched for eight kilometres back to Landi Kotal": how far it reached
    r"\b(?:stretch(?:ed|es|ing)?|extend(?:ed|s|ing)?)\s+(?:\w+\s+){0,4}?(?:back\s+)?(?:almost\s+|nearly\s+|all\s+the\s+way\s+)?"
    r"(?:to|as\s+far\s+as|towards?)\s+(?:the\s+)?$|"
    # "trucks turned back towards Peshawar": where they went, not where they waited
    r"\b(?:turned\s+back|went\s+back|diverted|rerouted)\s+(?:to|towards?)\s+(?:the\s+)?$|"
    r"\b(?:roads?|route|highway|motorway|express|trains?|flights?|bus(?:es)?|journey)\s+"
    r"(?:(?:from|between)\s+(?:[\w-]+\s+){1,3}?)?(?:to|from|towards)\s+(?:the\s+)?$",
    re.I,
)
_ROUTE_WORDS = (
    "road",
    "route",
    "highway",
    "motorway",
    "express",
    "train",
    "flight",
    "bus",
    "journey",
    "travel",
    "heading",
    "headed",
    "returning",
    " way",
    "turned back",
    "went back",
    "diverted",
    "rerouted",
    "stretch",
    "extend",
)
_AND_GAP = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)

#: Every match of :data:`_NOT_EVENT_BEFORE` ends (before the mention) with one
#: of these words, except "taken to the district hospital in", which holds one
#: of :data:`_MOVED_WORDS`; every match of :data:`_NEAR_BEFORE` ends with one of
#: :data:`_NEAR_TAILS`. These patterns end in ``$`` and are tried at every
#: position of the text before a mention; a look at its last word skips
#: most of those scans.
_NOT_EVENT_TAILS = ("in", "from", "of", "by", "at", "hometown", "the", "with", "on", "that", "istan's", "istan’s")
_MOVED_WORDS = (
    "taken",
    "rushed",
    "shifted",
    "transferred",
    "moved",
    "evacuated",
    "airlifted",
    "referred",
    "flown",
    "brought",
    "transported",
)
#: The wounded cared for: a hospital named with these is no incident's site.
_CARE = re.compile(r"\b(?:treat\w*|admitted|care|died|succumbed|recover\w*|" + "|".join(_MOVED_WORDS) + r")\b", re.I)
_NEAR_TAILS = ("near", "outside", "to", "from", "around", "of", "the")
#: Words one of which every match of :data:`_NOT_EVENT_BEFORE` holds (the
#: nouns and verbs that govern its prepositions).
_NOT_EVENT_WORDS = (
    "government",
    "authorities",
    "officials",
    "leadership",
    "regime",
    "administration",
    "rulers",
    "instructions",
    "orders",
    "diplomats",
    "envoy",
    "ambassador",
    "embassy",
    "spokesm",
    "message",
    "pressure",
    "demand",
    "response",
    "accusation",
    "allegation",
    "claim",
    "native",
    "hail",
    "originally",
    "born",
    "who",
    "resident",
    "hometown",
    "man",
    "boy",
    "girl",
    "men",
    "driver",
    "trader",
    "migrant",
    "refugee",
    "famil",
    "worker",
    "student",
    "labo",
    "citizen",
    "people",
    "hospital",
    "clinic",
    "medical",
    "treatment",
    "said",
    "says",
    "told",
    "speaking",
    "spoke",
    "briefing",
    "conference",
    "interview",
    "statement",
    "elder",
    "official",
    "officer",
    "doctor",
    "source",
    "correspondent",
    "finger",
    "talks",
    "negotiations",
    "dialogue",
    "relations",
    "ties",
    "engagement",
    "demarche",
    "protest",
    "complaint",
    "residents",
    "inhabitants",
    "villagers",
    "tribesmen",
    # (the particle and "from" of "crossed over from", "moved in from")
    "in from",
    "over from",
    "across from",
) + _MOVED_WORDS


def _ends_with(before: str, words: tuple[str, ...]) -> bool:
    """Does ``before``, trailing spaces dropped, end with one of ``words``
    (lower case, at most 8 letters)? A necessary condition, not a word test."""
    return before.rstrip()[-8:].lower().endswith(words)


#: Characters before a mention that the origin/government/hospital patterns read.
_LOOKBACK = 90
#: Stems without which a pattern cannot match, by group name (see
#: :mod:`geomap.extract.stems`). Each finder adds ``border_names``, the
#: gazetteer's names of the border, so one pass per sentence answers all.
_STEM_GROUPS: dict[str, tuple[str, ...]] = {
    "border_phrase": ("border", "frontier", "boundar", "crossing"),
    # ("the terminal": the crossing's customs terminal, as "held a meeting in the terminal building")
    "crossing_ref": ("crossing", "border post", "terminal"),
    "country": tuple(COUNTRY_NAMES),
    "twin_crossing": ("across", "opposite", "facing", "twinned"),
    "moved_to": _MOVED_WORDS,
    "not_event_place": _NOT_EVENT_WORDS,
    "route": _ROUTE_WORDS,
    "hospital_after": _HOSPITAL_AFTER_WORDS,
    "addressee": _ADDRESSEE_WORDS,
    "council": _COUNCIL_WORDS,
    "fled_to": _FLED_TO_WORDS,
    "died_of_wounds": _DIED_OF_WOUNDS_WORDS,
    "office_of": _OFFICE_WORDS,
    "journey": _JOURNEY_WORDS,
    "statement_setting": _STATEMENT_WORDS,
    # (_PLURAL_KIND reads case: these words as written)
    "plural_kind": ("districts", "provinces"),
    "near_after": ("area", "region", "outskirts", "vicinity"),
}
#: Group name -> its index in the stem filter (``border_names`` last).
_G = {name: i for i, name in enumerate([*_STEM_GROUPS, "border_names"])}


@dataclass(frozen=True)
class Mention:
    """A place mention in a sentence.

    Attributes
    ----------
    role : str
        ``place`` (resolved ``place``), ``border`` (the border as a whole),
        ``crossing_ref`` (an earlier named crossing), ``country`` (``country``
        holds the ISO-2 code; ``place`` is None).
    """

    start: int
    end: int
    surface: str
    role: str = "place"
    place: Place | None = None
    country: str = ""


def _mention(start: int, end: int, surface: str, role: str, place: Place | None = None, country: str = "") -> Mention:
    """``Mention(start, end, surface, role, place, country)``, made faster.

    A frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``, several times the cost of filling the instance's
    ``__dict__``; the finder makes one per name found. The result is the same
    object (tests compare both).
    """
    m = _NEW(Mention)
    m.__dict__.update(start=start, end=end, surface=surface, role=role, place=place, country=country)
    return m


_NEW = object.__new__


def _lower_same_length(text: str) -> str:
    """Lower-case without changing offsets (a few letters grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _gazetteers(chain) -> list:
    backends = getattr(chain, "geocoders", None)
    if backends is None:
        backends = [chain]
    return [b for b in backends if hasattr(b, "places")]


class PlaceFinder:
    """Finds and resolves the place mentions of sentences.

    Parameters
    ----------
    chain : Geocoder
        Usually :func:`geomap.geocoders.default_chain`; its gazetteer
        backends (those with a ``places`` list) feed the name automaton.
    """

    def __init__(self, chain):
        self.chain = chain
        self.border: Place | None = None
        self._automaton = ahocorasick.Automaton()
        self._memo: dict[tuple, Place | None] = {}
        #: Names of crossings: a town such as Spin Boldak is also its crossing.
        self.crossing_names: set[str] = set()
        #: Spelling key -> the gazetteer name it spells (see :meth:`_spelled_spans`).
        self._spelled: dict[str, str] = {}
        n = 0
        for gaz in _gazetteers(chain):
            aliases = getattr(gaz, "aliases", {}) or {}
            for place in gaz.places:
                if place.kind == "crossing":
                    self.crossing_names.add(place.name)
                if place.kind == "border":
                    self.border = self.border or place
                    continue
                if place.kind == "country":
                    continue
                for name in (place.name, *aliases.get(place, ())):
                    key = _lower_same_length(name.strip())
                    if len(key) < 3 or key in COUNTRY_NAMES:
                        continue
                    if key not in self._automaton:
                        self._automaton.add_word(key, key)
                        n += 1
            self._add_spellings(gaz)
        if n:
            self._automaton.make_automaton()
        self._ready = n > 0
        #: What the key of a name's first word can be: the key of a name's
        #: first word as the gazetteer writes it ("Spin", "Dur"), or begin
        #: with the first four letters of a name's key ("Para" of
        #: "Parachinar"). A word whose key is neither does not start a name
        #: (the scan's fast path: "The", "Taliban", "Monday").
        self._spelled_heads = {k[:_HEAD] for k in self._spelled}
        self._spelled_firsts = {spelling(n.split()[0]) for n in self._spelled.values()}
        #: Capitalised word -> does its spelling key begin a name's?
        self._word_starts: dict[str, bool] = {}
        if self.border is None:
            self.border = chain.geocode("Afghanistan-Pakistan border", kind="border")
        # Registered now: a sentence scan made after this reads these groups.
        self._stem_filter()

    def _add_spellings(self, gaz) -> None:
        """Take the gazetteer's text names by their spelling keys
        (:meth:`RegionalGazetteer.text_spellings`), but none of a country
        and none a name of another gazetteer already spells."""
        spellings = getattr(gaz, "text_spellings", None)
        if spellings is None:
            return
        for key, name in spellings().items():
            if len(key) < _MIN_SPELLED or key in _COUNTRY_SPELLINGS or name.lower() in COUNTRY_NAMES:
                continue
            if self._spelled.setdefault(key, name) != name:
                self._spelled[key] = None  # two gazetteers spell it for two names: neither
        self._spelled = {k: v for k, v in self._spelled.items() if v is not None}

    # -- resolution ----------------------------------------------------
    def resolve(self, name: str, kind: str | None = None, countries: tuple[str, ...] = ()) -> Place | None:
        """Geocode ``name`` through the chain, memoised; never raises."""
        key = (name, kind, countries)
        if key not in self._memo:
            try:
                place = self.chain.geocode(name, kind=kind, countries=countries or None)
            except (ValueError, LookupError):
                place = None
            self._memo[key] = place
        return self._memo[key]

    def _near(self, place: Place) -> Place:
        """``place`` at precision 2 ("near Torkham"), one object per place."""
        key = ("near", place)
        if key not in self._memo:
            self._memo[key] = replace(place, precision=2)
        return self._memo[key]

    # -- finding ---------------------------------------------------------
    def _raw_mentions(
        self,
        sentence: str,
        countries: tuple[str, ...],
        low: str,
        twin_words: bool,
        plural_words: bool = True,
        near_words: bool = True,
        known: tuple[str, ...] = (),
    ) -> list[Mention]:
        # ``twin_words``, ``plural_words``, ``near_words``: may the sentence
        # hold the words of :data:`_ACROSS_AFTER`, :data:`_PLURAL_KIND`,
        # :data:`_NEAR_AFTER` (False: those patterns are not tried)?
        spans: list[tuple[int, int]] = []
        if self._ready:
            for end, key in self._automaton.iter(low):
                start = end - len(key) + 1
                end += 1
                if start > 0 and (low[start - 1].isalnum() or low[start - 1] in "-"):
                    continue
                if end < len(low) and (low[end].isalnum() or low[end] in "-"):
                    continue
                if not sentence[start].isupper():
                    continue  # "tank", "wana": lower-case words are not names
                spans.append((start, end))
        spelled = self._spelled_spans(sentence, spans) if self._spelled else {}
        spans.extend(spelled)
        if known:
            spans.extend(_known_spans(sentence, known))
        # Longest gazetteer names first, then unknown candidates in the gaps.
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        chosen: list[tuple[int, int]] = []
        for s, e in (
            spans + [m.span(1) for m in finditer_bounded(_CANDIDATE_FAST, sentence)] + _destination_spans(sentence)
        ):
            for cs, ce in chosen:  # a loop, not any() over a generator: one per name
                if s < ce and cs < e:
                    break
            else:
                chosen.append((s, e))
        chosen.sort()
        out: list[Mention] = []
        for s, e in chosen:
            surface = sentence[s:e]
            folded = _fold(surface)
            if folded in _NOT_PLACE_WORDS or folded.split(" ")[0] in _NOT_PLACE_WORDS:
                continue
            feature = _FEATURE.match(sentence[e:])
            # a variant spelling is resolved as the gazetteer name it spells
            name = spelled.get((s, e), surface) if spelled else surface
            full = name + (feature.group(0) if feature else "")
            plural = None if feature or not plural_words else _PLURAL_KIND.match(sentence, e)
            if plural:
                # "the Dangam and Nari districts": each name of the list is one
                full = name + " " + plural.group(1)
            kind = _wants_kind(full)
            if kind is None and twin_words and _ACROSS_AFTER.match(sentence[e:]):
                kind = "crossing"
            place = self.resolve(full, kind, countries)
            if place is None and (kind is not None or feature or plural):
                place = self.resolve(name, None, countries)
            if place is None or place.kind in ("country", "border"):
                continue
            if (
                place.backend != "gazetteer"
                and _fold(place.name) != folded
                and spelling(place.name) != spelling(name)
                and not _opens_name(place.name, folded)
            ):
                # GeoNames matched an alternate name: "Gul" is not Gulu (a
                # spelling of its own name is: "Zarghoon Shahr", Zarghun Shahr)
                continue
            end = e + (len(feature.group(0)) if feature else 0)
            near_before = sentence[max(0, s - 60) : s]
            if (
                (_ends_with(near_before, _NEAR_TAILS) and _NEAR_BEFORE.search(near_before))
                or (near_words and _NEAR_AFTER.match(sentence[end:]))
                # "a house 30 km west of Miramshah", "on the outskirts of Quetta"
                or _MEASURED_FROM.search(near_before)
            ):
                if place.precision < 2:
                    place = self._near(place)
            # (the surface as written: a variant keeps its spelling)
            out.append(_mention(s, end, (surface + full[len(name) :]).strip(), "place", place))
        return out

    def _spelled_spans(self, sentence: str, taken: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
        """Spans of ``sentence`` outside ``taken`` (the automaton's) that
        spell a gazetteer name otherwise -> that name: the longest run of up
        to :data:`_NAME_WORDS` capitalised words, from each word whose
        spelling key begins one.

        Fast path: most sentences hold a few capitalised words, none of
        which begins a name's key; each word's answer is kept, so a word
        costs one dictionary look-up after its first sighting.
        """
        words = None
        found: dict[tuple[int, int], str] = {}
        starts = self._word_starts
        skip_to = 0
        for m in finditer_bounded(_NAME_WORD_UNBOUNDED, sentence):
            w = m.group()
            ok = starts.get(w)
            if ok is None and not w[0].isupper():
                ok = starts[w] = False
            if ok is None:
                if len(starts) >= _WORD_MEMO:
                    starts.clear()
                k = spelling(w)
                low = w.lower()
                # (not "Afghan", "Pakistani", "Monday": the first words of
                # aliases such as "Afghan side of Arandu", found as written)
                ok = starts[w] = (k[:_HEAD] in self._spelled_heads or k in self._spelled_firsts) and not (
                    low in _NOT_PLACE_WORDS or low in COUNTRY_NAMES
                )
            if not ok or m.start() < skip_to or any(m.start() < te and ts < m.end() for ts, te in taken):
                continue
            if words is None:
                words = [x.span() for x in finditer_bounded(_NAME_WORD_UNBOUNDED, sentence, m.start())]
            span = self._spelled_at(sentence, words, m.start(), taken)
            if span is not None:
                found[span[:2]] = span[2]
                skip_to = span[1]
        return found

    def _spelled_at(self, sentence: str, words: list[tuple[int, int]], start: int, taken) -> tuple | None:
        """``(start, end, name)`` of the longest name spelled by the words
        from the one at ``start`` (none of them in ``taken``), or None."""
        i = next(k for k, (ws, _) in enumerate(words) if ws == start)
        best = None
        for j in range(i, min(i + _NAME_WORDS, len(words))):
            ws, we = words[j]
            if j > i and not _NAME_GAP.fullmatch(sentence, words[j - 1][1], ws):
                break  # not one name: words apart
            if any(ws < te and ts < we for ts, te in taken):
                break
            name = self._spelled.get(spelling(sentence[start:we]))
            if name is not None:
                best = (start, we, name)
        return best

    def find(
        self,
        sentence: str | ScannedSentence,
        countries: tuple[str, ...] = (),
        scan: dict[int, set[int]] | None = None,
        known: tuple[str, ...] = (),
    ) -> list[Mention]:
        """Event-place mentions of ``sentence`` in text order.

        Dateline places, capitals standing for governments, places of origin,
        hospital destinations and the second name of a twin crossing
        ("Spin Boldak, across from Chaman") are left out.

        Parameters
        ----------
        sentence : str
        countries : tuple of str
            ISO-2 codes that resolve ambiguous names first.
        scan : dict, optional
            :meth:`~geomap.extract.stems.StemIndex.scan` of the lower-cased
            sentence by :data:`~geomap.extract.stems.SENTENCE_STEMS`, when the
            caller has it (saves this function's own pass).
        known : tuple of str, optional
            Names the article placed through the chain in any of its
            sentences (see :func:`learned_names`): found wherever they
            stand, as the gazetteer's names are.
        """
        low = None
        if isinstance(sentence, ScannedSentence):  # the scan made once per sentence
            if sentence.scan is not None:  # lower-casing kept the length: the same text
                low = sentence.low
            sentence, scan = sentence.text, sentence.scan
        if low is None:
            low = _lower_same_length(sentence)
        if ("contribut" in low or "reported from" in low) and _CREDIT.search(sentence):
            return []
        dateline = _dateline(sentence)
        present = self._stem_filter().present(low, scan)
        moved = _G["moved_to"] in present
        lowered = lowered_ok(sentence, low)
        governed = _G["not_event_place"] in present
        route = _G["route"] in present
        # The patterns below can match only where their words are; the stem
        # scan tells that when ``low`` is the plain lower case (a scan was
        # made) and IGNORECASE folds no letter apart from it.
        sure = scan is not None and lowered
        hospital_after = not sure or _G["hospital_after"] in present
        addressee = not sure or _G["addressee"] in present
        council = not sure or _G["council"] in present
        fled_to = not sure or _G["fled_to"] in present
        died_of_wounds = not sure or _G["died_of_wounds"] in present
        office_of = not sure or _G["office_of"] in present
        journey = not sure or _G["journey"] in present
        setting = not sure or _G["statement_setting"] in present
        mentions: list[Mention] = []
        prev: Mention | None = None
        dropped: int | None = None  # end of the last name taken as origin, source or government
        raw = self._raw_mentions(
            sentence,
            countries,
            low,
            _G["twin_crossing"] in present,
            _G["plural_kind"] in present,
            not sure or _G["near_after"] in present,
            known,
        )
        for k, m in enumerate(raw):
            nxt = raw[k + 1] if k + 1 < len(raw) else None
            if (
                nxt is not None
                and _POSSESSIVE_GAP.match(sentence, m.end, nxt.start)
                and (
                    _rank(m.place) >= _rank(nxt.place)
                    or _names_its_province(m.place)
                    # "Zhob's Sambaza": a village of the town's district (a
                    # hand-placed village ranks as wide as a district)
                    or (m.place.kind in ("city", "town") and nxt.place.kind == "village")
                )
            ):
                # "Khost's Gurbuz district": the wider name only says where
                # the narrower one after it lies.
                prev = m
                continue
            # The "before" patterns end at the mention; a bounded window keeps
            # their scans short on long sentences.
            before, after = sentence[max(0, m.start - _LOOKBACK) : m.start], sentence[m.end :]
            twin = prev is not None and _ACROSS_FROM.match(sentence[prev.end : m.start] + " ")
            qualifier = (
                prev is not None
                and _QUALIFIER_GAP.match(sentence[prev.end : m.start])
                # "posts at Angoor Adda, Bajaur, Kurram and Chitral": a list
                and not (sentence[prev.end : m.start].strip() == "," and _LIST_GOES_ON.match(sentence, m.end))
                and (
                    _rank(m.place) > _rank(prev.place)
                    or _names_its_province(m.place)
                    # "the Mamund tehsil of Bajaur district"
                    or (_rank(m.place) == _rank(prev.place) == 2 and _of_gap(sentence, prev, m))
                    # "Makeen, South Waziristan": a hand-placed town (precision
                    # 2) and the district it lies in
                    or (m.place.kind == "district" and prev.place.kind in _POINT_KINDS)
                )
            )
            prev = m
            if qualifier:
                continue
            if dateline and m.end <= dateline.end():
                continue
            not_event = (
                governed
                and (moved or _ends_with(before, _NOT_EVENT_TAILS))
                and _NOT_EVENT_BEFORE.search(before)
                and not _hospital_site(before)
                # "met Taliban officials in Jalalabad": where they met
                and not _MEETING_IN.search(before)
            )
            if not_event or (dropped is not None and _AND_GAP.match(sentence, dropped, m.start)):
                # "traders from Parachinar and Paktia": the second name too
                dropped = m.end
                continue
            if journey and journey_end(before):
                # "lorries bound for Peshawar and Lahore": the second name too
                dropped = m.end
                continue
            if twin or _ORG_AFTER.match(after):
                continue
            if _GOV_AFTER.match(after) and not _MEETING_IN.search(before):
                if mentions and _AND_GAP.match(sentence, mentions[-1].end, m.start):
                    # "traders in Peshawar and Kabul say": both are where
                    # the speakers are
                    mentions.pop()
                continue
            if (
                hospital_after
                and _HOSPITAL_AFTER.match(after)
                and not (_SITE_BEFORE.search(before) and not _CARE.search(before))
            ):
                continue
            if (addressee and _ADDRESSEE_BEFORE.search(before)) or (
                m.place.kind == "city" and _CITY_GOV_AFTER.match(after)
            ):
                continue
            if "comment" in after[:40] and _NO_COMMENT_AFTER.match(after):
                continue
            if setting and _ends_with(before, ("in", "at", "the")) and _STATEMENT_SETTING_BEFORE.search(before):
                continue
            if (
                m.place.name in _GOV_SEATS
                and _CAPITAL_ACTS_AFTER.match(after)
                and not _PLACE_PREP_BEFORE.search(before)
            ):
                continue
            if m.place.name in _GOV_SEATS and _CAPITAL_GOV_NOUN_AFTER.match(after):
                continue
            if (
                m.place.name in ("Kabul", "Islamabad")
                and _CAPITAL_PAIR_AFTER.match(after)
                and not _PLACE_PREP_BEFORE.search(before)
            ):
                # "ties between Islamabad and Kabul": the second name too
                dropped = m.end
                continue
            if fled_to and (before.endswith("to ") or before.endswith("in ")) and _FLED_TO_BEFORE.search(before):
                continue
            if council and _COUNCIL_AFTER.match(after):
                continue
            if office_of and _ends_with(before, ("of", "for", "the")) and _OFFICE_OF_BEFORE.search(before):
                continue
            if died_of_wounds and before.endswith("in ") and _DIED_OF_WOUNDS_BEFORE.search(before):
                continue
            if after.startswith(",") and _PERSON_AFTER.match(after) and _NAME_BEFORE.search(before):
                continue
            if before.endswith("by ") and _AGENT_BEFORE.search(before):
                continue
            if m.start < 12 and _SPEAKER_OPENING.match(before) and _SPEAKER_AFTER.match(after):
                continue
            if route and _ROUTE_BEFORE.search(before):
                continue
            mentions.append(m)
        taken = [(m.start, m.end) for m in mentions]
        if self.border is not None and _G["border_phrase"] in present:
            for b in finditer_bounded(_BORDER_PHRASES_LOW, low) if lowered else _BORDER_PHRASES.finditer(sentence):
                if _BORDER_NOT.match(sentence[b.end() :]):
                    continue
                if _FROM_BEFORE.search(sentence[max(0, b.start() - 12) : b.start()]):
                    continue  # "fired from across the border": where it came from
                if not any(b.start() < e and s < b.end() for s, e in taken):
                    mentions.append(_mention(b.start(), b.end(), sentence[b.start() : b.end()], "border", self.border))
        if self.border is not None and _G["border_names"] in present:
            alias_re = self._border_alias_re()
            for b in alias_re.finditer(sentence):
                if _BORDER_NOT.match(sentence[b.end() :]):
                    continue
                if not any(b.start() < e and s < b.end() for s, e in taken + [(x.start, x.end) for x in mentions]):
                    mentions.append(_mention(b.start(), b.end(), b.group(0), "border", self.border))
        anaphors = (
            (finditer_bounded(_ANAPHOR_LOW, low) if lowered else _ANAPHOR.finditer(sentence))
            if _G["crossing_ref"] in present
            else ()
        )
        for a in anaphors:
            if not any(a.start() < x.end and x.start < a.end() for x in mentions):
                mentions.append(_mention(a.start(), a.end(), sentence[a.start() : a.end()], "crossing_ref"))
        for cs, ce, code in _countries(sentence, low) if _G["country"] in present else ():
            if any(cs < x.end and x.start < ce for x in mentions):
                continue
            if _GOV_AFTER.match(sentence[ce:]):
                continue
            mentions.append(_mention(cs, ce, sentence[cs:ce], "country", country=code))
        if len(mentions) > 1 and not _MEASURED_FROM.absent(sentence):
            # "a compound in Datta Khel, about 30 kilometres west of
            # Miramshah": a town that only measures where the place named is
            named = [x for x in mentions if x.role == "place"]
            ref = [x for x in named if _measured_from(sentence, x, named)]
            mentions = [x for x in mentions if x not in ref]
        if not _MEASURED_FROM.absent(sentence):
            # "about 60km north of the border town of Chaman": the point measured, not the town
            mentions = [_measured_point(sentence, x) for x in mentions]
        mentions.sort(key=lambda x: x.start)
        return mentions

    def dateline_place(self, sentence: str, countries: tuple[str, ...] = ()) -> Place | None:
        """The place a dateline opening ``sentence`` names ("CHARSADDA,
        Pakistan -" is Charsadda), or None."""
        dateline = _dateline(sentence)
        if not dateline:
            return None
        head = sentence[: dateline.end()]
        # A dateline is often in capitals: the automaton reads lower case,
        # GeoNames candidates need a capital and a preposition.
        for m in self._raw_mentions(head, countries, _lower_same_length(head), False):
            return m.place
        name = re.split(r"[,/(—–:-]", head.strip(), maxsplit=1)[0].strip()
        if len(name) < 3 or _fold(name) in COUNTRY_NAMES:
            return None
        place = self.resolve(name.title(), None, countries)
        return place if place is not None and place.kind not in ("country", "border") else None

    def _border_aliases(self) -> tuple[str, ...]:
        """Multi-word names of the border from the gazetteer ("Durand Line")."""
        if not hasattr(self, "_baliases"):
            names: list[str] = []
            for gaz in _gazetteers(self.chain):
                aliases = getattr(gaz, "aliases", {}) or {}
                for place in gaz.places:
                    if place.kind == "border":
                        for n in (place.name, *aliases.get(place, ())):
                            # One-word or generic aliases ("border", "the border")
                            # would turn every mention into the whole border.
                            if re.search(r"[\s-]", n.strip()) and fold(n) not in (
                                "the border",
                                "border area",
                                "border region",
                            ):
                                names.append(n)
            self._baliases = tuple(sorted(set(names), key=len, reverse=True))
        return self._baliases

    def _stem_filter(self) -> StemFilter:
        """The module's stem groups plus ``border_names``, the border's names."""
        if not hasattr(self, "_stems"):
            keys = tuple({_lower_same_length(n) for n in self._border_aliases()})
            self._stems = StemFilter([*_STEM_GROUPS.values(), keys], SENTENCE_STEMS)
        return self._stems

    def _border_alias_re(self) -> re.Pattern | None:
        """One pattern for every border alias (longest first): a single scan
        per sentence instead of one per alias."""
        if not hasattr(self, "_balias_re"):
            names = self._border_aliases()
            self._balias_re = (
                re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I) if names else None
            )
        return self._balias_re


def country_hints(text: str) -> tuple[str, ...]:
    """ISO-2 codes of the countries named in ``text``, AF and PK first."""
    found = ["AF", "PK"]
    for _, _, code in _countries(text, _lower_same_length(text)):
        if code not in found:
            found.append(code)
    return tuple(found)


def _countries(text: str, low: str):
    """``(start, end, code)`` of the country names in ``text`` (``low`` is
    its same-length lower case): one Aho-Corasick pass, longest name at each
    place, whole words only, not "Pakistan's government"."""
    hits = []
    for end, name in _COUNTRY_AUTOMATON.iter(low):
        start = end - len(name) + 1
        end += 1
        if (start > 0 and low[start - 1].isalnum()) or (end < len(low) and low[end].isalnum()):
            continue
        hits.append((start, end, name))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    last = -1
    for start, end, name in hits:
        if start < last:
            continue
        if _COUNTRY_GOV.match(text, end):
            continue
        last = end
        yield start, end, COUNTRY_NAMES[name]


def _known_spans(sentence: str, known: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of ``sentence`` where a name of ``known`` stands as a word."""
    spans = []
    for name in known:
        at = sentence.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not sentence[at - 1].isalnum()) and (end == len(sentence) or not sentence[end].isalnum()):
                spans.append((at, end))
            at = sentence.find(name, end)
    return spans


#: Trailing words of a mention that are no part of its name ("Loralai district").
_KIND_TAIL = re.compile(r"(?:\s+[a-z][\w-]*)+$")


def learned_names(found: list[list[Mention]]) -> tuple[str, ...]:
    """Names the finder placed only through the chain (GeoNames, after "in",
    "near", ...) in an article's sentences: a long report names a town once
    with its preposition ("stormed an office in Loralai") and then bare
    ("Loralai, a town in the north-east, ..."), or before a noun ("the
    Sehwan bombing"); the article's other sentences, before or after the
    one that placed them, find them as the gazetteer's names
    (:func:`geomap.extract.core.extract_article`)."""
    names = []
    for mentions in found:
        for m in mentions:
            if m.role == "place" and m.place is not None and m.place.backend != "gazetteer":
                name = _KIND_TAIL.sub("", m.surface)
                if len(name) >= 4 and name[0].isupper() and name not in names:
                    names.append(name)
    return tuple(names)
