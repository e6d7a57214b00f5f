/* FilterPanel: type toggles (shape, colour, count of visible events), a date
 * range with a play button, free-text search, geo precision and curated/draft
 * filters. Native form controls with labels, so keyboards and screen readers
 * work; the live region announces how many events are shown. */
(function () {
  'use strict';
  var G = window.geomap;

  function checkbox(name, value, labelText, checked) {
    var label = G.el('label', 'geomap-check');
    var input = G.el('input', null, null, {type: 'checkbox', name: name, value: String(value)});
    input.checked = checked;
    label.appendChild(input);
    var text = G.el('span', 'geomap-check-label', labelText);
    label.appendChild(text);
    return {label: label, input: input, text: text};
  }

  function fieldset(parent, legendText, cls) {
    var fs = G.el('fieldset', 'geomap-fs ' + (cls || ''));
    fs.appendChild(G.el('legend', null, legendText));
    parent.appendChild(fs);
    return fs;
  }

  G.define('filters', function (G, map, opts) {
    var panel = G.panel();
    var form = G.el('form', 'geomap-filters', null, {role: 'search', 'aria-label': 'Filter events'});
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    panel.appendChild(form);

    var status = G.el('p', 'geomap-status', null, {'aria-live': 'polite', id: 'geomap-status'});
    form.appendChild(status);

    /* search */
    var searchId = 'geomap-search';
    form.appendChild(G.el('label', 'geomap-search-label', 'Search place, actors, notes', {'for': searchId}));
    var search = G.el('input', 'geomap-search', null,
      {type: 'search', id: searchId, placeholder: 'e.g. Torkham', autocomplete: 'off'});
    form.appendChild(search);
    var searchTimer = null;
    search.addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () { G.setFilter({q: search.value}); }, 120);
    });

    /* types */
    var typesFs = fieldset(form, 'Event types', 'geomap-types');
    var typeInputs = {};
    var typeCounts = {};
    var typeTotals = Object.create(null);
    G.events.forEach(function (ev) { typeTotals[ev.type] = (typeTotals[ev.type] || 0) + 1; });
    G.types.forEach(function (t) {
      var c = checkbox('type', t.id, t.label, true);
      c.label.insertBefore(G.glyph(t.id, 16, false), c.text);
      var count = G.el('span', 'geomap-count', '0', {'data-type': t.id});
      c.label.appendChild(count);
      c.label.setAttribute('data-type', t.id);
      c.input.addEventListener('change', function () {
        var on = G.types.filter(function (x) { return typeInputs[x.id].checked; })
          .map(function (x) { return x.id; });
        G.setFilter({types: on});
      });
      typeInputs[t.id] = c.input;
      typeCounts[t.id] = count;
      typesFs.appendChild(c.label);
    });
    var allNone = G.el('div', 'geomap-allnone');
    var allBtn = G.el('button', 'geomap-btn', 'All types', {type: 'button'});
    var noneBtn = G.el('button', 'geomap-btn', 'No types', {type: 'button'});
    allBtn.addEventListener('click', function () {
      G.setFilter({types: G.types.map(function (t) { return t.id; })});
    });
    noneBtn.addEventListener('click', function () { G.setFilter({types: []}); });
    allNone.appendChild(allBtn);
    allNone.appendChild(noneBtn);
    typesFs.appendChild(allNone);

    /* date range: two sliders over the days of the whole period */
    var dateFs = fieldset(form, 'Date range', 'geomap-dates');
    var min = G.dayNum(G.minDate);
    var max = G.dayNum(G.maxDate);
    function slider(id, labelText, value) {
      var wrap = G.el('div', 'geomap-slider');
      wrap.appendChild(G.el('label', null, labelText, {'for': id}));
      var input = G.el('input', null, null,
        {type: 'range', id: id, min: String(min), max: String(max), step: '1', value: String(value)});
      var out = G.el('output', null, null, {'for': id});
      wrap.appendChild(input);
      wrap.appendChild(out);
      dateFs.appendChild(wrap);
      return {input: input, out: out};
    }
    var from = slider('geomap-from', 'From', min);
    var to = slider('geomap-to', 'To', max);
    function onSlide() {
      var a = +from.input.value;
      var b = +to.input.value;
      if (a > b) {
        if (this === from.input) { to.input.value = a; b = a; } else { from.input.value = b; a = b; }
      }
      G.setFilter({from: G.dayStr(a), to: G.dayStr(b)});
    }
    from.input.addEventListener('input', onSlide);
    to.input.addEventListener('input', onSlide);

    var controls = G.el('div', 'geomap-play');
    var play = G.el('button', 'geomap-btn', '\u25B6 Play', {type: 'button', 'aria-pressed': 'false',
      title: 'Step the date window through time'});
    var reset = G.el('button', 'geomap-btn', 'Whole period', {type: 'button'});
    controls.appendChild(play);
    controls.appendChild(reset);
    dateFs.appendChild(controls);
    var timer = null;
    function stop() {
      clearInterval(timer);
      timer = null;
      play.textContent = '\u25B6 Play';
      play.setAttribute('aria-pressed', 'false');
    }
    play.addEventListener('click', function () {
      if (timer) { stop(); return; }
      var a = G.dayNum(G.filters.from);
      var b = G.dayNum(G.filters.to);
      var span = Math.max(1, max - min);
      var width = (b - a >= span) ? Math.max(1, Math.round(span / 6)) : b - a;
      var step = Math.max(1, Math.round(span / 60));
      if (b >= max) { a = min; }
      b = a + width;
      G.setFilter({from: G.dayStr(a), to: G.dayStr(Math.min(b, max))});
      play.textContent = '\u275A\u275A Pause';
      play.setAttribute('aria-pressed', 'true');
      timer = setInterval(function () {
        if (b >= max) { stop(); return; }
        a += step; b += step;
        G.setFilter({from: G.dayStr(a), to: G.dayStr(Math.min(b, max))});
      }, opts.playInterval || 600);
    });
    reset.addEventListener('click', function () {
      stop();
      G.setFilter({from: G.minDate, to: G.maxDate});
    });

    /* geo precision and verification */
    var gpFs = fieldset(form, 'Location precision', 'geomap-gp');
    var gpInputs = {};
    [1, 2, 3, 4].forEach(function (p) {
      var c = checkbox('gp', p, (G.config.precisions || {})[p] || String(p), true);
      c.input.addEventListener('change', function () {
        G.setFilter({gp: [1, 2, 3, 4].filter(function (x) { return gpInputs[x].checked; })});
      });
      gpInputs[p] = c.input;
      gpFs.appendChild(c.label);
    });
    var vFs = fieldset(form, 'Verification', 'geomap-verified');
    var vInputs = {};
    var vCounts = {};
    [['curated', 'Curated'], ['draft', 'Unverified drafts']].forEach(function (v) {
      var c = checkbox('verified', v[0], v[1], true);
      if (v[0] === 'draft') c.label.classList.add('geomap-draft-label');
      vCounts[v[0]] = G.el('span', 'geomap-count', '0', {'data-verified': v[0]});
      c.label.appendChild(vCounts[v[0]]);
      c.input.addEventListener('change', function () {
        G.setFilter({verified: ['curated', 'draft'].filter(function (x) { return vInputs[x].checked; })});
      });
      vInputs[v[0]] = c.input;
      vFs.appendChild(c.label);
    });
    var clearAll = G.el('button', 'geomap-btn geomap-reset', 'Reset all filters', {type: 'button'});
    clearAll.addEventListener('click', function () { stop(); G.setFilter({reset: true}); });
    form.appendChild(clearAll);

    /* compact legend on the map, shown only in embed mode (no side panel) */
    var legend = L.control({position: 'bottomleft'});
    var legendCounts = {};
    legend.onAdd = function () {
      var box = G.el('div', 'geomap-legend leaflet-control');
      G.types.forEach(function (t) {
        var item = G.el('div', 'geomap-legend-item');
        item.appendChild(G.glyph(t.id, 12, false));
        item.appendChild(G.el('span', null, t.label));
        legendCounts[t.id] = G.el('span', 'geomap-count', '0');
        item.appendChild(legendCounts[t.id]);
        box.appendChild(item);
      });
      return box;
    };
    legend.addTo(map);

    /* keep every control in step with the filters, whoever changed them */
    G.on('filter', function () {
      var f = G.filters;
      G.types.forEach(function (t) {
        typeInputs[t.id].checked = !!f.types[t.id];
        typeCounts[t.id].textContent = String(G.counts[t.id] || 0);
        typeCounts[t.id].setAttribute('aria-label',
          (G.counts[t.id] || 0) + ' of ' + (typeTotals[t.id] || 0) + ' shown');
        legendCounts[t.id].textContent = String(G.counts[t.id] || 0);
      });
      [1, 2, 3, 4].forEach(function (p) { gpInputs[p].checked = !!f.gp[p]; });
      ['curated', 'draft'].forEach(function (v) {
        vInputs[v].checked = !!f.verified[v];
        vCounts[v].textContent = String(G.verifiedCounts[v] || 0);
      });
      from.input.value = String(G.dayNum(f.from));
      to.input.value = String(G.dayNum(f.to));
      from.out.textContent = f.from;
      to.out.textContent = f.to;
      if (search.value !== f.q && document.activeElement !== search) search.value = f.q;
      status.textContent = G.visible.length + ' of ' + G.events.length + ' events shown';
    });
    return {stop: stop};
  });
})();
