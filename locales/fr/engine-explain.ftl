# La phrase qui explique chaque événement de la trace (engine/src/trace/explain.rs, TraceEvent::explain_msg).
# Noms, adresses, résumés de trames, heures et sorties de programmes sont du texte ; les nombres sont des nombres.

explain-routes = { $device } a { $count ->
        [one] { $count } route
       *[other] { $count } routes
    } : { $routes }
explain-frame-sent = { $device }/{ $port } envoie { $frame } ({ $bytes } octets) sur { $link } vers { $to_device }/{ $to_port } ; elle arrive à { $arrival } ({ $duration } après { $start })
explain-frame-received = { $device }/{ $port } reçoit { $frame } depuis { $link }
explain-frame-dropped = { $place } rejette { $frame } : { $reason }
explain-packet-dropped = { $device } rejette { $packet } : { $reason }
explain-ipv4-packet = le paquet IPv4 { $src } → { $dst }
explain-ipv4-packet-truncated = un paquet IPv4 tronqué

# Commutateurs : où va une trame et pourquoi.
explain-why-broadcast = { $mac } est l'adresse de diffusion
explain-why-multicast = { $mac } est une adresse multicast
explain-why-unknown = { $device } n'a pas encore appris où se trouve { $mac }
explain-why-learned = { $device } a appris { $mac } sur ce port
explain-why-hub = un concentrateur (hub) répète chaque trame
explain-why-in-vlan = { $why } dans le VLAN { $vlan }
explain-switch-forward = { $device } transmet la trame venue de { $in_port } uniquement par { $port } : { $why }
explain-switch-flood = { $device } diffuse la trame venue de { $in_port } par { $ports } : { $why }
explain-flood-nowhere = aucun autre port
explain-flood-nowhere-vlan = aucun autre port de son VLAN
explain-mac-learned = { $device } apprend que { $mac } est joignable par { $port }
explain-mac-learned-vlan = { $device } apprend que { $mac } est joignable par { $port } dans le VLAN { $vlan }
explain-mac-moved = { $device } voit maintenant { $mac } sur { $port } (avant sur { $old }) et met à jour sa table MAC
explain-mac-moved-vlan = { $device } voit maintenant { $mac } sur { $port } (avant sur { $old }) et met à jour sa table MAC dans le VLAN { $vlan }
explain-mac-aged = { $device } oublie { $mac } sur { $port } : rien n'en est venu pendant 300 s

# La table ARP : $old est l'état ip neigh d'avant, ou "none" (pas encore d'entrée).
explain-arp-entry = Table ARP de { $device } ({ $interface }) : { $ip } { $old ->
        [none] aucune entrée
       *[other] { $old }
    } → { $new } : { $why }
explain-arp-entry-mac = Table ARP de { $device } ({ $interface }) : { $ip } { $old ->
        [none] aucune entrée
       *[other] { $old }
    } → { $new } à { $mac } : { $why }
explain-arp-why-incomplete = un paquet a besoin de cette adresse, donc ARP commence
explain-arp-why-reachable = une réponse l'a confirmée
explain-arp-why-learned = apprise d'un paquet ARP reçu
explain-nud-why-not-confirmed = pas confirmée pendant le temps d'accessibilité (reachable time)
explain-nud-why-delay = utilisée alors qu'elle était STALE ; Linux attend 5 s une confirmation
explain-arp-why-probe = pas de confirmation en 5 s, donc il interroge directement le voisin
explain-arp-why-failed = aucune réponse ARP n'est venue
explain-arp-why-new-mac = un paquet ARP a donné une nouvelle MAC
explain-nud-why-other = changement d'état

# Erreurs ICMP : $error est le texte d'iputils ("Time to live exceeded").
explain-icmp-held = { $device } enverrait « { $error } » à { $to }, mais la limitation de débit ICMP de Linux la retient
explain-icmp-sent = { $device } renvoie l'ICMP « { $error } » de { $from } à { $to }

explain-command-started = { $label } démarre
explain-command-output = { $label } affiche : { $line }

# DHCP.
explain-dhcp-renewed = { $device }/{ $interface } a renouvelé son bail sur { $address } auprès du serveur DHCP { $server } : il peut garder l'adresse { $seconds } s de plus et redemandera à { $renew }.
explain-dhcp-bound = { $device }/{ $interface } a obtenu l'adresse { $address } du serveur DHCP { $server } pour { $seconds } s, avec { $gateway } et { $dns } ; il les installe comme `ip addr add` et `ip route add default`.
explain-dhcp-gateway = la passerelle par défaut { $gateway }
explain-dhcp-no-gateway = aucune passerelle par défaut
explain-dhcp-dns = { $count ->
        [one] le serveur DNS
       *[other] les serveurs DNS
    } { $servers }
explain-dhcp-no-dns = aucun serveur DNS
explain-dhcp-nak = Le serveur DHCP { $server } a refusé le bail de { $device }/{ $interface } (NAK), donc { $device } retire { $address } et recommence avec un DISCOVER.
explain-dhcp-expired = Le bail de { $device }/{ $interface } sur { $address } a expiré sans être renouvelé, donc { $device } retire l'adresse et ses routes et redemande.
explain-dhcp-released = { $device }/{ $interface } a rendu son bail sur { $address } au serveur DHCP { $server } (DHCPRELEASE) et retire l'adresse et ses routes, comme le fait `dhclient -r` ; il ne demande plus rien jusqu'à ce que dhclient soit relancé.
explain-dhcp-server-release = { $mac } a rendu { $address } (DHCPRELEASE), donc le serveur DHCP sur { $device } supprime le bail et peut attribuer l'adresse à nouveau.
explain-dhcp-no-offers = Aucun serveur DHCP n'a répondu aux DISCOVER de { $device }/{ $interface } pendant 60 s, donc dhclient abandonne (« No DHCPOFFERS received. ») et réessaie à { $retry } ; l'interface n'a pas d'adresse en attendant.
explain-dhcp-server-lease = Le serveur DHCP sur { $device } attribue { $address } à { $mac } jusqu'à { $expires } et le note dans sa table des baux.
explain-dhcp-server-lease-host = Le serveur DHCP sur { $device } attribue { $address } à { $mac } ({ $hostname }) jusqu'à { $expires } et le note dans sa table des baux.

# DNS : $server est l'une des deux tournures ci-dessous ; $label est la commande qui a demandé.
explain-dns-its-server = son serveur DNS
explain-dns-the-server = le serveur DNS { $server }
explain-dns-answer = { $server } a répondu à la question de { $device } sur { $name } : { $addresses } ({ $label }).
explain-dns-nodata = { $server } dit que { $name } existe mais n'a pas d'adresse IPv4 (pas d'enregistrement A) ({ $label }).
explain-dns-nxdomain = { $server } a répondu NXDOMAIN : le nom { $name } n'existe pas dans le DNS ({ $label }).
explain-dns-timeout = Aucun serveur DNS n'a répondu à la question de { $device } sur { $name } : chaque requête a expiré ({ $label }).
explain-dns-error = { $server } n'a pas pu répondre à la question de { $device } sur { $name } ({ $rcode }) ({ $label }).
explain-dns-no-servers = { $device } n'a aucun serveur DNS dans son resolv.conf, il ne peut donc pas résoudre { $name } ({ $label }).

explain-storm = Tempête de diffusion : après { $events } événements, des trames circulaient encore à travers { $devices } (liaisons { $links }). Les commutateurs relaient les diffusions sans fin autour d'une boucle ; les vrais réseaux utilisent STP pour bloquer un port.
explain-storm-more = { $names } et { $count } de plus

# Décisions de routage (IPv4). Un test ET : la destination ET le masque, comparé à un réseau.
explain-and-differs = { $dst } AND { $mask } = { $masked } ≠ { $network }/{ $len } ;{" "}
explain-and-not-mine = { $dst } AND { $mask } = { $masked } ≠ mon réseau ({ $network }/{ $len }) ;{" "}
explain-route-host-none = { $checks }{ $device } n'a pas de route vers { $dst } ni de passerelle par défaut : Network is unreachable
explain-route-host-direct = { $dst } AND { $mask } = { $masked } = mon réseau ({ $network }/{ $len }), donc remise directe : ARP pour { $dst }
explain-route-host-gateway = { $checks }donc l'envoyer à la passerelle par défaut { $via } : ARP pour { $via }
explain-route-host-via = { $checks }la route { $prefix } correspond, donc l'envoyer à { $via } via { $interface } : ARP pour { $via }
explain-route-forward-none = { $device } : aucune route ne correspond à { $dst }, donc le paquet ne peut pas être relayé
explain-route-forward = { $device } : { $dst } correspond à { $route } (la plus longue de { $count ->
        [one] { $count } route correspondante
       *[other] { $count } routes correspondantes
    }), donc { $how }
explain-route-forward-and = { $sentence } [{ $dst } AND { $mask } = { $masked } = { $network }/{ $len }]
explain-route-default = la route par défaut
explain-route-how-via = le relayer vers { $via } par { $interface }
explain-route-how-direct = le remettre directement par { $interface }

# Router on a stick (VLAN subinterfaces)
explain-frame-sent-tagged = { $device }/{ $sub } envoie { $frame } étiquetée VLAN { $vlan } ({ $bytes } octets) par son interface parente { $port } sur { $link } vers { $to_device }/{ $to_port } ; elle arrive à { $arrival } ({ $duration } après { $start })
explain-mac-aged-vlan = { $device } oublie { $mac } sur { $port } dans le VLAN { $vlan } : rien n'en est venu pendant 300 s
