//! Predict question for the spanning tree (issue 14): before a switch port
//! starts blocking, which port of the loop will it be? The wrong choices are
//! the other ports of spanning-tree switches cabled to another switch — the
//! ports that could, in principle, break the loop.

use super::predict::{Answer, Choice, QuestionKind};
use crate::msg;
use crate::msg::Msg;
use crate::scenario::{DeviceKind, Topology};
use crate::trace::{EventKind, StpState};

/// A port that starts blocking (not its first record: at start every port
/// listens first).
pub(super) fn is_decision(kind: &EventKind) -> bool {
    matches!(kind, EventKind::StpPort { state: StpState::Blocking, old_state: Some(old), .. } if *old != StpState::Blocking)
}

/// (kind, prompt, correct, wrong) for a port that starts blocking.
pub(super) fn question_parts(scenario: &Topology, kind: &EventKind) -> Option<(QuestionKind, Msg, Choice, Vec<Choice>)> {
    if !is_decision(kind) {
        return None;
    }
    let EventKind::StpPort { at, .. } = kind else { return None };
    let (device, port) = (&at.device, &at.port);
    let choice = |d: &str, p: &str| Choice {
        text: Msg::verbatim(format!("{d} {p}")),
        answer: Answer::SwitchPort { device: d.to_string(), port: p.to_string() },
    };
    let stp_switch = |d: usize| scenario.devices[d].kind == DeviceKind::Switch && scenario.devices[d].stp;
    let bridging = |d: usize| matches!(scenario.devices[d].kind, DeviceKind::Switch | DeviceKind::Hub);
    let mut wrong = Vec::new();
    for l in &scenario.links {
        if !(bridging(l.a.device) && bridging(l.b.device)) {
            continue;
        }
        for end in [l.a, l.b] {
            if stp_switch(end.device) {
                let dev = &scenario.devices[end.device];
                wrong.push(choice(&dev.id, &dev.ports[end.port]));
            }
        }
    }
    Some((
        QuestionKind::BlockedPort,
        msg!("predict-blocked-port"),
        choice(device, port),
        wrong,
    ))
}
