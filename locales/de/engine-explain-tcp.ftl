# Die Sätze der TCP-, HTTP- und NAT-Ereignisse (engine/src/trace/explain_tcp.rs, nat.rs).
# Socket-Zustände (SYN-SENT, TIME-WAIT, …) sind die Wörter von ss; $after ist eine Dauer ("1 s", "200 ms").

explain-tcp-listen = { $device } lauscht auf TCP-Port { $port } (ein Webserver, der auf Verbindungen wartet)
explain-tcp-unlisten = { $device } lauscht nicht mehr auf TCP-Port { $port }
explain-tcp-syn = { $device } öffnet von seinem Port { $local } eine TCP-Verbindung zu { $ip } Port { $port }: SYN
explain-tcp-syn-ack = { $device } nimmt auf seinem Port { $local } eine Verbindung von { $ip } Port { $port } an: SYN-ACK
explain-tcp-established-client = { $device }: Verbindung zu { $ip } Port { $port } aufgebaut (SYN-ACK empfangen, ACK gesendet)
explain-tcp-established-server = { $device }: Verbindung von { $ip } Port { $port } aufgebaut (das ACK des Clients ist angekommen)
explain-tcp-refused = Verbindung abgelehnt: auf Port { $port } von { $ip } lauscht nichts, es antwortete mit RST|ACK; connect() von { $device } schlägt fehl
explain-tcp-timed-out = { $device } gibt { $ip } Port { $port } auf: keine Antwort auf seine Wiederholungen (Connection timed out)
explain-tcp-unreachable = Die Verbindung von { $device } zu { $ip } Port { $port } scheitert: ein ICMP „{ $error }“ kam zurück
explain-tcp-reset = { $ip } hat die Verbindung von { $device } zurückgesetzt (RST): Connection reset by peer
explain-tcp-fin = { $device } schließt seine Seite der Verbindung zu { $ip } Port { $port }: FIN
explain-tcp-fin-wait-2 = { $ip } hat das FIN von { $device } bestätigt; { $device } wartet auf das FIN von { $ip } (FIN-WAIT-2)
explain-tcp-close-wait = { $ip } hat seine Seite geschlossen (FIN); { $device } bestätigt das und darf noch senden (CLOSE-WAIT)
explain-tcp-last-ack = { $device } schließt auch seine Seite: FIN (LAST-ACK, wartet auf das ACK)
explain-tcp-closing = { $device } und { $ip } haben gleichzeitig FIN gesendet (CLOSING)
explain-tcp-time-wait = beide Seiten sind geschlossen; { $device } hält die Verbindung zu { $ip } Port { $port } 60 s in TIME-WAIT, um verirrte Segmente abzufangen
explain-tcp-closed = das FIN von { $device } wurde bestätigt: die Verbindung mit { $ip } Port { $port } ist geschlossen
explain-tcp-time-wait-over = TIME-WAIT ist vorbei: { $device } vergisst die Verbindung zu { $ip } Port { $port }
explain-tcp-half-open-dropped = { $device } verwirft die halboffene Verbindung von { $ip } Port { $port }
# Jede andere Änderung: $old und $new sind Zustände von ss oder "none" (vorher / nachher kein Socket).
explain-tcp-state = { $device }: TCP { $local } ↔ { $peer } { $old ->
        [none] neu
       *[other] { $old }
    } → { $new ->
        [none] geschlossen
       *[other] { $new }
    }
explain-tcp-retransmit-syn = SYN nach { $after } wiederholt: { $device } bekam kein SYN-ACK von { $ip }
explain-tcp-retransmit-syn-ack = SYN-ACK nach { $after } wiederholt: { $device } bekam kein ACK von { $ip }
explain-tcp-retransmit-data = { $bytes } Bytes Daten nach { $after } wiederholt: { $device } bekam keine Bestätigung von { $ip }
explain-tcp-retransmit-fin = FIN nach { $after } wiederholt: { $device } bekam keine Bestätigung von { $ip }
explain-tcp-rst-closed-port = auf Port { $port } von { $device } lauscht nichts, also beantwortet es das Segment von { $ip } mit einem Reset (RST|ACK)
explain-tcp-rst-no-connection = { $device } hat keine Verbindung für das Segment von { $ip } an Port { $port }, also antwortet es mit einem Reset
explain-http-request = { $method } { $path } gesendet: { $device } fragt { $ip } Port { $port } nach http://{ $host }{ $path }
explain-http-response = { $status } { $reason }, { $bytes } Bytes: der Webserver auf { $device } beantwortet { $method } { $path } von { $ip }

# NAT: $proto ist TCP, UDP oder ICMP echo; Endpunkte sind "Adresse:Port" oder "Adresse (echo id N)";
# $state ist ", ESTABLISHED" (TCP-Zustand von conntrack) oder leer; $checksums ist explain-nat-checksums oder leer.
explain-nat-own-flow = { $device } ordnet das { $proto }-Paket { $src } → { $dst } einem conntrack-Eintrag auf { $interface } zu: es ist eine eigene Verbindung von { $device } von seiner äußeren Adresse, also wird nichts umgeschrieben{ $state }.
explain-nat-outbound = { $device } (NAT auf { $interface }) schreibt die Quelle { $before } → { $after } um, damit die Antwort den Weg zurück findet: das Internet kennt nur { $address }, und die conntrack-Tabelle merkt sich, wer dahinter steckt ({ $flow }{ $state }{ $checksums }).
explain-nat-known-flow = bekannte Verbindung
explain-nat-new-flow = neue Verbindung, noch keine Antwort
explain-nat-inbound = { $device } findet die { $proto }-Antwort an { $before } in seiner conntrack-Tabelle und schreibt das Ziel zurück auf { $after } um, den inneren Host, der die Verbindung begonnen hat{ $state }{ $checksums }.
explain-nat-inbound-error = { $device } empfängt einen ICMP-Fehler zu einem Paket, das es übersetzt hat, und schreibt ihn für { $host } um: das äußere Ziel und die Quelle des zitierten Pakets gehen zurück an den inneren Host{ $checksums }.
explain-nat-checksums = ; Prüfsummen angepasst: { $fields }
explain-checksum = { $proto }
explain-checksum-ipv4-header = IPv4-Header
explain-checksum-quoted-ipv4-header = zitierter IPv4-Header
explain-checksum-quoted = zitiertes { $proto }
explain-conntrack-own-expired = { $device } vergisst seine eigene { $proto }-Verbindung { $src } → { $dst }: der conntrack-Eintrag ist abgelaufen.
explain-conntrack-expired = { $device } vergisst die { $proto }-Verbindung { $src } → { $dst }, die es auf { $translated } übersetzt hatte: ihr conntrack-Eintrag ist abgelaufen, also würde eine späte Antwort nicht mehr übersetzt.
