# Warum ein geteilter Link nicht geöffnet werden konnte (src/share.rs, ShareError::msg).

invalid-link-no-lab = der Link enthält kein Labor (er sollte auf #lab=… enden)
invalid-link-too-long = der Link ist zu lang ({ $count } Zeichen; ein Labor-Link hat höchstens { $max })
invalid-link-bad-character = der Link ist beschädigt: Zeichen { $position } kann in einem Labor-Link nicht vorkommen
invalid-link-damaged = der Link ist unvollständig oder beschädigt ({ $reason }); vielleicht wurde er beim Kopieren abgeschnitten
invalid-link-ends-early = er endet zu früh
invalid-link-mid-character = er endet mitten in einem Zeichen
invalid-link-checksum = seine Prüfsumme stimmt nicht
invalid-link-not-ours = er enthält keine komprimierten Daten von Packet Lab
invalid-link-too-large = das Labor des Links ist entpackt größer als 1 MB, was Packet Lab ablehnt
invalid-link-not-text = der Link ist beschädigt: sein Inhalt ist kein Text
invalid-link-field = das Labor des Links ist ungültig: { $path }: { $message }
invalid-link-not-a-lab = kein Labor ({ $detail })
invalid-link-not-an-object = kein Labor (ein JSON-Objekt erwartet)
invalid-link-version = dieser Link stammt von einer anderen Version von Packet Lab (Format { $format }, diese liest { $version })
invalid-link-missing = fehlt
invalid-link-not-whole = { $value } ist keine ganze Zahl ≥ 0
invalid-link-out-of-range = außerhalb des Bereichs
invalid-link-speed = { $value } ist keine Geschwindigkeit (0–{ $max })
invalid-link-not-bool = { $value } ist weder true noch false
invalid-link-event-class = { $value } ist keine Ereignisklasse
invalid-link-not-list = { $value } ist keine Liste
invalid-link-view = erwartet [x, y, width, height] mit width und height > 0
invalid-link-scale = { $value }% ist keine Präsentationsgröße ({ $scales })
invalid-link-whatif-left-out = Die Was-wäre-wenn-Variante des Links wurde weggelassen ({ $error }); das ursprüngliche Labor ist geöffnet.
invalid-link-unknown-field = unbekanntes Feld
invalid-link-expected-object = ein Objekt erwartet

# Die Einstellungen des Sequenzdiagramms in einem geteilten Link oder einer Einbettungs-URL
# (src/story/link.rs).
invalid-story-note = Ein Teil der Sequenzdiagramm-Einstellungen des Links wurde nicht verwendet: { $problems }. Stattdessen wird die Standardansicht gezeigt.
invalid-story-not-object = story ist { $value }, kein Objekt
invalid-story-open = story.open ist { $value }, weder true noch false
invalid-story-lanes-names = story.lanes sollte eine Liste von Gerätenamen sein
invalid-story-lanes = story.lanes ist { $value }, keine Liste von Gerätenamen
invalid-story-hide = story.hide ist { $value }, keine Liste
invalid-story-unknown = story.{ $key } ist keine Einstellung des Sequenzdiagramms
invalid-story-view = view={ $value } ist keine Ansicht (diagram oder network)
invalid-story-lane = das Labor hat kein Gerät { $device } für eine Lebenslinie
invalid-story-filter = { $value } ist kein Filter (arp, dhcp, dns oder ack)
