//! Predict questions for TCP decisions (issue 12):
//! - a connection opens (`TcpSocket` new in SYN-SENT): from which port does the
//!   SYN come? (wrong: the server's port, a well-known port, port 0)
//! - a host answers a SYN (`TcpSocket` new in SYN-RECV, or `TcpResetSent`) or
//!   a SYN-ACK (`TcpSocket` SYN-SENT → ESTAB): which flags does it send next?
//!   (the handshake's and the reset's flag sets are each other's wrong choices)

use super::predict::{Answer, Choice, QuestionKind};
use crate::msg;
use crate::msg::Msg;
use crate::trace::{EventKind, SocketEnds, SocketState};

/// The flag sets a question offers, in tshark's words.
const FLAG_SETS: [&str; 5] = ["SYN, ACK", "ACK", "RST, ACK", "SYN", "FIN, ACK"];

/// True for the TCP events predict mode stops before.
pub(super) fn is_decision(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::TcpSocket { old: None, new: Some(SocketState::SynSent | SocketState::SynRecv), .. }
            | EventKind::TcpSocket { old: Some(SocketState::SynSent), new: Some(SocketState::Established), .. }
            | EventKind::TcpResetSent { closed_port: true, .. }
    )
}

fn flags_choice(flags: &str) -> Choice {
    Choice { text: Msg::verbatim(format!("[{flags}]")), answer: Answer::Flags { flags: flags.to_string() } }
}

fn flags_question(correct: &str) -> (Choice, Vec<Choice>) {
    (flags_choice(correct), FLAG_SETS.iter().filter(|f| **f != correct).map(|f| flags_choice(f)).collect())
}

/// (kind, prompt, correct, wrong) for a TCP decision event.
pub(super) fn question_parts(kind: &EventKind) -> Option<(QuestionKind, Msg, Choice, Vec<Choice>)> {
    match kind {
        EventKind::TcpSocket { device, ends, old: None, new: Some(SocketState::SynSent), .. } => {
            let SocketEnds { local, peer: Some(peer) } = &**ends else { return None };
            let port = |p: u16, text: fn(String) -> Msg| Choice { text: text(p.to_string()), answer: Answer::Port { port: p } };
            let correct = port(local.port(), |p| msg!("predict-port-ephemeral", port = p));
            let wrong = vec![
                port(peer.port(), |p| msg!("predict-port-same", port = p)),
                port(if peer.port() == 443 { 80 } else { 443 }, |p| msg!("predict-port-well-known", port = p)),
                port(1023, |p| msg!("predict-port-reserved", port = p)),
                port(0, |p| msg!("predict-port-none", port = p)),
            ];
            Some((
                QuestionKind::SourcePort,
                msg!("predict-source-port", device = device, address = *peer.ip(), port = peer.port().to_string()),
                correct,
                wrong,
            ))
        }
        EventKind::TcpSocket { device, ends, old: None, new: Some(SocketState::SynRecv), .. } => {
            let SocketEnds { local, peer: Some(peer) } = &**ends else { return None };
            let (c, w) = flags_question("SYN, ACK");
            Some((
                QuestionKind::NextFlags,
                msg!("predict-syn-listening", device = device, address = *peer.ip(), port = local.port().to_string()),
                c,
                w,
            ))
        }
        EventKind::TcpResetSent { device, local, peer, .. } => {
            let (c, w) = flags_question("RST, ACK");
            Some((
                QuestionKind::NextFlags,
                msg!("predict-syn-closed", device = device, address = *peer.ip(), port = local.port().to_string()),
                c,
                w,
            ))
        }
        EventKind::TcpSocket { device, ends, old: Some(SocketState::SynSent), new: Some(SocketState::Established), .. } => {
            let Some(peer) = &ends.peer else { return None };
            let (c, w) = flags_question("ACK");
            Some((
                QuestionKind::NextFlags,
                msg!("predict-syn-ack", device = device, address = *peer.ip()),
                c,
                w,
            ))
        }
        _ => None,
    }
}
