//! Layer 4: transport protocols above IPv4 (UDP, TCP). Each is a file with
//! an `impl IpNode` block for its socket table (`node.rs` for UDP,
//! `tcp_node.rs` and `tcp_trace.rs` for TCP) and one line in `l3/ipv4.rs`'s
//! `local_deliver` that hands it its datagrams.

pub mod tcp;
pub mod udp;

pub(crate) mod node;
pub(crate) mod tcp_node;
mod tcp_trace;

/// Who reads a UDP socket of a host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UdpOwner {
    /// The DNS server's port 53.
    DnsServer,
    /// One of the DNS server's forwarding sockets (its own number).
    DnsUpstream(u32),
    /// A command's resolver socket: the app and the resolver's socket number.
    App { app: u32, socket: u32 },
}
