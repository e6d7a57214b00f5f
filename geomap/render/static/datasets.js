/* DatasetFilter: one checkbox per value of the data's 'dataset' column
 * (curated, draft, each imported dataset: UCDP GED, ACLED, a file name),
 * with how many events of each are shown. Without that column an event's
 * dataset is its verification status (curated or draft). */
(function () {
  'use strict';
  var G = window.geomap;

  G.define('datasets', function (G, map, opts) {
    var form = G.filtersForm();
    var fs = G.fieldset(form, 'Datasets', 'geomap-datasets');
    var verified = form.querySelector('.geomap-verified');
    if (verified && verified.nextSibling) form.insertBefore(fs, verified.nextSibling);
    var inputs = new Map(), counts = new Map();
    var LABELS = new Map([['curated', 'Curated'], ['draft', 'Unverified drafts']]);
    G.datasets.forEach(function (d) {
      var label = G.el('label', 'geomap-check');
      var input = G.el('input', null, null, {type: 'checkbox', name: 'dataset'});
      input.value = d;
      input.checked = true;
      input.addEventListener('change', function () {
        G.setFilter({datasets: G.datasets.filter(function (x) { return inputs.get(x).checked; })});
      });
      label.appendChild(input);
      label.appendChild(G.el('span', 'geomap-check-label', LABELS.get(d) || d));
      var count = G.el('span', 'geomap-count', '0');
      label.appendChild(count);
      inputs.set(d, input);
      counts.set(d, count);
      fs.appendChild(label);
    });
    /* without imported datasets it would repeat the verification filter */
    fs.hidden = G.datasets.every(function (d) { return LABELS.has(d); });
    G.on('filter', function () {
      var n = G.facetCounts.datasets;
      G.datasets.forEach(function (d, k) {
        inputs.get(d).checked = !!G.filters.datasets[d];
        counts.get(d).textContent = String(n[k]);
      });
    });
    return {};
  });
})();
