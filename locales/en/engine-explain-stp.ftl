# The sentences of spanning-tree and configuration events (engine/src/trace/stp.rs, config.rs).
# Port states (listening, learning, forwarding, blocking, disabled) are the Linux bridge's words;
# $role is root, designated or alternate; bridge ids look like 8000.02a1b2c3d4e5; costs are text.

explain-stp-bridge-id = bridge { $id }
explain-stp-was = {" "}(was { $state })
explain-stp-root-bridge = { $device } believes it is the root bridge: no BPDU it heard names a lower bridge id than its own { $bridge }. It sends a configuration BPDU every 2 s (hello time) out of its designated ports.
explain-stp-accepts-root = { $device } accepts { $root } ({ $root_id }) as the root bridge: its id is lower than { $device }'s own { $bridge }. { $device }'s best path to it leaves through { $port } and costs { $cost }.
explain-stp-why-root = its best path to the root now leaves through { $port } and costs { $cost }
explain-stp-why-designated = it now offers the best path to the root on this cable (cost { $cost })
explain-stp-role-changed = { $device }/{ $port } turns from { $before } into the { $role } port and stays { $state }: { $why }.
explain-stp-disabled = { $device }/{ $port } is disabled{ $was }: without carrier it takes no part in the spanning tree.
explain-stp-cmp-cheaper = its own path to the root costs { $cost }, { $other }'s costs { $other_cost }
explain-stp-cmp-tie = { $device } and { $other } both reach the root at cost { $cost }, and { $other }'s bridge id { $other_id } is lower than { $device }'s { $bridge }
explain-stp-cmp-elsewhere = { $other } offers the root on this cable (cost { $other_cost }) and { $device } already has its root port elsewhere
explain-stp-blocks = { $device } blocks { $port }{ $was }: { $why }, so { $other } serves this cable and { $device } drops every frame but BPDUs there. That breaks the loop.
explain-stp-forwarding = { $device }/{ $port } ({ $role } port) is forwarding{ $was }: after two forward delays (15 s listening, 15 s learning) it learns MACs and forwards frames.
explain-stp-learning = { $device }/{ $port } ({ $role } port) is learning{ $was }: for one forward delay (15 s) it learns source MACs but forwards nothing yet.
explain-stp-root-port = { $device }/{ $port } is the root port{ $was }: { $device }'s best path to the root ({ $cost } = { $other_cost } from the next bridge + { $path_cost } for this cable). It is { $state }; after 15 s listening and 15 s learning it forwards.
explain-stp-designated-port = { $device }/{ $port } is a designated port{ $was }: { $device } offers the best path to the root on this cable (cost { $cost }). It is { $state }; after 15 s listening and 15 s learning it forwards.
explain-stp-tc-on = { $device } learns that the topology changed (a port started or stopped forwarding): for a while it ages MACs after 15 s (forward delay) instead of 300 s, so stale entries go quickly.
explain-stp-tc-off = The topology change is over for { $device }: MACs age after 300 s again.

# Configuration changes during a run.
explain-link-set-down = { $device } sets { $port } down (ip link set { $port } down): nothing goes in or out of { $port }, and the far end of its cable loses carrier. A host or router also drops every route through { $port } and its ARP entries there.
explain-link-set-up = { $device } sets { $port } up (ip link set { $port } up): the far end of its cable regains carrier. A host or router gets the connected route of { $port }'s address back, but not the routes through a gateway that went when it was set down (ip route add them again).
explain-link-carrier-lost = { $device }/{ $port } loses carrier because { $peer }/{ $peer_port } at the other end of the cable went down.
explain-link-carrier-back = { $device }/{ $port } regains carrier because { $peer }/{ $peer_port } at the other end of the cable came up.
explain-link-power-off = { $device }/{ $port } goes dark: { $device } is off.
explain-link-power-on = { $device }/{ $port } comes up as { $device } boots.
# Why a table was flushed: the end of "… because <this>".
explain-flush-command = it was told to (flush command)
explain-flush-link-down = { $port } went down
explain-flush-carrier-lost = { $port } lost carrier (the far end of its cable went down)
explain-flush-address-removed = { $port } lost its address
explain-flush-power-off = it was powered off
explain-flush-the-switch = the switch
explain-mac-flushed = { $device } forgets the MACs of { $port } because { $why }: { $macs }. Frames for them are flooded until they are learned again.
explain-mac-flushed-all = { $device } forgets the MACs of every port because { $why }: { $macs }. Frames for them are flooded until they are learned again.
explain-arp-flushed = { $device } forgets its ARP entries on { $interface } because { $why }: { $ips }. The next packet to them starts with an ARP request.
explain-address-added = { $device }/{ $interface } now has { $address } (ip addr add) and a connected route to { $network }; Linux announces nothing (arp_notify = 0), so neighbours keep their old entries until they ask.
explain-address-removed = { $device }/{ $interface } no longer has { $address } (ip addr del): its routes through { $interface } go with it.
explain-address-none = { $device }/{ $interface } has no address.
explain-power-on = { $device } is powered on: it boots with the configuration of the lab file (tables empty, dhclient and services started again).
explain-power-off = { $device } is powered off: every port goes dark, every table and running program is gone.

# An event that has no sentence of its own.
explain-nothing = {""}
