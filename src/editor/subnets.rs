//! Subnet colours: the same network always drawn in the same colour.

use super::*;

/// The colour-blind-safe palette subnets are drawn in: Okabe and Ito's eight colours
/// ("Color Universal Design", 2008) without black, which would vanish on the dark theme;
/// yellow last as it is faint on white.
pub const SUBNET_PALETTE: [&str; 7] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442"];

/// The network ("10.10.10.0/24") an interface address text lies in, if it parses.
pub fn subnet_of(address: &str) -> Option<String> {
    parse_interface_address(address).ok().map(|net| net.trunc().to_string())
}

/// A colour index in [`SUBNET_PALETTE`] for every subnet of `scenario`: the same network
/// always gets the same colour, and networks get distinct colours in the order they first
/// appear (devices in order, interfaces in order) until the palette runs out and wraps.
pub fn subnet_colours(scenario: &Scenario) -> VecMap<String, usize> {
    let mut colours = VecMap::new();
    for iface in scenario.devices.iter().flat_map(|d| &d.interfaces) {
        if let Some(net) = iface.address.as_deref().and_then(subnet_of) {
            let next = colours.len() % SUBNET_PALETTE.len();
            colours.entry(net).or_insert(next);
        }
    }
    colours
}

