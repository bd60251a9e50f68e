# The sentences of TCP, HTTP and NAT events (engine/src/trace/explain_tcp.rs, nat.rs).
# Socket states (SYN-SENT, TIME-WAIT, …) are ss's words; $after is a duration ("1 s", "200 ms").

explain-tcp-listen = { $device } listens on TCP port { $port } (a web server waiting for connections)
explain-tcp-unlisten = { $device } stops listening on TCP port { $port }
explain-tcp-syn = { $device } opens a TCP connection to { $ip } port { $port } from its port { $local }: SYN
explain-tcp-syn-ack = { $device } accepts a connection from { $ip } port { $port } on its port { $local }: SYN-ACK
explain-tcp-established-client = { $device }: connection to { $ip } port { $port } established (SYN-ACK received, ACK sent)
explain-tcp-established-server = { $device }: connection from { $ip } port { $port } established (the client's ACK arrived)
explain-tcp-refused = connection refused: nothing listens on port { $port } at { $ip }, which answered RST|ACK; { $device }'s connect() fails
explain-tcp-timed-out = { $device } gives up on { $ip } port { $port }: no answer to its retransmissions (Connection timed out)
explain-tcp-unreachable = { $device }'s connection to { $ip } port { $port } fails: an ICMP "{ $error }" came back
explain-tcp-reset = { $ip } reset { $device }'s connection (RST): Connection reset by peer
explain-tcp-fin = { $device } closes its side of the connection to { $ip } port { $port }: FIN
explain-tcp-fin-wait-2 = { $ip } acknowledged { $device }'s FIN; { $device } waits for { $ip }'s FIN (FIN-WAIT-2)
explain-tcp-close-wait = { $ip } closed its side (FIN); { $device } acknowledges it and may still send (CLOSE-WAIT)
explain-tcp-last-ack = { $device } closes its side too: FIN (LAST-ACK, waiting for the ACK)
explain-tcp-closing = both { $device } and { $ip } sent FIN at once (CLOSING)
explain-tcp-time-wait = both sides closed; { $device } keeps the connection to { $ip } port { $port } in TIME-WAIT for 60 s to catch stray segments
explain-tcp-closed = { $device }'s FIN was acknowledged: the connection with { $ip } port { $port } is closed
explain-tcp-time-wait-over = TIME-WAIT is over: { $device } forgets the connection to { $ip } port { $port }
explain-tcp-half-open-dropped = { $device } drops the half-open connection from { $ip } port { $port }
# Any other change: $old and $new are ss's states, or "none" (no socket before / after).
explain-tcp-state = { $device }: TCP { $local } ↔ { $peer } { $old ->
        [none] new
       *[other] { $old }
    } → { $new ->
        [none] closed
       *[other] { $new }
    }
explain-tcp-retransmit-syn = SYN retransmitted after { $after }: { $device } got no SYN-ACK from { $ip }
explain-tcp-retransmit-syn-ack = SYN-ACK retransmitted after { $after }: { $device } got no ACK from { $ip }
explain-tcp-retransmit-data = { $bytes } bytes of data retransmitted after { $after }: { $device } got no acknowledgement from { $ip }
explain-tcp-retransmit-fin = FIN retransmitted after { $after }: { $device } got no acknowledgement from { $ip }
explain-tcp-rst-closed-port = nothing listens on port { $port } on { $device }, so it answers { $ip }'s segment with a reset (RST|ACK)
explain-tcp-rst-no-connection = { $device } has no connection for { $ip }'s segment to port { $port }, so it answers with a reset
explain-http-request = { $method } { $path } sent: { $device } asks { $ip } port { $port } for http://{ $host }{ $path }
explain-http-response = { $status } { $reason }, { $bytes } bytes: the web server on { $device } answers { $ip }'s { $method } { $path }

# NAT: $proto is TCP, UDP or ICMP echo; endpoints are "address:port" or "address (echo id N)";
# $state is ", ESTABLISHED" (conntrack's TCP state) or empty; $checksums is explain-nat-checksums or empty.
explain-nat-own-flow = { $device } matches the { $proto } packet { $src } → { $dst } to a conntrack entry on { $interface }: it is { $device }'s own flow from its outside address, so nothing is rewritten{ $state }.
explain-nat-outbound = { $device } (NAT on { $interface }) rewrites the source { $before } → { $after } so the reply can find its way back: the internet only knows { $address }, and the conntrack table remembers who is behind it ({ $flow }{ $state }{ $checksums }).
explain-nat-known-flow = known flow
explain-nat-new-flow = new flow, no reply yet
explain-nat-inbound = { $device } finds the { $proto } reply to { $before } in its conntrack table and rewrites the destination back to { $after }, the inside host that started the flow{ $state }{ $checksums }.
explain-nat-inbound-error = { $device } receives an ICMP error about a packet it translated and rewrites it for { $host }: the outer destination and the quoted packet's source go back to the inside host{ $checksums }.
explain-nat-checksums = ; checksums updated: { $fields }
explain-checksum = { $proto }
explain-checksum-ipv4-header = IPv4 header
explain-checksum-quoted-ipv4-header = quoted IPv4 header
explain-checksum-quoted = quoted { $proto }
explain-conntrack-own-expired = { $device } forgets its own { $proto } flow { $src } → { $dst }: the conntrack entry timed out.
explain-conntrack-expired = { $device } forgets the { $proto } flow { $src } → { $dst }, which it had translated to { $translated }: its conntrack entry timed out, so a late reply would no longer be translated.
