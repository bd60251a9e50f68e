# Was an einer Labordatei, einem geteilten Link oder einem Feld des Editors falsch ist: die
# Meldungen der Prüfung (engine/src/scenario/validate.rs, address.rs, limits.rs, json.rs).
# Eingegebene Werte, Namen und Adressen sind Text-Argumente; Anzahlen sind Zahlen.

## Adressen (address.rs).

invalid-not-ipv4 = { $value } ist keine IPv4-Adresse
invalid-ipv4-with-prefix = { $value } ist keine IPv4-Adresse mit Präfixlänge wie 10.0.0.1/24
invalid-prefix-range = Präfix /{ $len } liegt außerhalb des Bereichs (0–{ $max })
invalid-not-netmask = { $value } ist keine Subnetzmaske wie 255.255.255.0
invalid-netmask-bits = { $value } ist keine gültige Subnetzmaske (ihre Einsen müssen vorne stehen)
invalid-no-prefix-length = { $value } hat keine Präfixlänge; schreib sie wie { $value }/24
invalid-network-address = { $ip } ist die Netzadresse von { $net }, keine Host-Adresse
invalid-broadcast-address = { $ip } ist die Broadcast-Adresse von { $net }, keine Host-Adresse
invalid-not-interface-address = { $ip } kann keine Adresse einer Schnittstelle sein
invalid-not-network = { $value } ist kein Netz wie 10.1.0.0/16
invalid-host-bits-mean = In { $value } sind Host-Bits gesetzt; meinst du { $net }?

## Das Labor (validate.rs).

invalid-version = Version { $version } wird nicht unterstützt (diese Engine liest Version 1)
invalid-device-needs-name = ein Gerät braucht einen Namen
invalid-device-id-chars = „{ $id }“ darf kein ':' enthalten und nicht mit Leerzeichen beginnen oder enden
invalid-duplicate-device-id = Geräte-ID „{ $id }“ doppelt (auch devices[{ $first }])
invalid-no-device = kein Gerät „{ $name }“
invalid-ping-bind-device = ping: SO_BINDTODEVICE { $dev }: No such device ({ $device } hat { $ports })
invalid-program-on-bridge = { $device } ist ein { $kind }; Programme laufen auf Hosts, Servern und Routern (ein Switch kennt ip link set, bridge fdb flush, poweroff und poweron)
invalid-command-after-end = { $at } ms liegt nach dem Ende des Laufs (options.max_time_ms = { $max })
invalid-at-least-one = muss mindestens 1 sein
invalid-link-needs-name = eine Verbindung braucht einen Namen
invalid-link-id-chars = „{ $id }“ darf kein / oder \ und keine Leerzeichen am Rand enthalten (es benennt eine pcap-Datei)
invalid-duplicate-link-id = Verbindungs-ID „{ $id }“ doppelt (auch links[{ $first }])
invalid-no-port = { $device } hat keinen Port „{ $port }“
invalid-no-port-list = { $device } hat keinen Port „{ $port }“ (seine Ports: { $ports })
invalid-no-port-none = { $device } hat keinen Port „{ $port }“ (es hat keine Ports)
invalid-port-in-use = Port { $port } wird schon von der Verbindung „{ $link }“ benutzt
invalid-link-delay = { $value } µs sind mehr als 10 s
invalid-bandwidth = { $value } Mbit/s liegt außerhalb des Bereichs (0.001–400000)
invalid-too-many-drops = { $count } Frame-Nummern sind zu viele (höchstens { $max })
invalid-drop-zero = Frames werden ab 1 gezählt: der erste Frame in diese Richtung ist 1
invalid-drop-twice = Frame { $frame } steht zweimal in der Liste
invalid-option-range = { $value } { $unit } liegt außerhalb des Bereichs (0–{ $max } { $unit })
invalid-bridge-interfaces = ein { $kind } hat Ports, keine Schnittstellen: nimm "ports": N
invalid-bridge-gateway = ein { $kind } hat keine IP-Adresse und kein Standardgateway
invalid-bridge-routes = ein { $kind } routet nicht
invalid-bridge-dns = ein { $kind } hat keinen IP-Stack und löst keine Namen auf
invalid-bridge-services = auf einem { $kind } laufen keine Dienste; setz sie auf einen Router oder Server
invalid-bridge-needs-ports = ein { $kind } braucht eine Anzahl Ports
invalid-ports-range = { $count } Ports liegen außerhalb des Bereichs (1–{ $max })
invalid-hub-stp = ein { $kind } betreibt keinen Spanning Tree (er wiederholt jeden Frame); das tut nur ein Switch
invalid-priority-needs-stp = eine Bridge-Priorität braucht den Spanning Tree ("stp": true)
invalid-priority-range = { $value } liegt außerhalb des Bereichs (0–65535; Standard ist 32768)
invalid-ip-device-ports = ein { $kind } hat Schnittstellen, keine nummerierten Ports
invalid-ip-device-bridging = ein { $kind } ist keine Bridge, betreibt also keinen Spanning Tree und filtert keine VLANs; das tut nur ein Switch
invalid-interface-name = eine Schnittstelle braucht einen Namen wie eth0, ohne Leerzeichen
invalid-duplicate-interface = { $device } hat schon eine Schnittstelle namens { $name }
invalid-duplicate-ip = IP-Adresse { $ip } doppelt (auch auf { $owner })
invalid-not-mac = { $value } ist keine MAC-Adresse wie 02:00:00:00:00:01
invalid-not-unicast-mac = { $mac } ist keine Unicast-MAC-Adresse
invalid-duplicate-mac = MAC-Adresse { $mac } doppelt (auch auf { $owner })
invalid-no-subnets = es hat keine Schnittstelle mit Adresse
invalid-subnets = seine Subnetze: { $subnets }
invalid-own-address = { $ip } ist eine eigene Adresse von { $device }
invalid-gateway-off-link = das Gateway { $gateway } liegt in keinem Subnetz von { $device } ({ $subnets }), also ist es nicht erreichbar
invalid-next-hop-off-link = der nächste Hop { $via } liegt in keinem Subnetz von { $device } ({ $subnets })
invalid-too-many-dns = höchstens 3 DNS-Server (glibc liest nur die ersten 3 nameserver-Zeilen)
invalid-host-services = auf einem Host laufen keine Dienste; mach ihn zum Server oder nimm einen Router
invalid-dns-forward-self = { $ip } ist eine eigene Adresse von { $device }: ein DNS-Server kann nicht an sich selbst weiterleiten
invalid-vlans-need-filtering = VLANs brauchen "vlan_filtering": true am Switch
invalid-hub-vlans = ein { $kind } filtert nicht nach VLAN (er wiederholt jeden Frame); das tut nur ein Switch
invalid-vlan-range = VLAN { $vlan } liegt außerhalb des Bereichs (1–4094)

## IPv6 (ipv6.rs).

invalid-not-ipv6 = { $value } ist keine IPv6-Adresse
invalid-ipv6-with-prefix = { $value } ist keine IPv6-Adresse mit Präfixlänge wie 2001:db8:1::1/64
invalid-not-ipv6-or-auto = { $value } ist keine IPv6-Adresse wie 2001:db8:1::1/64 (oder "auto")
invalid-ipv6-link-local = { $ip } ist eine link-lokale Adresse: Linux bildet die fe80::-Adresse der Schnittstelle selbst aus ihrer MAC
invalid-not-ipv6-network = { $value } ist kein IPv6-Netz wie 2001:db8:2::/64
invalid-host-bits-network = In { $value } sind Host-Bits gesetzt; das Netz ist { $net }
invalid-ra-needs-ipv6 = Router Advertisements brauchen IPv6 auf der Schnittstelle: gib ihr eine "ipv6"-Adresse
invalid-duplicate-ipv6 = IPv6-Adresse { $ip } doppelt (auch auf { $owner })
invalid-ra-not-router = ein { $kind } sendet keine Router Advertisements; nur ein Router betreibt radvd
invalid-ra-auto-prefix = eine "auto"-Schnittstelle hat kein eigenes Präfix zum Ankündigen: gib das Präfix an, wie 2001:db8:1::/64
invalid-ra-interval = { $value } s liegt außerhalb des Bereichs (4–1800 s, MaxRtrAdvInterval von radvd)
invalid-ra-lifetime = { $value } s liegt außerhalb des Bereichs (0–9000 s, AdvDefaultLifetime von radvd)
invalid-no-ipv6-interface = { $device } hat keine IPv6-Schnittstelle namens { $name }
invalid-link-local-needs-dev = { $via } ist link-lokal: sag, an welcher Schnittstelle es liegt ("dev": "eth0"), wie ip -6 route es verlangt
invalid-next-hop6-off-link = der nächste Hop { $via } liegt in keinem IPv6-Präfix von { $device }

## Dienste und NAT (services.rs).

invalid-nat-mode = „{ $value }“ ist keine NAT-Art, die dieses Labor kennt; nimm "masquerade" (iptables -t nat -A POSTROUTING -o { $name } -j MASQUERADE)
invalid-nat-not-router = { $device } ist ein { $kind }: NAT schreibt Pakete um, die ein Router weiterleitet, also setz es auf die äußere Schnittstelle eines Routers
invalid-nat-dhcp = { $name } bekommt seine Adresse per DHCP; NAT braucht in diesem Labor eine feste Adresse auf der äußeren Schnittstelle
invalid-nat-no-address = { $name } hat keine Adresse: Masquerade setzt als Quelle die Adresse der äußeren Schnittstelle ein, also gib { $name } eine
invalid-no-interface-here = keine Schnittstelle „{ $name }“ auf diesem Gerät
invalid-dhcp-needs-address = { $name } braucht eine feste Adresse, um darauf DHCP anzubieten
invalid-pool-not-host = { $ip } ist keine Host-Adresse von { $name } ({ $net })
invalid-pool-order = der Pool endet ({ $end }), bevor er beginnt ({ $start })
invalid-lease-time = { $value } s liegt außerhalb des Bereichs (120–31536000)
invalid-records-need-zone = Einträge brauchen eine Zone (z. B. "example.com")
invalid-outside-zone = { $name } liegt außerhalb der Zone { $zone }
invalid-record-type = der Eintragstyp „{ $value }“ wird nicht modelliert (A oder CNAME)
invalid-dns-name = „{ $value }“ ist kein DNS-Name wie www.example.com
invalid-web-port = Port { $port } liegt außerhalb des Bereichs (1–65535)
invalid-page-path = „{ $path }“ ist kein Seitenpfad wie / oder /about.html (er beginnt mit /, ohne Leerzeichen, ? oder #)
invalid-page-size = die Seite hat { $count } Bytes; höchstens { $max }
invalid-page-twice = { $path } ist zweimal angegeben ("/" und "/index.html" sind dieselbe Seite)

## Größengrenzen (limits.rs) und die Datei als Ganzes (json.rs).

invalid-too-many-devices = { $count } Geräte sind zu viele (ein Labor hat höchstens { $max })
invalid-too-many-links = { $count } Verbindungen sind zu viele (ein Labor hat höchstens { $max })
invalid-too-many-commands = { $count } Befehle sind zu viele (ein Labor hat höchstens { $max })
invalid-device-id-length = eine Geräte-ID ist { $count } Zeichen lang (höchstens { $max })
invalid-link-id-length = eine Verbindungs-ID ist { $count } Zeichen lang (höchstens { $max })
invalid-too-many-interfaces = { $count } Schnittstellen sind zu viele (ein Gerät hat höchstens { $max })
invalid-too-many-ports = mit { $device } hat das Labor insgesamt mehr als { $max } Ports und Schnittstellen (ein Labor hat höchstens { $max })
invalid-interface-name-length = ein Schnittstellenname ist { $count } Zeichen lang (höchstens { $max }, wie unter Linux)
invalid-too-many-routes = { $count } Routen sind zu viele (ein Gerät hat höchstens { $max })
invalid-too-many-records = { $count } DNS-Einträge sind zu viele (eine Zone hat höchstens { $max })
invalid-command-length = der Befehl ist { $count } Zeichen lang (höchstens { $max })

## Übungsdateien (engine/src/exercise/mod.rs, locks.rs).

invalid-exercise-id = „{ $id }“ muss aus Kleinbuchstaben, Ziffern und - bestehen (es ist der Schlüssel des gespeicherten Fortschritts)
invalid-empty = darf nicht leer sein
invalid-too-many-hints = { $count } Hinweise; eine Übung gibt höchstens { $max }
invalid-empty-hint = ein Hinweis darf nicht leer sein
invalid-language-tag = eine Sprache wird mit ihrem Kürzel benannt, etwa "de" oder "pt-BR"
invalid-empty-translation = darf nicht leer sein (lass es weg, damit das Original erscheint)
invalid-translated-hints = { $count } Hinweise, aber die Übung hat { $total }: übersetze jeden Hinweis einmal
invalid-no-checks = eine Übung braucht mindestens eine Prüfung
invalid-no-interface = { $device } hat keine Schnittstelle „{ $name }“
# $field ist der Name des Felds in der Datei (editable.devices[].fields).
invalid-editable-field = { $device } ist ein { $kind } und hat { $field ->
    [address] keine Adresse
    [mask] keine Maske
    [mac] keine MAC-Adresse
    [gateway] kein Standardgateway
    [routes] keine Routen
    [kind] keine Art
    [dns] keine DNS-Server
    [services] keine Dienste
    [nat] kein NAT
    [stp] keinen Spanning Tree
    [vlans] keine VLANs
   *[ipv6] keine IPv6-Einstellungen
}

## Der Editor und die App (src/editor, src/exercises.rs).

invalid-at-path = { $message } ({ $path })
invalid-import-failed = { $file } wurde nicht geladen, das Labor ist unverändert. { $error }
invalid-all-ports-used = an { $device } sind alle { $max } Ports belegt
invalid-ports-not-number = { $value } ist keine ganze Zahl von Ports
invalid-vlan-not-number = { $value } ist keine VLAN-ID (1–4094)
invalid-priority-not-number = { $value } ist keine ganze Zahl (0–65535; Standard ist 32768)
invalid-not-on-off = „{ $value }“ ist weder on noch off
invalid-seconds-not-number = { $value } ist keine ganze Zahl von Sekunden
invalid-dhcp-needs-fixed-address = ein DHCP-Server braucht eine Schnittstelle mit fester Adresse (z. B. 192.168.1.1/24), um Adressen zu vergeben

# VLAN-Subinterfaces (eth0.10: "parent" und "vlan").
invalid-cable-on-subinterface = { $device }/{ $port } ist ein VLAN-Subinterface von { $parent }: Stecke das Kabel in { $parent } (seine Frames gehen dort hinaus, mit VLAN-Tag { $vlan })
invalid-subinterface-incomplete = ein VLAN-Subinterface braucht "parent" (die Schnittstelle, deren Kabel es nutzt) und "vlan" (seine VLAN-ID): { $missing } fehlt
invalid-subinterface-mac = { $name } ist ein VLAN-Subinterface: Es nutzt die MAC seines Eltern-Interfaces (wie 8021q unter Linux), also nimmt es kein "mac"
invalid-subinterface-no-parent = { $device } hat keine Schnittstelle "{ $parent }", die { $name } tragen könnte (seine Schnittstellen: { $interfaces })
invalid-subinterface-nested = { $parent } ist selbst ein VLAN-Subinterface: Dieses Lab setzt VLAN-Subinterfaces nur auf eine Netzwerkkarte (kein 802.1Q in 802.1Q)
invalid-subinterface-vlan-range = die VLAN-ID { $vlan } liegt außerhalb des Bereichs (1–4094)
invalid-subinterface-duplicate = { $parent } hat schon ein Subinterface für VLAN { $vlan } ({ $other }): eines je VLAN-ID

## Was in einer Übung nicht geändert werden darf (engine/src/exercise/locks.rs).

invalid-locked-seed = der Seed gehört zur Übung und kann sich nicht ändern
invalid-locked-options = die Laufoptionen gehören zur Übung und können sich nicht ändern
invalid-locked-removed = { $device } wurde entfernt, gehört aber zur Übung
invalid-locked-new-not-switch = { $device } ist neu: nur Switches und Hubs dürfen hinzukommen
invalid-locked-new = { $device } ist neu: in dieser Übung dürfen keine Geräte hinzukommen
invalid-locked-cable-new = das Kabel { $a } — { $b } ist neu oder geändert, aber die Kabel sind gesperrt
invalid-locked-cable-removed = das Kabel { $a } — { $b } wurde entfernt oder geändert, aber die Kabel sind gesperrt
invalid-locked-interfaces = an { $device } wurden Schnittstellen hinzugefügt oder entfernt, aber sie sind gesperrt
invalid-locked = { $what ->
    [kind] die Art von { $device } ist
    [ports] die Ports von { $device } sind
    [gateway] das Standardgateway von { $device } ist
    [routes] die Routingtabelle von { $device } ist
    [routes6] die IPv6-Routingtabelle von { $device } ist
    [dns] die DNS-Serverliste von { $device } ist
    [services] die Dienste von { $device } sind
    [stp] der Spanning Tree von { $device } ist
    [bridge_priority] die Bridge-Priorität von { $device } ist
    [vlans] die VLANs von { $device } sind
    [mask] die Maske von { $name } an { $device } ist
    [address] die Adresse von { $name } an { $device } ist
    [ipv6] die IPv6-Adresse von { $name } an { $device } ist
    [ra] die Router Advertisements von { $name } an { $device } sind
    [nat] das NAT von { $name } an { $device } ist
    [subinterface] das VLAN-Subinterface { $name } an { $device } ist
    [mtu] die MTU von { $name } an { $device } ist
   *[mac] die MAC-Adresse von { $name } an { $device } ist
} in dieser Übung gesperrt

# Die IPv6-Felder des Editors (Issue 16).
invalid-ra-off = Router Advertisements sind an dieser Schnittstelle aus
invalid-mtu-not-number = { $value } ist keine ganze Zahl von Bytes (68–65535; Standard ist 1500)
invalid-routes6-item = „{ $item }“: Schreibe jede Route als PRÄFIX via NÄCHSTER-HOP (z. B. 2001:db8:2::/64 via 2001:db8:1::2), durch Kommas getrennt
invalid-routes6-metric = „{ $item }“: Metrik { $value } ist keine ganze Zahl
invalid-routes6-options = „{ $item }“: Schreibe jede Route als PRÄFIX via NÄCHSTER-HOP (z. B. 2001:db8:2::/64 via 2001:db8:1::2), durch Kommas getrennt; danach optional dev DEV und metric N

# MTUs der Leitungen (Issue 16).
invalid-mtu-small = MTU { $mtu } ist kleiner als das Minimum des Geräts, { $min } Bytes (das kleinste IPv4-Datagramm)
invalid-mtu-large = MTU { $mtu } ist größer als das Maximum des Geräts, { $max } Bytes
invalid-mtu-ipv6 = MTU { $mtu } ist zu klein für IPv6: Jede IPv6-Leitung trägt mindestens { $min } Bytes (RFC 8200), und Linux schaltet IPv6 auf einer kleineren ab
invalid-ip6-off-everywhere = { $device } hat IPv6 an jeder Schnittstelle aus: Gib einer zuerst im Labor eine "ipv6"-Adresse
invalid-ip6-off = { $interface } von { $device } hat in diesem Labor IPv6 aus: Gib ihr zuerst eine "ipv6"-Einstellung (auto oder eine Adresse)

# Die eigenen Prüfungen des Editors, dass ein Feld noch auf etwas zeigt (src/editor).
invalid-editor-no-interface = diese Schnittstelle gibt es nicht
invalid-editor-no-device = dieses Gerät gibt es nicht
invalid-editor-dhcp-off = der DHCP-Server ist aus
invalid-editor-dns-off = der DNS-Server ist aus
invalid-editor-no-record = diesen Eintrag gibt es nicht
invalid-editor-no-route = diese Route gibt es nicht
invalid-editor-use-form = benutze die Schaltfläche des Formulars
invalid-editor-no-link = diese Leitung gibt es nicht
