"""Page assets: third-party scripts inline or from a CDN, our static files, safe JSON.

Every feature element of the map declares the scripts and styles it needs
the way folium plugins do (``default_js`` / ``default_css`` as ``(name, url)``
pairs). :class:`AssetsMixin` decides at render time how they reach the page:

- self-contained (the default): the file's text is written inline, taken from
  ``geomap/render/vendor/`` (third-party, with their licences) or from
  ``geomap/render/static/`` (ours), so the HTML opens from disk with no network;
- CDN mode: third-party assets become ``<script src>`` / ``<link>`` tags; ours
  stay inline because no CDN hosts them.

Why not the templates folium uses for everything else: branca renders the
output of an element's macros a *second* time as a Jinja template, so text
containing ``{{`` would be evaluated. Inline assets and data blobs therefore go
through :class:`RawElement`, which is never templated.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from html import escape
from importlib import resources
from urllib.parse import urlsplit

import orjson
from branca.element import CssLink, Element, Figure, JavascriptLink, MacroElement

from ..exc import BuildError

#: Third-party assets the page uses: folium 0.20's Leaflet and the
#: leaflet.markercluster build its MarkerCluster plugin links to. jQuery,
#: Bootstrap, Font Awesome and awesome-markers (folium's other defaults) are
#: not needed: our markers are inline SVG and our panel is plain HTML.
LEAFLET_JS = ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
LEAFLET_CSS = ("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")
_MC = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/"
MARKERCLUSTER_JS = ("markerclusterjs", _MC + "leaflet.markercluster.js")
MARKERCLUSTER_CSS = ("markerclustercss", _MC + "MarkerCluster.css")
MARKERCLUSTER_DEFAULT_CSS = ("markerclusterdefaultcss", _MC + "MarkerCluster.Default.css")

#: Prefix of our own asset "URLs": files in ``geomap/render/static/``.
STATIC = "geomap-static:"

#: Characters that could end a <script> element or start an HTML comment or
#: break a JavaScript string, escaped in any JSON we put into a page.
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_RE = re.compile("[<>&\u2028\u2029]")


def safe_json(obj) -> str:
    """JSON text that is safe inside ``<script>``: no ``</script>``, ``<!--`` or U+2028.

    NaN and infinities are not JSON; they must be turned into ``None`` first.

    Examples
    --------
    >>> safe_json({"a": "</script><!--"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_RE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


#: :data:`_JSON_ESCAPES` as UTF-8 bytes (U+2028's three bytes occur in UTF-8
#: only as that character, so a byte replace finds just it).
_JSON_BYTE_ESCAPES = tuple((raw.encode("utf-8"), escaped.encode("ascii")) for raw, escaped in _JSON_ESCAPES.items())


def safe_json_bytes(obj) -> bytes:
    """:func:`safe_json` as UTF-8 bytes, encoded by orjson (a large map's payload).

    orjson is a compiled JSON encoder: ~0.1 s for the 40 MB payload of 100k
    events where ``json.dumps`` takes ~1 s. It writes the same text as
    :func:`safe_json` (compact, non-ASCII as is, the same escapes inside
    strings) except that a few floats are spelled otherwise (``1e-05`` is
    ``0.00001``), which ``JSON.parse`` reads as the same number; the
    ``<``, ``>``, ``&``, U+2028 and U+2029 escapes are then put in by byte
    replacement. NaN and infinities must be ``None`` already, as for
    :func:`safe_json` (orjson would write ``null``). What orjson refuses
    (integers past 64 bits, keys other than strings) goes through
    :func:`safe_json`, with its errors.
    """
    try:
        text = orjson.dumps(obj)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return safe_json(obj).encode("utf-8")
    for raw, escaped in _JSON_BYTE_ESCAPES:
        if raw in text:
            text = text.replace(raw, escaped)
    return text


def clean(value):
    """A JSON-ready scalar: pandas NA/NaN become ``None``, numpy numbers Python numbers."""
    if value is None:
        return None
    try:
        if value != value:  # NaN, pd.NA raises TypeError
            return None
    except TypeError:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isinf(value):
        return None
    return value


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """Text of one of our files in ``geomap/render/static/``."""
    return resources.files("geomap.render").joinpath("static", name).read_text("utf-8")


@lru_cache(maxsize=None)
def vendored_text(url: str) -> str | None:
    """Our copy of a third-party asset: ``vendor/<host>/<path>`` for ``https://<host>/<path>``.

    ``None`` when ``url`` is not vendored (see ``geomap/render/vendor/README.md``).
    """
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or ".." in parts.path.split("/"):
        return None
    segments = [part for part in parts.path.split("/") if part]
    path = resources.files("geomap.render").joinpath("vendor", parts.netloc, *segments)
    return path.read_text("utf-8") if path.is_file() else None


def resource_text(url: str) -> str:
    """The text of an asset for inlining: ours from ``static/``, others from ``vendor/``.

    Raises
    ------
    BuildError
        If no offline copy of ``url`` is available.
    """
    if url.startswith(STATIC):
        return static_text(url[len(STATIC) :])
    text = vendored_text(url)
    if text is None:
        raise BuildError(f"no offline copy of {url!r}; use --cdn or drop the plugin that needs it")
    return text


class RawElement(Element):
    """Text written into the page verbatim (never run through Jinja)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


def inline_script(code: str) -> RawElement:
    """``<script>`` with ``code``; a literal ``</script`` in it is split so it cannot close the tag."""
    return RawElement("<script>" + re.sub(r"</(script)", r"<\\/\1", code, flags=re.I) + "</script>")


def inline_style(css: str) -> RawElement:
    return RawElement("<style>" + re.sub(r"</(style)", r"<\\/\1", css, flags=re.I) + "</style>")


def json_blob(element_id: str, obj) -> RawElement:
    """A ``<script type="application/json" id=...>`` data island, read with ``JSON.parse``."""
    return RawElement(f'<script type="application/json" id="{escape(element_id)}">{safe_json(obj)}</script>')


def is_cdn(element: Element) -> bool:
    """Whether the page being rendered links third-party assets from CDNs."""
    return bool(getattr(element.get_root(), "geomap_cdn", False))


class AssetsMixin(MacroElement):
    """folium's JSCSSMixin, but inline by default (see the module docstring)."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []

    def render(self, **kwargs):
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise BuildError(f"{type(self).__name__} must be added to a map before rendering")
        cdn = is_cdn(self)
        for name, url in self.default_css:
            if cdn and not url.startswith(STATIC):
                figure.header.add_child(CssLink(url), name=name)
            else:
                figure.header.add_child(inline_style(resource_text(url)), name=name)
        for name, url in self.default_js:
            if cdn and not url.startswith(STATIC):
                figure.header.add_child(JavascriptLink(url), name=name)
            else:
                figure.header.add_child(inline_script(resource_text(url)), name=name)
        super().render(**kwargs)


#: Every feature needs Leaflet and our core namespace first.
CORE_JS = [LEAFLET_JS, ("geomap_core", STATIC + "geomap.js"), ("geomap_facets", STATIC + "facets.js")]
CORE_CSS = [LEAFLET_CSS, ("geomap_css", STATIC + "geomap.css")]

_LINK_RE = re.compile(r'<script src="(https?://[^"]+)"></script>|<link rel="stylesheet" href="(https?://[^"]+)"/>')


def inline_links(html: str) -> str:
    """Replace any CDN ``<script src>``/``<link>`` left in ``html`` by inline copies.

    Catches assets added by folium objects that are not ours (a caller may add
    a plugin to the map we return).
    """

    def repl(m: re.Match) -> str:
        if m.group(1):
            return inline_script(resource_text(m.group(1))).text
        return inline_style(resource_text(m.group(2))).text

    return _LINK_RE.sub(repl, html)
