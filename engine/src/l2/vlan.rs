//! IEEE 802.1Q on a switch with `vlan_filtering` (a Linux bridge with
//! `vlan_filtering 1`, net/bridge/br_vlan.c). Inside the switch a frame is
//! kept untagged together with its VLAN id:
//! - ingress (`br_allowed_ingress`): an untagged or priority-tagged (VID 0)
//!   frame takes the port's pvid; a tagged frame must name a VLAN the port is
//!   a member of, else it is dropped;
//! - forwarding database and flooding are per VLAN (`br_fdb_find(br, addr, vid)`,
//!   `br_flood` → `should_deliver` → `br_allowed_egress`);
//! - egress (`br_handle_vlan`): the tag is removed where the VLAN is the
//!   port's untagged one (its pvid here), inserted everywhere else.

use crate::frames::MIN_FRAME_LEN;
use crate::scenario::PortVlan;
use crate::sim::Frame;
use crate::wire::TPID_8021Q;

/// The VLAN id of a frame entering `port`, and the frame without its tag;
/// `Err(vid)` when the port is not a member of the frame's VLAN.
pub(crate) fn ingress(port: &PortVlan, frame: &Frame, pad: bool) -> Result<(u16, Frame), u16> {
    let tagged = frame.len() >= 18 && u16::from_be_bytes([frame[12], frame[13]]) == TPID_8021Q;
    if !tagged {
        return Ok((port.pvid, frame.clone()));
    }
    let vid = u16::from_be_bytes([frame[14], frame[15]]) & 0x0fff;
    // Priority-tagged (VID 0): the port's pvid (802.1Q §6.9.1).
    let vid = if vid == 0 { port.pvid } else { vid };
    if !port.member(vid) {
        return Err(vid);
    }
    Ok((vid, untag(frame, pad)))
}

/// The frame that leaves `port` for VLAN `vid`: untagged on its pvid, tagged on the others.
pub(crate) fn egress(port: &PortVlan, vid: u16, untagged: &Frame) -> Frame {
    if port.pvid == vid {
        untagged.clone()
    } else {
        tag(untagged, vid)
    }
}

/// Inserts an 802.1Q tag (priority 0) after the source MAC.
pub(crate) fn tag(frame: &[u8], vid: u16) -> Frame {
    let mut out = Vec::with_capacity(frame.len() + 4);
    out.extend_from_slice(&frame[..12.min(frame.len())]);
    out.extend_from_slice(&TPID_8021Q.to_be_bytes());
    out.extend_from_slice(&(vid & 0x0fff).to_be_bytes());
    out.extend_from_slice(frame.get(12..).unwrap_or(&[]));
    out.into()
}

/// Removes the tag; pads to 60 bytes again when the NIC would.
pub(crate) fn untag(frame: &[u8], pad: bool) -> Frame {
    let mut out = Vec::with_capacity(frame.len());
    out.extend_from_slice(&frame[..12]);
    out.extend_from_slice(&frame[16..]);
    if pad && out.len() < MIN_FRAME_LEN {
        out.resize(MIN_FRAME_LEN, 0);
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(pvid: u16) -> PortVlan {
        PortVlan { pvid, tagged: vec![] }
    }

    /// An ARP request as pc1 sends it (60 bytes, padded), bytes after the
    /// header filled with 0xa5 so a misplaced copy shows.
    fn untagged() -> Frame {
        let mut f = vec![0xff; 6];
        f.extend_from_slice(&[0x02, 0, 0, 0, 0, 1, 0x08, 0x06]);
        f.resize(60, 0xa5);
        f.into()
    }

    #[test]
    fn tag_and_untag_golden_bytes() {
        let t = tag(&untagged(), 10);
        assert_eq!(t.len(), 64);
        assert_eq!(&t[..18], &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0, 0, 0, 1, 0x81, 0x00, 0x00, 0x0a, 0x08, 0x06]);
        assert!(t[18..].iter().all(|&b| b == 0xa5));
        let trunk = PortVlan { pvid: 1, tagged: vec![10, 20] };
        let (vid, back) = ingress(&trunk, &t, true).unwrap();
        assert_eq!((vid, &back[..]), (10, &untagged()[..]));
    }

    #[test]
    fn ingress_filters_by_membership() {
        let f = untagged();
        assert_eq!(ingress(&access(20), &f, true).unwrap().0, 20);
        assert_eq!(ingress(&access(20), &tag(&f, 10), true).unwrap_err(), 10);
        // Priority-tagged: the pvid.
        assert_eq!(ingress(&access(20), &tag(&f, 0), true).unwrap().0, 20);
    }

    #[test]
    fn egress_tags_all_but_the_pvid() {
        let f = untagged();
        let trunk = PortVlan { pvid: 1, tagged: vec![10, 20] };
        assert_eq!(egress(&trunk, 10, &f).len(), 64);
        assert_eq!(egress(&access(10), 10, &f).len(), 60);
    }
}
