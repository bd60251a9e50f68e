//! Bounded work (issue 19): a fan-out storm stops at a predictable amount of
//! work and is reported as a storm naming its links; every size limit of a
//! lab is accepted at the limit and refused one past it, by name; validation
//! of a lab at the limits does work linear in its size (counted, not timed:
//! `benches/limits.rs` times it).

mod common;
use common::labs::{fan_out_lab, maximal_lab, star_lab};
use packet_engine::scenario::{limits, ErrorKind};
use packet_engine::sim::budget::{max_overshoot, work_budget};
use packet_engine::trace::EventKind;
use packet_engine::{Scenario, Simulation, StopReason};

#[test]
fn a_fan_out_storm_stops_at_the_work_budget_and_is_named_a_storm() {
    let out = common::run(&fan_out_lab(1024, 512, 100_000));
    // The work, not the event count, ran out: far fewer than 100 000 events.
    assert!(out.events_processed < 50_000, "{}", out.events_processed);
    let budget = work_budget(100_000);
    assert!(out.work >= budget && out.work <= budget + max_overshoot(), "work {} budget {budget}", out.work);
    // The trace is part of the work: its memory is capped with it.
    assert!((out.trace.events.len() as u64) < out.work);
    match &out.stop {
        StopReason::BroadcastStorm { links, devices } => {
            assert_eq!(devices, &["h1", "h2"]);
            assert!(links.len() > 100 && links.iter().all(|l| l.starts_with('c')), "{links:?}");
        }
        other => panic!("expected a storm, got {other:?}"),
    }
    let storm = out.trace.events.last().unwrap();
    assert!(
        storm.explain().contains("through h1, h2 (links c0, c1, c10, c100, c101, c102 and "),
        "{}",
        storm.explain()
    );
    let Some(EventKind::Storm { first_repeat, .. }) = out.trace.events.last().map(|e| &e.kind) else {
        panic!("the run ends with the storm's event");
    };
    // The first repeat is a frame sent again on a link by the same device.
    let first = &out.trace.events[*first_repeat as usize];
    let EventKind::FrameSent { hop, bytes, .. } = &first.kind else { panic!("{first:?}") };
    let earlier = out.trace.events[..*first_repeat as usize].iter().any(|e| {
        matches!(&e.kind, EventKind::FrameSent { hop: h, bytes: b, .. }
            if h.link == hop.link && h.from.device == hop.from.device && b == bytes)
    });
    assert!(earlier, "event {first_repeat} repeats an earlier frame");
}

#[test]
fn the_native_default_budget_also_bounds_the_fan_out_storm() {
    // Issue 19: at the 2 M-event default this lab allocated 9 GB and aborted.
    let out = common::run(&fan_out_lab(1024, 512, 2_000_000).replace(r#","options":{"max_events":2000000}"#, ""));
    assert!(out.work <= work_budget(2_000_000) + max_overshoot());
    assert!(matches!(out.stop, StopReason::BroadcastStorm { .. }));
}

#[test]
fn a_big_hub_without_a_loop_completes() {
    // A wide flood (every frame to 299 hosts), but no circulation.
    let out = common::run(&star_lab(300, 100_000, "ping -c 2 10.0.0.3"));
    assert_eq!(out.stop, StopReason::Completed);
    assert_eq!(out.outputs["pc1: ping -c 2 10.0.0.3"].iter().filter(|l| l.contains("bytes from")).count(), 2);
}

#[test]
fn ordinary_traffic_out_of_work_is_reported_as_the_work_budget() {
    // The same hub with a small event budget: each frame costs ~1,200 units
    // of work (299 copies) over ~300 events, so the work runs out before the
    // 2 000 events, and nothing circulates.
    let out = common::run(&star_lab(300, 2_000, "ping -c 20 -i 0.2 10.0.0.3"));
    match out.stop {
        StopReason::WorkBudget { events, work } => {
            assert!(events < 2_000, "{events}");
            assert!(work >= work_budget(2_000) && work <= work_budget(2_000) + max_overshoot(), "{work}");
        }
        other => panic!("expected the work budget, got {other:?}"),
    }
}

#[test]
fn a_lab_at_every_limit_is_accepted() {
    let lab = maximal_lab(None);
    let topology = lab.validate().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(topology.devices.len(), limits::MAX_DEVICES);
    assert_eq!(topology.devices.iter().map(|d| d.ports.len()).sum::<usize>(), limits::MAX_PORTS);
    assert_eq!(topology.commands.len(), limits::MAX_COMMANDS);
    assert_eq!(topology.links.len(), limits::MAX_LINKS);
}

#[test]
fn a_lab_one_past_each_limit_is_refused_by_name() {
    for limit in [
        "MAX_DEVICES",
        "MAX_LINKS",
        "MAX_PORTS",
        "MAX_COMMANDS",
        "MAX_ID_CHARS",
        "MAX_INTERFACE_NAME_CHARS",
        "MAX_COMMAND_CHARS",
    ] {
        let err = maximal_lab(Some(limit)).validate().expect_err(limit);
        assert_eq!(err.kind, ErrorKind::TooLarge { limit }, "{limit}: {err}");
        assert!(err.message.to_string().contains("at most"), "{limit}: {err}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let big = format!(r#"{{"version":1,"name":"{}"}}"#, "x".repeat(limits::MAX_FILE_BYTES));
    let err = Scenario::from_json(&big).unwrap_err();
    assert_eq!(err.kind, ErrorKind::TooLarge { limit: "MAX_FILE_BYTES" });
    assert!(err.message.to_string().contains("too large"), "{err}");
    // One byte under the limit is read (and then judged on its content).
    let fits = format!(r#"{{"version":1,"name":"{}"}}"#, "x".repeat(limits::MAX_FILE_BYTES - 40));
    assert!(Scenario::from_json(&fits).is_ok());
}

#[test]
fn per_device_limits_are_refused_by_name() {
    let routes: Vec<String> = (0..=limits::MAX_ROUTES_PER_DEVICE)
        .map(|i| format!(r#"{{"prefix":"172.{}.{}.0/24","via":"10.0.0.2"}}"#, 16 + i / 256, i % 256))
        .collect();
    let lab = format!(
        r#"{{"version":1,"devices":[{{"id":"r","kind":"router","interfaces":[{{"name":"eth0","address":"10.0.0.1/24"}}],"routes":[{}]}}]}}"#,
        routes.join(",")
    );
    let err = Scenario::from_json(&lab).unwrap_err();
    assert_eq!(err.kind, ErrorKind::TooLarge { limit: "MAX_ROUTES_PER_DEVICE" }, "{err}");
    assert_eq!(err.path, "devices[0].routes");
    let ports = limits::MAX_PORTS_PER_DEVICE + 1;
    let lab = format!(r#"{{"version":1,"devices":[{{"id":"s","kind":"switch","ports":{ports}}}]}}"#);
    let err = Scenario::from_json(&lab).unwrap_err();
    assert_eq!(err.path, "devices[0].ports");
    assert!(err.message.to_string().contains(&format!("1–{}", limits::MAX_PORTS_PER_DEVICE)), "{err}");
}

#[test]
fn the_maximal_lab_runs_within_the_browser_budget() {
    let mut lab = maximal_lab(None);
    lab.options.max_events = 100_000;
    let out = Simulation::new(&lab).expect("valid").run();
    assert!(out.work <= work_budget(100_000) + max_overshoot(), "{}", out.work);
}

#[test]
fn a_run_stepped_in_pieces_is_the_run() {
    // The app steps a long run in pieces to draw progress between them: the
    // pieces must not change a thing.
    let mut labs: Vec<Scenario> = packet_engine::examples::all().into_iter().map(|(_, s)| s).collect();
    labs.push(serde_json::from_str(&fan_out_lab(64, 8, 20_000)).unwrap());
    for lab in labs {
        let whole = Simulation::new(&lab).unwrap().run();
        let mut sim = Simulation::new(&lab).unwrap();
        let mut pieces = 0;
        while !sim.step(997) {
            pieces += 1;
            let p = sim.progress();
            assert!(p.work <= p.max_work + max_overshoot());
        }
        let stepped = sim.finish();
        assert_eq!(stepped.trace, whole.trace, "{}", lab.name);
        assert_eq!((stepped.stop.clone(), stepped.events_processed, stepped.work), (whole.stop.clone(), whole.events_processed, whole.work));
        assert_eq!(stepped.outputs, whole.outputs);
        assert!(pieces as u64 >= whole.work / 997 / 2, "{}: {pieces} pieces", lab.name);
    }
}
