/* EventList: the visible events sorted by date in the side panel; choosing
 * one flies to it and opens its popup. Long lists render in pages so 10k
 * events stay responsive. */
(function () {
  'use strict';
  var G = window.geomap;

  G.define('list', function (G, map, opts) {
    var pageSize = opts.pageSize || 200;
    var panel = G.panel();
    var section = G.el('section', 'geomap-list', null, {'aria-labelledby': 'geomap-list-head'});
    section.appendChild(G.el('h2', null, 'Events by date', {id: 'geomap-list-head'}));
    var ol = G.el('ol', 'geomap-items');
    section.appendChild(ol);
    var more = G.el('button', 'geomap-btn geomap-more', 'Show more', {type: 'button'});
    section.appendChild(more);
    panel.appendChild(section);
    var shown = 0;
    var items = Object.create(null);
    /* the items of the list before this filter change: an event still
       listed keeps its item (at 100k events a filter change would otherwise
       make 200 items again, most of them the same) */
    var before = Object.create(null);
    /* one glyph per type and status, cloned for each item */
    var glyphs = new Map();
    function glyph(ev) {
      var draft = ev.verified === 'draft';
      var key = (draft ? 'd:' : 'c:') + ev.type;
      if (!glyphs.has(key)) glyphs.set(key, G.glyph(ev.type, 14, draft));
      return glyphs.get(key).cloneNode(true);
    }

    function item(ev) {
      var li = before[ev.uid];
      if (li) {
        li.classList.remove('geomap-selected');  /* as a new item: mark() sets it */
        items[ev.uid] = li;
        return li;
      }
      li = G.el('li', 'geomap-item' + (ev.verified === 'draft' ? ' geomap-draft' : ''));
      var btn = G.el('button', 'geomap-item-btn', null, {type: 'button', 'data-uid': ev.uid});
      btn.appendChild(glyph(ev));
      btn.appendChild(G.el('span', 'geomap-item-date', ev.date));
      btn.appendChild(G.el('span', 'geomap-item-place', ev.place));
      var what = (ev.label || G.typeLabel(ev.type)) + (ev.verified === 'draft' ? ' (draft)' : '');
      btn.appendChild(G.el('span', 'geomap-item-type', what));
      btn.addEventListener('click', function () { G.select(ev.uid); });
      li.appendChild(btn);
      items[ev.uid] = li;
      return li;
    }

    function render(upto) {
      var frag = document.createDocumentFragment();
      for (var i = shown; i < Math.min(upto, G.visible.length); i++) frag.appendChild(item(G.visible[i]));
      ol.appendChild(frag);
      shown = Math.min(upto, G.visible.length);
      footer();
    }

    function footer() {
      more.hidden = shown >= G.visible.length;
      more.textContent = 'Show more (' + (G.visible.length - shown) + ' left)';
    }

    more.addEventListener('click', function () { render(shown + pageSize); });

    /* A filter change: the items of the first page, those already listed
       left in place (the list keeps date order, so only the items that
       leave or come in touch the document) */
    G.on('filter', function () {
      before = items;
      items = Object.create(null);
      shown = Math.min(pageSize, G.visible.length);
      var want = new Array(shown), kept = 0;
      for (var i = 0; i < shown; i++) {
        if (before[G.visible[i].uid]) kept++;
        want[i] = item(G.visible[i]);
      }
      if (kept < shown / 2) {
        /* mostly new: emptying the list beats removing items one by one */
        ol.textContent = '';
        var frag = document.createDocumentFragment();
        want.forEach(function (li) { frag.appendChild(li); });
        ol.appendChild(frag);
      } else {
        var keep = new Set(want);
        Array.prototype.slice.call(ol.children).forEach(function (li) {
          if (!keep.has(li)) ol.removeChild(li);
        });
        var at = ol.firstChild;
        for (i = 0; i < shown; i++) {
          if (at === want[i]) at = at.nextSibling;
          else ol.insertBefore(want[i], at);
        }
      }
      footer();
      before = Object.create(null);
    });

    function mark(uid) {
      Array.prototype.forEach.call(ol.querySelectorAll('.geomap-selected'), function (n) {
        n.classList.remove('geomap-selected');
      });
      if (!uid) return;
      var idx = G.visible.indexOf(G.byUid[uid]);
      /* an event further down than a few pages (a link to one event of
         200 000) is not listed: listing every event before it froze the
         page for minutes (each item laid out); its popup opens all the same */
      if (idx >= shown && idx < shown + 5 * pageSize) render(idx + 1);
      if (items[uid]) {
        items[uid].classList.add('geomap-selected');
        /* scroll only the panel: scrollIntoView also moves the map's
           ancestors and can stall for seconds with a spiderfied cluster */
        var box = items[uid].getBoundingClientRect();
        var pbox = panel.getBoundingClientRect();
        if (box.top < pbox.top) panel.scrollTop -= pbox.top - box.top + 8;
        else if (box.bottom > pbox.bottom) panel.scrollTop += box.bottom - pbox.bottom + 8;
      }
    }
    G.on('select', function (ev) { mark(ev.uid); });
    G.on('deselect', function () { mark(null); });
    return {};
  });
})();
