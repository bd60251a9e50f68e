//! What is wrong with a lab: the field at fault, a sentence for the student,
//! and a [`ErrorKind`] for code that reacts to a particular mistake (the
//! diagnosis of a gateway off the subnet) without taking the path or the
//! message apart.

use crate::msg::Msg;
use ipnet::Ipv4Net;
use std::fmt;
use std::net::Ipv4Addr;

/// What kind of mistake a [`ScenarioError`] is. The message says it in words;
/// this says it as data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The JSON does not have the lab's shape (a wrong type, an unknown field, bad syntax).
    Syntax,
    /// A version this engine does not read.
    UnsupportedVersion,
    /// A name (device, interface, link) is empty, malformed or used twice.
    BadName,
    /// An address, prefix, netmask or MAC that does not read as one.
    BadAddress,
    /// Two interfaces carry the same IPv4 address.
    DuplicateAddress { address: Ipv4Addr, also_on: String },
    /// Two interfaces carry the same MAC address.
    DuplicateMac { also_on: String },
    /// A gateway or next hop that is one of the device's own addresses.
    OwnAddress { device: usize, address: Ipv4Addr },
    /// A default gateway outside every subnet of `device` (index into `devices`).
    GatewayOffLink {
        device: usize,
        gateway: Ipv4Addr,
        subnets: Vec<Ipv4Net>,
    },
    /// A route's next hop outside every subnet of `device`.
    NextHopOffLink { device: usize, via: Ipv4Addr },
    /// A field this kind of device does not take (ports on a host, a gateway on a switch).
    WrongForKind,
    /// A reference to a device or port that does not exist.
    UnknownReference,
    /// A port with two cables.
    PortInUse,
    /// A number outside its documented range.
    OutOfRange,
    /// A command line that does not read.
    BadCommand,
    /// A lab over one of its size limits (`scenario::limits`); `limit` is the
    /// constant's name, e.g. `MAX_DEVICES`.
    TooLarge { limit: &'static str },
    /// Anything else (exercise files, locks).
    Other,
}

/// A mistake in a scenario, with the path of the field at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    /// e.g. `devices[2].interfaces[0].address`.
    pub path: String,
    /// What is wrong, in words a student understands: a catalogue message
    /// (`locales/*/engine-invalid*.ftl`), worded in the reader's language by the
    /// app and in English by `Display`.
    pub message: Msg,
    /// The mistake as data.
    pub kind: ErrorKind,
}

impl ScenarioError {
    /// An error of kind [`ErrorKind::Other`].
    pub fn new(path: impl Into<String>, message: Msg) -> ScenarioError {
        ScenarioError::of(ErrorKind::Other, path, message)
    }

    /// An error of `kind` at `path`.
    pub fn of(kind: ErrorKind, path: impl Into<String>, message: Msg) -> ScenarioError {
        ScenarioError {
            path: path.into(),
            message,
            kind,
        }
    }

    /// The message with the field's path in front, as `Display` shows it
    /// (`devices[0].gateway: …`), for a place that shows no field of its own.
    pub fn with_path(&self) -> Msg {
        crate::msg!("invalid-path-message", path = &self.path, message = self.message.clone())
    }

    /// The same error inside a larger document (`lab.` + path).
    pub fn within(self, prefix: &str) -> ScenarioError {
        ScenarioError {
            path: format!("{prefix}.{}", self.path),
            ..self
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for ScenarioError {}

/// A device kind as a word inside a validation message ("a switch has ports, …"):
/// a message of its own, so each language words it (and its article) itself.
pub(crate) fn kind_word(kind: super::text::DeviceKind) -> Msg {
    use super::text::DeviceKind;
    match kind {
        DeviceKind::Host => crate::msg!("invalid-kind-host"),
        DeviceKind::Server => crate::msg!("invalid-kind-server"),
        DeviceKind::Router => crate::msg!("invalid-kind-router"),
        DeviceKind::Switch => crate::msg!("invalid-kind-switch"),
        DeviceKind::Hub => crate::msg!("invalid-kind-hub"),
    }
}
