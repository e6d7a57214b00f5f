/* Download: the events now shown (every filter applied) as CSV or GeoJSON,
 * made in the page (a Blob and an object URL; no server). CSV cells that a
 * spreadsheet would run as a formula get a leading ' (as geomap/export.py
 * does; the characters come from geomap.report.FORMULA_START). */
(function () {
  'use strict';
  var G = window.geomap;

  /* CSV columns: [header, value of an event]. Names follow output/events.csv. */
  var COLUMNS = [
    ['event_id', function (e) { return e.id; }],
    ['event_type', function (e) { return e.type; }],
    ['sub_event_type', function (e) { return e.sub; }],
    ['event_date', function (e) { return e.date; }],
    ['date_precision', function (e) { return e.dp; }],
    ['date_start', function (e) { return e.start; }],
    ['date_end', function (e) { return e.end; }],
    ['location', function (e) { return e.place; }],
    ['admin1', function (e) { return e.admin1; }],
    ['country', function (e) { return e.country; }],
    ['latitude', function (e) { return e.lat; }],
    ['longitude', function (e) { return e.lon; }],
    ['geo_precision', function (e) { return e.gp; }],
    ['actor1', function (e) { return e.actor1; }],
    ['actor2', function (e) { return e.actor2; }],
    ['fatalities', function (e) { return e.fat; }],
    ['fatalities_low', function (e) { return e.fat_lo; }],
    ['fatalities_high', function (e) { return e.fat_hi; }],
    ['injuries', function (e) { return e.inj; }],
    ['verified', function (e) { return e.verified; }],
    ['dataset', function (e) { return e.dataset; }],
    ['note', function (e) { return e.note; }],
    ['sources', function (e) { return (e.sources || []).map(function (s) { return s.source_id; }).join(';'); }],
    ['source_publishers', function (e) { return (e.sources || []).map(function (s) { return s.publisher; }).join(' | '); }],
    ['source_titles', function (e) { return (e.sources || []).map(function (s) { return s.title; }).join(' | '); }],
    ['source_urls', function (e) { return (e.sources || []).map(function (s) { return s.url; }).join(' | '); }]
  ];

  G.define('download', function (G, map, opts) {
    var starts = opts.formulaStart || ['=', '+', '-', '@', '\t', '\r'];

    function defuse(v) {
      if (typeof v !== 'string') return v;
      var t = v.replace(/^ +/, '');
      return t && starts.indexOf(t.charAt(0)) >= 0 ? "'" + v : v;
    }
    function cell(v) {
      if (v === null || v === undefined) return '';
      var s = String(defuse(v));
      return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }

    function csv(events) {
      var lines = [COLUMNS.map(function (c) { return c[0]; }).join(',')];
      for (var i = 0; i < events.length; i++) {
        var ev = events[i], row = new Array(COLUMNS.length);
        for (var k = 0; k < COLUMNS.length; k++) row[k] = cell(COLUMNS[k][1](ev));
        lines.push(row.join(','));
      }
      return lines.join('\n') + '\n';
    }

    function geojson(events) {
      var features = events.map(function (ev) {
        var props = {};
        COLUMNS.forEach(function (c) {
          if (c[0] !== 'latitude' && c[0] !== 'longitude') props[c[0]] = c[1](ev);
        });
        var shape = ev.shape !== null && ev.shape !== undefined ? G.shapes[ev.shape] : null;
        return {type: 'Feature', geometry: shape || {type: 'Point', coordinates: [ev.lon, ev.lat]},
          properties: props};
      });
      return JSON.stringify({type: 'FeatureCollection', features: features});
    }

    function save(text, type, ext) {
      var blob = new Blob([text], {type: type});
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'events-' + G.filters.from + '-to-' + G.filters.to + '.' + ext;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
      return a.download;
    }

    var form = G.filtersForm();
    var box = G.el('div', 'geomap-download', null, {role: 'group', 'aria-labelledby': 'geomap-dl-head'});
    box.appendChild(G.el('span', 'geomap-dl-head', 'Download the events shown', {id: 'geomap-dl-head'}));
    var csvBtn = G.el('button', 'geomap-btn', 'CSV', {type: 'button', 'data-format': 'csv'});
    var gjBtn = G.el('button', 'geomap-btn', 'GeoJSON', {type: 'button', 'data-format': 'geojson'});
    csvBtn.addEventListener('click', function () { save(csv(G.visible), 'text/csv;charset=utf-8', 'csv'); });
    gjBtn.addEventListener('click', function () {
      save(geojson(G.visible), 'application/geo+json', 'geojson');
    });
    box.appendChild(csvBtn);
    box.appendChild(gjBtn);
    form.appendChild(box);
    G.on('filter', function () {
      var n = G.visible.length;
      csvBtn.setAttribute('aria-label', 'Download ' + n + ' events as CSV');
      gjBtn.setAttribute('aria-label', 'Download ' + n + ' events as GeoJSON');
    });
    var api = {csv: csv, geojson: geojson, defuse: defuse};
    G.download = api;
    return api;
  });
})();
