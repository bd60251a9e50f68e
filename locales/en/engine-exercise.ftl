# The exercises' goal checks: what each asks (Check::describe) and why it passed or failed
# (engine/src/exercise/evaluate.rs and check.rs).

check-ping-succeeds = ping from { $from } to { $to } succeeds
check-ping-fails = ping from { $from } to { $to } gets no answer
check-ping6-succeeds = ping -6 from { $from } to { $to } succeeds
check-arp-cache-has = { $device }'s ARP table holds { $ip }
check-arp-cache-has-mac = { $device }'s ARP table holds { $ip } with { $owner }'s MAC
check-receives = { $device } receives { $frames }
check-never-receives = { $device } never receives { $frames }
check-traceroute-hops = traceroute from { $from } to { $to } shows { $hops } hop(s)
check-leaves-via = the ping from { $from } to { $to } leaves { $device } { $way }
check-way-towards = towards { $device }
check-way-link = on link { $link }
check-lookup-succeeds = host { $name } on { $from } finds its address
check-page-loads = curl { $url } on { $from } loads the page
# Which frames a receives / never_receives check counts; several conditions are joined.
check-frame-to-mac-of = a frame addressed to { $device }'s MAC
check-packet-to = a packet addressed to { $address }
check-arp-for = the ARP request "Who has { $address }?"
check-frames-and = { $first } that is { $second }
# An address in a check that the student's lab does not have.
check-no-device = no device "{ $device }"
check-no-interface = { $device } has no interface "{ $interface }"
check-no-ip = { $address } has no IP address
check-no-ipv6 = { $address } has no static IPv6 address
# A teacher's exercise file whose goal names what its lab lacks (Check::validate); the path of
# the field (goal[2].from) is put before it.
check-no-ip-stack = { $device } is a { $kind }; it has no IP stack
check-hops-range = { $hops } is out of range (1–30)
check-which-frames = say which frames: frame_to_mac_of, addressed_to or arp_for
check-no-link = no link "{ $link }"
check-towards-or-link = give either towards (a device) or link
check-in-your-lab = { $problem } in your lab
check-cannot-run = the lab cannot run: { $error }
check-not-ip-device = { $device } is not a host or router in your lab
check-command-cannot-run = the check's command cannot run: { $error }
# The reason, then why the run stopped early (if it did), then a full stop.
check-why = { $why }{ $stopped }.
check-storm = {" "}(the run stopped in a broadcast storm on { $links })
check-event-budget = {" "}(the run stopped after { $events } events with frames still circulating: a loop of cables between switches makes a broadcast storm)
check-work-budget = {" "}(the run stopped at its work budget: { $work } units of work in { $events } events, with frames still being copied)
check-ping-no-send = { $from } could not send anything: "{ $line }"
check-ping-sent = { $from } sent { $sent } echo request(s) to { $target } and got { $got } { $got ->
        [one] reply
       *[other] replies
    }
check-ping-printed = { $counts }; it printed "{ $line }"
check-traceroute-reached = traceroute reached { $target } at hop { $hop }; the goal is { $hops }
check-traceroute-stopped = traceroute never reached { $target }: the last hop that answered was hop { $hop } ({ $addresses }), after it only * * *
check-traceroute-no-start = traceroute could not start: { $line }
check-traceroute-silent = traceroute never reached { $target }: no hop answered at all
check-never-left = the echo request to { $target } never left { $device }: it did not reach { $device }, or { $device } dropped it.
check-left-via = the echo request to { $target } left { $device } on link { $link }, towards { $next }.
check-lookup-answer = { $from } looked up { $name } and got { $addresses }
check-lookup-nxdomain = the DNS server answered that { $name } does not exist (NXDOMAIN)
check-lookup-timeout = no DNS server answered { $from }'s question about { $name }
check-lookup-timeout-asked = no DNS server answered { $from }'s question about { $name } (it asked { $server })
check-lookup-no-servers = { $from } has no DNS server to ask
check-lookup-no-address = the lookup of { $name } found no address ({ $outcome })
check-lookup-unfinished = the lookup of { $name } did not finish
check-curl-failed = curl failed: { $line }
check-page-fetched = { $from } fetched { $url }: 200 OK, { $bytes } bytes
check-page-status = the web server answered { $status } instead of the page
check-page-no-answer = curl { $url } on { $from } got no answer before the run ended
check-arp-held = { $device }'s ARP table holds { $ip } at { $mac } (from { $time }).
check-arp-wrong-mac = { $device }'s ARP table holds { $ip } at { $mac }, which is not { $owner }'s MAC.
check-arp-never = { $device }'s ARP table never held a MAC for { $ip }: no ARP exchange between them happened.
check-received = { $device } received { $count } such frame(s); the first at { $time } on { $port }: { $frame }.
check-received-none = { $device } received no frame that is { $frames } during the lab's run.
