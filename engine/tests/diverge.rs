//! What-if comparison (issue 18): the divergence finder and its sentence on a
//! lab and a variant that changes one thing.

use packet_engine::scenario::CommandSpec;
use packet_engine::trace::diverge::{compare, ConfigChange};
use packet_engine::trace::EventKind;
use packet_engine::{RunOutcome, Scenario, Simulation};

const SAME: &str = include_str!("../../scenarios/same-network.json");
const TWO: &str = include_str!("../../scenarios/two-subnets.json");

fn run(s: &Scenario) -> RunOutcome {
    Simulation::new(s).expect("valid").run()
}

fn lab(text: &str) -> Scenario {
    Scenario::from_json(text).unwrap()
}

fn device<'a>(s: &'a mut Scenario, id: &str) -> &'a mut packet_engine::scenario::DeviceSpec {
    s.devices.iter_mut().find(|d| d.id == id).unwrap()
}

#[test]
fn identical_runs_do_not_diverge() {
    let s = lab(TWO);
    let c = compare(&run(&s), &run(&s));
    assert_eq!((c.divergence, c.changes.len()), (None, 0));
    assert_eq!(c.sentence.to_string(), "The two runs are the same: nothing in the lab changed.");
    // Moving a device is not a change the run can show.
    let mut moved = s.clone();
    device(&mut moved, "pc1").position = Some([1.0, 2.0]);
    assert_eq!(compare(&run(&s), &run(&moved)).divergence, None);
}

#[test]
fn a_wider_mask_makes_the_peer_on_link_pc1_arps_for_it_instead_of_the_gateway() {
    let s = lab(TWO);
    let mut v = s.clone();
    device(&mut v, "pc1").interfaces[0].address = Some("192.168.1.10/16".into());
    let (o, w) = (run(&s), run(&v));
    let c = compare(&o, &w);
    assert_eq!(
        c.changes,
        vec![ConfigChange::Address {
            device: "pc1".into(),
            interface: "eth0".into(),
            old: Some("192.168.1.10/24".parse().unwrap()),
            new: Some("192.168.1.10/16".parse().unwrap()),
        }]
    );
    let d = c.divergence.clone().expect("the runs part");
    // Both runs' first differing event is pc1's routing decision for the first echo request.
    for (out, at) in [(&o, d.original), (&w, d.variant)] {
        let e = &out.trace.events[at.unwrap()];
        assert!(matches!(&e.kind, EventKind::Route { device, .. } if device.as_str() == "pc1"), "{e:?}");
    }
    assert_eq!(
        c.sentence.to_string(),
        "With 192.168.1.10/16 on pc1 (instead of /24), pc1 and pc2 are on the same network, so pc1 ARPs for pc2 directly instead of for its gateway 192.168.1.1."
    );
    // Before the divergence both runs show the same steps; stepping maps one onto the other.
    assert_eq!(c.original_shown(d.variant.unwrap(), o.trace.events.len()), d.original.unwrap());
    assert_eq!(c.original_shown(0, o.trace.events.len()), c.original_steps.0[0]);
    assert_eq!(c.original_shown(usize::MAX, o.trace.events.len()), o.trace.events.len().min(c.original_steps.shown_for(c.variant_steps.0.len(), o.trace.events.len())));
}

#[test]
fn a_narrower_mask_sends_the_peer_off_link_where_no_route_leads() {
    let s = lab(SAME);
    let mut v = s.clone();
    device(&mut v, "pc1").interfaces[0].address = Some("10.10.10.1/26".into());
    let c = compare(&run(&s), &run(&v));
    assert!(c.divergence.is_some());
    assert_eq!(
        c.sentence.to_string(),
        "With 10.10.10.1/26 on pc1 (instead of /24), 10.10.10.100 is not on pc1's network (10.10.10.0/26) and pc1 has no gateway or route to it, so `pc1: ping -c 3 10.10.10.100` prints “ping: connect: Network is unreachable” instead of “PING 10.10.10.100 (10.10.10.100) 56(84) bytes of data.”."
    );
}

#[test]
fn a_wrong_gateway_sends_the_packet_to_another_next_hop() {
    let s = lab(TWO);
    let mut v = s.clone();
    device(&mut v, "pc1").gateway = Some("192.168.1.254".into());
    let c = compare(&run(&s), &run(&v));
    assert_eq!(c.changes, vec![ConfigChange::Gateway { device: "pc1".into(), old: Some("192.168.1.1".parse().unwrap()), new: Some("192.168.1.254".parse().unwrap()) }]);
    assert_eq!(
        c.sentence.to_string(),
        "With gateway 192.168.1.254 on pc1 (instead of 192.168.1.1), pc1 sends the packet for 192.168.2.20 to its gateway 192.168.1.254 instead of to its gateway 192.168.1.1."
    );
}

#[test]
fn a_pulled_cable_loses_the_frames_that_crossed_it() {
    let s = lab(SAME);
    let mut v = s.clone();
    v.links.retain(|l| l.id != "pc2-sw1");
    let (o, w) = (run(&s), run(&v));
    let c = compare(&o, &w);
    assert_eq!(c.changes, vec![ConfigChange::Cable { link: "pc2-sw1".into(), added: false }]);
    let d = c.divergence.expect("the runs part");
    assert!(c.sentence.to_string().starts_with("Without the cable pc2-sw1, "), "{}", c.sentence);
    // The first difference is at sw1's flood of the ARP request: the original reaches pc2.
    let ev = &o.trace.events[d.original.unwrap()];
    assert!(format!("{:?}", ev.kind).contains("sw1"), "{ev:?}");
    assert_eq!(
        c.sentence.to_string(),
        "Without the cable pc2-sw1, sw1 sends “Who has 10.10.10.100? Tell 10.10.10.1” from p1 out of no port instead of p2: p2 has no cable."
    );
}

#[test]
fn a_cable_set_down_mid_run_is_named_and_its_consequence_explained() {
    let s = lab(SAME);
    let mut v = s.clone();
    v.commands.push(CommandSpec { at_ms: 500, device: "pc2".into(), run: "ip link set eth0 down".into() });
    let (o, w) = (run(&s), run(&v));
    let c = compare(&o, &w);
    assert_eq!(c.changes.len(), 1);
    assert!(matches!(&c.changes[0], ConfigChange::Command { added: true, .. }));
    assert!(c.sentence.to_string().starts_with("With `pc2: ip link set eth0 down` at 0.500000 s, "), "{}", c.sentence);
    // The link going down is the change itself, not the divergence: the divergence is a frame.
    let d = c.divergence.expect("the runs part");
    let ev = &w.trace.events[d.variant.unwrap()];
    assert!(!matches!(ev.kind, EventKind::LinkChanged { .. } | EventKind::MacFlushed { .. }), "{ev:?}");
    assert_eq!(
        c.sentence.to_string(),
        "With `pc2: ip link set eth0 down` at 0.500000 s, sw1 sends “Who has 10.10.10.100? Tell 10.10.10.1” from p1 out of no port instead of p2: p2 is down (no carrier: its cable's far end went down)."
    );
}

#[test]
fn a_change_the_run_never_touches_keeps_the_runs_the_same() {
    let s = lab(TWO);
    let mut v = s.clone();
    device(&mut v, "pc2").gateway = Some("192.168.2.254".into());
    device(&mut v, "pc2").interfaces[0].address = Some("192.168.2.20/24".into());
    // pc2 answers on-link through r1 either way... its gateway matters for the reply.
    let c = compare(&run(&s), &run(&v));
    assert_eq!(c.changes.len(), 1);
    assert!(c.divergence.is_some(), "pc2 replies through its gateway: {}", c.sentence);
    let mut unused = lab(SAME);
    device(&mut unused, "pc2").dns = vec!["10.10.10.53".into()];
    let c = compare(&run(&lab(SAME)), &run(&unused));
    assert_eq!(c.divergence, None);
    assert_eq!(c.sentence.to_string(), "With pc2's settings changed, the run is the same: nothing this run does depends on it.");
}
