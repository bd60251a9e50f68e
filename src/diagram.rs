//! What the canvas draws: devices at positions and the links between them, taken from an
//! engine scenario. A plain view model: the engine decides everything about networking, this
//! only keeps the names, kinds, places and addresses the shell shows. Device kinds are the
//! engine's own `DeviceKind`.

use packet_engine::scenario::{DeviceKind, Scenario};

use crate::geometry::{grid_slot, parallel_offsets, shift_normal, Point};

/// Where devices without a position in the scenario go: a grid this many columns wide,
/// this far apart, starting here.
const GRID_COLUMNS: usize = 5;
const GRID_SPACING: f64 = 160.0;
const GRID_ORIGIN: Point = Point::new(100.0, 100.0);

/// One device as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct DeviceView {
    /// The device's unique name in the scenario.
    pub name: String,
    /// Which icon to draw.
    pub kind: DeviceKind,
    /// Where the scenario places it.
    pub position: Point,
    /// Its interfaces as "eth0 10.10.10.1/24" (just the name when it has no address).
    pub interfaces: Vec<String>,
}

/// One link as drawn, between two devices of the same diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkView {
    /// The link's id in the scenario.
    pub id: String,
    /// Index of one end's device in [`Diagram::devices`].
    pub a: usize,
    /// Index of the other end's device in [`Diagram::devices`].
    pub b: usize,
    /// Drawn this far from the straight line between its devices (parallel cables).
    pub offset: f64,
}

/// A whole scenario as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    /// The scenario's title, shown in the side panel and status bar.
    pub title: String,
    /// The scenario's description: what it shows.
    pub description: String,
    /// Devices in the scenario's order (the order is the drawing order).
    pub devices: Vec<DeviceView>,
    /// Links in the scenario's order.
    pub links: Vec<LinkView>,
}

impl Diagram {
    /// The drawing of `scenario`: devices where the scenario places them (a grid slot when it
    /// does not), links between the devices they name. A link naming an unknown device is left
    /// out; the engine's validation is what reports it.
    pub fn from_scenario(scenario: &Scenario) -> Diagram {
        let devices: Vec<DeviceView> = scenario
            .devices
            .iter()
            .enumerate()
            .map(|(index, spec)| DeviceView {
                name: spec.id.clone(),
                kind: spec.kind,
                position: match spec.position {
                    Some([x, y]) => Point::new(x, y),
                    None => grid_slot(index, GRID_COLUMNS, GRID_SPACING, GRID_ORIGIN),
                },
                interfaces: spec
                    .interfaces
                    .iter()
                    .map(|i| match &i.address {
                        Some(address) => format!("{} {}", i.name, address),
                        None => i.name.clone(),
                    })
                    .collect(),
            })
            .collect();
        // A linear search per link end: done once per load, on tens of devices.
        let index_of = |name: &str| devices.iter().position(|d| d.name == name);
        let links = scenario
            .links
            .iter()
            .filter_map(|l| {
                Some(LinkView {
                    id: l.id.clone(),
                    a: index_of(&l.a.device)?,
                    b: index_of(&l.b.device)?,
                    offset: 0.0,
                })
            })
            .collect::<Vec<_>>();
        let ends: Vec<(usize, usize)> = links.iter().map(|l| (l.a, l.b)).collect();
        let links = links
            .into_iter()
            .zip(parallel_offsets(&ends))
            .map(|(l, offset)| LinkView { offset, ..l })
            .collect();
        Diagram {
            title: scenario.name.clone(),
            description: scenario.description.clone(),
            devices,
            links,
        }
    }
}

impl Diagram {
    /// The centres of `link`'s two devices moved onto its own line (parallel cables are drawn
    /// apart): where its ends are drawn and where its frames travel.
    pub fn link_ends(&self, link: &LinkView) -> Option<(Point, Point)> {
        let (a, b) = (self.devices.get(link.a)?.position, self.devices.get(link.b)?.position);
        let (lo, hi) = if link.a <= link.b { (a, b) } else { (b, a) };
        Some((shift_normal(a, lo, hi, link.offset), shift_normal(b, lo, hi, link.offset)))
    }
}

/// Where a cable is cut on the canvas: the middle of a link one of whose ends is down (set
/// down, no carrier, or its device powered off) in `tables` (issue 18's "pull the cable").
#[derive(Clone, Debug, PartialEq)]
pub struct Cut {
    /// The link's id.
    pub link: String,
    /// The middle of the drawn link.
    pub at: Point,
    /// The link's direction, in degrees (the cut is drawn across it).
    pub angle: f64,
}

/// The cables cut at the playhead: `scenario`'s links (drawn as in `diagram`) with an end in
/// `tables.down` or on a powered-off device.
pub fn cable_cuts(scenario: &Scenario, diagram: &Diagram, tables: &packet_engine::NetworkState) -> Vec<Cut> {
    if tables.down.is_empty() && tables.powered_off.is_empty() {
        return Vec::new();
    }
    let down = |device: &str, port: &str| {
        tables.powered_off.iter().any(|d| d == device) || tables.down.get(device).is_some_and(|ports| ports.iter().any(|p| p == port))
    };
    diagram
        .links
        .iter()
        .filter_map(|view| {
            let link = scenario.links.iter().find(|l| l.id == view.id)?;
            if !(down(&link.a.device, &link.a.port) || down(&link.b.device, &link.b.port)) {
                return None;
            }
            let (a, b) = diagram.link_ends(view)?;
            let angle = (b.y - a.y).atan2(b.x - a.x).to_degrees();
            Some(Cut { link: view.id.clone(), at: a.lerp(b, 0.5), angle })
        })
        .collect()
}

/// The version of the `packet-engine` crate compiled into this app (its `CARGO_PKG_VERSION`),
/// so the status bar names the exact engine that computes everything.
pub fn engine_version() -> &'static str {
    packet_engine::VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cable_with_an_end_down_is_cut_at_its_middle() {
        let (_, s) = packet_engine::examples::all().into_iter().find(|(stem, _)| *stem == "same-network").unwrap();
        let d = Diagram::from_scenario(&s);
        let mut tables = packet_engine::NetworkState::default();
        assert!(cable_cuts(&s, &d, &tables).is_empty());
        tables.down.insert("sw1".to_string(), vec!["p1".to_string()]);
        let cuts = cable_cuts(&s, &d, &tables);
        assert_eq!(cuts.len(), 1);
        assert_eq!((cuts[0].link.as_str(), cuts[0].at, cuts[0].angle), ("pc1-sw1", Point::new(220.0, 200.0), 0.0));
        tables.down.clear();
        tables.powered_off.push("sw1".to_string());
        assert_eq!(cable_cuts(&s, &d, &tables).len(), 2, "a switch powered off cuts both its cables");
    }

    #[test]
    fn draws_devices_and_links_of_a_scenario() {
        let s = Scenario::from_json(
            r#"{ "version": 1, "name": "Pair", "description": "d",
                 "devices": [
                   { "id": "pc1", "kind": "host", "position": [10, 20],
                     "interfaces": [{ "name": "eth0", "address": "10.0.0.1/24" }] },
                   { "id": "sw", "kind": "switch", "ports": 2 }
                 ],
                 "links": [ { "id": "l1", "a": { "device": "pc1", "port": "eth0" },
                                          "b": { "device": "sw", "port": "p1" } } ] }"#,
        )
        .expect("test scenario is valid");
        let d = Diagram::from_scenario(&s);
        assert_eq!(d.title, "Pair");
        assert_eq!(d.devices.len(), 2);
        assert_eq!(d.devices[0].position, Point::new(10.0, 20.0));
        assert_eq!(d.devices[0].interfaces, vec!["eth0 10.0.0.1/24".to_owned()]);
        assert_eq!(d.devices[1].kind, DeviceKind::Switch);
        assert_eq!(d.devices[1].position, grid_slot(1, GRID_COLUMNS, GRID_SPACING, GRID_ORIGIN));
        assert_eq!(d.links, vec![LinkView { id: "l1".into(), a: 0, b: 1, offset: 0.0 }]);
    }

    #[test]
    fn every_shipped_example_draws_all_its_links() {
        for (stem, s) in packet_engine::examples::all() {
            let d = Diagram::from_scenario(&s);
            assert!(!d.devices.is_empty(), "{stem}");
            assert_eq!(d.devices.len(), s.devices.len(), "{stem}");
            assert_eq!(d.links.len(), s.links.len(), "{stem}: a link lost its devices");
        }
    }

    #[test]
    fn engine_version_is_the_engine_manifests() {
        let manifest = include_str!("../engine/Cargo.toml");
        assert!(manifest.contains(&format!("\nversion = \"{}\"\n", engine_version())), "{}", engine_version());
        let parts: Vec<&str> = engine_version().split('.').collect();
        assert_eq!(parts.len(), 3, "not a semver version: {}", engine_version());
        assert!(parts.iter().all(|p| p.parse::<u64>().is_ok()), "{}", engine_version());
    }
}
