"""The names of a run's counts: one constant per counter, for every writer and reader.

A stage counts into :attr:`geomap.report.Report.counts` under one of these
names. Each key of ``summary.json`` (and of
:meth:`geomap.pipeline.BuildResult.summary`) is the name of the counter it
reports: one name per count, from the stage that counts it to the file
users read (:data:`SUMMARY` lists them in the file's order).
"""

from __future__ import annotations

# events files (geomap's own loader and the importers)
ROWS_READ = "rows_read"
ROWS_KEPT = "rows_kept"
ROWS_REJECTED = "rows_rejected"
ROWS_JOINED = "rows_joined"  #: imported rows joined to a curated event as a source
ROWS_MERGED = "rows_merged"  #: GDELT reports merged into one event
ROWS_OUT_OF_REGION = "rows_out_of_region"
#: rows rejected (counted in rows_rejected too) because their event is already on the map from
#: another file: a copy of a curated file, two exports of one dataset, a dataset beside its import
ROWS_SHOWN_ONCE = "rows_shown_once"
ROWS_PRECISION_UNKNOWN = "rows_precision_unknown"  #: dataset rows whose precision the file does not give
SOURCE_ROWS_READ = "source_rows_read"
SOURCE_ROWS_REJECTED = "source_rows_rejected"
# geomap.geoframe: events placed or not (of one build_geodataframe call; in a
# build, over the curated or imported events and the drafts together)
EVENTS_IN = "events_in"
EVENTS_ON_MAP = "events_on_map"
EVENTS_UNLOCATED = "events_unlocated"
# geomap.pipeline: the same, the curated (and imported) events and the drafts apart
EVENTS_MAPPED = "events_mapped"  #: curated or imported events on the map
PLACES_NOT_FOUND = "places_not_found"  #: curated or imported events whose place no geocoder knows
DRAFTS_ON_MAP = "drafts_on_map"
DRAFTS_NOT_PLACED = "drafts_not_placed"
# articles
ARTICLES_READ = "articles_read"
ARTICLES_USED = "articles_used"
ARTICLES_REJECTED = "articles_rejected"
FILES_SKIPPED = "files_skipped"  #: in article folders, known not to be articles (a README, a gold.csv)
FOLDERS_EMPTY = "folders_empty"
DRAFTS_FILES_READ = "drafts_files_read"  #: GeoParquet drafts files
# geomap accept: records of the drafts CSV, and those without a yes mark
DRAFT_ROWS_READ = "draft_rows_read"
DRAFTS_NOT_MARKED = "drafts_not_marked"
# extraction
EVENTS_EXTRACTED = "events_extracted"
EVENTS_MERGED = "events_merged"
MENTIONS_WITHOUT_PLACE = "mentions_without_place"  #: event mentions without a place
# drafts joining a build (geomap.drafts)
DRAFTS_EXTRACTED = "drafts_extracted"
DRAFTS_MAPPED = "drafts_mapped"
DRAFTS_MERGED = "drafts_merged"
DRAFTS_REJECTED = "drafts_rejected"

#: The counters ``summary.json`` reports, in the file's order (each key is
#: its counter's name).
SUMMARY: tuple[str, ...] = (
    ROWS_READ,
    EVENTS_MAPPED,
    ROWS_REJECTED,
    PLACES_NOT_FOUND,
    SOURCE_ROWS_READ,
    SOURCE_ROWS_REJECTED,
    ARTICLES_READ,
    ARTICLES_USED,
    ARTICLES_REJECTED,
    FOLDERS_EMPTY,
    DRAFTS_EXTRACTED,
    DRAFTS_ON_MAP,
    DRAFTS_MERGED,
    DRAFTS_REJECTED,
    DRAFTS_NOT_PLACED,
    MENTIONS_WITHOUT_PLACE,
    EVENTS_ON_MAP,
    ROWS_JOINED,
    ROWS_MERGED,
    ROWS_OUT_OF_REGION,
    FILES_SKIPPED,  # added in 0.2: files in article folders that are no articles
)
