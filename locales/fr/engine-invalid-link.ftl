# Pourquoi un lien partagé n'a pas pu être ouvert (src/share.rs, ShareError::msg).

invalid-link-no-lab = le lien ne contient pas de labo (il devrait finir par #lab=…)
invalid-link-too-long = le lien est trop long ({ $count } caractères ; un lien de labo en a au plus { $max })
invalid-link-bad-character = le lien est endommagé : le caractère { $position } ne peut pas figurer dans un lien de labo
invalid-link-damaged = le lien est incomplet ou endommagé ({ $reason }) ; il a peut-être été coupé lors de la copie
invalid-link-ends-early = il se termine trop tôt
invalid-link-mid-character = il se termine au milieu d'un caractère
invalid-link-checksum = sa somme de contrôle ne correspond pas
invalid-link-not-ours = ce ne sont pas des données compressées écrites par Packet Lab
invalid-link-too-large = le labo du lien dépasse 1 Mo une fois décompressé, ce que Packet Lab refuse
invalid-link-not-text = le lien est endommagé : son contenu n'est pas du texte
invalid-link-field = le labo du lien n'est pas valide : { $path } : { $message }
invalid-link-not-a-lab = pas un labo ({ $detail })
invalid-link-not-an-object = pas un labo (un objet JSON est attendu)
invalid-link-version = ce lien a été créé par une autre version de Packet Lab (format { $format }, celle-ci lit le { $version })
invalid-link-missing = manquant
invalid-link-not-whole = { $value } n'est pas un nombre entier ≥ 0
invalid-link-out-of-range = hors limites
invalid-link-speed = { $value } n'est pas une vitesse (0–{ $max })
invalid-link-not-bool = { $value } n'est ni true ni false
invalid-link-event-class = { $value } n'est pas une classe d'événements
invalid-link-not-list = { $value } n'est pas une liste
invalid-link-view = attendu : [x, y, width, height] avec width et height > 0
invalid-link-scale = { $value } % n'est pas une échelle de présentation ({ $scales })
invalid-link-whatif-left-out = La variante « Et si… » du lien a été écartée ({ $error }) ; le labo d'origine est ouvert.
invalid-link-unknown-field = champ inconnu
invalid-link-expected-object = un objet est attendu

# Les réglages du diagramme de séquence dans un lien partagé ou une URL d'intégration
# (src/story/link.rs).
invalid-story-note = Une partie des réglages du diagramme de séquence du lien n'a pas été utilisée : { $problems }. L'affichage par défaut est montré à la place.
invalid-story-not-object = story vaut { $value }, pas un objet
invalid-story-open = story.open vaut { $value }, ni true ni false
invalid-story-lanes-names = story.lanes doit être une liste de noms d'appareils
invalid-story-lanes = story.lanes vaut { $value }, pas une liste de noms d'appareils
invalid-story-hide = story.hide vaut { $value }, pas une liste
invalid-story-unknown = story.{ $key } n'est pas un réglage du diagramme de séquence
invalid-story-view = view={ $value } n'est pas une vue (diagram ou network)
invalid-story-lane = le labo n'a pas d'appareil { $device } pour une ligne de vie
invalid-story-filter = { $value } n'est pas un filtre (arp, dhcp, dns ou ack)
