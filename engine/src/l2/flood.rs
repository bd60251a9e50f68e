//! Flooding: a frame out of every linked port but the one it came in on, as a
//! switch does with broadcasts and unknown destinations and a hub with all.

use crate::mac::MacAddr;
use crate::sim::ctx::Ctx;
use crate::sim::Frame;
use crate::time::SimTime;
use crate::trace::{EventKind, ForwardReason, Forwarding, Name};

/// Records the flood decision and sends a copy out of each linked port
/// (`ports` are the device's global port indices) at time `at`: the frame
/// `egress` gives for that port (by local index), none where it gives None (a
/// spanning-tree port that is not forwarding, a port outside the frame's VLAN).
#[allow(clippy::too_many_arguments)]
pub(super) fn flood(
    ctx: &mut Ctx,
    dev: u32,
    ports: &[u32],
    egress: &dyn Fn(usize) -> Option<Frame>,
    in_port: u32,
    in_name: Name,
    dst: MacAddr,
    why: ForwardReason,
    vlan: Option<u16>,
    at: SimTime,
) {
    let out: Vec<(u32, Frame)> = ports
        .iter()
        .enumerate()
        .filter(|&(local, &p)| local as u32 != in_port && ctx.is_linked(p))
        .filter_map(|(local, &p)| egress(local).map(|f| (p, f)))
        .collect();
    let names = out.iter().map(|&(p, _)| ctx.port_name(p)).collect();
    let device = ctx.id(dev);
    ctx.record(EventKind::SwitchForward {
        device,
        in_port: in_name,
        dst,
        out: Forwarding::Flood { ports: names },
        why,
        vlan,
    });
    for (port, frame) in out {
        ctx.transmit_at(at, port, frame);
    }
}
