//! Predict questions for changes made during a run (issue 18):
//! - `MacFlushed` because a port went down or lost carrier: what happens to the
//!   MACs the switch learned on it? (wrong: they stay until they age out after
//!   300 s; they stay, since the switch only forgets on a flush command)

use super::predict::{Answer, Choice, QuestionKind};
use crate::msg;
use crate::msg::Msg;
use crate::trace::{EventKind, FlushCause, MacFlush};

/// True for the change events predict mode stops before.
pub(super) fn is_decision(kind: &EventKind) -> bool {
    matches!(kind, EventKind::MacFlushed { flush, .. } if flush.port.is_some() && matches!(flush.why, FlushCause::LinkDown | FlushCause::CarrierLost))
}

/// (kind, prompt, correct, wrong) for a change event.
pub(super) fn question_parts(kind: &EventKind) -> Option<(QuestionKind, Msg, Choice, Vec<Choice>)> {
    let EventKind::MacFlushed { device, flush } = kind else {
        return None;
    };
    let Some(port) = &flush.port else { return None };
    let MacFlush { macs, why: why @ (FlushCause::LinkDown | FlushCause::CarrierLost), .. } = &**flush else {
        return None;
    };
    let prompt = if *why == FlushCause::LinkDown {
        msg!("predict-port-down", device = device, port = port, count = macs.len())
    } else {
        msg!("predict-port-no-carrier", device = device, port = port, count = macs.len())
    };
    let choice = |fate: u8, text: Msg| Choice { text, answer: Answer::MacFate { fate } };
    Some((
        QuestionKind::MacsOnDownPort,
        prompt,
        choice(0, msg!("predict-macs-forgotten")),
        vec![choice(1, msg!("predict-macs-age-out")), choice(2, msg!("predict-macs-kept"))],
    ))
}
