/* geomap core: the event store, the filters and a tiny event bus.
 *
 * Feature files (events.js, filters.js, list.js, ...) register a factory with
 * geomap.define(name, factory); the page's script calls geomap.add(name, map,
 * options) once per feature; everything starts together when the document is
 * parsed, in the order the features were added.
 *
 * Untrusted text (every field of every event) only ever reaches the DOM
 * through textContent or attribute setters, never through innerHTML.
 * window.geomap is also the hook the browser tests use.
 */
(function () {
  'use strict';
  var G = window.geomap = window.geomap || {};
  var factories = {};
  var pending = [];
  var handlers = {};
  var scheduled = false;

  G.ready = false;
  G.features = {};

  G.define = function (name, factory) { factories[name] = factory; };

  G.add = function (name, map, options) {
    pending.push([name, map, options || {}]);
    if (scheduled) return;
    scheduled = true;
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
    } else {
      setTimeout(start, 0);
    }
  };

  G.on = function (name, fn) { (handlers[name] = handlers[name] || []).push(fn); };
  G.emit = function (name, a, b) {
    (handlers[name] || []).forEach(function (fn) { fn(a, b); });
  };

  /* ---- helpers shared by the features ---------------------------------- */

  G.readJSON = function (id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  };

  /* Element builder: text is always set with textContent. */
  G.el = function (tag, cls, text, attrs) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null && text !== '') node.textContent = String(text);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    }
    return node;
  };

  var SVGNS = 'http://www.w3.org/2000/svg';
  /* The type's shape in its colour; draft events get a hollow, dashed glyph. */
  G.glyph = function (type, size, draft) {
    var t = G.typeById[type] || {color: '#777', path: 'M10 2 A8 8 0 1 1 9.99 2 Z'};
    var svg = document.createElementNS(SVGNS, 'svg');
    svg.setAttribute('viewBox', '0 0 20 20');
    svg.setAttribute('width', size);
    svg.setAttribute('height', size);
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(SVGNS, 'path');
    path.setAttribute('d', t.path);
    if (draft) {
      path.setAttribute('fill', '#ffffff');
      path.setAttribute('stroke', t.color);
      path.setAttribute('stroke-width', '2.2');
      path.setAttribute('stroke-dasharray', '3 2');
    } else {
      path.setAttribute('fill', t.color);
      path.setAttribute('stroke', '#ffffff');
      path.setAttribute('stroke-width', '1.5');
    }
    svg.appendChild(path);
    return svg;
  };

  /* Only http(s) links are ever made clickable. */
  G.safeUrl = function (url) {
    if (typeof url !== 'string') return null;
    url = url.trim();
    if (!/^https?:\/\//i.test(url)) return null;
    try {
      var u = new URL(url);
      return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
    } catch (e) { return null; }
  };

  G.fold = function (s) {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  };

  var DAY = 86400000;
  G.dayNum = function (iso) {
    var p = String(iso).split('-');
    return Math.round(Date.UTC(+p[0], (+p[1] || 1) - 1, +p[2] || 1) / DAY);
  };
  G.dayStr = function (n) { return new Date(n * DAY).toISOString().slice(0, 10); };

  G.typeLabel = function (type) { return (G.typeById[type] || {}).label || type; };

  /* ---- filters ----------------------------------------------------------- */

  function defaults() {
    var types = Object.create(null);
    G.types.forEach(function (t) { types[t.id] = true; });
    var datasets = Object.create(null);  /* keyed by data: no prototype */
    G.datasets.forEach(function (d) { datasets[d] = true; });
    return {
      types: types, from: G.minDate, to: G.maxDate, q: '',
      gp: {1: true, 2: true, 3: true, 4: true},
      verified: {curated: true, draft: true},
      /* facets (facets.js): actors on (none = every actor), datasets on, one province or '' */
      actors: [], datasets: datasets, province: ''
    };
  }
  G.defaultFilters = function () { return defaults(); };

  function asSet(value, keys) {
    var out = Object.create(null);  /* looked up with data values */
    var on = Array.isArray(value) ? value.map(String) : null;
    keys.forEach(function (k) {
      out[k] = on ? on.indexOf(String(k)) >= 0 : !!value[k];
    });
    return out;
  }

  /* Patch the filters and re-filter. Arrays list what is switched on:
   * geomap.setFilter({types: ['talks'], from: '2024-01-01', q: 'torkham'}). */
  G.setFilter = function (patch) {
    var f = G.filters;
    patch = patch || {};
    if (patch.reset) f = G.filters = defaults();
    if (patch.types) f.types = asSet(patch.types, G.types.map(function (t) { return t.id; }));
    if (patch.gp) f.gp = asSet(patch.gp, [1, 2, 3, 4]);
    if (patch.verified) f.verified = asSet(patch.verified, ['curated', 'draft']);
    if (patch.from) f.from = patch.from < G.minDate ? G.minDate : patch.from;
    if (patch.to) f.to = patch.to > G.maxDate ? G.maxDate : patch.to;
    if (f.from > f.to) { var x = f.from; f.from = f.to; f.to = x; }
    if (patch.q !== undefined) f.q = String(patch.q);
    if (patch.actors) f.actors = patch.actors.map(String);
    if (patch.datasets) f.datasets = asSet(patch.datasets, G.datasets);
    if (patch.province !== undefined) f.province = String(patch.province || '');
    G.apply();
  };

  function textMatch(ev, words) {
    /* the folded text is made on the first search, not at start (100k events) */
    var hay = ev._hay || (ev._hay = G.fold([ev.place, ev.admin1, ev.actor1, ev.actor2, ev.note,
      ev.sub, ev.id].join(' \u0001 ')));
    for (var i = 0; i < words.length; i++) {
      if (hay.indexOf(words[i]) < 0) return false;
    }
    return true;
  }

  /* The events' type, precision, status and dates as small typed arrays
   * (made once in run): the filter loop then reads numbers, which keeps a
   * filter change at 100k events in the tens of milliseconds. */
  function columns(events) {
    var n = events.length;
    var c = {type: new Uint16Array(n), gp: new Uint8Array(n), ver: new Uint16Array(n),
      s: new Float64Array(n), e: new Float64Array(n), typeNames: [], verNames: []};
    var tcode = Object.create(null), vcode = Object.create(null);
    function code(map, names, key) {
      if (map[key] === undefined) { map[key] = names.length; names.push(key); }
      return map[key];
    }
    for (var i = 0; i < n; i++) {
      var ev = events[i];
      ev._i = i;
      c.type[i] = code(tcode, c.typeNames, ev.type);
      c.ver[i] = code(vcode, c.verNames, ev.verified);
      c.gp[i] = ev.gp >= 0 && ev.gp < 256 ? ev.gp : 255;
      c.s[i] = G.dayNum(ev.start);
      c.e[i] = G.dayNum(ev.end);
    }
    c.visible = new Uint8Array(n);
    G.facetColumns(c, events);
    return c;
  }

  G.apply = function () {
    var f = G.filters;
    var words = G.fold(f.q).split(/\s+/).filter(Boolean);
    var fromN = G.dayNum(f.from), toN = G.dayNum(f.to);
    var c = G._cols;
    /* what is switched on, by code, as bytes: the loop below reads only
       typed arrays (columns hoisted into locals) */
    var typeOn = Uint8Array.from(c.typeNames, function (t) { return f.types[t] ? 1 : 0; });
    var verOn = Uint8Array.from(c.verNames, function (v) { return f.verified[v] ? 1 : 0; });
    var gpOn = new Uint8Array(256);
    for (var g = 0; g < 256; g++) gpOn[g] = f.gp[g] ? 1 : 0;
    var tn = new Float64Array(c.typeNames.length), vn = new Float64Array(c.verNames.length);
    /* facets (facets.js): each is counted over the events that pass every
       other filter, so a facet's own choice does not empty its counts */
    var fc = G.facetFilter(c, f);
    var dsOn = fc.dsOn, actOn = fc.actOn, prov = fc.prov;
    var a1 = c.a1, a2 = c.a2, ds = c.ds, adm = c.adm, bin = c.bin, fat = c.fat;
    var type = c.type, gp = c.gp, ver = c.ver, s = c.s, e = c.e;
    var nT = c.typeNames.length;
    var binN = fc.bins, actN = fc.actors, provN = fc.provinces, provF = fc.provFat, dsN = fc.datasets;
    var events = G.events, visible = [], flag = c.visible, search = words.length > 0;
    flag.fill(0);
    for (var i = 0; i < events.length; i++) {
      var t = type[i];
      if (!typeOn[t] || !gpOn[gp[i]] || !verOn[ver[i]] || !dsOn[ds[i]]) continue;
      if (search && !textMatch(events[i], words)) continue;
      /* bit 1: outside the dates, 2: no chosen actor, 4: another province */
      var x1 = a1[i], x2 = a2[i], p = adm[i];
      var miss = (e[i] < fromN || s[i] > toN ? 1 : 0) |
        (actOn && !actOn[x1 + 1] && !actOn[x2 + 1] ? 2 : 0) |
        (prov >= 0 && p !== prov ? 4 : 0);
      if ((miss & 6) === 0 && bin) binN[bin[i] * nT + t]++;
      if ((miss & 5) === 0) { actN[x1 + 1]++; if (x2 !== x1) actN[x2 + 1]++; }
      if ((miss & 3) === 0) { provN[p + 1]++; provF[p + 1] += fat[i]; }
      if (miss) continue;
      flag[i] = 1;
      visible.push(events[i]);
      tn[t]++;
      vn[ver[i]]++;
      dsN[ds[i]]++;
    }
    var counts = Object.create(null);
    var verified = Object.assign(Object.create(null), {curated: 0, draft: 0});
    G.types.forEach(function (t) { counts[t.id] = 0; });
    c.typeNames.forEach(function (t, k) { if (tn[k]) counts[t] = tn[k]; });
    c.verNames.forEach(function (v, k) { if (vn[k]) verified[v] = vn[k]; });
    G.visible = visible;
    G.counts = counts;
    G.verifiedCounts = verified;
    G.facetCounts = fc;
    G.emit('filter');
    if (G.selected && !(G.byUid[G.selected] && flag[G.byUid[G.selected]._i])) {
      G.deselect();
    }
    G.emit('state');
  };

  G.visibleIds = function () { return G.visible.map(function (ev) { return ev.uid; }); };

  /* ---- selection --------------------------------------------------------- */

  G.select = function (uid, opts) {
    if (!G.byUid[uid]) return false;
    G.selected = uid;
    G.emit('select', G.byUid[uid], opts || {});
    G.emit('state');
    return true;
  };
  G.deselect = function (opts) {
    if (!G.selected) return;
    G.selected = null;
    G.emit('deselect', opts || {});
    G.emit('state');
  };

  /* ---- start --------------------------------------------------------------- */

  /* Large maps carry their events gzip-compressed (base64) as columns
   * (render/payload.py compact_payload); small ones as readable JSON. */
  function inflate(b64) {
    var bin = atob(b64.replace(/\s+/g, ''));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text();
  }

  /* Columns back into the event objects the features use (same keys as the
   * readable payload); sources are shared objects from one table. Every
   * event is made by one object literal, so all share one shape (setting
   * 27 keys one by one on 100k empty objects is several times slower). */
  function expand(data) {
    var c = data.columns, n = data.n, table = data.sources || [];
    var uids = c.uid || {};
    function col(k) {
      var v = c[k];
      if (!v) return function () { return null; };
      if (Array.isArray(v)) return function (j) { return v[j]; };
      var values = v.values, index = v.index;
      return function (j) { return values[index[j]]; };
    }
    var id = col('id'), lat = col('lat'), lon = col('lon'), type = col('type'), sub = col('sub'),
      date = col('date'), dp = col('dp'), place = col('place'), country = col('country'),
      admin1 = col('admin1'), kind = col('kind'), actor1 = col('actor1'), actor2 = col('actor2'),
      note = col('note'), excerpt = col('excerpt'), verified = col('verified'), fat = col('fat'),
      fatLo = col('fat_lo'), fatHi = col('fat_hi'), inj = col('inj'), conf = col('conf'),
      gp = col('gp'), start = col('start'), end = col('end'), label = col('label'),
      shape = col('shape'), dataset = col('dataset'), src = c.sources || [];
    var events = new Array(n);
    for (var j = 0; j < n; j++) {
      var ids = src[j] || [];
      var sources = new Array(ids.length);
      for (var k = 0; k < ids.length; k++) sources[k] = table[ids[k]];
      events[j] = {
        uid: uids[j] || id(j), id: id(j), lat: lat(j), lon: lon(j), type: type(j), sub: sub(j),
        date: date(j), dp: dp(j), place: place(j), country: country(j), admin1: admin1(j),
        kind: kind(j), actor1: actor1(j), actor2: actor2(j), note: note(j), excerpt: excerpt(j),
        verified: verified(j), fat: fat(j), fat_lo: fatLo(j), fat_hi: fatHi(j), inj: inj(j),
        conf: conf(j), gp: gp(j), start: start(j), end: end(j), label: label(j),
        sources: sources, shape: shape(j), dataset: dataset(j)
      };
    }
    return {config: data.config, shapes: data.shapes, events: events};
  }

  G.timing = {};
  function start() {
    if (G.ready || G._starting || !pending.length) return;
    var node = document.getElementById('geomap-data');
    G.timing.start = performance.now();
    if (node && node.getAttribute('data-encoding') === 'gzip-base64-json') {
      if (typeof DecompressionStream === 'undefined') {
        document.body.appendChild(G.el('p', 'geomap-error',
          'This browser cannot unpack the map data (it needs DecompressionStream); ' +
          'please open the map in a current browser.'));
        return;
      }
      G._starting = true;
      inflate(node.textContent).then(function (text) {
        G.timing.inflated = performance.now();
        run(expand(JSON.parse(text)));
      });
      return;
    }
    run(G.readJSON('geomap-data') || {events: [], shapes: [], config: {}});
  }

  function run(data) {
    G.timing.parsed = performance.now();
    G.map = pending[0][1];
    G.config = data.config || {};
    G.types = G.config.types || [];
    G.typeById = Object.create(null);
    G.types.forEach(function (t) { G.typeById[t.id] = t; });
    G.shapes = data.shapes || [];
    G.events = data.events || [];
    G.addDataTypes(G.events);
    G.datasets = G.datasetsOf(G.events);
    G.byUid = Object.create(null);  /* ids come from data and the URL */
    G.events.forEach(function (ev) {
      G.byUid[ev.uid] = ev;
    });
    G.events.sort(function (a, b) {
      return a.start < b.start ? -1 : a.start > b.start ? 1 : (a.uid < b.uid ? -1 : 1);
    });
    G._cols = columns(G.events);
    var lo = null, hi = null;
    G.events.forEach(function (e) {
      if (lo === null || e.start < lo) lo = e.start;
      if (hi === null || e.end > hi) hi = e.end;
    });
    G.minDate = lo || '2000-01-01';
    G.maxDate = hi || G.minDate;
    G.filters = defaults();
    G.selected = null;
    G.timing.indexed = performance.now();
    pending.forEach(function (p) {
      if (!factories[p[0]]) throw new Error('geomap: unknown feature ' + p[0]);
      G.features[p[0]] = factories[p[0]](G, p[1], p[2]) || {};
      G.timing['feature:' + p[0]] = performance.now();
    });
    G.emit('init');
    G.timing.init = performance.now();
    G.apply();
    G.emit('start');
    G.ready = true;
    G.timing.ready = performance.now();
    document.documentElement.setAttribute('data-geomap-ready', '1');
  }

  /* The side panel (filters, list) left of the map; hidden in embed mode. */
  G.panel = function () {
    if (!G._panel) {
      var aside = G.el('aside', 'geomap-panel', null,
        {id: 'geomap-panel', 'aria-label': 'Filters and list of events'});
      var title = G.el('h1', 'geomap-title', G.config.title || 'geomap');
      aside.appendChild(title);
      if (G.config.subtitle) aside.appendChild(G.el('p', 'geomap-subtitle', G.config.subtitle));
      document.body.appendChild(aside);
      document.body.classList.add('geomap-with-panel');
      G._panel = aside;
      setTimeout(function () { G.map.invalidateSize(); }, 0);
    }
    return G._panel;
  };

  /* The one layers control all features add their layers to. */
  G.layersControl = function () {
    if (!G._control) {
      G._control = L.control.layers(null, null, {collapsed: true, position: 'topright'});
      G._control.addTo(G.map);
    }
    return G._control;
  };
})();
