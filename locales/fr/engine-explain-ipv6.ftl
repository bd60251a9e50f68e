# Les phrases des événements IPv6 (engine/src/trace/explain6.rs).

# Le cache des voisins : $old est l'état ip neigh d'avant, ou "none" (pas encore d'entrée).
explain6-nd-entry = Cache des voisins de { $device } ({ $interface }) : { $ip } { $old ->
        [none] aucune entrée
       *[other] { $old }
    } → { $new } : { $why }
explain6-nd-entry-mac = Cache des voisins de { $device } ({ $interface }) : { $ip } { $old ->
        [none] aucune entrée
       *[other] { $old }
    } → { $new } à { $mac } : { $why }
explain6-nd-why-incomplete = un paquet a besoin de la MAC de ce voisin, donc une sollicitation de voisin part vers { $group } (le groupe de nœud sollicité : ff02::1:ff et les 24 derniers bits de l'adresse), que seul le propriétaire écoute, et non vers tout le monde comme la diffusion d'ARP
explain6-nd-why-reachable = une annonce de voisin sollicitée l'a confirmée
explain6-nd-why-learned = apprise d'une sollicitation ou d'une annonce de routeur reçue
explain6-nd-why-probe = pas de confirmation en 5 s, donc il interroge directement le voisin (sollicitation unicast)
explain6-nd-why-failed = aucune annonce de voisin n'est venue après 3 sollicitations
explain6-nd-why-new-mac = une annonce a donné une nouvelle MAC

# Adresses : $from est l'une des trois tournures ci-dessous.
explain6-from-link-local = son adresse lien-local (fe80:: + la MAC avec ff:fe au milieu et le 7e bit inversé, EUI-64)
explain6-from-static = son adresse configurée
explain6-from-slaac = une adresse construite à partir du préfixe du routeur et de son identifiant d'interface (SLAAC)
explain6-tentative = { $device }/{ $interface } reçoit { $from } { $address }, provisoire (tentative) : il envoie pour elle une sollicitation de voisin depuis :: (détection d'adresse dupliquée) et ne l'utilise que si personne ne répond en 1 s
explain6-dad-passed = { $device }/{ $interface } : personne d'autre n'a revendiqué { $address } en 1 s, donc la DAD a réussi et l'adresse est utilisable
explain6-dad-failed = { $device }/{ $interface } : un autre nœud a répondu pour { $address }, donc la détection d'adresse dupliquée a échoué et Linux ne l'utilise jamais (dadfailed)

# Routes : $routes sont les lignes de ip -6 route ; $forwarding vaut "yes" sur un routeur qui relaie le paquet d'un autre.
explain6-routes = { $device } a { $count ->
        [one] { $count } route IPv6
       *[other] { $count } routes IPv6
    } : { $routes }
explain6-route-router = { $device } { $forwarding ->
        [yes] relaie
       *[other] envoie
    } vers { $dst } : le plus long préfixe correspondant est { $prefix } ({ $matching ->
        [one] { $matching } route sur { $total } correspond
       *[other] { $matching } routes sur { $total } correspondent
    }), donc le paquet sort par { $interface } vers le routeur { $router }
explain6-route-direct = { $device } { $forwarding ->
        [yes] relaie
       *[other] envoie
    } vers { $dst } : le plus long préfixe correspondant est { $prefix } ({ $matching ->
        [one] { $matching } route sur { $total } correspond
       *[other] { $matching } routes sur { $total } correspondent
    }), donc le paquet sort directement par { $interface } (on-link)
explain6-route-none = { $device } n'a pas de route IPv6 vers { $dst } : aucun préfixe de sa table ne correspond

# Annonces de routeur : $prefix est l'une des tournures explain6-ra-… suivantes.
explain6-ra-default = { $device }/{ $interface } entend une annonce de routeur de { $router }, qui en fait le routeur par défaut pour { $seconds } s ; { $prefix }
explain6-ra-not-default = { $device }/{ $interface } entend une annonce de routeur de { $router } avec une durée de vie de routeur de 0, donc ce n'est pas un routeur par défaut ; { $prefix }
explain6-ra-slaac = le préfixe { $prefix } est autonome, donc il en construit sa propre adresse (SLAAC)
explain6-ra-refreshed = son adresse issue de { $prefix } existe déjà et reste
explain6-ra-wrong-length = le préfixe { $prefix } n'est pas un /64, et un identifiant d'interface de 64 bits exige exactement 64 bits de préfixe, donc aucune adresse n'est créée (le noyau journalise « prefix with wrong length { $len } »)
explain6-ra-not-autonomous = le préfixe { $prefix } a le drapeau A à zéro : seulement on-link, aucune adresse issue de lui
explain6-ra-no-prefix = elle ne porte aucun préfixe

explain6-down = { $device }/{ $interface } est tombée : Linux retire toutes ses adresses IPv6, même la statique (keep_addr_on_down = 0), avec leurs routes et le cache des voisins ; quand elle revient, il recrée son adresse lien-local
explain6-nd-flushed = { $device }/{ $interface } : son cache des voisins IPv6 est vidé ({ $count ->
        [one] { $count } entrée
       *[other] { $count } entrées
    } : ip neigh flush, ou le câble a perdu la porteuse)
# $error est le texte de ping pour l'erreur ICMPv6.
explain6-icmp-held = { $device } enverrait l'ICMPv6 « { $error } » à { $to }, mais la limitation de débit ICMPv6 de Linux la retient
explain6-icmp-sent = { $device } envoie l'ICMPv6 « { $error } » à { $to }

# La vue des préfixes de l'inspecteur : la destination ET le masque de préfixe, comparé au préfixe de la route.
explain6-prefix-match = { $dst } AND { $mask } = { $masked } = { $prefix } : les { $len } premiers bits correspondent, donc cette route s'applique
explain6-prefix-differs = { $dst } AND { $mask } = { $masked } ≠ { $prefix } : ils diffèrent dans le groupe { $group } (bits { $first }–{ $last }), donc cette route ne s'applique pas

explain6-address-removed = { $device }/{ $interface } : { $address } est supprimée (ip -6 addr del) ; sa route de préfixe disparaît aussi, sauf si une autre adresse de l'interface est dans { $prefix }
explain6-default-router-expired = { $device }/{ $interface } : aucune annonce de routeur de { $router } n'est arrivée pendant sa durée de vie de routeur, donc la route par défaut qui passe par lui expire et les paquets IPv6 vers d'autres réseaux n'ont plus de route
