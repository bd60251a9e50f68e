# Warum ein Gerät einen Frame oder ein Paket verwirft: das Ende von „… verwirft <Frame>: <Grund>“
# (engine/src/trace/facts.rs, DropReason::msg).

drop-not-for-my-mac = seine Ziel-MAC ist nicht die dieser Schnittstelle, also ignoriert die Netzwerkkarte ihn
drop-arp-not-for-me = die ARP-Anfrage fragt nach einer Adresse, die dieses Gerät nicht hat, also bleibt es still
drop-not-forwarding = es ist an eine andere IP adressiert, und dieser Host leitet keine Pakete weiter (ip_forward = 0)
drop-ttl-expired = seine TTL ist abgelaufen
drop-no-route = keine Route passt zu seinem Ziel
drop-neighbor-failed = ARP für den nächsten Hop ist gescheitert
drop-neighbor-queue-full = zu viele Pakete haben auf ARP gewartet
drop-same-segment = das Ziel liegt an dem Port, von dem der Frame kam, also schickt der Switch ihn nicht zurück
drop-tx-queue-full = die Sendewarteschlange der Leitung ist voll
drop-no-link = an diesem Port steckt kein Kabel
drop-malformed = es ist fehlerhaft aufgebaut
drop-unsupported = dieses Lab bildet dieses Protokoll nicht nach
drop-icmp-rate-limited = Linux begrenzt ICMP-Fehler je Ziel (icmp_ratelimit), also wird kein Fehler gesendet
drop-no-listener = kein Programm auf diesem Gerät wartet darauf
drop-nat-no-free-port = das NAT fand für eine neue Verbindung keinen freien Quellport auf seiner äußeren Adresse
drop-no-carrier = der Port ist down oder sein Kabel hat keinen Träger (die Gegenseite ist down), also geht nichts hinaus und nichts herein
drop-not-my-group = es ist für eine IPv6-Multicast-Gruppe, der diese Schnittstelle nicht beigetreten ist, also verwirft es der Filter der Netzwerkkarte
drop-nd-not-for-me = die Neighbor-Discovery-Nachricht betrifft eine Adresse, die dieses Gerät nicht hat (oder noch nicht nutzt), also bleibt es still
drop-too-big = es ist größer als die MTU der nächsten Leitung, und IPv6-Router fragmentieren nie
drop-no-route-back = es ist ein TCP-SYN, und es gibt keine Route zurück zu seinem Absender für das SYN-ACK, also verwirft Linux es ohne Antwort
drop-vlan-filtered = der Frame ist für ein VLAN getaggt, in dem dieser Switch-Port kein Mitglied ist (bridge vlan), also wird er verworfen
drop-port-not-forwarding = der Switch-Port leitet nicht weiter (Spanning Tree: blocking, listening oder learning), also passieren nur BPDUs
drop-lost-on-link = das Kabel hat es unterwegs verloren (die Verlustliste des Labs für diese Leitung nennt diesen Frame)
drop-redirect-ignored = es ist ein ICMP-Redirect, und Linux-Hosts nehmen nur einen zu einem Gateway ihrer Standardrouten an (secure_redirects = 1), also bleibt die Route, wie sie ist
drop-unknown-vlan = er ist für ein VLAN getaggt, für das diese Schnittstelle kein VLAN-Subinterface hat (kein ip link … type vlan id dafür), also verwirft Linux ihn
drop-frag-needed = es ist größer als die MTU der nächsten Leitung und sein Don't-Fragment-Bit ist gesetzt, also darf der Router es nicht aufteilen
