//! Linux's neighbour state machine seen on the wire: the unicast probe a pinged
//! host sends ~5 s later, and a neighbour that never answers.

mod common;
use common::*;
use packet_engine::neighbor::NudState;
use packet_engine::trace::EventKind;
use packet_engine::SimTime;

const LAB: &str = r#"{
  "version": 1, "name": "probe", "seed": 5,
  "devices": [
    { "id": "pc1", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.10.10.1/24", "mac": "02:00:00:00:00:01" }] },
    { "id": "pc2", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.10.10.100/24", "mac": "02:00:00:00:00:02" }] },
    { "id": "sw1", "kind": "switch", "ports": 2 }
  ],
  "links": [
    { "id": "l1", "a": { "device": "pc1", "port": "eth0" }, "b": { "device": "sw1", "port": "p1" } },
    { "id": "l2", "a": { "device": "pc2", "port": "eth0" }, "b": { "device": "sw1", "port": "p2" } }
  ],
  "commands": [{ "at_ms": 1000, "device": "pc1", "run": "ping -c 3 10.10.10.100" }]
}"#;

fn transitions(
    out: &packet_engine::RunOutcome,
    device: &str,
) -> Vec<(SimTime, Option<NudState>, NudState)> {
    out.trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::NeighborChanged { at, old, new, .. } if at.device == device => Some((e.time, *old, *new)),
            _ => None,
        })
        .collect()
}

#[test]
fn pinged_host_probes_its_stale_entry_five_seconds_later() {
    let out = run(LAB);
    let t = transitions(&out, "pc2");
    // Learned from pc1's request (STALE), used for the first reply (DELAY),
    // 5 s later PROBE, confirmed by pc1's reply (REACHABLE).
    assert_eq!(t[0].1, None);
    assert_eq!(t[0].2, NudState::Stale);
    assert_eq!((t[1].1, t[1].2), (Some(NudState::Stale), NudState::Delay));
    let delay_at = t[1].0;
    assert_eq!(
        (t[2].0, t[2].1, t[2].2),
        (
            delay_at + SimTime::from_secs(5),
            Some(NudState::Delay),
            NudState::Probe
        )
    );
    assert_eq!(t[3].2, NudState::Reachable);

    // The probe is a unicast ARP request to pc1's cached MAC, sent the moment
    // the entry enters PROBE; like every Linux request, its target MAC is zero.
    let probe = frames_on(&out, "l2")
        .into_iter()
        .find(|f| f.t_start >= delay_at + SimTime::from_secs(5))
        .unwrap();
    assert_eq!(probe.t_start, delay_at + SimTime::from_secs(5));
    assert!(is_arp_request(&probe.bytes));
    assert_eq!(
        &probe.bytes[0..6],
        &mac("02:00:00:00:00:01"),
        "unicast to the cached MAC"
    );
    assert_eq!(&probe.bytes[22..28], &mac("02:00:00:00:00:02"));
    assert_eq!(&probe.bytes[28..32], &ip("10.10.10.100"));
    assert_eq!(&probe.bytes[32..38], &[0; 6]);
    assert_eq!(&probe.bytes[38..42], &ip("10.10.10.1"));
    // pc1 answers it with a unicast reply.
    let answer = frames_on(&out, "l1")
        .into_iter()
        .find(|f| f.t_start > probe.t_start && f.from == "pc1")
        .unwrap();
    assert!(is_arp(&answer.bytes) && !is_arp_request(&answer.bytes));
}

#[test]
fn pinger_entry_goes_stale_after_its_reachable_time() {
    let out = run(LAB);
    let t = transitions(&out, "pc1");
    assert_eq!(t[0].2, NudState::Incomplete);
    assert_eq!(t[1].2, NudState::Reachable);
    let (stale_at, _, state) = t[2];
    assert_eq!(state, NudState::Stale);
    // reachable_time is drawn in [15 s, 45 s) (base_reachable_time 30 s).
    let after = stale_at - t[1].0;
    assert!(
        after >= SimTime::from_secs(15) && after < SimTime::from_secs(45),
        "{after}"
    );
}

#[test]
fn unknown_host_gets_three_broadcasts_one_second_apart_then_unreachable() {
    let lab = LAB.replace("ping -c 3 10.10.10.100", "ping -c 3 10.10.10.50");
    let out = run(&lab);
    let requests: Vec<_> = frames_on(&out, "l1")
        .into_iter()
        .filter(|f| is_arp_request(&f.bytes))
        .collect();
    assert_eq!(requests.len(), 3);
    for (i, r) in requests.iter().enumerate() {
        assert_eq!(r.t_start, SimTime::from_secs(1 + i as u64));
        assert_eq!(&r.bytes[0..6], &[0xff; 6]);
        assert_eq!(&r.bytes[38..42], &ip("10.10.10.50"));
    }
    // No IP packet ever leaves pc1: they wait in the ARP queue and are dropped.
    assert!(frames_on(&out, "l1").iter().all(|f| is_arp(&f.bytes)));
    let failed = find(&out, |k| {
        matches!(
            k,
            EventKind::NeighborChanged {
                new: NudState::Failed,
                ..
            }
        )
    });
    assert_eq!(out.trace.events[failed].time, SimTime::from_secs(4));
    assert_eq!(
        output(&out, "pc1: ping -c 3 10.10.10.50"),
        [
            "PING 10.10.10.50 (10.10.10.50) 56(84) bytes of data.",
            "From 10.10.10.1 icmp_seq=1 Destination Host Unreachable",
            "From 10.10.10.1 icmp_seq=2 Destination Host Unreachable",
            "From 10.10.10.1 icmp_seq=3 Destination Host Unreachable",
            "",
            "--- 10.10.10.50 ping statistics ---",
            "3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2000ms",
            "pipe 3",
        ]
    );
}
