//! What a student may change in an exercise's lab, and the pure check that an
//! edited lab changed nothing else.
//!
//! Devices are matched by id and interfaces by name, so moving a device on the
//! canvas or reordering the file changes nothing. Addresses are compared as
//! parsed values (`10.0.0.1/24` = `10.0.0.1 255.255.255.0`). Commands are never
//! locked: they are the student's own experiments, and the checks run their own
//! traffic. Names, descriptions and positions are ignored.

use crate::msg;
use crate::msg::Msg;
use crate::scenario::{DeviceKind, DeviceSpec, LinkSpec, Scenario, ScenarioError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The exercise's permissions. The default locks everything.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct Editable {
    /// Devices (or single interfaces of them) whose settings the student may change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<EditableDevice>,
    /// The student may add, remove and move cables.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cables: bool,
    /// The student may add and remove switches and hubs (with their cables).
    /// Hosts, servers and routers of the exercise always stay.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub switches: bool,
}

/// One device the student may change.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct EditableDevice {
    /// The device's id in the lab.
    pub device: String,
    /// Only this interface's fields (`address`, `mask`, `mac`); absent: every interface.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interface: Option<String>,
    /// Which settings; empty means all of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<EditableField>,
}

/// A setting of a device.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[serde(rename_all = "snake_case")]
pub enum EditableField {
    /// An interface's whole address (IP and mask).
    Address,
    /// Only an interface's mask (prefix length); the IP stays.
    Mask,
    /// An interface's MAC address.
    Mac,
    /// The default gateway.
    Gateway,
    /// The static routes.
    Routes,
    /// The device's kind and port count (a hub may become a switch).
    Kind,
    /// The DNS servers of resolv.conf (`dns`).
    Dns,
    /// The DHCP and DNS services (`services`).
    Services,
    /// An interface's NAT (`nat`: masquerade on a router's outside interface).
    Nat,
    /// A switch's spanning tree (`stp`) and bridge priority (`bridge_priority`).
    Stp,
    /// A switch's VLAN filtering and its ports' VLANs (`vlan_filtering`, `vlans`),
    /// and an interface's VLAN subinterface settings (`parent`, `vlan`).
    Vlans,
    /// IPv6 (issue 16): an interface's `ipv6` and `ra`, a device's `routes6`.
    Ipv6,
    /// An interface's link MTU (`mtu`).
    Mtu,
}

impl EditableField {
    /// The field as the file spells it, for the catalogue's selector ("invalid-editable-field").
    fn key(self) -> &'static str {
        match self {
            EditableField::Address => "address",
            EditableField::Mask => "mask",
            EditableField::Mac => "mac",
            EditableField::Gateway => "gateway",
            EditableField::Routes => "routes",
            EditableField::Kind => "kind",
            EditableField::Dns => "dns",
            EditableField::Services => "services",
            EditableField::Nat => "nat",
            EditableField::Stp => "stp",
            EditableField::Vlans => "vlans",
            EditableField::Ipv6 => "ipv6",
            EditableField::Mtu => "mtu",
        }
    }
}

/// A change to a locked part of the lab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockViolation {
    /// The field in the *edited* lab (`devices[1].gateway`), or `links`, `devices`, `seed`, `options`.
    pub path: String,
    /// What changed and that it is locked (`invalid-locked…` in locales/*/engine-invalid.ftl).
    pub message: crate::msg::Msg,
}

impl fmt::Display for LockViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl Editable {
    /// True when `field` of `interface` (None: a device-level field) on `device` may change.
    pub fn allows(&self, device: &str, interface: Option<&str>, field: EditableField) -> bool {
        self.devices.iter().any(|e| {
            // An entry for one interface opens only that interface's fields.
            let iface_ok = match (e.interface.as_deref(), interface) {
                (None, _) => true,
                (Some(x), Some(y)) => x == y,
                (Some(_), None) => false,
            };
            e.device == device
                && iface_ok
                && (e.fields.is_empty()
                    || e.fields.contains(&field)
                    || (field == EditableField::Mask && e.fields.contains(&EditableField::Address)))
        })
    }

    /// The whole device is open (interfaces may be added or removed).
    fn fully_open(&self, device: &str) -> bool {
        self.devices
            .iter()
            .any(|e| e.device == device && e.interface.is_none() && e.fields.is_empty())
    }

    /// Checks that every named device and interface exists in the lab.
    pub(crate) fn validate(&self, lab: &Scenario) -> Result<(), ScenarioError> {
        for (i, e) in self.devices.iter().enumerate() {
            let at = format!("editable.devices[{i}]");
            let Some(dev) = lab.devices.iter().find(|d| d.id == e.device) else {
                return Err(ScenarioError::new(format!("{at}.device"), crate::msg!("invalid-no-device", name = &e.device)));
            };
            if let Some(name) = &e.interface {
                if !dev.interfaces.iter().any(|x| &x.name == name) {
                    return Err(ScenarioError::new(
                        format!("{at}.interface"),
                        crate::msg!("invalid-no-interface", device = &e.device, name = name),
                    ));
                }
            }
            let ip_only = [
                EditableField::Address,
                EditableField::Mask,
                EditableField::Mac,
                EditableField::Gateway,
                EditableField::Routes,
                EditableField::Nat,
                EditableField::Ipv6,
                EditableField::Mtu,
            ];
            if !dev.kind.has_ip() {
                if let Some(f) = e.fields.iter().find(|f| ip_only.contains(f)) {
                    return Err(ScenarioError::new(
                        format!("{at}.fields"),
                        crate::msg!(
                            "invalid-editable-field",
                            device = &e.device,
                            kind = crate::scenario::kind_word(dev.kind),
                            field = f.key()
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Compares a student's `edited` lab with the exercise's `original` lab and
/// lists every change to a locked part, in lab order. Pure: it runs nothing.
pub fn check_locks(
    original: &Scenario,
    edited: &Scenario,
    editable: &Editable,
) -> Result<(), Vec<LockViolation>> {
    let mut out = Vec::new();
    let mut push = |path: String, message: Msg| out.push(LockViolation { path, message });
    if edited.seed != original.seed {
        push("seed".into(), msg!("invalid-locked-seed"));
    }
    if edited.options != original.options {
        push("options".into(), msg!("invalid-locked-options"));
    }
    for dev in &original.devices {
        if !edited.devices.iter().any(|d| d.id == dev.id) {
            let switchy = matches!(dev.kind, DeviceKind::Switch | DeviceKind::Hub);
            if !(switchy && editable.switches) {
                push("devices".into(), msg!("invalid-locked-removed", device = &dev.id));
            }
        }
    }
    for (d, dev) in edited.devices.iter().enumerate() {
        let at = format!("devices[{d}]");
        let Some(orig) = original.devices.iter().find(|o| o.id == dev.id) else {
            let switchy = matches!(dev.kind, DeviceKind::Switch | DeviceKind::Hub);
            if !(switchy && editable.switches) {
                let message = if editable.switches {
                    msg!("invalid-locked-new-not-switch", device = &dev.id)
                } else {
                    msg!("invalid-locked-new", device = &dev.id)
                };
                push(at, message);
            }
            continue;
        };
        compare_device(orig, dev, &at, editable, &mut push);
    }
    if !(editable.cables || editable.switches) {
        let key = |l: &LinkSpec| {
            let a = (l.a.device.clone(), l.a.port.clone());
            let b = (l.b.device.clone(), l.b.port.clone());
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            (a, b, l.delay_us, l.bandwidth_mbps.map(f64::to_bits))
        };
        let mut remaining: Vec<_> = original.links.iter().map(key).collect();
        for (l, link) in edited.links.iter().enumerate() {
            let k = key(link);
            if let Some(pos) = remaining.iter().position(|r| *r == k) {
                remaining.remove(pos);
            } else {
                push(
                    format!("links[{l}]"),
                    msg!(
                        "invalid-locked-cable-new",
                        a = format!("{}/{}", link.a.device, link.a.port),
                        b = format!("{}/{}", link.b.device, link.b.port)
                    ),
                );
            }
        }
        for (a, b, ..) in &remaining {
            push(
                "links".into(),
                msg!("invalid-locked-cable-removed", a = format!("{}/{}", a.0, a.1), b = format!("{}/{}", b.0, b.1)),
            );
        }
    }
    if out.is_empty() {
        Ok(())
    } else {
        Err(out)
    }
}

fn compare_device(
    orig: &DeviceSpec,
    dev: &DeviceSpec,
    at: &str,
    editable: &Editable,
    push: &mut impl FnMut(String, Msg),
) {
    let id = dev.id.as_str();
    // `what` picks the catalogue's words for the setting; `name` is the interface, if any.
    let locked = |what: &str, name: &str| msg!("invalid-locked", device = id, what = what, name = name);
    if (orig.kind != dev.kind || orig.ports != dev.ports)
        && !editable.allows(id, None, EditableField::Kind)
    {
        let field = if orig.kind != dev.kind {
            "kind"
        } else {
            "ports"
        };
        push(format!("{at}.{field}"), locked(field, ""));
    }
    if orig.gateway.as_deref().map(str::trim) != dev.gateway.as_deref().map(str::trim)
        && !editable.allows(id, None, EditableField::Gateway)
    {
        push(format!("{at}.gateway"), locked("gateway", ""));
    }
    if orig.routes != dev.routes && !editable.allows(id, None, EditableField::Routes) {
        push(format!("{at}.routes"), locked("routes", ""));
    }
    if orig.routes6 != dev.routes6 && !editable.allows(id, None, EditableField::Ipv6) {
        push(format!("{at}.routes6"), locked("routes6", ""));
    }
    let trimmed = |v: &[String]| v.iter().map(|x| x.trim().to_string()).collect::<Vec<_>>();
    if trimmed(&orig.dns) != trimmed(&dev.dns) && !editable.allows(id, None, EditableField::Dns) {
        push(format!("{at}.dns"), locked("dns", ""));
    }
    if orig.services != dev.services && !editable.allows(id, None, EditableField::Services) {
        push(format!("{at}.services"), locked("services", ""));
    }
    if orig.stp != dev.stp && !editable.allows(id, None, EditableField::Stp) {
        push(format!("{at}.stp"), locked("stp", ""));
    }
    if orig.bridge_priority != dev.bridge_priority && !editable.allows(id, None, EditableField::Stp) {
        push(format!("{at}.bridge_priority"), locked("bridge_priority", ""));
    }
    if (orig.vlan_filtering != dev.vlan_filtering || orig.vlans != dev.vlans)
        && !editable.allows(id, None, EditableField::Vlans)
    {
        push(format!("{at}.vlans"), locked("vlans", ""));
    }
    let names = |d: &DeviceSpec| {
        d.interfaces
            .iter()
            .map(|i| i.name.clone())
            .collect::<Vec<_>>()
    };
    let (mut a, mut b) = (names(orig), names(dev));
    // Unstable is exact here (equal strings are identical) and shares the
    // wasm's one String sort (issue 15).
    a.sort_unstable();
    b.sort_unstable();
    if a != b && !editable.fully_open(id) {
        push(
            format!("{at}.interfaces"),
            msg!("invalid-locked-interfaces", device = id),
        );
    }
    for (i, iface) in dev.interfaces.iter().enumerate() {
        let Some(old) = orig.interfaces.iter().find(|o| o.name == iface.name) else {
            continue;
        };
        let name = iface.name.as_str();
        let parse = |i: &crate::scenario::InterfaceSpec| {
            i.parsed_address()
                .map(|r| r.map_err(|_| i.address.as_deref().unwrap_or_default().trim().to_string()))
        };
        let (pa, pb) = (parse(old), parse(iface));
        let dhcp = |i: &crate::scenario::InterfaceSpec| i.address.as_deref().is_some_and(crate::scenario::is_dhcp);
        if pa != pb || dhcp(old) != dhcp(iface) {
            let only_mask =
                matches!((&pa, &pb), (Some(Ok(x)), Some(Ok(y))) if x.addr() == y.addr());
            let needed = if only_mask {
                EditableField::Mask
            } else {
                EditableField::Address
            };
            if !editable.allows(id, Some(name), needed) {
                let what = if only_mask { "mask" } else { "address" };
                push(format!("{at}.interfaces[{i}].address"), locked(what, name));
            }
        }
        let v6 = |i: &crate::scenario::InterfaceSpec| i.ipv6.as_deref().map(|t| t.trim().to_ascii_lowercase());
        if v6(old) != v6(iface) && !editable.allows(id, Some(name), EditableField::Ipv6) {
            push(format!("{at}.interfaces[{i}].ipv6"), locked("ipv6", name));
        }
        if old.ra != iface.ra && !editable.allows(id, Some(name), EditableField::Ipv6) {
            push(format!("{at}.interfaces[{i}].ra"), locked("ra", name));
        }
        if (old.parent != iface.parent || old.vlan != iface.vlan) && !editable.allows(id, Some(name), EditableField::Vlans) {
            push(format!("{at}.interfaces[{i}].vlan"), locked("subinterface", name));
        }
        if old.mtu != iface.mtu && !editable.allows(id, Some(name), EditableField::Mtu) {
            push(format!("{at}.interfaces[{i}].mtu"), locked("mtu", name));
        }
        let nat = |i: &crate::scenario::InterfaceSpec| i.nat.as_deref().map(|t| t.trim().to_ascii_lowercase());
        if nat(old) != nat(iface) && !editable.allows(id, Some(name), EditableField::Nat) {
            push(format!("{at}.interfaces[{i}].nat"), locked("nat", name));
        }
        if old.typed_mac(id) != iface.typed_mac(id)
            && !editable.allows(id, Some(name), EditableField::Mac)
        {
            push(
                format!("{at}.interfaces[{i}].mac"),
                locked("mac", name),
            );
        }
    }
}
