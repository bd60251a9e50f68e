//! A packet larger than a link's MTU (issue 16): a router on the way could
//! not forward it whole (IPv6 never; IPv4 not with Don't Fragment set) and
//! answered "packet too big" / "fragmentation needed". The sender learns the
//! path MTU and fragments the next packets itself, so usually only the first
//! is lost — the diagnosis names the link and its MTU.

use super::{Cause, Diagnosis};
use crate::scenario::{Command, ScheduledCommand, Topology};
use crate::sim::RunOutcome;
use crate::trace::{EventKind, MtuEvent};

pub(super) fn too_big(topology: &Topology, outcome: &RunOutcome, spec: &ScheduledCommand) -> Option<Diagnosis> {
    if !matches!(spec.command, Command::Ping { .. } | Command::Ping6 { .. } | Command::Traceroute { .. } | Command::Traceroute6 { .. }) {
        return None;
    }
    let (router, interface, size, mtu, v6) = outcome.trace.events.iter().filter(|e| e.time >= spec.at).find_map(|e| match &e.kind {
        EventKind::Mtu { device, event } => match &**event {
            MtuEvent::TooBig { interface, size, mtu, v6 } => {
                Some((device.as_str().to_string(), interface.as_str().to_string(), *size, *mtu, *v6))
            }
            _ => None,
        },
        _ => None,
    })?;
    let id = &topology.devices[spec.device].id;
    let d = topology.devices.iter().position(|x| x.id == router)?;
    let k = topology.devices[d].interfaces.iter().position(|f| f.name == interface)?;
    let text = if v6 {
        crate::msg!(
            "diagnose-too-big-v6",
            router = &router,
            size = size.to_string(),
            interface = &interface,
            mtu = mtu.to_string(),
            device = id,
            fits = mtu.saturating_sub(48).to_string()
        )
    } else {
        crate::msg!(
            "diagnose-frag-needed",
            router = &router,
            size = size.to_string(),
            interface = &interface,
            mtu = mtu.to_string(),
            device = id,
            fits = mtu.saturating_sub(28).to_string()
        )
    };
    Some(Diagnosis {
        command: spec.label.clone(),
        cause: Cause::TooBig { router: router.clone(), mtu },
        device: router,
        field: format!("devices[{d}].interfaces[{k}].mtu"),
        text,
    })
}
