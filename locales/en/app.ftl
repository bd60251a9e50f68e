# Packet Lab's interface text: the shell (header, status bar, toolbar, playback dock, event
# list, tables, terminal). Other views have their own files; see docs/languages.md.

## The language itself, as its speakers write it (the picker lists it so)
language-name = English

## Header
app-tagline = A network lab that runs in your browser
language-picker = Language
language-loading = Loading { $language }…
language-failed = { $language } could not be loaded (is the connection down?), so the interface stays as it was. Pick it again to retry.

## A view whose code is fetched when first drawn (src/split.rs)
split-failed = This part of Packet Lab could not be downloaded (is the connection down?). Your lab is kept: reload the page to try again.
split-reload = Reload

## Status bar
status-ready = Ready
status-starting = Starting…
status-scenario = { $title }: { $devices ->
        [one] { $devices } device
       *[other] { $devices } devices
    }, { $links ->
        [one] { $links } link
       *[other] { $links } links
    }
status-no-scenario = No scenario loaded

## Toolbar
toolbar-label = Lab
toolbar-new = New
toolbar-new-title = Start an empty lab
toolbar-load-example = Load example
toolbar-load-example-prompt = Load example…
toolbar-import = Import…
toolbar-import-title = Open a lab file (.json)
toolbar-export = Export
toolbar-export-title = Save the lab as a file
toolbar-undo = ↶ Undo
toolbar-undo-title = Undo (Ctrl+Z)
toolbar-redo = ↷ Redo
toolbar-redo-title = Redo (Shift+Ctrl+Z)
toolbar-select = Select
toolbar-select-title = Select and move devices (drag the background to pan, Shift-drag to select several)
toolbar-link = Link
toolbar-link-title = Draw cables: drag from one device to another
toolbar-delete = Delete
toolbar-delete-title = Delete the selection (Delete)
zoom-label = Zoom
zoom-in = Zoom in
zoom-out = Zoom out
zoom-fit = Fit
zoom-fit-title = Fit the lab in view

## Playback controls
playback-label = Playback
play-play = Play
play-pause = Pause
play-next = Next event
play-toggle-title = { $action } (Space)
play-rewind = Back to the start
play-step-back = Step back
play-step-back-title = Step back (←)
play-step-title = Next event (→)
play-speed = Speed
play-fit = whole run in about { $seconds } s
play-per-click = one event per click
play-event-count = event { $shown } / { $total }
play-rate-title = How much simulated time one second on screen shows here
play-idle = ⏩ idle
play-rate = 1 s = { $rate }

## Side panel
side-panel-label = Details
selection-heading = Selection
selection-count = { $devices ->
        [one] { $devices } device
       *[other] { $devices } devices
    }, { $links ->
        [one] { $links } link
       *[other] { $links } links
    } selected
selection-hint = Drag one of them to move them together; Delete removes them all.
selection-delete = Delete selection
lab-heading = Lab
lab-title = Lab title
lab-untitled = Untitled lab
lab-count = { $devices ->
        [one] { $devices } device
       *[other] { $devices } devices
    }, { $links ->
        [one] { $links } link
       *[other] { $links } links
    }
lab-select-hint = Select a device to edit its name, addresses and routes.
examples-heading = Examples

## Device kinds and the palette
kind-host = Host
kind-server = Server
kind-switch = Switch
kind-hub = Hub
kind-router = Router
palette-label = Add devices
palette-add = { $kind ->
        [host] Add a host
        [server] Add a server
        [switch] Add a switch
        [hub] Add a hub
       *[router] Add a router
    } (click, or drag onto the canvas)

## Tables (the programs' own words stay as Linux prints them: REACHABLE, via, dev)
tables-label = Tables
tables-now = Tables now
table-hub = A hub keeps no table: it repeats every frame.
table-arp = ARP cache (ip neigh)
table-empty = empty
table-mac = MAC table
table-mac-empty = empty: nothing learned yet
table-powered-off = powered off
table-ports-down = down: { $ports }
table-routes = Routing table (ip route)
table-routes-empty = empty: no route
table-client-lease = DHCP lease (dhclient)
table-server-leases = DHCP leases (dnsmasq.leases)
table-dns = Name lookups (resolver)
table-sockets = TCP sockets (ss -tan)
table-conntrack = NAT: connection tracking (conntrack -L)
col-ip = IP
col-mac = MAC
col-vlan = VLAN
col-dev = dev
col-dns = DNS
col-proto = proto
col-state = state
col-port = port
col-address = address
col-router = router
col-lease = lease
col-host = host
col-expires = expires
col-name = name
col-answer = answer
col-local = local
col-peer = peer
col-original = original
col-reply = reply

## Event list, terminal, command form, scrubber
events-label = Events
events-device-filter = Show events of
events-all-devices = all devices
events-kinds = Show event kinds
events-empty = Press Play (or →) to watch the first frame leave.
terminal-label = Terminal
terminal-output = Terminal output
terminal-empty = Output of ping and traceroute appears here as the frames arrive.
cmd-label = Run a command
cmd-device = On device
cmd-kind = Command
cmd-frame = send one frame (ping -c 1)
cmd-line = type a command (ip, bridge, poweroff…)
cmd-target = Destination address or name, or the command line
cmd-run = Run
timeline-label = Timeline: events shown

## The canvas's first-visit hints, notices, the playback dock
visit-example = ▶ Visit example.com
hint-press = Press{" "}
hint-play = ▶ Play
hint-rest = {" "}below to watch this lab's frames move, one by one.
dismiss = Dismiss
story-toggle = Sequence diagram
story-filters-on = {" "}· filters on
run-stopped = Stopped: { $error }
run-again = Run again
run-error = This lab cannot run: { $error }
run-progress = Running the lab… { $events } events so far
booting = Opening the lab…
engine-loading = Loading the packet engine… the lab runs as soon as it is here
run-budget = Share of the run's work budget used
cancel = Cancel

## Spanning tree table (roles and states stay the kernel's words: root, designated, forwarding)
table-stp = Spanning tree (STP)
stp-this-bridge = this bridge
stp-root-via = { $root } via { $port }, cost { $cost }
stp-bridge-id = bridge id
stp-root = root
stp-topology-change = topology change: MACs age after 15 s
stp-role = role

## What if? (issue 18)
whatif-button = What if…?
whatif-button-title = Change one thing in a copy of this lab and compare the two runs side by side
whatif-keep-variant = Keep the variant
whatif-keep-variant-title = Leave the comparison with the changed lab
whatif-keep-original = Keep the original
whatif-keep-original-title = Leave the comparison and go back to the lab as it was
whatif-editing = Editing the what-if variant — Run to compare.
whatif-editing-hint = {" "}Change one thing (a mask, a gateway, a route, a cable, a command), then compare the two runs.
whatif-compare = ▶ Run to compare
whatif-cannot-run = The variant cannot run: { $error }
whatif-running = Running the variant…
whatif-jump = Jump to divergence
whatif-change = Change the variant
whatif-events = Events — what if
whatif-tables = Tables — what if
whatif-events-original = Events — original
whatif-tables-original = Tables — original
whatif-col-field = Field
whatif-col-original = Original
whatif-col-variant = What if
whatif-at-step-original = At this step: original —{" "}
whatif-at-step-variant = what if —{" "}
whatif-no-event = One of the runs has no event at this step.
whatif-same-frame = The same frame in both runs.
whatif-frame-diff = Compared with the original run

## IPv6 tables (issue 16)
table-addr6 = IPv6 addresses (ip -6 addr)
table-ndp = IPv6 neighbours (ip -6 neigh)
table-routes6 = IPv6 routes (ip -6 route)
col-ipv6 = IPv6
