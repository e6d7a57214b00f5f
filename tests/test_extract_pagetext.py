"""A scraped page's text made plain prose (geomap.extract.pagetext).

Each kind of page noise on a small article of our own gives the drafts of
the clean article; each repair leaves clean prose as it is.
"""

from __future__ import annotations

import textwrap

import pytest

from geomap.bench.pagenoise import REPAIRED, noise_text
from geomap.extract import extract_texts
from geomap.extract.pagetext import (
    body_headlines,
    drop_doubled,
    drop_page_lines,
    fix_characters,
    page_text,
    unglue,
    unwrap,
)
from geomap.extract.sentences import clean_text, split_sentences
from geomap.geocoders import default_chain

ARTICLE = """---
title: "Traders hurt as guards trade fire at Torkham"
published: 2025-03-13
---
TORKHAM: Border guards of Pakistan and Afghanistan traded fire near the Torkham crossing on Tuesday, \
and four Pakistani traders were injured by stray bullets, officials said.

The crossing was closed to all traffic on Wednesday, leaving hundreds of lorries stranded on both sides of the gate.

A customs official said the gate would stay shut until the commanders of the two sides meet.
"""


def drafts(text: str) -> list[tuple]:
    return sorted(
        (d.event_type, d.location, d.event_date, d.date_precision, d.fatalities, d.injuries)
        for d in extract_texts([text], default_chain())
    )


@pytest.fixture(scope="module")
def clean_drafts() -> list[tuple]:
    found = drafts(ARTICLE)
    # the toll and the closure's day are what a broken sentence loses
    assert ("armed_clash", "Torkham", "2025-03-11", "day", None, 4) in found
    assert ("border_closure", "Torkham", "2025-03-12", "day", None, None) in found
    return found


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("kinds", [(k,) for k in REPAIRED] + [REPAIRED], ids=[*REPAIRED, "mixed"])
def test_each_kind_of_noise_gives_the_drafts_of_the_clean_article(kinds, seed, clean_drafts):
    assert drafts(noise_text(ARTICLE, kinds, seed, "own.md")) == clean_drafts


def test_a_wrapped_line_no_longer_ends_a_sentence(clean_drafts):
    front, body = ARTICLE.split("---\n", 2)[1:]
    wrapped = "\n".join("\n".join(textwrap.wrap(line, 60)) for line in body.split("\n"))
    # without the repair the splitter ends the toll's sentence at the first break
    assert split_sentences(wrapped)[0].text.endswith("traded")
    assert split_sentences(clean_text(wrapped))[0].text.endswith("officials said.")
    assert drafts("---\n" + front + "---\n" + wrapped) == clean_drafts


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE.split("---\n", 2)[2],
        "Gen. Asim met the envoy. Trade resumed at 3.5 per cent of its volume.\nSee dawn.com for more",
        "Key points\n- Guards traded fire at dawn\n- The gate is shut\n\nThe story goes on from here.",
        "A short headline\n\nA paragraph of one line that ends with a full stop.",
    ],
)
def test_clean_prose_passes_unchanged(text):
    assert page_text(text) == text


# ------------------------------------------------------------------ characters


@pytest.mark.parametrize(
    "noisy, clean",
    [
        ("Pakistan&#8217;s envoy &amp; his aide", "Pakistan’s envoy & his aide"),
        ("the&nbsp;gate was &quot;shut&quot;", 'the gate was "shut"'),
        ("the\u00a0gate\u200b was\u202fshut", "the gate was shut"),
        ("reopen\u00aded", "reopened"),
        ("Pakistanâ€™s envoy said â€œnoâ€\x9d â€” twice", "Pakistan’s envoy said “no” — twice"),
        ("CafÃ© near the border", "Café near the border"),
    ],
)
def test_entities_odd_spaces_and_mojibake_are_repaired(noisy, clean):
    assert fix_characters(noisy) == clean


def test_characters_that_are_no_mojibake_stay():
    text = "São Paulo, Ürümqi and AT&T; Â alone and â€ alone"
    assert fix_characters(text) == text


# ------------------------------------------------------------------ page lines


def test_bylines_date_lines_and_captions_are_dropped_as_empty_lines():
    page = "\n".join(
        [
            "English | اردو",
            "date 2025-03-13 NATIONAL",
            "By Staff Report",
            "AFP, ISLAMABAD",
            "The guards traded fire for an hour on the night before the crossing was shut.",
            "File photo",
            "Guards stand at the gate of the crossing. — Reuters",
            "The new fence along the ridge [AFP]",
            "This is a developing story and will be updated.",
        ]
    )
    lines = page_text(page).split("\n")
    assert lines == ["", "", "", "", page.split("\n")[4], "", "", "", ""]


def test_a_wire_photos_caption_with_its_bracketed_credit_is_dropped():
    caption = (
        "FILE - Lorries wait at the closed gate of the crossing near the border town, Monday, May 6, 2024. "
        "The crossing was shut again after guards fired at each other. (AP Photo/A. Photographer, File)"
    )
    assert page_text("date 2024-05-08 " + caption + "\n\n" + PARAGRAPHS[0]) == "\n\n" + PARAGRAPHS[0]
    assert page_text(PARAGRAPHS[0] + " (Photo credits aside, the gate stayed shut.)") != ""


def test_a_date_prefix_is_cut_and_a_dateline_after_it_kept():
    assert drop_page_lines("date 2025-03-13 NATIONAL The gate shut today.") == "The gate shut today."
    assert drop_page_lines("date 2025-03-13 TOP STORIES The gate shut.") == "The gate shut."
    assert drop_page_lines("date 2025-03-13 WANA: The gate shut.") == "WANA: The gate shut."


def test_bullets_above_the_story_are_dropped_only_among_page_lines():
    story = "Guards of both countries traded fire near the gate for two hours on Tuesday, officials said."
    nav = "• Flour prices rise again\n• Torkham sees queues of trucks\nBy Staff Report\n" + story
    assert drop_page_lines(nav).split("\n")[3] == story
    assert "Torkham" not in drop_page_lines(nav)
    points = "- Guards traded fire at the gate\n- The crossing is shut\n" + story
    assert drop_page_lines(points) == points  # the story's own key points


# ------------------------------------------------------------------ wrapping


PARAGRAPHS = [
    "Guards of the two countries traded fire near the crossing on Tuesday, and four traders "
    "were hurt by stray bullets in the market next to the gate, local officials said.",
    "The crossing was closed to all traffic on Wednesday, leaving hundreds of lorries stranded "
    "on both sides, and the customs staff were sent home until further notice.",
    "Elders of the tribes on both sides said they would meet the commanders on Thursday.",
]


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_hard_wrapped_paragraphs_are_joined(width, gap):
    wrapped = "\n\n".join(gap.join(textwrap.wrap(p, width)) for p in PARAGRAPHS)
    sentences = [s.text for s in split_sentences(unwrap(wrapped))]
    assert sentences == [
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        PARAGRAPHS[2],
    ]


def test_a_short_headline_between_wrapped_lines_stays_apart():
    wrapped = "\n".join(textwrap.wrap(PARAGRAPHS[0], 64) + ["Crossing shut"] + textwrap.wrap(PARAGRAPHS[1], 64))
    lines = unwrap(wrapped).split("\n")
    assert lines == [PARAGRAPHS[0], "Crossing shut", PARAGRAPHS[1]]


def test_indented_wrapped_lines_lose_their_indentation():
    wrapped = "\n\n".join("\n".join("\t" + line for line in textwrap.wrap(p, 70)) for p in PARAGRAPHS)
    assert unwrap(wrapped) == "\n\n".join(PARAGRAPHS)


# ------------------------------------------------------------------ glued sentences


@pytest.mark.parametrize(
    "glued, spaced",
    [
        ("The gate shut in October.Five traders were hurt.", "The gate shut in October. Five traders were hurt."),
        ("They left in 2021.The gate", "They left in 2021. The gate"),
        ('He said "no."The talks ended.', 'He said "no." The talks ended.'),
        ("Was it shut?Nobody knew.", "Was it shut? Nobody knew."),
    ],
)
def test_glued_sentences_get_their_space(glued, spaced):
    assert unglue(glued) == spaced


@pytest.mark.parametrize(
    "text", ["Gen.Asim spoke", "the U.S.Army said", "Mr.Khan left", "A.Khan left", "see dawn.com", "rose 3.5 per cent"]
)
def test_abbreviations_initials_domains_and_decimals_stay_glued(text):
    assert unglue(text) == text


# ------------------------------------------------------------------ footers and teasers


def test_a_footer_ends_the_body_and_a_teaser_in_it_does_not():
    body = "\n\n".join(
        [
            PARAGRAPHS[0],
            "Read more: Flour prices rise again in the city",
            PARAGRAPHS[1],
            "Leave a Reply",
            "The crossing should be shut for good, a reader wrote.",
        ]
    )
    cleaned = clean_text(body)
    assert PARAGRAPHS[1] in cleaned
    assert "Flour" not in cleaned
    assert "reader" not in cleaned


def test_another_storys_headline_above_the_story_is_dropped_and_a_sub_heading_kept():
    sub = "Traders stranded at the gate"
    page = "\n\n".join(["Chaman traders protest over new visa rules", PARAGRAPHS[0], sub, *PARAGRAPHS[1:]])
    assert page_text(page).split("\n\n") == ["", PARAGRAPHS[0], sub, *PARAGRAPHS[1:]]


def test_a_dateline_above_the_story_and_the_markers_of_the_body_end_stay():
    page = "\n".join(["KABUL, March 12", PARAGRAPHS[0], "Related articles", PARAGRAPHS[1]])
    assert page_text(page) == page


@pytest.mark.parametrize(
    "footer",
    [
        "Source link",
        "Developed by Some Studio",
        "Latest from the newsfeed",
        "+ posts",
        # readers' comments with no heading: the form's line, a comment's age, its reply link
        "Post Your Comments",
        "Please enter your comment!",
        "No comments yet. Be the first to comment.",
        "3 hours ago",
        "Reply",
    ],
)
def test_more_footers_end_the_body(footer):
    body = "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[1], footer, "Torkham shut again, say traders."])
    assert "again" not in clean_text(body)


@pytest.mark.parametrize("line", ["A. Writer WhatsApp Channel", "Click here to read more (external link)."])
def test_channel_and_click_here_lines_are_skipped(line):
    body = "\n\n".join([PARAGRAPHS[0], line, PARAGRAPHS[1]])
    assert clean_text(body) == "\n\n".join([PARAGRAPHS[0], "", PARAGRAPHS[1]])


# ------------------------------------------------------------------ headlines inside the body


def _with_line(line: str, at: int) -> str:
    """ARTICLE with ``line`` as a paragraph of its own before body paragraph ``at``."""
    front, body = ARTICLE.split("---\n", 2)[1:]
    paras = [p for p in body.split("\n") if p]
    paras.insert(at, line)
    return "---\n" + front + "---\n" + "\n\n".join(paras) + "\n"


def test_body_headlines_are_the_short_open_lines_below_the_first_paragraph():
    first, second = PARAGRAPHS[0], PARAGRAPHS[1]
    page = "\n\n".join(["A title of the page here", first, "Guards shut the gate again", second, "More on the gate"])
    # (the line above the story is no body headline: the page's header)
    assert body_headlines(page) == {"Guards shut the gate again", "More on the gate"}
    # a sentence, a bold question of an explainer and a two-word label are no headlines
    for line in ("Guards shut the gate again.", "**Why was the gate shut?**", "Key points"):
        assert body_headlines("\n\n".join([first, line, second])) == frozenset()


@pytest.mark.parametrize(
    "line",
    [
        "Drone strike kills three near Angoor Adda",  # another incident, another place
        "Wheat prices climb in Chaman markets",  # no incident, but a place the next lines could take up
        "Torkham sees long queues of trucks after reopening",  # the body's place, but a reopening
    ],
)
@pytest.mark.parametrize("at", [1, 2])
def test_another_storys_headline_in_the_body_changes_no_draft(line, at, clean_drafts):
    assert drafts(_with_line(line, at)) == clean_drafts


def test_a_sub_heading_the_body_bears_out_is_read(clean_drafts):
    # the same closure at the same place: kept, and merged with the body's
    page = _with_line("Lorries stranded as Torkham crossing closed", 1)
    assert "Lorries stranded as Torkham crossing closed" in body_headlines(clean_text(page))
    assert drafts(page) == clean_drafts


# ------------------------------------------------------------------ captions twice, snippets, uneven wrapping


def test_a_caption_written_twice_goes_both_times():
    caption = "Guards watch the road from a hilltop post"
    page = "\n\n".join([caption, caption, PARAGRAPHS[0], PARAGRAPHS[1]])
    assert page_text(page).split("\n\n") == ["", "", PARAGRAPHS[0], PARAGRAPHS[1]]


def test_a_caption_first_wrapped_and_after_a_date_line_is_still_found():
    caption = "Guards watch the road from a hilltop post near the gate"
    page = "\n".join(["date 2024-05-02 NATIONAL Guards watch the road from", "a hilltop post near the gate", caption])
    page += "\n" + PARAGRAPHS[0]
    assert "hilltop" not in page_text(page)
    assert PARAGRAPHS[0] in page_text(page)


def test_a_paragraph_said_once_and_a_credit_after_a_box_dash():
    # two paragraphs that differ stay; a caption credited after "─" goes
    assert drop_doubled("\n".join(PARAGRAPHS)) == "\n".join(PARAGRAPHS)
    page = "\n\n".join([PARAGRAPHS[0], "Lorries wait on the road to the crossing ─ AFP", PARAGRAPHS[1]])
    assert "Lorries wait" not in page_text(page)


def test_other_stories_cut_off_under_a_label_go():
    snippet = [
        "Editor's Picks",
        "Shells hit a market near the gate",
        "Two shopkeepers were hurt when shells from the...",
    ]
    page = "\n\n".join([PARAGRAPHS[0], *snippet, PARAGRAPHS[1]])
    assert [p for p in page_text(page).split("\n\n") if p] == PARAGRAPHS[:2]
    # a paragraph of the story that trails off stays: no headline-like line above it
    story = "\n\n".join([PARAGRAPHS[0], "The elders said they would wait, and wait, and..."])
    assert page_text(story) == story


def test_paragraphs_wrapped_at_different_widths_are_joined():
    narrow = "\n".join(textwrap.wrap(PARAGRAPHS[0], 38))
    wide = "\n".join(textwrap.wrap(PARAGRAPHS[1], 95))
    page = "\n".join(["Border Talks Resume After the Firing", narrow, wide, PARAGRAPHS[2]])
    # (the headline stays a line of its own)
    assert unwrap(page).split("\n") == ["Border Talks Resume After the Firing", *PARAGRAPHS]


def test_a_short_story_with_one_paragraph_wrapped_is_joined():
    page = "\n".join(textwrap.wrap(PARAGRAPHS[0], 60)) + "\n\n" + PARAGRAPHS[1]
    assert page_text(page) == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]


def test_another_storys_headline_after_the_last_paragraph_changes_no_draft(clean_drafts):
    # the last line above the footer: read only when the body bears it out
    page = _with_line("Drone strike kills three near Angoor Adda", 3)
    assert "Drone strike kills three near Angoor Adda" in body_headlines(clean_text(page))
    assert drafts(page) == clean_drafts


def _ragged(text: str, widths: list[int]) -> list[str]:
    """``text`` broken at spaces, each line at most the next of ``widths`` long."""
    lines, cur, k = [], "", 0
    for word in text.split(" "):
        if cur and len(cur) + 1 + len(word) > widths[k % len(widths)]:
            lines.append(cur)
            cur, k = word, k + 1
        else:
            cur = f"{cur} {word}" if cur else word
    return [*lines, cur]


def test_lines_wrapped_at_a_width_that_changes_every_line_are_joined():
    # a wrapper whose width jumps between 40 and 75 leaves short lines that
    # end before a capital or a figure, where the next word would have fitted
    body = [" ".join(PARAGRAPHS), "Traders from Landi Kotal and Jamrud said on 14 March that Torkham stayed shut."]
    page = "\n\n".join("\n".join(_ragged(p, [44, 75, 41, 70, 52])) for p in body)
    assert page_text(page) == "\n\n".join(body)


@pytest.mark.parametrize("mark", [".", ",", "?"])
def test_a_sentences_last_mark_alone_on_the_next_line_goes_back(mark):
    page = "Lorries waited near the gate at Chaman\n" + mark + "\nThe guards stayed at their posts."
    assert unwrap(page) == "Lorries waited near the gate at Chaman" + mark + "\nThe guards stayed at their posts."


def test_a_title_cased_line_over_a_ragged_paragraph_stays_apart():
    lines = _ragged(" ".join(PARAGRAPHS), [46, 72, 58])
    page = "\n".join(["Elders Meet Commanders at the Crossing", *lines])
    assert unwrap(page).split("\n") == ["Elders Meet Commanders at the Crossing", " ".join(PARAGRAPHS)]


#: Debris between a story's last sentence and a comment form, in shapes of our own.
_TAIL = [
    "Printed in The Frontier Herald, March 14, 2025",
    "",
    "Previous storyDrone strike kills three near Angoor Adda",
    "Next storyKurram elders ask for a new road",
    "",
    "Comments are closed.",
    "Leave a Reply",
]


@pytest.mark.parametrize("first", [0, 2, 5])
def test_debris_between_the_last_sentence_and_the_footer_goes(first, clean_drafts):
    page = ARTICLE + "\n" + "\n".join(_TAIL[first:]) + "\n"
    cleaned = clean_text(page)
    assert "Angoor Adda" not in cleaned and "Kurram" not in cleaned and "2025" not in cleaned.split("---")[-1]
    assert "commanders of the two sides meet." in cleaned
    assert drafts(page) == clean_drafts


@pytest.mark.parametrize(
    "footer",
    ["Comments are closed.", "Next article: Guards reopen the gate", "Published in Daily Border, May 2nd, 2024"],
)
def test_a_closed_thread_a_next_story_link_and_a_print_credit_end_the_body(footer):
    text = ". ".join(["A sentence of the story"] * 12) + ".\n" + footer + "\nA teaser of another story."
    assert "teaser" not in clean_text(text)


def test_the_storys_last_paragraph_above_the_footer_stays():
    # the run of debris stops at the first line of prose above it
    text = "\n".join([*PARAGRAPHS, "Share this article", "more links"])
    assert clean_text(text).split("\n") == PARAGRAPHS


def test_lines_set_apart_by_bars_above_the_story_go(clean_drafts):
    # a menu, an edition's date and the authors' stamps, all above the first paragraph
    front, body = ARTICLE.split("---\n", 2)[1:]
    chrome = [
        "News | Region | Trade",
        "Print edition | Aug 9, 2019",
        # longer than any headline: only its bars tell it from a sentence
        "A. Writer | B. Writer | C. Writer Posted Aug 9, 2019 10:02am Updated Aug 9, 2019 11:40am",
    ]
    page = "---\n" + front + "---\n" + "\n".join(chrome) + "\n\n" + body
    assert not any(c in clean_text(page) for c in chrome)
    assert drafts(page) == clean_drafts


def test_a_long_bare_headline_in_the_body_changes_no_draft(clean_drafts):
    # fourteen words and no full stop: still a headline's shape
    line = "Elders from Kurram and Paktia agree to reopen the Kharlachi gate after three weeks"
    page = _with_line(line, 2)
    assert line in body_headlines(clean_text(page))
    assert drafts(page) == clean_drafts


def test_runs_of_spaces_between_words_and_at_a_lines_end_are_one_space_or_none():
    page = "Guards  traded fire   near the gate.\t\nThe crossing  stayed shut. \n"
    assert page_text(page) == "Guards traded fire near the gate.\nThe crossing stayed shut.\n"


def test_a_line_thick_with_names_or_ending_on_a_preposition_goes_on():
    # capitals at the next line's start, the next word would have fitted:
    # the line's own words say it goes on
    para = (
        "Crossings at Chaman, Ghulam Khan, Kharlachi and Angoor Adda stayed shut after a quarrel between "
        "Afghan porters and Levies at the gate, and traders said the fruit in their lorries was rotting."
    )
    lines = _ragged(para, [55, 46, 70])
    assert lines[0].endswith("Angoor") and lines[1].endswith("between")
    page = "\n".join(lines) + "\n\n" + "\n".join(_ragged(" ".join(PARAGRAPHS), [44, 75, 41, 70, 52]))
    assert unwrap(page) == para + "\n\n" + " ".join(PARAGRAPHS)


def test_lines_of_one_or_two_words_above_the_story_and_lines_in_another_script_go(clean_drafts):
    # social links, a share count, a label and a menu in Urdu above the
    # story pushed its lead down (two lines were enough to lose the lead's
    # day); a Pashto menu word between two paragraphs moved a date
    front, body = ARTICLE.split("---\n", 2)[1:]
    paras = [p for p in body.split("\n") if p]
    chrome = ["Latest news", "• youtube", "• facebook", "• x", "", "تازہ ترین", "", "12", "", "LIVE", ""]
    page = "---\n" + front + "---\n" + "\n".join(chrome) + "\n" + "\n\n".join([paras[0], "نور ولولئ", *paras[1:]])
    cleaned = clean_text(page.split("---\n", 2)[2])
    assert cleaned.split() == " ".join(paras).split()
    assert drafts(page) == clean_drafts
    # a dateline alone above the story and the label of its key points stay
    for kept in ("TORKHAM:", "KABUL, Monday", "Key points\n- Guards traded fire at dawn\n- The gate is shut"):
        assert kept in clean_text(kept + "\n\n" + paras[0])


def test_a_wrapped_line_ending_on_an_abbreviation_or_inside_goes_on():
    lines = [
        "Militants crossed from the Afghan side and reached the post at 4 a.m.",
        "and opened fire with rockets and machine guns, killing two of the",
        "soldiers on duty and wounding three more, a military official said on",
        "Friday. Officials added that shells had also fallen on houses inside",
        "Afghanistan. The crossing was then shut to every kind of traffic for",
        "the rest of the day while both sides counted the damage at the gate.",
    ]
    sentences = [s.text for s in split_sentences(clean_text("\n".join(lines)))]
    assert sentences[0].startswith("Militants") and sentences[0].endswith("said on Friday.")
    assert sentences[1].endswith("inside Afghanistan.")


def test_a_caption_with_a_file_photo_credit_after_a_dash_goes():
    line = "Guards stand near the gate in a picture taken last year. — File Photo"
    assert line not in clean_text("\n\n".join([PARAGRAPHS[0], line, PARAGRAPHS[1]]))


def test_inside_a_raggedly_wrapped_paragraph_an_open_line_goes_on_before_a_capital():
    # wrapped at a width that changes every line: "... Torkham and Ghulam"
    # is short, "Khan" would have fitted on it, and it ends on a name
    paragraph = [
        "In the spring of that year, after a run of attacks in several cities,",
        "the authorities shut both Torkham and Ghulam",
        "Khan for nearly a month. Traders still speak of that closure as one",
        "of the costliest they have known in all their years at the gate.",
    ]
    filler = [
        "Drivers who were caught on the wrong side of the border slept in their",
        "cabs for weeks, and many of them sold their loads for whatever price",
        "the shopkeepers in the nearest towns were willing to pay them then.",
    ]
    cleaned = clean_text("\n".join(paragraph) + "\n\n" + "\n".join(filler))
    assert "Torkham and Ghulam Khan for nearly a month." in cleaned
