//! The words the editor's actions are made of: the pointer mode, a pointer event, what a
//! press landed on, a field of the scenario and its refusal, and the gesture in progress.

use super::*;

/// What a pointer press or drag on the canvas does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Press a device to select it, drag it to move it, drag the background to pan,
    /// shift-drag the background to select with a rubber band.
    #[default]
    Select,
    /// Drag from one device to another (or click one, then the other) to cable them.
    Link,
}

/// A pointer event on the canvas, as plain numbers: where (page pixels), the canvas's box and
/// whether Shift was held.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pointer {
    /// Pointer position in CSS pixels of the page.
    pub client: Point,
    /// The `<svg>` element's bounding box in CSS pixels of the page.
    pub rect: Rect,
    /// Shift held: adds to the selection.
    pub shift: bool,
}

/// What a press landed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The device at this index.
    Device(usize),
    /// The link at this index.
    Link(usize),
    /// The empty canvas.
    Background,
}

/// One end of a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum End {
    /// The `a` end.
    A,
    /// The `b` end.
    B,
}

/// A field of the scenario the panel edits. Its [`Field::path`] is the engine's path for it,
/// so a validation error can be matched to the field it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The lab's title.
    LabName,
    /// A device's id.
    Name(usize),
    /// The address of a device's interface ("10.0.0.1/24", "10.0.0.1 255.255.255.0" or empty).
    Address(usize, usize),
    /// The MAC of a device's interface (empty: derived from the names).
    Mac(usize, usize),
    /// NAT on a router's interface ("masquerade", or empty: none); a checkbox.
    Nat(usize, usize),
    /// IPv6 on a device's interface ("auto", "2001:db8:1::1/64", or empty: off).
    Ipv6(usize, usize),
    /// Router advertisements on a router's interface: the prefix ("on": the
    /// interface's own /64; empty: radvd off).
    RaPrefix(usize, usize),
    /// The parent of a VLAN subinterface (`eth0` for `eth0.10`; empty: none).
    SubParent(usize, usize),
    /// The VLAN id of a VLAN subinterface (1–4094; empty: none).
    SubVlan(usize, usize),
    /// radvd's MaxRtrAdvInterval on a router's interface, seconds (empty: 600).
    RaInterval(usize, usize),
    /// radvd's AdvDefaultLifetime on a router's interface, seconds (empty: 3 × the interval; 0: not a default router).
    RaLifetime(usize, usize),
    /// An interface's link MTU in bytes (empty: 1500).
    Mtu(usize, usize),
    /// A device's static IPv6 routes, typed as a list: `PREFIX via NEXT-HOP [dev DEV]`, comma-separated.
    Routes6(usize),
    /// A device's default gateway (empty: none).
    Gateway(usize),
    /// The number of ports of a switch or hub.
    Ports(usize),
    /// Whether a switch runs the spanning tree (`on` / `off`); a checkbox.
    Stp(usize),
    /// A spanning-tree switch's bridge priority (empty: the default 32768).
    BridgePriority(usize),
    /// Whether a switch filters by VLAN (`on` / `off`); a checkbox.
    VlanFiltering(usize),
    /// A VLAN-filtering switch port's untagged VLAN (device, port index; empty: 1).
    PortPvid(usize, usize),
    /// A VLAN-filtering switch port's tagged VLANs, comma-separated (device, port index).
    PortTagged(usize, usize),
    /// The destination of a device's static route.
    RoutePrefix(usize, usize),
    /// The next hop of a device's static route.
    RouteVia(usize, usize),
    /// The form adding a static route to a device.
    NewRoute(usize),
    /// The port at one end of a link.
    LinkPort(usize, End),
    /// Whether a device's interface gets its address from DHCP (`"address": "dhcp"`); the
    /// text is `on` or `off`.
    Dhcp(usize, usize),
    /// A device's DNS servers (resolv.conf), typed as a comma-separated list.
    Dns(usize),
    /// A setting of a device's DHCP server.
    DhcpServer(usize, DhcpKey),
    /// A setting of a device's DNS server.
    DnsServer(usize, DnsKey),
    /// The form adding a record to a device's DNS zone.
    NewRecord(usize),
}

/// A setting of a DHCP server (`services.dhcp`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DhcpKey {
    /// The server runs (`on`) or not (`off`).
    Enabled,
    /// The interface it serves.
    Interface,
    /// The first address of the pool.
    PoolStart,
    /// The last address of the pool.
    PoolEnd,
    /// Option 3, the router offered (empty: none).
    Router,
    /// Option 6, the DNS servers offered (a comma-separated list).
    Dns,
    /// Option 51, in seconds (empty: dnsmasq's default).
    LeaseTime,
    /// Option 15 (empty: none).
    Domain,
}

/// A setting of a DNS server (`services.dns`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DnsKey {
    /// The server runs (`on`) or not (`off`).
    Enabled,
    /// The zone it is authoritative for (empty: none).
    Zone,
    /// Upstream servers (a comma-separated list).
    Forwarders,
    /// Answers as a public recursive resolver (`on` / `off`).
    Recursive,
    /// A record's name.
    RecordName(usize),
    /// A record's type (`A`, `CNAME`).
    RecordType(usize),
    /// A record's value.
    RecordValue(usize),
    /// A record's TTL in seconds (empty: the default).
    RecordTtl(usize),
}

impl Field {
    /// The engine's path of this field, as in its validation messages.
    pub fn path(self) -> String {
        match self {
            Field::LabName => "name".into(),
            Field::Name(d) => format!("devices[{d}].id"),
            Field::Address(d, i) => format!("devices[{d}].interfaces[{i}].address"),
            Field::Mac(d, i) => format!("devices[{d}].interfaces[{i}].mac"),
            Field::Nat(d, i) => format!("devices[{d}].interfaces[{i}].nat"),
            Field::Ipv6(d, i) => format!("devices[{d}].interfaces[{i}].ipv6"),
            Field::RaPrefix(d, i) => format!("devices[{d}].interfaces[{i}].ra"),
            Field::SubParent(d, i) => format!("devices[{d}].interfaces[{i}].parent"),
            Field::SubVlan(d, i) => format!("devices[{d}].interfaces[{i}].vlan"),
            Field::RaInterval(d, i) => format!("devices[{d}].interfaces[{i}].ra.interval_s"),
            Field::RaLifetime(d, i) => format!("devices[{d}].interfaces[{i}].ra.lifetime_s"),
            Field::Mtu(d, i) => format!("devices[{d}].interfaces[{i}].mtu"),
            Field::Routes6(d) => format!("devices[{d}].routes6"),
            Field::Gateway(d) => format!("devices[{d}].gateway"),
            Field::Ports(d) => format!("devices[{d}].ports"),
            Field::Stp(d) => format!("devices[{d}].stp"),
            Field::BridgePriority(d) => format!("devices[{d}].bridge_priority"),
            Field::VlanFiltering(d) => format!("devices[{d}].vlan_filtering"),
            Field::PortPvid(d, p) => format!("devices[{d}].vlans.p{}.pvid", p + 1),
            Field::PortTagged(d, p) => format!("devices[{d}].vlans.p{}", p + 1),
            Field::RoutePrefix(d, r) => format!("devices[{d}].routes[{r}].prefix"),
            Field::RouteVia(d, r) => format!("devices[{d}].routes[{r}].via"),
            Field::NewRoute(d) => format!("devices[{d}].routes"),
            Field::LinkPort(l, End::A) => format!("links[{l}].a.port"),
            Field::LinkPort(l, End::B) => format!("links[{l}].b.port"),
            Field::Dhcp(d, i) => format!("devices[{d}].interfaces[{i}].address"),
            Field::Dns(d) => format!("devices[{d}].dns"),
            Field::DhcpServer(d, key) => {
                let at = format!("devices[{d}].services.dhcp");
                match key {
                    DhcpKey::Enabled => at,
                    DhcpKey::Interface => format!("{at}.interface"),
                    DhcpKey::PoolStart => format!("{at}.pool_start"),
                    DhcpKey::PoolEnd => format!("{at}.pool_end"),
                    DhcpKey::Router => format!("{at}.router"),
                    DhcpKey::Dns => format!("{at}.dns"),
                    DhcpKey::LeaseTime => format!("{at}.lease_time_s"),
                    DhcpKey::Domain => format!("{at}.domain"),
                }
            }
            Field::DnsServer(d, key) => {
                let at = format!("devices[{d}].services.dns");
                match key {
                    DnsKey::Enabled => at,
                    DnsKey::Zone => format!("{at}.zone"),
                    DnsKey::Forwarders => format!("{at}.forwarders"),
                    DnsKey::Recursive => format!("{at}.recursive"),
                    DnsKey::RecordName(r) => format!("{at}.records[{r}].name"),
                    DnsKey::RecordType(r) => format!("{at}.records[{r}].type"),
                    DnsKey::RecordValue(r) => format!("{at}.records[{r}].value"),
                    DnsKey::RecordTtl(r) => format!("{at}.records[{r}].ttl"),
                }
            }
            Field::NewRecord(d) => format!("devices[{d}].services.dns.records"),
        }
    }
}

/// An entry the engine refused: what the user typed and why it was refused.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The text as typed, shown in the field so nothing typed is lost.
    pub draft: String,
    /// The engine's reason (or the editor's, for text it could not read), worded when shown.
    pub message: packet_engine::msg::Msg,
}

/// The pointer gesture in progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Gesture {
    /// Dragging devices: each selected device's index and where it was when the drag began.
    Move {
        /// The device pressed.
        device: usize,
        /// Where the press was, in page pixels.
        start: Point,
        /// The devices being moved and their positions at the start.
        origins: Vec<(usize, Point)>,
        /// The lab before the drag, pushed on the undo history once when the drag ends.
        before: Rc<Scenario>,
        /// Whether the pointer has left the click slop: a drag, not a click.
        moved: bool,
    },
    /// Dragging the empty canvas: the view follows the pointer.
    Pan {
        /// Where the press was, in page pixels.
        start: Point,
        /// The view when the press began.
        view: ViewBox,
        /// The canvas box then.
        rect: Rect,
        /// Whether the pointer has left the click slop.
        moved: bool,
    },
    /// Shift-dragging the empty canvas: a rubber band selecting what it covers.
    Band {
        /// The corner where the press was, in SVG units.
        from: Point,
        /// The other corner, under the pointer.
        to: Point,
    },
    /// Dragging a cable from a device.
    Link {
        /// The device the cable starts at.
        from: usize,
        /// The loose end, under the pointer, in SVG units.
        to: Point,
    },
}

