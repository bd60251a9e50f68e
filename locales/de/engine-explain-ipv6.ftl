# Die Sätze der IPv6-Ereignisse (engine/src/trace/explain6.rs).

# Der Nachbar-Cache: $old ist der Zustand von ip neigh vorher oder "none" (noch kein Eintrag).
explain6-nd-entry = Nachbar-Cache von { $device } ({ $interface }): { $ip } { $old ->
        [none] kein Eintrag
       *[other] { $old }
    } → { $new }: { $why }
explain6-nd-entry-mac = Nachbar-Cache von { $device } ({ $interface }): { $ip } { $old ->
        [none] kein Eintrag
       *[other] { $old }
    } → { $new } bei { $mac }: { $why }
explain6-nd-why-incomplete = ein Paket braucht die MAC dieses Nachbarn, also geht eine Neighbor Solicitation an { $group } (die Solicited-Node-Gruppe: ff02::1:ff und die letzten 24 Bit der Adresse), auf die nur der Besitzer hört – nicht an alle wie der Broadcast von ARP
explain6-nd-why-reachable = ein angefordertes Neighbor Advertisement hat ihn bestätigt
explain6-nd-why-learned = aus einer empfangenen Solicitation oder einem Router Advertisement gelernt
explain6-nd-why-probe = keine Bestätigung innerhalb von 5 s, also fragt es den Nachbarn direkt (Unicast-Solicitation)
explain6-nd-why-failed = nach 3 Solicitations kam kein Neighbor Advertisement
explain6-nd-why-new-mac = ein Advertisement brachte eine neue MAC

# Adressen: $from ist eine der drei Wendungen unten.
explain6-from-link-local = seine Link-Local-Adresse (fe80:: + die MAC mit ff:fe in der Mitte und gekipptem 7. Bit, EUI-64)
explain6-from-static = seine konfigurierte Adresse
explain6-from-slaac = eine Adresse, die es aus dem Präfix des Routers und seiner Interface-ID gebildet hat (SLAAC)
explain6-tentative = { $device }/{ $interface } bekommt { $from } { $address }, vorläufig (tentative): es sendet dafür eine Neighbor Solicitation von :: (Duplicate Address Detection) und benutzt sie nur, wenn innerhalb von 1 s niemand antwortet
explain6-dad-passed = { $device }/{ $interface }: niemand sonst hat { $address } innerhalb von 1 s beansprucht, also ist DAD bestanden und die Adresse nutzbar
explain6-dad-failed = { $device }/{ $interface }: ein anderer Knoten hat für { $address } geantwortet, also ist die Duplicate Address Detection gescheitert und Linux benutzt die Adresse nie (dadfailed)

# Routen: $routes sind die Zeilen von ip -6 route; $forwarding ist "yes" auf einem Router, der fremde Pakete weiterleitet.
explain6-routes = { $device } hat { $count ->
        [one] { $count } IPv6-Route
       *[other] { $count } IPv6-Routen
    }: { $routes }
explain6-route-router = { $device } { $forwarding ->
        [yes] leitet
       *[other] sendet
    } an { $dst }{ $forwarding ->
        [yes] {" "}weiter
       *[other] {""}
    }: das längste passende Präfix ist { $prefix } ({ $matching } von { $total } Routen { $matching ->
        [one] passt
       *[other] passen
    }), also geht es über { $interface } zum Router { $router }
explain6-route-direct = { $device } { $forwarding ->
        [yes] leitet
       *[other] sendet
    } an { $dst }{ $forwarding ->
        [yes] {" "}weiter
       *[other] {""}
    }: das längste passende Präfix ist { $prefix } ({ $matching } von { $total } Routen { $matching ->
        [one] passt
       *[other] passen
    }), also geht es direkt über { $interface } hinaus (on-link)
explain6-route-none = { $device } hat keine IPv6-Route zu { $dst }: kein Präfix seiner Tabelle passt

# Router Advertisements: $prefix ist eine der Wendungen explain6-ra-… danach.
explain6-ra-default = { $device }/{ $interface } hört ein Router Advertisement von { $router }, das ihn für { $seconds } s zum Standardrouter macht; { $prefix }
explain6-ra-not-default = { $device }/{ $interface } hört ein Router Advertisement von { $router } mit Router-Lifetime 0, also ist er kein Standardrouter; { $prefix }
explain6-ra-slaac = das Präfix { $prefix } ist autonom, also bildet es daraus seine eigene Adresse (SLAAC)
explain6-ra-refreshed = seine Adresse aus { $prefix } gibt es schon, sie bleibt
explain6-ra-wrong-length = das Präfix { $prefix } ist kein /64, und eine 64-Bit-Interface-ID braucht genau 64 Präfixbits, also entsteht keine Adresse (der Kernel meldet „prefix with wrong length { $len }“)
explain6-ra-not-autonomous = beim Präfix { $prefix } ist das A-Flag aus: nur on-link, keine Adresse daraus
explain6-ra-no-prefix = es enthält kein Präfix

explain6-down = { $device }/{ $interface } ist down: Linux entfernt alle seine IPv6-Adressen, auch die statische (keep_addr_on_down = 0), mit ihren Routen und dem Nachbar-Cache; wenn es wieder up ist, bildet es seine Link-Local-Adresse neu
explain6-nd-flushed = { $device }/{ $interface }: sein IPv6-Nachbar-Cache wird geleert ({ $count ->
        [one] { $count } Eintrag
       *[other] { $count } Einträge
    }: ip neigh flush, oder das Kabel hat den Träger verloren)
# $error ist der Wortlaut von ping für den ICMPv6-Fehler.
explain6-icmp-held = { $device } würde ICMPv6 „{ $error }“ an { $to } senden, aber die ICMPv6-Ratenbegrenzung von Linux hält es zurück
explain6-icmp-sent = { $device } sendet ICMPv6 „{ $error }“ an { $to }

# Die Präfixansicht des Inspektors: das Ziel AND die Präfixmaske, verglichen mit dem Präfix der Route.
explain6-prefix-match = { $dst } AND { $mask } = { $masked } = { $prefix }: die ersten { $len } Bit stimmen überein, also gilt diese Route
explain6-prefix-differs = { $dst } AND { $mask } = { $masked } ≠ { $prefix }: sie unterscheiden sich in Gruppe { $group } (Bit { $first }–{ $last }), also gilt diese Route nicht

explain6-address-removed = { $device }/{ $interface }: { $address } wird entfernt (ip -6 addr del); seine Präfixroute verschwindet auch, außer eine andere Adresse der Schnittstelle liegt in { $prefix }
explain6-default-router-expired = { $device }/{ $interface }: Innerhalb seiner Router Lifetime kam kein Router Advertisement von { $router }, also läuft die Standardroute über ihn ab, und IPv6-Pakete in andere Netze haben keine Route
