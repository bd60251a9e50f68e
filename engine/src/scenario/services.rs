//! Validation of a router's or server's `services` (DHCP, DNS and web): pools in
//! the served interface's subnet, lease times dnsmasq accepts, zone records
//! inside their zone, forwarders as addresses; and of NAT on a router's
//! interface. Called from `validate.rs`.

use super::address::parse_ipv4;
use super::error::{ErrorKind, ScenarioError};
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
            format!("\"{text}\" is not a NAT mode this lab knows; use \"masquerade\" (iptables -t nat -A POSTROUTING -o {name} -j MASQUERADE)"),
        );
    }
    if dev.kind != DeviceKind::Router {
        return err(
            ErrorKind::WrongForKind,
            at,
            format!("{} is a {}: NAT rewrites packets a router forwards, so put it on the outside interface of a router", dev.id, dev.kind.name()),
        );
    }
    if dhcp {
        return err(
            ErrorKind::WrongForKind,
            at,
            format!("{name} gets its address from DHCP; NAT in this lab needs a fixed address on the outside interface"),
        );
    }
    if address.is_none() {
        return err(
            ErrorKind::WrongForKind,
            at,
            format!("{name} has no address: masquerade rewrites the source to the outside interface's address, so give {name} one"),
        );
    }
    Ok(true)
}

fn err<T>(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Result<T> {
    Err(ScenarioError::of(kind, path, message))
}

/// dnsmasq refuses a `dhcp-range` outside the interface's subnet ("no address
/// range available"); the lab says so before the run.
pub(super) fn validate_dhcp_service(at: &str, spec: &DhcpServiceSpec, ifaces: &[Interface]) -> Result<DhcpService> {
    let Some(i) = ifaces.iter().position(|f| f.name == spec.interface) else {
        return err(
            ErrorKind::UnknownReference,
            format!("{at}.interface"),
            format!("no interface \"{}\" on this device", spec.interface),
        );
    };
    let Some(net) = ifaces[i].address else {
        return err(
            ErrorKind::WrongForKind,
            format!("{at}.interface"),
            format!("{} needs a fixed address to serve DHCP on it", spec.interface),
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
                format!("{a} is not a host address of {} ({})", spec.interface, net.trunc()),
            );
        }
    }
    if u32::from(pool_start) > u32::from(pool_end) {
        return err(
            ErrorKind::OutOfRange,
            format!("{at}.pool_end"),
            format!("the pool ends ({pool_end}) before it starts ({pool_start})"),
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
            format!("{lease_time} s is out of range (120–31536000)"),
        );
    }
    let domain = spec.domain.as_deref().map(|d| check_dns_name(&format!("{at}.domain"), d)).transpose()?;
    Ok(DhcpService { interface: i, pool_start, pool_end, router, dns, lease_time, domain })
}

pub(super) fn validate_dns_service(at: &str, spec: &DnsServiceSpec) -> Result<DnsService> {
    let zone = spec.zone.as_deref().map(|z| check_dns_name(&format!("{at}.zone"), z)).transpose()?;
    if zone.is_none() && !spec.records.is_empty() {
        return err(ErrorKind::Other, format!("{at}.zone"), "records need a zone (e.g. \"example.com\")");
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
                format!("{name} is outside the zone {origin}"),
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
                    format!("record type \"{other}\" is not modelled (A or CNAME)"),
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
            format!("\"{text}\" is not a DNS name like www.example.com"),
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
        return err(ErrorKind::OutOfRange, format!("{at}.port"), format!("port {port} is out of range (1–65535)"));
    }
    let mut pages = crate::vec_map::VecMap::new();
    for (path, body) in &spec.pages {
        let field = format!("{at}.pages[\"{path}\"]");
        if !path.starts_with('/') || !path.bytes().all(|b| b.is_ascii_graphic()) || path.contains(['?', '#']) {
            return err(
                ErrorKind::Other,
                field,
                format!("\"{path}\" is not a page path like / or /about.html (it starts with /, without spaces, ? or #)"),
            );
        }
        if body.len() > MAX_PAGE_BYTES {
            return err(
                ErrorKind::OutOfRange,
                field,
                format!("the page has {} bytes; at most {MAX_PAGE_BYTES}", body.len()),
            );
        }
        let key = if path.ends_with('/') { format!("{path}index.html") } else { path.clone() };
        if pages.insert(key.clone(), body.clone()).is_some() {
            return err(ErrorKind::Other, field, format!("{key} is given twice (\"/\" and \"/index.html\" are the same page)"));
        }
    }
    Ok(WebService { port: port as u16, pages })
}

/// The largest page a lab may serve (a few dozen segments).
const MAX_PAGE_BYTES: usize = 64 * 1024;
