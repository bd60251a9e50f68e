//! Export frames as a classic pcap file (LINKTYPE_ETHERNET) that Wireshark and
//! tshark open, so a student can take a simulated capture to the real tools.
//!
//! The byte layout (24-byte global header, 16-byte record headers) is written by
//! the `pcap-file` crate. Choices made here:
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

use std::io::{self, Write};
use std::time::Duration;

use std::borrow::Cow;

use pcap_file::pcap::{PcapHeader, PcapPacket, PcapWriter};
use pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketBlock;
use pcap_file::pcapng::blocks::interface_description::{InterfaceDescriptionBlock, InterfaceDescriptionOption};
use pcap_file::pcapng::PcapNgWriter;
use pcap_file::{DataLink, Endianness, TsResolution};

use crate::SimTime;

/// The largest frame recorded whole; longer frames would be cut to this length.
/// 65535 is what tcpdump used for years and far above Ethernet's 1514.
pub const SNAPLEN: u32 = 65_535;

/// Write a pcap file holding `frames`, each stamped with its simulated time.
///
/// Frames are written in the order given; pass them in time order (a trace's
/// order) for a capture that reads naturally. Fails only if `w` fails.
pub fn write_pcap<'a, W: Write>(
    w: W,
    frames: impl IntoIterator<Item = (SimTime, &'a [u8])>,
) -> io::Result<()> {
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
    let mut writer = PcapWriter::with_header(w, header).map_err(to_io)?;
    for (time, bytes) in frames {
        let captured = &bytes[..bytes.len().min(SNAPLEN as usize)];
        let orig_len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
        let packet = PcapPacket::new(Duration::from_nanos(time.as_nanos()), orig_len, captured);
        writer.write_packet(&packet).map_err(to_io)?;
    }
    Ok(())
}

/// The pcap file for `frames` as bytes (what the browser offers as a download).
pub fn pcap_bytes<'a>(frames: impl IntoIterator<Item = (SimTime, &'a [u8])>) -> Vec<u8> {
    let mut out = Vec::new();
    write_pcap(&mut out, frames).expect("writing to a Vec cannot fail");
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

/// Write a pcapng file with one interface per entry of `interfaces` (in that
/// order, so interface ids are their indices) and `frames` as
/// `(interface index, time, bytes)`. Fails if `w` fails or a frame names an
/// interface that is not in the list.
pub fn write_pcapng<'a, W: Write>(
    w: W,
    interfaces: &[Interface<'_>],
    frames: impl IntoIterator<Item = (usize, SimTime, &'a [u8])>,
) -> io::Result<()> {
    let mut writer = PcapNgWriter::with_endianness(w, Endianness::Little).map_err(to_io)?;
    for iface in interfaces {
        let block = InterfaceDescriptionBlock {
            linktype: DataLink::ETHERNET,
            snaplen: SNAPLEN,
            options: vec![
                InterfaceDescriptionOption::IfName(Cow::Borrowed(iface.name)),
                InterfaceDescriptionOption::IfDescription(Cow::Borrowed(iface.description)),
                InterfaceDescriptionOption::IfTsResol(TSRESOL_NANOS),
            ],
        };
        writer.write_pcapng_block(block).map_err(to_io)?;
    }
    for (interface, time, bytes) in frames {
        let captured = &bytes[..bytes.len().min(SNAPLEN as usize)];
        let block = EnhancedPacketBlock {
            interface_id: u32::try_from(interface).unwrap_or(u32::MAX),
            timestamp: Duration::from_nanos(time.as_nanos()),
            original_len: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
            data: Cow::Borrowed(captured),
            options: vec![],
        };
        writer.write_pcapng_block(block).map_err(to_io)?;
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

fn to_io(e: pcap_file::PcapError) -> io::Error {
    match e {
        pcap_file::PcapError::IoError(e) => e,
        // Only reachable for timestamps past 2106 (u32 seconds) in a simulation.
        other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::golden;
    use pcap_file::pcap::PcapReader;

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
}
