# Les titres des exemples fournis dans le sélecteur d'exemples, par nom de fichier (scenarios/<stem>.json).
# Un fichier de labo garde son propre « name » ; ces titres ne valent que pour les exemples fournis.

example-same-network = Même réseau
example-two-subnets = Deux sous-réseaux
example-to-the-internet = Vers Internet
example-unknown-host = Personne à la maison
example-home-dhcp = Réseau domestique : DHCP
example-name-lookup = Résolution de nom
example-fetch-page = Récupérer une page
example-connection-refused = Connexion refusée
example-lost-syn = Un SYN perdu
example-forgot-nat = NAT oublié
example-visit-example = Visiter example.com
example-hub = Concentrateur (hub)
example-routing-loop = Boucle de routage
example-redirect = Redirection ICMP
example-pull-the-cable = Débranchez le câble
example-switch-loop = Boucle de commutateurs
example-stp-loop = Boucle avec spanning tree
example-two-vlans = Deux VLAN sur un commutateur
example-ipv6-home = IPv6 à la maison
example-router-on-a-stick = Routeur sur un bâton (router on a stick)
