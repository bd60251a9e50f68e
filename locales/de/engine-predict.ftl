# Vorhersagen: die Fragen, ihre Antworten und der Zusatz zur Rückmeldung
# (engine/src/exercise/predict*.rs). Adressen, Ports und Flags bleiben, wie sie sind.

predict-feedback = { $explanation } ({ $why })
predict-switch-ports = { $device } empfängt an { $port } einen Frame für { $mac }{ $owner }. Aus welchen Ports schickt er den Frame hinaus?
predict-mac-owner = {" "}({ $device })
predict-arp-target = { $device } hat ein Paket für { $destination }. Nach welcher Adresse fragt es per ARP, um die MAC zu finden, an die es das Paket schickt?
predict-next-hop = { $device } muss ein Paket für { $destination } weiterleiten. Welchen nächsten Hop wählt es?
predict-destination-mac = { $device }/{ $port } sendet { $frame }. Welche MAC kommt in das Zielfeld des Frames?
predict-ttl = { $device } leitet ein Paket weiter, das mit TTL { $ttl } ankam. Mit welcher TTL verlässt das Paket den Router?
predict-ttl-choice = TTL { $ttl }
predict-ports-none = kein Port: Der Frame geht nirgendwohin
predict-ports-back = nur { $port }, dorthin zurück, woher er kam
predict-ports-one = nur { $port }
predict-ports-many = { $ports } und { $last }
predict-ports-many-back = { $ports } und { $last } (auch zurück aus { $port })
predict-arp-none = kein ARP: Es hat keine Route, um es zu senden („Network is unreachable“)
predict-arp-destination = { $address }, das Ziel selbst
predict-arp-gateway = { $address }, sein Standardgateway
predict-next-hop-none = keinen: Keine Route passt, also verwirft es das Paket und antwortet „Destination Net Unreachable“
predict-next-hop-via = { $via }, über { $interface }
predict-next-hop-direct = { $destination } selbst, direkt über { $interface }
predict-mac-broadcast = { $mac } (Broadcast)
predict-mac-zero = { $mac } (alles null)
predict-mac-of = { $mac } ({ $device }/{ $interface })
# DHCP, DNS und NAT (predict_services.rs).
predict-lease-gateway = { $device }/{ $interface } hat das DHCP-ACK von { $server } bekommen. Welches Standardgateway trägt es ein?
predict-default-via = default via { $gateway }
predict-no-default = keine Standardroute
predict-lookup = { $device } schlägt { $name } nach. Was findet es?
predict-lookup-answer = { $name } has address { $addresses }
predict-lookup-no-data = { $name } existiert, hat aber keine Adresse
predict-lookup-nxdomain = nicht gefunden: NXDOMAIN
predict-lookup-timeout = keine Antwort: connection timed out
predict-lookup-refused = der Server verweigert die Antwort
predict-lookup-no-servers = kein DNS-Server, den es fragen kann
predict-nat-source = Ein Paket von { $source } an { $destination } verlässt { $device } über { $interface }, wo NAT (Masquerade) eingeschaltet ist. Welche Quelladresse hat es nach { $device }?
predict-echo-id = { $address } (Echo-ID { $id })
# TCP (predict_tcp.rs).
predict-source-port = { $device } öffnet eine TCP-Verbindung zu { $address } Port { $port }. Von welchem Port kommt sein SYN?
predict-port-ephemeral = { $port }: ein freier Port, den der Kernel aus 32768–60999 wählt (ip_local_port_range)
predict-port-same = { $port }: derselbe Port wie der des Servers
predict-port-well-known = { $port }: der bekannte Port des Protokolls
predict-port-reserved = { $port }: der letzte reservierte Port
predict-port-none = { $port }: kein Port, bis der Server antwortet
predict-syn-listening = { $device } empfängt ein SYN von { $address } für seinen Port { $port }, auf dem ein Server lauscht. Welche Flags trägt seine Antwort?
predict-syn-closed = { $device } empfängt ein SYN von { $address } für seinen Port { $port }, auf dem nichts lauscht. Welche Flags trägt seine Antwort?
predict-syn-ack = { $device } empfängt das SYN-ACK von { $address }. Welche Flags trägt das Segment, das es als Nächstes schickt?
# Ein Switch-Port geht down (predict_changes.rs).
predict-port-down = Der Port { $port } von { $device } wurde auf down gesetzt. { $device } hatte dort { $count ->
        [one] eine MAC
       *[other] { $count } MACs
    } gelernt. Was passiert mit ihnen?
predict-port-no-carrier = Der Port { $port } von { $device } hat keinen Carrier mehr. { $device } hatte dort { $count ->
        [one] eine MAC
       *[other] { $count } MACs
    } gelernt. Was passiert mit ihnen?
predict-macs-forgotten = sofort vergessen: Frames an sie werden geflutet, bis sie wieder gelernt sind
predict-macs-age-out = behalten, bis sie verfallen, 300 s nach ihrem letzten Frame
predict-macs-kept = behalten: Ein Switch vergisst eine MAC nur, wenn man es ihm sagt (bridge fdb flush)
# Spanning Tree (predict_stp.rs).
predict-blocked-port = Die Switches haben die BPDUs der anderen gehört. Ein Port muss blockieren, um die Schleife aufzubrechen: der Port, dessen Kabel eine andere Bridge mit einem günstigeren Weg zur Root bedient (oder, bei gleichen Kosten, mit einer niedrigeren Bridge-ID). Welcher Port blockiert jetzt?
# IPv6 (predict_ipv6.rs).
predict-ns-destination = { $device } braucht die MAC von { $address }. Wohin geht seine Neighbor Solicitation?
predict-ns-solicited-node = { $group }, die Solicited-Node-Gruppe von { $address } (MAC { $mac })
predict-ns-broadcast = an alle: Ethernet-Broadcast ff:ff:ff:ff:ff:ff, wie bei ARP
predict-ns-all-nodes = { $group }, alle Knoten am Link (MAC { $mac })
predict-ns-unicast = { $address } selbst, per Unicast
predict-slaac = { $device }/{ $interface } (MAC { $mac }) hört in einem Router Advertisement das Präfix { $prefix }/64. Welche Adresse bildet es für sich?
predict-slaac-eui64 = { $address } (das Präfix + EUI-64: ff:fe in der Mitte, das 7. Bit umgedreht)
predict-slaac-raw = { $address } (das Präfix + die MAC, wie sie ist)
predict-slaac-first = { $address } (die erste Adresse des Präfixes)
predict-slaac-link-local = { $address } (seine Link-Local-Adresse; das Präfix wird nicht benutzt)

# Router-on-a-Stick: Welches 802.1Q-Tag trägt der Frame eines Subinterfaces?
predict-vlan-no-tag = kein Tag: Der Frame geht ungetaggt hinaus
predict-vlan-tag = ein Tag für VLAN { $vlan }
predict-vlan-tag-prompt = { $device }/{ $sub } sendet { $frame } über sein Eltern-Interface { $parent } auf das Kabel zum Switch. Welches 802.1Q-Tag trägt der Frame?

# Was ein Router mit einem Paket macht, das für die nächste Leitung zu groß ist (Issue 16).
predict-too-big-v6 = { $device } muss ein { $size }-Byte-IPv6-Paket über { $interface } weiterleiten, dessen MTU { $mtu } ist. Was tut er?
predict-too-big-v6-right = er verwirft es und schickt ICMPv6 „packet too big“ (MTU { $mtu }) an den Absender: IPv6-Router fragmentieren nie
predict-frag-needed = { $device } muss ein { $size }-Byte-IPv4-Paket mit gesetztem Don't Fragment über { $interface } weiterleiten, dessen MTU { $mtu } ist. Was tut er?
predict-frag-needed-right = er verwirft es und schickt ICMP „fragmentation needed“ (Next-Hop-MTU { $mtu }) an den Absender
predict-mtu-fragments = er teilt es in Fragmente zu höchstens { $mtu } Bytes und schickt sie weiter
predict-mtu-whole = er schickt es trotzdem ganz: Das nächste Gerät wird damit klarkommen
predict-mtu-silent = er verwirft es, ohne jemandem Bescheid zu sagen
