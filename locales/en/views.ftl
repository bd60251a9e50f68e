# The device and link panels and the packet inspector: views drawn from split modules once the
# engine's module is here (src/split.rs). In a browser build English's copy of this file comes
# with the engine's module, not the first load (build.rs `LATER`, issue 15).


## Device panel
device-delete = Delete
device-done = Done
device-cable-to = Cable to
device-connect = Connect
device-interfaces = Interfaces
device-add-interface = Add interface
device-not-cabled = not cabled
device-subinterface-of = VLAN { $vlan } on { $parent } (tagged)
device-sub-parent = Parent interface
device-sub-vlan = VLAN id
device-sub-vlan-hint = Its frames leave the parent tagged with this id (1–4094), as ip link add link eth0 name eth0.10 type vlan id 10 does
device-add-subinterface = Add VLAN subinterface
device-add-subinterface-hint = A VLAN subinterface of { $iface } (eth0.10): an address of its own, its frames tagged on { $iface }'s cable
# $peer: the device and port at the cable's other end ("sw1 p2").
device-cabled-to = to { $peer }
device-subnet = subnet { $net }
device-remove-iface = Remove { $iface } (and its cable)
device-remove = Remove
device-dhcp = Address from DHCP (dhclient)
device-lease = Now: { $address } from { $server }
device-lease-gateway = Now: { $address } from { $server }, gateway { $router }
device-no-lease = No lease at this point of the run: dhclient asks for one when the lab starts.
device-ipv4 = IPv4 address
device-ipv4-hint = CIDR (10.0.0.1/24) or with a mask (10.0.0.1 255.255.255.0)
device-mac = MAC address
device-mac-automatic = { $mac } (automatic)
device-nat = NAT (masquerade) on this interface
device-routing = Routing
device-gateway = Default gateway
# Placeholders of empty fields (separate ids: other languages agree them with the field).
device-gateway-none = none
device-dns-none = none
device-dns = DNS servers (resolv.conf)
device-dns-hint = In order, comma-separated; a DHCP lease replaces them
device-static-routes = Static routes
device-no-static-routes = None: only connected networks and the default gateway.
device-route-destination = Destination
device-new-route-destination = New route destination
device-new-route-next-hop = New route next hop
device-add-route = Add route
device-ports = Ports
device-ports-hint = Named p1 … pN; links take the first free one

## Link panel
device-link-badge = link
device-link-port = { $device } port
device-link-speed = { $delay } µs one way, { $bandwidth } Mbit/s

## Form fields
fields-locked-label = locked
fields-locked = Locked in this exercise

## Services (dnsmasq's DHCP server, the DNS server)
services-heading = Services
services-host = DHCP and DNS servers run on a server or a router.
services-dhcp-server = DHCP server (dnsmasq)
services-interface = Interface
services-pool-start = Pool start
services-pool-end = Pool end
services-router = Router (option 3)
services-dns = DNS servers (option 6)
services-lease-time = Lease time, s (option 51)
services-domain = Domain (option 15)
# Placeholders of empty fields.
services-router-none = none
services-dns-none = none
services-domain-none = none
services-dns-server = DNS server (port 53)
services-zone = Zone
services-records = Records
services-no-records = None yet.
services-record-name = Name
services-record-type = Type
services-record-value = Value
services-remove-record = Remove { $name }
services-remove = Remove
services-forwarders = Forwarders
services-forwarders-placeholder = none (8.8.8.8)
services-recursive = Recursive (a public resolver like 8.8.8.8)
services-new-record-name = New record name
services-new-record-type = New record type
services-new-record-value = New record value
services-new-record-ttl = New record TTL
services-new-record-ttl-placeholder = TTL 3600
services-add-record = Add record

## Inspector (field names, values and layer titles stay as Wireshark prints them)
inspector-label = Inspector
inspector-close = ✕ Close
inspector-close-label = Close the inspector
inspector-empty = Click an event in the list to see its frame, field by field.
inspector-why = Why did it fail?
# "Look at pc1: gateway": the device in bold between the two.
inspector-look-at = Look at{" "}
inspector-look-at-colon = :{" "}
inspector-event = Event { $number } · { $time }
inspector-and = The AND on { $interface } (/{ $prefix })
inspector-and-note = Every 1 in the mask marks a bit of the network part (shaded): AND keeps those bits of the address and clears the rest.
inspector-rewrap = Rewrap: the frame that arrived (event { $event }) and the frame that left
inspector-col-field = Field
inspector-col-arrived = Arrived
inspector-col-left = Left
inspector-check-correct = [correct]
# $expected: the right checksum in hex ("0x1c46").
inspector-check-wrong = [wrong, should be { $expected }]
inspector-check-unverified = [unverified]
inspector-bytes = bytes { $start }–{ $end }
inspector-frame = Frame: { $bytes } bytes
inspector-capture = Capture
inspector-capture-frames = { $frames } frames on the wires; open the file in Wireshark.
inspector-download = Download .pcap
inspector-capture-link = Link to capture
inspector-link-option = link { $link }
inspector-download-link = Download link .pcap

## Switch: spanning tree and VLANs (issue 14)
device-stp = Spanning tree (STP)
device-bridge-priority = Bridge priority
device-bridge-priority-hint = The lowest bridge id (priority, then MAC) becomes the root
device-vlan-filtering = VLAN filtering (802.1Q)
device-port-vlan = { $port } VLAN
device-port-tagged = tagged
device-port-tagged-none = none

## IPv6 fields (issue 16)
device-ipv6 = IPv6 address
device-ipv6-placeholder = off (auto, or 2001:db8:1::1/64)
device-ipv6-hint = auto: link-local + SLAAC from router advertisements; an address: /64 unless given
device-ra = Router advertisements (radvd prefix)
device-ra-placeholder = off (on, or 2001:db8:1::/64)
device-ra-hint = the prefix hosts on this link build their addresses from; on: this interface's /64
device-ra-interval = Advertisement interval (s)
device-ra-interval-hint = radvd's MaxRtrAdvInterval: 4–1800 s, 600 when empty
device-ra-lifetime = Router lifetime (s)
device-ra-lifetime-placeholder = 3 × the interval
device-ra-lifetime-hint = how long hosts keep this router as their default route; 0: hosts take the prefix but no default route
device-mtu = MTU (bytes)
device-mtu-hint = the largest packet this link carries: 68–65535, at least 1280 with IPv6; 1500 (Ethernet) when empty
device-routes6 = IPv6 static routes
device-routes6-none = none (2001:db8:2::/64 via 2001:db8:1::2)
device-routes6-hint = PREFIX via NEXT-HOP, comma-separated; a link-local next hop needs dev IFACE
