"""A live blog's clock stamps taken out of a page (geomap.extract.livestamps).

Pages of our own: a story wrapped at a fixed width, a stamp line between
two lines of one sentence, and the drafts of the page without stamps.
"""

from __future__ import annotations

import textwrap

import pytest

from geomap.extract import extract_texts
from geomap.extract.livestamps import drop_stamps, is_stamp
from geomap.extract.sentences import clean_text, split_sentences
from geomap.geocoders import default_chain

FRONT = '---\ntitle: "Live: crossing news"\npublished: 2025-04-10\n---\n'
ENTRIES = [
    "Guards of the two countries exchanged fire near the Ghulam Khan crossing late on Tuesday, injuring "
    "three civilians who were waiting at the gate, a district official told reporters.",
    "The crossing was shut to traders and travellers on Wednesday morning while elders of both sides "
    "tried to arrange a meeting of the commanders.",
]


def drafts(text: str) -> list[tuple]:
    return sorted(
        (d.event_type, d.location, d.event_date, d.fatalities, d.injuries)
        for d in extract_texts([text], default_chain())
    )


def live_page(stamps: list[str], width: int = 64) -> str:
    """ENTRIES wrapped at ``width``, a stamp over each entry and one more
    between the first entry's second and third lines."""
    out = []
    for k, entry in enumerate(ENTRIES):
        lines = textwrap.wrap(entry, width)
        if k == 0:
            lines.insert(2, stamps[-1])
        out += [stamps[k], *lines]
    return FRONT + "\n".join(out) + "\n"


@pytest.mark.parametrize(
    "stamps",
    [
        ["10:42 PKT", "09:15 PKT", "08:50 PKT"],
        ["2 hours ago", "3 hours ago", "5 mins ago"],
        ["Updated 14:05", "Updated at 13:20", "Last updated: April 9, 2025 12:58"],
        ["9.30 am", "8.05 pm GMT", "Posted 1h ago"],
    ],
)
def test_stamps_between_wrapped_lines_change_no_draft(stamps):
    clean = drafts(FRONT + "\n".join(ENTRIES) + "\n")
    # the toll's day and its three wounded are what a broken sentence loses
    assert any(d[0] == "armed_clash" and d[1] == "Ghulam Khan" and d[4] == 3 for d in clean)
    page = live_page(stamps)
    body = clean_text(page.split("---\n", 2)[2])
    assert not any(s in body for s in stamps)
    assert split_sentences(body)[0].text.endswith("told reporters.")
    assert drafts(page) == clean


@pytest.mark.parametrize(
    "line",
    [
        "The gate opened at 10:42 PKT.",
        "Guards left at 9.30",
        "Talks resumed two hours ago at the gate, an official said.",
        "April 9, 2025",  # a date alone: a dateline or a day's heading
        "2025-04-09",
        "Score 2:1",
    ],
)
def test_a_line_that_says_more_than_a_stamp_stays(line):
    assert not is_stamp(line)
    page = f"First paragraph ends here.\n{line}\nLast one ends here."
    assert drop_stamps(page) == page


def test_a_stamp_in_front_of_an_entry_is_cut_and_a_stamp_between_blank_lines_leaves_one():
    assert drop_stamps("10:42 PKT Guards reopened the gate.") == "Guards reopened the gate."
    assert drop_stamps("14:05 — Guards reopened the gate.") == "Guards reopened the gate."
    assert drop_stamps("One.\n\n10:42 PKT\n\nTwo.") == "One.\n\nTwo."
    # a time that begins a sentence is not a stamp
    assert drop_stamps("10:42 was the hour the firing began.") == "10:42 was the hour the firing began."


def test_a_comments_age_after_the_story_still_ends_the_body():
    page = "Guards shut the gate at the crossing on Monday, officials said.\n\nGul\n3 hours ago\nShut again, I hear."
    assert drop_stamps(page) == page
    # inside a wrapped sentence, or on a live blog's page, an age goes
    wrapped = "Guards shut the gate at the crossing on Monday after a long\n3 hours ago\nquarrel, officials said."
    assert drop_stamps(wrapped) == wrapped.replace("3 hours ago\n", "")
