//! HTTP/1.x message heads (RFC 9112) as the inspector shows them: the request
//! or status line and each header line, with the bytes they came from.
//!
//! Written by hand because no small crate gives byte ranges per header line
//! (httparse returns slices, not offsets, and would be a new dependency for ~80
//! lines). Only the head is parsed; the body is reported as a range. A segment
//! that does not start with a method or `HTTP/1.` is not HTTP (it may be the
//! continuation of a body), and decoding returns `None` without a problem.

use serde::Serialize;

use super::{ByteRange, Field};

/// Methods recognised at the start of a payload (RFC 9110 §9).
const METHODS: [&str; 8] = ["GET ", "HEAD ", "POST ", "PUT ", "DELETE ", "OPTIONS ", "CONNECT ", "TRACE "];

/// The first line of an HTTP message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum StartLine {
    /// `GET / HTTP/1.1`.
    Request {
        /// Method.
        method: String,
        /// Request target.
        target: String,
        /// Version string.
        version: String,
    },
    /// `HTTP/1.1 200 OK`.
    Response {
        /// Version string.
        version: String,
        /// Status code.
        status: u16,
        /// Reason phrase.
        reason: String,
    },
}

/// A decoded HTTP message head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Http {
    /// The request or status line (range without the CRLF).
    pub start: Field<StartLine>,
    /// Header lines (name, value), each with its line's range (without CRLF).
    pub headers: Vec<Field<(String, String)>>,
    /// The body bytes present in this segment (after the blank line), if the
    /// head was complete.
    pub body: Option<ByteRange>,
}

impl Http {
    /// Wireshark's Info column: the start line as text ("GET / HTTP/1.1").
    pub fn info(&self) -> String {
        match &self.start.value {
            StartLine::Request { method, target, version } => format!("{method} {target} {version}"),
            StartLine::Response { version, status, reason } => format!("{version} {status} {reason}"),
        }
    }
}

/// Decode the head at the start of `range`; `None` when it is not HTTP.
pub(super) fn decode(frame: &[u8], range: ByteRange) -> Option<Http> {
    let bytes = &frame[range.clone()];
    let is_request = METHODS.iter().any(|m| bytes.starts_with(m.as_bytes()));
    if !is_request && !bytes.starts_with(b"HTTP/1.") {
        return None;
    }
    let mut lines = Vec::new();
    let mut i = 0;
    let mut body = None;
    while i < bytes.len() {
        let Some(nl) = bytes[i..].windows(2).position(|w| w == b"\r\n") else { break };
        if nl == 0 {
            body = Some(range.start + i + 2..range.end);
            break;
        }
        lines.push(i..i + nl);
        i += nl + 2;
    }
    let first = lines.first()?.clone();
    let text = String::from_utf8_lossy(&bytes[first.clone()]).into_owned();
    let mut parts = text.splitn(3, ' ');
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next().unwrap_or(""));
    let start = if is_request {
        StartLine::Request { method: a.into(), target: b.into(), version: c.into() }
    } else {
        StartLine::Response { version: a.into(), status: b.parse().ok()?, reason: c.into() }
    };
    let shift = |r: &ByteRange| range.start + r.start..range.start + r.end;
    let headers = lines[1..]
        .iter()
        .filter_map(|r| {
            let line = String::from_utf8_lossy(&bytes[r.clone()]).into_owned();
            let (n, v) = line.split_once(':')?;
            Some(Field::new((n.to_string(), v.trim().to_string()), shift(r)))
        })
        .collect();
    Some(Http { start: Field::new(start, shift(&first)), headers, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_head_with_ranges() {
        let req = b"xxGET / HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n";
        let h = decode(req, 2..req.len()).unwrap();
        assert_eq!(h.info(), "GET / HTTP/1.1");
        assert_eq!(h.start.range, 2..16);
        assert_eq!(h.headers[0], Field::new(("Host".into(), "example.com".into()), 18..35));
        assert_eq!(h.headers[1].value.1, "*/*");
        assert_eq!(h.body, Some(req.len()..req.len()));
    }

    #[test]
    fn response_and_non_http() {
        let r = b"HTTP/1.1 404 Not Found\r\nServer: nginx\r\n\r\n<html>";
        let h = decode(r, 0..r.len()).unwrap();
        assert!(matches!(h.start.value, StartLine::Response { status: 404, .. }));
        assert_eq!(h.body, Some(41..47));
        assert_eq!(decode(b"<html>body", 0..10), None);
        assert_eq!(decode(b"HTTP/1.1 abc x\r\n", 0..16), None);
    }
}
