/* EventLayer: markers built in the browser from the one JSON blob, clustered
 * with leaflet.markercluster (shared places spiderfy), popups built with
 * textContent, uncertainty areas for province-level events and a highlight of
 * the Durand Line for border-wide events. */
(function () {
  'use strict';
  var G = window.geomap;

  var DATE_PRECISION = {day: 'exact day', week: 'within a week', month: 'month only'};

  function row(dl, term, value) {
    if (value === null || value === undefined || value === '') return;
    dl.appendChild(G.el('dt', null, term));
    dl.appendChild(G.el('dd', null, value));
  }

  function toll(ev, best, lo, hi) {
    if (lo !== null && hi !== null && lo !== hi) {
      return lo + '\u2013' + hi + (best !== null ? ' (best estimate ' + best + ')' : '') +
        ' \u2014 sources differ';
    }
    return best !== null ? String(best) : (lo !== null ? String(lo) : null);
  }

  /* The popup of one event, as DOM nodes (never HTML strings). */
  G.popup = function (ev) {
    var box = G.el('div', 'geomap-popup', null, {'data-uid': ev.uid});
    var head = G.el('div', 'gp-type');
    head.appendChild(G.glyph(ev.type, 14, ev.verified === 'draft'));
    head.appendChild(G.el('span', null, ev.label || G.typeLabel(ev.type)));
    if (ev.sub) head.appendChild(G.el('span', 'gp-sub', ev.sub.replace(/_/g, ' ')));
    box.appendChild(head);
    if (ev.verified === 'draft') {
      box.appendChild(G.el('div', 'gp-draft', 'Unverified draft' +
        (ev.conf !== null ? ' (extraction confidence ' + ev.conf + ')' : '')));
    }
    var where = ev.place + (ev.admin1 && ev.admin1 !== ev.place ? ', ' + ev.admin1 : '') +
      (ev.country ? ' (' + ev.country + ')' : '');
    box.appendChild(G.el('h3', 'gp-place', where));
    var dl = G.el('dl', 'gp-facts');
    row(dl, 'Date', ev.date + ' \u00b7 ' + (DATE_PRECISION[ev.dp] || ev.dp));
    row(dl, 'Place', (G.config.precisions || {})[ev.gp] || ('precision ' + ev.gp));
    row(dl, 'Actors', [ev.actor1, ev.actor2].filter(Boolean).join(' \u2194 '));
    row(dl, 'Killed', toll(ev, ev.fat, ev.fat_lo, ev.fat_hi));
    row(dl, 'Injured', ev.inj);
    row(dl, 'Event id', ev.id);
    // imported datasets: which one, its own type and precision codes
    if (ev.dataset && ev.dataset !== 'curated' && ev.dataset !== 'draft') {
      row(dl, 'Dataset', ev.dataset);
      row(dl, 'Original type', ev.otype);
      row(dl, 'Original precision', ev.oprec);
    }
    box.appendChild(dl);
    if (ev.note) box.appendChild(G.el('p', 'gp-note', ev.note));
    if (ev.details) {
      var more = {};
      try { more = JSON.parse(ev.details) || {}; } catch (e) { more = {'details': ev.details}; }
      var md = G.el('details', 'gp-details');
      md.appendChild(G.el('summary', null, 'Other columns'));
      var mdl = G.el('dl', 'gp-facts');
      Object.keys(more).forEach(function (k) { row(mdl, k, String(more[k])); });
      md.appendChild(mdl);
      box.appendChild(md);
    }
    if (ev.excerpt) {
      var det = G.el('details', 'gp-excerpt');
      det.appendChild(G.el('summary', null, 'Excerpt'));
      det.appendChild(G.el('blockquote', null, ev.excerpt));
      box.appendChild(det);
    }
    if (ev.sources && ev.sources.length) {
      box.appendChild(G.el('div', 'gp-src-head', ev.sources.length > 1 ? 'Sources' : 'Source'));
      var ul = G.el('ul', 'gp-sources');
      ev.sources.forEach(function (s) {
        var li = G.el('li', 'gp-source');
        li.appendChild(G.el('span', 'gp-publisher', s.publisher || s.source_id));
        li.appendChild(document.createTextNode(' \u2014 '));
        var url = G.safeUrl(s.url);
        var title = s.title || s.source_id;
        if (url) {
          var a = G.el('a', 'gp-title', title, {target: '_blank', rel: 'noopener noreferrer'});
          a.href = url;
          li.appendChild(a);
        } else {
          li.appendChild(G.el('span', 'gp-title', title));
        }
        if (s.published) li.appendChild(G.el('span', 'gp-published', ' (' + s.published + ')'));
        if (s.url && !url) {
          li.appendChild(G.el('span', 'gp-badurl', ' [link not shown: only http(s) links are allowed]'));
        }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    return box;
  };

  function iconFor(ev, cache) {
    /* size.js may size markers by fatalities */
    var px = G.markerSize ? G.markerSize(ev) : 22;
    var key = ev.type + (ev.verified === 'draft' ? ':d' : '') + ':' + px;
    if (!cache[key]) {
      var holder = document.createElement('div');
      holder.appendChild(G.glyph(ev.type, px, ev.verified === 'draft'));
      cache[key] = L.divIcon({
        html: holder.innerHTML,  /* our own constant SVG, no event data */
        className: 'geomap-marker geomap-t-' + ev.type + (ev.verified === 'draft' ? ' geomap-draft' : ''),
        iconSize: [px, px], iconAnchor: [px / 2, px / 2], popupAnchor: [0, 1 - px / 2]
      });
    }
    return cache[key];
  }

  /* Cluster bubble: count over a ring showing the mix of types inside. */
  function clusterIcon(cluster) {
    var per = cluster.geomapPer;  /* the grid counts types while it bins */
    if (!per) {
      per = Object.create(null);  /* keyed by data: no prototype (issue 11) */
      cluster.getAllChildMarkers().forEach(function (m) {
        per[m.geomapEvent.type] = (per[m.geomapEvent.type] || 0) + 1;
      });
    }
    var n = cluster.getChildCount();
    var at = 0;
    var stops = [];
    G.types.forEach(function (t) {
      if (!per[t.id]) return;
      var from = at;
      at += 360 * per[t.id] / n;
      stops.push(t.color + ' ' + from.toFixed(1) + 'deg ' + at.toFixed(1) + 'deg');
    });
    var size = n < 10 ? 34 : n < 100 ? 40 : 48;
    var label = String(n);
    /* size.js: by fatalities, a cluster is sized by (and shows) the sum of its events' */
    var look = G.clusterLook ? G.clusterLook(cluster) : null;
    if (look) { size = look.size; label = look.label; }
    var ring = 'conic-gradient(' + stops.join(',') + ')';
    return L.divIcon({
      html: '<div class="geomap-cluster-ring" style="background:' + ring + '"><span>' + label + '</span></div>',
      className: 'geomap-cluster' + (look ? ' geomap-cluster-sized' : ''), iconSize: [size, size],
      geomapRing: ring, geomapLabel: label
    });
  }

  /* The grid moves its cluster markers on a filter change: their ring and
     count are set on the element clusterIcon made, without parsing HTML. */
  function clusterIconUpdate(el, icon) {
    var ring = el.firstChild, span = ring && ring.firstChild;
    if (!span || icon.options.geomapRing === undefined) return false;
    ring.style.background = icon.options.geomapRing;
    span.textContent = icon.options.geomapLabel;
    return true;
  }

  G.define('events', function (G, map, opts) {
    var icons = Object.create(null);
    var markers = Object.create(null);  /* by uid: data, so no prototype */
    /* the licence line of each imported dataset (Leaflet reads attributions as HTML) */
    ((G.config && G.config.licences) || []).forEach(function (text) {
      if (!map.attributionControl) return;
      map.attributionControl.addAttribution(String(text).replace(/[&<>"']/g, function (c) {
        return '&#' + c.charCodeAt(0) + ';';
      }));
    });
    /* readers who ask for less motion get jumps instead of flights */
    var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    /* markercluster adds large sets in chunks (the page stays responsive);
       'rendered' tells when the last chunk of a filter change is on the map:
       the signal tests and the benchmark wait for. */
    var cluster = opts.engine === 'grid' ? new G.GridCluster({
      maxClusterRadius: opts.clusterRadius || 40, iconCreateFunction: clusterIcon,
      iconUpdateFunction: clusterIconUpdate
    }) : L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
      maxClusterRadius: opts.clusterRadius || 40, iconCreateFunction: clusterIcon
    });
    G.engine = opts.engine === 'grid' ? 'grid' : 'markercluster';
    var uncertainty = L.layerGroup();
    var highlight = L.layerGroup().addTo(map);
    var provinces = Object.create(null);  /* a place may be called __proto__ */
    var ref = G.readJSON('geomap-ref') || {};
    if (ref.provinces) {
      ref.provinces.features.forEach(function (f) {
        provinces[G.fold(f.properties.name)] = f;
      });
    }
    var grid = G.engine === 'grid';
    /* markercluster wants every marker up front; the grid makes a marker
       only when its event is first shown on its own (100k markers cost
       over a second to make) */
    function markerOf(ev) { return markers[ev.uid] || makeMarker(ev); }
    function makeMarker(ev) {
      var m = L.marker([ev.lat, ev.lon], {
        icon: iconFor(ev, icons), keyboard: true,
        title: G.typeLabel(ev.type) + ': ' + ev.place + ', ' + ev.date
      });
      m.geomapEvent = ev;
      m.bindPopup(function () { return G.popup(ev); },
        {maxWidth: 340, minWidth: 240, autoPanPadding: [40, 40]});
      m.on('popupopen', function () {
        if (G.selected !== ev.uid) G.select(ev.uid, {fromMap: true});
        showShape(ev);
      });
      m.on('popupclose', function () {
        highlight.clearLayers();
        if (G.selected === ev.uid) G.deselect({fromMap: true});
      });
      markers[ev.uid] = m;
      return m;
    }
    if (grid) {
      cluster.options.markerFor = markerOf;
      /* the grid's item k is event k: a filter change hands it the filter's
         flags (G._cols.visible) as they are */
      cluster.indexAll(G.events);
    } else {
      G.events.forEach(makeMarker);
    }
    /* markercluster computes its cluster bounds only once a chunked load
       is complete; a pan or zoom before that (the side panel resizing the
       map, a reader who is quick) makes it throw. Hold those until the load
       is in, then let it catch up. */
    var held = {};
    ['_moveEnd', '_zoomEnd'].forEach(function (name) {
      var orig = cluster[name];
      if (typeof orig !== 'function') return;
      cluster[name] = function () {
        if (loading) { held[name] = orig; return; }
        return orig.apply(cluster, arguments);
      };
    });
    function release() {
      ['_zoomEnd', '_moveEnd'].forEach(function (name) {
        if (held[name]) { var f = held[name]; held[name] = null; f.call(cluster); }
      });
    }
    cluster.addTo(map);
    uncertainty.addTo(map);
    G.layersControl().addOverlay(uncertainty, 'Uncertainty of province-level events');

    /* Province-level events: the province's shape if we have it, else a circle. */
    function areaOf(ev) {
      var prov = provinces[G.fold(ev.admin1)] || provinces[G.fold(ev.place)];
      var style = {color: (G.typeById[ev.type] || {}).color || '#555', weight: 1,
        opacity: 0.6, fillOpacity: 0.08, dashArray: '4 3', interactive: false};
      if (prov) return L.geoJSON(prov, {style: style, interactive: false});
      return L.circle([ev.lat, ev.lon], L.extend({radius: opts.provinceRadius || 60000}, style));
    }

    function showShape(ev) {
      highlight.clearLayers();
      if (ev.gp === 3) areaOf(ev).addTo(highlight);
      if (ev.shape !== null && ev.shape !== undefined && G.shapes[ev.shape]) {
        L.geoJSON(G.shapes[ev.shape], {
          style: {color: '#ffbf00', weight: 9, opacity: 0.75, lineCap: 'round'},
          interactive: false, className: 'geomap-highlight'
        }).addTo(highlight);
      }
    }

    /* Filter changes move only the difference in or out of the cluster
     * (a type toggle at 100k events touches a fifth of the markers, not all
     * of them). markercluster cannot cancel a chunked load, and clearing it
     * mid-load breaks it, so a change that comes while chunks are still
     * going in waits and then applies the latest filters. */
    var areaLayers = Object.create(null);  /* uncertainty shapes now drawn, by area and type */
    var maxAreas = opts.maxAreas || 300;
    var onMap = [];          /* markers now in the cluster */
    var on = new Uint8Array(G.events.length);  /* the same, by event index */
    /* the cluster holds markers, the grid holds the events themselves */
    var byIndex = grid ? G.events : G.events.map(function (ev) { return markers[ev.uid]; });
    function indexOf(item) { return (item.geomapEvent || item)._i; }
    var loading = false;
    var again = false;
    var afterLoad = null;

    function loaded() {
      if (!loading) return;
      loading = false;
      release();
      if (again) { again = false; sync(); return; }
      G.rendered = true;
      if (!G.timing.rendered) G.timing.rendered = performance.now();
      var count = grid ? G.visible.length : onMap.length;
      document.documentElement.setAttribute('data-geomap-rendered', String(count));
      G.emit('rendered', count);
      if (afterLoad) { var f = afterLoad; afterLoad = null; f(); }
    }
    /* markercluster reports the last chunk before it computes the bounds
       and draws the clusters; 'rendered' comes after that. */
    cluster.options.chunkProgress = function (done, total) {
      if (done >= total && loading) setTimeout(loaded, 0);
    };

    /* The uncertainty areas of the visible province-level events: one shape
       per area and type (thousands of events share a few). Past maxAreas
       distinct areas (thousands of province-level events at distinct
       points) none are drawn: thousands of overlapping 60 km shapes froze
       the page for seconds per zoom; the opened event still shows its own.
       Reads the typed columns, and stops counting once past maxAreas. */
    var areaKey = new Array(G.events.length);  /* by event index, made on first use */
    function visibleAreas() {
      var areas = Object.create(null), n = 0;
      var vis = G._cols.visible, gp = G._cols.gp, events = G.events;
      for (var i = 0; i < events.length; i++) {
        if (!vis[i] || gp[i] !== 3) continue;
        var ev = events[i];
        var akey = areaKey[i] ||
          (areaKey[i] = ev.type + '|' + ev.admin1 + '|' + ev.place + '|' + ev.lat + ',' + ev.lon);
        if (areas[akey]) continue;
        areas[akey] = ev;
        if (++n > maxAreas) return Object.create(null);
      }
      return areas;
    }

    function sync() {
      if (loading) { again = true; return; }
      G.rendered = false;
      var vis = G._cols.visible;  /* 1 where the event passes the filters, by event index */
      var areas = visibleAreas();
      var areaKeys = Object.keys(areas);
      Object.keys(areaLayers).forEach(function (k) {
        if (!areas[k]) { uncertainty.removeLayer(areaLayers[k]); delete areaLayers[k]; }
      });
      areaKeys.forEach(function (k) {
        if (!areaLayers[k]) uncertainty.addLayer(areaLayers[k] = areaOf(areas[k]));
      });
      G.areasShown = areaKeys.length;
      if (grid) {
        loading = true;
        cluster.setFlags(vis);  /* calls chunkProgress: 'rendered' follows */
        if (!cluster._map) loaded();
        return;
      }
      var add = [];
      var keep = [];
      var i, m;
      for (i = 0; i < G.visible.length; i++) {
        if (!on[G.visible[i]._i]) add.push(byIndex[G.visible[i]._i]);
      }
      var remove = [];
      for (i = 0; i < onMap.length; i++) {
        m = onMap[i];
        if (vis[indexOf(m)]) keep.push(m); else { remove.push(m); on[indexOf(m)] = 0; }
      }
      if (remove.length && remove.length >= keep.length) {
        /* mostly new: rebuilding beats removing one by one */
        cluster.clearLayers();
        add = add.concat(keep);
        onMap = add.slice();
      } else {
        if (remove.length) cluster.removeLayers(remove);
        onMap = keep.concat(add);
      }
      for (i = 0; i < add.length; i++) on[indexOf(add[i])] = 1;
      loading = true;
      if (!cluster._map) { cluster.addLayers(add); loaded(); return; }
      cluster.addLayers(add);  /* calls chunkProgress when the last chunk is in */
    }
    G.on('filter', sync);

    G.on('select', function show(ev, o) {
      if (o.fromMap) return;
      if (loading) {
        /* the marker may still be on its way into the cluster */
        afterLoad = function () { if (G.selected === ev.uid) show(ev, o); };
        return;
      }
      var m = markerOf(ev);
      if (!cluster.hasLayer(m)) return;
      showShape(ev);
      if (ev.gp === 4 && ev.shape !== null && ev.shape !== undefined && G.shapes[ev.shape]) {
        fitShape(ev, m);
        return;
      }
      var open = function () { if (!m.isPopupOpen()) m.openPopup(); };
      var inView = map.getBounds().pad(-0.1).contains(m.getLatLng());
      if (inView && cluster.getVisibleParent(m) === m) {
        open();
      } else if (inView) {
        /* zooms into the cluster, spiderfying a shared place */
        cluster.zoomToShowLayer(m, open);
      } else {
        /* far away (Doha, Istanbul): fly there at a readable zoom first */
        var zoom = Math.min(Math.max(map.getZoom(), 6), opts.selectZoom || 9);
        if (still) {
          map.setView(m.getLatLng(), zoom, {animate: false});
          cluster.zoomToShowLayer(m, open);
        } else {
          map.once('moveend', function () { cluster.zoomToShowLayer(m, open); });
          map.flyTo(m.getLatLng(), zoom, {duration: 0.7});
        }
      }
    });
    /* A whole-border event: the view fits its line (the Durand Line), and
       its popup opens at its marker without panning away from it. */
    function fitShape(ev, m) {
      map.fitBounds(L.geoJSON(G.shapes[ev.shape]).getBounds(), {animate: false, padding: [16, 16]});
      var pop = L.popup({maxWidth: 340, minWidth: 240, autoPan: false, className: 'geomap-shape-popup'})
        .setLatLng(m.getLatLng()).setContent(G.popup(ev));
      pop.on('remove', function () {
        highlight.clearLayers();
        if (G.selected === ev.uid) G.deselect({fromMap: true});
      });
      pop.openOn(map);
      showShape(ev);
    }

    G.on('deselect', function (o) {
      highlight.clearLayers();
      if (!o.fromMap) map.closePopup();
    });

    /* Test hooks: markers per type, on the map (in clusters) or overall. */
    G.markerCounts = function (all) {
      var out = Object.create(null);
      var list = all ? G.events : cluster.getLayers();
      list.forEach(function (m) {
        var type = (m.geomapEvent || m).type;
        out[type] = (out[type] || 0) + 1;
      });
      return out;
    };
    G.marker = function (uid) { return G.byUid[uid] ? markerOf(G.byUid[uid]) : undefined; };
    /* new icons for every marker made so far (the marker size changed) */
    G.refreshMarkers = function () {
      Object.keys(markers).forEach(function (uid) {
        markers[uid].setIcon(iconFor(markers[uid].geomapEvent, icons));
      });
      if (grid) cluster._render(); else cluster.refreshClusters();
    };
    G.cluster = cluster;
    G.uncertainty = uncertainty;
    G.highlight = highlight;
    return {cluster: cluster, markers: markers};
  });
})();
