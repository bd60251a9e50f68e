//! The sentences of the TCP and HTTP events: a connection opening (SYN),
//! accepted (SYN-ACK), established, refused, retransmitted, closed (FIN,
//! TIME-WAIT), and the request and response it carried.

use super::facts::{HttpRequestInfo, HttpResponseInfo, Retransmitted, Retry, SocketState, TcpEnd};
use super::{EventKind, SocketEnds};
use crate::msg;
use crate::msg::Msg;
use crate::time::SimTime;

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

/// The sentence of a TCP or HTTP event (`locales/*/engine-explain*.ftl`); any other event
/// gets an empty one.
pub(super) fn explain(kind: &EventKind) -> Msg {
    match kind {
        EventKind::TcpSocket { device, ends, old, new, end } => {
            let SocketEnds { local, peer } = &**ends;
            use SocketState as S;
            let Some(p) = peer else {
                return match new {
                    Some(_) => msg!("explain-tcp-listen", device = device, port = local.port().to_string()),
                    None => msg!("explain-tcp-unlisten", device = device, port = local.port().to_string()),
                };
            };
            let (ip, port) = (p.ip(), p.port().to_string());
            match (old, new, end) {
                (None, Some(S::SynSent), _) => msg!("explain-tcp-syn", device = device, ip = ip, port = port, local = local.port().to_string()),
                (None, Some(S::SynRecv), _) => {
                    msg!("explain-tcp-syn-ack", device = device, ip = ip, port = port, local = local.port().to_string())
                }
                (Some(S::SynSent), Some(S::Established), _) => msg!("explain-tcp-established-client", device = device, ip = ip, port = port),
                (Some(S::SynRecv), Some(S::Established), _) => msg!("explain-tcp-established-server", device = device, ip = ip, port = port),
                (_, None, Some(TcpEnd::Refused)) => msg!("explain-tcp-refused", device = device, ip = ip, port = port),
                (_, None, Some(TcpEnd::TimedOut)) => msg!("explain-tcp-timed-out", device = device, ip = ip, port = port),
                (_, None, Some(TcpEnd::Unreachable { code })) => msg!(
                    "explain-tcp-unreachable",
                    device = device,
                    ip = ip,
                    port = port,
                    error = super::facts::icmp_error_text(3, *code)
                ),
                (_, None, Some(TcpEnd::Reset)) => msg!("explain-tcp-reset", device = device, ip = ip),
                (Some(S::Established), Some(S::FinWait1), _) => msg!("explain-tcp-fin", device = device, ip = ip, port = port),
                (Some(S::FinWait1), Some(S::FinWait2), _) => msg!("explain-tcp-fin-wait-2", device = device, ip = ip),
                (_, Some(S::CloseWait), _) => msg!("explain-tcp-close-wait", device = device, ip = ip),
                (_, Some(S::LastAck), _) => msg!("explain-tcp-last-ack", device = device),
                (_, Some(S::Closing), _) => msg!("explain-tcp-closing", device = device, ip = ip),
                (_, Some(S::TimeWait), _) => msg!("explain-tcp-time-wait", device = device, ip = ip, port = port),
                (Some(S::LastAck), None, None) => msg!("explain-tcp-closed", device = device, ip = ip, port = port),
                (Some(S::TimeWait), None, None) => msg!("explain-tcp-time-wait-over", device = device, ip = ip, port = port),
                (Some(S::SynRecv), None, None) => msg!("explain-tcp-half-open-dropped", device = device, ip = ip, port = port),
                (o, n, _) => msg!(
                    "explain-tcp-state",
                    device = device,
                    local = local.to_string(),
                    peer = p.to_string(),
                    old = o.map_or("none", |x| x.name()),
                    new = n.map_or("none", |x| x.name())
                ),
            }
        }
        EventKind::TcpRetransmit { device, retry } => {
            let Retry { peer, what, after, .. } = &**retry;
            let (after, ip) = (duration(*after), peer.ip());
            match what {
                Retransmitted::Syn => msg!("explain-tcp-retransmit-syn", after = after, device = device, ip = ip),
                Retransmitted::SynAck => msg!("explain-tcp-retransmit-syn-ack", after = after, device = device, ip = ip),
                Retransmitted::Data { bytes } => {
                    msg!("explain-tcp-retransmit-data", bytes = bytes, after = after, device = device, ip = ip)
                }
                Retransmitted::Fin => msg!("explain-tcp-retransmit-fin", after = after, device = device, ip = ip),
            }
        }
        EventKind::TcpResetSent { device, local, peer, closed_port } => {
            if *closed_port {
                msg!("explain-tcp-rst-closed-port", port = local.port().to_string(), device = device, ip = peer.ip())
            } else {
                msg!("explain-tcp-rst-no-connection", device = device, ip = peer.ip(), port = local.port().to_string())
            }
        }
        EventKind::HttpRequest { device, request, .. } => {
            let HttpRequestInfo { method, path, host, to, .. } = &**request;
            msg!(
                "explain-http-request",
                method = method,
                path = path,
                device = device,
                ip = to.ip(),
                port = to.port().to_string(),
                host = host
            )
        }
        EventKind::HttpResponse { device, peer, response } => {
            let HttpResponseInfo { method, path, status, reason, body_len } = &**response;
            msg!(
                "explain-http-response",
                status = status.to_string(),
                reason = reason,
                bytes = body_len,
                device = device,
                ip = peer.ip(),
                method = method,
                path = path
            )
        }
        _ => msg!("explain-nothing"),
    }
}
