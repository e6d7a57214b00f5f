"""``geomap extract``: draft events from article files."""

from __future__ import annotations

import sys

EPILOG = """Examples:
  geomap extract articles/ -o drafts.csv
  geomap extract ../shared/seeds -o /tmp/x.csv && geomap evaluate /tmp/x.csv ../shared/eval/seeds_gold.csv
  geomap extract new.md feed.jsonl page.html -o - | head
  geomap extract articles/ --merge -o drafts.csv   # one row per incident, all sources

Inputs: .txt/.md (optional YAML front matter: title, source, published, url),
.html (main text extracted with trafilatura) and .jsonl (one article per line,
keys text/title/source/published/url). Files that cannot be read and events
whose place is not found are reported on stderr with file, line and reason.
"""


def register(sub, formatter):
    p = sub.add_parser("extract", help="draft located events from articles",
                       description="Find events (type, place, date, casualties, actors) in "
                                   "articles and write them as a drafts CSV for review.",
                       epilog=EPILOG, formatter_class=formatter)
    p.add_argument("paths", nargs="+", metavar="ARTICLES", help="article files or folders")
    p.add_argument("-o", "--output", default="drafts.csv",
                   help="drafts CSV to write ('-' for stdout; default drafts.csv)")
    p.add_argument("--merge", action="store_true",
                   help="one row per incident across articles (doc_id 'a;b'); default one row "
                        "per article, as 'geomap evaluate' expects")
    p.add_argument("--online", action="store_true",
                   help="allow Nominatim for places the offline backends miss (cached)")
    p.add_argument("--report", default=None, metavar="CSV",
                   help="also write the problems (unreadable files, unlocated events) as CSV")
    p.add_argument("--quiet", action="store_true", help="no summary, no progress bar")
    p.add_argument("--follow-links", action="store_true",
                   help="read what symbolic links inside folders point to (default: report "
                        "and skip them; a link may lead out of the folder)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..extract import drafts_csv, extract_paths, write_drafts
    from ..geocoders import default_chain
    from ..atomic import write_text
    from ..report import Report, terminal_safe

    report = Report()
    chain = default_chain(online=args.online)
    from ..articles import follow_links

    paths = follow_links(args.paths) if args.follow_links else args.paths
    drafts = extract_paths(paths, chain, report, progress=not args.quiet,
                           merge=args.merge)
    if args.output == "-":
        sys.stdout.write(drafts_csv(drafts))
    else:
        write_drafts(args.output, drafts)
    if args.report:
        write_text(args.report, report.to_csv())
    for problem in report.problems:
        print(f"{problem}", file=sys.stderr)
    if not args.quiet:
        c = report.counts
        print(f"articles read {c.get('articles_read', 0)}, rejected {c.get('articles_rejected', 0)}; "
              f"events {len(drafts)}; places not found {c.get('places_not_found', 0)}"
              + ("" if args.output == "-" else f" -> {terminal_safe(args.output)}"),
              file=sys.stderr)
    return 0
