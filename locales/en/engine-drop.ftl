# Why a device dropped a frame or packet: the end of "… drops <frame>: <reason>"
# (engine/src/trace/facts.rs, DropReason::msg).

drop-not-for-my-mac = its destination MAC is not this interface's, so the NIC ignores it
drop-arp-not-for-me = the ARP request asks for an address this device does not have, so it stays silent
drop-not-forwarding = it is addressed to another IP and this host does not forward packets (ip_forward = 0)
drop-ttl-expired = its TTL ran out
drop-no-route = no route matches its destination
drop-neighbor-failed = ARP for the next hop failed
drop-neighbor-queue-full = too many packets were waiting for ARP
drop-same-segment = the destination lives on the port the frame came from, so the switch does not send it back
drop-tx-queue-full = the link's transmit queue is full
drop-no-link = no cable is plugged into that port
drop-malformed = it is malformed
drop-unsupported = this lab does not model that protocol
drop-icmp-rate-limited = Linux rate-limits ICMP errors to each destination (icmp_ratelimit), so no error is sent
drop-no-listener = no program on this device is waiting for it
drop-nat-no-free-port = the NAT found no free source port for a new flow on its outside address
drop-no-carrier = the port is down or its cable has no carrier (the far end is down), so nothing goes out or comes in
drop-not-my-group = it is for an IPv6 multicast group this interface did not join, so the NIC's filter drops it
drop-nd-not-for-me = the neighbour-discovery message is about an address this device does not have (or does not use yet), so it stays silent
drop-too-big = it is larger than the next link's MTU, and IPv6 routers never fragment
drop-no-route-back = it is a TCP SYN and there is no route back to its sender for the SYN-ACK, so Linux drops it without answering
drop-vlan-filtered = the frame is tagged for a VLAN this switch port is not a member of (bridge vlan), so it is dropped
drop-port-not-forwarding = the switch port is not forwarding (spanning tree: blocking, listening or learning), so only BPDUs pass
drop-lost-on-link = the cable lost it on the way (the lab's drop list for this link names this frame)
drop-redirect-ignored = it is an ICMP redirect, and Linux hosts only accept one towards a gateway of their default routes (secure_redirects = 1), so the route stays as it is
drop-unknown-vlan = it is tagged for a VLAN this interface has no VLAN subinterface for (no ip link … type vlan id for it), so Linux throws it away
drop-frag-needed = it is larger than the next link's MTU and its Don't Fragment bit is set, so the router may not split it
