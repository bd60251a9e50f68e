# "Why did it fail?": the diagnosis of a failed command (engine/src/diagnose.rs and
# engine/src/diagnose/*.rs). Field paths (devices[0].gateway) and program output
# ("Network is unreachable") stay as they are in every language.

# A list of alternatives: "devices[1].gateway or devices[2].gateway".
diagnose-or = { $first } or { $second }
# The networks of a device that has none.
diagnose-no-address = it has no address
diagnose-none = none
diagnose-gateway-off-subnet = { $device }'s default gateway { $gateway } is not on any of its networks ({ $networks }): a host can only hand packets to a router it reaches directly, so nothing can leave. Set { $path }.gateway to the router's address on { $device }'s network.
diagnose-wrong-mask = { $device } ({ $net }) and { $peer } ({ $peer_net }) are cabled to the same network, but they disagree on its size. { $device }'s mask says { $address } AND { $mask } = { $masked } ≠ { $network }, so it treats { $peer } as a stranger on another network, while { $peer }'s /{ $peer_len } mask puts both on one network. Make the masks the same: check the /{ $len } of { $field }.
diagnose-ttl-loop = The packet to { $target } went round in a loop, { $round } → …, one TTL less at every hop, until a router received it with TTL 1 and answered "Time to live exceeded". Each router thinks the other one knows the way. Fix the route on one of them: { $fields }.
diagnose-no-gateway = { $target } is not on any of { $device }'s networks ({ $networks }), and { $device } has no default gateway, so it has nowhere to send the packet: "Network is unreachable". Set { $field } to the address of the router on { $device }'s network.
diagnose-no-route = { $device } received the packet for { $target } but has no route that matches it and no default gateway, so it dropped it and answered "Destination Net Unreachable". Give { $device } a route to { $target }'s network ({ $routes }) or a default gateway ({ $gateway }).
diagnose-gateway-no-answer = { $device } sent its packet to its default gateway { $gateway }, but nobody answered the three ARP requests "Who has { $gateway }?": no device on { $device }'s network has that address. Set { $field } to the router's address on that network.
diagnose-unknown-host = { $device } asked "Who has { $target }?" three times and got no reply, so it gave up ("Destination Host Unreachable"). { $place } Check the address in { $field }, or the addresses of the devices on { $device }'s network.
diagnose-unknown-host-elsewhere = { $target } belongs to { $owner }, which is not cabled to that network.
diagnose-unknown-host-nowhere = No device in the lab has { $target }.
diagnose-no-way-back = { $device } received the request but cannot answer: { $back } is not on any of its networks ({ $networks }) and it has no default gateway. Set { $field } to the router on { $device }'s network.
diagnose-no-route-back = { $device } has no route back to { $back }: whatever it sends to { $sender } (echo replies, "Time to live exceeded") and whatever it should forward there is dropped, so { $sender } hears nothing from { $device } or beyond. Give { $device } a route to { $sender }'s network ({ $routes }) or a default gateway ({ $gateway }).
diagnose-changed-during-run = The network changed while { $command } ran: at { $time } { $device } ran `{ $run }`. What failed follows from that change (its events show the routes removed, the carrier lost, the MACs and ARP entries forgotten), not from the lab file; undo it (or wait for what it broke to come back) and the command works again.
# IPv6 (engine/src/diagnose/ipv6.rs).
diagnose-another-device = another device
diagnose-dad-failed = { $device }'s address { $address } failed duplicate address detection: when { $device } asked the link whether anyone already had it (a neighbour solicitation from ::), { $holder } answered. Linux then never uses the address (dadfailed), so { $device } has no address to send from. Give { $holder } a different address.
diagnose-wrong-prefix-length = { $router } advertises the prefix { $prefix }, but SLAAC builds an address from a 64-bit prefix and the 64-bit interface identifier (EUI-64 of the MAC): with /{ $len } the bits do not add up to 128, so { $device } made no address from it (Linux logs "prefix with wrong length { $len }"). Advertise a /64.
diagnose-no-router-advert = { $device } is on "auto": it asked for routers (router solicitations to ff02::2) but no router advertisement ever came, so it has only its link-local fe80:: address, no global address and no default route. Turn on router advertisements (radvd) on { $router }'s interface on this link, or give { $device } a static IPv6 address and route.
diagnose-no-route6 = { $device } has no IPv6 route to { $target }: no prefix in its table matches, so it answered "Destination unreachable: No route". Add a route for the destination's prefix (or a default route) on { $device }.
diagnose-unreachable6 = { $device } asked for { $target }'s MAC (neighbour solicitations to its solicited-node group) three times and nobody answered, so it gave up: "Address unreachable". Check that a device really has { $target } on that link.
# NAT (engine/src/diagnose/nat.rs).
diagnose-forgot-nat = The home router does not translate: the server answers { $back }, which no router on the internet knows. { $back } is a private address (RFC 1918), so { $router } has no route for it and drops the answer from { $server }. Turn on NAT (masquerade) on { $home }'s outside interface { $interface } ({ $field }): the packets then leave{ $via }, and the replies come back to it and are translated back to { $back }.
diagnose-nat-via = {" "}with its own address { $address }
# VLANs (engine/src/diagnose/vlan.rs).
diagnose-wrong-vlan = { $device } and { $peer } share a subnet, but { $device }'s cable ends in VLAN { $vlan } ({ $switch } { $port }) and { $peer }'s in VLAN { $peer_vlan } ({ $peer_switch } { $peer_port }). A VLAN-filtering switch keeps each VLAN apart, as if they were separate switches: { $device }'s ARP broadcast for { $target } is flooded only to VLAN { $vlan }'s ports, so { $peer } never hears it. Put both ports in the same VLAN ({ $field }), or route between the VLANs.
# TCP (engine/src/diagnose/tcp.rs).
diagnose-refused = connection refused: nothing listens on port { $port } on { $server } ({ $address }). Its kernel answered the SYN with a reset (RST|ACK), so curl gave up at once (exit code 7); { $hint }.
diagnose-refused-other-port = { $server }'s web server listens on port { $listening }, not { $port }: use that port in the URL
diagnose-refused-no-web-server = { $server } runs no web server: give it one (services.web) or fetch from the server that has it
diagnose-refused-check-address = check the address in { $host }
diagnose-syn-no-route-back = no answer to SYN: { $device }'s SYNs reach { $server }, but { $server } has no route back to { $address } for its SYN-ACK, so it drops them without answering; { $device } retransmitted after { $gaps }. Give { $server } a default gateway ({ $field }) or a route to { $device }'s network.
diagnose-syn-unanswered = no answer to SYN: { $device } sent its SYN to { $address } port { $port } and retransmitted it after { $gaps }, without a SYN-ACK — { $why }.
diagnose-syn-lost = the cable { $links } lost them (its drop list in the lab)
diagnose-syn-no-such-address = no device has the address { $address }
diagnose-syn-way-back = no SYN-ACK came back: look at the way back from the server (its routes, or a router that does not translate)
# DHCP and DNS (engine/src/diagnose/services.rs).
diagnose-curl-no-address = The name did not resolve: curl could not find an address for { $name }. { $text }
diagnose-curl-unresolved = The name did not resolve. { $text }
diagnose-nxdomain = NXDOMAIN: the DNS server answered that { $name } does not exist. The zone on { $device } has no record of that name: check the spelling of the name, or add an A (or CNAME) record for it.
diagnose-the-dns-server = the DNS server
diagnose-dns-no-server-there = { $server } belongs to { $owner }, which runs no DNS server (its port 53 is closed)
diagnose-dns-answers-lost = { $server } runs a DNS server, but its answers never came back: look at the routes between { $device } and it
diagnose-dns-no-such-address = no device has the address { $server }, so every query went unanswered
diagnose-dns-timeout = DNS server unreachable or wrong DNS server address: { $device } asked { $server } about { $name } and got no answer in time ({ $why }). Fix the DNS server address in { $field }.
diagnose-no-dns-server = { $device } has no DNS server in its resolv.conf: give it one (or let DHCP give it one) before looking up { $name }.
diagnose-no-a-record = The DNS server { $server } has no IPv4 address (A record) for { $name }: add one to its zone.
diagnose-lease-expired = The lease expired: { $device }/{ $interface } lost { $address } because no DHCP server renewed its lease, so it has no address any more. Check that the DHCP server is still reachable.
diagnose-no-dhcp-server = No DHCP server answered: { $device }/{ $interface } asks for an address with DHCP, but none of its DISCOVERs got an OFFER, so it has no address, no gateway and no DNS server. Run a DHCP server on the network (a router's services.dhcp) or give { $interface } a fixed address.

# Router on a stick: the switch port to the router does not carry the subinterface's VLAN tagged.
diagnose-trunk-carries-untagged = { $pvid } untagged
diagnose-trunk-carries = { $pvid } untagged, { $tagged } tagged
diagnose-trunk-vlan-untagged = carries VLAN { $vlan } untagged: it strips the tag, and { $router } hands untagged frames to { $parent }, not to { $sub }
diagnose-trunk-vlan-missing = is not a member of VLAN { $vlan }: it never floods that VLAN's frames out of { $port } and drops the ones { $router } sends tagged
diagnose-trunk-missing-vlan = { $sender }'s packets go to { $hop }, { $router }'s { $sub } (router on a stick): { $sub } sends and expects frames tagged VLAN { $vlan } on { $parent }'s cable, but { $switch } { $port } at the other end (its VLANs: { $carried }) { $what }. Add { $vlan } to the tagged VLANs of { $switch } { $port } (devices[{ $index }].vlans.{ $port }.tagged).

# A packet larger than a link's MTU (issue 16).
diagnose-too-big-v6 = { $router } cannot forward the { $size }-byte packet out { $interface } (MTU { $mtu }): IPv6 routers never fragment, so it dropped it and sent ICMPv6 "packet too big" (mtu={ $mtu }) back. { $device } now knows the path MTU and fragments its next packets itself (a Fragment extension header), so only the first one is lost. Send packets that fit (ping -6 -s { $fits } or less) or give { $router }'s { $interface } a larger MTU (1500 on Ethernet).
diagnose-frag-needed = { $router } cannot forward the { $size }-byte packet out { $interface } (MTU { $mtu }): ping sets Don't Fragment (path MTU discovery), so it dropped it and sent ICMP "fragmentation needed" (mtu = { $mtu }) back. { $device } now knows the path MTU and fragments its next packets itself, so only the first one is lost. Send packets that fit (ping -s { $fits } or less) or give { $router }'s { $interface } a larger MTU (1500 on Ethernet).
