//! A command that failed while the network was being changed (issue 18): the
//! cause is the change (a link set down, an address or route removed, a device
//! powered off), not the lab file, so the diagnosis names the change rather
//! than a field to fix.

use super::{Cause, Diagnosis};
use crate::scenario::{Command, ConfigCommand, ScheduledCommand, Topology};
use crate::sim::RunOutcome;
use crate::trace::EventKind;

/// The diagnosis of failed command `spec` when a change that can break
/// connectivity ran before its last printed line; None otherwise.
pub(super) fn changed_during_run(topology: &Topology, outcome: &RunOutcome, spec: &ScheduledCommand) -> Option<Diagnosis> {
    // A refused change explains itself (iproute2's line is its output).
    if let Command::Config(_) = spec.command {
        return None;
    }
    // When the command printed its last line (the run's end if it printed nothing).
    let end = outcome
        .trace
        .events
        .iter()
        .rev()
        .find(|e| matches!(&e.kind, EventKind::CommandOutput { label, .. } if label.as_str() == spec.label))
        .map(|e| e.time)?;
    let (k, change) = topology.commands.iter().enumerate().find(|(_, c)| {
        c.at <= end
            && matches!(
                &c.command,
                Command::Config(
                    ConfigCommand::LinkSet { up: false, .. }
                        | ConfigCommand::Power { on: false }
                        | ConfigCommand::Route { add: false, .. }
                        | ConfigCommand::Addr { .. }
                        | ConfigCommand::Route6 { add: false, .. }
                        | ConfigCommand::Addr6 { .. }
                        | ConfigCommand::NeighFlush { .. }
                        | ConfigCommand::FdbFlush { .. }
                )
            )
    })?;
    let device = topology.devices[change.device].id.clone();
    let run = change.label.strip_prefix(&format!("{device}: ")).unwrap_or(&change.label).to_string();
    let text = crate::msg!("diagnose-changed-during-run", command = &spec.label, time = change.at, device = &device, run = &run);
    Some(Diagnosis { command: spec.label.clone(), cause: Cause::ChangedDuringRun { device: device.clone(), run }, device, field: format!("commands[{k}].run"), text })
}
