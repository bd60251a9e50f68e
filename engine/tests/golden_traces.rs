//! Golden traces: every example lab and every exercise (its starting lab and a
//! reference solution) is run, and what the engine said is compared with the
//! committed file in `engine/tests/golden/`, byte for byte.
//!
//! A golden file holds, per run: the stop reason, the event count, every
//! command's printed lines, each trace event as one line of JSON followed by the
//! sentence the inspector shows for it, the network state (tables) at the end,
//! the diagnoses, and the predict questions; for an exercise also the
//! evaluation of the starting lab and of the reference solution. A refactor
//! must leave all of it unchanged.
//!
//! Regenerate (only for an issue that asks for a trace change, and say so in the
//! commit): `PACKET_LAB_BLESS=1 cargo test -p packet-engine --test golden_traces`.
//! A file longer than [`FULL_LIMIT`] bytes is stored as its first lines plus a
//! hash of the whole text, so a broadcast storm does not commit megabytes.

use packet_engine::diagnose::diagnose;
use packet_engine::exercise::{course, predict, Evaluation, Exercise};
use packet_engine::trace::{NetworkState, Numbered};
use packet_engine::{examples, Scenario, Simulation};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

mod common;
use common::edits::{add_dhcp_server, add_route, rename_record, set_address, set_dns, set_gateway, set_nat};

/// Golden files above this size keep their head and a hash of the whole.
const FULL_LIMIT: usize = 600_000;
/// Lines kept in the readable head of a hashed golden file.
const HEAD_LINES: usize = 2_000;
const BLESS_VAR: &str = "PACKET_LAB_BLESS";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// FNV-1a, 64 bit: stable across Rust versions, unlike `DefaultHasher`.
fn fnv1a(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The text stored for a run: whole, or head plus hash when it is large.
fn stored_form(text: &str) -> String {
    if text.len() <= FULL_LIMIT {
        return text.to_string();
    }
    let lines = text.lines().count();
    let mut s = format!(
        "# hashed: {} bytes, {lines} lines, fnv1a64 {:016x}; first {HEAD_LINES} lines follow\n",
        text.len(),
        fnv1a(text)
    );
    for line in text.lines().take(HEAD_LINES) {
        s.push_str(line);
        s.push('\n');
    }
    s
}

/// Everything one run of `lab` produced, as text.
fn describe_run(out: &mut String, lab: &Scenario) {
    let topology = lab
        .validate()
        .unwrap_or_else(|e| panic!("golden lab is invalid: {e}"));
    let outcome = Simulation::from_topology(&topology).run();
    writeln!(
        out,
        "stop: {}",
        serde_json::to_string(&outcome.stop).unwrap()
    )
    .unwrap();
    writeln!(out, "events_processed: {}", outcome.events_processed).unwrap();
    writeln!(out, "outputs:").unwrap();
    for (label, lines) in &outcome.outputs {
        writeln!(out, "  [{label}]").unwrap();
        for line in lines {
            writeln!(out, "    {line}").unwrap();
        }
    }
    writeln!(out, "trace: {} events", outcome.trace.events.len()).unwrap();
    for (i, ev) in outcome.trace.events.iter().enumerate() {
        writeln!(out, "{}", serde_json::to_string(&Numbered::new(i, ev)).unwrap()).unwrap();
        writeln!(out, "  = {}", ev.explain()).unwrap();
    }
    let end: NetworkState = outcome.trace.state_at(outcome.trace.events.len());
    writeln!(
        out,
        "state at end: {}",
        serde_json::to_string(&end).unwrap()
    )
    .unwrap();
    writeln!(out, "diagnoses:").unwrap();
    for d in diagnose(&topology, &outcome) {
        writeln!(
            out,
            "  {} | {:?} | {} | {} | {}",
            d.command, d.cause, d.device, d.field, d.text
        )
        .unwrap();
    }
    writeln!(out, "predict questions:").unwrap();
    for q in predict::questions(&topology, &outcome.trace, lab.seed) {
        writeln!(out, "  {}", serde_json::to_string(&q).unwrap()).unwrap();
    }
}

fn describe_evaluation(out: &mut String, e: &Evaluation) {
    writeln!(out, "solved: {}", e.solved()).unwrap();
    for v in &e.locked {
        writeln!(out, "locked: {v}").unwrap();
    }
    if let Some(invalid) = &e.invalid {
        writeln!(out, "invalid: {}", invalid.error).unwrap();
        if let Some(d) = &invalid.diagnosis {
            writeln!(out, "  diagnosis: {}", d.text).unwrap();
        }
    }
    for c in &e.checks {
        writeln!(out, "check: {}", serde_json::to_string(c).unwrap()).unwrap();
    }
}

/// The reference solution of each built-in exercise (the first one
/// `tests/exercises.rs` checks).
fn reference_solution(ex: &Exercise) -> Scenario {
    let mut s = ex.lab.clone();
    match ex.id.as_str() {
        "right-network" => set_address(&mut s, "pc3", "eth0", "10.0.0.3/24"),
        "neighbours-by-mask" => {
            set_address(&mut s, "pc1", "eth0", "192.168.1.10/25");
            set_address(&mut s, "pc2", "eth0", "192.168.1.100/25");
        }
        "who-hears-arp" => s.links.retain(|l| l.id != "sw1-sw2"),
        "hub-or-switch" => {
            s.devices.iter_mut().find(|d| d.id == "hub1").unwrap().kind =
                packet_engine::scenario::DeviceKind::Switch
        }
        "stop-the-storm" => {
            for d in s.devices.iter_mut().filter(|d| d.kind == packet_engine::scenario::DeviceKind::Switch) {
                d.stp = true;
            }
        }
        "right-vlan" => {
            let sw1 = s.devices.iter_mut().find(|d| d.id == "sw1").unwrap();
            sw1.vlans.get_mut("p2").unwrap().pvid = Some(10);
        }
        "default-gateway" => set_gateway(&mut s, "pc1", Some("192.168.1.1")),
        "gateway-off-subnet" => set_address(&mut s, "r1", "eth0", "192.168.1.1/24"),
        "missing-route" => add_route(&mut s, "r1", "192.168.2.0/24", "10.0.0.2"),
        "ttl-loop" => set_gateway(&mut s, "r2", Some("10.0.1.2")),
        "trunk-to-the-router" => {
            let sw1 = s.devices.iter_mut().find(|d| d.id == "sw1").unwrap();
            sw1.vlans.get_mut("p3").unwrap().tagged = vec![10, 20];
        }
        "read-traceroute" => add_route(&mut s, "isp2", "192.168.1.0/24", "10.0.12.1"),
        "laptop-no-address" => add_dhcp_server(&mut s, "home-router"),
        "dns-server-address" => set_dns(&mut s, "laptop", &["192.168.1.1"]),
        "why-nxdomain" => rename_record(&mut s, "dns-server", "www.example.com"),
        "add-nat" => set_nat(&mut s, "home-router", "eth1"),
        "read-the-handshake" => set_gateway(&mut s, "web", Some("203.0.113.1")),
        "why-page-fails" => {
            if let Some(web) = s.devices.iter_mut().find(|d| d.id == "web").and_then(|d| d.services.as_mut()).and_then(|x| x.web.as_mut()) {
                web.port = None;
            }
        }
        "ipv6-no-address" => {
            let r1 = s.devices.iter_mut().find(|d| d.id == "r1").unwrap();
            r1.interfaces[0].ra = Some(Default::default());
        }
        "ipv6-prefix-length" => {
            let r1 = s.devices.iter_mut().find(|d| d.id == "r1").unwrap();
            r1.interfaces[0].ra.as_mut().unwrap().prefix = Some("2001:db8:1::/64".into());
        }
        other => panic!("exercise {other} has no reference solution in the golden test: add one"),
    }
    s
}

/// Every golden case: (file stem, text).
fn cases() -> Vec<(String, String)> {
    let mut cases = Vec::new();
    let mut seen_examples = Vec::new();
    for (stem, scenario) in examples::all() {
        let mut text = format!("example {stem}\n");
        describe_run(&mut text, &scenario);
        seen_examples.push(stem.to_string());
        cases.push((format!("example-{stem}"), text));
    }
    // Any scenario file that is not a built-in example is covered too.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("scenarios/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        if seen_examples.contains(&stem) {
            continue;
        }
        let scenario = Scenario::from_json(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut text = format!("scenario file {stem}\n");
        describe_run(&mut text, &scenario);
        cases.push((format!("scenario-{stem}"), text));
    }
    for ex in course() {
        let mut text = format!("exercise {} (starting lab)\n", ex.id);
        describe_run(&mut text, &ex.lab);
        writeln!(text, "evaluation:").unwrap();
        describe_evaluation(&mut text, &ex.evaluate(&ex.lab));
        cases.push((format!("exercise-{}-start", ex.id), text));

        let solution = reference_solution(&ex);
        let mut text = format!("exercise {} (reference solution)\n", ex.id);
        describe_run(&mut text, &solution);
        writeln!(text, "evaluation:").unwrap();
        let e = ex.evaluate(&solution);
        assert!(e.solved(), "{}: the reference solution must pass", ex.id);
        describe_evaluation(&mut text, &e);
        cases.push((format!("exercise-{}-solution", ex.id), text));
    }
    cases
}

/// The first difference between two texts, with a few lines around it.
fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let first = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let differing = e.iter().zip(&a).filter(|(x, y)| x != y).count();
    let mut s = format!(
        "first difference at line {} ({} expected lines, {} actual, {differing} differing pairs)\n",
        first + 1,
        e.len(),
        a.len()
    );
    let from = first.saturating_sub(3);
    for i in from..(first + 6) {
        if let Some(line) = e.get(i) {
            if a.get(i) != Some(line) {
                writeln!(s, "- {:>6} {line}", i + 1).unwrap();
            } else {
                writeln!(s, "  {:>6} {line}", i + 1).unwrap();
            }
        }
        if let Some(line) = a.get(i) {
            if e.get(i) != Some(line) {
                writeln!(s, "+ {:>6} {line}", i + 1).unwrap();
            }
        }
    }
    s
}

#[test]
fn every_example_and_exercise_matches_its_golden_trace() {
    let bless = std::env::var_os(BLESS_VAR).is_some();
    let dir = golden_dir();
    let mut failures = Vec::new();
    let mut names = Vec::new();
    for (name, text) in cases() {
        let stored = stored_form(&text);
        let path = dir.join(format!("{name}.txt"));
        names.push(format!("{name}.txt"));
        if bless {
            std::fs::write(&path, &stored).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == stored => {}
            Ok(expected) => failures.push(format!(
                "{}: differs from the golden file\n{}",
                path.display(),
                diff(&expected, &stored)
            )),
            Err(e) => failures.push(format!("{}: cannot read ({e})", path.display())),
        }
    }
    // No stale golden file may linger after an example or exercise is renamed.
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    on_disk.sort();
    names.sort();
    if bless {
        for stale in on_disk.iter().filter(|n| !names.contains(n)) {
            std::fs::remove_file(dir.join(stale)).unwrap();
        }
        return;
    }
    assert_eq!(on_disk, names, "golden files on disk vs cases");
    assert!(
        failures.is_empty(),
        "{} golden trace(s) changed (regenerate only when an issue asks for it: \
         {BLESS_VAR}=1 cargo test -p packet-engine --test golden_traces):\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_diff_names_the_first_changed_line() {
    let d = diff("a\nb\nc\n", "a\nB\nc\n");
    assert!(d.contains("first difference at line 2"), "{d}");
    assert!(d.contains("-      2 b") && d.contains("+      2 B"), "{d}");
}
