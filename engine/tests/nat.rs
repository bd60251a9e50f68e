//! NAT on a router (issue 12, phase 2): the scenario field and its checks,
//! ping and DNS through MASQUERADE frame by frame (the bytes on the outside
//! link, the checksums, the reply translated back), the conntrack table in the
//! trace and its expiry, and the forgotten NAT's diagnosis.

mod common;

use packet_engine::Scenario;

const FORGOT_NAT: &str = include_str!("../../scenarios/forgot-nat.json");

/// The forgot-NAT lab with masquerade on the home router's outside interface.
fn with_nat() -> String {
    let from = r#"{ "name": "eth1", "address": "203.0.113.2/24" }"#;
    assert!(FORGOT_NAT.contains(from));
    FORGOT_NAT.replacen(from, r#"{ "name": "eth1", "address": "203.0.113.2/24", "nat": "masquerade" }"#, 1)
}

fn error(text: &str) -> String {
    match Scenario::from_json(text) {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn nat_field_is_read_and_checked() {
    let t = Scenario::from_json(&with_nat()).unwrap().validate().unwrap();
    let home = &t.devices[t.device_index("home-router").unwrap()];
    assert_eq!(home.interfaces.iter().map(|i| i.masquerade).collect::<Vec<_>>(), [false, true]);
    // Any case, spaces around.
    Scenario::from_json(&with_nat().replace("\"masquerade\"", "\" Masquerade \"")).unwrap();
    assert_eq!(
        error(&with_nat().replace("\"masquerade\"", "\"snat\"")),
        "devices[2].interfaces[1].nat: \"snat\" is not a NAT mode this lab knows; use \"masquerade\" (iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE)"
    );
    let on_host = FORGOT_NAT.replacen(
        r#"{ "name": "eth0", "address": "192.168.1.10/24" }"#,
        r#"{ "name": "eth0", "address": "192.168.1.10/24", "nat": "masquerade" }"#,
        1,
    );
    assert_eq!(
        error(&on_host),
        "devices[0].interfaces[0].nat: laptop is a host: NAT rewrites packets a router forwards, so put it on the outside interface of a router"
    );
    let on_server = FORGOT_NAT.replacen(
        r#"{ "name": "eth0", "address": "8.8.8.8/24" }"#,
        r#"{ "name": "eth0", "address": "8.8.8.8/24", "nat": "masquerade" }"#,
        1,
    );
    assert!(error(&on_server).starts_with("devices[4].interfaces[0].nat: dns-google is a server: NAT"));
    let no_address = with_nat().replacen(r#""address": "203.0.113.2/24", "nat""#, r#""nat""#, 1);
    assert_eq!(
        error(&no_address),
        "devices[2].interfaces[1].nat: eth1 has no address: masquerade rewrites the source to the outside interface's address, so give eth1 one"
    );
    let dhcp = with_nat().replacen(r#""address": "203.0.113.2/24", "nat""#, r#""address": "dhcp", "nat""#, 1);
    assert_eq!(
        error(&dhcp),
        "devices[2].interfaces[1].nat: eth1 gets its address from DHCP; NAT in this lab needs a fixed address on the outside interface"
    );
    // A switch has no interfaces to carry it; a wrong type is a syntax error with its path.
    assert!(error(&with_nat().replace("\"masquerade\"", "true")).contains("devices[2].interfaces[1].nat"));
    // The field round-trips through JSON and is left out when absent.
    let s = Scenario::from_json(&with_nat()).unwrap();
    assert_eq!(Scenario::from_json(&s.to_json_pretty()).unwrap(), s);
    assert!(!Scenario::from_json(FORGOT_NAT).unwrap().to_json_pretty().contains("\"nat\""));
}
