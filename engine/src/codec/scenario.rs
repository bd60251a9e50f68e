//! A lab file ([`Scenario`]: unvalidated, with positions, name and description) in the compact
//! form: the page's built-in examples are shipped this way and read at boot (issue 15).
//!
//! Why not serde: the examples are the lab files of `scenarios/`, and reading their JSON needs
//! `serde_json`'s deserializer of `Scenario` and every spec type in the page's first load.
//! These tables are much smaller, and the codec they use is already in the page for the first
//! visit's run and lab. The JSON stays the source: a native test of the page
//! (`src/examples.rs`) fails when its blob is not exactly [`encode_all`] of the files.
//!
//! Every type is written field by field as [`super::types`] writes a run's (`f64`s as their
//! exact bits); a new field is a compile error here, because every table destructures its type
//! completely. `DeviceKind` is the validated lab's own (its table is in [`super::lab`]).

use super::{CodecError, Dec, Enc, Res, Wire};
use crate::scenario::{
    CommandSpec, DeviceSpec, DhcpServiceSpec, DnsRecordSpec, DnsServiceSpec, Endpoint, InterfaceSpec, LinkSpec,
    Options, PortVlanSpec, RaSpec, Route6Spec, RouteSpec, Scenario, ServicesSpec, WebServiceSpec,
};

/// The first bytes of one encoded lab file; the last is the form's version (1), raised when a
/// table below changes its bytes, so a page never misreads another build's lab.
const MAGIC: &[u8; 4] = b"PLs\x01";

/// The first bytes of a list of named lab files ([`encode_all`]), same version.
const MAGIC_ALL: &[u8; 4] = b"PLS\x01";

/// Encodes a lab file.
pub fn encode(scenario: &Scenario) -> Vec<u8> {
    let mut e = Enc::framed(MAGIC);
    scenario.put(&mut e);
    e.out
}

/// The lab file `bytes` encode. Never panics; bytes that are not a lab file of this version are
/// an error.
pub fn decode(bytes: &[u8]) -> Res<Scenario> {
    let mut d = Dec::framed(bytes, MAGIC, "not a lab file of this version")?;
    let scenario = Scenario::get(&mut d)?;
    d.end(scenario)
}

/// Encodes lab files with their names (the examples' file stems), in order.
pub fn encode_all(labs: &[(&str, Scenario)]) -> Vec<u8> {
    let mut e = Enc::framed(MAGIC_ALL);
    e.uint(labs.len() as u64);
    for (name, scenario) in labs {
        e.raw(name.as_bytes());
        scenario.put(&mut e);
    }
    e.out
}

/// The named lab files `bytes` encode, in order. The names are borrowed from `bytes`, so a
/// blob compiled in (`&'static [u8]`) gives `&'static str` names. Never panics.
pub fn decode_all(bytes: &[u8]) -> Res<Vec<(&str, Scenario)>> {
    let mut d = Dec::framed(bytes, MAGIC_ALL, "not a list of lab files of this version")?;
    let n = d.len()?;
    let mut labs = Vec::with_capacity(n);
    for _ in 0..n {
        let name = std::str::from_utf8(d.raw()?).map_err(|_| CodecError("a name is not UTF-8"))?;
        labs.push((name, Scenario::get(&mut d)?));
    }
    d.end(labs)
}


wire_struct!(Scenario { version, name, description, seed, devices, links, commands, options });
wire_struct!(DeviceSpec {
    id, kind, interfaces, gateway, routes, ports, position, dns, routes6, services, stp, bridge_priority,
    vlan_filtering, vlans,
});
wire_struct!(PortVlanSpec { pvid, tagged });
wire_struct!(ServicesSpec { dhcp, dns, web });
wire_struct!(WebServiceSpec { pages, port });
wire_struct!(DhcpServiceSpec { interface, pool_start, pool_end, router, dns, lease_time_s, domain });
wire_struct!(DnsServiceSpec { zone, records, forwarders, recursive });
wire_struct!(DnsRecordSpec { name, rtype, value, ttl });
wire_struct!(InterfaceSpec { name, address, mac, nat, ipv6, ra, parent, vlan, mtu });
wire_struct!(RaSpec { prefix, interval_s, lifetime_s, autonomous });
wire_struct!(Route6Spec { prefix, via, dev, metric });
wire_struct!(RouteSpec { prefix, via, metric });
wire_struct!(Endpoint { device, port });
wire_struct!(LinkSpec { id, a, b, delay_us, bandwidth_mbps, drop_from_a, drop_from_b });
wire_struct!(CommandSpec { at_ms, device, run });
wire_struct!(Options { pad_short_frames, epoch_secs, max_events, max_time_ms, switch_delay_us, host_delay_us });

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples;

    #[test]
    fn every_example_round_trips() {
        for (stem, lab) in examples::all() {
            assert_eq!(decode(&encode(&lab)).as_ref(), Ok(&lab), "{stem}");
        }
        let all = examples::all();
        assert_eq!(decode_all(&encode_all(&all)), Ok(all));
    }

    #[test]
    fn a_benchmark_lab_round_trips() {
        let mut lab = examples::benchmark(1000, 20, 4);
        // Numbers the examples do not have: odd positions and rates, big values.
        lab.devices[0].position = Some([-0.0, 1.0 / 3.0]);
        lab.devices[1].position = Some([f64::MAX, 1e-300]);
        lab.links[0].bandwidth_mbps = Some(2.5);
        lab.links[0].drop_from_b = vec![1, u64::MAX];
        lab.options.max_events = u64::MAX;
        let back = decode(&encode(&lab)).unwrap();
        assert_eq!(back, lab);
        assert_eq!(back.devices[0].position.unwrap()[0].to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn damaged_bytes_are_an_error_never_a_panic() {
        let all = examples::all();
        let one = encode(&all[0].1);
        let list = encode_all(&all);
        // Every cut is an error, and so is a byte too many.
        for n in 0..one.len() {
            assert!(decode(&one[..n]).is_err(), "cut at {n}");
        }
        for n in (0..list.len()).step_by(7) {
            assert!(decode_all(&list[..n]).is_err(), "cut at {n}");
        }
        assert!(decode(&[one.as_slice(), &[0]].concat()).is_err());
        // One form is not the other.
        assert!(decode(&list).is_err() && decode_all(&one).is_err());
        // Flipped bytes may still read (a letter of a name), but never panic.
        for i in 0..one.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut bad = one.clone();
                bad[i] ^= flip;
                let _ = decode(&bad);
            }
        }
        // Random bytes after the right magic: no panic either.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2000 {
            let mut bytes = MAGIC.to_vec();
            for _ in 0..(x % 200) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                bytes.push(x as u8);
            }
            let _ = decode(&bytes);
            bytes[..4].copy_from_slice(MAGIC_ALL);
            let _ = decode_all(&bytes);
        }
    }
}
