# La phrase « et si » : où deux exécutions d'un lab divergent d'abord, et pourquoi (engine/src/trace/diverge.rs).
# Un changement ouvre la phrase quand $start vaut "yes" (il prend alors une majuscule).

explain-whatif-mask = { $start ->
        [yes] Avec
       *[other] avec
    } { $address } sur { $device } (au lieu de /{ $old_len })
explain-whatif-address = { $start ->
        [yes] Avec
       *[other] avec
    } { $address } sur { $device } (au lieu de { $old })
explain-whatif-address-added = { $start ->
        [yes] Avec
       *[other] avec
    } { $address } sur { $device } { $interface }
explain-whatif-address-removed = { $start ->
        [yes] Sans
       *[other] sans
    } { $address } sur { $device } { $interface }
explain-whatif-interface-changed = { $start ->
        [yes] Avec
       *[other] avec
    } { $device } { $interface } modifiée
explain-whatif-gateway = { $start ->
        [yes] Avec
       *[other] avec
    } la passerelle { $gateway } sur { $device } (au lieu de { $old })
explain-whatif-gateway-added = { $start ->
        [yes] Avec
       *[other] avec
    } la passerelle { $gateway } sur { $device }
explain-whatif-gateway-removed = { $start ->
        [yes] Sans
       *[other] sans
    } la passerelle { $gateway } sur { $device }
explain-whatif-gateway-changed = { $start ->
        [yes] Avec
       *[other] avec
    } la passerelle de { $device } modifiée
explain-whatif-route-added = { $start ->
        [yes] Avec
       *[other] avec
    } la route { $prefix } via { $via } sur { $device }
explain-whatif-route-removed = { $start ->
        [yes] Sans
       *[other] sans
    } la route { $prefix } via { $via } sur { $device }
explain-whatif-cable-added = { $start ->
        [yes] Avec
       *[other] avec
    } le câble { $link } branché
explain-whatif-cable-removed = { $start ->
        [yes] Sans
       *[other] sans
    } le câble { $link }
explain-whatif-cable-changed = { $start ->
        [yes] Avec
       *[other] avec
    } le câble { $link } modifié
explain-whatif-device-added = { $start ->
        [yes] Avec
       *[other] avec
    } { $device } en plus
explain-whatif-device-removed = { $start ->
        [yes] Sans
       *[other] sans
    } { $device }
explain-whatif-command-added = { $start ->
        [yes] Avec
       *[other] avec
    } `{ $command }` à { $at }
explain-whatif-command-removed = { $start ->
        [yes] Sans
       *[other] sans
    } `{ $command }`
explain-whatif-device-changed = { $start ->
        [yes] Avec
       *[other] avec
    } les réglages de { $device } modifiés
explain-whatif-options = { $start ->
        [yes] Avec
       *[other] avec
    } les options d'exécution modifiées
explain-whatif-same-lab = Avec le même lab
explain-whatif-two-changes = { $first } et { $second }
explain-whatif-more-changes = { $first }, { $second } et { $count ->
        [one] { $count } autre changement
       *[other] { $count } autres changements
    }

# La phrase entière : $cause est le changement, $what la première différence.
explain-whatif-identical = Les deux exécutions sont identiques : rien n'a changé dans le lab.
explain-whatif-no-effect = { $cause }, l'exécution est la même : rien de ce qu'elle fait n'en dépend.
explain-whatif-differs = { $cause }, { $what }.

# La première différence.
explain-whatif-now-same-network = { $device } et { $peer } sont sur le même réseau, donc { $device } fait une requête ARP directement pour { $peer } au lieu de sa passerelle { $gateway }
explain-whatif-now-other-network-gateway = { $peer } n'est plus sur le réseau de { $device }, donc { $device } fait une requête ARP pour sa passerelle { $gateway } au lieu de { $peer } directement
explain-whatif-now-other-network-router = { $peer } n'est plus sur le réseau de { $device }, donc { $device } fait une requête ARP pour le routeur { $router } au lieu de { $peer } directement
explain-whatif-other-hop = { $device } envoie le paquet pour { $dst } { $now } au lieu de { $before }
explain-whatif-route-lost = { $device } n'a pas de route vers { $dst } (elle n'est pas sur le réseau de { $device } et aucune route ne la couvre), donc le paquet ne va nulle part au lieu d'aller { $before }
explain-whatif-route-found = { $device } a maintenant une route vers { $dst } : le paquet va { $now } au lieu de n'aller nulle part
explain-whatif-route-other = { $device } décide autrement pour { $dst }
# Où va un paquet, après « envoie le paquet pour … ».
explain-whatif-hop-direct = directement à { $peer } par { $interface }
explain-whatif-hop-gateway = à sa passerelle { $gateway }
explain-whatif-hop-route = par { $router } (route { $prefix })
explain-whatif-switch = { $device } envoie { $frame } venue de { $in_port } par { $now } au lieu de { $before }
explain-whatif-switch-why = { $device } envoie { $frame } venue de { $in_port } par { $now } au lieu de { $before } : { $why }
explain-whatif-the-frame = la trame
explain-whatif-no-port = aucun port
explain-whatif-port-no-cable = { $port } n'a pas de câble
explain-whatif-port-down = { $port } est tombé (pas de porteuse : l'autre bout de son câble est tombé)
# $now et $before sont les lignes affichées par le programme.
explain-whatif-output = `{ $command }` affiche « { $now } » au lieu de « { $before } »
explain-whatif-output-unreachable = { $reach }, donc `{ $command }` affiche « { $now } » au lieu de « { $before } »
explain-whatif-unreachable = { $target } n'est pas sur le réseau de { $device } ({ $networks }) et { $device } n'a ni passerelle ni route vers elle
explain-whatif-no-address = il n'a pas d'adresse
explain-whatif-both = { $variant }, alors que dans l'original { $original }
explain-whatif-variant-ended = l'exécution de la variante est terminée là où l'original continue : { $original }
explain-whatif-original-ended = l'exécution de l'original est terminée là où la variante continue : { $variant }
explain-whatif-runs-same = les exécutions sont identiques
# Un événement en une courte proposition.
explain-whatif-quoted = « { $text } »
explain-whatif-clause-sent = { $device } envoie { $frame } à { $to }
explain-whatif-clause-received = { $device } reçoit { $frame }
explain-whatif-clause-dropped = { $device } rejette { $frame } : { $reason }
explain-whatif-clause-thrown-away = { $device } jette { $packet } : { $reason }
explain-whatif-packet-for = un paquet pour { $dst }
explain-whatif-a-packet = un paquet
explain-whatif-clause-route = { $device } envoie le paquet pour { $dst } { $hop }
explain-whatif-clause-no-route = { $device } n'a pas de route vers { $dst }
explain-whatif-clause-arp = l'entrée ARP de { $device } pour { $ip } devient { $state }
explain-whatif-clause-output = `{ $command }` affiche « { $line } »
explain-whatif-clause-event = { $event }
