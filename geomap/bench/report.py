"""The benchmark's results: machine info, target checks, the markdown table, bench.json."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

#: The floors of issue 6.
TARGETS = {
    "build_100k_s": 10.0,
    "html_100k_mb": 20.0,
    "ready_100k_s": 3.0,
    "filter_100k_ms": 100.0,
    "build_speedup_10k": 10.0,
    "html_shrink_10k": 3.0,
    "extract_mb_s_per_core": 1.0,
    "gazetteer_ready_s": 0.3,
    "import_ratio_100k": 1.5,
}


def machine_info() -> dict:
    """CPU model, cores, RAM, OS, Python, Chromium: what the numbers were measured on."""
    cpu = platform.processor() or ""
    ram_gb = None
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("MemTotal"):
                    ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                    break
    except OSError:
        pass
    from .browser import chromium_version

    try:
        import folium

        folium_version = folium.__version__
    except ImportError:  # pragma: no cover
        folium_version = None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover
        load = None
    return {
        "cpu": cpu,
        "cores": cores,
        "ram_gb": ram_gb,
        "load_avg_at_start": load,
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "chromium": chromium_version(),
        "folium": folium_version,
    }


def _fmt(v, unit: str = "", digits: int = 2) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, str):
        return v
    return f"{v:.{digits}f}{unit}"


def _cell(case: dict | None, key: str, scale: float = 1.0, digits: int = 2) -> str:
    """A number of a case, or why there is none (capped, failed, skipped)."""
    if case is None:
        return "-"
    status = case.get("status", "ok")
    v = case.get(key)
    if v is None:
        return status if status != "ok" else "-"
    return _fmt(v * scale, digits=digits)


def _yes(flag) -> str:
    return {True: "**yes**", False: "no"}.get(flag, "-")


def _build_cell(c: dict) -> str:
    """A build's seconds: the median, and with several runs their spread and the under-load flag."""
    cell = _cell(c, "build_s")
    r = c.get("build_s_range")
    if c.get("build_runs", 1) > 1 and r:
        cell += f" ({r[0]:.2f}-{r[1]:.2f}, {c['build_runs']} runs{', **under load**' if c.get('under_load') else ''})"
    return cell


def _ratio(a, b) -> str:
    if not a or not b:
        return "-"
    return f"{b / a:.1f}x"


def check_targets(results: dict) -> list[dict]:
    """Each floor of issue 6 with the measured value and met / missed."""
    t = TARGETS
    out = []

    def add(name, value, limit, ok, unit, under_load=None):
        # under_load: why the figure is not trustworthy (runs taken under load), shown beside the verdict
        out.append(
            {
                "target": name,
                "value": value,
                "limit": limit,
                "unit": unit,
                "met": None if value is None else bool(ok),
                "under_load": under_load,
            }
        )

    g = {c["events"]: c for c in results.get("maps", [])}
    big = g.get(100_000, {})
    gm = big.get("geomap", {})
    runs = gm.get("build_runs", 1)
    add(
        f"100k events: build ({f'median of {runs} processes' if runs > 1 else 'one process'})",
        gm.get("build_s"),
        t["build_100k_s"],
        (gm.get("build_s") or 1e9) <= t["build_100k_s"],
        "s",
        "under load" if gm.get("under_load") else None,
    )
    add(
        "100k events: HTML size",
        gm.get("html_mb"),
        t["html_100k_mb"],
        (gm.get("html_mb") or 1e9) <= t["html_100k_mb"],
        "MB",
    )
    add(
        "100k events: ready in Chromium",
        gm.get("ready_s"),
        t["ready_100k_s"],
        (gm.get("ready_s") or 1e9) <= t["ready_100k_s"],
        "s",
    )
    from .runner import FILTER_KEYS

    worst = max([v for v in (gm.get(k) for k in FILTER_KEYS) if v is not None], default=None)
    add(
        "100k events: filter change (worst of type, date, timeline drag, province view, actor, province)",
        worst,
        t["filter_100k_ms"],
        (worst or 1e9) <= t["filter_100k_ms"],
        "ms",
    )
    mid = g.get(10_000, {})
    gm, bl = mid.get("geomap", {}), mid.get("baseline", {})
    speed = (bl.get("build_s") / gm["build_s"]) if gm.get("build_s") and bl.get("build_s") else None
    add(
        "10k events: build vs baseline (speed-up)",
        speed,
        t["build_speedup_10k"],
        (speed or 0) >= t["build_speedup_10k"],
        "x",
    )
    mk = (bl.get("map_s") / gm["map_s"]) if gm.get("map_s") and bl.get("map_s") else None
    add(
        "10k events: map making alone vs baseline (speed-up; map_from_frame+save_html)",
        mk,
        t["build_speedup_10k"],
        (mk or 0) >= t["build_speedup_10k"],
        "x",
    )
    shrink = (bl.get("html_mb") / gm["html_mb"]) if gm.get("html_mb") and bl.get("html_mb") else None
    add(
        "10k events: HTML vs baseline (times smaller)",
        shrink,
        t["html_shrink_10k"],
        (shrink or 0) >= t["html_shrink_10k"],
        "x",
    )
    # (the archive-mix corpora; the all-incident one is shown, with no floor)
    slowest = min(
        (c for c in results.get("extraction", []) if c.get("mb_per_s")), key=lambda c: c["mb_per_s"], default={}
    )
    rate = slowest.get("mb_per_s")
    add(
        "extraction per core (slowest corpus)",
        rate,
        t["extract_mb_s_per_core"],
        (rate or 0) >= t["extract_mb_s_per_core"],
        "MB/s",
        "one run, under load" if slowest.get("under_load") else None,
    )
    imp = {c["events"]: c for c in results.get("import", [])}.get(100_000, {})
    add(
        "100k ACLED-format rows: build vs the same events in geomap's format (times slower)",
        imp.get("ratio"),
        t["import_ratio_100k"],
        (imp.get("ratio") or 1e9) <= t["import_ratio_100k"],
        "x",
    )
    gz = results.get("gazetteer", {})
    add(
        "gazetteer ready (default_chain + first lookup)",
        gz.get("ready_s"),
        t["gazetteer_ready_s"],
        (gz.get("ready_s") or 1e9) <= t["gazetteer_ready_s"],
        "s",
    )
    if results.get("scale"):
        from .scale import targets

        targets(results, add)
    return out


def markdown(results: dict) -> str:
    """The results as markdown: machine, maps table, extraction table, growth, targets."""
    m = results["machine"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['os']}, "
        f"Python {m['python']}, {m['chromium'] or 'no Chromium'}, folium {m['folium']}.",
        f"Run: {results.get('started', '')}, {results.get('total_s', 0):.0f} s in all; "
        f"load average at start {m.get('load_avg_at_start')}, at end "
        f"{results.get('load_avg_at_end')} (other work on the machine slows every figure).",
        "",
    ]
    if results.get("under_load"):
        lines += [
            "**Taken under load** (a load average above the cores, or other work taking half a core or more, "
            "while these ran): " + "; ".join(results["under_load"]) + ". Their wall-clock figures are not "
            "trustworthy; the CPU seconds and MB per CPU-s beside them move far less.",
            "",
        ]
    lines += [
        "| events | map | build s (process; median, min-max) | map s | peak MB | HTML MB | ready s "
        "| type toggle ms | date range ms |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for case in results.get("maps", []):
        for who in ("geomap", "baseline"):
            c = case.get(who)
            if c is None:
                continue
            lines.append(
                f"| {case['events']:,} | {who} | {_build_cell(c)} | {_cell(c, 'map_s')} "
                f"| {_cell(c, 'peak_mb', digits=0)} "
                f"| {_cell(c, 'html_mb', digits=1)} | {_cell(c, 'ready_s')} "
                f"| {_cell(c, 'type_toggle_ms', digits=0)} | {_cell(c, 'date_change_ms', digits=0)} |"
            )
    lines += [
        "",
        "geomap / baseline (how many times faster or smaller geomap is):",
        "",
        "| events | build (process) | map making | HTML | ready | type toggle |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for case in results.get("maps", []):
        g, b = case.get("geomap") or {}, case.get("baseline") or {}
        lines.append(
            f"| {case['events']:,} | {_ratio(g.get('build_s'), b.get('build_s'))} "
            f"| {_ratio(g.get('map_s'), b.get('map_s'))} "
            f"| {_ratio(g.get('html_mb'), b.get('html_mb'))} "
            f"| {_ratio(g.get('ready_s'), b.get('ready_s'))} "
            f"| {_ratio(g.get('type_toggle_ms'), b.get('type_toggle_ms'))} |"
        )
    figures = [(case["events"], case.get("geomap") or {}) for case in results.get("maps", [])]
    if any("figure_s" in g for _, g in figures):
        lines += ["", "| events | figure s (process) | SVG MB | PNG MB |", "| ---: | ---: | ---: | ---: |"]
        for n, g in figures:
            lines.append(
                f"| {n:,} | {_cell(g, 'figure_s')} | {_cell(g, 'svg_mb', digits=2)} | {_cell(g, 'png_mb', digits=2)} |"
            )
    ex = results.get("extraction", []) + results.get("extraction_all_incident", [])
    if ex:
        lines += [
            "",
            "| article text MB | articles reporting incidents | files | extract s | MB/s (1 core) "
            "| MB per CPU-s | peak MB | drafts | load before -> after | under load |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
        ]
        for c in ex:
            share = c.get("incident_share")
            lines.append(
                f"| {c['mb']:g} | {'-' if share is None else f'{share:.0%}'} | {c.get('files', '-')} "
                f"| {_cell(c, 'seconds')} "
                f"| {_cell(c, 'mb_per_s')} | {_cell(c, 'mb_per_cpu_s')} | {_cell(c, 'peak_mb', digits=0)} "
                f"| {c.get('drafts', '-')} | {c.get('load_before', '-')} -> {c.get('load_after', '-')} "
                f"| {_yes(c.get('under_load'))} |"
            )
    imports = results.get("import", [])
    if imports:
        lines += [
            "",
            "| rows | ACLED export build s (CPU s) | same events, geomap format build s "
            "(CPU s) | ratio (CPU) | geomap import s |",
            "| ---: | ---: | ---: | ---: | ---: |",
        ]
        for c in imports:
            a, o = c.get("acled") or {}, c.get("own") or {}
            lines.append(
                f"| {c['events']:,} | {_cell(a, 'build_s')} ({_cell(a, 'cpu_s')}) "
                f"| {_cell(o, 'build_s')} ({_cell(o, 'cpu_s')}) "
                f"| {_fmt(c.get('ratio'), 'x')} ({_fmt(c.get('cpu_ratio'), 'x')}) "
                f"| {_fmt(c.get('import_s'), ' s')} |"
            )
    gz = results.get("gazetteer")
    if gz:
        lines += [
            "",
            f"Gazetteer ready: default_chain() {_fmt(gz.get('chain_s'), ' s', 3)} + first "
            f"lookup {_fmt(gz.get('first_lookup_s'), ' s', 4)} = "
            f"{_fmt(gz.get('ready_s'), ' s', 3)}; PlaceFinder "
            f"{_fmt(gz.get('placefinder_s'), ' s', 3)}"
            + (f" (GeoNames index built once first: {gz['index_build_s']:.1f} s)" if gz.get("index_build_s") else "")
            + ".",
        ]
    from .scale import markdown as scale_markdown

    lines += scale_markdown(results)
    growth = results.get("growth", {})
    if growth:
        lines += ["", "Growth (fitted exponent k in cost ~ size^k; 1.0 is linear) and cost per unit:", ""]
        for name, g in growth.items():
            per = g.get("per_unit")
            lines.append(f"- {name}: k = {_fmt(g.get('exponent'))}" + (f"; {per}" if per else ""))
    lines += ["", "| target | measured | floor | met |", "| --- | ---: | ---: | --- |"]
    for t in results.get("targets", []):
        met = {True: "yes", False: "**no**", None: "not measured"}[t["met"]]
        if t.get("under_load") and t["met"] is not None:
            met += f" ({t['under_load']}: not trustworthy)"
        floor = _fmt(t["limit"]) if isinstance(t["limit"], bool) else f"{t['limit']} {t['unit']}"
        lines.append(f"| {t['target']} | {_fmt(t['value'], ' ' + t['unit'])} | {floor} | {met} |")
    return "\n".join(lines) + "\n"


def write_json(results: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
