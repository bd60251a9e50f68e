//! The panel of the selected device (name, interfaces with address or DHCP and MAC — and NAT
//! on a router's interface —, gateway, DNS servers, static routes, services, ports) or link (its ports). Each field shows the lab's value; an entry the engine
//! refused stays in its field, marked `aria-invalid`, with the engine's reason below it, while
//! the lab keeps its last valid value.

use packet_engine::VecMap;
use std::rc::Rc;

use yew::prelude::*;

use packet_engine::scenario::DeviceKind;
use packet_engine::trace::LeaseInfo;
use packet_engine::Scenario;

use crate::components::canvas::derived_mac;
use crate::components::fields::{check, Control, Entry};
use crate::components::services_panel::{services_panel, RecordRefs, Services};
use crate::exercises::LockContext;
use crate::editor::{free_ports, join_list, subnet_colours, subnet_of, EditAction, End, Field, FieldError, SUBNET_PALETTE};

/// The refused entries, by field.
pub type Errors = Rc<VecMap<Field, FieldError>>;

/// Props of [`DevicePanel`].
#[derive(Properties, PartialEq)]
pub struct DevicePanelProps {
    /// The lab.
    pub scenario: Rc<Scenario>,
    /// Index of the device shown.
    pub device: usize,
    /// Refused entries.
    pub errors: Errors,
    /// Every edit.
    pub on_edit: Callback<EditAction>,
    /// The device's DHCP leases at the playhead, by interface (what the run's dhclient holds).
    #[prop_or_default]
    pub leases: Option<Rc<VecMap<String, LeaseInfo>>>,
}

/// The selected device's panel.
#[function_component(DevicePanel)]
pub fn device_panel(props: &DevicePanelProps) -> Html {
    let prefix_ref = use_node_ref();
    let via_ref = use_node_ref();
    let cable_ref = use_node_ref();
    let refs = RecordRefs(use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref());
    let locks = use_context::<LockContext>().unwrap_or_default();
    let Some(dev) = props.scenario.devices.get(props.device) else { return html! {} };
    let d = props.device;
    let on_edit = &props.on_edit;
    let err = |f: Field| props.errors.get(&f).cloned();
    let colours = subnet_colours(&props.scenario);
    let link_of = |port: &str| {
        props.scenario.links.iter().find_map(|l| {
            if l.a.device == dev.id && l.a.port == port {
                Some(format!("{} {}", l.b.device, l.b.port))
            } else if l.b.device == dev.id && l.b.port == port {
                Some(format!("{} {}", l.a.device, l.a.port))
            } else {
                None
            }
        })
    };
    let interfaces = dev.interfaces.iter().enumerate().map(|(i, iface)| {
        let swatch = iface
            .address
            .as_deref()
            .and_then(subnet_of)
            .and_then(|n| colours.get(&n).map(|&c| (n, SUBNET_PALETTE[c])));
        let cable = link_of(&iface.name).map_or("not cabled".to_owned(), |to| format!("to {to}"));
        let dhcp = iface.address.as_deref().is_some_and(packet_engine::scenario::is_dhcp);
        let dhcp_id = format!("dhcp-{i}");
        let nat_id = format!("nat-{i}");
        // The address the run's dhclient holds at the playhead, as the tables show it.
        let lease_now = match props.leases.as_ref().and_then(|l| l.get(&iface.name)) {
            Some(l) => format!("Now: {} from {}{}", l.address, l.server, l.router.map(|r| format!(", gateway {r}")).unwrap_or_default()),
            None => "No lease at this point of the run: dhclient asks for one when the lab starts.".to_string(),
        };
        html! {
            <fieldset class="iface" key={format!("{}-{}", dev.id, iface.name)} data-testid={format!("iface-{i}")}>
                <legend>
                    <span class="iface-name">{ iface.name.clone() }</span>
                    if let Some((net, colour)) = &swatch {
                        <span class="swatch" style={format!("background: {colour}")} title={format!("subnet {net}")}></span>
                    }
                    <span class="muted iface-cable">{ cable }</span>
                    <button type="button" class="link-button" data-testid={format!("remove-iface-{i}")}
                        title={format!("Remove {} (and its cable)", iface.name)}
                        onclick={on_edit.reform(move |_: MouseEvent| EditAction::RemoveInterface(d, i))}>{ "Remove" }</button>
                </legend>
                { check(Control { field: Field::Dhcp(d, i), label: "Address from DHCP (dhclient)", testid: &dhcp_id,
                    error: props.errors.get(&Field::Dhcp(d, i)), locked: locks.locked(Field::Dhcp(d, i)), on_edit }, dhcp) }
                if dhcp {
                    <p class="field-hint" data-testid={format!("address-dhcp-{i}")}>{ lease_now }</p>
                } else {
                    <Entry field={Field::Address(d, i)} label="IPv4 address" testid={format!("address-{i}")}
                        value={iface.address.clone().unwrap_or_default()} placeholder="10.0.0.1/24"
                        hint="CIDR (10.0.0.1/24) or with a mask (10.0.0.1 255.255.255.0)"
                        error={err(Field::Address(d, i))} on_edit={on_edit.clone()} />
                }
                <Entry field={Field::Mac(d, i)} label="MAC address" testid={format!("mac-{i}")}
                    value={iface.mac.clone().unwrap_or_default()}
                    placeholder={format!("{} (automatic)", derived_mac(&dev.id, &iface.name))}
                    error={err(Field::Mac(d, i))} on_edit={on_edit.clone()} />
                // IPv6 beside IPv4 (issue 16): off unless asked for; "auto" is SLAAC.
                <Entry field={Field::Ipv6(d, i)} label="IPv6 address" testid={format!("ipv6-{i}")}
                    value={iface.ipv6.clone().unwrap_or_default()} placeholder="off (auto, or 2001:db8:1::1/64)"
                    hint="auto: link-local + SLAAC from router advertisements; an address: /64 unless given"
                    error={err(Field::Ipv6(d, i))} on_edit={on_edit.clone()} />
                if dev.kind == DeviceKind::Router && iface.ipv6.is_some() {
                    <Entry field={Field::RaPrefix(d, i)} label="Router advertisements (radvd prefix)" testid={format!("ra-{i}")}
                        value={iface.ra.as_ref().map(|r| r.prefix.clone().unwrap_or_else(|| "on".into())).unwrap_or_default()}
                        placeholder="off (on, or 2001:db8:1::/64)"
                        hint="the prefix hosts on this link build their addresses from; on: this interface's /64"
                        error={err(Field::RaPrefix(d, i))} on_edit={on_edit.clone()} />
                }
                // iptables -t nat -A POSTROUTING -o IFACE -j MASQUERADE: the router's outside interface.
                if dev.kind == DeviceKind::Router {
                    { check(Control { field: Field::Nat(d, i), label: "NAT (masquerade) on this interface", testid: &nat_id,
                        error: props.errors.get(&Field::Nat(d, i)), locked: locks.locked(Field::Nat(d, i)), on_edit }, iface.nat.is_some()) }
                }
            </fieldset>
        }
    });
    let routes = dev.routes.iter().enumerate().map(|(r, route)| {
        html! {
            <div class="route" key={format!("route-{r}")}>
                <Entry field={Field::RoutePrefix(d, r)} label="Destination" testid={format!("route-prefix-{r}")}
                    value={route.prefix.clone()} error={err(Field::RoutePrefix(d, r))} on_edit={on_edit.clone()} />
                <Entry field={Field::RouteVia(d, r)} label="via" testid={format!("route-via-{r}")}
                    value={route.via.clone()} error={err(Field::RouteVia(d, r))} on_edit={on_edit.clone()} />
                <button type="button" class="link-button" data-testid={format!("remove-route-{r}")}
                    onclick={on_edit.reform(move |_: MouseEvent| EditAction::RemoveRoute(d, r))}>{ "Remove" }</button>
            </div>
        }
    });
    let on_add_route = {
        let (prefix_ref, via_ref, on_edit) = (prefix_ref.clone(), via_ref.clone(), on_edit.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            on_edit.emit(EditAction::AddRoute { device: d, prefix: value(&prefix_ref), via: value(&via_ref) });
        }
    };
    let route_error = err(Field::NewRoute(d));
    // Cabling without a pointer: pick the other device, Connect (keyboard and touch).
    let others: Vec<(usize, String)> =
        props.scenario.devices.iter().enumerate().filter(|&(i, _)| i != d).map(|(i, o)| (i, o.id.clone())).collect();
    let on_cable = {
        let (cable_ref, on_edit) = (cable_ref.clone(), on_edit.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            let other = cable_ref.cast::<web_sys::HtmlSelectElement>().and_then(|s| s.value().parse::<usize>().ok());
            if let Some(other) = other {
                on_edit.emit(EditAction::Connect(d, other));
            }
        }
    };
    html! {
        <div class="device-panel" data-testid="device-panel">
            <div class="panel-title">
                <h2 class="panel-lead">{ dev.id.clone() }<span class="badge">{ dev.kind.name() }</span></h2>
                <button type="button" class="link-button danger" data-testid="delete-device"
                    onclick={on_edit.reform(move |_: MouseEvent| EditAction::DeleteSelection)}>{ "Delete" }</button>
                <button type="button" class="btn sheet-done" data-testid="sheet-done"
                    onclick={on_edit.reform(|_: MouseEvent| EditAction::ClearSelection)}>{ "Done" }</button>
            </div>
            <Entry field={Field::Name(d)} label="Name" testid="name" value={dev.id.clone()}
                error={err(Field::Name(d))} on_edit={on_edit.clone()} />
            if !others.is_empty() {
                <form class="cable-add" onsubmit={on_cable} data-testid="cable-form">
                    <label for="cable-to">{ "Cable to" }</label>
                    <select id="cable-to" ref={cable_ref} data-testid="cable-to">
                        { for others.iter().map(|(i, name)| html! { <option value={i.to_string()}>{ name.clone() }</option> }) }
                    </select>
                    <button type="submit" class="tool tool-small" data-testid="add-cable">{ "Connect" }</button>
                </form>
            }
            if dev.kind.has_ip() {
                <h3 class="panel-heading">{ "Interfaces" }</h3>
                { for interfaces }
                <button type="button" class="tool tool-small" data-testid="add-interface"
                    onclick={on_edit.reform(move |_: MouseEvent| EditAction::AddInterface(d))}>{ "Add interface" }</button>
                <h3 class="panel-heading">{ "Routing" }</h3>
                <Entry field={Field::Gateway(d)} label="Default gateway" testid="gateway"
                    value={dev.gateway.clone().unwrap_or_default()} placeholder="none"
                    error={err(Field::Gateway(d))} on_edit={on_edit.clone()} />
                <Entry field={Field::Dns(d)} label="DNS servers (resolv.conf)" testid="dns"
                    value={join_list(&dev.dns)} placeholder="none"
                    hint="In order, comma-separated; a DHCP lease replaces them"
                    error={err(Field::Dns(d))} on_edit={on_edit.clone()} />
                if dev.kind == DeviceKind::Router || !dev.routes.is_empty() {
                    <p class="field-label">{ "Static routes" }</p>
                    if dev.routes.is_empty() {
                        <p class="muted">{ "None: only connected networks and the default gateway." }</p>
                    }
                    { for routes }
                    <form class={classes!("route-add", route_error.is_some().then_some("invalid"))} onsubmit={on_add_route}>
                        <input ref={prefix_ref} type="text" placeholder="8.8.8.0/24" aria-label="New route destination"
                            data-testid="new-route-prefix" aria-invalid={route_error.is_some().to_string()} />
                        <input ref={via_ref} type="text" placeholder="via 10.0.0.2" aria-label="New route next hop"
                            data-testid="new-route-via" aria-invalid={route_error.is_some().to_string()} />
                        <button type="submit" class="tool tool-small" data-testid="add-route">{ "Add route" }</button>
                    </form>
                    if let Some(e) = &route_error {
                        <p class="field-error" role="alert" data-testid="new-route-error">{ e.message.clone() }</p>
                    }
                }
                { services_panel(&Services { dev, device: d, errors: &props.errors, locks: &locks, refs: &refs, on_edit }) }
            } else {
                <Entry field={Field::Ports(d)} label="Ports" testid="ports"
                    value={dev.ports.unwrap_or(0).to_string()}
                    hint="Named p1 … pN; links take the first free one"
                    error={err(Field::Ports(d))} on_edit={on_edit.clone()} />
            }
        </div>
    }
}

/// Props of [`LinkPanel`].
#[derive(Properties, PartialEq)]
pub struct LinkPanelProps {
    /// The lab.
    pub scenario: Rc<Scenario>,
    /// Index of the link shown.
    pub link: usize,
    /// Refused entries.
    pub errors: Errors,
    /// Every edit.
    pub on_edit: Callback<EditAction>,
}

/// The selected link's panel: which port each end uses.
#[function_component(LinkPanel)]
pub fn link_panel(props: &LinkPanelProps) -> Html {
    let Some(link) = props.scenario.links.get(props.link) else { return html! {} };
    let l = props.link;
    let end = |end: End, ep: &packet_engine::scenario::Endpoint| {
        let options = free_ports(&props.scenario, &ep.device, &ep.port);
        let onchange = props.on_edit.reform(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            EditAction::SetField(Field::LinkPort(l, end), select.value())
        });
        let error = props.errors.get(&Field::LinkPort(l, end));
        let key = if end == End::A { "a" } else { "b" };
        html! {
            <div class="form-field">
                <label for={format!("link-port-{key}")}>{ format!("{} port", ep.device) }</label>
                <select id={format!("link-port-{key}")} data-testid={format!("link-port-{key}")} {onchange}
                    aria-invalid={error.is_some().to_string()}>
                    { for options.iter().map(|p| html! { <option value={p.clone()} selected={*p == ep.port}>{ p.clone() }</option> }) }
                </select>
                if let Some(e) = error {
                    <p class="field-error" role="alert">{ e.message.clone() }</p>
                }
            </div>
        }
    };
    html! {
        <div class="device-panel" data-testid="link-panel">
            <div class="panel-title">
                <h2 class="panel-lead">{ link.id.clone() }<span class="badge">{ "link" }</span></h2>
                <button type="button" class="link-button danger" data-testid="delete-link"
                    onclick={props.on_edit.reform(|_: MouseEvent| EditAction::DeleteSelection)}>{ "Delete" }</button>
                <button type="button" class="btn sheet-done" data-testid="sheet-done"
                    onclick={props.on_edit.reform(|_: MouseEvent| EditAction::ClearSelection)}>{ "Done" }</button>
            </div>
            { end(End::A, &link.a) }
            { end(End::B, &link.b) }
            <p class="muted">{ format!("{} µs one way, {} Mbit/s",
                link.delay_us.unwrap_or(packet_engine::scenario::DEFAULT_DELAY_US),
                link.bandwidth_mbps.unwrap_or(packet_engine::scenario::DEFAULT_BANDWIDTH_MBPS)) }</p>
        </div>
    }
}
