//! A DNS server: an authoritative zone the user edits (A and CNAME records)
//! and/or dnsmasq-style forwarding to upstream servers with a cache.
//!
//! Answers follow what the real servers put on the wire:
//! - Names in the zone: AA set, RD copied from the query (RFC 1035 §4.1.1),
//!   RA set when the server also recurses/forwards (dnsmasq always sets it).
//!   A CNAME is followed inside the zone, both records in the answer.
//! - A name in the zone without the asked type: NOERROR with no answer
//!   (NODATA); a name under the zone that does not exist: NXDOMAIN. Both carry
//!   the zone's SOA in the authority section with TTL min(SOA TTL, minimum),
//!   as RFC 2308 §3 asks and BIND does.
//! - A name outside the zone: forwarded when upstreams are set and RD is set
//!   (dnsmasq `server=`), with a fresh random id (`get_id`) from a new socket
//!   whose port the kernel picks (`random_sock` in src/network.c leaves the
//!   port to the OS's ephemeral allocation unless `min-port`/`max-port` are
//!   set); the reply goes back to the client with
//!   its own id, AD cleared and RA set, otherwise as the upstream sent it
//!   (`process_reply`). Forwarded answers are cached and later served without
//!   AA, the TTL counting down. Without upstreams: REFUSED (dnsmasq
//!   `setup_reply` "nowhere to forward to", BIND with `recursion no`).
//! - `recursive` makes the server stand in for a public resolver (8.8.8.8):
//!   its zone is "the Internet", answered with RA and without AA.
//! - An upstream's SERVFAIL or REFUSED makes dnsmasq try the next upstream;
//!   when none is left the last answer is relayed.
//! - A query with an EDNS OPT record gets one back (payload size 1232, the
//!   default of dnsmasq ≥ 2.85 `edns-packet-max` and of BIND 9.18).

use crate::vec_map::VecMap;
use std::net::Ipv4Addr;

use crate::rng::Rng;
use crate::time::SimTime;
use crate::wire::dns::{flag, rcode, rtype, DnsMessage, Question, RData, Record};

/// EDNS payload size the server advertises.
pub const EDNS_PAYLOAD: u16 = 1232;
/// How long a forwarded query waits for its upstream before it is dropped
/// (the client's own retry re-sends it; dnsmasq's `forward` record lives on
/// like this until reused).
pub const FORWARD_TIMEOUT: SimTime = SimTime::from_secs(10);

/// One record of the zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneRecord {
    /// Owner name, fully qualified without trailing dot ("www.lab").
    pub name: String,
    /// TTL in seconds.
    pub ttl: u32,
    /// A or CNAME.
    pub data: ZoneData,
}

/// The record types the zone editor offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneData {
    /// An IPv4 address.
    A(Ipv4Addr),
    /// An alias for another name.
    Cname(String),
}

/// A zone: its apex (e.g. "lab"), records, and the SOA numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsZone {
    /// The zone's apex name.
    pub origin: String,
    /// Records.
    pub records: Vec<ZoneRecord>,
    /// The SOA's TTL and its `minimum` field (negative-caching TTL); 3600 each by default.
    pub soa_ttl: u32,
    /// SOA minimum.
    pub soa_minimum: u32,
}

impl DnsZone {
    /// An empty zone for `origin`.
    pub fn new(origin: &str) -> DnsZone {
        DnsZone { origin: norm(origin), records: vec![], soa_ttl: 3600, soa_minimum: 3600 }
    }

    fn contains_name(&self, name: &str) -> bool {
        name == self.origin || name.ends_with(&format!(".{}", self.origin))
    }

    fn soa(&self) -> Record {
        Record {
            name: self.origin.clone(),
            rtype: rtype::SOA,
            class: 1,
            ttl: self.soa_ttl.min(self.soa_minimum),
            data: RData::Soa {
                mname: format!("ns.{}", self.origin),
                rname: format!("hostmaster.{}", self.origin),
                times: [1, 3600, 600, 86400, self.soa_minimum],
            },
        }
    }
}

/// The server's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsServerConfig {
    /// The authoritative zone, if any.
    pub zone: Option<DnsZone>,
    /// Upstream servers (dnsmasq `server=`), tried in order.
    pub upstreams: Vec<Ipv4Addr>,
    /// Answer as a public recursive resolver (8.8.8.8): the zone stands in for
    /// the Internet's DNS, so answers carry RA and no AA.
    pub recursive: bool,
}

/// What the server asks its host to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsServerEvent {
    /// A response from port 53 to the client.
    Reply {
        /// Client address and port.
        to: (Ipv4Addr, u16),
        /// The DNS message.
        message: DnsMessage,
    },
    /// A query to an upstream server's port 53 from a new socket: the first
    /// time `socket` appears, the host binds it to an ephemeral port
    /// (`UdpTable::bind_ephemeral`) and delivers what comes back to it with
    /// [`DnsServer::on_upstream_reply`].
    Forward {
        /// The upstream.
        to: Ipv4Addr,
        /// This forward's socket.
        socket: u32,
        /// The DNS message.
        message: DnsMessage,
    },
    /// The forward is over (answered or timed out): close its socket.
    CloseSocket(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Pending {
    client: (Ipv4Addr, u16),
    query: DnsMessage,
    upstream: usize,
    socket: u32,
    deadline: SimTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Cached {
    message: DnsMessage,
    stored: SimTime,
    expires: SimTime,
}

/// One DNS server.
#[derive(Debug, Clone)]
pub struct DnsServer {
    cfg: DnsServerConfig,
    /// Upstream query id → the client query it serves.
    pending: VecMap<u16, Pending>,
    /// (name, type) → cached upstream answer.
    cache: VecMap<(String, u16), Cached>,
    next_socket: u32,
}

fn norm(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl DnsServer {
    /// A server with an empty cache.
    pub fn new(cfg: DnsServerConfig) -> DnsServer {
        DnsServer { cfg, pending: VecMap::new(), cache: VecMap::new(), next_socket: 0 }
    }

    /// When forwarded queries time out.
    pub fn poll_at(&self) -> Option<SimTime> {
        self.pending.values().map(|p| p.deadline).min()
    }

    /// Drop forwarded queries whose upstream never answered.
    pub fn on_timer(&mut self, now: SimTime) -> Vec<DnsServerEvent> {
        let expired: Vec<u16> = self.pending.iter().filter(|(_, p)| p.deadline <= now).map(|(id, _)| *id).collect();
        expired
            .into_iter()
            .filter_map(|id| self.pending.remove(&id))
            .map(|p| DnsServerEvent::CloseSocket(p.socket))
            .collect()
    }

    fn recursion(&self) -> bool {
        !self.cfg.upstreams.is_empty() || self.cfg.recursive
    }

    fn response(&self, q: &DnsMessage, rc: u8, aa: bool) -> DnsMessage {
        let mut flags = flag::QR | (q.flags & 0x7800) | (q.flags & flag::RD) | rc as u16;
        if aa && !self.cfg.recursive {
            flags |= flag::AA;
        }
        if self.recursion() {
            flags |= flag::RA;
        }
        let mut r = DnsMessage { id: q.id, flags, questions: q.questions.clone(), answers: vec![], authority: vec![], additional: vec![] };
        if q.additional.iter().any(|r| r.rtype == rtype::OPT) {
            r.additional.push(opt_record());
        }
        r
    }

    /// A query arrived on port 53 from `from`.
    pub fn on_query(&mut self, now: SimTime, rng: &mut Rng, from: (Ipv4Addr, u16), payload: &[u8]) -> Vec<DnsServerEvent> {
        let Some(q) = DnsMessage::parse(payload) else { return vec![] };
        if q.is_response() {
            return vec![];
        }
        let Some(question) = q.questions.first().cloned() else {
            let r = self.response(&q, rcode::FORMERR, false);
            return vec![DnsServerEvent::Reply { to: from, message: r }];
        };
        let name = norm(&question.name);
        if let Some(zone) = self.cfg.zone.as_ref().filter(|z| z.contains_name(&name)) {
            let message = self.answer_from_zone(zone, &q, &question);
            return vec![DnsServerEvent::Reply { to: from, message }];
        }
        if self.cfg.upstreams.is_empty() || q.flags & flag::RD == 0 {
            let r = self.response(&q, rcode::REFUSED, false);
            return vec![DnsServerEvent::Reply { to: from, message: r }];
        }
        // A cached answer, TTLs counted down (dnsmasq's cache).
        self.cache.retain(|_, c| c.expires > now);
        if let Some(c) = self.cache.get(&(name.clone(), question.qtype)) {
            // dnsmasq counts in whole seconds of time().
            let elapsed = (now.as_nanos() / 1_000_000_000 - c.stored.as_nanos() / 1_000_000_000) as u32;
            let mut r = self.response(&q, c.message.rcode(), false);
            r.answers = c.message.answers.iter().cloned().map(|mut a| {
                a.ttl = a.ttl.saturating_sub(elapsed);
                a
            }).collect();
            r.authority = c.message.authority.clone();
            return vec![DnsServerEvent::Reply { to: from, message: r }];
        }
        self.forward(now, rng, from, q, 0)
    }

    fn forward(&mut self, now: SimTime, rng: &mut Rng, client: (Ipv4Addr, u16), query: DnsMessage, upstream: usize) -> Vec<DnsServerEvent> {
        let Some(&to) = self.cfg.upstreams.get(upstream) else { return vec![] };
        let mut id = rng.next_u16();
        while self.pending.contains_key(&id) {
            id = id.wrapping_add(1);
        }
        let socket = self.next_socket;
        self.next_socket = self.next_socket.wrapping_add(1);
        let mut message = query.clone();
        message.id = id;
        self.pending.insert(id, Pending { client, query, upstream, socket, deadline: now + FORWARD_TIMEOUT });
        vec![DnsServerEvent::Forward { to, socket, message }]
    }

    /// An upstream's reply arrived (from `from`:53 to the port of a forward).
    pub fn on_upstream_reply(&mut self, now: SimTime, rng: &mut Rng, from: Ipv4Addr, payload: &[u8]) -> Vec<DnsServerEvent> {
        let Some(resp) = DnsMessage::parse(payload) else { return vec![] };
        let Some(p) = self.pending.get(&resp.id) else { return vec![] };
        if self.cfg.upstreams.get(p.upstream) != Some(&from) || resp.questions != p.query.questions {
            return vec![];
        }
        let p = self.pending.remove(&resp.id).expect("just found");
        let mut ev = vec![DnsServerEvent::CloseSocket(p.socket)];
        let rc = resp.rcode();
        if (rc == rcode::SERVFAIL || rc == rcode::REFUSED) && p.upstream + 1 < self.cfg.upstreams.len() {
            ev.extend(self.forward(now, rng, p.client, p.query, p.upstream + 1));
            return ev;
        }
        if rc == rcode::NOERROR || rc == rcode::NXDOMAIN {
            let ttl = resp.answers.iter().chain(&resp.authority).map(|r| r.ttl).min().unwrap_or(0);
            if let Some(q) = p.query.questions.first() {
                self.cache.insert(
                    (norm(&q.name), q.qtype),
                    Cached { message: resp.clone(), stored: now, expires: now + SimTime::from_secs(u64::from(ttl)) },
                );
            }
        }
        // process_reply (src/forward.c): the upstream's packet goes back as it
        // came, with the client's id, AD cleared and RA set; AA, the sections and
        // the OPT record stay as the upstream sent them.
        let mut r = resp;
        r.id = p.query.id;
        r.flags = (r.flags & !flag::AD) | flag::RA;
        ev.push(DnsServerEvent::Reply { to: p.client, message: r });
        ev
    }

    fn answer_from_zone(&self, zone: &DnsZone, q: &DnsMessage, question: &Question) -> DnsMessage {
        let mut name = norm(&question.name);
        let mut answers = Vec::new();
        let mut exists = false;
        // Follow CNAMEs inside the zone (at most 8, against loops).
        for _ in 0..8 {
            let here: Vec<&ZoneRecord> = zone.records.iter().filter(|r| norm(&r.name) == name).collect();
            if here.is_empty() {
                break;
            }
            exists = true;
            if let Some(ZoneRecord { ttl, data: ZoneData::Cname(target), .. }) =
                here.iter().find(|r| matches!(r.data, ZoneData::Cname(_))).copied()
            {
                answers.push(Record { name: name.clone(), rtype: rtype::CNAME, class: 1, ttl: *ttl, data: RData::Cname(norm(target)) });
                if question.qtype == rtype::CNAME {
                    break;
                }
                name = norm(target);
                if !zone.contains_name(&name) {
                    break;
                }
                continue;
            }
            for r in here {
                if let ZoneData::A(a) = r.data {
                    if question.qtype == rtype::A {
                        answers.push(Record { name: name.clone(), rtype: rtype::A, class: 1, ttl: r.ttl, data: RData::A(a) });
                    }
                }
            }
            break;
        }
        let apex = norm(&question.name) == zone.origin;
        let rc = if exists || apex || !answers.is_empty() { rcode::NOERROR } else { rcode::NXDOMAIN };
        let mut r = self.response(q, rc, true);
        if answers.is_empty() {
            r.authority.push(zone.soa());
        }
        r.answers = answers;
        r
    }
}

/// The OPT record a server returns: root name, payload size, no flags, no options.
pub fn opt_record() -> Record {
    Record { name: String::new(), rtype: rtype::OPT, class: EDNS_PAYLOAD, ttl: 0, data: RData::Raw(vec![]) }
}
