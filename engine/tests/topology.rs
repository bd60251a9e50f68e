//! The typed topology that validation returns: kinds of errors as data, every
//! number that reaches time arithmetic checked, and the facts the UI reads from
//! the engine (a command's device, broadcast frames, the stripped lab).

use packet_engine::scenario::{limits, ErrorKind, Topology};
use packet_engine::{examples, Scenario, Simulation};

const TWO: &str = r#"{ "devices": [
    { "id": "pc1", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.1/24" }] },
    { "id": "sw1", "kind": "switch", "ports": 2 },
    { "id": "pc2", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.2 255.255.255.0", "mac": "02:00:00:00:00:22" }] } ],
  "links": [
    { "id": "l1", "a": { "device": "pc1", "port": "eth0" }, "b": { "device": "sw1", "port": "p1" } },
    { "id": "l2", "a": { "device": "sw1", "port": "p2" }, "b": { "device": "pc2", "port": "eth0" } } ],
  "commands": [{ "at_ms": 1000, "device": "pc1", "run": "ping  -c 1 10.0.0.2" }] }"#;

fn lab(edit: impl FnOnce(&mut serde_json::Value)) -> Scenario {
    let mut v: serde_json::Value = serde_json::from_str(TWO).unwrap();
    edit(&mut v);
    serde_json::from_value(v).unwrap()
}

#[test]
fn validation_returns_typed_facts() {
    let t: Topology = lab(|_| {}).validate().unwrap();
    assert_eq!(
        t.devices[0].interfaces[0].address,
        Some("10.0.0.1/24".parse().unwrap())
    );
    assert_eq!(
        t.devices[2].interfaces[0].address,
        Some("10.0.0.2/24".parse().unwrap())
    );
    assert_eq!(
        t.devices[2].interfaces[0].mac.to_string(),
        "02:00:00:00:00:22"
    );
    assert_eq!(t.devices[1].ports, ["p1", "p2"]);
    assert_eq!((t.links[1].a.device, t.links[1].a.port), (1, 1));
    assert_eq!(t.commands[0].device, 0);
    assert_eq!(t.commands[0].label, "pc1: ping -c 1 10.0.0.2");
    assert_eq!(t.commands[0].command.target().unwrap().to_string(), "10.0.0.2");
}

#[test]
fn errors_carry_their_kind() {
    let e = lab(|v| v["devices"][0]["gateway"] = "192.168.9.1".into())
        .validate()
        .unwrap_err();
    assert_eq!(e.path, "devices[0].gateway");
    assert_eq!(
        e.kind,
        ErrorKind::GatewayOffLink {
            device: 0,
            gateway: "192.168.9.1".parse().unwrap(),
            subnets: vec!["10.0.0.0/24".parse().unwrap()],
        }
    );
    let e = lab(|v| v["devices"][2]["interfaces"][0]["address"] = "10.0.0.1/24".into())
        .validate()
        .unwrap_err();
    assert!(
        matches!(e.kind, ErrorKind::DuplicateAddress { .. }),
        "{e:?}"
    );
    let e = lab(|v| v["links"][1]["b"]["port"] = "eth9".into())
        .validate()
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownReference);
    let e =
        Scenario::from_json(r#"{ "devices": [{ "id": "x", "kind": "toaster" }] }"#).unwrap_err();
    assert_eq!(
        (e.kind, e.path.as_str()),
        (ErrorKind::Syntax, "devices[0].kind")
    );
    let e = Scenario::from_json(r#"{ "name": "a" } x"#).unwrap_err();
    assert_eq!(e.path, "scenario");
    assert!(e.message.to_string().starts_with("trailing characters"), "{e}");
}

/// Each option that reaches time arithmetic, far too large: refused with its
/// field named, never a panic or a wrapped time.
#[test]
fn no_number_can_make_time_wrap() {
    for (field, value) in [
        ("switch_delay_us", u64::MAX),
        ("host_delay_us", u64::MAX / 1000 + 1),
        ("max_time_ms", u64::MAX),
        ("epoch_secs", u64::MAX),
    ] {
        let s = lab(|v| v["options"] = serde_json::json!({ field: value }));
        let e = s.validate().unwrap_err();
        assert_eq!(e.path, format!("options.{field}"));
        assert_eq!(e.kind, ErrorKind::OutOfRange);
    }
    // At every cap at once the lab still runs, and time never goes backwards.
    let s = lab(|v| {
        v["options"] = serde_json::json!({
            "switch_delay_us": limits::MAX_DEVICE_DELAY_US,
            "host_delay_us": limits::MAX_DEVICE_DELAY_US,
            "max_time_ms": limits::MAX_TIME_MS,
            "epoch_secs": limits::MAX_EPOCH_SECS,
        });
        v["links"][0]["delay_us"] = limits::MAX_LINK_DELAY_US.into();
        v["links"][0]["bandwidth_mbps"] = 0.001.into();
        v["commands"][0]["at_ms"] = limits::MAX_TIME_MS.into();
    });
    let out = Simulation::new(&s).unwrap().run();
    assert!(out.trace.events.windows(2).all(|w| w[0].time <= w[1].time));
    let s = lab(|v| v["links"][0]["delay_us"] = (limits::MAX_LINK_DELAY_US + 1).into());
    assert_eq!(s.validate().unwrap_err().kind, ErrorKind::OutOfRange);
}

#[test]
fn the_run_says_which_device_a_command_ran_on_and_which_frames_are_broadcast() {
    let out = Simulation::new(&lab(|_| {})).unwrap().run();
    assert_eq!(out.command_device("pc1: ping -c 1 10.0.0.2"), Some("pc1"));
    assert_eq!(out.command_device("nope"), None);
    let broadcasts: Vec<_> = out
        .trace
        .events
        .iter()
        .filter(|e| e.is_broadcast())
        .collect();
    // The ARP request: sent by pc1, flooded by sw1, received by sw1 and pc2.
    assert_eq!(broadcasts.len(), 4, "{broadcasts:#?}");
    assert!(out
        .trace
        .events
        .iter()
        .any(|e| e.frame().is_some() && !e.is_broadcast()));
}

#[test]
fn strip_keeps_only_what_a_run_reads() {
    for (_, s) in examples::all() {
        let stripped = s.strip();
        assert!(stripped.name.is_empty() && stripped.devices.iter().all(|d| d.position.is_none()));
        assert_eq!(
            stripped.validate().unwrap().devices,
            s.validate().unwrap().devices
        );
    }
}
