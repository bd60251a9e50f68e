# Der Satz, der jedes Ereignis der Aufzeichnung erklärt (engine/src/trace/explain.rs, TraceEvent::explain_msg).
# Namen, Adressen, Frame-Zusammenfassungen, Zeiten und Programmausgaben sind Textargumente; Anzahlen sind Zahlen.

explain-routes = { $device } hat { $count ->
        [one] { $count } Route
       *[other] { $count } Routen
    }: { $routes }
explain-frame-sent = { $device }/{ $port } sendet { $frame } ({ $bytes } Bytes) über { $link } an { $to_device }/{ $to_port }; er kommt um { $arrival } an ({ $duration } nach { $start })
explain-frame-received = { $device }/{ $port } empfängt { $frame } über { $link }
explain-frame-dropped = { $place } verwirft { $frame }: { $reason }
explain-packet-dropped = { $device } verwirft { $packet }: { $reason }
explain-ipv4-packet = das IPv4-Paket { $src } → { $dst }
explain-ipv4-packet-truncated = ein abgeschnittenes IPv4-Paket

# Switches: wohin ein Frame geht und warum.
explain-why-broadcast = { $mac } ist die Broadcast-Adresse
explain-why-multicast = { $mac } ist eine Multicast-Adresse
explain-why-unknown = { $device } hat noch nicht gelernt, wo { $mac } ist
explain-why-learned = { $device } hat { $mac } an diesem Port gelernt
explain-why-hub = ein Hub wiederholt jeden Frame
explain-why-in-vlan = { $why } (im VLAN { $vlan })
explain-switch-forward = { $device } leitet den Frame von { $in_port } nur über { $port } weiter: { $why }
explain-switch-flood = { $device } flutet den Frame von { $in_port } über { $ports }: { $why }
explain-flood-nowhere = keinen anderen Port
explain-flood-nowhere-vlan = keinen anderen Port seines VLANs
explain-mac-learned = { $device } lernt, dass { $mac } über { $port } erreichbar ist
explain-mac-learned-vlan = { $device } lernt, dass { $mac } im VLAN { $vlan } über { $port } erreichbar ist
explain-mac-moved = { $device } sieht { $mac } jetzt an { $port } (vorher an { $old }) und aktualisiert seine MAC-Tabelle
explain-mac-moved-vlan = { $device } sieht { $mac } jetzt an { $port } (vorher an { $old }) und aktualisiert seine MAC-Tabelle im VLAN { $vlan }
explain-mac-aged = { $device } vergisst { $mac } an { $port }: 300 s lang kam nichts von dort

# Die ARP-Tabelle: $old ist der Zustand von ip neigh vorher oder "none" (noch kein Eintrag).
explain-arp-entry = ARP-Tabelle von { $device } ({ $interface }): { $ip } { $old ->
        [none] kein Eintrag
       *[other] { $old }
    } → { $new }: { $why }
explain-arp-entry-mac = ARP-Tabelle von { $device } ({ $interface }): { $ip } { $old ->
        [none] kein Eintrag
       *[other] { $old }
    } → { $new } bei { $mac }: { $why }
explain-arp-why-incomplete = ein Paket braucht diese Adresse, also beginnt ARP
explain-arp-why-reachable = eine Antwort hat sie bestätigt
explain-arp-why-learned = aus einem empfangenen ARP-Paket gelernt
explain-nud-why-not-confirmed = innerhalb der Reachable-Zeit nicht bestätigt
explain-nud-why-delay = im Zustand STALE benutzt; Linux wartet 5 s auf eine Bestätigung
explain-arp-why-probe = keine Bestätigung innerhalb von 5 s, also fragt es den Nachbarn direkt
explain-arp-why-failed = es kam keine ARP-Antwort
explain-arp-why-new-mac = ein ARP-Paket brachte eine neue MAC
explain-nud-why-other = Zustandswechsel

# ICMP-Fehler: $error ist der Wortlaut von iputils ("Time to live exceeded").
explain-icmp-held = { $device } würde „{ $error }“ an { $to } senden, aber die ICMP-Ratenbegrenzung von Linux hält es zurück
explain-icmp-sent = { $device } sendet ICMP „{ $error }“ von { $from } zurück an { $to }

explain-command-started = { $label } startet
explain-command-output = { $label } gibt aus: { $line }

# DHCP.
explain-dhcp-renewed = { $device }/{ $interface } hat seine Lease für { $address } beim DHCP-Server { $server } verlängert: es darf die Adresse noch { $seconds } s behalten und fragt um { $renew } wieder.
explain-dhcp-bound = { $device }/{ $interface } hat die Adresse { $address } vom DHCP-Server { $server } für { $seconds } s bekommen, mit { $gateway } und { $dns }; es richtet sie ein wie `ip addr add` und `ip route add default`.
explain-dhcp-gateway = Standardgateway { $gateway }
explain-dhcp-no-gateway = keinem Standardgateway
explain-dhcp-dns = { $count ->
        [one] DNS-Server
       *[other] DNS-Servern
    } { $servers }
explain-dhcp-no-dns = keinem DNS-Server
explain-dhcp-nak = Der DHCP-Server { $server } hat die Lease von { $device }/{ $interface } abgelehnt (NAK), also entfernt { $device } { $address } und beginnt mit einem DISCOVER von vorn.
explain-dhcp-expired = Die Lease von { $device }/{ $interface } für { $address } ist abgelaufen, ohne verlängert zu werden, also entfernt { $device } die Adresse und ihre Routen und fragt erneut.
explain-dhcp-released = { $device }/{ $interface } hat seine Lease für { $address } an den DHCP-Server { $server } zurückgegeben (DHCPRELEASE) und entfernt die Adresse und ihre Routen, wie `dhclient -r`; es fragt nichts mehr, bis dhclient wieder läuft.
explain-dhcp-server-release = { $mac } hat { $address } zurückgegeben (DHCPRELEASE), also entfernt der DHCP-Server auf { $device } die Lease und darf die Adresse wieder vergeben.
explain-dhcp-no-offers = Kein DHCP-Server hat 60 s lang auf die DISCOVERs von { $device }/{ $interface } geantwortet, also gibt dhclient auf („No DHCPOFFERS received.“) und versucht es um { $retry } erneut; die Schnittstelle hat so lange keine Adresse.
explain-dhcp-server-lease = Der DHCP-Server auf { $device } vergibt { $address } an { $mac } bis { $expires } und trägt es in seine Lease-Tabelle ein.
explain-dhcp-server-lease-host = Der DHCP-Server auf { $device } vergibt { $address } an { $mac } ({ $hostname }) bis { $expires } und trägt es in seine Lease-Tabelle ein.

# DNS: $server ist eine der beiden Wendungen unten; $label ist der Befehl, der gefragt hat.
explain-dns-its-server = sein DNS-Server
explain-dns-the-server = der DNS-Server { $server }
explain-dns-answer = { $server } hat die Frage von { $device } nach { $name } beantwortet: { $addresses } ({ $label }).
explain-dns-nodata = { $server } sagt, dass { $name } existiert, aber keine IPv4-Adresse hat (kein A-Record) ({ $label }).
explain-dns-nxdomain = { $server } antwortete NXDOMAIN: den Namen { $name } gibt es im DNS nicht ({ $label }).
explain-dns-timeout = Kein DNS-Server hat die Frage von { $device } nach { $name } beantwortet: jede Anfrage lief in ein Timeout ({ $label }).
explain-dns-error = { $server } konnte die Frage von { $device } nach { $name } nicht beantworten ({ $rcode }) ({ $label }).
explain-dns-no-servers = { $device } hat keinen DNS-Server in seiner resolv.conf und kann { $name } daher nicht auflösen ({ $label }).

explain-storm = Broadcast-Sturm: nach { $events } Ereignissen kreisten immer noch Frames durch { $devices } (Leitungen { $links }). Switches leiten Broadcasts in einer Schleife endlos weiter; echte Netze nutzen STP, um einen Port zu blockieren.
explain-storm-more = { $names } und { $count } weitere

# Routing-Entscheidungen (IPv4). Eine UND-Prüfung: das Ziel UND die Maske, verglichen mit einem Netz.
explain-and-differs = { $dst } AND { $mask } = { $masked } ≠ { $network }/{ $len };{" "}
explain-and-not-mine = { $dst } AND { $mask } = { $masked } ≠ mein Netz ({ $network }/{ $len });{" "}
explain-route-host-none = { $checks }{ $device } hat keine Route zu { $dst } und kein Standardgateway: Network is unreachable
explain-route-host-direct = { $dst } AND { $mask } = { $masked } = mein Netz ({ $network }/{ $len }), also direkt zustellen: ARP für { $dst }
explain-route-host-gateway = { $checks }also an das Standardgateway { $via } schicken: ARP für { $via }
explain-route-host-via = { $checks }die Route { $prefix } passt, also an { $via } über { $interface } schicken: ARP für { $via }
explain-route-forward-none = { $device }: keine Route passt zu { $dst }, also kann das Paket nicht weitergeleitet werden
explain-route-forward = { $device }: { $dst } passt zu { $route } (die längste von { $count ->
        [one] { $count } passenden Route
       *[other] { $count } passenden Routen
    }), also { $how }
explain-route-forward-and = { $sentence } [{ $dst } AND { $mask } = { $masked } = { $network }/{ $len }]
explain-route-default = der Standardroute
explain-route-how-via = an { $via } über { $interface } weiterleiten
explain-route-how-direct = direkt über { $interface } zustellen

# Router on a stick (VLAN subinterfaces)
explain-frame-sent-tagged = { $device }/{ $sub } sendet { $frame } mit VLAN-Tag { $vlan } ({ $bytes } Bytes) über sein Eltern-Interface { $port } auf { $link } an { $to_device }/{ $to_port }; er kommt um { $arrival } an ({ $duration } nach { $start })
explain-mac-aged-vlan = { $device } vergisst { $mac } an { $port } im VLAN { $vlan }: 300 s lang kam nichts von dort
