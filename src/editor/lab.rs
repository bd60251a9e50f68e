//! Questions about the lab the edits need answered: its fitted view, positions, free names
//! and ports, and the message for a refused field.

use super::*;

use crate::geometry::{label_box, label_layout};

/// The scenario of an empty lab.
pub fn empty_lab() -> Scenario {
    Scenario { name: "Untitled lab".into(), ..Scenario::empty() }
}

/// The view box that shows every device of `scenario` with its labels.
pub fn fit_view(scenario: &Scenario) -> ViewBox {
    fit_view_scaled(scenario, 1.0)
}

/// Estimated average glyph width of a device name (15 px, semibold) and of an address (13 px
/// monospace), as a fraction of the font size; generous, so a label is never cut.
const NAME_EM: f64 = 0.62;
const ADDRESS_EM: f64 = 0.62;

/// [`fit_view`] with labels drawn `label_factor` times their size (the presenter scale): the
/// view keeps [`FIT_MARGIN`] around device centres and 16 units around every label's estimated
/// box, so a long address ("10.0.0.1 255.255.255.0") never runs off the canvas.
pub fn fit_view_scaled(scenario: &Scenario, label_factor: f64) -> ViewBox {
    let centres = positions(scenario);
    let mut fitted = fit_view_box(&centres, FIT_MARGIN, 0.0, 0.0);
    let sizes: Vec<(f64, f64)> = scenario.devices.iter().map(label_size).collect();
    let (label_factor, above) = label_layout(&centres, &sizes, label_factor);
    for ((c, &(w, h)), &up) in centres.iter().zip(&sizes).zip(&above) {
        let b = label_box(*c, (w, h), label_factor, up);
        let label = fit_view_box(&[Point::new(b.x, b.y), Point::new(b.x + b.width, b.y + b.height)], 16.0, 0.0, 0.0);
        fitted = union(fitted, label);
    }
    if centres.is_empty() {
        return fit_view_box(&[], FIT_MARGIN, FIT_MIN_WIDTH, FIT_MIN_HEIGHT);
    }
    // Grown about its centre to the minimum size.
    let (w, h) = (fitted.width.max(FIT_MIN_WIDTH), fitted.height.max(FIT_MIN_HEIGHT));
    let c = fitted.center();
    ViewBox { x: c.x - w / 2.0, y: c.y - h / 2.0, width: w, height: h }
}

/// The estimated size of a device's labels at 1× (width, height below the icon): its name
/// (15 px) and one line per address (13 px monospace), from [`LABEL_TOP`] down.
pub fn label_size(device: &DeviceSpec) -> (f64, f64) {
    let name = device.id.chars().count() as f64 * 15.0 * NAME_EM;
    let widest = device
        .interfaces
        .iter()
        .filter_map(|i| i.address.as_deref())
        .map(|a| a.chars().count() as f64 * 13.0 * ADDRESS_EM)
        .fold(name, f64::max);
    let lines = device.interfaces.iter().filter(|i| i.address.is_some()).count() as f64;
    // The name's baseline 14 under the top, each address line 18 then 16 further, 4 of descent.
    (widest, 14.0 + 4.0 + if lines > 0.0 { 18.0 + 16.0 * (lines - 1.0) } else { 0.0 } + 4.0)
}

/// The smallest box holding both.
fn union(a: ViewBox, b: ViewBox) -> ViewBox {
    let (x, y) = (a.x.min(b.x), a.y.min(b.y));
    let (r, bottom) = ((a.x + a.width).max(b.x + b.width), (a.y + a.height).max(b.y + b.height));
    ViewBox { x, y, width: r - x, height: bottom - y }
}

/// Each device's position (the origin when the scenario gives none; `Diagram` places those on
/// a grid, and the first move stores a position).
pub fn positions(scenario: &Scenario) -> Vec<Point> {
    scenario.devices.iter().map(|d| position_of(d).unwrap_or(Point::new(0.0, 0.0))).collect()
}

pub(super) fn position_of(device: &DeviceSpec) -> Option<Point> {
    device.position.map(|[x, y]| Point::new(x, y))
}

/// A coordinate as stored: whole SVG units (tidy files), and never -0, which would print as
/// "-0" in the file and the drawing.
pub(super) fn snap(v: f64) -> f64 {
    v.round() + 0.0
}

/// The id prefix of new devices of each kind ("pc1", "sw2", "r1").
pub(super) fn id_prefix(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::Host => "pc",
        DeviceKind::Server => "server",
        DeviceKind::Router => "r",
        DeviceKind::Switch => "sw",
        DeviceKind::Hub => "hub",
    }
}

/// The first of `prefix1`, `prefix2`, … that `taken` does not hold.
pub(super) fn first_free_name(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..).map(|n| format!("{prefix}{n}")).find(|name| !taken(name)).expect("the naturals are infinite")
}

/// The first port of `device` no link of `scenario` uses.
pub fn first_free_port(scenario: &Scenario, device: usize) -> Option<String> {
    let dev = scenario.devices.get(device)?;
    let used = |port: &str| {
        scenario.links.iter().any(|l| {
            (l.a.device == dev.id && l.a.port == port) || (l.b.device == dev.id && l.b.port == port)
        })
    };
    cable_ports(dev).into_iter().find(|p| !used(p))
}

/// The ports a cable may plug into: every port but VLAN subinterfaces, which use their parent's.
fn cable_ports(dev: &packet_engine::scenario::DeviceSpec) -> Vec<String> {
    let sub = |p: &String| dev.interfaces.iter().any(|i| &i.name == p && i.parent.is_some());
    device_port_names(dev).into_iter().filter(|p| !sub(p)).collect()
}

/// The ports of `device` no link uses, plus `keep` (the port a link already has, so a link's
/// port menu lists it).
pub fn free_ports(scenario: &Scenario, device: &str, keep: &str) -> Vec<String> {
    let Some(dev) = scenario.devices.iter().find(|d| d.id == device) else { return Vec::new() };
    cable_ports(dev)
        .into_iter()
        .filter(|p| {
            p == keep
                || !scenario.links.iter().any(|l| {
                    (l.a.device == device && &l.a.port == p) || (l.b.device == device && &l.b.port == p)
                })
        })
        .collect()
}

/// Gives `device` a free port for a new cable, adding one when all are used: an interface
/// `ethN` on a host, server or router, a port on a switch or hub (up to the engine's 1024).
pub(super) fn ensure_free_port(scenario: &mut Scenario, device: usize) -> Result<String, Msg> {
    if let Some(port) = first_free_port(scenario, device) {
        return Ok(port);
    }
    let dev = &mut scenario.devices[device];
    if dev.kind.has_ip() {
        let name = first_free_name("eth", |n| dev.interfaces.iter().any(|i| i.name == n));
        let name = if dev.interfaces.is_empty() { "eth0".to_owned() } else { name };
        dev.interfaces.push(InterfaceSpec { name: name.clone(), address: None, mac: None, nat: None, ipv6: None, ra: None, parent: None, vlan: None, mtu: None });
        Ok(name)
    } else {
        let ports = dev.ports.unwrap_or(0);
        if ports >= MAX_PORTS {
            return Err(msg!("invalid-all-ports-used", device = &dev.id, max = MAX_PORTS));
        }
        dev.ports = Some(ports + 1);
        Ok(format!("p{}", ports + 1))
    }
}

/// The interface names a new IP device starts with.
pub(super) fn new_interfaces(kind: DeviceKind) -> Vec<InterfaceSpec> {
    let names: &[&str] = match kind {
        DeviceKind::Router => &["eth0", "eth1"],
        DeviceKind::Host | DeviceKind::Server => &["eth0"],
        DeviceKind::Switch | DeviceKind::Hub => &[],
    };
    names.iter().map(|n| InterfaceSpec { name: (*n).into(), address: None, mac: None, nat: None, ipv6: None, ra: None, parent: None, vlan: None, mtu: None }).collect()
}

/// `text` with surrounding spaces removed, `None` when nothing is left: an empty field means
/// "not set" (no address, derived MAC, no gateway).
pub(super) fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// The message shown at a field for an engine error: its message alone when it is about that
/// field, else prefixed with the path of the field it is about (e.g. changing an address can
/// leave the gateway outside every subnet).
pub(super) fn message_for(field: Field, error: &ScenarioError) -> Msg {
    let path = field.path();
    // A list field (`dns`, `forwarders`) owns the errors of its items (`dns[1]`).
    let item = error.path.strip_prefix(&path).is_some_and(|rest| rest.starts_with('['));
    if error.path == path || item {
        error.message.clone()
    } else {
        msg!("invalid-at-path", message = error.message.clone(), path = &error.path)
    }
}
