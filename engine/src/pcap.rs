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

use std::io::{self, Write};
use std::time::Duration;

use pcap_file::pcap::{PcapHeader, PcapPacket, PcapWriter};
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
}
