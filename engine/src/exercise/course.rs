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

/// The course's ids and English titles, in teaching order: what the course list shows. The
/// page carries only this; the files themselves are parsed by the exercises' judge, a module of
/// its own fetched when an exercise starts (issue 15, docs/size.md). The built-in files have no
/// `translations` (their other languages are the catalogue's `ex-<id>-title`), so a title here
/// is the one `Exercise::text_or` gives; `the_index_is_the_files` fails when the two differ.
pub const INDEX: &[(&str, &str)] = &[
    ("right-network", "Put a host on the right network"),
    ("neighbours-by-mask", "Neighbours or not: /24 against /25"),
    ("who-hears-arp", "Who hears the ARP broadcast?"),
    ("hub-or-switch", "Hub or switch: who sees the frame?"),
    ("stop-the-storm", "Stop the storm without pulling a cable"),
    ("right-vlan", "Put a port in the right VLAN"),
    ("default-gateway", "Give a host its default gateway"),
    ("gateway-off-subnet", "A gateway outside the host's network"),
    ("missing-route", "A missing route at a router"),
    ("ttl-loop", "Why does the ping to 8.8.8.8 fail?"),
    ("read-traceroute", "Read a traceroute"),
    ("trunk-to-the-router", "Carry both VLANs to the router"),
    ("laptop-no-address", "The laptop has no address"),
    ("dns-server-address", "Fix the DNS server address"),
    ("why-nxdomain", "Why NXDOMAIN?"),
    ("read-the-handshake", "Read the handshake"),
    ("why-page-fails", "Why doesn't the page load?"),
    ("add-nat", "Add NAT on the home router"),
    ("ipv6-no-address", "Why has the laptop no IPv6 address?"),
    ("ipv6-prefix-length", "A prefix SLAAC cannot use"),
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

/// The built-in exercise at `index` of [`INDEX`], parsed.
pub fn get(index: usize) -> Option<Exercise> {
    let (stem, text) = FILES.get(index)?;
    Some(Exercise::from_json(text).unwrap_or_else(|e| panic!("exercises/{stem}.json is invalid: {e}")))
}

/// The index in [`INDEX`] of `exercise` if it is a built-in one, unchanged.
pub fn position(exercise: &Exercise) -> Option<usize> {
    let index = INDEX.iter().position(|(id, _)| *id == exercise.id)?;
    (get(index).as_ref() == Some(exercise)).then_some(index)
}

/// The raw JSON of a built-in exercise by id (for "export" and as a template).
pub fn source(id: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(stem, _)| *stem == id)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_is_the_files() {
        let course = course();
        assert_eq!(course.len(), INDEX.len());
        for (i, (exercise, (id, title))) in course.iter().zip(INDEX).enumerate() {
            assert_eq!((exercise.id.as_str(), exercise.title.as_str()), (*id, *title), "INDEX[{i}]");
            assert!(exercise.translations.is_empty(), "{id}: a built-in exercise's other languages are the catalogue's");
            assert_eq!(FILES[i].0, *id);
            assert_eq!(position(exercise), Some(i));
            assert_eq!(get(i).as_ref(), Some(exercise));
        }
        assert_eq!(get(INDEX.len()), None);
        let mut changed = course[0].clone();
        changed.hints.pop();
        assert_eq!(position(&changed), None, "a changed copy of a built-in exercise is a file of its own");
    }
}
