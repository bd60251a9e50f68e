//! The goal's behavioural checks, and their evaluation by running the lab.
//!
//! A check never looks at configuration. Traffic checks (`ping_succeeds`,
//! `ping_fails`, `traceroute_hops`, `leaves_via`) each run a copy of the
//! student's lab with one command of their own at 1 s and nothing else, so one
//! check's ARP traffic cannot make another pass. Observation checks
//! (`arp_cache_has`, `receives`, `never_receives`) read one run of the lab with
//! the exercise's own commands (the student's commands are their experiments and
//! are left out). Seed and options always come from the exercise.
//!
//! Addresses in checks may name a device (`"pc2"`: its first addressed
//! interface, `"r1/eth1"`: that interface) or be written out (`"8.8.8.8"`).
//! A device name is resolved in the *student's* lab, so moving pc2 to another
//! free address still satisfies "ping from pc1 to pc2 succeeds".

use crate::diagnose::Diagnosis;
use crate::mac::MacAddr;
use crate::msg;
use crate::msg::Msg;
use crate::scenario::{parse_ipv4, Command, ScenarioError, Topology};
use serde::Serialize;
use std::net::Ipv4Addr;

/// The event budget of one check's run: far above any exercise's traffic, low
/// enough that a student's accidental switch loop stops in well under a second.
pub(super) const CHECK_MAX_EVENTS: u64 = 200_000;
/// Echo requests a ping check sends.
const PING_COUNT: u32 = 2;

/// One behavioural check of an exercise's goal. Read by `check_de.rs`, written
/// out by hand (a derive here is the largest function in the wasm), with the
/// messages and field rules the derive had.
#[derive(Serialize, Clone, PartialEq, Debug)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum Check {
    /// `ping -c 2 TO` on `from` gets every reply.
    PingSucceeds { from: String, to: String },
    /// `ping -c 2 TO` on `from` gets no reply at all (or cannot even send).
    PingFails { from: String, to: String },
    /// `ping -6 -c 2 TO` on `from` gets every reply (issue 16). `to` is an IPv6
    /// address or a device with a static one. It starts at 6 s, after SLAAC.
    Ping6Succeeds { from: String, to: String },
    /// At some point of the lab's run, `device`'s ARP table holds a usable entry
    /// for `ip`, with a MAC of `mac_of` when given.
    ArpCacheHas {
        device: String,
        ip: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mac_of: Option<String>,
    },
    /// During the lab's run, `device` receives at least one frame that matches.
    Receives {
        device: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        frame_to_mac_of: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        addressed_to: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        arp_for: Option<String>,
    },
    /// During the lab's run, `device` receives no frame that matches.
    NeverReceives {
        device: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        frame_to_mac_of: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        addressed_to: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        arp_for: Option<String>,
    },
    /// `traceroute -I -n TO` on `from` reaches `to` at hop number `hops`.
    TracerouteHops { from: String, to: String, hops: u8 },
    /// A ping from `from` to `to`: its echo request leaves `device` towards
    /// device `towards` (the owner of the frame's destination MAC) or on `link`.
    LeavesVia {
        device: String,
        from: String,
        to: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        towards: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        link: Option<String>,
    },
    /// `host NAME` on `from` finds an IPv4 address for the name.
    LookupSucceeds { from: String, name: String },
    /// `curl URL` on `from` gets the page: HTTP 200 and its body.
    PageLoads { from: String, url: String },
}

/// Which received frames a `receives` / `never_receives` check counts: all the given conditions hold.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FrameMatch {
    /// The Ethernet destination is a MAC of this device.
    pub frame_to_mac_of: Option<String>,
    /// The IPv4 destination is this address (or device).
    pub addressed_to: Option<String>,
    /// An ARP request asking for this address (or device).
    pub arp_for: Option<String>,
}

impl FrameMatch {
    pub(super) fn describe(&self) -> Msg {
        let mut parts = Vec::new();
        if let Some(d) = &self.frame_to_mac_of {
            parts.push(msg!("check-frame-to-mac-of", device = d));
        }
        if let Some(a) = &self.addressed_to {
            parts.push(msg!("check-packet-to", address = a));
        }
        if let Some(a) = &self.arp_for {
            parts.push(msg!("check-arp-for", address = a));
        }
        let mut parts = parts.into_iter();
        let first = parts.next().unwrap_or_else(|| Msg::verbatim(""));
        parts.fold(first, |acc, next| msg!("check-frames-and", first = acc, second = next))
    }
}

/// The outcome of one check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckResult {
    /// The check, as in the goal.
    pub check: Check,
    /// What the check asks, in words ("ping from pc1 to pc2 succeeds"): a catalogue message
    /// (`locales/*/engine-exercise.ftl`), serialized in English.
    #[serde(serialize_with = "english")]
    pub description: Msg,
    pub passed: bool,
    /// Why it passed or failed, in one or two plain sentences (serialized in English).
    #[serde(serialize_with = "english")]
    pub why: Msg,
    /// The printed lines of the check's own command, if it ran one.
    pub output: Vec<String>,
    /// For a failed ping or traceroute: the inspector's "why did it fail?" text.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "diagnosis_text"
    )]
    pub diagnosis: Option<Diagnosis>,
}

/// A message as its English text (the runner's JSON and the golden traces).
pub(super) fn english<S: serde::Serializer>(m: &Msg, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.to_string())
}

fn diagnosis_text<S: serde::Serializer>(d: &Option<Diagnosis>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.text.to_string()),
        None => s.serialize_none(),
    }
}

/// A lab the engine refused to run, with the diagnosis when it explains the refusal.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    pub error: ScenarioError,
    pub diagnosis: Option<Diagnosis>,
}

/// Everything the evaluation of a student's lab found.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Changes to locked parts of the lab (empty when none).
    pub locked: Vec<super::LockViolation>,
    /// Set when the edited lab does not validate; the checks then all fail.
    pub invalid: Option<Invalid>,
    /// One result per goal check, in goal order.
    pub checks: Vec<CheckResult>,
}

impl Evaluation {
    /// Every check passed, nothing locked was changed and the lab is valid.
    pub fn solved(&self) -> bool {
        self.locked.is_empty() && self.invalid.is_none() && self.checks.iter().all(|c| c.passed)
    }

    /// The first failed check, the one the lab points the student to.
    pub fn first_failure(&self) -> Option<&CheckResult> {
        self.checks.iter().find(|c| !c.passed)
    }
}

/// Resolves an address written in a check: `8.8.8.8`, `pc2` (its first
/// addressed interface) or `r1/eth1`.
/// An IPv6 address written out, or the static IPv6 address of a device
/// (`"srv"`) or of one of its interfaces (`"srv/eth0"`).
pub fn resolve_ip6(lab: &Topology, text: &str) -> Result<std::net::Ipv6Addr, Msg> {
    let text = text.trim();
    if let Ok(ip) = text.parse::<std::net::Ipv6Addr>() {
        return Ok(ip);
    }
    let (device, iface) = match text.split_once('/') {
        Some((d, i)) => (d, Some(i)),
        None => (text, None),
    };
    let dev = lab.devices.iter().find(|d| d.id == device).ok_or_else(|| msg!("check-no-device", device = device))?;
    dev.interfaces
        .iter()
        .filter(|i| iface.is_none_or(|n| i.name == n))
        .find_map(|i| i.ipv6.as_ref().and_then(|c| c.address).map(|n| n.addr()))
        .ok_or_else(|| msg!("check-no-ipv6", address = text))
}

pub fn resolve_ip(lab: &Topology, text: &str) -> Result<Ipv4Addr, Msg> {
    let text = text.trim();
    if let Ok(ip) = parse_ipv4(text) {
        return Ok(ip);
    }
    let (device, iface) = match text.split_once('/') {
        Some((d, i)) => (d, Some(i)),
        None => (text, None),
    };
    let dev = lab
        .devices
        .iter()
        .find(|d| d.id == device)
        .ok_or_else(|| msg!("check-no-device", device = device))?;
    let candidates: Vec<_> = dev
        .interfaces
        .iter()
        .filter(|i| iface.is_none_or(|n| i.name == n))
        .collect();
    if iface.is_some() && candidates.is_empty() {
        return Err(msg!("check-no-interface", device = device, interface = iface.unwrap_or_default()));
    }
    candidates
        .iter()
        .find_map(|i| i.address.map(|n| n.addr()))
        .ok_or_else(|| msg!("check-no-ip", address = text))
}

/// Every MAC of a device's interfaces (configured or derived).
pub fn device_macs(lab: &Topology, device: &str) -> Vec<MacAddr> {
    lab.devices
        .iter()
        .filter(|d| d.id == device)
        .flat_map(|d| d.interfaces.iter().map(|i| i.mac))
        .collect()
}

/// The device (and interface) that owns a MAC in a lab.
pub fn mac_owner(lab: &Topology, mac: MacAddr) -> Option<(String, String)> {
    lab.mac_owner(mac).map(|(d, i)| {
        let dev = &lab.devices[d];
        (dev.id.clone(), dev.interfaces[i].name.clone())
    })
}

impl Check {
    /// The check in words, for the goal list.
    pub fn describe(&self) -> Msg {
        match self {
            Check::PingSucceeds { from, to } => msg!("check-ping-succeeds", from = from, to = to),
            Check::PingFails { from, to } => msg!("check-ping-fails", from = from, to = to),
            Check::Ping6Succeeds { from, to } => msg!("check-ping6-succeeds", from = from, to = to),
            Check::ArpCacheHas { device, ip, mac_of } => match mac_of {
                Some(m) => msg!("check-arp-cache-has-mac", device = device, ip = ip, owner = m),
                None => msg!("check-arp-cache-has", device = device, ip = ip),
            },
            Check::Receives { device, .. } => {
                msg!("check-receives", device = device, frames = self.frame_match().describe())
            }
            Check::NeverReceives { device, .. } => {
                msg!("check-never-receives", device = device, frames = self.frame_match().describe())
            }
            Check::TracerouteHops { from, to, hops } => {
                msg!("check-traceroute-hops", from = from, to = to, hops = hops)
            }
            Check::LeavesVia {
                device,
                from,
                to,
                towards,
                link,
            } => {
                let way = match (towards, link) {
                    (Some(t), _) => msg!("check-way-towards", device = t),
                    (None, Some(l)) => msg!("check-way-link", link = l),
                    (None, None) => Msg::verbatim(""),
                };
                msg!("check-leaves-via", from = from, to = to, device = device, way = way)
            }
            Check::LookupSucceeds { from, name } => msg!("check-lookup-succeeds", name = name, from = from),
            Check::PageLoads { from, url } => msg!("check-page-loads", url = url, from = from),
        }
    }

    pub(super) fn frame_match(&self) -> FrameMatch {
        match self {
            Check::Receives {
                frame_to_mac_of,
                addressed_to,
                arp_for,
                ..
            }
            | Check::NeverReceives {
                frame_to_mac_of,
                addressed_to,
                arp_for,
                ..
            } => FrameMatch {
                frame_to_mac_of: frame_to_mac_of.clone(),
                addressed_to: addressed_to.clone(),
                arp_for: arp_for.clone(),
            },
            _ => FrameMatch::default(),
        }
    }

    /// Checks the names and addresses against the exercise's lab; the error is
    /// (field, message) for `goal[i].field`.
    pub(crate) fn validate(&self, lab: &Topology) -> Result<(), (String, Msg)> {
        let device = |field: &str, id: &str, needs_ip: bool| -> Result<(), (String, Msg)> {
            match lab.devices.iter().find(|d| d.id == id) {
                None => Err((field.to_string(), msg!("check-no-device", device = id))),
                Some(d) if needs_ip && !d.kind.has_ip() => Err((
                    field.to_string(),
                    msg!("check-no-ip-stack", device = id, kind = d.kind.name()),
                )),
                Some(_) => Ok(()),
            }
        };
        let address = |field: &str, text: &str| {
            resolve_ip(lab, text)
                .map(|_| ())
                .map_err(|m| (field.to_string(), m))
        };
        match self {
            Check::PingSucceeds { from, to } | Check::PingFails { from, to } => {
                device("from", from, true)?;
                address("to", to)
            }
            Check::Ping6Succeeds { from, to } => {
                device("from", from, true)?;
                resolve_ip6(lab, to).map(|_| ()).map_err(|m| ("to".to_string(), m))
            }
            Check::LookupSucceeds { from, name } => {
                device("from", from, true)?;
                Command::parse(&format!("host {name}")).map(|_| ()).map_err(|m| ("name".to_string(), m))
            }
            Check::PageLoads { from, url } => {
                device("from", from, true)?;
                crate::scenario::parse_url(url).map(|_| ()).map_err(|m| ("url".to_string(), m))
            }
            Check::TracerouteHops { from, to, hops } => {
                device("from", from, true)?;
                address("to", to)?;
                if *hops == 0 || *hops > 30 {
                    return Err(("hops".into(), msg!("check-hops-range", hops = hops.to_string())));
                }
                Ok(())
            }
            Check::ArpCacheHas {
                device: d,
                ip,
                mac_of,
            } => {
                device("device", d, true)?;
                address("ip", ip)?;
                if let Some(m) = mac_of {
                    device("mac_of", m, true)?;
                }
                Ok(())
            }
            Check::Receives { device: d, .. } | Check::NeverReceives { device: d, .. } => {
                device("device", d, false)?;
                let m = self.frame_match();
                if m == FrameMatch::default() {
                    return Err(("device".into(), msg!("check-which-frames")));
                }
                if let Some(x) = &m.frame_to_mac_of {
                    device("frame_to_mac_of", x, true)?;
                }
                if let Some(x) = &m.addressed_to {
                    address("addressed_to", x)?;
                }
                if let Some(x) = &m.arp_for {
                    address("arp_for", x)?;
                }
                Ok(())
            }
            Check::LeavesVia {
                device: d,
                from,
                to,
                towards,
                link,
            } => {
                device("device", d, true)?;
                device("from", from, true)?;
                address("to", to)?;
                match (towards, link) {
                    (Some(t), None) => device("towards", t, true),
                    (None, Some(l)) if lab.links.iter().any(|x| &x.id == l) => Ok(()),
                    (None, Some(l)) => Err(("link".into(), msg!("check-no-link", link = l))),
                    _ => Err(("towards".into(), msg!("check-towards-or-link"))),
                }
            }
        }
    }

    /// The command this check adds to its own run, if it is a traffic check:
    /// (device, command, its command line).
    pub(super) fn command(
        &self,
        lab: &Topology,
    ) -> Option<Result<(String, Command, String), Msg>> {
        let (device, run) = match self {
            Check::PingSucceeds { from, to }
            | Check::PingFails { from, to }
            | Check::LeavesVia { from, to, .. } => {
                let count = if matches!(self, Check::LeavesVia { .. }) {
                    1
                } else {
                    PING_COUNT
                };
                (
                    from,
                    resolve_ip(lab, to).map(|target| {
                        (
                            Command::Ping {
                                count,
                                interval_ms: 1000,
                                target,
                                name: None,
                                opts: Default::default(),
                            },
                            format!("ping -c {count} {target}"),
                        )
                    }),
                )
            }
            Check::TracerouteHops { from, to, .. } => (
                from,
                resolve_ip(lab, to).map(|target| {
                    (
                        Command::Traceroute {
                            target,
                            name: None,
                            max_hops: 30,
                            queries: 3,
                            sim_queries: 16,
                            opts: Default::default(),
                        },
                        format!("traceroute -I -n {target}"),
                    )
                }),
            ),
            Check::LookupSucceeds { from, name } => (
                from,
                Command::parse(&format!("host {name}")).map(|c| (c, format!("host {name}"))),
            ),
            Check::Ping6Succeeds { from, to } => (
                from,
                resolve_ip6(lab, to).map(|target| {
                    let opts = Default::default();
                    (Command::Ping6 { count: PING_COUNT, interval_ms: 1000, target, opts }, format!("ping -6 -c {PING_COUNT} {target}"))
                }),
            ),
            Check::PageLoads { from, url } => (
                from,
                Command::parse(&format!("curl {url}")).map(|c| (c, format!("curl {url}"))),
            ),
            _ => return None,
        };
        Some(run.map(|(command, run)| (device.clone(), command, run)))
    }
}

pub use super::evaluate::evaluate;
