//! What `host`, `dig` and `getent hosts` print, as pure functions of the
//! resolver's results (lines without trailing newlines).
//!
//! Wording follows bind9 9.18 bin/dig/host.c (`printsection`, "has address",
//! "is an alias for", "Host %s not found: %d(%s)"), bin/dig/dig.c and
//! lib/dns/masterdump.c (tab columns 24/32/40/48 for records), and glibc
//! nss/getent.c `print_hosts` (`"%-15s %s"` then the aliases).

use std::net::Ipv4Addr;

use super::resolver::{Failure, StepResult};
use crate::wire::dns::{rcode_name, rdata_text, rtype, type_name, DnsMessage, RData, Record};

/// The bind9 version string dig prints (Debian 12's bind9-dnsutils).
pub const DIG_VERSION: &str = "9.18.33-1~deb12u2-Debian";

fn fqdn(n: &str) -> String {
    format!("{}.", n.trim_end_matches('.'))
}

/// `host NAME` output.
pub fn host_lines(name: &str, results: &[StepResult]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, step) in results.iter().enumerate() {
        match &step.outcome {
            Err(Failure::Timeout) | Err(Failure::NoServers) => {
                out.push(";; connection timed out; no servers could be reached".into());
                return out;
            }
            Err(Failure::Refused) => {
                out.push(";; communications error: connection refused".into());
                out.push(";; no servers could be reached".into());
                return out;
            }
            Err(Failure::ServerError(rc)) => {
                out.push(format!("Host {name} not found: {rc}({})", rcode_name(*rc)));
                return out;
            }
            Ok(msgs) => {
                for m in msgs {
                    if m.rcode() != 0 {
                        out.push(format!("Host {name} not found: {}({})", m.rcode(), rcode_name(m.rcode())));
                        return out;
                    }
                    for r in &m.answers {
                        match &r.data {
                            // host prints the alias only with the first (A) lookup.
                            RData::Cname(t) if i == 0 => out.push(format!("{} is an alias for {}.", r.name, t)),
                            RData::A(a) => out.push(format!("{} has address {a}", r.name)),
                            RData::Aaaa(_) => out.push(format!("{} has IPv6 address {}", r.name, rdata_text(&r.data))),
                            RData::Mx(p, x) => out.push(format!("{} mail is handled by {p} {x}.", r.name)),
                            _ => {}
                        }
                    }
                }
            }
        }
    }
    out
}

/// `dig +short NAME`: one line per answer record's data.
pub fn dig_short_lines(results: &[StepResult]) -> Vec<String> {
    match results.first().map(|s| &s.outcome) {
        Some(Ok(msgs)) => msgs.iter().flat_map(|m| m.answers.iter()).map(|r| rdata_text(&r.data)).collect(),
        Some(Err(Failure::Refused)) => vec![
            ";; communications error to server#53: connection refused".into(),
        ],
        _ => vec![";; connection timed out; no servers could be reached".into()],
    }
}

/// Pad `line` with tabs to `column` (at least one separator), as masterdump's `indent`.
fn tab_to(line: &mut String, column: usize) {
    let mut col = line.chars().fold(0, |c, ch| if ch == '\t' { (c / 8 + 1) * 8 } else { c + 1 });
    if col >= column {
        line.push(' ');
        return;
    }
    while col < column {
        line.push('\t');
        col = (col / 8 + 1) * 8;
    }
}

/// A record in dig's master-file style.
pub fn record_line(r: &Record) -> String {
    let mut l = fqdn(&r.name);
    tab_to(&mut l, 24);
    l.push_str(&r.ttl.to_string());
    tab_to(&mut l, 32);
    l.push_str("IN");
    tab_to(&mut l, 40);
    l.push_str(&type_name(r.rtype));
    tab_to(&mut l, 48);
    l.push_str(&rdata_text(&r.data));
    l
}

/// The full `dig NAME` output for a response `m` from `server`, with the
/// query time and the `WHEN` line the caller formats from the lab's clock.
pub fn dig_lines(name: &str, m: &DnsMessage, server: Ipv4Addr, query_ms: u64, when: &str, rcvd: usize) -> Vec<String> {
    let flags: Vec<&str> = [
        (0x8000, "qr"),
        (0x0400, "aa"),
        (0x0200, "tc"),
        (0x0100, "rd"),
        (0x0080, "ra"),
        (0x0020, "ad"),
        (0x0010, "cd"),
    ]
    .iter()
    .filter(|(b, _)| m.flags & b != 0)
    .map(|(_, n)| *n)
    .collect();
    let mut out = vec![
        String::new(),
        format!("; <<>> DiG {DIG_VERSION} <<>> {name}"),
        ";; global options: +cmd".into(),
        ";; Got answer:".into(),
        format!(";; ->>HEADER<<- opcode: QUERY, status: {}, id: {}", rcode_name(m.rcode()), m.id),
        format!(
            ";; flags: {}; QUERY: {}, ANSWER: {}, AUTHORITY: {}, ADDITIONAL: {}",
            flags.join(" "),
            m.questions.len(),
            m.answers.len(),
            m.authority.len(),
            m.additional.len()
        ),
        String::new(),
    ];
    if let Some(opt) = m.additional.iter().find(|r| r.rtype == rtype::OPT) {
        out.push(";; OPT PSEUDOSECTION:".into());
        out.push(format!("; EDNS: version: 0, flags:; udp: {}", opt.class));
    }
    out.push(";; QUESTION SECTION:".into());
    for q in &m.questions {
        let mut l = format!(";{}", fqdn(&q.name));
        tab_to(&mut l, 32);
        l.push_str("IN");
        tab_to(&mut l, 40);
        l.push_str(&type_name(q.qtype));
        out.push(l);
    }
    for (title, section) in [("ANSWER", &m.answers), ("AUTHORITY", &m.authority)] {
        if !section.is_empty() {
            out.push(String::new());
            out.push(format!(";; {title} SECTION:"));
            out.extend(section.iter().map(record_line));
        }
    }
    out.push(String::new());
    out.push(format!(";; Query time: {query_ms} msec"));
    out.push(format!(";; SERVER: {server}#53({server}) (UDP)"));
    out.push(format!(";; WHEN: {when}"));
    out.push(format!(";; MSG SIZE  rcvd: {rcvd}"));
    out.push(String::new());
    out
}

/// `getent hosts NAME`: one line per address, `%-15s %s` then aliases; no
/// lines (exit status 2) when nothing was found.
pub fn getent_hosts_lines(results: &[StepResult]) -> Vec<String> {
    // The last step that found addresses wins (AAAA when it found any, else A).
    for step in results.iter().rev() {
        let Ok(msgs) = &step.outcome else { continue };
        for m in msgs {
            let addrs: Vec<&Record> = m.answers.iter().filter(|r| matches!(r.data, RData::A(_) | RData::Aaaa(_))).collect();
            if addrs.is_empty() {
                continue;
            }
            // h_name is the canonical name (the last CNAME target); the names
            // that led to it are the aliases.
            let canonical = addrs[0].name.clone();
            let aliases: Vec<String> = m.answers.iter().filter(|r| r.rtype == rtype::CNAME).map(|r| r.name.clone()).collect();
            return addrs
                .iter()
                .map(|r| {
                    let mut l = format!("{:<15} {}", rdata_text(&r.data), canonical);
                    for a in &aliases {
                        l.push(' ');
                        l.push_str(a);
                    }
                    l
                })
                .collect();
        }
    }
    vec![]
}
