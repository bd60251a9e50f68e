//! Flooding: a frame out of every linked port but the one it came in on, as a
//! switch does with broadcasts and unknown destinations and a hub with all.

use crate::mac::MacAddr;
use crate::sim::ctx::Ctx;
use crate::sim::Frame;
use crate::time::SimTime;
use crate::trace::{EventKind, ForwardReason, Forwarding, Name};

/// Records the flood decision and sends a copy out of each linked port
/// (`ports` are the device's global port indices) that is `forwarding`
/// (by local index: a spanning-tree port in another state sends nothing) at time `at`.
#[allow(clippy::too_many_arguments)]
pub(super) fn flood(
    ctx: &mut Ctx,
    dev: u32,
    ports: &[u32],
    forwarding: &dyn Fn(usize) -> bool,
    in_port: u32,
    in_name: Name,
    dst: MacAddr,
    why: ForwardReason,
    frame: Frame,
    at: SimTime,
) {
    let out: Vec<u32> = ports
        .iter()
        .enumerate()
        .filter(|&(local, &p)| local as u32 != in_port && ctx.is_linked(p) && forwarding(local))
        .map(|(_, &p)| p)
        .collect();
    let names = out.iter().map(|&p| ctx.port_name(p)).collect();
    let device = ctx.id(dev);
    ctx.record(EventKind::SwitchForward {
        device,
        in_port: in_name,
        dst,
        out: Forwarding::Flood { ports: names },
        why,
    });
    for port in out {
        ctx.transmit_at(at, port, frame.clone());
    }
}
