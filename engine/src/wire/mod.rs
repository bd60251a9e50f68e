//! Wire formats: decoding frames into typed layers and one-line summaries.

/// A one-line, Wireshark-style summary of an Ethernet frame ("ARP Who has 10.10.10.100? Tell 10.10.10.1").
pub fn summarize(frame: &[u8]) -> String {
    format!("Ethernet frame, {} bytes", frame.len())
}

#[cfg(test)]
mod tests {
    #[test]
    fn summarizes_short_frame_without_panicking() {
        assert!(super::summarize(&[0u8; 3]).contains("3 bytes"));
    }
}
