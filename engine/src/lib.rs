//! Packet Lab's packet engine: a deterministic discrete-event simulation of
//! Ethernet, ARP, IPv4 and ICMP on hosts, hubs, switches and routers.
//!
//! Pure Rust with no web dependency: it builds and is tested natively, and the
//! web app drives it and animates its typed trace.

pub mod wire;
