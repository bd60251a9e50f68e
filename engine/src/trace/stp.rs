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
use crate::msg;
use crate::msg::{Arg, Msg};
use serde::Serialize;
use std::fmt;

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

/// The root bridge as an `StpBridge` event's switch sees it (one box: a
/// record is as big as the biggest variant, docs/perf.md). Serialized with
/// the event's own keys: `root`, `root_name`, `root_port`, `cost`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StpRoot {
    /// This bridge's id (an `StpBridge` event's `bridge`).
    pub bridge: BridgeId,
    /// The root bridge's id.
    #[serde(rename = "root")]
    pub id: BridgeId,
    /// The root bridge's device, when it is a switch of the lab.
    #[serde(rename = "root_name")]
    pub name: Option<Name>,
    /// The port towards the root; None on the root bridge.
    #[serde(rename = "root_port")]
    pub port: Option<Name>,
    /// The path cost to the root.
    pub cost: u32,
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

/// A bridge by its device name, or by its id ("bridge 8000.02…") when no device has it.
fn who(name: &Option<Name>, id: &BridgeId) -> Arg {
    name.as_ref().map_or_else(|| msg!("explain-stp-bridge-id", id = id.to_string()).into(), Arg::from)
}

/// " (was listening)" after a port's new state, or nothing.
fn was(old: &Option<StpState>) -> Arg {
    old.map_or_else(|| Arg::Text(String::new()), |o| msg!("explain-stp-was", state = o.name()).into())
}

/// The sentence of an STP event (`locales/*/engine-explain*.ftl`). Roles and states are the
/// Linux bridge's words (text arguments; the catalogue may word the roles).
pub(super) fn explain(kind: &EventKind) -> Msg {
    match kind {
        EventKind::StpBridge { device, root } => match &root.port {
            None => msg!("explain-stp-root-bridge", device = device, bridge = root.bridge.to_string()),
            Some(port) => msg!(
                "explain-stp-accepts-root",
                device = device,
                root = who(&root.name, &root.id),
                root_id = root.id.to_string(),
                bridge = root.bridge.to_string(),
                port = port,
                cost = root.cost.to_string()
            ),
        },
        EventKind::StpPort { at, role, state, old_role, old_state, costs } => {
            let (device, port) = (&at.device, &at.port);
            let super::StpPortCosts { root_cost, designated, designated_bridge, designated_cost, bridge, path_cost } = &**costs;
            let was = was(old_state);
            let (cost, dcost) = (root_cost.to_string(), designated_cost.to_string());
            match (role, state) {
                (StpRole::Root | StpRole::Designated, _) if *old_state == Some(*state) => {
                    let before = old_role.map_or("", |r| r.name());
                    let why = if *role == StpRole::Root {
                        msg!("explain-stp-why-root", port = port, cost = cost)
                    } else {
                        msg!("explain-stp-why-designated", cost = cost)
                    };
                    msg!("explain-stp-role-changed", device = device, port = port, before = before, role = role.name(), state = state.name(), why = why)
                }
                (StpRole::Disabled, _) => msg!("explain-stp-disabled", device = device, port = port, was = was),
                (StpRole::Alternate, _) => {
                    let other = who(designated, designated_bridge);
                    let cmp = if designated_cost < root_cost {
                        msg!("explain-stp-cmp-cheaper", cost = cost, other = other.clone(), other_cost = dcost)
                    } else if designated_cost == root_cost {
                        msg!(
                            "explain-stp-cmp-tie",
                            device = device,
                            other = other.clone(),
                            cost = cost,
                            other_id = designated_bridge.to_string(),
                            bridge = bridge.to_string()
                        )
                    } else {
                        msg!("explain-stp-cmp-elsewhere", other = other.clone(), other_cost = dcost, device = device)
                    };
                    msg!("explain-stp-blocks", device = device, port = port, was = was, why = cmp, other = other)
                }
                (StpRole::Root, StpState::Forwarding) | (StpRole::Designated, StpState::Forwarding) => {
                    msg!("explain-stp-forwarding", device = device, port = port, role = role.name(), was = was)
                }
                (_, StpState::Learning) => msg!("explain-stp-learning", device = device, port = port, role = role.name(), was = was),
                (StpRole::Root, _) => msg!(
                    "explain-stp-root-port",
                    device = device,
                    port = port,
                    was = was,
                    cost = cost,
                    other_cost = dcost,
                    path_cost = path_cost.to_string(),
                    state = state.name()
                ),
                (StpRole::Designated, _) => {
                    msg!("explain-stp-designated-port", device = device, port = port, was = was, cost = cost, state = state.name())
                }
            }
        }
        EventKind::StpTopologyChange { device, on } => {
            if *on {
                msg!("explain-stp-tc-on", device = device)
            } else {
                msg!("explain-stp-tc-off", device = device)
            }
        }
        _ => msg!("explain-nothing"),
    }
}
