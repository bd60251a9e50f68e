//! The facts of the spanning tree (issue 14): bridge ids, port roles and
//! states, the STP table a switch shows, and the sentence of each STP event
//! (`StpBridge`, `StpPort`, `StpTopologyChange`).
//!
//! The names follow the Linux bridge (net/bridge/br_stp.c): its port states
//! are `br_port_state_names` (disabled, listening, learning, forwarding,
//! blocking); the roles are what `br_port_state_selection` decides (the root
//! port, a designated port, or neither: a blocked port, "alternate" in
//! 802.1D-2004's words).

use super::{EventKind, Name};
use crate::mac::MacAddr;
use serde::Serialize;
use std::fmt;
use std::fmt::Write as _;

/// A bridge id: priority (0x8000 by default) and the bridge's MAC. Compared as
/// the 8 bytes Linux `memcmp`s: priority first, then the MAC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct BridgeId {
    pub priority: u16,
    pub mac: MacAddr,
}

impl BridgeId {
    /// The 8 bytes a BPDU carries.
    pub fn bytes(&self) -> [u8; 8] {
        let p = self.priority.to_be_bytes();
        let m = self.mac.0;
        [p[0], p[1], m[0], m[1], m[2], m[3], m[4], m[5]]
    }

    /// Reads 8 BPDU bytes.
    pub fn from_bytes(b: &[u8; 8]) -> BridgeId {
        BridgeId { priority: u16::from_be_bytes([b[0], b[1]]), mac: MacAddr([b[2], b[3], b[4], b[5], b[6], b[7]]) }
    }
}

/// As `/sys/class/net/br0/bridge/bridge_id` shows it: `8000.02a1b2c3d4e5`.
impl fmt::Display for BridgeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04x}.", self.priority)?;
        for b in self.mac.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

/// What a port is for in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StpRole {
    /// The port with the best path to the root bridge.
    Root,
    /// The port that serves its cable: the best path to the root for that segment.
    Designated,
    /// Neither: another bridge serves this cable better, so the port blocks.
    Alternate,
    /// No carrier or set down: not part of the tree.
    Disabled,
}

impl StpRole {
    pub fn name(self) -> &'static str {
        match self {
            StpRole::Root => "root",
            StpRole::Designated => "designated",
            StpRole::Alternate => "alternate",
            StpRole::Disabled => "disabled",
        }
    }
}

/// A port's state (`br_port_state_names`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StpState {
    /// No carrier or set down.
    Disabled,
    /// Takes part in the election only: sends and hears BPDUs, drops other frames.
    Listening,
    /// Learns source MACs, still forwards nothing.
    Learning,
    /// Learns and forwards.
    Forwarding,
    /// Hears BPDUs, drops everything else.
    Blocking,
}

impl StpState {
    pub fn name(self) -> &'static str {
        match self {
            StpState::Disabled => "disabled",
            StpState::Listening => "listening",
            StpState::Learning => "learning",
            StpState::Forwarding => "forwarding",
            StpState::Blocking => "blocking",
        }
    }
}

/// One switch's spanning-tree table, as `bridge -d link` and
/// `/sys/class/net/br0/bridge/` show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StpTable {
    pub bridge: BridgeId,
    pub root: BridgeId,
    /// The root port; None on the root bridge.
    pub root_port: Option<String>,
    /// The cost of this bridge's path to the root (0 on the root).
    pub cost: u32,
    /// A topology change is under way (MACs age after forward delay, 15 s).
    pub topology_change: bool,
    /// Port → (role, state), in port order.
    pub ports: Vec<(String, StpRole, StpState)>,
}

fn who(name: &Option<Name>, id: &BridgeId) -> String {
    name.as_ref().map_or_else(|| format!("bridge {id}"), |n| n.to_string())
}

/// The sentence of an STP event; `None` for any other event.
pub(super) fn explain(kind: &EventKind) -> Option<String> {
    let mut s = String::new();
    match kind {
        EventKind::StpBridge { device, bridge, root, root_name, root_port, cost } => {
            let _ = match root_port {
                None => write!(
                    s,
                    "{device} believes it is the root bridge: no BPDU it heard names a lower bridge id than its own {bridge}. It sends a configuration BPDU every 2 s (hello time) out of its designated ports."
                ),
                Some(port) => write!(
                    s,
                    "{device} accepts {} ({root}) as the root bridge: its id is lower than {device}'s own {bridge}. {device}'s best path to it leaves through {port} and costs {cost}.",
                    who(root_name, root)
                ),
            };
        }
        EventKind::StpPort { device, port, role, state, old_role, old_state, root_cost, designated, designated_bridge, designated_cost, bridge, path_cost } => {
            let was = old_state.map_or(String::new(), |o| format!(" (was {})", o.name()));
            let _ = match (role, state) {
                (StpRole::Root | StpRole::Designated, _) if *old_state == Some(*state) => {
                    let before = old_role.map_or("", |r| r.name());
                    let why = if *role == StpRole::Root {
                        format!("its best path to the root now leaves through {port} and costs {root_cost}")
                    } else {
                        format!("it now offers the best path to the root on this cable (cost {root_cost})")
                    };
                    write!(s, "{device}/{port} turns from {before} into the {} port and stays {}: {why}.", role.name(), state.name())
                }
                (StpRole::Disabled, _) => write!(s, "{device}/{port} is disabled{was}: without carrier it takes no part in the spanning tree."),
                (StpRole::Alternate, _) => {
                    let other = who(designated, designated_bridge);
                    let cmp = if designated_cost < root_cost {
                        format!("its own path to the root costs {root_cost}, {other}'s costs {designated_cost}")
                    } else if designated_cost == root_cost {
                        format!("{device} and {other} both reach the root at cost {root_cost}, and {other}'s bridge id {designated_bridge} is lower than {device}'s {bridge}")
                    } else {
                        format!("{other} offers the root on this cable (cost {designated_cost}) and {device} already has its root port elsewhere")
                    };
                    write!(s, "{device} blocks {port}{was}: {cmp}, so {other} serves this cable and {device} drops every frame but BPDUs there. That breaks the loop.")
                }
                (StpRole::Root, StpState::Forwarding) | (StpRole::Designated, StpState::Forwarding) => write!(
                    s,
                    "{device}/{port} ({} port) is forwarding{was}: after two forward delays (15 s listening, 15 s learning) it learns MACs and forwards frames.",
                    role.name()
                ),
                (_, StpState::Learning) => write!(
                    s,
                    "{device}/{port} ({} port) is learning{was}: for one forward delay (15 s) it learns source MACs but forwards nothing yet.",
                    role.name()
                ),
                (StpRole::Root, _) => write!(
                    s,
                    "{device}/{port} is the root port{was}: {device}'s best path to the root ({root_cost} = {designated_cost} from the next bridge + {path_cost} for this cable). It is {}; after 15 s listening and 15 s learning it forwards.",
                    state.name()
                ),
                (StpRole::Designated, _) => write!(
                    s,
                    "{device}/{port} is a designated port{was}: {device} offers the best path to the root on this cable (cost {root_cost}). It is {}; after 15 s listening and 15 s learning it forwards.",
                    state.name()
                ),
            };
        }
        EventKind::StpTopologyChange { device, on } => {
            let _ = if *on {
                write!(s, "{device} learns that the topology changed (a port started or stopped forwarding): for a while it ages MACs after 15 s (forward delay) instead of 300 s, so stale entries go quickly.")
            } else {
                write!(s, "The topology change is over for {device}: MACs age after 300 s again.")
            };
        }
        _ => return None,
    }
    Some(s)
}
