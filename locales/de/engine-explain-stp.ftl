# Die Sätze der Spanning-Tree- und Konfigurationsereignisse (engine/src/trace/stp.rs, config.rs).
# Port-Zustände (listening, learning, forwarding, blocking, disabled) sind die Wörter der Linux-Bridge;
# $role ist root, designated oder alternate; Bridge-IDs sehen aus wie 8000.02a1b2c3d4e5; Kosten sind Text.

explain-stp-bridge-id = Bridge { $id }
explain-stp-was = {" "}(vorher { $state })
explain-stp-root-bridge = { $device } hält sich für die Root-Bridge: kein BPDU, das es gehört hat, nennt eine kleinere Bridge-ID als seine eigene { $bridge }. Es sendet alle 2 s (Hello-Time) ein Konfigurations-BPDU über seine Designated Ports.
explain-stp-accepts-root = { $device } erkennt { $root } ({ $root_id }) als Root-Bridge an: deren ID ist kleiner als die eigene von { $device }, { $bridge }. Der beste Weg von { $device } dorthin führt über { $port } und kostet { $cost }.
explain-stp-why-root = sein bester Weg zur Root führt jetzt über { $port } und kostet { $cost }
explain-stp-why-designated = er bietet jetzt den besten Weg zur Root auf diesem Kabel (Kosten { $cost })
explain-stp-role-changed = { $device }/{ $port } wird vom { $before ->
        [root] Root Port
        [designated] Designated Port
        [alternate] Alternate Port
       *[other] { $before }-Port
    } zum { $role ->
        [root] Root Port
        [designated] Designated Port
        [alternate] Alternate Port
       *[other] { $role }-Port
    } und bleibt { $state }: { $why }.
explain-stp-disabled = { $device }/{ $port } ist disabled{ $was }: ohne Träger nimmt er nicht am Spanning Tree teil.
explain-stp-cmp-cheaper = sein eigener Weg zur Root kostet { $cost }, der von { $other } kostet { $other_cost }
explain-stp-cmp-tie = { $device } und { $other } erreichen die Root beide mit Kosten { $cost }, und die Bridge-ID { $other_id } von { $other } ist kleiner als { $bridge } von { $device }
explain-stp-cmp-elsewhere = { $other } bietet auf diesem Kabel den Weg zur Root (Kosten { $other_cost }), und { $device } hat seinen Root Port schon woanders
explain-stp-blocks = { $device } blockiert { $port }{ $was }: { $why }, also bedient { $other } dieses Kabel, und { $device } verwirft dort jeden Frame außer BPDUs. Das bricht die Schleife auf.
explain-stp-forwarding = { $device }/{ $port } ({ $role ->
        [root] Root Port
        [designated] Designated Port
       *[other] { $role }-Port
    }) ist forwarding{ $was }: nach zwei Forward-Delays (15 s listening, 15 s learning) lernt er MACs und leitet Frames weiter.
explain-stp-learning = { $device }/{ $port } ({ $role ->
        [root] Root Port
        [designated] Designated Port
       *[other] { $role }-Port
    }) ist learning{ $was }: ein Forward-Delay lang (15 s) lernt er Quell-MACs, leitet aber noch nichts weiter.
explain-stp-root-port = { $device }/{ $port } ist der Root Port{ $was }: der beste Weg von { $device } zur Root ({ $cost } = { $other_cost } ab der nächsten Bridge + { $path_cost } für dieses Kabel). Er ist { $state }; nach 15 s listening und 15 s learning leitet er weiter.
explain-stp-designated-port = { $device }/{ $port } ist ein Designated Port{ $was }: { $device } bietet auf diesem Kabel den besten Weg zur Root (Kosten { $cost }). Er ist { $state }; nach 15 s listening und 15 s learning leitet er weiter.
explain-stp-tc-on = { $device } erfährt, dass sich die Topologie geändert hat (ein Port hat begonnen oder aufgehört weiterzuleiten): eine Weile lässt es MACs nach 15 s (Forward-Delay) statt nach 300 s altern, damit veraltete Einträge schnell verschwinden.
explain-stp-tc-off = Die Topologieänderung ist für { $device } vorbei: MACs altern wieder nach 300 s.

# Konfigurationsänderungen während eines Laufs.
explain-link-set-down = { $device } setzt { $port } down (ip link set { $port } down): nichts geht mehr über { $port } hinein oder hinaus, und das andere Ende seines Kabels verliert den Träger. Ein Host oder Router löscht außerdem jede Route über { $port } und seine ARP-Einträge dort.
explain-link-set-up = { $device } setzt { $port } up (ip link set { $port } up): das andere Ende seines Kabels bekommt wieder Träger. Ein Host oder Router bekommt die verbundene Route der Adresse von { $port } zurück, aber nicht die Routen über ein Gateway, die beim Down-Setzen verschwunden sind (füge sie mit ip route add wieder hinzu).
explain-link-carrier-lost = { $device }/{ $port } verliert den Träger, weil { $peer }/{ $peer_port } am anderen Ende des Kabels down gegangen ist.
explain-link-carrier-back = { $device }/{ $port } bekommt wieder Träger, weil { $peer }/{ $peer_port } am anderen Ende des Kabels up gekommen ist.
explain-link-power-off = { $device }/{ $port } wird dunkel: { $device } ist aus.
explain-link-power-on = { $device }/{ $port } kommt hoch, während { $device } startet.
# Warum eine Tabelle geleert wurde: das Ende von „… weil <das hier>“.
explain-flush-command = es dazu aufgefordert wurde (flush-Befehl)
explain-flush-link-down = { $port } down gegangen ist
explain-flush-carrier-lost = { $port } den Träger verloren hat (das andere Ende seines Kabels ist down gegangen)
explain-flush-address-removed = { $port } seine Adresse verloren hat
explain-flush-power-off = es ausgeschaltet wurde
explain-flush-the-switch = der Switch
explain-mac-flushed = { $device } vergisst die MACs von { $port }, weil { $why }: { $macs }. Frames an sie werden geflutet, bis sie wieder gelernt sind.
explain-mac-flushed-all = { $device } vergisst die MACs aller Ports, weil { $why }: { $macs }. Frames an sie werden geflutet, bis sie wieder gelernt sind.
explain-arp-flushed = { $device } vergisst seine ARP-Einträge auf { $interface }, weil { $why }: { $ips }. Das nächste Paket an sie beginnt mit einer ARP-Anfrage.
explain-address-added = { $device }/{ $interface } hat jetzt { $address } (ip addr add) und eine verbundene Route zu { $network }; Linux kündigt nichts an (arp_notify = 0), also behalten die Nachbarn ihre alten Einträge, bis sie fragen.
explain-address-removed = { $device }/{ $interface } hat { $address } nicht mehr (ip addr del): seine Routen über { $interface } verschwinden mit.
explain-address-none = { $device }/{ $interface } hat keine Adresse.
explain-power-on = { $device } wird eingeschaltet: es startet mit der Konfiguration der Lab-Datei (Tabellen leer, dhclient und Dienste neu gestartet).
explain-power-off = { $device } wird ausgeschaltet: jeder Port wird dunkel, jede Tabelle und jedes laufende Programm ist weg.

# Ein Ereignis ohne eigenen Satz.
explain-nothing = {""}
