/* OfflineBasemap: country polygons from geodata/ drawn as vector shapes, the
 * default base layer that needs no network; OpenStreetMap, a light map,
 * satellite imagery and terrain as alternatives (they need the network; when
 * their tiles fail, a note suggests the offline basemap). */
(function () {
  'use strict';
  var G = window.geomap;

  var TILES = [
    ['osm', 'OpenStreetMap', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      '&copy; OpenStreetMap contributors', 19],
    ['light', 'Light (CARTO)', 'https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png',
      '&copy; OpenStreetMap contributors &copy; CARTO', 19],
    ['satellite', 'Satellite (Esri)',
      'https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}',
      'Tiles &copy; Esri, Maxar, Earthstar Geographics', 18],
    ['terrain', 'Terrain (OpenTopoMap)', 'https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png',
      '&copy; OpenStreetMap contributors, SRTM &copy; OpenTopoMap (CC-BY-SA)', 17]
  ];

  G.define('basemap', function (G, map, opts) {
    var countries = G.readJSON('geomap-basemap');
    var control = G.layersControl();
    var bases = Object.create(null);  /* #base= comes from the URL */
    var focus = opts.focus || ['AF', 'PK'];
    var offline = L.layerGroup();
    if (countries) {
      var land = L.geoJSON(countries, {
        style: function (f) {
          var home = focus.indexOf(f.properties.iso_a2) >= 0;
          return {color: '#9d9486', weight: 1, fillColor: home ? '#f7f3ea' : '#e9e4d8', fillOpacity: 1};
        },
        interactive: false
      });
      offline.addLayer(land);
      land.eachLayer(function (layer) {
        var name = layer.feature.properties.name;
        if (!name) return;
        var center = layer.getBounds().getCenter();
        var label = L.tooltip({permanent: true, direction: 'center', className: 'geomap-country-label',
          interactive: false}).setLatLng(center).setContent(G.el('span', null, name));
        offline.addLayer(label);
      });
    }
    offline.getAttribution = function () { return opts.attribution || 'Natural Earth'; };
    bases.offline = offline;
    control.addBaseLayer(offline, 'Offline basemap (no network)');
    TILES.forEach(function (t) {
      var layer = L.tileLayer(t[2], {attribution: t[3], maxZoom: t[4], crossOrigin: false});
      layer.on('tileerror', function () { notice(); });
      bases[t[0]] = layer;
      control.addBaseLayer(layer, t[1]);
    });
    var current = 'offline';
    offline.addTo(map);
    map.getContainer().classList.add('geomap-offline-base');
    map.on('baselayerchange', function (e) {
      Object.keys(bases).forEach(function (k) { if (bases[k] === e.layer) current = k; });
      map.getContainer().classList.toggle('geomap-offline-base', current === 'offline');
      G.emit('state');
    });

    var noticeCtl = null;
    function notice() {
      if (noticeCtl) return;
      noticeCtl = L.control({position: 'bottomright'});
      noticeCtl.onAdd = function () {
        return G.el('div', 'geomap-notice leaflet-control',
          'Map tiles cannot be loaded (offline?). Choose "Offline basemap" in the layers menu.');
      };
      noticeCtl.addTo(map);
    }

    G.baseLayer = function (name) {
      if (name === undefined) return current;
      if (!bases[name] || name === current) return current;
      map.removeLayer(bases[current]);
      bases[name].addTo(map);  /* fires baselayerchange via the control */
      if (current !== name) {
        current = name;
        map.getContainer().classList.toggle('geomap-offline-base', current === 'offline');
      }
      return current;
    };
    return {bases: bases};
  });
})();
