//! Export frames as a classic pcap file (LINKTYPE_ETHERNET) that Wireshark and
//! tshark open, so a student can take a simulated capture to the real tools.
//!
//! Choices made here:
//! - **Nanosecond timestamps** (magic `0xa1b23c4d`): simulated time is kept in
//!   nanoseconds, and at 1 Gb/s a 64-byte frame lasts 512 ns, so microseconds
//!   would give several frames the same timestamp.
//! - **Time zero is the Unix epoch**: a frame sent 1.5 s into the run is stamped
//!   1970-01-01 00:00:01.5; Wireshark's default "seconds since first packet"
//!   column shows simulated time directly.
//! - **Little-endian headers** regardless of the host, so the same run produces
//!   the same file on every machine (and in the browser).
//!
//! A capture of the whole run is a **pcapng** file instead ([`write_pcapng`]): a
//! frame a switch forwards crosses several links, and a classic pcap has no way
//! to say which link each copy was on, so Wireshark showed unexplained
//! duplicates. pcapng (IETF draft-ietf-opsawg-pcapng) gives each link its own
//! Interface Description Block (`if_name` = the link id, `if_description` = its
//! two ends) and each packet names its interface; `if_tsresol` = 9 declares the
//! nanosecond timestamps (the format's default is microseconds).
//!
//! **Why the bytes are written here and not by the `pcap-file` crate** (issue 15,
//! docs/size.md): its writer is generic over both byte orders and every block and
//! option kind, which put ~28 KB of code (~10 KB gzip) into the first load of the
//! web app for a file only written on a download click. We write four fixed
//! layouts (pcap header and record; pcapng section header, interface description
//! and enhanced packet blocks), little-endian only. The tests check the bytes
//! against `pcap-file`'s writer (a dev-dependency) and read them back with its
//! reader, and `scripts/check-pcaps.sh` decodes them with tshark.

use std::io::{self, Write};

use crate::SimTime;

/// The largest frame recorded whole; longer frames would be cut to this length.
/// 65535 is what tcpdump used for years and far above Ethernet's 1514.
pub const SNAPLEN: u32 = 65_535;

/// LINKTYPE_ETHERNET (tcpdump.org link-layer header types).
const LINKTYPE_ETHERNET: u16 = 1;

/// Write a pcap file holding `frames`, each stamped with its simulated time.
///
/// Frames are written in the order given; pass them in time order (a trace's
/// order) for a capture that reads naturally. Fails if `w` fails, or for a
/// timestamp past 2106 (the format's seconds are a u32).
pub fn write_pcap<'a, W: Write>(
    mut w: W,
    frames: impl IntoIterator<Item = (SimTime, &'a [u8])>,
) -> io::Result<()> {
    // Global header: magic (nanosecond resolution), version 2.4, thiszone 0,
    // sigfigs 0, snaplen, link type.
    let mut header = Vec::with_capacity(24);
    put32(&mut header, 0xa1b2_3c4d);
    put16(&mut header, 2);
    put16(&mut header, 4);
    put32(&mut header, 0);
    put32(&mut header, 0);
    put32(&mut header, SNAPLEN);
    put32(&mut header, u32::from(LINKTYPE_ETHERNET));
    w.write_all(&header)?;
    for (time, bytes) in frames {
        let captured = &bytes[..bytes.len().min(SNAPLEN as usize)];
        let nanos = time.as_nanos();
        let secs = u32::try_from(nanos / 1_000_000_000).map_err(|_| {
            io::Error::new(io::ErrorKind::InvalidInput, "PcapPacket: timestamp_secs > u32::MAX")
        })?;
        // Record header: ts_sec, ts_nsec, incl_len, orig_len.
        let mut record = Vec::with_capacity(16);
        put32(&mut record, secs);
        put32(&mut record, (nanos % 1_000_000_000) as u32);
        put32(&mut record, captured.len() as u32);
        put32(&mut record, u32::try_from(bytes.len()).unwrap_or(u32::MAX));
        w.write_all(&record)?;
        w.write_all(captured)?;
    }
    Ok(())
}

/// The pcap file for `frames` as bytes (what the browser offers as a download).
pub fn pcap_bytes<'a>(frames: impl IntoIterator<Item = (SimTime, &'a [u8])>) -> Vec<u8> {
    let mut out = Vec::new();
    // Only a timestamp past 2106 can fail; the frames before it are kept.
    let _ = write_pcap(&mut out, frames);
    out
}

/// One capture interface of a pcapng file: a link of the lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interface<'a> {
    /// The link's id (`if_name`), what Wireshark's interface column shows.
    pub name: &'a str,
    /// Its two ends, e.g. "pc1 eth0 — sw1 p1" (`if_description`).
    pub description: &'a str,
}

/// `if_tsresol` 9: timestamps count nanoseconds (10^-9 s).
const TSRESOL_NANOS: u8 = 9;

/// pcapng block types (draft-ietf-opsawg-pcapng section 10.1).
const SECTION_HEADER_BLOCK: u32 = 0x0a0d_0d0a;
const INTERFACE_DESCRIPTION_BLOCK: u32 = 0x0000_0001;
const ENHANCED_PACKET_BLOCK: u32 = 0x0000_0006;

/// Write a pcapng file with one interface per entry of `interfaces` (in that
/// order, so interface ids are their indices) and `frames` as
/// `(interface index, time, bytes)`. Fails if `w` fails or a frame names an
/// interface that is not in the list.
pub fn write_pcapng<'a, W: Write>(
    mut w: W,
    interfaces: &[Interface<'_>],
    frames: impl IntoIterator<Item = (usize, SimTime, &'a [u8])>,
) -> io::Result<()> {
    // Section header: byte-order magic, version 1.0, section length -1 (not
    // given), no options.
    let mut body = Vec::with_capacity(64);
    put32(&mut body, 0x1a2b_3c4d);
    put16(&mut body, 1);
    put16(&mut body, 0);
    body.extend_from_slice(&u64::MAX.to_le_bytes());
    write_block(&mut w, SECTION_HEADER_BLOCK, &body)?;
    for iface in interfaces {
        body.clear();
        put16(&mut body, LINKTYPE_ETHERNET);
        put16(&mut body, 0); // reserved
        put32(&mut body, SNAPLEN);
        put_option(&mut body, 2, iface.name.as_bytes()); // if_name
        put_option(&mut body, 3, iface.description.as_bytes()); // if_description
        put_option(&mut body, 9, &[TSRESOL_NANOS]); // if_tsresol
        put32(&mut body, 0); // opt_endofopt
        write_block(&mut w, INTERFACE_DESCRIPTION_BLOCK, &body)?;
    }
    for (interface, time, bytes) in frames {
        if interface >= interfaces.len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("pcapng: frame on unknown interface {interface}"),
            ));
        }
        let captured = &bytes[..bytes.len().min(SNAPLEN as usize)];
        let nanos = time.as_nanos();
        body.clear();
        put32(&mut body, interface as u32);
        put32(&mut body, (nanos >> 32) as u32); // timestamp, high then low word
        put32(&mut body, nanos as u32);
        put32(&mut body, captured.len() as u32);
        put32(&mut body, u32::try_from(bytes.len()).unwrap_or(u32::MAX));
        body.extend_from_slice(captured);
        pad4(&mut body);
        write_block(&mut w, ENHANCED_PACKET_BLOCK, &body)?;
    }
    Ok(())
}

/// The pcapng file of [`write_pcapng`] as bytes (the browser's whole-run download).
pub fn pcapng_bytes<'a>(
    interfaces: &[Interface<'_>],
    frames: impl IntoIterator<Item = (usize, SimTime, &'a [u8])>,
) -> Vec<u8> {
    let mut out = Vec::new();
    // Only an unknown interface index can fail; its frame is then left out by the
    // caller's contract, never a panic.
    let _ = write_pcapng(&mut out, interfaces, frames);
    out
}

/// A pcapng block: type, total length, the body (a multiple of 4 bytes), the
/// total length again.
fn write_block<W: Write>(w: &mut W, block_type: u32, body: &[u8]) -> io::Result<()> {
    let total = (body.len() + 12) as u32;
    let mut head = Vec::with_capacity(8);
    put32(&mut head, block_type);
    put32(&mut head, total);
    w.write_all(&head)?;
    w.write_all(body)?;
    w.write_all(&total.to_le_bytes())
}

/// A pcapng option: code, length, value padded to 4 bytes.
fn put_option(out: &mut Vec<u8>, code: u16, value: &[u8]) {
    put16(out, code);
    put16(out, value.len() as u16);
    out.extend_from_slice(value);
    pad4(out);
}

fn pad4(out: &mut Vec<u8>) {
    while out.len() % 4 != 0 {
        out.push(0);
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::golden;
    use pcap_file::pcap::PcapReader;
    use pcap_file::pcapng::blocks::interface_description::InterfaceDescriptionOption;
    use pcap_file::DataLink;

    #[test]
    fn golden_file_bytes() {
        let bytes = pcap_bytes([(SimTime::from_nanos(1_500_000_123), &golden::ARP_REQUEST[..])]);
        let mut expected = vec![
            0x4d, 0x3c, 0xb2, 0xa1, // magic, nanosecond resolution, little-endian
            0x02, 0x00, 0x04, 0x00, // version 2.4
            0x00, 0x00, 0x00, 0x00, // thiszone
            0x00, 0x00, 0x00, 0x00, // sigfigs
            0xff, 0xff, 0x00, 0x00, // snaplen 65535
            0x01, 0x00, 0x00, 0x00, // LINKTYPE_ETHERNET
            0x01, 0x00, 0x00, 0x00, // ts_sec 1
            0x7b, 0x65, 0xcd, 0x1d, // ts_nsec 500_000_123
            0x2a, 0x00, 0x00, 0x00, // incl_len 42
            0x2a, 0x00, 0x00, 0x00, // orig_len 42
        ];
        expected.extend_from_slice(&golden::ARP_REQUEST);
        assert_eq!(bytes, expected);
    }

    #[test]
    fn empty_capture_is_just_the_header() {
        assert_eq!(pcap_bytes(std::iter::empty()).len(), 24);
    }

    #[test]
    fn round_trips_through_a_reader() {
        let frames: Vec<(SimTime, &[u8])> = golden::ALL
            .iter()
            .enumerate()
            .map(|(i, (_, f))| (SimTime::from_micros(1_000 * i as u64 + 7), *f))
            .collect();
        let bytes = pcap_bytes(frames.iter().copied());
        let mut reader = PcapReader::new(&bytes[..]).unwrap();
        assert_eq!(reader.header().datalink, DataLink::ETHERNET);
        let mut n = 0;
        while let Some(p) = reader.next_packet() {
            let p = p.unwrap();
            assert_eq!(p.timestamp.as_nanos() as u64, frames[n].0.as_nanos());
            assert_eq!(&p.data[..], frames[n].1);
            n += 1;
        }
        assert_eq!(n, golden::ALL.len());
    }

    #[test]
    fn pcapng_has_one_interface_per_link_and_names_each_packets_link() {
        use pcap_file::pcapng::{Block, PcapNgReader};
        let links = [
            Interface { name: "pc1-sw1", description: "pc1 eth0 — sw1 p1" },
            Interface { name: "sw1-pc2", description: "sw1 p2 — pc2 eth0" },
        ];
        let frames: Vec<(usize, SimTime, &[u8])> = vec![
            (0, SimTime::from_nanos(1_000_000_007), &golden::ARP_REQUEST[..]),
            (1, SimTime::from_nanos(1_000_013_727), &golden::ARP_REQUEST[..]),
        ];
        let bytes = pcapng_bytes(&links, frames.iter().copied());
        // Section header block, little-endian: type 0x0a0d0d0a, then the byte-order magic.
        assert_eq!(&bytes[..4], &[0x0a, 0x0d, 0x0d, 0x0a]);
        assert_eq!(&bytes[8..12], &[0x4d, 0x3c, 0x2b, 0x1a]);
        let mut reader = PcapNgReader::new(&bytes[..]).unwrap();
        let (mut names, mut packets) = (vec![], vec![]);
        while let Some(block) = reader.next_block() {
            match block.unwrap() {
                Block::InterfaceDescription(idb) => {
                    assert_eq!(idb.linktype, DataLink::ETHERNET);
                    assert!(idb.options.contains(&InterfaceDescriptionOption::IfTsResol(9)));
                    names.extend(idb.options.iter().filter_map(|o| match o {
                        InterfaceDescriptionOption::IfName(n) => Some(n.to_string()),
                        _ => None,
                    }));
                }
                Block::EnhancedPacket(epb) => {
                    packets.push((epb.interface_id, epb.timestamp.as_nanos() as u64, epb.data.to_vec()))
                }
                _ => {}
            }
        }
        assert_eq!(names, ["pc1-sw1", "sw1-pc2"]);
        assert_eq!(packets.len(), 2);
        assert_eq!((packets[0].0, packets[0].1), (0, 1_000_000_007));
        assert_eq!((packets[1].0, packets[1].1), (1, 1_000_013_727));
        assert_eq!(packets[1].2, golden::ARP_REQUEST.to_vec());
    }

    #[test]
    fn pcapng_refuses_an_unknown_interface() {
        let links = [Interface { name: "l1", description: "a — b" }];
        let mut out = Vec::new();
        let frames = [(3usize, SimTime::from_nanos(1), &golden::ARP_REQUEST[..])];
        assert!(write_pcapng(&mut out, &links, frames).is_err());
    }

    /// The bytes are exactly what the `pcap-file` crate's writers produce for the
    /// same frames (the crate this module used to call; see the module header).
    #[test]
    fn bytes_match_the_pcap_file_crates_writers() {
        use pcap_file::pcap::{PcapHeader, PcapPacket, PcapWriter};
        use pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketBlock;
        use pcap_file::pcapng::blocks::interface_description::InterfaceDescriptionBlock;
        use pcap_file::pcapng::PcapNgWriter;
        use pcap_file::{Endianness, TsResolution};
        use std::borrow::Cow;
        use std::time::Duration;

        // Frames of every length mod 4 (padding), and times past 2^32 ns (the
        // high word of a pcapng timestamp).
        let frames: Vec<(usize, SimTime, &[u8])> = golden::ALL
            .iter()
            .enumerate()
            .map(|(i, (_, f))| (i % 3, SimTime::from_nanos(4_294_967_000 * i as u64 + 123), *f))
            .chain([(1, SimTime::from_nanos(9), &golden::ARP_REQUEST[..41])])
            .collect();
        let links = [
            Interface { name: "pc1-sw1", description: "pc1 eth0 — sw1 p1" },
            Interface { name: "l", description: "ab" },
            Interface { name: "sw1-r1", description: "sw1 p3 — r1 eth0" },
        ];

        let mut expected = Vec::new();
        let header = PcapHeader {
            version_major: 2,
            version_minor: 4,
            ts_correction: 0,
            ts_accuracy: 0,
            snaplen: SNAPLEN,
            datalink: DataLink::ETHERNET,
            ts_resolution: TsResolution::NanoSecond,
            endianness: Endianness::Little,
        };
        let mut writer = PcapWriter::with_header(&mut expected, header).unwrap();
        for (_, t, bytes) in &frames {
            let packet = PcapPacket::new(Duration::from_nanos(t.as_nanos()), bytes.len() as u32, bytes);
            writer.write_packet(&packet).unwrap();
        }
        assert_eq!(pcap_bytes(frames.iter().map(|(_, t, b)| (*t, *b))), expected);

        let mut expected = Vec::new();
        let mut writer = PcapNgWriter::with_endianness(&mut expected, Endianness::Little).unwrap();
        for iface in &links {
            let block = InterfaceDescriptionBlock {
                linktype: DataLink::ETHERNET,
                snaplen: SNAPLEN,
                options: vec![
                    InterfaceDescriptionOption::IfName(Cow::Borrowed(iface.name)),
                    InterfaceDescriptionOption::IfDescription(Cow::Borrowed(iface.description)),
                    InterfaceDescriptionOption::IfTsResol(TSRESOL_NANOS),
                ],
            };
            writer.write_pcapng_block(block).unwrap();
        }
        for (i, t, bytes) in &frames {
            let block = EnhancedPacketBlock {
                interface_id: *i as u32,
                timestamp: Duration::from_nanos(t.as_nanos()),
                original_len: bytes.len() as u32,
                data: Cow::Borrowed(bytes),
                options: vec![],
            };
            writer.write_pcapng_block(block).unwrap();
        }
        assert_eq!(pcapng_bytes(&links, frames.iter().copied()), expected);
    }
}
