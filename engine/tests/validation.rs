//! Invalid lab files get a message naming the field and the problem.

use packet_engine::Scenario;

const BASE: &str = r#"{
  "version": 1, "name": "v",
  "devices": [
    { "id": "pc1", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.1/24" }], "gateway": "10.0.0.254" },
    { "id": "sw1", "kind": "switch", "ports": 2 },
    { "id": "pc2", "kind": "host", "interfaces": [{ "name": "eth0", "address": "10.0.0.2/24" }] }
  ],
  "links": [
    { "id": "l1", "a": { "device": "pc1", "port": "eth0" }, "b": { "device": "sw1", "port": "p1" } },
    { "id": "l2", "a": { "device": "pc2", "port": "eth0" }, "b": { "device": "sw1", "port": "p2" } }
  ],
  "commands": [{ "at_ms": 0, "device": "pc1", "run": "ping -c 1 10.0.0.2" }]
}"#;

fn error(replace: &str, with: &str) -> String {
    assert!(BASE.contains(replace), "test bug: {replace}");
    let text = BASE.replacen(replace, with, 1);
    match Scenario::from_json(&text) {
        Ok(_) => panic!("accepted: {with}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_base_lab_is_valid() {
    Scenario::from_json(BASE).unwrap();
}

#[test]
fn bad_addresses_name_the_field() {
    assert_eq!(
        error("10.0.0.2/24", "10.0.0.300/24"),
        "devices[2].interfaces[0].address: 10.0.0.300/24 is not an IPv4 address"
    );
    assert_eq!(
        error("10.0.0.2/24", "10.0.0.2/33"),
        "devices[2].interfaces[0].address: prefix /33 is out of range (0–32)"
    );
    assert_eq!(
        error("10.0.0.2/24", "10.0.0.2"),
        "devices[2].interfaces[0].address: 10.0.0.2 has no prefix length; write it like 10.0.0.2/24"
    );
    assert_eq!(
        error("10.0.0.2/24", "10.0.0.0/24"),
        "devices[2].interfaces[0].address: 10.0.0.0 is the network address of 10.0.0.0/24, not a host address"
    );
    assert_eq!(
        error("10.0.0.2/24", "10.0.0.1/24"),
        "devices[2].interfaces[0].address: duplicate IP address 10.0.0.1 (also on pc1/eth0)"
    );
    // The dotted netmask form is accepted too, and checked.
    assert_eq!(
        error("10.0.0.2/24", "10.0.0.2 255.0.255.0"),
        "devices[2].interfaces[0].address: 255.0.255.0 is not a valid netmask (its one bits must come first)"
    );
    Scenario::from_json(&BASE.replace("10.0.0.2/24", "10.0.0.2 255.255.255.0")).unwrap();
}

#[test]
fn bad_macs_name_the_field() {
    let with_mac =
        |mac: &str| format!(r#"{{ "name": "eth0", "address": "10.0.0.2/24", "mac": "{mac}" }}"#);
    assert_eq!(
        error(
            r#"{ "name": "eth0", "address": "10.0.0.2/24" }"#,
            &with_mac("02:00:00:00:00")
        ),
        "devices[2].interfaces[0].mac: 02:00:00:00:00 is not a MAC address like 02:00:00:00:00:01"
    );
    assert_eq!(
        error(
            r#"{ "name": "eth0", "address": "10.0.0.2/24" }"#,
            &with_mac("01:00:5e:00:00:01")
        ),
        "devices[2].interfaces[0].mac: 01:00:5e:00:00:01 is not a unicast MAC address"
    );
    let both = BASE
        .replacen(
            r#""address": "10.0.0.1/24" }"#,
            r#""address": "10.0.0.1/24", "mac": "02:00:00:00:00:09" }"#,
            1,
        )
        .replacen(
            r#""address": "10.0.0.2/24" }"#,
            r#""address": "10.0.0.2/24", "mac": "02:00:00:00:00:09" }"#,
            1,
        );
    assert_eq!(
        Scenario::from_json(&both).unwrap_err().to_string(),
        "devices[2].interfaces[0].mac: duplicate MAC address 02:00:00:00:00:09 (also on pc1/eth0)"
    );
}

#[test]
fn bad_links_name_the_field() {
    assert_eq!(
        error(
            r#""device": "pc2", "port": "eth0""#,
            r#""device": "pc9", "port": "eth0""#
        ),
        r#"links[1].a.device: no device "pc9""#
    );
    assert_eq!(
        error(
            r#""device": "sw1", "port": "p2""#,
            r#""device": "sw1", "port": "p7""#
        ),
        r#"links[1].b.port: sw1 has no port "p7" (its ports: p1, p2)"#
    );
    assert_eq!(
        error(
            r#""device": "sw1", "port": "p2""#,
            r#""device": "sw1", "port": "p1""#
        ),
        r#"links[1].b: port sw1/p1 is already used by link "l1""#
    );
    assert_eq!(
        error(r#""id": "l2""#, r#""id": "l1""#),
        r#"links[1].id: duplicate link id "l1" (also links[0])"#
    );
}

#[test]
fn bad_devices_gateways_and_commands_name_the_field() {
    assert_eq!(
        error(r#""id": "pc2""#, r#""id": "pc1""#),
        r#"devices[2].id: duplicate device id "pc1" (also devices[0])"#
    );
    assert_eq!(
        error(r#""gateway": "10.0.0.254""#, r#""gateway": "192.168.1.1""#),
        "devices[0].gateway: gateway 192.168.1.1 is not in any of pc1's subnets (its subnets: 10.0.0.0/24), so it cannot be reached"
    );
    assert_eq!(
        error(r#""ports": 2"#, r#""ports": 0"#),
        "devices[1].ports: 0 ports is out of range (1–1024)"
    );
    assert_eq!(
        error("ping -c 1 10.0.0.2", "ping 10.0.0.2"),
        "commands[0].run: ping needs -c COUNT here (a lab run must end); usage: ping -c COUNT [-i SECONDS] [-W SECONDS] [-s SIZE] [-t TTL] [-I IFACE|ADDRESS] ADDRESS"
    );
    assert_eq!(
        error("ping -c 1 10.0.0.2", "traceroute -T 10.0.0.2"),
        "commands[0].run: TCP SYN probes (-T) are not modelled: plain traceroute sends UDP probes to ports 33434 and up, -U to one port (53), -I sends ICMP echoes; usage: traceroute [-6] [-I|-U] [-n] [-f FIRST_TTL] [-m MAX_TTL] [-q PROBES] [-N SIM_PROBES] [-w MAX[,HERE,NEAR]] [-p PORT] ADDRESS"
    );
    assert_eq!(
        error("ping -c 1 10.0.0.2", "ssh 10.0.0.2"),
        "commands[0].run: unknown command `ssh` (this lab runs ping, traceroute, dhclient, host, dig, getent hosts, curl, ip, bridge, poweroff and poweron)"
    );
    assert_eq!(
        error(
            r#""at_ms": 0, "device": "pc1""#,
            r#""at_ms": 0, "device": "sw1""#
        ),
        "commands[0].device: sw1 is a switch; programs run on hosts, servers and routers (a switch takes ip link set, bridge fdb flush, poweroff and poweron)"
    );
}

#[test]
fn structural_errors_carry_the_serde_path() {
    let e = error(r#""kind": "switch""#, r#""kind": "swich""#);
    assert!(
        e.starts_with("devices[1].kind: unknown variant `swich`"),
        "{e}"
    );
    let e = error(r#""ports": 2"#, r#""ports": 2, "colour": "red""#);
    assert!(
        e.starts_with("devices[1]: unknown field `colour`")
            || e.starts_with("devices[1].colour: unknown field `colour`"),
        "{e}"
    );
    let e = Scenario::from_json("{ not json").unwrap_err();
    assert_eq!(e.path, "scenario");
    assert!(e.message.to_string().contains("line 1"), "{}", e.message);
}

#[test]
fn never_panics_on_garbage() {
    let samples = [
        "",
        "null",
        "[]",
        "{}",
        "{\"devices\": 3}",
        "{\"version\": 2}",
        "\u{0}",
        "{\"devices\":[{\"id\":\"x\",\"kind\":\"hub\"}]}",
    ];
    for s in samples {
        let _ = Scenario::from_json(s);
    }
    // Every prefix of a valid file, and every single-byte corruption of it.
    for end in 0..BASE.len() {
        if BASE.is_char_boundary(end) {
            let _ = Scenario::from_json(&BASE[..end]);
        }
    }
    let bytes = BASE.as_bytes();
    for i in (0..bytes.len()).step_by(3) {
        for b in [b'"', b'0', b'}', b'-', b'9', b':'] {
            let mut v = bytes.to_vec();
            v[i] = b;
            if let Ok(text) = String::from_utf8(v) {
                let _ = Scenario::from_json(&text)
                    .map(|s| packet_engine::Simulation::new(&s).map(|sim| sim.run()));
            }
        }
    }
}

#[test]
fn examples_round_trip_through_json() {
    for (stem, scenario) in packet_engine::examples::all() {
        let text = scenario.to_json_pretty();
        assert_eq!(Scenario::from_json(&text).unwrap(), scenario, "{stem}");
    }
}

#[test]
fn benchmark_topology_is_valid() {
    let s = packet_engine::examples::benchmark(1000, 50, 20);
    s.validate().unwrap();
    assert_eq!(s.commands.len(), 1000);
    assert_eq!(s.devices.len(), 1070);
}
