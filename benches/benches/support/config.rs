//! Criterion settings shared by the criterion suites, sized for a 2-core
//! machine (the buffer suite's 74 benchmarks take about 3 minutes);
//! `--warm-up-time`, `--measurement-time` and `--sample-size` on the
//! command line override them.

use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};

/// Short warm-up and measurement, 20 samples.
pub(crate) fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_millis(1500))
        .sample_size(20)
}

/// A group of 1M-value runs (milliseconds per iteration): flat sampling,
/// throughput in values.
pub(crate) fn run_group<'a>(
    c: &'a mut Criterion,
    name: &str,
    values: usize,
) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sampling_mode(SamplingMode::Flat);
    g.throughput(Throughput::Elements(values as u64));
    g
}
