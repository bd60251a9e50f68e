# What is wrong with a lab file, a share link or an editor field: the validation messages
# (engine/src/scenario/validate.rs, address.rs, limits.rs, json.rs; ScenarioError.message).
# Values the user typed, names and addresses are text arguments; counts are numbers.

## Addresses (address.rs).

invalid-not-ipv4 = { $value } is not an IPv4 address
invalid-ipv4-with-prefix = { $value } is not an IPv4 address with a prefix length like 10.0.0.1/24
invalid-prefix-range = prefix /{ $len } is out of range (0–{ $max })
invalid-not-netmask = { $value } is not a netmask like 255.255.255.0
invalid-netmask-bits = { $value } is not a valid netmask (its one bits must come first)
invalid-no-prefix-length = { $value } has no prefix length; write it like { $value }/24
invalid-network-address = { $ip } is the network address of { $net }, not a host address
invalid-broadcast-address = { $ip } is the broadcast address of { $net }, not a host address
invalid-not-interface-address = { $ip } cannot be an interface address
invalid-not-network = { $value } is not a network like 10.1.0.0/16
invalid-host-bits-mean = { $value } has host bits set; did you mean { $net }?

## The lab (validate.rs).

invalid-version = unsupported version { $version } (this engine reads version 1)
invalid-device-needs-name = a device needs a name
invalid-device-id-chars = "{ $id }" may not contain ':' or start or end with spaces
invalid-duplicate-device-id = duplicate device id "{ $id }" (also devices[{ $first }])
invalid-no-device = no device "{ $name }"
invalid-ping-bind-device = ping: SO_BINDTODEVICE { $dev }: No such device ({ $device } has { $ports })
invalid-program-on-bridge = { $device } is a { $kind }; programs run on hosts, servers and routers (a switch takes ip link set, bridge fdb flush, poweroff and poweron)
invalid-command-after-end = { $at } ms is after the end of the run (options.max_time_ms = { $max })
invalid-at-least-one = must be at least 1
invalid-link-needs-name = a link needs a name
invalid-link-id-chars = "{ $id }" may not contain / or \ or surrounding spaces (it names a pcap file)
invalid-duplicate-link-id = duplicate link id "{ $id }" (also links[{ $first }])
invalid-no-port = { $device } has no port "{ $port }"
invalid-no-port-list = { $device } has no port "{ $port }" (its ports: { $ports })
invalid-no-port-none = { $device } has no port "{ $port }" (its ports: none)
invalid-port-in-use = port { $port } is already used by link "{ $link }"
invalid-link-delay = { $value } µs is more than 10 s
invalid-bandwidth = { $value } Mbit/s is out of range (0.001–400000)
invalid-too-many-drops = { $count } frame numbers is too many (at most { $max })
invalid-drop-zero = frames are counted from 1: the first frame sent that way is 1
invalid-drop-twice = frame { $frame } is listed twice
invalid-option-range = { $value } { $unit } is out of range (0–{ $max } { $unit })
invalid-bridge-interfaces = a { $kind } has ports, not interfaces: use "ports": N
invalid-bridge-gateway = a { $kind } has no IP address and no gateway
invalid-bridge-routes = a { $kind } does not route
invalid-bridge-dns = a { $kind } has no IP stack and looks up no names
invalid-bridge-services = a { $kind } runs no services; put them on a router or server
invalid-bridge-needs-ports = a { $kind } needs a number of ports
invalid-ports-range = { $count } ports is out of range (1–{ $max })
invalid-hub-stp = a { $kind } runs no spanning tree (it repeats every frame); only a switch does
invalid-priority-needs-stp = a bridge priority needs the spanning tree on ("stp": true)
invalid-priority-range = { $value } is out of range (0–65535; the default is 32768)
invalid-ip-device-ports = a { $kind } has interfaces, not numbered ports
invalid-ip-device-bridging = a { $kind } does not bridge, so it runs no spanning tree and filters no VLANs; only a switch does
invalid-interface-name = an interface needs a name like eth0, without spaces
invalid-duplicate-interface = { $device } already has an interface named { $name }
invalid-duplicate-ip = duplicate IP address { $ip } (also on { $owner })
invalid-not-mac = { $value } is not a MAC address like 02:00:00:00:00:01
invalid-not-unicast-mac = { $mac } is not a unicast MAC address
invalid-duplicate-mac = duplicate MAC address { $mac } (also on { $owner })
invalid-no-subnets = it has no addressed interface
invalid-subnets = its subnets: { $subnets }
invalid-own-address = { $ip } is { $device }'s own address
invalid-gateway-off-link = gateway { $gateway } is not in any of { $device }'s subnets ({ $subnets }), so it cannot be reached
invalid-next-hop-off-link = next hop { $via } is not in any of { $device }'s subnets ({ $subnets })
invalid-too-many-dns = at most 3 DNS servers (glibc reads only the first 3 nameserver lines)
invalid-host-services = a host runs no services; make it a server or use a router
invalid-dns-forward-self = { $ip } is { $device }'s own address: a DNS server cannot forward to itself
invalid-vlans-need-filtering = VLANs need "vlan_filtering": true on the switch
invalid-hub-vlans = a { $kind } does not filter by VLAN (it repeats every frame); only a switch does
invalid-vlan-range = VLAN { $vlan } is out of range (1–4094)

## IPv6 (ipv6.rs).

invalid-not-ipv6 = { $value } is not an IPv6 address
invalid-ipv6-with-prefix = { $value } is not an IPv6 address with a prefix length like 2001:db8:1::1/64
invalid-not-ipv6-or-auto = { $value } is not an IPv6 address like 2001:db8:1::1/64 (or "auto")
invalid-ipv6-link-local = { $ip } is a link-local address: Linux makes the interface's fe80:: address from its MAC itself
invalid-not-ipv6-network = { $value } is not an IPv6 network like 2001:db8:2::/64
invalid-host-bits-network = { $value } has host bits set; the network is { $net }
invalid-ra-needs-ipv6 = router advertisements need IPv6 on the interface: give it an "ipv6" address
invalid-duplicate-ipv6 = duplicate IPv6 address { $ip } (also on { $owner })
invalid-ra-not-router = a { $kind } sends no router advertisements; only a router runs radvd
invalid-ra-auto-prefix = an "auto" interface has no prefix of its own to advertise: give the prefix, like 2001:db8:1::/64
invalid-ra-interval = { $value } s is out of range (4–1800 s, radvd's MaxRtrAdvInterval)
invalid-ra-lifetime = { $value } s is out of range (0–9000 s, radvd's AdvDefaultLifetime)
invalid-no-ipv6-interface = { $device } has no IPv6 interface named { $name }
invalid-link-local-needs-dev = { $via } is link-local: say which interface it is on ("dev": "eth0"), as ip -6 route needs
invalid-next-hop6-off-link = next hop { $via } is not in any of { $device }'s IPv6 prefixes

## Services and NAT (services.rs).

invalid-nat-mode = "{ $value }" is not a NAT mode this lab knows; use "masquerade" (iptables -t nat -A POSTROUTING -o { $name } -j MASQUERADE)
invalid-nat-not-router = { $device } is a { $kind }: NAT rewrites packets a router forwards, so put it on the outside interface of a router
invalid-nat-dhcp = { $name } gets its address from DHCP; NAT in this lab needs a fixed address on the outside interface
invalid-nat-no-address = { $name } has no address: masquerade rewrites the source to the outside interface's address, so give { $name } one
invalid-no-interface-here = no interface "{ $name }" on this device
invalid-dhcp-needs-address = { $name } needs a fixed address to serve DHCP on it
invalid-pool-not-host = { $ip } is not a host address of { $name } ({ $net })
invalid-pool-order = the pool ends ({ $end }) before it starts ({ $start })
invalid-lease-time = { $value } s is out of range (120–31536000)
invalid-records-need-zone = records need a zone (e.g. "example.com")
invalid-outside-zone = { $name } is outside the zone { $zone }
invalid-record-type = record type "{ $value }" is not modelled (A or CNAME)
invalid-dns-name = "{ $value }" is not a DNS name like www.example.com
invalid-web-port = port { $port } is out of range (1–65535)
invalid-page-path = "{ $path }" is not a page path like / or /about.html (it starts with /, without spaces, ? or #)
invalid-page-size = the page has { $count } bytes; at most { $max }
invalid-page-twice = { $path } is given twice ("/" and "/index.html" are the same page)

## Size limits (limits.rs) and the file as a whole (json.rs).

invalid-too-many-devices = { $count } devices is too many (a lab has at most { $max })
invalid-too-many-links = { $count } links is too many (a lab has at most { $max })
invalid-too-many-commands = { $count } commands is too many (a lab has at most { $max })
invalid-device-id-length = a device id is { $count } characters long (at most { $max })
invalid-link-id-length = a link id is { $count } characters long (at most { $max })
invalid-too-many-interfaces = { $count } interfaces is too many (a device has at most { $max })
invalid-too-many-ports = with { $device } the lab has more than { $max } ports and interfaces in all (a lab has at most { $max })
invalid-interface-name-length = an interface name is { $count } characters long (at most { $max }, as on Linux)
invalid-too-many-routes = { $count } routes is too many (a device has at most { $max })
invalid-too-many-records = { $count } DNS records is too many (a zone has at most { $max })
invalid-command-length = the command is { $count } characters long (at most { $max })

## Exercise files (engine/src/exercise/mod.rs, locks.rs).

invalid-exercise-id = "{ $id }" must be lower-case letters, digits and - (it keys the saved progress)
invalid-empty = must not be empty
invalid-too-many-hints = { $count } hints; an exercise gives at most { $max }
invalid-empty-hint = a hint must not be empty
invalid-language-tag = a language is named by its tag, such as "de" or "pt-BR"
invalid-empty-translation = must not be empty (leave it out to show the original)
invalid-translated-hints = { $count } hints, but the exercise has { $total }: translate each hint once
invalid-no-checks = an exercise needs at least one check
invalid-no-interface = { $device } has no interface "{ $name }"
# $field is the field's name in the file (editable.devices[].fields).
invalid-editable-field = { $device } is a { $kind } and has no { $field ->
    [address] address
    [mask] mask
    [mac] MAC address
    [gateway] gateway
    [routes] routes
    [kind] kind
    [dns] DNS servers
    [services] services
    [nat] NAT
    [stp] spanning tree
    [vlans] VLANs
   *[ipv6] IPv6 settings
}

## The editor and the app (src/editor, src/exercises.rs): a field it could not read, and the
## engine's message placed where it is shown.

# An error shown at one field about another field.
invalid-at-path = { $message } ({ $path })
invalid-import-failed = { $file } was not loaded, the lab is unchanged. { $error }
invalid-all-ports-used = { $device } has all { $max } ports in use
invalid-ports-not-number = { $value } is not a whole number of ports
invalid-vlan-not-number = { $value } is not a VLAN id (1–4094)
invalid-priority-not-number = { $value } is not a whole number (0–65535; the default is 32768)
invalid-not-on-off = "{ $value }" is neither on nor off
invalid-seconds-not-number = { $value } is not a whole number of seconds
invalid-dhcp-needs-fixed-address = a DHCP server needs an interface with a fixed address (e.g. 192.168.1.1/24) to serve

# VLAN subinterfaces (eth0.10: "parent" and "vlan").
invalid-cable-on-subinterface = { $device }/{ $port } is a VLAN subinterface of { $parent }: plug the cable into { $parent } (its frames go out there, tagged VLAN { $vlan })
invalid-subinterface-incomplete = a VLAN subinterface needs both "parent" (the interface whose cable it uses) and "vlan" (its VLAN id): { $missing } is missing
invalid-subinterface-mac = { $name } is a VLAN subinterface: it uses its parent's MAC (as Linux's 8021q does), so it takes no "mac"
invalid-subinterface-no-parent = { $device } has no interface "{ $parent }" to carry { $name } (its interfaces: { $interfaces })
invalid-subinterface-nested = { $parent } is a VLAN subinterface itself: this lab puts VLAN subinterfaces on a network card only (no 802.1Q in 802.1Q)
invalid-subinterface-vlan-range = VLAN id { $vlan } is out of range (1–4094)
invalid-subinterface-duplicate = { $parent } already has a subinterface for VLAN { $vlan } ({ $other }): one per VLAN id

## What a student may not change in an exercise (engine/src/exercise/locks.rs).

invalid-locked-seed = the seed is part of the exercise and cannot change
invalid-locked-options = the run options are part of the exercise and cannot change
invalid-locked-removed = { $device } was removed, but it is part of the exercise
invalid-locked-new-not-switch = { $device } is new: only switches and hubs may be added
invalid-locked-new = { $device } is new: no devices may be added in this exercise
invalid-locked-cable-new = the cable { $a } — { $b } is new or changed, but cables are locked
invalid-locked-cable-removed = the cable { $a } — { $b } was removed or changed, but cables are locked
invalid-locked-interfaces = { $device }'s interfaces were added or removed, but they are locked
# $what is the setting; $name the interface for the interface settings (empty otherwise).
invalid-locked = { $device }'s { $what ->
    [kind] kind
    [ports] ports
    [gateway] gateway
    [routes] routing table
    [routes6] IPv6 routing table
    [dns] DNS server list
    [services] services
    [stp] spanning tree
    [bridge_priority] bridge priority
    [vlans] VLANs
    [mask] { $name } mask
    [address] { $name } address
    [ipv6] { $name } IPv6 address
    [ra] { $name } router advertisements
    [nat] { $name } NAT
    [subinterface] { $name } VLAN subinterface
    [mtu] { $name } MTU
   *[mac] { $name } MAC address
} is locked in this exercise

# The editor's IPv6 fields (issue 16).
invalid-ra-off = router advertisements are off on this interface
invalid-mtu-not-number = { $value } is not a whole number of bytes (68–65535; the default is 1500)
invalid-routes6-item = "{ $item }": write each route as PREFIX via NEXT-HOP (e.g. 2001:db8:2::/64 via 2001:db8:1::2), comma-separated
invalid-routes6-metric = "{ $item }": metric { $value } is not a whole number
invalid-routes6-options = "{ $item }": write each route as PREFIX via NEXT-HOP (e.g. 2001:db8:2::/64 via 2001:db8:1::2), comma-separated; then optionally dev DEV and metric N

# Link MTUs (issue 16).
invalid-mtu-small = MTU { $mtu } is less than the device minimum, { $min } bytes (IPv4's smallest datagram)
invalid-mtu-large = MTU { $mtu } is greater than the device maximum, { $max } bytes
invalid-mtu-ipv6 = MTU { $mtu } is too small for IPv6: every IPv6 link carries at least { $min } bytes (RFC 8200), and Linux turns IPv6 off on a smaller one
invalid-ip6-off-everywhere = { $device } has IPv6 off on every interface: give one an "ipv6" address in the lab first
invalid-ip6-off = { $device }'s { $interface } has IPv6 off in this lab: give it an "ipv6" setting (auto, or an address) first

# The editor's own checks that a field still points at something (src/editor): seen only
# when a view sends an edit for a device, interface or route that is gone.
invalid-editor-no-interface = no such interface
invalid-editor-no-device = no such device
invalid-editor-dhcp-off = the DHCP server is off
invalid-editor-dns-off = the DNS server is off
invalid-editor-no-record = no such record
invalid-editor-no-route = no such route
invalid-editor-use-form = use the form's button
invalid-editor-no-link = no such link
