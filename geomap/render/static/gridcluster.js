/* GridCluster: clustering for very large maps (the page switches to it from
 * EventLayer's GRID_FROM events on, 5,000 by default).
 *
 * leaflet.markercluster keeps every marker in a tree over all zoom levels:
 * adding 100k markers takes seconds and so does every filter change. This
 * layer keeps the markers in a plain list and clusters, on each view or
 * filter change, only the markers inside the view, into a square grid at the
 * current zoom: one pass over typed arrays, a few milliseconds at 100k; only
 * the few hundred clusters and single markers in view are ever on the map.
 *
 * It offers the part of markercluster's API that events.js uses
 * (addLayers, removeLayers, clearLayers, hasLayer, getLayers,
 * getVisibleParent, zoomToShowLayer, options.chunkProgress), and setFlags,
 * a filter's flags by event index taken as they are (indexAll). The same
 * behaviour: a cluster shows its count and its mix of types; clicking it
 * zooms to its markers, or spreads them in a spiral when they share a place
 * or the map is at its last zoom.
 */
(function () {
  'use strict';
  var G = window.geomap;

  /* The event behind an item: the group holds events (or markers made for
   * them, whose geomapEvent is the event). */
  function evOf(item) { return item.geomapEvent || item; }

  G.GridCluster = L.Layer.extend({
    options: {maxClusterRadius: 40, iconCreateFunction: null, chunkProgress: null,
      markerFor: null, iconUpdateFunction: null},

    initialize: function (options) {
      L.setOptions(this, options);
      /* every item ever added gets an index into flat arrays: the binning
         loop then reads numbers, not objects */
      this._items = [];
      this._x = new Float64Array(1024);
      this._y = new Float64Array(1024);
      this._t = new Uint8Array(1024);
      this._f = new Float64Array(1024);  /* fatalities, summed per cluster */
      this._flag = new Uint8Array(1024);
      this._types = Object.create(null);
      this._shown = new Set(); /* markers now on the map on their own */
      this._clusterLayer = L.layerGroup();
      this._clusterMarkers = [];  /* cluster markers of the last render, reused by the next */
      this._spider = null;     /* {zoom, idx, markers, set, legs} */
    },

    onAdd: function (map) {
      this._clusterLayer.addTo(map);
      map.on('moveend', this._scheduled, this);
      map.on('zoomend', this._zoomed, this);
      this._render();
    },

    onRemove: function (map) {
      map.off('moveend', this._scheduled, this);
      map.off('zoomend', this._zoomed, this);
      this._unspiderfy(true);
      this._shown.forEach(function (m) { map.removeLayer(m); });
      this._shown.clear();
      this._clusterLayer.clearLayers();
      this._clusterMarkers = [];
      map.removeLayer(this._clusterLayer);
    },

    /* The marker of item i, made on first use by options.markerFor. */
    _marker: function (i) {
      var item = this._items[i];
      return this.options.markerFor ? this.options.markerFor(evOf(item)) : item;
    },

    _index: function (item) {
      var ev = evOf(item);
      if (ev._gcI !== undefined && this._items[ev._gcI] === ev) return ev._gcI;
      var i = this._items.length;
      if (i >= this._x.length) {
        var grow = function (a, T) { var b = new T(a.length * 2); b.set(a); return b; };
        this._x = grow(this._x, Float64Array);
        this._y = grow(this._y, Float64Array);
        this._t = grow(this._t, Uint8Array);
        this._f = grow(this._f, Float64Array);
        this._flag = grow(this._flag, Uint8Array);
      }
      this._items.push(ev);
      this._aligned = false;  /* until indexAll says otherwise */
      ev._gcI = i;
      var ll = ev.lat !== undefined ? L.latLng(ev.lat, ev.lon) : item.getLatLng();
      var p = L.CRS.EPSG3857.latLngToPoint(ll, 0);
      this._x[i] = p.x;
      this._y[i] = p.y;
      this._f[i] = ev.fat > 0 ? ev.fat : 0;
      var type = ev.type || '';
      if (this._types[type] === undefined) this._types[type] = Object.keys(this._types).length;
      this._t[i] = Math.min(this._types[type], 7);
      return i;
    },

    _home: function (i) { return L.CRS.EPSG3857.pointToLatLng(L.point(this._x[i], this._y[i]), 0); },

    /* Index these items first, in this order: item k of the list gets
       index k, so that setFlags can take flags by the list's positions. */
    indexAll: function (list) {
      for (var k = 0; k < list.length; k++) this._index(list[k]);
      this._aligned = this._items.length === list.length;
      return this;
    },

    /* Show the items whose flag is 1, hide the others (flags by the
       positions of the list given to indexAll): a filter change then costs
       one typed-array copy instead of adding and removing items one by one. */
    setFlags: function (flags) {
      if (!this._aligned || flags.length !== this._items.length) {
        throw new Error('GridCluster.setFlags: call indexAll with the same items first');
      }
      this._flag.set(flags);
      this._render();
      if (this.options.chunkProgress) this.options.chunkProgress(flags.length, flags.length, 0);
      return this;
    },

    addLayers: function (list) {
      for (var k = 0; k < list.length; k++) this._flag[this._index(list[k])] = 1;
      this._render();
      if (this.options.chunkProgress) this.options.chunkProgress(list.length, list.length, 0);
      return this;
    },

    /* Removing is usually followed by adding (a filter change): the view
       is redrawn once, by addLayers, or at the end of the current task. */
    removeLayers: function (list) {
      for (var k = 0; k < list.length; k++) this._flag[this._index(list[k])] = 0;
      this._later();
      return this;
    },

    clearLayers: function () {
      this._flag.fill(0);
      this._later();
      return this;
    },

    _later: function () {
      var self = this;
      if (this._pending) return;
      this._pending = true;
      Promise.resolve().then(function () { if (self._pending) self._render(); });
    },

    hasLayer: function (item) {
      var ev = evOf(item);
      return ev._gcI !== undefined && this._items[ev._gcI] === ev && !!this._flag[ev._gcI];
    },

    getLayers: function () {
      var out = [];
      for (var i = 0; i < this._items.length; i++) if (this._flag[i]) out.push(this._items[i]);
      return out;
    },

    getVisibleParent: function (item) {
      var i = this._index(item);
      var m = this._marker(i);
      if (this._shown.has(m)) return m;
      return this._parentOf(i);
    },

    /* Zoom until the item is on its own (or in a spiral), then call back. */
    zoomToShowLayer: function (item, callback) {
      var map = this._map;
      if (!map || !this.hasLayer(item)) return;
      var i = this._index(item);
      var m = this._marker(i);
      var self = this;
      var done = function () {
        if (self._shown.has(m)) { callback(); return; }
        var parent = self._parentOf(i);
        if (parent) {
          self._spiderfy(parent);
          if (self._shown.has(m)) callback();
        }
      };
      if (this._shown.has(m) && map.getBounds().contains(m.getLatLng())) { done(); return; }
      /* the first zoom at which the item's cell holds it alone, or the last one */
      var z = Math.max(map.getZoom(), 6);
      var maxZ = map.getMaxZoom();
      for (; z < maxZ; z++) {
        if (this._aloneAt(i, z)) break;
      }
      map.setView(this._home(i), z, {animate: false});
      this._render();
      done();
    },

    /* ---- internals ----------------------------------------------------- */

    _aloneAt: function (me, z) {
      var f = Math.pow(2, z) / this._cell();
      var X = this._x, Y = this._y, on = this._flag;
      var cx = Math.floor(X[me] * f), cy = Math.floor(Y[me] * f);
      for (var i = 0; i < this._items.length; i++) {
        if (on[i] && i !== me && Math.floor(X[i] * f) === cx && Math.floor(Y[i] * f) === cy) {
          return false;
        }
      }
      return true;
    },

    _cell: function () { return Math.max(20, this.options.maxClusterRadius * 1.5); },

    _zoomed: function () { this._unspiderfy(true); },

    _scheduled: function () {
      var self = this;
      if (this._frame) return;
      this._frame = L.Util.requestAnimFrame(function () { self._frame = null; self._render(); });
    },

    _render: function () {
      var map = this._map;
      this._pending = false;
      if (!map) return;
      var zoom = map.getZoom();
      var scale = Math.pow(2, zoom);
      var cell = this._cell();
      var pb = map.getPixelBounds();
      var pad = cell * 2;
      var x0 = pb.min.x - pad, y0 = pb.min.y - pad, x1 = pb.max.x + pad, y1 = pb.max.y + pad;
      var spider = this._spider;
      var on = this._flag;
      if (spider && (spider.zoom !== zoom || spider.idx.some(function (j) { return !on[j]; }))) {
        this._unspiderfy(true);
        spider = null;
      }
      /* Bin the items in view into the grid cells that cover the view, in
         typed arrays: a first pass counts per cell, a second lists each
         cell's items in one array (no object or array per cell or item:
         at 100k events those made a filter change allocate megabytes). */
      var self = this;
      var X = this._x, Y = this._y, T = this._t, F = this._f;
      var skip = spider ? spider.set : null;
      var gx0 = Math.floor(x0 / cell), gy0 = Math.floor(y0 / cell);
      var H = Math.floor(y1 / cell) - gy0 + 1;
      var nCells = (Math.floor(x1 / cell) - gx0 + 1) * H;
      var count = new Int32Array(nCells), per = new Int32Array(nCells * 8);
      var sx = new Float64Array(nCells), sy = new Float64Array(nCells), fat = new Float64Array(nCells);
      var n = this._items.length, inView = 0;
      /* the two item-sized arrays are kept from one render to the next
         (allocating them at every change made the garbage collector run
         during filter changes); a cluster's idx is a view into order, so
         it is valid until the next render (the spiral keeps a copy) */
      if (!this._cellOf || this._cellOf.length < n) {
        this._cellOf = new Int32Array(n);
        this._order = new Int32Array(n);
      }
      var cellOf = this._cellOf;
      for (var i = 0; i < n; i++) {
        cellOf[i] = -1;
        if (!on[i]) continue;
        var x = X[i] * scale, y = Y[i] * scale;
        if (x < x0 || x > x1 || y < y0 || y > y1) continue;
        if (skip && skip.has(i)) continue;
        var k = (Math.floor(x / cell) - gx0) * H + (Math.floor(y / cell) - gy0);
        cellOf[i] = k;
        count[k]++;
        fat[k] += F[i];
        sx[k] += x;
        sy[k] += y;
        per[k * 8 + T[i]]++;
        inView++;
      }
      var first = new Int32Array(nCells + 1);  /* cell k's items: order[first[k] .. first[k+1]) */
      for (k = 0; k < nCells; k++) first[k + 1] = first[k] + count[k];
      var order = this._order, fill = first.slice(0, nCells);
      for (i = 0; i < n; i++) if (cellOf[i] >= 0) order[fill[cellOf[i]]++] = i;
      var want = new Set();
      var clusters = [];
      var typeNames = Object.keys(this._types);
      for (k = 0; k < nCells; k++) {
        if (!count[k]) continue;
        if (count[k] === 1) { want.add(this._marker(order[first[k]])); continue; }
        var perByName = Object.create(null);
        for (var t = 0; t < typeNames.length; t++) {
          var m = per[k * 8 + Math.min(this._types[typeNames[t]], 7)];
          if (m) perByName[typeNames[t]] = m;
        }
        clusters.push({idx: order.subarray(first[k], first[k + 1]), sx: sx[k], sy: sy[k], fat: fat[k],
          perByName: perByName});
      }
      this._shown.forEach(function (m) {
        if (!want.has(m) && !(spider && spider.markers.indexOf(m) >= 0)) {
          map.removeLayer(m);
          self._shown.delete(m);
        }
      });
      want.forEach(function (m) {
        if (!self._shown.has(m)) { map.addLayer(m); self._shown.add(m); }
      });
      /* the cluster markers already on the map are moved and given their
         new icon rather than made again (making ~100 Leaflet markers was
         a large part of a filter change) */
      var old = this._clusterMarkers, fresh = [];
      clusters.forEach(function (c, j) {
        var at = map.unproject(L.point(c.sx / c.idx.length, c.sy / c.idx.length), zoom);
        var icon = self.options.iconCreateFunction(self._clusterFacade(c.idx, c.perByName, c.fat));
        var title = c.idx.length + ' events here; select to zoom in';
        var cm = old[j];
        if (cm) {
          self._retarget(cm, at, icon, title);
        } else {
          cm = L.marker(at, {icon: icon, keyboard: true, title: title});
          cm.on('click keypress', function (e) {
            if (e.type === 'keypress' && e.originalEvent && e.originalEvent.key !== 'Enter') return;
            self._clusterClicked(cm);
          });
        }
        cm._gridIdx = c.idx;
        /* (a spiderfied cluster's marker was taken off the layer) */
        if (!self._clusterLayer.hasLayer(cm)) self._clusterLayer.addLayer(cm);
        fresh.push(cm);
      });
      for (var j = clusters.length; j < old.length; j++) this._clusterLayer.removeLayer(old[j]);
      this._clusterMarkers = fresh;
    },

    /* Move cluster marker cm to ``at`` with ``icon`` and ``title``. An icon
       of the same class and size is updated on its element: by
       options.iconUpdateFunction(element, icon) when given (it returns
       false when it cannot), else its inner HTML (the ring and the count,
       made by iconCreateFunction from numbers and type colours) is replaced.
       Leaflet's setIcon would make the element again. */
    _retarget: function (cm, at, icon, title) {
      var was = cm.options.icon.options, now = icon.options, el = cm.getElement();
      var update = this.options.iconUpdateFunction;
      if (el && was.className === now.className && String(was.iconSize) === String(now.iconSize)) {
        if (was.html !== now.html && !(update && update(el, icon))) el.innerHTML = now.html;
        cm.options.icon = icon;
      } else {
        cm.setIcon(icon);
        el = cm.getElement();
      }
      if (cm.options.title !== title) {
        cm.options.title = title;
        if (el) el.title = title;
      }
      cm.setLatLng(at);
    },

    /* What iconCreateFunction expects of a markercluster cluster; the type
       counts come ready (geomapPer), the markers only when asked for. */
    _clusterFacade: function (idx, per, fat) {
      var self = this;
      return {getAllChildMarkers: function () {
        return Array.prototype.map.call(idx, function (j) { return self._marker(j); });
      },
        getChildCount: function () { return idx.length; }, geomapPer: per, geomapFat: fat};
    },

    /* The cluster marker now holding item i (found on demand: keeping a map
       of every item to its cluster costs more than the rare lookups). */
    _parentOf: function (i) {
      var found = null;
      this._clusterLayer.eachLayer(function (cm) {
        if (!found && cm._gridIdx && cm._gridIdx.indexOf(i) >= 0) found = cm;
      });
      return found;
    },

    _clusterClicked: function (cm) {
      var map = this._map;
      var idx = cm._gridIdx;
      var X = this._x, Y = this._y;
      var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      idx.forEach(function (j) {
        minX = Math.min(minX, X[j]); maxX = Math.max(maxX, X[j]);
        minY = Math.min(minY, Y[j]); maxY = Math.max(maxY, Y[j]);
      });
      var crs = L.CRS.EPSG3857;
      var bounds = L.latLngBounds(crs.pointToLatLng(L.point(minX, minY), 0),
        crs.pointToLatLng(L.point(maxX, maxY), 0));
      var samePlace = maxX - minX < 1e-7 && maxY - minY < 1e-7;
      if (samePlace || map.getZoom() >= map.getMaxZoom()) {
        this._spiderfy(cm);
      } else {
        var z = Math.min(map.getBoundsZoom(bounds), map.getMaxZoom());
        if (z <= map.getZoom()) z = map.getZoom() + 1;
        map.setView(bounds.getCenter(), z);
      }
    },

    /* Spread a cluster's markers on a spiral around it, with legs. */
    _spiderfy: function (cm) {
      var map = this._map;
      this._unspiderfy(true);
      var idx = cm._gridIdx;
      var zoom = map.getZoom();
      var center = map.project(cm.getLatLng(), zoom);
      var legs = L.layerGroup().addTo(map);
      var angle = 0, radius = 28, self = this;
      var markers = Array.prototype.map.call(idx, function (j, k) {
        var m = self._marker(j);
        /* Archimedean spiral: the distance between turns stays constant */
        if (k) { angle += 28 / radius + 0.0005 * k; radius += 28 / (2 * Math.PI) * (28 / radius); }
        var ll = map.unproject(center.add(L.point(Math.cos(angle) * radius,
          Math.sin(angle) * radius)), zoom);
        m.setLatLng(ll);
        L.polyline([cm.getLatLng(), ll], {color: '#333', weight: 1, opacity: 0.5,
          interactive: false}).addTo(legs);
        if (!self._shown.has(m)) { map.addLayer(m); self._shown.add(m); }
        return m;
      });
      this._clusterLayer.removeLayer(cm);
      idx = Array.from(idx);  /* a view into the grid's order array, which the next render reuses */
      this._spider = {zoom: zoom, idx: idx, markers: markers, set: new Set(idx), legs: legs};
    },

    _unspiderfy: function (noRender) {
      var s = this._spider;
      if (!s) return;
      this._spider = null;
      var map = this._map;
      var self = this;
      s.markers.forEach(function (m, k) {
        m.setLatLng(self._home(s.idx[k]));
        if (self._shown.has(m)) { map.removeLayer(m); self._shown.delete(m); }
      });
      if (map) map.removeLayer(s.legs);
      if (map && !noRender) this._render();
    }
  });
})();
