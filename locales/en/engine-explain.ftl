# The sentence that explains each trace event (engine/src/trace/explain.rs, TraceEvent::explain_msg).
# Names, addresses, frame summaries, times and program output are text arguments; counts are numbers.
# The golden traces (engine/tests/golden_traces.rs) hold this English for every event of every lab.

explain-routes = { $device } has { $count } route(s): { $routes }
explain-frame-sent = { $device }/{ $port } sends { $frame } ({ $bytes } bytes) on { $link } to { $to_device }/{ $to_port }; it arrives at { $arrival } ({ $duration } after { $start })
explain-frame-received = { $device }/{ $port } receives { $frame } from { $link }
explain-frame-dropped = { $place } drops { $frame }: { $reason }
explain-packet-dropped = { $device } drops { $packet }: { $reason }
explain-ipv4-packet = the IPv4 packet { $src } → { $dst }
explain-ipv4-packet-truncated = a truncated IPv4 packet

# Switches: where a frame goes and why.
explain-why-broadcast = { $mac } is the broadcast address
explain-why-multicast = { $mac } is a multicast address
explain-why-unknown = { $device } has not learned where { $mac } is
explain-why-learned = { $device } learned { $mac } on that port
explain-why-hub = a hub repeats every frame
explain-why-in-vlan = { $why } in VLAN { $vlan }
explain-switch-forward = { $device } forwards the frame from { $in_port } only out of { $port }: { $why }
explain-switch-flood = { $device } floods the frame from { $in_port } out of { $ports }: { $why }
explain-flood-nowhere = no other port
explain-flood-nowhere-vlan = no other port of its VLAN
explain-mac-learned = { $device } learns that { $mac } is reached through { $port }
explain-mac-learned-vlan = { $device } learns that { $mac } is reached through { $port } in VLAN { $vlan }
explain-mac-moved = { $device } sees { $mac } on { $port } now (it was on { $old }) and updates its MAC table
explain-mac-moved-vlan = { $device } sees { $mac } on { $port } now (it was on { $old }) and updates its MAC table in VLAN { $vlan }
explain-mac-aged = { $device } forgets { $mac } on { $port }: nothing came from it for 300 s

# The ARP table: $old is ip neigh's state before, or "none" (no entry yet); $new is ip neigh's state.
explain-arp-entry = { $device } ARP table ({ $interface }): { $ip } { $old ->
        [none] no entry
       *[other] { $old }
    } → { $new }: { $why }
explain-arp-entry-mac = { $device } ARP table ({ $interface }): { $ip } { $old ->
        [none] no entry
       *[other] { $old }
    } → { $new } at { $mac }: { $why }
explain-arp-why-incomplete = a packet needs this address, so ARP starts
explain-arp-why-reachable = a reply confirmed it
explain-arp-why-learned = learned from an ARP packet it received
explain-nud-why-not-confirmed = not confirmed for the reachable time
explain-nud-why-delay = used while stale; Linux waits 5 s for a confirmation
explain-arp-why-probe = no confirmation within 5 s, so it asks the neighbour directly
explain-arp-why-failed = no ARP reply came
explain-arp-why-new-mac = an ARP packet gave a new MAC
explain-nud-why-other = state change

# ICMP errors: $error is iputils' wording ("Time to live exceeded").
explain-icmp-held = { $device } would send "{ $error }" to { $to }, but Linux's ICMP rate limit holds it back
explain-icmp-sent = { $device } sends ICMP "{ $error }" from { $from } back to { $to }

explain-command-started = { $label } starts
explain-command-output = { $label } prints: { $line }

# DHCP.
explain-dhcp-renewed = { $device }/{ $interface } renewed its lease on { $address } with the DHCP server { $server }: it may keep the address { $seconds } s more and will ask again at { $renew }.
explain-dhcp-bound = { $device }/{ $interface } got the address { $address } from the DHCP server { $server } for { $seconds } s, with { $gateway } and { $dns }; it installs them like `ip addr add` and `ip route add default`.
explain-dhcp-gateway = default gateway { $gateway }
explain-dhcp-no-gateway = no default gateway
# $count: how many servers (English keeps the singular, as the engine always wrote it).
explain-dhcp-dns = { $count ->
       *[other] DNS server
    } { $servers }
explain-dhcp-no-dns = no DNS server
explain-dhcp-nak = The DHCP server { $server } refused { $device }/{ $interface }'s lease (NAK), so { $device } removes { $address } and starts over with a DISCOVER.
explain-dhcp-expired = { $device }/{ $interface }'s lease on { $address } expired without being renewed, so { $device } removes the address and its routes and asks again.
explain-dhcp-released = { $device }/{ $interface } gave its lease on { $address } back to the DHCP server { $server } (DHCPRELEASE) and removes the address and its routes, as `dhclient -r` does; it asks for nothing until dhclient runs again.
explain-dhcp-server-release = { $mac } gave { $address } back (DHCPRELEASE), so the DHCP server on { $device } removes the lease and may hand the address out again.
explain-dhcp-no-offers = No DHCP server answered { $device }/{ $interface }'s DISCOVERs for 60 s, so dhclient gives up ("No DHCPOFFERS received.") and tries again at { $retry }; the interface has no address meanwhile.
explain-dhcp-server-lease = The DHCP server on { $device } leases { $address } to { $mac } until { $expires } and notes it in its lease table.
explain-dhcp-server-lease-host = The DHCP server on { $device } leases { $address } to { $mac } ({ $hostname }) until { $expires } and notes it in its lease table.

# DNS: $server is one of the two phrases below; $label is the command that asked.
explain-dns-its-server = its DNS server
explain-dns-the-server = the DNS server { $server }
explain-dns-answer = { $server } answered { $device }'s question about { $name }: { $addresses } ({ $label }).
explain-dns-nodata = { $server } says { $name } exists but has no IPv4 address (no A record) ({ $label }).
explain-dns-nxdomain = { $server } answered NXDOMAIN: the name { $name } does not exist in DNS ({ $label }).
explain-dns-timeout = No DNS server answered { $device }'s question about { $name }: every query timed out ({ $label }).
explain-dns-error = { $server } could not answer { $device }'s question about { $name } ({ $rcode }) ({ $label }).
explain-dns-no-servers = { $device } has no DNS server in its resolv.conf, so it cannot look up { $name } ({ $label }).

explain-storm = Broadcast storm: after { $events } events frames were still circulating through { $devices } (links { $links }). Switches forward broadcasts forever around a loop; real networks run STP to block one port.
explain-storm-more = { $names } and { $count } more

# Routing decisions (IPv4). An AND check: the destination AND the mask, compared with a network.
explain-and-differs = { $dst } AND { $mask } = { $masked } ≠ { $network }/{ $len };{" "}
explain-and-not-mine = { $dst } AND { $mask } = { $masked } ≠ my network ({ $network }/{ $len });{" "}
explain-route-host-none = { $checks }{ $device } has no route to { $dst } and no default gateway: Network is unreachable
explain-route-host-direct = { $dst } AND { $mask } = { $masked } = my network ({ $network }/{ $len }), so deliver directly: ARP for { $dst }
explain-route-host-gateway = { $checks }so send it to the default gateway { $via }: ARP for { $via }
explain-route-host-via = { $checks }route { $prefix } matches, so send it to { $via } via { $interface }: ARP for { $via }
explain-route-forward-none = { $device }: no route matches { $dst }, so the packet cannot be forwarded
explain-route-forward = { $device }: { $dst } matches { $route } (longest of { $count } matching route(s)), so { $how }
explain-route-forward-and = { $sentence } [{ $dst } AND { $mask } = { $masked } = { $network }/{ $len }]
explain-route-default = the default route
explain-route-how-via = forward it to { $via } out of { $interface }
explain-route-how-direct = deliver it directly out of { $interface }

# Router on a stick (VLAN subinterfaces)
explain-frame-sent-tagged = { $device }/{ $sub } sends { $frame } tagged VLAN { $vlan } ({ $bytes } bytes) out of its parent { $port } on { $link } to { $to_device }/{ $to_port }; it arrives at { $arrival } ({ $duration } after { $start })
explain-mac-aged-vlan = { $device } forgets { $mac } on { $port } in VLAN { $vlan }: nothing came from it for 300 s
