# Ce qui ne va pas dans une ligne de commande : les commandes d'un labo et celles tapées pendant
# une exécution (engine/src/scenario/command.rs, config.rs). Les noms de programme, les options,
# les synopsis (ping -c COUNT …) et les messages des programmes eux-mêmes restent tels quels.

invalid-usage = usage : { $usage }
invalid-usage-example = { $usage } (par ex. { $example })
invalid-unknown-command = commande inconnue `{ $command }` (ce labo exécute ping, traceroute, dhclient, host, dig, getent hosts, curl, ip, bridge, poweroff et poweron)
invalid-empty-command = commande vide
invalid-missing-destination = adresse de destination manquante ; usage : { $usage }
invalid-not-address-or-name = { $value } n'est ni une adresse IPv4 ni un nom d'hôte comme www.example.com
invalid-ipv6-target = { $value } n'est pas une adresse IPv6 (dans ce labo, les noms ne sont pas résolus en IPv6)
invalid-not-host-name = { $value } n'est pas un nom d'hôte comme www.example.com
invalid-unsupported-option = option { $flag } de { $program } non prise en charge ; usage : { $usage }
invalid-unexpected-argument = argument inattendu { $value } ; usage : { $usage }
invalid-flag-needs = { $flag } demande { $what ->
    [count] un nombre
    [interval] un intervalle en secondes
    [timeout] un délai en secondes
    [size] une taille en octets
    [ttl] un TTL
    [interface] une interface
   *[interface-or-address] une interface ou une adresse source
}
invalid-flag-needs-number = { $flag } demande un nombre
invalid-flag-whole-number = { $flag } demande un nombre entier, pas { $value }
invalid-flag-range = { $flag } { $value } est hors limites ({ $min }–{ $max })
invalid-flag-seconds = { $flag } demande un nombre de secondes, pas { $value }
invalid-flag-range-seconds = { $flag } { $value } est hors limites ({ $min }–{ $max } s)
invalid-flag-bytes = { $flag } demande un nombre entier d'octets, pas { $value }
invalid-ping-size = -s { $size } dépasse { $max } : le paquet devrait être fragmenté (fragmentation IP), ce que ce labo ne modélise pas
invalid-ping6-size = -s { $size } dépasse { $max } : le paquet devrait être fragmenté (fragmentation IPv6), ce que ce labo ne modélise pas
invalid-ping-ttl = -t demande un TTL de 1 à 255, pas { $value }
invalid-ping6-bind = -I { $value } : avec -6, ce labo se lie à une interface (comme -I eth0), pas à une adresse
invalid-ping-bind = -I { $value } n'est ni une adresse IPv4 ni un nom d'interface
invalid-ping-needs-count = ping demande ici -c COUNT (une exécution du labo doit se terminer) ; usage : { $usage }
invalid-flag-needs-port = { $flag } demande un numéro de port
invalid-flag-port = { $flag } demande un numéro de port (1–65535), pas { $value }
invalid-traceroute-tcp = les sondes TCP SYN (-T) ne sont pas modélisées : traceroute simple envoie des sondes UDP vers les ports 33434 et suivants, -U vers un seul port (53), -I envoie des échos ICMP ; usage : { $usage }
invalid-traceroute-two-methods = -I et -U sont deux méthodes de sondage : choisissez-en une ; usage : { $usage }
invalid-traceroute-icmp-port = -p fixe le premier port des sondes UDP ; les sondes ICMP (-I) n'en ont pas ici ; usage : { $usage }
invalid-first-hop = first hop out of range : -f { $first } dépasse le maximum de { $max } sauts
invalid-traceroute6-icmp = traceroute -6 envoie ici des sondes ICMPv6 : ajoutez -I ; usage : { $usage }
invalid-wait-needs = -w demande une attente en secondes, comme -w 5 ou -w 5,3,10
invalid-wait-range = -w { $value } : l'attente doit être de 0 à 3600 secondes, comme -w 5 ou -w 5,3,10
invalid-wait-factor = -w { $value } : { $name } doit être un nombre entier de 0 à 100
invalid-wait-parts = -w { $value } : au plus MAX,HERE,NEAR
invalid-curl-one-url = une URL à la fois : { $value } inattendu ; usage : { $usage }
invalid-curl-needs-url = curl demande une URL ; usage : { $usage }
invalid-url-scheme = { $scheme }:// n'est pas modélisé : dans ce labo, curl ne récupère que des URL http:// (dans { $url })
invalid-url-ipv6 = { $url } : les adresses IPv6 ne sont pas modélisées ; utilisez une adresse IPv4 ou un nom
invalid-url-user = { $url } : les noms d'utilisateur dans les URL ne sont pas modélisés
invalid-url-port = le port dans { $url } doit être un nombre de 1 à 65535, pas « { $port } »
invalid-url-no-host = { $url } n'a pas d'hôte : écrivez-la comme http://www.example.com/ ou http://10.0.0.2/
invalid-url-ipv4 = { $host } dans { $url } n'est pas une adresse IPv4 (quatre nombres de 0 à 255 comme 10.0.0.2)
invalid-url-name = { $host } dans { $url } n'est pas un nom d'hôte comme www.example.com
invalid-url-path = le chemin { $path } contient des caractères qu'une URL ne peut pas porter sans encodage
invalid-fdb-synopsis = bridge fdb flush dev PORT (ou dev SWITCH pour tous les ports)
invalid-no-arguments = { $program } ne prend pas d'argument, pas { $value }
invalid-ip-object = ip { $object } n'est pas modélisé ; ce labo exécute { $commands }
invalid-device-name = « { $value } » n'est pas un nom d'appareil
invalid-link-state = ip link set { $dev } { $state } : ce labo ne modélise que down et up ; usage : { $usage }
invalid-flush-arguments = Flush requires arguments ; usage : { $usage }
invalid-route-needs-gateway = les routes de ce labo demandent une passerelle ; usage : { $usage }
invalid-addr-needs-prefix = { $value } demande sa longueur de préfixe, comme { $value }/24 ; usage : { $usage }
invalid-cannot-find-interface = Cannot find device "{ $dev }": { $device } n'a pas d'interface { $dev } (il a { $ports })
invalid-cannot-find-port = Cannot find device "{ $dev }": { $device } n'a pas de port { $dev } (il a { $ports })
invalid-no-ip-stack-command = { $device } est un { $kind } : il n'a pas de pile IP, donc `{ $command }` ne s'applique pas (commandes de commutateur : ip link set PORT down|up, bridge fdb flush dev PORT)
invalid-fdb-not-switch = { $device } est un { $kind } ; bridge fdb flush s'exécute sur les commutateurs (un concentrateur n'apprend rien)

# ip -6 pendant une exécution (issue 16).
invalid-ip6-object = ip -6 { $object } n'est pas modélisé ; ce labo exécute { $commands }
invalid-route6-needs-gateway = les routes de ce labo ont besoin d'une passerelle ; usage : { $usage }
invalid-route6-gateway = { $value } n'est pas une adresse IPv6 ; usage : { $usage }
invalid-route6-not-a-gateway = { $value } ne peut pas être une passerelle
invalid-route6-link-local = { $value } est link-local : indiquez sur quelle interface elle se trouve (dev DEV) ; usage : { $usage }
invalid-addr6-needs-length = { $value } a besoin de sa longueur de préfixe, comme { $value }/64 ; usage : { $usage }
