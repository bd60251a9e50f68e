//! Coverage-guided fuzzing of a lab file end to end: any text must parse or be
//! refused with a field path (never panic), and a lab that validates must run
//! to a stop reason under a small event budget, with time never going
//! backwards. Exercise checks, diagnose and predict read the same run.
#![no_main]

use libfuzzer_sys::fuzz_target;
use packet_engine::diagnose::diagnose;
use packet_engine::exercise::predict;
use packet_engine::{Scenario, Simulation};

/// Events one fuzzed run may process: enough for ARP, pings and a few hops.
const BUDGET: u64 = 5_000;

fuzz_target!(|text: &str| {
    let Ok(mut scenario) = Scenario::from_json(text) else {
        return;
    };
    scenario.options.max_events = scenario.options.max_events.min(BUDGET);
    let topology = scenario
        .validate()
        .expect("a lab that parsed validates again");
    let outcome = Simulation::from_topology(&topology).run();
    assert!(outcome.events_processed <= BUDGET);
    assert!(outcome
        .trace
        .events
        .windows(2)
        .all(|w| w[0].time <= w[1].time));
    for event in outcome.trace.events.iter().take(200) {
        let _ = event.explain();
    }
    let _ = diagnose(&topology, &outcome);
    let _ = predict::questions(&topology, &outcome.trace, topology.seed);
});
