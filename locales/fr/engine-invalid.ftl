# Ce qui ne va pas dans un fichier de labo, un lien partagé ou un champ de l'éditeur : les
# messages de la validation (engine/src/scenario/validate.rs, address.rs, limits.rs, json.rs).
# Les valeurs saisies, les noms et les adresses sont des arguments texte ; les nombres, des nombres.

## Adresses (address.rs).

invalid-not-ipv4 = { $value } n'est pas une adresse IPv4
invalid-ipv4-with-prefix = { $value } n'est pas une adresse IPv4 avec une longueur de préfixe comme 10.0.0.1/24
invalid-prefix-range = le préfixe /{ $len } est hors limites (0–{ $max })
invalid-not-netmask = { $value } n'est pas un masque de sous-réseau comme 255.255.255.0
invalid-netmask-bits = { $value } n'est pas un masque de sous-réseau valide (ses bits à 1 doivent venir en premier)
invalid-no-prefix-length = { $value } n'a pas de longueur de préfixe ; écrivez-la comme { $value }/24
invalid-network-address = { $ip } est l'adresse de réseau de { $net }, pas une adresse d'hôte
invalid-broadcast-address = { $ip } est l'adresse de diffusion de { $net }, pas une adresse d'hôte
invalid-not-interface-address = { $ip } ne peut pas être l'adresse d'une interface
invalid-not-network = { $value } n'est pas un réseau comme 10.1.0.0/16
invalid-host-bits-mean = { $value } a des bits d'hôte à 1 ; vouliez-vous dire { $net } ?

## Le labo (validate.rs).

invalid-version = version { $version } non prise en charge (ce moteur lit la version 1)
invalid-device-needs-name = un appareil a besoin d'un nom
invalid-device-id-chars = « { $id } » ne doit pas contenir ':' ni commencer ou finir par des espaces
invalid-duplicate-device-id = identifiant d'appareil « { $id } » en double (aussi devices[{ $first }])
invalid-no-device = aucun appareil « { $name } »
invalid-ping-bind-device = ping: SO_BINDTODEVICE { $dev }: No such device ({ $device } a { $ports })
invalid-program-on-bridge = { $device } est un { $kind } ; les programmes tournent sur les hôtes, les serveurs et les routeurs (un commutateur accepte ip link set, bridge fdb flush, poweroff et poweron)
invalid-command-after-end = { $at } ms est après la fin de l'exécution (options.max_time_ms = { $max })
invalid-at-least-one = doit valoir au moins 1
invalid-link-needs-name = une liaison a besoin d'un nom
invalid-link-id-chars = « { $id } » ne doit contenir ni / ni \ ni espaces au début ou à la fin (il nomme un fichier pcap)
invalid-duplicate-link-id = identifiant de liaison « { $id } » en double (aussi links[{ $first }])
invalid-no-port = { $device } n'a pas de port « { $port } »
invalid-no-port-list = { $device } n'a pas de port « { $port } » (ses ports : { $ports })
invalid-no-port-none = { $device } n'a pas de port « { $port } » (il n'a aucun port)
invalid-port-in-use = le port { $port } est déjà utilisé par la liaison « { $link } »
invalid-link-delay = { $value } µs, c'est plus de 10 s
invalid-bandwidth = { $value } Mbit/s est hors limites (0.001–400000)
invalid-too-many-drops = { $count } numéros de trame, c'est trop (au plus { $max })
invalid-drop-zero = les trames sont comptées à partir de 1 : la première trame envoyée dans ce sens est la 1
invalid-drop-twice = la trame { $frame } figure deux fois dans la liste
invalid-option-range = { $value } { $unit } est hors limites (0–{ $max } { $unit })
invalid-bridge-interfaces = un { $kind } a des ports, pas des interfaces : utilisez "ports": N
invalid-bridge-gateway = un { $kind } n'a ni adresse IP ni passerelle par défaut
invalid-bridge-routes = un { $kind } ne route pas
invalid-bridge-dns = un { $kind } n'a pas de pile IP et ne résout aucun nom
invalid-bridge-services = un { $kind } n'exécute aucun service ; placez-les sur un routeur ou un serveur
invalid-bridge-needs-ports = un { $kind } a besoin d'un nombre de ports
invalid-ports-range = le nombre de ports { $count } est hors limites (1–{ $max })
invalid-hub-stp = un { $kind } n'exécute pas de spanning tree (il répète chaque trame) ; seul un commutateur le fait
invalid-priority-needs-stp = une priorité de pont demande le spanning tree activé ("stp": true)
invalid-priority-range = { $value } est hors limites (0–65535 ; la valeur par défaut est 32768)
invalid-ip-device-ports = un { $kind } a des interfaces, pas des ports numérotés
invalid-ip-device-bridging = un { $kind } ne fait pas pont, il n'exécute donc pas de spanning tree et ne filtre pas de VLAN ; seul un commutateur le fait
invalid-interface-name = une interface a besoin d'un nom comme eth0, sans espaces
invalid-duplicate-interface = { $device } a déjà une interface nommée { $name }
invalid-duplicate-ip = adresse IP { $ip } en double (aussi sur { $owner })
invalid-not-mac = { $value } n'est pas une adresse MAC comme 02:00:00:00:00:01
invalid-not-unicast-mac = { $mac } n'est pas une adresse MAC unicast
invalid-duplicate-mac = adresse MAC { $mac } en double (aussi sur { $owner })
invalid-no-subnets = il n'a aucune interface adressée
invalid-subnets = ses sous-réseaux : { $subnets }
invalid-own-address = { $ip } est une adresse de { $device } lui-même
invalid-gateway-off-link = la passerelle { $gateway } n'est dans aucun sous-réseau de { $device } ({ $subnets }), elle est donc injoignable
invalid-next-hop-off-link = le prochain saut { $via } n'est dans aucun sous-réseau de { $device } ({ $subnets })
invalid-too-many-dns = au plus 3 serveurs DNS (glibc ne lit que les 3 premières lignes nameserver)
invalid-host-services = un hôte n'exécute aucun service ; faites-en un serveur ou utilisez un routeur
invalid-dns-forward-self = { $ip } est une adresse de { $device } lui-même : un serveur DNS ne peut pas faire suivre vers lui-même
invalid-vlans-need-filtering = les VLAN demandent "vlan_filtering": true sur le commutateur
invalid-hub-vlans = un { $kind } ne filtre pas par VLAN (il répète chaque trame) ; seul un commutateur le fait
invalid-vlan-range = le VLAN { $vlan } est hors limites (1–4094)

## IPv6 (ipv6.rs).

invalid-not-ipv6 = { $value } n'est pas une adresse IPv6
invalid-ipv6-with-prefix = { $value } n'est pas une adresse IPv6 avec une longueur de préfixe comme 2001:db8:1::1/64
invalid-not-ipv6-or-auto = { $value } n'est pas une adresse IPv6 comme 2001:db8:1::1/64 (ou "auto")
invalid-ipv6-link-local = { $ip } est une adresse lien-local : Linux construit lui-même l'adresse fe80:: de l'interface à partir de sa MAC
invalid-not-ipv6-network = { $value } n'est pas un réseau IPv6 comme 2001:db8:2::/64
invalid-host-bits-network = { $value } a des bits d'hôte à 1 ; le réseau est { $net }
invalid-ra-needs-ipv6 = les annonces de routeur demandent IPv6 sur l'interface : donnez-lui une adresse "ipv6"
invalid-duplicate-ipv6 = adresse IPv6 { $ip } en double (aussi sur { $owner })
invalid-ra-not-router = un { $kind } n'envoie pas d'annonces de routeur ; seul un routeur exécute radvd
invalid-ra-auto-prefix = une interface "auto" n'a pas de préfixe à elle à annoncer : donnez le préfixe, comme 2001:db8:1::/64
invalid-ra-interval = { $value } s est hors limites (4–1800 s, MaxRtrAdvInterval de radvd)
invalid-ra-lifetime = { $value } s est hors limites (0–9000 s, AdvDefaultLifetime de radvd)
invalid-no-ipv6-interface = { $device } n'a pas d'interface IPv6 nommée { $name }
invalid-link-local-needs-dev = { $via } est lien-local : dites sur quelle interface il se trouve ("dev": "eth0"), comme ip -6 route l'exige
invalid-next-hop6-off-link = le prochain saut { $via } n'est dans aucun préfixe IPv6 de { $device }

## Services et NAT (services.rs).

invalid-nat-mode = « { $value } » n'est pas un mode de NAT que ce labo connaît ; utilisez "masquerade" (iptables -t nat -A POSTROUTING -o { $name } -j MASQUERADE)
invalid-nat-not-router = { $device } est un { $kind } : le NAT réécrit les paquets qu'un routeur relaie, placez-le donc sur l'interface extérieure d'un routeur
invalid-nat-dhcp = { $name } reçoit son adresse par DHCP ; dans ce labo, le NAT demande une adresse fixe sur l'interface extérieure
invalid-nat-no-address = { $name } n'a pas d'adresse : masquerade remplace la source par l'adresse de l'interface extérieure, donnez-en donc une à { $name }
invalid-no-interface-here = aucune interface « { $name } » sur cet appareil
invalid-dhcp-needs-address = { $name } a besoin d'une adresse fixe pour y servir DHCP
invalid-pool-not-host = { $ip } n'est pas une adresse d'hôte de { $name } ({ $net })
invalid-pool-order = la plage se termine ({ $end }) avant de commencer ({ $start })
invalid-lease-time = { $value } s est hors limites (120–31536000)
invalid-records-need-zone = les enregistrements demandent une zone (par ex. "example.com")
invalid-outside-zone = { $name } est hors de la zone { $zone }
invalid-record-type = le type d'enregistrement « { $value } » n'est pas modélisé (A ou CNAME)
invalid-dns-name = « { $value } » n'est pas un nom DNS comme www.example.com
invalid-web-port = le port { $port } est hors limites (1–65535)
invalid-page-path = « { $path } » n'est pas un chemin de page comme / ou /about.html (il commence par /, sans espaces, ? ni #)
invalid-page-size = la page fait { $count } octets ; au plus { $max }
invalid-page-twice = { $path } est donné deux fois ("/" et "/index.html" sont la même page)

## Limites de taille (limits.rs) et le fichier dans son ensemble (json.rs).

invalid-too-many-devices = { $count } appareils, c'est trop (un labo en a au plus { $max })
invalid-too-many-links = { $count } liaisons, c'est trop (un labo en a au plus { $max })
invalid-too-many-commands = { $count } commandes, c'est trop (un labo en a au plus { $max })
invalid-device-id-length = un identifiant d'appareil fait { $count } caractères (au plus { $max })
invalid-link-id-length = un identifiant de liaison fait { $count } caractères (au plus { $max })
invalid-too-many-interfaces = { $count } interfaces, c'est trop (un appareil en a au plus { $max })
invalid-too-many-ports = avec { $device }, le labo a plus de { $max } ports et interfaces en tout (un labo en a au plus { $max })
invalid-interface-name-length = un nom d'interface fait { $count } caractères (au plus { $max }, comme sous Linux)
invalid-too-many-routes = { $count } routes, c'est trop (un appareil en a au plus { $max })
invalid-too-many-records = { $count } enregistrements DNS, c'est trop (une zone en a au plus { $max })
invalid-command-length = la commande fait { $count } caractères (au plus { $max })

## Fichiers d'exercice (engine/src/exercise/mod.rs, locks.rs).

invalid-exercise-id = « { $id } » doit être fait de minuscules, de chiffres et de - (il sert de clé à la progression enregistrée)
invalid-empty = ne doit pas être vide
invalid-too-many-hints = { $count } indices ; un exercice en donne au plus { $max }
invalid-empty-hint = un indice ne doit pas être vide
invalid-language-tag = une langue se nomme par son code, comme "de" ou "pt-BR"
invalid-empty-translation = ne doit pas être vide (omettez-le pour afficher l'original)
invalid-translated-hints = { $count } indices, mais l'exercice en a { $total } : traduisez chaque indice une fois
invalid-no-checks = un exercice a besoin d'au moins une vérification
invalid-no-interface = { $device } n'a pas d'interface « { $name } »
# $field est le nom du champ dans le fichier (editable.devices[].fields).
invalid-editable-field = { $device } est un { $kind } et n'a pas { $field ->
    [address] d'adresse
    [mask] de masque
    [mac] d'adresse MAC
    [gateway] de passerelle par défaut
    [routes] de routes
    [kind] de type
    [dns] de serveurs DNS
    [services] de services
    [nat] de NAT
    [stp] de spanning tree
    [vlans] de VLAN
   *[ipv6] de réglages IPv6
}

## L'éditeur et l'application (src/editor, src/exercises.rs).

invalid-at-path = { $message } ({ $path })
invalid-import-failed = { $file } n'a pas été chargé, le labo est inchangé. { $error }
invalid-all-ports-used = les { $max } ports de { $device } sont tous utilisés
invalid-ports-not-number = { $value } n'est pas un nombre entier de ports
invalid-vlan-not-number = { $value } n'est pas un identifiant de VLAN (1–4094)
invalid-priority-not-number = { $value } n'est pas un nombre entier (0–65535 ; la valeur par défaut est 32768)
invalid-not-on-off = « { $value } » n'est ni on ni off
invalid-seconds-not-number = { $value } n'est pas un nombre entier de secondes
invalid-dhcp-needs-fixed-address = un serveur DHCP a besoin d'une interface avec une adresse fixe (par ex. 192.168.1.1/24) pour distribuer des adresses

# Sous-interfaces VLAN (eth0.10 : "parent" et "vlan").
invalid-cable-on-subinterface = { $device }/{ $port } est une sous-interface VLAN de { $parent } : branchez le câble sur { $parent } (ses trames sortent par là, étiquetées VLAN { $vlan })
invalid-subinterface-incomplete = une sous-interface VLAN a besoin de "parent" (l'interface dont elle utilise le câble) et de "vlan" (son identifiant de VLAN) : { $missing } manque
invalid-subinterface-mac = { $name } est une sous-interface VLAN : elle utilise l'adresse MAC de son interface parente (comme 8021q sous Linux), donc elle ne prend pas de "mac"
invalid-subinterface-no-parent = { $device } n'a pas d'interface "{ $parent }" pour porter { $name } (ses interfaces : { $interfaces })
invalid-subinterface-nested = { $parent } est elle-même une sous-interface VLAN : ce lab ne place des sous-interfaces VLAN que sur une carte réseau (pas de 802.1Q dans 802.1Q)
invalid-subinterface-vlan-range = l'identifiant de VLAN { $vlan } est hors limites (1–4094)
invalid-subinterface-duplicate = { $parent } a déjà une sous-interface pour le VLAN { $vlan } ({ $other }) : une par identifiant de VLAN

## Ce qu'un élève ne peut pas changer dans un exercice (engine/src/exercise/locks.rs).

invalid-locked-seed = la graine fait partie de l'exercice et ne peut pas changer
invalid-locked-options = les options d'exécution font partie de l'exercice et ne peuvent pas changer
invalid-locked-removed = { $device } a été supprimé, mais il fait partie de l'exercice
invalid-locked-new-not-switch = { $device } est nouveau : seuls des commutateurs et des concentrateurs peuvent être ajoutés
invalid-locked-new = { $device } est nouveau : aucun appareil ne peut être ajouté dans cet exercice
invalid-locked-cable-new = le câble { $a } — { $b } est nouveau ou modifié, mais les câbles sont verrouillés
invalid-locked-cable-removed = le câble { $a } — { $b } a été supprimé ou modifié, mais les câbles sont verrouillés
invalid-locked-interfaces = des interfaces de { $device } ont été ajoutées ou supprimées, mais elles sont verrouillées
invalid-locked = { $what ->
    [kind] le type de { $device } est verrouillé
    [ports] les ports de { $device } sont verrouillés
    [gateway] la passerelle par défaut de { $device } est verrouillée
    [routes] la table de routage de { $device } est verrouillée
    [routes6] la table de routage IPv6 de { $device } est verrouillée
    [dns] la liste des serveurs DNS de { $device } est verrouillée
    [services] les services de { $device } sont verrouillés
    [stp] le spanning tree de { $device } est verrouillé
    [bridge_priority] la priorité de pont de { $device } est verrouillée
    [vlans] les VLAN de { $device } sont verrouillés
    [mask] le masque de { $name } sur { $device } est verrouillé
    [address] l'adresse de { $name } sur { $device } est verrouillée
    [ipv6] l'adresse IPv6 de { $name } sur { $device } est verrouillée
    [ra] les annonces de routeur de { $name } sur { $device } sont verrouillées
    [nat] le NAT de { $name } sur { $device } est verrouillé
    [subinterface] la sous-interface VLAN { $name } sur { $device } est verrouillée
    [mtu] la MTU de { $name } sur { $device } est verrouillée
   *[mac] l'adresse MAC de { $name } sur { $device } est verrouillée
} dans cet exercice

# Les champs IPv6 de l'éditeur (issue 16).
invalid-ra-off = les annonces de routeur sont désactivées sur cette interface
invalid-mtu-not-number = { $value } n'est pas un nombre entier d'octets (68–65535 ; 1500 par défaut)
invalid-routes6-item = « { $item } » : écrivez chaque route sous la forme PRÉFIXE via PROCHAIN-SAUT (par ex. 2001:db8:2::/64 via 2001:db8:1::2), séparées par des virgules
invalid-routes6-metric = « { $item } » : la métrique { $value } n'est pas un nombre entier
invalid-routes6-options = « { $item } » : écrivez chaque route sous la forme PRÉFIXE via PROCHAIN-SAUT (par ex. 2001:db8:2::/64 via 2001:db8:1::2), séparées par des virgules ; puis, au choix, dev DEV et metric N

# MTU des liens (issue 16).
invalid-mtu-small = la MTU { $mtu } est inférieure au minimum de l'appareil, { $min } octets (le plus petit datagramme IPv4)
invalid-mtu-large = la MTU { $mtu } est supérieure au maximum de l'appareil, { $max } octets
invalid-mtu-ipv6 = la MTU { $mtu } est trop petite pour IPv6 : tout lien IPv6 transporte au moins { $min } octets (RFC 8200), et Linux désactive IPv6 sur un lien plus petit
invalid-ip6-off-everywhere = { $device } a IPv6 désactivé sur toutes ses interfaces : donnez d'abord à l'une d'elles une adresse "ipv6" dans le lab
invalid-ip6-off = { $interface } de { $device } a IPv6 désactivé dans ce lab : donnez-lui d'abord un réglage "ipv6" (auto, ou une adresse)

# Les vérifications propres de l'éditeur qu'un champ désigne encore quelque chose (src/editor).
invalid-editor-no-interface = cette interface n'existe pas
invalid-editor-no-device = cet appareil n'existe pas
invalid-editor-dhcp-off = le serveur DHCP est désactivé
invalid-editor-dns-off = le serveur DNS est désactivé
invalid-editor-no-record = cet enregistrement n'existe pas
invalid-editor-no-route = cette route n'existe pas
invalid-editor-use-form = utilisez le bouton du formulaire
invalid-editor-no-link = ce lien n'existe pas
