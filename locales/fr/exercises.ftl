# Les textes des exercices intégrés (exercises/*.json les a en anglais) : titre, histoire,
# indices dans leur ordre, texte une fois résolu. Chargés avec la langue (docs/languages.md).

## add-nat
ex-add-nat-title = Activer le NAT sur le routeur domestique
ex-add-nat-story = Le ping du portable vers 8.8.8.8 ne reçoit aucune réponse, pas plus qu'aucune question DNS, alors que chaque câble et chaque route vers l'extérieur sont corrects. Le portable a une adresse privée ; les routeurs du fournisseur d'accès n'ont jamais entendu parler de 192.168.1.0/24 et n'en entendront jamais parler. Faites faire au routeur domestique ce que fait tout routeur domestique.
ex-add-nat-hint-1 = Suivez le premier ping sur l3 et l4 : quelle adresse source porte la requête d'écho quand elle arrive à dns-google, et que devient la réponse chez isp ?
ex-add-nat-hint-2 = 192.168.1.10 est une adresse privée (RFC 1918) : aucun routeur d'Internet n'a de route vers elle, donc isp jette la réponse. Le routeur domestique doit envoyer les paquets du portable avec sa propre adresse publique, 203.0.113.2, et retenir à qui est destinée chaque réponse.
ex-add-nat-hint-3 = Activez le NAT (masquerade) sur l'interface extérieure du routeur domestique, eth1 : "nat": "masquerade" (iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE).
ex-add-nat-solved = Avec le masquerade sur eth1, le routeur domestique remplace à la sortie la source de chaque paquet, 192.168.1.10, par sa propre adresse 203.0.113.2, et note le flux dans sa table de suivi des connexions. Le serveur répond à 203.0.113.2, que le fournisseur sait router ; le routeur domestique retrouve le flux dans la table et remet la destination à 192.168.1.10. Tout routeur domestique fait cela : une seule adresse publique sert toute une maison.

## default-gateway
ex-default-gateway-title = Donner à un hôte sa passerelle par défaut
ex-default-gateway-story = pc1 est sur 192.168.1.0/24 et pc2 sur 192.168.2.0/24 ; le routeur r1 relie les deux réseaux. pc2 est configuré, mais le ping de pc1 vers pc2 échoue immédiatement avec « Network is unreachable ». Dites à pc1 comment sortir de son réseau.
ex-default-gateway-hint-1 = 192.168.2.20 AND 255.255.255.0 = 192.168.2.0, qui n'est pas le réseau de pc1. Où un hôte envoie-t-il un paquet destiné à un autre réseau ?
ex-default-gateway-hint-2 = Un hôte confie les paquets destinés aux autres réseaux à un routeur de son propre réseau : sa passerelle par défaut. Quelle adresse r1 a-t-il sur le réseau de pc1 ?
ex-default-gateway-hint-3 = Réglez la passerelle de pc1 sur 192.168.1.1, l'adresse de r1 sur le réseau de pc1.
ex-default-gateway-solved = pc1 a vu que 192.168.2.20 n'est pas sur son réseau : il a donc demandé par ARP sa passerelle 192.168.1.1 et envoyé le paquet à l'adresse MAC de r1, avec toujours l'adresse IP de pc2 à l'intérieur. La destination IP ne change jamais ; la destination MAC, c'est le prochain saut.

## dns-server-address
ex-dns-server-address-title = Corriger l'adresse du serveur DNS
ex-dns-server-address-story = Le portable peut pinguer son routeur, mais `host www.example.com` répond seulement « ;; connection timed out; no servers could be reached ». Quelqu'un a saisi à la main le serveur DNS dans le resolv.conf du portable. C'est le routeur domestique qui fait tourner le serveur DNS de ce réseau.
ex-dns-server-address-hint-1 = Regardez la liaison du portable : à qui pose-t-il la question, et une réponse ARP arrive-t-elle pour cette adresse ?
ex-dns-server-address-hint-2 = 192.168.1.254 n'appartient à aucun appareil : les requêtes ne partent même pas. L'ARP pour cette adresse échoue, et le résolveur abandonne après ses essais.
ex-dns-server-address-hint-3 = Le serveur DNS est le routeur domestique : réglez le dns du portable sur ["192.168.1.1"].
ex-dns-server-address-solved = Le résolveur lit ses serveurs dans resolv.conf et envoie sa requête au premier, port UDP 53. Avec l'adresse du routeur, la requête a atteint dnsmasq, et la réponse est revenue du port 53 vers le port aléatoire du résolveur.

## gateway-off-subnet
ex-gateway-off-subnet-title = Une passerelle hors du réseau de l'hôte
ex-gateway-off-subnet-story = La passerelle de pc1 est 192.168.1.1, mais son ping vers pc2 répond « Destination Host Unreachable » : personne n'a cette adresse. r1 est câblé au commutateur de pc1, mais son adresse de ce côté est 192.168.10.1. Régler la passerelle de pc1 sur 192.168.10.1 est refusé. Pourquoi, et comment corriger ?
ex-gateway-off-subnet-hint-1 = Pour joindre sa passerelle, pc1 doit la demander par ARP, et il ne le fait que pour des adresses de son propre réseau. 192.168.10.1 est-elle dans 192.168.1.0/24 ?
ex-gateway-off-subnet-hint-2 = Une passerelle hors du sous-réseau de l'hôte ne peut jamais être jointe : Linux la refuse (« Nexthop has invalid gateway »). L'hôte et le routeur doivent partager un réseau sur ce câble.
ex-gateway-off-subnet-hint-3 = Changez l'adresse d'eth0 de r1 en 192.168.1.1/24 (la passerelle que pc1 utilise déjà), ou placez pc1 dans 192.168.10.0/24 avec la passerelle 192.168.10.1.
ex-gateway-off-subnet-solved = pc1 et r1 partagent maintenant un réseau sur le même câble : la requête ARP de pc1 pour sa passerelle atteint une interface qui possède l'adresse et qui répond. Une passerelle est toujours une voisine : sur le sous-réseau de l'hôte.

## hub-or-switch
ex-hub-or-switch-title = Concentrateur ou commutateur : qui voit la trame ?
ex-hub-or-switch-story = pc1 pingue pc2 à travers hub1, et pc3 reçoit chacune de leurs trames : un concentrateur répète tout à tout le monde. Modifiez le labo pour que pc3 ne reçoive plus les trames adressées à pc2, tout en laissant chacun joindre tous les autres.
ex-hub-or-switch-hint-1 = Regardez ce que reçoit la carte réseau de pc3 pendant que pc1 pingue pc2 : quelle adresse MAC figure dans le champ destination ?
ex-hub-or-switch-hint-2 = Un concentrateur répète chaque trame sur chaque port. Un commutateur apprend quelle adresse MAC se trouve derrière quel port et n'envoie une trame unicast que là.
ex-hub-or-switch-hint-3 = Faites de hub1 un commutateur (son type), ou remplacez-le par un nouveau commutateur et déplacez les câbles.
ex-hub-or-switch-solved = Le commutateur a appris les adresses MAC de pc1 et pc2 dès leurs premières trames : après la diffusion ARP, chaque trame n'est sortie que par un seul port, et pc3 n'en a vu aucune. Seules les diffusions et les trames vers des adresses MAC inconnues atteignent encore tout le monde.

## ipv6-no-address
ex-ipv6-no-address-title = Pourquoi le portable n'a-t-il pas d'adresse IPv6 ?
ex-ipv6-no-address-story = L'IPv6 de pc1 est sur « auto », comme celui de tout portable : il attend qu'un routeur lui dise sur quel réseau il se trouve. Le routeur r1 a des adresses IPv6 sur ses deux interfaces et le serveur srv répond sur 2001:db8:2::10, mais le ping -6 de pc1 échoue aussitôt avec « Network is unreachable », et ip -6 addr ne montre qu'une adresse fe80::. Faites annoncer par r1, aux portables du lien d'eth0, le préfixe à utiliser.
ex-ipv6-no-address-hint-1 = Affichez les événements RS/RA/MLD : pc1 envoie des sollicitations de routeur à ff02::2 toutes les quelques secondes. Quelqu'un répond-il ?
ex-ipv6-no-address-hint-2 = Un hôte sur « auto » construit son adresse globale à partir du préfixe d'une annonce de routeur, et prend le routeur qui l'a envoyée comme route par défaut. r1 n'en envoie aucune : radvd ne tourne pas sur eth0.
ex-ipv6-no-address-hint-3 = Activez les annonces de routeur sur eth0 de r1 (son préfixe radvd : activé, ou 2001:db8:1::/64).
ex-ipv6-no-address-solved = r1 répond maintenant à la sollicitation de pc1 par une annonce de 2001:db8:1::/64. pc1 construit 2001:db8:1:: + son identifiant EUI-64, vérifie que personne d'autre ne l'a (DAD) et prend l'adresse lien-local de r1 comme routeur par défaut : c'est SLAAC, sans aucun serveur DHCP.

## ipv6-prefix-length
ex-ipv6-prefix-length-title = Un préfixe que SLAAC ne peut pas utiliser
ex-ipv6-prefix-length-story = r1 fait tourner radvd sur eth0, et pc1 entend ses annonces de routeur : il a même une route par défaut via r1. Pourtant pc1 n'a toujours pas d'adresse IPv6 globale, et son ping -6 vers le serveur échoue. Regardez ce que r1 annonce et corrigez les réglages de r1.
ex-ipv6-prefix-length-hint-1 = Inspectez l'annonce de routeur de r1 : quelle longueur de préfixe porte son option d'information de préfixe ?
ex-ipv6-prefix-length-hint-2 = SLAAC colle au préfixe annoncé un identifiant d'interface de 64 bits (l'EUI-64 de la MAC). 56 + 64 ne font pas 128 : Linux ne construit aucune adresse à partir d'un /56.
ex-ipv6-prefix-length-hint-3 = Faites annoncer un /64 par r1 sur eth0 : préfixe radvd 2001:db8:1::/64 (et, par souci d'ordre, la propre adresse d'eth0 de r1 2001:db8:1::1/64).
ex-ipv6-prefix-length-solved = Avec 2001:db8:1::/64 annoncé, les 64 bits du préfixe et l'identifiant EUI-64 de 64 bits de pc1 forment une adresse complète de 128 bits. Sur Ethernet, tout sous-réseau IPv6 est un /64 : les préfixes plus courts servent au routage entre réseaux, pas à un lien.

## laptop-no-address
ex-laptop-no-address-title = Le portable n'a pas d'adresse
ex-laptop-no-address-story = Le portable est réglé pour obtenir son adresse par DHCP, comme tout portable à la maison. Mais il n'en obtient jamais : ses DISCOVER partent toutes les quelques secondes et personne ne répond, si bien qu'il ne peut même pas pinguer le routeur domestique. Faites distribuer des adresses par le routeur domestique.
ex-laptop-no-address-hint-1 = Regardez la liaison du portable : DHCP Discover après DHCP Discover, de 0.0.0.0 vers 255.255.255.255, et aucune Offer. Quel appareil de ce réseau devrait répondre ?
ex-laptop-no-address-hint-2 = Un routeur domestique fait tourner un serveur DHCP (dnsmasq) sur son interface LAN. Celui-ci n'en a aucun : donnez-lui un services.dhcp sur eth0.
ex-laptop-no-address-hint-3 = services.dhcp : interface eth0, pool_start 192.168.1.100, pool_end 192.168.1.200, router 192.168.1.1 — une plage à l'intérieur de 192.168.1.0/24.
ex-laptop-no-address-solved = Le dnsmasq du routeur a répondu au DISCOVER : il a vérifié par un ping que l'adresse était libre, l'a proposée par un OFFER, puis a confirmé par un ACK le REQUEST du portable. Le bail a donné au portable son adresse, son réseau (le masque) et sa passerelle par défaut ; c'est seulement alors qu'il a pu demander 192.168.1.1 par ARP et le pinguer.

## missing-route
ex-missing-route-title = Une route manquante sur un routeur
ex-missing-route-story = pc1 joint r1, et r1 est câblé à r2, derrière lequel se trouve pc2. Pourtant le ping de pc1 vers pc2 revient avec « Destination Net Unreachable » de la part de 192.168.1.1. Montrez le chemin à r1.
ex-missing-route-hint-1 = L'erreur vient de 192.168.1.1, c'est-à-dire r1. Regardez la table de routage de r1 : quels réseaux connaît-il ?
ex-missing-route-hint-2 = Un routeur ne connaît que ses propres réseaux (ici 192.168.1.0/24 et 10.0.0.0/30) et les routes qu'on lui donne. Pour tout le reste, sans route par défaut, il répond « Destination Net Unreachable ».
ex-missing-route-hint-3 = Ajoutez une route sur r1 : 192.168.2.0/24 via 10.0.0.2 (r2), ou donnez à r1 la passerelle par défaut 10.0.0.2.
ex-missing-route-solved = r1 a cherché 192.168.2.20, trouvé votre route (la correspondance la plus longue), diminué le TTL et envoyé le paquet à l'adresse MAC de r2 ; r2 connaissait déjà le chemin du retour. Chaque routeur du chemin a besoin d'une route dans les deux sens.

## neighbours-by-mask
ex-neighbours-by-mask-title = Voisins ou pas : /24 contre /25
ex-neighbours-by-mask-story = pc1 (.10) et pc2 (.100) partagent un commutateur avec pc3 (.200), qui appartient au labo d'à côté. pc1 et pc2 doivent pouvoir se joindre, mais pc1 ne doit pas traiter pc3 comme un voisin. Seuls les masques peuvent changer.
ex-neighbours-by-mask-hint-1 = Calculez le réseau de chaque hôte : adresse AND masque. Deux hôtes ne se parlent directement que si chacun trouve l'autre sur son propre réseau.
ex-neighbours-by-mask-hint-2 = Un /26 (255.255.255.192) découpe 192.168.1.0/24 en quatre blocs de 64 : le bloc de pc2 est .64–.127, donc pc2 croit que pc1 (.10) est ailleurs et ne peut pas répondre. Un /25 le découpe en .0–.127 et .128–.255.
ex-neighbours-by-mask-hint-3 = Réglez le masque de pc1 sur /25, pour que .200 soit hors de son réseau, et celui de pc2 sur /25 (ou /24), pour que pc1 soit dans le réseau de pc2.
ex-neighbours-by-mask-solved = Avec /25, 192.168.1.10 AND 255.255.255.128 = 192.168.1.0, de même pour .100, mais .200 donne 192.168.1.128 : pc1 demande pc2 directement par ARP et refuse d'envoyer à pc3 (« Network is unreachable »). C'est le masque, et non le câble, qui décide qui est voisin.

## read-the-handshake
ex-read-the-handshake-title = Lire la poignée de main
ex-read-the-handshake-story = `curl -v http://203.0.113.10/` sur le portable affiche « Trying 203.0.113.10:80... » puis plus rien pendant longtemps. Suivez la poignée de main trame par trame : le SYN atteint-il le serveur web ? Un SYN-ACK en repart-il jamais ? Trouvez pourquoi, et corrigez pour que la page se charge.
ex-read-the-handshake-hint-1 = Parcourez les trames sur l2 : le SYN arrive à web, encore et encore (à 1 s d'intervalle : le portable le retransmet). Que renvoie web ?
ex-read-the-handshake-hint-2 = Pour répondre, web doit envoyer un SYN-ACK à 192.168.1.10, qui n'est pas sur son réseau. Regardez la table de routage de web : par où partirait le SYN-ACK ?
ex-read-the-handshake-hint-3 = Donnez à web la passerelle par défaut 203.0.113.1 (l'adresse du routeur sur son réseau).
ex-read-the-handshake-solved = Une poignée de main a besoin des deux sens : SYN à l'aller, SYN-ACK au retour, ACK à l'aller. Sans route de retour vers le client, Linux jette le SYN avant même de créer un socket de requête (pas de route pour le SYN-ACK) : le client ne voit que le silence et retransmet son SYN après 1 s, 1 s, 1 s… Avec une passerelle, le SYN-ACK trouve son chemin et la page se charge.

## read-traceroute
ex-read-traceroute-title = Lire un traceroute
ex-read-traceroute-story = Le portable n'arrive pas à joindre 8.8.8.8. traceroute montre les deux premiers sauts qui répondent, puis seulement * * *. Lisez le traceroute, trouvez le routeur où le problème commence, et réparez-le pour que traceroute atteigne 8.8.8.8 en cinq sauts.
ex-read-traceroute-hint-1 = Chaque ligne de traceroute est un routeur qui répond « Time to live exceeded ». Le saut 1 est home-router, le saut 2 est isp1. Quel routeur devrait répondre au saut 3 ?
ex-read-traceroute-hint-2 = isp2 reçoit bien les sondes de TTL 1, et il transmet les suivantes. Mais ses réponses, comme celles de tous les autres, doivent revenir vers 192.168.1.10 en passant par isp2, et isp2 n'a aucune route vers le réseau du portable.
ex-read-traceroute-hint-3 = Donnez à isp2 une route 192.168.1.0/24 via 10.0.12.1 (isp1), ou la passerelle par défaut 10.0.12.1.
ex-read-traceroute-solved = traceroute montre maintenant home-router, isp1, isp2, isp3 et 8.8.8.8 : chaque routeur a répondu à la sonde dont le TTL s'est épuisé chez lui, et les réponses ont retrouvé le chemin du retour. Une ligne * * * signifie qu'aucune réponse n'est revenue, ce qui est aussi souvent une route de retour manquante qu'une route d'aller manquante.

## right-network
ex-right-network-title = Placer un hôte dans le bon réseau
ex-right-network-story = pc1, pc2 et pc3 sont branchés sur le même commutateur, mais pc3 ne peut pas joindre les deux autres : son ping dit « Network is unreachable ». Donnez à pc3 une adresse qui le place dans le même réseau que pc1 et pc2.
ex-right-network-hint-1 = Comparez l'adresse de pc3 à celles de pc1 et pc2. Quelle partie d'une adresse désigne le réseau ?
ex-right-network-hint-2 = Un hôte ne livre directement qu'aux adresses dont la partie réseau (adresse AND masque) est égale à la sienne : 10.0.1.3 AND 255.255.255.0 = 10.0.1.0, mais pc1 est dans 10.0.0.0.
ex-right-network-hint-3 = Changez l'adresse d'eth0 de pc3 pour une adresse libre de 10.0.0.0/24, par exemple 10.0.0.3/24.
ex-right-network-solved = L'adresse de pc3 AND son masque donne maintenant 10.0.0.0, le même réseau que pc1 et pc2 : il les demande directement par ARP et ils répondent. Être câblé au même commutateur ne suffit pas : les adresses doivent aussi s'accorder sur le réseau.

## right-vlan
ex-right-vlan-title = Placer un port dans le bon VLAN
ex-right-vlan-story = sw1 sépare deux VLAN : le VLAN 10 pour le bureau (pc1, pc2) et le VLAN 20 pour le réseau invité. Les trois hôtes partagent 10.0.0.0/24, et pourtant le ping de pc2 vers pc1 reste sans réponse, alors que le portable invité ne doit jamais joindre pc1. Réparez le commutateur, pas les hôtes.
ex-right-vlan-hint-1 = Suivez la requête ARP de pc2 pour 10.0.0.1 dans sw1 : par quels ports sw1 la diffuse-t-il, et dans quel VLAN entre-t-elle sur p2 ?
ex-right-vlan-hint-2 = Un commutateur qui filtre les VLAN ne diffuse une trame de diffusion que vers les ports du VLAN par lequel elle est entrée. Le pvid de p2 place les trames non étiquetées de pc2 dans le VLAN 20, celui des invités, où pc1 n'est pas.
ex-right-vlan-hint-3 = Réglez le VLAN (le pvid) du port p2 de sw1 sur 10, le VLAN du bureau. Désactiver le filtrage VLAN laisserait aussi l'invité joindre pc1.
ex-right-vlan-solved = Avec p2 dans le VLAN 10, la diffusion ARP de pc2 part vers p1 et pc1 répond ; les trames de l'invité entrent dans le VLAN 20 et n'atteignent jamais un port du bureau. Un VLAN est un domaine de diffusion à part entière : le même commutateur, le même sous-réseau, et pourtant deux réseaux séparés.

## stop-the-storm
ex-stop-the-storm-title = Arrêter la tempête sans débrancher de câble
ex-stop-the-storm-story = Trois commutateurs ont été câblés en triangle pour qu'un câble cassé ne coupe pas pc1 de pc2. Au lieu de cela, la première diffusion ARP de pc1 tourne sans fin dans le triangle : une tempête de diffusion. Gardez tous les câbles, et faites en sorte que les commutateurs cassent eux-mêmes la boucle pour que pc1 puisse pinguer pc2.
ex-stop-the-storm-hint-1 = Une boucle de commutateurs n'est un problème que si chaque commutateur transmet sur chaque port. Les vrais réseaux gardent le câble de secours et bloquent un port de la boucle.
ex-stop-the-storm-hint-2 = C'est le rôle du protocole de l'arbre couvrant (STP) : les commutateurs élisent une racine d'après leurs BPDU, et chaque câble garde une extrémité qui transmet ; un port du triangle se bloque. Les ponts Linux l'ont désactivé par défaut.
ex-stop-the-storm-hint-3 = Sélectionnez tour à tour sw1, sw2 et sw3 et cochez « Arbre couvrant (STP) » sur chacun. Leurs ports écoutent puis apprennent pendant 15 s chacun avant de transmettre : le ping de la vérification part donc à 31 s.
ex-stop-the-storm-solved = Avec STP, les commutateurs se sont mis d'accord sur un pont racine et un port du triangle se bloque : la diffusion atteint chaque commutateur une fois, puis s'arrête. Coupez un câble de l'arbre et le port bloqué prend le relais une fois l'ancienne information expirée (20 s) et après deux délais de transmission (30 s).

## ttl-loop
ex-ttl-loop-title = Pourquoi le ping vers 8.8.8.8 échoue-t-il ?
ex-ttl-loop-story = pc1 pingue 8.8.8.8 et reçoit en retour « Time to live exceeded ». r1 envoie tout ce qu'il ne connaît pas à r2, qui devrait le passer à r3, derrière lequel se trouve 8.8.8.8. Trouvez où le paquet tourne en rond, et corrigez.
ex-ttl-loop-hint-1 = Suivez la requête d'écho saut par saut en regardant son TTL : quels routeurs visite-t-elle, et dans quel ordre ?
ex-ttl-loop-hint-2 = r1 l'envoie à r2 (sa passerelle par défaut), et la passerelle par défaut de r2 est r1 : le paquet rebondit entre eux, un TTL de moins à chaque fois, jusqu'à ce qu'un routeur le reçoive avec un TTL de 1 et réponde « Time to live exceeded ».
ex-ttl-loop-hint-3 = Changez la passerelle de r2 en 10.0.1.2 (r3), ou donnez à r2 une route 8.8.8.0/24 via 10.0.1.2.
ex-ttl-loop-solved = La requête d'écho va maintenant pc1 → r1 → r2 → r3 → 8.8.8.8, en perdant un TTL par routeur au lieu de tourner en rond jusqu'à atteindre 1. Le TTL existe exactement pour cela : une boucle coûte quelques dizaines de sauts, pas un réseau en fusion.

## who-hears-arp
ex-who-hears-arp-title = Qui entend la diffusion ARP ?
ex-who-hears-arp-story = pc1 et pc2 travaillent sur un commutateur, pc3 et pc4 sur un autre, et un câble relie les deux commutateurs. Chaque fois que pc1 demande « Qui a l'adresse de pc2 ? », pc3 et pc4 entendent aussi la question. Réorganisez les câbles pour que pc3 et pc4 n'entendent plus les requêtes ARP de pc1, tout en laissant chaque paire se pinguer.
ex-who-hears-arp-hint-1 = Une requête ARP est envoyée à ff:ff:ff:ff:ff:ff. Que fait un commutateur d'une trame de diffusion ?
ex-who-hears-arp-hint-2 = Un commutateur diffuse une trame de diffusion sur chacun de ses autres ports reliés, et le commutateur suivant la diffuse à son tour : tout ce qui est relié par des commutateurs forme un seul domaine de diffusion.
ex-who-hears-arp-hint-3 = Retirez le câble sw1-sw2 entre les deux commutateurs (dans les liaisons du labo), pour que pc3 et pc4 forment un domaine de diffusion à part.
ex-who-hears-arp-solved = Le « Qui a 10.0.0.2 ? » de pc1 n'est plus diffusé que par sw1 : seul pc2 l'entend. Une diffusion atteint chaque port de chaque commutateur relié aux autres, c'est pourquoi on découpe les grands réseaux à plat.

## why-nxdomain
ex-why-nxdomain-title = Pourquoi NXDOMAIN ?
ex-why-nxdomain-story = `host www.example.com` sur le portable obtient une réponse immédiate, mais elle dit « Host www.example.com not found: 3(NXDOMAIN) ». Le serveur DNS est joignable et répond ; le problème est dans ce qu'il sait. Corrigez la zone sur le serveur DNS.
ex-why-nxdomain-hint-1 = NXDOMAIN est une réponse, pas un délai dépassé : le serveur fait autorité pour example.com et dit que le nom n'existe pas. Ouvrez la réponse : que contient sa section d'autorité ?
ex-why-nxdomain-hint-2 = Comparez, lettre par lettre, le nom demandé aux noms des enregistrements de la zone.
ex-why-nxdomain-hint-3 = L'enregistrement s'appelle ww.example.com ; renommez-le en www.example.com.
ex-why-nxdomain-solved = Un serveur faisant autorité répond NXDOMAIN pour un nom de sa zone dont il n'a aucun enregistrement, avec le SOA de la zone pour que les résolveurs puissent mettre ce « non » en cache. Avec l'enregistrement bien nommé, il répond avec l'enregistrement A et le drapeau AA.

## why-page-fails
ex-why-page-fails-title = Pourquoi la page ne se charge-t-elle pas ?
ex-why-page-fails-story = Le serveur web a sa page, le nom www.example.com se résout vers lui, et pourtant `curl -v http://www.example.com/` sur le portable échoue immédiatement avec « Connection refused ». Lisez la réponse que le serveur envoie au SYN du portable, puis corrigez le serveur web pour que la page se charge.
ex-why-page-fails-hint-1 = Le nom se résout et le SYN atteint web : c'est la réponse de web qui pose problème. Quels drapeaux porte-t-elle : SYN-ACK, ou RST ?
ex-why-page-fails-hint-2 = Un RST|ACK en réponse à un SYN signifie qu'aucun socket n'écoute sur ce port : Linux répond lui-même pour le port fermé. Quel port le SYN demandait-il, et sur quel port le serveur de web écoute-t-il (regardez sa table des sockets) ?
ex-why-page-fails-hint-3 = Une URL sans port signifie le port 80. Faites écouter le serveur web sur le port 80 (retirez "port": 8080), ou récupérez http://www.example.com:8080/.
ex-why-page-fails-solved = Un SYN vers un port où rien n'écoute reçoit un RST|ACK du noyau (tcp_v4_send_reset), et connect() échoue aussitôt avec ECONNREFUSED : curl se termine avec le code 7. Avec nginx à l'écoute sur le port 80, le SYN reçoit un SYN-ACK, la poignée de main s'achève, et GET / obtient 200 OK.

## trunk-to-the-router
ex-trunk-to-the-router-title = Amener les deux VLAN jusqu'au routeur
ex-trunk-to-the-router-story = r1 route entre le VLAN 10 (pc1, 192.168.10.0/24) et le VLAN 20 (pc2, 192.168.20.0/24) par un seul câble : son eth0 porte deux sous-interfaces VLAN, eth0.10 et eth0.20, une passerelle par VLAN. pc1 joint sa passerelle, mais pc2 ne reçoit aucune réponse, pas même de sa propre passerelle 192.168.20.1. Réparez le commutateur pour que pc2 puisse pinguer pc1.
ex-trunk-to-the-router-hint-1 = Suivez la requête ARP de pc2 pour sa passerelle 192.168.20.1 : elle entre dans sw1 par p2, dans le VLAN 20. Par quels ports sw1 peut-il diffuser une trame du VLAN 20 ?
ex-trunk-to-the-router-hint-2 = Le câble vers r1 est un trunk : eth0.20 de r1 n'accepte que les trames étiquetées VLAN 20, et sw1 n'envoie une trame par p3 que pour les VLAN dont p3 est membre. p3 ne transporte que le VLAN 10.
ex-trunk-to-the-router-hint-3 = Ajoutez le VLAN 20 aux VLAN étiquetés du port p3 de sw1 (tagged 10, 20). Faire de 20 le VLAN non étiqueté de p3 ne suffirait pas : r1 remet les trames non étiquetées à eth0, qui n'a pas d'adresse.
ex-trunk-to-the-router-solved = Avec le VLAN 20 étiqueté sur p3, les trames de pc2 traversent le trunk avec l'étiquette VLAN 20 et atteignent eth0.20, puis r1 les route par eth0.10, étiquetées VLAN 10, sur le même câble. Un câble, deux VLAN, deux sous-réseaux : un routeur sur un bâton (router on a stick).
