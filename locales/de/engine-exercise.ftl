# Die Prüfungen im Ziel einer Übung: was jede verlangt (Check::describe) und warum sie bestanden
# hat oder gescheitert ist (engine/src/exercise/evaluate.rs und check.rs).

check-ping-succeeds = ping von { $from } nach { $to } klappt
check-ping-fails = ping von { $from } nach { $to } bekommt keine Antwort
check-ping6-succeeds = ping -6 von { $from } nach { $to } klappt
check-arp-cache-has = die ARP-Tabelle von { $device } enthält { $ip }
check-arp-cache-has-mac = die ARP-Tabelle von { $device } enthält { $ip } mit der MAC von { $owner }
check-receives = { $device } empfängt: { $frames }
check-never-receives = { $device } empfängt nie: { $frames }
check-traceroute-hops = traceroute von { $from } nach { $to } zeigt { $hops ->
        [one] { $hops } Hop
       *[other] { $hops } Hops
    }
check-leaves-via = der Ping von { $from } nach { $to } verlässt { $device } { $way }
check-way-towards = in Richtung { $device }
check-way-link = über die Leitung { $link }
check-lookup-succeeds = host { $name } auf { $from } findet seine Adresse
check-page-loads = curl { $url } auf { $from } lädt die Seite
# Welche Frames eine receives- / never_receives-Prüfung zählt; mehrere Bedingungen werden verbunden.
check-frame-to-mac-of = Frame an die MAC von { $device }
check-packet-to = Paket an { $address }
check-arp-for = ARP-Anfrage „Who has { $address }?“
check-frames-and = { $first }, zugleich { $second }
# Eine Adresse in einer Prüfung, die das Labor der Schülerin oder des Schülers nicht hat.
check-no-device = kein Gerät „{ $device }“
check-no-interface = { $device } hat keine Schnittstelle „{ $interface }“
check-no-ip = { $address } hat keine IP-Adresse
check-no-ipv6 = { $address } hat keine feste IPv6-Adresse
# Die Übungsdatei einer Lehrkraft, deren Ziel etwas nennt, das ihr Labor nicht hat
# (Check::validate); davor steht der Pfad des Felds (goal[2].from).
check-no-ip-stack = { $device } ist { $kind ->
        [switch] ein Switch
       *[hub] ein Hub
    }; er hat keinen IP-Stack
check-hops-range = { $hops } liegt außerhalb des Bereichs (1–30)
check-which-frames = gib an, welche Frames: frame_to_mac_of, addressed_to oder arp_for
check-no-link = keine Leitung „{ $link }“
check-towards-or-link = gib entweder towards (ein Gerät) oder link an
check-in-your-lab = { $problem } in deinem Labor
check-cannot-run = das Labor kann nicht laufen: { $error }
check-not-ip-device = { $device } ist in deinem Labor kein Host und kein Router
check-command-cannot-run = der Befehl der Prüfung kann nicht laufen: { $error }
# Der Grund, dann warum der Lauf früh endete (falls ja), dann ein Punkt.
check-why = { $why }{ $stopped }.
check-storm = {" "}(der Lauf endete in einem Broadcast-Sturm auf { $links })
check-event-budget = {" "}(der Lauf endete nach { $events } Ereignissen, während noch Frames kreisten: Eine Kabelschleife zwischen Switches erzeugt einen Broadcast-Sturm)
check-work-budget = {" "}(der Lauf endete an seinem Arbeitsbudget: { $work } Arbeitseinheiten in { $events } Ereignissen, während noch Frames kopiert wurden)
check-ping-no-send = { $from } konnte gar nichts senden: „{ $line }“
check-ping-sent = { $from } hat { $sent } Echo Request(s) an { $target } geschickt und { $got ->
        [one] { $got } Antwort
       *[other] { $got } Antworten
    } bekommen
check-ping-printed = { $counts }; es hat „{ $line }“ ausgegeben
check-traceroute-reached = traceroute hat { $target } bei Hop { $hop } erreicht; das Ziel ist { $hops }
check-traceroute-stopped = traceroute hat { $target } nie erreicht: Der letzte Hop, der antwortete, war Hop { $hop } ({ $addresses }), danach nur * * *
check-traceroute-no-start = traceroute konnte nicht starten: { $line }
check-traceroute-silent = traceroute hat { $target } nie erreicht: Kein Hop hat überhaupt geantwortet
check-never-left = der Echo Request an { $target } hat { $device } nie verlassen: Er ist nicht bei { $device } angekommen, oder { $device } hat ihn verworfen.
check-left-via = der Echo Request an { $target } hat { $device } über die Leitung { $link } verlassen, in Richtung { $next }.
check-lookup-answer = { $from } hat { $name } nachgeschlagen und { $addresses } bekommen
check-lookup-nxdomain = der DNS-Server hat geantwortet, dass es { $name } nicht gibt (NXDOMAIN)
check-lookup-timeout = kein DNS-Server hat die Frage von { $from } nach { $name } beantwortet
check-lookup-timeout-asked = kein DNS-Server hat die Frage von { $from } nach { $name } beantwortet (es hat { $server } gefragt)
check-lookup-no-servers = { $from } hat keinen DNS-Server, den es fragen kann
check-lookup-no-address = die Suche nach { $name } hat keine Adresse gefunden ({ $outcome })
check-lookup-unfinished = die Suche nach { $name } ist nicht fertig geworden
check-curl-failed = curl ist gescheitert: { $line }
check-page-fetched = { $from } hat { $url } geholt: 200 OK, { $bytes } Bytes
check-page-status = der Webserver hat { $status } statt der Seite geantwortet
check-page-no-answer = curl { $url } auf { $from } hat bis zum Ende des Laufs keine Antwort bekommen
check-arp-held = die ARP-Tabelle von { $device } enthält { $ip } mit { $mac } (ab { $time }).
check-arp-wrong-mac = die ARP-Tabelle von { $device } enthält { $ip } mit { $mac }, und das ist nicht die MAC von { $owner }.
check-arp-never = die ARP-Tabelle von { $device } hatte nie eine MAC für { $ip }: Zwischen ihnen gab es keinen ARP-Austausch.
check-received = { $device } hat { $count ->
        [one] einen solchen Frame
       *[other] { $count } solche Frames
    } empfangen; den ersten bei { $time } an { $port }: { $frame }.
check-received-none = { $device } hat während des Laborlaufs nichts dieser Art empfangen ({ $frames }).
