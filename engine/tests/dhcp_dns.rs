//! DHCP and DNS in whole runs (issue 11, phase 2): the exact frames of the
//! DHCP exchange and the DNS lookup in the examples, dhclient's schedule when
//! no server answers, NXDOMAIN, a wrong DNS server (timeouts, then the
//! diagnosis), a closed port 53 (ICMP port unreachable), and validation.

mod common;

use common::{frames_on, run};
use packet_engine::diagnose::{diagnose, Cause};
use packet_engine::examples;
use packet_engine::trace::{EventKind, LookupOutcome};
use packet_engine::wire::dhcp::DhcpMessage;
use packet_engine::wire::dns::DnsMessage;
use packet_engine::{Scenario, SimTime, Simulation};
use std::net::Ipv4Addr;

fn example(stem: &str) -> Scenario {
    examples::all().into_iter().find(|(s, _)| *s == stem).expect("example exists").1
}

/// The UDP payload of an Ethernet/IPv4(no options)/UDP frame with its ports.
fn udp(frame: &[u8]) -> Option<(u16, u16, &[u8])> {
    if frame.len() < 42 || frame[12..14] != [8, 0] || frame[23] != 17 {
        return None;
    }
    let len = u16::from_be_bytes([frame[38], frame[39]]) as usize;
    let sport = u16::from_be_bytes([frame[34], frame[35]]);
    let dport = u16::from_be_bytes([frame[36], frame[37]]);
    Some((sport, dport, &frame[42..34 + len]))
}

fn dhcp(frame: &[u8]) -> Option<DhcpMessage> {
    let (s, d, p) = udp(frame)?;
    ([67, 68].contains(&s) && [67, 68].contains(&d)).then(|| DhcpMessage::parse(p)).flatten()
}

fn option_codes(m: &DhcpMessage) -> Vec<u8> {
    m.options.iter().map(|o| o.code).collect()
}

fn lab(extra_router: &str, laptop_iface: &str, commands: &str) -> String {
    format!(
        r#"{{"version":1,"seed":5,
        "devices":[
          {{"id":"laptop","kind":"host","interfaces":[{{"name":"eth0","address":"{laptop_iface}"}}]}},
          {{"id":"sw","kind":"switch","ports":4}},
          {{"id":"gw","kind":"router","interfaces":[{{"name":"eth0","address":"192.168.1.1/24"}}]{extra_router}}}
        ],
        "links":[
          {{"id":"l1","a":{{"device":"laptop","port":"eth0"}},"b":{{"device":"sw","port":"p1"}}}},
          {{"id":"l2","a":{{"device":"gw","port":"eth0"}},"b":{{"device":"sw","port":"p2"}}}}
        ],
        "commands":[{commands}],
        "options":{{"max_time_ms":200000}}}}"#
    )
}

#[test]
fn home_dhcp_exchange_frame_by_frame() {
    let out = Simulation::new(&example("home-dhcp")).unwrap().run();
    let l1 = frames_on(&out, "l1");
    let msgs: Vec<(SimTime, &[u8], DhcpMessage)> =
        l1.iter().filter_map(|f| dhcp(&f.bytes).map(|m| (f.t_start, &f.bytes[..], m))).collect();
    assert_eq!(msgs.len(), 4, "DISCOVER, OFFER, REQUEST, ACK");
    let [(t0, d, discover), (t1, o, offer), (_, r, request), (_, a, ack)] = &msgs[..] else { unreachable!() };
    // DISCOVER: broadcast from 0.0.0.0 with dhclient's raw header (TOS 0x10,
    // TTL 128, id 0, DF clear), BOOTP padded to 300 bytes → 342-byte frame.
    assert_eq!(d.len(), 342);
    assert_eq!(&d[0..6], &[0xff; 6]);
    assert_eq!(d[15], 0x10, "TOS");
    assert_eq!(d[22], 128, "TTL");
    assert_eq!(&d[18..22], &[0, 0, 0, 0], "id 0, DF clear");
    assert_eq!(&d[26..34], &[0, 0, 0, 0, 255, 255, 255, 255]);
    assert_eq!(option_codes(discover), vec![53, 12, 55]);
    assert_eq!(*t0, SimTime::ZERO, "dhclient sends its first DISCOVER at once");
    // dnsmasq's ping check: three ARP requests 1 s apart for the candidate, then the OFFER 3 s later.
    let arps = l1.iter().filter(|f| common::is_arp_request(&f.bytes) && f.t_start < *t1).count();
    assert_eq!(arps, 3);
    assert!(*t1 >= SimTime::from_secs(3) && *t1 < SimTime::from_millis(3001));
    // OFFER: unicast to the chaddr and yiaddr, TOS 0xc0, DF clear, TTL 64.
    assert_eq!(&o[0..6], &d[6..12], "to the client's MAC without ARP");
    assert_eq!(o[15], 0xc0);
    assert_eq!(o[20] & 0x40, 0, "DF clear");
    assert_eq!(o[22], 64);
    assert_eq!(offer.xid, discover.xid);
    assert_eq!(offer.siaddr, Ipv4Addr::new(192, 168, 1, 1));
    assert_eq!(&option_codes(offer)[..6], &[53, 54, 51, 58, 59, 1]);
    let yiaddr = offer.yiaddr;
    assert!((100..=200).contains(&yiaddr.octets()[3]));
    assert_eq!(&o[30..34], &yiaddr.octets());
    // REQUEST: 53, 54, 50, 12, 55, same xid, still from 0.0.0.0.
    assert_eq!(option_codes(request), vec![53, 54, 50, 12, 55]);
    assert_eq!(request.xid, discover.xid);
    assert_eq!(&r[26..30], &[0, 0, 0, 0]);
    // ACK: the same address; option 12 echoes the host name.
    assert_eq!(ack.yiaddr, yiaddr);
    assert!(option_codes(ack).contains(&12));
    assert_eq!(a[15], 0xc0);
    // The lease installed: address, connected route, default route, DNS.
    let lease = out
        .trace
        .events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::DhcpLeaseObtained { lease, renewed: false, .. } => Some(lease.clone()),
            _ => None,
        })
        .expect("lease event");
    assert_eq!(lease.address.addr(), yiaddr);
    assert_eq!(lease.address.prefix_len(), 24);
    assert_eq!(lease.router, Some(Ipv4Addr::new(192, 168, 1, 1)));
    assert_eq!(lease.dns, vec![Ipv4Addr::new(192, 168, 1, 1)]);
    let end = out.trace.state_at(out.trace.events.len());
    let routes: Vec<String> = end.routes["laptop"].iter().map(|r| r.prefix.to_string()).collect();
    assert_eq!(routes, vec!["192.168.1.0/24", "0.0.0.0/0"]);
    assert_eq!(end.dhcp_server_leases["home-router"][&yiaddr].hostname.as_deref(), Some("laptop"));
    // And the ping to the gateway works.
    let ping = &out.outputs["laptop: ping -c 2 192.168.1.1"];
    assert!(ping.iter().any(|l| l.contains("2 packets transmitted, 2 received")), "{ping:?}");
    assert!(diagnose(&out.topology, &out).is_empty());
}

#[test]
fn name_lookup_goes_through_the_forwarder_to_the_recursive_server() {
    let out = Simulation::new(&example("name-lookup")).unwrap().run();
    assert_eq!(
        out.outputs["laptop: host www.example.com"],
        vec!["www.example.com is an alias for example.com.", "example.com has address 93.184.216.34"]
    );
    assert_eq!(out.outputs["laptop: dig +short www.example.com"], vec!["example.com.", "93.184.216.34"]);
    // On the laptop's link: A, AAAA, MX queries to 192.168.1.1:53 from one
    // connected socket, each answered; on the provider link the forwarder's
    // queries to 8.8.8.8 from 100.64.0.2, with fresh ids.
    let queries: Vec<(u16, u16, DnsMessage)> = frames_on(&out, "l1")
        .iter()
        .filter_map(|f| udp(&f.bytes).and_then(|(s, d, p)| DnsMessage::parse(p).map(|m| (s, d, m))))
        .collect();
    let asked: Vec<u16> = queries.iter().filter(|(_, d, _)| *d == 53).map(|(_, _, m)| m.questions[0].qtype).collect();
    assert_eq!(asked, vec![1, 28, 15, 1], "host: A, AAAA, MX; then dig: A");
    let host_ports: Vec<u16> = queries.iter().filter(|(_, d, _)| *d == 53).map(|(s, _, _)| *s).collect();
    assert!(host_ports.iter().all(|p| (32768..=60999).contains(p)), "ephemeral ports {host_ports:?}");
    let upstream: Vec<DnsMessage> = frames_on(&out, "l3")
        .iter()
        .filter_map(|f| udp(&f.bytes).filter(|(_, d, _)| *d == 53).and_then(|(_, _, p)| DnsMessage::parse(p)))
        .collect();
    assert_eq!(upstream.len(), 3, "dig's A query is answered from dnsmasq's cache");
    assert_ne!(upstream[0].id, queries[0].2.id, "dnsmasq forwards with a fresh id");
    let l3 = frames_on(&out, "l3");
    let first = l3.iter().find(|f| udp(&f.bytes).is_some_and(|(_, d, _)| d == 53)).unwrap();
    assert_eq!(&first.bytes[26..30], &[100, 64, 0, 2]);
    assert_eq!(&first.bytes[30..34], &[8, 8, 8, 8]);
    let end = out.trace.state_at(out.trace.events.len());
    assert!(matches!(&end.dns_answers["laptop"]["www.example.com"], LookupOutcome::Answer { addresses, .. } if addresses == &[Ipv4Addr::new(93, 184, 216, 34)]));
}

#[test]
fn no_dhcp_server_discovers_with_backoff_then_gives_up() {
    let out = run(&lab("", "dhcp", r#"{"at_ms":70000,"device":"laptop","run":"ping -c 1 192.168.1.1"}"#));
    let times: Vec<u64> = frames_on(&out, "l1")
        .iter()
        .filter(|f| dhcp(&f.bytes).is_some())
        .map(|f| f.t_start.as_nanos() / 1_000_000_000)
        .collect();
    // dhclient: first at 0, then intervals from 3 s growing by random()%(2·interval)
    // (state_init sets 3, send_discover backs off before the first wait: 3–8 s),
    // redrawn as 7 + random()%15 above 15; nothing after the 60 s timeout
    // until the retry 150–449 s later.
    assert_eq!(times[0], 0);
    assert!((3..=8).contains(&times[1]), "{times:?}");
    assert!(times.windows(2).all(|w| w[1] > w[0]), "{times:?}");
    assert!(times.windows(2).all(|w| w[1] - w[0] <= 22), "{times:?}");
    assert!(times.iter().filter(|t| **t <= 60).count() >= 4, "{times:?}");
    let gave_up = out
        .trace
        .events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::DhcpNoOffers { retry_at, .. } => Some((e.time, *retry_at)),
            _ => None,
        })
        .expect("dhclient gives up");
    assert!(gave_up.0 >= SimTime::from_secs(60) && gave_up.0 < SimTime::from_secs(83));
    let wait = (gave_up.1.as_nanos() - gave_up.0.as_nanos()) / 1_000_000_000;
    assert!((150..450).contains(&wait), "retry after {wait} s");
    assert!(times.iter().all(|t| *t <= 60 || *t * 1_000_000_000 >= gave_up.1.as_nanos()), "{times:?}");
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].cause, Cause::NoDhcpServer);
    assert_eq!(d[0].field, "devices[0].interfaces[0].address");
    assert!(d[0].text.to_string().starts_with("No DHCP server answered"));
}

const DHCP_SERVICE: &str = r#","services":{"dhcp":{"interface":"eth0","pool_start":"192.168.1.100","pool_end":"192.168.1.110","router":"192.168.1.1","dns":["DNS"]}"#;

#[test]
fn nxdomain_is_printed_and_diagnosed() {
    let svc = DHCP_SERVICE.replace("DNS", "192.168.1.1")
        + r#","dns":{"zone":"example.com","records":[{"name":"www.example.com","type":"A","value":"93.184.216.34"}]}}"#;
    let out = run(&lab(&svc, "dhcp", r#"{"at_ms":8000,"device":"laptop","run":"host wwww.example.com"}"#));
    assert_eq!(out.outputs["laptop: host wwww.example.com"], vec!["Host wwww.example.com not found: 3(NXDOMAIN)"]);
    let answers: Vec<u8> = frames_on(&out, "l1")
        .iter()
        .filter_map(|f| udp(&f.bytes).filter(|(s, _, _)| *s == 53).and_then(|(_, _, p)| DnsMessage::parse(p)))
        .map(|m| m.rcode())
        .collect();
    assert_eq!(answers, vec![3], "one answer, NXDOMAIN; host stops there");
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].cause, Cause::NxDomain { name: "wwww.example.com".into() });
    assert_eq!(d[0].field, "devices[2].services.dns.records");
}

#[test]
fn wrong_dns_server_times_out_and_is_diagnosed() {
    let svc = DHCP_SERVICE.replace("DNS", "192.168.1.53") + "}";
    let out = run(&lab(&svc, "dhcp", r#"{"at_ms":8000,"device":"laptop","run":"getent hosts www.example.com"}"#));
    assert!(out.outputs["laptop: getent hosts www.example.com"].is_empty());
    // glibc: 2 attempts of up to 5 s to the one server per step (AAAA, then A);
    // the laptop ARPs for 192.168.1.53, which nobody has; after 3 ARP requests
    // the kernel reports "host unreachable" on the connected socket and glibc
    // moves on without waiting out the 5 s.
    let arp_for_53 = frames_on(&out, "l1")
        .iter()
        .filter(|f| common::is_arp_request(&f.bytes) && f.bytes[38..42] == [192, 168, 1, 53])
        .count();
    assert!(arp_for_53 >= 3);
    let lookup = out.trace.events.iter().find_map(|e| match &e.kind {
        EventKind::DnsLookup { lookup, .. } => Some((e.time, lookup.outcome.clone())),
        _ => None,
    });
    let (t, outcome) = lookup.expect("lookup finished");
    assert_eq!(outcome, LookupOutcome::Timeout);
    assert!(t > SimTime::from_secs(8 + 6) && t <= SimTime::from_secs(8 + 20), "at most two steps × two tries × 5 s: {t:?}");
    let d = diagnose(&out.topology, &out);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].cause, Cause::DnsUnreachable { server: Some(Ipv4Addr::new(192, 168, 1, 53)) });
    assert_eq!(d[0].field, "devices[2].services.dhcp.dns");
    assert!(d[0].text.to_string().contains("wrong DNS server address"));
}

#[test]
fn closed_port_53_gets_icmp_port_unreachable() {
    // The router serves DHCP but runs no DNS server: its kernel answers the
    // query with ICMP port unreachable, and host reports the refusal.
    let svc = DHCP_SERVICE.replace("DNS", "192.168.1.1") + "}";
    let out = run(&lab(&svc, "dhcp", r#"{"at_ms":8000,"device":"laptop","run":"host www.example.com"}"#));
    let unreach: Vec<Vec<u8>> = frames_on(&out, "l1")
        .iter()
        .filter(|f| common::icmp_type(&f.bytes) == Some(3))
        .map(|f| f.bytes.clone())
        .collect();
    assert!(!unreach.is_empty());
    assert_eq!(unreach[0][35], 3, "code 3: port unreachable");
    assert_eq!(unreach[0][15], 0xc0);
    let lines = &out.outputs["laptop: host www.example.com"];
    assert!(lines.iter().any(|l| l.contains("connection refused")), "{lines:?}");
}

#[test]
fn dhclient_command_on_a_static_host_and_an_unknown_interface() {
    let svc = DHCP_SERVICE.replace("DNS", "192.168.1.1") + "}";
    let out = run(&lab(
        &svc,
        "dhcp",
        r#"{"at_ms":5000,"device":"laptop","run":"dhclient eth7"},{"at_ms":6000,"device":"laptop","run":"dhclient eth0"}"#,
    ));
    assert_eq!(out.outputs["laptop: dhclient eth7"], vec!["Cannot find device \"eth7\""]);
    // dhclient eth0 while the client already holds a lease: no new exchange.
    let n = frames_on(&out, "l1").iter().filter(|f| dhcp(&f.bytes).is_some()).count();
    assert_eq!(n, 4);
}

#[test]
fn services_are_validated_with_field_paths() {
    let error = |svc: &str| {
        Scenario::from_json(&lab(svc, "dhcp", "")).map(|_| ()).unwrap_err().to_string()
    };
    assert_eq!(
        error(r#","services":{"dhcp":{"interface":"eth0","pool_start":"10.0.0.5","pool_end":"192.168.1.110"}}"#),
        "devices[2].services.dhcp.pool_start: 10.0.0.5 is not a host address of eth0 (192.168.1.0/24)"
    );
    assert_eq!(
        error(r#","services":{"dhcp":{"interface":"eth1","pool_start":"192.168.1.5","pool_end":"192.168.1.9"}}"#),
        "devices[2].services.dhcp.interface: no interface \"eth1\" on this device"
    );
    assert_eq!(
        error(r#","services":{"dns":{"zone":"example.com","records":[{"name":"www.example.com","type":"MX","value":"x"}]}}"#),
        "devices[2].services.dns.records[0].type: record type \"MX\" is not modelled (A or CNAME)"
    );
    assert_eq!(
        error(r#","services":{"dns":{"zone":"example.com","records":[{"name":"www.example.org","type":"A","value":"1.2.3.4"}]}}"#),
        "devices[2].services.dns.records[0].name: www.example.org is outside the zone example.com"
    );
    assert_eq!(
        error(r#","services":{"dns":{"forwarders":["8.8.8"]}}"#).split(':').next().unwrap(),
        "devices[2].services.dns.forwarders[0]"
    );
    assert!(error(r#","services":{"ntp":{}}"#).contains("unknown field `ntp`"));
    assert!(error(r#","dns":["1.1.1.1","1.0.0.1","8.8.8.8","8.8.4.4"]"#).starts_with("devices[2].dns: at most 3"));
    // "dhcp" in any case is the DHCP client, not an address.
    assert!(Scenario::from_json(&lab("", "DHCP", "")).is_ok());
}

#[test]
fn the_lease_is_renewed_at_t1_by_unicast() {
    let svc = r#","services":{"dhcp":{"interface":"eth0","pool_start":"192.168.1.100","pool_end":"192.168.1.110","router":"192.168.1.1","lease_time_s":120}}"#;
    let out = run(&lab(svc, "dhcp", ""));
    let leases: Vec<(SimTime, bool, SimTime)> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::DhcpLeaseObtained { lease, renewed, .. } => Some((e.time, *renewed, lease.renew_at)),
            _ => None,
        })
        .collect();
    assert!(leases.len() >= 2, "{leases:?}");
    assert!(!leases[0].1 && leases[1].1, "bound, then renewed: {leases:?}");
    // dhclient's T1: (3·T1+3)/4 + (random()%T1+3)/4 with T1 = 60 s → 45–75 s after the ACK.
    let t1 = leases[1].0.as_nanos() - leases[0].0.as_nanos();
    assert!((45_000_000_000..=76_000_000_000).contains(&t1), "renewed after {t1} ns");
    // The renewal REQUEST is unicast from the leased address to the server (kernel socket: TTL 64, DF).
    let renewal = frames_on(&out, "l1")
        .into_iter()
        .filter(|f| dhcp(&f.bytes).is_some_and(|m| m.op == 1))
        .find(|f| f.t_start >= leases[1].0 - SimTime::from_millis(10))
        .expect("a renewal request");
    assert_eq!(&renewal.bytes[30..34], &[192, 168, 1, 1]);
    assert_eq!(renewal.bytes[22], 64);
    assert_eq!(renewal.bytes[20] & 0x40, 0x40);
    assert!(!out.trace.events.iter().any(|e| matches!(e.kind, EventKind::DhcpLeaseExpired { .. })));
}

#[test]
fn a_long_device_name_is_cut_to_the_hostname_limit() {
    // The longest id a lab may have (scenario::limits::MAX_ID_CHARS), far over HOST_NAME_MAX.
    let long = "l".repeat(packet_engine::scenario::limits::MAX_ID_CHARS);
    let svc = DHCP_SERVICE.replace("DNS", "192.168.1.1") + "}";
    let json = lab(&svc, "dhcp", "").replace("\"laptop\"", &format!("\"{long}\""));
    let out = run(&json);
    let request = frames_on(&out, "l1").into_iter().find_map(|f| dhcp(&f.bytes)).expect("a DISCOVER");
    let name = request.options.iter().find(|o| o.code == 12).unwrap();
    assert_eq!(name.data.len(), 64);
    assert!(out.trace.events.iter().any(|e| matches!(e.kind, EventKind::DhcpLeaseObtained { .. })));
}

#[test]
fn a_dns_server_may_not_forward_to_itself() {
    let err = Scenario::from_json(&lab(r#","services":{"dns":{"forwarders":["192.168.1.1"]}}"#, "dhcp", ""))
        .map(|_| ())
        .unwrap_err();
    assert_eq!(err.path, "devices[2].services.dns.forwarders[0]");
    // Two servers forwarding to each other only ping-pong on the wire, bounded by the run's limits.
}

#[test]
fn a_lookup_on_the_dns_server_itself_goes_over_loopback() {
    let svc = r#","dns":["192.168.1.1"],"services":{"dns":{"zone":"example.com","records":[{"name":"www.example.com","type":"A","value":"93.184.216.34"}]}}"#;
    let out = run(&lab(svc, "192.168.1.10/24", r#"{"at_ms":1000,"device":"gw","run":"dig +short www.example.com"},{"at_ms":2000,"device":"gw","run":"getent hosts nope.example.com"}"#));
    assert_eq!(out.outputs["gw: dig +short www.example.com"], vec!["93.184.216.34"]);
    assert!(out.outputs["gw: getent hosts nope.example.com"].is_empty());
    assert!(frames_on(&out, "l2").iter().all(|f| udp(&f.bytes).is_none()), "nothing on the wire");
}

#[test]
fn two_dhcp_servers_on_one_lan_the_first_offer_wins() {
    let json = format!(
        r#"{{"version":1,"seed":9,
        "devices":[
          {{"id":"laptop","kind":"host","interfaces":[{{"name":"eth0","address":"dhcp"}}]}},
          {{"id":"sw","kind":"switch","ports":4}},
          {{"id":"gw","kind":"router","interfaces":[{{"name":"eth0","address":"192.168.1.1/24"}}]{a}}},
          {{"id":"rogue","kind":"router","interfaces":[{{"name":"eth0","address":"192.168.1.2/24"}}]{b}}}
        ],
        "links":[
          {{"id":"l1","a":{{"device":"laptop","port":"eth0"}},"b":{{"device":"sw","port":"p1"}}}},
          {{"id":"l2","a":{{"device":"gw","port":"eth0"}},"b":{{"device":"sw","port":"p2"}}}},
          {{"id":"l3","a":{{"device":"rogue","port":"eth0"}},"b":{{"device":"sw","port":"p3"}}}}
        ],
        "options":{{"max_time_ms":20000}}}}"#,
        a = r#","services":{"dhcp":{"interface":"eth0","pool_start":"192.168.1.100","pool_end":"192.168.1.110","router":"192.168.1.1"}}"#,
        b = r#","services":{"dhcp":{"interface":"eth0","pool_start":"192.168.1.200","pool_end":"192.168.1.210","router":"192.168.1.2"}}"#,
    );
    let out = run(&json);
    let offers: Vec<DhcpMessage> = frames_on(&out, "l1").iter().filter_map(|f| dhcp(&f.bytes)).filter(|m| m.op == 2).collect();
    // Both servers OFFER; the REQUEST names one (option 54) and only that one ACKs.
    let leases: Vec<_> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::DhcpServerLease { device, lease } => Some((device.to_string(), lease.address)),
            _ => None,
        })
        .collect();
    assert_eq!(leases.len(), 1, "{leases:?}");
    let got = out.trace.events.iter().find_map(|e| match &e.kind {
        EventKind::DhcpLeaseObtained { lease, .. } => Some(lease.clone()),
        _ => None,
    });
    let got = got.expect("a lease");
    assert_eq!(got.address.addr(), leases[0].1);
    assert!(offers.len() >= 3, "two offers and one ACK: {}", offers.len());
}

/// A lab whose DNS server sits behind a "gateway" that is a plain host: it drops
/// what is not for it without a word (ip_forward = 0: `ip_error` sends no ICMP
/// when forwarding is off), so nothing ever comes back to the resolver.
fn black_hole(command: &str) -> String {
    format!(
        r#"{{"version":1,"seed":9,
        "devices":[
          {{"id":"laptop","kind":"host","interfaces":[{{"name":"eth0","address":"192.168.1.10/24"}}],"gateway":"192.168.1.2","dns":["10.9.9.9"]}},
          {{"id":"sw","kind":"switch","ports":4}},
          {{"id":"pc2","kind":"host","interfaces":[{{"name":"eth0","address":"192.168.1.2/24"}}]}}
        ],
        "links":[
          {{"id":"l1","a":{{"device":"laptop","port":"eth0"}},"b":{{"device":"sw","port":"p1"}}}},
          {{"id":"l2","a":{{"device":"pc2","port":"eth0"}},"b":{{"device":"sw","port":"p2"}}}}
        ],
        "commands":[{{"at_ms":1000,"device":"laptop","run":"{command}"}}],
        "options":{{"max_time_ms":60000}}}}"#
    )
}

/// Queries to port 53 on l1: (start time, query type).
fn queries(out: &packet_engine::RunOutcome) -> Vec<(SimTime, u16)> {
    frames_on(out, "l1")
        .iter()
        .filter_map(|f| {
            let (_, dport, p) = udp(&f.bytes)?;
            (dport == 53).then(|| (f.t_start, DnsMessage::parse(p).expect("a query").questions[0].qtype))
        })
        .collect()
}

#[test]
fn a_silent_dns_server_is_waited_out_five_seconds_per_try() {
    // glibc 2.36 send_dg: poll() for `timeout` (RES_TIMEOUT 5 s) per server and
    // try, `attempts` (RES_DFLRETRY 2) rounds; getent hosts asks AAAA, then A.
    // Nothing comes back (no answer, no ICMP error), so every try is waited out:
    // queries at +0 and +5 s for AAAA, +10 and +15 s for A, the failure at +20 s.
    let out = run(&black_hole("getent hosts www.example.com"));
    let q = queries(&out);
    assert_eq!(q.iter().map(|(_, t)| *t).collect::<Vec<_>>(), [28, 28, 1, 1], "AAAA twice, then A twice");
    // The first query waits for the ARP reply for the gateway; the 5 s run from
    // the send() call, so the retries are 5 s apart from the start of the
    // ARP request, then exactly 5 s apart (the gateway's MAC is known).
    let arp = frames_on(&out, "l1").iter().find(|f| common::is_arp_request(&f.bytes)).expect("ARP for the gateway").t_start;
    let sent = [arp, q[1].0, q[2].0, q[3].0];
    let gaps: Vec<u64> = sent.windows(2).map(|w| (w[1] - w[0]).as_nanos()).collect();
    assert_eq!(gaps, [5_000_000_000; 3], "{q:?}");
    let start = arp;
    let (t, outcome) = out
        .trace
        .events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::DnsLookup { lookup, .. } => Some((e.time, lookup.outcome.clone())),
            _ => None,
        })
        .expect("the lookup ends");
    assert_eq!(outcome, LookupOutcome::Timeout);
    assert_eq!((t - start).as_nanos(), 20_000_000_000, "the last 5 s run out");
    assert!(out.outputs["laptop: getent hosts www.example.com"].is_empty());
}

#[test]
fn dhclient_r_releases_the_lease_by_unicast_and_removes_the_address() {
    let svc = DHCP_SERVICE.replace("DNS", "192.168.1.1") + "}";
    let out = run(&lab(
        &svc,
        "dhcp",
        r#"{"at_ms":10000,"device":"laptop","run":"dhclient -r eth0"},{"at_ms":20000,"device":"laptop","run":"dhclient eth0"}"#,
    ));
    assert!(out.outputs["laptop: dhclient -r eth0"].is_empty(), "dhclient without -v prints nothing");
    let l1 = frames_on(&out, "l1");
    let msgs: Vec<(SimTime, &[u8], DhcpMessage)> =
        l1.iter().filter_map(|f| dhcp(&f.bytes).map(|m| (f.t_start, &f.bytes[..], m))).collect();
    let kinds: Vec<u8> = msgs.iter().map(|(_, _, m)| m.options[0].data[0]).collect();
    // DISCOVER OFFER REQUEST ACK, RELEASE, then a fresh DISCOVER (no INIT-REBOOT:
    // the released lease is gone from the lease file) and its exchange.
    assert_eq!(kinds, [1, 2, 3, 5, 7, 1, 2, 3, 5]);
    let ack = &msgs[3].2;
    let (t, f, release) = &msgs[4];
    // do_release / make_release: options 53, 54, 12; ciaddr = the lease; a fresh
    // xid; unicast from the fallback socket: kernel header (TOS 0, TTL 64, DF,
    // id 0 for an unconnected socket), to the server's MAC after ARP.
    assert_eq!(option_codes(release), [53, 54, 12]);
    assert_eq!(release.ciaddr, ack.yiaddr);
    assert_eq!(release.yiaddr, Ipv4Addr::UNSPECIFIED);
    assert_ne!(release.xid, ack.xid);
    assert_eq!(release.addr_option(54), Some(Ipv4Addr::new(192, 168, 1, 1)));
    assert_eq!((f[15], f[22]), (0, 64), "TOS 0, TTL 64");
    assert_eq!(&f[18..22], &[0, 0, 0x40, 0], "id 0, DF");
    assert_eq!(&f[26..30], &ack.yiaddr.octets());
    assert_eq!(&f[30..34], &[192, 168, 1, 1]);
    assert_eq!(&f[0..6], &msgs[1].1[6..12], "to the server's MAC");
    assert!(*t >= SimTime::from_secs(10) && *t < SimTime::from_millis(10_001), "{t:?}");
    // The address and routes go, the client's lease row too, and the server's lease.
    let released = out
        .trace
        .events
        .iter()
        .position(|e| matches!(e.kind, EventKind::DhcpLeaseReleased { .. }))
        .expect("a release event");
    let after = out.trace.state_at(released);
    assert!(after.routes["laptop"].is_empty());
    assert!(!after.dhcp_client_leases.get("laptop").is_some_and(|l| l.contains_key("eth0")));
    let EventKind::DhcpLeaseReleased { address, server, .. } = &out.trace.events[released].kind else { unreachable!() };
    assert_eq!((*address, *server), (ack.yiaddr, Ipv4Addr::new(192, 168, 1, 1)));
    assert!(out.trace.events[released].explain().contains("DHCPRELEASE"));
    // dnsmasq forgot the lease: the next DISCOVER is offered an address again
    // (after the ping check), and the run ends with a lease.
    let freed = out
        .trace
        .events
        .iter()
        .position(|e| matches!(&e.kind, EventKind::DhcpServerRelease { address, .. } if *address == ack.yiaddr))
        .expect("dnsmasq drops the lease");
    assert!(!out.trace.state_at(freed).dhcp_server_leases["gw"].contains_key(&ack.yiaddr));
    assert!(out.trace.state_at(freed - 1).dhcp_server_leases["gw"].contains_key(&ack.yiaddr));
    let end = out.trace.state_at(out.trace.events.len());
    assert!(end.dhcp_client_leases["laptop"].contains_key("eth0"));
    assert!(!out.outputs.contains_key("laptop: dhclient eth7"));
    assert_eq!(
        packet_engine::scenario::Command::parse("dhclient -r").unwrap_err().to_string(),
        "usage: dhclient [-r] INTERFACE (e.g. dhclient eth0, dhclient -r eth0)"
    );
}
