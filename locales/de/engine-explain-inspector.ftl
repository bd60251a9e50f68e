# Was der Inspektor neben einem Ereignis zeigt, um das Warum zu zeigen (engine/src/explain.rs, trace/explain6.rs):
# die Zeilen des UND-Bilds, sein Ergebnis und das Umverpacken eines weitergeleiteten Frames durch einen Router.

explain-row-address = Adresse
explain-row-mask = Maske
explain-row-and = AND
explain-row-my-network = mein Netz
explain-row-destination = Ziel
explain-row-prefix = Präfix
explain-and-same = { $address } AND { $mask } = { $masked } = { $network }/{ $len }: dasselbe Netz, also direkt zustellen (ARP für { $address })
explain-and-other = { $address } AND { $mask } = { $masked } ≠ { $network }/{ $len }: ein anderes Netz, also braucht es eine Route oder ein Gateway
explain6-prefix-note = Eine IPv6-Adresse besteht aus 8 Gruppen zu 16 Bit. Die 1-Bits der Maske (die Präfixlänge) markieren den Netzteil: AND behält diese Bits des Ziels, und die Route gilt, wenn sie ihrem Präfix gleichen.
explain6-prefix-heading = Die Präfixprüfung (/{ $len }), Gruppe { $group } binär

# Das Umverpacken (src/inspector/rewrap.rs): jedes Header-Feld, das ein Router umschreibt (oder behält), und warum.
explain-field-dst-mac = Ziel-MAC
explain-field-src-mac = Quell-MAC
explain-field-ttl = TTL
explain-field-checksum = Header-Prüfsumme
explain-field-src-ip = Quelladresse
explain-field-dst-ip = Zieladresse
explain-field-src-port = Quellport
explain-field-dst-port = Zielport
explain-field-tcp-checksum = TCP-Prüfsumme
explain-field-udp-checksum = UDP-Prüfsumme
explain-field-icmp-id = ICMP-Identifier
explain-field-quoted-src-ip = Zitierte Quelladresse
explain-field-quoted-dst-ip = Zitierte Zieladresse
explain-field-quoted-checksum = Zitierte Header-Prüfsumme
explain-field-quoted-src-port = Zitierter Quellport
explain-field-quoted-dst-port = Zitierter Zielport
explain-field-icmp-checksum = ICMP-Prüfsumme
explain-rewrap-dst-mac = die MAC des nächsten Hops auf der ausgehenden Leitung (aus ARP)
explain-rewrap-src-mac = die eigene MAC des Routers auf der ausgehenden Schnittstelle
explain-rewrap-ttl = jeder Router verringert sie um eins
explain-rewrap-checksum = neu berechnet, weil sich die TTL geändert hat
explain-rewrap-checksum-nat = neu berechnet: die TTL und eine Adresse haben sich geändert
explain-rewrap-nat-src = NAT (Masquerade): die äußere Adresse des Routers ersetzt die des inneren Hosts
explain-rewrap-nat-dst = NAT: eine Antwort, weitergeschickt an den inneren Host, der die Verbindung geöffnet hat
explain-rewrap-kept = Ende zu Ende: nur NAT schreibt sie um
explain-rewrap-end-to-end = Ende zu Ende: wird nie umgeschrieben
explain-rewrap-quoted = NAT: das zitierte Paket, wie der innere Host es gesendet hat
explain-rewrap-nat-src-port = NAT: der Port des Routers für diese Verbindung
explain-rewrap-nat-dst-port = NAT: zurück auf den eigenen Port des inneren Hosts
explain-rewrap-l4-checksum = angepasst an die neue Adresse und den neuen Port, die sie abdeckt (RFC 1624)
explain-rewrap-l4-checksum-kept = deckt Adressen und Ports ab, nicht die TTL: unverändert
explain-rewrap-icmp-id = NAT: der Echo-Identifier spielt die Rolle eines Ports
explain-rewrap-icmp-checksum = angepasst an den umgeschriebenen Identifier oder das zitierte Paket
explain-rewrap-icmp-checksum-kept = deckt nur die ICMP-Nachricht ab: unverändert
