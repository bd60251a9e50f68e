# The built-in examples' titles in the example picker, by file stem (scenarios/<stem>.json).
# A lab file keeps its own "name"; these only word the shipped examples in each language.

example-same-network = Same network
example-two-subnets = Two subnets
example-to-the-internet = To the internet
example-unknown-host = Nobody home
example-home-dhcp = Home network: DHCP
example-name-lookup = Name lookup
example-fetch-page = Fetch a page
example-connection-refused = Connection refused
example-lost-syn = A lost SYN
example-forgot-nat = Forgot NAT
example-visit-example = Visit example.com
example-hub = Hub
example-routing-loop = Routing loop
example-redirect = ICMP redirect
example-pull-the-cable = Pull the cable
example-switch-loop = Switch loop
example-stp-loop = Loop with spanning tree
example-two-vlans = Two VLANs on one switch
example-ipv6-home = IPv6 at home
example-router-on-a-stick = Router on a stick
