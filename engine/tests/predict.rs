//! Predict-mode questions: the correct choice is what the engine did next, and
//! the wrong choices are distinct, real things of the same lab.

use packet_engine::exercise::check::{device_macs, mac_owner};
use packet_engine::exercise::predict::{questions, questions_at, Answer, Question, QuestionKind};
use packet_engine::trace::{EventKind, Forwarding};
use packet_engine::{wire, RunOutcome, Scenario, Simulation};
use std::collections::BTreeSet;
use std::net::Ipv4Addr;

fn example(name: &str) -> (Scenario, RunOutcome) {
    let (_, s) = packet_engine::examples::all()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap();
    let out = Simulation::new(&s).unwrap().run();
    (s, out)
}

fn correct(q: &Question) -> &Answer {
    &q.choices[q.correct].answer
}

fn wrong(q: &Question) -> Vec<&Answer> {
    q.choices
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != q.correct)
        .map(|(_, c)| &c.answer)
        .collect()
}

/// The next frame `device` sends after event `i`, optionally only IPv4 frames to `ip_dst`.
fn next_frame<'a>(
    out: &'a RunOutcome,
    i: usize,
    device: &str,
    ip_dst: Option<Ipv4Addr>,
) -> Option<(&'a str, wire::DecodedFrame)> {
    out.trace.events[i + 1..]
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::FrameSent { hop, bytes, .. } if hop.from.device == device => {
                let d = wire::decode(bytes);
                let ok = match ip_dst {
                    None => true,
                    Some(ip) => d.ipv4().is_some_and(|x| x.dst.value == ip) || d.arp().is_some(),
                };
                ok.then(|| (hop.from.port.as_str(), d))
            }
            _ => None,
        })
}

/// The address `device` sends to next is `ip`: it ARPs for it, or its frame goes
/// to ip's owner's MAC. `None` when it sends nothing more (e.g. its ARP for
/// that neighbour is already under way, or the run ends).
fn sends_towards(
    s: &Scenario,
    out: &RunOutcome,
    i: usize,
    device: &str,
    packet_dst: Ipv4Addr,
    ip: Ipv4Addr,
) -> Option<bool> {
    let (_, d) = next_frame(out, i, device, Some(packet_dst))?;
    if let Some(arp) = d.arp().and_then(|a| a.addresses.as_ref()) {
        return Some(arp.target_ip.value == ip);
    }
    let owner = s.devices.iter().find(|dev| {
        dev.interfaces.iter().any(|x| {
            x.address
                .as_deref()
                .is_some_and(|a| a.starts_with(&format!("{ip}/")))
        })
    });
    Some(owner.is_some_and(|o| device_macs(&s.validate().unwrap(), &o.id).contains(&d.ethernet.unwrap().dst.value)))
}

/// Checks every question of a trace against the event it is asked before.
fn check_all(s: &Scenario, out: &RunOutcome) -> BTreeSet<String> {
    let qs = questions(&s.validate().unwrap(), &out.trace, 7);
    assert!(!qs.is_empty());
    let mut kinds = BTreeSet::new();
    let mut verified = 0;
    for q in &qs {
        kinds.insert(format!("{:?}", q.kind));
        // 2–3 wrong choices, all different from each other and from the correct one.
        assert!((3..=4).contains(&q.choices.len()), "{q:#?}");
        let answers: BTreeSet<String> = q
            .choices
            .iter()
            .map(|c| format!("{:?}", c.answer))
            .collect();
        let texts: BTreeSet<String> = q.choices.iter().map(|c| c.text.to_string()).collect();
        assert_eq!(
            (answers.len(), texts.len()),
            (q.choices.len(), q.choices.len()),
            "{q:#?}"
        );
        let event = &out.trace.events[q.event];
        assert_eq!(
            q.feedback.to_string().split(" (").next(),
            event.explain().split(" (").next()
        );
        match (&event.kind, correct(q)) {
            (
                EventKind::SwitchForward { at, out: fwd, .. },
                Answer::Ports { ports },
            ) => {
                let (device, in_port) = (&at.device, &at.port);
                assert_eq!(q.kind, QuestionKind::SwitchPorts);
                let did: Vec<String> = match &**fwd {
                    Forwarding::Port { port } => vec![port.to_string()],
                    Forwarding::Flood { ports } => ports.iter().map(|p| p.to_string()).collect(),
                };
                assert_eq!(ports, &did);
                // The frame then really leaves by exactly those ports: the next
                // sends of the bytes that arrived just before the decision.
                let arrived = out.trace.events[..q.event]
                    .iter()
                    .rev()
                    .find_map(|e| match &e.kind {
                        EventKind::FrameReceived { hop, bytes }
                            if hop.to.device == *device && hop.to.port == *in_port =>
                        {
                            Some(bytes.clone())
                        }
                        _ => None,
                    })
                    .unwrap();
                let mut sent: Vec<String> = out.trace.events[q.event + 1..]
                    .iter()
                    .filter_map(|e| match &e.kind {
                        EventKind::FrameSent { hop, bytes, .. }
                            if hop.from.device == *device && *bytes == arrived =>
                        {
                            Some(hop.from.port.to_string())
                        }
                        _ => None,
                    })
                    .take(ports.len())
                    .collect();
                sent.sort_by_key(|p| p[1..].parse::<u32>().unwrap_or(0));
                assert_eq!(&sent, ports, "{q:#?}");
                // Wrong choices are sets of the switch's real, cabled ports.
                let linked: BTreeSet<String> = s
                    .links
                    .iter()
                    .flat_map(|l| [&l.a, &l.b])
                    .filter(|e| e.device == device.as_str())
                    .map(|e| e.port.clone())
                    .collect();
                assert!(linked.contains(in_port.as_str()));
                for w in wrong(q) {
                    let Answer::Ports { ports } = w else {
                        panic!("{w:?}")
                    };
                    assert!(ports.iter().all(|p| linked.contains(p)), "{q:#?}");
                }
            }
            (EventKind::Route { device, decision }, Answer::ArpFor { ip }) => {
                assert_eq!(q.kind, QuestionKind::ArpTarget);
                assert!(!decision.forwarding);
                assert_eq!(*ip, decision.next_hop);
                if let Some(ip) = ip {
                    let next = sends_towards(s, out, q.event, device, decision.destination, *ip);
                    assert_ne!(next, Some(false), "{q:#?}");
                    verified += usize::from(next.is_some());
                }
                let spec = s.devices.iter().find(|d| d.id == device.as_str()).unwrap();
                let gw: Option<Ipv4Addr> = spec.gateway.as_ref().map(|g| g.parse().unwrap());
                let vias: Vec<Option<Ipv4Addr>> = spec
                    .routes
                    .iter()
                    .map(|r| Some(r.via.parse().unwrap()))
                    .collect();
                for w in wrong(q) {
                    let Answer::ArpFor { ip } = w else {
                        panic!("{w:?}")
                    };
                    let plausible = ip.is_none()
                        || *ip == Some(decision.destination)
                        || *ip == gw
                        || vias.contains(ip)
                        || decision
                            .checks
                            .iter()
                            .any(|c| Some(c.masked_destination) == *ip);
                    assert!(plausible, "{q:#?}");
                }
            }
            (EventKind::Route { device, decision }, Answer::NextHop { via, interface }) => {
                assert_eq!(q.kind, QuestionKind::NextHop);
                assert!(decision.forwarding);
                let chosen = decision.chosen.as_ref().unwrap();
                assert_eq!(
                    (*via, interface.as_deref()),
                    (chosen.via, Some(chosen.interface.as_str()))
                );
                if let Some((port, _)) =
                    next_frame(out, q.event, device, Some(decision.destination))
                {
                    assert_eq!(Some(port), interface.as_deref());
                }
                let next = sends_towards(
                    s,
                    out,
                    q.event,
                    device,
                    decision.destination,
                    via.unwrap_or(decision.destination),
                );
                assert_ne!(next, Some(false), "{q:#?}");
                verified += usize::from(next.is_some());
                let table = out.trace.state_at(q.event).routes[device.as_str()].clone();
                for w in wrong(q) {
                    let Answer::NextHop { via, interface } = w else {
                        panic!("{w:?}")
                    };
                    let in_table = table.iter().any(|r| {
                        r.via == *via && Some(r.interface.as_str()) == interface.as_deref()
                    });
                    assert!(in_table || interface.is_none(), "{q:#?}");
                }
            }
            (EventKind::FrameSent { bytes, .. }, Answer::Mac { mac }) => {
                assert_eq!(q.kind, QuestionKind::DestinationMac);
                assert_eq!(*mac, wire::decode(bytes).ethernet.unwrap().dst.value);
                for w in wrong(q) {
                    let Answer::Mac { mac } = w else {
                        panic!("{w:?}")
                    };
                    assert!(
                        mac.is_broadcast()
                            || *mac == packet_engine::MacAddr::ZERO
                            || mac_owner(&s.validate().unwrap(), *mac).is_some(),
                        "{q:#?}"
                    );
                }
            }
            (EventKind::FrameSent { bytes, .. }, Answer::Ttl { ttl }) => {
                assert_eq!(q.kind, QuestionKind::Ttl);
                assert_eq!(*ttl, wire::decode(bytes).ipv4().unwrap().ttl.value);
                let t_in: u8 = q
                    .prompt
                    .to_string().split("TTL ")
                    .nth(1)
                    .unwrap()
                    .split('.')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert_eq!(*ttl, t_in - 1);
            }
            (EventKind::DhcpLeaseObtained { lease, .. }, Answer::Gateway { ip }) => {
                assert_eq!(q.kind, QuestionKind::LeaseGateway);
                assert_eq!(*ip, lease.router);
                // Every wrong choice is a real address of the lease, or none.
                for w in wrong(q) {
                    let Answer::Gateway { ip } = w else { panic!("{w:?}") };
                    assert!(ip.is_none_or(|ip| ip == lease.server || lease.dns.contains(&ip) || ip == lease.address.addr()), "{q:#?}");
                }
            }
            (EventKind::DnsLookup { lookup, .. }, Answer::Lookup { outcome: predicted }) => {
                assert_eq!(q.kind, QuestionKind::LookupResult);
                assert_eq!(*predicted, lookup.outcome);
            }
            (kind, answer) => panic!("unexpected question {answer:?} for {kind:?}"),
        }
    }
    let routes = qs
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::ArpTarget | QuestionKind::NextHop))
        .count();
    assert!(
        verified * 2 >= routes,
        "most routing answers are followed by a frame that confirms them: {verified}/{routes}"
    );
    kinds
}

#[test]
fn two_subnets_asks_all_five_kinds_and_every_answer_is_what_happened() {
    let (s, out) = example("two-subnets");
    let kinds = check_all(&s, &out);
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "ArpTarget",
            "DestinationMac",
            "NextHop",
            "SwitchPorts",
            "Ttl"
        ]
    );
}

#[test]
fn other_labs_too() {
    for name in [
        "same-network",
        "to-the-internet",
        "hub",
        "routing-loop",
        "unknown-host",
        "redirect",
    ] {
        let (s, out) = example(name);
        check_all(&s, &out);
    }
}

#[test]
fn the_hosts_first_decision_in_detail() {
    let (s, out) = example("two-subnets");
    let i = out
        .trace
        .events
        .iter()
        .position(|e| matches!(&e.kind, EventKind::Route { device, .. } if device == "pc1"))
        .unwrap();
    let q = questions_at(&s.validate().unwrap(), &out.trace, &out.trace.state_at(i - 1), i, 1).remove(0);
    assert_eq!(q.prompt.to_string(), "pc1 has a packet for 192.168.2.20. Which address does it ARP for, to find the MAC to send it to?");
    let mut texts: Vec<String> = q.choices.iter().map(|c| c.text.to_string()).collect();
    assert_eq!(
        q.choices[q.correct].text.to_string(),
        "192.168.1.1, its default gateway"
    );
    texts.sort();
    assert_eq!(
        texts,
        [
            "192.168.1.1, its default gateway",
            "192.168.2.0",
            "192.168.2.20, the destination itself",
            "no ARP: it has no route to send it by (\"Network is unreachable\")"
        ]
    );
    assert!(
        q.feedback
            .to_string().ends_with("so send it to the default gateway 192.168.1.1: ARP for 192.168.1.1"),
        "{}",
        q.feedback
    );
}

#[test]
fn the_router_hop_in_detail() {
    let (s, out) = example("two-subnets");
    let qs = questions(&s.validate().unwrap(), &out.trace, 3);
    let ttl = qs.iter().find(|q| q.kind == QuestionKind::Ttl).unwrap();
    let mut got: Vec<String> = ttl.choices.iter().map(|c| c.text.to_string()).collect();
    got.sort();
    // 63 is right; 64 is both "unchanged" and "reset", so 62 and 65 fill in.
    assert_eq!(got, ["TTL 62", "TTL 63", "TTL 64", "TTL 65"]);
    assert_eq!(ttl.choices[ttl.correct].text.to_string(), "TTL 63");
    assert!(
        ttl.feedback.to_string().ends_with("(every router lowers it by one)"),
        "{}",
        ttl.feedback
    );
    // The rewrap's phrase is a message of its own, so the app words it in the reader's language.
    let why = ttl.feedback.args.iter().find(|(k, _)| *k == "why").map(|(_, v)| v);
    assert_eq!(why, Some(&packet_engine::msg::Arg::Msg(Box::new(packet_engine::msg!("explain-rewrap-ttl")))));
    let mac = qs
        .iter()
        .find(|q| q.kind == QuestionKind::DestinationMac && q.event == ttl.event)
        .unwrap();
    let pc2 = packet_engine::MacAddr::derived("pc2", "eth0");
    assert_eq!(mac.choices[mac.correct].text.to_string(), format!("{pc2} (pc2/eth0)"));
    let hop = qs.iter().find(|q| q.kind == QuestionKind::NextHop).unwrap();
    assert_eq!(
        hop.choices[hop.correct].text.to_string(),
        "192.168.2.20 itself, directly out of eth1"
    );
    assert!(hop
        .choices
        .iter()
        .any(|c| c.text.to_string() == "192.168.1.10 itself, directly out of eth0"
            || c.text.to_string() == "192.168.2.20 itself, directly out of eth0"));
}

#[test]
fn a_flooded_broadcast() {
    // The course's ARP exercise: pc1, pc2 and a second switch on sw1.
    let ex = packet_engine::exercise::course()
        .into_iter()
        .find(|e| e.id == "who-hears-arp")
        .unwrap();
    let (s, out) = (ex.lab.clone(), Simulation::new(&ex.lab).unwrap().run());
    check_all(&s, &out);
    let qs = questions(&s.validate().unwrap(), &out.trace, 3);
    let flood = qs
        .iter()
        .find(|q| q.kind == QuestionKind::SwitchPorts)
        .unwrap();
    let Answer::Ports { ports } = correct(flood) else {
        unreachable!()
    };
    assert!(
        ports.len() >= 2,
        "the first frame is the ARP broadcast, flooded: {flood:#?}"
    );
    assert!(flood
        .choices
        .iter()
        .any(|c| matches!(&c.answer, Answer::Ports { ports } if ports.len() == 1)));
}

#[test]
fn deterministic_and_seeded() {
    let (s, out) = example("two-subnets");
    assert_eq!(questions(&s.validate().unwrap(), &out.trace, 5), questions(&s.validate().unwrap(), &out.trace, 5));
    // Over seeds, the correct answer does not sit in one place.
    let positions: BTreeSet<usize> = (0..20)
        .map(|seed| questions(&s.validate().unwrap(), &out.trace, seed)[0].correct)
        .collect();
    assert!(positions.len() >= 3, "{positions:?}");
    // Non-decision events and indices past the end give no question.
    let state = out.trace.state_at(0);
    assert!(questions_at(&s.validate().unwrap(), &out.trace, &state, 0, 1).is_empty());
    assert!(questions_at(&s.validate().unwrap(), &out.trace, &state, out.trace.len() + 5, 1).is_empty());
}

#[test]
fn dhcp_and_dns_labs_ask_about_the_lease_and_the_lookup() {
    // check_all's frame-following assumes every address belongs to a device in
    // the file, which a leased address does not; the new kinds are checked here.
    for (name, want) in [("home-dhcp", 1), ("name-lookup", 2)] {
        let (s, out) = example(name);
        let topology = s.validate().unwrap();
        let qs = questions(&topology, &out.trace, s.seed);
        let mut kinds = BTreeSet::new();
        for q in &qs {
            let event = &out.trace.events[q.event];
            match (&event.kind, correct(q)) {
                (EventKind::DhcpLeaseObtained { lease, .. }, Answer::Gateway { ip }) => {
                    assert_eq!(ip.clone(), lease.router);
                    assert!(q.choices.len() >= 3);
                    kinds.insert("LeaseGateway");
                }
                (EventKind::DnsLookup { lookup, .. }, Answer::Lookup { outcome: predicted }) => {
                    assert_eq!(*predicted, lookup.outcome);
                    assert!(wrong(q).iter().any(|w| matches!(w, Answer::Lookup { outcome: packet_engine::trace::LookupOutcome::NxDomain })));
                    kinds.insert("LookupResult");
                }
                _ => {}
            }
        }
        assert_eq!(kinds.len(), want, "{name}: {kinds:?}");
    }
}

/// TCP (issue 12): the SYN's source port is the one the frame carries, and
/// the flags asked for are those of the next segment the device sends.
#[test]
fn tcp_questions_match_the_frames_that_follow() {
    for name in ["fetch-page", "connection-refused"] {
        let (_, out) = example(name);
        let qs = questions(&out.topology, &out.trace, 7);
        let ports: Vec<&Question> = qs.iter().filter(|q| q.kind == QuestionKind::SourcePort).collect();
        assert_eq!(ports.len(), 1, "{name}");
        let flags: Vec<&Question> = qs.iter().filter(|q| q.kind == QuestionKind::NextFlags).collect();
        assert_eq!(flags.len(), if name == "fetch-page" { 2 } else { 1 }, "{name}");
        for q in ports.iter().chain(flags.iter()) {
            assert!(q.choices.len() >= 3);
            let device = match &out.trace.events[q.event].kind {
                EventKind::TcpSocket { device, .. } | EventKind::TcpResetSent { device, .. } => device.clone(),
                other => panic!("{other:?}"),
            };
            // The next TCP frame this device sends.
            let frame = out.trace.events[q.event..]
                .iter()
                .find_map(|e| match &e.kind {
                    EventKind::FrameSent { hop, bytes, .. } if hop.from.device == device && bytes.len() > 47 && bytes[23] == 6 => Some(bytes.clone()),
                    _ => None,
                })
                .unwrap();
            let tcp = &frame[34..];
            match correct(q) {
                Answer::Port { port } => assert_eq!(*port, u16::from_be_bytes([tcp[0], tcp[1]])),
                Answer::Flags { flags } => {
                    let want = match tcp[13] {
                        0x12 => "SYN, ACK",
                        0x14 => "RST, ACK",
                        0x10 | 0x18 => "ACK",
                        f => panic!("flags {f:#x}"),
                    };
                    assert_eq!(flags, want, "{}", q.prompt);
                }
                other => panic!("{other:?}"),
            }
            assert!(!wrong(q).contains(&correct(q)));
        }
    }
}
