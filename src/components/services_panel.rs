//! The services part of a router's or server's panel: the DHCP server (dnsmasq's
//! `dhcp-range` and its options) and the DNS server (a zone with its records, forwarders, the
//! recursive stand-in). A switch turns each on with settings that already work; every setting
//! is then a field of the panel, refused by the engine at the field like any other. A host
//! gets a line saying where services run (the engine refuses them on a host).

use std::rc::Rc;

use yew::prelude::*;

use packet_engine::scenario::{DeviceKind, DnsServiceSpec};
use packet_engine::Scenario;

use crate::components::device_panel::Errors;
use crate::components::fields::{Check, Choice, Entry};
use crate::editor::{join_list, DhcpKey, DnsKey, EditAction, Field, NewRecord};

/// Props of [`ServicesPanel`].
#[derive(Properties, PartialEq)]
pub struct ServicesPanelProps {
    /// The lab.
    pub scenario: Rc<Scenario>,
    /// Index of the device shown.
    pub device: usize,
    /// Refused entries.
    pub errors: Errors,
    /// Every edit.
    pub on_edit: Callback<EditAction>,
}

/// The "Services" section of the device panel.
#[function_component(ServicesPanel)]
pub fn services_panel(props: &ServicesPanelProps) -> Html {
    let Some(dev) = props.scenario.devices.get(props.device) else { return html! {} };
    let d = props.device;
    let on_edit = &props.on_edit;
    let err = |f: Field| props.errors.get(&f).cloned();
    if dev.kind == DeviceKind::Host {
        return html! {
            <>
                <h3 class="panel-heading">{ "Services" }</h3>
                <p class="muted" data-testid="services-host">{ "DHCP and DNS servers run on a server or a router." }</p>
            </>
        };
    }
    let services = dev.services.clone().unwrap_or_default();
    let dhcp_field = |key| Field::DhcpServer(d, key);
    let dhcp = services.dhcp.as_ref().map(|spec| {
        let interfaces: Vec<AttrValue> = dev.interfaces.iter().map(|i| AttrValue::from(i.name.clone())).collect();
        let text = |key: DhcpKey, label: &'static str, testid: &'static str, value: String, placeholder: &'static str| {
            html! {
                <Entry field={dhcp_field(key)} {label} {testid} {value} {placeholder}
                    error={err(dhcp_field(key))} on_edit={on_edit.clone()} />
            }
        };
        html! {
            <div class="service" data-testid="dhcp-server">
                <Choice field={dhcp_field(DhcpKey::Interface)} label="Interface" testid="dhcp-interface"
                    value={spec.interface.clone()} options={interfaces}
                    error={err(dhcp_field(DhcpKey::Interface))} on_edit={on_edit.clone()} />
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
    let dns = services.dns.as_ref().map(|spec| dns_server(props, spec));
    html! {
        <>
            <h3 class="panel-heading">{ "Services" }</h3>
            <Check field={dhcp_field(DhcpKey::Enabled)} label="DHCP server (dnsmasq)" testid="dhcp-server-on"
                checked={services.dhcp.is_some()} error={err(dhcp_field(DhcpKey::Enabled))} on_edit={on_edit.clone()} />
            { for dhcp }
            <Check field={Field::DnsServer(d, DnsKey::Enabled)} label="DNS server (port 53)" testid="dns-server-on"
                checked={services.dns.is_some()} error={err(Field::DnsServer(d, DnsKey::Enabled))} on_edit={on_edit.clone()} />
            { for dns }
        </>
    }
}

/// The DNS server's settings: zone, records (edit, remove, add), forwarders, recursive.
fn dns_server(props: &ServicesPanelProps, spec: &DnsServiceSpec) -> Html {
    let d = props.device;
    let on_edit = &props.on_edit;
    let err = |f: Field| props.errors.get(&f).cloned();
    let field = |key| Field::DnsServer(d, key);
    let types: Vec<AttrValue> = vec!["A".into(), "CNAME".into()];
    let records = spec.records.iter().enumerate().map(|(r, rec)| {
        html! {
            <div class="record" key={format!("record-{r}")} data-testid={format!("record-{r}")}>
                <Entry field={field(DnsKey::RecordName(r))} label="Name" testid={format!("record-name-{r}")}
                    value={rec.name.clone()} error={err(field(DnsKey::RecordName(r)))} on_edit={on_edit.clone()} />
                <Choice field={field(DnsKey::RecordType(r))} label="Type" testid={format!("record-type-{r}")}
                    value={rec.rtype.clone()} options={types.clone()}
                    error={err(field(DnsKey::RecordType(r)))} on_edit={on_edit.clone()} />
                <Entry field={field(DnsKey::RecordValue(r))} label="Value" testid={format!("record-value-{r}")}
                    value={rec.value.clone()} error={err(field(DnsKey::RecordValue(r)))} on_edit={on_edit.clone()} />
                <Entry field={field(DnsKey::RecordTtl(r))} label="TTL" testid={format!("record-ttl-{r}")}
                    value={rec.ttl.map(|t| t.to_string()).unwrap_or_default()} placeholder="3600"
                    error={err(field(DnsKey::RecordTtl(r)))} on_edit={on_edit.clone()} />
                <button type="button" class="link-button" data-testid={format!("remove-record-{r}")}
                    title={format!("Remove {}", rec.name)}
                    onclick={on_edit.reform(move |_: MouseEvent| EditAction::RemoveRecord(d, r))}>{ "Remove" }</button>
            </div>
        }
    });
    html! {
        <div class="service" data-testid="dns-server">
            <Entry field={field(DnsKey::Zone)} label="Zone" testid="dns-zone" value={spec.zone.clone().unwrap_or_default()}
                placeholder="example.com" hint="The domain this server answers for with authority"
                error={err(field(DnsKey::Zone))} on_edit={on_edit.clone()} />
            <p class="field-label">{ "Records" }</p>
            if spec.records.is_empty() {
                <p class="muted">{ "None yet." }</p>
            }
            { for records }
            <RecordForm device={d} error={err(Field::NewRecord(d))} on_edit={on_edit.clone()} />
            <Entry field={field(DnsKey::Forwarders)} label="Forwarders" testid="dns-forwarders"
                value={join_list(&spec.forwarders)} placeholder="none (8.8.8.8)"
                hint="Names outside the zone are asked of these, as dnsmasq's server= does"
                error={err(field(DnsKey::Forwarders))} on_edit={on_edit.clone()} />
            <Check field={field(DnsKey::Recursive)} label="Recursive (a public resolver like 8.8.8.8)" testid="dns-recursive"
                checked={spec.recursive} error={err(field(DnsKey::Recursive))} on_edit={on_edit.clone()} />
        </div>
    }
}

/// Props of [`RecordForm`].
#[derive(Properties, PartialEq)]
struct RecordFormProps {
    device: usize,
    error: Option<crate::editor::FieldError>,
    on_edit: Callback<EditAction>,
}

/// The form adding a record: name, type, value, TTL.
#[function_component(RecordForm)]
fn record_form(props: &RecordFormProps) -> Html {
    let (name, rtype, value, ttl) = (use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref());
    let d = props.device;
    let locked = use_context::<crate::exercises::LockContext>().is_some_and(|l| l.locked(Field::NewRecord(d)));
    let onsubmit = {
        let (name, rtype, value, ttl, on_edit) = (name.clone(), rtype.clone(), value.clone(), ttl.clone(), props.on_edit.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            let text = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let kind = rtype.cast::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            on_edit.emit(EditAction::AddRecord(d, NewRecord { name: text(&name), rtype: kind, value: text(&value), ttl: text(&ttl) }));
        }
    };
    let invalid = props.error.is_some().to_string();
    html! {
        <>
            <form class={classes!("route-add", "record-add", props.error.is_some().then_some("invalid"))} {onsubmit}>
                <input ref={name} type="text" placeholder="www.example.com" aria-label="New record name"
                    data-testid="new-record-name" aria-invalid={invalid.clone()} readonly={locked} />
                <select ref={rtype} aria-label="New record type" data-testid="new-record-type" disabled={locked}>
                    <option value="A" selected=true>{ "A" }</option>
                    <option value="CNAME">{ "CNAME" }</option>
                </select>
                <input ref={value} type="text" placeholder="93.184.216.34" aria-label="New record value"
                    data-testid="new-record-value" aria-invalid={invalid.clone()} readonly={locked} />
                <input ref={ttl} type="text" placeholder="TTL 3600" aria-label="New record TTL"
                    data-testid="new-record-ttl" aria-invalid={invalid} readonly={locked} />
                <button type="submit" class="tool tool-small" data-testid="add-record" disabled={locked}>{ "Add record" }</button>
            </form>
            if let Some(e) = &props.error {
                <p class="field-error" role="alert" data-testid="new-record-error">{ e.message.clone() }</p>
            }
        </>
    }
}
