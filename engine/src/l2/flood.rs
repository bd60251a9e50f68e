//! Flooding: a frame out of every linked port but the one it came in on, as a
//! switch does with broadcasts and unknown destinations and a hub with all.

use crate::mac::MacAddr;
use crate::sim::ctx::Ctx;
use crate::sim::Frame;
use crate::time::SimTime;
use crate::trace::{EventKind, ForwardReason, Forwarding, Out, PortRef};

/// Records the flood decision and sends a copy out of each linked port
/// (`ports` are the device's global port indices) at time `at`: the frame
/// `egress` gives for that port (by local index), none where it gives None (a
/// spanning-tree port that is not forwarding, a port outside the frame's VLAN).
#[allow(clippy::too_many_arguments)]
pub(super) fn flood(
    ctx: &mut Ctx,
    ports: &[u32],
    egress: &dyn Fn(usize) -> Option<Frame>,
    in_port: u32,
    in_at: PortRef,
    dst: MacAddr,
    why: ForwardReason,
    at: SimTime,
) {
    let mut out = std::mem::take(&mut ctx.flood_scratch);
    out.clear();
    out.extend(
        ports
            .iter()
            .enumerate()
            .filter(|&(local, &p)| local as u32 != in_port && ctx.is_linked(p))
            .filter_map(|(local, &p)| egress(local).map(|f| (p, f))),
    );
    let how = flood_out(ctx, ports[in_port as usize], &out);
    ctx.record(EventKind::SwitchForward { at: in_at, dst, out: how, why });
    for (port, frame) in out.drain(..) {
        ctx.transmit_at(at, port, frame);
    }
    ctx.flood_scratch = out;
}

/// The `Forwarding::Flood` of the ports in `out`: the one the last flood from
/// global port `from` recorded when it names the same ports (the usual case:
/// they change only with carrier, spanning-tree states and VLANs), else a new
/// one kept for next time. Either way the trace reads the same list.
fn flood_out(ctx: &mut Ctx, from: u32, out: &[(u32, Frame)]) -> Out {
    let from = from as usize;
    if let Some(Some(last)) = ctx.flood_outs.get(from) {
        if let Forwarding::Flood { ports } = &**last {
            let same = ports.len() == out.len()
                && ports.iter().zip(out).all(|(name, &(p, _))| name == ctx.port_name_ref(p));
            if same {
                return last.clone();
            }
        }
    }
    let names = out.iter().map(|&(p, _)| ctx.port_name(p)).collect();
    let how = Out::new(Forwarding::Flood { ports: names });
    if ctx.flood_outs.len() <= from {
        ctx.flood_outs.resize(from + 1, None);
    }
    ctx.flood_outs[from] = Some(how.clone());
    how
}
