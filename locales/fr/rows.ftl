## Les lignes d'une ligne de la liste des événements (src/playback/events.rs).

row-routes-installed = { $count ->
        [one] { $count } route installée
       *[other] { $count } routes installées
    }
row-received = reçu : { $frame }
row-dropped = rejeté : { $frame }
row-packet-dropped = paquet rejeté
row-forward = transférer { $from } → { $to }
row-flood = inonder { $from } → { $ports }
row-flood-nowhere = inonder { $from } → nulle part
row-mac-learned = apprendre { $mac } sur { $port }
row-mac-aged = oublier { $mac } sur { $port }
row-route = route vers { $destination } : prochain saut { $hop }
row-no-route = pas de route vers { $destination }
row-neighbor = { $ip } → { $state }
row-ipv6-address = { $address } { $state }
row-ipv6-routes = { $count ->
        [one] { $count } route IPv6
       *[other] { $count } routes IPv6
    }
row-ra = RA de { $router }
row-ra-prefix = RA de { $router } : { $prefix }
row-ipv6-down = { $interface } : adresses IPv6 effacées
row-ipv6-neighbors-flushed = { $interface } : { $count ->
        [one] { $count } voisin IPv6 effacé
       *[other] { $count } voisins IPv6 effacés
    }
row-address-removed = { $interface } : { $address } retirée
row-default-router-expired = route par défaut via { $router } expirée
row-icmp6-error = { $error } → { $to }
row-icmp6-error-held = { $error } → { $to } (débit limité)
row-icmp-error = ICMP { $error } → { $to }
row-icmp-error-held = ICMP { $error } → { $to } (débit limité)
row-dhcp-via = {" "}via { $router }
row-dhcp-dns = , DNS { $servers }
row-dhcpack = DHCPACK : { $address }{ $via }{ $dns } sur { $interface }, bail { $seconds } s
row-dhcpack-renewed = DHCPACK (renouvelé) : { $address }{ $via }{ $dns } sur { $interface }, bail { $seconds } s
row-dhcpnak = DHCPNAK de { $server } : { $address } retirée de { $interface }
row-dhcp-expired = bail DHCP de { $address } expiré : retirée de { $interface }
row-dhcprelease = DHCPRELEASE vers { $server } : { $address } retirée de { $interface }
row-dhcp-server-release = table des baux DHCP : { $address } libérée par { $mac }
row-dhcp-no-offers = Aucun DHCPOFFER reçu sur { $interface } ; nouvel essai à { $time }
row-dhcp-server-lease = table des baux DHCP : { $address } → { $mac }
row-dhcp-server-lease-host = table des baux DHCP : { $address } → { $mac } ({ $host })
row-lookup = résolution de { $name } : { $answer }
row-lookup-from = résolution de { $name } : { $answer } (de { $server })
row-lookup-nodata = aucune adresse (NODATA)
row-lookup-timeout = délai dépassé
row-lookup-server-error = erreur du serveur ({ $rcode })
row-lookup-no-servers = aucun serveur de noms
row-tcp-state = TCP { $local } ↔ { $peer } : { $state }
row-tcp-closed = TCP { $local } ↔ { $peer } : fermée
row-tcp-retransmit = retransmission TCP vers { $peer } après { $ms } ms
row-tcp-reset = reset TCP : { $local } → { $peer }
row-http-response = HTTP { $status } { $reason }, { $bytes ->
        [one] { $bytes } octet
       *[other] { $bytes } octets
    }
row-conntrack-own = conntrack { $interface } : flux propre { $from } → { $to }
row-nat-source = NAT { $interface } : source { $from } → { $to }
row-nat-destination = NAT { $interface } : destination { $from } → { $to }
row-nat-icmp-error = NAT { $interface } : erreur ICMP pour { $address }
row-conntrack-expired = conntrack : { $from } → { $to } expiré
row-carrier-back = { $port } : porteuse rétablie ({ $peer }/{ $peer_port } { $state })
row-carrier-lost = { $port } : porteuse perdue ({ $peer }/{ $peer_port } { $state })
row-link = { $port } { $state }
row-mac-flushed = oublier { $count ->
        [one] { $count } MAC
       *[other] { $count } MAC
    } de { $port }
row-mac-flushed-all = oublier { $count ->
        [one] { $count } MAC
       *[other] { $count } MAC
    } de tous les ports
row-arp-flush = vidage ARP sur { $interface } : { $count ->
        [one] { $count } entrée
       *[other] { $count } entrées
    }
row-address-deleted = { $interface } : adresse { $address } retirée
row-address-added = { $interface } : adresse { $address } ajoutée
row-no-address = { $interface } : aucune adresse
row-powered-on = allumé
row-powered-off = éteint
row-stp-root-bridge = STP : je suis le pont racine
row-stp-root = STP : racine { $root } via { $port }, coût { $cost }
row-stp-port = STP : { $port } { $role } { $state }
row-mtu-too-big = { $size ->
        [one] { $size } octet
       *[other] { $size } octets
    } > MTU { $mtu } de { $interface }
row-mtu-fragmented = { $size ->
        [one] { $size } octet
       *[other] { $size } octets
    } → { $fragments ->
        [one] { $fragments } fragment
       *[other] { $fragments } fragments
    } (MTU { $mtu })
row-mtu-reassembled = { $fragments ->
        [one] { $fragments } fragment
       *[other] { $fragments } fragments
    } → { $size ->
        [one] { $size } octet
       *[other] { $size } octets
    }
row-path-mtu = MTU du chemin vers { $destination } : { $mtu }
row-stp-topology-change = STP : changement de topologie, les MAC vieillissent en 15 s
row-stp-topology-change-over = STP : fin du changement de topologie
row-storm = tempête de broadcast après { $count ->
        [one] { $count } événement
       *[other] { $count } événements
    }

## The event list's filter chips: how many rows a hidden class hides.
events-hidden-title = { $count ->
        [one] { $count } événement masqué
       *[other] { $count } événements masqués
    }
events-hidden-count = {" "}({ $count } { $count ->
        [one] masqué
       *[other] masqués
    })
