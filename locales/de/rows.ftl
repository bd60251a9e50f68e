## Die einzeiligen Zeilen der Ereignisliste (src/playback/events.rs).

row-routes-installed = { $count ->
        [one] { $count } Route eingetragen
       *[other] { $count } Routen eingetragen
    }
row-received = empfangen: { $frame }
row-dropped = verworfen: { $frame }
row-packet-dropped = Paket verworfen
row-forward = weiterleiten { $from } → { $to }
row-flood = fluten { $from } → { $ports }
row-flood-nowhere = fluten { $from } → nirgendwohin
row-mac-learned = lerne { $mac } an { $port }
row-mac-aged = vergiss { $mac } an { $port }
row-route = Route nach { $destination }: nächster Hop { $hop }
row-no-route = keine Route nach { $destination }
row-neighbor = { $ip } → { $state }
row-ipv6-address = { $address } { $state }
row-ipv6-routes = { $count ->
        [one] { $count } IPv6-Route
       *[other] { $count } IPv6-Routen
    }
row-ra = RA von { $router }
row-ra-prefix = RA von { $router }: { $prefix }
row-ipv6-down = { $interface }: IPv6-Adressen gelöscht
row-ipv6-neighbors-flushed = { $interface }: { $count ->
        [one] { $count } IPv6-Nachbar gelöscht
       *[other] { $count } IPv6-Nachbarn gelöscht
    }
row-address-removed = { $interface }: { $address } entfernt
row-default-router-expired = Standardroute über { $router } abgelaufen
row-icmp6-error = { $error } → { $to }
row-icmp6-error-held = { $error } → { $to } (Rate begrenzt)
row-icmp-error = ICMP { $error } → { $to }
row-icmp-error-held = ICMP { $error } → { $to } (Rate begrenzt)
row-dhcp-via = {" "}über { $router }
row-dhcp-dns = , DNS { $servers }
row-dhcpack = DHCPACK: { $address }{ $via }{ $dns } an { $interface }, Lease { $seconds } s
row-dhcpack-renewed = DHCPACK (erneuert): { $address }{ $via }{ $dns } an { $interface }, Lease { $seconds } s
row-dhcpnak = DHCPNAK von { $server }: { $address } von { $interface } entfernt
row-dhcp-expired = DHCP-Lease für { $address } abgelaufen: von { $interface } entfernt
row-dhcprelease = DHCPRELEASE an { $server }: { $address } von { $interface } entfernt
row-dhcp-server-release = DHCP-Lease-Tabelle: { $address } freigegeben von { $mac }
row-dhcp-no-offers = Keine DHCPOFFERS an { $interface } empfangen; neuer Versuch bei { $time }
row-dhcp-server-lease = DHCP-Lease-Tabelle: { $address } → { $mac }
row-dhcp-server-lease-host = DHCP-Lease-Tabelle: { $address } → { $mac } ({ $host })
row-lookup = Auflösung { $name }: { $answer }
row-lookup-from = Auflösung { $name }: { $answer } (von { $server })
row-lookup-nodata = keine Adresse (NODATA)
row-lookup-timeout = Zeitüberschreitung
row-lookup-server-error = Serverfehler ({ $rcode })
row-lookup-no-servers = kein Nameserver
row-tcp-state = TCP { $local } ↔ { $peer }: { $state }
row-tcp-closed = TCP { $local } ↔ { $peer }: geschlossen
row-tcp-retransmit = TCP-Neuübertragung an { $peer } nach { $ms } ms
row-tcp-reset = TCP-Reset: { $local } → { $peer }
row-http-response = HTTP { $status } { $reason }, { $bytes ->
        [one] { $bytes } Byte
       *[other] { $bytes } Bytes
    }
row-conntrack-own = conntrack { $interface }: eigene Verbindung { $from } → { $to }
row-nat-source = NAT { $interface }: Quelle { $from } → { $to }
row-nat-destination = NAT { $interface }: Ziel { $from } → { $to }
row-nat-icmp-error = NAT { $interface }: ICMP-Fehler für { $address }
row-conntrack-expired = conntrack: { $from } → { $to } abgelaufen
row-carrier-back = { $port }: Träger wieder da ({ $peer }/{ $peer_port } { $state })
row-carrier-lost = { $port }: Träger verloren ({ $peer }/{ $peer_port } { $state })
row-link = { $port } { $state }
row-mac-flushed = vergiss { $count ->
        [one] { $count } MAC
       *[other] { $count } MACs
    } an { $port }
row-mac-flushed-all = vergiss { $count ->
        [one] { $count } MAC
       *[other] { $count } MACs
    } an allen Ports
row-arp-flush = ARP-Leerung an { $interface }: { $count ->
        [one] { $count } Eintrag
       *[other] { $count } Einträge
    }
row-address-deleted = { $interface }: Adresse { $address } entfernt
row-address-added = { $interface }: Adresse { $address } hinzugefügt
row-no-address = { $interface }: keine Adresse
row-powered-on = eingeschaltet
row-powered-off = ausgeschaltet
row-stp-root-bridge = STP: ich bin die Root-Bridge
row-stp-root = STP: Root { $root } über { $port }, Kosten { $cost }
row-stp-port = STP: { $port } { $role } { $state }
row-mtu-too-big = { $size ->
        [one] { $size } Byte
       *[other] { $size } Bytes
    } > MTU { $mtu } von { $interface }
row-mtu-fragmented = { $size ->
        [one] { $size } Byte
       *[other] { $size } Bytes
    } → { $fragments ->
        [one] { $fragments } Fragment
       *[other] { $fragments } Fragmente
    } (MTU { $mtu })
row-mtu-reassembled = { $fragments ->
        [one] { $fragments } Fragment
       *[other] { $fragments } Fragmente
    } → { $size ->
        [one] { $size } Byte
       *[other] { $size } Bytes
    }
row-path-mtu = Pfad-MTU nach { $destination }: { $mtu }
row-stp-topology-change = STP: Topologieänderung, MACs altern in 15 s
row-stp-topology-change-over = STP: Topologieänderung vorbei
row-storm = Broadcast-Sturm nach { $count ->
        [one] { $count } Ereignis
       *[other] { $count } Ereignissen
    }

## The event list's filter chips: how many rows a hidden class hides.
events-hidden-title = { $count ->
        [one] { $count } Ereignis ausgeblendet
       *[other] { $count } Ereignisse ausgeblendet
    }
events-hidden-count = {" "}({ $count } ausgeblendet)
