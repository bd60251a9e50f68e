//! Spanning-tree BPDUs (IEEE 802.1D-1998 §9): the configuration BPDU and the
//! topology change notification, in an IEEE 802.3 frame with an LLC header
//! (DSAP 0x42, SSAP 0x42, control 0x03 UI) to 01:80:c2:00:00:00.
//!
//! Hand-written because smoltcp's `wire` has no STP (nor LLC), and neither
//! has `etherparse`; the shape is smoltcp's: a zero-copy [`Packet`] view over
//! the BPDU (the bytes after the LLC header) whose offsets are named in
//! `mod field`, a `check_len` after which no accessor panics, and a validated
//! [`Repr`] with `parse` / `buffer_len` / `emit`. The byte layout is Linux's
//! `br_send_config_bpdu` / `br_stp_rcv` (net/bridge/br_stp_bpdu.c); times are
//! in 1/256 s (`STP_HZ`).
//!
//! [`decode`] gives the inspector's tree: every field with its byte range.

use serde::Serialize;

use super::{report, ByteRange, Field, LayerKind, Problem};
use crate::trace::BridgeId;

/// The bridge group address every BPDU goes to (802.1D Table 7-9); a bridge
/// with STP on never forwards frames to it.
pub const BRIDGE_GROUP: [u8; 6] = [0x01, 0x80, 0xc2, 0x00, 0x00, 0x00];
/// LLC header of a BPDU: DSAP and SSAP 0x42 (bridge spanning tree), UI.
pub const LLC_STP: [u8; 3] = [0x42, 0x42, 0x03];
/// BPDU types (`BPDU_TYPE_CONFIG`, `BPDU_TYPE_TCN`).
pub const TYPE_CONFIG: u8 = 0x00;
pub const TYPE_TCN: u8 = 0x80;
/// Flag bits of a configuration BPDU.
const FLAG_TC: u8 = 0x01;
const FLAG_TCA: u8 = 0x80;

mod field {
    use super::ByteRange;
    pub const PROTOCOL: ByteRange = 0..2;
    pub const VERSION: usize = 2;
    pub const TYPE: usize = 3;
    pub const FLAGS: usize = 4;
    pub const ROOT: ByteRange = 5..13;
    pub const COST: ByteRange = 13..17;
    pub const BRIDGE: ByteRange = 17..25;
    pub const PORT: ByteRange = 25..27;
    pub const MESSAGE_AGE: ByteRange = 27..29;
    pub const MAX_AGE: ByteRange = 29..31;
    pub const HELLO: ByteRange = 31..33;
    pub const FORWARD_DELAY: ByteRange = 33..35;
    /// A TCN BPDU ends after its type; a configuration BPDU after forward delay.
    pub const TCN_LEN: usize = 4;
    pub const CONFIG_LEN: usize = 35;
}

/// Why a BPDU view or repr cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// Shorter than its type needs.
    Truncated,
    /// Protocol id or version not 0 (Linux drops it), or an unknown type.
    Unrecognized,
}

/// A read-only or read-write view of a BPDU (the bytes after the LLC header).
#[derive(Debug, Clone)]
pub struct Packet<T: AsRef<[u8]>> {
    buffer: T,
}

impl<T: AsRef<[u8]>> Packet<T> {
    /// A view without checks; call [`check_len`](Self::check_len) before the accessors.
    pub fn new_unchecked(buffer: T) -> Packet<T> {
        Packet { buffer }
    }

    /// A view whose accessors do not panic.
    pub fn new_checked(buffer: T) -> Result<Packet<T>, Error> {
        let p = Packet::new_unchecked(buffer);
        p.check_len()?;
        Ok(p)
    }

    /// Long enough for its type: 4 bytes, 35 for a configuration BPDU.
    pub fn check_len(&self) -> Result<(), Error> {
        let b = self.buffer.as_ref();
        if b.len() < field::TCN_LEN {
            return Err(Error::Truncated);
        }
        if b[field::TYPE] == TYPE_CONFIG && b.len() < field::CONFIG_LEN {
            return Err(Error::Truncated);
        }
        Ok(())
    }

    fn be16(&self, r: ByteRange) -> u16 {
        let b = &self.buffer.as_ref()[r];
        u16::from_be_bytes([b[0], b[1]])
    }
    fn id(&self, r: ByteRange) -> BridgeId {
        let mut b = [0; 8];
        b.copy_from_slice(&self.buffer.as_ref()[r]);
        BridgeId::from_bytes(&b)
    }

    pub fn protocol(&self) -> u16 {
        self.be16(field::PROTOCOL)
    }
    pub fn version(&self) -> u8 {
        self.buffer.as_ref()[field::VERSION]
    }
    pub fn bpdu_type(&self) -> u8 {
        self.buffer.as_ref()[field::TYPE]
    }
    // The accessors below are for configuration BPDUs only (check_len checked 35 bytes).
    pub fn flags(&self) -> u8 {
        self.buffer.as_ref()[field::FLAGS]
    }
    pub fn root(&self) -> BridgeId {
        self.id(field::ROOT)
    }
    pub fn root_path_cost(&self) -> u32 {
        let b = &self.buffer.as_ref()[field::COST];
        u32::from_be_bytes([b[0], b[1], b[2], b[3]])
    }
    pub fn bridge(&self) -> BridgeId {
        self.id(field::BRIDGE)
    }
    pub fn port_id(&self) -> u16 {
        self.be16(field::PORT)
    }
    /// In 1/256 s.
    pub fn message_age(&self) -> u16 {
        self.be16(field::MESSAGE_AGE)
    }
    pub fn max_age(&self) -> u16 {
        self.be16(field::MAX_AGE)
    }
    pub fn hello_time(&self) -> u16 {
        self.be16(field::HELLO)
    }
    pub fn forward_delay(&self) -> u16 {
        self.be16(field::FORWARD_DELAY)
    }
}

impl<T: AsRef<[u8]> + AsMut<[u8]>> Packet<T> {
    fn put16(&mut self, r: ByteRange, v: u16) {
        self.buffer.as_mut()[r].copy_from_slice(&v.to_be_bytes());
    }
    pub fn set_header(&mut self, bpdu_type: u8) {
        self.put16(field::PROTOCOL, 0);
        self.buffer.as_mut()[field::VERSION] = 0;
        self.buffer.as_mut()[field::TYPE] = bpdu_type;
    }
    pub fn set_flags(&mut self, v: u8) {
        self.buffer.as_mut()[field::FLAGS] = v;
    }
    pub fn set_root(&mut self, id: BridgeId) {
        self.buffer.as_mut()[field::ROOT].copy_from_slice(&id.bytes());
    }
    pub fn set_root_path_cost(&mut self, v: u32) {
        self.buffer.as_mut()[field::COST].copy_from_slice(&v.to_be_bytes());
    }
    pub fn set_bridge(&mut self, id: BridgeId) {
        self.buffer.as_mut()[field::BRIDGE].copy_from_slice(&id.bytes());
    }
    pub fn set_port_id(&mut self, v: u16) {
        self.put16(field::PORT, v);
    }
    pub fn set_times(&mut self, message_age: u16, max_age: u16, hello: u16, forward_delay: u16) {
        self.put16(field::MESSAGE_AGE, message_age);
        self.put16(field::MAX_AGE, max_age);
        self.put16(field::HELLO, hello);
        self.put16(field::FORWARD_DELAY, forward_delay);
    }
}

/// A configuration BPDU's values; times in 1/256 s as on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    pub topology_change: bool,
    pub topology_change_ack: bool,
    pub root: BridgeId,
    pub root_path_cost: u32,
    pub bridge: BridgeId,
    pub port_id: u16,
    pub message_age: u16,
    pub max_age: u16,
    pub hello_time: u16,
    pub forward_delay: u16,
}

/// A BPDU as Linux's 802.1D code reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repr {
    Config(Config),
    /// Topology change notification: a non-root bridge tells the root.
    Tcn,
}

impl Repr {
    /// Reads a BPDU; Linux's `br_stp_rcv` drops one whose protocol id or
    /// version byte is not 0, and ignores other types.
    pub fn parse<T: AsRef<[u8]>>(p: &Packet<T>) -> Result<Repr, Error> {
        p.check_len()?;
        if p.protocol() != 0 || p.version() != 0 {
            return Err(Error::Unrecognized);
        }
        match p.bpdu_type() {
            TYPE_CONFIG => Ok(Repr::Config(Config {
                topology_change: p.flags() & FLAG_TC != 0,
                topology_change_ack: p.flags() & FLAG_TCA != 0,
                root: p.root(),
                root_path_cost: p.root_path_cost(),
                bridge: p.bridge(),
                port_id: p.port_id(),
                message_age: p.message_age(),
                max_age: p.max_age(),
                hello_time: p.hello_time(),
                forward_delay: p.forward_delay(),
            })),
            TYPE_TCN => Ok(Repr::Tcn),
            _ => Err(Error::Unrecognized),
        }
    }

    pub fn buffer_len(&self) -> usize {
        match self {
            Repr::Config(_) => field::CONFIG_LEN,
            Repr::Tcn => field::TCN_LEN,
        }
    }

    /// Writes every byte of [`buffer_len`](Self::buffer_len).
    pub fn emit<T: AsRef<[u8]> + AsMut<[u8]>>(&self, p: &mut Packet<T>) {
        match self {
            Repr::Tcn => p.set_header(TYPE_TCN),
            Repr::Config(c) => {
                p.set_header(TYPE_CONFIG);
                p.set_flags(if c.topology_change { FLAG_TC } else { 0 } | if c.topology_change_ack { FLAG_TCA } else { 0 });
                p.set_root(c.root);
                p.set_root_path_cost(c.root_path_cost);
                p.set_bridge(c.bridge);
                p.set_port_id(c.port_id);
                p.set_times(c.message_age, c.max_age, c.hello_time, c.forward_delay);
            }
        }
    }
}

/// The whole frame of a BPDU sent from `src`: 802.3 header with the length,
/// LLC, the BPDU, padded to 60 bytes when `pad` (as the NIC does).
pub fn frame(src: crate::mac::MacAddr, repr: &Repr, pad: bool) -> Vec<u8> {
    let len = LLC_STP.len() + repr.buffer_len();
    let mut out = Vec::with_capacity(60);
    out.extend_from_slice(&BRIDGE_GROUP);
    out.extend_from_slice(&src.0);
    out.extend_from_slice(&(len as u16).to_be_bytes());
    out.extend_from_slice(&LLC_STP);
    let at = out.len();
    out.resize(at + repr.buffer_len(), 0);
    repr.emit(&mut Packet::new_unchecked(&mut out[at..]));
    if pad && out.len() < crate::frames::MIN_FRAME_LEN {
        out.resize(crate::frames::MIN_FRAME_LEN, 0);
    }
    out
}

/// True for a frame to the bridge group address with a BPDU's LLC header.
pub fn is_bpdu(frame: &[u8]) -> bool {
    frame.len() >= 17 && frame[..6] == BRIDGE_GROUP && frame[14..17] == LLC_STP
}

/// The BPDU of a frame, if it is one that reads.
pub fn parse_frame(frame: &[u8]) -> Option<Repr> {
    if !is_bpdu(frame) {
        return None;
    }
    let len = u16::from_be_bytes([frame[12], frame[13]]) as usize;
    let end = (14 + len).min(frame.len());
    let bpdu = frame.get(17..end)?;
    Repr::parse(&Packet::new_checked(bpdu).ok()?).ok()
}

/// The LLC header and BPDU of an 802.3 frame, for the inspector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stp {
    /// LLC header and BPDU.
    pub range: ByteRange,
    pub dsap: Field<u8>,
    pub ssap: Field<u8>,
    pub control: Field<u8>,
    pub protocol: Field<u16>,
    pub version: Field<u8>,
    pub bpdu_type: Field<u8>,
    /// The fields of a configuration BPDU.
    pub config: Option<StpConfig>,
}

/// A configuration BPDU's fields with their byte ranges; times in 1/256 s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StpConfig {
    pub flags: Field<u8>,
    pub root: Field<BridgeId>,
    pub root_path_cost: Field<u32>,
    pub bridge: Field<BridgeId>,
    pub port_id: Field<u16>,
    pub message_age: Field<u16>,
    pub max_age: Field<u16>,
    pub hello_time: Field<u16>,
    pub forward_delay: Field<u16>,
}

impl StpConfig {
    pub fn topology_change(&self) -> bool {
        self.flags.value & FLAG_TC != 0
    }
    pub fn topology_change_ack(&self) -> bool {
        self.flags.value & FLAG_TCA != 0
    }
}

/// Decodes the LLC header at `at` (14) and the BPDU of a frame whose 802.3
/// length is `len`; `None` (with the problem) when too short.
pub(super) fn decode(frame: &[u8], at: usize, len: usize, problem: &mut Option<Problem>) -> Option<Stp> {
    let end = (at + len).min(frame.len());
    let b = &frame[at..end];
    let view = match Packet::new_checked(b.get(3..).unwrap_or(&[])) {
        Ok(v) => v,
        Err(_) => {
            report(problem, Problem::Truncated { layer: LayerKind::Stp, why: format!("a BPDU needs 4 bytes (35 for a configuration BPDU), only {} present", b.len().saturating_sub(3)) });
            return None;
        }
    };
    let o = at + 3;
    let r = |f: ByteRange| o + f.start..o + f.end;
    let one = |i: usize| o + i..o + i + 1;
    let config = (view.bpdu_type() == TYPE_CONFIG).then(|| StpConfig {
        flags: Field::new(view.flags(), one(field::FLAGS)),
        root: Field::new(view.root(), r(field::ROOT)),
        root_path_cost: Field::new(view.root_path_cost(), r(field::COST)),
        bridge: Field::new(view.bridge(), r(field::BRIDGE)),
        port_id: Field::new(view.port_id(), r(field::PORT)),
        message_age: Field::new(view.message_age(), r(field::MESSAGE_AGE)),
        max_age: Field::new(view.max_age(), r(field::MAX_AGE)),
        hello_time: Field::new(view.hello_time(), r(field::HELLO)),
        forward_delay: Field::new(view.forward_delay(), r(field::FORWARD_DELAY)),
    });
    let bpdu_len = if config.is_some() { field::CONFIG_LEN } else { field::TCN_LEN };
    Some(Stp {
        range: at..o + bpdu_len,
        dsap: Field::new(frame[at], at..at + 1),
        ssap: Field::new(frame[at + 1], at + 1..at + 2),
        control: Field::new(frame[at + 2], at + 2..at + 3),
        protocol: Field::new(view.protocol(), r(field::PROTOCOL)),
        version: Field::new(view.version(), one(field::VERSION)),
        bpdu_type: Field::new(view.bpdu_type(), one(field::TYPE)),
        config,
    })
}

/// Wireshark's Info column for a BPDU: `Conf. Root = 32768/0/02:…  Cost = 19  Port = 0x8002`.
pub fn summary(s: &Stp) -> String {
    match &s.config {
        None => "Topology Change Notification".into(),
        Some(c) => {
            let root = c.root.value;
            let tc = if c.topology_change() { "TC + " } else { "" };
            format!(
                "{tc}Conf. Root = {}/0/{}  Cost = {}  Port = 0x{:04x}",
                root.priority, root.mac, c.root_path_cost.value, c.port_id.value
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mac::MacAddr;

    fn id(last: u8) -> BridgeId {
        BridgeId { priority: 0x8000, mac: MacAddr([0x02, 0, 0, 0, 0, last]) }
    }

    /// A configuration BPDU as Linux sends it from a bridge that is not the
    /// root: root 8000.020000000001 at cost 19, itself 8000.020000000002, port
    /// 2, message age 1/256 s, the default 20 s / 2 s / 15 s.
    static CONFIG_BYTES: [u8; 35] = [
        0x00, 0x00, 0x00, 0x00, 0x01, // protocol 0, version 0, type config, flags TC
        0x80, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01, // root
        0x00, 0x00, 0x00, 0x13, // cost 19
        0x80, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x02, // bridge
        0x80, 0x02, // port id
        0x00, 0x01, 0x14, 0x00, 0x02, 0x00, 0x0f, 0x00, // 1/256 s, 20 s, 2 s, 15 s
    ];

    fn config_repr() -> Repr {
        Repr::Config(Config {
            topology_change: true,
            topology_change_ack: false,
            root: id(1),
            root_path_cost: 19,
            bridge: id(2),
            port_id: 0x8002,
            message_age: 1,
            max_age: 0x1400,
            hello_time: 0x0200,
            forward_delay: 0x0f00,
        })
    }

    #[test]
    fn deconstruct() {
        let p = Packet::new_checked(&CONFIG_BYTES[..]).unwrap();
        assert_eq!((p.protocol(), p.version(), p.bpdu_type(), p.flags()), (0, 0, TYPE_CONFIG, 0x01));
        assert_eq!((p.root(), p.root_path_cost(), p.bridge(), p.port_id()), (id(1), 19, id(2), 0x8002));
        assert_eq!((p.message_age(), p.max_age(), p.hello_time(), p.forward_delay()), (1, 5120, 512, 3840));
    }

    #[test]
    fn construct() {
        let mut bytes = [0xa5u8; 35];
        config_repr().emit(&mut Packet::new_unchecked(&mut bytes[..]));
        assert_eq!(bytes, CONFIG_BYTES);
        let mut tcn = [0xa5u8; 4];
        Repr::Tcn.emit(&mut Packet::new_unchecked(&mut tcn[..]));
        assert_eq!(tcn, [0, 0, 0, 0x80]);
    }

    #[test]
    fn parse() {
        assert_eq!(Repr::parse(&Packet::new_unchecked(&CONFIG_BYTES[..])), Ok(config_repr()));
        assert_eq!(Repr::parse(&Packet::new_unchecked(&[0u8, 0, 0, 0x80][..])), Ok(Repr::Tcn));
        assert_eq!(Repr::parse(&Packet::new_unchecked(&CONFIG_BYTES[..20])), Err(Error::Truncated));
        assert_eq!(Repr::parse(&Packet::new_unchecked(&[0u8, 0, 2, 0x02][..])), Err(Error::Unrecognized));
        assert_eq!(Repr::parse(&Packet::new_unchecked(&[0u8, 0][..])), Err(Error::Truncated));
    }

    #[test]
    fn emit_frame() {
        let src = MacAddr([0x02, 0, 0, 0, 0, 2]);
        let f = frame(src, &config_repr(), true);
        assert_eq!(f.len(), 60);
        assert_eq!(&f[..17], &[0x01, 0x80, 0xc2, 0, 0, 0, 0x02, 0, 0, 0, 0, 2, 0x00, 0x26, 0x42, 0x42, 0x03]);
        assert_eq!(&f[17..52], &CONFIG_BYTES);
        assert!(f[52..].iter().all(|&b| b == 0));
        assert_eq!(parse_frame(&f), Some(config_repr()));
        let t = frame(src, &Repr::Tcn, false);
        assert_eq!(&t[12..], &[0x00, 0x07, 0x42, 0x42, 0x03, 0, 0, 0, 0x80]);
    }
}
