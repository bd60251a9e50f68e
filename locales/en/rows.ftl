## The event list's one-line rows (src/playback/events.rs). Frame summaries, addresses, names,
## protocol words (DHCPNAK, RA, NAT, conntrack, STP roles and states, TCP states) are
## arguments and read the same in every language.

row-routes-installed = { $count } route(s) installed
row-received = received: { $frame }
row-dropped = dropped: { $frame }
row-packet-dropped = packet dropped
row-forward = forward { $from } → { $to }
row-flood = flood { $from } → { $ports }
row-flood-nowhere = flood { $from } → nowhere
row-mac-learned = learn { $mac } on { $port }
row-mac-aged = forget { $mac } on { $port }
row-route = route to { $destination }: next hop { $hop }
row-no-route = no route to { $destination }
row-neighbor = { $ip } → { $state }
row-ipv6-address = { $address } { $state }
row-ipv6-routes = { $count } IPv6 route(s)
row-ra = RA from { $router }
row-ra-prefix = RA from { $router }: { $prefix }
row-ipv6-down = { $interface }: IPv6 addresses flushed
row-ipv6-neighbors-flushed = { $interface }: { $count } IPv6 neighbour(s) flushed
row-address-removed = { $interface }: { $address } removed
row-default-router-expired = default route via { $router } expired
row-icmp6-error = { $error } → { $to }
row-icmp6-error-held = { $error } → { $to } (rate-limited)
row-icmp-error = ICMP { $error } → { $to }
row-icmp-error-held = ICMP { $error } → { $to } (rate-limited)
row-dhcp-via = {" "}via { $router }
row-dhcp-dns = , DNS { $servers }
row-dhcpack = DHCPACK: { $address }{ $via }{ $dns } on { $interface }, lease { $seconds } s
row-dhcpack-renewed = DHCPACK (renewed): { $address }{ $via }{ $dns } on { $interface }, lease { $seconds } s
row-dhcpnak = DHCPNAK from { $server }: { $address } removed from { $interface }
row-dhcp-expired = DHCP lease on { $address } expired: removed from { $interface }
row-dhcprelease = DHCPRELEASE to { $server }: { $address } removed from { $interface }
row-dhcp-server-release = DHCP lease table: { $address } released by { $mac }
row-dhcp-no-offers = No DHCPOFFERS received on { $interface }; retrying at { $time }
row-dhcp-server-lease = DHCP lease table: { $address } → { $mac }
row-dhcp-server-lease-host = DHCP lease table: { $address } → { $mac } ({ $host })
row-lookup = lookup { $name }: { $answer }
row-lookup-from = lookup { $name }: { $answer } (from { $server })
row-lookup-nodata = no address (NODATA)
row-lookup-timeout = timed out
row-lookup-server-error = server error ({ $rcode })
row-lookup-no-servers = no name server
row-tcp-state = TCP { $local } ↔ { $peer }: { $state }
row-tcp-closed = TCP { $local } ↔ { $peer }: closed
row-tcp-retransmit = TCP retransmission to { $peer } after { $ms } ms
row-tcp-reset = TCP reset: { $local } → { $peer }
row-http-response = HTTP { $status } { $reason }, { $bytes } bytes
row-conntrack-own = conntrack { $interface }: own flow { $from } → { $to }
row-nat-source = NAT { $interface }: source { $from } → { $to }
row-nat-destination = NAT { $interface }: destination { $from } → { $to }
row-nat-icmp-error = NAT { $interface }: ICMP error for { $address }
row-conntrack-expired = conntrack: { $from } → { $to } expired
row-carrier-back = { $port }: carrier back ({ $peer }/{ $peer_port } { $state })
row-carrier-lost = { $port }: carrier lost ({ $peer }/{ $peer_port } { $state })
row-link = { $port } { $state }
row-mac-flushed = forget { $count } MAC(s) of { $port }
row-mac-flushed-all = forget { $count } MAC(s) of every port
row-arp-flush = ARP flush on { $interface }: { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }
row-address-deleted = { $interface }: address { $address } removed
row-address-added = { $interface }: address { $address } added
row-no-address = { $interface }: no address
row-powered-on = powered on
row-powered-off = powered off
row-stp-root-bridge = STP: I am the root bridge
row-stp-root = STP: root { $root } via { $port }, cost { $cost }
row-stp-port = STP: { $port } { $role } { $state }
row-mtu-too-big = { $size } bytes > MTU { $mtu } of { $interface }
row-mtu-fragmented = { $size } bytes → { $fragments } fragments (MTU { $mtu })
row-mtu-reassembled = { $fragments } fragments → { $size } bytes
row-path-mtu = path MTU to { $destination }: { $mtu }
row-stp-topology-change = STP: topology change, MACs age in 15 s
row-stp-topology-change-over = STP: topology change over
row-storm = broadcast storm after { $count } events

## The event list's filter chips: how many rows a hidden class hides.
events-hidden-title = { $count ->
        [one] { $count } event hidden
       *[other] { $count } events hidden
    }
events-hidden-count = {" "}({ $count } hidden)
