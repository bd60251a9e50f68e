# Les textes de l'interface : le cadre (en-tête, barre d'état, barre d'outils, lecture, liste
# des événements, tables, terminal). Voir docs/languages.md.

## La langue elle-même, telle que ses locuteurs l'écrivent
language-name = Français

## En-tête
app-tagline = Un laboratoire réseau qui tourne dans votre navigateur
language-picker = Langue
language-loading = Chargement de { $language }…
language-failed = Impossible de charger { $language } (pas de connexion ?) : l'interface reste telle quelle. Choisissez de nouveau la langue pour réessayer.

## Une vue dont le code est téléchargé au premier affichage (src/split.rs)
split-failed = Cette partie de Packet Lab n'a pas pu être téléchargée (pas de connexion ?). Votre labo est conservé : rechargez la page pour réessayer.
split-reload = Recharger

## Barre d'état
status-ready = Prêt
status-starting = Démarrage…
status-scenario = { $title } : { $devices ->
        [one] { $devices } appareil
       *[other] { $devices } appareils
    }, { $links ->
        [one] { $links } liaison
       *[other] { $links } liaisons
    }
status-no-scenario = Aucun scénario chargé

## Barre d'outils
toolbar-label = Labo
toolbar-new = Nouveau
toolbar-new-title = Commencer un labo vide
toolbar-load-example = Charger un exemple
toolbar-load-example-prompt = Charger un exemple…
toolbar-import = Importer…
toolbar-import-title = Ouvrir un fichier de labo (.json)
toolbar-export = Exporter
toolbar-export-title = Enregistrer le labo dans un fichier
toolbar-undo = ↶ Annuler
toolbar-undo-title = Annuler (Ctrl+Z)
toolbar-redo = ↷ Rétablir
toolbar-redo-title = Rétablir (Maj+Ctrl+Z)
toolbar-select = Sélection
toolbar-select-title = Sélectionner et déplacer les appareils (faire glisser le fond pour se déplacer, Maj-glisser pour en sélectionner plusieurs)
toolbar-link = Câbler
toolbar-link-title = Tirer des câbles : glisser d'un appareil à un autre
toolbar-delete = Supprimer
toolbar-delete-title = Supprimer la sélection (Suppr)
zoom-label = Zoom
zoom-in = Zoom avant
zoom-out = Zoom arrière
zoom-fit = Ajuster
zoom-fit-title = Afficher tout le labo

## Lecture
playback-label = Lecture
play-play = Lecture
play-pause = Pause
play-next = Événement suivant
play-toggle-title = { $action } (Espace)
play-rewind = Retour au début
play-step-back = Pas en arrière
play-step-back-title = Pas en arrière (←)
play-step-title = Événement suivant (→)
play-speed = Vitesse
play-fit = tout le déroulé en { $seconds } s environ
play-per-click = un événement par clic
play-event-count = événement { $shown } / { $total }
play-rate-title = Combien de temps simulé une seconde à l'écran montre ici
play-idle = ⏩ inactif
play-rate = 1 s = { $rate }

## Panneau latéral
side-panel-label = Détails
selection-heading = Sélection
selection-count = { $devices ->
        [one] { $devices } appareil sélectionné
       *[other] { $devices } appareils sélectionnés
    }, { $links ->
        [one] { $links } liaison sélectionnée
       *[other] { $links } liaisons sélectionnées
    }
selection-hint = Faites glisser l'un d'eux pour les déplacer ensemble ; Suppr les supprime tous.
selection-delete = Supprimer la sélection
lab-heading = Labo
lab-title = Titre du labo
lab-untitled = Labo sans titre
lab-count = { $devices ->
        [one] { $devices } appareil
       *[other] { $devices } appareils
    }, { $links ->
        [one] { $links } liaison
       *[other] { $links } liaisons
    }
lab-select-hint = Sélectionnez un appareil pour modifier son nom, ses adresses et ses routes.
examples-heading = Exemples

## Types d'appareils et palette
kind-host = Hôte
kind-server = Serveur
kind-switch = Commutateur
kind-hub = Concentrateur
kind-router = Routeur
palette-label = Ajouter des appareils
palette-add = { $kind ->
        [host] Ajouter un hôte
        [server] Ajouter un serveur
        [switch] Ajouter un commutateur
        [hub] Ajouter un concentrateur
       *[router] Ajouter un routeur
    } (cliquer, ou glisser sur le plan)

## Tables (les mots des programmes restent tels que Linux les affiche : REACHABLE, via, dev)
tables-label = Tables
tables-now = Tables à cet instant
table-hub = Un concentrateur ne tient aucune table : il répète chaque trame.
table-arp = Cache ARP (ip neigh)
table-empty = vide
table-mac = Table MAC
table-mac-empty = vide : rien d'appris pour l'instant
table-powered-off = éteint
table-ports-down = down : { $ports }
table-routes = Table de routage (ip route)
table-routes-empty = vide : aucune route
table-client-lease = Bail DHCP (dhclient)
table-server-leases = Baux DHCP (dnsmasq.leases)
table-dns = Résolutions de noms (résolveur)
table-sockets = Sockets TCP (ss -tan)
table-conntrack = NAT : suivi des connexions (conntrack -L)
col-ip = IP
col-mac = MAC
col-vlan = VLAN
col-dev = dev
col-dns = DNS
col-proto = proto
col-state = état
col-port = port
col-address = adresse
col-router = routeur
col-lease = bail
col-host = hôte
col-expires = expire
col-name = nom
col-answer = réponse
col-local = local
col-peer = pair
col-original = origine
col-reply = réponse

## Liste des événements, terminal, formulaire de commande, frise
events-label = Événements
events-device-filter = Afficher les événements de
events-all-devices = tous les appareils
events-kinds = Afficher les types d'événements
events-empty = Appuyez sur Lecture (ou →) pour voir partir la première trame.
terminal-label = Terminal
terminal-output = Sortie du terminal
terminal-empty = La sortie de ping et de traceroute s'affiche ici à mesure que les trames arrivent.
cmd-label = Lancer une commande
cmd-device = Sur l'appareil
cmd-kind = Commande
cmd-frame = envoyer une trame (ping -c 1)
cmd-line = taper une commande (ip, bridge, poweroff…)
cmd-target = Adresse ou nom de destination, ou la ligne de commande
cmd-run = Lancer
timeline-label = Frise : événements affichés

## Indications de la première visite, avis, zone de lecture
visit-example = ▶ Visiter example.com
hint-press = Appuyez sur{" "}
hint-play = ▶ Lecture
hint-rest = {" "}ci-dessous pour voir les trames de ce labo avancer une à une.
dismiss = Fermer
story-toggle = Diagramme de séquence
story-filters-on = {" "}· filtres actifs
run-stopped = Arrêté : { $error }
run-again = Relancer
run-error = Ce labo ne peut pas tourner : { $error }
run-progress = Le labo tourne… { $events } événements jusqu'ici
booting = Ouverture du labo…
engine-loading = Chargement du moteur de paquets… le labo tourne dès qu'il est là
run-budget = Part du budget de travail utilisée
cancel = Annuler

## Table de l'arbre couvrant (rôles et états restent les mots du noyau)
table-stp = Arbre couvrant (STP)
stp-this-bridge = ce pont
stp-root-via = { $root } via { $port }, coût { $cost }
stp-bridge-id = identifiant du pont
stp-root = racine
stp-topology-change = changement de topologie : les adresses MAC expirent après 15 s
stp-role = rôle

## Et si ?
whatif-button = Et si… ?
whatif-button-title = Changer une chose dans une copie de ce labo et comparer les deux déroulés côte à côte
whatif-keep-variant = Garder la variante
whatif-keep-variant-title = Quitter la comparaison en gardant le labo modifié
whatif-keep-original = Garder l'original
whatif-keep-original-title = Quitter la comparaison et revenir au labo tel qu'il était
whatif-editing = Vous modifiez la variante — lancez pour comparer.
whatif-editing-hint = {" "}Changez une chose (un masque, une passerelle, une route, un câble, une commande), puis comparez les deux déroulés.
whatif-compare = ▶ Lancer et comparer
whatif-cannot-run = La variante ne peut pas tourner : { $error }
whatif-running = La variante tourne…
whatif-jump = Aller à la divergence
whatif-change = Modifier la variante
whatif-events = Événements — variante
whatif-tables = Tables — variante
whatif-events-original = Événements — original
whatif-tables-original = Tables — original
whatif-col-field = Champ
whatif-col-original = Original
whatif-col-variant = Variante
whatif-at-step-original = À cette étape : original —{" "}
whatif-at-step-variant = variante —{" "}
whatif-no-event = L'un des déroulés n'a pas d'événement à cette étape.
whatif-same-frame = La même trame dans les deux déroulés.
whatif-frame-diff = Comparé au déroulé d'origine

## Tables IPv6
table-addr6 = Adresses IPv6 (ip -6 addr)
table-ndp = Voisins IPv6 (ip -6 neigh)
table-routes6 = Routes IPv6 (ip -6 route)
col-ipv6 = IPv6
