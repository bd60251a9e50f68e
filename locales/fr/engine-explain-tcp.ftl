# Les phrases des événements TCP, HTTP et NAT (engine/src/trace/explain_tcp.rs, nat.rs).
# Les états de socket (SYN-SENT, TIME-WAIT, …) sont les mots de ss ; $after est une durée ("1 s", "200 ms").

explain-tcp-listen = { $device } écoute sur le port TCP { $port } (un serveur web qui attend des connexions)
explain-tcp-unlisten = { $device } cesse d'écouter sur le port TCP { $port }
explain-tcp-syn = { $device } ouvre une connexion TCP vers { $ip } port { $port } depuis son port { $local } : SYN
explain-tcp-syn-ack = { $device } accepte une connexion de { $ip } port { $port } sur son port { $local } : SYN-ACK
explain-tcp-established-client = { $device } : connexion vers { $ip } port { $port } établie (SYN-ACK reçu, ACK envoyé)
explain-tcp-established-server = { $device } : connexion depuis { $ip } port { $port } établie (l'ACK du client est arrivé)
explain-tcp-refused = connexion refusée : rien n'écoute sur le port { $port } de { $ip }, qui a répondu RST|ACK ; le connect() de { $device } échoue
explain-tcp-timed-out = { $device } abandonne { $ip } port { $port } : aucune réponse à ses retransmissions (Connection timed out)
explain-tcp-unreachable = la connexion de { $device } vers { $ip } port { $port } échoue : un ICMP « { $error } » est revenu
explain-tcp-reset = { $ip } a réinitialisé la connexion de { $device } (RST) : Connection reset by peer
explain-tcp-fin = { $device } ferme son côté de la connexion vers { $ip } port { $port } : FIN
explain-tcp-fin-wait-2 = { $ip } a acquitté le FIN de { $device } ; { $device } attend le FIN de { $ip } (FIN-WAIT-2)
explain-tcp-close-wait = { $ip } a fermé son côté (FIN) ; { $device } l'acquitte et peut encore envoyer (CLOSE-WAIT)
explain-tcp-last-ack = { $device } ferme aussi son côté : FIN (LAST-ACK, en attente de l'ACK)
explain-tcp-closing = { $device } et { $ip } ont envoyé FIN en même temps (CLOSING)
explain-tcp-time-wait = les deux côtés sont fermés ; { $device } garde la connexion vers { $ip } port { $port } en TIME-WAIT pendant 60 s pour attraper les segments égarés
explain-tcp-closed = le FIN de { $device } a été acquitté : la connexion avec { $ip } port { $port } est fermée
explain-tcp-time-wait-over = TIME-WAIT est terminé : { $device } oublie la connexion vers { $ip } port { $port }
explain-tcp-half-open-dropped = { $device } abandonne la connexion semi-ouverte de { $ip } port { $port }
# Tout autre changement : $old et $new sont des états ss, ou "none" (pas de socket avant / après).
explain-tcp-state = { $device } : TCP { $local } ↔ { $peer } { $old ->
        [none] nouvelle
       *[other] { $old }
    } → { $new ->
        [none] fermée
       *[other] { $new }
    }
explain-tcp-retransmit-syn = SYN retransmis après { $after } : { $device } n'a reçu aucun SYN-ACK de { $ip }
explain-tcp-retransmit-syn-ack = SYN-ACK retransmis après { $after } : { $device } n'a reçu aucun ACK de { $ip }
explain-tcp-retransmit-data = { $bytes } octets de données retransmis après { $after } : { $device } n'a reçu aucun acquittement de { $ip }
explain-tcp-retransmit-fin = FIN retransmis après { $after } : { $device } n'a reçu aucun acquittement de { $ip }
explain-tcp-rst-closed-port = rien n'écoute sur le port { $port } de { $device }, donc il répond au segment de { $ip } par une réinitialisation (RST|ACK)
explain-tcp-rst-no-connection = { $device } n'a aucune connexion pour le segment de { $ip } vers le port { $port }, donc il répond par une réinitialisation
explain-http-request = { $method } { $path } envoyé : { $device } demande à { $ip } port { $port } la page http://{ $host }{ $path }
explain-http-response = { $status } { $reason }, { $bytes } octets : le serveur web sur { $device } répond au { $method } { $path } de { $ip }

# NAT : $proto vaut TCP, UDP ou ICMP echo ; les extrémités sont "adresse:port" ou "adresse (echo id N)" ;
# $state vaut ", ESTABLISHED" (l'état TCP de conntrack) ou rien ; $checksums vaut explain-nat-checksums ou rien.
explain-nat-own-flow = { $device } associe le paquet { $proto } { $src } → { $dst } à une entrée conntrack sur { $interface } : c'est un flux propre à { $device } depuis son adresse extérieure, donc rien n'est réécrit{ $state }.
explain-nat-outbound = { $device } (NAT sur { $interface }) réécrit la source { $before } → { $after } pour que la réponse retrouve son chemin : Internet ne connaît que { $address }, et la table conntrack retient qui se trouve derrière ({ $flow }{ $state }{ $checksums }).
explain-nat-known-flow = flux connu
explain-nat-new-flow = nouveau flux, pas encore de réponse
explain-nat-inbound = { $device } trouve la réponse { $proto } à { $before } dans sa table conntrack et réécrit la destination en { $after }, l'hôte intérieur qui a ouvert le flux{ $state }{ $checksums }.
explain-nat-inbound-error = { $device } reçoit une erreur ICMP sur un paquet qu'il a traduit et la réécrit pour { $host } : la destination extérieure et la source du paquet cité reviennent à l'hôte intérieur{ $checksums }.
explain-nat-checksums = {" "}; sommes de contrôle mises à jour : { $fields }
explain-checksum = { $proto }
explain-checksum-ipv4-header = en-tête IPv4
explain-checksum-quoted-ipv4-header = en-tête IPv4 cité
explain-checksum-quoted = { $proto } cité
explain-conntrack-own-expired = { $device } oublie son propre flux { $proto } { $src } → { $dst } : l'entrée conntrack a expiré.
explain-conntrack-expired = { $device } oublie le flux { $proto } { $src } → { $dst }, qu'il avait traduit en { $translated } : son entrée conntrack a expiré, donc une réponse tardive ne serait plus traduite.
