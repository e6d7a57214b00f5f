"""Extraction of located draft events from article text.

>>> from geomap.geocoders import default_chain
>>> from geomap.extract import extract_texts
>>> extract_texts(["Clashes erupted at Torkham on 3 May 2024."], default_chain())[0].location  # doctest: +SKIP
'Torkham'
"""

from .core import DraftEvent, extract_article, extract_paths, extract_texts, merge_across_articles
from .io import COLUMNS, draft_rows, drafts_csv, write_drafts
from .places import PlaceFinder

__all__ = [
    "DraftEvent",
    "extract_article",
    "extract_paths",
    "extract_texts",
    "merge_across_articles",
    "COLUMNS",
    "draft_rows",
    "drafts_csv",
    "write_drafts",
    "PlaceFinder",
]
