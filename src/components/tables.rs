//! The live tables at the playhead, exactly as the engine's `Trace::state_at` gives them:
//! each host's ARP cache (with Linux's NUD state, as `ip neigh` prints it), each switch's MAC
//! table, each router's routing table and ARP cache; and, only where there is something to
//! show, DHCP leases (the server's lease table as dnsmasq.leases holds it, the client's lease
//! as dhclient.leases does), the resolver's answers, and a NAT router's connection-tracking
//! table (as `conntrack -L` lists it).

use std::rc::Rc;

use packet_engine::scenario::DeviceKind;
use packet_engine::trace::{NeighborRow, NetworkState, RouteEntry};

use crate::playback::format_time;
use yew::prelude::*;

use crate::i18n::{use_tr, Tr};
use crate::tr;

/// Props of [`Tables`]; equal when they show the same `Rc` of tables (see `PartialEq`).
#[derive(Properties)]
pub struct TablesProps {
    /// Every table after the shown events.
    pub tables: Rc<NetworkState>,
    /// The devices, in scenario order, with their kinds.
    pub devices: Rc<[(AttrValue, DeviceKind)]>,
    /// The pane's title when not the catalogue's "Tables now" (a what-if names which run).
    #[prop_or_default]
    pub title: Option<AttrValue>,
}

/// The tables compare by identity: a new state is always a new `Rc`, and comparing every
/// table field by field cost 5 KB of wasm (docs/size.md); equal tables in a new `Rc` only
/// render again what is shown.
impl PartialEq for TablesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.tables, &other.tables) && self.devices == other.devices && self.title == other.title
    }
}

/// The tables' pane. Its tables are drawn by [`Blocks`], from a split module (issue 15: the
/// first load carries the pane, not the tables' code; the pane's body fills in once the
/// module, fetched right after the first paint, is here).
#[function_component(Tables)]
pub fn tables(props: &TablesProps) -> Html {
    let tr = use_tr();
    let title = props.title.clone().unwrap_or_else(|| AttrValue::from(tr!(tr, "tables-now")));
    html! {
        <section class="pane tables-pane" aria-label={props.title.clone().unwrap_or_else(|| AttrValue::from(tr!(tr, "tables-label")))}>
            <header class="pane-head"><h2 class="pane-title">{ title.clone() }</h2></header>
            <div class="pane-scroll" tabindex="0" role="region" aria-label={title}>
                { lazy_blocks(yew::props!(BlocksProps { tables: props.tables.clone(), devices: props.devices.clone() })) }
            </div>
        </section>
    }
}

/// Props of [`Blocks`]: equal when they show the same `Rc` of tables, as [`TablesProps`].
#[derive(Properties, Clone)]
pub struct BlocksProps {
    /// Every table after the shown events.
    pub tables: Rc<NetworkState>,
    /// The devices, in scenario order, with their kinds.
    pub devices: Rc<[(AttrValue, DeviceKind)]>,
}

impl PartialEq for BlocksProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.tables, &other.tables) && self.devices == other.devices
    }
}

crate::split_view! {
    /// The tables, from their own wasm module (src/split.rs).
    fn lazy_blocks = "tables"::load_tables => Blocks(BlocksProps)
}

/// All tables, device by device.
#[function_component(Blocks)]
fn blocks(props: &BlocksProps) -> Html {
    let tr = use_tr();
    let tr = &*tr;
    let t = &props.tables;
    let blocks = props.devices.iter().map(|(name, kind)| {
        let body = match kind {
            DeviceKind::Switch => html! { <>{ stp_table(tr, t, name) }{ mac_table(tr, t, name) }</> },
            DeviceKind::Hub => html! { <p class="table-empty">{ tr!(tr, "table-hub") }</p> },
            DeviceKind::Router => html! { <>{ routes(tr, t, name) }{ neighbours(tr, t, name) }{ ipv6(tr, t, name) }</> },
            // A host's table too: links set down and `ip route` change it during a run.
            DeviceKind::Host | DeviceKind::Server => html! { <>{ neighbours(tr, t, name) }{ routes(tr, t, name) }{ ipv6(tr, t, name) }</> },
        };
        html! {
            <section class="dev-tables" data-testid={format!("tables-{name}")} key={name.as_str()}>
                <h3 class="dev-title">{ name.clone() }<span class="badge">{ crate::components::palette::kind_label(tr, *kind) }</span></h3>
                { link_state(tr, t, name) }
                { body }
                { client_leases(tr, t, name) }
                { server_leases(tr, t, name) }
                { dns_answers(tr, t, name) }
                { sockets(tr, t, name) }
                { conntrack(tr, t, name) }
            </section>
        }
    });
    html! { <>{ for blocks }</> }
}

/// One neighbour-cache row, as `ip neigh` (or `ip -6 neigh`) prints it: address, MAC, NUD state.
fn neighbour_row(testid: &'static str, iface: &str, ip: &dyn std::fmt::Display, row: &NeighborRow) -> Html {
    let mac = row.mac.map(|m| m.to_string());
    html! {
        <tr data-testid={testid} data-ip={ip.to_string()} title={format!("{ip} dev {iface}")} data-mac={mac.clone().unwrap_or_default()}
            data-state={row.state.name()}>
            <td><code>{ ip.to_string() }</code></td>
            <td><code>{ mac.unwrap_or_else(|| "—".into()) }</code></td>
            <td class={classes!("nud", format!("nud-{}", row.state.name().to_ascii_lowercase()))}>{ row.state.name() }</td>
        </tr>
    }
}

fn neighbours(tr: &Tr, t: &NetworkState, device: &str) -> Html {
    let rows: Vec<Html> = t
        .neighbors
        .get(device)
        .into_iter()
        .flat_map(|ifaces| ifaces.iter())
        .flat_map(|(iface, entries)| entries.iter().map(move |(ip, row)| (iface, ip, row)))
        .map(|(iface, ip, row)| neighbour_row("arp-row", iface, ip, row))
        .collect();
    html! {
        <table class="mini-table" data-testid="arp-table">
            <caption>{ tr!(tr, "table-arp") }</caption>
            if rows.is_empty() {
                <tbody><tr><td class="table-empty" colspan="3">{ tr!(tr, "table-empty") }</td></tr></tbody>
            } else {
                <thead><tr><th>{ tr!(tr, "col-ip") }</th><th>{ tr!(tr, "col-mac") }</th><th>{ tr!(tr, "col-state") }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            }
        </table>
    }
}

/// IPv6 (issue 16), only on devices that have it: addresses with their DAD
/// state (`ip -6 addr`), the NDP neighbour cache (`ip -6 neigh`, the same NUD
/// states as ARP's) and the IPv6 routing table (`ip -6 route`).
fn ipv6(tr: &Tr, t: &NetworkState, device: &str) -> Html {
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
            // ip -6 addr's second line: a SLAAC address counts down from the prefix's lifetimes.
            let lifetimes = r.lifetimes_text(t.now);
            html! {
                <tr data-testid="addr6-row" data-address={r.address.to_string()} data-state={state}>
                    <td><code>{ r.address.to_string() }</code></td><td>{ iface.clone() }</td><td>{ format!("{scope} {state}").trim().to_string() }</td>
                    <td data-testid="addr6-lifetimes"><code>{ lifetimes }</code></td>
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
        .map(|(iface, ip, row)| neighbour_row("ndp-row", iface, ip, row))
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
                <caption>{ tr!(tr, "table-addr6") }</caption>
                <tbody>{ for addrs }</tbody>
            </table>
            <table class="mini-table" data-testid="ndp-table">
                <caption>{ tr!(tr, "table-ndp") }</caption>
                if neigh.is_empty() {
                    <tbody><tr><td class="table-empty" colspan="3">{ tr!(tr, "table-empty") }</td></tr></tbody>
                } else {
                    <thead><tr><th>{ tr!(tr, "col-ipv6") }</th><th>{ tr!(tr, "col-mac") }</th><th>{ tr!(tr, "col-state") }</th></tr></thead>
                    <tbody>{ for neigh }</tbody>
                }
            </table>
            <table class="mini-table" data-testid="route6-table">
                <caption>{ tr!(tr, "table-routes6") }</caption>
                if routes.is_empty() {
                    <tbody><tr><td class="table-empty">{ tr!(tr, "table-routes-empty") }</td></tr></tbody>
                } else {
                    <tbody>{ for routes }</tbody>
                }
            </table>
        </>
    }
}

/// The switch's forwarding database (`bridge fdb show`); on a VLAN-filtering
/// switch a VLAN column, since its table is per VLAN (`bridge fdb` prints
/// `vlan 10`) and one MAC may be learned in two VLANs.
fn mac_table(tr: &Tr, t: &NetworkState, device: &str) -> Html {
    // Entries of a VLAN-filtering switch carry their VLAN; others none.
    let vlans = t.mac_tables.get(device).is_some_and(|m| m.iter().any(|(k, _)| k.vlan.is_some()));
    let rows: Vec<Html> = t
        .mac_tables
        .get(device)
        .into_iter()
        .flat_map(|m| m.iter())
        .map(|(key, port)| {
            let vlan = key.vlan.map(|v| v.to_string());
            html! {
                <tr data-testid="mac-row" data-mac={key.mac.to_string()} data-port={port.clone()} data-vlan={vlan.clone()}>
                    if vlans {
                        <td>{ vlan.unwrap_or_default() }</td>
                    }
                    <td><code>{ key.mac.to_string() }</code></td><td>{ port.clone() }</td>
                </tr>
            }
        })
        .collect();
    let columns = if vlans { "3" } else { "2" };
    html! {
        <table class="mini-table" data-testid="mac-table" data-vlans={vlans.then_some("on")}>
            <caption>{ tr!(tr, "table-mac") }</caption>
            if rows.is_empty() {
                <tbody><tr><td class="table-empty" colspan={columns}>{ tr!(tr, "table-mac-empty") }</td></tr></tbody>
            } else {
                <thead><tr>
                    if vlans {
                        <th data-testid="mac-col-vlan">{ tr!(tr, "col-vlan") }</th>
                    }
                    <th>{ tr!(tr, "col-mac") }</th><th>{ tr!(tr, "col-port") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            }
        </table>
    }
}

/// A spanning-tree switch's STP state, as `bridge -d link` and the bridge's sysfs show it:
/// its id, the root, its root port and cost, each port's role and state.
fn stp_table(tr: &Tr, t: &NetworkState, device: &str) -> Html {
    let Some(s) = t.stp.get(device) else { return Html::default() };
    let rows = s.ports.iter().map(|(port, role, state)| {
        html! {
            <tr data-testid="stp-row" data-port={port.clone()} data-role={role.name()} data-state={state.name()}>
                <td>{ port.clone() }</td>
                <td>{ role.name() }</td>
                <td class={classes!("stp-state", format!("stp-{}", state.name()))}>{ state.name() }</td>
            </tr>
        }
    });
    let root = if s.root == s.bridge {
        tr!(tr, "stp-this-bridge")
    } else {
        tr!(tr, "stp-root-via", root = s.root.to_string(), port = s.root_port.as_deref().unwrap_or("?").to_string(), cost = s.cost)
    };
    html! {
        <table class="mini-table" data-testid="stp-table" data-root-port={s.root_port.clone().unwrap_or_default()}>
            <caption>{ tr!(tr, "table-stp") }</caption>
            <tbody>
                <tr><th scope="row">{ tr!(tr, "stp-bridge-id") }</th><td colspan="2"><code>{ s.bridge.to_string() }</code></td></tr>
                <tr><th scope="row">{ tr!(tr, "stp-root") }</th><td colspan="2" data-testid="stp-root"><code>{ root }</code></td></tr>
                if s.topology_change {
                    <tr><td colspan="3" class="muted">{ tr!(tr, "stp-topology-change") }</td></tr>
                }
                <tr><th>{ tr!(tr, "col-port") }</th><th>{ tr!(tr, "stp-role") }</th><th>{ tr!(tr, "col-state") }</th></tr>
                { for rows }
            </tbody>
        </table>
    }
}

/// Powered off, or ports that are down (set down or without carrier), when so.
fn link_state(tr: &Tr, t: &NetworkState, device: &str) -> Html {
    if t.powered_off.iter().any(|d| d == device) {
        return html! { <p class="link-state" data-testid="power-off">{ tr!(tr, "table-powered-off") }</p> };
    }
    let Some(down) = t.down.get(device) else { return Html::default() };
    let list = down.iter().map(String::as_str).collect::<Vec<_>>().join(", ");
    html! { <p class="link-state" data-testid="ports-down">{ tr!(tr, "table-ports-down", ports = list) }</p> }
}

fn routes(tr: &Tr, t: &NetworkState, device: &str) -> Html {
    let rows: Vec<Html> = t.routes.get(device).into_iter().flatten().map(route_row).collect();
    html! {
        <table class="mini-table" data-testid="route-table">
            <caption>{ tr!(tr, "table-routes") }</caption>
            if rows.is_empty() {
                <tbody><tr><td class="table-empty" colspan="3">{ tr!(tr, "table-routes-empty") }</td></tr></tbody>
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
fn client_leases(tr: &Tr, t: &NetworkState, device: &str) -> Html {
    let Some(leases) = t.dhcp_client_leases.get(device).filter(|l| !l.is_empty()) else {
        return Html::default();
    };
    let rows = leases.iter().map(|(iface, l)| {
        let dns = l.dns.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
        let router = l.router.map_or_else(|| "—".to_string(), |r| r.to_string());
        let cells = [iface.to_string(), l.address.to_string(), router, if dns.is_empty() { "—".into() } else { dns }, format!("{} s", l.lease_time)];
        text_row("client-lease-row", l.address.to_string(), cells)
    });
    text_table("client-lease-table", tr!(tr, "table-client-lease"), &[tr!(tr, "col-dev"), tr!(tr, "col-address"), tr!(tr, "col-router"), tr!(tr, "col-dns"), tr!(tr, "col-lease")], rows)
}

/// The server's lease table, one row per leased address.
fn server_leases(tr: &Tr, t: &NetworkState, device: &str) -> Html {
    let Some(leases) = t.dhcp_server_leases.get(device).filter(|l| !l.is_empty()) else {
        return Html::default();
    };
    let rows = leases.iter().map(|(ip, row)| {
        let host = row.hostname.clone().unwrap_or_else(|| "*".into());
        text_row("lease-row", ip.to_string(), [ip.to_string(), row.mac.to_string(), host, format_time(row.expires.as_nanos())])
    });
    text_table("lease-table", tr!(tr, "table-server-leases"), &[tr!(tr, "col-ip"), tr!(tr, "col-mac"), tr!(tr, "col-host"), tr!(tr, "col-expires")], rows)
}

/// The resolver's last answer per name.
fn dns_answers(tr: &Tr, t: &NetworkState, device: &str) -> Html {
    let Some(answers) = t.dns_answers.get(device).filter(|a| !a.is_empty()) else {
        return Html::default();
    };
    let rows = answers.iter().map(|(name, outcome)| text_row("dns-row", name.clone(), [name.clone(), tr.msg(&crate::playback::lookup_msg(outcome))]));
    text_table("dns-table", tr!(tr, "table-dns"), &[tr!(tr, "col-name"), tr!(tr, "col-answer")], rows)
}

/// The TCP sockets, as `ss -tan` lists them (state, local, peer).
fn sockets(tr: &Tr, t: &NetworkState, device: &str) -> Html {
    let Some(rows) = t.sockets.get(device).filter(|r| !r.is_empty()) else {
        return Html::default();
    };
    let rows = rows.iter().map(|r| {
        let peer = r.peer.map_or_else(|| "*:*".to_string(), |p| p.to_string());
        text_row("socket-row", r.state.name().to_string(), [r.state.name().to_string(), r.local.to_string(), peer])
    });
    text_table("socket-table", tr!(tr, "table-sockets"), &[tr!(tr, "col-state"), tr!(tr, "col-local"), tr!(tr, "col-peer")], rows)
}

/// A NAT router's conntrack table: each flow as the inside host sent it, what its replies
/// look like on the outside, its state and when it expires unless refreshed.
fn conntrack(tr: &Tr, t: &NetworkState, device: &str) -> Html {
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
    text_table("nat-table", tr!(tr, "table-conntrack"), &[tr!(tr, "col-proto"), tr!(tr, "col-original"), tr!(tr, "col-reply"), tr!(tr, "col-state"), tr!(tr, "col-expires")], rows)
}

/// A row of plain cells, keyed by `key` (`data-key`) for tests and styles.
fn text_row<const N: usize>(testid: &'static str, key: String, cells: [String; N]) -> Html {
    html! { <tr data-testid={testid} data-key={key}>{ for cells.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr> }
}

/// A captioned table with a header row; one shape for every DHCP, DNS and TCP table.
fn text_table(testid: &'static str, caption: String, heads: &[String], rows: impl Iterator<Item = Html>) -> Html {
    html! {
        <table class="mini-table" data-testid={testid}>
            <caption>{ caption }</caption>
            <thead><tr>{ for heads.iter().map(|h| html! { <th>{ h.clone() }</th> }) }</tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
