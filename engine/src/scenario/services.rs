//! Validation of a router's or server's `services` (DHCP, DNS and web): pools in
//! the served interface's subnet, lease times dnsmasq accepts, zone records
//! inside their zone, forwarders as addresses; and of NAT on a router's
//! interface. Called from `validate.rs`.

use super::address::parse_ipv4;
use super::error::{kind_word, ErrorKind, ScenarioError};
use crate::msg;
use crate::msg::Msg;
use super::text::{DeviceKind, DeviceSpec, DhcpServiceSpec, DnsServiceSpec, InterfaceSpec, WebServiceSpec};
use super::topology::{DhcpService, DnsRecord, DnsRecordData, DnsService, Interface, WebService};
use ipnet::Ipv4Net;

type Result<T> = std::result::Result<T, ScenarioError>;

/// An interface's `"nat"`: `"masquerade"` (any case) on a router interface
/// with a fixed address. MASQUERADE takes the outside interface's address for
/// each new flow (`nf_nat_masquerade_ipv4` → `inet_select_addr`), so that
/// address must exist; a DHCP-configured outside interface is not modelled.
pub(super) fn validate_nat(at: &str, dev: &DeviceSpec, iface: &InterfaceSpec, address: Option<Ipv4Net>, dhcp: bool) -> Result<bool> {
    let Some(text) = iface.nat.as_deref() else { return Ok(false) };
    let at = format!("{at}.nat");
    let name = &iface.name;
    if !text.trim().eq_ignore_ascii_case("masquerade") {
        return err(
            ErrorKind::Other,
            at,
            msg!("invalid-nat-mode", value = text, name = name),
        );
    }
    if dev.kind != DeviceKind::Router {
        return err(
            ErrorKind::WrongForKind,
            at,
            msg!("invalid-nat-not-router", device = &dev.id, kind = kind_word(dev.kind)),
        );
    }
    if dhcp {
        return err(
            ErrorKind::WrongForKind,
            at,
            msg!("invalid-nat-dhcp", name = name),
        );
    }
    if address.is_none() {
        return err(
            ErrorKind::WrongForKind,
            at,
            msg!("invalid-nat-no-address", name = name),
        );
    }
    Ok(true)
}

fn err<T>(kind: ErrorKind, path: impl Into<String>, message: Msg) -> Result<T> {
    Err(ScenarioError::of(kind, path, message))
}

/// dnsmasq refuses a `dhcp-range` outside the interface's subnet ("no address
/// range available"); the lab says so before the run.
pub(super) fn validate_dhcp_service(at: &str, spec: &DhcpServiceSpec, ifaces: &[Interface]) -> Result<DhcpService> {
    let Some(i) = ifaces.iter().position(|f| f.name == spec.interface) else {
        return err(
            ErrorKind::UnknownReference,
            format!("{at}.interface"),
            msg!("invalid-no-interface-here", name = &spec.interface),
        );
    };
    let Some(net) = ifaces[i].address else {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.interface"),
            msg!("invalid-dhcp-needs-address", name = &spec.interface),
        );
    };
    let read = |field: &str, text: &str| {
        parse_ipv4(text).map_err(|m| ScenarioError::of(ErrorKind::BadAddress, format!("{at}.{field}"), m))
    };
    let pool_start = read("pool_start", &spec.pool_start)?;
    let pool_end = read("pool_end", &spec.pool_end)?;
    for (field, a) in [("pool_start", pool_start), ("pool_end", pool_end)] {
        if !net.contains(&a) || a == net.network() || a == net.broadcast() {
            return err(
                ErrorKind::BadAddress,
                format!("{at}.{field}"),
                msg!("invalid-pool-not-host", ip = a, name = &spec.interface, net = net.trunc()),
            );
        }
    }
    if u32::from(pool_start) > u32::from(pool_end) {
        return err(
            ErrorKind::OutOfRange,
            format!("{at}.pool_end"),
            msg!("invalid-pool-order", end = pool_end, start = pool_start),
        );
    }
    let router = spec.router.as_deref().map(|t| read("router", t)).transpose()?;
    let mut dns = Vec::new();
    for (k, t) in spec.dns.iter().enumerate() {
        dns.push(read(&format!("dns[{k}]"), t)?);
    }
    let lease_time = spec.lease_time_s.unwrap_or(3600);
    if !(120..=31_536_000).contains(&lease_time) {
        // dnsmasq: "bad dhcp-range" below 2 minutes.
        return err(
            ErrorKind::OutOfRange,
            format!("{at}.lease_time_s"),
            msg!("invalid-lease-time", value = lease_time.to_string()),
        );
    }
    let domain = spec.domain.as_deref().map(|d| check_dns_name(&format!("{at}.domain"), d)).transpose()?;
    Ok(DhcpService { interface: i, pool_start, pool_end, router, dns, lease_time, domain })
}

pub(super) fn validate_dns_service(at: &str, spec: &DnsServiceSpec) -> Result<DnsService> {
    let zone = spec.zone.as_deref().map(|z| check_dns_name(&format!("{at}.zone"), z)).transpose()?;
    if zone.is_none() && !spec.records.is_empty() {
        return err(ErrorKind::Other, format!("{at}.zone"), msg!("invalid-records-need-zone"));
    }
    let mut records = Vec::new();
    for (r, rec) in spec.records.iter().enumerate() {
        let at = format!("{at}.records[{r}]");
        let name = check_dns_name(&format!("{at}.name"), &rec.name)?;
        let origin = zone.as_deref().unwrap_or_default();
        if name != origin && !name.ends_with(&format!(".{origin}")) {
            return err(
                ErrorKind::Other,
                format!("{at}.name"),
                msg!("invalid-outside-zone", name = &name, zone = origin),
            );
        }
        let data = match rec.rtype.trim().to_ascii_uppercase().as_str() {
            "A" => DnsRecordData::A(parse_ipv4(&rec.value).map_err(|m| {
                ScenarioError::of(ErrorKind::BadAddress, format!("{at}.value"), m)
            })?),
            "CNAME" => DnsRecordData::Cname(check_dns_name(&format!("{at}.value"), &rec.value)?),
            other => {
                return err(
                    ErrorKind::Other,
                    format!("{at}.type"),
                    msg!("invalid-record-type", value = other),
                )
            }
        };
        records.push(DnsRecord { name, data, ttl: rec.ttl.unwrap_or(3600) });
    }
    let mut forwarders = Vec::new();
    for (k, t) in spec.forwarders.iter().enumerate() {
        forwarders.push(parse_ipv4(t).map_err(|m| {
            ScenarioError::of(ErrorKind::BadAddress, format!("{at}.forwarders[{k}]"), m)
        })?);
    }
    Ok(DnsService { zone, records, forwarders, recursive: spec.recursive })
}

/// A host name as RFC 1035 §2.3.1 allows it (letters, digits, hyphens; labels
/// of 1–63, 253 in all), lower-cased, without a trailing dot.
pub(crate) fn check_dns_name(at: &str, text: &str) -> Result<String> {
    let name = text.trim().trim_end_matches('.').to_ascii_lowercase();
    let ok = !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|l| {
            (1..=63).contains(&l.len())
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
    if !ok {
        return err(
            ErrorKind::BadName,
            at,
            msg!("invalid-dns-name", value = text),
        );
    }
    Ok(name)
}


/// A web server's pages: paths as a browser sends them (starting with '/',
/// no spaces, no query), a path ending in '/' stored as its `index.html`
/// (nginx's `index` directive), bodies of printable text up to 64 KiB.
pub(super) fn validate_web_service(at: &str, spec: &WebServiceSpec) -> Result<WebService> {
    let port = spec.port.unwrap_or(80);
    if !(1..=65535).contains(&port) {
        return err(ErrorKind::OutOfRange, format!("{at}.port"), msg!("invalid-web-port", port = port.to_string()));
    }
    let mut pages = crate::vec_map::VecMap::new();
    for (path, body) in &spec.pages {
        let field = format!("{at}.pages[\"{path}\"]");
        if !path.starts_with('/') || !path.bytes().all(|b| b.is_ascii_graphic()) || path.contains(['?', '#']) {
            return err(
                ErrorKind::Other,
                field,
                msg!("invalid-page-path", path = path),
            );
        }
        if body.len() > MAX_PAGE_BYTES {
            return err(
                ErrorKind::OutOfRange,
                field,
                msg!("invalid-page-size", count = body.len(), max = MAX_PAGE_BYTES),
            );
        }
        let key = if path.ends_with('/') { format!("{path}index.html") } else { path.clone() };
        if pages.insert(key.clone(), body.clone()).is_some() {
            return err(ErrorKind::Other, field, msg!("invalid-page-twice", path = &key));
        }
    }
    Ok(WebService { port: port as u16, pages })
}

/// The largest page a lab may serve (a few dozen segments).
const MAX_PAGE_BYTES: usize = 64 * 1024;
