//! Native tests of the DHCP/DNS edits: an interface to DHCP and back, DNS servers, the DHCP
//! and DNS services with their records; refusals at the field; undo and redo.

use super::*;

/// A laptop and a home router on one switch, the router at 192.168.1.1/24, as a student
/// draws it before any DHCP or DNS.
fn home() -> Editor {
    let text = r#"{ "devices": [
        { "id": "laptop", "kind": "host", "interfaces": [{ "name": "eth0", "address": "192.168.1.10/24" }] },
        { "id": "sw1", "kind": "switch", "ports": 4 },
        { "id": "home-router", "kind": "router", "interfaces": [{ "name": "eth0", "address": "192.168.1.1/24" }] } ],
      "links": [
        { "id": "l1", "a": { "device": "laptop", "port": "eth0" }, "b": { "device": "sw1", "port": "p1" } },
        { "id": "l2", "a": { "device": "home-router", "port": "eth0" }, "b": { "device": "sw1", "port": "p2" } } ] }"#;
    Editor::new(Scenario::from_json(text).unwrap(), None)
}

fn set(e: &mut Editor, field: Field, text: &str) -> Effect {
    e.apply(EditAction::SetField(field, text.into()))
}

#[test]
fn an_interface_switches_to_dhcp_and_back_undoably() {
    let mut e = home();
    assert_eq!(set(&mut e, Field::Dhcp(0, 0), "on"), Effect::ScenarioChanged);
    assert_eq!(e.scenario.devices[0].interfaces[0].address.as_deref(), Some("dhcp"));
    assert_eq!(set(&mut e, Field::Dhcp(0, 0), "off"), Effect::ScenarioChanged);
    assert_eq!(e.scenario.devices[0].interfaces[0].address, None);
    e.apply(EditAction::Undo);
    assert_eq!(e.scenario.devices[0].interfaces[0].address.as_deref(), Some("dhcp"));
    e.apply(EditAction::Undo);
    assert_eq!(e.scenario.devices[0].interfaces[0].address.as_deref(), Some("192.168.1.10/24"));
    e.apply(EditAction::Redo);
    assert_eq!(e.scenario.devices[0].interfaces[0].address.as_deref(), Some("dhcp"));
}

#[test]
fn dns_servers_are_a_typed_list_and_a_bad_one_is_refused_at_the_field() {
    let mut e = home();
    set(&mut e, Field::Dns(0), "192.168.1.1, 8.8.8.8");
    assert_eq!(e.scenario.devices[0].dns, ["192.168.1.1", "8.8.8.8"]);
    let before = e.scenario.clone();
    assert_eq!(set(&mut e, Field::Dns(0), "192.168.1.1 8.8.8.300"), Effect::ViewOnly);
    assert_eq!(e.scenario, before, "the lab keeps its last valid value");
    let err = e.error(Field::Dns(0)).unwrap();
    assert_eq!(err.draft, "192.168.1.1 8.8.8.300");
    assert!(err.message.to_string().contains("8.8.8.300"), "{}", err.message);
    assert!(!err.message.to_string().contains("devices["), "the field's own error, without a path: {}", err.message);
    set(&mut e, Field::Dns(0), "");
    assert!(e.scenario.devices[0].dns.is_empty());
    assert!(e.error(Field::Dns(0)).is_none());
}

#[test]
fn a_dhcp_server_turns_on_with_working_settings_and_each_is_edited() {
    let mut e = home();
    assert_eq!(set(&mut e, Field::DhcpServer(2, DhcpKey::Enabled), "on"), Effect::ScenarioChanged);
    let spec = e.scenario.devices[2].services.clone().unwrap().dhcp.unwrap();
    assert_eq!((spec.interface.as_str(), spec.pool_start.as_str(), spec.pool_end.as_str()), ("eth0", "192.168.1.100", "192.168.1.200"));
    assert_eq!(spec.router.as_deref(), Some("192.168.1.1"));
    set(&mut e, Field::DhcpServer(2, DhcpKey::PoolEnd), "192.168.1.150");
    set(&mut e, Field::DhcpServer(2, DhcpKey::Dns), "192.168.1.1");
    set(&mut e, Field::DhcpServer(2, DhcpKey::LeaseTime), "600");
    set(&mut e, Field::DhcpServer(2, DhcpKey::Domain), "lan");
    let spec = e.scenario.devices[2].services.clone().unwrap().dhcp.unwrap();
    assert_eq!(spec.pool_end, "192.168.1.150");
    assert_eq!(spec.dns, ["192.168.1.1"]);
    assert_eq!((spec.lease_time_s, spec.domain.as_deref()), (Some(600), Some("lan")));
    // The engine's reasons, at the field.
    assert_eq!(set(&mut e, Field::DhcpServer(2, DhcpKey::PoolStart), "10.0.0.5"), Effect::ViewOnly);
    let err = e.error(Field::DhcpServer(2, DhcpKey::PoolStart)).unwrap();
    assert_eq!(err.message.to_string(), "10.0.0.5 is not a host address of eth0 (192.168.1.0/24)");
    set(&mut e, Field::DhcpServer(2, DhcpKey::LeaseTime), "60");
    assert!(e.error(Field::DhcpServer(2, DhcpKey::LeaseTime)).unwrap().message.to_string().contains("out of range"));
    set(&mut e, Field::DhcpServer(2, DhcpKey::LeaseTime), "ten");
    assert_eq!(e.error(Field::DhcpServer(2, DhcpKey::LeaseTime)).unwrap().message.to_string(), "ten is not a whole number of seconds");
    // Off removes the services altogether, as a lab file without them reads.
    set(&mut e, Field::DhcpServer(2, DhcpKey::Enabled), "off");
    assert_eq!(e.scenario.devices[2].services, None);
    e.apply(EditAction::Undo);
    assert_eq!(e.scenario.devices[2].services.as_ref().unwrap().dhcp.as_ref().unwrap().domain.as_deref(), Some("lan"));
}

#[test]
fn a_dhcp_server_needs_an_address_to_serve_and_a_host_gets_the_engines_refusal() {
    let mut e = home();
    set(&mut e, Field::Address(2, 0), "");
    set(&mut e, Field::DhcpServer(2, DhcpKey::Enabled), "on");
    assert!(e.error(Field::DhcpServer(2, DhcpKey::Enabled)).unwrap().message.to_string().contains("fixed address"));
    assert_eq!(e.scenario.devices[2].services, None);
    set(&mut e, Field::DnsServer(0, DnsKey::Enabled), "on");
    assert!(e.error(Field::DnsServer(0, DnsKey::Enabled)).is_some(), "a host runs no services");
    assert_eq!(e.scenario.devices[0].services, None);
}

#[test]
fn a_zone_gets_records_added_edited_and_removed() {
    let mut e = home();
    set(&mut e, Field::DnsServer(2, DnsKey::Enabled), "on");
    set(&mut e, Field::DnsServer(2, DnsKey::Zone), "example.com");
    let add = |e: &mut Editor, name: &str, rtype: &str, value: &str, ttl: &str| {
        e.apply(EditAction::AddRecord(
            2,
            NewRecord { name: name.into(), rtype: rtype.into(), value: value.into(), ttl: ttl.into() },
        ))
    };
    assert_eq!(add(&mut e, "ww.example.com", "A", "93.184.216.34", ""), Effect::ScenarioChanged);
    assert_eq!(add(&mut e, "web.example.com", "cname", "ww.example.com", "300"), Effect::ScenarioChanged);
    // Refused: outside the zone; the form keeps what was typed.
    assert_eq!(add(&mut e, "www.example.org", "A", "1.2.3.4", ""), Effect::ViewOnly);
    let err = e.error(Field::NewRecord(2)).unwrap();
    assert_eq!(err.message.to_string(), "www.example.org is outside the zone example.com");
    assert_eq!(err.draft, "www.example.org A 1.2.3.4");
    set(&mut e, Field::DnsServer(2, DnsKey::RecordName(0)), "www.example.com");
    set(&mut e, Field::DnsServer(2, DnsKey::RecordValue(1)), "www.example.com");
    set(&mut e, Field::DnsServer(2, DnsKey::RecordType(0)), "MX");
    assert!(e.error(Field::DnsServer(2, DnsKey::RecordType(0))).unwrap().message.to_string().contains("not modelled"));
    set(&mut e, Field::DnsServer(2, DnsKey::Forwarders), "8.8.8.8");
    set(&mut e, Field::DnsServer(2, DnsKey::Recursive), "on");
    let dns = e.scenario.devices[2].services.clone().unwrap().dns.unwrap();
    assert_eq!(dns.records[0].name, "www.example.com");
    assert_eq!((dns.records[1].rtype.as_str(), dns.records[1].value.as_str(), dns.records[1].ttl), ("CNAME", "www.example.com", Some(300)));
    assert_eq!((dns.forwarders, dns.recursive), (vec!["8.8.8.8".to_string()], true));
    e.apply(EditAction::RemoveRecord(2, 0));
    let dns = e.scenario.devices[2].services.clone().unwrap().dns.unwrap();
    assert_eq!(dns.records.len(), 1);
    e.apply(EditAction::Undo);
    assert_eq!(e.scenario.devices[2].services.as_ref().unwrap().dns.as_ref().unwrap().records.len(), 2);
}
