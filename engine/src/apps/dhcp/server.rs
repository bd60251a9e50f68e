//! A DHCP server modelled on dnsmasq (the usual home router), source
//! src/rfc2131.c `dhcp_reply` / `do_options` and src/dhcp.c
//! `address_allocate` / `do_icmp_ping`, as of the 2.8x/2.9x releases.
//!
//! What dnsmasq does that a textbook server does not, and this one does:
//! - The address offered to a new client is not "the first free one": it
//!   starts at `start + sdbm_hash(mac) % pool_size` and scans upwards
//!   (`address_allocate`), skipping the server's own address and, in a /24-style
//!   class C range, .0 and .255.
//! - Before offering a new address it pings it (ICMP echo, 28 bytes: the size of
//!   `struct icmp`, id random, seq 0) and waits `PING_WAIT` = 3 s; an answer
//!   means "in use" and the scan moves on. A clean result is cached 30 s
//!   (`PING_CACHE_TIME`). `--no-ping` turns it off ([`DhcpPool::ping_check`]).
//!   While it waits, dnsmasq handles no other DHCP packet; they are queued here.
//! - Nothing is reserved by an OFFER; the lease is created by the REQUEST.
//! - A REQUEST naming another server is ignored (or NAKed when authoritative);
//!   a unicast renewal for an unknown lease is NAKed, a broadcast one ignored.
//! - Options: 53, 54, 51, 58, 59 first, then 1, 28, 3 and 6 (3 and 6 only when
//!   the client asked for them), 15 when a domain is set, 12 in the ACK echoing
//!   the client's host name; siaddr is the server's address; replies padded to
//!   300 bytes. T1/T2 are lease/2 and lease·7/8, less a random `fuzz` on renewals.
//! - Replies leave through a UDP socket with TOS 0xc0 (IPTOS_CLASS_CS6) and DF
//!   clear (IP_PMTUDISC_DONT, `make_sock` in src/dhcp.c), unicast to yiaddr and
//!   chaddr unless the broadcast flag is set (ARP-cache injection, src/dhcp.c).

use crate::vec_map::VecMap;
use std::collections::VecDeque;
use std::net::Ipv4Addr;

use crate::mac::MacAddr;
use crate::rng::Rng;
use crate::time::SimTime;
use crate::wire::dhcp::{opt, DhcpMessage, DhcpOpt, MessageType, BOOTREPLY, BOOTREQUEST, FLAG_BROADCAST};

/// `PING_WAIT` (src/config.h): seconds dnsmasq waits for an echo reply.
pub const PING_WAIT: SimTime = SimTime::from_secs(3);
/// `PING_CACHE_TIME` (src/config.h): a silent address is trusted this long.
pub const PING_CACHE_TIME: SimTime = SimTime::from_secs(30);
/// `DEFLEASE` (src/config.h): one hour.
pub const DEFAULT_LEASE_TIME: u32 = 3600;
/// TOS of dnsmasq's DHCP replies (IPTOS_CLASS_CS6).
pub const REPLY_TOS: u8 = 0xc0;

/// A `dhcp-range` and the options served with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DhcpPool {
    /// The server's address on the LAN (`context->local`): server identifier,
    /// siaddr, and the default router and DNS server.
    pub server_addr: Ipv4Addr,
    /// The LAN's mask (option 1).
    pub netmask: Ipv4Addr,
    /// First address of the range.
    pub start: Ipv4Addr,
    /// Last address of the range.
    pub end: Ipv4Addr,
    /// Option 3; `None` means dnsmasq's default, the server's own address.
    pub router: Option<Ipv4Addr>,
    /// Option 6; `None` means the server itself (dnsmasq is the DNS server).
    pub dns_servers: Option<Vec<Ipv4Addr>>,
    /// `domain=`: option 15.
    pub domain: Option<String>,
    /// Lease time in seconds.
    pub lease_time: u32,
    /// `dhcp-authoritative`.
    pub authoritative: bool,
    /// Ping before offering (true unless `--no-ping`).
    pub ping_check: bool,
}

impl DhcpPool {
    /// dnsmasq's defaults for a range on a LAN where the server has `server_addr`.
    pub fn new(server_addr: Ipv4Addr, netmask: Ipv4Addr, start: Ipv4Addr, end: Ipv4Addr) -> DhcpPool {
        DhcpPool {
            server_addr,
            netmask,
            start,
            end,
            router: None,
            dns_servers: None,
            domain: None,
            lease_time: DEFAULT_LEASE_TIME,
            authoritative: false,
            ping_check: true,
        }
    }

    fn contains(&self, a: Ipv4Addr) -> bool {
        (u32::from(self.start)..=u32::from(self.end)).contains(&u32::from(a))
    }

    fn broadcast(&self) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.start) | !u32::from(self.netmask))
    }
}

/// A lease in dnsmasq's table (`struct dhcp_lease`); serialisable for the lab's lease table
/// and the `DhcpServerLease` trace event, which records it as it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ServerLease {
    /// The client's MAC.
    pub mac: MacAddr,
    /// The leased address.
    pub address: Ipv4Addr,
    /// The client's host name (option 12), if legal.
    pub hostname: Option<String>,
    /// When it expires.
    pub expires: SimTime,
}

/// What the server asks its host to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerEvent {
    /// A DHCP reply from port 67 to `dst`:68. When `dst` is a unicast yiaddr,
    /// the Ethernet destination is `dst_mac` (dnsmasq injects it into the ARP
    /// cache, so no ARP request precedes it).
    Reply {
        /// The message.
        message: DhcpMessage,
        /// IP destination.
        dst: Ipv4Addr,
        /// Ethernet destination (broadcast for 255.255.255.255).
        dst_mac: MacAddr,
    },
    /// The address-in-use check: send this ICMP echo request (28 bytes, from
    /// a raw socket: kernel IP header, TTL 64) to `to`, and report an echo reply
    /// from it with [`DhcpServer::on_echo_reply`].
    Ping {
        /// The candidate address.
        to: Ipv4Addr,
        /// The ICMP message.
        icmp: Vec<u8>,
    },
    /// A lease was created or renewed (for the lease table and the trace).
    Leased(ServerLease),
    /// A NAK was sent, and dnsmasq's log reason ("wrong server-ID", "lease not found", ...).
    Nak {
        /// The client.
        mac: MacAddr,
        /// dnsmasq's message, also sent in option 56.
        reason: &'static str,
    },
    /// A DHCPRELEASE from the lease's own client: the lease is gone from the table.
    Released {
        /// The address freed.
        address: Ipv4Addr,
        /// The client.
        mac: MacAddr,
    },
    /// A DISCOVER got no OFFER because the pool is full ("no address available").
    PoolExhausted {
        /// The client.
        mac: MacAddr,
    },
}

/// A DISCOVER waiting for its ping to time out.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PendingPing {
    request: DhcpMessage,
    candidate: Ipv4Addr,
    /// Where the scan started (`start` in `address_allocate`).
    scan_start: Ipv4Addr,
    /// The candidate was the client's option 50, not from the scan.
    requested: bool,
    ident: u16,
    deadline: SimTime,
}

/// One dnsmasq DHCP service.
#[derive(Debug, Clone)]
pub struct DhcpServer {
    pool: DhcpPool,
    leases: VecMap<Ipv4Addr, ServerLease>,
    /// `daemon->ping_results`: address → when it was found silent.
    ping_cache: VecMap<Ipv4Addr, SimTime>,
    /// `c->addr_epoch`: bumped when a pinged address answers.
    addr_epoch: u32,
    pending: Option<PendingPing>,
    /// DHCP messages that arrived while a ping was pending.
    queue: VecDeque<DhcpMessage>,
}

/// dnsmasq's SDBM hash of the hardware address (`address_allocate`).
pub fn sdbm_hash(mac: MacAddr) -> u32 {
    let mut j: u32 = 0;
    for b in mac.0 {
        j = u32::from(b).wrapping_add(j << 6).wrapping_add(j << 16).wrapping_sub(j);
    }
    if j == 0 {
        1
    } else {
        j
    }
}

impl DhcpServer {
    /// A server with an empty lease table.
    pub fn new(pool: DhcpPool) -> DhcpServer {
        DhcpServer {
            pool,
            leases: VecMap::new(),
            ping_cache: VecMap::new(),
            addr_epoch: 0,
            pending: None,
            queue: VecDeque::new(),
        }
    }

    /// The configuration.
    pub fn pool(&self) -> &DhcpPool {
        &self.pool
    }

    /// Current leases (expired ones are pruned when the table is next used).
    pub fn leases(&self) -> impl Iterator<Item = &ServerLease> {
        self.leases.values()
    }

    /// When [`DhcpServer::on_timer`] must be called (the ping deadline).
    pub fn poll_at(&self) -> Option<SimTime> {
        self.pending.as_ref().map(|p| p.deadline)
    }

    /// `lease_prune`: drop expired leases.
    fn prune(&mut self, now: SimTime) {
        self.leases.retain(|_, l| l.expires > now);
    }

    fn lease_of(&self, mac: MacAddr) -> Option<&ServerLease> {
        self.leases.values().find(|l| l.mac == mac)
    }

    /// A DHCP message arrived on port 67. `unicast` says whether it was sent to
    /// the server's own address (a renewal) rather than broadcast.
    pub fn on_message(&mut self, now: SimTime, rng: &mut Rng, payload: &[u8], unicast: bool) -> Vec<ServerEvent> {
        let Some(m) = DhcpMessage::parse(payload) else { return vec![] };
        if m.op != BOOTREQUEST {
            return vec![];
        }
        if self.pending.is_some() {
            // delay_dhcp: "we remain deaf to ... further DHCP packets".
            self.queue.push_back(m);
            return vec![];
        }
        self.handle(now, rng, m, unicast)
    }

    fn handle(&mut self, now: SimTime, rng: &mut Rng, m: DhcpMessage, unicast: bool) -> Vec<ServerEvent> {
        self.prune(now);
        match m.message_type() {
            Some(MessageType::Discover) => self.discover(now, rng, m),
            Some(MessageType::Request) => self.request(now, rng, m, unicast),
            Some(MessageType::Release) => {
                if m.addr_option(opt::SERVER_ID) == Some(self.pool.server_addr) {
                    if let Some(l) = self.leases.get(&m.ciaddr) {
                        if l.mac == m.chaddr {
                            self.leases.remove(&m.ciaddr);
                            return vec![ServerEvent::Released { address: m.ciaddr, mac: m.chaddr }];
                        }
                    }
                }
                vec![]
            }
            _ => vec![],
        }
    }

    /// The DHCPDISCOVER case: the client's lease, else its requested address
    /// (pinged), else `address_allocate`.
    fn discover(&mut self, now: SimTime, rng: &mut Rng, m: DhcpMessage) -> Vec<ServerEvent> {
        if let Some(l) = self.lease_of(m.chaddr) {
            let addr = l.address;
            return vec![self.offer(&m, addr)];
        }
        if let Some(req) = m.addr_option(opt::REQUESTED_IP) {
            if self.available(req) {
                if let Some(ev) = self.ping_or_offer(now, rng, &m, req, req) {
                    return ev;
                }
            }
        }
        let start = self.scan_start(m.chaddr);
        self.allocate_from(now, rng, m, start, start, true)
    }

    fn scan_start(&self, mac: MacAddr) -> Ipv4Addr {
        let size = u32::from(self.pool.end) - u32::from(self.pool.start) + 1;
        let off = sdbm_hash(mac).wrapping_add(self.addr_epoch) % size;
        Ipv4Addr::from(u32::from(self.pool.start) + off)
    }

    /// In range, not leased, not the server's own address, and (class C) not .0 / .255.
    fn available(&self, a: Ipv4Addr) -> bool {
        let class_c = (0xc0..=0xdf).contains(&a.octets()[0]);
        self.pool.contains(a)
            && a != self.pool.server_addr
            && !self.leases.contains_key(&a)
            && !(class_c && matches!(a.octets()[3], 0 | 255))
    }

    /// `address_allocate`'s loop from `addr` (inclusive when `first`) until it
    /// comes back to `start`.
    fn allocate_from(
        &mut self,
        now: SimTime,
        rng: &mut Rng,
        m: DhcpMessage,
        start: Ipv4Addr,
        mut addr: Ipv4Addr,
        first: bool,
    ) -> Vec<ServerEvent> {
        let mut skip = !first;
        loop {
            if !skip && self.available(addr) {
                if let Some(ev) = self.ping_or_offer(now, rng, &m, addr, start) {
                    return ev;
                }
            }
            skip = false;
            addr = if addr == self.pool.end { self.pool.start } else { Ipv4Addr::from(u32::from(addr) + 1) };
            if addr == start {
                return vec![ServerEvent::PoolExhausted { mac: m.chaddr }];
            }
        }
    }

    /// `do_icmp_ping`: a cached silent result, or `--no-ping`, offers at once;
    /// otherwise a ping goes out and the OFFER waits (`None` never happens for a
    /// fresh ping: the events returned hold the ping).
    fn ping_or_offer(
        &mut self,
        now: SimTime,
        rng: &mut Rng,
        m: &DhcpMessage,
        addr: Ipv4Addr,
        scan_start: Ipv4Addr,
    ) -> Option<Vec<ServerEvent>> {
        self.ping_cache.retain(|_, t| now.saturating_sub(*t) <= PING_CACHE_TIME);
        if !self.pool.ping_check || self.ping_cache.contains_key(&addr) {
            return Some(vec![self.offer(m, addr)]);
        }
        let ident = rng.next_u16();
        self.pending = Some(PendingPing {
            request: m.clone(),
            candidate: addr,
            scan_start,
            requested: m.addr_option(opt::REQUESTED_IP) == Some(addr) && scan_start == addr,
            ident,
            deadline: now + PING_WAIT,
        });
        Some(vec![ServerEvent::Ping { to: addr, icmp: ping_message(ident) }])
    }

    /// The ping timed out: the address is free, OFFER it; then serve what queued up.
    pub fn on_timer(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ServerEvent> {
        let Some(p) = self.pending.take_if(|p| now >= p.deadline) else { return vec![] };
        self.ping_cache.insert(p.candidate, now);
        let mut ev = vec![self.offer(&p.request, p.candidate)];
        ev.extend(self.drain(now, rng));
        ev
    }

    /// An ICMP echo reply arrived from `from` with identifier `ident`: the
    /// candidate is in use. A requested address falls back to allocation; an
    /// allocated one bumps `addr_epoch` and the scan continues after it.
    pub fn on_echo_reply(&mut self, now: SimTime, rng: &mut Rng, from: Ipv4Addr, ident: u16) -> Vec<ServerEvent> {
        let Some(p) = self.pending.take_if(|p| p.candidate == from && p.ident == ident) else { return vec![] };
        let mut ev = if p.requested {
            let start = self.scan_start(p.request.chaddr);
            self.allocate_from(now, rng, p.request, start, start, true)
        } else {
            self.addr_epoch = self.addr_epoch.wrapping_add(1);
            self.allocate_from(now, rng, p.request, p.scan_start, p.candidate, false)
        };
        if self.pending.is_none() {
            ev.extend(self.drain(now, rng));
        }
        ev
    }

    fn drain(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ServerEvent> {
        let mut ev = Vec::new();
        while self.pending.is_none() {
            let Some(m) = self.queue.pop_front() else { break };
            // Queued messages were broadcasts or unicasts alike; renewals are
            // rare during a ping, so they are treated as broadcast here.
            ev.extend(self.handle(now, rng, m, false));
        }
        ev
    }

    /// The options of an OFFER or ACK, in dnsmasq's order.
    fn options(&self, m: &DhcpMessage, kind: MessageType, t1_t2_fuzz: u32, hostname: Option<&str>) -> Vec<DhcpOpt> {
        let prl = m.option(opt::PARAMETER_LIST).unwrap_or(&[]);
        let asked = |c: u8| prl.contains(&c);
        let p = &self.pool;
        let lease = p.lease_time;
        let mut o = vec![
            DhcpOpt::u8(opt::MESSAGE_TYPE, kind.into()),
            DhcpOpt::addrs(opt::SERVER_ID, &[p.server_addr]),
            DhcpOpt::u32(opt::LEASE_TIME, lease),
        ];
        if lease != u32::MAX {
            let (mut t1, mut t2) = (lease / 2, lease * 7 / 8);
            let mut fuzz = t1_t2_fuzz;
            while fuzz > t1 / 8 {
                fuzz /= 2;
            }
            t1 -= fuzz;
            t2 -= fuzz;
            o.push(DhcpOpt::u32(opt::RENEWAL_TIME, t1));
            o.push(DhcpOpt::u32(opt::REBINDING_TIME, t2));
        }
        o.push(DhcpOpt::addrs(opt::SUBNET_MASK, &[p.netmask]));
        o.push(DhcpOpt::addrs(opt::BROADCAST, &[p.broadcast()]));
        if asked(opt::ROUTER) {
            o.push(DhcpOpt::addrs(opt::ROUTER, &[p.router.unwrap_or(p.server_addr)]));
        }
        if asked(opt::DNS_SERVERS) {
            let dns = p.dns_servers.clone().unwrap_or_else(|| vec![p.server_addr]);
            o.push(DhcpOpt::addrs(opt::DNS_SERVERS, &dns));
        }
        if let Some(d) = p.domain.as_deref().filter(|_| asked(opt::DOMAIN_NAME)) {
            o.push(DhcpOpt::text(opt::DOMAIN_NAME, d));
        }
        if let Some(h) = hostname.filter(|_| asked(opt::HOST_NAME)) {
            o.push(DhcpOpt::text(opt::HOST_NAME, h));
        }
        o
    }

    /// The reply built from the request (dnsmasq edits the request in place:
    /// xid, secs, flags, ciaddr, giaddr and chaddr stay; op becomes BOOTREPLY).
    fn reply(&self, m: &DhcpMessage, yiaddr: Ipv4Addr, options: Vec<DhcpOpt>) -> DhcpMessage {
        DhcpMessage {
            op: BOOTREPLY,
            yiaddr,
            siaddr: self.pool.server_addr,
            options,
            ..m.clone()
        }
    }

    /// Where a reply goes (src/dhcp.c `dhcp_packet`): to ciaddr when the client
    /// has one, else broadcast if the flag asks, else unicast to yiaddr/chaddr.
    fn send(&self, msg: DhcpMessage) -> ServerEvent {
        let (dst, dst_mac) = if !msg.ciaddr.is_unspecified() {
            (msg.ciaddr, msg.chaddr)
        } else if msg.flags & FLAG_BROADCAST != 0 {
            (Ipv4Addr::BROADCAST, MacAddr::BROADCAST)
        } else {
            (msg.yiaddr, msg.chaddr)
        };
        ServerEvent::Reply { message: msg, dst, dst_mac }
    }

    fn offer(&self, m: &DhcpMessage, addr: Ipv4Addr) -> ServerEvent {
        // offer_hostname is only set from dhcp-host config or an FQDN option, so
        // a plain client's OFFER carries no option 12.
        let opts = self.options(m, MessageType::Offer, 0, None);
        self.send(self.reply(m, addr, opts))
    }

    fn nak(&self, m: &DhcpMessage, reason: &'static str, broadcast: bool) -> Vec<ServerEvent> {
        let opts = vec![
            DhcpOpt::u8(opt::MESSAGE_TYPE, MessageType::Nak.into()),
            DhcpOpt::addrs(opt::SERVER_ID, &[self.pool.server_addr]),
            DhcpOpt::text(opt::MESSAGE, reason),
        ];
        let mut msg = DhcpMessage { op: BOOTREPLY, yiaddr: Ipv4Addr::UNSPECIFIED, siaddr: Ipv4Addr::UNSPECIFIED, options: opts, ..m.clone() };
        if broadcast {
            msg.flags |= FLAG_BROADCAST;
            msg.ciaddr = Ipv4Addr::UNSPECIFIED;
        }
        vec![self.send(msg), ServerEvent::Nak { mac: m.chaddr, reason }]
    }

    /// The DHCPREQUEST case: SELECTING (50 + 54), INIT-REBOOT (50 only) or
    /// RENEWING/REBINDING (ciaddr).
    fn request(&mut self, now: SimTime, rng: &mut Rng, m: DhcpMessage, unicast: bool) -> Vec<ServerEvent> {
        let mut fuzz = 0u32;
        let mut nak_broadcast = false;
        let lease = self.lease_of(m.chaddr).cloned();
        let yiaddr;
        let mut message: Option<&'static str> = None;
        if let Some(req) = m.addr_option(opt::REQUESTED_IP) {
            yiaddr = req;
            if let Some(sid) = m.addr_option(opt::SERVER_ID) {
                if sid != self.pool.server_addr {
                    // Another server's offer was taken.
                    if !self.pool.authoritative {
                        return vec![];
                    }
                    message = Some("wrong server-ID");
                } else if let Some(l) = &lease {
                    if l.address != req {
                        self.leases.remove(&l.address);
                    }
                }
            } else {
                if lease.is_none() && !self.pool.authoritative {
                    return vec![];
                }
                if lease.as_ref().is_some_and(|l| l.address != req) {
                    message = Some("wrong address");
                }
            }
        } else {
            if lease.as_ref().is_some_and(|l| l.address != m.ciaddr) || (lease.is_none() && !self.pool.authoritative) {
                if !unicast {
                    return vec![];
                }
                message = Some("lease not found");
                nak_broadcast = true;
            }
            fuzz = u32::from(rng.next_u16());
            yiaddr = m.ciaddr;
        }
        let lease = self.lease_of(m.chaddr).cloned();
        if message.is_none() {
            let same_net = |a: Ipv4Addr| u32::from(a) & u32::from(self.pool.netmask) == u32::from(self.pool.server_addr) & u32::from(self.pool.netmask);
            if !same_net(yiaddr) {
                message = Some("wrong network");
                nak_broadcast = true;
            } else if !self.pool.contains(yiaddr) {
                message = Some("address not available");
            } else if lease.is_none() && self.leases.contains_key(&yiaddr) {
                message = Some("address in use");
            }
        }
        if let Some(reason) = message {
            // dhcp_reply: a NAK is broadcast (ciaddr cleared) unless a unicast
            // REQUEST came from a client on another subnet (through a relay).
            let mask = u32::from(self.pool.netmask);
            let same_net = u32::from(m.ciaddr) & mask == u32::from(self.pool.server_addr) & mask;
            let bcast = nak_broadcast || !unicast || !m.giaddr.is_unspecified() || m.ciaddr.is_unspecified() || same_net;
            return self.nak(&m, reason, bcast);
        }
        let hostname = m
            .option(opt::HOST_NAME)
            .map(|h| String::from_utf8_lossy(h).into_owned())
            .filter(|h| legal_hostname(h));
        let l = ServerLease {
            mac: m.chaddr,
            address: yiaddr,
            hostname: hostname.clone(),
            expires: now + SimTime::from_secs(u64::from(self.pool.lease_time)),
        };
        self.leases.insert(yiaddr, l.clone());
        let opts = self.options(&m, MessageType::Ack, fuzz, hostname.as_deref());
        vec![self.send(self.reply(&m, yiaddr, opts)), ServerEvent::Leased(l)]
    }
}

/// dnsmasq's `legal_hostname`: letters, digits, '-' and '.' only (simplified).
fn legal_hostname(h: &str) -> bool {
    !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// The ICMP echo request dnsmasq's `icmp_ping` sends: `sizeof(struct icmp)`
/// = 28 bytes, type 8, code 0, id, seq 0, 20 zero bytes.
pub fn ping_message(ident: u16) -> Vec<u8> {
    let mut icmp = crate::frames::icmp_echo(true, ident, 0, &[0u8; 20]);
    icmp.truncate(28);
    icmp
}
