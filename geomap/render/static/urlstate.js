/* UrlState: the view, the filters, the base layer and the selected event live
 * in the URL hash, so a copied link reproduces what the reader sees.
 * #map=zoom/lat/lon&types=a,b&from=YYYY-MM-DD&to=...&q=...&gp=1,2&v=draft&base=osm&event=ID
 * &actors=TTP|Pakistan&datasets=curated|UCDP%20GED&province=Kunar, and what the
 * features that register in G.hashExtras keep ({read(params), write(params)}:
 * view=provinces, size=fatalities, ...).
 * Only values that differ from the defaults are written. */
(function () {
  'use strict';
  var G = window.geomap;

  function list(s) { return s === '' ? [] : s.split(','); }

  G.define('urlstate', function (G, map, opts) {
    var writing = false;
    var restoring = false;

    function encode() {
      var f = G.filters;
      var d = G.defaultFilters();
      var p = new URLSearchParams();
      var c = map.getCenter();
      p.set('map', map.getZoom() + '/' + c.lat.toFixed(4) + '/' + c.lng.toFixed(4));
      function setOf(key, obj, all) {
        var on = Object.keys(obj).filter(function (k) { return obj[k]; });
        if (on.length !== all.length) p.set(key, on.join(','));
      }
      setOf('types', f.types, G.types);
      if (f.from !== d.from) p.set('from', f.from);
      if (f.to !== d.to) p.set('to', f.to);
      if (f.q) p.set('q', f.q);
      setOf('gp', f.gp, [1, 2, 3, 4]);
      setOf('v', f.verified, ['curated', 'draft']);
      if (f.actors.length) p.set('actors', G.joinNames(f.actors));
      var dsOn = G.datasets.filter(function (d) { return f.datasets[d]; });
      if (dsOn.length !== G.datasets.length) p.set('datasets', G.joinNames(dsOn));
      if (f.province) p.set('province', f.province);
      (G.hashExtras || []).forEach(function (x) { x.write(p); });
      if (G.baseLayer && G.baseLayer() !== 'offline') p.set('base', G.baseLayer());
      if (G.selected) p.set('event', G.selected);
      if (/(^#|&)embed=1(&|$)/.test(location.hash)) p.set('embed', '1');
      return '#' + p.toString();
    }

    function write() {
      if (restoring || !G.ready) return;
      var h = encode();
      if (h === location.hash) return;
      writing = true;
      history.replaceState(null, '', h);
      writing = false;
    }

    /* Apply a hash; returns whether it set the view. */
    function restore(hash) {
      var p = new URLSearchParams(String(hash || '').replace(/^#/, ''));
      restoring = true;
      var patch = {reset: true};
      if (p.has('types')) patch.types = list(p.get('types'));
      if (p.has('from')) patch.from = p.get('from');
      if (p.has('to')) patch.to = p.get('to');
      if (p.has('q')) patch.q = p.get('q');
      if (p.has('gp')) patch.gp = list(p.get('gp'));
      if (p.has('v')) patch.verified = list(p.get('v'));
      if (p.has('actors')) patch.actors = G.splitNames(p.get('actors'));
      if (p.has('datasets')) patch.datasets = G.splitNames(p.get('datasets'));
      if (p.has('province')) patch.province = p.get('province');
      (G.hashExtras || []).forEach(function (x) { x.read(p); });
      G.setFilter(patch);
      if (p.has('base') && G.baseLayer) G.baseLayer(p.get('base'));
      var view = false;
      var m = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(p.get('map') || '');
      if (m) {
        map.setView([+m[2], +m[3]], +m[1], {animate: false});
        view = true;
      }
      restoring = false;
      var ev = p.get('event');
      if (ev && G.byUid[ev]) {
        G.select(ev);
      } else if (G.selected) {
        G.deselect();
      }
      return view;
    }

    G.on('init', function () {
      if (opts.bounds) map.fitBounds(opts.bounds, {animate: false});
      restore(location.hash);
    });
    G.on('start', function () {
      map.on('moveend', function () { setTimeout(write, 0); });
      setTimeout(write, 0);
    });
    /* Filter changes come in bursts (a timeline drag, play, the sliders):
       the hash is written once the map's next frame is out, at most once
       per frame (replaceState costs several ms at 100k events, time the
       map's own update should get first); a page in the background, which
       gets no frames, still writes it within 250 ms. */
    var queued = false;
    function writeSoon() {
      if (queued) return;
      queued = true;
      var done = function () {
        if (!queued) return;
        queued = false;
        write();
      };
      requestAnimationFrame(function () { setTimeout(done, 0); });
      setTimeout(done, 250);
    }
    G.on('state', writeSoon);
    window.addEventListener('hashchange', function () {
      if (!writing) restore(location.hash);
    });
    G.restoreHash = restore;
    G.hashFor = encode;
    return {};
  });
})();
