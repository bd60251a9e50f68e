//! Bounded work (issue 19): a fan-out storm stops at a predictable amount of
//! work and is reported as a storm naming its links; every size limit of a
//! lab is accepted at the limit and refused one past it, by name; validation
//! of a lab at the limits does work linear in its size (counted, not timed:
//! `benches/limits.rs` times it).

mod common;
use packet_engine::scenario::{limits, ErrorKind};
use packet_engine::sim::budget::{max_overshoot, work_budget};
use packet_engine::trace::EventKind;
use packet_engine::{Scenario, Simulation, StopReason};

/// Two hubs of `ports` ports joined by `cables` parallel cables, a host on
/// each, and one `ping -c 1`: every delivery to a hub floods `ports - 1`
/// copies (the lab of issue 19, 5.8 KB as a link).
fn fan_out_lab(ports: u32, cables: u32, max_events: u64) -> String {
    let mut links = vec![
        r#"{"id":"a","a":{"device":"pc1","port":"eth0"},"b":{"device":"h1","port":"p1"}}"#.to_string(),
        r#"{"id":"b","a":{"device":"pc2","port":"eth0"},"b":{"device":"h2","port":"p1"}}"#.to_string(),
    ];
    for c in 0..cables {
        let p = c + 2;
        links.push(format!(r#"{{"id":"c{c}","a":{{"device":"h1","port":"p{p}"}},"b":{{"device":"h2","port":"p{p}"}}}}"#));
    }
    format!(
        r#"{{"version":1,"name":"fan-out","devices":[
          {{"id":"pc1","kind":"host","interfaces":[{{"name":"eth0","address":"10.0.0.1/24"}}]}},
          {{"id":"pc2","kind":"host","interfaces":[{{"name":"eth0","address":"10.0.0.2/24"}}]}},
          {{"id":"h1","kind":"hub","ports":{ports}}},{{"id":"h2","kind":"hub","ports":{ports}}}],
        "links":[{}],
        "commands":[{{"at_ms":0,"device":"pc1","run":"ping -c 1 10.0.0.2"}}],
        "options":{{"max_events":{max_events}}}}}"#,
        links.join(",")
    )
}

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
    let Some(EventKind::Storm { first_repeat, .. }) = out.trace.events.last().map(|e| &e.kind) else {
        panic!("the run ends with the storm's event");
    };
    // The first repeat is a frame sent again on a link by the same device.
    let first = &out.trace.events[*first_repeat as usize];
    let EventKind::FrameSent { link, from, bytes, .. } = &first.kind else { panic!("{first:?}") };
    let earlier = out.trace.events[..*first_repeat as usize].iter().any(|e| {
        matches!(&e.kind, EventKind::FrameSent { link: l, from: f, bytes: b, .. }
            if l == link && f.device == from.device && b == bytes)
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

/// A hub of `hosts` hosts, and `run` on the first.
fn star_lab(hosts: u32, max_events: u64, run: &str) -> String {
    let mut devices = vec![format!(r#"{{"id":"hub","kind":"hub","ports":{hosts}}}"#)];
    let mut links = Vec::new();
    for h in 1..=hosts {
        devices.push(format!(
            r#"{{"id":"pc{h}","kind":"host","interfaces":[{{"name":"eth0","address":"10.0.{}.{}/16"}}]}}"#,
            h / 250, h % 250 + 1
        ));
        links.push(format!(r#"{{"id":"l{h}","a":{{"device":"pc{h}","port":"eth0"}},"b":{{"device":"hub","port":"p{h}"}}}}"#));
    }
    format!(
        r#"{{"version":1,"name":"star","devices":[{}],"links":[{}],
        "commands":[{{"at_ms":0,"device":"pc1","run":"{run}"}}],"options":{{"max_events":{max_events}}}}}"#,
        devices.join(","),
        links.join(",")
    )
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

/// Builds a lab at the limits: `MAX_DEVICES` devices (routers with
/// interfaces, and hubs), `MAX_LINKS` links, `MAX_PORTS` ports, `MAX_COMMANDS`
/// commands, the longest names. `over` names one limit to exceed by one.
fn maximal_lab(over: Option<&str>) -> Scenario {
    let one = |name: &str| usize::from(over == Some(name));
    // Hubs of up to MAX_PORTS_PER_DEVICE ports take the ports that routers
    // with 2 interfaces leave of MAX_PORTS; routers make up MAX_DEVICES.
    let spare = limits::MAX_PORTS - 2 * limits::MAX_DEVICES;
    let hubs = spare.div_ceil(limits::MAX_PORTS_PER_DEVICE - 2) + 1;
    let routers = limits::MAX_DEVICES - hubs + one("MAX_DEVICES");
    let hub_ports_total = limits::MAX_PORTS - 2 * (limits::MAX_DEVICES - hubs) + one("MAX_PORTS");
    let mut hub_ports = vec![hub_ports_total / hubs; hubs];
    hub_ports[0] += hub_ports_total % hubs;
    assert!(hub_ports[0] <= limits::MAX_PORTS_PER_DEVICE);
    let id_len = limits::MAX_ID_CHARS - 1 + one("MAX_ID_CHARS");
    let hub_id = |h: usize| format!("h{h:0>id_len$}");
    let iface = |r: usize, i: usize| {
        let extra = one("MAX_INTERFACE_NAME_CHARS") * usize::from(r == 0 && i == 0);
        format!("{}{i}", "e".repeat(limits::MAX_INTERFACE_NAME_CHARS - 1 + extra))
    };
    let mut devices: Vec<String> =
        (0..hubs).map(|h| format!(r#"{{"id":"{}","kind":"hub","ports":{}}}"#, hub_id(h), hub_ports[h])).collect();
    for r in 0..routers {
        devices.push(format!(
            r#"{{"id":"r{r}","kind":"router","interfaces":[{{"name":"{}","address":"10.{}.{}.1/30"}},{{"name":"{}","address":"10.{}.{}.5/30"}}]}}"#,
            iface(r, 0), r / 256, r % 256, iface(r, 1), r / 256, r % 256
        ));
    }
    // Every router interface on a hub port; then hub-to-hub cables up to MAX_LINKS.
    let mut free = (0..hubs).flat_map(|h| (1..=hub_ports[h]).map(move |p| (h, p)));
    let want = limits::MAX_LINKS + one("MAX_LINKS");
    let mut links = Vec::new();
    for r in 0..routers {
        for i in 0..2 {
            if links.len() < want {
                let (h, p) = free.next().expect("a free hub port");
                links.push(format!(
                    r#"{{"id":"l{}","a":{{"device":"r{r}","port":"{}"}},"b":{{"device":"{}","port":"p{p}"}}}}"#,
                    links.len(), iface(r, i), hub_id(h)
                ));
            }
        }
    }
    while links.len() < want {
        let ((h1, p1), (h2, p2)) = (free.next().unwrap(), free.next().unwrap());
        links.push(format!(
            r#"{{"id":"l{}","a":{{"device":"{}","port":"p{p1}"}},"b":{{"device":"{}","port":"p{p2}"}}}}"#,
            links.len(), hub_id(h1), hub_id(h2)
        ));
    }
    let commands: Vec<String> = (0..limits::MAX_COMMANDS + one("MAX_COMMANDS"))
        .map(|c| {
            let mut run = format!("ping -c 1 10.0.0.{}", c % 250 + 1);
            let pad = limits::MAX_COMMAND_CHARS - run.len() + one("MAX_COMMAND_CHARS");
            run.push_str(&" ".repeat(pad));
            format!(r#"{{"at_ms":{c},"device":"r{}","run":"{run}"}}"#, c % routers)
        })
        .collect();
    let json = format!(
        r#"{{"version":1,"name":"limits","devices":[{}],"links":[{}],"commands":[{}]}}"#,
        devices.join(","),
        links.join(","),
        commands.join(",")
    );
    serde_json::from_str(&json).expect("the lab parses")
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
        assert!(err.message.contains("at most"), "{limit}: {err}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let big = format!(r#"{{"version":1,"name":"{}"}}"#, "x".repeat(limits::MAX_FILE_BYTES));
    let err = Scenario::from_json(&big).unwrap_err();
    assert_eq!(err.kind, ErrorKind::TooLarge { limit: "MAX_FILE_BYTES" });
    assert!(err.message.contains("too large"), "{err}");
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
    assert!(err.message.contains(&format!("1–{}", limits::MAX_PORTS_PER_DEVICE)), "{err}");
}

#[test]
fn the_maximal_lab_runs_within_the_browser_budget() {
    let mut lab = maximal_lab(None);
    lab.options.max_events = 100_000;
    let out = Simulation::new(&lab).expect("valid").run();
    assert!(out.work <= work_budget(100_000) + max_overshoot(), "{}", out.work);
}
