//! VLAN subinterfaces of a host or router (Linux's 8021q driver,
//! net/8021q/): `eth0.10` is an L3 interface of its own, with its own
//! address, connected route and ARP table, whose frames share `eth0`'s cable.
//! - out: vlan_dev_hard_start_xmit tags each frame with the VID (priority 0)
//!   and hands it to the parent; the sim's port does that (`Ctx::transmit`);
//! - in: a tagged frame arriving on the parent goes to the subinterface of
//!   its VID, untagged (vlan_do_receive, which frees it if that subinterface
//!   is down); an untagged one stays on the parent;
//!   a tag for a VID without a subinterface makes the frame PACKET_OTHERHOST
//!   (net/core/dev.c, `__netif_receive_skb_core`: "Vlan id is non 0 and
//!   vlan_do_receive() above couldn't find vlan device"), which IP and ARP
//!   throw away; a priority tag (VID 0) is stripped and the frame stays on
//!   the parent.

use super::IpNode;
use crate::sim::ctx::Ctx;
use crate::sim::Frame;
use crate::trace::DropReason;
use crate::wire::TPID_8021Q;

impl IpNode {
    /// The interface a frame arriving on NIC `iface` belongs to, and the frame
    /// as that interface sees it (untagged); None when it was dropped.
    pub(super) fn vlan_demux(&mut self, ctx: &mut Ctx, iface: u32, frame: Frame) -> Option<(u32, Frame)> {
        let tagged = frame.len() >= 18 && u16::from_be_bytes([frame[12], frame[13]]) == TPID_8021Q;
        if !tagged {
            return Some((iface, frame));
        }
        let vid = u16::from_be_bytes([frame[14], frame[15]]) & 0x0fff;
        if vid == 0 {
            return Some((iface, crate::l2::vlan::untag(&frame, false)));
        }
        let sub = self.ifaces.iter().position(|f| f.vlan == Some((iface, vid)));
        match sub {
            // vlan_do_receive frees the frame when the subinterface is down.
            Some(sub) if !ctx.is_up(self.ifaces[sub].port) => {
                let port = self.ifaces[sub].port;
                ctx.drop_frame(self.dev, port, DropReason::NoCarrier, frame);
                None
            }
            Some(sub) => Some((sub as u32, crate::l2::vlan::untag(&frame, false))),
            None => {
                let port = self.ifaces[iface as usize].port;
                ctx.drop_frame(self.dev, port, DropReason::UnknownVlan, frame);
                None
            }
        }
    }
}
