# Predict mode: the questions, their choices and the feedback's addition
# (engine/src/exercise/predict*.rs). Addresses, ports and flags stay as they are.

predict-feedback = { $explanation } ({ $why })
predict-switch-ports = { $device } receives a frame for { $mac }{ $owner } on { $port }. Which ports does it send the frame out of?
predict-mac-owner = {" "}({ $device })
predict-arp-target = { $device } has a packet for { $destination }. Which address does it ARP for, to find the MAC to send it to?
predict-next-hop = { $device } must forward a packet for { $destination }. Which next hop does it choose?
predict-destination-mac = { $device }/{ $port } sends { $frame }. Which MAC goes in the destination field of the frame?
predict-ttl = { $device } forwards a packet that arrived with TTL { $ttl }. What TTL does the packet leave with?
predict-ttl-choice = TTL { $ttl }
predict-ports-none = no port: the frame goes nowhere
predict-ports-back = only { $port }, back where it came from
predict-ports-one = only { $port }
predict-ports-many = { $ports } and { $last }
predict-ports-many-back = { $ports } and { $last } (back out of { $port } too)
predict-arp-none = no ARP: it has no route to send it by ("Network is unreachable")
predict-arp-destination = { $address }, the destination itself
predict-arp-gateway = { $address }, its default gateway
predict-next-hop-none = none: no route matches, so it drops the packet and answers "Destination Net Unreachable"
predict-next-hop-via = { $via }, out of { $interface }
predict-next-hop-direct = { $destination } itself, directly out of { $interface }
predict-mac-broadcast = { $mac } (broadcast)
predict-mac-zero = { $mac } (all zero)
predict-mac-of = { $mac } ({ $device }/{ $interface })
# DHCP, DNS and NAT (predict_services.rs).
predict-lease-gateway = { $device }/{ $interface } got the DHCP ACK from { $server }. Which default gateway does it install?
predict-default-via = default via { $gateway }
predict-no-default = no default route
predict-lookup = { $device } looks up { $name }. What does it find?
predict-lookup-answer = { $name } has address { $addresses }
predict-lookup-no-data = { $name } exists but has no address
predict-lookup-nxdomain = not found: NXDOMAIN
predict-lookup-timeout = no answer: connection timed out
predict-lookup-refused = the server refuses to answer
predict-lookup-no-servers = no DNS server to ask
predict-nat-source = A packet from { $source } to { $destination } leaves { $device } through { $interface }, where NAT (masquerade) is on. Which source address does it have after { $device }?
predict-echo-id = { $address } (echo id { $id })
# TCP (predict_tcp.rs).
predict-source-port = { $device } opens a TCP connection to { $address } port { $port }. From which port does its SYN come?
predict-port-ephemeral = { $port }: a free port the kernel picks from 32768–60999 (ip_local_port_range)
predict-port-same = { $port }: the same port as the server's
predict-port-well-known = { $port }: the well-known port of the protocol
predict-port-reserved = { $port }: the last reserved port
predict-port-none = { $port }: no port until the server answers
predict-syn-listening = { $device } receives a SYN from { $address } for its port { $port }, where a server listens. Which flags does its answer carry?
predict-syn-closed = { $device } receives a SYN from { $address } for its port { $port }, where nothing listens. Which flags does its answer carry?
predict-syn-ack = { $device } receives the SYN-ACK from { $address }. Which flags does the segment it sends next carry?
# A switch port going down (predict_changes.rs).
predict-port-down = { $device }'s port { $port } was set down. { $device } had learned { $count } MAC(s) on it. What happens to them?
predict-port-no-carrier = { $device }'s port { $port } lost carrier. { $device } had learned { $count } MAC(s) on it. What happens to them?
predict-macs-forgotten = forgotten at once: frames for them are flooded until they are learned again
predict-macs-age-out = kept until they age out, 300 s after their last frame
predict-macs-kept = kept: a switch forgets a MAC only when told to (bridge fdb flush)
# Spanning tree (predict_stp.rs).
predict-blocked-port = The switches have heard each other's BPDUs. One port must block to break the loop: the port whose cable another bridge serves with a cheaper path to the root (or, at equal cost, a lower bridge id). Which port blocks now?
# IPv6 (predict_ipv6.rs).
predict-ns-destination = { $device } needs the MAC of { $address }. Where does its neighbour solicitation go?
predict-ns-solicited-node = { $group }, the solicited-node group of { $address } (MAC { $mac })
predict-ns-broadcast = everyone: Ethernet broadcast ff:ff:ff:ff:ff:ff, as ARP does
predict-ns-all-nodes = { $group }, all nodes on the link (MAC { $mac })
predict-ns-unicast = { $address } itself, unicast
predict-slaac = { $device }/{ $interface } (MAC { $mac }) hears the prefix { $prefix }/64 in a router advertisement. Which address does it build for itself?
predict-slaac-eui64 = { $address } (the prefix + EUI-64: ff:fe in the middle, the 7th bit flipped)
predict-slaac-raw = { $address } (the prefix + the MAC as it is)
predict-slaac-first = { $address } (the first address of the prefix)
predict-slaac-link-local = { $address } (its link-local address; the prefix is not used)

# Router on a stick: which 802.1Q tag does a subinterface's frame carry?
predict-vlan-no-tag = no tag: the frame leaves untagged
predict-vlan-tag = a tag for VLAN { $vlan }
predict-vlan-tag-prompt = { $device }/{ $sub } sends { $frame } out of its parent { $parent } onto the cable to the switch. Which 802.1Q tag does the frame carry?

# What a router does with a packet too big for the next link (issue 16).
predict-too-big-v6 = { $device } must forward a { $size }-byte IPv6 packet out { $interface }, whose MTU is { $mtu }. What does it do?
predict-too-big-v6-right = drops it and sends ICMPv6 "packet too big" (MTU { $mtu }) to the sender: IPv6 routers never fragment
predict-frag-needed = { $device } must forward a { $size }-byte IPv4 packet with Don't Fragment set out { $interface }, whose MTU is { $mtu }. What does it do?
predict-frag-needed-right = drops it and sends ICMP "fragmentation needed" (next-hop MTU { $mtu }) to the sender
predict-mtu-fragments = splits it into fragments of at most { $mtu } bytes and sends them on
predict-mtu-whole = sends it whole anyway: the next device will cope
predict-mtu-silent = drops it without telling anyone
