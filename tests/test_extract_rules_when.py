"""An event's date (geomap.extract.rules.when): the shortcuts that skip a
pattern skip only sentences it cannot match."""

from __future__ import annotations


def test_a_heading_is_never_skipped(dev_sentences):
    from geomap.extract.rules.when import _HEADING, _may_head

    headings = ["March 2026: Torkham reopens", "- October 2025 - posts attacked", "2026 March: talks", "• May 1999—x"]
    for text in dev_sentences + headings:
        if _HEADING.match(text):
            assert _may_head(text), text
    assert all(_HEADING.match(h) for h in headings)


def test_no_relative_pronoun_means_no_date_of_another_noun(dev_sentences):
    # _pick_date skips _about_another_noun when _THAT.absent(sentence): on
    # every dev sentence, no date (at any place after any trigger) is then
    # another noun's.
    import datetime as dt

    from geomap.extract.dates import find_dates
    from geomap.extract.rules.when import _THAT, _about_another_noun
    from geomap.extract.types import find_triggers

    skipped = 0
    for s in dev_sentences:
        if not _THAT.absent(s):
            continue
        triggers = find_triggers(s)
        dates = find_dates(s, dt.date(2025, 10, 28))
        for t in triggers:
            for d in dates:
                skipped += 1
                assert not _about_another_noun(s, d, [t]), s
    assert skipped > 100
