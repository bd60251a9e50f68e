# What the inspector draws next to an event to show why (engine/src/explain.rs, trace/explain6.rs):
# the rows of the AND picture, its verdict, and the rewrap a router does to a forwarded frame.

explain-row-address = address
explain-row-mask = mask
explain-row-and = AND
explain-row-my-network = my network
explain-row-destination = destination
explain-row-prefix = prefix
explain-and-same = { $address } AND { $mask } = { $masked } = { $network }/{ $len }: the same network, so deliver directly (ARP for { $address })
explain-and-other = { $address } AND { $mask } = { $masked } ≠ { $network }/{ $len }: another network, so it needs a route or a gateway
explain6-prefix-note = An IPv6 address is 8 groups of 16 bits. The mask's 1 bits (the prefix length) mark the network part: AND keeps those bits of the destination, and the route applies when they equal its prefix.

explain6-prefix-heading = The prefix check (/{ $len }), group { $group } in binary

# The rewrap (src/inspector/rewrap.rs): each header field a router rewrites (or keeps) and why.
explain-field-dst-mac = Destination MAC
explain-field-src-mac = Source MAC
explain-field-ttl = TTL
explain-field-checksum = Header checksum
explain-field-src-ip = Source address
explain-field-dst-ip = Destination address
explain-field-src-port = Source port
explain-field-dst-port = Destination port
explain-field-tcp-checksum = TCP checksum
explain-field-udp-checksum = UDP checksum
explain-field-icmp-id = ICMP identifier
explain-field-quoted-src-ip = Quoted source address
explain-field-quoted-dst-ip = Quoted destination address
explain-field-quoted-checksum = Quoted header checksum
explain-field-quoted-src-port = Quoted source port
explain-field-quoted-dst-port = Quoted destination port
explain-field-icmp-checksum = ICMP checksum
explain-rewrap-dst-mac = the next hop's MAC on the outgoing link (from ARP)
explain-rewrap-src-mac = the router's own MAC on the outgoing interface
explain-rewrap-ttl = every router lowers it by one
explain-rewrap-checksum = recomputed because the TTL changed
explain-rewrap-checksum-nat = recomputed: the TTL and an address changed
explain-rewrap-nat-src = NAT (masquerade): the router's outside address replaces the inside host's
explain-rewrap-nat-dst = NAT: a reply, sent on to the inside host that opened the flow
explain-rewrap-kept = end to end: only NAT rewrites it
explain-rewrap-end-to-end = end to end: never rewritten
explain-rewrap-quoted = NAT: the quoted packet as the inside host sent it
explain-rewrap-nat-src-port = NAT: the router's port for this flow
explain-rewrap-nat-dst-port = NAT: back to the inside host's own port
explain-rewrap-l4-checksum = updated for the new address and port, which it covers (RFC 1624)
explain-rewrap-l4-checksum-kept = covers addresses and ports, not the TTL: unchanged
explain-rewrap-icmp-id = NAT: the echo identifier plays the part of a port
explain-rewrap-icmp-checksum = updated for the rewritten identifier or quoted packet
explain-rewrap-icmp-checksum-kept = covers the ICMP message only: unchanged
