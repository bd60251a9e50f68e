//! Edits a student makes to a lab, as the exercise tests and the golden
//! traces' reference solutions apply them (one copy for both).

use packet_engine::scenario::{DeviceSpec, DhcpServiceSpec, RouteSpec, ServicesSpec};
use packet_engine::Scenario;

/// The device `id` of `s`, for editing.
pub fn dev<'a>(s: &'a mut Scenario, id: &str) -> &'a mut DeviceSpec {
    s.devices.iter_mut().find(|d| d.id == id).unwrap()
}

pub fn set_address(s: &mut Scenario, id: &str, iface: &str, address: &str) {
    dev(s, id)
        .interfaces
        .iter_mut()
        .find(|i| i.name == iface)
        .unwrap()
        .address = Some(address.into());
}

/// Issue 11's exercises: a DHCP server on the home router's LAN.
pub fn add_dhcp_server(s: &mut Scenario, id: &str) {
    dev(s, id).services = Some(ServicesSpec {
        dhcp: Some(DhcpServiceSpec {
            interface: "eth0".into(),
            pool_start: "192.168.1.100".into(),
            pool_end: "192.168.1.200".into(),
            router: Some("192.168.1.1".into()),
            dns: vec![],
            lease_time_s: None,
            domain: None,
        }),
        dns: None,
        web: None,
    });
}

pub fn set_dns(s: &mut Scenario, id: &str, servers: &[&str]) {
    dev(s, id).dns = servers.iter().map(|x| x.to_string()).collect();
}

/// Renames the first record of the device's DNS zone.
pub fn rename_record(s: &mut Scenario, id: &str, to: &str) {
    dev(s, id).services.as_mut().unwrap().dns.as_mut().unwrap().records[0].name = to.into();
}

pub fn set_gateway(s: &mut Scenario, id: &str, gateway: Option<&str>) {
    dev(s, id).gateway = gateway.map(Into::into);
}

pub fn add_route(s: &mut Scenario, id: &str, prefix: &str, via: &str) {
    dev(s, id).routes.push(RouteSpec {
        prefix: prefix.into(),
        via: via.into(),
        metric: None,
    });
}
