# Die Texte der Panels (Geräte- und Verbindungseditor, Dienste, Inspektor, Teilen, Einbettung,
# Übungen, Kurs, Vorhersage, Sequenzdiagramm, Zeichenfläche). Der Rahmen steht in app.ftl;
# siehe docs/languages.md. Programmwörter (ip route, via, dev, REACHABLE), Feldnamen der
# Protokolle, Adressen und Gerätenamen bleiben, wie sie sind.

## Gerätepanel
device-kind = { $kind ->
        [host] Host
        [server] Server
        [switch] Switch
        [hub] Hub
       *[router] Router
    }
device-delete = Löschen
device-done = Fertig
device-name = Name
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

## Teilen, die Frage eines geteilten Links, ein kaputter Link
share-button = Teilen
share-title = Dieses Labor teilen
share-note = Der Link enthält das ganze Labor beim aktuellen Ereignis. Er erreicht nie einen Server: Alles steht hinter dem #.
share-link = Link
share-copy-link = Link kopieren
share-embed = In Folien oder eine Webseite einbetten
share-autoplay = {" "}Beim Anzeigen abspielen
share-embed-code = Einbettungscode
share-copy-embed = Einbettungscode kopieren
share-presenting = Präsentieren
share-scale = Präsentationsgröße (Beschriftungen und Pakete)
share-scale-option = { $scale } %
share-replaced = Ein Link hat dein Labor vorhin ersetzt; es wurde aufbewahrt.
share-restore = Mein vorheriges Labor wiederherstellen
share-close = Schließen
share-prompt-title = Das geteilte Labor öffnen?
share-prompt = Dieser Link enthält { $title } mit { $devices ->
        [one] { $devices } Gerät
       *[other] { $devices } Geräten
    }. Öffnest du es, ersetzt es das Labor, an dem du gearbeitet hast; deins wird aufbewahrt, und „Mein vorheriges Labor wiederherstellen“ im Teilen-Dialog holt es zurück.
share-untitled = ein unbenanntes Labor
share-quoted = „{ $name }“
share-open = Das geteilte Labor öffnen
share-keep = Meins behalten
share-link-broken = Dieser Link ließ sich nicht öffnen: { $error }. Hier ist stattdessen das erste Beispiel.
share-dismiss = Schließen

## Einbettung
embed-label = Packet Lab: { $name }

## Übung (Geschichte, Prüfungen und Hinweise stehen in der Übungsdatei)
exercise-label = Übung
exercise-number = Übung { $number } von { $total }
exercise-teacher = Übung deiner Lehrkraft
exercise-solved = ✓ Gelöst
exercise-checks = { $passed } von { $total ->
        [one] { $total } Prüfung
       *[other] { $total } Prüfungen
    } bestanden
exercise-saw = Was du gerade gesehen hast
exercise-cannot-run = Dieses Labor kann nicht laufen: { $error }
exercise-goal = Ziel
exercise-passes = Bestanden:{" "}
exercise-fails = Nicht bestanden:{" "}
exercise-why = Warum ist es gescheitert?
exercise-hint = Hinweis { $number }:{" "}
exercise-show-hint = Hinweis { $number } von { $total } zeigen
exercise-record = Versuche: { $attempts } · Hinweise genutzt: { $used } von { $total }
exercise-solved-before = {" "}· schon einmal gelöst
exercise-next = Nächste Übung →
exercise-link = Link
exercise-link-title = Ein Link, der diese Übung öffnet (zum Teilen kopieren)
exercise-leave = Übung verlassen

## Kurs
course-summary = Übungen · { $solved } von { $total } gelöst
course-solved-mark = ✓ gelöst
course-open-file = Übungsdatei öffnen …
course-export = Fortschritt exportieren
course-import = Fortschritt importieren …
course-dismiss = Schließen

## Vorhersage (Fragen und Antworten kommen von der Engine)
predict-toggle = {" "}Vorhersagen
predict-toggle-title = Vor jeder Entscheidung anhalten und raten, was als Nächstes passiert
predict-label = Vorhersagen, was als Nächstes passiert
predict-heading = Vorhersage: Was passiert als Nächstes?
predict-right = Richtig.{" "}
predict-not-quite = Nicht ganz.{" "}
predict-answer-is = Die Antwort ist:{" "}
predict-continue = Weiter ▶

## Sequenzdiagramm, Kapitel, Kapselung (die Zusammenfassungen der Frames kommen aus dem Trace)
story-label = Sequenzdiagramm
story-chapters = Kapitel
story-chapter-title = { $number ->
        [1] Eine Adresse bekommen
        [2] Das Gateway finden
        [3] Den Namen auflösen
        [4] Verbinden
       *[5] Die Seite anfordern
    }
story-narration = { $title } (Kapitel { $number }): { $sentence }
story-hide = Ausblenden:
story-noise-ack = reine TCP-ACKs
story-hidden = ausgeblendet: { $count ->
        [one] { $count } Frame
       *[other] { $count } Frames
    }
story-lanes = Lebenslinien ({ $shown }/{ $total })
story-default-lanes = Alle Geräte, die die Frames durchlaufen
story-export-svg = SVG exportieren
story-svg-title = Packet Lab: { $title }
story-sequence-label = Frames zwischen Geräten, eine Zeile pro Frame
story-no-frames = Keine Frames zwischen diesen Lebenslinien.
story-encap-label = Kapselung
story-encap-empty = Geh zu einem Frame, um seine Schichten als Kästen in Kästen zu sehen.
story-encap-event = Kapselung von Ereignis { $event }
# $router: der Name des Routers.
story-encap-router = { $router } hat den empfangenen Frame (Ereignis { $event }) ausgepackt: Er war nicht für seine MAC, also hat der Router das Paket herausgenommen und in einen neuen Frame für die nächste Verbindung verpackt.
story-change = { $change ->
        [rewrapped] ausgepackt und neu verpackt
        [edited] vom Router geändert
       *[kept] unverändert mitgeführt
    }
story-layer-data = Daten
story-layer-quoted = Zitiertes Paket

## Zeichenfläche
canvas-label = Netzwerk-Zeichenfläche
canvas-diagram = Netzwerkdiagramm
canvas-empty = Leeres Labor: Klick auf ein Gerät in der Palette oder zieh es hierher
canvas-device = { $name }{ $addresses } ({ $kind })
canvas-drop = { $reason ->
        [not-my-mac] nicht meine MAC
        [arp-not-for-me] ARP nicht für mich
        [not-forwarding] Host leitet nicht weiter
        [ttl-expired] TTL abgelaufen
        [no-route] keine Route
        [arp-failed] ARP gescheitert
        [arp-queue-full] ARP-Warteschlange voll
        [same-port] gleicher Port
        [queue-full] Warteschlange voll
        [no-cable] kein Kabel
        [link-down] Verbindung getrennt
        [lost] auf dem Kabel verloren
        [no-route-back] keine Route zurück
        [malformed] fehlerhaft
        [not-modelled] nicht modelliert
        [rate-limited] gedrosselt
        [no-listener] kein Dienst lauscht
        [no-nat-port] kein NAT-Port frei
        [port-not-forwarding] STP: Port leitet nicht weiter
        [too-big] zu groß für die MTU
        [frag-needed] zu groß, DF gesetzt
       *[dropped] verworfen
    }

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

## Port-Abzeichen
canvas-stp-badge = { $device } { $port }: Port-Rolle { $role }, Zustand { $state }
canvas-vlan-access = { $device } { $port }: VLAN { $vlan } (ungetaggt)
canvas-vlan-trunk = { $device } { $port }: Trunk, VLANs { $tagged } getaggt, { $vlan } ungetaggt
