//! The spanning tree of a Linux bridge with `stp_state 1` (the kernel's
//! IEEE 802.1D-1998 STP, not RSTP): elect the root bridge, pick each bridge's
//! root port and each cable's designated port, block the rest, and walk the
//! ports through listening and learning to forwarding, one forward delay each.
//!
//! Modelled on net/bridge/br_stp.c (election, `br_port_state_selection`,
//! `br_received_config_bpdu`), br_stp_timer.c (hello, message age, forward
//! delay, TCN, topology change and hold timers), br_stp_if.c (enabling and
//! disabling ports, the bridge id from the lowest port MAC, port id
//! 0x8000|port_no) and br_stp_bpdu.c (the bytes, in `wire::stp`). The function
//! names below are the kernel's without the `br_` prefix, so the two can be
//! read side by side.
//!
//! Times: the kernel counts jiffies; Debian's kernels run at HZ = 250, so a
//! jiffy is 4 ms, `MESSAGE_AGE_INCR` is one jiffy, and a BPDU's 1/256 s
//! ticks convert as `br_set_ticks` / `br_get_ticks` do. `round_jiffies` on the
//! hello and hold timers (which rounds to a whole second on a real machine) is
//! left out: the timers run exactly 2 s and 1 s apart.
//!
//! Events go to the trace only when something a student sees changed (a
//! port's role or state, the bridge's root, the topology-change flag), in
//! [`Stp::sync`], after which the BPDUs the step produced are sent.

use crate::mac::MacAddr;
use crate::sim::ctx::Ctx;
use crate::sim::device::Timer;
use crate::sim::Frame;
use crate::time::SimTime;
use crate::trace::{BridgeId, EventKind, Name, StpRole, StpRoot, StpState};
use crate::vec_map::VecMap;
use crate::wire::stp::{self as bpdu, Config, Repr};
use std::sync::Arc;

/// One jiffy at HZ = 250.
const JIFFY: u64 = 4_000_000;
const HZ: u64 = 250;
/// BPDU time unit: 1/256 s (`STP_HZ`).
const STP_HZ: u64 = 256;
/// `BR_HOLD_TIME`: at most one configuration BPDU a second per port.
const HOLD_TIME: SimTime = SimTime::from_secs(1);
/// `MESSAGE_AGE_INCR` = HZ/256 + 1 jiffies.
const MESSAGE_AGE_INCR: SimTime = SimTime(JIFFY);
/// The bridge defaults (`br_dev_setup`): hello 2 s, max age 20 s, forward delay 15 s.
pub(crate) const HELLO_TIME: SimTime = SimTime::from_secs(2);
pub(crate) const MAX_AGE: SimTime = SimTime::from_secs(20);
pub(crate) const FORWARD_DELAY: SimTime = SimTime::from_secs(15);
/// The default bridge priority (`br_dev_setup`: 0x8000) and port priority (0x20 << 10).
pub const DEFAULT_PRIORITY: u16 = 0x8000;

/// `br_set_ticks`: a time as 1/256 s, through whole jiffies.
fn to_ticks(t: SimTime) -> u16 {
    let jiffies = t.as_nanos() / JIFFY;
    (STP_HZ * jiffies / HZ).min(u16::MAX as u64) as u16
}

/// `br_get_ticks`: 1/256 s to whole jiffies, rounded up.
fn from_ticks(ticks: u16) -> SimTime {
    SimTime((ticks as u64 * HZ).div_ceil(STP_HZ) * JIFFY)
}

/// `port_cost` (net/bridge/br_if.c): the path cost from the link's speed;
/// 100 for a speed it does not list (as for SPEED_UNKNOWN).
pub fn port_cost(mbps: u64) -> u32 {
    match mbps {
        10_000 => 2,
        5_000 => 3,
        2_500 => 4,
        1_000 => 5,
        100 => 19,
        10 => 100,
        m if m > 10_000 => 1,
        _ => 100,
    }
}

/// The cost of a cable with serialisation `ps_per_byte` (8 000 000 / Mbit/s).
pub(crate) fn cost_of_link(ps_per_byte: u64) -> u32 {
    if ps_per_byte == 0 || 8_000_000 % ps_per_byte != 0 {
        // Not a whole Mbit/s: a speed no NIC reports; the kernel's default.
        return if ps_per_byte < 800 { 1 } else { 100 };
    }
    port_cost(8_000_000 / ps_per_byte)
}

/// The STP timers of a switch; a port's carry its local index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StpTimer {
    Hello,
    Tcn,
    TopologyChange,
    MessageAge(u32),
    ForwardDelay(u32),
    Hold(u32),
}

impl StpTimer {
    /// The timers that run for ever in a converged tree (the next hello
    /// re-arms them): a run whose only events left are these, BPDUs and the
    /// ageing they refresh is over.
    pub(crate) fn is_background(self) -> bool {
        matches!(self, StpTimer::Hello | StpTimer::MessageAge(_) | StpTimer::Hold(_))
    }
}

/// A kernel `timer_list` as `mod_timer` / `del_timer` use it: a generation
/// makes a stale expiry a no-op.
#[derive(Clone, Copy, Default)]
struct Slot {
    gen: u32,
    pending: bool,
}

/// `struct net_bridge_port`'s STP part.
struct Port {
    /// Global port index (for sending).
    global: u32,
    mac: MacAddr,
    port_id: u16,
    path_cost: u32,
    state: StpState,
    designated_root: BridgeId,
    designated_cost: u32,
    designated_bridge: BridgeId,
    designated_port: u16,
    /// When the root sent the information this port holds (now − message age).
    designated_age: SimTime,
    topology_change_ack: bool,
    config_pending: bool,
    message_age: Slot,
    forward_delay: Slot,
    hold: Slot,
    /// What the trace last showed.
    shown: Option<(StpRole, StpState)>,
}

/// `struct net_bridge`'s STP part.
pub(crate) struct Stp {
    dev: u32,
    bridge_id: BridgeId,
    designated_root: BridgeId,
    root_path_cost: u32,
    /// Local index of the root port.
    root_port: Option<usize>,
    max_age: SimTime,
    hello_time: SimTime,
    forward_delay: SimTime,
    topology_change: bool,
    topology_change_detected: bool,
    hello: Slot,
    tcn: Slot,
    topology_change_timer: Slot,
    ports: Vec<Port>,
    /// Bridge MAC → switch id, to name bridges in sentences.
    names: Arc<VecMap<MacAddr, Name>>,
    /// BPDUs of the current step, sent after its events are recorded.
    out: Vec<(u32, Frame)>,
    shown_root: Option<(BridgeId, Option<usize>, u32)>,
    shown_tc: bool,
}

impl Stp {
    /// A bridge with every port disabled: `ports` are (global index, MAC,
    /// path cost). Its id is `priority` and the lowest port MAC
    /// (`br_stp_recalculate_bridge_id`).
    pub(crate) fn new(dev: u32, priority: u16, ports: &[(u32, MacAddr, u32)], names: Arc<VecMap<MacAddr, Name>>) -> Stp {
        let mac = ports.iter().map(|p| p.1).min().unwrap_or(MacAddr::ZERO);
        let bridge_id = BridgeId { priority, mac };
        let ports = ports
            .iter()
            .enumerate()
            .map(|(i, &(global, mac, path_cost))| Port {
                global,
                mac,
                // br_make_port_id: priority 0x20 << BR_PORT_BITS (10) | port_no (from 1).
                port_id: 0x8000 | ((i as u16 + 1) & 0x3ff),
                path_cost,
                state: StpState::Disabled,
                designated_root: bridge_id,
                designated_cost: 0,
                designated_bridge: bridge_id,
                designated_port: 0x8000 | ((i as u16 + 1) & 0x3ff),
                designated_age: SimTime::ZERO,
                topology_change_ack: false,
                config_pending: false,
                message_age: Slot::default(),
                forward_delay: Slot::default(),
                hold: Slot::default(),
                shown: None,
            })
            .collect();
        Stp {
            dev,
            bridge_id,
            designated_root: bridge_id,
            root_path_cost: 0,
            root_port: None,
            max_age: MAX_AGE,
            hello_time: HELLO_TIME,
            forward_delay: FORWARD_DELAY,
            topology_change: false,
            topology_change_detected: false,
            hello: Slot::default(),
            tcn: Slot::default(),
            topology_change_timer: Slot::default(),
            ports,
            names,
            out: Vec::new(),
            shown_root: None,
            shown_tc: false,
        }
    }

    /// The port forwards frames (not BPDUs, which every enabled port hears).
    pub(crate) fn state(&self, port: usize) -> StpState {
        self.ports[port].state
    }

    /// How long a MAC stays in the forwarding database (`hold_time` in
    /// br_fdb.c): forward delay during a topology change, else `ageing`.
    pub(crate) fn hold_time(&self, ageing: SimTime) -> SimTime {
        if self.topology_change {
            self.forward_delay
        } else {
            ageing
        }
    }

    fn arm(&mut self, ctx: &mut Ctx, which: StpTimer, after: SimTime) {
        let slot = self.slot(which);
        slot.gen = slot.gen.wrapping_add(1);
        slot.pending = true;
        let gen = slot.gen;
        ctx.timer(ctx.now + after, self.dev, Timer::Stp { which, gen });
    }

    fn cancel(&mut self, which: StpTimer) {
        let slot = self.slot(which);
        slot.gen = slot.gen.wrapping_add(1);
        slot.pending = false;
    }

    fn slot(&mut self, which: StpTimer) -> &mut Slot {
        match which {
            StpTimer::Hello => &mut self.hello,
            StpTimer::Tcn => &mut self.tcn,
            StpTimer::TopologyChange => &mut self.topology_change_timer,
            StpTimer::MessageAge(p) => &mut self.ports[p as usize].message_age,
            StpTimer::ForwardDelay(p) => &mut self.ports[p as usize].forward_delay,
            StpTimer::Hold(p) => &mut self.ports[p as usize].hold,
        }
    }

    fn is_root_bridge(&self) -> bool {
        self.designated_root == self.bridge_id
    }

    fn is_designated_port(&self, i: usize) -> bool {
        let p = &self.ports[i];
        p.designated_bridge == self.bridge_id && p.designated_port == p.port_id
    }

    /// What `br_port_state_selection` made of the port.
    fn role(&self, i: usize) -> StpRole {
        if self.ports[i].state == StpState::Disabled {
            StpRole::Disabled
        } else if self.root_port == Some(i) {
            StpRole::Root
        } else if self.is_designated_port(i) {
            StpRole::Designated
        } else {
            StpRole::Alternate
        }
    }

    /// `br_stp_enable_bridge`: the hello timer starts and every port with
    /// carrier is enabled (`ip link set br0 up` with `stp_state 1`).
    pub(crate) fn start(&mut self, ctx: &mut Ctx) {
        let hello = self.hello_time;
        self.arm(ctx, StpTimer::Hello, hello);
        self.config_bpdu_generation(ctx);
        for i in 0..self.ports.len() {
            if ctx.has_carrier(self.ports[i].global) {
                self.enable_port(ctx, i);
            }
        }
    }

    /// `br_stp_enable_port`: carrier came (back).
    fn enable_port(&mut self, ctx: &mut Ctx, i: usize) {
        if self.ports[i].state != StpState::Disabled {
            return;
        }
        self.become_designated_port(i);
        let p = &mut self.ports[i];
        p.state = StpState::Blocking;
        p.topology_change_ack = false;
        p.config_pending = false;
        self.port_state_selection(ctx);
    }

    /// `br_stp_disable_port`: carrier went, or the port was set down.
    pub(crate) fn disable_port(&mut self, ctx: &mut Ctx, i: usize) {
        if self.ports[i].state == StpState::Disabled {
            return;
        }
        let was_root = self.is_root_bridge();
        self.become_designated_port(i);
        let p = &mut self.ports[i];
        p.state = StpState::Disabled;
        p.topology_change_ack = false;
        p.config_pending = false;
        let i = i as u32;
        self.cancel(StpTimer::MessageAge(i));
        self.cancel(StpTimer::ForwardDelay(i));
        self.cancel(StpTimer::Hold(i));
        self.configuration_update();
        self.port_state_selection(ctx);
        if self.is_root_bridge() && !was_root {
            self.become_root_bridge(ctx);
        }
    }

    fn should_become_root_port(&self, i: usize, root_port: Option<usize>) -> bool {
        let p = &self.ports[i];
        if p.state == StpState::Disabled || self.is_designated_port(i) {
            return false;
        }
        if self.bridge_id <= p.designated_root {
            return false;
        }
        let Some(r) = root_port else { return true };
        let rp = &self.ports[r];
        let key = |p: &Port| (p.designated_root, p.designated_cost + p.path_cost, p.designated_bridge, p.designated_port, p.port_id);
        key(p) < key(rp)
    }

    fn root_selection(&mut self) {
        let mut root_port = None;
        for i in 0..self.ports.len() {
            if self.should_become_root_port(i, root_port) {
                root_port = Some(i);
            }
        }
        self.root_port = root_port;
        match root_port {
            None => {
                self.designated_root = self.bridge_id;
                self.root_path_cost = 0;
            }
            Some(r) => {
                let p = &self.ports[r];
                self.designated_root = p.designated_root;
                self.root_path_cost = p.designated_cost + p.path_cost;
            }
        }
    }

    fn become_root_bridge(&mut self, ctx: &mut Ctx) {
        self.max_age = MAX_AGE;
        self.hello_time = HELLO_TIME;
        self.forward_delay = FORWARD_DELAY;
        self.topology_change_detection(ctx);
        self.cancel(StpTimer::Tcn);
        self.config_bpdu_generation(ctx);
        let hello = self.hello_time;
        self.arm(ctx, StpTimer::Hello, hello);
    }

    /// `br_transmit_config`: a configuration BPDU out of port `i`, unless
    /// one left less than a second ago (then it waits for the hold timer).
    fn transmit_config(&mut self, ctx: &mut Ctx, i: usize) {
        if self.ports[i].hold.pending {
            self.ports[i].config_pending = true;
            return;
        }
        let message_age = match self.root_port {
            None => SimTime::ZERO,
            Some(r) => ctx.now.saturating_sub(self.ports[r].designated_age) + MESSAGE_AGE_INCR,
        };
        if message_age >= self.max_age {
            return;
        }
        let p = &self.ports[i];
        let config = Config {
            topology_change: self.topology_change,
            topology_change_ack: p.topology_change_ack,
            root: self.designated_root,
            root_path_cost: self.root_path_cost,
            bridge: self.bridge_id,
            port_id: p.port_id,
            message_age: to_ticks(message_age),
            max_age: to_ticks(self.max_age),
            hello_time: to_ticks(self.hello_time),
            forward_delay: to_ticks(self.forward_delay),
        };
        let frame = bpdu::frame(p.mac, &Repr::Config(config), ctx.pad);
        self.out.push((p.global, frame.into()));
        let p = &mut self.ports[i];
        p.topology_change_ack = false;
        p.config_pending = false;
        self.arm(ctx, StpTimer::Hold(i as u32), HOLD_TIME);
    }

    fn record_config_information(&mut self, ctx: &mut Ctx, i: usize, c: &Config) {
        let age = from_ticks(c.message_age);
        let p = &mut self.ports[i];
        p.designated_root = c.root;
        p.designated_cost = c.root_path_cost;
        p.designated_bridge = c.bridge;
        p.designated_port = c.port_id;
        p.designated_age = ctx.now.saturating_sub(age);
        let left = from_ticks(c.max_age).saturating_sub(age);
        self.arm(ctx, StpTimer::MessageAge(i as u32), left);
    }

    fn record_config_timeout_values(&mut self, c: &Config) {
        self.max_age = from_ticks(c.max_age);
        self.hello_time = from_ticks(c.hello_time);
        self.forward_delay = from_ticks(c.forward_delay);
        self.topology_change = c.topology_change;
    }

    fn transmit_tcn(&mut self, ctx: &mut Ctx) {
        if let Some(r) = self.root_port {
            let p = &self.ports[r];
            let frame = bpdu::frame(p.mac, &Repr::Tcn, ctx.pad);
            self.out.push((p.global, frame.into()));
        }
    }

    fn should_become_designated_port(&self, i: usize) -> bool {
        if self.is_designated_port(i) {
            return true;
        }
        let p = &self.ports[i];
        if p.designated_root != self.designated_root {
            return true;
        }
        (self.root_path_cost, self.bridge_id, p.port_id) < (p.designated_cost, p.designated_bridge, p.designated_port)
    }

    fn designated_port_selection(&mut self) {
        for i in 0..self.ports.len() {
            if self.ports[i].state != StpState::Disabled && self.should_become_designated_port(i) {
                self.become_designated_port(i);
            }
        }
    }

    fn supersedes_port_info(&self, i: usize, c: &Config) -> bool {
        let p = &self.ports[i];
        match (c.root, c.root_path_cost, c.bridge).cmp(&(p.designated_root, p.designated_cost, p.designated_bridge)) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Greater => false,
            std::cmp::Ordering::Equal => c.bridge != self.bridge_id || c.port_id <= p.designated_port,
        }
    }

    fn topology_change_acknowledged(&mut self) {
        self.topology_change_detected = false;
        self.cancel(StpTimer::Tcn);
    }

    /// `br_topology_change_detection`: the root flags the change in its
    /// BPDUs for forward delay + max age; any other bridge tells the root
    /// with a TCN on its root port, every hello time until acknowledged.
    fn topology_change_detection(&mut self, ctx: &mut Ctx) {
        if self.is_root_bridge() {
            self.topology_change = true;
            self.arm(ctx, StpTimer::TopologyChange, FORWARD_DELAY + MAX_AGE);
        } else if !self.topology_change_detected {
            self.transmit_tcn(ctx);
            self.arm(ctx, StpTimer::Tcn, HELLO_TIME);
        }
        self.topology_change_detected = true;
    }

    fn config_bpdu_generation(&mut self, ctx: &mut Ctx) {
        for i in 0..self.ports.len() {
            if self.ports[i].state != StpState::Disabled && self.is_designated_port(i) {
                self.transmit_config(ctx, i);
            }
        }
    }

    fn configuration_update(&mut self) {
        self.root_selection();
        self.designated_port_selection();
    }

    fn become_designated_port(&mut self, i: usize) {
        let (root, cost, id) = (self.designated_root, self.root_path_cost, self.bridge_id);
        let p = &mut self.ports[i];
        p.designated_root = root;
        p.designated_cost = cost;
        p.designated_bridge = id;
        p.designated_port = p.port_id;
    }

    fn make_blocking(&mut self, ctx: &mut Ctx, i: usize) {
        let state = self.ports[i].state;
        if state != StpState::Disabled && state != StpState::Blocking {
            if matches!(state, StpState::Forwarding | StpState::Learning) {
                self.topology_change_detection(ctx);
            }
            self.ports[i].state = StpState::Blocking;
            self.cancel(StpTimer::ForwardDelay(i as u32));
        }
    }

    fn make_forwarding(&mut self, ctx: &mut Ctx, i: usize) {
        if self.ports[i].state != StpState::Blocking {
            return;
        }
        self.ports[i].state = StpState::Listening;
        let fd = self.forward_delay;
        self.arm(ctx, StpTimer::ForwardDelay(i as u32), fd);
    }

    /// `br_port_state_selection`.
    fn port_state_selection(&mut self, ctx: &mut Ctx) {
        for i in 0..self.ports.len() {
            if self.ports[i].state == StpState::Disabled {
                continue;
            }
            if self.root_port == Some(i) {
                self.ports[i].config_pending = false;
                self.ports[i].topology_change_ack = false;
                self.make_forwarding(ctx, i);
            } else if self.is_designated_port(i) {
                self.cancel(StpTimer::MessageAge(i as u32));
                self.make_forwarding(ctx, i);
            } else {
                self.ports[i].config_pending = false;
                self.ports[i].topology_change_ack = false;
                self.make_blocking(ctx, i);
            }
        }
    }

    /// Carrier on local port `i` came or went (`br_port_carrier_check`).
    pub(crate) fn carrier(&mut self, ctx: &mut Ctx, i: usize, up: bool) {
        if up {
            self.enable_port(ctx, i);
        } else {
            self.disable_port(ctx, i);
        }
    }

    fn topology_change_acknowledge(&mut self, ctx: &mut Ctx, i: usize) {
        self.ports[i].topology_change_ack = true;
        self.transmit_config(ctx, i);
    }

    /// `br_received_config_bpdu`.
    fn received_config_bpdu(&mut self, ctx: &mut Ctx, i: usize, c: &Config) {
        let was_root = self.is_root_bridge();
        if self.supersedes_port_info(i, c) {
            self.record_config_information(ctx, i, c);
            self.configuration_update();
            self.port_state_selection(ctx);
            if !self.is_root_bridge() && was_root {
                self.cancel(StpTimer::Hello);
                if self.topology_change_detected {
                    self.cancel(StpTimer::TopologyChange);
                    self.transmit_tcn(ctx);
                    self.arm(ctx, StpTimer::Tcn, HELLO_TIME);
                }
            }
            if self.root_port == Some(i) {
                self.record_config_timeout_values(c);
                self.config_bpdu_generation(ctx);
                if c.topology_change_ack {
                    self.topology_change_acknowledged();
                }
            }
        } else if self.is_designated_port(i) {
            self.transmit_config(ctx, i);
        }
    }

    /// `br_received_tcn_bpdu`.
    fn received_tcn_bpdu(&mut self, ctx: &mut Ctx, i: usize) {
        if self.is_designated_port(i) {
            self.topology_change_detection(ctx);
            self.topology_change_acknowledge(ctx, i);
        }
    }

    /// `br_stp_rcv`: a frame to the bridge group address on local port `i`.
    pub(crate) fn receive(&mut self, ctx: &mut Ctx, i: usize, frame: &[u8]) {
        if self.ports[i].state == StpState::Disabled {
            return;
        }
        match bpdu::parse_frame(frame) {
            Some(Repr::Config(c)) => {
                if from_ticks(c.message_age) > from_ticks(c.max_age) {
                    return;
                }
                self.received_config_bpdu(ctx, i, &c);
            }
            Some(Repr::Tcn) => self.received_tcn_bpdu(ctx, i),
            None => {}
        }
    }

    /// One of this bridge's timers went off; stale ones do nothing.
    pub(crate) fn timer(&mut self, ctx: &mut Ctx, which: StpTimer, gen: u32) {
        let slot = self.slot(which);
        if !slot.pending || slot.gen != gen {
            return;
        }
        slot.pending = false;
        match which {
            StpTimer::Hello => {
                self.config_bpdu_generation(ctx);
                let hello = self.hello_time;
                self.arm(ctx, StpTimer::Hello, hello);
            }
            StpTimer::MessageAge(p) => {
                let i = p as usize;
                if self.ports[i].state == StpState::Disabled {
                    return;
                }
                let was_root = self.is_root_bridge();
                self.become_designated_port(i);
                self.configuration_update();
                self.port_state_selection(ctx);
                if self.is_root_bridge() && !was_root {
                    self.become_root_bridge(ctx);
                }
            }
            StpTimer::ForwardDelay(p) => {
                let i = p as usize;
                match self.ports[i].state {
                    StpState::Listening => {
                        self.ports[i].state = StpState::Learning;
                        let fd = self.forward_delay;
                        self.arm(ctx, which, fd);
                    }
                    StpState::Learning => {
                        self.ports[i].state = StpState::Forwarding;
                        let id = self.bridge_id;
                        if self.ports.iter().any(|p| p.state != StpState::Disabled && p.designated_bridge == id) {
                            self.topology_change_detection(ctx);
                        }
                    }
                    _ => {}
                }
            }
            StpTimer::Tcn => {
                self.transmit_tcn(ctx);
                self.arm(ctx, StpTimer::Tcn, HELLO_TIME);
            }
            StpTimer::TopologyChange => {
                self.topology_change_detected = false;
                self.topology_change = false;
            }
            StpTimer::Hold(p) => {
                if self.ports[p as usize].config_pending {
                    self.transmit_config(ctx, p as usize);
                }
            }
        }
    }

    /// Records what changed since the last call (the root, ports' roles and
    /// states, the topology-change flag), then sends the step's BPDUs.
    /// True when the topology-change flag just went on (MACs age faster).
    pub(crate) fn sync(&mut self, ctx: &mut Ctx, port_names: &[Name]) -> bool {
        let device = ctx.id(self.dev);
        let name_of = |id: &BridgeId| self.names.get(&id.mac).cloned();
        let root = (self.designated_root, self.root_port, self.root_path_cost);
        if self.shown_root != Some(root) {
            self.shown_root = Some(root);
            ctx.record(EventKind::StpBridge {
                device: device.clone(),
                root: Box::new(StpRoot {
                    bridge: self.bridge_id,
                    id: self.designated_root,
                    name: name_of(&self.designated_root),
                    port: self.root_port.map(|r| port_names[r].clone()),
                    cost: self.root_path_cost,
                }),
            });
        }
        for i in 0..self.ports.len() {
            let now = (self.role(i), self.ports[i].state);
            let old = self.ports[i].shown;
            if old == Some(now) {
                continue;
            }
            self.ports[i].shown = Some(now);
            let p = &self.ports[i];
            let at = ctx.port_ref(p.global);
            ctx.record(EventKind::StpPort {
                at,
                role: now.0,
                state: now.1,
                old_role: old.map(|o| o.0),
                old_state: old.map(|o| o.1),
                costs: Box::new(crate::trace::StpPortCosts {
                    root_cost: self.root_path_cost,
                    designated: name_of(&p.designated_bridge),
                    designated_bridge: p.designated_bridge,
                    designated_cost: p.designated_cost,
                    bridge: self.bridge_id,
                    path_cost: p.path_cost,
                }),
            });
        }
        let mut shortened = false;
        if self.topology_change != self.shown_tc {
            self.shown_tc = self.topology_change;
            shortened = self.topology_change;
            ctx.record(EventKind::StpTopologyChange { device, on: self.topology_change });
        }
        for (port, frame) in std::mem::take(&mut self.out) {
            ctx.transmit(port, frame);
        }
        shortened
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_round_trip_through_jiffies() {
        assert_eq!(to_ticks(HELLO_TIME), 0x0200);
        assert_eq!(to_ticks(MAX_AGE), 0x1400);
        assert_eq!(to_ticks(FORWARD_DELAY), 0x0f00);
        assert_eq!(to_ticks(MESSAGE_AGE_INCR), 1);
        assert_eq!(from_ticks(1), SimTime::from_millis(4));
        assert_eq!(from_ticks(0x1400), MAX_AGE);
    }

    #[test]
    fn path_cost_from_speed() {
        assert_eq!(cost_of_link(80_000), 19); // 100 Mbit/s
        assert_eq!(cost_of_link(8_000), 5); // 1 Gbit/s
        assert_eq!(cost_of_link(800_000), 100); // 10 Mbit/s
        assert_eq!(cost_of_link(800), 2); // 10 Gbit/s
        assert_eq!(cost_of_link(80), 1); // 100 Gbit/s
        assert_eq!(cost_of_link(160_000), 100); // 50 Mbit/s: not a speed the kernel lists
    }
}
