//! Times as the status line writes them; a name lookup's answer as the
//! event list and the tables write it.

/// Formats simulated ns as seconds with µs: "1.000 012 s".
pub fn format_time(ns: u64) -> String {
    let us = ns / 1_000;
    format!("{}.{:03} {:03} s", us / 1_000_000, (us / 1_000) % 1_000, us % 1_000)
}

/// Simulated time in the fewest words, for the rate beside the clock: "12 µs", "1.7 ms", "0.30 s".
pub fn format_span(ns: f64) -> String {
    if ns < 1_000.0 {
        format!("{ns:.0} ns")
    } else if ns < 1_000_000.0 {
        format!("{:.0} µs", ns / 1_000.0)
    } else if ns < 1_000_000_000.0 {
        format!("{:.1} ms", ns / 1_000_000.0)
    } else {
        format!("{:.2} s", ns / 1_000_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_in_their_own_unit() {
        assert_eq!(format_span(500.0), "500 ns");
        assert_eq!(format_span(14_400.0), "14 µs");
        assert_eq!(format_span(1_720_000.0), "1.7 ms");
        assert_eq!(format_span(3_300_000_000.0), "3.30 s");
    }
}

/// A resolver's answer in a few words: the addresses, or why there are none.
pub fn lookup_text(outcome: &packet_engine::trace::LookupOutcome) -> String {
    use packet_engine::trace::LookupOutcome;
    match outcome {
        LookupOutcome::Answer { addresses, .. } => addresses.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", "),
        LookupOutcome::NoData => "no address (NODATA)".to_string(),
        LookupOutcome::NxDomain => "NXDOMAIN".to_string(),
        LookupOutcome::Timeout => "timed out".to_string(),
        LookupOutcome::ServerError { rcode } => format!("server error ({})", packet_engine::wire::dns::rcode_name(*rcode)),
        LookupOutcome::NoServers => "no name server".to_string(),
    }
}
