/* Embed mode: map.html?embed=1 (or #embed=1) hides the side panel and shows
 * a compact legend on the map instead, for use in an <iframe>. */
(function () {
  'use strict';
  var G = window.geomap;

  G.isEmbedded = function () {
    var q = new URLSearchParams(location.search);
    return q.get('embed') === '1' || /(^#|&)embed=1(&|$)/.test(location.hash);
  };

  G.define('embed', function (G, map) {
    if (G.isEmbedded()) {
      document.body.classList.add('geomap-embed');
      setTimeout(function () { map.invalidateSize(); }, 0);
    }
    return {};
  });
})();
