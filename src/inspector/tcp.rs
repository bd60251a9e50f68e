//! The TCP and HTTP layers of the inspector's tree, as Wireshark lays them out (packet-tcp.c,
//! packet-http.c): ports, sequence and acknowledgement numbers (relative where the run's
//! earlier frames say where the conversation starts, `wire::tcp_relative`, and raw), the
//! flags as a subtree of one bit each, the window (and scaled), the checksum verdict, each
//! option with its kind, length and values; then the HTTP start line split into its parts,
//! each header line and the body. Every row carries its bytes.
//!
//! The engine decodes (`wire::tcp`, `wire::http`); this file only names and places. Option
//! sub-rows come from one table of (name, width) per kind rather than a function per option,
//! so the tree costs little code (issue 15).

use super::*;
use packet_engine::wire::http::StartLine;
use packet_engine::wire::tcp::{flag_names, flags::ACK, flags::SYN, TcpOpt};
use packet_engine::wire::Tcp;

/// What the conversation before a segment tells about it: relative (seq, ack) and the
/// window as scaled, from `wire::tcp_relative`. `None`: the segment is shown on its own.
pub type Rel = Option<(u32, u32, u32)>;

/// Wireshark's flags subtree (packet-tcp.c), top bit first: the mask of each line in the
/// 12 bits after the header length, and its name.
const FLAG_LINES: [(u16, &str); 10] = [
    (0xe00, "Reserved"),
    (0x100, "Accurate ECN"),
    (0x080, "Congestion Window Reduced"),
    (0x040, "ECN-Echo"),
    (0x020, "Urgent"),
    (0x010, "Acknowledgment"),
    (0x008, "Push"),
    (0x004, "Reset"),
    (0x002, "Syn"),
    (0x001, "Fin"),
];

/// `.... ..1. ....` for `mask` in the 12 flag bits `bits`: the bits of the line as 0/1, the
/// others as dots, in groups of four as Wireshark prints a bitmask.
fn bit_pattern(bits: u16, mask: u16) -> String {
    let mut s = String::with_capacity(14);
    for i in (0..12).rev() {
        let b = 1 << i;
        s.push(if mask & b == 0 { '.' } else if bits & b != 0 { '1' } else { '0' });
        if i % 4 == 0 && i > 0 {
            s.push(' ');
        }
    }
    s
}

/// Appends one row: a single out-of-line call per row rather than a struct built and moved
/// at each of the tree's many sites (issue 15).
#[inline(never)]
fn add(fields: &mut Vec<FieldRow>, name: &str, depth: u8, value: String, range: Range<usize>) {
    fields.push(FieldRow { name: name.to_string(), depth, value, range, check: None });
}

/// The TCP layer, then HTTP (or data) inside it. `frame` is read only for the three
/// reserved flag bits, which the decoder's `flags` leaves out.
pub(super) fn push_tcp(out: &mut Vec<Layer>, frame: &[u8], tcp: &Tcp, rel: Rel) {
    let (src, dst) = (tcp.src_port.value, tcp.dst_port.value);
    let f = tcp.flags.value;
    let acked = f & ACK != 0;
    let fr = tcp.flags.range.clone();
    let (seq, ack) = (tcp.seq.value, tcp.ack.value);
    // The relative numbers where the conversation is known (the ack only with ACK set).
    let (rseq, rack) = (rel.map(|r| r.0), rel.filter(|_| acked).map(|r| r.1));
    let ack_text = if acked { format!(", Ack: {}", rack.unwrap_or(ack)) } else { String::new() };
    let title = format!(
        "Transmission Control Protocol, Src Port: {src}, Dst Port: {dst}, Seq: {}{ack_text}, Len: {}",
        rseq.unwrap_or(seq),
        tcp.payload_len()
    );
    let mut fields = Vec::new();
    let fs = &mut fields;
    add(fs, "Source port", 0, port_text(src), tcp.src_port.range.clone());
    add(fs, "Destination port", 0, port_text(dst), tcp.dst_port.range.clone());
    // Relative numbers as Wireshark shows them by default, the raw field under them.
    for (name, raw, relative, what, range) in
        [("Sequence number", seq, rseq, "sequence", &tcp.seq.range), ("Acknowledgment number", ack, rack, "ack", &tcp.ack.range)]
    {
        match relative {
            Some(r) => {
                add(fs, name, 0, format!("{r} (relative {what} number)"), range.clone());
                add(fs, &format!("{name} (raw)"), 0, raw.to_string(), range.clone());
            }
            None => add(fs, name, 0, raw.to_string(), range.clone()),
        }
    }
    let hl = tcp.header_len.value;
    add(fs, "Header length", 0, format!("{hl} bytes ({})", hl / 4), tcp.header_len.range.clone());
    let bits = frame.get(fr.clone()).map_or(f, |b| u16::from_be_bytes([b[0], b[1]]) & 0xfff);
    let names = flag_names(f);
    add(fs, "Flags", 0, format!("0x{bits:03x} ({})", if names.is_empty() { "<None>" } else { &names }), fr.clone());
    for (mask, name) in FLAG_LINES {
        let set = if bits & mask != 0 { "Set" } else { "Not set" };
        add(fs, &format!("{} = {name}", bit_pattern(bits, mask)), 1, set.to_string(), fr.clone());
    }
    let wr = tcp.window.range.clone();
    add(fs, "Window", 0, tcp.window.value.to_string(), wr.clone());
    // A SYN's window is never scaled (RFC 7323 §2.2); later ones once both SYNs had the option.
    if let Some((_, _, win)) = rel.filter(|_| f & SYN == 0) {
        add(fs, "Calculated window size", 0, win.to_string(), wr);
    }
    fs.push(checksum_row("Checksum", &tcp.checksum));
    add(fs, "Urgent pointer", 0, tcp.urgent.value.to_string(), tcp.urgent.range.clone());
    if let (Some(first), Some(last)) = (tcp.options.first(), tcp.options.last()) {
        let r = first.range.start..last.range.end;
        add(fs, "Options", 0, format!("{} bytes", r.len()), r);
        // SACK edges are in the peer's numbering, the one the ack field counts in.
        let ack_base = rack.map(|r| ack.wrapping_sub(r));
        for o in &tcp.options {
            push_option(fs, &o.value, o.range.clone(), ack_base);
        }
    }
    let payload = tcp.payload.clone();
    if !payload.is_empty() {
        add(fs, "TCP payload", 0, format!("{} bytes", payload.len()), payload.clone());
    }
    out.push(Layer { title, css: "tcp", range: tcp.range.clone(), fields });
    match &tcp.http {
        Some(h) => push_http(out, h, payload),
        None if !payload.is_empty() => out.push(data_layer("Data", payload)),
        None => {}
    }
}

/// One option: its line (`Maximum segment size: 1460 bytes`, the engine's label), then its
/// kind, length and values with their bytes.
fn push_option(fields: &mut Vec<FieldRow>, opt: &TcpOpt, r: Range<usize>, ack_base: Option<u32>) {
    add(fields, "TCP Option", 1, opt.label(), r.clone());
    if r.len() < 2 {
        return; // NOP and End of List are one kind byte
    }
    let at = r.start;
    add(fields, "Kind", 2, kind_name(opt), at..at + 1);
    add(fields, "Length", 2, r.len().to_string(), at + 1..at + 2);
    let edge = |e: u32| match ack_base {
        Some(b) => format!("{} (relative)", e.wrapping_sub(b)),
        None => e.to_string(),
    };
    let values: Vec<(&str, usize, String)> = match opt {
        TcpOpt::Mss(m) => vec![("MSS value", 2, m.to_string())],
        TcpOpt::WindowScale(s) => vec![("Shift count", 1, s.to_string())],
        TcpOpt::Timestamps { tsval, tsecr } => {
            vec![("Timestamp value", 4, tsval.to_string()), ("Timestamp echo reply", 4, tsecr.to_string())]
        }
        TcpOpt::Sack(blocks) => blocks.iter().flat_map(|&(l, rt)| [("Left edge", 4, edge(l)), ("Right edge", 4, edge(rt))]).collect(),
        _ => Vec::new(),
    };
    let mut i = at + 2;
    for (name, width, value) in values {
        add(fields, name, 2, value, i..i + width);
        i += width;
    }
}

/// Wireshark's name of an option kind, with its number.
fn kind_name(opt: &TcpOpt) -> String {
    let (n, name) = match opt {
        TcpOpt::Mss(_) => (2, "Maximum Segment Size"),
        TcpOpt::WindowScale(_) => (3, "Window Scale"),
        TcpOpt::SackPermitted => (4, "SACK Permitted"),
        TcpOpt::Sack(_) => (5, "SACK"),
        TcpOpt::Timestamps { .. } => (8, "Time Stamp Option"),
        TcpOpt::Unknown { kind, .. } => (*kind, "Unknown"),
        TcpOpt::Nop => (1, "No-Operation"),
        TcpOpt::EndOfList => (0, "End of Option List"),
    };
    format!("{name} ({n})")
}

/// The HTTP layer: the start line and its three parts, each header line, the body.
fn push_http(out: &mut Vec<Layer>, h: &packet_engine::wire::http::Http, payload: Range<usize>) {
    let (line, parts, names) = match &h.start.value {
        StartLine::Request { method, target, version } => {
            ("Request line", [method.clone(), target.clone(), version.clone()], ["Request method", "Request URI", "Request version"])
        }
        StartLine::Response { version, status, reason } => {
            ("Status line", [version.clone(), status.to_string(), reason.clone()], ["Response version", "Status code", "Response phrase"])
        }
    };
    let lr = h.start.range.clone();
    let mut fields = vec![row(line, h.info(), lr.clone())];
    // The parts are separated by single spaces (RFC 9112 §3, §4).
    let mut at = lr.start;
    for (part, name) in parts.into_iter().zip(names) {
        let end = (at + part.len()).min(lr.end);
        add(&mut fields, name, 1, part, at..end);
        at = end + 1;
    }
    for hd in &h.headers {
        add(&mut fields, &hd.value.0, 0, hd.value.1.clone(), hd.range.clone());
    }
    if let Some(body) = h.body.clone().filter(|b| !b.is_empty()) {
        add(&mut fields, "File data", 0, format!("{} bytes", body.len()), body);
    }
    out.push(Layer { title: "Hypertext Transfer Protocol".to_string(), css: "http", range: payload, fields });
}

#[cfg(test)]
#[path = "tcp_tests.rs"]
mod tests;
