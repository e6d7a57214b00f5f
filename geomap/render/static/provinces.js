/* ProvinceView: events or fatalities per province (the events' admin1),
 * following every other filter, as graduated circles: area proportional to
 * the value, colour by class, a legend with reference sizes. Choosing a
 * province (clicking its circle, or the menu in the panel) filters the map
 * to it; choosing it again, or "All provinces", clears that filter.
 *
 * No registry package ships Natural Earth admin-1 polygons of Afghanistan
 * and Pakistan (see geodata/README.md), so each province is a circle at its
 * gazetteer centre, or at the mean position of its events when the
 * gazetteer does not know it (an imported dataset's own admin1 names).
 * State in the URL: view=provinces, by=fatalities, province=NAME.
 */
(function () {
  'use strict';
  var G = window.geomap;
  var COLOURS = ['#fee8c8', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
  var MAX_RADIUS = 34;

  function key(name) {
    return G.fold(name).replace(/\b(province|wilayat|provincia)\b/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  }

  G.define('provinces', function (G, map, opts) {
    var c = G._cols;
    var names = c.provinceNames;
    /* where each province's circle goes */
    var centres = new Map();
    (G.readJSON('geomap-provinces') || []).forEach(function (p) {
      [p.name].concat(p.aliases || []).forEach(function (n) {
        if (!centres.has(key(n))) centres.set(key(n), [p.lat, p.lon]);
      });
    });
    var sumLat = new Float64Array(names.length), sumLon = new Float64Array(names.length),
      n = new Float64Array(names.length);
    for (var i = 0; i < G.events.length; i++) {
      var k = c.adm[i];
      if (k < 0) continue;
      sumLat[k] += G.events[i].lat;
      sumLon[k] += G.events[i].lon;
      n[k]++;
    }
    var where = names.map(function (name, k) {
      return centres.get(key(name)) || [sumLat[k] / n[k], sumLon[k] / n[k]];
    });

    var state = {on: false, by: 'events'};
    var layer = L.layerGroup();
    var circles = names.map(function (name, k) {
      var m = L.circleMarker(where[k], {radius: 0, weight: 1.2, color: '#5a2a12', fillOpacity: 0.78,
        className: 'geomap-province'});
      m.geomapProvince = name;
      m.bindTooltip(function () { return G.el('span', null, describe(k)); }, {sticky: true});
      m.on('click', function () { choose(name); });
      return m;
    });

    function value(k) {
      var fc = G.facetCounts;
      return state.by === 'fatalities' ? fc.provFat[k + 1] : fc.provinces[k + 1];
    }
    function describe(k) {
      var fc = G.facetCounts;
      var ev = fc.provinces[k + 1], fat = fc.provFat[k + 1];
      return names[k] + ': ' + ev + (ev === 1 ? ' event' : ' events') + ', ' + fat + ' killed';
    }
    function choose(name) {
      G.setFilter({province: G.filters.province === name ? '' : name});
    }

    /* class breaks: fifths of the largest value rounded to 1-2-5 steps,
       without repeats (small maxima give fewer classes) */
    function breaks(max) {
      var out = [];
      for (var j = 1; j <= 4; j++) {
        var b = nice(max * j / 5);
        if (b < max && out.indexOf(b) < 0 && (!out.length || b > out[out.length - 1])) out.push(b);
      }
      return out;
    }
    var nice = G.niceNumber;
    /* class j of br.length + 1, spread over the five colours */
    function colourOf(j, br) { return COLOURS[br.length ? Math.round(j * 4 / br.length) : 4]; }
    function classOf(v, br) {
      var j = 0;
      while (j < br.length && v > br[j]) j++;
      return j;
    }
    function radius(v, max) { return max ? Math.max(3, MAX_RADIUS * Math.sqrt(v / max)) : 0; }

    var lastMax = 0;
    function draw() {
      if (!state.on || !G.facetCounts) return;
      var max = 0, k;
      for (k = 0; k < names.length; k++) max = Math.max(max, value(k));
      var br = breaks(max);
      lastMax = max;
      var sel = G.filters.province;
      for (k = 0; k < names.length; k++) {
        var v = value(k), m = circles[k];
        if (!v || !isFinite(where[k][0])) { if (layer.hasLayer(m)) layer.removeLayer(m); continue; }
        m.setRadius(radius(v, max));
        m.setStyle({fillColor: colourOf(classOf(v, br), br), weight: names[k] === sel ? 3.5 : 1.2,
          color: names[k] === sel ? '#0b5394' : '#5a2a12'});
        if (!layer.hasLayer(m)) layer.addLayer(m);
      }
      legendDraw(max, br);
    }

    /* ---- legend on the map -------------------------------------------- */
    var legend = L.control({position: 'bottomright'});
    var legendBox = null;
    legend.onAdd = function () {
      legendBox = G.el('div', 'geomap-prov-legend leaflet-control', null,
        {role: 'group', 'aria-label': 'Province view legend'});
      return legendBox;
    };
    function legendDraw(max, br) {
      if (!legendBox) return;
      legendBox.textContent = '';
      legendBox.appendChild(G.el('div', 'geomap-prov-legend-title',
        (state.by === 'fatalities' ? 'Fatalities' : 'Events') + ' per province'));
      for (var j = 0; j <= br.length; j++) {
        var row = G.el('div', 'geomap-prov-legend-row');
        var sw = G.el('span', 'geomap-prov-swatch');
        sw.style.background = colourOf(j, br);
        row.appendChild(sw);
        var lo = j ? br[j - 1] : 0, hi = j < br.length ? br[j] : max;
        row.appendChild(G.el('span', null, j ? '> ' + lo + ' \u2013 ' + hi : '\u2264 ' + hi));
        legendBox.appendChild(row);
      }
      /* reference sizes: the largest value, about a quarter and a twentieth of it */
      var refs = [max, nice(max / 4), nice(max / 20)].filter(function (v, j, a) {
        return v > 0 && v <= max && a.indexOf(v) === j;
      });
      var sizes = G.sizeLegend(refs, function (v) { return 2 * radius(v, max); });
      legendBox.appendChild(sizes);
    }

    /* ---- panel controls ----------------------------------------------- */
    var form = G.filtersForm();
    var fs = G.el('fieldset', 'geomap-fs geomap-view');
    fs.appendChild(G.el('legend', null, 'Map view'));
    function radio(name, value, text, checked) {
      var label = G.el('label', 'geomap-check');
      var input = G.el('input', null, null, {type: 'radio', name: name, value: value});
      input.checked = checked;
      label.appendChild(input);
      label.appendChild(G.el('span', 'geomap-check-label', text));
      fs.appendChild(label);
      return input;
    }
    var viewMarkers = radio('geomap-view', 'markers', 'Events', true);
    var viewProv = radio('geomap-view', 'provinces', 'Provinces', false);
    fs.appendChild(G.el('br'));
    var byEvents = radio('geomap-by', 'events', 'Count events', true);
    var byFat = radio('geomap-by', 'fatalities', 'Count fatalities', false);
    var selId = 'geomap-province-select';
    var selWrap = G.el('div', 'geomap-province-pick');
    selWrap.appendChild(G.el('label', null, 'Province', {'for': selId}));
    var select = G.el('select', 'geomap-province-select', null, {id: selId});
    selWrap.appendChild(select);
    fs.appendChild(selWrap);
    var types = form.querySelector('.geomap-types');
    form.insertBefore(fs, types || null);
    [viewMarkers, viewProv].forEach(function (r) {
      r.addEventListener('change', function () { show(viewProv.checked); G.emit('state'); });
    });
    [byEvents, byFat].forEach(function (r) {
      r.addEventListener('change', function () {
        state.by = byFat.checked ? 'fatalities' : 'events';
        draw();
        G.emit('state');
      });
    });
    select.addEventListener('change', function () { G.setFilter({province: select.value}); });

    var order = names.map(function (x, k) { return k; })
      .sort(function (a, b) { return names[a] < names[b] ? -1 : 1; });
    function fillSelect() {
      var fc = G.facetCounts;
      var frag = document.createDocumentFragment();
      var all = G.el('option', null, 'All provinces');
      all.value = '';
      frag.appendChild(all);
      order.forEach(function (k) {
        var opt = G.el('option', null, names[k] + ' (' + fc.provinces[k + 1] + ')');
        opt.value = names[k];
        frag.appendChild(opt);
      });
      var sel = G.filters.province;
      if (sel && !c.provinceCode.has(sel)) {
        var odd = G.el('option', null, sel + ' (0)');
        odd.value = sel;
        frag.appendChild(odd);
      }
      select.textContent = '';
      select.appendChild(frag);
      select.value = sel;
    }

    function show(on) {
      state.on = !!on;
      viewProv.checked = state.on;
      viewMarkers.checked = !state.on;
      map.getContainer().classList.toggle('geomap-province-view', state.on);
      [G.cluster, G.uncertainty].forEach(function (l) {
        if (!l) return;
        if (state.on && map.hasLayer(l)) map.removeLayer(l);
        if (!state.on && !map.hasLayer(l)) map.addLayer(l);
      });
      if (state.on) {
        if (!map.hasLayer(layer)) layer.addTo(map);
        legend.addTo(map);
        draw();
      } else {
        map.removeLayer(layer);
        legend.remove();
      }
    }

    G.on('filter', function () { fillSelect(); draw(); });
    G.on('start', function () { if (state.on) draw(); });
    (G.hashExtras = G.hashExtras || []).push({
      write: function (p) {
        if (state.on) p.set('view', 'provinces');
        if (state.by !== 'events') p.set('by', state.by);
      },
      read: function (p) {
        state.by = p.get('by') === 'fatalities' ? 'fatalities' : 'events';
        byFat.checked = state.by === 'fatalities';
        byEvents.checked = !byFat.checked;
        /* after the events layer exists (it is added before this feature) */
        show(p.get('view') === 'provinces');
      }
    });
    var api = {show: show, layer: layer, circles: circles,
      by: function (b) { state.by = b; byFat.checked = b === 'fatalities'; byEvents.checked = !byFat.checked; draw(); G.emit('state'); },
      isOn: function () { return state.on; }, value: value, max: function () { return lastMax; }};
    G.provinceView = api;
    return api;
  });
})();
