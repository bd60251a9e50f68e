//! Predict questions for changes made during a run (issue 18):
//! - `MacFlushed` because a port went down or lost carrier: what happens to the
//!   MACs the switch learned on it? (wrong: they stay until they age out after
//!   300 s; they stay, since the switch only forgets on a flush command)

use super::predict::{Answer, Choice, QuestionKind};
use crate::trace::{EventKind, FlushCause};

/// True for the change events predict mode stops before.
pub(super) fn is_decision(kind: &EventKind) -> bool {
    matches!(kind, EventKind::MacFlushed { port: Some(_), why: FlushCause::LinkDown | FlushCause::CarrierLost, .. })
}

/// (kind, prompt, correct, wrong) for a change event.
pub(super) fn question_parts(kind: &EventKind) -> Option<(QuestionKind, String, Choice, Vec<Choice>)> {
    let EventKind::MacFlushed { device, port: Some(port), macs, why: why @ (FlushCause::LinkDown | FlushCause::CarrierLost), .. } = kind else {
        return None;
    };
    let happened = if *why == FlushCause::LinkDown { "was set down" } else { "lost carrier" };
    let choice = |fate: u8, text: String| Choice { text, answer: Answer::MacFate { fate } };
    Some((
        QuestionKind::MacsOnDownPort,
        format!("{device}'s port {port} {happened}. {device} had learned {} MAC(s) on it. What happens to them?", macs.len()),
        choice(0, "forgotten at once: frames for them are flooded until they are learned again".into()),
        vec![
            choice(1, "kept until they age out, 300 s after their last frame".into()),
            choice(2, "kept: a switch forgets a MAC only when told to (bridge fdb flush)".into()),
        ],
    ))
}
