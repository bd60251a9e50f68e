# « Pourquoi ça a échoué ? » : le diagnostic d'une commande qui a échoué (engine/src/diagnose.rs
# et engine/src/diagnose/*.rs). Les chemins de champs (devices[0].gateway) et les sorties des
# programmes (« Network is unreachable ») restent tels quels dans toutes les langues.

# Une liste de possibilités : « devices[1].gateway ou devices[2].gateway ».
diagnose-or = { $first } ou { $second }
# Les réseaux d'un appareil qui n'en a aucun.
diagnose-no-address = il n'a pas d'adresse
diagnose-none = aucun
diagnose-gateway-off-subnet = La passerelle par défaut { $gateway } de { $device } n'est dans aucun de ses réseaux ({ $networks }) : un hôte ne peut remettre ses paquets qu'à un routeur qu'il atteint directement, donc rien ne peut sortir. Réglez { $path }.gateway sur l'adresse du routeur dans le réseau de { $device }.
diagnose-wrong-mask = { $device } ({ $net }) et { $peer } ({ $peer_net }) sont câblés au même réseau, mais ne sont pas d'accord sur sa taille. Le masque de sous-réseau de { $device } donne { $address } AND { $mask } = { $masked } ≠ { $network }, donc il traite { $peer } comme un inconnu sur un autre réseau, alors que le masque /{ $peer_len } de { $peer } les met tous deux dans un seul réseau. Rendez les masques identiques : vérifiez le /{ $len } de { $field }.
diagnose-ttl-loop = Le paquet pour { $target } a tourné en boucle, { $round } → …, avec un TTL de moins à chaque saut, jusqu'à ce qu'un routeur le reçoive avec un TTL de 1 et réponde « Time to live exceeded ». Chaque routeur croit que l'autre connaît le chemin. Corrigez la route sur l'un d'eux : { $fields }.
diagnose-no-gateway = { $target } n'est dans aucun des réseaux de { $device } ({ $networks }), et { $device } n'a pas de passerelle par défaut, donc il ne peut envoyer le paquet nulle part : « Network is unreachable ». Réglez { $field } sur l'adresse du routeur dans le réseau de { $device }.
diagnose-no-route = { $device } a reçu le paquet pour { $target }, mais n'a aucune route qui lui corresponde ni de passerelle par défaut, donc il l'a rejeté et a répondu « Destination Net Unreachable ». Donnez à { $device } une route vers le réseau de { $target } ({ $routes }) ou une passerelle par défaut ({ $gateway }).
diagnose-gateway-no-answer = { $device } a envoyé son paquet à sa passerelle par défaut { $gateway }, mais personne n'a répondu aux trois requêtes ARP « Who has { $gateway }? » : aucun appareil du réseau de { $device } n'a cette adresse. Réglez { $field } sur l'adresse du routeur dans ce réseau.
diagnose-unknown-host = { $device } a demandé trois fois « Who has { $target }? » sans réponse, donc il a abandonné (« Destination Host Unreachable »). { $place } Vérifiez l'adresse dans { $field }, ou les adresses des appareils du réseau de { $device }.
diagnose-unknown-host-elsewhere = { $target } appartient à { $owner }, qui n'est pas câblé à ce réseau.
diagnose-unknown-host-nowhere = Aucun appareil du labo n'a { $target }.
diagnose-no-way-back = { $device } a reçu la requête mais ne peut pas répondre : { $back } n'est dans aucun de ses réseaux ({ $networks }) et il n'a pas de passerelle par défaut. Réglez { $field } sur le routeur du réseau de { $device }.
diagnose-no-route-back = { $device } n'a pas de route de retour vers { $back } : tout ce qu'il envoie à { $sender } (réponses d'écho, « Time to live exceeded ») et tout ce qu'il devrait y relayer est rejeté, donc { $sender } n'entend rien de { $device } ni d'au-delà. Donnez à { $device } une route vers le réseau de { $sender } ({ $routes }) ou une passerelle par défaut ({ $gateway }).
diagnose-changed-during-run = Le réseau a changé pendant que { $command } s'exécutait : à { $time }, { $device } a lancé `{ $run }`. Ce qui a échoué découle de ce changement (ses événements montrent les routes supprimées, la porteuse perdue, les MAC et les entrées ARP oubliées), pas du fichier du labo ; annulez-le (ou attendez que ce qu'il a cassé revienne) et la commande fonctionnera de nouveau.
# IPv6 (engine/src/diagnose/ipv6.rs).
diagnose-another-device = un autre appareil
diagnose-dad-failed = L'adresse { $address } de { $device } a échoué à la détection d'adresse dupliquée (DAD) : quand { $device } a demandé sur le lien si quelqu'un l'avait déjà (une sollicitation de voisin depuis ::), { $holder } a répondu. Linux n'utilise alors jamais l'adresse (dadfailed), donc { $device } n'a aucune adresse d'où envoyer. Donnez une autre adresse à { $holder }.
diagnose-wrong-prefix-length = { $router } annonce le préfixe { $prefix }, mais SLAAC construit une adresse à partir d'un préfixe de 64 bits et de l'identifiant d'interface de 64 bits (EUI-64 de la MAC) : avec /{ $len }, les bits ne font pas 128, donc { $device } n'en a tiré aucune adresse (Linux note « prefix with wrong length { $len } »). Annoncez un /64.
diagnose-no-router-advert = { $device } est en « auto » : il a cherché des routeurs (sollicitations de routeur vers ff02::2), mais aucune annonce de routeur n'est jamais venue, donc il n'a que son adresse lien-local fe80::, ni adresse globale ni route par défaut. Activez les annonces de routeur (radvd) sur l'interface de { $router } sur ce lien, ou donnez à { $device } une adresse IPv6 et une route fixes.
diagnose-no-route6 = { $device } n'a pas de route IPv6 vers { $target } : aucun préfixe de sa table de routage ne correspond, donc il a répondu « Destination unreachable: No route ». Ajoutez sur { $device } une route pour le préfixe de la destination (ou une route par défaut).
diagnose-unreachable6 = { $device } a demandé trois fois la MAC de { $target } (sollicitations de voisin vers son groupe solicited-node) et personne n'a répondu, donc il a abandonné : « Address unreachable ». Vérifiez qu'un appareil a vraiment { $target } sur ce lien.
# NAT (engine/src/diagnose/nat.rs).
diagnose-forgot-nat = Le routeur domestique ne traduit pas : le serveur répond à { $back }, qu'aucun routeur d'Internet ne connaît. { $back } est une adresse privée (RFC 1918), donc { $router } n'a pas de route pour elle et rejette la réponse de { $server }. Activez le NAT (masquerade) sur l'interface extérieure { $interface } de { $home } ({ $field }) : les paquets sortent alors{ $via }, et les réponses lui reviennent et sont retraduites vers { $back }.
diagnose-nat-via = {" "}avec sa propre adresse { $address }
# VLAN (engine/src/diagnose/vlan.rs).
diagnose-wrong-vlan = { $device } et { $peer } partagent un sous-réseau, mais le câble de { $device } aboutit dans le VLAN { $vlan } ({ $switch } { $port }) et celui de { $peer } dans le VLAN { $peer_vlan } ({ $peer_switch } { $peer_port }). Un commutateur qui filtre les VLAN les tient séparés, comme s'il s'agissait de commutateurs distincts : la diffusion ARP de { $device } pour { $target } n'est inondée que vers les ports du VLAN { $vlan }, donc { $peer } ne l'entend jamais. Mettez les deux ports dans le même VLAN ({ $field }), ou routez entre les VLAN.
# TCP (engine/src/diagnose/tcp.rs).
diagnose-refused = connexion refusée : rien n'écoute sur le port { $port } de { $server } ({ $address }). Son noyau a répondu au SYN par un reset (RST|ACK), donc curl a abandonné aussitôt (code de sortie 7) ; { $hint }.
diagnose-refused-other-port = le serveur web de { $server } écoute sur le port { $listening }, pas { $port } : utilisez ce port dans l'URL
diagnose-refused-no-web-server = { $server } ne fait tourner aucun serveur web : donnez-lui-en un (services.web) ou récupérez la page sur le serveur qui l'a
diagnose-refused-check-address = vérifiez l'adresse dans { $host }
diagnose-syn-no-route-back = pas de réponse au SYN : les SYN de { $device } atteignent { $server }, mais { $server } n'a pas de route de retour vers { $address } pour son SYN-ACK, donc il les rejette sans répondre ; { $device } a retransmis après { $gaps }. Donnez à { $server } une passerelle par défaut ({ $field }) ou une route vers le réseau de { $device }.
diagnose-syn-unanswered = pas de réponse au SYN : { $device } a envoyé son SYN à { $address } port { $port } et l'a retransmis après { $gaps }, sans SYN-ACK — { $why }.
diagnose-syn-lost = le câble { $links } les a perdus (sa liste de pertes dans le labo)
diagnose-syn-no-such-address = aucun appareil n'a l'adresse { $address }
diagnose-syn-way-back = aucun SYN-ACK n'est revenu : regardez le chemin de retour depuis le serveur (ses routes, ou un routeur qui ne traduit pas)
# DHCP et DNS (engine/src/diagnose/services.rs).
diagnose-curl-no-address = Le nom n'a pas été résolu : curl n'a trouvé aucune adresse pour { $name }. { $text }
diagnose-curl-unresolved = Le nom n'a pas été résolu. { $text }
diagnose-nxdomain = NXDOMAIN : le serveur DNS a répondu que { $name } n'existe pas. La zone sur { $device } n'a aucun enregistrement pour ce nom : vérifiez l'orthographe du nom, ou ajoutez-lui un enregistrement A (ou CNAME).
diagnose-the-dns-server = le serveur DNS
diagnose-dns-no-server-there = { $server } appartient à { $owner }, qui ne fait tourner aucun serveur DNS (son port 53 est fermé)
diagnose-dns-answers-lost = { $server } fait tourner un serveur DNS, mais ses réponses ne sont jamais revenues : regardez les routes entre { $device } et lui
diagnose-dns-no-such-address = aucun appareil n'a l'adresse { $server }, donc aucune requête n'a eu de réponse
diagnose-dns-timeout = Serveur DNS injoignable ou mauvaise adresse de serveur DNS : { $device } a interrogé { $server } sur { $name } sans obtenir de réponse à temps ({ $why }). Corrigez l'adresse du serveur DNS dans { $field }.
diagnose-no-dns-server = { $device } n'a aucun serveur DNS dans son resolv.conf : donnez-lui-en un (ou laissez DHCP lui en donner un) avant de chercher { $name }.
diagnose-no-a-record = Le serveur DNS { $server } n'a aucune adresse IPv4 (enregistrement A) pour { $name } : ajoutez-en une à sa zone.
diagnose-lease-expired = Le bail a expiré : { $device }/{ $interface } a perdu { $address } car aucun serveur DHCP n'a renouvelé son bail, donc il n'a plus d'adresse. Vérifiez que le serveur DHCP est toujours joignable.
diagnose-no-dhcp-server = Aucun serveur DHCP n'a répondu : { $device }/{ $interface } demande une adresse par DHCP, mais aucun de ses DISCOVER n'a reçu d'OFFER, donc il n'a ni adresse, ni passerelle, ni serveur DNS. Faites tourner un serveur DHCP sur le réseau (services.dhcp d'un routeur) ou donnez une adresse fixe à { $interface }.

# Routeur sur un bâton : le port du commutateur vers le routeur ne transporte pas le VLAN de la sous-interface étiqueté.
diagnose-trunk-carries-untagged = { $pvid } non étiqueté
diagnose-trunk-carries = { $pvid } non étiqueté, { $tagged } étiquetés
diagnose-trunk-vlan-untagged = transporte le VLAN { $vlan } sans étiquette : il retire l'étiquette, et { $router } remet les trames non étiquetées à { $parent }, pas à { $sub }
diagnose-trunk-vlan-missing = n'est pas membre du VLAN { $vlan } : il ne diffuse jamais les trames de ce VLAN par { $port } et rejette celles que { $router } envoie étiquetées
diagnose-trunk-missing-vlan = Les paquets de { $sender } vont à { $hop }, { $sub } de { $router } (routeur sur un bâton) : { $sub } envoie et attend des trames étiquetées VLAN { $vlan } sur le câble de { $parent }, mais { $switch } { $port } à l'autre bout (ses VLAN : { $carried }) { $what }. Ajoutez { $vlan } aux VLAN étiquetés de { $switch } { $port } (devices[{ $index }].vlans.{ $port }.tagged).

# Un paquet plus grand que la MTU d'un lien (issue 16).
diagnose-too-big-v6 = { $router } ne peut pas relayer le paquet de { $size } octets par { $interface } (MTU { $mtu }) : les routeurs IPv6 ne fragmentent jamais, donc il l'a rejeté et a renvoyé un ICMPv6 « packet too big » (mtu={ $mtu }). { $device } connaît maintenant la MTU du chemin et fragmente lui-même ses paquets suivants (un en-tête d'extension Fragment), donc seul le premier est perdu. Envoyez des paquets qui passent (ping -6 -s { $fits } ou moins) ou donnez à { $interface } de { $router } une MTU plus grande (1500 en Ethernet).
diagnose-frag-needed = { $router } ne peut pas relayer le paquet de { $size } octets par { $interface } (MTU { $mtu }) : ping positionne Don't Fragment (découverte de la MTU du chemin), donc il l'a rejeté et a renvoyé un ICMP « fragmentation needed » (mtu = { $mtu }). { $device } connaît maintenant la MTU du chemin et fragmente lui-même ses paquets suivants, donc seul le premier est perdu. Envoyez des paquets qui passent (ping -s { $fits } ou moins) ou donnez à { $interface } de { $router } une MTU plus grande (1500 en Ethernet).
