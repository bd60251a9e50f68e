//! Coverage-guided fuzzing of what a lab link carries: the bytes after
//! `#lab=` are base64url of zlib-deflated JSON whose `scenario` member is a lab
//! file. The link envelope is decoded here with the same crates and caps as
//! the app's `src/share.rs` (which lives in the app's binary crate, so this
//! target cannot link it); every lab that comes out goes through the engine's
//! parser, validation and a bounded run. Any input must be refused or run,
//! never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use packet_engine::{Scenario, Simulation};

/// `src/share.rs`: the caps on a link.
const MAX_DECODED_BYTES: usize = 1 << 20;
const MAX_LINK_CHARS: usize = MAX_DECODED_BYTES / 3 * 4 + 1024;

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        acc = (acc << 6) | u32::from(value(c)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

fuzz_target!(|fragment: &str| {
    let data = fragment.strip_prefix("#lab=").unwrap_or(fragment);
    if data.len() > MAX_LINK_CHARS {
        return;
    }
    let Some(packed) = base64url_decode(data) else {
        return;
    };
    let Ok(bytes) =
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_DECODED_BYTES)
    else {
        return;
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return;
    };
    let Ok(serde_json::Value::Object(mut root)) = serde_json::from_str(&text) else {
        return;
    };
    let Some(scenario) = root.remove("scenario") else {
        return;
    };
    let Ok(mut lab) = Scenario::from_json(&scenario.to_string()) else {
        return;
    };
    lab.options.max_events = lab.options.max_events.min(5_000);
    let outcome = Simulation::new(&lab).expect("validated").run();
    assert!(outcome.events_processed <= 5_000);
});
