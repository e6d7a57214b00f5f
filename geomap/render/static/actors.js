/* ActorFilter in the side panel.
 *
 * Actors: every name of both actor columns, with how many events of the
 * current selection (all other filters applied) name it; a search box
 * narrows the list, several can be chosen (an event is shown when either of
 * its actors is chosen). Only the most frequent names and the matches of the
 * search are listed, so thousands of actors stay quick.
 */
(function () {
  'use strict';
  var G = window.geomap;

  G.define('actors', function (G, map, opts) {
    var c = G._cols;
    var names = c.actorNames;
    var folded = names.map(G.fold);
    var limit = opts.limit || 12;
    var form = G.filtersForm();
    var fs = G.fieldset(form, 'Actors', 'geomap-actors');
    /* right after the type filter, where readers look for "who" */
    var types = form.querySelector('.geomap-types');
    if (types && types.nextSibling) form.insertBefore(fs, types.nextSibling);
    var searchId = 'geomap-actor-search';
    fs.appendChild(G.el('label', 'geomap-search-label', 'Find an actor', {'for': searchId}));
    var search = G.el('input', 'geomap-search geomap-actor-search', null,
      {type: 'search', id: searchId, autocomplete: 'off', placeholder: 'e.g. TTP',
        'aria-controls': 'geomap-actor-list'});
    fs.appendChild(search);
    var list = G.el('ul', 'geomap-actor-list', null, {id: 'geomap-actor-list', 'aria-label': 'Actors'});
    fs.appendChild(list);
    var foot = G.el('div', 'geomap-actor-foot');
    var more = G.el('span', 'geomap-actor-more');
    var clear = G.el('button', 'geomap-btn geomap-actor-clear', 'All actors', {type: 'button'});
    foot.appendChild(more);
    foot.appendChild(clear);
    fs.appendChild(foot);

    function chosen() { return G.filters.actors; }

    function toggle(name, on) {
      var now = chosen().filter(function (a) { return a !== name; });
      if (on) now.push(name);
      G.setFilter({actors: now});
    }
    clear.addEventListener('click', function () { G.setFilter({actors: []}); });

    var timer = null;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(render, 80);
    });

    function render() {
      var counts = G.facetCounts.actors;   /* slot k+1: actor k */
      var sel = chosen();
      var isOn = new Set(sel);
      var words = G.fold(search.value).split(/\s+/).filter(Boolean);
      var picked = [];
      for (var k = 0; k < names.length; k++) {
        if (isOn.has(names[k])) continue;
        if (!words.length && !counts[k + 1]) continue;
        var ok = true;
        for (var w = 0; w < words.length && ok; w++) ok = folded[k].indexOf(words[w]) >= 0;
        if (ok) picked.push(k);
      }
      picked.sort(function (a, b) {
        return counts[b + 1] - counts[a + 1] || (names[a] < names[b] ? -1 : 1);
      });
      var shown = picked.slice(0, words.length ? limit * 3 : limit);
      var frag = document.createDocumentFragment();
      /* chosen actors first, always listed */
      sel.forEach(function (name) {
        var k = c.actorCode.get(name);
        frag.appendChild(item(name, k === undefined ? 0 : counts[k + 1], true));
      });
      shown.forEach(function (k) { frag.appendChild(item(names[k], counts[k + 1], false)); });
      list.textContent = '';
      list.appendChild(frag);
      var rest = picked.length - shown.length;
      more.textContent = rest > 0 ? rest + ' more' + (words.length ? ' match' : '') + '; search to find them'
        : (words.length && !picked.length ? 'No actor matches' : '');
      clear.hidden = !sel.length;
    }

    function item(name, count, on) {
      var li = G.el('li', 'geomap-actor' + (on ? ' geomap-actor-on' : ''));
      var label = G.el('label', 'geomap-check');
      var input = G.el('input', null, null, {type: 'checkbox', name: 'actor'});
      input.value = name;
      input.checked = on;
      input.addEventListener('change', function () { toggle(name, input.checked); });
      label.appendChild(input);
      label.appendChild(G.el('span', 'geomap-check-label', name));
      label.appendChild(G.el('span', 'geomap-count', String(count),
        {'aria-label': count + (count === 1 ? ' event' : ' events')}));
      li.appendChild(label);
      return li;
    }

    G.on('filter', render);
    return {render: render};
  });
})();
