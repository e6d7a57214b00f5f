/* Facets of the event store: actors (both actor columns), datasets,
 * provinces (admin1) and timeline bins, as typed-array columns made once,
 * and the per-filter-change arrays geomap.apply fills while it filters.
 *
 * Part of the core (loaded right after geomap.js): the filter loop reads
 * these numbers instead of strings, which keeps a filter change at 100k
 * events within tens of milliseconds. Names and values come from the data,
 * never from a fixed list: an imported dataset or a new event type shows up
 * on its own. Lookups keyed by data use Map, never plain objects.
 */
(function () {
  'use strict';
  var G = window.geomap;

  /* Style of a type the palette does not know (grey cross). */
  var UNKNOWN_PATH = 'M7 2 H13 V7 H18 V13 H13 V18 H7 V13 H2 V7 H7 Z';

  G.addDataTypes = function (events) {
    var known = new Map();
    G.types.forEach(function (t) { known.set(t.id, t); });
    events.forEach(function (ev) {
      if (known.has(ev.type)) return;
      var id = String(ev.type);
      var t = {id: id, label: id.charAt(0).toUpperCase() + id.slice(1).replace(/_/g, ' '),
        color: '#777777', marker: 'P', path: UNKNOWN_PATH};
      known.set(id, t);
      G.types.push(t);
    });
    var byId = Object.create(null);
    G.types.forEach(function (t) { byId[t.id] = t; });
    G.typeById = byId;
  };

  /* Each event's dataset (the 'dataset' column; without it, curated or
   * draft from 'verified'); the list of datasets, curated and draft first. */
  G.datasetsOf = function (events) {
    var seen = new Map();
    events.forEach(function (ev) {
      var d = ev.dataset || ev.verified || 'curated';
      ev.dataset = d;
      seen.set(d, (seen.get(d) || 0) + 1);
    });
    var rank = function (d) { return d === 'curated' ? 0 : d === 'draft' ? 1 : 2; };
    return Array.from(seen.keys()).sort(function (a, b) {
      return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
    });
  };

  /* A code per distinct value; -1 for empty. */
  function coder() {
    var codes = new Map(), names = [];
    return {codes: codes, names: names, code: function (v) {
      if (v === null || v === undefined || v === '') return -1;
      var k = codes.get(v);
      if (k === undefined) { k = names.length; codes.set(v, k); names.push(v); }
      return k;
    }};
  }

  G.facetColumns = function (c, events) {
    var n = events.length;
    var actors = coder(), provinces = coder(), datasets = new Map();
    G.datasets.forEach(function (d, k) { datasets.set(d, k); });
    c.a1 = new Int32Array(n);
    c.a2 = new Int32Array(n);
    c.adm = new Int32Array(n);
    c.ds = new Uint16Array(n);
    c.fat = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      var ev = events[i];
      c.a1[i] = actors.code(ev.actor1);
      c.a2[i] = actors.code(ev.actor2);
      c.adm[i] = provinces.code(ev.admin1);
      c.ds[i] = datasets.get(ev.dataset);
      c.fat[i] = ev.fat > 0 ? ev.fat : 0;
    }
    c.actorNames = actors.names;
    c.actorCode = actors.codes;
    c.provinceNames = provinces.names;
    c.provinceCode = provinces.codes;
    c.bin = null;     /* set by the timeline: bin index of each event */
    c.nBins = 0;
  };

  /* What G.apply needs for the current filters: which codes are on, and
   * zeroed count arrays (slot 0 of actors/provinces is 'none'). */
  G.facetFilter = function (c, f) {
    var dsOn = new Uint8Array(G.datasets.length);
    G.datasets.forEach(function (d, k) { dsOn[k] = f.datasets[d] ? 1 : 0; });
    var actOn = null;
    if (f.actors && f.actors.length) {
      actOn = new Uint8Array(c.actorNames.length + 1);
      f.actors.forEach(function (a) {
        var k = c.actorCode.get(a);
        if (k !== undefined) actOn[k + 1] = 1;
      });
    }
    var prov = -1;
    if (f.province) {
      var p = c.provinceCode.get(f.province);
      prov = p === undefined ? -2 : p;
    }
    return {
      dsOn: dsOn, actOn: actOn, prov: prov,
      bins: new Float64Array(c.bin ? c.nBins * c.typeNames.length : 0),
      actors: new Float64Array(c.actorNames.length + 1),
      provinces: new Float64Array(c.provinceNames.length + 1),
      provFat: new Float64Array(c.provinceNames.length + 1),
      datasets: new Float64Array(G.datasets.length)
    };
  };

  /* Panel helpers of the facet controls (actors, datasets, provinces, download). */
  G.fieldset = function (parent, legendText, cls) {
    var fs = G.el('fieldset', 'geomap-fs ' + (cls || ''));
    fs.appendChild(G.el('legend', null, legendText));
    parent.appendChild(fs);
    return fs;
  };
  G.filtersForm = function () {
    var panel = G.panel();
    return panel.querySelector('.geomap-filters') || panel;
  };

  /* A play/pause button: start(step) calls step every interval until it
     returns false or stop() is called; the label and aria-pressed follow. */
  G.player = function (button, interval) {
    var timer = null;
    function stop() {
      if (!timer) return;
      clearInterval(timer);
      timer = null;
      button.textContent = '\u25B6 Play';
      button.setAttribute('aria-pressed', 'false');
    }
    return {
      running: function () { return !!timer; },
      stop: stop,
      start: function (step) {
        stop();
        button.textContent = '\u275A\u275A Pause';
        button.setAttribute('aria-pressed', 'true');
        timer = setInterval(function () { if (step() === false) stop(); }, interval);
      }
    };
  };

  /* x rounded up to a 1-2-5 step (legend values). */
  G.niceNumber = function (x) {
    if (x <= 1) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(x)));
    var m = x / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  };

  /* Legend row of reference sizes: one dot per value, diameter(v) pixels
     across (the province view and marker size share it). */
  G.sizeLegend = function (values, diameter) {
    var row = G.el('div', 'geomap-prov-sizes');
    values.forEach(function (v) {
      var item = G.el('span', 'geomap-prov-size');
      var dot = G.el('span', 'geomap-prov-dot');
      var d = diameter(v);
      dot.style.width = d + 'px';
      dot.style.height = d + 'px';
      item.appendChild(dot);
      item.appendChild(G.el('span', null, String(v)));
      row.appendChild(item);
    });
    return row;
  };

  /* Hash values that are lists of free-text names (actors, datasets):
   * '|'-separated, since names may hold commas. */
  G.splitNames = function (s) { return s ? String(s).split('|').filter(Boolean) : []; };
  G.joinNames = function (names) { return names.join('|'); };
})();
