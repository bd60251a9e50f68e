//! The DNS client side of a host: glibc 2.36's stub resolver (Debian 12) and
//! the query patterns of the programs a student types.
//!
//! glibc (resolv/res_send.c `__res_context_send` / `send_dg`, res_query.c,
//! res_mkquery.c, nss_dns):
//! - `/etc/resolv.conf`: up to 3 `nameserver`s (MAXNS), `timeout:5`,
//!   `attempts:2`, `ndots:1`, no `rotate`.
//! - For `try` in 0..attempts, for each server in order: send, then wait
//!   `(timeout << ns) / nscount` seconds (ns > 0), `timeout` for the first
//!   server, at least 1 s (`send_dg`).
//! - One connected UDP socket per server (`EXT(statp).nssocks[ns]`), kept for
//!   the second try, closed when the call returns (no RES_STAYOPEN): a new
//!   lookup gets a new ephemeral port. An ICMP port unreachable surfaces as
//!   ECONNREFUSED: the socket is closed and the next server tried at once.
//! - getaddrinfo(AF_UNSPEC) sends the A and the AAAA query back to back on the
//!   same socket (sendmmsg, `T_QUERY_A_AND_AAAA`), each with its own random id.
//! - Query flags: RD only. No AD bit (set only with `options trust-ad`, glibc
//!   ≥ 2.31) and no EDNS OPT record (only with `options edns0`).
//! - A SERVFAIL, NOTIMP or REFUSED answer moves to the next server; NXDOMAIN
//!   and NODATA are answers. Names with fewer dots than `ndots` try the search
//!   domains first; NXDOMAIN/NODATA/SERVFAIL move to the next candidate name.
//!
//! `getent hosts NAME` calls gethostbyname2(AF_INET6) then, if that finds
//! nothing, gethostbyname2(AF_INET) (nss/getent.c `hosts_keys`): an AAAA query,
//! then an A query on a new socket. `host NAME` (bind9 9.18 host) asks A, AAAA
//! and MX one after another, RD set, no EDNS, no AD (`make_empty_lookup`
//! defaults), 2 tries of 5 s per server; `dig NAME` asks one A query with RD
//! and AD set and an EDNS OPT (payload 1232, an 8-byte client COOKIE; dig.c
//! `parse_args`), 3 tries of 5 s per server.

use crate::vec_map::VecMap;
use std::net::Ipv4Addr;

use crate::rng::Rng;
use crate::time::SimTime;
use crate::wire::dns::{flag, rcode, rtype, DnsMessage, RData, Record};

/// bind9's `UDP_TIMEOUT` (bin/dig/dighost.h): seconds per try of host and dig.
pub const BIND9_UDP_TIMEOUT: u64 = 5;

/// `/etc/resolv.conf` as the resolver reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvConf {
    /// `nameserver` lines (only the first 3 count, MAXNS).
    pub nameservers: Vec<Ipv4Addr>,
    /// `search` domains (dhclient-script writes option 15 here).
    pub search: Vec<String>,
    /// `options timeout:` seconds (RES_TIMEOUT = 5).
    pub timeout: u64,
    /// `options attempts:` (RES_DFLRETRY = 2).
    pub attempts: u32,
    /// `options ndots:` (1).
    pub ndots: usize,
}

impl ResolvConf {
    /// glibc's defaults with these servers.
    pub fn new(nameservers: Vec<Ipv4Addr>) -> ResolvConf {
        ResolvConf { nameservers, search: vec![], timeout: 5, attempts: 2, ndots: 1 }
    }
}

/// Which program is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// getaddrinfo(AF_UNSPEC) without AI_ADDRCONFIG (iputils ping: its hints
    /// are AI_CANONNAME only): A + AAAA in parallel.
    GetAddrInfo,
    /// getaddrinfo(AF_INET), or AF_UNSPEC with AI_ADDRCONFIG on a host without
    /// a global IPv6 address (glibc then asks only for A).
    GetAddrInfoV4,
    /// `getent hosts`: AAAA, then A if no IPv6 address.
    GetentHosts,
    /// bind9 `host`: A, AAAA, MX in turn.
    Host,
    /// bind9 `dig` for one type.
    Dig(u16),
}

/// A query to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transmit {
    /// Which of this lookup's sockets sends it; the host binds a new ephemeral
    /// port and connects it to `server`:53 the first time it sees a socket number.
    pub socket: u32,
    /// The server.
    pub server: Ipv4Addr,
    /// The query.
    pub message: DnsMessage,
}

/// Why a step of a lookup found no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No server answered within the timeouts ("connection timed out; no servers could be reached").
    Timeout,
    /// Every server answered SERVFAIL / REFUSED / NOTIMP: the last rcode.
    ServerError(u8),
    /// ICMP port unreachable from every server (ECONNREFUSED).
    Refused,
    /// resolv.conf lists no server.
    NoServers,
}

/// The result of one query step (a gethostbyname2 call, one `host` lookup).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepResult {
    /// The query types of the step, in sending order.
    pub qtypes: Vec<u16>,
    /// The name that was finally asked (after search domains).
    pub name: String,
    /// The responses (one per query type that got one), or why none.
    pub outcome: Result<Vec<DnsMessage>, Failure>,
}

/// What the resolver asks its host to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolverEvent {
    /// Send a query.
    Send(Transmit),
    /// Close this socket (glibc `__res_iclose`); its port is free again.
    Close(u32),
    /// The lookup finished; print with [`super::output`].
    Done(Vec<StepResult>),
}

/// One query in flight.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Query {
    message: DnsMessage,
    answer: Option<DnsMessage>,
}

/// One lookup (one command, or one getaddrinfo call).
#[derive(Debug, Clone)]
pub struct Resolver {
    conf: ResolvConf,
    program: Program,
    /// Remaining steps: each a list of query types sent together.
    steps: Vec<Vec<u16>>,
    /// Candidate names for the current step (search list applied).
    candidates: Vec<String>,
    candidate: usize,
    queries: Vec<Query>,
    try_no: u32,
    ns_shift: usize,
    /// Server index → socket number, while open.
    sockets: VecMap<usize, u32>,
    next_socket: u32,
    deadline: Option<SimTime>,
    results: Vec<StepResult>,
    last_error: Failure,
    name: String,
    done: bool,
}

impl Resolver {
    /// A lookup of `name` by `program`; call [`Resolver::start`] to send.
    pub fn new(conf: ResolvConf, program: Program, name: &str) -> Resolver {
        let steps = match program {
            Program::GetAddrInfo => vec![vec![rtype::A, rtype::AAAA]],
            Program::GetAddrInfoV4 => vec![vec![rtype::A]],
            Program::GetentHosts => vec![vec![rtype::AAAA], vec![rtype::A]],
            Program::Host => vec![vec![rtype::A], vec![rtype::AAAA], vec![rtype::MX]],
            Program::Dig(t) => vec![vec![t]],
        };
        let mut conf = conf;
        conf.nameservers.truncate(3);
        Resolver {
            conf,
            program,
            steps,
            candidates: vec![],
            candidate: 0,
            queries: vec![],
            try_no: 0,
            ns_shift: 0,
            sockets: VecMap::new(),
            next_socket: 0,
            deadline: None,
            results: vec![],
            last_error: Failure::Timeout,
            name: name.trim_end_matches('.').to_string(),
            done: false,
        }
    }

    /// When [`Resolver::on_timer`] must be called.
    pub fn poll_at(&self) -> Option<SimTime> {
        self.deadline
    }

    /// True once [`ResolverEvent::Done`] was returned.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// `res_search`'s candidate names: as-is first when it has at least
    /// `ndots` dots (or a trailing dot), else the search domains first.
    /// bind9's host and dig: `dig` does not search; `host` does like glibc.
    fn candidates(&self) -> Vec<String> {
        if matches!(self.program, Program::Dig(_)) {
            return vec![self.name.clone()];
        }
        let dots = self.name.matches('.').count();
        let searched: Vec<String> = self.conf.search.iter().map(|d| format!("{}.{}", self.name, d.trim_end_matches('.'))).collect();
        if dots >= self.conf.ndots {
            std::iter::once(self.name.clone()).chain(searched).collect()
        } else {
            searched.into_iter().chain(std::iter::once(self.name.clone())).collect()
        }
    }

    /// Start the lookup.
    pub fn start(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ResolverEvent> {
        // No `nameserver` line: glibc falls back to 127.0.0.1 (res_init), where
        // a lab host runs no server, so the loopback query is refused at once
        // and nothing appears on any link.
        if self.conf.nameservers.is_empty() {
            self.done = true;
            let qtypes = self.steps.first().cloned().unwrap_or_default();
            return vec![ResolverEvent::Done(vec![StepResult { qtypes, name: self.name.clone(), outcome: Err(Failure::NoServers) }])];
        }
        self.candidates = self.candidates();
        self.candidate = 0;
        self.begin_name(now, rng)
    }

    /// `res_mkquery` for each type of the step, then the first send.
    fn begin_name(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ResolverEvent> {
        let name = self.candidates[self.candidate].clone();
        let flags = match self.program {
            Program::Dig(_) => flag::RD | flag::AD,
            _ => flag::RD,
        };
        self.queries = self.steps[0]
            .iter()
            .map(|&t| {
                // res_mkquery: `hp->id = random_bits ()`, fresh for every query.
                let id = rng.next_u16();
                let mut message = DnsMessage::query(id, flags, &name, t);
                if let Program::Dig(_) = self.program {
                    message.additional.push(dig_opt(rng));
                }
                Query { message, answer: None }
            })
            .collect();
        self.try_no = 0;
        self.ns_shift = 0;
        self.send_current(now)
    }

    /// `send_dg` to server `ns_shift` of try `try_no`: (re)send every query
    /// still unanswered and arm the timeout.
    fn send_current(&mut self, now: SimTime) -> Vec<ResolverEvent> {
        let ns = self.ns_shift;
        let server = self.conf.nameservers[ns];
        let socket = match self.sockets.get(&ns) {
            Some(&s) => s,
            None => {
                let s = self.next_socket;
                self.next_socket += 1;
                self.sockets.insert(ns, s);
                s
            }
        };
        let n = self.conf.nameservers.len() as u64;
        let seconds = if self.is_bind9() {
            // bind9 dighost: UDP_TIMEOUT 5 s for every try.
            BIND9_UDP_TIMEOUT
        } else {
            let mut seconds = self.conf.timeout << ns;
            if ns > 0 {
                seconds /= n;
            }
            seconds.max(1)
        };
        self.deadline = Some(now + SimTime::from_secs(seconds));
        for q in &mut self.queries {
            q.answer = None;
        }
        self.queries
            .iter()
            .map(|q| ResolverEvent::Send(Transmit { socket, server, message: q.message.clone() }))
            .collect()
    }

    /// bind9's host and dig rather than glibc.
    fn is_bind9(&self) -> bool {
        matches!(self.program, Program::Host | Program::Dig(_))
    }

    /// Tries per server: glibc `attempts`; bind9 host 2 (`tries = 2` in host.c
    /// `main`), dig 3 (dighost's default `tries`).
    fn attempts(&self) -> u32 {
        match self.program {
            Program::Host => 2,
            Program::Dig(_) => 3,
            _ => self.conf.attempts,
        }
    }

    /// Move to the next server / try, or fail the step. glibc loops servers
    /// inside tries (`__res_context_send`); bind9 retries the same server
    /// before moving on (dighost's `retries`).
    fn next_server(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ResolverEvent> {
        let n = self.conf.nameservers.len();
        let exhausted = if self.is_bind9() {
            self.try_no += 1;
            if self.try_no >= self.attempts() {
                self.try_no = 0;
                self.ns_shift += 1;
            }
            self.ns_shift >= n
        } else {
            self.ns_shift += 1;
            if self.ns_shift >= n {
                self.ns_shift = 0;
                self.try_no += 1;
            }
            self.try_no >= self.attempts()
        };
        if exhausted {
            let err = self.last_error;
            return self.finish_step(now, rng, Err(err));
        }
        self.send_current(now)
    }

    /// A datagram arrived on `socket` from `from`.
    pub fn on_datagram(&mut self, now: SimTime, rng: &mut Rng, socket: u32, from: Ipv4Addr, payload: &[u8]) -> Vec<ResolverEvent> {
        if self.done || self.sockets.get(&self.ns_shift) != Some(&socket) || self.conf.nameservers[self.ns_shift] != from {
            return vec![];
        }
        let Some(resp) = DnsMessage::parse(payload) else { return vec![] };
        // res_queriesmatch: same id, same question.
        let Some(q) = self
            .queries
            .iter_mut()
            .find(|q| q.answer.is_none() && q.message.id == resp.id && q.message.questions == resp.questions && resp.is_response())
        else {
            return vec![];
        };
        q.answer = Some(resp);
        if self.queries.iter().any(|q| q.answer.is_none()) {
            return vec![];
        }
        let bad = |m: &DnsMessage| matches!(m.rcode(), rcode::SERVFAIL | rcode::NOTIMP | rcode::REFUSED);
        let answers: Vec<DnsMessage> = self.queries.iter().filter_map(|q| q.answer.clone()).collect();
        if answers.iter().all(bad) {
            self.last_error = Failure::ServerError(answers.last().map_or(rcode::SERVFAIL, |m| m.rcode()));
            if self.is_bind9() {
                // An answer, even a refusal, is not retried on the same server.
                self.try_no = self.attempts() - 1;
            }
            return self.next_server(now, rng);
        }
        let good: Vec<DnsMessage> = answers.into_iter().filter(|m| !bad(m)).collect();
        self.finish_step(now, rng, Ok(good))
    }

    /// An ICMP port unreachable for `socket`: ECONNREFUSED, close it, next server.
    pub fn on_port_unreachable(&mut self, now: SimTime, rng: &mut Rng, socket: u32) -> Vec<ResolverEvent> {
        if self.done || self.sockets.get(&self.ns_shift) != Some(&socket) {
            return vec![];
        }
        self.sockets.remove(&self.ns_shift);
        self.last_error = Failure::Refused;
        let mut ev = vec![ResolverEvent::Close(socket)];
        ev.extend(self.next_server(now, rng));
        ev
    }

    /// The timeout of the current server expired.
    pub fn on_timer(&mut self, now: SimTime, rng: &mut Rng) -> Vec<ResolverEvent> {
        match self.deadline {
            Some(d) if now >= d && !self.done => {
                self.deadline = None;
                self.last_error = Failure::Timeout;
                self.next_server(now, rng)
            }
            _ => vec![],
        }
    }

    /// A step ended: search the next name, start the next step (new sockets,
    /// as each glibc call / bind9 lookup closes its own), or finish.
    fn finish_step(&mut self, now: SimTime, rng: &mut Rng, outcome: Result<Vec<DnsMessage>, Failure>) -> Vec<ResolverEvent> {
        self.deadline = None;
        let mut ev: Vec<ResolverEvent> = std::mem::take(&mut self.sockets).into_values().map(ResolverEvent::Close).collect();
        let negative = match &outcome {
            Ok(ms) => ms.iter().all(|m| m.rcode() == rcode::NXDOMAIN || m.answers.is_empty()),
            Err(Failure::ServerError(_)) => true,
            Err(_) => false,
        };
        if negative && self.candidate + 1 < self.candidates.len() {
            self.candidate += 1;
            ev.extend(self.begin_name(now, rng));
            return ev;
        }
        let step = self.steps.remove(0);
        let name = self.candidates[self.candidate].clone();
        let found_v6 = matches!(&outcome, Ok(ms) if ms.iter().any(|m| m.answers.iter().any(|r| r.rtype == rtype::AAAA)));
        let stop = match self.program {
            // getent: the A lookup only runs when AAAA found nothing.
            Program::GetentHosts => found_v6,
            // host stops after the first lookup when the name does not exist or no server answers.
            Program::Host => !matches!(&outcome, Ok(ms) if ms.iter().all(|m| m.rcode() == rcode::NOERROR)),
            _ => false,
        };
        self.results.push(StepResult { qtypes: step, name, outcome });
        if stop || self.steps.is_empty() {
            self.done = true;
            ev.push(ResolverEvent::Done(std::mem::take(&mut self.results)));
            return ev;
        }
        self.candidates = self.candidates();
        self.candidate = 0;
        ev.extend(self.begin_name(now, rng));
        ev
    }
}

/// dig's OPT record: payload 1232 (bind9 9.18 `DEFAULT_EDNS_BUFSIZE`), version
/// 0, no DO, one COOKIE option (code 10) with an 8-byte random client cookie.
fn dig_opt(rng: &mut Rng) -> Record {
    let mut data = vec![0, 10, 0, 8];
    data.extend_from_slice(&rng.next_u64().to_be_bytes());
    Record { name: String::new(), rtype: rtype::OPT, class: 1232, ttl: 0, data: RData::Raw(data) }
}

/// The addresses a step found, following the answer section (CNAMEs first).
pub fn addresses(results: &[StepResult]) -> Vec<Ipv4Addr> {
    results
        .iter()
        .filter_map(|s| s.outcome.as_ref().ok())
        .flatten()
        .flat_map(|m| m.answers.iter())
        .filter_map(|r| match r.data {
            RData::A(a) => Some(a),
            _ => None,
        })
        .collect()
}
