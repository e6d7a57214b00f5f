"""``geomap geocode``: resolve place names through the geocoder chain."""

from __future__ import annotations

import json
import sys

EPILOG = """Examples:
  geomap geocode "Spin Buldak"
  geomap geocode "Kandahar province" "Kandahar city" --json
  geomap geocode "Some Village" --online       # ask Nominatim if offline fails
  geomap geocode Torkham --country PK          # the Pakistani side
  geomap geocode Zahedan --country IR          # far from the border: name its country
"""


def register(sub, formatter):
    p = sub.add_parser(
        "geocode",
        help="resolve place names (gazetteer, GeoNames, Nominatim)",
        description="Print the match, the backend that answered and the precision "
        "for each NAME. Exit status 1 if any name is not found.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    p.add_argument("names", nargs="+", metavar="NAME", help="place names, each looked up on its own")
    p.add_argument("--online", action="store_true", help="allow Nominatim (opt-in, cached)")
    p.add_argument(
        "--kind",
        choices=["crossing", "city", "district", "province", "country"],
        help="preferred feature kind for ambiguous names",
    )
    p.add_argument(
        "--country",
        action="append",
        metavar="CC",
        type=str.upper,
        help="ISO-2 country hint, repeatable: prefer places there and accept a "
        "GeoNames place outside AF/PK and the talks venues only there",
    )
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..geocoders import default_chain
    from ..report import terminal_safe

    chain = default_chain(online=args.online)
    status = 0
    for name in args.names:
        place = chain.geocode(name, kind=args.kind, countries=args.country)
        if args.json:
            print(json.dumps({"query": name, "place": place.to_dict() if place else None}, ensure_ascii=False))
        elif place is None:
            print(terminal_safe(f"{name}: not found (tried {', '.join(chain.backends)})"))
        else:
            print(
                terminal_safe(
                    f"{name}: {place.name} ({place.kind}, {place.country or '-'}) "
                    f"lat {place.lat:.4f} lon {place.lon:.4f} "
                    f"precision {place.precision} backend {place.backend} "
                    f"source {place.source}"
                )
            )
        if place is None:
            status = 1
    for msg in chain.warnings:
        print(f"warning: {terminal_safe(msg)}", file=sys.stderr)
    return status
