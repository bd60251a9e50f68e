//! "Why did it fail?": a diagnosis in plain words for a ping or traceroute that
//! did not get its answers, naming the device and the scenario field to look at.
//!
//! It reads the scenario (addresses, masks, gateways, cables) and the run's trace
//! and outputs; it never re-runs anything. The checks go from the most specific
//! misconfiguration to the symptom seen in the trace:
//! 1. wrong mask: two devices on one Ethernet segment disagree on whether they
//!    share a network (one's AND says yes, the other's says no);
//! 2. a routing loop: a router received the same packet (source, destination,
//!    IP id) twice, so its TTL ran out going round;
//! 3. no route on the sender: the destination is not on its networks and it has
//!    no default gateway (ping's `connect()` fails: "Network is unreachable");
//! 4. in trace order: a router with no route (Destination Net Unreachable), an
//!    ARP that got no reply (for the gateway: a wrong gateway; for the
//!    destination: an unknown host);
//! 5. the answer's way back: the destination has no route to the sender.
//!
//! A ping to a host of the same subnet in another VLAN is recognised first
//! (`vlan.rs`), and so is a router on a stick whose trunk port does not carry
//! the VLAN of the sender's gateway subinterface tagged.
//!
//! A packet too big for a link on the way (`mtu.rs`) comes before them too.
//!
//! Before all of these, `nat.rs` recognises the forgotten NAT (a private
//! sender whose answers a router on the internet drops), and `services.rs`
//! the DHCP and DNS failures.
//!
//! A default gateway outside the host's subnets never runs: validation refuses
//! it, and [`diagnose_invalid`] words that refusal the same way.

mod changes;
mod ipv6;
mod mtu;
mod nat;
mod services;
mod tcp;
mod vlan;

use crate::vec_map::VecMap;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::msg;
use crate::msg::Msg;
use crate::neighbor::NudState;
use crate::scenario::{Command, DeviceKind, ErrorKind, Scenario, ScenarioError, Topology};
use crate::sim::RunOutcome;
use crate::trace::{EventKind, RouteKind};
use crate::wire;

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Two devices on one segment disagree about their network: `device`'s mask puts `peer` elsewhere.
    WrongMask { peer: String },
    /// No route and no default gateway for the destination.
    NoGateway,
    /// The default gateway is not in any of the device's subnets (refused by validation).
    GatewayOffSubnet,
    /// ARP for the default gateway got no reply.
    GatewayNoAnswer { gateway: Ipv4Addr },
    /// A router had no route to the destination.
    NoRoute,
    /// ARP for the destination (on-link for `device`) got no reply.
    UnknownHost { address: Ipv4Addr },
    /// The packet went round these routers until its TTL ran out.
    TtlLoop { routers: Vec<String> },
    /// A `"dhcp"` interface got no lease: no DHCP server answered.
    NoDhcpServer,
    /// The DHCP lease ran out and was not renewed.
    LeaseExpired,
    /// No DNS server answered the lookup (wrong or unreachable address).
    DnsUnreachable { server: Option<Ipv4Addr> },
    /// The DNS server said the name does not exist.
    NxDomain { name: String },
    /// The answers went to the sender's private `address`, which no router on
    /// the internet knows: `router` (the home router) does not masquerade.
    ForgotNat { router: String, address: Ipv4Addr },
    /// The name exists but has no IPv4 address, or the server failed.
    NameUnresolved { name: String },
    /// The server answered the SYN with RST|ACK: nothing listens on the port.
    ConnectionRefused { port: u16 },
    /// The SYN (or its answer) never got through; these were the retransmission gaps.
    NoAnswerToSyn { retransmitted_after: Vec<crate::time::SimTime> },
    /// The target shares the sender's subnet but its switch port is in another VLAN
    /// (the sender's, the target's).
    WrongVlan { peer: String, vlans: (u16, u16) },
    /// Router on a stick: the sender's next hop is `router`'s VLAN subinterface
    /// `interface`, and the switch port at the end of its parent's cable does
    /// not carry `vlan` tagged.
    TrunkMissingVlan { router: String, interface: String, vlan: u16 },
    /// The command failed after `device` ran `run`, a change during the run
    /// (a link set down, a device powered off, an address or route removed).
    ChangedDuringRun { device: String, run: String },
    /// IPv6 (issue 16): the sender's address failed duplicate address detection.
    DadFailed { address: String },
    /// IPv6: an "auto" host heard no router advertisement.
    NoRouterAdvert,
    /// IPv6: the advertised prefix is not a /64, so SLAAC made no address.
    WrongPrefixLength { prefix: String },
    /// IPv6: neighbour discovery for the destination got no answer.
    Unreachable6 { address: String },
    /// A packet larger than the MTU of `router`'s outgoing link (packet too
    /// big / fragmentation needed); the sender fragments from then on.
    TooBig { router: String, mtu: u32 },
}

/// A diagnosis of one failed command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnosis {
    /// The command's label (`pc1: ping -c 3 10.0.0.2`), the key of its output.
    pub command: String,
    /// What went wrong.
    pub cause: Cause,
    /// The device to look at.
    pub device: String,
    /// The scenario field to look at, as validation names fields (`devices[0].gateway`).
    pub field: String,
    /// The explanation for a student, a catalogue message (`locales/*/engine-diagnose.ftl`):
    /// the UI words it in the reader's language, `to_string()` in English.
    pub text: Msg,
}

/// True when a command's printed lines show that it did not get its answers.
pub fn command_failed(command: &Command, lines: &[String]) -> bool {
    if lines.iter().any(|l| l.contains("Network is unreachable")) {
        return true;
    }
    // getaddrinfo failed for `ping NAME` / `traceroute NAME` (gai_strerror).
    if command.lookup().is_some()
        && (lines.is_empty()
            || lines.iter().any(|l| {
                l.ends_with(": Name or service not known")
                    || l.ends_with(": Temporary failure in name resolution")
                    || l.ends_with(": No address associated with hostname")
            }))
    {
        return true;
    }
    match command {
        Command::Ping { .. } | Command::Ping6 { .. } => lines.iter().any(|l| {
            // "3 packets transmitted, 1 received, …"
            let mut words = l.split(", ");
            let sent = words.next().and_then(|w| w.strip_suffix(" packets transmitted")).and_then(|n| n.parse::<u32>().ok());
            let got = words.next().and_then(|w| w.strip_suffix(" received")).and_then(|n| n.parse::<u32>().ok());
            matches!((sent, got), (Some(s), Some(g)) if g < s)
        }),
        Command::Traceroute { target, name, .. } => {
            // To a name: the address is the one the header shows in brackets.
            let resolved = name.as_ref().and_then(|_| {
                let head = lines.first()?;
                head.split_once(" (")?.1.split_once(')')?.0.parse::<std::net::Ipv4Addr>().ok()
            });
            let t = format!(" {} ", resolved.unwrap_or(*target));
            !lines.iter().any(|l| !l.starts_with("traceroute") && format!("{l} ").contains(&t))
        }
        Command::Traceroute6 { target, .. } => {
            let t = format!(" {target} ");
            !lines.iter().any(|l| !l.starts_with("traceroute") && format!("{l} ").contains(&t))
        }
        Command::Dhclient { .. } => false,
        // iproute2's refusals (`RTNETLINK answers: File exists`, `Error: Nexthop has invalid gateway.`).
        Command::Config(_) => lines.iter().any(|l| l.starts_with("RTNETLINK answers:") || l.starts_with("Error:")),
        // curl's error line: `curl: (7) Failed to connect …`, `curl: (6) Could not resolve
        // host: …`; or still connecting when the run ended (no body, or -v's last line).
        Command::Curl { .. } => {
            lines.is_empty()
                || lines.iter().any(|l| l.starts_with("curl: ("))
                || lines.last().is_some_and(|l| l.starts_with("*   Trying"))
        }
        // host, dig and getent print these when the lookup fails.
        Command::Host { .. } | Command::Dig { .. } | Command::GetentHosts { .. } => {
            lines.is_empty()
                || lines.iter().any(|l| {
                    l.contains("not found")
                        || l.contains("timed out")
                        || l.contains("no servers could be reached")
                        || l.contains("SERVFAIL")
                        || l.contains("REFUSED")
                })
        }
    }
}

/// One diagnosis per failed command of the run, in command order. A failed
/// command whose cause none of the checks recognises gets none.
pub fn diagnose(topology: &Topology, outcome: &RunOutcome) -> Vec<Diagnosis> {
    let net = Net::new(topology);
    let mut out = Vec::new();
    for (j, spec) in topology.commands.iter().enumerate() {
        let lines = outcome.outputs.get(&spec.label).map(Vec::as_slice).unwrap_or(&[]);
        if !command_failed(&spec.command, lines) {
            continue;
        }
        if let Some(d) = changes::changed_during_run(topology, outcome, spec) {
            out.push(d);
            continue;
        }
        if let Some(d) = nat::forgotten_nat(topology, outcome, spec) {
            out.push(d);
            continue;
        }
        if let Some(d) = mtu::too_big(topology, outcome, spec) {
            out.push(d);
            continue;
        }
        if let Some(d) = ipv6::diagnose_command(topology, outcome, spec) {
            out.push(d);
            continue;
        }
        if let Some(d) = services::diagnose_command(topology, outcome, spec) {
            out.push(d);
            continue;
        }
        if let Some(d) = tcp::diagnose_curl(topology, outcome, spec, j) {
            out.push(d);
            continue;
        }
        if let Some(d) = vlan::trunk_missing_vlan(topology, spec) {
            out.push(d);
            continue;
        }
        if let Some(d) = vlan::wrong_vlan(topology, spec) {
            out.push(d);
            continue;
        }
        // A connection that failed otherwise (no route, ARP): where its SYN went.
        let Some(target) = spec.command.target().or_else(|| tcp::curl_target(topology, outcome, spec)) else {
            continue;
        };
        if let Some((device, field, cause, text)) = net.explain(spec.device, j, target, outcome) {
            out.push(Diagnosis { command: spec.label.clone(), cause, device, field, text });
        }
    }
    out
}

/// The diagnosis of a scenario that validation refused, when the refusal is a
/// misconfiguration this module explains (a gateway outside the subnets).
pub fn diagnose_invalid(scenario: &Scenario, error: &ScenarioError) -> Option<Diagnosis> {
    let ErrorKind::GatewayOffLink { device: index, gateway: gw, subnets } = &error.kind else {
        return None;
    };
    let gw = *gw;
    let dev = scenario.devices.get(*index)?;
    let nets: Vec<String> = subnets.iter().map(|n| n.to_string()).collect();
    let networks = if nets.is_empty() { msg!("diagnose-none") } else { Msg::verbatim(nets.join(", ")) };
    let text = msg!(
        "diagnose-gateway-off-subnet",
        device = &dev.id,
        gateway = gw,
        networks = networks,
        path = error.path.trim_end_matches(".gateway"),
    );
    Some(Diagnosis {
        command: String::new(),
        cause: Cause::GatewayOffSubnet,
        device: dev.id.clone(),
        field: error.path.clone(),
        text,
    })
}

type Found = (String, String, Cause, Msg);

/// Alternatives joined with "or" in the reader's language: `a or b or c`.
fn or_list(items: impl IntoIterator<Item = String>) -> Msg {
    let mut items = items.into_iter().map(Msg::verbatim);
    let first = items.next().unwrap_or_else(|| Msg::verbatim(""));
    items.fold(first, |acc, next| msg!("diagnose-or", first = acc, second = next))
}

/// The scenario's addressing and cabling, indexed for the checks.
struct Net<'a> {
    scenario: &'a Topology,
    /// Device id → index.
    ids: VecMap<&'a str, usize>,
    /// Per device, per interface: its address and prefix, if configured.
    ifaces: Vec<Vec<Option<Ipv4Net>>>,
    /// Per device, per interface: the id of its Ethernet segment (joined through switches and hubs).
    segment: Vec<Vec<usize>>,
}

impl<'a> Net<'a> {
    fn new(scenario: &'a Topology) -> Net<'a> {
        // `extend` inserts; `collect` would add a sort and a bulk build to the wasm (issue 15).
        let mut ids: VecMap<&str, usize> = VecMap::new();
        ids.extend(scenario.devices.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)));
        let ifaces = scenario.devices.iter().map(|d| d.interfaces.iter().map(|i| i.address).collect()).collect();
        // Union-find over ports: a cable joins its two ends, and a switch or hub
        // joins all of its ports. A port is (device, port name).
        let mut parent: VecMap<(usize, String), (usize, String)> = VecMap::new();
        fn find(p: &mut VecMap<(usize, String), (usize, String)>, x: (usize, String)) -> (usize, String) {
            let up = p.get(&x).cloned().unwrap_or_else(|| x.clone());
            if up == x {
                return x;
            }
            let root = find(p, up);
            p.insert(x, root.clone());
            root
        }
        let union = |p: &mut VecMap<_, _>, a: (usize, String), b: (usize, String)| {
            let (ra, rb) = (find(p, a), find(p, b));
            if ra != rb {
                p.insert(ra, rb);
            }
        };
        for l in &scenario.links {
            let name = |e: crate::scenario::PortEnd| scenario.devices[e.device].ports[e.port].as_str();
            let (pa, pb) = (port_key(scenario, l.a.device, name(l.a)), port_key(scenario, l.b.device, name(l.b)));
            union(&mut parent, pa, pb);
        }
        let mut segment = vec![Vec::new(); scenario.devices.len()];
        let mut seg_ids: VecMap<(usize, String), usize> = VecMap::new();
        for (d, dev) in scenario.devices.iter().enumerate() {
            for i in &dev.interfaces {
                let root = find(&mut parent, port_key(scenario, d, &i.name));
                let next = seg_ids.len();
                segment[d].push(*seg_ids.entry(root).or_insert(next));
            }
        }
        Net { scenario, ids, ifaces, segment }
    }

    fn index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    fn id(&self, d: usize) -> &str {
        &self.scenario.devices[d].id
    }

    /// The device and interface that own `ip`.
    fn owner(&self, ip: Ipv4Addr) -> Option<(usize, usize)> {
        self.ifaces
            .iter()
            .enumerate()
            .find_map(|(d, is)| is.iter().position(|n| n.is_some_and(|n| n.addr() == ip)).map(|i| (d, i)))
    }

    /// True when `d` has a connected, static or default route for `ip`.
    fn has_route(&self, d: usize, ip: Ipv4Addr) -> bool {
        let dev = &self.scenario.devices[d];
        self.ifaces[d].iter().flatten().any(|n| n.contains(&ip))
            || dev.gateway.is_some()
            || dev.routes.iter().any(|r| r.prefix.contains(&ip))
    }

    /// Devices `a` and `b` on one segment where exactly one of them sees the other on its network.
    fn wrong_mask(&self, a: usize, b: usize) -> Option<Found> {
        for (ia, na) in self.ifaces[a].iter().enumerate() {
            for (ib, nb) in self.ifaces[b].iter().enumerate() {
                let (Some(na), Some(nb)) = (na, nb) else { continue };
                if self.segment[a][ia] != self.segment[b][ib] {
                    continue;
                }
                let (a_sees, b_sees) = (na.contains(&nb.addr()), nb.contains(&na.addr()));
                let (wrong, iw, n_wrong, other, n_other) = match (a_sees, b_sees) {
                    (false, true) => (a, ia, na, b, nb),
                    (true, false) => (b, ib, nb, a, na),
                    _ => continue,
                };
                let v = crate::explain::and_view(n_other.addr(), n_wrong.prefix_len(), n_wrong.addr());
                let field = format!("devices[{wrong}].interfaces[{iw}].address");
                let text = msg!(
                    "diagnose-wrong-mask",
                    device = self.id(wrong),
                    net = n_wrong,
                    peer = self.id(other),
                    peer_net = n_other,
                    address = n_other.addr(),
                    mask = n_wrong.netmask(),
                    masked = &v.rows[2].dotted,
                    network = &v.rows[3].dotted,
                    peer_len = n_other.prefix_len().to_string(),
                    len = n_wrong.prefix_len().to_string(),
                    field = &field,
                );
                return Some((self.id(wrong).to_string(), field, Cause::WrongMask { peer: self.id(other).to_string() }, text));
            }
        }
        None
    }

    /// Where to look on router `r` for how it routes `dst`.
    fn route_field(&self, r: usize, outcome: &RunOutcome, dst: Ipv4Addr) -> String {
        let chosen = outcome.trace.events.iter().find_map(|e| match &e.kind {
            EventKind::Route { device, decision } if device == self.id(r) && decision.destination == dst => decision.chosen.clone(),
            _ => None,
        });
        match chosen {
            Some(c) if c.kind == RouteKind::Default => format!("devices[{r}].gateway"),
            Some(c) if c.kind == RouteKind::Static => {
                match self.scenario.devices[r].routes.iter().position(|x| x.prefix == c.prefix) {
                    Some(k) => format!("devices[{r}].routes[{k}]"),
                    None => format!("devices[{r}].routes"),
                }
            }
            _ => format!("devices[{r}].routes"),
        }
    }

    fn explain(&self, s: usize, j: usize, target: Ipv4Addr, outcome: &RunOutcome) -> Option<Found> {
        let events = &outcome.trace.events;
        let owner = self.owner(target);
        // 1. A wrong mask between the sender and the destination's owner.
        if let Some((d, _)) = owner {
            if d != s {
                if let Some(found) = self.wrong_mask(s, d) {
                    return Some(found);
                }
            }
        }
        // 2. A routing loop: a router received the same packet twice.
        let mut seen: VecMap<(Ipv4Addr, Ipv4Addr, u16), Vec<usize>> = VecMap::new();
        let mut looped = None;
        for e in events {
            let EventKind::FrameReceived { hop, bytes } = &e.kind else { continue };
            let Some(r) = self.index(&hop.to.device) else { continue };
            if self.scenario.devices[r].kind != DeviceKind::Router {
                continue;
            }
            let decoded = wire::decode(bytes);
            let Some(ip) = decoded.ipv4() else { continue };
            if ip.dst.value != target {
                continue;
            }
            let path = seen.entry((ip.src.value, ip.dst.value, ip.ident.value)).or_default();
            if path.contains(&r) && looped.is_none() {
                looped = Some(path.clone());
            }
            path.push(r);
        }
        if let Some(path) = looped {
            let mut routers: Vec<usize> = Vec::new();
            for r in path {
                if !routers.contains(&r) {
                    routers.push(r);
                }
            }
            let names: Vec<String> = routers.iter().map(|&r| self.id(r).to_string()).collect();
            let fields: Vec<String> = routers.iter().map(|&r| self.route_field(r, outcome, target)).collect();
            let mut round = names.clone();
            round.push(names[0].clone());
            let text = msg!(
                "diagnose-ttl-loop",
                target = target,
                round = round.join(" → "),
                fields = or_list(fields.iter().cloned()),
            );
            return Some((names[0].clone(), fields[0].clone(), Cause::TtlLoop { routers: names }, text));
        }
        // 3. The sender has no route at all.
        let sender = self.id(s).to_string();
        if !self.has_route(s, target) {
            let text = msg!(
                "diagnose-no-gateway",
                target = target,
                device = &sender,
                networks = self.nets_text(s),
                field = format!("devices[{s}].gateway"),
            );
            return Some((sender, format!("devices[{s}].gateway"), Cause::NoGateway, text));
        }
        // 4. In trace order: a router without a route, or an ARP without a reply.
        for e in events {
            match &e.kind {
                EventKind::Route { device, decision } if decision.forwarding && decision.chosen.is_none() && decision.destination == target => {
                    let r = self.index(device)?;
                    let text = msg!(
                        "diagnose-no-route",
                        device = device,
                        target = target,
                        routes = format!("devices[{r}].routes"),
                        gateway = format!("devices[{r}].gateway"),
                    );
                    return Some((device.to_string(), format!("devices[{r}].routes"), Cause::NoRoute, text));
                }
                EventKind::NeighborChanged { at, ip, new: NudState::Failed, .. } => {
                    let device = &at.device;
                    let Some(d) = self.index(device) else { continue };
                    let gateway = self.scenario.devices[d].gateway;
                    if gateway == Some(*ip) && (d == s || Some(d) == owner.map(|o| o.0)) {
                        let text = msg!(
                            "diagnose-gateway-no-answer",
                            device = device,
                            gateway = ip,
                            field = format!("devices[{d}].gateway"),
                        );
                        return Some((device.to_string(), format!("devices[{d}].gateway"), Cause::GatewayNoAnswer { gateway: *ip }, text));
                    }
                    if *ip == target {
                        let where_ = match owner {
                            Some((o, _)) => msg!("diagnose-unknown-host-elsewhere", target = target, owner = self.id(o)),
                            None => msg!("diagnose-unknown-host-nowhere", target = target),
                        };
                        let text = msg!(
                            "diagnose-unknown-host",
                            device = device,
                            target = target,
                            place = where_,
                            field = format!("commands[{j}].run"),
                        );
                        return Some((device.to_string(), format!("commands[{j}].run"), Cause::UnknownHost { address: target }, text));
                    }
                }
                _ => {}
            }
        }
        // 5. The answer's way back: the destination cannot route to the sender.
        let (d, _) = owner?;
        let back = self.ifaces[s].iter().flatten().map(|n| n.addr()).next()?;
        if d != s && !self.has_route(d, back) {
            let peer = self.id(d);
            let text = msg!(
                "diagnose-no-way-back",
                device = peer,
                back = back,
                networks = self.nets_text(d),
                field = format!("devices[{d}].gateway"),
            );
            return Some((peer.to_string(), format!("devices[{d}].gateway"), Cause::NoGateway, text));
        }
        None
    }

    fn nets_text(&self, d: usize) -> Msg {
        // Sorted, each once (equal strings are identical: unstable sort is exact).
        let mut nets: Vec<String> = self.ifaces[d].iter().flatten().map(|n| n.trunc().to_string()).collect();
        nets.sort_unstable();
        nets.dedup();
        if nets.is_empty() {
            msg!("diagnose-no-address")
        } else {
            Msg::verbatim(nets.join(", "))
        }
    }
}

/// A port as the union-find keys it: switches and hubs are one node (they join all their ports).
fn port_key(scenario: &Topology, d: usize, port: &str) -> (usize, String) {
    match scenario.devices[d].kind {
        DeviceKind::Switch | DeviceKind::Hub => (d, String::new()),
        _ => (d, port.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Simulation;

    /// pc1 — sw1 — r1 — sw2 — pc2, the engine's two-subnets example, changed by `edit`.
    fn two_subnets(edit: impl FnOnce(&mut Scenario)) -> Scenario {
        let (_, mut s) = crate::examples::all().into_iter().find(|(n, _)| *n == "two-subnets").unwrap();
        edit(&mut s);
        s
    }

    fn run(s: &Scenario) -> Vec<Diagnosis> {
        let t = s.validate().unwrap();
        diagnose(&t, &Simulation::from_topology(&t).run())
    }

    fn one(s: &Scenario) -> Diagnosis {
        let d = run(s);
        assert_eq!(d.len(), 1, "{d:#?}");
        d.into_iter().next().unwrap()
    }

    #[test]
    fn a_working_lab_has_no_diagnosis() {
        assert_eq!(run(&two_subnets(|_| {})), vec![]);
        let tr = two_subnets(|s| s.commands[0].run = "traceroute -I -n 192.168.2.20".into());
        assert_eq!(run(&tr), vec![]);
    }

    #[test]
    fn failure_is_read_from_the_output() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let c = |run: &str| Command::parse(run).unwrap();
        assert!(command_failed(&c("ping -c 3 1.2.3.4"), &l(&["ping: connect: Network is unreachable"])));
        assert!(command_failed(&c("ping -c 3 1.2.3.4"), &l(&["3 packets transmitted, 2 received, 33% packet loss, time 2002ms"])));
        assert!(!command_failed(&c("ping -c 3 1.2.3.4"), &l(&["3 packets transmitted, 3 received, 0% packet loss, time 2002ms"])));
        assert!(command_failed(&c("traceroute -I 1.2.3.4"), &l(&["traceroute to 1.2.3.4 (1.2.3.4), 30 hops max", " 1  * * *"])));
        assert!(!command_failed(&c("traceroute -I 1.2.3.4"), &l(&["traceroute to 1.2.3.4 (1.2.3.4), 30 hops max", " 1  1.2.3.4  0.1 ms"])));
    }

    #[test]
    fn wrong_mask_on_one_switch() {
        let s = Scenario::from_json(
            r#"{ "devices": [
                { "id": "pc1", "kind": "host", "interfaces": [{ "name": "eth0", "address": "192.168.1.10/25" }] },
                { "id": "sw1", "kind": "switch", "ports": 4 },
                { "id": "pc2", "kind": "host", "interfaces": [{ "name": "eth0", "address": "192.168.1.200/24" }] } ],
              "links": [
                { "id": "l1", "a": { "device": "pc1", "port": "eth0" }, "b": { "device": "sw1", "port": "p1" } },
                { "id": "l2", "a": { "device": "pc2", "port": "eth0" }, "b": { "device": "sw1", "port": "p2" } } ],
              "commands": [{ "at_ms": 1000, "device": "pc1", "run": "ping -c 2 192.168.1.200" }] }"#,
        )
        .unwrap();
        let d = one(&s);
        assert_eq!(d.cause, Cause::WrongMask { peer: "pc2".into() });
        assert_eq!((d.device.as_str(), d.field.as_str()), ("pc1", "devices[0].interfaces[0].address"));
        assert_eq!(d.command, "pc1: ping -c 2 192.168.1.200");
        assert!(d.text.to_string().contains("192.168.1.200 AND 255.255.255.128 = 192.168.1.128 ≠ 192.168.1.0"), "{}", d.text);
        // The other way round: pc1 sends, pc2's /25 cannot answer.
        let mut s2 = s.clone();
        s2.devices[0].interfaces[0].address = Some("192.168.1.10/24".into());
        s2.devices[2].interfaces[0].address = Some("192.168.1.200/25".into());
        let d = one(&s2);
        assert_eq!(d.cause, Cause::WrongMask { peer: "pc1".into() });
        assert_eq!(d.field, "devices[2].interfaces[0].address");
    }

    #[test]
    fn missing_default_gateway() {
        let d = one(&two_subnets(|s| s.devices[0].gateway = None));
        assert_eq!(d.cause, Cause::NoGateway);
        assert_eq!((d.device.as_str(), d.field.as_str()), ("pc1", "devices[0].gateway"));
        assert!(d.text.to_string().starts_with("192.168.2.20 is not on any of pc1's networks (192.168.1.0/24)"), "{}", d.text);
        // The reply's way back: pc2 without a gateway gets the request and cannot answer.
        let d = one(&two_subnets(|s| s.devices[4].gateway = None));
        assert_eq!(d.cause, Cause::NoGateway);
        assert_eq!((d.device.as_str(), d.field.as_str()), ("pc2", "devices[4].gateway"));
    }

    #[test]
    fn gateway_outside_the_subnet_is_refused_and_explained() {
        let s = two_subnets(|s| s.devices[0].gateway = Some("192.168.2.1".into()));
        let err = Simulation::new(&s).err().expect("validation refuses it");
        let d = diagnose_invalid(&s, &err).unwrap();
        assert_eq!(d.cause, Cause::GatewayOffSubnet);
        assert_eq!((d.device.as_str(), d.field.as_str()), ("pc1", "devices[0].gateway"));
        assert!(d.text.to_string().starts_with("pc1's default gateway 192.168.2.1 is not on any of its networks (192.168.1.0/24)"), "{}", d.text);
        // Another refusal is not this module's business.
        assert_eq!(diagnose_invalid(&s, &ScenarioError::new("links[0].a", crate::msg::Msg::verbatim("no such port"))), None);
    }

    #[test]
    fn gateway_that_does_not_answer() {
        let d = one(&two_subnets(|s| s.devices[0].gateway = Some("192.168.1.254".into())));
        assert_eq!(d.cause, Cause::GatewayNoAnswer { gateway: "192.168.1.254".parse().unwrap() });
        assert_eq!((d.device.as_str(), d.field.as_str()), ("pc1", "devices[0].gateway"));
    }

    #[test]
    fn no_route_at_the_router() {
        let d = one(&two_subnets(|s| s.commands[0].run = "ping -c 2 10.9.9.9".into()));
        assert_eq!(d.cause, Cause::NoRoute);
        assert_eq!((d.device.as_str(), d.field.as_str()), ("r1", "devices[2].routes"));
        assert!(d.text.to_string().contains("Destination Net Unreachable"));
    }

    #[test]
    fn unknown_host_on_the_senders_network_and_behind_a_router() {
        let d = one(&two_subnets(|s| s.commands[0].run = "ping -c 2 192.168.1.99".into()));
        assert_eq!(d.cause, Cause::UnknownHost { address: "192.168.1.99".parse().unwrap() });
        assert_eq!((d.device.as_str(), d.field.as_str()), ("pc1", "commands[0].run"));
        assert!(d.text.to_string().contains("No device in the lab has 192.168.1.99"));
        let d = one(&two_subnets(|s| s.commands[0].run = "ping -c 2 192.168.2.99".into()));
        assert_eq!(d.device, "r1");
        assert_eq!(d.cause, Cause::UnknownHost { address: "192.168.2.99".parse().unwrap() });
    }

    #[test]
    fn ttl_expired_in_a_loop() {
        let (_, s) = crate::examples::all().into_iter().find(|(n, _)| *n == "routing-loop").unwrap();
        let d = one(&s);
        assert_eq!(d.cause, Cause::TtlLoop { routers: vec!["r1".into(), "r2".into()] });
        assert_eq!((d.device.as_str(), d.field.as_str()), ("r1", "devices[1].gateway"));
        assert!(d.text.to_string().contains("r1 → r2 → r1"), "{}", d.text);
        assert!(d.text.to_string().contains("devices[1].gateway or devices[2].gateway"), "{}", d.text);
        // A traceroute into the loop is diagnosed the same way.
        let mut t = s.clone();
        t.commands[0].run = "traceroute -I -n -m 8 8.8.8.8".into();
        assert!(matches!(one(&t).cause, Cause::TtlLoop { .. }));
    }
}
