"""Casualty counts, number words and vague quantities."""

from __future__ import annotations

import re

import pytest

from geomap.extract import numbers
from geomap.extract.numbers import Casualties, find_casualties, parse_number
from geomap.extract.wordscan import finditer_bounded, lowered_ok


@pytest.mark.parametrize(
    "sentence, killed, hurt",
    [
        ("Two soldiers were killed.", 2, None),
        ("The blast killed three people and wounded 12 others.", 3, 12),
        # vague quantities are no integer as reported: no toll (GOLD_FORMAT)
        ("Dozens of people were killed.", None, None),
        ("Hundreds were injured.", None, None),
        ("At least 50 civilians were killed and 447 wounded.", 50, 447),
        ("Twenty-three soldiers embraced martyrdom.", 23, None),
        ("A Pakistani soldier was wounded.", None, 1),
        ("No casualties were reported.", 0, 0),
        ("Nobody was hurt.", 0, 0),
        ("The clash left 4 dead.", 4, None),
        ("The border was closed in 2023 and trade fell.", None, None),
        ("More than 6,000 trucks were stuck.", None, None),
        ("A drone strike killed six people.", 6, None),  # "A" is the article, not a victim
        ("A soldier was killed and another hurt.", 1, 1),  # the gold counts "another" as one
    ],
)
def test_casualties(sentence, killed, hurt):
    c = find_casualties(sentence)
    assert (c.fatalities, c.injuries) == (killed, hurt)


def test_vague_flag():
    assert find_casualties("Dozens were killed.").vague
    assert not find_casualties("Two were killed.").vague


@pytest.mark.parametrize(
    "text, value",
    [
        ("6,000", 6000),
        ("two", 2),
        ("twenty-three", 23),
        ("dozens", 24),
        ("a dozen", 12),
        ("two hundred", 200),
        ("seventy", 70),
        ("", None),
        ("many", None),
        ("thirty-ten", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "killed killed killed", "9" * 400 + " killed", "\x00 wounded"])
def test_odd_text_never_raises(text):
    find_casualties(text)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The shelling caused no casualties.", (0, 0)),
        ("There was no loss of life in the blast.", (0, None)),
        ("Nobody was hurt when the gate was shut.", (0, 0)),
        ("Two guards were killed and nobody was injured.", (2, 0)),
        ("Three soldiers died; without any casualties among civilians.", (3, 0)),
    ],
)
def test_none_reported_with_the_word_prefilter(sentence, expected):
    c = find_casualties(sentence)
    assert (c.fatalities, c.injuries) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A mortar round hit the market, wounding seven people.", (None, 7)),
        ("Six traders were wounded and two were killed.", (2, 6)),
        ("Officials said 14 injuries were treated.", (None, 14)),
        ("The blast, killing three, also hurt 11.", (3, 11)),
        ("Killing two guards, the attackers fled.", (2, None)),
    ],
)
def test_tolls_with_each_word_form(sentence, expected):
    c = find_casualties(sentence)
    assert (c.fatalities, c.injuries) == expected


@pytest.mark.parametrize(
    "sentence, killed, hurt",
    [
        ("No one was injured in the blast.", 0, 0),
        ("No one was killed.", 0, None),
        ("Two soldiers were killed and none were injured.", 2, 0),
        ("The strike killed three and left 11 hurt.", 3, 11),
        ("The blast left 11 dead.", 11, None),
    ],
)
def test_negated_and_left_tolls(sentence, killed, hurt):
    c = find_casualties(sentence)
    assert (c.fatalities, c.injuries) == (killed, hurt)


def test_number_led_patterns_find_what_a_full_scan_finds(dev_sentences):
    # The fast path tries the patterns that begin with a number only where a
    # number can begin, in their lower-case twins on the lower-cased sentence;
    # the reference is the pattern's own scan (the twins' group texts come
    # lower-cased).
    assert len(numbers._NUMBER_LED) >= 5
    assert set(numbers._NUMBER_LED_TWINS) == {id(p) for p in numbers._NUMBER_LED}
    fast_path = 0
    for s in dev_sentences:
        low = s.lower()
        starts = numbers._number_starts(s, low)
        if starts is None:
            continue
        fast_path += 1
        for p in numbers._NUMBER_LED:
            expected = [(m.span(), m.groupdict()) for m in p.finditer(s)]
            assert [(m.span(), m.groupdict()) for m in numbers._finditer_from(p, s, starts)] == expected, s
            twin = numbers._NUMBER_LED_TWINS[id(p)]
            lowered = [(span, {k: v and v.lower() for k, v in groups.items()}) for span, groups in expected]
            assert [(m.span(), m.groupdict()) for m in numbers._finditer_from(twin, low, starts)] == lowered, s
    assert fast_path > len(dev_sentences) * 0.9


def test_number_starts_are_the_word_runs_that_can_begin_a_number(dev_sentences):
    # The plain form: every run of word characters, kept when it begins
    # with a digit or is a whole first word of NUMBER.
    extra = ["١٢ killed", "a_b 12 x_1 one_two ones twelve-", "approximately 5", "Ａ 5"]
    for s in dev_sentences + extra:
        low = s.lower()
        if not lowered_ok(s, low):
            continue
        plain = [
            w.start()
            for w in re.finditer(r"\w+", low)
            if w.group()[0].isdecimal() or w.group() in numbers._NUMBER_FIRST_WORDS
        ]
        assert numbers._number_starts(s, low) == plain, s


def _attackers_toll_plain(sentence, toll):
    if not toll.fatalities or toll.injuries:
        return False
    return numbers._attackers_counted(sentence, toll.fatalities)


def _toll_side_plain(sentence):
    rose = ("toll" in sentence or "number" in sentence) and numbers._TOLL_ROSE.search(sentence)
    if "both sides" in sentence or rose:
        return ""
    found = [side for side, cue in numbers._SIDE_CUES.items() if cue.search(sentence)]
    return found[0] if len(found) == 1 else ""


def test_attackers_toll_and_toll_side_answer_as_their_patterns(dev_sentences):
    # The fast paths skip a pattern when none of its words occurs.
    extra = [
        "Troops killed five of the ATTACKERS.",
        "Troops killed five aſſailants.",
        "Five KHAWARIJ and the Bombers died.",
        "Two of them BLEW themselves up.",
        "On the Pakistani side two FC guards were hurt.",
        "from the Afghan side, Islamic Emirate sources said three died.",
    ]
    attackers = sides = 0
    for s in dev_sentences + extra:
        for toll in (Casualties(None), Casualties(1), Casualties(5), Casualties(3, 2), find_casualties(s)):
            assert numbers.attackers_toll(s, toll) is _attackers_toll_plain(s, toll), s
            attackers += numbers.attackers_toll(s, toll)
        assert numbers.toll_side(s) == _toll_side_plain(s), s
        sides += numbers.toll_side(s) != ""
    assert attackers >= 5 and sides >= 20


def test_number_starts_fall_back_where_lower_casing_differs():
    assert numbers._number_starts("ſome 5 were killed", "ſome 5 were killed") is None
    assert numbers._number_starts("Twenty-three were killed", "twenty-three were killed") == [0, 7]


def test_lowered_twins_find_what_their_patterns_find(dev_sentences):
    # The toll patterns that do not begin with a number run lower-cased.
    assert len(numbers._LOWERED_TWINS) >= 4
    found = 0
    for s in dev_sentences:
        low = s.lower()
        if not lowered_ok(s, low):
            continue
        for p in (*numbers._KILLED, *numbers._INJURED):
            if id(p) not in numbers._LOWERED_TWINS:
                continue
            expected = [(m.span(), m.span("n")) for m in p.finditer(s)]
            twin = numbers._LOWERED_TWINS[id(p)]
            assert [(m.span(), m.span("n")) for m in finditer_bounded(twin, low)] == expected, s
            found += len(expected)
    assert found > 20


@pytest.mark.parametrize("text", ["no ", "NOT ", "not a ", "Not even one ", "not\teven  one"])
def test_negations_hold_a_no(text):
    # _NEGATED is searched only in windows that hold "no" (any case).
    assert numbers._NEGATED.search(text)
    assert "no" in text.lower()


def test_none_patterns_answer_as_written(dev_sentences):
    extra = ["There were NO casualties.", "Nobody was hurt", "none were killed", "without any casualties"]
    for s in dev_sentences + extra:
        for p in (numbers._NONE_KILLED, numbers._NONE_HURT):
            want = p.pattern.search(s)
            got = p.search(s, low=s.lower())
            assert (got and got.span()) == (want and want.span()), s


def test_attacker_nouns_are_a_stem_group(dev_sentences):
    # The attackers' check after a count runs only when the sentence's scan
    # holds one of its nouns (group 3 of _ANY_TOLL).
    from geomap.extract.wordscan import lowered_ok

    extra = ["two ATTACKERS died", "the assailant", "infiltrators", "Khawarij", "a khariji", "bombers", "the gunmen"]
    found = 0
    for s in dev_sentences + extra:
        low = s.lower()
        if numbers._ATTACKERS.search(s) and lowered_ok(s, low):
            found += 1
            assert 3 in numbers._ANY_TOLL.present(low), s
    assert found >= len(extra)


@pytest.mark.parametrize(
    "sentence, killed, hurt",
    [
        # the article of a vague quantity is no count of one
        ("Officials later said a large number of fighters had been killed.", None, None),
        ("A handful of guards were hurt in the shooting.", None, None),
        ("A fight over the gate left a number of villagers dead.", None, None),
        ("A few policemen were wounded.", None, None),
        # ... while one victim told with "a" still counts
        ("A policeman was killed and another was hurt.", 1, 1),
        ("A mortar round left a shepherd dead.", 1, None),
        ("A couple of porters were injured.", None, 2),
        # a range is its lower end, the figure told for certain
        ("Between eight and eleven labourers were killed.", 8, None),
        ("Five or six guards were wounded.", None, 5),
        ("The shelling killed between 14 and 20 villagers.", 14, None),
        ("At least 30 to 35 militants were killed.", 30, None),
        # not a range: two groups, or a toll and a count of hurt
        ("Three soldiers and four civilians were killed.", 7, None),
        ("Nine were killed and 40 injured.", 9, 40),
    ],
)
def test_vague_articles_and_ranges(sentence, killed, hurt):
    got = find_casualties(sentence)
    assert (got.fatalities, got.injuries) == (killed, hurt)


@pytest.mark.parametrize(
    "sentence, killed, hurt",
    [
        # the hurt told as wounds suffered
        ("Four porters sustained injuries in the shelling.", None, 4),
        ("Nine soldiers were martyred and six others received bullet wounds.", 9, 6),
        ("A guard died and two cooks suffered severe burns.", 1, 2),
        ("Two traders and a driver sustained injuries.", None, 3),
        # no count: no toll
        ("The army suffered heavy losses.", None, None),
        ("Several patients received treatment at the clinic.", None, None),
        # one victim named by a singular noun with "the"
        ("The shepherd was killed when a mortar round landed near his flock.", 1, None),
        ("The driver died on the way to hospital.", 1, None),
        # plural, or the victim described in a relative clause: no count
        ("The guards were killed.", None, None),
        ("The man who was killed had been a teacher.", None, None),
    ],
)
def test_wounds_suffered_and_a_singular_victim(sentence, killed, hurt):
    got = find_casualties(sentence)
    assert (got.fatalities, got.injuries) == (killed, hurt)


@pytest.mark.parametrize(
    "sentence, dead",
    [
        # one victim told with the kin killed with him
        ("A rocket killed a farmer, his wife and two of their daughters in Dangam.", 4),
        ("Shells killed a woman and her three sons near the crossing.", 4),
        ("A mortar round hit the house, killing an elder and his nephew.", 2),
        # kin with no count give no figure beyond the one victim
        ("A rocket killed a farmer and his children.", 1),
        # kin who were hurt are not dead
        ("A rocket killed a woman and wounded her husband.", 1),
    ],
)
def test_a_victim_and_the_kin_killed_with_him(sentence, dead):
    assert find_casualties(sentence).fatalities == dead


@pytest.mark.parametrize(
    "sentence, dead, hurt",
    [
        # one victim named first, then a count of others (as "nine children and a woman")
        ("Troops shelled a compound late on Friday, killing a shepherd and four boys.", 5, None),
        ("The mortar round killed a guard and two passers-by near the gate.", 3, None),
        ("A drone hit the car, wounding a driver and three others.", None, 4),
        # the subject of a passive: each count read once
        ("A soldier and two civilians were killed in the shelling.", 3, None),
        ("A woman and three children were wounded when the shell landed.", None, 4),
        # a vague count after the one victim is no figure
        ("The shell killed a farmer and dozens of goats.", 1, None),
        # the count belongs to another verb
        ("The blast killed a policeman and wounded six children.", 1, 6),
    ],
)
def test_one_victim_then_a_count_of_others(sentence, dead, hurt):
    toll = find_casualties(sentence)
    assert (toll.fatalities, toll.injuries) == (dead, hurt)


@pytest.mark.parametrize(
    "sentence, dead, hurt",
    [
        ("The district chief said there were no human casualties so far.", 0, 0),
        # no civilian casualties leaves the troops untold
        ("Officials said there were no civilian casualties.", None, None),
    ],
)
def test_no_human_casualties_is_none_hurt(sentence, dead, hurt):
    toll = find_casualties(sentence)
    assert (toll.fatalities, toll.injuries) == (dead, hurt)
