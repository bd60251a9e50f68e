# „Warum ist es gescheitert?“: die Diagnose eines gescheiterten Befehls (engine/src/diagnose.rs
# und engine/src/diagnose/*.rs). Feldpfade (devices[0].gateway) und Programmausgaben
# („Network is unreachable“) bleiben in jeder Sprache, wie sie sind.

# Eine Liste von Möglichkeiten: „devices[1].gateway oder devices[2].gateway“.
diagnose-or = { $first } oder { $second }
# Die Netze eines Geräts, das keine hat.
diagnose-no-address = es hat keine Adresse
diagnose-none = keins
diagnose-gateway-off-subnet = Das Standardgateway { $gateway } von { $device } liegt in keinem seiner Netze ({ $networks }): Ein Host kann Pakete nur einem Router übergeben, den er direkt erreicht, also kommt nichts hinaus. Setze { $path }.gateway auf die Adresse des Routers im Netz von { $device }.
diagnose-wrong-mask = { $device } ({ $net }) und { $peer } ({ $peer_net }) hängen am selben Netz, sind sich aber über seine Größe uneinig. Die Subnetzmaske von { $device } ergibt { $address } AND { $mask } = { $masked } ≠ { $network }, also hält es { $peer } für einen Fremden in einem anderen Netz, während die /{ $peer_len }-Maske von { $peer } beide in ein Netz legt. Mach die Masken gleich: Prüfe das /{ $len } von { $field }.
diagnose-ttl-loop = Das Paket an { $target } ist im Kreis gelaufen, { $round } → …, an jedem Hop mit einer TTL weniger, bis ein Router es mit TTL 1 bekam und „Time to live exceeded“ antwortete. Jeder Router glaubt, der andere kenne den Weg. Korrigiere die Route auf einem von ihnen: { $fields }.
diagnose-no-gateway = { $target } liegt in keinem der Netze von { $device } ({ $networks }), und { $device } hat kein Standardgateway, also kann es das Paket nirgendwohin schicken: „Network is unreachable“. Setze { $field } auf die Adresse des Routers im Netz von { $device }.
diagnose-no-route = { $device } hat das Paket an { $target } bekommen, aber keine passende Route und kein Standardgateway, also hat es das Paket verworfen und „Destination Net Unreachable“ geantwortet. Gib { $device } eine Route in das Netz von { $target } ({ $routes }) oder ein Standardgateway ({ $gateway }).
diagnose-gateway-no-answer = { $device } hat sein Paket an sein Standardgateway { $gateway } geschickt, aber niemand hat auf die drei ARP-Anfragen „Who has { $gateway }?“ geantwortet: Kein Gerät im Netz von { $device } hat diese Adresse. Setze { $field } auf die Adresse des Routers in diesem Netz.
diagnose-unknown-host = { $device } hat dreimal „Who has { $target }?“ gefragt und keine Antwort bekommen, also hat es aufgegeben („Destination Host Unreachable“). { $place } Prüfe die Adresse in { $field } oder die Adressen der Geräte im Netz von { $device }.
diagnose-unknown-host-elsewhere = { $target } gehört zu { $owner }, das nicht mit diesem Netz verkabelt ist.
diagnose-unknown-host-nowhere = Kein Gerät im Labor hat { $target }.
diagnose-no-way-back = { $device } hat die Anfrage bekommen, kann aber nicht antworten: { $back } liegt in keinem seiner Netze ({ $networks }), und es hat kein Standardgateway. Setze { $field } auf den Router im Netz von { $device }.
diagnose-no-route-back = { $device } hat keine Route zurück zu { $back }: Alles, was es an { $sender } schickt (Echo Replies, „Time to live exceeded“), und alles, was es dorthin weiterleiten soll, wird verworfen, also hört { $sender } nichts von { $device } oder dahinter. Gib { $device } eine Route in das Netz von { $sender } ({ $routes }) oder ein Standardgateway ({ $gateway }).
diagnose-changed-during-run = Das Netz hat sich geändert, während { $command } lief: Bei { $time } hat { $device } `{ $run }` ausgeführt. Was gescheitert ist, folgt aus dieser Änderung (ihre Ereignisse zeigen die entfernten Routen, den verlorenen Carrier, die vergessenen MACs und ARP-Einträge), nicht aus der Labordatei; mach sie rückgängig (oder warte, bis zurückkommt, was sie kaputt gemacht hat), dann funktioniert der Befehl wieder.
# IPv6 (engine/src/diagnose/ipv6.rs).
diagnose-another-device = ein anderes Gerät
diagnose-dad-failed = Die Adresse { $address } von { $device } ist bei der Duplicate Address Detection durchgefallen: Als { $device } am Link fragte, ob schon jemand sie hat (eine Neighbor Solicitation von ::), hat { $holder } geantwortet. Linux benutzt die Adresse dann nie (dadfailed), also hat { $device } keine Adresse zum Senden. Gib { $holder } eine andere Adresse.
diagnose-wrong-prefix-length = { $router } kündigt das Präfix { $prefix } an, aber SLAAC baut eine Adresse aus einem 64-Bit-Präfix und der 64-Bit-Interface-ID (EUI-64 der MAC): Mit /{ $len } ergeben die Bits nicht 128, also hat { $device } daraus keine Adresse gebildet (Linux meldet „prefix with wrong length { $len }“). Kündige ein /64 an.
diagnose-no-router-advert = { $device } steht auf „auto“: Es hat nach Routern gefragt (Router Solicitations an ff02::2), aber es kam nie ein Router Advertisement, also hat es nur seine Link-Local-Adresse fe80::, keine globale Adresse und keine Standardroute. Schalte Router Advertisements (radvd) an der Schnittstelle von { $router } an diesem Link ein, oder gib { $device } eine feste IPv6-Adresse und Route.
diagnose-no-route6 = { $device } hat keine IPv6-Route zu { $target }: Kein Präfix in seiner Routingtabelle passt, also hat es „Destination unreachable: No route“ geantwortet. Füge auf { $device } eine Route für das Präfix des Ziels (oder eine Standardroute) hinzu.
diagnose-unreachable6 = { $device } hat dreimal nach der MAC von { $target } gefragt (Neighbor Solicitations an seine Solicited-Node-Gruppe), und niemand hat geantwortet, also hat es aufgegeben: „Address unreachable“. Prüfe, ob an diesem Link wirklich ein Gerät { $target } hat.
# NAT (engine/src/diagnose/nat.rs).
diagnose-forgot-nat = Der Heimrouter übersetzt nicht: Der Server antwortet an { $back }, und diese Adresse kennt kein Router im Internet. { $back } ist eine private Adresse (RFC 1918), also hat { $router } keine Route dafür und verwirft die Antwort von { $server }. Schalte NAT (Masquerade) an der äußeren Schnittstelle { $interface } von { $home } ein ({ $field }): Dann verlassen die Pakete den Router{ $via }, und die Antworten kommen zu ihm zurück und werden zurück auf { $back } übersetzt.
diagnose-nat-via = {" "}mit seiner eigenen Adresse { $address }
# VLANs (engine/src/diagnose/vlan.rs).
diagnose-wrong-vlan = { $device } und { $peer } teilen sich ein Subnetz, aber das Kabel von { $device } endet in VLAN { $vlan } ({ $switch } { $port }) und das von { $peer } in VLAN { $peer_vlan } ({ $peer_switch } { $peer_port }). Ein VLAN-filternder Switch hält die VLANs getrennt, als wären es getrennte Switches: Der ARP-Broadcast von { $device } nach { $target } wird nur an die Ports von VLAN { $vlan } geflutet, also hört { $peer } ihn nie. Leg beide Ports in dasselbe VLAN ({ $field }) oder route zwischen den VLANs.
# TCP (engine/src/diagnose/tcp.rs).
diagnose-refused = Verbindung abgelehnt: Auf { $server } ({ $address }) lauscht nichts auf Port { $port }. Sein Kernel hat das SYN mit einem Reset (RST|ACK) beantwortet, also hat curl sofort aufgegeben (Exit-Code 7); { $hint }.
diagnose-refused-other-port = der Webserver von { $server } lauscht auf Port { $listening }, nicht auf { $port }: Nimm diesen Port in der URL
diagnose-refused-no-web-server = auf { $server } läuft kein Webserver: Gib ihm einen (services.web) oder hol die Seite vom Server, der sie hat
diagnose-refused-check-address = prüfe die Adresse in { $host }
diagnose-syn-no-route-back = keine Antwort auf das SYN: Die SYNs von { $device } erreichen { $server }, aber { $server } hat für sein SYN-ACK keine Route zurück zu { $address }, also verwirft es sie ohne Antwort; { $device } hat nach { $gaps } wiederholt. Gib { $server } ein Standardgateway ({ $field }) oder eine Route in das Netz von { $device }.
diagnose-syn-unanswered = keine Antwort auf das SYN: { $device } hat sein SYN an { $address } Port { $port } geschickt und es nach { $gaps } wiederholt, ohne SYN-ACK — { $why }.
diagnose-syn-lost = das Kabel { $links } hat sie verloren (seine Verlustliste im Labor)
diagnose-syn-no-such-address = kein Gerät hat die Adresse { $address }
diagnose-syn-way-back = es kam kein SYN-ACK zurück: Schau dir den Rückweg vom Server an (seine Routen oder einen Router, der nicht übersetzt)
# DHCP und DNS (engine/src/diagnose/services.rs).
diagnose-curl-no-address = Der Name wurde nicht aufgelöst: curl hat keine Adresse für { $name } gefunden. { $text }
diagnose-curl-unresolved = Der Name wurde nicht aufgelöst. { $text }
diagnose-nxdomain = NXDOMAIN: Der DNS-Server hat geantwortet, dass es { $name } nicht gibt. Die Zone auf { $device } hat keinen Eintrag für diesen Namen: Prüfe die Schreibweise des Namens oder füge einen A- (oder CNAME-)Eintrag dafür hinzu.
diagnose-the-dns-server = der DNS-Server
diagnose-dns-no-server-there = { $server } gehört zu { $owner }, auf dem kein DNS-Server läuft (sein Port 53 ist geschlossen)
diagnose-dns-answers-lost = auf { $server } läuft ein DNS-Server, aber seine Antworten kamen nie zurück: Schau dir die Routen zwischen { $device } und ihm an
diagnose-dns-no-such-address = kein Gerät hat die Adresse { $server }, also blieb jede Anfrage unbeantwortet
diagnose-dns-timeout = DNS-Server nicht erreichbar oder falsche DNS-Server-Adresse: { $device } hat { $server } nach { $name } gefragt und nicht rechtzeitig eine Antwort bekommen ({ $why }). Korrigiere die DNS-Server-Adresse in { $field }.
diagnose-no-dns-server = { $device } hat keinen DNS-Server in seiner resolv.conf: Gib ihm einen (oder lass DHCP ihm einen geben), bevor es { $name } nachschlägt.
diagnose-no-a-record = Der DNS-Server { $server } hat keine IPv4-Adresse (A-Eintrag) für { $name }: Füge seiner Zone einen hinzu.
diagnose-lease-expired = Die Lease ist abgelaufen: { $device }/{ $interface } hat { $address } verloren, weil kein DHCP-Server die Lease verlängert hat, also hat es keine Adresse mehr. Prüfe, ob der DHCP-Server noch erreichbar ist.
diagnose-no-dhcp-server = Kein DHCP-Server hat geantwortet: { $device }/{ $interface } fragt per DHCP nach einer Adresse, aber keines seiner DISCOVERs hat ein OFFER bekommen, also hat es keine Adresse, kein Gateway und keinen DNS-Server. Lass einen DHCP-Server im Netz laufen (services.dhcp eines Routers) oder gib { $interface } eine feste Adresse.

# Router-on-a-Stick: Der Switch-Port zum Router führt das VLAN des Subinterfaces nicht getaggt.
diagnose-trunk-carries-untagged = { $pvid } ungetaggt
diagnose-trunk-carries = { $pvid } ungetaggt, { $tagged } getaggt
diagnose-trunk-vlan-untagged = führt VLAN { $vlan } ungetaggt: Er entfernt das Tag, und { $router } gibt ungetaggte Frames an { $parent }, nicht an { $sub }
diagnose-trunk-vlan-missing = ist kein Mitglied von VLAN { $vlan }: Er flutet die Frames dieses VLANs nie über { $port } und verwirft die, die { $router } getaggt sendet
diagnose-trunk-missing-vlan = Die Pakete von { $sender } gehen an { $hop }, { $sub } von { $router } (Router-on-a-Stick): { $sub } sendet und erwartet Frames mit VLAN-Tag { $vlan } auf dem Kabel von { $parent }, aber { $switch } { $port } am anderen Ende (seine VLANs: { $carried }) { $what }. Füge { $vlan } zu den getaggten VLANs von { $switch } { $port } hinzu (devices[{ $index }].vlans.{ $port }.tagged).

# Ein Paket, größer als die MTU einer Leitung (Issue 16).
diagnose-too-big-v6 = { $router } kann das { $size }-Byte-Paket nicht über { $interface } (MTU { $mtu }) weiterleiten: IPv6-Router fragmentieren nie, also hat er es verworfen und ICMPv6 „packet too big“ (mtu={ $mtu }) zurückgeschickt. { $device } kennt jetzt die Path MTU und fragmentiert seine nächsten Pakete selbst (ein Fragment-Erweiterungsheader), also geht nur das erste verloren. Schicke Pakete, die passen (ping -6 -s { $fits } oder weniger), oder gib { $interface } von { $router } eine größere MTU (1500 im Ethernet).
diagnose-frag-needed = { $router } kann das { $size }-Byte-Paket nicht über { $interface } (MTU { $mtu }) weiterleiten: ping setzt Don't Fragment (Path MTU Discovery), also hat er es verworfen und ICMP „fragmentation needed“ (mtu = { $mtu }) zurückgeschickt. { $device } kennt jetzt die Path MTU und fragmentiert seine nächsten Pakete selbst, also geht nur das erste verloren. Schicke Pakete, die passen (ping -s { $fits } oder weniger), oder gib { $interface } von { $router } eine größere MTU (1500 im Ethernet).
