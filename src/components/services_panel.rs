//! The services part of a router's or server's panel: the DHCP server (dnsmasq's
//! `dhcp-range` and its options) and the DNS server (a zone with its records, forwarders, the
//! recursive stand-in). A switch turns each on with settings that already work; every setting
//! is then a field of the panel, refused by the engine at the field like any other. A host
//! gets a line saying where services run (the engine refuses them on a host).
//!
//! Plain functions called by the device panel (which owns the hooks: the lock context and the
//! add-record form's inputs), so they add no components of their own.

use yew::prelude::*;

use packet_engine::scenario::{DeviceKind, DeviceSpec, DnsServiceSpec};

use crate::components::device_panel::Errors;
use crate::components::fields::{check, choice, Control, Entry};
use crate::editor::{join_list, DhcpKey, DnsKey, EditAction, Field, NewRecord};
use crate::exercises::LockContext;

/// The inputs of the add-record form (name, type, value, TTL).
#[derive(Clone, Default, PartialEq)]
pub(crate) struct RecordRefs(pub NodeRef, pub NodeRef, pub NodeRef, pub NodeRef);

/// What the services section is drawn from.
pub(crate) struct Services<'a> {
    pub dev: &'a DeviceSpec,
    pub device: usize,
    pub errors: &'a Errors,
    pub locks: &'a LockContext,
    pub refs: &'a RecordRefs,
    pub on_edit: &'a Callback<EditAction>,
}

impl Services<'_> {
    fn control<'b>(&'b self, field: Field, label: &'static str, testid: &'b str) -> Control<'b> {
        Control { field, label, testid, error: self.errors.get(&field), locked: self.locks.locked(field), on_edit: self.on_edit }
    }

    fn entry(&self, field: Field, label: &'static str, testid: String, value: String, placeholder: &'static str) -> Html {
        html! {
            <Entry {field} {label} {testid} {value} {placeholder}
                error={self.errors.get(&field).cloned()} on_edit={self.on_edit.clone()} />
        }
    }
}

/// The "Services" section of the device panel.
pub(crate) fn services_panel(s: &Services) -> Html {
    let (dev, d) = (s.dev, s.device);
    if dev.kind == DeviceKind::Host {
        return html! {
            <>
                <h3 class="panel-heading">{ "Services" }</h3>
                <p class="muted" data-testid="services-host">{ "DHCP and DNS servers run on a server or a router." }</p>
            </>
        };
    }
    let services = dev.services.clone().unwrap_or_default();
    let dhcp = |key| Field::DhcpServer(d, key);
    let dhcp_server = services.dhcp.as_ref().map(|spec| {
        let interfaces: Vec<String> = dev.interfaces.iter().map(|i| i.name.clone()).collect();
        let text = |key: DhcpKey, label: &'static str, testid: &str, value: String, placeholder: &'static str| {
            s.entry(dhcp(key), label, testid.to_string(), value, placeholder)
        };
        html! {
            <div class="service" data-testid="dhcp-server">
                { choice(s.control(dhcp(DhcpKey::Interface), "Interface", "dhcp-interface"), &spec.interface, &interfaces) }
                <div class="route">
                    { text(DhcpKey::PoolStart, "Pool start", "dhcp-pool-start", spec.pool_start.clone(), "192.168.1.100") }
                    { text(DhcpKey::PoolEnd, "Pool end", "dhcp-pool-end", spec.pool_end.clone(), "192.168.1.200") }
                </div>
                { text(DhcpKey::Router, "Router (option 3)", "dhcp-router", spec.router.clone().unwrap_or_default(), "none") }
                { text(DhcpKey::Dns, "DNS servers (option 6)", "dhcp-dns", join_list(&spec.dns), "none") }
                { text(DhcpKey::LeaseTime, "Lease time, s (option 51)", "dhcp-lease-time",
                    spec.lease_time_s.map(|t| t.to_string()).unwrap_or_default(), "3600") }
                { text(DhcpKey::Domain, "Domain (option 15)", "dhcp-domain", spec.domain.clone().unwrap_or_default(), "none") }
            </div>
        }
    });
    let dns_server = services.dns.as_ref().map(|spec| dns(s, spec));
    html! {
        <>
            <h3 class="panel-heading">{ "Services" }</h3>
            { check(s.control(dhcp(DhcpKey::Enabled), "DHCP server (dnsmasq)", "dhcp-server-on"), services.dhcp.is_some()) }
            { for dhcp_server }
            { check(s.control(Field::DnsServer(d, DnsKey::Enabled), "DNS server (port 53)", "dns-server-on"), services.dns.is_some()) }
            { for dns_server }
        </>
    }
}

/// The DNS server's settings: zone, records (edit, remove, add), forwarders, recursive.
fn dns(s: &Services, spec: &DnsServiceSpec) -> Html {
    let d = s.device;
    let field = |key| Field::DnsServer(d, key);
    let types = ["A".to_string(), "CNAME".to_string()];
    let records = spec.records.iter().enumerate().map(|(r, rec)| {
        let type_id = format!("record-type-{r}");
        html! {
            <div class="record" key={format!("record-{r}")} data-testid={format!("record-{r}")}>
                { s.entry(field(DnsKey::RecordName(r)), "Name", format!("record-name-{r}"), rec.name.clone(), "") }
                { choice(s.control(field(DnsKey::RecordType(r)), "Type", &type_id), &rec.rtype, &types) }
                { s.entry(field(DnsKey::RecordValue(r)), "Value", format!("record-value-{r}"), rec.value.clone(), "") }
                { s.entry(field(DnsKey::RecordTtl(r)), "TTL", format!("record-ttl-{r}"),
                    rec.ttl.map(|t| t.to_string()).unwrap_or_default(), "3600") }
                <button type="button" class="link-button" data-testid={format!("remove-record-{r}")}
                    title={format!("Remove {}", rec.name)}
                    onclick={s.on_edit.reform(move |_: MouseEvent| EditAction::RemoveRecord(d, r))}>{ "Remove" }</button>
            </div>
        }
    });
    html! {
        <div class="service" data-testid="dns-server">
            { s.entry(field(DnsKey::Zone), "Zone", "dns-zone".into(), spec.zone.clone().unwrap_or_default(), "example.com") }
            <p class="field-label">{ "Records" }</p>
            if spec.records.is_empty() {
                <p class="muted">{ "None yet." }</p>
            }
            { for records }
            { record_form(s) }
            { s.entry(field(DnsKey::Forwarders), "Forwarders", "dns-forwarders".into(), join_list(&spec.forwarders), "none (8.8.8.8)") }
            { check(s.control(field(DnsKey::Recursive), "Recursive (a public resolver like 8.8.8.8)", "dns-recursive"), spec.recursive) }
        </div>
    }
}

/// The form adding a record: name, type, value, TTL.
fn record_form(s: &Services) -> Html {
    let d = s.device;
    let locked = s.locks.locked(Field::NewRecord(d));
    let error = s.errors.get(&Field::NewRecord(d));
    let onsubmit = {
        let (refs, on_edit) = (s.refs.clone(), s.on_edit.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            let text = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let rtype = refs.1.cast::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            on_edit.emit(EditAction::AddRecord(d, NewRecord { name: text(&refs.0), rtype, value: text(&refs.2), ttl: text(&refs.3) }));
        }
    };
    let invalid = error.is_some().to_string();
    html! {
        <>
            <form class={classes!("route-add", "record-add", error.map(|_| "invalid"))} {onsubmit}>
                <input ref={s.refs.0.clone()} type="text" placeholder="www.example.com" aria-label="New record name"
                    data-testid="new-record-name" aria-invalid={invalid.clone()} readonly={locked} />
                <select ref={s.refs.1.clone()} aria-label="New record type" data-testid="new-record-type" disabled={locked}>
                    <option value="A" selected=true>{ "A" }</option>
                    <option value="CNAME">{ "CNAME" }</option>
                </select>
                <input ref={s.refs.2.clone()} type="text" placeholder="93.184.216.34" aria-label="New record value"
                    data-testid="new-record-value" aria-invalid={invalid.clone()} readonly={locked} />
                <input ref={s.refs.3.clone()} type="text" placeholder="TTL 3600" aria-label="New record TTL"
                    data-testid="new-record-ttl" aria-invalid={invalid} readonly={locked} />
                <button type="submit" class="tool tool-small" data-testid="add-record" disabled={locked}>{ "Add record" }</button>
            </form>
            if let Some(e) = error {
                <p class="field-error" role="alert" data-testid="new-record-error">{ e.message.clone() }</p>
            }
        </>
    }
}
