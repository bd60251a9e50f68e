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
use crate::i18n::{use_tr, Tr};
use crate::tr;
use crate::editor::{free_ports, join_list, subnet_colours, subnet_of, EditAction, End, Field, FieldError, SUBNET_PALETTE};

/// The refused entries, by field.
pub type Errors = Rc<VecMap<Field, FieldError>>;

/// Props of [`DevicePanel`].
#[derive(Properties, PartialEq, Clone)]
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
    let tr = use_tr();
    let tr = &*tr;
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
        // A VLAN subinterface (eth0.10) has no cable: its frames leave its parent, tagged.
        let sub = iface.parent.is_some() || iface.vlan.is_some();
        let cable = if sub {
            tr!(tr, "device-subinterface-of",
                vlan = iface.vlan.map_or_else(|| "?".to_string(), |v| v.to_string()),
                parent = iface.parent.clone().unwrap_or_else(|| "?".into()))
        } else {
            link_of(&iface.name).map_or_else(|| tr!(tr, "device-not-cabled"), |to| tr!(tr, "device-cabled-to", peer = to))
        };
        let dhcp = iface.address.as_deref().is_some_and(packet_engine::scenario::is_dhcp);
        let dhcp_id = format!("dhcp-{i}");
        let nat_id = format!("nat-{i}");
        // The address the run's dhclient holds at the playhead, as the tables show it.
        let lease_now = match props.leases.as_ref().and_then(|l| l.get(&iface.name)) {
            Some(l) => match l.router {
                Some(r) => tr!(tr, "device-lease-gateway", address = l.address.to_string(), server = l.server.to_string(), router = r.to_string()),
                None => tr!(tr, "device-lease", address = l.address.to_string(), server = l.server.to_string()),
            },
            None => tr!(tr, "device-no-lease"),
        };
        html! {
            <fieldset class="iface" key={format!("{}-{}", dev.id, iface.name)} data-testid={format!("iface-{i}")}>
                <legend>
                    <span class="iface-name">{ iface.name.clone() }</span>
                    if let Some((net, colour)) = &swatch {
                        <span class="swatch" style={format!("background: {colour}")} title={tr!(tr, "device-subnet", net = net.to_string())}></span>
                    }
                    <span class="muted iface-cable">{ cable }</span>
                    <button type="button" class="link-button" data-testid={format!("remove-iface-{i}")}
                        title={tr!(tr, "device-remove-iface", iface = iface.name.clone())}
                        onclick={on_edit.reform(move |_: MouseEvent| EditAction::RemoveInterface(d, i))}>{ tr!(tr, "device-remove") }</button>
                </legend>
                { check(Control { field: Field::Dhcp(d, i), label: tr!(tr, "device-dhcp"), testid: &dhcp_id,
                    error: props.errors.get(&Field::Dhcp(d, i)), locked: locks.locked(Field::Dhcp(d, i)), on_edit, tr }, dhcp) }
                if dhcp {
                    <p class="field-hint" data-testid={format!("address-dhcp-{i}")}>{ lease_now }</p>
                } else {
                    <Entry field={Field::Address(d, i)} label={tr!(tr, "device-ipv4")} testid={format!("address-{i}")}
                        value={iface.address.clone().unwrap_or_default()} placeholder="10.0.0.1/24"
                        hint={tr!(tr, "device-ipv4-hint")}
                        error={err(Field::Address(d, i))} on_edit={on_edit.clone()} />
                }
                if sub {
                    // ip link add link PARENT name NAME type vlan id VID.
                    <Entry field={Field::SubParent(d, i)} label={tr!(tr, "device-sub-parent")} testid={format!("sub-parent-{i}")}
                        value={iface.parent.clone().unwrap_or_default()} placeholder="eth0"
                        error={err(Field::SubParent(d, i))} on_edit={on_edit.clone()} />
                    <Entry field={Field::SubVlan(d, i)} label={tr!(tr, "device-sub-vlan")} testid={format!("sub-vlan-{i}")}
                        value={iface.vlan.map(|v| v.to_string()).unwrap_or_default()} placeholder="10"
                        hint={tr!(tr, "device-sub-vlan-hint")}
                        error={err(Field::SubVlan(d, i))} on_edit={on_edit.clone()} />
                } else {
                    <Entry field={Field::Mac(d, i)} label={tr!(tr, "device-mac")} testid={format!("mac-{i}")}
                        value={iface.mac.clone().unwrap_or_default()}
                        placeholder={tr!(tr, "device-mac-automatic", mac = derived_mac(&dev.id, &iface.name))}
                        error={err(Field::Mac(d, i))} on_edit={on_edit.clone()} />
                }
                // IPv6 beside IPv4 (issue 16): off unless asked for; "auto" is SLAAC.
                <Entry field={Field::Ipv6(d, i)} label={tr!(tr, "device-ipv6")} testid={format!("ipv6-{i}")}
                    value={iface.ipv6.clone().unwrap_or_default()} placeholder={tr!(tr, "device-ipv6-placeholder")}
                    hint={tr!(tr, "device-ipv6-hint")}
                    error={err(Field::Ipv6(d, i))} on_edit={on_edit.clone()} />
                if dev.kind == DeviceKind::Router && iface.ipv6.is_some() {
                    <Entry field={Field::RaPrefix(d, i)} label={tr!(tr, "device-ra")} testid={format!("ra-{i}")}
                        value={iface.ra.as_ref().map(|r| r.prefix.clone().unwrap_or_else(|| "on".into())).unwrap_or_default()}
                        placeholder={tr!(tr, "device-ra-placeholder")}
                        hint={tr!(tr, "device-ra-hint")}
                        error={err(Field::RaPrefix(d, i))} on_edit={on_edit.clone()} />
                    if let Some(ra) = &iface.ra {
                        <Entry field={Field::RaInterval(d, i)} label={tr!(tr, "device-ra-interval")} testid={format!("ra-interval-{i}")}
                            value={ra.interval_s.map(|v| v.to_string()).unwrap_or_default()} placeholder="600"
                            hint={tr!(tr, "device-ra-interval-hint")}
                            error={err(Field::RaInterval(d, i))} on_edit={on_edit.clone()} />
                        <Entry field={Field::RaLifetime(d, i)} label={tr!(tr, "device-ra-lifetime")} testid={format!("ra-lifetime-{i}")}
                            value={ra.lifetime_s.map(|v| v.to_string()).unwrap_or_default()}
                            placeholder={tr!(tr, "device-ra-lifetime-placeholder")}
                            hint={tr!(tr, "device-ra-lifetime-hint")}
                            error={err(Field::RaLifetime(d, i))} on_edit={on_edit.clone()} />
                    }
                }
                // ip link set IFACE mtu N.
                <Entry field={Field::Mtu(d, i)} label={tr!(tr, "device-mtu")} testid={format!("mtu-{i}")}
                    value={iface.mtu.map(|v| v.to_string()).unwrap_or_default()} placeholder="1500"
                    hint={tr!(tr, "device-mtu-hint")}
                    error={err(Field::Mtu(d, i))} on_edit={on_edit.clone()} />
                // iptables -t nat -A POSTROUTING -o IFACE -j MASQUERADE: the router's outside interface.
                if dev.kind == DeviceKind::Router {
                    { check(Control { field: Field::Nat(d, i), label: tr!(tr, "device-nat"), testid: &nat_id,
                        error: props.errors.get(&Field::Nat(d, i)), locked: locks.locked(Field::Nat(d, i)), on_edit, tr }, iface.nat.is_some()) }
                }
                if !sub {
                    <button type="button" class="tool tool-small" data-testid={format!("add-subinterface-{i}")}
                        title={tr!(tr, "device-add-subinterface-hint", iface = iface.name.clone())}
                        onclick={on_edit.reform(move |_: MouseEvent| EditAction::AddSubinterface(d, i))}>{ tr!(tr, "device-add-subinterface") }</button>
                }
            </fieldset>
        }
    });
    let routes = dev.routes.iter().enumerate().map(|(r, route)| {
        html! {
            <div class="route" key={format!("route-{r}")}>
                <Entry field={Field::RoutePrefix(d, r)} label={tr!(tr, "device-route-destination")} testid={format!("route-prefix-{r}")}
                    value={route.prefix.clone()} error={err(Field::RoutePrefix(d, r))} on_edit={on_edit.clone()} />
                <Entry field={Field::RouteVia(d, r)} label="via" testid={format!("route-via-{r}")}
                    value={route.via.clone()} error={err(Field::RouteVia(d, r))} on_edit={on_edit.clone()} />
                <button type="button" class="link-button" data-testid={format!("remove-route-{r}")}
                    onclick={on_edit.reform(move |_: MouseEvent| EditAction::RemoveRoute(d, r))}>{ tr!(tr, "device-remove") }</button>
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
                <h2 class="panel-lead">{ dev.id.clone() }<span class="badge">{ kind_badge(tr, dev.kind) }</span></h2>
                <button type="button" class="link-button danger" data-testid="delete-device"
                    onclick={on_edit.reform(move |_: MouseEvent| EditAction::DeleteSelection)}>{ tr!(tr, "device-delete") }</button>
                <button type="button" class="btn sheet-done" data-testid="sheet-done"
                    onclick={on_edit.reform(|_: MouseEvent| EditAction::ClearSelection)}>{ tr!(tr, "device-done") }</button>
            </div>
            <Entry field={Field::Name(d)} label={tr!(tr, "device-name")} testid="name" value={dev.id.clone()}
                error={err(Field::Name(d))} on_edit={on_edit.clone()} />
            if !others.is_empty() {
                <form class="cable-add" onsubmit={on_cable} data-testid="cable-form">
                    <label for="cable-to">{ tr!(tr, "device-cable-to") }</label>
                    <select id="cable-to" ref={cable_ref} data-testid="cable-to">
                        { for others.iter().map(|(i, name)| html! { <option value={i.to_string()}>{ name.clone() }</option> }) }
                    </select>
                    <button type="submit" class="tool tool-small" data-testid="add-cable">{ tr!(tr, "device-connect") }</button>
                </form>
            }
            if dev.kind.has_ip() {
                <h3 class="panel-heading">{ tr!(tr, "device-interfaces") }</h3>
                { for interfaces }
                <button type="button" class="tool tool-small" data-testid="add-interface"
                    onclick={on_edit.reform(move |_: MouseEvent| EditAction::AddInterface(d))}>{ tr!(tr, "device-add-interface") }</button>
                <h3 class="panel-heading">{ tr!(tr, "device-routing") }</h3>
                <Entry field={Field::Gateway(d)} label={tr!(tr, "device-gateway")} testid="gateway"
                    value={dev.gateway.clone().unwrap_or_default()} placeholder={tr!(tr, "device-gateway-none")}
                    error={err(Field::Gateway(d))} on_edit={on_edit.clone()} />
                <Entry field={Field::Dns(d)} label={tr!(tr, "device-dns")} testid="dns"
                    value={join_list(&dev.dns)} placeholder={tr!(tr, "device-dns-none")}
                    hint={tr!(tr, "device-dns-hint")}
                    error={err(Field::Dns(d))} on_edit={on_edit.clone()} />
                if dev.kind == DeviceKind::Router || !dev.routes.is_empty() {
                    <p class="field-label">{ tr!(tr, "device-static-routes") }</p>
                    if dev.routes.is_empty() {
                        <p class="muted">{ tr!(tr, "device-no-static-routes") }</p>
                    }
                    { for routes }
                    <form class={classes!("route-add", route_error.is_some().then_some("invalid"))} onsubmit={on_add_route}>
                        <input ref={prefix_ref} type="text" placeholder="8.8.8.0/24" aria-label={tr!(tr, "device-new-route-destination")}
                            data-testid="new-route-prefix" aria-invalid={route_error.is_some().to_string()} />
                        <input ref={via_ref} type="text" placeholder="via 10.0.0.2" aria-label={tr!(tr, "device-new-route-next-hop")}
                            data-testid="new-route-via" aria-invalid={route_error.is_some().to_string()} />
                        <button type="submit" class="tool tool-small" data-testid="add-route">{ tr!(tr, "device-add-route") }</button>
                    </form>
                    if let Some(e) = &route_error {
                        <p class="field-error" role="alert" data-testid="new-route-error">{ tr.msg(&e.message) }</p>
                    }
                }
                // ip -6 route add PREFIX via NEXT-HOP: shown once IPv6 is on somewhere on the device.
                if dev.interfaces.iter().any(|f| f.ipv6.is_some()) || !dev.routes6.is_empty() {
                    <Entry field={Field::Routes6(d)} label={tr!(tr, "device-routes6")} testid="routes6"
                        value={crate::editor::routes6_text(&dev.routes6)} placeholder={tr!(tr, "device-routes6-none")}
                        hint={tr!(tr, "device-routes6-hint")}
                        error={err(Field::Routes6(d))} on_edit={on_edit.clone()} />
                }
                { services_panel(&Services { tr, dev, device: d, errors: &props.errors, locks: &locks, refs: &refs, on_edit }) }
            } else {
                <Entry field={Field::Ports(d)} label={tr!(tr, "device-ports")} testid="ports"
                    value={dev.ports.unwrap_or(0).to_string()}
                    hint={tr!(tr, "device-ports-hint")}
                    error={err(Field::Ports(d))} on_edit={on_edit.clone()} />
                // ip link set br0 type bridge stp_state 1 (Linux's default is 0).
                if dev.kind == DeviceKind::Switch {
                    { check(Control { field: Field::Stp(d), label: tr!(tr, "device-stp"), testid: "stp",
                        error: props.errors.get(&Field::Stp(d)), locked: locks.locked(Field::Stp(d)), on_edit, tr }, dev.stp) }
                    if dev.stp {
                        <Entry field={Field::BridgePriority(d)} label={tr!(tr, "device-bridge-priority")} testid="bridge-priority"
                            value={dev.bridge_priority.map(|p| p.to_string()).unwrap_or_default()} placeholder="32768"
                            hint={tr!(tr, "device-bridge-priority-hint")}
                            error={err(Field::BridgePriority(d))} on_edit={on_edit.clone()} />
                    }
                    // ip link set br0 type bridge vlan_filtering 1; bridge vlan add dev pN vid V …
                    { check(Control { field: Field::VlanFiltering(d), label: tr!(tr, "device-vlan-filtering"), testid: "vlan-filtering",
                        error: props.errors.get(&Field::VlanFiltering(d)), locked: locks.locked(Field::VlanFiltering(d)), on_edit, tr }, dev.vlan_filtering) }
                    if dev.vlan_filtering {
                        { for (0..dev.ports.unwrap_or(0) as usize).map(|p| {
                            let spec = dev.vlans.get(&format!("p{}", p + 1)).cloned().unwrap_or_default();
                            let tagged = spec.tagged.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ");
                            html! {
                                <div class="route" key={format!("vlan-p{}", p + 1)}>
                                    <Entry field={Field::PortPvid(d, p)} label={tr!(tr, "device-port-vlan", port = format!("p{}", p + 1))} testid={format!("pvid-{}", p + 1)}
                                        value={spec.pvid.map(|v| v.to_string()).unwrap_or_default()} placeholder="1"
                                        error={err(Field::PortPvid(d, p))} on_edit={on_edit.clone()} />
                                    <Entry field={Field::PortTagged(d, p)} label={tr!(tr, "device-port-tagged")} testid={format!("tagged-{}", p + 1)}
                                        value={tagged} placeholder={tr!(tr, "device-port-tagged-none")}
                                        error={err(Field::PortTagged(d, p))} on_edit={on_edit.clone()} />
                                </div>
                            }
                        }) }
                    }
                }
            }
        </div>
    }
}

/// Props of [`LinkPanel`].
#[derive(Properties, PartialEq, Clone)]
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
    let tr = use_tr();
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
                <label for={format!("link-port-{key}")}>{ tr!(tr, "device-link-port", device = ep.device.clone()) }</label>
                <select id={format!("link-port-{key}")} data-testid={format!("link-port-{key}")} {onchange}
                    aria-invalid={error.is_some().to_string()}>
                    { for options.iter().map(|p| html! { <option value={p.clone()} selected={*p == ep.port}>{ p.clone() }</option> }) }
                </select>
                if let Some(e) = error {
                    <p class="field-error" role="alert">{ tr.msg(&e.message) }</p>
                }
            </div>
        }
    };
    html! {
        <div class="device-panel" data-testid="link-panel">
            <div class="panel-title">
                <h2 class="panel-lead">{ link.id.clone() }<span class="badge">{ tr!(tr, "device-link-badge") }</span></h2>
                <button type="button" class="link-button danger" data-testid="delete-link"
                    onclick={props.on_edit.reform(|_: MouseEvent| EditAction::DeleteSelection)}>{ tr!(tr, "device-delete") }</button>
                <button type="button" class="btn sheet-done" data-testid="sheet-done"
                    onclick={props.on_edit.reform(|_: MouseEvent| EditAction::ClearSelection)}>{ tr!(tr, "device-done") }</button>
            </div>
            { end(End::A, &link.a) }
            { end(End::B, &link.b) }
            <p class="muted">{ tr!(tr, "device-link-speed",
                delay = link.delay_us.unwrap_or(packet_engine::scenario::DEFAULT_DELAY_US).to_string(),
                bandwidth = link.bandwidth_mbps.unwrap_or(packet_engine::scenario::DEFAULT_BANDWIDTH_MBPS).to_string()) }</p>
        </div>
    }
}

/// A device kind as the panel's badge shows it (lowercase in English, "router"), and as the
/// canvas names it to assistive tools.
pub(crate) fn kind_badge(tr: &Tr, kind: DeviceKind) -> String {
    tr!(tr, "device-kind", kind = kind.name())
}

/// The panels' English text as the views wrote it before the catalogue (locales/en/panels.ftl):
/// spaces at the edges, brackets, quotes and counts come out character for character.
#[cfg(test)]
mod tests {
    use crate::tr;

    #[test]
    fn english_reads_as_before() {
        let en = crate::i18n::tr("en");
        let en = &*en;
        let cases = [
            (tr!(en, "device-kind", kind = "router"), "router"),
            (tr!(en, "device-kind", kind = "host"), "host"),
            (tr!(en, "device-cabled-to", peer = "sw1 p2"), "to sw1 p2"),
            (tr!(en, "device-lease-gateway", address = "10.0.0.5", server = "10.0.0.1", router = "10.0.0.254"),
                "Now: 10.0.0.5 from 10.0.0.1, gateway 10.0.0.254"),
            (tr!(en, "device-mac-automatic", mac = "02:00:00:00:00:01"), "02:00:00:00:00:01 (automatic)"),
            (tr!(en, "device-link-speed", delay = "1000", bandwidth = "100"), "1000 µs one way, 100 Mbit/s"),
            (tr!(en, "device-ports-hint"), "Named p1 … pN; links take the first free one"),
            (tr!(en, "inspector-look-at"), "Look at "),
            (tr!(en, "inspector-look-at-colon"), ": "),
            (tr!(en, "inspector-event", number = "3", time = "1.5 ms"), "Event 3 · 1.5 ms"),
            (tr!(en, "inspector-and", interface = "eth0", prefix = "24"), "The AND on eth0 (/24)"),
            (tr!(en, "inspector-check-correct"), "[correct]"),
            (tr!(en, "inspector-check-wrong", expected = "0x1c46"), "[wrong, should be 0x1c46]"),
            (tr!(en, "inspector-bytes", start = "14", end = "33"), "bytes 14–33"),
            (tr!(en, "inspector-frame", bytes = 98), "Frame: 98 bytes"),
            (tr!(en, "inspector-capture-frames", frames = 1), "1 frames on the wires; open the file in Wireshark."),
            (tr!(en, "share-autoplay"), " Start playing when shown"),
            (tr!(en, "share-scale-option", scale = "150"), "150%"),
            (tr!(en, "share-quoted", name = "Two LANs"), "“Two LANs”"),
            (tr!(en, "share-prompt", title = "an untitled lab", devices = 1),
                "This link holds an untitled lab, with 1 devices. Opening it replaces the lab you were working on; yours is kept, and “Restore my previous lab” in the Share dialog brings it back."),
            (tr!(en, "share-note"), "The link holds the whole lab, at the current event. It never reaches a server: it is all after the #."),
            (tr!(en, "share-link-broken", error = "bad base64"), "This link could not be opened: bad base64. Here is the first example instead."),
            (tr!(en, "exercise-passes"), "Passes: "),
            (tr!(en, "exercise-hint", number = 2), "Hint 2: "),
            (tr!(en, "exercise-checks", passed = 1, total = 1), "1 of 1 checks pass"),
            (tr!(en, "exercise-record", attempts = 3, used = 0, total = 2), "Attempts: 3 · hints used: 0 of 2"),
            (tr!(en, "exercise-solved-before"), " · solved before"),
            (tr!(en, "exercise-teacher"), "Your teacher's exercise"),
            (tr!(en, "course-summary", solved = 0, total = 9), "Exercises · 0 of 9 solved"),
            (tr!(en, "predict-toggle"), " Predict"),
            (tr!(en, "predict-right"), "Right. "),
            (tr!(en, "predict-not-quite"), "Not quite. "),
            (tr!(en, "predict-answer-is"), "The answer is: "),
            (tr!(en, "story-hidden", count = 1), "hidden: 1 frame"),
            (tr!(en, "story-hidden", count = 12), "hidden: 12 frames"),
            (tr!(en, "story-lanes", shown = "3", total = "4"), "Lanes (3/4)"),
            (tr!(en, "story-chapter-title", number = 3), "Resolve the name"),
            (tr!(en, "story-chapter-title", number = 5), "Ask for the page"),
            (tr!(en, "story-narration", title = "Connect", number = "4", sentence = "pc1 sends a SYN."),
                "Connect (chapter 4): pc1 sends a SYN."),
            (tr!(en, "story-change", change = "edited"), "edited by the router"),
            (tr!(en, "canvas-device", name = "pc1", addresses = " 10.0.0.1/24", kind = "host"), "pc1 10.0.0.1/24 (host)"),
            (tr!(en, "canvas-drop", reason = "no-nat-port"), "no NAT port"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn german_and_french_use_their_plurals() {
        let de = crate::i18n::tr("de");
        let fr = crate::i18n::tr("fr");
        assert_eq!(tr!(de, "story-hidden", count = 1), "ausgeblendet: 1 Frame");
        assert_eq!(tr!(de, "story-hidden", count = 3), "ausgeblendet: 3 Frames");
        assert_eq!(tr!(fr, "story-hidden", count = 0), "0 trame masquée");
        assert_eq!(tr!(fr, "story-hidden", count = 2), "2 trames masquées");
        assert_eq!(tr!(de, "exercise-checks", passed = 1, total = 1), "1 von 1 Prüfung bestanden");
        assert_eq!(tr!(fr, "exercise-checks", passed = 0, total = 3), "0 vérification réussie sur 3");
        assert_eq!(tr!(fr, "exercise-checks", passed = 2, total = 3), "2 vérifications réussies sur 3");
        assert_eq!(tr!(de, "story-chapter-title", number = 2), "Das Gateway finden");
        assert_eq!(tr!(fr, "share-quoted", name = "Deux LAN"), "«\u{a0}Deux LAN\u{a0}»");
        assert_eq!(tr!(fr, "inspector-look-at-colon"), " : ");
        assert_eq!(tr!(de, "share-prompt", title = "ein unbenanntes Labor", devices = 2).split('.').next().unwrap(),
            "Dieser Link enthält ein unbenanntes Labor mit 2 Geräten");
    }
}

crate::split_view! {
    /// A device's editor form, from its own wasm module (src/split.rs), fetched when first drawn.
    pub fn lazy_device_panel = "device"::load_device_panel => DevicePanel(DevicePanelProps)
}

crate::split_view! {
    /// A link's editor form, from its own wasm module (src/split.rs), fetched when first drawn.
    pub fn lazy_link_panel = "link"::load_link_panel => LinkPanel(LinkPanelProps)
}
