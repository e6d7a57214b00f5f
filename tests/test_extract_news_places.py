"""Places of issue 10 (classes 1 and 8), third round: sentence-level cases
written for these tests in our own words, each naming the rule it pins."""

from __future__ import annotations

import pytest
from test_extract_news import _by, _events

from geomap.geocoders import default_chain


@pytest.fixture(scope="module")
def chain():
    return default_chain()


@pytest.mark.parametrize("dateline", ["KABUL, May 14 - ", "KABUL/ISLAMABAD, May 14 - ", "ISLAMABAD, May 14, 2024 - "])
def test_a_dateline_with_a_date_is_not_the_event_place(chain, dateline):
    ev = _events(chain, dateline + "Pakistani aircraft bombed two villages in Barmal district before dawn on Tuesday.")
    assert [loc for loc, _ in _by(ev, "airstrike")] == ["Barmal District"]
