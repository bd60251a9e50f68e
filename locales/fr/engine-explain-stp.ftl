# Les phrases des événements du spanning tree et des changements de configuration (engine/src/trace/stp.rs, config.rs).
# Les états de port (listening, learning, forwarding, blocking, disabled) sont les mots du pont Linux ;
# $role vaut root, designated ou alternate ; les identifiants de pont ressemblent à 8000.02a1b2c3d4e5 ; les coûts sont du texte.

explain-stp-bridge-id = le pont { $id }
explain-stp-was = {" "}(avant : { $state })
explain-stp-root-bridge = { $device } se croit pont racine : aucune BPDU entendue ne nomme un identifiant de pont inférieur au sien, { $bridge }. Il envoie une BPDU de configuration toutes les 2 s (hello time) par ses ports désignés.
explain-stp-accepts-root = { $device } reconnaît { $root } ({ $root_id }) comme pont racine : son identifiant est inférieur à celui de { $device }, { $bridge }. Le meilleur chemin de { $device } vers lui part par { $port } et coûte { $cost }.
explain-stp-why-root = son meilleur chemin vers la racine part désormais par { $port } et coûte { $cost }
explain-stp-why-designated = il offre désormais le meilleur chemin vers la racine sur ce câble (coût { $cost })
explain-stp-role-changed = { $device }/{ $port } passe de { $before ->
        [root] port racine
        [designated] port désigné
        [alternate] port alternatif
       *[other] port { $before }
    } à { $role ->
        [root] port racine
        [designated] port désigné
        [alternate] port alternatif
       *[other] port { $role }
    } et reste { $state } : { $why }.
explain-stp-disabled = { $device }/{ $port } est disabled{ $was } : sans porteuse, il ne participe pas au spanning tree.
explain-stp-cmp-cheaper = son propre chemin vers la racine coûte { $cost }, celui de { $other } coûte { $other_cost }
explain-stp-cmp-tie = { $device } et { $other } atteignent tous deux la racine au coût { $cost }, et l'identifiant de pont de { $other }, { $other_id }, est inférieur à celui de { $device }, { $bridge }
explain-stp-cmp-elsewhere = { $other } offre la racine sur ce câble (coût { $other_cost }) et { $device } a déjà son port racine ailleurs
explain-stp-blocks = { $device } bloque { $port }{ $was } : { $why }, donc { $other } dessert ce câble et { $device } y rejette toute trame sauf les BPDU. Cela casse la boucle.
explain-stp-forwarding = { $device }/{ $port } ({ $role ->
        [root] port racine
        [designated] port désigné
       *[other] port { $role }
    }) est forwarding{ $was } : après deux forward delays (15 s listening, 15 s learning), il apprend les MAC et relaie les trames.
explain-stp-learning = { $device }/{ $port } ({ $role ->
        [root] port racine
        [designated] port désigné
       *[other] port { $role }
    }) est learning{ $was } : pendant un forward delay (15 s), il apprend les MAC source mais ne relaie encore rien.
explain-stp-root-port = { $device }/{ $port } est le port racine{ $was } : le meilleur chemin de { $device } vers la racine ({ $cost } = { $other_cost } depuis le pont suivant + { $path_cost } pour ce câble). Il est { $state } ; après 15 s listening et 15 s learning, il relaie.
explain-stp-designated-port = { $device }/{ $port } est un port désigné{ $was } : { $device } offre le meilleur chemin vers la racine sur ce câble (coût { $cost }). Il est { $state } ; après 15 s listening et 15 s learning, il relaie.
explain-stp-tc-on = { $device } apprend que la topologie a changé (un port a commencé ou cessé de relayer) : pendant un moment, il fait vieillir les MAC après 15 s (forward delay) au lieu de 300 s, pour que les entrées périmées partent vite.
explain-stp-tc-off = Le changement de topologie est terminé pour { $device } : les MAC vieillissent de nouveau après 300 s.

# Changements de configuration pendant une exécution.
explain-link-set-down = { $device } désactive { $port } (ip link set { $port } down) : plus rien n'entre ni ne sort par { $port }, et l'autre bout de son câble perd la porteuse. Un hôte ou un routeur supprime aussi toute route passant par { $port } et ses entrées ARP de ce côté.
explain-link-set-up = { $device } active { $port } (ip link set { $port } up) : l'autre bout de son câble retrouve la porteuse. Un hôte ou un routeur récupère la route connectée de l'adresse de { $port }, mais pas les routes via une passerelle, parties quand elle a été désactivée (ajoutez-les de nouveau avec ip route add).
explain-link-carrier-lost = { $device }/{ $port } perd la porteuse parce que { $peer }/{ $peer_port }, à l'autre bout du câble, est tombé.
explain-link-carrier-back = { $device }/{ $port } retrouve la porteuse parce que { $peer }/{ $peer_port }, à l'autre bout du câble, est revenu.
explain-link-power-off = { $device }/{ $port } s'éteint : { $device } est hors tension.
explain-link-power-on = { $device }/{ $port } s'allume pendant que { $device } démarre.
# Pourquoi une table a été vidée : la fin de « … parce que <ceci> ».
explain-flush-command = on le lui a demandé (commande flush)
explain-flush-link-down = { $port } est tombé
explain-flush-carrier-lost = { $port } a perdu la porteuse (l'autre bout de son câble est tombé)
explain-flush-address-removed = { $port } a perdu son adresse
explain-flush-power-off = il a été mis hors tension
explain-flush-the-switch = le commutateur
explain-mac-flushed = { $device } oublie les MAC de { $port } parce que { $why } : { $macs }. Les trames qui leur sont destinées sont diffusées jusqu'à ce qu'elles soient de nouveau apprises.
explain-mac-flushed-all = { $device } oublie les MAC de tous ses ports parce que { $why } : { $macs }. Les trames qui leur sont destinées sont diffusées jusqu'à ce qu'elles soient de nouveau apprises.
explain-arp-flushed = { $device } oublie ses entrées ARP sur { $interface } parce que { $why } : { $ips }. Le prochain paquet vers elles commence par une requête ARP.
explain-address-added = { $device }/{ $interface } a maintenant { $address } (ip addr add) et une route connectée vers { $network } ; Linux n'annonce rien (arp_notify = 0), donc les voisins gardent leurs anciennes entrées jusqu'à ce qu'ils demandent.
explain-address-removed = { $device }/{ $interface } n'a plus { $address } (ip addr del) : ses routes passant par { $interface } disparaissent avec elle.
explain-address-none = { $device }/{ $interface } n'a pas d'adresse.
explain-power-on = { $device } est mis sous tension : il démarre avec la configuration du fichier du lab (tables vides, dhclient et services relancés).
explain-power-off = { $device } est mis hors tension : chaque port s'éteint, chaque table et chaque programme en cours disparaît.

# Un événement sans phrase propre.
explain-nothing = {""}
