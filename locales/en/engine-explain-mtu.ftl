# MTU (issue 16): packets too big for the next link, fragments, path MTU (engine/src/trace/mtu.rs).
explain-mtu-too-big-v6 = { $device } cannot forward the { $size }-byte packet out { $interface } (MTU { $mtu }): an IPv6 router never fragments, so it drops the packet and sends ICMPv6 "packet too big" with MTU { $mtu } back to the sender
explain-mtu-frag-needed = { $device } cannot forward the { $size }-byte packet out { $interface } (MTU { $mtu }): its Don't Fragment bit is set, so it drops it and sends ICMP "fragmentation needed" (type 3 code 4) with next-hop MTU { $mtu } back to the sender
explain-mtu-fragmented = { $device } splits the { $size }-byte packet into { $fragments } fragments of at most { $mtu } bytes out { $interface }{ $version ->
    [6] {" "}with a Fragment extension header (only the source fragments IPv6, RFC 8200 4.5)
   *[4] {" "}(offsets in 8-byte units, More Fragments set on all but the last)
}
explain-mtu-reassembled = { $device } has all { $fragments } fragments and puts the { $size }-byte { $version } packet back together
explain-mtu-path = { $device } learns from { $from } that the path to { $destination } carries at most { $mtu } bytes: it remembers this path MTU (for 10 minutes) and splits larger packets to { $destination } into fragments
