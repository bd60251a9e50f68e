#!/usr/bin/env bash
# Decode every pcap the engine writes with tshark and fail on anything a real
# Wireshark would flag: malformed packets, expert errors, bad IPv4 or ICMP
# checksums (including the headers quoted inside ICMP errors). Also checks that
# each link's pcap holds exactly the frames the trace says were sent on it.
#
# Usage: scripts/check-pcaps.sh [SCENARIO.json ...]   (default: scenarios/*.json)
# Needs: tshark (Debian package `tshark`), and jq or python3 to read trace.json.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tshark >/dev/null; then
    echo "check-pcaps: tshark not found (Debian: apt-get install tshark)" >&2
    exit 1
fi

# Frames per link according to trace.json, as "link<TAB>count" lines.
frames_per_link() {
    if command -v jq >/dev/null; then
        jq -r '[.events[] | select(.type == "FrameSent") | .link] | group_by(.) | .[] | "\(.[0])\t\(length)"' "$1"
    elif command -v python3 >/dev/null; then
        python3 -c '
import collections, json, sys
c = collections.Counter(e["link"] for e in json.load(open(sys.argv[1]))["events"] if e.get("type") == "FrameSent")
for link, n in sorted(c.items()): print(f"{link}\t{n}")' "$1"
    else
        echo "check-pcaps: need jq or python3 to read trace.json" >&2
        exit 1
    fi
}

if [ "$#" -gt 0 ]; then scenarios=("$@"); else scenarios=(scenarios/*.json); fi
if [ ! -e "${scenarios[0]}" ]; then
    echo "check-pcaps: no scenarios found (looked for scenarios/*.json)" >&2
    exit 1
fi

cargo build --release -q -p packet-engine --bin packet-lab-run
runner=target/release/packet-lab-run

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# What tshark must not find. Checksum status 0 is "Bad". Wireshark reports a
# bad ICMP checksum only as a warning, so the status fields are checked directly.
filter='_ws.malformed || _ws.expert.severity >= error || ip.checksum.status == 0 || icmp.checksum.status == 0'

# Prints "frame|expert messages" for every frame tshark flags; fails if tshark
# cannot read the file.
flagged_frames() {
    tshark -n -r "$1" -o ip.check_checksum:TRUE -Y "$filter" \
        -T fields -E separator='|' -e frame.number -e _ws.expert.message 2>"$tmp/tshark.err"
}

# Self-test: a fixture with a good ARP reply, a bad ICMP checksum, a bad IPv4
# checksum and a truncated datagram must be flagged at exactly frames 2, 3, 4.
# This catches a tshark whose field names or preferences differ, which would
# otherwise make every check pass silently.
selftest=$(flagged_frames scripts/testdata/known-bad.pcap | cut -d'|' -f1 | tr '\n' ' ')
if [ "$selftest" != "2 3 4 " ]; then
    echo "check-pcaps: self-test failed: tshark flagged frames '$selftest' of scripts/testdata/known-bad.pcap, expected '2 3 4 '" >&2
    cat "$tmp/tshark.err" >&2
    exit 1
fi

failures=0 n_scenarios=0 n_pcaps=0 n_frames=0
for scenario in "${scenarios[@]}"; do
    name=$(basename "$scenario" .json)
    out="$tmp/$name"
    if ! "$runner" "$scenario" --out "$out" >"$tmp/$name.stdout" 2>"$tmp/$name.stderr"; then
        echo "FAIL $scenario: packet-lab-run failed:" >&2
        cat "$tmp/$name.stderr" >&2
        failures=$((failures + 1))
        continue
    fi
    n_scenarios=$((n_scenarios + 1))
    expected=$(frames_per_link "$out/trace.json")
    for pcap in "$out"/*.pcap; do
        [ -e "$pcap" ] || continue
        link=$(basename "$pcap" .pcap)
        n_pcaps=$((n_pcaps + 1))
        if ! bad=$(flagged_frames "$pcap"); then
            echo "FAIL $scenario: tshark cannot read $link.pcap:" >&2
            grep -v "Running as user" "$tmp/tshark.err" >&2 || true
            failures=$((failures + 1))
            continue
        fi
        if [ -n "$bad" ]; then
            while IFS='|' read -r frame messages; do
                echo "FAIL $scenario: $link.pcap frame $frame: $messages" >&2
                tshark -n -r "$pcap" -Y "frame.number == $frame" 2>/dev/null | sed 's/^/    /' >&2
            done <<<"$bad"
            failures=$((failures + 1))
        fi
        got=$(tshark -n -r "$pcap" -T fields -e frame.number 2>/dev/null | wc -l)
        want=$(printf '%s\n' "$expected" | awk -F'\t' -v l="$link" '$1 == l { print $2 }')
        want=${want:-0}
        if [ "$got" -ne "$want" ]; then
            echo "FAIL $scenario: $link.pcap has $got frames, the trace sent $want on link $link" >&2
            failures=$((failures + 1))
        fi
        n_frames=$((n_frames + got))
    done
done

# The DHCP and DNS examples (issue 11, phase 2): the same frames from a whole
# run; UDP checksums checked too, and tshark must see the four DHCP messages
# on the laptop's link (and the DNS queries and answers in name-lookup).
for name in home-dhcp name-lookup; do
    out="$tmp/$name"
    [ -d "$out" ] || continue
    l1="$out/l1.pcap"
    bad=$(tshark -n -r "$l1" -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE \
        -Y "$filter || udp.checksum.status == 0 || _ws.expert.severity >= warning" -T fields -E separator='|' \
        -e frame.number -e _ws.expert.message 2>/dev/null) || { echo "FAIL: tshark cannot read $l1" >&2; failures=$((failures + 1)); }
    if [ -n "$bad" ]; then
        echo "FAIL $name l1.pcap: tshark flags frames: $bad" >&2
        failures=$((failures + 1))
    fi
    n_dhcp=$(tshark -n -r "$l1" -Y dhcp -T fields -e frame.number 2>/dev/null | wc -l)
    n_dns=$(tshark -n -r "$l1" -Y dns -T fields -e frame.number 2>/dev/null | wc -l)
    want_dns=0
    [ "$name" = name-lookup ] && want_dns=8
    if [ "$n_dhcp" -ne 4 ] || [ "$n_dns" -ne "$want_dns" ]; then
        echo "FAIL $name l1.pcap: tshark sees $n_dhcp DHCP and $n_dns DNS frames (want 4 and $want_dns)" >&2
        failures=$((failures + 1))
    fi
done

# The TCP/HTTP examples (issue 12, phase 2): whole runs with curl and the web
# server. TCP and UDP checksums checked, and no TCP analysis flag or expert
# warning; fetch-page's laptop link must show the 10 segments of one GET and
# one 200 (lost-syn's 11: the lost SYN is in the sender's capture), connection-refused's one RST|ACK (tshark's "Connection reset (RST)"
# note is the only warning allowed there: it is what a refusal looks like).
for name in fetch-page connection-refused lost-syn; do
    out="$tmp/$name"
    [ -d "$out" ] || continue
    for pcap in "$out"/*.pcap; do
        allow="" flags="tcp.analysis.flags"
        [ "$name" = connection-refused ] && allow=" && !tcp.connection.rst"
        # lost-syn: the SYN the cable lost is in the sender's capture, so the second
        # one is a retransmission there (and nothing else may be flagged).
        [ "$name" = lost-syn ] && allow=" && !tcp.analysis.retransmission" flags="(tcp.analysis.flags && !tcp.analysis.retransmission)"
        bad=$(tshark -n -r "$pcap" -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE -o tcp.check_checksum:TRUE \
            -o tcp.analyze_sequence_numbers:TRUE \
            -Y "$filter || udp.checksum.status == 0 || tcp.checksum.status == 0 || $flags || (_ws.expert.severity >= warning$allow)" \
            -T fields -E separator='|' -e frame.number -e _ws.expert.message 2>/dev/null) || { echo "FAIL: tshark cannot read $pcap" >&2; failures=$((failures + 1)); }
        if [ -n "$bad" ]; then
            echo "FAIL $name $(basename "$pcap"): tshark flags frames: $bad" >&2
            failures=$((failures + 1))
        fi
    done
    l1="$out/l1.pcap"
    n_tcp=$(tshark -n -r "$l1" -Y tcp -T fields -e frame.number 2>/dev/null | wc -l)
    n_get=$(tshark -n -r "$l1" -Y 'http.request.method == "GET"' -T fields -e frame.number 2>/dev/null | wc -l)
    n_ok=$(tshark -n -r "$l1" -Y 'http.response.code == 200' -T fields -e frame.number 2>/dev/null | wc -l)
    n_rst=$(tshark -n -r "$l1" -Y 'tcp.flags.reset == 1' -T fields -e frame.number 2>/dev/null | wc -l)
    want="10 1 1 0"
    [ "$name" = connection-refused ] && want="2 0 0 1"
    [ "$name" = lost-syn ] && want="11 1 1 0"
    if [ "$n_tcp $n_get $n_ok $n_rst" != "$want" ]; then
        echo "FAIL $name l1.pcap: tshark sees TCP/GET/200/RST $n_tcp $n_get $n_ok $n_rst (want $want)" >&2
        failures=$((failures + 1))
    fi
done

# The UDP/DHCP/DNS protocol capture (issue 11): a DHCP exchange and DNS lookups
# assembled from the engine's dhclient, dnsmasq and resolver models by the
# dhcp_dns_pcap example. Same filter plus UDP checksums; tshark must see the
# four DHCP messages and the DNS traffic as such.
cargo run --release -q -p packet-engine --example dhcp_dns_pcap -- "$tmp/proto" >/dev/null
proto="$tmp/proto/dhcp-dns.pcap"
n_pcaps=$((n_pcaps + 1))
bad=$(tshark -n -r "$proto" -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE \
    -Y "$filter || udp.checksum.status == 0" -T fields -E separator='|' \
    -e frame.number -e _ws.expert.message 2>/dev/null) || { echo "FAIL: tshark cannot read $proto" >&2; failures=$((failures + 1)); }
if [ -n "$bad" ]; then
    echo "FAIL dhcp-dns.pcap: tshark flags frames: $bad" >&2
    failures=$((failures + 1))
fi
n_dhcp=$(tshark -n -r "$proto" -Y dhcp -T fields -e frame.number 2>/dev/null | wc -l)
n_dns=$(tshark -n -r "$proto" -Y dns -T fields -e frame.number 2>/dev/null | wc -l)
if [ "$n_dhcp" -ne 4 ] || [ "$n_dns" -lt 10 ]; then
    echo "FAIL dhcp-dns.pcap: tshark sees $n_dhcp DHCP and $n_dns DNS frames (want 4 and at least 10)" >&2
    failures=$((failures + 1))
fi
n_frames=$((n_frames + $(tshark -n -r "$proto" -T fields -e frame.number 2>/dev/null | wc -l)))

# The TCP/HTTP/NAT capture (issue 12): `curl -v http://example.com/` through a
# MASQUERADE router, captured inside and outside by the visit_pcap example.
# Same filter plus TCP/UDP checksums and any TCP analysis flag ("ACKed unseen
# segment", "previous segment not captured", retransmission, dup ACK, ...) or
# expert warning; each side must show the 10 TCP segments, one GET and one 200.
cargo run --release -q -p packet-engine --example visit_pcap -- "$tmp/visit" >/dev/null 2>"$tmp/visit.stderr"
# The engine's Info column (summarize_conversation, printed by the example as
# "  N text") must read as tshark's, up to tshark's padding spaces.
ours=$(grep -E '^ *[0-9]+ ' "$tmp/visit.stderr" | sed -E 's/^ *[0-9]+ //; s/ +/ /g; s/ $//')
theirs=$(tshark -n -r "$tmp/visit/visit-inside.pcap" -T fields -e _ws.col.Info 2>/dev/null | sed -E 's/ +/ /g; s/ $//')
if [ "$ours" != "$theirs" ]; then
    echo "FAIL visit-inside.pcap: the engine's summaries differ from tshark's Info column:" >&2
    diff <(printf '%s\n' "$ours") <(printf '%s\n' "$theirs") >&2 || true
    failures=$((failures + 1))
fi
for side in inside outside; do
    visit="$tmp/visit/visit-$side.pcap"
    n_pcaps=$((n_pcaps + 1))
    bad=$(tshark -n -r "$visit" -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE -o tcp.check_checksum:TRUE \
        -o tcp.analyze_sequence_numbers:TRUE \
        -Y "$filter || udp.checksum.status == 0 || tcp.checksum.status == 0 || tcp.analysis.flags || _ws.expert.severity >= warning" \
        -T fields -E separator='|' -e frame.number -e _ws.expert.message 2>/dev/null) || { echo "FAIL: tshark cannot read $visit" >&2; failures=$((failures + 1)); }
    if [ -n "$bad" ]; then
        echo "FAIL visit-$side.pcap: tshark flags frames: $bad" >&2
        failures=$((failures + 1))
    fi
    n_tcp=$(tshark -n -r "$visit" -Y tcp -T fields -e frame.number 2>/dev/null | wc -l)
    n_get=$(tshark -n -r "$visit" -Y 'http.request.method == "GET"' -T fields -e frame.number 2>/dev/null | wc -l)
    n_ok=$(tshark -n -r "$visit" -Y 'http.response.code == 200' -T fields -e frame.number 2>/dev/null | wc -l)
    if [ "$n_tcp" -ne 10 ] || [ "$n_get" -ne 1 ] || [ "$n_ok" -ne 1 ]; then
        echo "FAIL visit-$side.pcap: tshark sees $n_tcp TCP, $n_get GET, $n_ok 200 (want 10, 1, 1)" >&2
        failures=$((failures + 1))
    fi
    n_frames=$((n_frames + $(tshark -n -r "$visit" -T fields -e frame.number 2>/dev/null | wc -l)))
done

# A lost segment (issue 12): the tcp_loss_pcap example drops the server's
# second data segment. Expected: "previous segment not captured", duplicate
# ACKs with SACK blocks, one (fast) retransmission, the page reassembled.
# Not allowed: anything tshark calls malformed, bad checksums, ACKed unseen
# segments, spurious retransmissions, window problems or out-of-order data.
cargo run --release -q -p packet-engine --example tcp_loss_pcap -- "$tmp/loss" >/dev/null 2>&1
loss="$tmp/loss/tcp-loss.pcap"
n_pcaps=$((n_pcaps + 1))
bad=$(tshark -n -r "$loss" -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -o tcp.analyze_sequence_numbers:TRUE \
    -Y "$filter || tcp.checksum.status == 0 || tcp.analysis.ack_lost_segment || tcp.analysis.spurious_retransmission || tcp.analysis.out_of_order || tcp.analysis.window_update || tcp.analysis.zero_window || tcp.analysis.window_full || tcp.analysis.reused_ports" \
    -T fields -E separator='|' -e frame.number -e _ws.expert.message 2>/dev/null) || { echo "FAIL: tshark cannot read $loss" >&2; failures=$((failures + 1)); }
if [ -n "$bad" ]; then
    echo "FAIL tcp-loss.pcap: tshark flags frames: $bad" >&2
    failures=$((failures + 1))
fi
n_sack=$(tshark -n -r "$loss" -Y 'tcp.options.sack_le' -T fields -e frame.number 2>/dev/null | wc -l)
n_rtx=$(tshark -n -r "$loss" -Y 'tcp.analysis.retransmission || tcp.analysis.fast_retransmission' -T fields -e frame.number 2>/dev/null | wc -l)
n_ok=$(tshark -n -r "$loss" -Y 'http.response.code == 200' -T fields -e frame.number 2>/dev/null | wc -l)
if [ "$n_sack" -lt 1 ] || [ "$n_rtx" -ne 1 ] || [ "$n_ok" -ne 1 ]; then
    echo "FAIL tcp-loss.pcap: tshark sees $n_sack SACK ACKs, $n_rtx retransmissions, $n_ok 200 (want >= 1, 1, 1)" >&2
    failures=$((failures + 1))
fi
n_frames=$((n_frames + $(tshark -n -r "$loss" -T fields -e frame.number 2>/dev/null | wc -l)))

if [ "$failures" -gt 0 ]; then
    echo "check-pcaps: $failures failure(s) in $n_scenarios scenario(s), $n_pcaps pcap(s), $n_frames frame(s)" >&2
    exit 1
fi
echo "check-pcaps: ok: $n_scenarios scenario(s), $n_pcaps pcap(s), $n_frames frame(s) decoded by tshark with no malformed packet, no expert error, no bad checksum; frame counts match the trace"
