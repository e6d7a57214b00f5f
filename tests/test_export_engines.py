"""The export engines write the same bytes (hypothesis), as geopandas tests its IO engines.

``events.geojson`` and ``events.csv`` each have a fast engine and a reference
one (``json.dumps`` of the GeoJSON dict, ``DataFrame.to_csv``); generated
frames carry hostile text (quotes, newlines, formula cells, unicode,
surrogate-free controls), NA cells of every kind, numbers with NaN and
infinities, points and lines.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point

from geomap import schema
from geomap.export import ENGINES, csv_text, geojson_text, write_csv, write_geojson

SETTINGS = dict(deadline=None, database=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])

# hostile pieces mixed into free text so that every case turns up often
HOSTILE = st.sampled_from(
    [
        '"',
        '""',
        ",",
        "\n",
        "\r\n",
        "\r",
        "=1+2",
        "+x",
        "-3",
        "@SUM(A1)",
        "\t",
        " =",
        "'",
        "\\",
        "\u202e",
        "\u0634\u0627\u0647",
        "\U0001f4a5",
        "\x00",
        "\x7f",
        "</script>",
        "NaN",
        "null",
        "  ",
    ]
)
TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=6)), max_size=4).map("".join)
NA = st.sampled_from([None, float("nan"), pd.NA])
FLOAT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=64), st.sampled_from([0.1, 70.25, -0.0, 1e-7, 1e16, 33.5])
)
COORD = st.tuples(st.floats(-180, 180), st.floats(-90, 90))
GEOMETRY = st.one_of(COORD.map(Point), st.lists(COORD, min_size=2, max_size=4).map(LineString))
SOURCE = st.fixed_dictionaries(
    {"source_id": TEXT, "publisher": TEXT, "title": TEXT, "url": st.one_of(st.just(""), TEXT)}
)
TYPE = st.sampled_from(schema.EVENT_TYPES)


@st.composite
def frames(draw) -> gpd.GeoDataFrame:
    n = draw(st.integers(0, 6))
    col = lambda strategy: draw(st.lists(strategy, min_size=n, max_size=n))  # noqa: E731
    data = {
        "event_id": col(TEXT),
        "event_type": col(TYPE),
        "sub_event_type": col(st.one_of(TEXT, st.sampled_from(["shelling", "closure", ""]))),
        "note": col(st.one_of(TEXT, NA)),
        "fatalities": col(st.one_of(FLOAT, st.just(float("nan")))),
        "count": col(st.integers(-(10**12), 10**12)),
        "sources_json": col(st.lists(SOURCE, max_size=3).map(json.dumps)),
    }
    frame = pd.DataFrame(data)
    frame["count"] = frame["count"].astype("int64")
    frame["fatalities"] = frame["fatalities"].astype("float64")
    if draw(st.booleans()):  # pandas' own string dtype, as read_csv may give
        frame["note"] = frame["note"].astype("string")
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(col(GEOMETRY), dtype="geometry"), crs="EPSG:4326")


@settings(**SETTINGS)
@given(frames())
@example(
    gpd.GeoDataFrame(
        {
            "event_id": ['a"b\n=c'],
            "event_type": ["explosion"],
            "sub_event_type": ["=1+2"],
            "note": [None],
            "fatalities": [math.nan],
            "count": [3],
            "sources_json": ['[{"source_id": "S1", "publisher": "@p", "title": "t\\n", "url": ""}]'],
        },
        geometry=[LineString([(70, 33), (71, 34)])],
        crs="EPSG:4326",
    )
)
def test_geojson_engines_write_the_same_bytes(gdf):
    assert geojson_text(gdf, engine="fast") == geojson_text(gdf, engine="reference")


@settings(**SETTINGS)
@given(frames())
def test_the_fast_files_are_their_text_in_pieces(gdf):
    import tempfile

    from geomap import export

    # pieces of two features or rows: every frame of a few rows is split somewhere
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as mp:
        mp.setattr(export, "_PART_ROWS", 2)
        path = write_geojson(gdf, Path(folder) / "events.geojson")
        assert path.read_bytes() == geojson_text(gdf, engine="reference").encode("utf-8")
        path = write_csv(gdf, Path(folder) / "events.csv")
        assert path.read_bytes() == csv_text(gdf, engine="reference").encode("utf-8")


@settings(**SETTINGS)
@given(frames())
def test_csv_engines_write_the_same_bytes(gdf):
    assert csv_text(gdf, engine="fast") == csv_text(gdf, engine="reference")


def test_the_reference_engines_are_the_obvious_code():
    gdf = gpd.GeoDataFrame(
        {
            "event_id": ["E"],
            "event_type": ["explosion"],
            "sub_event_type": [""],
            "note": ["-x"],
            "fatalities": [np.nan],
            "count": [1],
            "sources_json": ["[]"],
        },
        geometry=[Point(70.25, 33.5)],
        crs="EPSG:4326",
    )
    text = geojson_text(gdf, engine="reference")
    assert json.loads(text)["features"][0]["geometry"]["coordinates"] == [70.25, 33.5]
    assert csv_text(gdf, engine="reference").splitlines()[1].startswith("E,explosion,,'-x,,1,")


@pytest.mark.parametrize("writer", [write_geojson, write_csv])
def test_an_unknown_engine_is_refused(writer, tmp_path):
    gdf = gpd.GeoDataFrame({"sources_json": []}, geometry=[], crs="EPSG:4326")
    with pytest.raises(ValueError, match="unknown export engine 'pyogrio'"):
        writer(gdf, tmp_path / "x", engine="pyogrio")
    assert ENGINES == ("fast", "reference")


NO_CR = st.lists(st.one_of(HOSTILE.filter(lambda h: "\r" not in h), st.text(max_size=6)), max_size=4).map(
    lambda parts: "".join(parts).replace("\r", "")
)


@settings(**SETTINGS)
@given(
    st.integers(2, 5).flatmap(
        lambda ncols: st.integers(0, 6).flatmap(
            lambda nrows: st.lists(
                st.lists(st.one_of(NO_CR, st.integers(), st.none()), min_size=nrows, max_size=nrows),
                min_size=ncols,
                max_size=ncols,
            )
        )
    ),
    st.lists(NO_CR, min_size=5, max_size=5),
)
def test_csv_lines_are_what_the_csv_writer_writes(columns, names):
    """The column-wise CSV text of the fast engine, also where it applies (no carriage return)."""
    import csv
    import io

    from geomap.export import _csv_lines

    header = names[: len(columns)]
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(zip(*columns))
    assert _csv_lines([[h] for h in header], columns) == buf.getvalue()
