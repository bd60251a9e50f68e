//! The edits of issue 11's fields: an interface switched to DHCP and back, a device's DNS
//! servers, and the DHCP and DNS services of a router or server (turned on with settings that
//! already work, each setting edited as text, zone records added and removed).
//!
//! Like every edit, these only change the scenario's text form; the engine's validation decides
//! whether the result is a lab (`Editor::commit`) and its message is shown at the field.

use packet_engine::scenario::{DhcpServiceSpec, DnsRecordSpec, DnsServiceSpec, ServicesSpec};

use super::*;

/// A record for [`EditAction::AddRecord`], as typed in the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRecord {
    /// Full name (`www.example.com`).
    pub name: String,
    /// `A` or `CNAME`.
    pub rtype: String,
    /// An address (A) or a name (CNAME).
    pub value: String,
    /// Seconds; empty for the default.
    pub ttl: String,
}

/// Splits a typed list (`192.168.1.1, 8.8.8.8` or space-separated) into its entries.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace()).filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

/// The text a list field shows.
pub fn join_list(items: &[String]) -> String {
    items.join(", ")
}

/// `on` / `off` of a switch field.
fn switch(text: &str) -> Result<bool, Msg> {
    match text.trim() {
        "on" | "true" => Ok(true),
        "off" | "false" | "" => Ok(false),
        other => Err(msg!("invalid-not-on-off", value = other)),
    }
}

/// A whole number of seconds, or `None` for an empty field.
fn seconds(text: &str) -> Result<Option<u32>, Msg> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse().map(Some).map_err(|_| msg!("invalid-seconds-not-number", value = t))
}

/// A DHCP server that works as soon as it is turned on: on the first interface with a fixed
/// address, handing out .100–.200 of a /24 (or every other host address of a smaller subnet),
/// offering this router (or the device's own gateway) and no DNS server unless the device
/// runs one. Like a home router's factory settings.
pub fn dhcp_defaults(dev: &DeviceSpec) -> Result<DhcpServiceSpec, Msg> {
    let (iface, net) = dev
        .interfaces
        .iter()
        .find_map(|i| i.parsed_address().and_then(Result::ok).filter(|n| n.prefix_len() <= 30).map(|n| (i, n)))
        .ok_or_else(|| msg!("invalid-dhcp-needs-fixed-address"))?;
    let first = u32::from(net.network()) + 1;
    let last = u32::from(net.broadcast()) - 1;
    let (start, end) = if last - first >= 200 { (first + 99, first + 199) } else { (first, last) };
    let (start, end) = (std::net::Ipv4Addr::from(start), std::net::Ipv4Addr::from(end));
    let router = if dev.kind == DeviceKind::Router { Some(net.addr().to_string()) } else { dev.gateway.clone() };
    let runs_dns = dev.services.as_ref().is_some_and(|s| s.dns.is_some());
    Ok(DhcpServiceSpec {
        interface: iface.name.clone(),
        pool_start: start.to_string(),
        pool_end: end.to_string(),
        router,
        dns: if runs_dns { vec![net.addr().to_string()] } else { Vec::new() },
        lease_time_s: None,
        domain: None,
    })
}

/// Applies a DHCP/DNS field's text to `s`; `Err` is a reason to show at the field before the
/// engine is asked. Other fields are left to `set_field`.
pub(super) fn apply_service_field(s: &mut Scenario, field: Field, text: &str) -> Result<(), Msg> {
    match field {
        Field::Dhcp(d, i) => {
            let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or_else(|| Msg::new("invalid-editor-no-interface"))?;
            iface.address = switch(text)?.then(|| "dhcp".to_owned());
        }
        Field::Dns(d) => s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?.dns = split_list(text),
        Field::DhcpServer(d, key) => {
            let dev = s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?;
            if key == DhcpKey::Enabled {
                let on = switch(text)?;
                if on && dev.services.as_ref().is_some_and(|sv| sv.dhcp.is_some()) {
                    return Ok(()); // already on: keep its settings
                }
                let dhcp = if on { Some(dhcp_defaults(dev)?) } else { None };
                set_services(dev, |sv| sv.dhcp = dhcp);
                return Ok(());
            }
            let spec = dev.services.as_mut().and_then(|sv| sv.dhcp.as_mut()).ok_or_else(|| Msg::new("invalid-editor-dhcp-off"))?;
            let t = text.trim().to_owned();
            match key {
                DhcpKey::Enabled => unreachable!("handled above"),
                DhcpKey::Interface => spec.interface = t,
                DhcpKey::PoolStart => spec.pool_start = t,
                DhcpKey::PoolEnd => spec.pool_end = t,
                DhcpKey::Router => spec.router = optional(&t),
                DhcpKey::Dns => spec.dns = split_list(&t),
                DhcpKey::LeaseTime => spec.lease_time_s = seconds(&t)?,
                DhcpKey::Domain => spec.domain = optional(&t),
            }
        }
        Field::DnsServer(d, key) => {
            let dev = s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?;
            if key == DnsKey::Enabled {
                let on = switch(text)?;
                if on && dev.services.as_ref().is_some_and(|sv| sv.dns.is_some()) {
                    return Ok(());
                }
                set_services(dev, |sv| sv.dns = on.then(DnsServiceSpec::default));
                return Ok(());
            }
            let spec = dev.services.as_mut().and_then(|sv| sv.dns.as_mut()).ok_or_else(|| Msg::new("invalid-editor-dns-off"))?;
            let t = text.trim().to_owned();
            match key {
                DnsKey::Enabled => unreachable!("handled above"),
                DnsKey::Zone => spec.zone = optional(&t),
                DnsKey::Forwarders => spec.forwarders = split_list(&t),
                DnsKey::Recursive => spec.recursive = switch(&t)?,
                DnsKey::RecordName(r) | DnsKey::RecordType(r) | DnsKey::RecordValue(r) | DnsKey::RecordTtl(r) => {
                    let rec = spec.records.get_mut(r).ok_or_else(|| Msg::new("invalid-editor-no-record"))?;
                    match key {
                        DnsKey::RecordName(_) => rec.name = t,
                        DnsKey::RecordType(_) => rec.rtype = t.to_ascii_uppercase(),
                        DnsKey::RecordValue(_) => rec.value = t,
                        _ => rec.ttl = seconds(&t)?,
                    }
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Changes a device's services; none left means no `services` at all, as a lab file without
/// them is written.
fn set_services(dev: &mut DeviceSpec, change: impl FnOnce(&mut ServicesSpec)) {
    let mut services = dev.services.take().unwrap_or_default();
    change(&mut services);
    dev.services = (services.dhcp.is_some() || services.dns.is_some()).then_some(services);
}

impl Editor {
    /// Adds a record to a device's zone; a refusal stays at the form with what was typed.
    pub(super) fn add_record(&mut self, device: usize, record: NewRecord) -> Effect {
        let field = Field::NewRecord(device);
        let mut s = (*self.scenario).clone();
        let added: Result<(), Msg> = (|| {
            let spec = s
                .devices
                .get_mut(device)
                .and_then(|d| d.services.as_mut())
                .and_then(|sv| sv.dns.as_mut())
                .ok_or_else(|| Msg::new("invalid-editor-dns-off"))?;
            spec.records.push(DnsRecordSpec {
                name: record.name.trim().to_owned(),
                rtype: record.rtype.trim().to_ascii_uppercase(),
                value: record.value.trim().to_owned(),
                ttl: seconds(&record.ttl)?,
            });
            Ok(())
        })();
        let result = added.and_then(|()| self.commit(s).map_err(|e| message_for(field, &e)));
        match result {
            Ok(effect) => {
                self.errors.remove(&field);
                effect
            }
            Err(message) => {
                let ttl = if record.ttl.trim().is_empty() { String::new() } else { format!(" {}", record.ttl.trim()) };
                let draft = format!("{} {} {}{ttl}", record.name.trim(), record.rtype, record.value.trim());
                self.errors.insert(field, FieldError { draft, message });
                Effect::ViewOnly
            }
        }
    }

    /// Removes record `r` of a device's zone.
    pub(super) fn remove_record(&mut self, device: usize, r: usize) -> Effect {
        let mut s = (*self.scenario).clone();
        match s.devices.get_mut(device).and_then(|d| d.services.as_mut()).and_then(|sv| sv.dns.as_mut()) {
            Some(spec) if r < spec.records.len() => {
                spec.records.remove(r);
                self.commit_structural(s)
            }
            _ => Effect::ViewOnly,
        }
    }
}
