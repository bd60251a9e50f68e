# MTU (Issue 16): Pakete, zu groß für die nächste Leitung, Fragmente, Path MTU (engine/src/trace/mtu.rs).
explain-mtu-too-big-v6 = { $device } kann das { $size }-Byte-Paket nicht über { $interface } (MTU { $mtu }) weiterleiten: Ein IPv6-Router fragmentiert nie, also verwirft er das Paket und schickt ICMPv6 „packet too big“ mit MTU { $mtu } an den Absender zurück
explain-mtu-frag-needed = { $device } kann das { $size }-Byte-Paket nicht über { $interface } (MTU { $mtu }) weiterleiten: Sein Don't-Fragment-Bit ist gesetzt, also verwirft er es und schickt ICMP „fragmentation needed“ (Typ 3 Code 4) mit Next-Hop-MTU { $mtu } an den Absender zurück
explain-mtu-fragmented = { $device } teilt das { $size }-Byte-Paket in { $fragments } Fragmente zu höchstens { $mtu } Bytes über { $interface }{ $version ->
    [6] {" "}mit einem Fragment-Erweiterungsheader (nur die Quelle fragmentiert IPv6, RFC 8200 4.5)
   *[4] {" "}(Offsets in 8-Byte-Einheiten, More Fragments bei allen außer dem letzten gesetzt)
}
explain-mtu-reassembled = { $device } hat alle { $fragments } Fragmente und setzt das { $size }-Byte-{ $version }-Paket wieder zusammen
explain-mtu-path = { $device } erfährt von { $from }, dass der Weg zu { $destination } höchstens { $mtu } Bytes trägt: Es merkt sich diese Path MTU (10 Minuten lang) und teilt größere Pakete an { $destination } in Fragmente
