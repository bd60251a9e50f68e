//! Helpers shared by the engine's integration tests.
#![allow(dead_code)]

use packet_engine::trace::{EventKind, NetworkState};
use packet_engine::{RunOutcome, Scenario, SimTime, Simulation};

/// Parses, validates and runs a scenario written inline in a test.
pub fn run(json: &str) -> RunOutcome {
    let scenario =
        Scenario::from_json(json).unwrap_or_else(|e| panic!("test scenario is invalid: {e}"));
    Simulation::new(&scenario).expect("valid").run()
}

/// A frame as seen on a link.
#[derive(Clone, Debug)]
pub struct Seen {
    pub t_start: SimTime,
    pub t_end: SimTime,
    pub from: String,
    pub bytes: Vec<u8>,
}

/// Every frame sent on `link`, in the order they started.
pub fn frames_on(out: &RunOutcome, link: &str) -> Vec<Seen> {
    out.trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FrameSent { hop, bytes, .. } if hop.link == link => Some(Seen {
                t_start: e.t_start(),
                t_end: e.t_end(),
                from: hop.from.device.to_string(),
                bytes: bytes.to_vec(),
            }),
            _ => None,
        })
        .collect()
}

pub fn ethertype(frame: &[u8]) -> u16 {
    u16::from_be_bytes([frame[12], frame[13]])
}

pub fn is_arp(frame: &[u8]) -> bool {
    ethertype(frame) == 0x0806
}

pub fn is_arp_request(frame: &[u8]) -> bool {
    is_arp(frame) && frame[20..22] == [0, 1]
}

/// ICMP type of an IPv4/ICMP frame (no options), or None.
pub fn icmp_type(frame: &[u8]) -> Option<u8> {
    (ethertype(frame) == 0x0800 && frame[23] == 1).then(|| frame[34])
}

pub fn mac(text: &str) -> [u8; 6] {
    packet_engine::MacAddr::parse(text).expect("MAC").0
}

pub fn ip(text: &str) -> [u8; 4] {
    text.parse::<std::net::Ipv4Addr>().expect("IP").octets()
}

/// The Internet checksum of `data` verifies.
pub fn checksum_ok(data: &[u8]) -> bool {
    let mut sum = 0u32;
    for c in data.chunks(2) {
        sum += u32::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]));
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    sum == 0xffff
}

pub fn output<'a>(out: &'a RunOutcome, label: &str) -> &'a [String] {
    out.outputs
        .get(label)
        .unwrap_or_else(|| panic!("no output for {label}; have {:?}", out.outputs.keys()))
}

/// The index of the first event matching `pred`.
pub fn find(out: &RunOutcome, pred: impl Fn(&EventKind) -> bool) -> usize {
    out.trace
        .events
        .iter()
        .position(|e| pred(&e.kind))
        .expect("event present")
}

pub fn state_after(out: &RunOutcome, index: usize) -> NetworkState {
    out.trace.state_at(index)
}
pub mod edits;
pub mod labs;
