# Mode prédiction : les questions, leurs choix et l'ajout à la réponse
# (engine/src/exercise/predict*.rs). Les adresses, ports et drapeaux restent tels quels.

predict-feedback = { $explanation } ({ $why })
predict-switch-ports = { $device } reçoit sur { $port } une trame pour { $mac }{ $owner }. Par quels ports envoie-t-il la trame ?
predict-mac-owner = {" "}({ $device })
predict-arp-target = { $device } a un paquet pour { $destination }. Quelle adresse demande-t-il par ARP pour trouver la MAC à laquelle l'envoyer ?
predict-next-hop = { $device } doit relayer un paquet pour { $destination }. Quel prochain saut choisit-il ?
predict-destination-mac = { $device }/{ $port } envoie { $frame }. Quelle MAC va dans le champ destination de la trame ?
predict-ttl = { $device } relaie un paquet arrivé avec un TTL de { $ttl }. Avec quel TTL le paquet repart-il ?
predict-ttl-choice = TTL { $ttl }
predict-ports-none = aucun port : la trame ne va nulle part
predict-ports-back = seulement { $port }, d'où elle est venue
predict-ports-one = seulement { $port }
predict-ports-many = { $ports } et { $last }
predict-ports-many-back = { $ports } et { $last } (ressort aussi par { $port })
predict-arp-none = pas d'ARP : il n'a aucune route pour l'envoyer (« Network is unreachable »)
predict-arp-destination = { $address }, la destination elle-même
predict-arp-gateway = { $address }, sa passerelle par défaut
predict-next-hop-none = aucun : aucune route ne correspond, donc il rejette le paquet et répond « Destination Net Unreachable »
predict-next-hop-via = { $via }, par { $interface }
predict-next-hop-direct = { $destination } elle-même, directement par { $interface }
predict-mac-broadcast = { $mac } (diffusion)
predict-mac-zero = { $mac } (tout à zéro)
predict-mac-of = { $mac } ({ $device }/{ $interface })
# DHCP, DNS et NAT (predict_services.rs).
predict-lease-gateway = { $device }/{ $interface } a reçu le DHCP ACK de { $server }. Quelle passerelle par défaut installe-t-il ?
predict-default-via = default via { $gateway }
predict-no-default = pas de route par défaut
predict-lookup = { $device } cherche { $name }. Que trouve-t-il ?
predict-lookup-answer = { $name } has address { $addresses }
predict-lookup-no-data = { $name } existe mais n'a pas d'adresse
predict-lookup-nxdomain = introuvable : NXDOMAIN
predict-lookup-timeout = pas de réponse : connection timed out
predict-lookup-refused = le serveur refuse de répondre
predict-lookup-no-servers = aucun serveur DNS à interroger
predict-nat-source = Un paquet de { $source } vers { $destination } quitte { $device } par { $interface }, où le NAT (masquerade) est activé. Quelle adresse source a-t-il après { $device } ?
predict-echo-id = { $address } (identifiant d'écho { $id })
# TCP (predict_tcp.rs).
predict-source-port = { $device } ouvre une connexion TCP vers { $address } port { $port }. De quel port vient son SYN ?
predict-port-ephemeral = { $port } : un port libre que le noyau choisit entre 32768 et 60999 (ip_local_port_range)
predict-port-same = { $port } : le même port que celui du serveur
predict-port-well-known = { $port } : le port bien connu du protocole
predict-port-reserved = { $port } : le dernier port réservé
predict-port-none = { $port } : pas de port tant que le serveur n'a pas répondu
predict-syn-listening = { $device } reçoit un SYN de { $address } pour son port { $port }, où un serveur écoute. Quels drapeaux porte sa réponse ?
predict-syn-closed = { $device } reçoit un SYN de { $address } pour son port { $port }, où rien n'écoute. Quels drapeaux porte sa réponse ?
predict-syn-ack = { $device } reçoit le SYN-ACK de { $address }. Quels drapeaux porte le segment qu'il envoie ensuite ?
# Un port de commutateur qui tombe (predict_changes.rs).
predict-port-down = Le port { $port } de { $device } a été désactivé (down). { $device } y avait appris { $count } MAC. Que deviennent-elles ?
predict-port-no-carrier = Le port { $port } de { $device } a perdu la porteuse. { $device } y avait appris { $count } MAC. Que deviennent-elles ?
predict-macs-forgotten = oubliées aussitôt : les trames pour elles sont inondées jusqu'à ce qu'elles soient de nouveau apprises
predict-macs-age-out = gardées jusqu'à expiration, 300 s après leur dernière trame
predict-macs-kept = gardées : un commutateur n'oublie une MAC que si on le lui demande (bridge fdb flush)
# Spanning tree (predict_stp.rs).
predict-blocked-port = Les commutateurs ont entendu les BPDU les uns des autres. Un port doit bloquer pour casser la boucle : le port dont le câble est desservi par un autre pont avec un chemin moins coûteux vers la racine (ou, à coût égal, un identifiant de pont plus petit). Quel port bloque maintenant ?
# IPv6 (predict_ipv6.rs).
predict-ns-destination = { $device } a besoin de la MAC de { $address }. Où va sa sollicitation de voisin ?
predict-ns-solicited-node = { $group }, le groupe solicited-node de { $address } (MAC { $mac })
predict-ns-broadcast = tout le monde : diffusion Ethernet ff:ff:ff:ff:ff:ff, comme ARP
predict-ns-all-nodes = { $group }, tous les nœuds du lien (MAC { $mac })
predict-ns-unicast = { $address } elle-même, en unicast
predict-slaac = { $device }/{ $interface } (MAC { $mac }) entend le préfixe { $prefix }/64 dans une annonce de routeur. Quelle adresse se construit-il ?
predict-slaac-eui64 = { $address } (le préfixe + EUI-64 : ff:fe au milieu, le 7e bit inversé)
predict-slaac-raw = { $address } (le préfixe + la MAC telle quelle)
predict-slaac-first = { $address } (la première adresse du préfixe)
predict-slaac-link-local = { $address } (son adresse lien-local ; le préfixe n'est pas utilisé)

# Routeur sur un bâton : quelle étiquette 802.1Q porte la trame d'une sous-interface ?
predict-vlan-no-tag = aucune étiquette : la trame part sans étiquette
predict-vlan-tag = une étiquette pour le VLAN { $vlan }
predict-vlan-tag-prompt = { $device }/{ $sub } envoie { $frame } par son interface parente { $parent } sur le câble vers le commutateur. Quelle étiquette 802.1Q porte la trame ?

# Ce qu'un routeur fait d'un paquet trop grand pour le lien suivant (issue 16).
predict-too-big-v6 = { $device } doit relayer un paquet IPv6 de { $size } octets par { $interface }, dont la MTU est { $mtu }. Que fait-il ?
predict-too-big-v6-right = il le rejette et envoie à l'expéditeur un ICMPv6 « packet too big » (MTU { $mtu }) : les routeurs IPv6 ne fragmentent jamais
predict-frag-needed = { $device } doit relayer un paquet IPv4 de { $size } octets avec Don't Fragment positionné par { $interface }, dont la MTU est { $mtu }. Que fait-il ?
predict-frag-needed-right = il le rejette et envoie à l'expéditeur un ICMP « fragmentation needed » (MTU du saut suivant { $mtu })
predict-mtu-fragments = il le découpe en fragments d'au plus { $mtu } octets et les envoie
predict-mtu-whole = il l'envoie entier quand même : l'appareil suivant se débrouillera
predict-mtu-silent = il le rejette sans prévenir personne
