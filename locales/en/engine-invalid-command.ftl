# What is wrong with a command line: a lab's commands and the ones typed during a run
# (engine/src/scenario/command.rs, config.rs).

## Command lines (command.rs, config.rs): a lab's commands and the ones typed during a run.
## Program names, options and synopses (ping -c COUNT …) stay as the programs spell them.

invalid-usage = usage: { $usage }
# A synopsis with an example of it, inside "usage: …".
invalid-usage-example = { $usage } (e.g. { $example })
invalid-unknown-command = unknown command `{ $command }` (this lab runs ping, traceroute, dhclient, host, dig, getent hosts, curl, ip, bridge, poweroff and poweron)
invalid-empty-command = empty command
invalid-missing-destination = missing destination address; usage: { $usage }
invalid-not-address-or-name = { $value } is neither an IPv4 address nor a host name like www.example.com
invalid-ipv6-target = { $value } is not an IPv6 address (names are not looked up over IPv6 in this lab)
invalid-not-host-name = { $value } is not a host name like www.example.com
invalid-unsupported-option = unsupported { $program } option { $flag }; usage: { $usage }
invalid-unexpected-argument = unexpected argument { $value }; usage: { $usage }
# What a flag needs when its value is missing ("-c needs a count").
invalid-flag-needs = { $flag } needs { $what ->
    [count] a count
    [interval] an interval in seconds
    [timeout] a timeout in seconds
    [size] a size in bytes
    [ttl] a TTL
    [interface] an interface
   *[interface-or-address] an interface or a source address
}
invalid-flag-needs-number = { $flag } needs a number
invalid-flag-whole-number = { $flag } needs a whole number, not { $value }
invalid-flag-range = { $flag } { $value } is out of range ({ $min }–{ $max })
invalid-flag-seconds = { $flag } needs a number of seconds, not { $value }
invalid-flag-range-seconds = { $flag } { $value } is out of range ({ $min }–{ $max } s)
invalid-flag-bytes = { $flag } needs a whole number of bytes, not { $value }
invalid-ping-size = -s { $size } is larger than { $max }: the packet would need IP fragmentation, which this lab does not model
invalid-ping6-size = -s { $size } is larger than { $max }: the packet would need IPv6 fragmentation, which this lab does not model
invalid-ping-ttl = -t needs a TTL from 1 to 255, not { $value }
invalid-ping6-bind = -I { $value }: with -6 this lab binds to an interface (like -I eth0), not an address
invalid-ping-bind = -I { $value } is neither an IPv4 address nor an interface name
invalid-ping-needs-count = ping needs -c COUNT here (a lab run must end); usage: { $usage }
invalid-flag-needs-port = { $flag } needs a port number
invalid-flag-port = { $flag } needs a port number (1–65535), not { $value }
invalid-traceroute-tcp = TCP SYN probes (-T) are not modelled: plain traceroute sends UDP probes to ports 33434 and up, -U to one port (53), -I sends ICMP echoes; usage: { $usage }
invalid-traceroute-two-methods = -I and -U are two probe methods: pick one; usage: { $usage }
invalid-traceroute-icmp-port = -p sets the UDP probes' first port; ICMP probes (-I) have none here; usage: { $usage }
invalid-first-hop = first hop out of range: -f { $first } is above the { $max } hops max
invalid-traceroute6-icmp = traceroute -6 sends ICMPv6 probes here: add -I; usage: { $usage }
invalid-wait-needs = -w needs a wait in seconds, like -w 5 or -w 5,3,10
invalid-wait-range = -w { $value }: the wait must be 0–3600 seconds, like -w 5 or -w 5,3,10
invalid-wait-factor = -w { $value }: { $name } must be a whole number 0–100
invalid-wait-parts = -w { $value }: at most MAX,HERE,NEAR
invalid-curl-one-url = one URL at a time: unexpected { $value }; usage: { $usage }
invalid-curl-needs-url = curl needs a URL; usage: { $usage }
invalid-url-scheme = { $scheme }:// is not modelled: this lab's curl fetches http:// URLs only (in { $url })
invalid-url-ipv6 = { $url }: IPv6 addresses are not modelled; use an IPv4 address or a name
invalid-url-user = { $url }: user names in URLs are not modelled
invalid-url-port = the port in { $url } must be a number from 1 to 65535, not "{ $port }"
invalid-url-no-host = { $url } has no host: write it like http://www.example.com/ or http://10.0.0.2/
invalid-url-ipv4 = { $host } in { $url } is not an IPv4 address (four numbers 0–255 like 10.0.0.2)
invalid-url-name = { $host } in { $url } is not a host name like www.example.com
invalid-url-path = the path { $path } has characters a URL cannot carry unencoded
invalid-fdb-synopsis = bridge fdb flush dev PORT (or dev SWITCH for every port)
invalid-no-arguments = { $program } takes no arguments, not { $value }
invalid-ip-object = ip { $object } is not modelled; this lab runs { $commands }
invalid-device-name = "{ $value }" is not a device name
invalid-link-state = ip link set { $dev } { $state }: this lab models only down and up; usage: { $usage }
invalid-flush-arguments = Flush requires arguments; usage: { $usage }
invalid-route-needs-gateway = this lab's routes need a gateway; usage: { $usage }
invalid-addr-needs-prefix = { $value } needs its prefix length, like { $value }/24; usage: { $usage }
invalid-cannot-find-interface = Cannot find device "{ $dev }": { $device } has no interface { $dev } (it has { $ports })
invalid-cannot-find-port = Cannot find device "{ $dev }": { $device } has no port { $dev } (it has { $ports })
invalid-no-ip-stack-command = { $device } is a { $kind }: it has no IP stack, so `{ $command }` does not apply (switch commands: ip link set PORT down|up, bridge fdb flush dev PORT)
invalid-fdb-not-switch = { $device } is a { $kind }; bridge fdb flush runs on switches (a hub learns nothing)

# ip -6 during a run (issue 16).
invalid-ip6-object = ip -6 { $object } is not modelled; this lab runs { $commands }
invalid-route6-needs-gateway = this lab's routes need a gateway; usage: { $usage }
invalid-route6-gateway = { $value } is not an IPv6 address; usage: { $usage }
invalid-route6-not-a-gateway = { $value } cannot be a gateway
invalid-route6-link-local = { $value } is link-local: say which interface it is on (dev DEV); usage: { $usage }
invalid-addr6-needs-length = { $value } needs its prefix length, like { $value }/64; usage: { $usage }
