"""Dates of issue 10 (class 6), third round: sentence-level cases written
for these tests in our own words, each naming the rule it pins."""

from __future__ import annotations

import datetime as dt

import pytest
from test_extract_news import PUBLISHED, _by, _events

from geomap.extract.dates import find_dates
from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


def test_a_duration_yields_to_the_day_told_with_it(chain):
    # "for two weeks" counted back from publication would be 1 May.
    ev = _events(chain, "Pakistan shut the Torkham crossing for two weeks on Monday over the outbreak.")
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-13")]


def test_a_duration_yields_to_a_background_month(chain):
    ev = _events(chain, "Chaman was also closed for several days in March 2019 after a quarrel over passes.")
    assert _by(ev, "border_closure") == [("Chaman", "2019-03")]


def test_a_duration_across_a_relative_clause_keeps_its_own_count(chain):
    # Wednesday is the day of the meeting, not of the closure.
    ev = _events(
        chain,
        "Officials of both sides met on Wednesday at Torkham, a crossing which has been closed for ten days.",
    )
    assert ("Torkham", "2024-05-05") in _by(ev, "border_closure")


def test_the_end_of_a_period_is_not_an_event_date():
    dates = find_dates("The closure will last until March 16, the ministry said.", dt.date(2020, 3, 3))
    assert [d.statement for d in dates] == [True]


def test_closure_until_a_date_keeps_the_day_it_began(chain):
    ev = _events(
        chain,
        "Pakistan closed the Chaman crossing on Monday. "
        "The interior ministry said the closure would last until May 27.",
    )
    assert _by(ev, "border_closure") == [("Chaman", "2024-05-13")]


def test_the_closure_came_as_does_not_take_the_other_events_date(chain):
    ev = _events(
        chain,
        "Pakistan closed the Torkham crossing on Monday. The closure came as the two sides prepared "
        "for a meeting in Doha on Saturday, May 11.",
    )
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-13")]


def test_the_month_may_is_not_the_modal_may(chain):
    # "may" lower case hedges ("may strike"); "May" names the month.
    ev = _events(chain, "In May, militants attacked a border post in Chitral, killing two soldiers.")
    assert _by(ev, "armed_clash") == [("Chitral", "2024-05")]
    assert not _events(chain, "Officials warned that militants may attack border posts in Chitral.")


def test_trucks_stranded_by_a_long_closure_wait_now(chain):
    ev = _events(
        chain,
        "The Torkham crossing stayed shut for a sixth day on Tuesday, leaving more than 3,000 trucks "
        "stranded on both sides.",
    )
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-09")]
    # the trucks wait on the day the count runs to
    assert [(e.event_date, e.date_precision) for e in ev if e.event_type == "trade_disruption"] == [
        ("2024-05-14", "day")
    ]


def test_trucks_told_after_a_closures_count_wait_on_the_day_it_runs_to(chain):
    ev = _events(
        chain,
        "The Torkham crossing, closed by Pakistan on Friday, remained shut for a fourth day on Monday. "
        "Hundreds of trucks loaded with fruit were stranded on the Afghan side near the gate.",
    )
    assert _by(ev, "trade_disruption") == [("Torkham", "2024-05-13")]


def test_the_nth_day_after_a_closure_counts_back_to_it(chain):
    ev = _events(
        chain,
        "Travellers waited at Chaman on Tuesday, the fifth day after the Taliban closed the Spin Boldak crossing.",
    )
    assert ("Spin Boldak", "2024-05-10") in _by(ev, "border_closure")


def test_the_nth_day_alone_is_no_date():
    assert find_dates("On the fifth day, the families went home.", dt.date(2024, 5, 15)) == []


def test_the_reopening_followed_a_meeting_keeps_its_own_date(chain):
    ev = _events(
        chain,
        "Chaman was reopened on Monday afternoon. The reopening followed a meeting in London on May 8 "
        "between the two national security advisers.",
    )
    assert _by(ev, "border_closure") == [("Chaman", "2024-05-13")]
    assert ("London", "2024-05-08") in _by(ev, "talks")


def test_an_undated_incident_of_the_report_takes_the_day_of_the_lead(chain):
    ev = _events(
        chain,
        "Taliban forces and Pakistani troops exchanged heavy fire at Angoor Adda on Saturday, officials said. "
        "Residents said they stayed indoors. "
        "Schools in the area sent pupils home. "
        "Elders appealed for calm. "
        "Pakistani officials said Afghan forces had also fired on posts in Kurram with heavy weapons.",
    )
    assert ("Kurram District", "2024-05-11") in _by(ev, "armed_clash")


def test_a_closure_that_remained_in_force_is_dated_by_its_first_day(chain):
    ev = _events(
        chain,
        "The Chaman crossing was closed to all traffic on Friday soon after the firing began, "
        "and it remained shut on Saturday.",
    )
    assert _by(ev, "border_closure") == [("Chaman", "2024-05-10")]


def test_a_datelines_date_is_the_day_of_writing():
    dates = find_dates("ISTANBUL, May 14 - The two sides agreed to keep the truce.", PUBLISHED)
    assert [d.statement for d in dates] == [True]


def test_on_their_way_to_meet_is_not_the_future():
    dates = find_dates("A bomber struck traders on their way to meet the governor on Sunday.", PUBLISHED)
    assert [d.iso() for d in dates] == ["2024-05-12"]


def test_would_meet_again_on_a_date_is_an_upcoming_round(chain):
    ev = _events(chain, "Officials said the two sides would meet again in Istanbul on May 30.")
    assert _by(ev, "talks") == [("Istanbul", "2024-05-30")]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Shells landed in Kunar last night.", "2024-05-14"),
        ("The crossing reopened this morning.", "2024-05-15"),
        ("Clashes erupted over the weekend.", "2024-05-11"),
    ],
)
def test_last_night_this_morning_and_the_weekend(text, iso):
    assert [d.iso() for d in find_dates(text, PUBLISHED)] == [iso]


def test_a_round_of_talks_is_dated_by_its_end(chain):
    ev = _events(chain, "The talks in Istanbul, hosted by Turkey, began on Saturday and ended late on Tuesday.")
    assert _by(ev, "talks") == [("Istanbul", "2024-05-14")]


def test_a_crossing_closed_for_days_does_not_end_the_talks(chain):
    ev = _events(
        chain,
        "Officials began negotiations on Wednesday at Torkham, a route which has been closed for 27 days.",
    )
    assert _by(ev, "talks") == [("Torkham", "2024-05-15")]


def test_two_attacks_weeks_apart_at_one_district_stay_two(chain):
    # Both days are told in their own sentences, three weeks apart: the
    # earlier attack is background, not the day of the lead one.
    ev = _events(
        chain,
        "Gunmen fired on a security post in Bajaur district on Monday, killing a soldier. "
        "On April 20, militants attacked another post in Bajaur district.",
    )
    assert sorted(_by(ev, "armed_clash")) == [("Bajaur District", "2024-04-20"), ("Bajaur District", "2024-05-13")]


def test_mentions_days_apart_at_one_district_stay_one(chain):
    ev = _events(
        chain,
        "Gunmen fired on a security post in Bajaur district on Monday, killing a soldier. "
        "The attack on the post in Bajaur district followed a raid there on Saturday, officials said.",
    )
    assert len(_by(ev, "armed_clash")) == 1


def test_the_month_a_work_had_begun_does_not_date_the_work(chain):
    # The fence is still going up: the report dates it, not its start.
    ev = _events(chain, "Troops were building new posts near Torkham, where work on a fence had begun in March.")
    assert _by(ev, "fortification") == [("Torkham", "2024-05-15")]


def test_a_month_told_as_the_start_of_a_work_is_marked():
    dates = find_dates("Officials said fencing in the sector had begun in March.", dt.date(2019, 5, 2))
    assert [(d.began, d.statement) for d in dates] == [(True, False)]
    dates = find_dates("Troops began building new posts in March.", dt.date(2019, 5, 2))
    assert [d.began for d in dates] == [False]


def test_clashes_that_had_begun_in_a_month_are_dated_by_it(chain):
    # Only a work still going on is dated by the report; fighting that "had
    # begun in March" happened in March.
    ev = _events(
        chain,
        "Clashes along the Kurram frontier had begun in March, when Afghan forces fired on a post near Parachinar.",
    )
    assert _by(ev, "armed_clash") == [("Parachinar", "2024-03")]


@pytest.mark.parametrize(
    "text",
    ["Guards traded fire at the gate on Tuesday last week.", "Last week on Tuesday, guards traded fire at the gate."],
)
def test_a_weekday_of_last_week_is_one_day_of_the_week_before(text):
    # Published on a Friday: the Tuesday of the week before, not this week's.
    dates = find_dates(text, dt.date(2024, 5, 17))
    assert [(d.iso(), d.precision) for d in dates] == [("2024-05-07", "day")]


def test_a_weekday_before_last_weeks_incident_is_this_weeks():
    dates = find_dates("A bomb went off in Bajaur on Monday, last week's attack in Wana having killed two.", PUBLISHED)
    assert [(d.iso(), d.precision) for d in dates] == [("2024-05-13", "day"), ("2024-05-08", "week")]


def test_the_fire_of_a_weekday_last_week_takes_that_day(chain):
    ev = _events(chain, "Torkham was shut on Monday last week after border guards exchanged fire.")
    assert ("Torkham", "2024-05-06") in _by(ev, "armed_clash")


def test_fire_that_went_on_into_the_next_day_is_dated_by_its_start(chain):
    ev = _events(
        chain,
        "On Sunday night gunmen attacked homes in Parachinar, and firing between the tribes "
        "continued into Monday morning, killing five people.",
    )
    assert _by(ev, "armed_clash") == [("Parachinar", "2024-05-12")]


def test_the_day_an_incident_ran_into_is_no_event_date():
    dates = find_dates("Shelling lasted into Tuesday, residents said.", dt.date(2024, 5, 17))
    assert [d.statement for d in dates] == [True]


def test_a_month_told_in_a_sentence_without_an_event_dates_none_of_the_next(chain):
    # "last month" is about the first case of the disease, not the trucks:
    # told in the perfect ("had reported"), it is background to the report.
    ev = _events(
        chain,
        "Pakistan shut the Torkham crossing on Monday over the virus. "
        "Doctors in Herat had reported the first case of the disease last month. "
        "At Torkham, hundreds of trucks were stranded on the Pakistani side.",
    )
    assert _by(ev, "trade_disruption") == [("Torkham", "2024-05-15")]


def test_months_after_another_incident_count_back_from_the_one_told(chain):
    # Monday 13 May less about two months: March, a month wide.
    ev = _events(
        chain,
        "A bomb went off near a market in Bajaur district on Monday, killing four people. "
        "The bombing came less than two months after Pakistani and Afghan troops fought for days at Torkham.",
    )
    assert ("Torkham", "2024-03") in _by(ev, "armed_clash")


# -- round 4: the week split narrowed to acts done on a day ---------------------


def test_a_closure_still_in_force_days_later_is_the_same_closure(chain):
    # Published on a Tuesday; "still closed on Tuesday" continues the
    # closure of February 21, it is no second closure eleven days later.
    ev = _events(
        chain,
        "Pakistan closed the Torkham crossing on February 21 after a row over a new Afghan post. "
        "On Tuesday the crossing was still closed, and traders said their losses were mounting.",
        published=dt.date(2025, 3, 4),
    )
    assert _by(ev, "border_closure") == [("Torkham", "2025-02-21")]


def test_a_closure_that_stayed_shut_for_a_week_after_an_older_attack_is_its_own(chain):
    # The count says when that closure began: a closure of its own, a month
    # before the one reported.
    ev = _events(
        chain,
        "Pakistan closed the Chaman crossing on Sunday after shells hit the town. "
        "On November 13, a gunman killed a soldier at the gate, and the crossing stayed shut for a week.",
        published=dt.date(2022, 12, 12),
    )
    assert _by(ev, "border_closure") == [("Chaman", "2022-11-13"), ("Chaman", "2022-12-11")]


def test_trucks_stranded_told_on_two_days_are_one_disruption(chain):
    ev = _events(
        chain,
        "Hundreds of trucks have been stuck at Chaman since October 3, drivers said. "
        "On Tuesday, more than 2,000 trucks were stranded at Chaman.",
        published=dt.date(2024, 10, 16),
    )
    assert len(_by(ev, "trade_disruption")) == 1


# -- round 4: a month told with no event dates the next sentence only when it opens it


@pytest.mark.parametrize(
    "text, iso",
    [
        (
            "In May, tension along the frontier rose sharply. Pakistani troops and Afghan border guards "
            "exchanged fire at Ghulam Khan, killing a soldier.",
            "2024-05",
        ),
        (
            "Earlier this month the mood at the crossing was tense. Guards from both sides traded fire "
            "at Torkham for an hour.",
            "2024-06",
        ),
    ],
)
def test_a_month_that_opens_a_sentence_dates_the_next_incident(chain, text, iso):
    ev = _events(chain, text, published=dt.date(2024, 6, 12))
    assert [e.event_date for e in ev if e.event_type == "armed_clash"] == [iso]


def test_a_month_inside_a_sentence_without_an_event_dates_none_of_the_next(chain):
    # "agreed in May" dates the plan, not the talks the next sentence continues.
    ev = _events(
        chain,
        "Officials of the two countries met in Islamabad on Monday for talks under a new plan. "
        "The plan, agreed in May, provides for five working groups. "
        "The Afghan delegation at the talks was led by a deputy foreign minister.",
        published=dt.date(2024, 7, 24),
    )
    assert _by(ev, "talks") == [("Islamabad", "2024-07-22")]


# -- round 4: "entered its sixth day", "into a third day" -----------------------


@pytest.mark.parametrize(
    "text, iso",
    [
        ("The closure of the Torkham crossing entered its fifth day on Tuesday.", "2024-05-10"),
        ("The Chaman crossing stayed shut into a third day on Tuesday, traders said.", "2024-05-12"),
        ("With the sit-in in its fourth day, the Chaman crossing remained closed.", "2024-05-12"),
    ],
)
def test_a_closure_in_its_nth_day_began_that_many_days_before(chain, text, iso):
    assert [e.event_date for e in _events(chain, text) if e.event_type == "border_closure"] == [iso]


def test_a_count_told_after_the_closures_noun_does_not_date_the_clash(chain):
    ev = _events(
        chain,
        "Border guards traded fire at Torkham on Monday, killing a porter, as the closure of the "
        "crossing entered its tenth day.",
    )
    assert _by(ev, "armed_clash") == [("Torkham", "2024-05-13")]
    # its tenth day is the day of the fire
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-04")]


# -- round 4: the day a toll was updated is not the incident's -----------------


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the bombing of a market in Parachinar rose to 24 on Tuesday.",
        "Hospital officials had put the toll at 59 early on Tuesday.",
        "The number of dead stood at 25 on Tuesday evening, officials said.",
        "Twelve civilians were reported dead at first; the toll rose on Tuesday morning.",
    ],
)
def test_the_day_a_toll_was_updated_dates_no_incident(text):
    assert [d.statement for d in find_dates(text, PUBLISHED)] == [True]


def test_an_attack_whose_toll_rose_on_a_later_day_keeps_its_own_day(chain):
    ev = _events(
        chain,
        "The number of people killed when gunmen stormed a police post in Chaman rose to 12 on Tuesday. "
        "The attackers struck the post late on Monday night.",
    )
    assert _by(ev, "armed_clash") == [("Chaman", "2024-05-13")]


def test_took_place_before_dawn_relates_to_no_other_incident(chain):
    ev = _events(
        chain,
        "Pakistani aircraft struck houses in the Sperah district of Khost, killing 20 people. "
        "The strikes took place before dawn on Saturday.",
    )
    assert _by(ev, "airstrike") == [("Sperah District", "2024-05-11")]


# -- round 4: "Two days after the talks, ..." opens the sentence -------------------


def test_an_opening_days_after_phrase_dates_the_main_clause_after_the_incident_it_names(chain):
    ev = _events(
        chain,
        "Officials of the two countries met in Doha on Saturday. "
        "Two days after the talks, militants attacked a border post in Chitral.",
    )
    assert _by(ev, "armed_clash") == [("Chitral", "2024-05-13")]


def test_an_opening_day_after_the_incident_itself_does_not_move_it(chain):
    # "A day after the blast" names the blast reported: the toll was put a
    # day later, the blast stays on Sunday.
    ev = _events(
        chain,
        "A suicide bomber struck a rally in Khar on Sunday, killing 40 people. "
        "A day after the blast, officials had put the number of dead at 54.",
    )
    assert _by(ev, "explosion") == [("Khar", "2024-05-12")]


def test_an_event_of_the_headline_that_the_body_does_not_date_takes_the_headlines_day(chain):
    # The fence work is named in the headline with the clash; the body
    # dates only the clash, and tells talks in March just before the fence
    # comes up again.
    ev = _events(
        chain,
        "Pakistani and Afghan border forces exchanged fire near Angoor Adda on Saturday, officials said. "
        "The two sides held talks in Kabul in March on border management. "
        "Kabul says the fence near Angoor Adda divides families.",
        title="Border troops clash over fencing at Angoor Adda",
    )
    assert _by(ev, "fortification") == [("Angoor Adda", "2024-05-11")]


# -- round 4: "the previous night", "the day before", "overnight" ------------------


@pytest.mark.parametrize(
    "text, iso",
    [
        # the day before the day the sentence names, even a statement's
        ("The army said on Tuesday that four soldiers were killed in Mir Ali the previous night.", "2024-05-13"),
        ("Guards clashed at Torkham overnight, officials said.", "2024-05-14"),
        ("Fighting raged near Chaman the night before, residents said.", "2024-05-14"),
    ],
)
def test_the_previous_night_is_the_day_before_the_day_told(text, iso):
    assert [d.iso() for d in find_dates(text, PUBLISHED) if not d.statement] == [iso]


def test_overnight_is_the_night_before_the_day_the_sentence_names(chain):
    # The strikes were the night before the Monday attack they prompted
    # (a night is dated by the day it began).
    ev = _events(
        chain,
        "Pakistani jets bombed hideouts in Kunar overnight, prompting Afghan forces to attack "
        "Pakistani posts in Bajaur on Monday, officials said.",
        published=dt.date(2024, 5, 14),
    )
    assert ("Kunar Province", "2024-05-12") in _by(ev, "airstrike")


def test_the_day_before_a_dated_attack_is_the_day_before_it(chain):
    ev = _events(
        chain,
        "Gunmen stormed a university in Charsadda on Friday, killing 20 people. "
        "The day before, a suicide bomber killed 11 people at a checkpoint in Jamrud.",
    )
    assert ("Jamrud", "2024-05-09") in _by(ev, "explosion")


def test_a_closure_told_as_going_on_stays_apart_from_one_months_before(chain):
    # "remained closed on Tuesday" continues this week's closure; the March
    # closure is another one, not its start.
    ev = _events(
        chain,
        "Guards traded fire at Torkham on Sunday, and the crossing remained closed on Tuesday. "
        "Torkham was last closed in March for ten days after a similar quarrel.",
    )
    assert _by(ev, "border_closure") == [("Torkham", "2024-03"), ("Torkham", "2024-05-14")]


# -- round 4: "the next day"; timelines ("March 2026: ...") ----------------------


def test_the_next_day_is_the_day_after_the_day_named_before_it():
    dates = find_dates("Guards fired on a post on May 3, and Pakistan shut Torkham the next day.", PUBLISHED)
    assert [d.iso() for d in dates] == ["2024-05-03", "2024-05-04"]


def test_the_next_day_with_no_day_before_it_dates_nothing_after_publication(chain):
    ev = _events(chain, "Pakistan said it would shut Torkham the next day.")
    assert all(e.event_date <= PUBLISHED.isoformat() for e in ev)


def test_a_timeline_entry_gives_the_year_of_its_days(chain):
    # Published in October 2026: "October 11" alone would be 2026.
    ev = _events(
        chain,
        "Here is how the year unfolded.\n\n"
        "October 2025: Pakistani aircraft struck hideouts in Barmal on October 11. "
        "A ceasefire is agreed in Doha on October 19.\n\n"
        "January 2026: Officials of both countries hold talks in Istanbul.",
        published=dt.date(2026, 10, 13),
    )
    assert _by(ev, "airstrike") == [("Barmal District", "2025-10-11")]
    assert _by(ev, "talks") == [("Doha", "2025-10-19"), ("Istanbul", "2026-01")]


# -- round 4: states told as they stand are the report's, on its day --------------


def test_trucks_stranded_with_no_day_of_their_own_wait_on_the_report_day(chain):
    # Not the Wednesday of the meeting told just before.
    ev = _events(
        chain,
        "Officials of both sides met at Torkham on Monday. A second meeting was held on Wednesday last week. "
        "More than 3,000 trucks were stuck on both sides of the crossing, customs officials said.",
    )
    assert [(e.event_date, e.date_precision) for e in ev if e.event_type == "trade_disruption"] == [
        ("2024-05-15", "day")
    ]


def test_a_crossing_that_remains_closed_is_closed_on_the_report_day(chain):
    ev = _events(
        chain,
        "Torkham reopened on Monday after talks in Islamabad. "
        "The Chaman crossing in Balochistan remains closed, and officials gave no date for its reopening.",
    )
    assert ("Chaman", "2024-05-15") in _by(ev, "border_closure")


def test_a_closure_going_on_in_the_headline_joins_the_closure_told_with_its_start(chain):
    ev = _events(
        chain,
        "Pakistani authorities sealed the Chaman gate on Thursday afternoon after protesters burned a flag.",
        title="Chaman crossing stays shut for fifth day after flag row",
        published=dt.date(2016, 8, 22),
    )
    assert _by(ev, "border_closure") == [("Chaman", "2016-08-18")]


def test_a_meeting_planned_for_a_weekday_is_upcoming():
    dates = find_dates("A second meeting was planned for Wednesday, he said.", PUBLISHED)
    assert [d.iso() for d in dates] == ["2024-05-15"]
    dates = find_dates("A second meeting was planned for Thursday, he said.", PUBLISHED)
    assert [d.iso() for d in dates] == ["2024-05-16"]


def test_a_dateline_with_the_country_after_the_city_is_the_day_of_writing():
    dates = find_dates("PESHAWAR, Pakistan, May 14 - Guards traded fire at Torkham late on Sunday.", PUBLISHED)
    assert [(d.iso(), d.statement) for d in dates] == [("2024-05-14", True), ("2024-05-12", False)]


def test_firing_until_the_early_hours_of_a_day_ends_there():
    dates = find_dates("The shelling went on until the early hours of Monday, residents said.", PUBLISHED)
    assert [d.statement for d in dates] == [True]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Torkham reopened earlier this month, on May 3, after talks in Islamabad.", ["2024-05-03"]),
        ("Guards clashed at Chaman last week, on Thursday.", ["2024-05-09"]),
        ("Guards clashed at Chaman on May 3 and again later in the month.", ["2024-05-03", "2024-05"]),
    ],
)
def test_a_day_told_beside_the_month_that_holds_it_is_the_one_date(text, iso):
    assert [d.iso() for d in find_dates(text, PUBLISHED)] == iso


def test_the_day_a_closure_went_on_is_not_the_day_it_began(chain):
    # Published on a Tuesday: shut after Monday's clash, still shut on Tuesday.
    ev = _events(
        chain,
        "Border forces traded mortar fire near Angoor Adda on Monday. "
        "The crossing was closed to traffic after the clash and remained shut on Tuesday.",
        published=dt.date(2021, 2, 23),
    )
    assert _by(ev, "border_closure") == [("Angoor Adda", "2021-02-22")]


def test_a_date_in_a_relative_clause_about_another_noun_does_not_date_the_event(chain):
    # "earlier this month" is when the hostilities flared, not the talks.
    ev = _events(
        chain,
        "The talks in Istanbul, hosted by Turkey, are part of a push to calm hostilities that flared "
        "earlier this month along the border.",
    )
    assert [(e.event_date, e.date_precision) for e in ev if e.event_type == "talks"] == [("2024-05-15", "week")]


def test_a_date_in_a_relative_clause_of_the_events_own_phrase_dates_it(chain):
    ev = _events(chain, "The bombing of a shrine in Sehwan that killed 80 people on Thursday shocked the country.")
    assert _by(ev, "explosion") == [("Sehwan", "2024-05-09")]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("A meeting of the two delegations is planned in Doha for this weekend.", "2024-05-18"),
        ("Talks will be held in Doha next weekend.", "2024-05-18"),  # said on a Wednesday: the coming one
        ("Clashes erupted near Chaman over the weekend.", "2024-05-11"),
        ("The Chaman crossing has been shut since the weekend.", "2024-05-11"),
    ],
)
def test_a_weekend_to_come_and_one_gone(text, iso):
    assert [(d.iso(), d.precision) for d in find_dates(text, PUBLISHED)] == [(iso, "week")]


def test_set_on_fire_is_no_future():
    assert [d.iso() for d in find_dates("A house was set on fire on Monday.", PUBLISHED)] == ["2024-05-13"]


def test_the_closure_told_again_far_on_keeps_the_day_it_was_reported(chain):
    ev = _events(
        chain,
        "Pakistan sealed its border crossings with Afghanistan on Thursday night after a bombing in Sindh. "
        "Officials blamed militants based across the border. "
        "The army said troops were on alert along the frontier. "
        "Afghan officials rejected the accusation. "
        "At Torkham, the closure caught traders and travellers unawares.",
        published=dt.date(2017, 2, 20),
    )
    assert ("Torkham", "2017-02-16") in _by(ev, "border_closure")
    assert ("Torkham", "2017-02-20") not in _by(ev, "border_closure")


def test_talks_on_the_day_of_the_strikes_take_their_day(chain):
    ev = _events(
        chain,
        "Pakistani jets struck four villages in Barmal district on Tuesday night, killing 40 people. "
        "Pakistan has not confirmed the raids. "
        "The strikes came on the day Pakistan's envoy was in Kabul for talks with Taliban ministers.",
        published=dt.date(2024, 12, 29),
    )
    assert _by(ev, "talks") == [("Kabul", "2024-12-24")]


def test_closed_since_the_fighting_broke_out_is_its_first_day(chain):
    # The fighting began on Sunday and went on on Monday.
    ev = _events(
        chain,
        "Pakistani and Afghan guards exchanged fire at Torkham on Sunday. "
        "A border policeman was killed in fresh firing at Torkham on Monday. "
        "The crossing has been closed since the fighting broke out, stranding hundreds of travellers.",
    )
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-12")]


def test_trucks_stranded_by_a_closure_since_a_day_wait_on_the_report_day(chain):
    ev = _events(
        chain,
        "The Kharlachi crossing has been closed since Sunday, and trucks carrying timber and rice "
        "were stranded on both sides, traders said.",
    )
    assert _by(ev, "border_closure") == [("Kharlachi", "2024-05-12")]
    assert _by(ev, "trade_disruption") == [("Kharlachi", "2024-05-15")]


def test_a_duration_yields_to_the_month_that_opens_the_sentence(chain):
    ev = _events(
        chain,
        "In March, troops traded fire for several days over a gate that Pakistan was building, "
        "and Torkham was closed for nearly a week.",
    )
    assert _by(ev, "border_closure") == [("Torkham", "2024-03")]


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        # published on a Wednesday
        ("Guards traded fire at Torkham on Wednesday.", "2024-05-15", "day"),  # the day of publication
        ("Guards traded fire at Torkham on Tuesday.", "2024-05-14", "day"),  # the day before
        ("Guards traded fire at Torkham on Thursday.", "2024-05-09", "day"),  # after publication: last week's
        ("Guards traded fire at Torkham late Sunday.", "2024-05-12", "day"),
        ("Guards traded fire at Torkham last week.", "2024-05-08", "week"),
        ("The crossing was shut earlier this month.", "2024-05", "month"),
        ("The crossing was shut last month.", "2024-04", "month"),
    ],
)
def test_relative_days_against_the_published_wednesday(text, iso, precision):
    assert [(d.iso(), d.precision) for d in find_dates(text, PUBLISHED)] == [(iso, precision)]


def test_a_closure_since_the_weekend_that_stayed_shut_on_a_day_began_at_the_weekend(chain):
    ev = _events(chain, "The Chaman crossing, shut since the weekend, stayed closed on Tuesday.")
    assert [(e.event_date, e.date_precision) for e in ev if e.event_type == "border_closure"] == [
        ("2024-05-11", "week")
    ]


def test_trucks_stranded_since_a_month_wait_on_the_report_day(chain):
    ev = _events(chain, "More than 300 trucks that had been stranded at Ghulam Khan since March were cleared first.")
    assert [(e.event_date, e.date_precision) for e in ev if e.event_type == "trade_disruption"] == [
        ("2024-05-15", "day")
    ]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("A militant was killed in a fire exchange near Wana on the night between Monday and Tuesday.", ["2024-05-13"]),
        ("Shells fell on Lalpur on the night of Sunday and Monday.", ["2024-05-12"]),
        ("Guards fired on Monday and again on Tuesday.", ["2024-05-13", "2024-05-14"]),
    ],
)
def test_a_night_between_two_days_is_the_first(text, iso):
    assert [d.iso() for d in find_dates(text, PUBLISHED)] == iso


def test_a_toll_that_rose_on_a_day_without_on_is_the_toll_update():
    dates = find_dates("The death toll from the rally bombing jumped to 63 Wednesday, doctors said.", PUBLISHED)
    assert [d.statement for d in dates] == [True]


@pytest.mark.parametrize("heading", ["- October 2025:", "2025 October:", "October 2025 —"])
def test_a_timeline_entry_in_other_layouts_gives_the_year(chain, heading):
    ev = _events(
        chain,
        f"{heading} Pakistani aircraft struck hideouts in Barmal on October 11.",
        published=dt.date(2026, 10, 13),
    )
    assert _by(ev, "airstrike") == [("Barmal District", "2025-10-11")]


# -- round 5: dates of held-out follow-up (issue 10) ------------------------


def test_an_undated_incident_told_in_a_statement_takes_the_statement_day(chain):
    # "said on Tuesday that ... had been killed": not the Sunday of the
    # operation told in the sentence before.
    ev = _events(
        chain,
        "The army launched an operation in North Waziristan on Sunday. "
        "Separately, the military said on Tuesday that two soldiers had been killed when militants "
        "fired on a patrol near Datta Khel.",
    )
    assert ("Datta Khel", "2024-05-14") in _by(ev, "armed_clash")


def test_a_statement_about_the_incident_already_dated_keeps_its_day(chain):
    # The strike told again in the statement keeps its own day.
    ev = _events(
        chain,
        "Pakistani jets struck a village in Barmal district on Sunday night. "
        "A Taliban spokesman said on Tuesday that the strike in Barmal had killed nine civilians.",
    )
    assert [d for _, d in _by(ev, "airstrike")] == ["2024-05-12"]


def test_a_statement_day_after_the_incident_dates_nothing():
    # no "that": the day ends the sentence and only dates the statement
    d = find_dates("Four soldiers were killed in Kurram, officials said on Monday.", PUBLISHED)
    assert [(x.statement, x.said) for x in d] == [(True, True)]


def test_strikes_placed_in_the_next_sentence_keep_the_day_told_with_them(chain):
    # the weekend is the ambush's, Monday the strikes'
    ev = _events(
        chain,
        "Pakistani jets bombed targets inside Afghanistan early on Monday in reprisal for an ambush on "
        "its troops over the weekend. A Taliban spokesman said the jets had hit houses in Barmal district.",
    )
    assert _by(ev, "airstrike") == [("Barmal District", "2024-05-13")]


@pytest.mark.parametrize(
    "text, etype, iso",
    [
        (
            "Pakistani forces shelled Dangam on Monday, May 13. Two days later, the Torkham crossing was closed.",
            "border_closure",
            "2024-05-15",
        ),
        (
            "The Torkham crossing was reopened on May 20. Two days earlier, Pakistani forces shelled Dangam.",
            "explosion",
            "2024-05-18",
        ),
        # from the day of the statement told last, not the incident before it
        (
            "Militants attacked a post in Bajaur on May 12. The foreign office said on May 16 that it had "
            "protested. A day earlier, the two sides had met at Torkham.",
            "talks",
            "2024-05-15",
        ),
    ],
)
def test_later_and_earlier_opening_a_sentence_count_from_the_day_told_last(chain, text, etype, iso):
    ev = _events(chain, text, published=dt.date(2024, 5, 30))
    assert [d for _, d in _by(ev, etype)] == [iso]


def test_reopened_for_some_days_is_how_long_it_stays_open(chain):
    ev = _events(
        chain,
        "Pakistan on Tuesday reopened the Torkham crossing for three days to let stranded travellers go home.",
        title="Torkham reopened for three days for stranded travellers",
    )
    assert _by(ev, "border_closure") == [("Torkham", "2024-05-14")]


def test_closed_for_some_days_still_counts_back():
    d = find_dates("The Torkham crossing has been closed for three days.", PUBLISHED)
    assert [(x.kind, x.date.isoformat()) for x in d] == [("for", "2024-05-12")]


def test_a_reopening_told_again_does_not_take_the_day_of_the_meeting_before_it(chain):
    ev = _events(
        chain,
        "The Angoor Adda crossing reopened for trade on Monday after a month-long closure. "
        "Border officials of both sides had met at Angoor Adda on Saturday to agree on timings for the reopening.",
    )
    reopened = [e.event_date for e in ev if e.event_type == "border_closure" and e.sub_event_type == "reopening"]
    assert reopened == ["2024-05-13"]
    assert _by(ev, "talks") == [("Angoor Adda", "2024-05-11")]


def test_fighting_overnight_before_an_incident_yields_to_its_day(chain):
    ev = _events(
        chain,
        "Taliban fighters captured the Spin Boldak crossing after heavy fighting on Wednesday. A Taliban spokesman "
        "said the fighters had taken the crossing after clashes with government forces overnight.",
        published=dt.date(2024, 5, 16),
    )
    assert [d for _, d in _by(ev, "armed_clash")] == ["2024-05-15"]


def test_an_attack_overnight_is_the_night_before_the_day_told(chain):
    ev = _events(chain, "Militants attacked a check post in Bajaur overnight, officials said on Tuesday.")
    assert _by(ev, "armed_clash") == [("Bajaur District", "2024-05-13")]


def test_trucks_waiting_since_a_day_began_to_wait_that_day(chain):
    ev = _events(chain, "Hundreds of fruit trucks have been waiting at the Chaman crossing since last Thursday.")
    assert [(e.event_date, e.date_precision) for e in ev if e.event_type == "trade_disruption"] == [
        ("2024-05-09", "day")
    ]


def test_trucks_stranded_by_a_closure_told_since_a_day_wait_on_the_report_day(chain):
    # the day is the closure's, told between the trucks and it
    ev = _events(chain, "Trucks are stuck at Chaman because the crossing has been shut since last Thursday.")
    assert [e.event_date for e in ev if e.event_type == "trade_disruption"] == ["2024-05-15"]


@pytest.mark.parametrize(
    "text, etype, iso",
    [
        ("Militants raided a check post in Bajaur late on Sunday, killing two soldiers.", "armed_clash", "2024-05-12"),
        ("Rockets landed in Dangam in the early hours of Monday, police said.", "explosion", "2024-05-13"),
        ("PESHAWAR, May 15 - Gunmen attacked a police post in Tank on Monday.", "armed_clash", "2024-05-13"),
        ("The Chaman crossing was closed last month after a quarrel at the gate.", "border_closure", "2024-04"),
        # two incidents of one sentence keep their own days
        ("Shells hit Dangam on Sunday, and a drone struck a house in Barmal on Tuesday.", "explosion", "2024-05-12"),
        ("Shells hit Dangam on Sunday, and a drone struck a house in Barmal on Tuesday.", "airstrike", "2024-05-14"),
    ],
)
def test_times_of_day_datelines_and_background_months(chain, text, etype, iso):
    assert [d for _, d in _by(_events(chain, text), etype)] == [iso]


def test_each_place_of_a_sentence_takes_the_day_told_after_it(chain):
    ev = _events(
        chain,
        "The military said militants had tried to cross into Kurram on Monday and into North Waziristan on Tuesday.",
    )
    assert _by(ev, "armed_clash") == [("Kurram District", "2024-05-13"), ("North Waziristan", "2024-05-14")]


def test_places_told_before_one_day_share_it(chain):
    ev = _events(chain, "Rockets landed in Dangam and Sheltan on Monday, officials said.")
    assert [d for _, d in _by(ev, "explosion")] == ["2024-05-13", "2024-05-13"]


# -- round 6 (rulesd): background months and the months to come -------------


@pytest.mark.parametrize(
    "text, iso",
    [
        # "mid-" joins its month with a hyphen, as wires write it
        ("Traders said the crossing had been sealed in mid-March against the virus.", "2024-03"),
        ("Chaman has stayed shut since mid-February, customs officials said.", "2024-02"),
        ("Angoor Adda was closed in mid March over a row about passes.", "2024-03"),
    ],
)
def test_mid_month_is_a_month(chain, text, iso):
    assert [d for _, d in _by(_events(chain, text), "border_closure")] == [iso]


def test_mid_without_a_month_is_no_date():
    assert find_dates("A mid-level commander crossed at Torkham.", PUBLISHED) == []


def test_a_month_to_come_later_in_the_year_is_this_years():
    # said in May 2024: the next round is in November 2024, not November 2023
    ev = find_dates("The next round of talks will be held in Kabul in November, officials said.", PUBLISHED)
    assert [d.iso() for d in ev] == ["2024-11"]


def test_a_month_told_without_the_future_later_in_the_year_is_last_years():
    ev = find_dates("The crossing was closed in November over a dispute about fencing.", PUBLISHED)
    assert [d.iso() for d in ev] == ["2023-11"]


# -- a closure and a reopening told in one sentence ---------------------------


def _closures(ev):
    return sorted((e.sub_event_type, e.location, e.event_date) for e in ev if e.event_type == "border_closure")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Officials closed the Chaman crossing on Thursday and reopened it on Sunday after elders intervened.",
            [("closure", "Chaman", "2024-05-09"), ("reopening", "Chaman", "2024-05-12")],
        ),
        (
            "Angoor Adda was reopened to traders in February but was shut again in April over a fencing row.",
            [("closure", "Angoor Adda", "2024-04"), ("reopening", "Angoor Adda", "2024-02")],
        ),
        (
            "Kharlachi, closed since March 30, reopened for trucks on Monday, customs officials said.",
            [("closure", "Kharlachi", "2024-03-30"), ("reopening", "Kharlachi", "2024-05-13")],
        ),
        # a reopening told in a relative clause, then the closure
        (
            "The gate at Chaman, which had been opened on Monday for the Eid rush, was shut again on Tuesday.",
            [("closure", "Chaman", "2024-05-14"), ("reopening", "Chaman", "2024-05-13")],
        ),
    ],
)
def test_a_closure_and_a_reopening_each_keep_their_own_date(chain, text, expected):
    assert _closures(_events(chain, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one day for both words: one reopening, as before
        ("Torkham was closed and reopened on Tuesday as officials argued.", [("reopening", "Torkham", "2024-05-14")]),
        # "the closure" has no date of its own: the closure told before
        ("Chaman reopened on Monday after the closure.", [("reopening", "Chaman", "2024-05-13")]),
        # a length alone is no date of the closure's own
        (
            "The Ghulam Khan crossing was reopened on Monday after remaining shut for two weeks.",
            [("reopening", "Ghulam Khan", "2024-05-13")],
        ),
    ],
)
def test_a_closure_without_a_date_of_its_own_is_not_split_off(chain, text, expected):
    assert _closures(_events(chain, text)) == expected


def test_since_then_after_the_days_own_date_counts_from_it(chain):
    ev = _events(
        chain,
        "Torkham was shut on April 2 after a firefight. "
        "It was reopened last week on the orders of the prime minister, and trade has picked up since then.",
    )
    assert _closures(ev) == [("closure", "Torkham", "2024-04-02"), ("reopening", "Torkham", "2024-05-08")]


# -- "on Monday, two days after ...": the other incident counted back ---------


def _dated(ev, etype):
    return [(e.location, e.event_date, e.fatalities) for e in ev if e.event_type == etype]


def test_an_incident_n_days_before_the_day_told_in_the_sentence(chain):
    ev = _events(
        chain, "Jets pounded Barmal on Monday, two days after a suicide bomber killed nine policemen in Bannu."
    )
    # the day told before the phrase is the strikes'; the toll after it the bombing's
    assert _dated(ev, "airstrike") == [("Barmal District", "2024-05-13", None)]
    assert _dated(ev, "explosion") == [("Bannu", "2024-05-11", 9)]


def test_a_day_told_with_no_event_anchors_the_count_back(chain):
    ev = _events(
        chain, "The sit-in began on Tuesday, four days after a drone strike on a house in Datta Khel killed five."
    )
    assert _dated(ev, "airstrike") == [("Datta Khel", "2024-05-10", 5)]


def test_a_day_counted_from_another_incident_yields_to_its_own_day(chain):
    alone = _events(chain, "Jets struck Barmal late on Monday, a day after a suicide attack in Bannu.")
    assert [d for _, d, _ in _dated(alone, "explosion")] == ["2024-05-12"]
    told = _events(
        chain,
        "Jets struck Barmal late on Monday, a day after a suicide attack in Bannu. "
        "On Monday morning, a suicide bomber struck a police station in Bannu, killing nine.",
    )
    assert _dated(told, "explosion") == [("Bannu", "2024-05-13", 9)]


def test_an_incident_counted_back_in_the_lead_does_not_date_the_undated_ones(chain):
    ev = _events(
        chain,
        "Taliban and Pakistani troops traded fire at several points along the Durand Line on Saturday, "
        "three days after Pakistani jets bombed Paktika province. "
        "The fighting took place in Dand-e-Patan and in Gurbuz, officials said. "
        "Pakistani officials said Afghan forces had fired on posts in Kurram.",
    )
    assert ("Kurram District", "2024-05-11", None) in _dated(ev, "armed_clash")
    assert [d for _, d, _ in _dated(ev, "airstrike")] == ["2024-05-08"]


@pytest.mark.parametrize(
    "second, iso",
    [
        # goods held "since the closure": a state, told on the report's day
        ("At Karachi port, some 2,000 containers of transit cargo have been held since the closure.", "2024-05-15"),
        ("About 300 trucks have been stuck on the Afghan side since then, drivers said.", "2024-05-15"),
        # a day of its own: they began to wait that day (or that week)
        ("About 300 trucks have been stuck on the Afghan side since Sunday, drivers said.", "2024-05-12"),
        ("Fruit lorries have been turned back at the gate since last week, exporters said.", "2024-05-08"),
    ],
)
def test_goods_held_since_the_closure_wait_on_the_reports_day(chain, second, iso):
    ev = _events(chain, "Pakistan closed the Torkham crossing on April 20 after a clash. " + second)
    assert [e.event_date for e in ev if e.event_type == "trade_disruption"] == [iso]
    assert [e.event_date for e in ev if e.event_type == "border_closure"] == ["2024-04-20"]


def test_days_told_in_sequence_follow_each_other():
    friday = dt.date(2024, 5, 17)  # published on a Friday
    seq = find_dates("Militants tried to cross into Bajaur on Friday and into Mohmand on Saturday.", friday)
    assert [d.iso() for d in seq] == ["2024-05-10", "2024-05-11"]
    # alone, the day of publication is that day
    assert [d.iso() for d in find_dates("Troops traded fire at Chaman on Friday.", friday)] == ["2024-05-17"]
    # a statement's day, then the day of what it reports
    said = find_dates("An official said on Friday that shells had hit Dangam and Sheltan since Monday.", friday)
    assert [d.iso() for d in said] == ["2024-05-17", "2024-05-13"]


@pytest.mark.parametrize(
    "text, counted",
    [
        # a period over, in the simple past: not counted back from the report
        ("The Chaman crossing was then closed for about three weeks.", False),
        ("It was the clash that closed the border for almost a week.", False),
        ("The crossing stayed shut for a week after the firing.", False),
        # going on, or before a reopening: counted back
        ("The crossing has been closed for a week.", True),
        ("Torkham has remained shut for ten days.", True),
        ("Torkham reopened after being closed for nearly four weeks.", True),
    ],
)
def test_a_closure_over_does_not_run_back_from_the_report(text, counted):
    fors = [d for d in find_dates(text, PUBLISHED) if d.kind == "for"]
    assert [not d.statement for d in fors] == [counted]


def test_a_closure_over_takes_the_month_told_before(chain):
    ev = _events(
        chain,
        "In March, troops traded fire at Torkham over a new gate. "
        "The clash, which closed the crossing for almost a week, left two guards dead.",
    )
    assert [d for _, d in _by(ev, "border_closure")] == ["2024-03"]


@pytest.mark.parametrize(
    "text, iso",
    [
        # the round held, not the next one agreed in the same sentence
        (
            "Tribal elders met at Ghulam Khan on Monday to calm the feud and agreed to meet again on Thursday.",
            "2024-05-13",
        ),
        ("Border officials met at Torkham on Saturday and will meet again there on Wednesday.", "2024-05-11"),
        # a round to come alone keeps its day
        ("Border officials will meet at Torkham on Friday to discuss the gate.", "2024-05-17"),
    ],
)
def test_a_round_held_is_dated_by_its_own_words(chain, text, iso):
    assert [d for _, d in _by(_events(chain, text), "talks")] == [iso]


# -- an incident named again, live blog entries (rulesh) ------------------------


def test_the_fighting_named_again_keeps_the_day_of_its_report(chain):
    # Saturday is when the wall was begun, told in the cause of the fighting.
    ev = _events(
        chain,
        "Pakistani and Afghan guards traded fire at the Ghulam Khan crossing on Tuesday, officials said. "
        "The fighting started after Afghan guards objected to a wall the Pakistani side had begun on Saturday.",
    )
    assert [d for _, d in _by(ev, "armed_clash")] == ["2024-05-14"]


def test_the_fighting_named_again_dates_a_report_with_no_day(chain):
    ev = _events(
        chain,
        "Pakistani and Afghan guards traded fire at the Ghulam Khan crossing, officials said. "
        "The fighting began on Monday evening and lasted two hours.",
    )
    assert [d for _, d in _by(ev, "armed_clash")] == ["2024-05-13"]


def test_a_live_blog_entry_with_a_time_is_of_the_published_day(chain):
    ev = _events(
        chain,
        "**14:20 PKT** - Officers of both sides have begun a flag meeting at the Torkham crossing.\n\n"
        "**Tuesday, 21:00 PKT** - Guards traded fire near Chaman on Tuesday evening, residents say. "
        "Commanders of both sides then met at the Chaman gate.",
        title="LIVE: Torkham tense for a second day",
    )
    # an entry of a day it names is that day's (Chaman); one with a time only, the report's
    assert _by(ev, "talks") == [("Chaman", "2024-05-14"), ("Torkham", "2024-05-15")]


def test_fire_told_in_a_morning_entry_keeps_the_night_told_before(chain):
    # Entries posted in the morning tell the night's fighting: not the entry's day.
    ev = _events(
        chain,
        "**08:10** - Officials say Afghan forces fired on posts near Angoor Adda on Tuesday night.\n\n"
        "**07:40** - Residents say mortar shells also fell near the posts at Angoor Adda.",
    )
    assert [d for _, d in _by(ev, "explosion")] == ["2024-05-14"]


@pytest.mark.parametrize(
    "day, kind, start, held",
    [
        (dt.date(2024, 5, 14), "weekday", 10, True),  # a Tuesday in the week of Thursday the 16th
        (dt.date(2024, 5, 19), "weekday", 10, True),
        (dt.date(2024, 5, 20), "weekday", 10, False),  # the week after
        (dt.date(2024, 5, 15), "report", -1, False),  # the report's day a state takes is no day told
    ],
)
def test_a_day_told_in_the_week_told_for_one_incident_is_kept(day, kind, start, held):
    from geomap.extract.dates import DateMention
    from geomap.extract.merging import _day_in_week

    week = DateMention(dt.date(2024, 5, 16), "week", 0, 9, kind="rel")
    told = DateMention(day, "day", start, start + 7, kind=kind)
    assert _day_in_week(told, week) is held
    assert _day_in_week(week, told) is held
    assert _day_in_week(told, told) is False


def test_a_day_carried_to_a_place_keeps_over_the_week_told_there(chain):
    ev = _events(
        chain,
        "An Afghan border policeman was killed in a clash with Pakistani forces in Goshta district late on "
        "Tuesday, officials said. The fighting broke out after Pakistani forces resumed work on a post in the "
        "Gursal area. He said the police had asked the Pakistani side to stop the work several times this week "
        "before fighting erupted.",
    )
    assert {d for _, d in _by(ev, "armed_clash")} == {"2024-05-14"}


def test_a_day_explained_by_a_phrase_beside_it_stays_the_day(chain):
    # the storm (Monday) is told first; "two days before the storm" only explains Saturday
    ev = _events(
        chain,
        "A storm hit Chitral on Monday. On Saturday, two days before the storm, a woman was killed when a "
        "shell fired from across the border hit her house in the Mamund area, officials said.",
    )
    assert _by(ev, "explosion") == [("Mamund", "2024-05-11")]


def test_a_day_of_another_event_still_counts_to_the_incident_after_it(chain):
    # Sunday is the sit-in's; the strike came three days before it
    ev = _events(
        chain,
        "The sit-in at the Torkham road began on Sunday, three days after a drone strike on a compound in "
        "Datta Khel killed six people.",
    )
    assert [d for _, d in _by(ev, "airstrike")] == ["2024-05-09"]


# -- round 8: news wording in general -----------------------------------------


@pytest.mark.parametrize(
    "lead, day",
    [
        # the work told in a report of Saturday's fighting is that day's, not the published week's
        ("Afghan and Pakistani border forces traded fire near Angoor Adda on Saturday", ("2024-05-11", "day")),
        # a report of a closure: its day
        ("Pakistan closed the Angoor Adda crossing to trucks on Saturday", ("2024-05-11", "day")),
        # nothing dated in the week before publication: the published week
        ("Pakistan closed the Angoor Adda crossing to trucks in March", ("2024-05-15", "week")),
    ],
)
def test_an_undated_event_takes_the_day_of_the_reports_lead(chain, lead, day):
    ev = _events(
        chain,
        f"{lead}, officials said. Residents said it went on for hours. "
        "Pakistani troops were putting up a fence on the ridge, an official said.",
    )
    assert [(e.event_date, e.date_precision) for e in ev if e.event_type == "fortification"] == [day]


def test_undated_talks_take_the_day_of_the_reports_lead(chain):
    ev = _events(
        chain,
        "Pakistan reopened the Ghulam Khan crossing to trade on Monday after a month, officials said. "
        "Traders welcomed the move. "
        "Later, border officials of the two countries held a meeting at the crossing, an official said.",
    )
    assert [(e.event_date, e.date_precision) for e in ev if e.event_type == "talks"] == [("2024-05-13", "day")]


@pytest.mark.parametrize(
    "background, toll",
    [
        # an attack told only by "last year" or "years ago" is history: its toll is not today's
        ("Last year, a similar attack on the same post killed five soldiers.", 2),
        ("Three years ago, militants stormed the same post and killed nine guards.", 2),
        # a month with it is a date found: a background incident apart, the reported toll kept
        ("In March last year, a similar attack on the same post killed five soldiers.", 2),
    ],
)
def test_an_attack_dated_only_by_a_past_year_keeps_its_toll_apart(chain, background, toll):
    ev = _events(chain, f"Two soldiers were killed in an attack on a post in Kurram on Tuesday evening. {background}")
    assert [
        (e.event_date, e.fatalities) for e in ev if e.event_type == "armed_clash" and e.event_date == "2024-05-14"
    ] == [("2024-05-14", toll)]


@pytest.mark.parametrize(
    "text, day",
    [
        # a day opening the sentence with "since" is when the trucks began to wait
        ("Since Sunday, more than 900 lorries have been stuck at Torkham.", "2024-05-12"),
        # told after the closure it dates, it is the closure's: the trucks wait on the report's day
        ("Torkham has been closed since Sunday, and more than 900 lorries are stuck there.", "2024-05-15"),
    ],
)
def test_since_a_day_opening_the_sentence_dates_the_queue(chain, text, day):
    ev = _events(chain, text)
    assert [e.event_date for e in ev if e.event_type == "trade_disruption"] == [day]


def test_an_incident_told_again_with_another_day_keeps_the_day_told_first(chain):
    ev = _events(
        chain,
        "The Ghulam Khan crossing was reopened on Monday after three weeks, officials said. "
        "Traders welcomed the decision. "
        "An official said the crossing had been reopened after a meeting with Afghan officials "
        "at the zero point on Sunday.",
    )
    assert [e.event_date for e in ev if e.event_type == "border_closure" and e.sub_event_type == "reopening"] == [
        "2024-05-13"
    ]


@pytest.mark.parametrize(
    "text, day",
    [
        # the day told with the closure the trucks wait behind is the closure's
        ("Hundreds of lorries have been stuck at Torkham since the crossing was closed on Sunday.", "2024-05-15"),
        ("Hundreds of lorries are stranded at Torkham after the crossing was shut on Sunday.", "2024-05-15"),
        # a day told with the trucks themselves is when they began to wait
        ("Hundreds of lorries have been stuck at Torkham since Sunday.", "2024-05-12"),
    ],
)
def test_the_day_of_the_closure_trucks_wait_behind_is_not_theirs(chain, text, day):
    assert [e.event_date for e in _events(chain, text) if e.event_type == "trade_disruption"] == [day]


def test_fire_going_on_as_a_closure_is_counted_is_on_the_day_counted_to(chain):
    ev = _events(
        chain,
        "The Kharlachi crossing stayed shut for a third straight day on Wednesday as Afghan guards "
        "kept firing from across the line.",
    )
    assert _by(ev, "border_closure") == [("Kharlachi", "2024-05-13")]
    assert _by(ev, "armed_clash") == [("Kharlachi", "2024-05-15")]


def test_fire_that_caused_a_closure_counted_in_days_is_on_the_day_it_began(chain):
    ev = _events(
        chain,
        "The Kharlachi crossing stayed shut for a third day on Wednesday after Afghan guards opened fire on a patrol.",
    )
    assert _by(ev, "armed_clash") == [("Kharlachi", "2024-05-13")]
