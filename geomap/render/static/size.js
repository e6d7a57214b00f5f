/* MarkerSize: a toggle that sizes markers by fatalities, area proportional
 * (diameter ~ square root of the toll), with a legend of reference sizes.
 * Clusters are sized by, and show, the sum of their events' fatalities.
 * Events without a toll keep a small marker. State in the URL: size=fatalities.
 */
(function () {
  'use strict';
  var G = window.geomap;

  G.define('size', function (G, map, opts) {
    var on = false;
    var MIN = opts.minSize || 10;          /* px: events with no known deaths */
    var LARGEST = opts.largestSize || 44;  /* px: the deadliest single event */
    var CLUSTER_MAX = opts.clusterMax || 64;
    var maxFat = 0;
    for (var i = 0; i < G.events.length; i++) {
      if (G.events[i].fat > maxFat) maxFat = G.events[i].fat;
    }
    /* diameter = K * sqrt(fatalities): the area is proportional to the toll */
    var K = maxFat ? LARGEST / Math.sqrt(maxFat) : 0;
    function diameter(fat) { return Math.max(MIN, Math.round(K * Math.sqrt(fat > 0 ? fat : 0))); }

    G.markerSize = null;
    G.clusterLook = null;
    function markerSize(ev) { return diameter(ev.fat); }
    function clusterLook(cluster) {
      var fat = cluster.geomapFat;
      if (fat === undefined) {
        fat = 0;
        cluster.getAllChildMarkers().forEach(function (m) {
          var f = (m.geomapEvent || m).fat;
          if (f > 0) fat += f;
        });
      }
      return {size: Math.min(CLUSTER_MAX, Math.max(26, diameter(fat))), label: String(fat)};
    }

    /* ---- control in the panel's "Map view" box (or the filters) ------- */
    var box = document.querySelector('.geomap-view') || G.filtersForm();
    var label = G.el('label', 'geomap-check geomap-size-toggle');
    var input = G.el('input', null, null, {type: 'checkbox', name: 'size', value: 'fatalities'});
    label.appendChild(input);
    label.appendChild(G.el('span', 'geomap-check-label', 'Marker size by fatalities'));
    box.appendChild(label);
    input.addEventListener('change', function () { set(input.checked); G.emit('state'); });

    /* ---- legend: reference sizes --------------------------------------- */
    var legend = L.control({position: 'bottomright'});
    legend.onAdd = function () {
      var div = G.el('div', 'geomap-size-legend leaflet-control', null,
        {role: 'group', 'aria-label': 'Marker size legend'});
      div.appendChild(G.el('div', 'geomap-prov-legend-title', 'Fatalities (marker area)'));
      var row = G.sizeLegend(refs(), diameter);
      div.appendChild(row);
      div.appendChild(G.el('div', 'geomap-size-note', 'Clusters: sum of their events'));
      return div;
    };
    var nice = G.niceNumber;
    function refs() {
      var out = [];
      [nice(maxFat / 25), nice(maxFat / 4), maxFat].forEach(function (v) {
        if (v > 0 && out.indexOf(v) < 0) out.push(v);
      });
      return out;
    }

    function set(value) {
      on = !!value && maxFat > 0;
      input.checked = on;
      G.markerSize = on ? markerSize : null;
      G.clusterLook = on ? clusterLook : null;
      map.getContainer().classList.toggle('geomap-sized', on);
      if (on) legend.addTo(map); else legend.remove();
      if (G.refreshMarkers) G.refreshMarkers();
    }
    if (!maxFat) {
      input.disabled = true;
      label.title = 'No event has a known death toll';
    }

    (G.hashExtras = G.hashExtras || []).push({
      write: function (p) { if (on) p.set('size', 'fatalities'); },
      read: function (p) {
        var want = p.get('size') === 'fatalities';
        if (want !== on) set(want);
      }
    });
    var api = {set: set, isOn: function () { return on; }, diameter: diameter, refs: refs};
    G.markerSizing = api;
    return api;
  });
})();
