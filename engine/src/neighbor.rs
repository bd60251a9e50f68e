//! The neighbour cache of one interface, with Linux's NUD states: the ARP
//! table for IPv4 and, the same state machine over IPv6 addresses, the NDP
//! neighbour cache (issue 16; `net/ipv6/ndisc.c` uses the same
//! `net/core/neighbour.c`, and its defaults in `ip-sysctl.rst` are the same
//! numbers: 3 multicast and 3 unicast solicitations 1 s apart, 5 s delay,
//! 30 s base reachable time).
//!
//! Like smoltcp's `iface/neighbor.rs` the cache never reads a clock: every
//! call takes `now`, and instead of sending anything it appends
//! [`NeighAction`]s for the caller to carry out (send a frame, arm a timer,
//! report an error). The state machine follows `net/core/neighbour.c` and
//! `net/ipv4/arp.c` with the default sysctls of `ip-sysctl.rst` / `arp(7)`:
//! `mcast_solicit` 3, `ucast_solicit` 3, `app_solicit` 0, `mcast_resolicit` 0,
//! `retrans_time_ms` 1000, `delay_first_probe_time` 5 s, `base_reachable_time_ms`
//! 30000 (reachable time drawn in [15 s, 45 s)), `unres_qlen_bytes` ≈ 212 KB.
//!
//! (A little over 600 lines: one state machine with its tests, kept in one
//! file so every NUD transition reads next to the others.)

use crate::mac::MacAddr;
use crate::time::SimTime;
use serde::Serialize;
use crate::vec_map::VecMap;
use std::collections::VecDeque;
use std::net::Ipv4Addr;

/// Linux's neighbour states (`ip neigh` shows them in capitals).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NudState {
    /// A request was broadcast; packets wait in the entry's queue.
    Incomplete,
    /// Confirmed by a reply less than `reachable_time` ago.
    Reachable,
    /// Learned or confirmed long ago; still used, verified on next use.
    Stale,
    /// Used while stale; waiting `delay_first_probe_time` for a confirmation.
    Delay,
    /// Sending unicast requests to the cached MAC.
    Probe,
    /// Resolution failed; the next packet starts over.
    Failed,
}

impl NudState {
    /// `NUD_VALID` minus the permanent states: the entry has a usable MAC.
    pub fn is_valid(self) -> bool {
        matches!(
            self,
            NudState::Reachable | NudState::Stale | NudState::Delay | NudState::Probe
        )
    }
    pub fn name(self) -> &'static str {
        match self {
            NudState::Incomplete => "INCOMPLETE",
            NudState::Reachable => "REACHABLE",
            NudState::Stale => "STALE",
            NudState::Delay => "DELAY",
            NudState::Probe => "PROBE",
            NudState::Failed => "FAILED",
        }
    }
}

/// The per-interface parameters (`/proc/sys/net/ipv4/neigh/<dev>/`).
#[derive(Clone, Copy, Debug)]
pub struct NeighParams {
    pub retrans_time: SimTime,
    pub delay_first_probe_time: SimTime,
    pub reachable_time: SimTime,
    pub base_reachable_time: SimTime,
    pub mcast_probes: u32,
    pub ucast_probes: u32,
    /// Packets held while a neighbour is INCOMPLETE (`unres_qlen_bytes`
    /// 212992 divided by the ~800-byte truesize of a small packet).
    pub queue_len: usize,
}

impl NeighParams {
    /// Linux defaults, with `reachable_time` already drawn (uniform in [base/2, 3·base/2)).
    pub fn linux_defaults(reachable_time: SimTime) -> NeighParams {
        NeighParams {
            retrans_time: SimTime::from_secs(1),
            delay_first_probe_time: SimTime::from_secs(5),
            reachable_time,
            base_reachable_time: SimTime::from_secs(30),
            mcast_probes: 3,
            ucast_probes: 3,
            queue_len: 256,
        }
    }
}

/// The address type a neighbour cache is keyed by (IPv4 for ARP, IPv6 for NDP).
pub trait NeighAddr: Copy + Ord + std::fmt::Debug {
    /// The source address of a queued datagram of this family.
    fn datagram_src(datagram: &[u8]) -> Option<Self>;
}

impl NeighAddr for Ipv4Addr {
    fn datagram_src(datagram: &[u8]) -> Option<Ipv4Addr> {
        let b = datagram.get(12..16)?;
        Some(Ipv4Addr::new(b[0], b[1], b[2], b[3]))
    }
}

impl NeighAddr for std::net::Ipv6Addr {
    fn datagram_src(datagram: &[u8]) -> Option<std::net::Ipv6Addr> {
        let b: [u8; 16] = datagram.get(8..24)?.try_into().ok()?;
        Some(std::net::Ipv6Addr::from(b))
    }
}

/// A packet waiting for its next hop's MAC: the full IP datagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub datagram: Vec<u8>,
}

impl Pending {
    /// The source address of the queued datagram (what `arp_solicit` and
    /// `ndisc_solicit` look at).
    pub fn src<A: NeighAddr>(&self) -> Option<A> {
        A::datagram_src(&self.datagram)
    }
}

/// What the caller must do after a call into the cache, in order.
#[derive(Debug, PartialEq, Eq)]
pub enum NeighAction<A = Ipv4Addr> {
    /// Transmit `packet` in a frame to `mac`.
    Send {
        ip: A,
        mac: MacAddr,
        packet: Pending,
    },
    /// Send an ARP request for `ip`: broadcast when `unicast` is `None`, else to
    /// that MAC. `queued_src` is the source of the newest queued packet, which
    /// Linux uses as the ARP sender address when it is one of its own (arp_announce 0).
    Solicit {
        ip: A,
        unicast: Option<MacAddr>,
        queued_src: Option<A>,
    },
    /// Call [`NeighborCache::timer`] for `ip` with `gen` at time `at`.
    Timer { ip: A, at: SimTime, gen: u32 },
    /// The entry for `ip` was created or changed state or MAC.
    Changed {
        ip: A,
        old: Option<NudState>,
        new: NudState,
        mac: Option<MacAddr>,
    },
    /// Resolution failed: report "host unreachable" for this packet.
    Failed { ip: A, packet: Pending },
    /// The queue was full; Linux drops the oldest packet.
    QueueOverflow { ip: A, packet: Pending },
}

#[derive(Clone, Debug)]
struct Entry {
    state: Option<NudState>,
    mac: Option<MacAddr>,
    probes: u32,
    confirmed: SimTime,
    used: SimTime,
    timer_gen: u32,
    queue: VecDeque<Pending>,
}

/// One interface's ARP table.
///
/// Lookup, insertion and timer handling are O(log n) in the number of
/// entries (a `VecMap`, which also keeps iteration deterministic).
#[derive(Clone, Debug)]
pub struct NeighborCache<A = Ipv4Addr> {
    entries: VecMap<A, Entry>,
    pub params: NeighParams,
    /// The first timer generation of a new entry: above every generation a
    /// flushed entry used, so a flushed entry's pending timer never matches.
    gen_seed: u32,
}

/// An entry as `ip neigh` would list it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryView {
    pub state: NudState,
    pub mac: Option<MacAddr>,
}

impl<A: NeighAddr> NeighborCache<A> {
    pub fn new(params: NeighParams) -> NeighborCache<A> {
        NeighborCache {
            entries: VecMap::new(),
            params,
            gen_seed: 0,
        }
    }

    /// The current entry for `ip`, if any.
    pub fn get(&self, ip: A) -> Option<EntryView> {
        let e = self.entries.get(&ip)?;
        Some(EntryView {
            state: e.state?,
            mac: e.mac,
        })
    }

    fn max_probes(&self, state: NudState) -> u32 {
        // neigh_max_probes: ucast + app + (PROBE ? mcast_reprobes : mcast).
        self.params.ucast_probes
            + if state == NudState::Probe {
                0
            } else {
                self.params.mcast_probes
            }
    }

    fn arm(entry: &mut Entry, ip: A, at: SimTime, out: &mut Vec<NeighAction<A>>) {
        entry.timer_gen = entry.timer_gen.wrapping_add(1);
        out.push(NeighAction::Timer {
            ip,
            at,
            gen: entry.timer_gen,
        });
    }

    fn disarm(entry: &mut Entry) {
        entry.timer_gen = entry.timer_gen.wrapping_add(1);
    }

    fn new_entry(&self, now: SimTime) -> Entry {
        Entry {
            state: None,
            mac: None,
            probes: 0,
            // neigh_alloc: "confirmed" starts well in the past.
            confirmed: now.saturating_sub(SimTime(self.params.base_reachable_time.0 * 2)),
            used: now,
            timer_gen: self.gen_seed,
            queue: VecDeque::new(),
        }
    }

    fn solicit(entry: &mut Entry, ip: A, ucast_probes: u32, out: &mut Vec<NeighAction<A>>) {
        // neigh_probe → arp_solicit: while probes < ucast_probes the request
        // goes to the cached MAC, afterwards it is broadcast.
        let unicast = if entry.probes < ucast_probes {
            entry.mac
        } else {
            None
        };
        let queued_src = entry.queue.back().and_then(Pending::src::<A>);
        out.push(NeighAction::Solicit {
            ip,
            unicast,
            queued_src,
        });
        entry.probes += 1;
    }

    /// Hands a packet for next hop `ip` to the cache (`neigh_resolve_output`):
    /// it is sent at once when the MAC is known, else queued while ARP runs.
    pub fn output(
        &mut self,
        ip: A,
        packet: Pending,
        now: SimTime,
        out: &mut Vec<NeighAction<A>>,
    ) {
        let fresh = self.new_entry(now);
        let params = self.params;
        let entry = self.entries.entry(ip).or_insert(fresh);
        let old = entry.state;
        // A REACHABLE entry goes through the kernel's cached-header fast path
        // (neigh_hh_output), which does not touch `used`; every other state
        // goes through neigh_resolve_output → neigh_event_send, which does.
        if old != Some(NudState::Reachable) {
            entry.used = now;
        }
        match old {
            Some(NudState::Reachable | NudState::Delay | NudState::Probe) => {}
            Some(NudState::Stale) => {
                // First use of a stale entry: send anyway, verify in 5 s.
                entry.state = Some(NudState::Delay);
                Self::arm(entry, ip, now + params.delay_first_probe_time, out);
                out.push(NeighAction::Changed {
                    ip,
                    old,
                    new: NudState::Delay,
                    mac: entry.mac,
                });
            }
            None | Some(NudState::Failed) => {
                entry.probes = params.ucast_probes;
                entry.state = Some(NudState::Incomplete);
                out.push(NeighAction::Changed {
                    ip,
                    old,
                    new: NudState::Incomplete,
                    mac: entry.mac,
                });
                Self::arm(entry, ip, now + params.retrans_time, out);
                Self::enqueue(entry, ip, packet, params.queue_len, out);
                Self::solicit(entry, ip, params.ucast_probes, out);
                return;
            }
            Some(NudState::Incomplete) => {
                Self::enqueue(entry, ip, packet, params.queue_len, out);
                return;
            }
        }
        let mac = entry.mac.expect("a valid neighbour state always has a MAC");
        out.push(NeighAction::Send { ip, mac, packet });
    }

    fn enqueue(
        entry: &mut Entry,
        ip: A,
        packet: Pending,
        limit: usize,
        out: &mut Vec<NeighAction<A>>,
    ) {
        while entry.queue.len() >= limit.max(1) {
            if let Some(oldest) = entry.queue.pop_front() {
                out.push(NeighAction::QueueOverflow { ip, packet: oldest });
            }
        }
        entry.queue.push_back(packet);
    }

    /// An ARP packet from `ip` said its MAC is `mac` (`neigh_update`).
    ///
    /// `new` is `Reachable` for a unicast reply to us and `Stale` otherwise.
    /// With `create` (a request for one of our addresses: `neigh_event_ns`)
    /// a missing entry is created; otherwise only an existing one is updated
    /// (arp_accept = 0: unsolicited replies are ignored).
    pub fn update(
        &mut self,
        ip: A,
        mac: MacAddr,
        new: NudState,
        create: bool,
        now: SimTime,
        out: &mut Vec<NeighAction<A>>,
    ) {
        if !self.entries.contains_key(&ip) {
            if !create {
                return;
            }
            let fresh = self.new_entry(now);
            self.entries.insert(ip, fresh);
        }
        let params = self.params;
        let entry = self.entries.get_mut(&ip).expect("inserted above");
        let old = entry.state;
        let mut new = new;
        let old_valid = old.is_some_and(NudState::is_valid);
        if old_valid && entry.mac == Some(mac) && new == NudState::Stale {
            // "If entry was valid and address is not changed, do not change entry state."
            new = old.expect("valid");
        }
        if new == NudState::Reachable {
            entry.confirmed = now;
        }
        let mac_changed = entry.mac != Some(mac);
        entry.mac = Some(mac);
        if Some(new) != old {
            Self::disarm(entry);
            entry.state = Some(new);
            if new == NudState::Reachable {
                Self::arm(entry, ip, now + params.reachable_time, out);
            }
        }
        if Some(new) != old || mac_changed {
            out.push(NeighAction::Changed {
                ip,
                old,
                new,
                mac: Some(mac),
            });
        }
        if !old_valid && new.is_valid() {
            // The queue drains through the normal output path (a STALE
            // entry therefore moves to DELAY on the first packet).
            let queued: Vec<Pending> = entry.queue.drain(..).collect();
            for packet in queued {
                self.output(ip, packet, now, out);
            }
        }
    }

    /// The entry's timer fired (`neigh_timer_handler`). Stale generations are ignored.
    pub fn timer(&mut self, ip: A, gen: u32, now: SimTime, out: &mut Vec<NeighAction<A>>) {
        let params = self.params;
        let max_incomplete = self.max_probes(NudState::Incomplete);
        let max_probe = self.max_probes(NudState::Probe);
        let Some(entry) = self.entries.get_mut(&ip) else {
            return;
        };
        if entry.timer_gen != gen {
            return;
        }
        let Some(state) = entry.state else { return };
        // The kernel compares with time_before_eq() on jiffies, which have
        // moved on by the time a timer runs; with exact simulated time the
        // deadline itself must count as passed, or the timer re-arms forever.
        let mut next = None;
        match state {
            NudState::Reachable => {
                if now < entry.confirmed + params.reachable_time {
                    next = Some(entry.confirmed + params.reachable_time);
                } else if now < entry.used + params.delay_first_probe_time {
                    entry.state = Some(NudState::Delay);
                    next = Some(now + params.delay_first_probe_time);
                } else {
                    entry.state = Some(NudState::Stale);
                }
            }
            NudState::Delay => {
                if now < entry.confirmed + params.delay_first_probe_time {
                    entry.state = Some(NudState::Reachable);
                    next = Some(entry.confirmed + params.reachable_time);
                } else {
                    entry.state = Some(NudState::Probe);
                    entry.probes = 0;
                    next = Some(now + params.retrans_time);
                }
            }
            NudState::Incomplete | NudState::Probe => next = Some(now + params.retrans_time),
            NudState::Stale | NudState::Failed => return,
        }
        let current = entry.state.expect("set above");
        if current != state {
            out.push(NeighAction::Changed {
                ip,
                old: Some(state),
                new: current,
                mac: entry.mac,
            });
        }
        let max = if current == NudState::Probe {
            max_probe
        } else {
            max_incomplete
        };
        if matches!(current, NudState::Incomplete | NudState::Probe) && entry.probes >= max {
            entry.state = Some(NudState::Failed);
            Self::disarm(entry);
            out.push(NeighAction::Changed {
                ip,
                old: Some(current),
                new: NudState::Failed,
                mac: entry.mac,
            });
            for packet in entry.queue.drain(..) {
                out.push(NeighAction::Failed { ip, packet });
            }
            return;
        }
        match next {
            Some(at) => Self::arm(entry, ip, at, out),
            None => Self::disarm(entry),
        }
        if matches!(current, NudState::Incomplete | NudState::Probe) {
            Self::solicit(entry, ip, params.ucast_probes, out);
        }
    }

    /// Removes every entry (`neigh_flush_dev`, as `neigh_ifdown`,
    /// `neigh_carrier_down` and `ip neigh flush` do) and returns the addresses
    /// of those that had a state, in order. Packets waiting for ARP are freed
    /// without a word, as the kernel's `__skb_queue_purge` does.
    pub fn flush(&mut self) -> Vec<A> {
        let top = self.entries.values().map(|e| e.timer_gen).max().unwrap_or(0);
        self.gen_seed = self.gen_seed.max(top.wrapping_add(1));
        let ips = self.entries.iter().filter(|(_, e)| e.state.is_some()).map(|(ip, _)| *ip).collect();
        self.entries.clear();
        ips
    }

    /// All entries with a state, in address order.
    pub fn entries(&self) -> impl Iterator<Item = (A, EntryView)> + '_ {
        self.entries.iter().filter_map(|(ip, e)| {
            Some((
                *ip,
                EntryView {
                    state: e.state?,
                    mac: e.mac,
                },
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IP: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 2);
    const MAC: MacAddr = MacAddr([2, 0, 0, 0, 0, 2]);

    fn cache() -> NeighborCache {
        NeighborCache::new(NeighParams::linux_defaults(SimTime::from_secs(30)))
    }

    fn packet(src: [u8; 4]) -> Pending {
        let mut datagram = vec![0u8; 20];
        datagram[12..16].copy_from_slice(&src);
        Pending { datagram }
    }

    /// Runs the timer the actions armed last; returns its time.
    fn fire(c: &mut NeighborCache, out: &mut Vec<NeighAction>) -> SimTime {
        let (at, gen) = out
            .iter()
            .rev()
            .find_map(|a| match a {
                NeighAction::Timer { at, gen, .. } => Some((*at, *gen)),
                _ => None,
            })
            .expect("a timer is armed");
        out.clear();
        c.timer(IP, gen, at, out);
        at
    }

    #[test]
    fn unresolved_neighbour_gets_three_broadcasts_then_fails() {
        let mut c = cache();
        let mut out = Vec::new();
        c.output(IP, packet([10, 0, 0, 1]), SimTime::ZERO, &mut out);
        assert!(out.contains(&NeighAction::Solicit {
            ip: IP,
            unicast: None,
            queued_src: Some(Ipv4Addr::new(10, 0, 0, 1))
        }));
        let mut solicits = 1;
        let t = loop {
            let t = fire(&mut c, &mut out);
            solicits += out
                .iter()
                .filter(|a| matches!(a, NeighAction::Solicit { unicast: None, .. }))
                .count();
            if out.iter().any(|a| matches!(a, NeighAction::Failed { .. })) {
                break t;
            }
        };
        assert_eq!(solicits, 3);
        assert_eq!(t, SimTime::from_secs(3));
        assert_eq!(c.get(IP).unwrap().state, NudState::Failed);
    }

    #[test]
    fn reply_flushes_queue_and_stale_use_leads_to_unicast_probes() {
        let mut c = cache();
        let mut out = Vec::new();
        c.output(IP, packet([10, 0, 0, 1]), SimTime::ZERO, &mut out);
        out.clear();
        c.update(
            IP,
            MAC,
            NudState::Reachable,
            false,
            SimTime::from_millis(1),
            &mut out,
        );
        assert!(out
            .iter()
            .any(|a| matches!(a, NeighAction::Send { mac, .. } if *mac == MAC)));
        assert_eq!(c.get(IP).unwrap().state, NudState::Reachable);
        // Reachable time (30 s here) passes unused → STALE.
        let t = fire(&mut c, &mut out);
        assert_eq!(t, SimTime::from_millis(30_001));
        assert_eq!(c.get(IP).unwrap().state, NudState::Stale);
        // Use at 40 s → DELAY, 5 s later PROBE with a unicast request.
        out.clear();
        c.output(IP, packet([10, 0, 0, 1]), SimTime::from_secs(40), &mut out);
        assert_eq!(c.get(IP).unwrap().state, NudState::Delay);
        let t = fire(&mut c, &mut out);
        assert_eq!(t, SimTime::from_secs(45));
        assert!(out.contains(&NeighAction::Solicit {
            ip: IP,
            unicast: Some(MAC),
            queued_src: None
        }));
        assert_eq!(c.get(IP).unwrap().state, NudState::Probe);
        // Two more unicast probes, then FAILED at 48 s.
        fire(&mut c, &mut out);
        fire(&mut c, &mut out);
        let t = fire(&mut c, &mut out);
        assert_eq!(t, SimTime::from_secs(48));
        assert_eq!(c.get(IP).unwrap().state, NudState::Failed);
    }

    #[test]
    fn sending_through_a_reachable_entry_does_not_keep_it_reachable() {
        // A ping every second: the fast path does not update `used`, so at the
        // end of reachable_time the entry goes STALE, and the next packet
        // moves it to DELAY (then PROBE 5 s later).
        let mut c = cache();
        let mut out = Vec::new();
        c.output(IP, packet([10, 0, 0, 1]), SimTime::ZERO, &mut out);
        c.update(
            IP,
            MAC,
            NudState::Reachable,
            false,
            SimTime::from_millis(1),
            &mut out,
        );
        for s in 1..30 {
            c.output(IP, packet([10, 0, 0, 1]), SimTime::from_secs(s), &mut out);
        }
        let t = fire(&mut c, &mut out);
        assert_eq!(t, SimTime::from_millis(30_001));
        assert_eq!(c.get(IP).unwrap().state, NudState::Stale);
        c.output(IP, packet([10, 0, 0, 1]), SimTime::from_secs(31), &mut out);
        assert_eq!(c.get(IP).unwrap().state, NudState::Delay);
    }

    #[test]
    fn request_creates_stale_entry_and_unsolicited_reply_is_ignored() {
        let mut c = cache();
        let mut out = Vec::new();
        c.update(IP, MAC, NudState::Reachable, false, SimTime::ZERO, &mut out);
        assert!(c.get(IP).is_none());
        c.update(IP, MAC, NudState::Stale, true, SimTime::ZERO, &mut out);
        assert_eq!(
            c.get(IP),
            Some(EntryView {
                state: NudState::Stale,
                mac: Some(MAC)
            })
        );
    }

    #[test]
    fn stale_timer_generation_is_ignored() {
        let mut c = cache();
        let mut out = Vec::new();
        c.output(IP, packet([10, 0, 0, 1]), SimTime::ZERO, &mut out);
        let old_gen = out.iter().find_map(|a| match a {
            NeighAction::Timer { gen, .. } => Some(*gen),
            _ => None,
        });
        c.update(
            IP,
            MAC,
            NudState::Reachable,
            false,
            SimTime::from_millis(1),
            &mut out,
        );
        out.clear();
        c.timer(IP, old_gen.unwrap(), SimTime::from_secs(1), &mut out);
        assert!(out.is_empty());
        assert_eq!(c.get(IP).unwrap().state, NudState::Reachable);
    }
}
