# Les textes des panneaux (éditeur d'appareil et de liaison, services, inspecteur, partage,
# intégration, exercices, parcours, prédiction, diagramme de séquence, plan). Le cadre est dans
# app.ftl ; voir docs/languages.md. Les mots des programmes (ip route, via, dev, REACHABLE), les
# noms de champs des protocoles, les adresses et les noms d'appareils restent tels quels.

## Panneau d'appareil
device-kind = { $kind ->
        [host] hôte
        [server] serveur
        [switch] commutateur
        [hub] concentrateur
       *[router] routeur
    }
device-delete = Supprimer
device-done = Terminé
device-name = Nom
device-cable-to = Câbler vers
device-connect = Connecter
device-interfaces = Interfaces
device-add-interface = Ajouter une interface
device-not-cabled = non câblée
device-subinterface-of = VLAN { $vlan } sur { $parent } (étiqueté)
device-sub-parent = Interface parente
device-sub-vlan = ID de VLAN
device-sub-vlan-hint = Ses trames quittent l'interface parente étiquetées avec cet ID (1–4094), comme avec ip link add link eth0 name eth0.10 type vlan id 10
device-add-subinterface = Ajouter une sous-interface VLAN
device-add-subinterface-hint = Une sous-interface VLAN de { $iface } (eth0.10) : sa propre adresse, ses trames étiquetées sur le câble de { $iface }
device-cabled-to = vers { $peer }
device-subnet = sous-réseau { $net }
device-remove-iface = Supprimer { $iface } (et son câble)
device-remove = Supprimer
device-dhcp = Adresse par DHCP (dhclient)
device-lease = Actuellement : { $address } reçue de { $server }
device-lease-gateway = Actuellement : { $address } reçue de { $server }, passerelle { $router }
device-no-lease = Pas de bail à ce moment du déroulé : dhclient en demande un au démarrage du labo.
device-ipv4 = Adresse IPv4
device-ipv4-hint = CIDR (10.0.0.1/24) ou avec un masque de sous-réseau (10.0.0.1 255.255.255.0)
device-mac = Adresse MAC
device-mac-automatic = { $mac } (automatique)
device-nat = NAT (masquerade) sur cette interface
device-routing = Routage
device-gateway = Passerelle par défaut
# Textes indicatifs des champs vides (la passerelle ; les serveurs DNS).
device-gateway-none = aucune
device-dns-none = aucun
device-dns = Serveurs DNS (resolv.conf)
device-dns-hint = Dans l'ordre, séparés par des virgules ; un bail DHCP les remplace
device-static-routes = Routes statiques
device-no-static-routes = Aucune : seulement les réseaux directement connectés et la passerelle par défaut.
device-route-destination = Destination
device-new-route-destination = Destination de la nouvelle route
device-new-route-next-hop = Prochain saut de la nouvelle route
device-add-route = Ajouter la route
device-ports = Ports
device-ports-hint = Nommés p1 … pN ; une liaison prend le premier libre

## Panneau de liaison
device-link-badge = liaison
device-link-port = Port côté { $device }
device-link-speed = { $delay } µs dans un sens, { $bandwidth } Mbit/s

## Champs de formulaire
fields-locked-label = verrouillé
fields-locked = Verrouillé dans cet exercice

## Services (le serveur DHCP de dnsmasq, le serveur DNS)
services-heading = Services
services-host = Les serveurs DHCP et DNS tournent sur un serveur ou un routeur.
services-dhcp-server = Serveur DHCP (dnsmasq)
services-interface = Interface
services-pool-start = Début de la plage
services-pool-end = Fin de la plage
services-router = Routeur (option 3)
services-dns = Serveurs DNS (option 6)
services-lease-time = Durée du bail, s (option 51)
services-domain = Domaine (option 15)
# Textes indicatifs des champs vides (le routeur ; les serveurs DNS ; le domaine).
services-router-none = aucun
services-dns-none = aucun
services-domain-none = aucun
services-dns-server = Serveur DNS (port 53)
services-zone = Zone
services-records = Enregistrements
services-no-records = Aucun pour l'instant.
services-record-name = Nom
services-record-type = Type
services-record-value = Valeur
services-remove-record = Supprimer { $name }
services-remove = Supprimer
services-forwarders = Redirecteurs
services-forwarders-placeholder = aucun (8.8.8.8)
services-recursive = Récursif (un résolveur public comme 8.8.8.8)
services-new-record-name = Nom du nouvel enregistrement
services-new-record-type = Type du nouvel enregistrement
services-new-record-value = Valeur du nouvel enregistrement
services-new-record-ttl = TTL du nouvel enregistrement
services-new-record-ttl-placeholder = TTL 3600
services-add-record = Ajouter l'enregistrement

## Inspecteur (les noms de champs, les valeurs et les titres de couches restent tels que Wireshark les affiche)
inspector-label = Inspecteur
inspector-close = ✕ Fermer
inspector-close-label = Fermer l'inspecteur
inspector-empty = Cliquez sur un événement de la liste pour voir sa trame, champ par champ.
inspector-why = Pourquoi ça a échoué ?
inspector-look-at = Regardez{" "}
inspector-look-at-colon = {" "}:{" "}
inspector-event = Événement { $number } · { $time }
inspector-and = Le ET sur { $interface } (/{ $prefix })
inspector-and-note = Chaque 1 du masque de sous-réseau marque un bit de la partie réseau (grisée) : le ET garde ces bits de l'adresse et met les autres à 0.
inspector-rewrap = Réencapsulation : la trame arrivée (événement { $event }) et la trame réémise
inspector-col-field = Champ
inspector-col-arrived = Arrivée
inspector-col-left = Réémise
# La somme de contrôle (féminin) : correcte, fausse, non vérifiée.
inspector-check-correct = [correcte]
inspector-check-wrong = [fausse, devrait être { $expected }]
inspector-check-unverified = [non vérifiée]
inspector-bytes = octets { $start }–{ $end }
inspector-frame = Trame : { $bytes ->
        [one] { $bytes } octet
       *[other] { $bytes } octets
    }
inspector-capture = Capture
inspector-capture-frames = { $frames ->
        [one] { $frames } trame
       *[other] { $frames } trames
    } sur les câbles ; ouvrez le fichier dans Wireshark.
inspector-download = Télécharger le .pcap
inspector-capture-link = Liaison à capturer
inspector-link-option = liaison { $link }
inspector-download-link = Télécharger le .pcap de la liaison

## Partage, la question d'un lien partagé, un lien cassé
share-button = Partager
share-title = Partager ce labo
share-note = Le lien contient tout le labo, à l'événement en cours. Il n'atteint jamais un serveur : tout est après le #.
share-link = Lien
share-copy-link = Copier le lien
share-embed = Intégrer dans des diapositives ou une page web
share-autoplay = {" "}Lancer la lecture à l'affichage
share-embed-code = Code d'intégration
share-copy-embed = Copier le code d'intégration
share-presenting = Présentation
share-scale = Échelle de présentation (étiquettes et paquets)
share-scale-option = { $scale } %
share-replaced = Un lien a remplacé votre labo tout à l'heure ; il a été conservé.
share-restore = Restaurer mon labo précédent
share-close = Fermer
share-prompt-title = Ouvrir le labo partagé ?
share-prompt = Ce lien contient { $title }, avec { $devices ->
        [one] { $devices } appareil
       *[other] { $devices } appareils
    }. L'ouvrir remplace le labo sur lequel vous travailliez ; le vôtre est conservé, et « Restaurer mon labo précédent » dans la fenêtre Partager le rétablit.
share-untitled = un labo sans titre
share-quoted = « { $name } »
share-open = Ouvrir le labo partagé
share-keep = Garder le mien
share-link-broken = Ce lien n'a pas pu être ouvert : { $error }. Voici le premier exemple à la place.
share-dismiss = Fermer

## Mode intégré
embed-label = Packet Lab : { $name }

## Exercice (l'histoire, les vérifications et les indices viennent du fichier d'exercice)
exercise-label = Exercice
exercise-number = Exercice { $number } sur { $total }
exercise-teacher = Exercice de votre enseignant
exercise-solved = ✓ Résolu
# Une vérification (féminin) : « 1 vérification réussie sur 3 », « 2 vérifications réussies sur 3 ».
exercise-checks = { $passed ->
        [one] { $passed } vérification réussie
       *[other] { $passed } vérifications réussies
    } sur { $total }
exercise-saw = Ce que vous venez de voir
exercise-cannot-run = Ce labo ne peut pas tourner : { $error }
exercise-goal = Objectif
exercise-passes = Réussie :{" "}
exercise-fails = Échouée :{" "}
exercise-why = Pourquoi ça a échoué ?
exercise-hint = Indice { $number } :{" "}
exercise-show-hint = Afficher l'indice { $number } sur { $total }
exercise-record = Tentatives : { $attempts } · indices utilisés : { $used } sur { $total }
exercise-solved-before = {" "}· déjà résolu
exercise-next = Exercice suivant →
exercise-link = Lien
exercise-link-title = Un lien qui ouvre cet exercice (copiez-le pour le partager)
exercise-leave = Quitter l'exercice

## Parcours
course-summary = Exercices · { $solved ->
        [one] { $solved } résolu
       *[other] { $solved } résolus
    } sur { $total }
course-solved-mark = ✓ résolu
course-open-file = Ouvrir un fichier d'exercice…
course-export = Exporter la progression
course-import = Importer la progression…
course-dismiss = Fermer

## Mode prédiction (les questions et leurs réponses viennent du moteur)
predict-toggle = {" "}Prédire
predict-toggle-title = Faire une pause avant chaque décision et deviner la suite
predict-label = Prédire ce qui se passe ensuite
predict-heading = Prédiction : que se passe-t-il ensuite ?
predict-right = Exact.{" "}
predict-not-quite = Pas tout à fait.{" "}
predict-answer-is = La réponse est :{" "}
predict-continue = Continuer ▶

## Diagramme de séquence, chapitres, encapsulation (les résumés des trames viennent de la trace)
story-label = Diagramme de séquence
story-chapters = Chapitres
story-chapter-title = { $number ->
        [1] Obtenir une adresse
        [2] Trouver la passerelle
        [3] Résoudre le nom
        [4] Se connecter
       *[5] Demander la page
    }
story-narration = { $title } (chapitre { $number }) : { $sentence }
story-hide = Masquer :
story-noise-ack = ACK TCP seuls
story-hidden = { $count ->
        [one] { $count } trame masquée
       *[other] { $count } trames masquées
    }
story-lanes = Lignes de vie ({ $shown }/{ $total })
story-default-lanes = Tous les appareils que les trames traversent
story-export-svg = Exporter en SVG
story-svg-title = Packet Lab : { $title }
story-sequence-label = Trames entre appareils, une ligne par trame
story-no-frames = Aucune trame entre ces lignes de vie.
story-encap-label = Encapsulation
story-encap-empty = Avancez jusqu'à une trame pour voir ses couches comme des boîtes dans des boîtes.
story-encap-event = Encapsulation de l'événement { $event }
# $router : le nom du routeur (le routeur : « il »).
story-encap-router = { $router } a désencapsulé la trame reçue (événement { $event }) : elle n'était pas destinée à son adresse MAC, il en a donc sorti le paquet et l'a remis dans une nouvelle trame pour la liaison suivante.
# S'accorde avec « couche » (féminin).
story-change = { $change ->
        [rewrapped] désencapsulée et réencapsulée
        [edited] modifiée par le routeur
       *[kept] transmise telle quelle
    }
story-layer-data = Données
story-layer-quoted = Paquet cité

## Plan
canvas-label = Plan du réseau
canvas-diagram = Schéma du réseau
canvas-empty = Labo vide : cliquez sur un appareil de la palette ou faites-le glisser ici
canvas-device = { $name }{ $addresses } ({ $kind })
# S'accorde avec « trame » (féminin).
canvas-drop = { $reason ->
        [not-my-mac] pas mon adresse MAC
        [arp-not-for-me] ARP pas pour moi
        [not-forwarding] l'hôte ne route pas
        [ttl-expired] TTL expiré
        [no-route] pas de route
        [arp-failed] échec ARP
        [arp-queue-full] file ARP pleine
        [same-port] même port
        [queue-full] file pleine
        [no-cable] pas de câble
        [link-down] liaison coupée
        [lost] perdue sur le câble
        [no-route-back] pas de route de retour
        [malformed] malformée
        [not-modelled] non modélisé
        [rate-limited] débit limité
        [no-listener] aucun service à l'écoute
        [no-nat-port] plus de port NAT libre
        [port-not-forwarding] STP : port non transmetteur
        [too-big] trop grande pour la MTU
        [frag-needed] trop grande, DF positionné
       *[dropped] rejetée
    }

## Commutateur : arbre couvrant et VLAN
device-stp = Arbre couvrant (STP)
device-bridge-priority = Priorité du pont
device-bridge-priority-hint = L'identifiant de pont le plus bas (priorité, puis MAC) devient la racine
device-vlan-filtering = Filtrage VLAN (802.1Q)
device-port-vlan = VLAN de { $port }
device-port-tagged = étiquetés
device-port-tagged-none = aucun

## Champs IPv6
device-ipv6 = Adresse IPv6
device-ipv6-placeholder = désactivée (auto, ou 2001:db8:1::1/64)
device-ipv6-hint = auto : lien-local + SLAAC d'après les annonces de routeur ; une adresse : /64 sauf indication contraire
device-ra = Annonces de routeur (préfixe radvd)
device-ra-placeholder = désactivées (on, ou 2001:db8:1::/64)
device-ra-hint = le préfixe à partir duquel les hôtes de ce lien construisent leurs adresses ; on : le /64 de cette interface
device-ra-interval = Intervalle des annonces (s)
device-ra-interval-hint = MaxRtrAdvInterval de radvd : 4–1800 s, 600 si vide
device-ra-lifetime = Durée de vie du routeur (s)
device-ra-lifetime-placeholder = 3 × l'intervalle
device-ra-lifetime-hint = combien de temps les hôtes gardent ce routeur comme route par défaut ; 0 : les hôtes prennent le préfixe mais pas de route par défaut
device-mtu = MTU (octets)
device-mtu-hint = le plus grand paquet que ce lien transporte : 68–65535, au moins 1280 avec IPv6 ; 1500 (Ethernet) si vide
device-routes6 = Routes IPv6 statiques
device-routes6-none = aucune (2001:db8:2::/64 via 2001:db8:1::2)
device-routes6-hint = PRÉFIXE via PROCHAIN-SAUT, séparées par des virgules ; un prochain saut lien-local demande dev INTERFACE

## Badges des ports
canvas-stp-badge = { $device } { $port } : port de rôle { $role }, état { $state }
canvas-vlan-access = { $device } { $port } : VLAN { $vlan } (non étiqueté)
canvas-vlan-trunk = { $device } { $port } : trunk, VLAN { $tagged } étiquetés, { $vlan } non étiqueté
