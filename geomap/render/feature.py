"""Base class of the map's features: a folium-style plugin driving one of our JS files."""

from __future__ import annotations

from folium.template import Template

from ..exc import BuildError
from .assets import CORE_CSS, CORE_JS, STATIC, AssetsMixin, safe_json


class Feature(AssetsMixin):
    """One Leaflet feature of the page, in the folium-plugin style.

    Subclasses name their ``feature`` (the key its JS file registers with
    ``geomap.define``), list their JS/CSS in ``default_js``/``default_css``
    and may override :meth:`data_elements` to put JSON blobs into the page.

    ``options`` reach the script through the template, which branca renders
    twice (see :mod:`geomap.render.assets`); they must therefore never carry
    event text. They are plain settings chosen by our code, and :meth:`render`
    refuses anything that looks like template syntax.
    """

    feature = ""
    script_file = ""
    _template = Template("""
        {% macro script(this, kwargs) %}
            geomap.add({{ this.feature|tojson }}, {{ this._parent.get_name() }}, {{ this.options_json }});
        {% endmacro %}
    """)

    def __init__(self, **options):
        super().__init__()
        self._name = type(self).__name__
        self.options = options
        self.default_js = CORE_JS + self.extra_js() + [(f"geomap_{self.feature}", STATIC + self.script_file)]
        self.default_css = list(CORE_CSS) + self.extra_css()

    def extra_js(self) -> list[tuple[str, str]]:
        return []

    def extra_css(self) -> list[tuple[str, str]]:
        return []

    def data_elements(self):
        """``(name, RawElement)`` pairs to add to the page body."""
        return []

    @property
    def options_json(self) -> str:
        text = safe_json(self.options)
        if "{{" in text or "{%" in text or "{#" in text:
            raise BuildError(f"{self._name} options must not contain template syntax: {text[:80]}")
        return text

    def render(self, **kwargs):
        figure = self.get_root()
        for name, element in self.data_elements():
            figure.html.add_child(element, name=name)
        super().render(**kwargs)
