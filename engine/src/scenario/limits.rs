//! The documented limits of a lab (docs/scenario-format.md, "Limits").
//!
//! Two kinds:
//! - numbers that reach time arithmetic: with them the largest time a run can
//!   compute (`max_time` plus a few delays and serialisations) is far below
//!   `u64::MAX` nanoseconds (584 years), so no input makes time wrap;
//!   `SimTime`'s own arithmetic saturates as a second guard;
//! - the size of a lab: file bytes, devices, links, ports, names, commands.
//!   Validation and set-up are linear in these (each name is looked up in a
//!   map, each port name built once), and a run's work is bounded by the work
//!   budget (`sim::budget`), whose per-event overshoot is bounded by
//!   [`MAX_PORTS_PER_DEVICE`]. Chosen so that the worst lab within them
//!   validates, builds and runs to the browser's budget in well under 2 s and
//!   256 MB (`cargo bench -p packet-engine --bench limits` prints both); each
//!   is far above any lab a class draws (the examples have ≤ 10 devices; the
//!   synthetic benchmark page 300).
//!
//! A lab over a limit is refused with [`super::ErrorKind::TooLarge`], whose
//! message names the limit and the number found.

/// `options.max_time_ms`: 30 days.
pub const MAX_TIME_MS: u64 = 30 * 24 * 3_600_000;
/// `options.switch_delay_us` and `options.host_delay_us`: 10 s.
pub const MAX_DEVICE_DELAY_US: u64 = 10_000_000;
/// A link's `delay_us`: 10 s.
pub const MAX_LINK_DELAY_US: u64 = 10_000_000;
/// `options.epoch_secs`: the year 9999 (ping prints it as a date).
pub const MAX_EPOCH_SECS: u64 = 253_402_300_799;

/// A lab or exercise file, in bytes: 4 MiB, room for a lab at every other
/// limit with every name at its longest (about 2 MB). The largest example is
/// 3 KB. A lab link carries less: 1 MiB once decoded (the app's
/// `share::MAX_DECODED_BYTES`), a limit of the link, named by its message.
pub const MAX_FILE_BYTES: usize = 4 << 20;
/// Devices in a lab.
pub const MAX_DEVICES: usize = 2_000;
/// Links (cables) in a lab.
pub const MAX_LINKS: usize = 4_000;
/// Ports of one switch or hub, and interfaces of one host, server or router:
/// the most copies one flood makes.
pub const MAX_PORTS_PER_DEVICE: usize = 1_024;
/// Ports and interfaces of all devices together.
pub const MAX_PORTS: usize = 16_384;
/// Static routes of one device (each forwarded packet scans them).
pub const MAX_ROUTES_PER_DEVICE: usize = 1_024;
/// Commands in a lab.
pub const MAX_COMMANDS: usize = 1_000;
/// Characters of a device or link id: a DNS name's 255 octets (RFC 1035
/// 2.3.4). A device id is also its hostname, which dhclient cuts to Linux's
/// `HOST_NAME_MAX` (64) when it sends it, as a real one would.
pub const MAX_ID_CHARS: usize = 255;
/// Characters of an interface name: Linux's `IFNAMSIZ` (16) less its NUL
/// (include/uapi/linux/if.h).
pub const MAX_INTERFACE_NAME_CHARS: usize = 15;
/// Characters of one command line.
pub const MAX_COMMAND_CHARS: usize = 256;
/// Records of one DNS zone.
pub const MAX_DNS_RECORDS: usize = 1_024;

use super::error::{ErrorKind, ScenarioError};
use crate::msg;
use crate::msg::Msg;
use super::text::Scenario;

/// An error naming the limit a lab is over.
fn too_large(limit: &'static str, path: String, message: Msg) -> ScenarioError {
    ScenarioError::of(ErrorKind::TooLarge { limit }, path, message)
}

/// A file over [`MAX_FILE_BYTES`], before it is parsed.
pub(crate) fn check_file_size(bytes: usize, root: &str) -> Result<(), ScenarioError> {
    if bytes > MAX_FILE_BYTES {
        return Err(too_large(
            "MAX_FILE_BYTES",
            root.to_string(),
            msg!("invalid-file-too-large", size = bytes.div_ceil(1024), max = MAX_FILE_BYTES / 1024),
        ));
    }
    Ok(())
}

/// Checks every size limit of a lab in one pass over it, before anything else
/// is read: O(devices + interfaces + routes + links + commands), and no
/// allocation unless the lab is refused.
pub(crate) fn check_lab_size(s: &Scenario) -> Result<(), ScenarioError> {
    // The message is built only when the lab is refused.
    let count = |limit: &'static str, path: &str, n: usize, max: usize, message: fn(usize, usize) -> Msg| {
        if n > max {
            Err(too_large(limit, path.to_string(), message(n, max)))
        } else {
            Ok(())
        }
    };
    count("MAX_DEVICES", "devices", s.devices.len(), MAX_DEVICES, |n, max| msg!("invalid-too-many-devices", count = n, max = max))?;
    count("MAX_LINKS", "links", s.links.len(), MAX_LINKS, |n, max| msg!("invalid-too-many-links", count = n, max = max))?;
    count("MAX_COMMANDS", "commands", s.commands.len(), MAX_COMMANDS, |n, max| msg!("invalid-too-many-commands", count = n, max = max))?;
    let id = |path: String, message: fn(usize, usize) -> Msg, text: &str| {
        let n = text.chars().count();
        if n > MAX_ID_CHARS {
            Err(too_large("MAX_ID_CHARS", path, message(n, MAX_ID_CHARS)))
        } else {
            Ok(())
        }
    };
    let mut ports = 0usize;
    for (d, dev) in s.devices.iter().enumerate() {
        id(format!("devices[{d}].id"), |n, max| msg!("invalid-device-id-length", count = n, max = max), &dev.id)?;
        // Ports as validation will count them (a bridge's number is checked
        // against MAX_PORTS_PER_DEVICE there, with its own message).
        let n = if dev.kind.has_ip() {
            dev.interfaces.len()
        } else {
            dev.ports.unwrap_or(0).min(MAX_PORTS_PER_DEVICE as u32) as usize
        };
        if dev.interfaces.len() > MAX_PORTS_PER_DEVICE {
            return Err(too_large(
                "MAX_PORTS_PER_DEVICE",
                format!("devices[{d}].interfaces"),
                msg!("invalid-too-many-interfaces", count = dev.interfaces.len(), max = MAX_PORTS_PER_DEVICE),
            ));
        }
        ports += n;
        if ports > MAX_PORTS {
            return Err(too_large(
                "MAX_PORTS",
                format!("devices[{d}]"),
                msg!("invalid-too-many-ports", device = &dev.id, max = MAX_PORTS),
            ));
        }
        for (i, iface) in dev.interfaces.iter().enumerate() {
            let n = iface.name.chars().count();
            if n > MAX_INTERFACE_NAME_CHARS {
                return Err(too_large(
                    "MAX_INTERFACE_NAME_CHARS",
                    format!("devices[{d}].interfaces[{i}].name"),
                    msg!("invalid-interface-name-length", count = n, max = MAX_INTERFACE_NAME_CHARS),
                ));
            }
        }
        if dev.routes.len() > MAX_ROUTES_PER_DEVICE {
            return Err(too_large(
                "MAX_ROUTES_PER_DEVICE",
                format!("devices[{d}].routes"),
                msg!("invalid-too-many-routes", count = dev.routes.len(), max = MAX_ROUTES_PER_DEVICE),
            ));
        }
        let records = dev.services.as_ref().and_then(|s| s.dns.as_ref()).map_or(0, |dns| dns.records.len());
        if records > MAX_DNS_RECORDS {
            return Err(too_large(
                "MAX_DNS_RECORDS",
                format!("devices[{d}].services.dns.records"),
                msg!("invalid-too-many-records", count = records, max = MAX_DNS_RECORDS),
            ));
        }
    }
    for (l, link) in s.links.iter().enumerate() {
        id(format!("links[{l}].id"), |n, max| msg!("invalid-link-id-length", count = n, max = max), &link.id)?;
    }
    for (c, cmd) in s.commands.iter().enumerate() {
        let n = cmd.run.chars().count();
        if n > MAX_COMMAND_CHARS {
            return Err(too_large(
                "MAX_COMMAND_CHARS",
                format!("commands[{c}].run"),
                msg!("invalid-command-length", count = n, max = MAX_COMMAND_CHARS),
            ));
        }
    }
    Ok(())
}
