//! Layer 4: transport protocols above IPv4 (UDP, later TCP). Each is a file
//! with an `impl IpNode` block for its socket table and one line in
//! `l3/ipv4.rs`'s `local_deliver` that hands it its datagrams.
