# Die Texte der eingebauten Übungen (exercises/*.json hat sie auf Englisch): Titel, Geschichte,
# Hinweise in ihrer Reihenfolge, Text nach dem Lösen. Geladen mit der Sprache (docs/languages.md).

## add-nat
ex-add-nat-title = NAT auf dem Heimrouter einschalten
ex-add-nat-story = Der Ping des Laptops an 8.8.8.8 bekommt keine Antwort, und keine DNS-Anfrage auch nicht, obwohl jedes Kabel und jede Route auf dem Weg nach draußen stimmt. Der Laptop hat eine private Adresse; den Routern des Providers wurde 192.168.1.0/24 nie mitgeteilt, und das wird auch nie passieren. Bring den Heimrouter dazu, das zu tun, was jeder Heimrouter tut.
ex-add-nat-hint-1 = Verfolge den ersten Ping auf l3 und l4: Welche Quelladresse trägt der Echo Request, wenn er bei dns-google ankommt, und was passiert mit der Antwort bei isp?
ex-add-nat-hint-2 = 192.168.1.10 ist eine private Adresse (RFC 1918): Kein Router im Internet hat eine Route dorthin, also verwirft isp die Antwort. Der Heimrouter muss die Pakete des Laptops mit seiner eigenen öffentlichen Adresse 203.0.113.2 versenden und sich merken, für wen jede Antwort ist.
ex-add-nat-hint-3 = Schalte NAT (Masquerading) auf der äußeren Schnittstelle des Heimrouters ein, eth1: "nat": "masquerade" (iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE).
ex-add-nat-solved = Mit Masquerading auf eth1 schreibt der Heimrouter beim Hinausgehen die Quelle jedes Pakets von 192.168.1.10 auf seine eigene Adresse 203.0.113.2 um und notiert die Verbindung in seiner Connection-Tracking-Tabelle. Der Server antwortet an 203.0.113.2, das der Provider routen kann; der Heimrouter findet die Verbindung in der Tabelle und schreibt das Ziel zurück auf 192.168.1.10. Jeder Heimrouter macht das, deshalb reicht eine öffentliche Adresse für ein ganzes Haus.

## default-gateway
ex-default-gateway-title = Gib einem Host sein Standardgateway
ex-default-gateway-story = pc1 ist im Netz 192.168.1.0/24 und pc2 im Netz 192.168.2.0/24; der Router r1 verbindet die beiden Netze. pc2 ist eingerichtet, aber der Ping von pc1 an pc2 scheitert sofort mit "Network is unreachable". Sag pc1, wie es sein Netz verlassen kann.
ex-default-gateway-hint-1 = 192.168.2.20 AND 255.255.255.0 = 192.168.2.0, und das ist nicht das Netz von pc1. Wohin schickt ein Host ein Paket für ein anderes Netz?
ex-default-gateway-hint-2 = Ein Host übergibt Pakete für andere Netze einem Router in seinem eigenen Netz: seinem Standardgateway. Welche Adresse hat r1 im Netz von pc1?
ex-default-gateway-hint-3 = Setze das Gateway von pc1 auf 192.168.1.1, die Adresse von r1 im Netz von pc1.
ex-default-gateway-solved = pc1 hat erkannt, dass 192.168.2.20 nicht in seinem Netz liegt, hat deshalb per ARP nach seinem Gateway 192.168.1.1 gefragt und das Paket an die MAC-Adresse von r1 geschickt, mit der IP-Adresse von pc2 weiterhin darin. Das IP-Ziel ändert sich nie; das MAC-Ziel ist der nächste Hop.

## dns-server-address
ex-dns-server-address-title = Die Adresse des DNS-Servers korrigieren
ex-dns-server-address-story = Der Laptop kann seinen Router anpingen, aber `host www.example.com` antwortet nur ";; connection timed out; no servers could be reached". Jemand hat den DNS-Server von Hand in die resolv.conf des Laptops eingetragen. Der Heimrouter betreibt den DNS-Server für dieses Netz.
ex-dns-server-address-hint-1 = Schau dir die Verbindung des Laptops an: Wen fragt er, und kommt für diese Adresse überhaupt eine ARP-Antwort?
ex-dns-server-address-hint-2 = 192.168.1.254 gehört zu keinem Gerät, also gehen die Anfragen gar nicht erst hinaus: ARP dafür scheitert, und der Resolver gibt nach seinen Versuchen auf.
ex-dns-server-address-hint-3 = Der DNS-Server ist der Heimrouter: Setze dns des Laptops auf ["192.168.1.1"].
ex-dns-server-address-solved = Der Resolver liest seine Server aus der resolv.conf und schickt seine Anfrage an den ersten, UDP-Port 53. Mit der Adresse des Routers dort erreichte die Anfrage dnsmasq, und die Antwort kam von Port 53 an den zufälligen Port des Resolvers zurück.

## gateway-off-subnet
ex-gateway-off-subnet-title = Ein Gateway außerhalb des Netzes des Hosts
ex-gateway-off-subnet-story = Das Gateway von pc1 ist 192.168.1.1, aber sein Ping an pc2 antwortet "Destination Host Unreachable": Niemand hat diese Adresse. r1 hängt am Switch von pc1, hat dort aber die Adresse 192.168.10.1. Das Gateway von pc1 auf 192.168.10.1 zu setzen, wird abgelehnt. Warum, und wie behebst du es?
ex-gateway-off-subnet-hint-1 = Um sein Gateway zu erreichen, muss pc1 per ARP danach fragen, und es fragt nur nach Adressen im eigenen Netz. Liegt 192.168.10.1 in 192.168.1.0/24?
ex-gateway-off-subnet-hint-2 = Ein Gateway außerhalb des Subnetzes des Hosts ist nie erreichbar: Linux lehnt es ab ("Nexthop has invalid gateway"). Host und Router müssen sich auf diesem Kabel ein Netz teilen.
ex-gateway-off-subnet-hint-3 = Ändere die Adresse von r1 auf eth0 in 192.168.1.1/24 (das Gateway, das pc1 schon verwendet), oder leg pc1 ins Netz 192.168.10.0/24 und setze sein Gateway auf 192.168.10.1.
ex-gateway-off-subnet-solved = pc1 und r1 teilen sich jetzt ein Netz auf demselben Kabel, also erreicht die ARP-Anfrage von pc1 nach seinem Gateway eine Schnittstelle, der die Adresse gehört und die antwortet. Ein Gateway ist immer ein Nachbar: im eigenen Subnetz des Hosts.

## hub-or-switch
ex-hub-or-switch-title = Hub oder Switch: Wer sieht den Frame?
ex-hub-or-switch-story = pc1 pingt pc2 über hub1, und pc3 empfängt jeden ihrer Frames: Ein Hub wiederholt alles an alle. Ändere das Labor so, dass pc3 keine Frames an pc2 mehr empfängt, während weiterhin jeder jeden erreicht.
ex-hub-or-switch-hint-1 = Schau, was die Netzwerkkarte von pc3 empfängt, während pc1 pc2 anpingt: Wessen MAC-Adresse steht im Zielfeld?
ex-hub-or-switch-hint-2 = Ein Hub wiederholt jeden Frame an jedem Port. Ein Switch lernt, welche MAC-Adresse hinter welchem Port sitzt, und schickt einen Unicast-Frame nur dorthin.
ex-hub-or-switch-hint-3 = Mach aus hub1 einen Switch (seine Art), oder ersetze ihn durch einen neuen Switch und steck die Kabel um.
ex-hub-or-switch-solved = Der Switch hat die MAC-Adressen von pc1 und pc2 aus ihren ersten Frames gelernt, also ging nach dem ARP-Broadcast jeder Frame nur noch aus einem Port hinaus, und pc3 hat keinen davon gesehen. Nur Broadcasts und Frames an unbekannte MAC-Adressen erreichen weiterhin alle.

## ipv6-no-address
ex-ipv6-no-address-title = Warum hat der Laptop keine IPv6-Adresse?
ex-ipv6-no-address-story = IPv6 steht bei pc1 auf "auto", wie bei jedem Laptop: Er erwartet, dass ein Router ihm sagt, in welchem Netz er ist. Der Router r1 hat IPv6-Adressen auf beiden Schnittstellen, und der Server srv antwortet auf 2001:db8:2::10, aber ping -6 von pc1 scheitert sofort mit "Network is unreachable", und ip -6 addr zeigt nur eine fe80::-Adresse. Bring r1 dazu, den Laptops am Link von eth0 zu sagen, welches Präfix sie verwenden sollen.
ex-ipv6-no-address-hint-1 = Blende die RS/RA/MLD-Ereignisse ein: pc1 schickt alle paar Sekunden Router Solicitations an ff02::2. Antwortet irgendetwas?
ex-ipv6-no-address-hint-2 = Ein Host auf "auto" bildet seine globale Adresse aus dem Präfix in einem Router Advertisement und nimmt den Router, der es geschickt hat, als Standardroute. r1 schickt keine: radvd läuft nicht auf eth0.
ex-ipv6-no-address-hint-3 = Schalte Router Advertisements auf eth0 von r1 ein (sein radvd-Präfix: an, oder 2001:db8:1::/64).
ex-ipv6-no-address-solved = r1 beantwortet jetzt die Router Solicitation von pc1 mit einem Advertisement von 2001:db8:1::/64. pc1 bildet 2001:db8:1:: + seinen EUI-64-Identifier, prüft, dass niemand sonst ihn hat (DAD), und nimmt die Link-Local-Adresse von r1 als Standardrouter: SLAAC, ganz ohne DHCP-Server.

## ipv6-prefix-length
ex-ipv6-prefix-length-title = Ein Präfix, mit dem SLAAC nichts anfangen kann
ex-ipv6-prefix-length-story = r1 betreibt radvd auf eth0, und pc1 hört seine Router Advertisements: Er hat sogar eine Standardroute über r1. Trotzdem hat pc1 noch keine globale IPv6-Adresse, und sein ping -6 an den Server scheitert. Schau dir an, was r1 ankündigt, und korrigiere die Einstellungen von r1.
ex-ipv6-prefix-length-hint-1 = Untersuche das Router Advertisement von r1: Welche Präfixlänge trägt seine Prefix-Information-Option?
ex-ipv6-prefix-length-hint-2 = SLAAC hängt an das angekündigte Präfix einen 64-Bit-Interface-Identifier (EUI-64 der MAC). 56 + 64 ist nicht 128, also bildet Linux aus einem /56 keine Adresse.
ex-ipv6-prefix-length-hint-3 = Lass r1 auf eth0 ein /64 ankündigen: radvd-Präfix 2001:db8:1::/64 (und, der Ordnung halber, die eigene Adresse von r1 auf eth0 2001:db8:1::1/64).
ex-ipv6-prefix-length-solved = Mit angekündigtem 2001:db8:1::/64 ergeben die 64 Präfixbits und der 64-Bit-EUI-64-Identifier von pc1 eine ganze 128-Bit-Adresse. Im Ethernet ist jedes IPv6-Subnetz ein /64: Kürzere Präfixe sind für das Routing zwischen Netzen da, nicht für einen Link.

## laptop-no-address
ex-laptop-no-address-title = Der Laptop hat keine Adresse
ex-laptop-no-address-story = Der Laptop soll seine Adresse per DHCP bekommen, wie jeder Laptop zu Hause. Aber er bekommt nie eine: Seine DISCOVERs gehen alle paar Sekunden hinaus, und niemand antwortet, also kann er nicht einmal den Heimrouter anpingen. Bring den Heimrouter dazu, Adressen zu vergeben.
ex-laptop-no-address-hint-1 = Schau dir die Verbindung des Laptops an: DHCP Discover nach DHCP Discover von 0.0.0.0 an 255.255.255.255, und kein Offer. Welches Gerät in diesem Netz sollte antworten?
ex-laptop-no-address-hint-2 = Ein Heimrouter betreibt einen DHCP-Server (dnsmasq) auf seiner LAN-Schnittstelle. Dieser hier betreibt keinen: Gib ihm ein services.dhcp auf eth0.
ex-laptop-no-address-hint-3 = services.dhcp: interface eth0, pool_start 192.168.1.100, pool_end 192.168.1.200, router 192.168.1.1 – ein Pool innerhalb von 192.168.1.0/24.
ex-laptop-no-address-solved = Das dnsmasq des Routers hat auf das DISCOVER geantwortet: Es hat mit einem Ping geprüft, dass die Adresse frei ist, sie per OFFER angeboten und den REQUEST des Laptops mit ACK bestätigt. Die Lease gab dem Laptop seine Adresse, sein Netz (die Maske) und sein Standardgateway; erst dann konnte er per ARP nach 192.168.1.1 fragen und es anpingen.

## missing-route
ex-missing-route-title = Eine fehlende Route auf einem Router
ex-missing-route-story = pc1 erreicht r1, und r1 ist mit r2 verkabelt, hinter dem pc2 sitzt. Trotzdem kommt der Ping von pc1 an pc2 mit "Destination Net Unreachable" von 192.168.1.1 zurück. Zeig r1 den Weg.
ex-missing-route-hint-1 = Der Fehler kommt von 192.168.1.1, also von r1. Schau dir die Routingtabelle von r1 an: Welche Netze kennt er?
ex-missing-route-hint-2 = Ein Router kennt nur seine eigenen Netze (hier 192.168.1.0/24 und 10.0.0.0/30) und die Routen, die man ihm gibt. Für alles andere antwortet er ohne Standardroute mit "Destination Net Unreachable".
ex-missing-route-hint-3 = Füge auf r1 eine Route hinzu: 192.168.2.0/24 via 10.0.0.2 (r2), oder gib r1 das Standardgateway 10.0.0.2.
ex-missing-route-solved = r1 hat 192.168.2.20 nachgeschlagen, deine Route gefunden (die längste Übereinstimmung), die TTL verringert und das Paket an die MAC-Adresse von r2 geschickt; r2 kannte den Rückweg schon. Jeder Router auf dem Weg braucht eine Route in beide Richtungen.

## neighbours-by-mask
ex-neighbours-by-mask-title = Nachbarn oder nicht: /24 gegen /25
ex-neighbours-by-mask-story = pc1 (.10) und pc2 (.100) teilen sich einen Switch mit pc3 (.200), der zum Labor nebenan gehört. pc1 und pc2 müssen sich gegenseitig erreichen, aber pc1 darf pc3 nicht als Nachbarn behandeln. Nur die Masken dürfen sich ändern.
ex-neighbours-by-mask-hint-1 = Bestimme das Netz jedes Hosts: Adresse AND Maske. Zwei Hosts sprechen nur direkt miteinander, wenn jeder den anderen in seinem eigenen Netz findet.
ex-neighbours-by-mask-hint-2 = Ein /26 (255.255.255.192) teilt 192.168.1.0/24 in vier Blöcke zu 64: Der Block von pc2 ist .64–.127, also glaubt pc2, pc1 (.10) sei woanders, und kann nicht antworten. Ein /25 teilt es in .0–.127 und .128–.255.
ex-neighbours-by-mask-hint-3 = Setze die Maske von pc1 auf /25, sodass .200 außerhalb seines Netzes liegt, und die Maske von pc2 auf /25 (oder /24), sodass pc1 in das Netz von pc2 fällt.
ex-neighbours-by-mask-solved = Mit /25 ergibt 192.168.1.10 AND 255.255.255.128 = 192.168.1.0 und .100 ebenso, aber .200 ergibt 192.168.1.128: pc1 fragt per ARP direkt nach pc2 und weigert sich, an pc3 zu senden ("Network is unreachable"). Die Maske entscheidet, wer ein Nachbar ist, nicht das Kabel.

## read-the-handshake
ex-read-the-handshake-title = Den Handshake lesen
ex-read-the-handshake-story = `curl -v http://203.0.113.10/` auf dem Laptop gibt "Trying 203.0.113.10:80..." aus und dann lange nichts. Verfolge den Handshake Frame für Frame: Erreicht das SYN den Webserver? Verlässt ihn jemals ein SYN-ACK? Finde heraus, warum nicht, und behebe es, damit die Seite lädt.
ex-read-the-handshake-hint-1 = Geh die Frames auf l2 durch: Das SYN kommt bei web an, wieder und wieder (im Abstand von 1 s: der Laptop wiederholt es). Was schickt web zurück?
ex-read-the-handshake-hint-2 = Um zu antworten, muss web ein SYN-ACK an 192.168.1.10 schicken, das nicht in seinem Netz liegt. Schau dir die Routingtabelle von web an: Welchen Weg würde das SYN-ACK nehmen?
ex-read-the-handshake-hint-3 = Gib web das Standardgateway 203.0.113.1 (die Adresse des Routers in seinem Netz).
ex-read-the-handshake-solved = Ein Handshake braucht beide Richtungen: SYN hin, SYN-ACK zurück, ACK hin. Ohne Route zurück zum Client verwirft Linux das SYN, bevor es überhaupt einen Request-Socket anlegt (keine Route für das SYN-ACK), also sieht der Client nur Stille und wiederholt sein SYN nach 1 s, 1 s, 1 s … Mit einem Gateway findet das SYN-ACK seinen Weg, und die Seite lädt.

## read-traceroute
ex-read-traceroute-title = Ein traceroute lesen
ex-read-traceroute-story = Der Laptop erreicht 8.8.8.8 nicht. traceroute zeigt, wie die ersten beiden Hops antworten, danach nur noch * * *. Lies das traceroute, finde den Router, bei dem das Problem beginnt, und repariere ihn, sodass traceroute 8.8.8.8 in fünf Hops erreicht.
ex-read-traceroute-hint-1 = Jede Zeile von traceroute ist ein Router, der mit "Time to live exceeded" antwortet. Hop 1 ist home-router, Hop 2 ist isp1. Welcher Router sollte bei Hop 3 antworten?
ex-read-traceroute-hint-2 = isp2 empfängt die Proben mit TTL 1 durchaus, und spätere leitet er weiter. Aber seine Antworten und die aller anderen müssen über isp2 zurück zu 192.168.1.10, und isp2 hat keine Route in das Netz des Laptops.
ex-read-traceroute-hint-3 = Gib isp2 eine Route 192.168.1.0/24 via 10.0.12.1 (isp1), oder das Standardgateway 10.0.12.1.
ex-read-traceroute-solved = traceroute zeigt jetzt home-router, isp1, isp2, isp3 und 8.8.8.8: Jeder Router hat auf die Probe geantwortet, deren TTL bei ihm ablief, und die Antworten fanden ihren Weg zurück. Eine Zeile * * * heißt, dass keine Antwort zurückkam, und das ist genauso oft eine fehlende Route zurück wie eine fehlende Route hin.

## right-network
ex-right-network-title = Einen Host ins richtige Netz setzen
ex-right-network-story = pc1, pc2 und pc3 stecken am selben Switch, aber pc3 erreicht die anderen beiden nicht: Sein Ping meldet "Network is unreachable". Gib pc3 eine Adresse, die ihn ins selbe Netz wie pc1 und pc2 bringt.
ex-right-network-hint-1 = Vergleiche die Adresse von pc3 mit denen von pc1 und pc2. Welcher Teil einer Adresse benennt das Netz?
ex-right-network-hint-2 = Ein Host stellt nur an Adressen direkt zu, deren Netzanteil (Adresse AND Maske) gleich seinem eigenen ist: 10.0.1.3 AND 255.255.255.0 = 10.0.1.0, aber pc1 ist in 10.0.0.0.
ex-right-network-hint-3 = Ändere die Adresse von pc3 auf eth0 in eine freie Adresse in 10.0.0.0/24, zum Beispiel 10.0.0.3/24.
ex-right-network-solved = Die Adresse von pc3 AND seine Maske ergibt jetzt 10.0.0.0, dasselbe Netz wie bei pc1 und pc2, also fragt er per ARP direkt nach ihnen, und sie antworten. Am selben Switch zu hängen reicht nicht: Auch die Adressen müssen beim Netz übereinstimmen.

## right-vlan
ex-right-vlan-title = Einen Port ins richtige VLAN setzen
ex-right-vlan-story = sw1 hält zwei VLANs getrennt: VLAN 10 fürs Büro (pc1, pc2) und VLAN 20 fürs Gästenetz. Alle drei Hosts teilen sich 10.0.0.0/24, trotzdem bekommt der Ping von pc2 an pc1 keine Antwort, während der Gast-Laptop pc1 nie erreichen darf. Repariere den Switch, nicht die Hosts.
ex-right-vlan-hint-1 = Verfolge die ARP-Anfrage von pc2 nach 10.0.0.1 in sw1: Aus welchen Ports flutet sw1 sie, und in welches VLAN kommt sie an p2?
ex-right-vlan-hint-2 = Ein VLAN-filternder Switch flutet einen Broadcast nur an Ports des VLANs, in dem er ankam. Die pvid von p2 steckt die ungetaggten Frames von pc2 in VLAN 20, das VLAN der Gäste, in dem pc1 nicht ist.
ex-right-vlan-hint-3 = Setze das VLAN (die pvid) von p2 an sw1 auf 10, das Büro-VLAN. VLAN-Filterung auszuschalten ließe auch den Gast pc1 erreichen.
ex-right-vlan-solved = Mit p2 in VLAN 10 wird der ARP-Broadcast von pc2 an p1 geflutet, und pc1 antwortet; die Frames des Gasts kommen in VLAN 20 an und erreichen nie einen Büro-Port. Ein VLAN ist eine eigene Broadcast-Domäne: derselbe Switch, dasselbe Subnetz, und trotzdem zwei getrennte Netze.

## stop-the-storm
ex-stop-the-storm-title = Den Sturm stoppen, ohne ein Kabel zu ziehen
ex-stop-the-storm-story = Drei Switches wurden im Dreieck verkabelt, damit ein kaputtes Kabel pc1 nicht von pc2 abschneidet. Stattdessen kreist der erste ARP-Broadcast von pc1 endlos im Dreieck: ein Broadcast-Sturm. Behalte jedes Kabel und bring die Switches dazu, die Schleife selbst aufzubrechen, damit pc1 pc2 anpingen kann.
ex-stop-the-storm-hint-1 = Eine Schleife aus Switches ist nur dann ein Problem, wenn jeder Switch an jedem Port weiterleitet. Echte Netze behalten das Reservekabel und blockieren einen Port der Schleife.
ex-stop-the-storm-hint-2 = Das ist die Aufgabe des Spanning Tree Protocol (STP): Die Switches wählen aus ihren BPDUs eine Root, und jedes Kabel behält ein weiterleitendes Ende; ein Port des Dreiecks blockiert. Bei Linux-Bridges ist es standardmäßig aus.
ex-stop-the-storm-hint-3 = Wähle nacheinander sw1, sw2 und sw3 und hake bei jedem "Spanning Tree (STP)" an. Ihre Ports hören und lernen je 15 s, bevor sie weiterleiten, daher startet der Ping der Prüfung nach 31 s.
ex-stop-the-storm-solved = Mit STP haben sich die Switches auf eine Root-Bridge geeinigt, und ein Port des Dreiecks blockiert: Der Broadcast erreicht jeden Switch einmal und hört dann auf. Trenn ein Kabel des Baums, und der blockierte Port übernimmt, nachdem die alte Information abgelaufen ist (20 s) und zwei Forward Delays vergangen sind (30 s).

## ttl-loop
ex-ttl-loop-title = Warum scheitert der Ping an 8.8.8.8?
ex-ttl-loop-story = pc1 pingt 8.8.8.8 und bekommt "Time to live exceeded" zurück. r1 schickt alles, was er nicht kennt, an r2, der es an r3 weitergeben sollte, hinter dem 8.8.8.8 liegt. Finde heraus, wo das Paket im Kreis läuft, und behebe es.
ex-ttl-loop-hint-1 = Verfolge den Echo Request Hop für Hop und beobachte seine TTL: Welche Router besucht er, und in welcher Reihenfolge?
ex-ttl-loop-hint-2 = r1 schickt ihn an r2 (sein Standardgateway), und das Standardgateway von r2 ist r1: Das Paket springt zwischen ihnen hin und her, jedes Mal mit einer TTL weniger, bis ein Router es mit TTL 1 empfängt und mit "Time to live exceeded" antwortet.
ex-ttl-loop-hint-3 = Ändere das Gateway von r2 auf 10.0.1.2 (r3), oder gib r2 eine Route 8.8.8.0/24 via 10.0.1.2.
ex-ttl-loop-solved = Der Echo Request geht jetzt pc1 → r1 → r2 → r3 → 8.8.8.8 und verliert pro Router eine TTL, statt im Kreis zu laufen, bis sie 1 erreicht. Genau dafür gibt es die TTL: Eine Schleife kostet ein paar Dutzend Hops, statt das Netz lahmzulegen.

## who-hears-arp
ex-who-hears-arp-title = Wer hört den ARP-Broadcast?
ex-who-hears-arp-story = pc1 und pc2 arbeiten an einem Switch, pc3 und pc4 an einem anderen, und ein Kabel verbindet die beiden Switches. Jedes Mal, wenn pc1 fragt "Wer hat die Adresse von pc2?", hören pc3 und pc4 die Frage mit. Steck die Kabel so um, dass pc3 und pc4 die ARP-Anfragen von pc1 nicht mehr hören, während sich beide Paare weiterhin anpingen können.
ex-who-hears-arp-hint-1 = Eine ARP-Anfrage geht an ff:ff:ff:ff:ff:ff. Was macht ein Switch mit einem Broadcast-Frame?
ex-who-hears-arp-hint-2 = Ein Switch flutet einen Broadcast aus jedem anderen verbundenen Port, und der nächste Switch flutet ihn wieder: Alles, was über Switches verbunden ist, ist eine Broadcast-Domäne.
ex-who-hears-arp-hint-3 = Entferne das Kabel sw1-sw2 zwischen den beiden Switches (bei den Verbindungen des Labors), damit pc3 und pc4 eine eigene Broadcast-Domäne haben.
ex-who-hears-arp-solved = Das "Wer hat 10.0.0.2?" von pc1 wird jetzt nur noch über sw1 geflutet, also hört es nur pc2. Ein Broadcast erreicht jeden Port jedes zusammengeschlossenen Switches; deshalb werden große flache Netze aufgeteilt.

## why-nxdomain
ex-why-nxdomain-title = Warum NXDOMAIN?
ex-why-nxdomain-story = `host www.example.com` auf dem Laptop bekommt sofort eine Antwort, aber sie lautet "Host www.example.com not found: 3(NXDOMAIN)". Der DNS-Server ist erreichbar und antwortet; das Problem liegt in dem, was er weiß. Korrigiere die Zone auf dem DNS-Server.
ex-why-nxdomain-hint-1 = NXDOMAIN ist eine Antwort, kein Timeout: Der Server ist autoritativ für example.com und sagt, dass es den Namen nicht gibt. Öffne die Antwort: Was steht in ihrem Authority-Abschnitt?
ex-why-nxdomain-hint-2 = Vergleiche den gefragten Namen Buchstabe für Buchstabe mit den Namen in den Einträgen der Zone.
ex-why-nxdomain-hint-3 = Der Eintrag heißt ww.example.com; benenne ihn in www.example.com um.
ex-why-nxdomain-solved = Ein autoritativer Server antwortet mit NXDOMAIN für einen Namen seiner Zone, für den er keinen Eintrag hat, zusammen mit dem SOA der Zone, damit Resolver das Nein zwischenspeichern dürfen. Mit dem richtig benannten Eintrag antwortet er mit dem A-Eintrag und dem AA-Flag.

## why-page-fails
ex-why-page-fails-title = Warum lädt die Seite nicht?
ex-why-page-fails-story = Der Webserver hat seine Seite, der Name www.example.com wird zu ihm aufgelöst, und trotzdem scheitert `curl -v http://www.example.com/` auf dem Laptop sofort mit "Connection refused". Lies die Antwort, die der Server auf das SYN des Laptops schickt, und korrigiere dann den Webserver, damit die Seite lädt.
ex-why-page-fails-hint-1 = Der Name wird aufgelöst, und das SYN erreicht web: Das Problem ist die Antwort von web. Welche Flags trägt sie: SYN-ACK oder RST?
ex-why-page-fails-hint-2 = RST|ACK auf ein SYN bedeutet, dass an diesem Port kein Socket lauscht: Linux selbst antwortet für den geschlossenen Port. Nach welchem Port hat das SYN gefragt, und an welchem Port lauscht der Server von web (schau in seine Socket-Tabelle)?
ex-why-page-fails-hint-3 = Eine URL ohne Port bedeutet Port 80. Lass den Webserver an Port 80 lauschen (entferne "port": 8080), oder rufe http://www.example.com:8080/ ab.
ex-why-page-fails-solved = Ein SYN an einen Port, an dem nichts lauscht, bekommt vom Kernel ein RST|ACK (tcp_v4_send_reset), und connect() scheitert sofort mit ECONNREFUSED: curl endet mit Code 7. Mit nginx an Port 80 bekommt das SYN ein SYN-ACK, der Handshake wird abgeschlossen, und GET / bekommt 200 OK.

## trunk-to-the-router
ex-trunk-to-the-router-title = Beide VLANs zum Router tragen
ex-trunk-to-the-router-story = r1 routet zwischen VLAN 10 (pc1, 192.168.10.0/24) und VLAN 20 (pc2, 192.168.20.0/24) über ein einziges Kabel: Sein eth0 trägt zwei VLAN-Subinterfaces, eth0.10 und eth0.20, ein Gateway pro VLAN. pc1 erreicht sein Gateway, aber pc2 bekommt keine Antwort, nicht einmal von seinem eigenen Gateway 192.168.20.1. Repariere den Switch, damit pc2 pc1 anpingen kann.
ex-trunk-to-the-router-hint-1 = Verfolge die ARP-Anfrage von pc2 nach seinem Gateway 192.168.20.1: Sie kommt an p2 in VLAN 20 in sw1 an. Aus welchen Ports darf sw1 einen Frame aus VLAN 20 fluten?
ex-trunk-to-the-router-hint-2 = Das Kabel zu r1 ist ein Trunk: eth0.20 von r1 nimmt nur Frames mit dem Tag VLAN 20 an, und sw1 schickt einen Frame nur für die VLANs aus p3, in denen p3 Mitglied ist. p3 trägt nur VLAN 10.
ex-trunk-to-the-router-hint-3 = Füge VLAN 20 zu den getaggten VLANs von p3 an sw1 hinzu (tagged 10, 20). VLAN 20 als ungetaggtes VLAN von p3 reicht nicht: r1 gibt ungetaggte Frames an eth0, und eth0 hat keine Adresse.
ex-trunk-to-the-router-solved = Mit VLAN 20 getaggt auf p3 überqueren die Frames von pc2 den Trunk mit dem Tag VLAN 20 und erreichen eth0.20, und r1 routet sie aus eth0.10, getaggt mit VLAN 10, über dasselbe Kabel zurück. Ein Kabel, zwei VLANs, zwei Subnetze: ein Router on a Stick.
