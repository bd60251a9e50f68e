# Ce que l'inspecteur dessine à côté d'un événement pour montrer le pourquoi (engine/src/explain.rs, trace/explain6.rs) :
# les lignes du calcul ET, son verdict, et le réemballage d'une trame relayée par un routeur.

explain-row-address = adresse
explain-row-mask = masque
explain-row-and = AND
explain-row-my-network = mon réseau
explain-row-destination = destination
explain-row-prefix = préfixe
explain-and-same = { $address } AND { $mask } = { $masked } = { $network }/{ $len } : le même réseau, donc remise directe (ARP pour { $address })
explain-and-other = { $address } AND { $mask } = { $masked } ≠ { $network }/{ $len } : un autre réseau, il faut donc une route ou une passerelle
explain6-prefix-note = Une adresse IPv6 compte 8 groupes de 16 bits. Les bits à 1 du masque (la longueur de préfixe) marquent la partie réseau : AND garde ces bits de la destination, et la route s'applique quand ils égalent son préfixe.
explain6-prefix-heading = Le test du préfixe (/{ $len }), groupe { $group } en binaire

# Le réemballage (src/inspector/rewrap.rs) : chaque champ d'en-tête qu'un routeur réécrit (ou garde), et pourquoi.
explain-field-dst-mac = MAC de destination
explain-field-src-mac = MAC source
explain-field-ttl = TTL
explain-field-checksum = Somme de contrôle de l'en-tête
explain-field-src-ip = Adresse source
explain-field-dst-ip = Adresse de destination
explain-field-src-port = Port source
explain-field-dst-port = Port de destination
explain-field-tcp-checksum = Somme de contrôle TCP
explain-field-udp-checksum = Somme de contrôle UDP
explain-field-icmp-id = Identifiant ICMP
explain-field-quoted-src-ip = Adresse source citée
explain-field-quoted-dst-ip = Adresse de destination citée
explain-field-quoted-checksum = Somme de contrôle de l'en-tête cité
explain-field-quoted-src-port = Port source cité
explain-field-quoted-dst-port = Port de destination cité
explain-field-icmp-checksum = Somme de contrôle ICMP
explain-rewrap-dst-mac = la MAC du prochain saut sur la liaison sortante (par ARP)
explain-rewrap-src-mac = la propre MAC du routeur sur l'interface sortante
explain-rewrap-ttl = chaque routeur le diminue de un
explain-rewrap-checksum = recalculée parce que le TTL a changé
explain-rewrap-checksum-nat = recalculée : le TTL et une adresse ont changé
explain-rewrap-nat-src = NAT (masquerade) : l'adresse extérieure du routeur remplace celle de l'hôte intérieur
explain-rewrap-nat-dst = NAT : une réponse, renvoyée à l'hôte intérieur qui a ouvert le flux
explain-rewrap-kept = de bout en bout : seul le NAT la réécrit
explain-rewrap-end-to-end = de bout en bout : jamais réécrite
explain-rewrap-quoted = NAT : le paquet cité tel que l'hôte intérieur l'a envoyé
explain-rewrap-nat-src-port = NAT : le port du routeur pour ce flux
explain-rewrap-nat-dst-port = NAT : retour au port propre de l'hôte intérieur
explain-rewrap-l4-checksum = mise à jour pour la nouvelle adresse et le nouveau port, qu'elle couvre (RFC 1624)
explain-rewrap-l4-checksum-kept = couvre les adresses et les ports, pas le TTL : inchangée
explain-rewrap-icmp-id = NAT : l'identifiant d'écho joue le rôle d'un port
explain-rewrap-icmp-checksum = mise à jour pour l'identifiant réécrit ou le paquet cité
explain-rewrap-icmp-checksum-kept = ne couvre que le message ICMP : inchangée
