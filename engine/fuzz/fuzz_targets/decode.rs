//! Coverage-guided fuzzing of the wire decoders: any byte string must decode,
//! summarise and classify without panicking, and every byte range in the
//! decoded tree must lie inside the frame.
#![no_main]

use libfuzzer_sys::fuzz_target;
use packet_engine::wire;

fuzz_target!(|frame: &[u8]| {
    let decoded = wire::decode(frame);
    let _ = wire::summarize(frame);
    let _ = wire::protocol(frame);
    if let Some(eth) = &decoded.ethernet {
        assert!(eth.range.end <= frame.len());
        if let Some(ip) = decoded.ipv4() {
            assert!(ip.range.start <= ip.range.end && ip.range.end <= frame.len());
        }
        if let Some(icmp) = decoded.icmp() {
            assert!(icmp.range.start <= icmp.range.end && icmp.range.end <= frame.len());
        }
    }
});
