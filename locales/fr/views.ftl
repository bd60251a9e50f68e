# The device and link panels and the packet inspector: views drawn from split modules once the
# engine's module is here (src/split.rs). In a browser build English's copy of this file comes
# with the engine's module, not the first load (build.rs `LATER`, issue 15).


## Panneau d'appareil
device-delete = Supprimer
device-done = Terminé
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
