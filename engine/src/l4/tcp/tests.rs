//! State-machine tests with explicit `now`: two hosts' tables wired back to back
//! by hand (1 ms one way), segments checked field by field.

use super::*;
use crate::wire::tcp::flags::*;

const C: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 10);
const S: Ipv4Addr = Ipv4Addr::new(93, 184, 215, 14);
const GET: &[u8] = b"GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";

fn ms(n: u64) -> SimTime {
    SimTime::from_millis(n)
}

/// Header fields of a segment, read back with smoltcp.
#[derive(Debug)]
struct H {
    seq: u32,
    ack: u32,
    flags: u16,
    win: u16,
    len: usize,
    opts: Vec<u8>,
}

fn h(o: &OutSegment) -> H {
    let p = TcpPacket::new_checked(&o.bytes[..]).unwrap();
    assert!(p.verify_checksum(&o.src.into(), &o.dst.into()));
    let hl = p.header_len() as usize;
    H {
        seq: p.seq_number().0 as u32,
        ack: p.ack_number().0 as u32,
        flags: u16::from_be_bytes([o.bytes[12], o.bytes[13]]) & 0x1ff,
        win: p.window_len(),
        len: o.bytes.len() - hl,
        opts: o.bytes[20..hl].to_vec(),
    }
}

struct Pair {
    c: TcpTable,
    s: TcpTable,
    rng: Rng,
    listener: SocketId,
}

impl Pair {
    fn new() -> Pair {
        let mut s = TcpTable::new(1500);
        let listener = s.listen(Ipv4Addr::UNSPECIFIED, 80, 511).unwrap();
        Pair { c: TcpTable::new(1500), s, rng: Rng::new(7), listener }
    }
    /// Deliver each of `segs` to the other side at `now`.
    fn deliver_server(&mut self, now: SimTime, segs: Vec<OutSegment>) -> Vec<OutSegment> {
        for o in segs {
            self.s.on_segment(now, o.src, o.dst, &o.bytes, &mut self.rng);
        }
        self.s.take_output()
    }
    fn deliver_client(&mut self, now: SimTime, segs: Vec<OutSegment>) -> Vec<OutSegment> {
        for o in segs {
            self.c.on_segment(now, o.src, o.dst, &o.bytes, &mut self.rng);
        }
        self.c.take_output()
    }
    /// Handshake: SYN at 0, SYN-ACK at 1 ms, ACK at 2 ms. Returns (client, server) sockets.
    fn handshake(&mut self) -> (SocketId, SocketId) {
        let cid = self.c.connect(ms(0), C, (S, 80), &mut self.rng).unwrap();
        let syn = self.c.take_output();
        let synack = self.deliver_server(ms(1), syn);
        let ack = self.deliver_client(ms(2), synack);
        assert!(self.deliver_server(ms(3), ack).is_empty());
        let sid = self.s.accept(self.listener).unwrap();
        (cid, sid)
    }
}

#[test]
fn handshake_as_linux() {
    let mut p = Pair::new();
    let cid = p.c.connect(ms(0), C, (S, 80), &mut p.rng).unwrap();
    let syn = p.c.take_output();
    assert_eq!(syn.len(), 1);
    let port = p.c.conn(cid).unwrap().local.1;
    assert!((32768..=60999).contains(&port) && port % 2 == 0, "connect() prefers even ports: {port}");
    let s1 = h(&syn[0]);
    // The IP id of the SYN is the socket's random inet_id; the next packet's is one more.
    let first_id = syn[0].ip_id;
    let isn_c = p.c.conn(cid).unwrap().iss();
    assert_eq!((s1.seq, s1.ack, s1.flags, s1.win, s1.len), (isn_c, 0, SYN, 64240, 0));
    assert_eq!(&s1.opts[..8], &[2, 4, 5, 0xb4, 4, 2, 8, 10]);
    assert_eq!(&s1.opts[12..], &[0, 0, 0, 0, 1, 3, 3, 7]);
    assert_eq!(p.c.state(cid), Some(State::SynSent));

    let synack = p.deliver_server(ms(1), syn);
    let s2 = h(&synack[0]);
    assert_eq!((s2.ack, s2.flags, s2.win), (isn_c + 1, SYN | ACK, 65160));
    assert_eq!(synack[0].ip_id, 0, "SYN-ACK from a request socket carries IP id 0");
    // TSecr echoes the client's TSval.
    assert_eq!(&s2.opts[12..16], &s1.opts[8..12]);
    assert_eq!(p.s.ss()[1].state, "SYN-RECV");

    let ack = p.deliver_client(ms(2), synack);
    assert_eq!(p.c.take_events(), vec![TcpEvent::Connected(cid)]);
    let s3 = h(&ack[0]);
    assert_eq!(ack[0].ip_id, first_id.wrapping_add(1));
    // Window 64240 rounded up to 128 and scaled: 502 (= 64256).
    assert_eq!((s3.seq, s3.ack, s3.flags, s3.win, s3.len), (isn_c + 1, s2.seq + 1, ACK, 502, 0));
    assert_eq!(&s3.opts[..4], &[1, 1, 8, 10]);
    assert!(p.deliver_server(ms(3), ack).is_empty());
    let sid = p.s.accept(p.listener).unwrap();
    assert!(matches!(p.s.take_events()[..], [TcpEvent::Established { conn, .. }] if conn == sid));
    assert_eq!(p.s.state(sid), Some(State::Established));
    // RTT from the SYN (2 ms): RTO = srtt + max(2·srtt, 200 ms) = 202 ms.
    assert_eq!(p.c.conn(cid).unwrap().rtt(), (ms(2), ms(202)));
}

/// The ten segments of `curl http://example.com/` against a Linux server:
/// SYN, SYN-ACK, ACK, GET, ACK (server quickack), response, ACK (client
/// quickack), client FIN, server FIN|ACK (its ACK of the FIN delayed by
/// pingpong mode and taken by the FIN), final ACK; then TIME_WAIT for 60 s.
#[test]
fn request_response_teardown() {
    let mut p = Pair::new();
    let (cid, sid) = p.handshake();
    let (ic, is) = (p.c.conn(cid).unwrap().iss(), p.s.conn(sid).unwrap().iss());
    p.c.send(ms(3), cid, GET).unwrap();
    let get = p.c.take_output();
    assert_eq!(get.len(), 1);
    let g = h(&get[0]);
    assert_eq!((g.seq, g.ack, g.flags, g.len), (ic + 1, is + 1, PSH | ACK, GET.len()));

    // Server: quickack at connection start → an immediate pure ACK.
    let ack = p.deliver_server(ms(4), get);
    assert_eq!(ack.len(), 1);
    let a = h(&ack[0]);
    // Window: 65160 less the unread request, rounded up to 128, scaled: 509 (65152).
    assert_eq!((a.seq, a.ack, a.flags, a.len, a.win), (is + 1, ic + 1 + GET.len() as u32, ACK, 0, 509));
    assert_eq!(p.s.recv(sid), GET);
    let body = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
    p.s.send(ms(4), sid, body).unwrap();
    let resp = p.s.take_output();
    let r = h(&resp[0]);
    assert_eq!((r.seq, r.flags, r.len), (is + 1, PSH | ACK, body.len()));

    assert!(p.deliver_client(ms(5), ack).is_empty());
    let cack = p.deliver_client(ms(5), resp);
    assert_eq!(cack.len(), 1, "client's first data: quickack");
    assert_eq!(h(&cack[0]).ack, is + 1 + body.len() as u32);
    assert_eq!(p.c.recv(cid), body);
    assert!(p.deliver_server(ms(6), cack).is_empty());

    // curl closes: FIN from the client.
    p.c.close(ms(6), cid);
    let fin = p.c.take_output();
    let f = h(&fin[0]);
    assert_eq!((f.seq, f.flags), (ic + 1 + GET.len() as u32, FIN | ACK));
    assert_eq!(p.c.state(cid), Some(State::FinWait1));
    // Server: CLOSE-WAIT, ACK delayed (pingpong) ...
    assert!(p.deliver_server(ms(7), fin).is_empty());
    assert_eq!(p.s.state(sid), Some(State::CloseWait));
    assert_eq!(p.s.poll_at(), Some(ms(47)));
    // ... and the server's close() sends FIN|ACK acknowledging the client's FIN.
    p.s.close(ms(7), sid);
    let sfin = p.s.take_output();
    assert_eq!(sfin.len(), 1);
    let sf = h(&sfin[0]);
    assert_eq!((sf.seq, sf.ack, sf.flags), (is + 1 + body.len() as u32, f.seq + 1, FIN | ACK));
    assert_eq!(p.s.state(sid), Some(State::LastAck));
    let last = p.deliver_client(ms(8), sfin);
    assert_eq!(p.c.state(cid), Some(State::TimeWait));
    assert_eq!(h(&last[0]).flags, ACK);
    assert!(p.deliver_server(ms(9), last).is_empty());
    assert_eq!(p.s.state(sid), None, "LAST-ACK → CLOSED leaves the table");
    assert!(p.s.take_events().contains(&TcpEvent::Closed(sid)));
    // TIME_WAIT: 60 s.
    assert_eq!(p.c.poll_at(), Some(ms(8) + SimTime::from_secs(60)));
    assert!(p.c.ss_text().contains("TIME-WAIT"));
    p.c.on_timer(ms(8) + SimTime::from_secs(60));
    assert_eq!(p.c.state(cid), None);
}

#[test]
fn delayed_ack_after_40ms_in_pingpong() {
    let mut p = Pair::new();
    let (cid, sid) = p.handshake();
    p.c.send(ms(3), cid, GET).unwrap();
    let get = p.c.take_output();
    let ack = p.deliver_server(ms(4), get);
    assert_eq!(ack.len(), 1);
    p.s.recv(sid);
    p.s.send(ms(4), sid, b"x").unwrap(); // server enters pingpong
    let resp = p.s.take_output();
    p.deliver_client(ms(5), resp);
    // A second request: the server now delays its ACK by 40 ms.
    p.c.send(ms(10), cid, GET).unwrap();
    let get2 = p.c.take_output();
    assert!(p.deliver_server(ms(11), get2).is_empty());
    assert_eq!(p.s.poll_at(), Some(ms(51)));
    p.s.on_timer(ms(51));
    let d = p.s.take_output();
    assert_eq!(d.len(), 1);
    assert_eq!(h(&d[0]).flags, ACK);
}

#[test]
fn syn_retransmits_then_connect_timeout() {
    let mut p = Pair::new();
    let cid = p.c.connect(ms(0), C, (S, 80), &mut p.rng).unwrap();
    let first = h(&p.c.take_output()[0]);
    let mut times = vec![];
    while let Some(t) = p.c.poll_at() {
        p.c.on_timer(t);
        for o in p.c.take_output() {
            let s = h(&o);
            assert_eq!((s.seq, s.flags), (first.seq, SYN));
            times.push(t.as_nanos() / 1_000_000_000);
        }
        if let Some(e) = p.c.take_events().pop() {
            assert_eq!(e, TcpEvent::TimedOut(cid));
            assert_eq!(t, SimTime::from_secs(131));
            break;
        }
    }
    // Linux ≥ 6.5: 4 linear 1 s timeouts, then doubling (tcp_syn_linear_timeouts).
    assert_eq!(times, vec![1, 2, 3, 4, 5, 7, 11, 19, 35, 67]);
    assert_eq!(p.c.state(cid), None);
}

#[test]
fn closed_port_gets_rst_ack() {
    let mut p = Pair::new();
    let cid = p.c.connect(ms(0), C, (S, 8080), &mut p.rng).unwrap();
    let isn = p.c.conn(cid).unwrap().iss();
    let syn = p.c.take_output();
    let rst = p.deliver_server(ms(1), syn);
    let r = h(&rst[0]);
    assert_eq!((r.seq, r.ack, r.flags, r.win, r.opts.len()), (0, isn + 1, RST | ACK, 0, 0));
    assert!(p.deliver_client(ms(2), rst).is_empty(), "no answer to a reset");
    assert_eq!(p.c.take_events(), vec![TcpEvent::Refused(cid)]);
    assert_eq!(p.c.state(cid), None);
}

/// A lost request: Linux's tail loss probe (tcp_early_retrans = 3) fires first,
/// at min(2·srtt + 200 ms, RTO) = 202 ms, without backoff; if the probe is lost
/// too, the RTO 202 ms later retransmits and doubles (404 ms).
#[test]
fn lost_segment_probe_then_rto() {
    let mut p = Pair::new();
    let (cid, sid) = p.handshake();
    p.c.send(ms(3), cid, GET).unwrap();
    let lost = p.c.take_output(); // dropped on the link
    assert_eq!(p.c.poll_at(), Some(ms(3 + 202)));
    p.c.on_timer(ms(205));
    let probe = p.c.take_output();
    assert_eq!(probe.len(), 1);
    assert_eq!(probe[0].bytes[4..8], lost[0].bytes[4..8], "same sequence number");
    assert_eq!(h(&probe[0]).len, GET.len());
    assert_eq!(p.c.poll_at(), Some(ms(205 + 202)), "a probe does not back off");
    // The probe is lost too: the RTO retransmits and doubles.
    p.c.on_timer(ms(407));
    let again = p.c.take_output();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].bytes[4..8], lost[0].bytes[4..8]);
    assert_eq!(p.c.poll_at(), Some(ms(407 + 404)));
    let ack = p.deliver_server(ms(408), again);
    assert_eq!(p.s.recv(sid), GET);
    p.deliver_client(ms(409), ack);
    assert_eq!(p.c.poll_at(), None, "everything acknowledged");
}

/// Two segments in flight: the probe waits 2·srtt + 2 ms and resends the last one.
#[test]
fn probe_resends_the_tail_segment() {
    let mut p = Pair::new();
    let (cid, _sid) = p.handshake();
    let big = vec![b'x'; 2000]; // 1448 + 552
    p.c.send(ms(3), cid, &big).unwrap();
    let segs = p.c.take_output();
    assert_eq!(segs.len(), 2);
    assert_eq!(p.c.poll_at(), Some(ms(3 + 4 + 2)));
    p.c.on_timer(ms(9));
    let probe = p.c.take_output();
    assert_eq!(probe[0].bytes[4..8], segs[1].bytes[4..8]);
    assert_eq!(h(&probe[0]).len, 552);
}

#[test]
fn listen_backlog_drops_syns_and_port_in_use() {
    let mut s = TcpTable::new(1500);
    let l = s.listen(Ipv4Addr::UNSPECIFIED, 80, 0).unwrap();
    assert_eq!(s.listen(S, 80, 5), Err(TcpError::AddrInUse(80)));
    let mut rng = Rng::new(1);
    let mut c = TcpTable::new(1500);
    for _ in 0..3 {
        c.connect(ms(0), C, (S, 80), &mut rng).unwrap();
    }
    for o in c.take_output() {
        s.on_segment(ms(1), o.src, o.dst, &o.bytes, &mut rng);
    }
    // backlog 0: one request fits (the queue is full when *above* the backlog).
    assert_eq!(s.take_output().len(), 1);
    assert!(s.ss_text().starts_with("State      Recv-Q Send-Q Local Address:Port     Peer Address:Port\nLISTEN     0      0      0.0.0.0:80             0.0.0.0:*\n"));
    let _ = l;
}

#[test]
fn bad_checksum_is_dropped() {
    let mut p = Pair::new();
    p.c.connect(ms(0), C, (S, 80), &mut p.rng).unwrap();
    let mut syn = p.c.take_output();
    syn[0].bytes[16] ^= 0xff;
    assert!(p.deliver_server(ms(1), syn).is_empty());
}

/// A router that cannot reach the server answers the SYN with ICMP host
/// unreachable: connect() fails at once with EHOSTUNREACH (tcp_v4_err in
/// SYN-SENT); a quote with a sequence number outside the window is ignored.
#[test]
fn icmp_host_unreachable_aborts_connect() {
    use crate::frames::{self, Ipv4Header};
    use smoltcp::wire::IpProtocol;
    let mut p = Pair::new();
    let cid = p.c.connect(ms(0), C, (S, 80), &mut p.rng).unwrap();
    let syn = p.c.take_output();
    let h = Ipv4Header { tos: 0, ident: syn[0].ip_id, dont_frag: true, ttl: 63, protocol: IpProtocol::Tcp, src: C, dst: S };
    let mut quoted = frames::ipv4_datagram(&h, &syn[0].bytes);
    let good = quoted.clone();
    quoted[24] ^= 0x80; // another sequence number
    p.c.on_icmp_unreachable(1, &quoted);
    assert!(p.c.take_events().is_empty());
    assert_eq!(p.c.state(cid), Some(State::SynSent));
    p.c.on_icmp_unreachable(1, &good[..28]);
    assert_eq!(p.c.take_events(), vec![TcpEvent::Unreachable(cid, IcmpErrno::HostUnreachable)]);
    assert_eq!(p.c.state(cid), None);
    assert_eq!(IcmpErrno::from_code(1).text(), "No route to host");
}

/// Nothing panics on garbage: random bytes (and random mutations of a real
/// SYN-ACK) into a table in every state it reaches.
#[test]
fn garbage_never_panics() {
    let mut p = Pair::new();
    let (cid, _) = p.handshake();
    p.c.send(ms(3), cid, GET).unwrap();
    let seg = p.c.take_output().remove(0);
    let mut rng = Rng::new(99);
    for i in 0..3000u64 {
        let mut b = seg.bytes.clone();
        if i % 3 == 0 {
            let n = rng.below(64) as usize;
            b = (0..n).map(|_| rng.next_u16() as u8).collect();
        } else {
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(b.len() as u64) as usize;
                b[at] = rng.next_u16() as u8;
            }
            // Keep the checksum right so the state machine sees it.
            let hl = usize::from(b[12] >> 4) * 4;
            if (20..=b.len()).contains(&hl) {
                b[16] = 0;
                b[17] = 0;
                let c = crate::wire::tcp::expected_checksum(C, S, &b);
                b[16..18].copy_from_slice(&c.to_be_bytes());
            }
        }
        p.s.on_segment(ms(4 + i), C, S, &b, &mut rng);
        p.c.on_segment(ms(4 + i), S, C, &b, &mut rng);
        let _ = crate::wire::decode(&b);
        p.s.on_timer(ms(4 + i));
        p.c.on_timer(ms(4 + i));
        p.s.take_output();
        p.c.take_output();
    }
}

/// The middle segment of a three-segment response is lost: the client queues
/// the third and ACKs at once with a SACK block; the server's RACK marks the
/// hole lost after min_rtt/4 (0.5 ms here) and resends only that segment; the
/// filled hole is ACKed at once and the data reads in order.
#[test]
fn lost_middle_segment_sack_and_rack() {
    let mut p = Pair::new();
    let (cid, sid) = p.handshake();
    let body: Vec<u8> = (0..3000u32).map(|i| (i % 251) as u8).collect();
    p.s.send(ms(3), sid, &body).unwrap();
    let mut segs = p.s.take_output();
    assert_eq!(segs.iter().map(|o| h(o).len).collect::<Vec<_>>(), vec![1448, 1448, 104]);
    let s2 = segs.remove(1);
    let acks = p.deliver_client(ms(4), segs);
    assert_eq!(acks.len(), 2, "first segment: quickack; third: out of order, immediate");
    let dup = h(&acks[1]);
    let isn_s = p.s.conn(sid).unwrap().iss();
    assert_eq!(dup.ack, isn_s + 1 + 1448);
    // NOP NOP TS(10) NOP NOP SACK(10): one block covering the third segment.
    let l = isn_s + 1 + 2896;
    let mut sack = vec![1, 1, 5, 10];
    sack.extend_from_slice(&l.to_be_bytes());
    sack.extend_from_slice(&(l + 104).to_be_bytes());
    assert_eq!(&dup.opts[12..], &sack[..]);
    assert_eq!(p.c.recv(cid).len(), 1448, "only the in-order part is readable");
    // Server: the SACK arms RACK's reordering timer (min_rtt 2 ms / 4).
    assert!(p.deliver_server(ms(5), acks).is_empty());
    assert_eq!(p.s.poll_at(), Some(ms(5) + SimTime::from_micros(500)));
    p.s.on_timer(ms(5) + SimTime::from_micros(500));
    let re = p.s.take_output();
    assert_eq!(re.len(), 1);
    assert_eq!(re[0].bytes[4..8], s2.bytes[4..8]);
    assert_eq!(h(&re[0]).len, 1448);
    let _ = s2;
    let fin_ack = p.deliver_client(ms(6), re);
    assert_eq!(fin_ack.len(), 1, "a filled hole is ACKed at once");
    assert_eq!(h(&fin_ack[0]).ack, isn_s + 1 + 3000);
    assert_eq!(p.c.recv(cid), body[1448..].to_vec());
    p.deliver_server(ms(7), fin_ack);
    assert_eq!(p.s.conn(sid).unwrap().send_q(), 0);
}

/// A duplicate of data already received is answered with a D-SACK block.
#[test]
fn duplicate_gets_dsack() {
    let mut p = Pair::new();
    let (cid, _sid) = p.handshake();
    p.c.send(ms(3), cid, GET).unwrap();
    let get = p.c.take_output();
    let copy = get.clone();
    p.deliver_server(ms(4), get);
    let dup = p.deliver_server(ms(5), copy);
    let d = h(&dup[0]);
    let isn_c = p.c.conn(cid).unwrap().iss();
    let mut want = vec![1, 1, 5, 10];
    want.extend_from_slice(&(isn_c + 1).to_be_bytes());
    want.extend_from_slice(&(isn_c + 1 + GET.len() as u32).to_be_bytes());
    assert_eq!(&d.opts[12..], &want[..]);
}
