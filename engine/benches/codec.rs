//! The worker's hand-over (issue 19, docs/worker.md): size of the compact form
//! (`packet_engine::codec`) against `trace.json`'s serde JSON, and the time to encode and
//! decode it natively, for the largest example and the 100 k-event switch-loop storm.
//!
//! Run with `cargo bench -p packet-engine --bench codec`. Wall-clock figures, printed, never
//! asserted (the browser's numbers are in docs/worker.md).

use std::time::Instant;

use packet_engine::codec::{decode, encode};
use packet_engine::{examples, Scenario, Simulation};

fn measure(what: &str, scenario: &Scenario) {
    let out = Simulation::new(scenario).expect("valid").run();
    let json = serde_json::to_vec(&out).expect("serializes").len();
    let t = Instant::now();
    let bytes = encode(&out);
    let enc = t.elapsed();
    let t = Instant::now();
    let back = decode(&bytes, out.topology.clone()).expect("decodes");
    let dec = t.elapsed();
    assert!(back == out);
    let events = out.trace.events.len();
    println!(
        "{what:<32} {events:>7} events  compact {:>9} B ({:.1} B/event)  json {:>10} B  encode {:>6.1} ms  decode {:>6.1} ms",
        bytes.len(),
        bytes.len() as f64 / events.max(1) as f64,
        json,
        enc.as_secs_f64() * 1e3,
        dec.as_secs_f64() * 1e3,
    );
}

fn main() {
    let all = examples::all();
    // The largest example: the one with the most events.
    let (stem, largest) = all
        .iter()
        .max_by_key(|(_, s)| Simulation::new(s).map(|sim| sim.run().trace.events.len()).unwrap_or(0))
        .expect("examples");
    measure(&format!("largest example ({stem})"), largest);
    let mut storm = all.iter().find(|(s, _)| *s == "switch-loop").expect("switch-loop").1.clone();
    storm.options.max_events = 100_000;
    measure("switch-loop at 100 k events", &storm);
}
