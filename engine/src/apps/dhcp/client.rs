//! A DHCP client modelled on ISC dhclient 4.4 as Debian 12 ships it
//! (isc-dhcp-client 4.4.3-P1 with Debian's /etc/dhcp/dhclient.conf).
//!
//! Every choice below follows client/dhclient.c; the function is named where
//! it forces the choice. Time is whole seconds (`cur_time`, from `time()`)
//! for intervals, and microseconds are drawn at random for timer deadlines
//! exactly where dhclient does, so retransmissions land on the same
//! fractional instants a real client's would for the same random stream.
//!
//! Driving it: [`DhcpClient::start`] (dhclient started on an interface with no
//! saved lease), then [`DhcpClient::on_message`] for each DHCP message that
//! reaches UDP port 68, and [`DhcpClient::on_timer`] when `now >=`
//! [`DhcpClient::poll_at`]. Each returns [`ClientEvent`]s: messages to send
//! (with the path dhclient sends them on) and the dhclient-script reasons
//! (BOUND, RENEW, EXPIRE, FAIL) that install or remove the address.

use std::net::Ipv4Addr;

use crate::frames::{self, Ipv4Header};
use crate::mac::MacAddr;
use crate::rng::Rng;
use crate::time::SimTime;
use crate::wire::dhcp::{opt, DhcpMessage, DhcpOpt, MessageType, BOOTREQUEST};
use crate::wire::udp::{self, DHCP_CLIENT_PORT, DHCP_SERVER_PORT};
use smoltcp::wire::IpProtocol;

/// Option 55 as Debian's dhclient.conf asks for it: `request subnet-mask,
/// broadcast-address, time-offset, routers, domain-name, domain-name-servers,
/// domain-search, host-name, dhcp6.name-servers, dhcp6.domain-search,
/// dhcp6.fqdn, dhcp6.sntp-servers, netbios-name-servers, netbios-scope,
/// interface-mtu, rfc3442-classless-static-routes, ntp-servers;` — the dhcp6.*
/// entries are dropped for DHCPv4 (`make_client_options` keeps only
/// `dhcp_universe` codes).
pub const DEBIAN_PARAMETER_REQUEST_LIST: [u8; 13] = [1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42];

/// `IPTOS_LOWDELAY`: the TOS dhclient writes in its own IP header (common/packet.c
/// `assemble_udp_ip_header`).
pub const RAW_TOS: u8 = 0x10;
/// The TTL dhclient writes in its own IP header (`ip.ip_ttl = 128`, same function).
pub const RAW_TTL: u8 = 128;

/// Client settings; defaults are dhclient's (client/clparse.c `read_client_conf`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// The interface's MAC (chaddr).
    pub mac: MacAddr,
    /// Sent as option 12 (`send host-name = gethostname();` in Debian's conf).
    pub hostname: Option<String>,
    /// `timeout`: seconds of DISCOVER before giving up (60).
    pub timeout: u64,
    /// `retry`: after giving up, wait (retry+1)/2 + random() % retry seconds (300).
    pub retry: u64,
    /// `initial-interval` (3).
    pub initial_interval: u64,
    /// `backoff-cutoff` (15).
    pub backoff_cutoff: u64,
    /// `reboot` timeout, also the REQUESTING limit (10).
    pub reboot_timeout: u64,
}

impl ClientConfig {
    /// dhclient's defaults for an interface with this MAC and host name.
    pub fn debian(mac: MacAddr, hostname: Option<&str>) -> ClientConfig {
        ClientConfig {
            mac,
            hostname: hostname.map(str::to_string),
            timeout: 60,
            retry: 300,
            initial_interval: 3,
            backoff_cutoff: 15,
            reboot_timeout: 10,
        }
    }
}

/// dhclient's states (includes/dhcpd.h `enum dhcp_state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub enum ClientState {
    /// Not started, or sleeping after giving up.
    Init,
    /// DISCOVER sent, waiting for an OFFER.
    Selecting,
    /// REQUEST broadcast for an offered address, waiting for the ACK.
    Requesting,
    /// Holding a lease until T1.
    Bound,
    /// Past T1: REQUESTs to the server (unicast; broadcast once past T2).
    Renewing,
    /// Started with a saved, unexpired lease: broadcast REQUEST for it (INIT-REBOOT).
    Rebooting,
    /// After `dhclient -r`: released, no timers.
    Stopped,
}

/// A lease as dhclient hands it to dhclient-script (`new_*` variables);
/// serialisable for the lab's lease table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Lease {
    /// yiaddr.
    pub address: Ipv4Addr,
    /// Option 1, or the classful mask when absent (dhclient-script leaves it to `ip`).
    pub mask: Ipv4Addr,
    /// Option 28.
    pub broadcast: Option<Ipv4Addr>,
    /// Option 3; the first becomes the default route.
    pub routers: Vec<Ipv4Addr>,
    /// Option 6; written to /etc/resolv.conf as `nameserver` lines.
    pub dns_servers: Vec<Ipv4Addr>,
    /// Option 15; written as `search`.
    pub domain: Option<String>,
    /// Option 54; where renewals are unicast.
    pub server_id: Ipv4Addr,
    /// Option 51, seconds.
    pub lease_time: u32,
    /// When the renewal (T1, randomised by dhclient) timer fires.
    pub renew_at: SimTime,
    /// When renewals switch to broadcast (T2).
    pub rebind_at: SimTime,
    /// When the address must be dropped.
    pub expires_at: SimTime,
}

/// Which way dhclient sends a packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendPath {
    /// Through its LPF socket with its own IP header ([`RAW_TOS`], [`RAW_TTL`],
    /// id 0, DF clear) in an Ethernet broadcast: every broadcast it sends.
    Raw,
    /// Through the "Socket/fallback" UDP socket bound to port 68: unicast
    /// renewals. The kernel writes the IP header (TOS 0, TTL 64, DF set, id 0
    /// as the socket is not connected) and resolves the server's MAC by ARP.
    Socket,
}

/// A DHCP message to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transmit {
    /// The message.
    pub message: DhcpMessage,
    /// IP source (0.0.0.0 until bound).
    pub src: Ipv4Addr,
    /// IP destination (255.255.255.255 or the server).
    pub dst: Ipv4Addr,
    /// How it leaves the host.
    pub path: SendPath,
}

impl Transmit {
    /// The UDP datagram (68 → 67) carrying the message.
    pub fn udp_datagram(&self) -> Vec<u8> {
        udp::datagram(self.src, self.dst, DHCP_CLIENT_PORT, DHCP_SERVER_PORT, &self.message.emit())
    }

    /// For [`SendPath::Raw`]: the complete IPv4 datagram as dhclient assembles it.
    /// The Ethernet frame around it goes to ff:ff:ff:ff:ff:ff from the interface MAC.
    pub fn raw_ipv4_datagram(&self) -> Vec<u8> {
        let h = Ipv4Header {
            tos: RAW_TOS,
            ident: 0,
            dont_frag: false,
            ttl: RAW_TTL,
            protocol: IpProtocol::Udp,
            src: self.src,
            dst: self.dst,
        };
        frames::ipv4_datagram(&h, &self.udp_datagram())
    }
}

/// What the client asks its host to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientEvent {
    /// Put this message on the wire.
    Send(Transmit),
    /// dhclient-script BOUND: configure the address, mask and default route,
    /// write resolv.conf.
    Bound(Lease),
    /// dhclient-script RENEW (or REBIND): same address, new lease times.
    Renewed(Lease),
    /// dhclient-script EXPIRE: remove the address and its routes (lease ran out,
    /// or a NAK). `nak_from` is the server that refused, if any.
    Expired {
        /// The address that was removed.
        address: Ipv4Addr,
        /// The NAK's server identifier, when a NAK caused it.
        nak_from: Option<Ipv4Addr>,
    },
    /// dhclient-script RELEASE (`dhclient -r`): the address is removed.
    Released {
        /// The released address.
        address: Ipv4Addr,
        /// The server the DHCPRELEASE went to.
        server: Ipv4Addr,
    },
    /// dhclient-script FAIL after `timeout` seconds without an OFFER ("No
    /// DHCPOFFERS received."); the client sleeps until `retry_at`.
    NoOffers {
        /// When it starts over with a new DISCOVER.
        retry_at: SimTime,
    },
}

/// What the pending timer will do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Timer {
    SendDiscover,
    SendRequest,
    StateInit,
    StateBound,
}

/// An offer being requested.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Offer {
    address: Ipv4Addr,
    server_id: Ipv4Addr,
}

/// The client of one interface.
#[derive(Debug, Clone)]
pub struct DhcpClient {
    cfg: ClientConfig,
    state: ClientState,
    xid: u32,
    /// `client->first_sending`, whole seconds.
    first_sending: u64,
    /// `client->interval`, seconds.
    interval: u64,
    /// `client->secs`: the secs of the last DISCOVER, reused by REQUEST.
    secs: u16,
    /// The message retransmitted by the pending timer.
    packet: Option<DhcpMessage>,
    offer: Option<Offer>,
    active: Option<Lease>,
    /// The address of a lease that expired: `send_request`'s expiry path calls
    /// `state_init` without destroying `client->active`, so the next DISCOVER
    /// still asks for it (option 50) until `state_panic` drops it.
    expired: Option<Ipv4Addr>,
    timer: Option<(SimTime, Timer)>,
}

/// `cur_time`: whole seconds.
fn secs(now: SimTime) -> u64 {
    now.as_nanos() / 1_000_000_000
}

fn at(sec: u64, usec: u64) -> SimTime {
    SimTime::from_secs(sec) + SimTime::from_micros(usec)
}

impl DhcpClient {
    /// A client that has not started.
    pub fn new(cfg: ClientConfig) -> DhcpClient {
        DhcpClient {
            cfg,
            state: ClientState::Init,
            xid: 0,
            first_sending: 0,
            interval: 0,
            secs: 0,
            packet: None,
            offer: None,
            active: None,
            expired: None,
            timer: None,
        }
    }

    /// The current state.
    pub fn state(&self) -> ClientState {
        self.state
    }

    /// The lease in use, if bound or renewing.
    pub fn lease(&self) -> Option<&Lease> {
        self.active.as_ref()
    }

    /// The transaction id of the current exchange.
    pub fn xid(&self) -> u32 {
        self.xid
    }

    /// When [`DhcpClient::on_timer`] must next be called.
    pub fn poll_at(&self) -> Option<SimTime> {
        self.timer.map(|(t, _)| t)
    }

    /// dhclient starting on an interface with no saved lease: `state_reboot`
    /// finds none and goes to `state_init`, which sends the first DISCOVER at
    /// once (`initial_delay` is 0 in 4.4, clparse.c).
    pub fn start(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ClientEvent> {
        self.state_init(now, rng)
    }

    /// dhclient started with a lease remembered from /var/lib/dhcp/dhclient.leases
    /// (`dhclient eth0` run again): `state_reboot` broadcasts a REQUEST for it
    /// (50, no 54, new xid) if it has not expired, else goes to `state_init`.
    pub fn start_with_lease(&mut self, now: SimTime, rng: &mut Rng, lease: Lease) -> Vec<ClientEvent> {
        if lease.expires_at <= now {
            return self.state_init(now, rng);
        }
        self.state = ClientState::Rebooting;
        self.xid = rng.next_u64() as u32;
        let opts = self.options(MessageType::Request, None, Some(lease.address));
        self.packet = Some(self.base(self.xid, Ipv4Addr::UNSPECIFIED, opts));
        self.active = Some(lease);
        self.first_sending = secs(now);
        self.interval = self.cfg.initial_interval;
        self.send_request(now, rng)
    }

    /// `dhclient -r` (`do_release`): one DHCPRELEASE (53, 54, 12; ciaddr set,
    /// a fresh xid) unicast to the server through the fallback socket, then
    /// dhclient-script RELEASE, all timers cancelled.
    pub fn release(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ClientEvent> {
        let _ = now;
        self.xid = rng.next_u64() as u32; // do_release's client->xid
        self.timer = None;
        self.state = ClientState::Stopped;
        let Some(lease) = self.active.take() else { return vec![] };
        let mut opts = vec![
            DhcpOpt::u8(opt::MESSAGE_TYPE, MessageType::Release.into()),
            DhcpOpt::addrs(opt::SERVER_ID, &[lease.server_id]),
        ];
        if let Some(h) = &self.cfg.hostname {
            opts.push(DhcpOpt::text(opt::HOST_NAME, h));
        }
        // make_release draws the packet's own xid.
        let message = self.base(rng.next_u64() as u32, lease.address, opts);
        vec![
            ClientEvent::Send(Transmit { message, src: lease.address, dst: lease.server_id, path: SendPath::Socket }),
            ClientEvent::Released { address: lease.address, server: lease.server_id },
        ]
    }

    /// `state_init`: a fresh DISCOVER with a new xid.
    fn state_init(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ClientEvent> {
        let discover = self.make_discover(rng);
        self.xid = discover.xid;
        self.packet = Some(discover);
        self.state = ClientState::Selecting;
        self.first_sending = secs(now);
        self.interval = self.cfg.initial_interval;
        self.offer = None;
        self.send_discover(now, rng)
    }

    /// `make_client_options` + `cons_options`: option 53, then (50 requested
    /// address / 54 server id where they apply), then 12 and 55. cons_options'
    /// priority list puts 53, 54, 50 first and 12 before hash-ordered 55.
    fn options(&self, kind: MessageType, server_id: Option<Ipv4Addr>, requested: Option<Ipv4Addr>) -> Vec<DhcpOpt> {
        let mut o = vec![DhcpOpt::u8(opt::MESSAGE_TYPE, kind.into())];
        if let Some(s) = server_id {
            o.push(DhcpOpt::addrs(opt::SERVER_ID, &[s]));
        }
        if let Some(r) = requested {
            o.push(DhcpOpt::addrs(opt::REQUESTED_IP, &[r]));
        }
        if let Some(h) = &self.cfg.hostname {
            o.push(DhcpOpt::text(opt::HOST_NAME, h));
        }
        o.push(DhcpOpt { code: opt::PARAMETER_LIST, data: DEBIAN_PARAMETER_REQUEST_LIST.to_vec() });
        o
    }

    fn base(&self, xid: u32, ciaddr: Ipv4Addr, options: Vec<DhcpOpt>) -> DhcpMessage {
        DhcpMessage {
            op: BOOTREQUEST,
            hops: 0,
            xid,
            secs: 0,
            // `can_receive_unicast_unconfigured` is true on Linux (LPF), so no
            // broadcast flag (make_discover / make_request).
            flags: 0,
            ciaddr,
            yiaddr: Ipv4Addr::UNSPECIFIED,
            siaddr: Ipv4Addr::UNSPECIFIED,
            giaddr: Ipv4Addr::UNSPECIFIED,
            chaddr: self.cfg.mac,
            options,
        }
    }

    /// `make_discover`: xid = random(); option 50 only when an old lease exists.
    fn make_discover(&self, rng: &mut Rng) -> DhcpMessage {
        let xid = rng.next_u64() as u32;
        let requested = self.active.as_ref().map(|l| l.address).or(self.expired);
        self.base(xid, Ipv4Addr::UNSPECIFIED, self.options(MessageType::Discover, None, requested))
    }

    /// `send_discover`: give up past `timeout`, otherwise back off
    /// (interval += random() % (2 * interval), re-drawn in cutoff/2 +
    /// random() % cutoff once past `backoff_cutoff`), record secs, send, and
    /// re-arm at cur_tv.tv_sec + interval with random microseconds.
    fn send_discover(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ClientEvent> {
        let cur = secs(now);
        let elapsed = cur - self.first_sending;
        if elapsed > self.cfg.timeout {
            return self.state_panic(now, rng);
        }
        self.backoff(rng);
        if cur + self.interval > self.first_sending + self.cfg.timeout {
            self.interval = self.first_sending + self.cfg.timeout - cur + 1;
        }
        self.secs = elapsed.min(65535) as u16;
        let mut msg = self.packet.clone().expect("state_init made the DISCOVER");
        msg.secs = self.secs;
        self.packet = Some(msg.clone());
        let usec = if self.interval > 1 { rng.below(1_000_000) } else { now.as_micros() % 1_000_000 };
        self.timer = Some((at(cur + self.interval, usec), Timer::SendDiscover));
        vec![ClientEvent::Send(Transmit {
            message: msg,
            src: Ipv4Addr::UNSPECIFIED,
            dst: Ipv4Addr::BROADCAST,
            path: SendPath::Raw,
        })]
    }

    fn backoff(&mut self, rng: &mut Rng) {
        if self.interval == 0 {
            self.interval = self.cfg.initial_interval;
        } else {
            self.interval += rng.below(2 * self.interval);
        }
        if self.interval > self.cfg.backoff_cutoff {
            self.interval = self.cfg.backoff_cutoff / 2 + rng.below(self.cfg.backoff_cutoff);
        }
    }

    /// `state_panic` with no saved lease: FAIL, then `state_init` after
    /// (retry + 1) / 2 + random() % retry seconds.
    #[allow(clippy::manual_div_ceil)] // kept in dhclient.c's form
    fn state_panic(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ClientEvent> {
        let cur = secs(now);
        self.state = ClientState::Init;
        self.expired = None;
        let delay = (self.cfg.retry + 1) / 2 + rng.below(self.cfg.retry);
        let usec = if delay > 1 { rng.below(1_000_000) } else { now.as_micros() % 1_000_000 };
        let retry_at = at(cur + delay, usec);
        self.timer = Some((retry_at, Timer::StateInit));
        vec![ClientEvent::NoOffers { retry_at }]
    }

    /// A DHCP message arrived on port 68 (broadcast or unicast to us).
    pub fn on_message(&mut self, now: SimTime, rng: &mut Rng, payload: &[u8]) -> Vec<ClientEvent> {
        let Some(m) = DhcpMessage::parse(payload) else { return vec![] };
        // Every handler first matches xid and chaddr ("wrong transaction").
        if m.op != crate::wire::dhcp::BOOTREPLY || m.xid != self.xid || m.chaddr != self.cfg.mac {
            return vec![];
        }
        match m.message_type() {
            Some(MessageType::Offer) => self.dhcpoffer(now, rng, &m),
            Some(MessageType::Ack) => self.dhcpack(now, rng, &m),
            Some(MessageType::Nak) => self.dhcpnak(now, rng, &m),
            _ => vec![],
        }
    }

    /// `dhcpoffer`: only while selecting; with `select-timeout` 0 the first
    /// OFFER goes straight to `state_selecting`, which requests it.
    fn dhcpoffer(&mut self, now: SimTime, rng: &mut Rng, m: &DhcpMessage) -> Vec<ClientEvent> {
        if self.state != ClientState::Selecting {
            return vec![];
        }
        let Some(server_id) = m.addr_option(opt::SERVER_ID) else { return vec![] };
        self.offer = Some(Offer { address: m.yiaddr, server_id });
        // state_selecting → make_request (same xid) → send_request.
        self.state = ClientState::Requesting;
        self.first_sending = secs(now);
        self.interval = self.cfg.initial_interval;
        let opts = self.options(MessageType::Request, Some(server_id), Some(m.yiaddr));
        self.packet = Some(self.base(self.xid, Ipv4Addr::UNSPECIFIED, opts));
        self.send_request(now, rng)
    }

    /// `send_request`: the REQUESTING give-up (back to INIT past the reboot
    /// timeout), lease expiry while renewing, backoff, broadcast unless renewing
    /// before T2, secs (REQUESTING reuses the DISCOVER's), send, re-arm.
    fn send_request(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ClientEvent> {
        let cur = secs(now);
        let elapsed = cur - self.first_sending;
        let requesting = self.state == ClientState::Requesting;
        let rebooting = self.state == ClientState::Rebooting;
        if (requesting || rebooting) && elapsed > self.cfg.reboot_timeout {
            return self.state_init(now, rng);
        }
        if !requesting {
            let lease = self.active.as_ref().expect("renewing holds a lease");
            if now > lease.expires_at {
                let address = lease.address;
                self.active = None;
                self.expired = Some(address);
                let mut ev = vec![ClientEvent::Expired { address, nak_from: None }];
                ev.extend(self.state_init(now, rng));
                return ev;
            }
        }
        self.backoff(rng);
        if let Some(lease) = self.active.as_ref().filter(|_| !requesting) {
            let expiry = secs(lease.expires_at);
            if cur + self.interval > expiry {
                self.interval = expiry - cur + 1;
            }
        }
        let mut msg = self.packet.clone().expect("a REQUEST was made");
        msg.secs = if requesting { self.secs } else { elapsed.min(65535) as u16 };
        self.packet = Some(msg.clone());
        let (src, dst, path) = match self.active.as_ref().filter(|_| !requesting && !rebooting) {
            Some(l) if now <= l.rebind_at => (l.address, l.server_id, SendPath::Socket),
            Some(l) => (l.address, Ipv4Addr::BROADCAST, SendPath::Raw),
            None => (Ipv4Addr::UNSPECIFIED, Ipv4Addr::BROADCAST, SendPath::Raw),
        };
        let usec = if self.interval > 1 { rng.below(1_000_000) } else { now.as_micros() % 1_000_000 };
        self.timer = Some((at(cur + self.interval, usec), Timer::SendRequest));
        vec![ClientEvent::Send(Transmit { message: msg, src, dst, path })]
    }

    /// `dhcpack`: lease times as dhclient computes them — T1 from option 58
    /// (else lease/2 + 1), randomised to (3·T1 + 3)/4 + (random() % T1 + 3)/4;
    /// T2 from option 59 (else lease·7/8); T1 pulled under T2 if needed — then
    /// `bind_lease` arms `state_bound` at T1 (random microseconds).
    #[allow(clippy::manual_div_ceil)] // kept in dhclient.c's form
    fn dhcpack(&mut self, now: SimTime, rng: &mut Rng, m: &DhcpMessage) -> Vec<ClientEvent> {
        if !matches!(self.state, ClientState::Requesting | ClientState::Renewing | ClientState::Rebooting) {
            return vec![];
        }
        let expiry = m.u32_option(opt::LEASE_TIME).unwrap_or(0) as u64;
        if expiry == 0 {
            // "no expiry time on offered lease": back to INIT in 0.5 s.
            self.timer = Some((now + SimTime::from_millis(500), Timer::StateInit));
            return vec![];
        }
        let mut renewal = m.u32_option(opt::RENEWAL_TIME).map_or(0, u64::from);
        if renewal == 0 {
            renewal = expiry / 2 + 1;
        }
        renewal = (renewal * 3 + 3) / 4 + (rng.below(renewal) + 3) / 4;
        let mut rebind = m.u32_option(opt::REBINDING_TIME).map_or(0, u64::from);
        if rebind == 0 {
            rebind = expiry * 7 / 8;
        }
        if renewal > rebind {
            renewal = rebind * 3 / 4;
        }
        let cur = secs(now);
        let server_id = m
            .addr_option(opt::SERVER_ID)
            .or(self.offer.as_ref().map(|o| o.server_id))
            .unwrap_or(Ipv4Addr::UNSPECIFIED);
        let lease = Lease {
            address: m.yiaddr,
            mask: m.addr_option(opt::SUBNET_MASK).unwrap_or_else(|| classful_mask(m.yiaddr)),
            broadcast: m.addr_option(opt::BROADCAST),
            routers: m.addrs_option(opt::ROUTER),
            dns_servers: m.addrs_option(opt::DNS_SERVERS),
            domain: m.option(opt::DOMAIN_NAME).map(|d| String::from_utf8_lossy(d).into_owned()),
            server_id,
            lease_time: expiry as u32,
            renew_at: SimTime::from_secs(cur + renewal),
            rebind_at: SimTime::from_secs(cur + rebind),
            expires_at: SimTime::from_secs(cur + expiry),
        };
        let renewing = self.state == ClientState::Renewing;
        // bind_lease: state_bound at tv_sec = renewal, usec random when > 1 s away.
        let usec = if renewal > 1 { rng.below(1_000_000) } else { now.as_micros() % 1_000_000 };
        let mut lease = lease;
        lease.renew_at = at(cur + renewal, usec);
        self.timer = Some((lease.renew_at, Timer::StateBound));
        self.state = ClientState::Bound;
        self.active = Some(lease.clone());
        self.expired = None;
        self.offer = None;
        vec![if renewing { ClientEvent::Renewed(lease) } else { ClientEvent::Bound(lease) }]
    }

    /// `dhcpnak`: ignored unless a lease is active ("DHCPNAK with no active
    /// lease" returns early, so a NAK to a first REQUEST only ends when the
    /// REQUESTING timeout sends a new DISCOVER); otherwise EXPIRE and `state_init`.
    fn dhcpnak(&mut self, now: SimTime, rng: &mut Rng, m: &DhcpMessage) -> Vec<ClientEvent> {
        if !matches!(self.state, ClientState::Requesting | ClientState::Renewing | ClientState::Rebooting) {
            return vec![];
        }
        let Some(lease) = self.active.take() else { return vec![] };
        let mut ev = vec![ClientEvent::Expired { address: lease.address, nak_from: m.addr_option(opt::SERVER_ID) }];
        ev.extend(self.state_init(now, rng));
        ev
    }

    /// The pending timer fired (`now >= poll_at()`).
    pub fn on_timer(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ClientEvent> {
        let Some((when, kind)) = self.timer else { return vec![] };
        if now < when {
            return vec![];
        }
        self.timer = None;
        match kind {
            Timer::SendDiscover => self.send_discover(now, rng),
            Timer::SendRequest => self.send_request(now, rng),
            Timer::StateInit => self.state_init(now, rng),
            Timer::StateBound => {
                // state_bound: make_request while still BOUND (no 54, no 50,
                // ciaddr = our address, same xid), then RENEWING.
                let lease = self.active.as_ref().expect("bound holds a lease");
                let opts = self.options(MessageType::Request, None, None);
                self.packet = Some(self.base(self.xid, lease.address, opts));
                self.first_sending = secs(now);
                self.interval = self.cfg.initial_interval;
                self.state = ClientState::Renewing;
                self.send_request(now, rng)
            }
        }
    }
}

/// The classful mask of an address (what `ip addr add` gets without option 1
/// in dhclient-script is /32; Debian's script passes `new_subnet_mask` only when
/// present — the classful guess is a lab convenience, noted in docs/dhcp-dns.md).
fn classful_mask(a: Ipv4Addr) -> Ipv4Addr {
    match a.octets()[0] {
        0..=127 => Ipv4Addr::new(255, 0, 0, 0),
        128..=191 => Ipv4Addr::new(255, 255, 0, 0),
        _ => Ipv4Addr::new(255, 255, 255, 0),
    }
}
