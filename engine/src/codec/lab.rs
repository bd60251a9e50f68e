//! A validated lab ([`Topology`]) in the compact form: the page's first visit shows a
//! precomputed run before the engine's module is here, and decoding that run needs the lab's
//! topology, which the page can no longer make itself — validation (`Scenario::validate`,
//! the command parser) is engine code (issue 15, docs/size.md). So the topology is
//! precomputed too, and these tables read it back. Why not serde: the validated types have no
//! `Deserialize` (and should not: nothing but validation makes a `Topology`), and the
//! codec's tables are already in the page for the run's bytes.
//!
//! Every type is written field by field as [`super::types`] writes a run's; a new field is a
//! compile error here, because every table destructures its type completely.

use super::{CodecError, Dec, Enc, Res, Wire};
use crate::scenario::{
    Command, ConfigCommand, Device, DeviceKind, DhcpService, DnsRecord, DnsRecordData, DnsService, Interface,
    Ipv6Config, Link, PingBind, PingOpts, PortEnd, PortVlan, RaConfig, Route, Route6, RunOptions, ScheduledCommand,
    Topology, TraceOpts, Url, VlanOf, WebService,
};
use crate::vec_map::VecSet;

/// The first bytes of an encoded lab; the last is the lab form's version (1), raised when a
/// table below changes its bytes, so a page never misreads another build's lab.
const MAGIC: &[u8; 4] = b"PLt\x01";

/// Encodes a validated lab.
pub fn encode(topology: &Topology) -> Vec<u8> {
    let mut e = Enc::framed(MAGIC);
    topology.put(&mut e);
    e.out
}

/// The lab `bytes` encode. Never panics; bytes that are not a lab of this version are an error.
/// The lab is taken as validated: only [`encode`]'s output of a validated lab is to be given.
pub fn decode(bytes: &[u8]) -> Res<Topology> {
    let mut d = Dec::framed(bytes, MAGIC, "not a lab of this version")?;
    let topology = Topology::get(&mut d)?;
    d.end(topology)
}

wire_struct!(Topology { name, seed, devices, links, commands, options });
wire_struct!(Device {
    id, kind, interfaces, gateway, routes, routes6, ports, nameservers, dhcp_server, dns_server, web_server, stp,
    bridge_priority, vlans,
});
wire_enum!(DeviceKind { 0 => Host, 1 => Server, 2 => Router, 3 => Switch, 4 => Hub });
wire_struct!(PortVlan { pvid, tagged });
wire_struct!(WebService { port, pages });
wire_struct!(DhcpService { interface, pool_start, pool_end, router, dns, lease_time, domain });
wire_struct!(DnsService { zone, records, forwarders, recursive });
wire_struct!(DnsRecord { name, data, ttl });
wire_struct!(Interface { name, address, dhcp, mac, masquerade, ipv6, mtu, vlan });
wire_struct!(VlanOf { parent, vid });
wire_struct!(Ipv6Config { address, ra });
wire_struct!(RaConfig { prefix, interval_s, lifetime_s, autonomous });
wire_struct!(Route6 { prefix, via, iface, metric });
wire_struct!(Route { prefix, via, metric });
wire_struct!(PortEnd { device, port });
wire_struct!(Link { id, a, b, delay, ps_per_byte, drop });
wire_struct!(ScheduledCommand { at, device, command, label });
wire_struct!(RunOptions { pad_short_frames, epoch_secs, max_events, max_time, switch_delay, host_delay });
wire_struct!(PingOpts { size, ttl, linger_ms, bind });
wire_struct!(TraceOpts { first_ttl, wait_ms, here, near, udp_port, udp_fixed });
wire_struct!(Url { host, port, path });
wire_enum!(ConfigCommand {
    0 => LinkSet { dev, up }, 1 => NeighFlush { dev }, 2 => FdbFlush { dev }, 3 => Route { add, prefix, via },
    4 => Addr { add, net, dev }, 5 => Route6 { add, prefix, via, dev }, 6 => Addr6 { add, net, dev },
    7 => Power { on },
});

wire_enum!(DnsRecordData { 0 => A(ip), 1 => Cname(name) });
wire_enum!(PingBind { 0 => Device(dev), 1 => Address(ip) });
wire_enum!(Command {
    0 => Ping { count, interval_ms, target, name, opts },
    1 => Traceroute { target, name, max_hops, queries, sim_queries, opts },
    2 => Ping6 { count, interval_ms, target, opts },
    3 => Traceroute6 { target, max_hops, queries, sim_queries, opts },
    4 => Dhclient { interface, release },
    5 => Host { name },
    6 => Dig { name, short },
    7 => GetentHosts { name },
    8 => Curl { url, verbose },
    9 => Config(config),
});

/// Written as a list in order (a set's items are sorted, so they are read back as they were).
impl Wire for VecSet<u64> {
    fn put(&self, e: &mut Enc) {
        e.uint(self.len() as u64);
        for v in self.iter() {
            v.put(e);
        }
    }
    fn get(d: &mut Dec) -> Res<Self> {
        let mut set = VecSet::default();
        for _ in 0..d.len()? {
            set.insert(u64::get(d)?);
        }
        Ok(set)
    }
}
