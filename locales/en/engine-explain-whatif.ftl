# The what-if sentence: where two runs of a lab first part, and why (engine/src/trace/diverge.rs).
# A change phrase opens the sentence when $start is "yes" (capitalised then).

explain-whatif-mask = { $start ->
        [yes] With
       *[other] with
    } { $address } on { $device } (instead of /{ $old_len })
explain-whatif-address = { $start ->
        [yes] With
       *[other] with
    } { $address } on { $device } (instead of { $old })
explain-whatif-address-added = { $start ->
        [yes] With
       *[other] with
    } { $address } on { $device } { $interface }
explain-whatif-address-removed = { $start ->
        [yes] Without
       *[other] without
    } { $address } on { $device } { $interface }
explain-whatif-interface-changed = { $start ->
        [yes] With
       *[other] with
    } { $device } { $interface } changed
explain-whatif-gateway = { $start ->
        [yes] With
       *[other] with
    } gateway { $gateway } on { $device } (instead of { $old })
explain-whatif-gateway-added = { $start ->
        [yes] With
       *[other] with
    } gateway { $gateway } on { $device }
explain-whatif-gateway-removed = { $start ->
        [yes] Without
       *[other] without
    } the gateway { $gateway } on { $device }
explain-whatif-gateway-changed = { $start ->
        [yes] With
       *[other] with
    } { $device }'s gateway changed
explain-whatif-route-added = { $start ->
        [yes] With
       *[other] with
    } the route { $prefix } via { $via } on { $device }
explain-whatif-route-removed = { $start ->
        [yes] Without
       *[other] without
    } the route { $prefix } via { $via } on { $device }
explain-whatif-cable-added = { $start ->
        [yes] With
       *[other] with
    } the cable { $link } plugged in
explain-whatif-cable-removed = { $start ->
        [yes] Without
       *[other] without
    } the cable { $link }
explain-whatif-cable-changed = { $start ->
        [yes] With
       *[other] with
    } the cable { $link } changed
explain-whatif-device-added = { $start ->
        [yes] With
       *[other] with
    } { $device } added
explain-whatif-device-removed = { $start ->
        [yes] Without
       *[other] without
    } { $device }
explain-whatif-command-added = { $start ->
        [yes] With
       *[other] with
    } `{ $command }` at { $at }
explain-whatif-command-removed = { $start ->
        [yes] Without
       *[other] without
    } `{ $command }`
explain-whatif-device-changed = { $start ->
        [yes] With
       *[other] with
    } { $device }'s settings changed
explain-whatif-options = { $start ->
        [yes] With
       *[other] with
    } the run options changed
explain-whatif-same-lab = With the same lab
explain-whatif-two-changes = { $first } and { $second }
explain-whatif-more-changes = { $first }, { $second } and { $count } more change(s)

# The whole sentence: $cause is the change phrase(s), $what the first difference.
explain-whatif-identical = The two runs are the same: nothing in the lab changed.
explain-whatif-no-effect = { $cause }, the run is the same: nothing this run does depends on it.
explain-whatif-differs = { $cause }, { $what }.

# The first difference.
explain-whatif-now-same-network = { $device } and { $peer } are on the same network, so { $device } ARPs for { $peer } directly instead of for its gateway { $gateway }
explain-whatif-now-other-network-gateway = { $peer } is not on { $device }'s network any more, so { $device } ARPs for its gateway { $gateway } instead of for { $peer } directly
explain-whatif-now-other-network-router = { $peer } is not on { $device }'s network any more, so { $device } ARPs for the router { $router } instead of for { $peer } directly
explain-whatif-other-hop = { $device } sends the packet for { $dst } { $now } instead of { $before }
explain-whatif-route-lost = { $device } has no route to { $dst } (it is not on { $device }'s network and no route covers it), so the packet goes nowhere instead of { $before }
explain-whatif-route-found = { $device } now has a route to { $dst }: the packet goes { $now } instead of nowhere
explain-whatif-route-other = { $device } decides differently about { $dst }
# Where a packet goes, after "sends the packet for … ".
explain-whatif-hop-direct = straight to { $peer } on { $interface }
explain-whatif-hop-gateway = to its gateway { $gateway }
explain-whatif-hop-route = through { $router } (route { $prefix })
explain-whatif-switch = { $device } sends { $frame } from { $in_port } out of { $now } instead of { $before }
explain-whatif-switch-why = { $device } sends { $frame } from { $in_port } out of { $now } instead of { $before }: { $why }
explain-whatif-the-frame = the frame
explain-whatif-no-port = no port
explain-whatif-port-no-cable = { $port } has no cable
explain-whatif-port-down = { $port } is down (no carrier: its cable's far end went down)
# $now and $before are the program's own output lines.
explain-whatif-output = `{ $command }` prints “{ $now }” instead of “{ $before }”
explain-whatif-output-unreachable = { $reach }, so `{ $command }` prints “{ $now }” instead of “{ $before }”
explain-whatif-unreachable = { $target } is not on { $device }'s network ({ $networks }) and { $device } has no gateway or route to it
explain-whatif-no-address = it has no address
explain-whatif-both = { $variant }, where in the original { $original }
explain-whatif-variant-ended = the variant's run has ended where the original goes on: { $original }
explain-whatif-original-ended = the original run has ended where the variant goes on: { $variant }
explain-whatif-runs-same = the runs are the same
# One event as a short clause.
explain-whatif-quoted = “{ $text }”
explain-whatif-clause-sent = { $device } sends { $frame } to { $to }
explain-whatif-clause-received = { $device } receives { $frame }
explain-whatif-clause-dropped = { $device } drops { $frame }: { $reason }
explain-whatif-clause-thrown-away = { $device } throws away { $packet }: { $reason }
explain-whatif-packet-for = a packet for { $dst }
explain-whatif-a-packet = a packet
explain-whatif-clause-route = { $device } sends the packet for { $dst } { $hop }
explain-whatif-clause-no-route = { $device } has no route to { $dst }
explain-whatif-clause-arp = { $device }'s ARP entry for { $ip } becomes { $state }
explain-whatif-clause-output = `{ $command }` prints “{ $line }”
explain-whatif-clause-event = { $event }
