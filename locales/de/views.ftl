# The device and link panels and the packet inspector: views drawn from split modules once the
# engine's module is here (src/split.rs). In a browser build English's copy of this file comes
# with the engine's module, not the first load (build.rs `LATER`, issue 15).


## Gerätepanel
device-delete = Löschen
device-done = Fertig
device-cable-to = Kabel zu
device-connect = Verbinden
device-interfaces = Schnittstellen
device-add-interface = Schnittstelle hinzufügen
device-not-cabled = nicht verkabelt
device-subinterface-of = VLAN { $vlan } auf { $parent } (getaggt)
device-sub-parent = Übergeordnete Schnittstelle
device-sub-vlan = VLAN-ID
device-sub-vlan-hint = Ihre Frames verlassen die übergeordnete Schnittstelle mit dieser ID getaggt (1–4094), wie bei ip link add link eth0 name eth0.10 type vlan id 10
device-add-subinterface = VLAN-Subinterface hinzufügen
device-add-subinterface-hint = Ein VLAN-Subinterface von { $iface } (eth0.10): eine eigene Adresse, seine Frames getaggt auf dem Kabel von { $iface }
device-cabled-to = an { $peer }
device-subnet = Subnetz { $net }
device-remove-iface = { $iface } entfernen (samt Kabel)
device-remove = Entfernen
device-dhcp = Adresse per DHCP (dhclient)
device-lease = Jetzt: { $address } von { $server }
device-lease-gateway = Jetzt: { $address } von { $server }, Gateway { $router }
device-no-lease = An dieser Stelle des Ablaufs keine Lease: dhclient fragt nach einer, sobald das Labor startet.
device-ipv4 = IPv4-Adresse
device-ipv4-hint = CIDR (10.0.0.1/24) oder mit Subnetzmaske (10.0.0.1 255.255.255.0)
device-mac = MAC-Adresse
device-mac-automatic = { $mac } (automatisch)
device-nat = NAT (Masquerading) auf dieser Schnittstelle
device-routing = Routing
device-gateway = Standardgateway
# Platzhalter leerer Felder (das Gateway; die DNS-Server).
device-gateway-none = keins
device-dns-none = keine
device-dns = DNS-Server (resolv.conf)
device-dns-hint = Der Reihe nach, durch Kommas getrennt; eine DHCP-Lease ersetzt sie
device-static-routes = Statische Routen
device-no-static-routes = Keine: nur direkt verbundene Netze und das Standardgateway.
device-route-destination = Ziel
device-new-route-destination = Ziel der neuen Route
device-new-route-next-hop = Nächster Hop der neuen Route
device-add-route = Route hinzufügen
device-ports = Ports
device-ports-hint = Benannt p1 … pN; eine Verbindung nimmt den ersten freien

## Verbindungspanel
device-link-badge = Verbindung
device-link-port = Port an { $device }
device-link-speed = { $delay } µs pro Richtung, { $bandwidth } Mbit/s

## Formularfelder
fields-locked-label = gesperrt
fields-locked = In dieser Übung gesperrt

## Dienste (der DHCP-Server von dnsmasq, der DNS-Server)
services-heading = Dienste
services-host = DHCP- und DNS-Server laufen auf einem Server oder einem Router.
services-dhcp-server = DHCP-Server (dnsmasq)
services-interface = Schnittstelle
services-pool-start = Erste Adresse des Pools
services-pool-end = Letzte Adresse des Pools
services-router = Router (Option 3)
services-dns = DNS-Server (Option 6)
services-lease-time = Lease-Dauer, s (Option 51)
services-domain = Domain (Option 15)
# Platzhalter leerer Felder (der Router; die DNS-Server; die Domain).
services-router-none = keiner
services-dns-none = keine
services-domain-none = keine
services-dns-server = DNS-Server (Port 53)
services-zone = Zone
services-records = Einträge
services-no-records = Noch keine.
services-record-name = Name
services-record-type = Typ
services-record-value = Wert
services-remove-record = { $name } entfernen
services-remove = Entfernen
services-forwarders = Forwarder
services-forwarders-placeholder = keine (8.8.8.8)
services-recursive = Rekursiv (ein öffentlicher Resolver wie 8.8.8.8)
services-new-record-name = Name des neuen Eintrags
services-new-record-type = Typ des neuen Eintrags
services-new-record-value = Wert des neuen Eintrags
services-new-record-ttl = TTL des neuen Eintrags
services-new-record-ttl-placeholder = TTL 3600
services-add-record = Eintrag hinzufügen

## Inspektor (Feldnamen, Werte und Schichttitel bleiben, wie Wireshark sie ausgibt)
inspector-label = Inspektor
inspector-close = ✕ Schließen
inspector-close-label = Inspektor schließen
inspector-empty = Klick auf ein Ereignis in der Liste, um seinen Frame Feld für Feld zu sehen.
inspector-why = Warum ist es gescheitert?
inspector-look-at = Sieh nach bei{" "}
inspector-look-at-colon = :{" "}
inspector-event = Ereignis { $number } · { $time }
inspector-and = Das UND auf { $interface } (/{ $prefix })
inspector-and-note = Jede 1 in der Subnetzmaske markiert ein Bit des Netzanteils (schattiert): Das UND behält diese Bits der Adresse und setzt die übrigen auf 0.
inspector-rewrap = Neu verpackt: der angekommene Frame (Ereignis { $event }) und der weitergesendete Frame
inspector-col-field = Feld
inspector-col-arrived = Angekommen
inspector-col-left = Weitergesendet
# Die Prüfsumme: korrekt, falsch, nicht geprüft.
inspector-check-correct = [korrekt]
inspector-check-wrong = [falsch, sollte { $expected } sein]
inspector-check-unverified = [nicht geprüft]
inspector-bytes = Bytes { $start }–{ $end }
inspector-frame = Frame: { $bytes ->
        [one] { $bytes } Byte
       *[other] { $bytes } Bytes
    }
inspector-capture = Mitschnitt
inspector-capture-frames = { $frames ->
        [one] { $frames } Frame
       *[other] { $frames } Frames
    } auf den Leitungen; öffne die Datei in Wireshark.
inspector-download = .pcap herunterladen
inspector-capture-link = Verbindung zum Mitschneiden
inspector-link-option = Verbindung { $link }
inspector-download-link = .pcap der Verbindung herunterladen

## Switch: Spanning Tree und VLANs
device-stp = Spanning Tree (STP)
device-bridge-priority = Bridge-Priorität
device-bridge-priority-hint = Die niedrigste Bridge-ID (Priorität, dann MAC) wird Root
device-vlan-filtering = VLAN-Filterung (802.1Q)
device-port-vlan = { $port } VLAN
device-port-tagged = getaggt
device-port-tagged-none = keine

## IPv6-Felder
device-ipv6 = IPv6-Adresse
device-ipv6-placeholder = aus (auto, oder 2001:db8:1::1/64)
device-ipv6-hint = auto: Link-Local + SLAAC aus Router Advertisements; eine Adresse: /64, wenn nicht anders angegeben
device-ra = Router Advertisements (radvd-Präfix)
device-ra-placeholder = aus (on, oder 2001:db8:1::/64)
device-ra-hint = das Präfix, aus dem die Hosts an diesem Link ihre Adressen bilden; on: das /64 dieser Schnittstelle
device-ra-interval = Intervall der Advertisements (s)
device-ra-interval-hint = MaxRtrAdvInterval von radvd: 4–1800 s, leer: 600
device-ra-lifetime = Router-Lebensdauer (s)
device-ra-lifetime-placeholder = 3 × das Intervall
device-ra-lifetime-hint = wie lange die Hosts diesen Router als Default-Route behalten; 0: die Hosts übernehmen das Präfix, aber keine Default-Route
device-mtu = MTU (Bytes)
device-mtu-hint = das größte Paket, das dieser Link trägt: 68–65535, mit IPv6 mindestens 1280; leer: 1500 (Ethernet)
device-routes6 = Statische IPv6-Routen
device-routes6-none = keine (2001:db8:2::/64 via 2001:db8:1::2)
device-routes6-hint = PRÄFIX via NÄCHSTER-HOP, durch Kommas getrennt; ein Link-Local-Next-Hop braucht dev SCHNITTSTELLE
