//! The example labs shipped in `scenarios/`, and a generator of large
//! topologies for the benchmark.

use crate::scenario::{
    CommandSpec, DeviceKind, DeviceSpec, Endpoint, InterfaceSpec, LinkSpec, Options, Scenario,
};

/// The files of `scenarios/`, compiled in so the web app needs no fetch.
const FILES: &[(&str, &str)] = &[
    (
        "same-network",
        include_str!("../../scenarios/same-network.json"),
    ),
    (
        "two-subnets",
        include_str!("../../scenarios/two-subnets.json"),
    ),
    (
        "to-the-internet",
        include_str!("../../scenarios/to-the-internet.json"),
    ),
    (
        "unknown-host",
        include_str!("../../scenarios/unknown-host.json"),
    ),
    ("home-dhcp", include_str!("../../scenarios/home-dhcp.json")),
    (
        "name-lookup",
        include_str!("../../scenarios/name-lookup.json"),
    ),
    ("fetch-page", include_str!("../../scenarios/fetch-page.json")),
    (
        "connection-refused",
        include_str!("../../scenarios/connection-refused.json"),
    ),
    ("lost-syn", include_str!("../../scenarios/lost-syn.json")),
    ("forgot-nat", include_str!("../../scenarios/forgot-nat.json")),
    (
        "visit-example",
        include_str!("../../scenarios/visit-example.json"),
    ),
    ("hub", include_str!("../../scenarios/hub.json")),
    (
        "routing-loop",
        include_str!("../../scenarios/routing-loop.json"),
    ),
    ("redirect", include_str!("../../scenarios/redirect.json")),
    (
        "pull-the-cable",
        include_str!("../../scenarios/pull-the-cable.json"),
    ),
    (
        "switch-loop",
        include_str!("../../scenarios/switch-loop.json"),
    ),
    ("stp-loop", include_str!("../../scenarios/stp-loop.json")),
    ("two-vlans", include_str!("../../scenarios/two-vlans.json")),
    (
        "router-on-a-stick",
        include_str!("../../scenarios/router-on-a-stick.json"),
    ),
    ("ipv6-home", include_str!("../../scenarios/ipv6-home.json")),
];

/// The example of file stem `stem`, if there is one (parses that one only).
pub fn get(stem: &str) -> Option<Scenario> {
    FILES.iter().find(|(s, _)| *s == stem).map(parse)
}

/// Every example as (file stem, scenario), in teaching order.
pub fn all() -> Vec<(&'static str, Scenario)> {
    FILES.iter().map(|file| (file.0, parse(file))).collect()
}

/// A file of `scenarios/`, read without validation (the page has no validator before the
/// engine's module is here): `every_example_is_valid` and every run of one validate them.
fn parse((stem, text): &(&str, &str)) -> Scenario {
    Scenario::from_json_unchecked(text).unwrap_or_else(|e| panic!("scenarios/{stem}.json is invalid: {e}"))
}

fn host(id: String, address: String, gateway: String) -> DeviceSpec {
    DeviceSpec {
        id,
        kind: DeviceKind::Host,
        interfaces: vec![InterfaceSpec {
            name: "eth0".into(),
            address: Some(address),
            mac: None,
            nat: None,
            ipv6: None,
            ra: None,
            parent: None,
            vlan: None,
            mtu: None,
        }],
        gateway: Some(gateway),
        routes: vec![],
        routes6: vec![],
        ports: None,
        position: None,
        dns: Vec::new(),
        services: None,
        stp: false,
        bridge_priority: None,
        vlan_filtering: false,
        vlans: Default::default(),
    }
}

fn link(id: String, a: (&str, &str), b: (&str, &str)) -> LinkSpec {
    LinkSpec {
        id,
        a: Endpoint {
            device: a.0.into(),
            port: a.1.into(),
        },
        b: Endpoint {
            device: b.0.into(),
            port: b.1.into(),
        },
        delay_us: None,
        bandwidth_mbps: None,
        drop_from_a: Vec::new(),
        drop_from_b: Vec::new(),
    }
}

/// A large lab: `hosts` hosts spread round-robin over `switches` switches,
/// switch j on an interface of router j mod `routers`, routers in a chain.
/// Switch j's subnet is 10.(1 + j/256).(j mod 256).0/24 with the router at .1;
/// every host pings its gateway once, the start times spread over the first
/// second. At most 253 hosts per switch.
pub fn benchmark(hosts: usize, switches: usize, routers: usize) -> Scenario {
    let switches = switches.max(1);
    let routers = routers.max(1);
    let net = |j: usize| format!("10.{}.{}", 1 + j / 256, j % 256);
    let mut per_switch = vec![0usize; switches];
    for i in 0..hosts {
        per_switch[i % switches] += 1;
    }
    let mut devices = Vec::new();
    let mut links = Vec::new();
    let mut commands = Vec::new();
    let mut router_ifaces: Vec<Vec<InterfaceSpec>> = vec![Vec::new(); routers];
    for (j, &on_switch) in per_switch.iter().enumerate() {
        let r = j % routers;
        let name = format!("eth{}", router_ifaces[r].len());
        router_ifaces[r].push(InterfaceSpec {
            name: name.clone(),
            address: Some(format!("{}.1/24", net(j))),
            mac: None,
            nat: None,
            ipv6: None,
            ra: None,
            parent: None,
            vlan: None,
            mtu: None,
        });
        let sw = format!("s{}", j + 1);
        devices.push(DeviceSpec {
            id: sw.clone(),
            kind: DeviceKind::Switch,
            interfaces: vec![],
            gateway: None,
            routes: vec![],
            routes6: vec![],
            ports: Some(on_switch as u32 + 1),
            position: None,
            dns: Vec::new(),
            services: None,
            stp: false,
            bridge_priority: None,
            vlan_filtering: false,
            vlans: Default::default(),
        });
        links.push(link(
            format!("{sw}-r{}", r + 1),
            (&sw, "p1"),
            (&format!("r{}", r + 1), &name),
        ));
    }
    let mut next_port = vec![2usize; switches];
    for i in 0..hosts {
        let j = i % switches;
        let id = format!("h{}", i + 1);
        let octet = next_port[j];
        devices.push(host(
            id.clone(),
            format!("{}.{}/24", net(j), octet),
            format!("{}.1", net(j)),
        ));
        links.push(link(
            format!("{id}-s{}", j + 1),
            (&id, "eth0"),
            (&format!("s{}", j + 1), &format!("p{}", next_port[j])),
        ));
        next_port[j] += 1;
        commands.push(CommandSpec {
            at_ms: (i % 1000) as u64,
            device: id,
            run: format!("ping -c 1 {}.1", net(j)),
        });
    }
    for k in 0..routers.saturating_sub(1) {
        let (a, b) = (k, k + 1);
        let a_if = format!("eth{}", router_ifaces[a].len());
        router_ifaces[a].push(InterfaceSpec {
            name: a_if.clone(),
            address: Some(format!("172.16.{k}.1/24")),
            mac: None,
            nat: None,
            ipv6: None,
            ra: None,
            parent: None,
            vlan: None,
            mtu: None,
        });
        let b_if = format!("eth{}", router_ifaces[b].len());
        router_ifaces[b].push(InterfaceSpec {
            name: b_if.clone(),
            address: Some(format!("172.16.{k}.2/24")),
            mac: None,
            nat: None,
            ipv6: None,
            ra: None,
            parent: None,
            vlan: None,
            mtu: None,
        });
        links.push(link(
            format!("r{}-r{}", a + 1, b + 1),
            (&format!("r{}", a + 1), &a_if),
            (&format!("r{}", b + 1), &b_if),
        ));
    }
    for (r, interfaces) in router_ifaces.into_iter().enumerate() {
        devices.push(DeviceSpec {
            id: format!("r{}", r + 1),
            kind: DeviceKind::Router,
            interfaces,
            gateway: None,
            routes: vec![],
            routes6: vec![],
            ports: None,
            position: None,
            dns: Vec::new(),
            services: None,
            stp: false,
            bridge_priority: None,
            vlan_filtering: false,
            vlans: Default::default(),
        });
    }
    Scenario {
        version: 1,
        name: format!("Benchmark: {hosts} hosts, {switches} switches, {routers} routers"),
        description: "Every host pings its gateway once.".into(),
        seed: 42,
        devices,
        links,
        commands,
        options: Options::default(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_example_is_valid() {
        for (stem, text) in super::FILES {
            if let Err(e) = crate::scenario::Scenario::from_json(text) {
                panic!("scenarios/{stem}.json is invalid: {e}");
            }
        }
    }
}
