//! Questions about the lab the edits need answered: its fitted view, positions, free names
//! and ports, and the message for a refused field.

use super::*;

/// The scenario of an empty lab.
pub fn empty_lab() -> Scenario {
    Scenario::from_json(r#"{ "version": 1, "name": "Untitled lab" }"#).expect("the empty lab is valid")
}

/// The view box that shows every device of `scenario`.
pub fn fit_view(scenario: &Scenario) -> ViewBox {
    fit_view_box(&positions(scenario), FIT_MARGIN, FIT_MIN_WIDTH, FIT_MIN_HEIGHT)
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
    device_port_names(dev).into_iter().find(|p| !used(p))
}

/// The ports of `device` no link uses, plus `keep` (the port a link already has, so a link's
/// port menu lists it).
pub fn free_ports(scenario: &Scenario, device: &str, keep: &str) -> Vec<String> {
    let Some(dev) = scenario.devices.iter().find(|d| d.id == device) else { return Vec::new() };
    device_port_names(dev)
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
pub(super) fn ensure_free_port(scenario: &mut Scenario, device: usize) -> Result<String, String> {
    if let Some(port) = first_free_port(scenario, device) {
        return Ok(port);
    }
    let dev = &mut scenario.devices[device];
    if dev.kind.has_ip() {
        let name = first_free_name("eth", |n| dev.interfaces.iter().any(|i| i.name == n));
        let name = if dev.interfaces.is_empty() { "eth0".to_owned() } else { name };
        dev.interfaces.push(InterfaceSpec { name: name.clone(), address: None, mac: None });
        Ok(name)
    } else {
        let ports = dev.ports.unwrap_or(0);
        if ports >= MAX_PORTS {
            return Err(format!("{} has all {MAX_PORTS} ports in use", dev.id));
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
    names.iter().map(|n| InterfaceSpec { name: (*n).into(), address: None, mac: None }).collect()
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
pub(super) fn message_for(field: Field, error: &ScenarioError) -> String {
    if error.path == field.path() {
        error.message.clone()
    } else {
        format!("{} ({})", error.message, error.path)
    }
}
