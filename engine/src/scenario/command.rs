//! The commands a lab schedules (`ping`, `traceroute`, …), read from their command
//! line the way iputils ping and traceroute 2.1 read theirs; the configuration
//! changes (`ip link set`, `ip route add`, `poweroff`, …) are read in `config.rs`.

pub use crate::apps::http::curl::Url;
pub use super::config::ConfigCommand;
use crate::msg;
use crate::msg::Msg;
use std::net::Ipv4Addr;

/// A parsed `run` string.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// `ping -c COUNT [-i INTERVAL] [-W TIMEOUT] [-s SIZE] [-t TTL] [-I IFACE|ADDR] TARGET` (iputils).
    Ping {
        count: u32,
        interval_ms: u64,
        /// The address typed (unspecified while `name` waits for the resolver).
        target: Ipv4Addr,
        /// A host name typed instead of an address: getaddrinfo looks it up first.
        name: Option<String>,
        /// `-s`, `-t`, `-W`, `-I`.
        opts: PingOpts,
    },
    /// `traceroute [-I|-U] [-n] [-m MAX_TTL] [-q NQUERIES] [-N SIMQUERIES] [-p PORT] TARGET` (traceroute 2.1: UDP to rising ports by default, to one port with -U, ICMP with -I).
    Traceroute {
        target: Ipv4Addr,
        /// A host name typed instead of an address, as for `ping`.
        name: Option<String>,
        max_hops: u8,
        queries: u8,
        sim_queries: u8,
        /// `-f`, `-w`.
        opts: TraceOpts,
    },
    /// `ping -6 …` or `ping6 …` with an IPv6 address (issue 16): the same options,
    /// `-I` naming an interface only.
    Ping6 {
        count: u32,
        interval_ms: u64,
        target: std::net::Ipv6Addr,
        opts: PingOpts,
    },
    /// `traceroute -6 -I …` or `traceroute6 -I …` to an IPv6 address.
    Traceroute6 {
        target: std::net::Ipv6Addr,
        max_hops: u8,
        queries: u8,
        sim_queries: u8,
        opts: TraceOpts,
    },
    /// `dhclient IFACE` (ISC dhclient): ask for a lease on an interface;
    /// `dhclient -r IFACE`: release it (DHCPRELEASE, address removed).
    Dhclient { interface: String, release: bool },
    /// `host NAME` (bind9 9.18): A, AAAA and MX lookups.
    Host { name: String },
    /// `dig [+short] NAME` (bind9 9.18): an A lookup.
    Dig { name: String, short: bool },
    /// `getent hosts NAME` (glibc): AAAA then A through the resolver.
    GetentHosts { name: String },
    /// `curl [-v] URL` (curl 7.88.1): an HTTP GET, the name resolved by getaddrinfo.
    Curl { url: Url, verbose: bool },
    /// A configuration change (`ip link set`, `ip neigh flush`, `bridge fdb
    /// flush`, `ip route`, `ip addr`, `poweroff`/`poweron`): done at once by
    /// the simulation, not run as a program.
    Config(ConfigCommand),
}

/// ping's options beyond count and interval, with iputils' defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct PingOpts {
    /// `-s`: ICMP data bytes (`DEFDATALEN` 56). Under 16 there is no room for
    /// the send time, so ping prints no round-trip times.
    pub size: u16,
    /// `-t`: the probes' IP TTL (the kernel's `ip_default_ttl`, 64, unless given).
    pub ttl: u8,
    /// `-W`: how long to wait for a reply after the last probe when none came
    /// back at all (`lingertime`, `MAXWAIT` 10 s).
    pub linger_ms: u64,
    /// `-I`: the interface (SO_BINDTODEVICE) or source address (bind) to use.
    pub bind: Option<PingBind>,
}

impl Default for PingOpts {
    fn default() -> PingOpts {
        PingOpts { size: 56, ttl: 64, linger_ms: 10_000, bind: None }
    }
}

/// traceroute's `-f` and `-w`, with traceroute 2.1's defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceOpts {
    /// `-f`: the TTL of the first probes (1).
    pub first_ttl: u8,
    /// `-w MAX[,HERE,NEAR]`: wait at most MAX ms for a probe (5 s), or HERE times
    /// the round trip of a reply from the same hop (3), or NEAR times one from a
    /// later hop (10); 0 turns a factor off.
    pub wait_ms: u64,
    pub here: u32,
    pub near: u32,
    /// The probe method: `None` for ICMP echo (`-I`); `Some(port)` for traceroute's default
    /// method, UDP datagrams to "unlikely" ports from `port` (`-p`, 33434) up, one more per
    /// probe, each from its own socket, so the target answers "port unreachable"
    /// (traceroute 2.1 `mod-udp.c`, the "default" method).
    pub udp_port: Option<u16>,
    /// `-U`: traceroute 2.1's "udp" method: every UDP probe to the one port `udp_port`
    /// (53 by default) instead of one port more per probe.
    pub udp_fixed: bool,
}

/// traceroute's first destination port for UDP probes (`DEF_START_PORT`).
pub const TRACEROUTE_UDP_PORT: u16 = 33434;

/// `-U`'s port when `-p` gives none (`DEF_UDP_PORT`, DNS: likely to pass firewalls).
pub const TRACEROUTE_UDP_FIXED_PORT: u16 = 53;

impl Default for TraceOpts {
    fn default() -> TraceOpts {
        TraceOpts { first_ttl: 1, wait_ms: 5000, here: 3, near: 10, udp_port: None, udp_fixed: false }
    }
}

/// What `ping -I` names.
#[derive(Clone, Debug, PartialEq)]
pub enum PingBind {
    /// An interface: packets leave through it (routes through others are not used).
    Device(String),
    /// A source address, which must be one of the host's.
    Address(Ipv4Addr),
}

/// The largest `-s` here: 1500 − 20 − 8; a larger echo needs IP fragmentation,
/// which this lab does not model (iputils itself allows 65507).
pub const PING_MAX_SIZE: u16 = 1472;
/// The same for IPv6: 1500 − 40 − 8.
pub const PING6_MAX_SIZE: u16 = 1452;

impl Command {
    /// The address the command sends to (ping and traceroute to an address;
    /// to a name, the run's lookup decides, as for the others).
    pub fn target(&self) -> Option<Ipv4Addr> {
        match self {
            Command::Ping { target, name: None, .. }
            | Command::Traceroute { target, name: None, .. } => Some(*target),
            _ => None,
        }
    }

    /// The host name a ping or traceroute resolves before it starts.
    pub fn lookup(&self) -> Option<&str> {
        match self {
            Command::Ping { name, .. } | Command::Traceroute { name, .. } => name.as_deref(),
            _ => None,
        }
    }

    /// Reads a command line; the error says what is wrong with it.
    pub fn parse(line: &str) -> Result<Command, Msg> {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.first() {
            Some(&("ping" | "ping6")) => parse_ping(words[0], &words[1..]),
            Some(&("traceroute" | "traceroute6")) => parse_traceroute(words[0], &words[1..]),
            Some(&"dhclient") => match &words[1..] {
                [iface] if !iface.starts_with('-') => Ok(Command::Dhclient {
                    interface: iface.to_string(),
                    release: false,
                }),
                ["-r", iface] if !iface.starts_with('-') => Ok(Command::Dhclient {
                    interface: iface.to_string(),
                    release: true,
                }),
                _ => Err(usage(example("dhclient [-r] INTERFACE", "dhclient eth0, dhclient -r eth0"))),
            },
            Some(&"host") => match &words[1..] {
                [name] if !name.starts_with('-') => Ok(Command::Host {
                    name: lookup_name(name)?,
                }),
                _ => Err(usage(example("host NAME", "host www.example.com"))),
            },
            Some(&"dig") => match &words[1..] {
                [name] if !name.starts_with(['-', '+', '@']) => Ok(Command::Dig {
                    name: lookup_name(name)?,
                    short: false,
                }),
                ["+short", name] | [name, "+short"] if !name.starts_with(['-', '+', '@']) => {
                    Ok(Command::Dig {
                        name: lookup_name(name)?,
                        short: true,
                    })
                }
                _ => Err(usage(example("dig [+short] NAME", "dig +short www.example.com"))),
            },
            Some(&"getent") => match &words[1..] {
                ["hosts", name] => Ok(Command::GetentHosts {
                    name: lookup_name(name)?,
                }),
                _ => Err(usage("getent hosts NAME")),
            },
            Some(&"curl") => parse_curl(&words[1..]),
            Some(&("ip" | "bridge" | "poweroff" | "poweron")) => super::config::parse(&words).map(Command::Config),
            Some(other) => Err(msg!("invalid-unknown-command", command = *other)),
            None => Err(msg!("invalid-empty-command")),
        }
    }
}

/// An address, or a host name for getaddrinfo (iputils ping and traceroute
/// try `inet_aton` first, then resolve). Digits and dots only that do not
/// read as an address are refused as an address, not looked up.
fn parse_target(word: Option<&&str>, usage: &str) -> Result<(Ipv4Addr, Option<String>), Msg> {
    let word = word.ok_or_else(|| missing_destination(usage))?;
    if let Ok(a) = word.parse::<Ipv4Addr>() {
        return Ok((a, None));
    }
    if word.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(super::address::not_ipv4(word));
    }
    let name = lookup_name(word).map_err(|_| msg!("invalid-not-address-or-name", value = *word))?;
    Ok((Ipv4Addr::UNSPECIFIED, Some(name)))
}

/// `-6` among the arguments (or the `ping6`/`traceroute6` name), or an IPv6
/// target: the IPv6 form of the command; the arguments without `-4`/`-6`.
fn family<'a>(program: &str, args: &[&'a str]) -> (bool, Vec<&'a str>) {
    let v6 = program.ends_with('6')
        || args.contains(&"-6")
        || args.iter().any(|a| !a.starts_with('-') && a.contains(':') && a.parse::<std::net::Ipv6Addr>().is_ok());
    (v6, args.iter().copied().filter(|a| *a != "-6" && *a != "-4").collect())
}

/// An IPv6 target as typed.
fn parse_target6(word: &str) -> Result<std::net::Ipv6Addr, Msg> {
    word.parse().map_err(|_| msg!("invalid-ipv6-target", value = word))
}

/// "usage: ping -c COUNT …": `usage` is the synopsis, or a synopsis with an example.
pub(super) fn usage(usage: impl Into<msg::Arg>) -> Msg {
    let usage: msg::Arg = usage.into();
    msg!("invalid-usage", usage = usage)
}

/// A synopsis and an example of it, for [`usage`].
pub(super) fn example(usage: &str, example: &str) -> Msg {
    msg!("invalid-usage-example", usage = usage, example = example)
}

/// "missing destination address; usage: …".
fn missing_destination(usage: &str) -> Msg {
    msg!("invalid-missing-destination", usage = usage)
}

/// "unsupported ping option -x; usage: …".
fn unsupported(program: &str, flag: &str, usage: impl Into<msg::Arg>) -> Msg {
    let usage: msg::Arg = usage.into();
    msg!("invalid-unsupported-option", program = program, flag = flag, usage = usage)
}

/// "unexpected argument x; usage: …".
fn unexpected(word: &str, usage: &str) -> Msg {
    msg!("invalid-unexpected-argument", value = word, usage = usage)
}

/// "-c 0 is out of range (1–10000)".
fn flag_range(flag: &str, value: impl ToString, min: impl ToString, max: impl ToString) -> Msg {
    msg!("invalid-flag-range", flag = flag, value = value.to_string(), min = min.to_string(), max = max.to_string())
}

/// "-c needs a whole number, not x".
fn whole_number(flag: &str, value: &str) -> Msg {
    msg!("invalid-flag-whole-number", flag = flag, value = value)
}

fn parse_ping(program: &str, args: &[&str]) -> Result<Command, Msg> {
    let (v6, args) = family(program, args);
    let args = &args[..];
    const USAGE: &str = "ping -c COUNT [-i SECONDS] [-W SECONDS] [-s SIZE] [-t TTL] [-I IFACE|ADDRESS] ADDRESS";
    let mut count = None;
    let mut interval_ms = 1000;
    let mut opts = PingOpts::default();
    let mut target = None;
    let mut i = 0;
    // A flag's value: the next word, or glued on (`-c3`), as getopt reads it. `what` names
    // the value the flag needs for the message (a selector in the catalogue).
    let value = |i: &mut usize, flag: &str, what: &str| -> Result<String, Msg> {
        let word = args[*i];
        *i += 1;
        if word.len() > 2 {
            return Ok(word[2..].to_string());
        }
        let v = args.get(*i).ok_or_else(|| msg!("invalid-flag-needs", flag = flag, what = what))?;
        *i += 1;
        Ok(v.to_string())
    };
    let seconds = |flag: &str, v: &str, range: std::ops::RangeInclusive<f64>| -> Result<u64, Msg> {
        let s: f64 = v.parse().map_err(|_| msg!("invalid-flag-seconds", flag = flag, value = v))?;
        if !range.contains(&s) {
            return Err(msg!(
                "invalid-flag-range-seconds",
                flag = flag,
                value = v,
                min = range.start().to_string(),
                max = range.end().to_string()
            ));
        }
        Ok((s * 1000.0).round() as u64)
    };
    while i < args.len() {
        let word = args[i];
        match word.get(..2).filter(|_| word.starts_with('-')) {
            Some("-c") => {
                let v = value(&mut i, "-c", "count")?;
                let n: u32 = v.parse().map_err(|_| whole_number("-c", &v))?;
                if !(1..=10_000).contains(&n) {
                    return Err(flag_range("-c", n, 1, 10_000));
                }
                count = Some(n);
            }
            Some("-i") => {
                let v = value(&mut i, "-i", "interval")?;
                interval_ms = seconds("-i", &v, 0.002..=3600.0)?;
            }
            Some("-W") => {
                // iputils: "bad linger time" below 0; 0 means do not wait.
                let v = value(&mut i, "-W", "timeout")?;
                opts.linger_ms = seconds("-W", &v, 0.0..=3600.0)?;
            }
            Some("-s") => {
                let v = value(&mut i, "-s", "size")?;
                let n: u16 = v.parse().map_err(|_| msg!("invalid-flag-bytes", flag = "-s", value = &v))?;
                if n > PING_MAX_SIZE {
                    return Err(msg!("invalid-ping-size", size = n.to_string(), max = PING_MAX_SIZE.to_string()));
                }
                opts.size = n;
            }
            Some("-t") => {
                let v = value(&mut i, "-t", "ttl")?;
                let n: u8 = v.parse().map_err(|_| msg!("invalid-ping-ttl", value = &v))?;
                if n == 0 {
                    // setsockopt(IP_TTL, 0) fails: "can't set unicast time-to-live: Invalid argument".
                    return Err(Msg::verbatim("-t 0: ping: can't set unicast time-to-live: Invalid argument (1–255)"));
                }
                opts.ttl = n;
            }
            Some("-I") if v6 => {
                let v = value(&mut i, "-I", "interface")?;
                if v.contains(':') {
                    return Err(msg!("invalid-ping6-bind", value = &v));
                }
                opts.bind = Some(PingBind::Device(v));
            }
            Some("-I") => {
                let v = value(&mut i, "-I", "interface-or-address")?;
                // As iputils: an address if it reads as one, else a device name.
                opts.bind = Some(match v.parse::<Ipv4Addr>() {
                    Ok(a) => PingBind::Address(a),
                    Err(_) if v.bytes().all(|b| b.is_ascii_digit() || b == b'.') => {
                        return Err(msg!("invalid-ping-bind", value = &v))
                    }
                    Err(_) => PingBind::Device(v),
                });
            }
            Some(flag) => {
                return Err(unsupported("ping", flag, USAGE));
            }
            None => {
                if target.is_some() {
                    return Err(unexpected(word, USAGE));
                }
                target = Some(if v6 {
                    (Ipv4Addr::UNSPECIFIED, Some(parse_target6(word)?.to_string()))
                } else {
                    parse_target(Some(&word), USAGE)?
                });
                i += 1;
            }
        }
    }
    if v6 && opts.size > PING6_MAX_SIZE {
        return Err(msg!("invalid-ping6-size", size = opts.size.to_string(), max = PING6_MAX_SIZE.to_string()));
    }
    let count = count
        .ok_or_else(|| msg!("invalid-ping-needs-count", usage = USAGE))?;
    let (target, name) = target.ok_or_else(|| missing_destination(USAGE))?;
    if v6 {
        let target = parse_target6(name.as_deref().unwrap_or_default())?;
        return Ok(Command::Ping6 { count, interval_ms, target, opts });
    }
    Ok(Command::Ping {
        count,
        interval_ms,
        target,
        name,
        opts,
    })
}

fn parse_traceroute(program: &str, args: &[&str]) -> Result<Command, Msg> {
    let (v6, args) = family(program, args);
    let args = &args[..];
    const USAGE: &str = "traceroute [-6] [-I|-U] [-n] [-f FIRST_TTL] [-m MAX_TTL] [-q PROBES] [-N SIM_PROBES] [-w MAX[,HERE,NEAR]] [-p PORT] ADDRESS";
    let mut icmp = false;
    let mut port = None;
    let mut max_hops = 30u8;
    let mut queries = 3u8;
    let mut sim_queries = 16u8;
    let mut opts = TraceOpts::default();
    let mut target = None;
    let mut i = 0;
    let number =
        |i: usize, flag: &str, range: std::ops::RangeInclusive<u8>| -> Result<u8, Msg> {
            let v = args
                .get(i + 1)
                .ok_or_else(|| msg!("invalid-flag-needs-number", flag = flag))?;
            let n: u8 = v.parse().map_err(|_| whole_number(flag, v))?;
            if !range.contains(&n) {
                return Err(flag_range(flag, n, range.start(), range.end()));
            }
            Ok(n)
        };
    while i < args.len() {
        match args[i] {
            "-I" | "--icmp" => {
                icmp = true;
                i += 1;
            }
            "-n" => i += 1,
            "-In" | "-nI" => {
                icmp = true;
                i += 1;
            }
            "-m" => {
                max_hops = number(i, "-m", 1..=255)?;
                i += 2;
            }
            "-q" => {
                queries = number(i, "-q", 1..=10)?;
                i += 2;
            }
            "-N" => {
                sim_queries = number(i, "-N", 1..=255)?;
                i += 2;
            }
            "-f" => {
                opts.first_ttl = number(i, "-f", 1..=255)?;
                i += 2;
            }
            "-w" => {
                opts = parse_wait(args.get(i + 1).copied(), opts)?;
                i += 2;
            }
            "-p" => {
                let v = args.get(i + 1).ok_or_else(|| msg!("invalid-flag-needs-port", flag = "-p"))?;
                port = Some(v.parse::<u16>().ok().filter(|&p| p > 0).ok_or_else(|| msg!("invalid-flag-port", flag = "-p", value = *v))?);
                i += 2;
            }
            // traceroute 2.1's "udp" method: every probe to one port, 53 unless -p says
            // otherwise (mod-udp.c: DEF_UDP_PORT), each from its own socket.
            "-U" | "--udp" => {
                opts.udp_fixed = true;
                i += 1;
            }
            "-T" | "--tcp" => {
                return Err(msg!("invalid-traceroute-tcp", usage = USAGE));
            }
            flag if flag.starts_with('-') => {
                return Err(unsupported("traceroute", flag, USAGE));
            }
            word => {
                if target.is_some() {
                    return Err(unexpected(word, USAGE));
                }
                target = Some(if v6 {
                    (Ipv4Addr::UNSPECIFIED, Some(parse_target6(word)?.to_string()))
                } else {
                    parse_target(Some(&word), USAGE)?
                });
                i += 1;
            }
        }
    }
    match (icmp, port) {
        // traceroute 2.1 with no method option: the default method, UDP.
        (false, port) => {
            let default = if opts.udp_fixed { TRACEROUTE_UDP_FIXED_PORT } else { TRACEROUTE_UDP_PORT };
            opts.udp_port = Some(port.unwrap_or(default));
        }
        (true, _) if opts.udp_fixed => return Err(msg!("invalid-traceroute-two-methods", usage = USAGE)),
        (true, Some(_)) => return Err(msg!("invalid-traceroute-icmp-port", usage = USAGE)),
        (true, None) => {}
    }
    let (target, name) = target.ok_or_else(|| missing_destination(USAGE))?;
    if opts.first_ttl > max_hops {
        // traceroute.c: "first hop out of range".
        return Err(msg!("invalid-first-hop", first = opts.first_ttl.to_string(), max = max_hops.to_string()));
    }
    if v6 {
        // Over IPv6 only ICMPv6 echo probes are modelled (issue 16); UDP probes are IPv4's.
        if !icmp {
            return Err(msg!("invalid-traceroute6-icmp", usage = USAGE));
        }
        // Over IPv6 only ICMPv6 echo probes are modelled (issue 16); UDP probes are IPv4's.
        if !icmp {
            return Err(msg!("invalid-traceroute6-icmp", usage = USAGE));
        }
        let target = parse_target6(name.as_deref().unwrap_or_default())?;
        return Ok(Command::Traceroute6 { target, max_hops, queries, sim_queries, opts });
    }
    Ok(Command::Traceroute {
        target,
        name,
        max_hops,
        queries,
        sim_queries,
        opts,
    })
}

/// `-w MAX[,HERE,NEAR]` (traceroute 2.1: seconds as a float, the factors too).
fn parse_wait(v: Option<&str>, mut opts: TraceOpts) -> Result<TraceOpts, Msg> {
    let v = v.ok_or_else(|| msg!("invalid-wait-needs"))?;
    let mut parts = v.split(',');
    let max: f64 = parts
        .next()
        .and_then(|p| p.parse().ok())
        .filter(|s: &f64| (0.0..=3600.0).contains(s))
        .ok_or_else(|| msg!("invalid-wait-range", value = v))?;
    opts.wait_ms = (max * 1000.0).round() as u64;
    for (slot, name) in [(&mut opts.here, "HERE"), (&mut opts.near, "NEAR")] {
        if let Some(p) = parts.next() {
            *slot = p.parse().ok().filter(|n| *n <= 100).ok_or_else(|| msg!("invalid-wait-factor", value = v, name = name))?;
        }
    }
    if parts.next().is_some() {
        return Err(msg!("invalid-wait-parts", value = v));
    }
    Ok(opts)
}

/// A name to look up, as typed (a trailing dot kept: it makes the name absolute).
fn lookup_name(word: &str) -> Result<String, Msg> {
    let bare = word.trim_end_matches('.');
    let ok = !bare.is_empty()
        && bare.len() <= 253
        && bare
            .split('.')
            .all(|l| (1..=63).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    if ok {
        Ok(word.to_string())
    } else {
        Err(msg!("invalid-not-host-name", value = word))
    }
}

fn parse_curl(args: &[&str]) -> Result<Command, Msg> {
    let usage = || example("curl [-v] URL", "curl -v http://www.example.com/");
    let mut verbose = false;
    let mut url = None;
    for a in args {
        match *a {
            "-v" | "--verbose" => verbose = true,
            flag if flag.starts_with('-') => {
                return Err(unsupported("curl", flag, usage()));
            }
            word => {
                if url.is_some() {
                    return Err(msg!("invalid-curl-one-url", value = word, usage = usage()));
                }
                url = Some(parse_url(word)?);
            }
        }
    }
    let url = url.ok_or_else(|| msg!("invalid-curl-needs-url", usage = usage()))?;
    Ok(Command::Curl { url, verbose })
}

/// `[http://]HOST[:PORT][/PATH]` with HOST a name or a dotted quad. curl
/// itself adds `http://` when no scheme is given and `/` when no path is.
pub fn parse_url(text: &str) -> Result<Url, Msg> {
    let rest = match text.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
        Some((scheme, _)) => {
            return Err(msg!("invalid-url-scheme", scheme = scheme, url = text))
        }
        None => text,
    };
    // A fragment never leaves curl (RFC 3986 §3.5).
    let rest = rest.split('#').next().unwrap_or_default();
    let (hostport, path) = match rest.find(['/', '?']) {
        Some(i) if rest[i..].starts_with('?') => (&rest[..i], format!("/{}", &rest[i..])),
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, "/".to_string()),
    };
    if hostport.starts_with('[') {
        return Err(msg!("invalid-url-ipv6", url = text));
    }
    if hostport.contains('@') {
        return Err(msg!("invalid-url-user", url = text));
    }
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => match p.parse::<u16>() {
            Ok(n) if n > 0 => (h, n),
            _ => {
                return Err(msg!("invalid-url-port", url = text, port = p))
            }
        },
        None => (hostport, 80),
    };
    if host.is_empty() {
        return Err(msg!("invalid-url-no-host", url = text));
    }
    let host = if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        host.parse::<Ipv4Addr>()
            .map_err(|_| msg!("invalid-url-ipv4", host = host, url = text))?
            .to_string()
    } else {
        lookup_name(host).map_err(|_| msg!("invalid-url-name", host = host, url = text))?
    };
    if !path.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(msg!("invalid-url-path", path = &path));
    }
    Ok(Url { host, port, path })
}
