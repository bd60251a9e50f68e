//! The wire decoders must never panic, whatever the bytes (issue 3, Robustness).
//!
//! More than 200,000 frames are fed to `decode`, `summarize` and `protocol`:
//! every prefix of every golden Linux frame, golden frames with random bytes
//! overwritten and random cuts, and random frames biased towards ARP/IPv4/ICMP
//! headers so the deeper decoders are reached. The PRNG is seeded, so a failure
//! reproduces. Besides "no panic", each case checks that truncation is reported
//! and that every byte range in the decoded tree lies inside the frame.
//!
//! A longer, coverage-guided run is `cargo fuzz` (see engine/fuzz/README.md).

use packet_engine::wire::{self, golden, Problem};

/// SplitMix64: tiny, seeded, and good enough to drive mutations.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn byte(&mut self) -> u8 {
        self.next() as u8
    }
}

/// Decode and summarise; on every `check_ranges_every`th call also walk the
/// serialised tree and check that each byte range lies inside the frame.
fn exercise(frame: &[u8], check_ranges: bool) -> wire::DecodedFrame {
    let decoded = wire::decode(frame);
    let summary = wire::summarize(frame);
    let _ = wire::protocol(frame);
    assert!(!summary.is_empty());
    if let Some(p) = &decoded.problem {
        // The problem is visible in the one-line summary too.
        assert!(summary.contains(&p.to_string()), "{summary:?} lacks {p}");
    }
    if check_ranges {
        let tree = serde_json::to_value(&decoded).expect("a decoded frame serialises");
        check_ranges_in(&tree, frame.len(), frame);
    }
    decoded
}

fn check_ranges_in(v: &serde_json::Value, len: usize, frame: &[u8]) {
    match v {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e), 2) = (map.get("start"), map.get("end"), map.len()) {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                assert!(
                    s <= e && e <= len,
                    "range {s}..{e} outside a {len}-byte frame {frame:02x?}"
                );
            }
            map.values().for_each(|x| check_ranges_in(x, len, frame));
        }
        serde_json::Value::Array(items) => {
            items.iter().for_each(|x| check_ranges_in(x, len, frame))
        }
        _ => {}
    }
}

#[test]
fn every_prefix_of_every_golden_frame_reports_truncation() {
    let mut cases = 0;
    for (name, frame) in golden::ALL {
        assert_eq!(
            wire::decode(frame).problem,
            None,
            "{name} itself must be clean"
        );
        for cut in 0..frame.len() {
            let d = exercise(&frame[..cut], true);
            match d.problem {
                Some(Problem::Truncated { .. }) => {}
                other => panic!("{name} cut at {cut}: expected truncation, got {other:?}"),
            }
            cases += 1;
        }
    }
    assert!(cases > 600);
}

#[test]
fn mutated_and_random_frames_never_panic() {
    let mut rng = SplitMix(0x5eed_0f1a);
    let mut cases = 0u32;
    let mut truncated = 0u32;
    let mut clean = 0u32;

    // Golden frames with 1–4 bytes overwritten, then cut at a random length.
    for i in 0..120_000 {
        let (_, base) = golden::ALL[rng.below(golden::ALL.len())];
        let mut f = base.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(f.len());
            f[at] = rng.byte();
        }
        if rng.below(2) == 0 {
            f.truncate(rng.below(f.len() + 1));
        }
        let d = exercise(&f, i % 64 == 0);
        match d.problem {
            Some(Problem::Truncated { .. }) => truncated += 1,
            None => clean += 1,
            Some(Problem::Malformed { .. }) => {}
        }
        cases += 1;
    }

    // Random frames of random length, with the type fields biased so that ARP,
    // IPv4 and ICMP (including errors quoting errors) are decoded, not skipped.
    for i in 0..100_000 {
        let len = rng.below(160);
        let mut f: Vec<u8> = (0..len).map(|_| rng.byte()).collect();
        if len >= 14 && rng.below(4) != 0 {
            let ethertype: [u8; 2] = if rng.below(3) == 0 { [8, 6] } else { [8, 0] };
            f[12..14].copy_from_slice(&ethertype);
        }
        if len >= 15 && f[12..14] == [8, 0] && rng.below(4) != 0 {
            f[14] = 0x45; // version 4, no options
            if len >= 24 && rng.below(4) != 0 {
                f[23] = 1; // ICMP
            }
            if len >= 35 {
                f[34] = [0, 3, 8, 11, 5, 12][rng.below(6)];
            }
            if len >= 22 && rng.below(2) == 0 {
                // A total length that matches, so the payload is decoded whole.
                f[16..18].copy_from_slice(&((len - 14) as u16).to_be_bytes());
                f[20..22].copy_from_slice(&[0, 0]);
            }
            if len >= 43 && rng.below(2) == 0 {
                f[42] = 0x45; // a plausible quoted header
                if len >= 52 {
                    f[51] = 1;
                }
                if len >= 63 {
                    f[62] = [3, 11, 8][rng.below(3)]; // quoted ICMP error or echo
                }
            }
        }
        let d = exercise(&f, i % 64 == 0);
        if d.problem.is_none() {
            clean += 1;
        }
        cases += 1;
    }

    assert!(cases >= 200_000);
    // The mutations must reach both outcomes, or this test exercises nothing.
    assert!(truncated > 10_000, "only {truncated} truncated cases");
    assert!(clean > 10_000, "only {clean} cleanly decoded cases");
}

#[test]
fn an_error_quoting_an_error_is_decoded_one_level_deep() {
    // TIME_EXCEEDED quoted inside another time exceeded: the inner quote is kept
    // as an error without its own quote, and nothing recurses further.
    let inner = &golden::TIME_EXCEEDED[14..];
    let mut f = golden::TIME_EXCEEDED[..14 + 20 + 8].to_vec();
    f.extend_from_slice(inner);
    let total = (f.len() - 14) as u16;
    f[16..18].copy_from_slice(&total.to_be_bytes());
    let d = wire::decode(&f);
    let icmp = d.icmp().unwrap();
    let wire::IcmpBody::Error {
        quoted: Some(q), ..
    } = &icmp.body
    else {
        panic!("{:?}", icmp.body)
    };
    let Some(wire::Transport::Icmp(quoted_icmp)) = &q.payload else {
        panic!("{:?}", q.payload)
    };
    assert_eq!(quoted_icmp.icmp_type.value, 11);
    assert!(matches!(
        quoted_icmp.body,
        wire::IcmpBody::Error { quoted: None, .. }
    ));
}
