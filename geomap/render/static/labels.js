/* Label decluttering: after each zoom or pan, permanent labels (crossings,
 * towns) are placed in priority order and any label whose box would overlap
 * one already placed is hidden, so "Torkham" and "Torkham (Pakistan side)"
 * never print over each other; zooming in brings the hidden ones back.
 * Detail by zoom: a label group may ask for a minimum zoom. */
(function () {
  'use strict';
  var G = window.geomap;

  G.labelGroups = [];

  /* groups: {layer (anything with eachLayer over markers with permanent
     tooltips), priority (lower first), minZoom, onMap (the layer whose
     presence on the map counts; default layer), keepMarkers (below
     minZoom hide only the labels)} */
  G.addLabelGroup = function (group) {
    G.labelGroups.push(group);
    G.labelGroups.sort(function (a, b) { return a.priority - b.priority; });
  };

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  G.declutter = function () {
    var map = G.map;
    if (!map) return;
    var zoom = map.getZoom();
    var placed = [];
    var shown = 0;
    G.labelGroups.forEach(function (g) {
      if (!map.hasLayer(g.onMap || g.layer)) return;
      var visibleZoom = zoom >= (g.minZoom || 0);
      g.layer.eachLayer(function (m) {
        var tip = m.getTooltip && m.getTooltip();
        var node = tip && tip.getElement && tip.getElement();
        if (!node) return;
        if (m._path) m._path.style.display = visibleZoom || g.keepMarkers ? '' : 'none';
        if (!visibleZoom) { node.style.visibility = 'hidden'; return; }
        node.style.visibility = '';
        var r = node.getBoundingClientRect();
        var box = {left: r.left - 2, right: r.right + 2, top: r.top - 1, bottom: r.bottom + 1};
        for (var i = 0; i < placed.length; i++) {
          if (overlaps(box, placed[i])) { node.style.visibility = 'hidden'; return; }
        }
        placed.push(box);
        shown++;
      });
    });
    G.labelsShown = shown;
  };

  G.on('start', function () {
    G.map.on('zoomend moveend overlayadd overlayremove', function () {
      setTimeout(G.declutter, 0);
    });
    setTimeout(G.declutter, 0);
  });
})();
