# Was an einer Befehlszeile falsch ist: die Befehle eines Labors und die während eines Laufs
# eingegebenen (engine/src/scenario/command.rs, config.rs). Programmnamen, Optionen, Aufrufformen
# (ping -c COUNT …) und die eigenen Meldungen der Programme bleiben, wie die Programme sie schreiben.

invalid-usage = Aufruf: { $usage }
invalid-usage-example = { $usage } (z. B. { $example })
invalid-unknown-command = unbekannter Befehl `{ $command }` (dieses Labor kennt ping, traceroute, dhclient, host, dig, getent hosts, curl, ip, bridge, poweroff und poweron)
invalid-empty-command = leerer Befehl
invalid-missing-destination = Zieladresse fehlt; Aufruf: { $usage }
invalid-not-address-or-name = { $value } ist weder eine IPv4-Adresse noch ein Hostname wie www.example.com
invalid-ipv6-target = { $value } ist keine IPv6-Adresse (über IPv6 werden in diesem Labor keine Namen aufgelöst)
invalid-not-host-name = { $value } ist kein Hostname wie www.example.com
invalid-unsupported-option = { $program } kennt die Option { $flag } hier nicht; Aufruf: { $usage }
invalid-unexpected-argument = unerwartetes Argument { $value }; Aufruf: { $usage }
invalid-flag-needs = { $flag } braucht { $what ->
    [count] eine Anzahl
    [interval] ein Intervall in Sekunden
    [timeout] eine Wartezeit in Sekunden
    [size] eine Größe in Bytes
    [ttl] eine TTL
    [interface] eine Schnittstelle
   *[interface-or-address] eine Schnittstelle oder eine Quelladresse
}
invalid-flag-needs-number = { $flag } braucht eine Zahl
invalid-flag-whole-number = { $flag } braucht eine ganze Zahl, nicht { $value }
invalid-flag-range = { $flag } { $value } liegt außerhalb des Bereichs ({ $min }–{ $max })
invalid-flag-seconds = { $flag } braucht eine Anzahl Sekunden, nicht { $value }
invalid-flag-range-seconds = { $flag } { $value } liegt außerhalb des Bereichs ({ $min }–{ $max } s)
invalid-flag-bytes = { $flag } braucht eine ganze Zahl von Bytes, nicht { $value }
invalid-ping-size = -s { $size } ist größer als { $max }: das Paket müsste fragmentiert werden (IP-Fragmentierung), was dieses Labor nicht modelliert
invalid-ping6-size = -s { $size } ist größer als { $max }: das Paket müsste fragmentiert werden (IPv6-Fragmentierung), was dieses Labor nicht modelliert
invalid-ping-ttl = -t braucht eine TTL von 1 bis 255, nicht { $value }
invalid-ping6-bind = -I { $value }: mit -6 bindet dieses Labor an eine Schnittstelle (wie -I eth0), nicht an eine Adresse
invalid-ping-bind = -I { $value } ist weder eine IPv4-Adresse noch der Name einer Schnittstelle
invalid-ping-needs-count = ping braucht hier -c COUNT (ein Lauf im Labor muss enden); Aufruf: { $usage }
invalid-flag-needs-port = { $flag } braucht eine Portnummer
invalid-flag-port = { $flag } braucht eine Portnummer (1–65535), nicht { $value }
invalid-traceroute-tcp = TCP-SYN-Proben (-T) werden nicht modelliert: einfaches traceroute sendet UDP-Proben an die Ports ab 33434, -U an einen Port (53), -I sendet ICMP-Echos; Aufruf: { $usage }
invalid-traceroute-two-methods = -I und -U sind zwei Probe-Methoden: wähl eine; Aufruf: { $usage }
invalid-traceroute-icmp-port = -p setzt den ersten Port der UDP-Proben; ICMP-Proben (-I) haben hier keinen; Aufruf: { $usage }
invalid-first-hop = first hop out of range: -f { $first } liegt über dem Maximum von { $max } Hops
invalid-traceroute6-icmp = traceroute -6 sendet hier ICMPv6-Proben: füg -I hinzu; Aufruf: { $usage }
invalid-wait-needs = -w braucht eine Wartezeit in Sekunden, wie -w 5 oder -w 5,3,10
invalid-wait-range = -w { $value }: die Wartezeit muss 0–3600 Sekunden betragen, wie -w 5 oder -w 5,3,10
invalid-wait-factor = -w { $value }: { $name } muss eine ganze Zahl von 0 bis 100 sein
invalid-wait-parts = -w { $value }: höchstens MAX,HERE,NEAR
invalid-curl-one-url = eine URL auf einmal: unerwartet { $value }; Aufruf: { $usage }
invalid-curl-needs-url = curl braucht eine URL; Aufruf: { $usage }
invalid-url-scheme = { $scheme }:// wird nicht modelliert: curl holt in diesem Labor nur http://-URLs (in { $url })
invalid-url-ipv6 = { $url }: IPv6-Adressen werden nicht modelliert; nimm eine IPv4-Adresse oder einen Namen
invalid-url-user = { $url }: Benutzernamen in URLs werden nicht modelliert
invalid-url-port = der Port in { $url } muss eine Zahl von 1 bis 65535 sein, nicht „{ $port }“
invalid-url-no-host = { $url } hat keinen Host: schreib sie wie http://www.example.com/ oder http://10.0.0.2/
invalid-url-ipv4 = { $host } in { $url } ist keine IPv4-Adresse (vier Zahlen 0–255 wie 10.0.0.2)
invalid-url-name = { $host } in { $url } ist kein Hostname wie www.example.com
invalid-url-path = der Pfad { $path } enthält Zeichen, die eine URL nicht unkodiert tragen kann
invalid-fdb-synopsis = bridge fdb flush dev PORT (oder dev SWITCH für jeden Port)
invalid-no-arguments = { $program } nimmt keine Argumente, nicht { $value }
invalid-ip-object = ip { $object } wird nicht modelliert; dieses Labor kennt { $commands }
invalid-device-name = „{ $value }“ ist kein Gerätename
invalid-link-state = ip link set { $dev } { $state }: dieses Labor modelliert nur down und up; Aufruf: { $usage }
invalid-flush-arguments = Flush requires arguments; Aufruf: { $usage }
invalid-route-needs-gateway = die Routen dieses Labors brauchen ein Gateway; Aufruf: { $usage }
invalid-addr-needs-prefix = { $value } braucht seine Präfixlänge, wie { $value }/24; Aufruf: { $usage }
invalid-cannot-find-interface = Cannot find device "{ $dev }": { $device } hat keine Schnittstelle { $dev } (es hat { $ports })
invalid-cannot-find-port = Cannot find device "{ $dev }": { $device } hat keinen Port { $dev } (es hat { $ports })
invalid-no-ip-stack-command = { $device } ist ein { $kind }: er hat keinen IP-Stack, also gilt `{ $command }` hier nicht (Switch-Befehle: ip link set PORT down|up, bridge fdb flush dev PORT)
invalid-fdb-not-switch = { $device } ist ein { $kind }; bridge fdb flush läuft auf Switches (ein Hub lernt nichts)

# ip -6 während eines Laufs (Issue 16).
invalid-ip6-object = ip -6 { $object } wird nicht nachgebildet; dieses Labor kennt { $commands }
invalid-route6-needs-gateway = die Routen dieses Labors brauchen ein Gateway; Aufruf: { $usage }
invalid-route6-gateway = { $value } ist keine IPv6-Adresse; Aufruf: { $usage }
invalid-route6-not-a-gateway = { $value } kann kein Gateway sein
invalid-route6-link-local = { $value } ist link-lokal: Gib an, an welcher Schnittstelle es liegt (dev DEV); Aufruf: { $usage }
invalid-addr6-needs-length = { $value } braucht seine Präfixlänge, etwa { $value }/64; Aufruf: { $usage }
