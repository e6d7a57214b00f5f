/* Timeline under the map: events per week or per month (chosen by the
 * period's length), stacked by type in the type colours. It follows every
 * filter except the date range, which it shows and sets: drag across it to
 * choose a range, click a bar for that week or month, play to step a window
 * along it. Hovering (or the arrow keys) reads out a bar's counts.
 *
 * The bars are drawn on a canvas from the counts geomap.apply makes while it
 * filters (G.facetCounts.bins), so a filter change costs one pass over the
 * bins, not over the events. Text goes to the page with textContent only.
 */
(function () {
  'use strict';
  var G = window.geomap;
  var DAY = 86400000;

  /* Bins: weeks (starting Monday) or calendar months. */
  function binning(minN, maxN, maxWeeks) {
    if ((maxN - minN) / 7 <= maxWeeks) {
      var w0 = minN - (((minN - 4) % 7) + 7) % 7;  /* day 0 (1970-01-01) was a Thursday */
      return {
        unit: 'week',
        of: function (n) { return Math.floor((n - w0) / 7); },
        start: function (k) { return w0 + 7 * k; },
        end: function (k) { return w0 + 7 * k + 6; }
      };
    }
    var d0 = new Date(minN * DAY);
    var m0 = d0.getUTCFullYear() * 12 + d0.getUTCMonth();
    var startOf = function (k) {
      var m = m0 + k;
      return Math.round(Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY);
    };
    return {
      unit: 'month',
      of: function (n) { var d = new Date(n * DAY); return d.getUTCFullYear() * 12 + d.getUTCMonth() - m0; },
      start: startOf,
      end: function (k) { return startOf(k + 1) - 1; }
    };
  }

  G.define('timeline', function (G, map, opts) {
    var c = G._cols;
    var minN = G.dayNum(G.minDate), maxN = G.dayNum(G.maxDate);
    var bins = binning(minN, maxN, opts.maxWeeks || 130);
    var nBins = bins.of(maxN) + 1;
    /* each event's bin, by its first day (one Date per distinct day) */
    var binOfDay = new Map();
    var bin = new Uint16Array(G.events.length);
    for (var i = 0; i < G.events.length; i++) {
      var s = c.s[i];
      var k = binOfDay.get(s);
      if (k === undefined) { k = Math.max(0, Math.min(nBins - 1, bins.of(s))); binOfDay.set(s, k); }
      bin[i] = k;
    }
    c.bin = bin;
    c.nBins = nBins;

    var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    function binLabel(k) {
      var a = G.dayStr(bins.start(k));
      if (bins.unit === 'month') return MONTHS[+a.slice(5, 7) - 1] + ' ' + a.slice(0, 4);
      return 'Week of ' + a;
    }

    /* ---- DOM ---------------------------------------------------------- */
    var box = G.el('section', 'geomap-timeline', null,
      {id: 'geomap-timeline', 'aria-label': 'Timeline: events per ' + bins.unit});
    var head = G.el('div', 'geomap-tl-head');
    head.appendChild(G.el('span', 'geomap-tl-title', 'Events per ' + bins.unit));
    var play = G.el('button', 'geomap-btn geomap-tl-play', '\u25B6 Play',
      {type: 'button', 'aria-pressed': 'false', title: 'Step a date window along the timeline'});
    var whole = G.el('button', 'geomap-btn geomap-tl-whole', 'Whole period', {type: 'button'});
    head.appendChild(play);
    head.appendChild(whole);
    var readout = G.el('span', 'geomap-tl-readout', null, {'aria-live': 'polite', id: 'geomap-tl-readout'});
    head.appendChild(readout);
    box.appendChild(head);
    var plot = G.el('div', 'geomap-tl-plot', null, {
      tabindex: '0', role: 'group', 'aria-describedby': 'geomap-tl-help geomap-tl-readout',
      'aria-label': 'Timeline bars'
    });
    plot.appendChild(G.el('span', 'geomap-sr-only', 'Left and right arrows move between bars; ' +
      'Enter shows only that ' + bins.unit + '; Shift with an arrow extends the range; ' +
      'Escape shows the whole period.', {id: 'geomap-tl-help'}));
    var canvas = G.el('canvas', 'geomap-tl-canvas', null, {'aria-hidden': 'true'});
    plot.appendChild(canvas);
    var tip = G.el('div', 'geomap-tl-tip', null, {role: 'tooltip'});
    tip.hidden = true;
    plot.appendChild(tip);
    box.appendChild(plot);
    document.body.appendChild(box);
    document.body.classList.add('geomap-with-timeline');
    setTimeout(function () { map.invalidateSize(); size = null; draw(); }, 0);

    /* ---- drawing ------------------------------------------------------ */
    var PAD_L = 34, PAD_B = 16, PAD_T = 4;
    var cursor = -1;     /* bar chosen with the keyboard or the pointer */
    var anchor = -1;     /* where a Shift+arrow range started */
    /* the plot's size, read only when it changes: reading it after other
       features rebuilt their DOM would force a layout on every filter change */
    var size = null;
    function geometry() {
      if (!size) size = {w: plot.clientWidth, h: plot.clientHeight};
      return {w: size.w, h: size.h, bw: Math.max(0.5, (size.w - PAD_L - 4) / nBins)};
    }
    if (window.ResizeObserver) {
      new ResizeObserver(function () { size = null; draw(); }).observe(plot);
    }
    function range() {
      var f = G.filters;
      return [bins.of(Math.max(minN, G.dayNum(f.from))), bins.of(Math.min(maxN, G.dayNum(f.to)))];
    }
    function totals() {
      var counts = G.facetCounts.bins, nT = c.typeNames.length;
      var tot = new Float64Array(nBins), max = 0;
      for (var k = 0; k < nBins; k++) {
        var sum = 0;
        for (var t = 0; t < nT; t++) sum += counts[k * nT + t];
        tot[k] = sum;
        if (sum > max) max = sum;
      }
      return {tot: tot, max: max};
    }
    /* type codes (filter order) in legend order, with their colours */
    function typeOrder() {
      var out = [];
      G.types.forEach(function (t) {
        var k = c.typeNames.indexOf(t.id);
        if (k >= 0) out.push([k, t.color]);
      });
      return out;
    }
    var order = typeOrder();
    /* axis ticks [bar, label]: each new year (and month, for short
       periods); the bars never change, so they are found once */
    var ticks = [];
    for (var t = 0; t < nBins; t++) {
      var day = G.dayStr(bins.start(t));
      var prev = t ? G.dayStr(bins.start(t - 1)) : '';
      var newMonth = day.slice(0, 7) !== prev.slice(0, 7);
      if (day.slice(0, 4) !== prev.slice(0, 4)) ticks.push([t, day.slice(0, 4)]);
      else if (nBins < 30 && newMonth) ticks.push([t, MONTHS[+day.slice(5, 7) - 1]]);
    }

    function draw() {
      if (!G.facetCounts) return;
      var g = geometry();
      var dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(g.w * dpr) || canvas.height !== Math.round(g.h * dpr)) {
        canvas.width = Math.round(g.w * dpr);
        canvas.height = Math.round(g.h * dpr);
        canvas.style.width = g.w + 'px';
        canvas.style.height = g.h + 'px';
      }
      var ctx = canvas.getContext('2d');
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, g.w, g.h);
      var T = totals();
      var counts = G.facetCounts.bins, nT = c.typeNames.length;
      var plotH = g.h - PAD_B - PAD_T;
      var scale = T.max ? plotH / T.max : 0;
      var r = range();
      var whole = r[0] <= 0 && r[1] >= nBins - 1;
      if (!whole) {
        ctx.fillStyle = 'rgba(11, 83, 148, 0.10)';
        ctx.fillRect(PAD_L + r[0] * g.bw, PAD_T, (r[1] - r[0] + 1) * g.bw, plotH);
      }
      var gap = g.bw > 3 ? 1 : 0;
      var barW = Math.max(0.5, g.bw - gap);
      /* type by type (one colour set per type, not per bar), stacked: top[k]
         is where bar k's next segment goes; bars outside the range faded */
      var top = new Float64Array(nBins).fill(PAD_T + plotH);
      var k, x;
      for (var o = 0; o < order.length; o++) {
        ctx.fillStyle = order[o][1];
        for (var pass = 0; pass < 2; pass++) {
          ctx.globalAlpha = pass ? 0.28 : 1;
          for (k = 0; k < nBins; k++) {
            if ((k < r[0] || k > r[1]) !== (pass === 1)) continue;
            var v = counts[k * nT + order[o][0]];
            if (!v) continue;
            var hgt = v * scale;
            ctx.fillRect(PAD_L + k * g.bw, top[k] - hgt, barW, hgt);
            top[k] -= hgt;
          }
        }
      }
      ctx.globalAlpha = 1;
      /* axes: the largest bar's count, and year (or month) ticks */
      ctx.fillStyle = '#5b5b5b';
      ctx.font = '10px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      ctx.fillText(String(T.max), 2, PAD_T);
      ctx.fillText('0', 2, PAD_T + plotH - 10);
      ctx.strokeStyle = '#b9b4aa';
      ctx.beginPath();
      ctx.moveTo(PAD_L, PAD_T + plotH + 0.5);
      ctx.lineTo(g.w - 4, PAD_T + plotH + 0.5);
      ctx.stroke();
      var lastX = -1e9;
      ticks.forEach(function (tick) {
        x = PAD_L + tick[0] * g.bw;
        if (x - lastX < 34) return;
        ctx.fillRect(x, PAD_T + plotH, 1, 4);
        ctx.fillText(tick[1], x + 2, PAD_T + plotH + 3);
        lastX = x;
      });
      if (cursor >= 0) {
        ctx.strokeStyle = '#0b5394';
        ctx.lineWidth = 2;
        ctx.strokeRect(PAD_L + cursor * g.bw, PAD_T + 1, Math.max(2, g.bw), plotH - 1);
        ctx.lineWidth = 1;
      }
    }

    function describe(k) {
      var counts = G.facetCounts.bins, nT = c.typeNames.length, total = 0, parts = [];
      G.types.forEach(function (t) {
        var code = c.typeNames.indexOf(t.id);
        var v = code >= 0 ? counts[k * nT + code] : 0;
        total += v;
        if (v) parts.push(t.label + ' ' + v);
      });
      return binLabel(k) + ': ' + total + (total === 1 ? ' event' : ' events') +
        (parts.length ? ' (' + parts.join(', ') + ')' : '');
    }

    /* ---- choosing a range --------------------------------------------- */
    function choose(a, b) {
      var lo = Math.max(0, Math.min(a, b)), hi = Math.min(nBins - 1, Math.max(a, b));
      G.setFilter({from: G.dayStr(Math.max(minN, bins.start(lo))),
        to: G.dayStr(Math.min(maxN, bins.end(hi)))});
    }
    function wholePeriod() { G.setFilter({from: G.minDate, to: G.maxDate}); }

    function binAt(clientX) {
      var rect = plot.getBoundingClientRect();
      var k = Math.floor((clientX - rect.left - PAD_L) / geometry().bw);
      return Math.max(0, Math.min(nBins - 1, k));
    }
    var drag = null, frame = null;
    plot.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      stop();
      drag = {from: binAt(e.clientX), to: binAt(e.clientX), moved: false};
      plot.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    plot.addEventListener('pointermove', function (e) {
      var k = binAt(e.clientX);
      if (drag) {
        if (k !== drag.to) { drag.to = k; drag.moved = true; }
        if (!frame) {
          frame = requestAnimationFrame(function () {
            frame = null;
            if (drag) choose(drag.from, drag.to);
          });
        }
      }
      showTip(k, e.clientX);
    });
    plot.addEventListener('pointerup', function () {
      if (!drag) return;
      var d = drag;
      drag = null;
      var r = range();
      if (!d.moved && r[0] === d.from && r[1] === d.from) wholePeriod();
      else choose(d.from, d.to);
      cursor = d.to;
      draw();
    });
    plot.addEventListener('pointerleave', function () { tip.hidden = true; });

    function showTip(k, clientX) {
      var rect = plot.getBoundingClientRect();
      tip.textContent = describe(k);
      tip.hidden = false;
      var x = clientX - rect.left + 12;
      tip.style.left = Math.min(x, rect.width - tip.offsetWidth - 4) + 'px';
    }

    plot.addEventListener('keydown', function (e) {
      var r = range();
      if (cursor < 0) cursor = r[0];
      var k = cursor;
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        k = Math.max(0, Math.min(nBins - 1, k + (e.key === 'ArrowLeft' ? -1 : 1)));
        if (e.shiftKey) {
          if (anchor < 0) anchor = cursor;
          choose(anchor, k);
        } else {
          anchor = -1;
        }
      } else if (e.key === 'Home') { k = 0;
      } else if (e.key === 'End') { k = nBins - 1;
      } else if (e.key === 'Enter' || e.key === ' ') { choose(k, k);
      } else if (e.key === 'Escape') { wholePeriod();
      } else { return; }
      e.preventDefault();
      cursor = k;
      readout.textContent = describe(k);
      draw();
    });
    plot.addEventListener('blur', function () { cursor = -1; anchor = -1; draw(); });

    /* ---- play: a window of the current width steps one bar at a time -- */
    var player = G.player(play, opts.playInterval || 500);
    function stop() { player.stop(); }
    play.addEventListener('click', function () {
      if (player.running()) { stop(); return; }
      var r = range();
      var width = (r[0] <= 0 && r[1] >= nBins - 1) ? 0 : r[1] - r[0];
      var a = r[1] >= nBins - 1 || width === 0 ? 0 : r[0];
      choose(a, a + width);
      player.start(function () {
        if (a + width >= nBins - 1) return false;
        a += 1;
        choose(a, a + width);
        readout.textContent = describe(a + width);
        return true;
      });
    });
    whole.addEventListener('click', function () { stop(); wholePeriod(); });

    G.on('filter', draw);
    window.addEventListener('resize', function () { size = null; draw(); });

    var api = {unit: bins.unit, nBins: nBins, choose: choose, stop: stop, describe: describe,
      binStart: function (k) { return G.dayStr(bins.start(k)); }, binAt: binAt, element: box};
    G.timeline = api;
    return api;
  });
})();
