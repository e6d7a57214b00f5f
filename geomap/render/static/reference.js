/* ReferenceLayers: the Durand Line, the labelled border crossings, country
 * and (when geodata has them) province outlines. Names are set as text. */
(function () {
  'use strict';
  var G = window.geomap;

  G.define('reference', function (G, map, opts) {
    var ref = G.readJSON('geomap-ref') || {};
    var control = G.layersControl();
    var out = {};
    if (ref.provinces) {
      out.provinces = L.geoJSON(ref.provinces, {
        style: {color: '#8c8c8c', weight: 0.8, fill: false, dashArray: '2 3'}, interactive: false
      });
      control.addOverlay(out.provinces, 'Provinces');
      if (opts.showProvinces !== false) out.provinces.addTo(map);
    }
    var countries = G.readJSON('geomap-basemap');
    if (countries) {
      out.countries = L.geoJSON(countries, {
        style: {color: '#5a5a5a', weight: 1, fill: false}, interactive: false
      });
      control.addOverlay(out.countries, 'Country borders');
    }
    if (ref.durand) {
      out.durand = L.geoJSON(ref.durand, {
        style: {color: opts.durandColor || '#7a1f1f', weight: 3, opacity: 0.9, dashArray: '10 5'}
      });
      out.durand.bindTooltip(function () {
        return G.el('span', null, ref.durandLabel || 'Durand Line');
      }, {sticky: true});
      out.durand.addTo(map);
      control.addOverlay(out.durand, 'Durand Line');
      G.durandBounds = out.durand.getBounds();
    }
    if (ref.crossings && ref.crossings.length) {
      out.crossings = L.layerGroup();
      ref.crossings.forEach(function (c) {
        var m = L.circleMarker([c.lat, c.lon], {
          radius: 5, color: '#222', weight: 2, fillColor: '#fff', fillOpacity: 1,
          className: 'geomap-crossing'
        });
        var label = G.el('span', null, c.name);
        m.bindTooltip(label, {permanent: true, direction: 'right', offset: [6, 0],
          className: 'geomap-crossing-label'});
        out.crossings.addLayer(m);
      });
      out.crossings.addTo(map);
      control.addOverlay(out.crossings, 'Border crossings');
      /* labels only once zoomed in, so they do not bury the markers; the
         ones that would overlap are hidden (labels.js) */
      var toggle = function () {
        map.getContainer().classList.toggle('geomap-zoomed-out', map.getZoom() < (opts.labelZoom || 7));
      };
      map.on('zoomend', toggle);
      toggle();
      G.addLabelGroup({layer: out.crossings, priority: 0, minZoom: opts.labelZoom || 7, keepMarkers: true});
    }
    /* main towns with labels: cities from zoom 6, towns from zoom 8 */
    if (ref.places && ref.places.length) {
      out.places = L.layerGroup();
      var towns = L.layerGroup();
      ref.places.forEach(function (p) {
        var m = L.circleMarker([p.lat, p.lon], {
          radius: p.kind === 'city' ? 3 : 2, color: '#555', weight: 1, fillColor: '#555',
          fillOpacity: 1, interactive: false, className: 'geomap-place'
        });
        m.bindTooltip(G.el('span', null, p.name), {permanent: true, direction: 'right', offset: [3, 0],
          className: 'geomap-place-label geomap-place-' + p.kind});
        (p.kind === 'city' ? out.places : towns).addLayer(m);
      });
      out.places.addLayer(towns);
      out.places.addTo(map);
      control.addOverlay(out.places, 'Towns and cities');
      G.addLabelGroup({layer: {eachLayer: function (f) {
        out.places.eachLayer(function (l) { if (l !== towns) f(l); });
      }}, priority: 1, minZoom: opts.cityZoom || 5, onMap: out.places});
      G.addLabelGroup({layer: towns, priority: 2, minZoom: opts.townZoom || 8, onMap: out.places});
    }
    G.reference = out;
    return out;
  });
})();
