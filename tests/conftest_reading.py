"""Helpers shared by the tests of reading articles (reading, front matter, records)."""

from __future__ import annotations

from geomap.extract.reading import iter_articles
from geomap.report import Report


def read(path, **kw):
    """The articles under ``path`` and the report of reading them."""
    report = Report()
    arts = list(iter_articles([path], report, **kw))
    return arts, report


def check_counts(report):
    """``articles_read == articles_used + articles_rejected``, one ``rejected`` line each."""
    c = report.counts
    assert c["articles_read"] == c.get("articles_used", 0) + c.get("articles_rejected", 0)
    assert c.get("articles_rejected", 0) == len(report.of_kind("rejected"))
