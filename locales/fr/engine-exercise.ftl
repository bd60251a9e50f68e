# Les vérifications de l'objectif d'un exercice : ce que chacune demande (Check::describe) et
# pourquoi elle a réussi ou échoué (engine/src/exercise/evaluate.rs et check.rs).

check-ping-succeeds = le ping de { $from } vers { $to } réussit
check-ping-fails = le ping de { $from } vers { $to } n'obtient aucune réponse
check-ping6-succeeds = le ping -6 de { $from } vers { $to } réussit
check-arp-cache-has = la table ARP de { $device } contient { $ip }
check-arp-cache-has-mac = la table ARP de { $device } contient { $ip } avec la MAC de { $owner }
check-receives = { $device } reçoit { $frames }
check-never-receives = { $device } ne reçoit jamais { $frames }
check-traceroute-hops = traceroute de { $from } vers { $to } montre { $hops ->
        [one] { $hops } saut
       *[other] { $hops } sauts
    }
check-leaves-via = le ping de { $from } vers { $to } quitte { $device } { $way }
check-way-towards = en direction de { $device }
check-way-link = par la liaison { $link }
check-lookup-succeeds = host { $name } sur { $from } trouve son adresse
check-page-loads = curl { $url } sur { $from } charge la page
# Les trames que compte une vérification receives / never_receives ; plusieurs conditions sont jointes.
check-frame-to-mac-of = une trame adressée à la MAC de { $device }
check-packet-to = un paquet adressé à { $address }
check-arp-for = la requête ARP « Who has { $address }? »
check-frames-and = { $first }, qui est aussi { $second }
# Une adresse d'une vérification que le labo de l'élève n'a pas.
check-no-device = aucun appareil « { $device } »
check-no-interface = { $device } n'a pas d'interface « { $interface } »
check-no-ip = { $address } n'a pas d'adresse IP
check-no-ipv6 = { $address } n'a pas d'adresse IPv6 fixe
# Le fichier d'exercice d'un enseignant dont l'objectif nomme ce que son labo n'a pas
# (Check::validate) ; le chemin du champ (goal[2].from) le précède.
check-no-ip-stack = { $device } est { $kind ->
        [switch] un commutateur
       *[hub] un concentrateur (hub)
    } ; il n'a pas de pile IP
check-hops-range = { $hops } est hors limites (1–30)
check-which-frames = précisez quelles trames : frame_to_mac_of, addressed_to ou arp_for
check-no-link = pas de liaison « { $link } »
check-towards-or-link = indiquez soit towards (un appareil), soit link
check-in-your-lab = { $problem } dans votre labo
check-cannot-run = le labo ne peut pas s'exécuter : { $error }
check-not-ip-device = { $device } n'est ni un hôte ni un routeur dans votre labo
check-command-cannot-run = la commande de la vérification ne peut pas s'exécuter : { $error }
# La raison, puis pourquoi l'exécution s'est arrêtée tôt (le cas échéant), puis un point.
check-why = { $why }{ $stopped }.
check-storm = {" "}(l'exécution s'est arrêtée dans une tempête de diffusion sur { $links })
check-event-budget = {" "}(l'exécution s'est arrêtée après { $events } événements alors que des trames circulaient encore : une boucle de câbles entre commutateurs crée une tempête de diffusion)
check-work-budget = {" "}(l'exécution s'est arrêtée à son budget de travail : { $work } unités de travail en { $events } événements, alors que des trames étaient encore copiées)
check-ping-no-send = { $from } n'a rien pu envoyer : « { $line } »
check-ping-sent = { $from } a envoyé { $sent } requête(s) d'écho à { $target } et a reçu { $got ->
        [one] { $got } réponse
       *[other] { $got } réponses
    }
check-ping-printed = { $counts } ; il a affiché « { $line } »
check-traceroute-reached = traceroute a atteint { $target } au saut { $hop } ; l'objectif est { $hops }
check-traceroute-stopped = traceroute n'a jamais atteint { $target } : le dernier saut qui a répondu était le saut { $hop } ({ $addresses }), ensuite seulement * * *
check-traceroute-no-start = traceroute n'a pas pu démarrer : { $line }
check-traceroute-silent = traceroute n'a jamais atteint { $target } : aucun saut n'a répondu
check-never-left = la requête d'écho pour { $target } n'a jamais quitté { $device } : elle n'a pas atteint { $device }, ou { $device } l'a rejetée.
check-left-via = la requête d'écho pour { $target } a quitté { $device } par la liaison { $link }, en direction de { $next }.
check-lookup-answer = { $from } a cherché { $name } et a obtenu { $addresses }
check-lookup-nxdomain = le serveur DNS a répondu que { $name } n'existe pas (NXDOMAIN)
check-lookup-timeout = aucun serveur DNS n'a répondu à la question de { $from } sur { $name }
check-lookup-timeout-asked = aucun serveur DNS n'a répondu à la question de { $from } sur { $name } (il a interrogé { $server })
check-lookup-no-servers = { $from } n'a aucun serveur DNS à interroger
check-lookup-no-address = la recherche de { $name } n'a trouvé aucune adresse ({ $outcome })
check-lookup-unfinished = la recherche de { $name } ne s'est pas terminée
check-curl-failed = curl a échoué : { $line }
check-page-fetched = { $from } a récupéré { $url } : 200 OK, { $bytes } octets
check-page-status = le serveur web a répondu { $status } au lieu de la page
check-page-no-answer = curl { $url } sur { $from } n'a reçu aucune réponse avant la fin de l'exécution
check-arp-held = la table ARP de { $device } contient { $ip } avec { $mac } (depuis { $time }).
check-arp-wrong-mac = la table ARP de { $device } contient { $ip } avec { $mac }, qui n'est pas la MAC de { $owner }.
check-arp-never = la table ARP de { $device } n'a jamais eu de MAC pour { $ip } : aucun échange ARP n'a eu lieu entre eux.
check-received = { $device } a reçu { $count ->
        [one] une trame de ce type
       *[other] { $count } trames de ce type
    } ; la première à { $time } sur { $port } : { $frame }.
check-received-none = { $device } n'a rien reçu de tel ({ $frames }) pendant l'exécution du labo.
