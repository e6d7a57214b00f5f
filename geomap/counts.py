"""The names of a run's counts: one constant per counter, for every writer and reader.

A stage counts into :attr:`geomap.report.Report.counts` under one of these
names; :data:`SUMMARY` says which counter each key of ``summary.json`` (and
:meth:`geomap.pipeline.BuildResult.summary`) reports. Where the two names
differ, the table is the only place that says so (see the note there).
"""

from __future__ import annotations

# events files (geomap's own loader and the importers)
ROWS_READ = "rows_read"
ROWS_KEPT = "rows_kept"
ROWS_REJECTED = "rows_rejected"
ROWS_JOINED = "rows_joined"  #: imported rows joined to a curated event as a source
ROWS_MERGED = "rows_merged"  #: GDELT reports merged into one event
ROWS_OUT_OF_REGION = "rows_out_of_region"
SOURCE_ROWS_READ = "source_rows_read"
SOURCE_ROWS_REJECTED = "source_rows_rejected"
# geomap.geoframe: events placed or not (of one build_geodataframe call)
EVENTS_IN = "events_in"
EVENTS_MAPPED = "events_mapped"
EVENTS_UNLOCATED = "events_unlocated"
# geomap.build: the dataset counts of the curated events and of the drafts, apart
ROWS_MAPPED = "rows_mapped"
ROWS_UNLOCATED = "rows_unlocated"
DRAFTS_ON_MAP = "drafts_on_map"
DRAFTS_NOT_PLACED = "drafts_not_placed"
# articles
ARTICLES_READ = "articles_read"
ARTICLES_USED = "articles_used"
ARTICLES_REJECTED = "articles_rejected"
FILES_SKIPPED = "files_skipped"  #: a folder's description, not an article
FOLDERS_EMPTY = "folders_empty"
DRAFTS_FILES_READ = "drafts_files_read"  #: GeoParquet drafts files
# extraction (geomap.extract counts these names as literals: it is being rewritten)
EVENTS_EXTRACTED = "events_extracted"
EVENTS_MERGED = "events_merged"
PLACES_NOT_FOUND = "places_not_found"  #: event mentions without a place
# drafts joining a build (geomap.drafts)
DRAFTS_EXTRACTED = "drafts_extracted"
DRAFTS_MAPPED = "drafts_mapped"
DRAFTS_MERGED = "drafts_merged"
DRAFTS_REJECTED = "drafts_rejected"

#: ``summary.json`` key -> the counter it reports, in the file's order.
#: Three keys keep their published names while the counter is a stage's own:
#: ``events_mapped``/``places_not_found`` are the curated events' share of
#: the dataset counts (``events_mapped`` alone is every event on the map),
#: ``mentions_without_place`` is extraction's ``places_not_found``, and
#: ``events_on_map`` the dataset's ``events_mapped`` over curated and drafts.
SUMMARY: dict[str, str] = {
    "rows_read": ROWS_READ,
    "events_mapped": ROWS_MAPPED,
    "rows_rejected": ROWS_REJECTED,
    "places_not_found": ROWS_UNLOCATED,
    "source_rows_read": SOURCE_ROWS_READ,
    "source_rows_rejected": SOURCE_ROWS_REJECTED,
    "articles_read": ARTICLES_READ,
    "articles_used": ARTICLES_USED,
    "articles_rejected": ARTICLES_REJECTED,
    "folders_empty": FOLDERS_EMPTY,
    "drafts_extracted": DRAFTS_EXTRACTED,
    "drafts_on_map": DRAFTS_ON_MAP,
    "drafts_merged": DRAFTS_MERGED,
    "drafts_rejected": DRAFTS_REJECTED,
    "drafts_not_placed": DRAFTS_NOT_PLACED,
    "mentions_without_place": PLACES_NOT_FOUND,
    "events_on_map": EVENTS_MAPPED,
    "rows_joined": ROWS_JOINED,
    "rows_merged": ROWS_MERGED,
    "rows_out_of_region": ROWS_OUT_OF_REGION,
}
