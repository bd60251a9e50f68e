//! Engine throughput: events per second on a large and a small topology.
//!
//! Run with `cargo bench -p packet-engine --bench throughput`. A plain bench
//! binary (`harness = false`) rather than criterion: one run of the large
//! topology takes long enough that a median of a few runs is stable, and it
//! keeps the dependency tree small. Wall-clock time is measured here, in the
//! harness, never inside the engine.
//!
//! The target is ≥ 2 million events/s on one core for 1,000 hosts,
//! 50 switches and 20 routers where every host pings its gateway.

use std::hint::black_box;
use std::time::{Duration, Instant};

use packet_engine::EventKind;
use packet_engine::{examples, Simulation};

/// Runs per topology; the median is reported.
const RUNS: usize = 5;

struct Sample {
    elapsed: Duration,
    events: u64,
    frame_hops: u64,
    trace_len: usize,
}

fn measure(hosts: usize, switches: usize, routers: usize) {
    let scenario = examples::benchmark(hosts, switches, routers);
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        // Building the simulation (validation, tables) is part of a run's cost
        // for the UI, but the events/s figure is about the event loop.
        let sim = Simulation::new(&scenario).expect("the benchmark scenario is valid");
        let start = Instant::now();
        let outcome = black_box(sim.run());
        let elapsed = start.elapsed();
        let frame_hops = outcome
            .trace
            .events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::FrameSent { .. }))
            .count() as u64;
        samples.push(Sample {
            elapsed,
            events: outcome.events_processed,
            frame_hops,
            trace_len: outcome.trace.events.len(),
        });
    }
    samples.sort_by_key(|s| s.elapsed);
    let median = &samples[RUNS / 2];
    let secs = median.elapsed.as_secs_f64();
    // Every run of a deterministic scenario must do the same work.
    assert!(samples
        .iter()
        .all(|s| s.events == median.events && s.frame_hops == median.frame_hops));
    println!(
        "{hosts:>5} hosts {switches:>3} switches {routers:>3} routers: \
         {:>9} events ({:>8} frame hops, {:>9} trace entries) in {:>8.2} ms (median of {RUNS}) \
         = {:>6.2} M events/s, {:>6.2} M frame hops/s  [fastest {:.2} ms, slowest {:.2} ms]",
        median.events,
        median.frame_hops,
        median.trace_len,
        secs * 1e3,
        median.events as f64 / secs / 1e6,
        median.frame_hops as f64 / secs / 1e6,
        samples[0].elapsed.as_secs_f64() * 1e3,
        samples[RUNS - 1].elapsed.as_secs_f64() * 1e3,
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a name filter may follow. Ignore both.
    println!("packet-engine throughput (one core, wall clock in the harness)");
    measure(1000, 50, 20);
    measure(100, 5, 2);
}
