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
device-name = Nom

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

## Badges des ports
canvas-stp-badge = { $device } { $port } : port de rôle { $role }, état { $state }
canvas-vlan-access = { $device } { $port } : VLAN { $vlan } (non étiqueté)
canvas-vlan-trunk = { $device } { $port } : trunk, VLAN { $tagged } étiquetés, { $vlan } non étiqueté
