"""When two mentions of one type and place are one incident and when two
(:mod:`geomap.extract.merging`): repeats told with "again". Sentences written
for these tests."""

from __future__ import annotations

import pytest
from test_extract_news import _events

from geomap.extract.rules.repeats import told_again
from geomap.extract.types import find_triggers
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def _closures(events):
    return sorted((e.sub_event_type, e.event_date) for e in events if e.event_type == "border_closure")


def test_a_closure_told_again_on_another_day_is_a_second_closure(chain):
    ev = _events(
        chain,
        "Officials closed the Torkham crossing on Friday after a quarrel over fees. "
        "It reopened on Sunday morning, but the gate was shut again on Monday.",
    )
    assert _closures(ev) == [("closure", "2024-05-10"), ("closure", "2024-05-13"), ("reopening", "2024-05-12")]


def test_a_repeat_with_only_a_carried_date_is_not_the_closure_told_before(chain):
    ev = _events(
        chain,
        "The Chaman crossing had been closed since March because of the epidemic. "
        "Guards at the gate and a crowd of traders came to blows on Monday. "
        "Pakistan closed the crossing again after the brawl.",
    )
    assert len([e for e in ev if e.event_type == "border_closure" and e.location == "Chaman"]) == 2


def test_a_repeat_told_twice_on_its_day_is_one_closure(chain):
    ev = _events(
        chain,
        "Torkham was shut again on Monday, traders said. "
        "The closure on Monday left hundreds of lorries waiting at the gate.",
    )
    assert _closures(ev) == [("closure", "2024-05-13")]


def test_a_closure_without_again_keeps_its_mentions_together(chain):
    ev = _events(
        chain,
        "Torkham was closed on Monday after a shooting at the gate. "
        "Officials said the crossing, closed on Monday, would stay shut until talks were held.",
    )
    assert _closures(ev) == [("closure", "2024-05-13")]


def test_fence_put_up_again_the_night_before_it_was_torn_down_is_two_works(chain):
    ev = _events(
        chain,
        "Pakistani troops put up the wire again near Shkin on Sunday night. "
        "Afghan soldiers tore down part of the fence near Shkin on Monday morning.",
    )
    works = sorted(e.event_date for e in ev if e.event_type == "fortification")
    assert works == ["2024-05-12", "2024-05-13"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Within hours the crossing was shut again.",
        "Pakistan closed the crossing again after the brawl.",
        "The gate was again closed on Tuesday.",
        "The crossing was once more sealed by the guards.",
    ],
)
def test_again_in_the_clause_of_the_trigger_is_a_repeat(sentence):
    trigs = [t for t in find_triggers(sentence) if t.event_type == "border_closure"]
    assert told_again(sentence, trigs)


@pytest.mark.parametrize(
    "sentence",
    [
        "The crossing was closed as fighting flared again near the gate.",
        "The crossing was closed on Monday, and the two sides will meet again next week.",
        "Fighting broke out again, and the crossing was closed.",
    ],
)
def test_again_of_another_verb_is_no_repeat(sentence):
    trigs = [t for t in find_triggers(sentence) if t.event_type == "border_closure"]
    assert trigs and not told_again(sentence, trigs)


def test_fresh_clashes_on_another_day_are_a_second_clash(chain):
    ev = _events(
        chain,
        "Border troops clashed near Chaman on Saturday. Fresh clashes broke out near Chaman on Monday.",
    )
    assert sorted(e.event_date for e in ev if e.event_type == "armed_clash") == ["2024-05-11", "2024-05-13"]


def test_clashes_told_again_on_their_day_are_one(chain):
    ev = _events(
        chain,
        "Border troops clashed near Chaman on Saturday. The clashes near Chaman on Saturday left two dead.",
    )
    assert [e.event_date for e in ev if e.event_type == "armed_clash"] == ["2024-05-11"]


def test_a_second_strike_is_no_repeat_of_the_first():
    sentence = "A second strike on Tuesday hit a car near the border."
    trigs = [t for t in find_triggers(sentence) if t.event_type == "airstrike"]
    assert trigs and not told_again(sentence, trigs)


def test_violence_of_another_kind_days_apart_is_another_incident(chain):
    ev = _events(
        chain,
        "Border troops clashed at Chaman on Monday. On Thursday, gunmen attacked a checkpost in Chaman, "
        "killing two soldiers.",
    )
    assert sorted(e.event_date for e in ev if e.event_type == "armed_clash") == ["2024-05-09", "2024-05-13"]


def test_one_siege_told_over_days_stays_one(chain):
    ev = _events(
        chain,
        "Gunmen took the staff of a police station in Bannu hostage on Sunday. "
        "Commandos ended the siege of the Bannu police station on Tuesday.",
    )
    assert len([e for e in ev if e.event_type == "armed_clash"]) == 1


# -- a start counted back and told -------------------------------------------


@pytest.mark.parametrize(
    "title, body",
    [
        # "shut for a fourth day on Wednesday" counts back to Sunday, one day
        # from the Saturday evening the body tells: one closure, on the day told
        (
            "Angoor Adda shut again",
            "The Angoor Adda crossing stayed closed for a fourth day on Wednesday. "
            "Officials shut the crossing on the evening of Saturday, May 11, citing threats.",
        ),
        (
            "",
            "Officials shut the Angoor Adda crossing on the evening of Saturday, May 11, citing threats. "
            "The crossing, shut again, stayed closed for a fourth day on Wednesday.",
        ),
    ],
)
def test_a_start_counted_back_one_day_from_a_told_day_is_one_closure(chain, title, body):
    from test_extract_news import _events as events

    ev = events(chain, body, title=title)
    assert _closures(ev)[0] == ("closure", "2024-05-11")
    assert [d for _, d in _closures(ev)].count("2024-05-12") == 0


def test_a_repeat_two_days_from_a_counted_start_stays_apart(chain):
    ev = _events(
        chain,
        "The Angoor Adda crossing stayed closed for a third day on Tuesday. "
        "It reopened on Wednesday, but officials shut the gate again on Friday, May 17.",
    )
    assert ("closure", "2024-05-17") in _closures(ev)


# -- "earlier this month": an incident before the one reported ---------------


LEAD_CLOSURE = "Pakistan closed the Torkham crossing on Monday after a quarrel over fees. "


def test_a_closure_told_later_as_earlier_this_month_is_another_closure(chain):
    ev = _events(
        chain, LEAD_CLOSURE + "Earlier this month, the crossing was also shut for several hours over a new post."
    )
    assert _closures(ev) == [("closure", "2024-05"), ("closure", "2024-05-13")]


@pytest.mark.parametrize(
    "text",
    [
        # the incident named again ("the closure", "this closure") is the one reported
        LEAD_CLOSURE + "The closure earlier this week caught traders unawares.",
        LEAD_CLOSURE + "This closure occurred earlier in the week, traders said.",
        # a lead that says "earlier this week" tells the incident the body dates
        "Pakistan closed the Torkham crossing earlier this week after a quarrel over fees. "
        "The crossing was shut on Monday morning, traders said.",
    ],
)
def test_earlier_this_week_of_the_reported_incident_is_one_closure(chain, text):
    assert len(_closures(_events(chain, text))) == 1


# -- a headline tells the lead incident, not a background one ----------------


def test_an_undated_headline_does_not_join_a_background_incident_months_before(chain):
    from test_extract_news import _events as events

    ev = events(
        chain,
        "PARACHINAR: Six people were hurt on Sunday when gunfire and mortar rounds from across the line hit villages "
        "near Kharlachi and Borki. In September, three soldiers died in Kurram during a gunfight over a new post.",
        title="Six hurt as firing from across the line hits Kurram villages",
    )
    clashes = sorted((e.event_date, e.fatalities, e.injuries) for e in ev if e.event_type == "armed_clash")
    # the background gunfight keeps its own toll, without the six hurt of the lead
    assert ("2023-09", 3, None) in clashes
    assert all(hurt == 6 for day, _, hurt in clashes if day.startswith("2024-05"))


def test_a_headline_closure_still_joins_a_closure_begun_long_before_the_lead(chain):
    from test_extract_news import _events as events

    ev = events(
        chain,
        "Border forces exchanged fire at Torkham late on Monday, killing a guard. "
        "Pakistan shut the crossing on April 20 over a new post.",
        title="Guard killed at Torkham as crossing stays shut for a 24th day",
    )
    # one closure (the headline's count and the body's day need not agree)
    assert len(_closures(ev)) == 1


# -- a headline's broad place over the body's narrower place of the region ----

_FIRE_AT = "Pakistani and Afghan guards exchanged fire at the {} crossing on Tuesday, officials said."


@pytest.mark.parametrize(
    ("crossing", "title", "places"),
    [
        # the district the headline names is the region of the body's crossing
        ("Torkham", "Troops trade fire in Bajaur district", ["Torkham"]),
        # too far from the body's place to be its region: two places told
        ("Torkham", "Troops trade fire in Zhob district", ["Torkham", "Zhob District"]),
        # a crossing in a headline is as narrow as the body's: its own place
        ("Ghulam Khan", "Troops trade fire at Torkham", ["Ghulam Khan", "Torkham"]),
    ],
)
def test_a_headline_broad_place_yields_to_the_body_place_of_its_region(chain, crossing, title, places):
    ev = _events(chain, _FIRE_AT.format(crossing), title=title)
    assert sorted(e.location for e in ev if e.event_type == "armed_clash") == places


# -- whole-border fighting on the day of a located exchange near the line ----

_BORDER_FIRE = (
    "Guards of both countries exchanged fire along the Durand Line for two hours on {}, a local official said."
)


@pytest.mark.parametrize(
    ("first", "day", "clashes"),
    [
        # the shelling of a village by the line that day: the same exchange
        ("Mortar shells fired from across the line hit homes in Boshehra on Tuesday.", "Tuesday", []),
        # another day: fighting of its own
        (
            "Mortar shells fired from across the line hit homes in Boshehra on Tuesday.",
            "Monday",
            ["Afghanistan-Pakistan border"],
        ),
        # a blast in a capital far from the line is no exchange on it
        ("A bomb went off in a market in Kabul on Tuesday, killing two.", "Tuesday", ["Afghanistan-Pakistan border"]),
    ],
)
def test_whole_border_fighting_on_the_day_of_a_located_exchange_is_that_exchange(chain, first, day, clashes):
    ev = _events(chain, first + " " + _BORDER_FIRE.format(day))
    assert [e.location for e in ev if e.event_type == "armed_clash"] == clashes


def test_undated_talks_do_not_take_the_day_of_a_round_at_another_venue(chain):
    text = "Talks between the two sides went on in Istanbul. The first round was held in Doha on May 9."
    ev = {e.location: (e.event_date, e.date_precision) for e in _events(chain, text) if e.event_type == "talks"}
    assert ev["Doha"] == ("2024-05-09", "day")
    assert ev["Istanbul"][1] == "week"


def test_undated_fire_still_takes_the_day_of_the_lead(chain):
    text = "Shells hit Dangam on Monday. Afghan forces had fired on posts in Kurram."
    ev = {e.location: e.event_date for e in _events(chain, text) if e.event_type in ("armed_clash", "explosion")}
    assert ev["Kurram District"] == "2024-05-13"


def test_a_place_not_named_again_takes_the_day_its_siblings_were_given(chain):
    text = (
        "Rockets fired from across the border hit Dangam, Sheltan and Khas Kunar. "
        "The police chief said the firing of rockets began on Monday afternoon. "
        "Of the rockets, twenty hit Sheltan and ten hit Khas Kunar."
    )
    ev = {e.location: e.event_date for e in _events(chain, text) if e.event_type == "explosion"}
    assert ev == {"Dangam District": "2024-05-13", "Sheltan": "2024-05-13", "Khas Kunar District": "2024-05-13"}


def test_siblings_told_on_different_days_lend_no_day(chain):
    text = "Rockets hit Dangam and Sheltan. Rockets hit Sheltan again on Monday. Another rocket hit Dangam on Saturday."
    ev = {e.location: e.event_date for e in _events(chain, text) if e.event_type == "explosion"}
    assert ev.get("Dangam District") != "2024-05-13"


@pytest.mark.parametrize(
    "second, day",
    [
        # the day named for the incident wins over a count one day from it
        ("The incident took place on Saturday at the gate.", "2024-05-11"),
        ("The clash happened late on Saturday, officials said.", "2024-05-11"),
        # a day further off is another matter: the count stays
        ("The incident took place on Wednesday last week at the gate.", "2024-05-12"),
    ],
)
def test_a_day_named_wins_over_a_count_one_day_from_it(chain, second, day):
    text = f"Two guards were killed in a clash at the Chaman crossing three days ago. {second}"
    ev = [e for e in _events(chain, text) if e.event_type == "armed_clash"]
    assert [e.event_date for e in ev] == [day]


def test_shelling_of_a_tehsil_three_weeks_before_is_another_incident(chain):
    ev = _events(
        chain,
        "Mortar shells from across the border hit three villages of Mamund on Sunday, wounding four. "
        "The previous attack was on April 20, when two shells hit a shop in Mamund.",
    )
    assert sorted(e.event_date for e in ev if e.event_type == "explosion") == ["2024-04-20", "2024-05-12"]


def test_shelling_of_a_tehsil_told_twice_the_same_week_is_one_incident(chain):
    ev = _events(
        chain,
        "Mortar shells hit three villages of Mamund on Sunday, wounding four. "
        "On May 12, residents said, the shells also hit a shop in Mamund.",
    )
    assert [e.event_date for e in ev if e.event_type == "explosion"] == ["2024-05-12"]


def test_a_district_attack_joins_the_attack_of_its_kind_told_inside_it(chain):
    ev = _events(
        chain,
        "Afghan forces kept firing near the Kharlachi crossing on Tuesday. "
        "On Tuesday three guards were wounded in an attack on checkpoints in Kurram. "
        "The checkpoints, in the Teri Mangal area, were fired upon from across the border.",
    )
    clashes = sorted((e.location, e.injuries) for e in ev if e.event_type == "armed_clash")
    assert clashes == [("Kharlachi", None), ("Teri Mangal", 3)]


def test_a_district_attack_on_another_day_stays_apart(chain):
    ev = _events(
        chain,
        "Afghan forces kept firing near the Kharlachi crossing on Tuesday. "
        "On Monday three guards were wounded in an attack on checkpoints in Kurram. "
        "On Tuesday checkpoints in the Teri Mangal area were fired upon from across the border.",
    )
    assert "Kurram District" in {e.location for e in ev if e.event_type == "armed_clash"}
