# Packet Lab's interface text: the panels (device and link editor, services, inspector, share
# dialog, embed, exercises, course, predict mode, sequence diagram, canvas). The shell's text
# is in app.ftl; see docs/languages.md. Program words (ip route, via, dev, REACHABLE), protocol
# field names, addresses and device names stay as they are.

## Device panel
# A device kind on the panel's badge and in the canvas's description of a device.
device-kind = { $kind ->
        [host] host
        [server] server
        [switch] switch
        [hub] hub
       *[router] router
    }
device-delete = Delete
device-done = Done
device-name = Name
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

## Share dialog, the question a shared link asks, a broken link
share-button = Share
share-title = Share this lab
share-note = The link holds the whole lab, at the current event. It never reaches a server: it is all after the #.
share-link = Link
share-copy-link = Copy link
share-embed = Embed in slides or a web page
share-autoplay = {" "}Start playing when shown
share-embed-code = Embed code
share-copy-embed = Copy embed code
share-presenting = Presenting
share-scale = Presenter scale (labels and packets)
share-scale-option = { $scale }%
share-replaced = A link replaced your lab earlier; it was kept.
share-restore = Restore my previous lab
share-close = Close
share-prompt-title = Open the shared lab?
# $title: share-quoted (the lab's name in quotes) or share-untitled.
share-prompt = This link holds { $title }, with { $devices } devices. Opening it replaces the lab you were working on; yours is kept, and “Restore my previous lab” in the Share dialog brings it back.
share-untitled = an untitled lab
share-quoted = “{ $name }”
share-open = Open the shared lab
share-keep = Keep mine
# $error: why the link is broken (the link reader's own sentence).
share-link-broken = This link could not be opened: { $error }. Here is the first example instead.
share-dismiss = Dismiss

## Embed mode
embed-label = Packet Lab: { $name }

## Exercise panel (the exercise's story, checks and hints come from the exercise file)
exercise-label = Exercise
exercise-number = Exercise { $number } of { $total }
exercise-teacher = Your teacher's exercise
exercise-solved = ✓ Solved
exercise-checks = { $passed } of { $total } checks pass
exercise-saw = What you just saw
exercise-cannot-run = This lab cannot run: { $error }
exercise-goal = Goal
# Read out before a check by screen readers.
exercise-passes = Passes:{" "}
exercise-fails = Fails:{" "}
exercise-why = Why did it fail?
exercise-hint = Hint { $number }:{" "}
exercise-show-hint = Show hint { $number } of { $total }
exercise-record = Attempts: { $attempts } · hints used: { $used } of { $total }
exercise-solved-before = {" "}· solved before
exercise-next = Next exercise →
exercise-link = Link
exercise-link-title = A link that opens this exercise (copy it to share)
exercise-leave = Leave exercise

## Course list
course-summary = Exercises · { $solved } of { $total } solved
course-solved-mark = ✓ solved
course-open-file = Open exercise file…
course-export = Export progress
course-import = Import progress…
course-dismiss = Dismiss

## Predict mode (the questions and their answers come from the engine)
predict-toggle = {" "}Predict
predict-toggle-title = Pause before each decision and guess what happens next
predict-label = Predict what happens next
predict-heading = Predict: what happens next?
predict-right = Right.{" "}
predict-not-quite = Not quite.{" "}
predict-answer-is = The answer is:{" "}
predict-continue = Continue ▶

## Sequence diagram, chapters, encapsulation (frame summaries come from the trace)
story-label = Sequence diagram
story-chapters = Chapters
# The chapters of a run, by number (each begins with its first frame of that kind).
story-chapter-title = { $number ->
        [1] Get an address
        [2] Find the gateway
        [3] Resolve the name
        [4] Connect
       *[5] Ask for the page
    }
# What a screen reader hears at each step: the chapter, then the event's sentence.
story-narration = { $title } (chapter { $number }): { $sentence }
story-hide = Hide:
story-noise-ack = TCP ACK-only
story-hidden = hidden: { $count ->
        [one] { $count } frame
       *[other] { $count } frames
    }
story-lanes = Lanes ({ $shown }/{ $total })
story-default-lanes = Every device the frames touch
story-export-svg = Export SVG
story-svg-title = Packet Lab: { $title }
story-sequence-label = Frames between devices, one row per frame
story-no-frames = No frames between these lanes.
story-encap-label = Encapsulation
story-encap-empty = Step to a frame to see its layers as boxes inside boxes.
story-encap-event = Encapsulation of event { $event }
story-encap-router = { $router } unwrapped the frame it received (event { $event }): not for its MAC, so it took the packet out, and wrapped it in a new frame for the next link.
# A layer's box across a router.
story-change = { $change ->
        [rewrapped] unwrapped and rewrapped
        [edited] edited by the router
       *[kept] carried unchanged
    }
story-layer-data = Data
story-layer-quoted = Quoted packet

## Canvas
canvas-label = Network canvas
canvas-diagram = Network diagram
canvas-empty = Empty lab: click or drag a device from the palette
# A device as assistive tools name it: its visible text (name, then " address" for each
# address, as $addresses), then its kind (device-kind).
canvas-device = { $name }{ $addresses } ({ $kind })
# A drop's mark at a device, in a few words (the event list's sentence says it in full).
canvas-drop = { $reason ->
        [not-my-mac] not my MAC
        [arp-not-for-me] ARP not for me
        [not-forwarding] host does not forward
        [ttl-expired] TTL expired
        [no-route] no route
        [arp-failed] ARP failed
        [arp-queue-full] ARP queue full
        [same-port] same port
        [queue-full] queue full
        [no-cable] no cable
        [link-down] link down
        [lost] lost on the cable
        [no-route-back] no route back
        [malformed] malformed
        [not-modelled] not modelled
        [rate-limited] rate-limited
        [no-listener] no listener
        [no-nat-port] no NAT port
        [port-not-forwarding] STP: port not forwarding
        [too-big] too big for the MTU
        [frag-needed] too big, DF set
       *[dropped] dropped
    }

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

## Port badges (STP roles and states stay the kernel's words)
canvas-stp-badge = { $device } { $port }: { $role } port, { $state }
canvas-vlan-access = { $device } { $port }: VLAN { $vlan } (untagged)
canvas-vlan-trunk = { $device } { $port }: trunk, VLANs { $tagged } tagged, { $vlan } untagged
