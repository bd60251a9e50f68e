# Die Titel der mitgelieferten Beispiele in der Beispielauswahl, nach Dateiname (scenarios/<stem>.json).
# Eine Labordatei behält ihren eigenen „name“; diese Titel gelten nur für die mitgelieferten Beispiele.

example-same-network = Gleiches Netz
example-two-subnets = Zwei Subnetze
example-to-the-internet = Ins Internet
example-unknown-host = Niemand zu Hause
example-home-dhcp = Heimnetz: DHCP
example-name-lookup = Namensauflösung
example-fetch-page = Eine Seite abrufen
example-connection-refused = Verbindung abgelehnt
example-lost-syn = Ein verlorenes SYN
example-forgot-nat = NAT vergessen
example-visit-example = example.com besuchen
example-hub = Hub
example-routing-loop = Routing-Schleife
example-redirect = ICMP-Redirect
example-pull-the-cable = Zieh das Kabel
example-switch-loop = Switch-Schleife
example-stp-loop = Schleife mit Spanning Tree
example-two-vlans = Zwei VLANs auf einem Switch
example-ipv6-home = IPv6 zu Hause
example-router-on-a-stick = Router-on-a-Stick
