//! Switches (Linux bridges with STP off) and hubs.

use super::{Body, Ev, Frame, Sim};
use crate::mac::MacAddr;
use crate::time::SimTime;
use crate::trace::{DropReason, EventKind, ForwardReason, Forwarding, Name};
use std::collections::BTreeMap;

/// Linux bridge default `ageing_time`.
pub(crate) const AGEING_TIME: SimTime = SimTime::from_secs(300);

/// One forwarding-database entry.
struct FdbEntry {
    /// Port index within the switch.
    port: u32,
    last_seen: SimTime,
}

/// A learning switch's state: its forwarding database.
pub(crate) struct Switch {
    /// MAC → where it was last seen. Lookup and update are O(log n) in the
    /// number of learned MACs; ageing costs one timer event per entry per 300 s.
    fdb: BTreeMap<MacAddr, FdbEntry>,
}

impl Switch {
    pub(crate) fn new() -> Switch {
        Switch {
            fdb: BTreeMap::new(),
        }
    }
}

fn mac_at(frame: &[u8], offset: usize) -> Option<MacAddr> {
    let b = frame.get(offset..offset + 6)?;
    Some(MacAddr([b[0], b[1], b[2], b[3], b[4], b[5]]))
}

impl Sim {
    fn switch_mut(&mut self, dev: u32) -> &mut Switch {
        match &mut self.devices[dev as usize].body {
            Body::Switch(s) => s,
            _ => unreachable!("device {dev} is a switch"),
        }
    }

    /// A frame arrived on port `in_port` of switch `dev`: learn its source,
    /// then forward (known unicast), flood (broadcast, multicast, unknown)
    /// or drop (destination on the ingress port). O(log n) plus the flood.
    pub(super) fn switch_input(&mut self, dev: u32, in_port: u32, frame: Frame) {
        let (Some(dst), Some(src)) = (mac_at(&frame, 0), mac_at(&frame, 6)) else {
            self.drop_frame(
                dev,
                Some(self.devices[dev as usize].ports[in_port as usize]),
                DropReason::Malformed,
                frame,
            );
            return;
        };
        let now = self.now;
        let device = self.devices[dev as usize].id.clone();
        let port_name = |sim: &Sim, local: u32| {
            sim.ports[sim.devices[dev as usize].ports[local as usize] as usize]
                .name
                .clone()
        };
        if !src.is_multicast() {
            let sw = self.switch_mut(dev);
            let mut learned = None;
            match sw.fdb.get_mut(&src) {
                Some(entry) => {
                    entry.last_seen = now;
                    if entry.port != in_port {
                        learned = Some(Some(entry.port));
                        entry.port = in_port;
                    }
                }
                None => {
                    sw.fdb.insert(
                        src,
                        FdbEntry {
                            port: in_port,
                            last_seen: now,
                        },
                    );
                    learned = Some(None);
                    self.schedule(now + AGEING_TIME, Ev::MacAge { dev, mac: src });
                }
            }
            if let Some(moved_from) = learned {
                let port = port_name(self, in_port);
                let moved_from = moved_from.map(|p| port_name(self, p));
                self.record(EventKind::MacLearned {
                    device: device.clone(),
                    mac: src,
                    port,
                    moved_from,
                });
            }
        }
        let in_name = port_name(self, in_port);
        let (why, out_port) = if dst.is_broadcast() {
            (ForwardReason::Broadcast, None)
        } else if dst.is_multicast() {
            (ForwardReason::Multicast, None)
        } else {
            match self.switch_mut(dev).fdb.get(&dst).map(|e| e.port) {
                Some(p) => (ForwardReason::Learned, Some(p)),
                None => (ForwardReason::UnknownUnicast, None),
            }
        };
        let at = now + self.switch_delay;
        match out_port {
            Some(p) if p == in_port => {
                let port = self.devices[dev as usize].ports[in_port as usize];
                self.drop_frame(dev, Some(port), DropReason::SameSegment, frame);
            }
            Some(p) => {
                let out = Forwarding::Port {
                    port: port_name(self, p),
                };
                self.record(EventKind::SwitchForward {
                    device,
                    in_port: in_name,
                    dst,
                    out,
                    why,
                });
                let port = self.devices[dev as usize].ports[p as usize];
                self.schedule(at, Ev::Transmit { port, frame });
            }
            None => self.flood(dev, in_port, in_name, dst, why, frame, at),
        }
    }

    /// Sends a frame out of every linked port except the one it came from.
    #[allow(clippy::too_many_arguments)]
    fn flood(
        &mut self,
        dev: u32,
        in_port: u32,
        in_name: Name,
        dst: MacAddr,
        why: ForwardReason,
        frame: Frame,
        at: SimTime,
    ) {
        let ports: Vec<u32> = self.devices[dev as usize]
            .ports
            .iter()
            .enumerate()
            .filter(|&(local, &p)| local as u32 != in_port && self.ports[p as usize].link.is_some())
            .map(|(_, &p)| p)
            .collect();
        let names = ports
            .iter()
            .map(|&p| self.ports[p as usize].name.clone())
            .collect();
        let device = self.devices[dev as usize].id.clone();
        self.record(EventKind::SwitchForward {
            device,
            in_port: in_name,
            dst,
            out: Forwarding::Flood { ports: names },
            why,
        });
        for port in ports {
            if at == self.now {
                self.transmit(port, frame.clone());
            } else {
                self.schedule(
                    at,
                    Ev::Transmit {
                        port,
                        frame: frame.clone(),
                    },
                );
            }
        }
    }

    /// A hub repeats the frame to every other port at once (it does not learn).
    pub(super) fn hub_input(&mut self, dev: u32, in_port: u32, frame: Frame) {
        let in_name = self.ports[self.devices[dev as usize].ports[in_port as usize] as usize]
            .name
            .clone();
        let dst = mac_at(&frame, 0).unwrap_or(MacAddr::ZERO);
        let now = self.now;
        self.flood(dev, in_port, in_name, dst, ForwardReason::Hub, frame, now);
    }

    /// The ageing timer of one MAC: forget it if it was silent for 300 s, else
    /// check again 300 s after it was last seen (Linux's `br_fdb_cleanup`).
    pub(super) fn mac_age(&mut self, dev: u32, mac: MacAddr) {
        let now = self.now;
        let sw = self.switch_mut(dev);
        let Some(entry) = sw.fdb.get(&mac) else {
            return;
        };
        let expires = entry.last_seen + AGEING_TIME;
        if expires > now {
            self.schedule(expires, Ev::MacAge { dev, mac });
            return;
        }
        let port = entry.port;
        sw.fdb.remove(&mac);
        let device = self.devices[dev as usize].id.clone();
        let port = self.ports[self.devices[dev as usize].ports[port as usize] as usize]
            .name
            .clone();
        self.record(EventKind::MacAged { device, mac, port });
    }
}
