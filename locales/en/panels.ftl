# Packet Lab's interface text: the panels (share dialog, embed, exercises, course, predict
# mode, sequence diagram, canvas; the device and link editors, services and the inspector are
# in views.ftl). The shell's text is in app.ftl; see docs/languages.md. Program words (ip route, via, dev, REACHABLE), protocol
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
device-name = Name

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

## Port badges (STP roles and states stay the kernel's words)
canvas-stp-badge = { $device } { $port }: { $role } port, { $state }
canvas-vlan-access = { $device } { $port }: VLAN { $vlan } (untagged)
canvas-vlan-trunk = { $device } { $port }: trunk, VLANs { $tagged } tagged, { $vlan } untagged
