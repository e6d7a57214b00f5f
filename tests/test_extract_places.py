"""Place mentions: gazetteer names, datelines, governments, origins, twins."""

from __future__ import annotations

import csv

import pytest

from geomap.extract.places import PlaceFinder, country_hints
from geomap.geo import geodata_path
from geomap.geocoders import default_chain

HINTS = ("AF", "PK")


@pytest.fixture(scope="module")
def finder():
    return PlaceFinder(default_chain())


def _names(finder, sentence: str) -> list[str]:
    return [m.place.name for m in finder.find(sentence, HINTS) if m.role == "place"]


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("ISLAMABAD — Clashes erupted at Torkham.", ["Torkham"]),
        ("PESHAWAR, Pakistan — Clashes erupted at Torkham.", ["Torkham"]),
        ("QUETTA (Reuters) — Clashes erupted near Chaman.", ["Chaman"]),
        ("MARDAN, Pakistan, May 14 - Clashes erupted at Torkham.", ["Torkham"]),
        # a meeting's venue, though its members then speak
        ("Envoys meeting in Moscow on Friday urged restraint.", ["Moscow"]),
        ("Traders met Taliban officials in Jalalabad on Tuesday.", ["Jalalabad"]),
        # a town and, set off by commas, the district it lies in
        ("Militants attacked a post in Makeen, South Waziristan, on Saturday.", ["Makeen"]),
        # a tehsil or sector named by its kind, and where the wounded died
        ("An IED hit a patrol in Ladha tehsil of South Waziristan.", ["Ladha"]),
        ("Two of the wounded later died in Peshawar after the blast in Khar.", ["Khar"]),
        # the places of speakers listed together
        ("Trucks are stuck at Torkham, and traders in Peshawar and Kabul say prices rose.", ["Torkham"]),
        ("Kabul said the crossing at Torkham was closed.", ["Torkham"]),
        ("Islamabad accused Afghan forces of firing at Angoor Adda.", ["Angoor Adda"]),
        ("The Afghan side acted on instructions from Kabul after clashes in Khost.", ["Khost"]),
        ("A driver from Jalalabad was hurt at Torkham.", ["Torkham"]),
        ("The wounded were taken to a hospital in Peshawar after the blast in Bajaur.", ["Bajaur District"]),
        ("Two were shifted to Peshawar after clashes in Kurram.", ["Kurram District"]),
        ("Strikes hit Kandahar province.", ["Kandahar Province"]),
        ("A bomb exploded in Kandahar city.", ["Kandahar"]),
        ("Talks were held at the Torkham customs building.", ["Torkham"]),
        ("Trade resumed at Spin Boldak, across from Chaman in Balochistan.", ["Spin Boldak"]),
        ("Associated Press writer X in Peshawar, Pakistan, contributed to this report.", []),
        # border-belt places added in round 4, with the spellings outlets use
        ("Mortar rounds landed in Bacha Mena, beside the crossing.", ["Bacha Maina"]),
        ("Troops pushed into the Rajgal valley of Tirah.", ["Rajgal Valley"]),
        ("Gunmen attacked a convoy near Kunj Alizai.", ["Alizai"]),
        ("Militants struck a checkpost at Khar Qamar.", ["Kharqamar"]),
        ("Fighting spread to Shorawak district.", ["Shorabak District"]),
        ("Shells landed in Birmal tehsil of South Waziristan.", ["Birmal Tehsil"]),
        ("A bomb went off in Inayat Kali on Monday.", ["Inayat Kalay"]),
        ("Traders protested in Chamman.", ["Chaman"]),
    ],
)
def test_event_places(finder, sentence, names):
    assert _names(finder, sentence) == names


def test_precision_kinds(finder):
    (m,) = [m for m in finder.find("Trade resumed at Spin Boldak, across from Chaman.", HINTS) if m.place]
    assert m.place.kind == "crossing"
    (near,) = [m for m in finder.find("Fighting near Torkham.", HINTS) if m.place]
    assert near.place.precision == 2
    (city,) = [m for m in finder.find("A blast in Kandahar city.", HINTS) if m.place]
    assert (city.place.kind, city.place.precision) == ("city", 1)
    (prov,) = [m for m in finder.find("Strikes in Kandahar province.", HINTS) if m.place]
    assert (prov.place.kind, prov.place.precision) == ("province", 3)


def test_border_phrases_anaphora_and_countries(finder):
    ms = finder.find("Clashes along the border spread to the crossing, and talks in Turkey followed.", HINTS)
    assert [m.role for m in ms] == ["border", "crossing_ref", "country"]
    assert ms[2].country == "TR"
    assert [m.role for m in finder.find("Shells fired from across the border hit Kurram.", HINTS)] == ["place"]
    assert [m.role for m in finder.find("Tension along the Durand Line grew.", HINTS)] == ["border"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Afghan border security forces shelled two villages on Monday.",
        "Pakistani border authorities shut the gate after the clash.",
        "Afghan border troops and militia took up positions overnight.",
    ],
)
def test_the_border_naming_who_acted_is_no_place(finder, sentence):
    assert [m.role for m in finder.find(sentence, HINTS) if m.role == "border"] == []


@pytest.mark.parametrize(
    "sentence",
    ["Heavy fighting broke out along the Afghan border on Monday.", "Troops massed near the Pakistan border."],
)
def test_the_border_as_a_place_is_still_one(finder, sentence):
    assert [m.role for m in finder.find(sentence, HINTS)] == ["border"]


def test_lowercase_words_are_not_names(finder):
    assert _names(finder, "a tank and wana were seen") == []


def test_country_hints():
    assert country_hints("Talks in Qatar and Turkey") == ("AF", "PK", "QA", "TR")


@pytest.mark.parametrize("text", ["", " ", "In In In At At Near", "—", "\x00", "Torkham" * 200])
def test_odd_text_never_raises(finder, text):
    finder.find(text, HINTS)


def test_every_crossing_row_has_a_consistent_country_and_admin1():
    """A crossing's admin1 must be a first-level unit of its own country, so
    popups never read 'Torkham, Khyber Pakhtunkhwa (AF)'."""
    with open(geodata_path("gazetteer.csv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    admin1_country = {r["name"]: r["country"] for r in rows if r["kind"] == "province"}
    crossings = [r for r in rows if r["kind"] == "crossing"]
    assert len(crossings) >= 8
    for r in crossings:
        assert r["admin1"] in admin1_country, r["name"]
        assert admin1_country[r["admin1"]] == r["country"], (r["name"], r["country"], r["admin1"])
        assert r["source"].strip(), r["name"]


def test_torkham_sides():
    chain = default_chain()
    af = chain.geocode("Torkham")
    pk = chain.geocode("Torkham", countries=("PK",))
    assert (af.country, af.admin1) == ("AF", "Nangarhar Province")
    assert (pk.country, pk.admin1) == ("PK", "Khyber Pakhtunkhwa")


# The look-behind patterns before a mention are run only when cheap tests
# say they can match; these texts (each matching its pattern) check that the
# tests stay necessary conditions when the patterns are edited.
_NOT_EVENT_TEXTS = [
    "orders from ",
    "officials in ",
    "the embassy of ",
    "claims by ",
    "instructions from ",
    "a native of ",
    "he hails from ",
    "originally from the ",
    "born in ",
    "who was from ",
    "resident of ",
    "his hometown ",
    "hometown of ",
    "women from ",
    "labourers from ",
    "families from the ",
    "treated at a hospital in ",
    "medical care at ",
    "was rushed to the district hospitals in ",
    "airlifted by helicopter to a ",
    "taken to ",
]
_NEAR_TEXTS = [
    "near ",
    "NEAR the ",
    "outside ",
    "close to ",
    "not far from ",
    "around the ",
]


@pytest.mark.parametrize("before", _NOT_EVENT_TEXTS)
def test_not_event_prefilter_is_necessary(before):
    from geomap.extract import places as p

    text = "Elders said " + before
    assert p._NOT_EVENT_BEFORE.search(text)
    low = text.lower()
    assert any(w in low for w in p._NOT_EVENT_WORDS)
    assert any(w in low for w in p._MOVED_WORDS) or p._ends_with(text, p._NOT_EVENT_TAILS)


@pytest.mark.parametrize("before", _NEAR_TEXTS)
def test_near_prefilter_is_necessary(before):
    from geomap.extract import places as p

    text = "The strike hit " + before
    assert p._NEAR_BEFORE.search(text)
    assert p._ends_with(text, p._NEAR_TAILS)


def test_datelines_found_with_and_without_a_dash():
    finder = PlaceFinder(default_chain())
    # The dateline place is left out; the place after it is kept.
    for sentence in ("PESHAWAR, Pakistan — Clashes erupted near Torkham.", "PESHAWAR: Clashes erupted near Torkham."):
        names = [m.place.name for m in finder.find(sentence) if m.place is not None]
        assert "Peshawar" not in names and "Torkham" in names


def test_fast_candidate_pattern_finds_the_reference_spans():
    # _CANDIDATE_FAST with finditer_bounded is the fast path of _CANDIDATE.
    import random

    from geomap.extract.places import _CANDIDATE, _CANDIDATE_FAST
    from geomap.extract.wordscan import finditer_bounded

    pieces = [
        "in",
        "into",
        "at",
        "near",
        "across",
        "arrived",
        "hit",
        "struck",
        "towards",
        "toward",
        "visited",
        "reached",
        "outside",
        "the town of",
        "Kabul",
        "Spin Boldak",
        "Bajaur's",
        "D'Khar",
        "Mir-Ali",
        "x",
        "_",
        "9",
        "é",
        "É",
        " ",
        "  ",
        ",",
        "-",
        "\n",
        "Wana",
        "the",
        "city",
    ]
    rng = random.Random(11)
    texts = [
        "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 25))) for _ in range(3000)
    ]
    texts += ["Shells landed in Kabul and near Spin Boldak.", "They arrived  in the city of Quetta.", "hitKabul in X"]
    for text in texts:
        expected = [m.span(1) for m in _CANDIDATE.finditer(text)]
        assert [m.span(1) for m in finditer_bounded(_CANDIDATE_FAST, text)] == expected, text


def test_stem_guards_of_the_mention_patterns_skip_no_match(finder, dev_sentences):
    # A guarded pattern is skipped when its stems are absent from the
    # sentence's scan: wherever it matches in a sentence, they are present.
    from geomap.extract import places
    from geomap.extract.scanned import ScannedSentence, memo_disabled

    guarded = {
        "hospital_after": lambda s, i: places._HOSPITAL_AFTER.match(s[i:]),
        "addressee": lambda s, i: places._ADDRESSEE_BEFORE.search(s[max(0, i - places._LOOKBACK) : i]),
        "council": lambda s, i: places._COUNCIL_AFTER.match(s[i:]),
        "route": lambda s, i: places._ROUTE_BEFORE.search(s[max(0, i - places._LOOKBACK) : i]),
        "fled_to": lambda s, i: places._FLED_TO_BEFORE.search(s[max(0, i - places._LOOKBACK) : i]),
        "died_of_wounds": lambda s, i: places._DIED_OF_WOUNDS_BEFORE.search(s[max(0, i - places._LOOKBACK) : i]),
        "near_after": lambda s, i: places._NEAR_AFTER.match(s[i:]),
        "plural_kind": lambda s, i: places._PLURAL_KIND.match(s, i),
    }
    stems = finder._stem_filter()
    hits = dict.fromkeys(guarded, 0)
    with memo_disabled():
        for s in dev_sentences:
            sent = ScannedSentence.of(s)
            if sent.scan is None:
                continue
            present = stems.present(sent.low, sent.scan)
            for name, matches in guarded.items():
                found = any(matches(s, i) for i in range(len(s) + 1))
                hits[name] += bool(found)
                assert not found or places._G[name] in present, (name, s)
    assert all(hits.values()), hits


def test_place_mentions_equal_with_and_without_the_sentence_scan(finder, dev_sentences):
    # With a ScannedSentence the finder reads the shared stem scan and skips
    # guarded patterns; with plain text it scans on its own and runs them all.
    from geomap.extract.scanned import ScannedSentence, memo_disabled

    with memo_disabled():
        for s in dev_sentences:
            assert finder.find(ScannedSentence.of(s), HINTS) == finder.find(s, HINTS), s


def test_fast_mention_constructor_makes_the_same_mention():
    from dataclasses import fields

    from geomap.extract.places import Mention, _mention

    place = default_chain().geocode("Torkham")
    for args in [(0, 5, "Kabul", "place", place), (3, 9, "the border", "border", place, ""), (1, 2, "x", "country")]:
        fast, plain = _mention(*args), Mention(*args)
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert list(vars(fast)) == [f.name for f in fields(Mention)]  # a field added later is filled too
    assert _mention(1, 2, "Pakistan", "country", country="PK") == Mention(1, 2, "Pakistan", "country", country="PK")


# -- names as news spells them: found by their spelling key --


@pytest.mark.parametrize(
    "sentence, surface, name",
    [
        ("Mortar rounds fell on a bazaar in Speen Boldak late on Sunday.", "Speen Boldak", "Spin Boldak"),
        ("Customs staff at Spin-Boldak stopped work for a day.", "Spin-Boldak", "Spin Boldak"),
        ("A drone was downed over Barg-i-Matal on Friday.", "Barg-i-Matal", "Barg-e Matal District"),
        ("A drone was downed over Barg e Matal on Friday.", "Barg e Matal", "Barg-e Matal District"),
        ("Gunmen ambushed a van near Landi Kothal before dawn.", "Landi Kothal", "Landi Kotal"),
        ("Shops shut in Para Chinar after the firing.", "Para Chinar", "Parachinar"),
        ("Two posts in Kurrum Agency came under fire.", "Kurrum Agency", "Kurram District"),
        ("Troops traded fire at Angur Ada on Tuesday.", "Angur Ada", "Angoor Adda"),
        ("Rockets hit a field outside Jalalawad on Monday.", "Jalalawad", "Jalalabad"),
        ("Elders gathered in Khowst district to mourn the dead.", "Khowst district", "Khost District"),
        ("A shell struck a house in Paktica overnight.", "Paktica", "Paktika Province"),
        # a diacritic on the first letter: no capital A-Z opens the name
        ("Guards exchanged fire at Ṭorkham at noon.", "Ṭorkham", "Torkham"),
    ],
)
def test_variant_spellings_are_found_as_written(finder, sentence, surface, name):
    places = [m for m in finder.find(sentence, HINTS) if m.role == "place"]
    assert [(m.surface, m.place.name) for m in places] == [(surface, name)]
    m = places[0]
    assert sentence[m.start : m.end] == surface


@pytest.mark.parametrize(
    "sentence",
    [
        "The Khyber-4 operation entered its third week.",  # an operation, not Khyber
        "Thane police arrested a smuggler.",  # Thane spells as the lookup-only Tani
        "Speen and Boldak are the surnames of the two reporters.",  # words apart are no name
        "The Tribune wrote about it on Monday.",
        # short names spelled otherwise are mostly other words
        "Wish them well, said Fatah, a Deer Park resident.",
        # inside a word, or lower case, a name's spelling is no name
        "McKhowst wrote that the ūrgun tea was cold.",
    ],
)
def test_spelling_makes_no_false_place(finder, sentence):
    assert _names(finder, sentence) == []


def test_variant_after_exact_name_and_in_a_dateline(finder):
    # an exact name is the automaton's; the variant beside it the scan's
    assert _names(finder, "Firing spread from Torkham to Landikotal and Landi Kothal.") == [
        "Torkham",
        "Landi Kotal",
        "Landi Kotal",
    ]
    assert finder.dateline_place("SPEEN BOLDAK, Afghanistan — Gunfire was heard.").name == "Spin Boldak"


def test_variant_spellings_in_extracted_events():
    from geomap.extract import extract_texts

    text = (
        "---\npublished: 2025-03-04\n---\n"
        "Pakistani mortar shells landed in Speen Boldak on Monday, killing two civilians.\n\n"
        "Separately, a roadside bomb hit a police van in Kurrum Agency on Sunday, wounding three policemen.\n"
    )
    events = extract_texts([text], default_chain())
    assert {e.location for e in events} >= {"Spin Boldak", "Kurram District"}


def test_a_town_written_with_its_district_s_second_word_is_found(finder):
    # GeoNames knows the town by its first word only
    assert _names(finder, "Gunmen attacked a police station in Lakki Marwat on Sunday.") == ["Lakki"]


@pytest.mark.parametrize(
    "found, written, ok",
    [
        ("Lakki", "lakki marwat", True),
        # a longer name for a shorter one written, or a short first word
        ("Gulu", "gul", False),
        ("Mir", "mir ali", False),
        # only a two-word name
        ("Lakki", "lakki marwat road", False),
    ],
)
def test_opens_name(found, written, ok):
    from geomap.extract.places import _opens_name

    assert _opens_name(found, written) is ok


_BARE_AFTER = (
    "Security was raised in Zhob, where a bomb wounded five on January 12. "
    "Loralai, a quiet market town, has seen several attacks lately. "
    "In late December, gunmen attacked a camp on the outskirts of the town, killing four soldiers."
)


def test_a_name_placed_once_through_the_chain_is_found_bare_later():
    from test_extract_news import _events

    opening = "Suicide bombers stormed a police office in Loralai on Tuesday, killing nine. "
    events = _events(default_chain(), opening + _BARE_AFTER)
    assert [e.location for e in events if e.event_type == "armed_clash"] == ["Loralai"]


def test_a_name_never_placed_is_not_found_bare():
    from test_extract_news import _events

    events = _events(default_chain(), _BARE_AFTER)
    assert [e.location for e in events if e.event_type == "armed_clash"] == ["Zhob"]


def test_learned_names_are_the_chain_s_names_without_their_kind(finder):
    from geomap.extract.places import learned_names

    found = [
        finder.find("Bombers stormed an office in Loralai district on Tuesday.", HINTS),
        finder.find("Shells fell near Torkham.", HINTS),
    ]
    assert learned_names(found) == ("Loralai",)
    # found again where the name stands bare, not only after a preposition
    assert _names(finder, "Loralai has seen several attacks.") == []
    bare = finder.find("Loralai has seen several attacks.", HINTS, known=("Loralai",))
    assert [m.place.name for m in bare] == ["Loralai"]


#: Names that stand for speakers, offices and governments, not event places,
#: with the places that stay beside them (sentences written for these tests).
_SPEAKERS_AND_SEATS = [
    # an office named after the place it serves is no event place
    ("According to the deputy commissioner of Zhob, gunmen fired on a Levies post.", []),
    ("A spokesman for the governor of Kunar said a mortar round hit a house in Dangam.", ["Dangam District"]),
    ("The police chief of Kurram said the road was quiet again.", []),
    ("The mayor of Quetta condemned the bombing.", []),
    # not an office: the place of a body of people, or a place of its own
    ("Heavy fire was reported on the outskirts of Khost on Monday.", ["Khost"]),
    ("The governor visited Chaman after the clash.", ["Chaman"]),
    ("Two commissioners met in Torkham on Tuesday.", ["Torkham"]),
    # a capital that acts, or is expected to, is its government
    ("Pakistan insisted that Kabul act against the militants.", []),
    ("Islamabad has long objected to the new posts.", []),
    ("Washington expected Islamabad to honour the pledge.", []),
    # a capital where something happened, or where people went
    ("Two blasts shook Kabul on Thursday night.", ["Kabul"]),
    ("Kabul has been hit by rockets twice this month.", ["Kabul"]),
    ("The envoy flew to Kabul to take part in the talks.", ["Kabul"]),
    # where those who keep silent are is no event place
    ("The foreign mission in Quetta declined to comment on the raid.", []),
    ("Police in Parachinar would not comment on the shelling.", []),
    # a place that is the subject of the comment stays
    ("Officials declined to comment on the shelling of Dangam.", ["Dangam District"]),
    # where a statement was made, told with its audience or occasion
    ("The minister told reporters in Islamabad that Torkham would stay shut.", ["Torkham"]),
    ("Briefing journalists in Quetta, the official said Chaman had reopened.", ["Chaman"]),
    ("He said at a news conference in Kabul that shells had hit Dangam.", ["Dangam District"]),
    ("Addressing a rally in Peshawar, he condemned the closure of Torkham.", ["Torkham"]),
    # people told something where they are, and a conference that is the event
    ("Officials told traders at Torkham that the gate would open on Monday.", ["Torkham"]),
    ("Delegations met at a conference in Doha on Sunday.", ["Doha"]),
    # the two capitals together are the two governments
    ("Relations between Islamabad and Kabul soured after the firing at Torkham.", ["Torkham"]),
    ("Kabul and Islamabad traded blame for the shelling of Dangam.", ["Dangam District"]),
    # a capital before the word for its government
    ("The Kabul government denied that its forces fired first at Chaman.", ["Chaman"]),
    # capitals where things happened stay
    ("Delegations met in Islamabad and Kabul last month.", ["Islamabad", "Kabul"]),
    ("Blasts shook Kabul and Jalalabad on Thursday.", ["Kabul", "Jalalabad"]),
]


@pytest.mark.parametrize("sentence, names", _SPEAKERS_AND_SEATS)
def test_speakers_offices_and_governments_are_no_event_places(finder, sentence, names):
    assert _names(finder, sentence) == names


@pytest.mark.parametrize(
    "sentence, names",
    [
        # a destination a "where" clause is told at: a name only GeoNames knows
        ("The envoys travelled to Doha, where they signed a truce.", ["Doha"]),
        ("Both ministers flew to Doha on Sunday, where a truce was agreed.", ["Doha"]),
    ],
)
def test_a_destination_with_a_where_clause_is_a_candidate(finder, sentence, names):
    assert _names(finder, sentence) == names


def test_a_bare_destination_is_no_candidate_for_geonames(finder):
    # "to" alone is no preposition of place: the journey may not have ended
    assert "Doha" not in _names(finder, "The mediators wanted to bring the delegations to Doha soon.")


@pytest.mark.parametrize(
    "sentence, names",
    [
        # a part of a town's hospital attacked: the town is the incident's
        ("Gunmen stormed the children's wing of Khost's main hospital.", ["Khost"]),
        # the wounded cared for there: no place of the incident
        ("The wounded were moved to the surgical wing of Khost's main hospital.", []),
    ],
)
def test_a_part_of_a_towns_hospital_attacked_is_the_incidents_place(finder, sentence, names):
    assert _names(finder, sentence) == names


def test_name_words_are_found_as_the_bounded_pattern_finds_them(dev_sentences):
    # The spelling scan finds capitalised words with the pattern's unbounded
    # twin and a boundary test (wordscan.finditer_bounded): the same spans
    # as the pattern with its \b, from the start and from an offset.
    from geomap.extract.places import _NAME_WORD, _NAME_WORD_UNBOUNDED
    from geomap.extract.wordscan import finditer_bounded

    for s in [*dev_sentences, "x_Torkham", "Ṭorkham's gate", "_Chaman Ǆ"]:
        for pos in (0, len(s) // 2):
            want = [m.span() for m in _NAME_WORD.finditer(s, pos)]
            assert [m.span() for m in finditer_bounded(_NAME_WORD_UNBOUNDED, s, pos)] == want, s


@pytest.mark.parametrize(
    "sentence, roles",
    [
        # an unnamed stretch of the line
        ("Three soldiers were killed in a drone strike in a border area on Monday.", ["border"]),
        ("Fighting broke out in the remote border region overnight.", ["border"]),
        # the border area of a named place is that place
        ("Fighting broke out in the border area of Kurram on Monday.", ["place"]),
    ],
)
def test_a_border_area_unnamed_is_the_border(finder, sentence, roles):
    assert [m.role for m in finder.find(sentence, HINTS)] == roles
