//! Configuration changes during a run (issue 18): the simulation carries out
//! `ip link set`, `ip neigh flush`, `bridge fdb flush`, `ip route`, `ip addr`,
//! `poweroff` and `poweron` at their scheduled instant, because a link going
//! down concerns both ends of a cable and devices never see each other.
//!
//! [`Sim::set_port`] is the one mechanism for a port going down or up: it sets
//! the port, recomputes the cable's carrier (both ends up), and tells the
//! device and, when carrier changed, the far end's device. A scheduled link
//! cut of another kind (spanning tree's tests, say) should call it too.

use super::device::Body;
use super::Sim;
use crate::l2::{Hub, Switch};
use crate::l3::IpNode;
use crate::scenario::{Command, ConfigCommand};
use crate::trace::{EventKind, FlushCause, LinkCause, Name};

impl Sim {
    /// Carries out scheduled command `c`, a configuration change.
    pub(super) fn configure(&mut self, c: usize) {
        let topology = self.topology.clone();
        let spec = &topology.commands[c];
        let Command::Config(cmd) = &spec.command else { return };
        let d = spec.device;
        let label: Name = spec.label.as_str().into();
        let device = self.ctx.id(d as u32);
        self.ctx.record(EventKind::CommandStarted { label: label.clone(), device: device.clone() });
        if !self.powered[d] && *cmd != (ConfigCommand::Power { on: true }) {
            self.ctx.output_line(&label, format!("{device} is powered off: nothing can be typed on it (poweron first)"));
            return;
        }
        let port_of = |name: &str| topology.devices[d].ports.iter().position(|p| p == name).map(|i| i as u32);
        let refusal = match cmd {
            ConfigCommand::LinkSet { dev, up } => {
                if let Some(local) = port_of(dev) {
                    self.set_port(d, local, *up, LinkCause::Command);
                }
                None
            }
            ConfigCommand::NeighFlush { dev } => {
                if let Body::Ip(node) = &mut self.bodies[d] {
                    let n = node.ifaces.len() as u32;
                    for i in (0..n).filter(|&i| dev.as_deref().is_none_or(|name| port_of(name) == Some(i))) {
                        node.flush_neigh(&mut self.ctx, i, FlushCause::Command);
                        // iproute2's default family is AF_UNSPEC: the NDP cache goes too.
                        node.flush_neigh6(&mut self.ctx, i);
                    }
                }
                None
            }
            ConfigCommand::FdbFlush { dev } => {
                if let Body::Switch(sw) = &mut self.bodies[d] {
                    sw.flush(&mut self.ctx, port_of(dev), FlushCause::Command);
                }
                None
            }
            ConfigCommand::Route { add, prefix, via } => {
                let ports = &self.device_ports[d];
                let ctx = &mut self.ctx;
                match &mut self.bodies[d] {
                    Body::Ip(node) => {
                        let carrier: Vec<bool> = ports.iter().map(|&p| ctx.has_carrier(p)).collect();
                        node.config_route(ctx, *add, *prefix, *via, |i| carrier[i as usize])
                    }
                    _ => None,
                }
            }
            ConfigCommand::Addr { add, net, dev } => {
                let Some(local) = port_of(dev) else { return };
                let port = self.device_ports[d][local as usize];
                let (up, carrier) = (self.ctx.ports[port as usize].up, self.ctx.has_carrier(port));
                match &mut self.bodies[d] {
                    Body::Ip(node) => node.config_addr(&mut self.ctx, *add, *net, local, up, carrier),
                    _ => None,
                }
            }
            ConfigCommand::Route6 { add, prefix, via, dev } => {
                let oif = dev.as_deref().and_then(port_of);
                match &mut self.bodies[d] {
                    Body::Ip(node) => node.config_route6(&mut self.ctx, *add, *prefix, *via, oif),
                    _ => None,
                }
            }
            ConfigCommand::Addr6 { add, net, dev } => {
                let Some(local) = port_of(dev) else { return };
                match &mut self.bodies[d] {
                    Body::Ip(node) => node.config_addr6(&mut self.ctx, *add, *net, local),
                    _ => None,
                }
            }
            ConfigCommand::Power { on } => {
                self.power(d, *on);
                None
            }
        };
        if let Some(line) = refusal {
            self.ctx.output_line(&label, line);
        }
    }

    /// Sets local port `local` of device `d` down or up, and carries out what
    /// follows on both ends of its cable. Nothing happens when it already is.
    pub(crate) fn set_port(&mut self, d: usize, local: u32, up: bool, cause: LinkCause) {
        let port = self.device_ports[d][local as usize];
        if self.ctx.ports[port as usize].up == up {
            return;
        }
        let peer = self.ctx.set_port_up(port, up);
        let at = self.ctx.port_ref(port);
        let boot = cause == LinkCause::Power;
        let why = if boot { FlushCause::PowerOff } else { FlushCause::LinkDown };
        self.ctx.record(EventKind::LinkChanged { at, up, cause: Box::new(cause.clone()) });
        let carrier = self.ctx.has_carrier(port);
        let ctx = &mut self.ctx;
        match &mut self.bodies[d] {
            // Just booted: its routes are all there; without carrier they are `linkdown`.
            Body::Ip(node) if up && boot => {
                if !carrier && ctx.ports[port as usize].link.is_some() {
                    node.iface_carrier(ctx, local, false);
                }
            }
            Body::Ip(node) if up => node.iface_up(ctx, local, carrier),
            Body::Ip(node) => node.iface_down(ctx, local, why),
            Body::Switch(sw) => {
                if !up {
                    sw.flush(ctx, Some(local), why);
                }
                sw.carrier(ctx, local, carrier);
            }
            _ => {}
        }
        // 8021q's vlan_device_event: NETDEV_DOWN / NETDEV_UP of the parent
        // takes its VLAN subinterfaces down and up with it (net/8021q/vlan.c).
        for sub in self.subinterfaces(d, local) {
            self.set_port(d, sub, up, cause.clone());
        }
        let Some(peer) = peer else { return };
        // The far end sees carrier come or go (NETDEV_CHANGE).
        let (pd, plocal) = (self.ctx.ports[peer as usize].device, self.ctx.ports[peer as usize].local);
        let from = self.ctx.port_ref(port);
        let at = self.ctx.port_ref(peer);
        let cause = Box::new(LinkCause::Carrier { peer: from });
        self.ctx.record(EventKind::LinkChanged { at, up, cause });
        let subs = self.subinterfaces(pd as usize, plocal);
        let ctx = &mut self.ctx;
        match &mut self.bodies[pd as usize] {
            Body::Ip(node) => {
                node.iface_carrier(ctx, plocal, up);
                // The subinterfaces follow the parent's carrier (netif_stacked_transfer_operstate).
                for sub in subs {
                    node.iface_carrier(ctx, sub, up);
                }
            }
            Body::Switch(sw) => {
                if !up {
                    sw.flush(ctx, Some(plocal), FlushCause::CarrierLost);
                }
                sw.carrier(ctx, plocal, up);
            }
            _ => {}
        }
    }

    /// The VLAN subinterfaces of interface `local` of device `d` (none on a switch).
    fn subinterfaces(&self, d: usize, local: u32) -> Vec<u32> {
        let Body::Ip(node) = &self.bodies[d] else { return Vec::new() };
        (0..node.ifaces.len() as u32).filter(|&i| node.ifaces[i as usize].vlan.is_some_and(|(p, _)| p == local)).collect()
    }

    /// `poweroff` / `poweron` of device `d`.
    fn power(&mut self, d: usize, on: bool) {
        if self.powered[d] == on {
            return;
        }
        let device = self.ctx.id(d as u32);
        self.ctx.record(EventKind::PowerChanged { device, on });
        let n = self.device_ports[d].len() as u32;
        if !on {
            if let Body::Ip(node) = &mut self.bodies[d] {
                node.stop_programs();
            }
            for local in 0..n {
                self.set_port(d, local, false, LinkCause::Power);
            }
            // Every timer it had set is void now.
            self.ctx.boots[d] += 1;
            self.powered[d] = false;
            return;
        }
        self.powered[d] = true;
        self.boot(d);
        for local in 0..n {
            self.set_port(d, local, true, LinkCause::Power);
        }
    }

    /// A device starts again from its lab-file configuration: empty tables,
    /// its addresses and routes, dhclient on "dhcp" interfaces, its services.
    /// The commands scheduled later on it still run.
    fn boot(&mut self, d: usize) {
        let topology = self.topology.clone();
        let spec = &topology.devices[d];
        let ports = self.device_ports[d].clone();
        // Its ports are still down here: they come up after, one by one.
        let body = match &mut self.bodies[d] {
            Body::Switch(_) => {
                let mut sw = Switch::new(d as u32, ports.clone());
                if let Some(v) = &spec.vlans {
                    sw.set_vlans(v.clone());
                }
                if spec.stp {
                    sw.set_stp(super::new_stp(d, spec, &ports, &self.ctx, &self.stp_names));
                    sw.stp_start(&mut self.ctx);
                }
                Body::Switch(sw)
            }
            Body::Hub(_) => Body::Hub(Hub::new(ports)),
            Body::Ip(old) => {
                let mut node = IpNode::build(d as u32, spec, &ports, &mut self.ctx.rng);
                node.apps = std::mem::take(&mut old.apps);
                let now = self.ctx.now;
                super::start_services(&mut node, spec, d as u32, now, &mut self.ctx);
                let routes = node.route_entries();
                let device = self.ctx.id(d as u32);
                self.ctx.record(EventKind::RoutesInstalled { device, routes: Box::new(routes) });
                if let Some(s) = &spec.web_server {
                    node.web_server_setup(&mut self.ctx, s);
                }
                Body::Ip(Box::new(node))
            }
        };
        self.bodies[d] = body;
    }

    /// A program due to start on a device that is off.
    pub(super) fn off_command(&mut self, d: u32, label: &str) {
        let device = self.ctx.id(d);
        let label: Name = label.into();
        self.ctx.record(EventKind::CommandStarted { label: label.clone(), device: device.clone() });
        self.ctx.output_line(&label, format!("{device} is powered off: nothing can be typed on it (poweron first)"));
    }
}
