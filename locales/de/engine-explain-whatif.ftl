# Der Was-wäre-wenn-Satz: wo sich zwei Läufe eines Labs zuerst unterscheiden, und warum (engine/src/trace/diverge.rs).
# Eine Änderung eröffnet den Satz, wenn $start "yes" ist (dann großgeschrieben).

explain-whatif-mask = { $start ->
        [yes] Mit
       *[other] mit
    } { $address } auf { $device } (statt /{ $old_len })
explain-whatif-address = { $start ->
        [yes] Mit
       *[other] mit
    } { $address } auf { $device } (statt { $old })
explain-whatif-address-added = { $start ->
        [yes] Mit
       *[other] mit
    } { $address } auf { $device } { $interface }
explain-whatif-address-removed = { $start ->
        [yes] Ohne
       *[other] ohne
    } { $address } auf { $device } { $interface }
explain-whatif-interface-changed = { $start ->
        [yes] Mit
       *[other] mit
    } geändertem { $device } { $interface }
explain-whatif-gateway = { $start ->
        [yes] Mit
       *[other] mit
    } Gateway { $gateway } auf { $device } (statt { $old })
explain-whatif-gateway-added = { $start ->
        [yes] Mit
       *[other] mit
    } Gateway { $gateway } auf { $device }
explain-whatif-gateway-removed = { $start ->
        [yes] Ohne
       *[other] ohne
    } das Gateway { $gateway } auf { $device }
explain-whatif-gateway-changed = { $start ->
        [yes] Mit
       *[other] mit
    } geändertem Gateway von { $device }
explain-whatif-route-added = { $start ->
        [yes] Mit
       *[other] mit
    } der Route { $prefix } via { $via } auf { $device }
explain-whatif-route-removed = { $start ->
        [yes] Ohne
       *[other] ohne
    } die Route { $prefix } via { $via } auf { $device }
explain-whatif-cable-added = { $start ->
        [yes] Mit
       *[other] mit
    } eingestecktem Kabel { $link }
explain-whatif-cable-removed = { $start ->
        [yes] Ohne
       *[other] ohne
    } das Kabel { $link }
explain-whatif-cable-changed = { $start ->
        [yes] Mit
       *[other] mit
    } geändertem Kabel { $link }
explain-whatif-device-added = { $start ->
        [yes] Mit
       *[other] mit
    } zusätzlichem { $device }
explain-whatif-device-removed = { $start ->
        [yes] Ohne
       *[other] ohne
    } { $device }
explain-whatif-command-added = { $start ->
        [yes] Mit
       *[other] mit
    } `{ $command }` um { $at }
explain-whatif-command-removed = { $start ->
        [yes] Ohne
       *[other] ohne
    } `{ $command }`
explain-whatif-device-changed = { $start ->
        [yes] Mit
       *[other] mit
    } geänderten Einstellungen von { $device }
explain-whatif-options = { $start ->
        [yes] Mit
       *[other] mit
    } geänderten Laufoptionen
explain-whatif-same-lab = Mit demselben Lab
explain-whatif-two-changes = { $first } und { $second }
explain-whatif-more-changes = { $first }, { $second } und { $count ->
        [one] { $count } weiteren Änderung
       *[other] { $count } weiteren Änderungen
    }

# Der ganze Satz: $cause ist die Änderung, $what der erste Unterschied.
explain-whatif-identical = Die beiden Läufe sind gleich: im Lab hat sich nichts geändert.
explain-whatif-no-effect = { $cause } ist der Lauf derselbe: nichts in diesem Lauf hängt davon ab.
explain-whatif-differs = { $cause }: { $what }.

# Der erste Unterschied.
explain-whatif-now-same-network = { $device } und { $peer } sind im selben Netz, also fragt { $device } per ARP direkt nach { $peer } statt nach seinem Gateway { $gateway }
explain-whatif-now-other-network-gateway = { $peer } ist nicht mehr im Netz von { $device }, also fragt { $device } per ARP nach seinem Gateway { $gateway } statt direkt nach { $peer }
explain-whatif-now-other-network-router = { $peer } ist nicht mehr im Netz von { $device }, also fragt { $device } per ARP nach dem Router { $router } statt direkt nach { $peer }
explain-whatif-other-hop = { $device } schickt das Paket für { $dst } { $now } statt { $before }
explain-whatif-route-lost = { $device } hat keine Route zu { $dst } (es liegt nicht im Netz von { $device }, und keine Route deckt es ab), also geht das Paket nirgendwohin statt { $before }
explain-whatif-route-found = { $device } hat jetzt eine Route zu { $dst }: das Paket geht { $now } statt nirgendwohin
explain-whatif-route-other = { $device } entscheidet anders über { $dst }
# Wohin ein Paket geht, nach „schickt das Paket für … “.
explain-whatif-hop-direct = direkt zu { $peer } über { $interface }
explain-whatif-hop-gateway = zu seinem Gateway { $gateway }
explain-whatif-hop-route = über { $router } (Route { $prefix })
explain-whatif-switch = { $device } schickt { $frame } von { $in_port } über { $now } statt über { $before }
explain-whatif-switch-why = { $device } schickt { $frame } von { $in_port } über { $now } statt über { $before }: { $why }
explain-whatif-the-frame = den Frame
explain-whatif-no-port = keinen Port
explain-whatif-port-no-cable = { $port } hat kein Kabel
explain-whatif-port-down = { $port } ist down (kein Träger: das andere Ende seines Kabels ist down gegangen)
# $now und $before sind die Ausgabezeilen des Programms.
explain-whatif-output = `{ $command }` gibt „{ $now }“ aus statt „{ $before }“
explain-whatif-output-unreachable = { $reach }, also gibt `{ $command }` „{ $now }“ aus statt „{ $before }“
explain-whatif-unreachable = { $target } ist nicht im Netz von { $device } ({ $networks }), und { $device } hat kein Gateway und keine Route dorthin
explain-whatif-no-address = es hat keine Adresse
explain-whatif-both = { $variant }, während im Original { $original }
explain-whatif-variant-ended = der Lauf der Variante ist zu Ende, wo das Original weitergeht: { $original }
explain-whatif-original-ended = der Lauf des Originals ist zu Ende, wo die Variante weitergeht: { $variant }
explain-whatif-runs-same = die Läufe sind gleich
# Ein Ereignis als kurzer Satzteil.
explain-whatif-quoted = „{ $text }“
explain-whatif-clause-sent = { $device } sendet { $frame } an { $to }
explain-whatif-clause-received = { $device } empfängt { $frame }
explain-whatif-clause-dropped = { $device } verwirft { $frame }: { $reason }
explain-whatif-clause-thrown-away = { $device } wirft { $packet } weg: { $reason }
explain-whatif-packet-for = ein Paket für { $dst }
explain-whatif-a-packet = ein Paket
explain-whatif-clause-route = { $device } schickt das Paket für { $dst } { $hop }
explain-whatif-clause-no-route = { $device } hat keine Route zu { $dst }
explain-whatif-clause-arp = der ARP-Eintrag von { $device } für { $ip } wird { $state }
explain-whatif-clause-output = `{ $command }` gibt „{ $line }“ aus
explain-whatif-clause-event = { $event }
