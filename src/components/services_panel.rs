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
use crate::i18n::Tr;
use crate::tr;

/// The inputs of the add-record form (name, type, value, TTL).
#[derive(Clone, Default, PartialEq)]
pub(crate) struct RecordRefs(pub NodeRef, pub NodeRef, pub NodeRef, pub NodeRef);

/// What the services section is drawn from.
pub(crate) struct Services<'a> {
    /// The interface language.
    pub tr: &'a Tr,
    pub dev: &'a DeviceSpec,
    pub device: usize,
    pub errors: &'a Errors,
    pub locks: &'a LockContext,
    pub refs: &'a RecordRefs,
    pub on_edit: &'a Callback<EditAction>,
}

impl Services<'_> {
    fn control<'b>(&'b self, field: Field, label: String, testid: &'b str) -> Control<'b> {
        Control { field, label, testid, error: self.errors.get(&field), locked: self.locks.locked(field), on_edit: self.on_edit, tr: self.tr }
    }

    fn entry(&self, field: Field, label: String, testid: String, value: String, placeholder: String) -> Html {
        html! {
            <Entry {field} {label} {testid} {value} {placeholder}
                error={self.errors.get(&field).cloned()} on_edit={self.on_edit.clone()} />
        }
    }
}

/// The "Services" section of the device panel.
pub(crate) fn services_panel(s: &Services) -> Html {
    let (dev, d, tr) = (s.dev, s.device, s.tr);
    if dev.kind == DeviceKind::Host {
        return html! {
            <>
                <h3 class="panel-heading">{ tr!(tr, "services-heading") }</h3>
                <p class="muted" data-testid="services-host">{ tr!(tr, "services-host") }</p>
            </>
        };
    }
    let services = dev.services.clone().unwrap_or_default();
    let dhcp = |key| Field::DhcpServer(d, key);
    let dhcp_server = services.dhcp.as_ref().map(|spec| {
        let interfaces: Vec<String> = dev.interfaces.iter().map(|i| i.name.clone()).collect();
        let text = |key: DhcpKey, label: String, testid: &str, value: String, placeholder: String| {
            s.entry(dhcp(key), label, testid.to_string(), value, placeholder)
        };
        html! {
            <div class="service" data-testid="dhcp-server">
                { choice(s.control(dhcp(DhcpKey::Interface), tr!(tr, "services-interface"), "dhcp-interface"), &spec.interface, &interfaces) }
                <div class="route">
                    { text(DhcpKey::PoolStart, tr!(tr, "services-pool-start"), "dhcp-pool-start", spec.pool_start.clone(), "192.168.1.100".into()) }
                    { text(DhcpKey::PoolEnd, tr!(tr, "services-pool-end"), "dhcp-pool-end", spec.pool_end.clone(), "192.168.1.200".into()) }
                </div>
                { text(DhcpKey::Router, tr!(tr, "services-router"), "dhcp-router", spec.router.clone().unwrap_or_default(), tr!(tr, "services-router-none")) }
                { text(DhcpKey::Dns, tr!(tr, "services-dns"), "dhcp-dns", join_list(&spec.dns), tr!(tr, "services-dns-none")) }
                { text(DhcpKey::LeaseTime, tr!(tr, "services-lease-time"), "dhcp-lease-time",
                    spec.lease_time_s.map(|t| t.to_string()).unwrap_or_default(), "3600".into()) }
                { text(DhcpKey::Domain, tr!(tr, "services-domain"), "dhcp-domain", spec.domain.clone().unwrap_or_default(), tr!(tr, "services-domain-none")) }
            </div>
        }
    });
    let dns_server = services.dns.as_ref().map(|spec| dns(s, spec));
    html! {
        <>
            <h3 class="panel-heading">{ tr!(tr, "services-heading") }</h3>
            { check(s.control(dhcp(DhcpKey::Enabled), tr!(tr, "services-dhcp-server"), "dhcp-server-on"), services.dhcp.is_some()) }
            { for dhcp_server }
            { check(s.control(Field::DnsServer(d, DnsKey::Enabled), tr!(tr, "services-dns-server"), "dns-server-on"), services.dns.is_some()) }
            { for dns_server }
        </>
    }
}

/// The DNS server's settings: zone, records (edit, remove, add), forwarders, recursive.
fn dns(s: &Services, spec: &DnsServiceSpec) -> Html {
    let (d, tr) = (s.device, s.tr);
    let field = |key| Field::DnsServer(d, key);
    let types = ["A".to_string(), "CNAME".to_string()];
    let records = spec.records.iter().enumerate().map(|(r, rec)| {
        let type_id = format!("record-type-{r}");
        html! {
            <div class="record" key={format!("record-{r}")} data-testid={format!("record-{r}")}>
                { s.entry(field(DnsKey::RecordName(r)), tr!(tr, "services-record-name"), format!("record-name-{r}"), rec.name.clone(), String::new()) }
                { choice(s.control(field(DnsKey::RecordType(r)), tr!(tr, "services-record-type"), &type_id), &rec.rtype, &types) }
                { s.entry(field(DnsKey::RecordValue(r)), tr!(tr, "services-record-value"), format!("record-value-{r}"), rec.value.clone(), String::new()) }
                { s.entry(field(DnsKey::RecordTtl(r)), "TTL".into(), format!("record-ttl-{r}"),
                    rec.ttl.map(|t| t.to_string()).unwrap_or_default(), "3600".into()) }
                <button type="button" class="link-button" data-testid={format!("remove-record-{r}")}
                    title={tr!(tr, "services-remove-record", name = rec.name.clone())}
                    onclick={s.on_edit.reform(move |_: MouseEvent| EditAction::RemoveRecord(d, r))}>{ tr!(tr, "services-remove") }</button>
            </div>
        }
    });
    html! {
        <div class="service" data-testid="dns-server">
            { s.entry(field(DnsKey::Zone), tr!(tr, "services-zone"), "dns-zone".into(), spec.zone.clone().unwrap_or_default(), "example.com".into()) }
            <p class="field-label">{ tr!(tr, "services-records") }</p>
            if spec.records.is_empty() {
                <p class="muted">{ tr!(tr, "services-no-records") }</p>
            }
            { for records }
            { record_form(s) }
            { s.entry(field(DnsKey::Forwarders), tr!(tr, "services-forwarders"), "dns-forwarders".into(), join_list(&spec.forwarders), tr!(tr, "services-forwarders-placeholder")) }
            { check(s.control(field(DnsKey::Recursive), tr!(tr, "services-recursive"), "dns-recursive"), spec.recursive) }
        </div>
    }
}

/// The form adding a record: name, type, value, TTL.
fn record_form(s: &Services) -> Html {
    let (d, tr) = (s.device, s.tr);
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
                <input ref={s.refs.0.clone()} type="text" placeholder="www.example.com" aria-label={tr!(tr, "services-new-record-name")}
                    data-testid="new-record-name" aria-invalid={invalid.clone()} readonly={locked} />
                <select ref={s.refs.1.clone()} aria-label={tr!(tr, "services-new-record-type")} data-testid="new-record-type" disabled={locked}>
                    <option value="A" selected=true>{ "A" }</option>
                    <option value="CNAME">{ "CNAME" }</option>
                </select>
                <input ref={s.refs.2.clone()} type="text" placeholder="93.184.216.34" aria-label={tr!(tr, "services-new-record-value")}
                    data-testid="new-record-value" aria-invalid={invalid.clone()} readonly={locked} />
                <input ref={s.refs.3.clone()} type="text" placeholder={tr!(tr, "services-new-record-ttl-placeholder")} aria-label={tr!(tr, "services-new-record-ttl")}
                    data-testid="new-record-ttl" aria-invalid={invalid} readonly={locked} />
                <button type="submit" class="tool tool-small" data-testid="add-record" disabled={locked}>{ tr!(tr, "services-add-record") }</button>
            </form>
            if let Some(e) = error {
                <p class="field-error" role="alert" data-testid="new-record-error">{ tr.msg(&e.message) }</p>
            }
        </>
    }
}
