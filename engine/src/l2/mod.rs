//! Layer 2: devices that forward Ethernet frames without looking inside them.
//! `switch.rs` is a learning bridge (Linux bridge, STP off), `hub.rs` a
//! repeater, `stp.rs` the spanning tree a switch runs with `stp: true`,
//! `vlan.rs` its 802.1Q VLAN filtering with `vlan_filtering: true`.

mod flood;
mod hub;
pub(crate) mod stp;
mod switch;
pub(crate) mod vlan;

pub(crate) use hub::Hub;
pub(crate) use switch::Switch;
#[allow(unused_imports)]
pub(crate) use switch::AGEING_TIME;

use crate::mac::MacAddr;

/// The MAC at `offset` of a frame, if the frame is long enough.
fn mac_at(frame: &[u8], offset: usize) -> Option<MacAddr> {
    let b = frame.get(offset..offset + 6)?;
    Some(MacAddr([b[0], b[1], b[2], b[3], b[4], b[5]]))
}
