# The sentences of IPv6 events (engine/src/trace/explain6.rs).

# The neighbour cache: $old is ip neigh's state before, or "none" (no entry yet).
explain6-nd-entry = { $device } neighbour cache ({ $interface }): { $ip } { $old ->
        [none] no entry
       *[other] { $old }
    } → { $new }: { $why }
explain6-nd-entry-mac = { $device } neighbour cache ({ $interface }): { $ip } { $old ->
        [none] no entry
       *[other] { $old }
    } → { $new } at { $mac }: { $why }
explain6-nd-why-incomplete = a packet needs this neighbour's MAC, so a neighbour solicitation goes to { $group } (the solicited-node group: ff02::1:ff and the address's last 24 bits), which only the owner listens to, not to everyone as ARP's broadcast does
explain6-nd-why-reachable = a solicited neighbour advertisement confirmed it
explain6-nd-why-learned = learned from a solicitation or router advertisement it received
explain6-nd-why-probe = no confirmation within 5 s, so it asks the neighbour directly (unicast solicitation)
explain6-nd-why-failed = no neighbour advertisement came after 3 solicitations
explain6-nd-why-new-mac = an advertisement gave a new MAC

# Addresses: $from is one of the three phrases below.
explain6-from-link-local = its link-local address (fe80:: + the MAC with ff:fe in the middle and the 7th bit flipped, EUI-64)
explain6-from-static = its configured address
explain6-from-slaac = an address it built from the router's prefix and its interface identifier (SLAAC)
explain6-tentative = { $device }/{ $interface } gets { $from } { $address }, tentative: it sends a neighbour solicitation from :: for it (duplicate address detection) and uses it only if nobody answers within 1 s
explain6-dad-passed = { $device }/{ $interface }: nobody else claimed { $address } within 1 s, so DAD passed and the address is usable
explain6-dad-failed = { $device }/{ $interface }: another node answered for { $address }, so duplicate address detection failed and Linux never uses it (dadfailed)

# Routes: $routes is ip -6 route's lines; $forwarding is "yes" on a router forwarding someone else's packet.
explain6-routes = { $device } has { $count } IPv6 route(s): { $routes }
explain6-route-router = { $device } { $forwarding ->
        [yes] forwards
       *[other] sends
    } to { $dst }: the longest matching prefix is { $prefix } ({ $matching } of { $total } routes match), so it goes out { $interface } to the router { $router }
explain6-route-direct = { $device } { $forwarding ->
        [yes] forwards
       *[other] sends
    } to { $dst }: the longest matching prefix is { $prefix } ({ $matching } of { $total } routes match), so it goes out { $interface } directly (on-link)
explain6-route-none = { $device } has no IPv6 route to { $dst }: no prefix in its table matches

# Router advertisements: $prefix is one of the explain6-ra-… phrases after it.
explain6-ra-default = { $device }/{ $interface } hears a router advertisement from { $router }, which makes it the default router for { $seconds } s; { $prefix }
explain6-ra-not-default = { $device }/{ $interface } hears a router advertisement from { $router } with router lifetime 0, so it is not a default router; { $prefix }
explain6-ra-slaac = prefix { $prefix } is autonomous, so it builds its own address from it (SLAAC)
explain6-ra-refreshed = its address from { $prefix } already exists and stays
explain6-ra-wrong-length = prefix { $prefix } is not a /64, and a 64-bit interface identifier needs exactly 64 prefix bits, so no address is made (the kernel logs "prefix with wrong length { $len }")
explain6-ra-not-autonomous = prefix { $prefix } has the A flag off: on-link only, no address from it
explain6-ra-no-prefix = it carries no prefix

explain6-down = { $device }/{ $interface } went down: Linux removes all its IPv6 addresses, the static one too (keep_addr_on_down = 0), with their routes and the neighbour cache; when it comes up it makes its link-local address again
explain6-nd-flushed = { $device }/{ $interface }: its IPv6 neighbour cache is emptied ({ $count } entries: ip neigh flush, or the cable lost carrier)
# $error is ping's wording of the ICMPv6 error.
explain6-icmp-held = { $device } would send ICMPv6 "{ $error }" to { $to }, but Linux's ICMPv6 rate limit holds it back
explain6-icmp-sent = { $device } sends ICMPv6 "{ $error }" to { $to }

# The inspector's IPv6 prefix view: the destination AND the prefix mask, compared with the route's prefix.
explain6-prefix-match = { $dst } AND { $mask } = { $masked } = { $prefix }: the first { $len } bits match, so this route applies
explain6-prefix-differs = { $dst } AND { $mask } = { $masked } ≠ { $prefix }: they differ in group { $group } (bits { $first }–{ $last }), so this route does not apply

explain6-address-removed = { $device }/{ $interface }: { $address } is removed (ip -6 addr del); its prefix route goes too unless another address of the interface is in { $prefix }
explain6-default-router-expired = { $device }/{ $interface }: no router advertisement from { $router } came within its router lifetime, so the default route through it expires and IPv6 packets to other networks have no route
