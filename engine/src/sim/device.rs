//! The interface between the event loop and a device.
//!
//! A device owns its state (a switch its forwarding database, a host or router
//! its IP stack and the commands running on it) and reacts to two things: a
//! frame arriving on one of its ports, and a timer it set going off. Everything
//! else it does goes through [`Ctx`]. A new kind of device is one file with an
//! `impl Device` and a variant of [`Body`]; a new timer is a variant of
//! [`Timer`]. See docs/architecture.md.

use super::ctx::Ctx;
use super::Frame;
use crate::l2::{Hub, Switch};
use crate::l3::IpNode;
use crate::mac::MacAddr;
use std::net::Ipv4Addr;

/// What a device does with the events addressed to it.
pub(crate) trait Device {
    /// The last bit of `frame` reached local port `port` (an interface index
    /// of a host or router, a port index of a switch or hub).
    fn on_frame(&mut self, ctx: &mut Ctx, port: u32, frame: Frame);
    /// A timer this device set with [`Ctx::timer`] went off.
    fn on_timer(&mut self, ctx: &mut Ctx, timer: Timer);
}

/// A device's timers. Each carries what its owner needs to find the state it
/// is about; a stale one (its generation moved on) is ignored by the owner.
#[derive(Debug)]
pub(crate) enum Timer {
    /// A neighbour-cache timer of one interface (l3/arp.rs).
    Neigh { iface: u32, ip: Ipv4Addr, gen: u32 },
    /// A switch checks whether a forwarding-database entry has aged out (l2/switch.rs).
    /// `quiet`: on a spanning-tree switch, whose entries BPDUs refresh for
    /// ever, so a run may end with it pending.
    MacAge { vid: u16, mac: MacAddr, quiet: bool },
    /// A spanning-tree timer of a switch (l2/stp.rs); `gen` makes a cancelled one stale.
    Stp { which: crate::l2::stp::StpTimer, gen: u32 },
    /// A command starts (apps/).
    AppStart { app: u32 },
    /// A command's own timer: next ping, traceroute wake-up, exit (apps/).
    App { app: u32, gen: u32 },
    /// dhclient on interface `iface` wants to act (apps/dhcp/node.rs); gen 0 starts it.
    Dhcp { iface: u32, gen: u32 },
    /// The DHCP server's wake-up (ping check done, lease expiry).
    DhcpServer { gen: u32 },
    /// The DNS server's wake-up (a forwarded query timed out).
    DnsServer { gen: u32 },
    /// A router's conntrack entries on outside interface `iface` may have expired (l3/netfilter.rs).
    Nat { iface: u32 },
    /// An NDP neighbour-cache timer of one interface (l3/ndisc.rs).
    Neigh6 { iface: u32, ip: std::net::Ipv6Addr, gen: u32 },
    /// An interface's IPv6 timers: DAD, router solicitation, radvd, MLD (l3/addrconf.rs).
    Addrconf { iface: u32, what: crate::l3::Addrconf6 },
    /// The TCP table's next timer: retransmission, delayed ACK, TIME-WAIT (l4/tcp_node.rs).
    Tcp { gen: u32 },
}

/// The devices of a lab. An enum rather than `Box<dyn Device>`: the event
/// loop's dispatch is a jump table, and the bridging test of the storm
/// detector can ask what a device is.
pub(crate) enum Body {
    Ip(Box<IpNode>),
    Switch(Switch),
    Hub(Hub),
}

impl Body {
    /// Switches and hubs join their ports into one segment.
    pub(crate) fn is_bridge(&self) -> bool {
        !matches!(self, Body::Ip(_))
    }
}
