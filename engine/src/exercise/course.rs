//! The built-in course: the files of `exercises/`, compiled in, in the order of
//! the talk (one network, masks, ARP, hub and switch, gateways, routes, loops,
//! traceroute, DHCP and DNS, NAT).

use super::Exercise;

/// The course's files, in teaching order.
const FILES: &[(&str, &str)] = &[
    (
        "right-network",
        include_str!("../../../exercises/right-network.json"),
    ),
    (
        "neighbours-by-mask",
        include_str!("../../../exercises/neighbours-by-mask.json"),
    ),
    (
        "who-hears-arp",
        include_str!("../../../exercises/who-hears-arp.json"),
    ),
    (
        "hub-or-switch",
        include_str!("../../../exercises/hub-or-switch.json"),
    ),
    (
        "stop-the-storm",
        include_str!("../../../exercises/stop-the-storm.json"),
    ),
    (
        "right-vlan",
        include_str!("../../../exercises/right-vlan.json"),
    ),
    (
        "default-gateway",
        include_str!("../../../exercises/default-gateway.json"),
    ),
    (
        "gateway-off-subnet",
        include_str!("../../../exercises/gateway-off-subnet.json"),
    ),
    (
        "missing-route",
        include_str!("../../../exercises/missing-route.json"),
    ),
    ("ttl-loop", include_str!("../../../exercises/ttl-loop.json")),
    (
        "read-traceroute",
        include_str!("../../../exercises/read-traceroute.json"),
    ),
    (
        "trunk-to-the-router",
        include_str!("../../../exercises/trunk-to-the-router.json"),
    ),
    (
        "laptop-no-address",
        include_str!("../../../exercises/laptop-no-address.json"),
    ),
    (
        "dns-server-address",
        include_str!("../../../exercises/dns-server-address.json"),
    ),
    ("why-nxdomain", include_str!("../../../exercises/why-nxdomain.json")),
    (
        "read-the-handshake",
        include_str!("../../../exercises/read-the-handshake.json"),
    ),
    (
        "why-page-fails",
        include_str!("../../../exercises/why-page-fails.json"),
    ),
    ("add-nat", include_str!("../../../exercises/add-nat.json")),
    ("ipv6-no-address", include_str!("../../../exercises/ipv6-no-address.json")),
    ("ipv6-prefix-length", include_str!("../../../exercises/ipv6-prefix-length.json")),
];

/// Every built-in exercise, in teaching order. The files are checked by the
/// tests, so a broken one is a build defect, not a user error.
pub fn course() -> Vec<Exercise> {
    FILES
        .iter()
        .map(|(stem, text)| {
            Exercise::from_json(text)
                .unwrap_or_else(|e| panic!("exercises/{stem}.json is invalid: {e}"))
        })
        .collect()
}

/// The raw JSON of a built-in exercise by id (for "export" and as a template).
pub fn source(id: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(stem, _)| *stem == id)
        .map(|(_, text)| *text)
}
