# Pourquoi un appareil rejette une trame ou un paquet : la fin de « … rejette <trame> : <raison> »
# (engine/src/trace/facts.rs, DropReason::msg).

drop-not-for-my-mac = son adresse MAC de destination n'est pas celle de cette interface, donc la carte réseau l'ignore
drop-arp-not-for-me = la requête ARP demande une adresse que cet appareil n'a pas, donc il reste silencieux
drop-not-forwarding = il est adressé à une autre IP et cet hôte ne relaie pas les paquets (ip_forward = 0)
drop-ttl-expired = son TTL est épuisé
drop-no-route = aucune route ne correspond à sa destination
drop-neighbor-failed = la résolution ARP du prochain saut a échoué
drop-neighbor-queue-full = trop de paquets attendaient la résolution ARP
drop-same-segment = la destination se trouve sur le port d'où vient la trame, donc le commutateur ne la renvoie pas
drop-tx-queue-full = la file d'émission du lien est pleine
drop-no-link = aucun câble n'est branché sur ce port
drop-malformed = il est mal formé
drop-unsupported = ce lab ne modélise pas ce protocole
drop-icmp-rate-limited = Linux limite le débit des erreurs ICMP vers chaque destination (icmp_ratelimit), donc aucune erreur n'est envoyée
drop-no-listener = aucun programme de cet appareil ne l'attend
drop-nat-no-free-port = le NAT n'a trouvé aucun port source libre sur son adresse extérieure pour un nouveau flux
drop-no-carrier = le port est désactivé ou son câble n'a pas de porteuse (l'autre extrémité est désactivée), donc rien ne sort ni n'entre
drop-not-my-group = il est destiné à un groupe multicast IPv6 que cette interface n'a pas rejoint, donc le filtre de la carte réseau le rejette
drop-nd-not-for-me = le message de découverte de voisins concerne une adresse que cet appareil n'a pas (ou n'utilise pas encore), donc il reste silencieux
drop-too-big = il est plus grand que la MTU du lien suivant, et les routeurs IPv6 ne fragmentent jamais
drop-no-route-back = c'est un SYN TCP et aucune route ne mène à son expéditeur pour le SYN-ACK, donc Linux le rejette sans répondre
drop-vlan-filtered = la trame est étiquetée pour un VLAN dont ce port du commutateur n'est pas membre (bridge vlan), donc elle est rejetée
drop-port-not-forwarding = le port du commutateur ne relaie pas (spanning tree : blocking, listening ou learning), donc seules les BPDU passent
drop-lost-on-link = le câble l'a perdu en route (la liste de pertes du lab pour ce lien nomme cette trame)
drop-redirect-ignored = c'est une redirection ICMP, et les hôtes Linux n'en acceptent qu'une vers une passerelle de leurs routes par défaut (secure_redirects = 1), donc la route reste telle quelle
drop-unknown-vlan = elle est étiquetée pour un VLAN pour lequel cette interface n'a pas de sous-interface VLAN (aucun ip link … type vlan id pour lui), donc Linux la jette
drop-frag-needed = il est plus grand que la MTU du lien suivant et son bit Don't Fragment est positionné, donc le routeur ne peut pas le découper
