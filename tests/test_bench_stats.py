"""The statistics of repeated benchmark runs, on fixed numbers (no clock is read)."""

import pytest

from geomap.bench.stats import (
    OTHERS_LIMIT,
    Sample,
    fmt_range,
    median,
    others_cores,
    pair_ratios,
    run_record,
    spread,
    under_load,
)


def test_median_and_spread_skip_missing_values():
    assert median([3.0, None, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert median([None]) is None and spread([]) is None
    assert spread([2.0, 0.5, None, 1.0]) == [0.5, 2.0]


def test_pair_ratios_are_per_repetition_and_tolerate_a_missing_run():
    assert pair_ratios([20.0, 24.0, 18.0], [10.0, 12.0, None]) == [2.0, 2.0, None]


def test_other_work_is_the_machines_busy_time_less_the_runs_own():
    # 10 s of wall, the machine busy 30 CPU-s, the run itself 18: others took 1.2 cores
    assert others_cores(Sample(5.0, 0.3, 100.0), Sample(15.0, 1.0, 130.0), 18.0) == pytest.approx(1.2)
    # never negative (the run's own clock and the machine's tick apart)
    assert others_cores(Sample(0.0, 0.3, 100.0), Sample(10.0, 1.0, 109.0), 9.5) == 0.0
    # without /proc/stat there is no figure, not a zero
    assert others_cores(Sample(0.0, 0.3, None), Sample(10.0, 1.0, None), 9.5) is None


def test_under_load_above_the_cores_or_when_other_work_takes_half_a_core():
    assert not under_load(0.5, 2.0, 0.1, 2)  # at the core count: not above it
    assert under_load(2.01, 1.0, 0.0, 2)
    assert under_load(0.5, 3.5, None, 2)
    assert under_load(0.2, 0.4, OTHERS_LIMIT, 2)
    assert not under_load(None, None, None, 2)
    assert under_load(1.5, 1.5, 0.0, 1)


def test_run_record_for_bench_json():
    rec = run_record(Sample(0.0, 0.42, 50.0), Sample(20.0, 2.61, 95.0), 40.0, 2)
    assert rec == {"load_before": 0.42, "load_after": 2.61, "others_cores": 0.25, "under_load": True}
    rec = run_record(Sample(0.0, 0.4, 50.0), Sample(20.0, 1.1, 80.0), 20.0, 2)
    assert rec["others_cores"] == 0.5 and rec["under_load"]


def test_fmt_range():
    assert fmt_range([1.014, 1.17]) == "1.01-1.17" and fmt_range([3.0, 4.25], 1) == "3.0-4.2"
    assert fmt_range(None) == "-"
