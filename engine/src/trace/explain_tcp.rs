//! The sentences of the TCP and HTTP events: a connection opening (SYN),
//! accepted (SYN-ACK), established, refused, retransmitted, closed (FIN,
//! TIME-WAIT), and the request and response it carried.

use super::facts::{Retransmitted, SocketState, TcpEnd};
use super::EventKind;
use crate::time::SimTime;
use std::fmt::Write as _;

/// "1 s", "202 ms", "1.5 s".
pub fn duration(t: SimTime) -> String {
    let ms = t.as_nanos() / 1_000_000;
    if ms >= 1000 && ms % 1000 == 0 {
        format!("{} s", ms / 1000)
    } else if ms >= 1000 {
        format!("{}.{} s", ms / 1000, (ms % 1000) / 100)
    } else {
        format!("{ms} ms")
    }
}

pub(super) fn explain(s: &mut String, kind: &EventKind) {
    match kind {
        EventKind::TcpSocket { device, local, peer, old, new, end } => {
            use SocketState as S;
            let Some(p) = peer else {
                let _ = match new {
                    Some(_) => write!(s, "{device} listens on TCP port {} (a web server waiting for connections)", local.port()),
                    None => write!(s, "{device} stops listening on TCP port {}", local.port()),
                };
                return;
            };
            let (ip, port) = (p.ip(), p.port());
            let _ = match (old, new, end) {
                (None, Some(S::SynSent), _) => write!(s, "{device} opens a TCP connection to {ip} port {port} from its port {}: SYN", local.port()),
                (None, Some(S::SynRecv), _) => write!(s, "{device} accepts a connection from {ip} port {port} on its port {}: SYN-ACK", local.port()),
                (Some(S::SynSent), Some(S::Established), _) => write!(s, "{device}: connection to {ip} port {port} established (SYN-ACK received, ACK sent)"),
                (Some(S::SynRecv), Some(S::Established), _) => write!(s, "{device}: connection from {ip} port {port} established (the client's ACK arrived)"),
                (_, None, Some(TcpEnd::Refused)) => write!(s, "connection refused: nothing listens on port {port} at {ip}, which answered RST|ACK; {device}'s connect() fails"),
                (_, None, Some(TcpEnd::TimedOut)) => write!(s, "{device} gives up on {ip} port {port}: no answer to its retransmissions (Connection timed out)"),
                (_, None, Some(TcpEnd::Unreachable { code })) => write!(
                    s,
                    "{device}'s connection to {ip} port {port} fails: an ICMP \"{}\" came back",
                    super::facts::icmp_error_text(3, *code)
                ),
                (_, None, Some(TcpEnd::Reset)) => write!(s, "{ip} reset {device}'s connection (RST): Connection reset by peer"),
                (Some(S::Established), Some(S::FinWait1), _) => write!(s, "{device} closes its side of the connection to {ip} port {port}: FIN"),
                (Some(S::FinWait1), Some(S::FinWait2), _) => write!(s, "{ip} acknowledged {device}'s FIN; {device} waits for {ip}'s FIN (FIN-WAIT-2)"),
                (_, Some(S::CloseWait), _) => write!(s, "{ip} closed its side (FIN); {device} acknowledges it and may still send (CLOSE-WAIT)"),
                (_, Some(S::LastAck), _) => write!(s, "{device} closes its side too: FIN (LAST-ACK, waiting for the ACK)"),
                (_, Some(S::Closing), _) => write!(s, "both {device} and {ip} sent FIN at once (CLOSING)"),
                (_, Some(S::TimeWait), _) => write!(s, "both sides closed; {device} keeps the connection to {ip} port {port} in TIME-WAIT for 60 s to catch stray segments"),
                (Some(S::LastAck), None, None) => write!(s, "{device}'s FIN was acknowledged: the connection with {ip} port {port} is closed"),
                (Some(S::TimeWait), None, None) => write!(s, "TIME-WAIT is over: {device} forgets the connection to {ip} port {port}"),
                (Some(S::SynRecv), None, None) => write!(s, "{device} drops the half-open connection from {ip} port {port}"),
                (o, n, _) => write!(
                    s,
                    "{device}: TCP {local} ↔ {p} {} → {}",
                    o.map_or("new", |x| x.name()),
                    n.map_or("closed", |x| x.name())
                ),
            };
        }
        EventKind::TcpRetransmit { device, peer, what, after, .. } => {
            let (seg, missing) = match what {
                Retransmitted::Syn => ("SYN".to_string(), "no SYN-ACK"),
                Retransmitted::SynAck => ("SYN-ACK".to_string(), "no ACK"),
                Retransmitted::Data { bytes } => (format!("{bytes} bytes of data"), "no acknowledgement"),
                Retransmitted::Fin => ("FIN".to_string(), "no acknowledgement"),
            };
            let _ = write!(s, "{seg} retransmitted after {}: {device} got {missing} from {}", duration(*after), peer.ip());
        }
        EventKind::TcpResetSent { device, local, peer, closed_port } => {
            let _ = if *closed_port {
                write!(s, "nothing listens on port {} on {device}, so it answers {}'s segment with a reset (RST|ACK)", local.port(), peer.ip())
            } else {
                write!(s, "{device} has no connection for {}'s segment to port {}, so it answers with a reset", peer.ip(), local.port())
            };
        }
        EventKind::HttpRequest { device, method, path, host, to, .. } => {
            let _ = write!(s, "{method} {path} sent: {device} asks {} port {} for http://{host}{path}", to.ip(), to.port());
        }
        EventKind::HttpResponse { device, peer, method, path, status, reason, body_len } => {
            let _ = write!(s, "{status} {reason}, {body_len} bytes: the web server on {device} answers {}'s {method} {path}", peer.ip());
        }
        _ => {}
    }
}
