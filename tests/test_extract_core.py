"""End-to-end extraction on the hand-written articles of tests/data/articles.

Each test names the trap of issue 4 it covers; the expected events of every
file are listed in tests/data/articles/README.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geomap.extract import DraftEvent, extract_paths, extract_texts, merge_across_articles
from geomap.geocoders import default_chain
from geomap.report import Report

DATA = Path(__file__).parent / "data" / "articles"
#: The article files (the folder's README.md describes them and is not one).
ARTICLES = sorted(str(p) for p in DATA.iterdir() if p.name != "README.md")


@pytest.fixture(scope="module")
def chain():
    return default_chain()


@pytest.fixture(scope="module")
def run(chain):
    report = Report()
    events = extract_paths(ARTICLES, chain, report, progress=False)
    return events, report


def _of(run, doc_id: str) -> list[DraftEvent]:
    return [e for e in run[0] if e.doc_id == doc_id]


def _one(run, doc_id: str, event_type: str, location: str | None = None) -> DraftEvent:
    found = [e for e in _of(run, doc_id) if e.event_type == event_type and (location is None or e.location == location)]
    assert len(found) == 1, (doc_id, event_type, location, [(e.event_type, e.location) for e in _of(run, doc_id)])
    return found[0]


def _places(run, doc_id: str) -> set[str]:
    return {e.location for e in _of(run, doc_id)}


# ------------------------------------------------------------- places


def test_dateline_capitals_origin_hospital_are_not_events(run):
    events = _of(run, "shelling_kurram")
    assert [(e.event_type, e.location) for e in events] == [("explosion", "Kurram District")]
    ev = events[0]
    assert ev.sub_event_type == "shelling"
    assert not _places(run, "shelling_kurram") & {"Islamabad", "Kabul", "Peshawar", "Parachinar"}


def test_fired_from_across_the_frontier_is_not_the_place(run):
    ev = _one(run, "shelling_kurram", "explosion")
    assert ev.location == "Kurram District" and ev.place.precision == 2


def test_province_and_city_of_the_same_name(run):
    strike = _one(run, "kandahar_strikes", "airstrike")
    assert strike.location == "Kandahar Province" and strike.place.precision == 3
    bomb = _one(run, "kandahar_strikes", "explosion")
    assert bomb.location == "Kandahar" and bomb.place.kind == "city" and bomb.place.precision == 1
    assert "Kabul" not in _places(run, "kandahar_strikes")  # dateline "KABUL, Afghanistan —"


def test_twin_crossing_is_one_place(run):
    assert _places(run, "spin_boldak_twin") == {"Spin Boldak"}
    assert {e.event_type for e in _of(run, "spin_boldak_twin")} == {"trade_disruption", "border_closure"}
    assert _one(run, "spin_boldak_twin", "border_closure").place.kind == "crossing"


def test_customs_building_is_the_crossing(run):
    talks = _one(run, "reopening", "talks")
    assert talks.location == "Torkham" and talks.event_date == "2024-05-06"
    assert "Peshawar" not in _places(run, "reopening")


# ------------------------------------------------------ types, negation


def test_denial_and_no_casualties(run):
    events = _of(run, "denials")
    assert [e.event_type for e in events] == ["armed_clash"]  # the denied closure is not an event
    clash = events[0]
    assert clash.location == "Angoor Adda" and clash.place.precision == 2  # "near"
    assert (clash.fatalities, clash.injuries) == (0, 0)
    assert clash.event_date == "2024-03-02"


def test_reopening_and_closure_are_two_events(run):
    closures = sorted(
        (e.sub_event_type, e.event_date) for e in _of(run, "reopening") if e.event_type == "border_closure"
    )
    assert closures == [("closure", "2024-04-29"), ("reopening", "2024-05-07")]


# ----------------------------------------------------------------- dates


def test_dates_weekday_week_month_and_upcoming(run):
    doha = _one(run, "talks_rounds", "talks", "Doha")
    assert (doha.event_date, doha.date_precision) == ("2025-02-13", "day")  # "will meet on Thursday"
    istanbul = _one(run, "talks_rounds", "talks", "Istanbul")
    assert (istanbul.event_date, istanbul.date_precision) == ("2025-02-04", "week")  # "last week"
    shelling = _one(run, "talks_rounds", "explosion")
    assert (shelling.event_date, shelling.date_precision) == ("2025-02", "month")  # "earlier this month"
    bomb = _one(run, "kandahar_strikes", "explosion")
    assert (bomb.event_date, bomb.date_precision) == ("2024-09-17", "week")  # "earlier this week"
    strike = _one(run, "kandahar_strikes", "airstrike")
    assert (strike.event_date, strike.date_precision) == ("2024-09-19", "day")  # "on Thursday"


def test_explicit_dates(run):
    assert _one(run, "badini_wire", "border_closure").event_date == "2024-07-15"
    assert _one(run, "badini_daily", "border_closure").event_date == "2024-07-15"


def test_without_published_date_only_explicit_dates_and_a_warning(run):
    events, report = run
    clash = _one(run, "undated", "armed_clash")
    assert clash.event_date == "" and clash.date_precision == ""  # "on Friday" has no anchor
    closure = _one(run, "undated", "border_closure")
    assert (closure.event_date, closure.date_precision) == ("2024-08-14", "day")
    warnings = [p for p in report.problems if p.kind == "warning" and "undated" in p.file]
    assert len(warnings) == 1 and "no published date" in warnings[0].reason


# ---------------------------------------------------- casualties, actors


def test_number_words_and_vague_quantities(run):
    assert _one(run, "ghulam_khan_repeat", "armed_clash").fatalities == 2  # "two soldiers"
    assert _one(run, "kandahar_strikes", "explosion").injuries is None  # "dozens": no integer as reported
    assert _one(run, "talks_rounds", "explosion").fatalities == 12
    kurram = _one(run, "shelling_kurram", "explosion")
    assert (kurram.fatalities, kurram.injuries) == (2, 5)


def test_casualties_go_to_their_own_clause(run):
    strike = _one(run, "attribution", "airstrike")
    bomb = _one(run, "attribution", "explosion")
    assert (strike.location, strike.fatalities, strike.injuries, strike.event_date) == (
        "Barmal District",
        5,
        None,
        "2024-09-30",
    )
    assert (bomb.location, bomb.fatalities, bomb.injuries, bomb.event_date) == ("Khost", None, 3, "2024-10-01")


def test_actors(run):
    doha = _one(run, "talks_rounds", "talks", "Doha")
    assert {doha.actor1, doha.actor2} == {"Pakistan", "Afghan Taliban"}
    assert _one(run, "talks_rounds", "explosion").actor1 == "UNAMA"
    assert _one(run, "kandahar_strikes", "airstrike").actor1 == "Pakistan"


def test_mediators_are_not_venues(run):
    # "mediated by Qatar and Turkey" must not turn into a talks event in Turkey.
    talks = [e for e in _of(run, "talks_rounds") if e.event_type == "talks"]
    assert sorted(e.location for e in talks) == ["Doha", "Istanbul"]


# -------------------------------------------------------------- merging


def test_same_incident_twice_in_one_article_is_one_event(run):
    events = _of(run, "ghulam_khan_repeat")
    assert [(e.event_type, e.location, e.event_date) for e in events] == [("armed_clash", "Ghulam Khan", "2024-11-03")]
    assert events[0].sentences == [-1, 0, 2]  # headline and both sentences
    assert "Miranshah" not in _places(run, "ghulam_khan_repeat")


def test_same_incident_in_two_articles_is_merged_with_both_sources(run):
    badini = [e for e in run[0] if e.doc_id.startswith("badini_")]
    merged = merge_across_articles(badini)
    assert len(merged) == 1
    ev = merged[0]
    assert sorted(ev.doc_ids) == ["badini_daily", "badini_wire"]
    assert ev.to_row()["doc_id"] in ("badini_daily;badini_wire", "badini_wire;badini_daily")
    assert "Test Wire" in ev.source_publisher and "Test Daily" in ev.source_publisher
    assert ev.source_title.count(" | ") == 1


def test_different_dates_are_not_merged(chain):
    a = extract_texts(["Pakistan closed the Badini crossing on 3 March 2024."], chain)
    b = extract_texts(["Pakistan closed the Badini crossing on 9 March 2024."], chain)
    assert len(merge_across_articles(a + b)) == 2


# ---------------------------------------------------------- HTML, JSONL


def test_html_article(run):
    events = _of(run, "page")
    assert [(e.event_type, e.location) for e in events] == [("armed_clash", "Kharlachi")]
    ev = events[0]
    assert ev.event_date == "2024-04-09" and ev.fatalities == 3  # "officials said on Wednesday" dates the statement
    assert "newsletter" not in ev.excerpt


def test_jsonl_articles_and_bad_line(run):
    events, report = run
    fence = _one(run, "feed-1", "fortification")
    assert (fence.location, fence.sub_event_type, fence.event_date) == ("Nawa Pass", "fence_construction", "2024-01-19")
    truce = _one(run, "feed-3", "talks")
    assert (truce.sub_event_type, truce.location) == ("ceasefire", "Kurram District")
    bad = [p for p in report.problems if p.file.endswith("feed.jsonl")]
    assert [(p.kind, p.line) for p in bad] == [("rejected", 3)]


def test_report_counts_add_up(run):
    events, report = run
    c = report.counts
    assert c["articles_read"] == c["articles_used"] + c["articles_rejected"]
    assert c["events_extracted"] == len(events)
    assert not [p for p in report.problems if p.kind == "unlocated"]


def test_unlocated_event_is_reported(chain):
    report = Report()
    unlocated: list = []
    from geomap.extract import extract_article
    from geomap.extract.reading import article_from_text

    art = article_from_text("Negotiators met for a second day but made no progress.", "x")
    assert extract_article(art, chain, unlocated=unlocated) == []
    assert unlocated and unlocated[0][:2] == ("x", "talks")
    del report


def test_extract_texts_published_anchor(chain):
    events = extract_texts(["Guards exchanged fire at Torkham on Monday."], chain, published=dt.date(2024, 6, 5))
    assert [(e.event_type, e.location, e.event_date) for e in events] == [("armed_clash", "Torkham", "2024-06-03")]
    assert events[0].excerpt == "Guards exchanged fire at Torkham on Monday."


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00", "—", "on Monday", "Torkham" * 500, "Clashes at . , ; in in in At At", "---\ntitle: x\n---\n"],
)
def test_odd_texts_never_raise(chain, text):
    try:
        extract_texts([text], chain)
    except Exception as err:  # the article reader may refuse a text, nothing else may fail
        from geomap.exc import ArticleError

        assert isinstance(err, ArticleError), err


# ------------------------------------------------- background and anaphora


def test_background_mentions(run):
    events = {(e.event_type, e.location): e for e in _of(run, "background")}
    assert set(events) == {
        ("border_closure", "Ghulam Khan"),
        ("trade_disruption", "Ghulam Khan"),
        ("talks", "Kabul"),
        ("talks", "Jalalabad"),
    }
    # "The closure has left ..." continues the closure; no second closure at the border
    assert events[("border_closure", "Ghulam Khan")].event_date == "2024-12-02"
    assert len(events[("border_closure", "Ghulam Khan")].sentences) == 3  # headline, two sentences
    # "discuss the closure of Ghulam Khan": the topic, not the venue
    assert events[("talks", "Kabul")].event_date == "2024-12-09"
    # "met ... there": the place of the sentence before, with its date
    assert events[("talks", "Jalalabad")].event_date == "2024-12-10"
    # "Militants have carried out cross-border raids": a pattern, not an incident
    assert not [e for e in _of(run, "background") if e.event_type == "armed_clash"]


def test_undated_event_gets_the_published_week(chain):
    (ev,) = extract_texts(["Troops exchanged fire at Torkham."], chain, published=dt.date(2024, 6, 5))
    assert (ev.event_date, ev.date_precision, ev.date_rank) == ("2024-06-05", "week", 3)
    assert ev.confidence < 0.9


def test_a_state_with_no_day_of_its_own_is_the_reports_on_its_day(chain):
    (ev,) = extract_texts(["Hundreds of trucks were stranded at Torkham."], chain, published=dt.date(2024, 6, 5))
    assert (ev.event_date, ev.date_precision, ev.date_rank) == ("2024-06-05", "day", 3)
    assert ev.confidence < 0.9


def test_own_date_beats_a_weak_or_carried_one(chain):
    text = (
        "Delegations from both countries will meet in Doha on Thursday. "
        "The Pakistani delegation arrived in Doha on Tuesday."
    )
    events = [e for e in extract_texts([text], chain, published=dt.date(2025, 2, 11)) if e.event_type == "talks"]
    assert [(e.location, e.event_date) for e in events] == [("Doha", "2025-02-13")]


def test_talks_are_never_at_the_whole_border(chain):
    text = "Officials from both sides held talks on easing tension along the border on Monday."
    events = extract_texts([text], chain, published=dt.date(2025, 2, 11))
    assert not [e for e in events if e.event_type == "talks"]


def test_extract_paths_merge_option(chain):
    report = Report()
    files = [str(DATA / "badini_wire.md"), str(DATA / "badini_daily.md")]
    events = extract_paths(files, chain, report, progress=False, merge=True)
    assert len(events) == 1 and sorted(events[0].doc_ids) == ["badini_daily", "badini_wire"]
    assert report.counts["events_merged"] == 1


def test_headline_province_joins_the_district_event(chain):
    text = (
        "---\ntitle: Air raid kills six in Paktika\npublished: 2024-12-25\n---\n"
        "KABUL — A Pakistani air raid killed six people in Barmal district of Paktika province "
        "late on Tuesday, officials said on Wednesday.\n"
        "On Saturday, Taliban forces attacked Pakistani border posts in Kurram.\n"
        "The Kharlachi crossing was closed after the fighting.\n"
    )
    events = extract_texts([text], chain)
    got = sorted((e.event_type, e.location, e.event_date, e.fatalities) for e in events)
    assert got == [
        ("airstrike", "Barmal District", "2024-12-24", 6),
        ("armed_clash", "Kurram District", "2024-12-21", None),
        ("border_closure", "Kharlachi", "2024-12-21", None),
    ]  # "after the fighting" is no new clash


def test_border_then_place_headline_and_actor_order(chain):
    text = (
        "---\ntitle: Fresh fighting on the Durand Line\npublished: 2025-01-15\n---\n"
        "Afghan and Pakistani forces clashed along the Durand Line near Angoor Adda on Monday, "
        "killing at least 15 people.\n"
        "Delegations are due to meet in Doha, Qatar, on Saturday, a Qatari official said.\n"
        "Traders said more than 400 trucks were stuck at Torkham because of the tension.\n"
    )
    events = {e.event_type: e for e in extract_texts([text], chain)}
    clash = events["armed_clash"]  # the headline's "Durand Line" joined the body's clash
    assert (clash.location, clash.place.precision, clash.event_date, clash.fatalities) == (
        "Angoor Adda",
        2,
        "2025-01-13",
        15,
    )
    assert {clash.actor1, clash.actor2} == {"Pakistan", "Afghan Taliban"}
    talks = events["talks"]
    assert (talks.location, talks.event_date) == ("Doha", "2025-01-18")
    assert {talks.actor1, talks.actor2} == {"Pakistan", "Afghan Taliban"}  # parties before the host
    trucks = events["trade_disruption"]
    # no date of its own; the Saturday before it is upcoming, so the published day
    assert (trucks.location, trucks.event_date, trucks.date_precision) == ("Torkham", "2025-01-15", "day")
    assert len(events) == 3 and len(extract_texts([text], chain)) == 3


def test_merging_in_place_gives_what_merging_copies_gives(chain, monkeypatch, dev_corpora):
    # extract_article lets merge_within change its drafts in place
    # (own=True); the events must be those of the copying merge.
    from geomap.extract import core, merging
    from geomap.extract.io import drafts_csv

    paths = [str(Path(__file__).parent / "data" / folder) for folder in dev_corpora]
    fast = extract_paths(paths, chain, Report(), progress=False)
    monkeypatch.setattr(
        core, "merge_within", lambda drafts, published, own=False: merging.merge_within(drafts, published)
    )
    plain = extract_paths(paths, chain, Report(), progress=False)
    assert len(fast) > 100
    assert drafts_csv(fast) == drafts_csv(plain)
    assert [(e.sentences, e.date, e.date_rank, e.side_tolls) for e in fast] == [
        (e.sentences, e.date, e.date_rank, e.side_tolls) for e in plain
    ]


def test_fewer_collections_restores_the_collector():
    import gc

    from geomap.extract.core import fewer_collections

    saved = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with fewer_collections(5000):
            assert gc.get_threshold() == (5000, 10, 10)
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(0)  # turned off: stays off
        with fewer_collections(5000):
            assert gc.get_threshold()[0] == 0
        with pytest.raises(KeyError), fewer_collections(5000):
            raise KeyError("restored on errors too")
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*saved)


@pytest.mark.parametrize("prefix", ["Also read: ", "READ MORE: ", "Related stories : ", "See also:"])
def test_link_lines_to_other_stories_give_no_event(chain, prefix):
    # A link line is skipped (looked for only in sentences with a colon).
    line = "Heavy shelling hit Torkham on Monday, killing four people."
    body = "Traders in Peshawar waited for news about the market."
    pub = dt.date(2025, 3, 19)
    assert extract_texts([body + "\n" + line], chain, published=pub)
    assert not extract_texts([body + "\n" + prefix + line], chain, published=pub)
