//! The live tables at the playhead, exactly as the engine's `Trace::state_at` gives them:
//! each host's ARP cache (with Linux's NUD state, as `ip neigh` prints it), each switch's MAC
//! table, each router's routing table and ARP cache; and, only where there is something to
//! show, DHCP leases (the server's lease table as dnsmasq.leases holds it, the client's lease
//! as dhclient.leases does), the resolver's answers, and a NAT router's connection-tracking
//! table (as `conntrack -L` lists it).

use std::rc::Rc;

use packet_engine::scenario::DeviceKind;
use packet_engine::trace::{NetworkState, RouteEntry};

use crate::playback::{format_time, lookup_text};
use yew::prelude::*;

/// Props of [`Tables`].
#[derive(Properties, PartialEq)]
pub struct TablesProps {
    /// Every table after the shown events.
    pub tables: Rc<NetworkState>,
    /// The devices, in scenario order, with their kinds.
    pub devices: Rc<[(AttrValue, DeviceKind)]>,
}

/// All tables, device by device.
#[function_component(Tables)]
pub fn tables(props: &TablesProps) -> Html {
    let t = &props.tables;
    let blocks = props.devices.iter().map(|(name, kind)| {
        let body = match kind {
            DeviceKind::Switch => mac_table(t, name),
            DeviceKind::Hub => html! { <p class="table-empty">{ "A hub keeps no table: it repeats every frame." }</p> },
            DeviceKind::Router => html! { <>{ routes(t, name) }{ neighbours(t, name) }{ ipv6(t, name) }</> },
            // A host's table too: links set down and `ip route` change it during a run.
            DeviceKind::Host | DeviceKind::Server => html! { <>{ neighbours(t, name) }{ routes(t, name) }{ ipv6(t, name) }</> },
        };
        html! {
            <section class="dev-tables" data-testid={format!("tables-{name}")} key={name.as_str()}>
                <h3 class="dev-title">{ name.clone() }<span class="badge">{ kind.name() }</span></h3>
                { link_state(t, name) }
                { body }
                { client_leases(t, name) }
                { server_leases(t, name) }
                { dns_answers(t, name) }
                { sockets(t, name) }
                { conntrack(t, name) }
            </section>
        }
    });
    html! {
        <section class="pane tables-pane" aria-label="Tables">
            <header class="pane-head"><h2 class="pane-title">{ "Tables now" }</h2></header>
            <div class="pane-scroll" tabindex="0" role="region" aria-label="Tables now">{ for blocks }</div>
        </section>
    }
}

fn neighbours(t: &NetworkState, device: &str) -> Html {
    let rows: Vec<Html> = t
        .neighbors
        .get(device)
        .into_iter()
        .flat_map(|ifaces| ifaces.iter())
        .flat_map(|(iface, entries)| entries.iter().map(move |(ip, row)| (iface, ip, row)))
        .map(|(iface, ip, row)| {
            let mac = row.mac.map(|m| m.to_string());
            html! {
                <tr data-testid="arp-row" data-ip={ip.to_string()} title={format!("{ip} dev {iface}")} data-mac={mac.clone().unwrap_or_default()}
                    data-state={row.state.name()}>
                    <td><code>{ ip.to_string() }</code></td>
                    <td><code>{ mac.unwrap_or_else(|| "—".into()) }</code></td>
                    <td class={classes!("nud", format!("nud-{}", row.state.name().to_lowercase()))}>{ row.state.name() }</td>
                </tr>
            }
        })
        .collect();
    html! {
        <table class="mini-table" data-testid="arp-table">
            <caption>{ "ARP cache (ip neigh)" }</caption>
            if rows.is_empty() {
                <tbody><tr><td class="table-empty" colspan="3">{ "empty" }</td></tr></tbody>
            } else {
                <thead><tr><th>{ "IP" }</th><th>{ "MAC" }</th><th>{ "state" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            }
        </table>
    }
}

/// IPv6 (issue 16), only on devices that have it: addresses with their DAD
/// state (`ip -6 addr`), the NDP neighbour cache (`ip -6 neigh`, the same NUD
/// states as ARP's) and the IPv6 routing table (`ip -6 route`).
fn ipv6(t: &NetworkState, device: &str) -> Html {
    let addrs: Vec<Html> = t
        .addrs6
        .get(device)
        .into_iter()
        .flat_map(|i| i.iter())
        .flat_map(|(iface, rows)| rows.iter().map(move |r| (iface, r)))
        .map(|(iface, r)| {
            let state = match r.state {
                packet_engine::trace::AddrState::Tentative => "tentative",
                packet_engine::trace::AddrState::Preferred => "",
                packet_engine::trace::AddrState::DadFailed => "dadfailed",
            };
            let scope = match r.origin {
                packet_engine::trace::AddrOrigin::LinkLocal => "scope link",
                packet_engine::trace::AddrOrigin::Slaac => "scope global dynamic",
                packet_engine::trace::AddrOrigin::Static => "scope global",
            };
            html! {
                <tr data-testid="addr6-row" data-address={r.address.to_string()} data-state={state}>
                    <td><code>{ r.address.to_string() }</code></td><td>{ iface.clone() }</td><td>{ format!("{scope} {state}").trim().to_string() }</td>
                </tr>
            }
        })
        .collect();
    if addrs.is_empty() {
        return Html::default();
    }
    let neigh: Vec<Html> = t
        .neighbors6
        .get(device)
        .into_iter()
        .flat_map(|ifaces| ifaces.iter())
        .flat_map(|(iface, entries)| entries.iter().map(move |(ip, row)| (iface, ip, row)))
        .map(|(iface, ip, row)| {
            let mac = row.mac.map(|m| m.to_string());
            html! {
                <tr data-testid="ndp-row" data-ip={ip.to_string()} title={format!("{ip} dev {iface}")} data-mac={mac.clone().unwrap_or_default()}
                    data-state={row.state.name()}>
                    <td><code>{ ip.to_string() }</code></td>
                    <td><code>{ mac.unwrap_or_else(|| "—".into()) }</code></td>
                    <td class={classes!("nud", format!("nud-{}", row.state.name().to_lowercase()))}>{ row.state.name() }</td>
                </tr>
            }
        })
        .collect();
    let routes: Vec<Html> = t
        .routes6
        .get(device)
        .into_iter()
        .flatten()
        .map(|r| html! { <tr data-testid="route6-row"><td><code>{ packet_engine::trace::route6_text(r) }</code></td></tr> })
        .collect();
    html! {
        <>
            <table class="mini-table" data-testid="addr6-table">
                <caption>{ "IPv6 addresses (ip -6 addr)" }</caption>
                <tbody>{ for addrs }</tbody>
            </table>
            <table class="mini-table" data-testid="ndp-table">
                <caption>{ "IPv6 neighbours (ip -6 neigh)" }</caption>
                if neigh.is_empty() {
                    <tbody><tr><td class="table-empty" colspan="3">{ "empty" }</td></tr></tbody>
                } else {
                    <thead><tr><th>{ "IPv6" }</th><th>{ "MAC" }</th><th>{ "state" }</th></tr></thead>
                    <tbody>{ for neigh }</tbody>
                }
            </table>
            <table class="mini-table" data-testid="route6-table">
                <caption>{ "IPv6 routes (ip -6 route)" }</caption>
                if routes.is_empty() {
                    <tbody><tr><td class="table-empty">{ "empty: no route" }</td></tr></tbody>
                } else {
                    <tbody>{ for routes }</tbody>
                }
            </table>
        </>
    }
}

fn mac_table(t: &NetworkState, device: &str) -> Html {
    let rows: Vec<Html> = t
        .mac_tables
        .get(device)
        .into_iter()
        .flat_map(|m| m.iter())
        .map(|(mac, port)| {
            html! {
                <tr data-testid="mac-row" data-mac={mac.to_string()} data-port={port.clone()}>
                    <td><code>{ mac.to_string() }</code></td><td>{ port.clone() }</td>
                </tr>
            }
        })
        .collect();
    html! {
        <table class="mini-table" data-testid="mac-table">
            <caption>{ "MAC table" }</caption>
            if rows.is_empty() {
                <tbody><tr><td class="table-empty" colspan="2">{ "empty: nothing learned yet" }</td></tr></tbody>
            } else {
                <thead><tr><th>{ "MAC" }</th><th>{ "port" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            }
        </table>
    }
}

/// Powered off, or ports that are down (set down or without carrier), when so.
fn link_state(t: &NetworkState, device: &str) -> Html {
    if t.powered_off.iter().any(|d| d == device) {
        return html! { <p class="link-state" data-testid="power-off">{ "powered off" }</p> };
    }
    let Some(down) = t.down.get(device) else { return Html::default() };
    let list = down.iter().map(String::as_str).collect::<Vec<_>>().join(", ");
    html! { <p class="link-state" data-testid="ports-down">{ format!("down: {list}") }</p> }
}

fn routes(t: &NetworkState, device: &str) -> Html {
    let rows: Vec<Html> = t.routes.get(device).into_iter().flatten().map(route_row).collect();
    html! {
        <table class="mini-table" data-testid="route-table">
            <caption>{ "Routing table (ip route)" }</caption>
            if rows.is_empty() {
                <tbody><tr><td class="table-empty" colspan="3">{ "empty: no route" }</td></tr></tbody>
            } else {
                <tbody>{ for rows }</tbody>
            }
        </table>
    }
}

fn route_row(r: &RouteEntry) -> Html {
    let prefix = if r.prefix.prefix_len() == 0 { "default".to_string() } else { r.prefix.to_string() };
    let via = r.via.map(|v| format!("via {v}")).unwrap_or_else(|| "connected".into());
    // `ip route` prints `linkdown` when the interface has no carrier; the route stays in use.
    let dev = if r.linkdown { format!("{} linkdown", r.interface) } else { r.interface.to_string() };
    html! {
        <tr data-testid="route-row" data-linkdown={r.linkdown.to_string()}><td><code>{ prefix }</code></td><td>{ via }</td><td>{ dev }</td></tr>
    }
}

/// The client's lease per interface (what dhclient wrote to the interface and resolv.conf).
fn client_leases(t: &NetworkState, device: &str) -> Html {
    let Some(leases) = t.dhcp_client_leases.get(device).filter(|l| !l.is_empty()) else {
        return Html::default();
    };
    let rows = leases.iter().map(|(iface, l)| {
        let dns = l.dns.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
        let router = l.router.map_or_else(|| "—".to_string(), |r| r.to_string());
        let cells = [iface.to_string(), l.address.to_string(), router, if dns.is_empty() { "—".into() } else { dns }, format!("{} s", l.lease_time)];
        text_row("client-lease-row", l.address.to_string(), cells)
    });
    text_table("client-lease-table", "DHCP lease (dhclient)", &["dev", "address", "router", "DNS", "lease"], rows)
}

/// The server's lease table, one row per leased address.
fn server_leases(t: &NetworkState, device: &str) -> Html {
    let Some(leases) = t.dhcp_server_leases.get(device).filter(|l| !l.is_empty()) else {
        return Html::default();
    };
    let rows = leases.iter().map(|(ip, row)| {
        let host = row.hostname.clone().unwrap_or_else(|| "*".into());
        text_row("lease-row", ip.to_string(), [ip.to_string(), row.mac.to_string(), host, format_time(row.expires.as_nanos())])
    });
    text_table("lease-table", "DHCP leases (dnsmasq.leases)", &["IP", "MAC", "host", "expires"], rows)
}

/// The resolver's last answer per name.
fn dns_answers(t: &NetworkState, device: &str) -> Html {
    let Some(answers) = t.dns_answers.get(device).filter(|a| !a.is_empty()) else {
        return Html::default();
    };
    let rows = answers.iter().map(|(name, outcome)| text_row("dns-row", name.clone(), [name.clone(), lookup_text(outcome)]));
    text_table("dns-table", "Name lookups (resolver)", &["name", "answer"], rows)
}

/// The TCP sockets, as `ss -tan` lists them (state, local, peer).
fn sockets(t: &NetworkState, device: &str) -> Html {
    let Some(rows) = t.sockets.get(device).filter(|r| !r.is_empty()) else {
        return Html::default();
    };
    let rows = rows.iter().map(|r| {
        let peer = r.peer.map_or_else(|| "*:*".to_string(), |p| p.to_string());
        text_row("socket-row", r.state.name().to_string(), [r.state.name().to_string(), r.local.to_string(), peer])
    });
    text_table("socket-table", "TCP sockets (ss -tan)", &["state", "local", "peer"], rows)
}

/// A NAT router's conntrack table: each flow as the inside host sent it, what its replies
/// look like on the outside, its state and when it expires unless refreshed.
fn conntrack(t: &NetworkState, device: &str) -> Html {
    use packet_engine::trace::nat_endpoint as ep;
    let Some(rows) = t.conntrack.get(device).filter(|r| !r.is_empty()) else {
        return Html::default();
    };
    let rows = rows.iter().map(|r| {
        let proto = match r.original.proto {
            6 => "tcp",
            17 => "udp",
            _ => "icmp",
        };
        let original = format!("{} → {}", ep(&r.original, true), ep(&r.original, false));
        let reply = format!("{} → {}", ep(&r.reply, true), ep(&r.reply, false));
        let mut state = r.tcp_state.unwrap_or("").to_string();
        for (on, flag) in [(!r.seen_reply, "[UNREPLIED]"), (r.assured, "[ASSURED]")] {
            if on {
                if !state.is_empty() {
                    state.push(' ');
                }
                state.push_str(flag);
            }
        }
        let key = format!("{proto} {original}");
        text_row("nat-row", key, [proto.to_string(), original, reply, state, format_time(r.expires.as_nanos())])
    });
    text_table("nat-table", "NAT: connection tracking (conntrack -L)", &["proto", "original", "reply", "state", "expires"], rows)
}

/// A row of plain cells, keyed by `key` (`data-key`) for tests and styles.
fn text_row<const N: usize>(testid: &'static str, key: String, cells: [String; N]) -> Html {
    html! { <tr data-testid={testid} data-key={key}>{ for cells.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr> }
}

/// A captioned table with a header row; one shape for every DHCP, DNS and TCP table.
fn text_table(testid: &'static str, caption: &'static str, heads: &[&'static str], rows: impl Iterator<Item = Html>) -> Html {
    html! {
        <table class="mini-table" data-testid={testid}>
            <caption>{ caption }</caption>
            <thead><tr>{ for heads.iter().map(|h| html! { <th>{ *h }</th> }) }</tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
