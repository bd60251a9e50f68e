//! TCP (RFC 9293): building segments the way Linux lays them out, and decoding
//! them for the inspector (flags, each option, HTTP inside).
//!
//! The fixed 20-byte header is smoltcp's `TcpPacket` view, and each option is
//! written by smoltcp's `TcpOption::emit`. The *order* of the options is ours:
//! smoltcp 0.14's `TcpRepr::emit` writes MSS, window scale, SACK-permitted,
//! SACK blocks, timestamps and pads with End-of-List, while Linux's
//! `tcp_options_write` (net/ipv4/tcp_output.c) writes MSS, then SACK-permitted
//! *fused* with the timestamp (`04 02 08 0a`), or `01 01 08 0a` when SACK is
//! off, then `01 03 03 ws`, and pads with NOPs. A Linux SYN therefore reads
//! `02 04 05 b4 04 02 08 0a <tsval> <tsecr> 01 03 03 07`, which TcpRepr cannot
//! produce; [`Options::emit`] writes that order.

use serde::Serialize;
use smoltcp::wire::{checksum, IpProtocol as SmolProtocol, TcpOption, TcpPacket};

use super::{
    http::{self, Http},
    report, ByteRange, Checksum, ChecksumStatus, Field, Ipv4Addr, LayerKind, Problem,
};

/// Length of the TCP header without options.
pub const HEADER_LEN: usize = 20;
/// The HTTP port (IANA).
pub const HTTP_PORT: u16 = 80;

/// TCP flag bits as they sit in byte 13 (and the NS bit, byte 12 bit 0).
pub mod flags {
    /// FIN.
    pub const FIN: u16 = 0x001;
    /// SYN.
    pub const SYN: u16 = 0x002;
    /// RST.
    pub const RST: u16 = 0x004;
    /// PSH.
    pub const PSH: u16 = 0x008;
    /// ACK.
    pub const ACK: u16 = 0x010;
    /// URG.
    pub const URG: u16 = 0x020;
    /// ECE.
    pub const ECE: u16 = 0x040;
    /// CWR.
    pub const CWR: u16 = 0x080;
}

/// Flag names in Wireshark's order (packet-tcp.c `tcp_flags_to_str`).
const FLAG_NAMES: [(u16, &str); 8] = [
    (flags::FIN, "FIN"),
    (flags::SYN, "SYN"),
    (flags::RST, "RST"),
    (flags::PSH, "PSH"),
    (flags::ACK, "ACK"),
    (flags::URG, "URG"),
    (flags::ECE, "ECE"),
    (flags::CWR, "CWR"),
];

/// "SYN, ACK" for 0x012, as Wireshark lists flags.
pub fn flag_names(bits: u16) -> String {
    let names: Vec<&str> = FLAG_NAMES.iter().filter(|(b, _)| bits & b != 0).map(|(_, n)| *n).collect();
    names.join(", ")
}

/// The options Linux sends; which are present depends on the segment
/// (SYN: all negotiated ones; later segments: timestamps and SACK blocks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Maximum segment size (SYN and SYN-ACK only).
    pub mss: Option<u16>,
    /// SACK permitted (SYN and SYN-ACK only).
    pub sack_permitted: bool,
    /// Timestamps (TSval, TSecr), RFC 7323.
    pub timestamps: Option<(u32, u32)>,
    /// Window scale shift (SYN and SYN-ACK only).
    pub window_scale: Option<u8>,
    /// SACK blocks (left, right) for data received out of order.
    pub sack: Vec<(u32, u32)>,
}

impl Options {
    /// Length of the options once written (always a multiple of 4).
    pub fn len(&self) -> usize {
        let mut n = 0;
        if self.mss.is_some() {
            n += 4;
        }
        if self.timestamps.is_some() {
            n += 12; // (sackOK | NOP NOP) + TS
        } else if self.sack_permitted {
            n += 4; // NOP NOP sackOK
        }
        if self.window_scale.is_some() {
            n += 4;
        }
        if !self.sack.is_empty() {
            n += 4 + 8 * self.sack.len();
        }
        n
    }

    /// True when no option is present.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Write the options into `buf` (exactly [`Options::len`] bytes) in
    /// `tcp_options_write`'s order and padding.
    pub fn emit(&self, buf: &mut [u8]) {
        let mut rest: &mut [u8] = buf;
        if let Some(mss) = self.mss {
            rest = TcpOption::MaxSegmentSize(mss).emit(rest);
        }
        if let Some((tsval, tsecr)) = self.timestamps {
            // OPTION_SACK_ADVERTISE shares the timestamp's word: 04 02 08 0a.
            rest = if self.sack_permitted {
                TcpOption::SackPermitted.emit(rest)
            } else {
                let r = TcpOption::NoOperation.emit(rest);
                TcpOption::NoOperation.emit(r)
            };
            rest = TcpOption::TimeStamp { tsval, tsecr }.emit(rest);
        } else if self.sack_permitted {
            let r = TcpOption::NoOperation.emit(rest);
            let r = TcpOption::NoOperation.emit(r);
            rest = TcpOption::SackPermitted.emit(r);
        }
        if let Some(ws) = self.window_scale {
            let r = TcpOption::NoOperation.emit(rest);
            rest = TcpOption::WindowScale(ws).emit(r);
        }
        if !self.sack.is_empty() {
            let r = TcpOption::NoOperation.emit(rest);
            let r = TcpOption::NoOperation.emit(r);
            // SACK blocks: kind 5, length 2 + 8n, then the edges (RFC 2018).
            r[0] = 5;
            r[1] = (2 + 8 * self.sack.len()) as u8;
            for (i, (l, rt)) in self.sack.iter().enumerate() {
                r[2 + 8 * i..6 + 8 * i].copy_from_slice(&l.to_be_bytes());
                r[6 + 8 * i..10 + 8 * i].copy_from_slice(&rt.to_be_bytes());
            }
        }
    }
}

/// A TCP segment to build: the header fields a sender chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentRepr {
    /// Source port.
    pub src_port: u16,
    /// Destination port.
    pub dst_port: u16,
    /// Sequence number.
    pub seq: u32,
    /// Acknowledgement number (0 when ACK is not set, as Linux writes it).
    pub ack: u32,
    /// Flag bits ([`flags`]).
    pub flags: u16,
    /// The 16-bit window field as sent (already shifted by the window scale).
    pub window: u16,
    /// Options.
    pub options: Options,
}

impl SegmentRepr {
    /// Header length including options.
    pub fn header_len(&self) -> usize {
        HEADER_LEN + self.options.len()
    }

    /// The whole segment (header, options, `payload`) with its checksum over the
    /// IPv4 pseudo-header.
    pub fn build(&self, src: Ipv4Addr, dst: Ipv4Addr, payload: &[u8]) -> Vec<u8> {
        let mut buf = vec![0u8; self.header_len() + payload.len()];
        self.emit(&mut buf, src, dst, payload);
        buf
    }

    /// Write the segment into `buf` (header_len + payload bytes long).
    pub fn emit(&self, buf: &mut [u8], src: Ipv4Addr, dst: Ipv4Addr, payload: &[u8]) {
        let hl = self.header_len();
        buf[hl..hl + payload.len()].copy_from_slice(payload);
        self.options.emit(&mut buf[HEADER_LEN..hl]);
        let mut p = TcpPacket::new_unchecked(&mut buf[..]);
        p.set_src_port(self.src_port);
        p.set_dst_port(self.dst_port);
        p.set_seq_number(smoltcp::wire::TcpSeqNumber(self.seq as i32));
        p.set_ack_number(smoltcp::wire::TcpSeqNumber(self.ack as i32));
        // Data offset and the flag bits share bytes 12-13.
        let raw = ((hl as u16 / 4) << 12) | (self.flags & 0x1ff);
        buf[12..14].copy_from_slice(&raw.to_be_bytes());
        let mut p = TcpPacket::new_unchecked(&mut buf[..]);
        p.set_window_len(self.window);
        p.set_urgent_at(0);
        p.fill_checksum(&src.into(), &dst.into());
    }
}

/// The value the checksum field of `seg` (a whole segment) should hold.
pub fn expected_checksum(src: Ipv4Addr, dst: Ipv4Addr, seg: &[u8]) -> u16 {
    let sum = checksum::combine(&[
        checksum::pseudo_header_v4(&src, &dst, SmolProtocol::Tcp, seg.len() as u32),
        checksum::data(&seg[..16]),
        checksum::data(&seg[18..]),
    ]);
    !sum
}

/// One option as found in a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum TcpOpt {
    /// Kind 0.
    EndOfList,
    /// Kind 1.
    Nop,
    /// Kind 2.
    Mss(u16),
    /// Kind 3.
    WindowScale(u8),
    /// Kind 4.
    SackPermitted,
    /// Kind 5: the blocks.
    Sack(Vec<(u32, u32)>),
    /// Kind 8.
    Timestamps {
        /// TSval.
        tsval: u32,
        /// TSecr.
        tsecr: u32,
    },
    /// Anything else (kind, data length).
    Unknown {
        /// Kind byte.
        kind: u8,
        /// Length byte.
        len: u8,
    },
}

impl TcpOpt {
    /// Wireshark's name for the option.
    pub fn label(&self) -> String {
        match self {
            TcpOpt::EndOfList => "End of Option List (EOL)".into(),
            TcpOpt::Nop => "No-Operation (NOP)".into(),
            TcpOpt::Mss(m) => format!("Maximum segment size: {m} bytes"),
            TcpOpt::WindowScale(s) => format!("Window scale: {s} (multiply by {})", 1u32 << s.min(&14)),
            TcpOpt::SackPermitted => "SACK permitted".into(),
            TcpOpt::Sack(b) => format!("SACK: {} block(s)", b.len()),
            TcpOpt::Timestamps { tsval, tsecr } => format!("Timestamps: TSval {tsval}, TSecr {tsecr}"),
            TcpOpt::Unknown { kind, len } => format!("Unknown option kind {kind}, length {len}"),
        }
    }
}

/// A decoded TCP segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tcp {
    /// Header and payload as far as present.
    pub range: ByteRange,
    /// Source port.
    pub src_port: Field<u16>,
    /// Destination port.
    pub dst_port: Field<u16>,
    /// Sequence number (absolute).
    pub seq: Field<u32>,
    /// Acknowledgement number (absolute).
    pub ack: Field<u32>,
    /// Header length in bytes (data offset × 4).
    pub header_len: Field<u8>,
    /// The nine flag bits (bytes 12-13).
    pub flags: Field<u16>,
    /// The window field as sent (unscaled).
    pub window: Field<u16>,
    /// Checksum over pseudo-header, header and payload.
    pub checksum: Checksum,
    /// Urgent pointer.
    pub urgent: Field<u16>,
    /// Each option with its bytes.
    pub options: Vec<Field<TcpOpt>>,
    /// Payload bytes.
    pub payload: ByteRange,
    /// HTTP, when the payload starts with a request or status line.
    pub http: Option<Http>,
}

impl Tcp {
    /// Payload length.
    pub fn payload_len(&self) -> usize {
        self.payload.len()
    }
}

fn parse_options(frame: &[u8], range: ByteRange) -> Result<Vec<Field<TcpOpt>>, String> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let kind = frame[i];
        let opt = match kind {
            0 => {
                out.push(Field::new(TcpOpt::EndOfList, i..i + 1));
                break;
            }
            1 => {
                out.push(Field::new(TcpOpt::Nop, i..i + 1));
                i += 1;
                continue;
            }
            _ => {
                if i + 1 >= range.end {
                    return Err(format!("option kind {kind} has no length byte"));
                }
                let len = frame[i + 1] as usize;
                if len < 2 || i + len > range.end {
                    return Err(format!("option kind {kind} claims length {len}, which does not fit"));
                }
                let d = &frame[i + 2..i + len];
                let be32 = |at: usize| u32::from_be_bytes([d[at], d[at + 1], d[at + 2], d[at + 3]]);
                let o = match (kind, len) {
                    (2, 4) => TcpOpt::Mss(u16::from_be_bytes([d[0], d[1]])),
                    (3, 3) => TcpOpt::WindowScale(d[0]),
                    (4, 2) => TcpOpt::SackPermitted,
                    (5, l) if (l - 2) % 8 == 0 => {
                        TcpOpt::Sack((0..(l - 2) / 8).map(|k| (be32(8 * k), be32(8 * k + 4))).collect())
                    }
                    (8, 10) => TcpOpt::Timestamps { tsval: be32(0), tsecr: be32(4) },
                    (2..=8, _) => return Err(format!("option kind {kind} has wrong length {len}")),
                    _ => TcpOpt::Unknown { kind, len: len as u8 },
                };
                (o, len)
            }
        };
        out.push(Field::new(opt.0, i..i + opt.1));
        i += opt.1;
    }
    Ok(out)
}

/// Decode the TCP segment in `range` of `frame`; `whole` says whether the IP
/// datagram is complete (so the checksum can be verified).
pub(super) fn decode(
    frame: &[u8],
    range: ByteRange,
    src: Ipv4Addr,
    dst: Ipv4Addr,
    whole: bool,
    problem: &mut Option<Problem>,
) -> Option<Tcp> {
    let bytes = &frame[range.clone()];
    let start = range.start;
    if bytes.len() < HEADER_LEN {
        let why = format!("a TCP header needs {HEADER_LEN} bytes, only {} present", bytes.len());
        report(problem, Problem::Truncated { layer: LayerKind::Tcp, why });
        return None;
    }
    let view = TcpPacket::new_unchecked(bytes);
    let at = |a: usize, b: usize| start + a..start + b;
    let hl = view.header_len() as usize;
    let mut options = Vec::new();
    let mut hdr_end = start + HEADER_LEN;
    if hl < HEADER_LEN {
        let why = format!("header length {hl} is shorter than 20 bytes");
        report(problem, Problem::Malformed { layer: LayerKind::Tcp, why });
    } else if hl > bytes.len() {
        let why = format!("header length is {hl} bytes, only {} present", bytes.len());
        report(problem, Problem::Truncated { layer: LayerKind::Tcp, why });
    } else {
        hdr_end = start + hl;
        match parse_options(frame, start + HEADER_LEN..hdr_end) {
            Ok(o) => options = o,
            Err(why) => report(problem, Problem::Malformed { layer: LayerKind::Tcp, why }),
        }
    }
    let value = view.checksum();
    let checksum = if whole {
        let expected = expected_checksum(src, dst, bytes);
        Checksum {
            field: Field::new(value, at(16, 18)),
            status: if expected == value {
                ChecksumStatus::Good
            } else {
                ChecksumStatus::Bad { expected }
            },
        }
    } else {
        Checksum::unverified(value, at(16, 18))
    };
    let payload = hdr_end..range.end;
    let (sport, dport) = (view.src_port(), view.dst_port());
    let http = if !payload.is_empty() && (sport == HTTP_PORT || dport == HTTP_PORT) {
        http::decode(frame, payload.clone())
    } else {
        None
    };
    let raw_flags = u16::from_be_bytes([bytes[12], bytes[13]]) & 0x1ff;
    Some(Tcp {
        range: start..range.end,
        src_port: Field::new(sport, at(0, 2)),
        dst_port: Field::new(dport, at(2, 4)),
        seq: Field::new(view.seq_number().0 as u32, at(4, 8)),
        ack: Field::new(view.ack_number().0 as u32, at(8, 12)),
        header_len: Field::new(hl as u8, at(12, 13)),
        flags: Field::new(raw_flags, at(12, 14)),
        window: Field::new(view.window_len(), at(14, 16)),
        checksum,
        urgent: Field::new(view.urgent_at(), at(18, 20)),
        options,
        payload,
        http,
    })
}

#[cfg(test)]
#[path = "tcp_tests.rs"]
mod tests;
