"""Sub-headings and other stories' headlines in a page's body
(geomap.extract.subheads, read by the driver in geomap.extract.core).

Pages of our own: a story about a crossing with a line between two of its
paragraphs that is either the story's own sub-heading (its events kept,
also when it is their only mention) or another story's headline (no draft
of it, also when the body happens to report the same type at the place).
"""

from __future__ import annotations

import pytest

from geomap.extract import extract_texts
from geomap.geocoders import default_chain

FRONT = '---\ntitle: "Traders count losses as Chaman crossing stays shut"\npublished: 2025-06-12\n---\n'
PARAS = [
    "The Chaman crossing stayed closed to traffic for a third day on Thursday, and hundreds of lorries loaded "
    "with fruit waited on both sides of the gate.",
    "Traders said their losses had reached millions of rupees, and their chamber asked both governments to "
    "let the lorries through before the fruit rots.",
    "A customs official said the gate would stay shut until the commanders of both sides meet.",
]


def page(*lines: tuple[int, str]) -> str:
    """PARAS with each ``(k, line)`` set before paragraph ``k``."""
    paras = list(PARAS)
    for k, line in sorted(lines, reverse=True):
        paras.insert(k, line)
    return FRONT + "\n\n".join(paras) + "\n"


def drafts(text: str) -> list[tuple]:
    return sorted(
        (d.event_type, d.location, d.event_date, d.fatalities, d.injuries)
        for d in extract_texts([text], default_chain())
    )


@pytest.fixture(scope="module")
def clean() -> list[tuple]:
    found = drafts(page())
    assert [d[:2] for d in found] == [("border_closure", "Chaman")]
    return found


def test_a_sub_heading_that_is_the_only_mention_of_an_incident_at_the_storys_place_is_read(clean):
    found = drafts(page((1, "Firing at Chaman crossing leaves two dead")))
    assert ("armed_clash", "Chaman") in [d[:2] for d in found]
    assert next(d for d in found if d[0] == "armed_clash")[3] == 2
    assert [d for d in found if d[0] != "armed_clash"] == clean


@pytest.mark.parametrize(
    "lines",
    [
        [(1, "Drone strike kills three near Angoor Adda")],  # not the story's place
        [(1, "Chaman gate reopens for pedestrians after talks")],  # the story's place, but a reopening
        [(3, "Firing at Chaman crossing leaves two dead")],  # the last line: nothing of the story under it
        # the story's place, but a headline's length (a crosshead is short)
        [(1, "Engineers say fencing along the Chaman border will be finished by spring")],
        # a list of other stories between two paragraphs, not a sub-heading
        [(1, "Firing at Chaman crossing leaves two dead"), (1, "Cricket board names squad for the home series")],
    ],
)
def test_other_stories_headlines_stay_out(lines, clean):
    assert drafts(page(*lines)) == clean


def test_another_storys_headline_the_body_happens_to_bear_out_adds_nothing():
    # the body reports fire at Torkham with four hurt; a teaser of another
    # day's fire there, with a toll the body does not give, is no sub-heading
    front = '---\ntitle: "Guards trade fire at Torkham"\npublished: 2025-03-13\n---\n'
    body = [
        "TORKHAM: Border guards of Pakistan and Afghanistan traded fire near the Torkham crossing on Tuesday, "
        "and four Pakistani traders were injured by stray bullets, officials said.",
        "The crossing was closed to all traffic on Wednesday, leaving hundreds of lorries stranded.",
        "A customs official said the gate would stay shut until the commanders meet.",
    ]
    clean = drafts(front + "\n\n".join(body) + "\n")
    teaser = "Two soldiers killed as guards trade fire at Torkham"
    noisy = drafts(front + "\n\n".join([body[0], body[1], teaser, body[2]]) + "\n")
    assert noisy == clean


@pytest.mark.parametrize(
    "teaser",
    [
        "Chaman crossing shut for a ninth day as talks stall",  # a day of its own
        "Chaman crossing closed again after fresh tension",  # told as happening again
    ],
)
def test_another_storys_headline_with_its_own_day_lends_none(teaser, clean):
    assert drafts(page((1, teaser))) == clean


def test_a_short_headline_at_a_place_the_title_names_but_the_body_reports_nothing_at_stays_out():
    front = '---\ntitle: "Ministry denies reports of a Chaman closure"\npublished: 2025-06-12\n---\n'
    body = [
        "A ministry spokesman told reporters in Islamabad on Thursday that talks with Kabul on trade "
        "would resume next month, and that no decision on the border had been taken.",
        "He said the two governments would also discuss visas for patients and students.",
        "The spokesman declined to answer questions about refugees.",
    ]
    clean = drafts(front + "\n\n".join(body) + "\n")
    line = "Chaman sees long queues of trucks after reopening"
    noisy = drafts(front + "\n\n".join([body[0], line, *body[1:]]) + "\n")
    assert noisy == clean
