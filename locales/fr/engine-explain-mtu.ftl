# MTU (issue 16) : paquets trop grands pour le lien suivant, fragments, MTU du chemin (engine/src/trace/mtu.rs).
explain-mtu-too-big-v6 = { $device } ne peut pas relayer le paquet de { $size } octets par { $interface } (MTU { $mtu }) : un routeur IPv6 ne fragmente jamais, donc il rejette le paquet et renvoie à l'expéditeur un ICMPv6 « packet too big » avec la MTU { $mtu }
explain-mtu-frag-needed = { $device } ne peut pas relayer le paquet de { $size } octets par { $interface } (MTU { $mtu }) : son bit Don't Fragment est positionné, donc il le rejette et renvoie à l'expéditeur un ICMP « fragmentation needed » (type 3 code 4) avec la MTU du saut suivant { $mtu }
explain-mtu-fragmented = { $device } découpe le paquet de { $size } octets en { $fragments } fragments d'au plus { $mtu } octets par { $interface }{ $version ->
    [6] {" "}avec un en-tête d'extension Fragment (seule la source fragmente en IPv6, RFC 8200 4.5)
   *[4] {" "}(décalages en unités de 8 octets, More Fragments positionné sur tous sauf le dernier)
}
explain-mtu-reassembled = { $device } a les { $fragments } fragments et réassemble le paquet { $version } de { $size } octets
explain-mtu-path = { $device } apprend de { $from } que le chemin vers { $destination } transporte au plus { $mtu } octets : il retient cette MTU de chemin (pendant 10 minutes) et découpe en fragments les paquets plus grands vers { $destination }
