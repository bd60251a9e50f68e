# Die Texte der Panels (Geräte- und Verbindungseditor, Dienste, Inspektor, Teilen, Einbettung,
# Übungen, Kurs, Vorhersage, Sequenzdiagramm, Zeichenfläche). Der Rahmen steht in app.ftl;
# siehe docs/languages.md. Programmwörter (ip route, via, dev, REACHABLE), Feldnamen der
# Protokolle, Adressen und Gerätenamen bleiben, wie sie sind.

## Gerätepanel
device-kind = { $kind ->
        [host] Host
        [server] Server
        [switch] Switch
        [hub] Hub
       *[router] Router
    }
device-name = Name

## Teilen, die Frage eines geteilten Links, ein kaputter Link
share-button = Teilen
share-title = Dieses Labor teilen
share-note = Der Link enthält das ganze Labor beim aktuellen Ereignis. Er erreicht nie einen Server: Alles steht hinter dem #.
share-link = Link
share-copy-link = Link kopieren
share-embed = In Folien oder eine Webseite einbetten
share-autoplay = {" "}Beim Anzeigen abspielen
share-embed-code = Einbettungscode
share-copy-embed = Einbettungscode kopieren
share-presenting = Präsentieren
share-scale = Präsentationsgröße (Beschriftungen und Pakete)
share-scale-option = { $scale } %
share-replaced = Ein Link hat dein Labor vorhin ersetzt; es wurde aufbewahrt.
share-restore = Mein vorheriges Labor wiederherstellen
share-close = Schließen
share-prompt-title = Das geteilte Labor öffnen?
share-prompt = Dieser Link enthält { $title } mit { $devices ->
        [one] { $devices } Gerät
       *[other] { $devices } Geräten
    }. Öffnest du es, ersetzt es das Labor, an dem du gearbeitet hast; deins wird aufbewahrt, und „Mein vorheriges Labor wiederherstellen“ im Teilen-Dialog holt es zurück.
share-untitled = ein unbenanntes Labor
share-quoted = „{ $name }“
share-open = Das geteilte Labor öffnen
share-keep = Meins behalten
share-link-broken = Dieser Link ließ sich nicht öffnen: { $error }. Hier ist stattdessen das erste Beispiel.
share-dismiss = Schließen

## Einbettung
embed-label = Packet Lab: { $name }

## Übung (Geschichte, Prüfungen und Hinweise stehen in der Übungsdatei)
exercise-label = Übung
exercise-number = Übung { $number } von { $total }
exercise-teacher = Übung deiner Lehrkraft
exercise-solved = ✓ Gelöst
exercise-checks = { $passed } von { $total ->
        [one] { $total } Prüfung
       *[other] { $total } Prüfungen
    } bestanden
exercise-saw = Was du gerade gesehen hast
exercise-cannot-run = Dieses Labor kann nicht laufen: { $error }
exercise-goal = Ziel
exercise-passes = Bestanden:{" "}
exercise-fails = Nicht bestanden:{" "}
exercise-why = Warum ist es gescheitert?
exercise-hint = Hinweis { $number }:{" "}
exercise-show-hint = Hinweis { $number } von { $total } zeigen
exercise-record = Versuche: { $attempts } · Hinweise genutzt: { $used } von { $total }
exercise-solved-before = {" "}· schon einmal gelöst
exercise-next = Nächste Übung →
exercise-link = Link
exercise-link-title = Ein Link, der diese Übung öffnet (zum Teilen kopieren)
exercise-leave = Übung verlassen

## Kurs
course-summary = Übungen · { $solved } von { $total } gelöst
course-solved-mark = ✓ gelöst
course-open-file = Übungsdatei öffnen …
course-export = Fortschritt exportieren
course-import = Fortschritt importieren …
course-dismiss = Schließen

## Vorhersage (Fragen und Antworten kommen von der Engine)
predict-toggle = {" "}Vorhersagen
predict-toggle-title = Vor jeder Entscheidung anhalten und raten, was als Nächstes passiert
predict-label = Vorhersagen, was als Nächstes passiert
predict-heading = Vorhersage: Was passiert als Nächstes?
predict-right = Richtig.{" "}
predict-not-quite = Nicht ganz.{" "}
predict-answer-is = Die Antwort ist:{" "}
predict-continue = Weiter ▶

## Sequenzdiagramm, Kapitel, Kapselung (die Zusammenfassungen der Frames kommen aus dem Trace)
story-label = Sequenzdiagramm
story-chapters = Kapitel
story-chapter-title = { $number ->
        [1] Eine Adresse bekommen
        [2] Das Gateway finden
        [3] Den Namen auflösen
        [4] Verbinden
       *[5] Die Seite anfordern
    }
story-narration = { $title } (Kapitel { $number }): { $sentence }
story-hide = Ausblenden:
story-noise-ack = reine TCP-ACKs
story-hidden = ausgeblendet: { $count ->
        [one] { $count } Frame
       *[other] { $count } Frames
    }
story-lanes = Lebenslinien ({ $shown }/{ $total })
story-default-lanes = Alle Geräte, die die Frames durchlaufen
story-export-svg = SVG exportieren
story-svg-title = Packet Lab: { $title }
story-sequence-label = Frames zwischen Geräten, eine Zeile pro Frame
story-no-frames = Keine Frames zwischen diesen Lebenslinien.
story-encap-label = Kapselung
story-encap-empty = Geh zu einem Frame, um seine Schichten als Kästen in Kästen zu sehen.
story-encap-event = Kapselung von Ereignis { $event }
# $router: der Name des Routers.
story-encap-router = { $router } hat den empfangenen Frame (Ereignis { $event }) ausgepackt: Er war nicht für seine MAC, also hat der Router das Paket herausgenommen und in einen neuen Frame für die nächste Verbindung verpackt.
story-change = { $change ->
        [rewrapped] ausgepackt und neu verpackt
        [edited] vom Router geändert
       *[kept] unverändert mitgeführt
    }
story-layer-data = Daten
story-layer-quoted = Zitiertes Paket

## Zeichenfläche
canvas-label = Netzwerk-Zeichenfläche
canvas-diagram = Netzwerkdiagramm
canvas-empty = Leeres Labor: Klick auf ein Gerät in der Palette oder zieh es hierher
canvas-device = { $name }{ $addresses } ({ $kind })
canvas-drop = { $reason ->
        [not-my-mac] nicht meine MAC
        [arp-not-for-me] ARP nicht für mich
        [not-forwarding] Host leitet nicht weiter
        [ttl-expired] TTL abgelaufen
        [no-route] keine Route
        [arp-failed] ARP gescheitert
        [arp-queue-full] ARP-Warteschlange voll
        [same-port] gleicher Port
        [queue-full] Warteschlange voll
        [no-cable] kein Kabel
        [link-down] Verbindung getrennt
        [lost] auf dem Kabel verloren
        [no-route-back] keine Route zurück
        [malformed] fehlerhaft
        [not-modelled] nicht modelliert
        [rate-limited] gedrosselt
        [no-listener] kein Dienst lauscht
        [no-nat-port] kein NAT-Port frei
        [port-not-forwarding] STP: Port leitet nicht weiter
        [too-big] zu groß für die MTU
        [frag-needed] zu groß, DF gesetzt
       *[dropped] verworfen
    }

## Port-Abzeichen
canvas-stp-badge = { $device } { $port }: Port-Rolle { $role }, Zustand { $state }
canvas-vlan-access = { $device } { $port }: VLAN { $vlan } (ungetaggt)
canvas-vlan-trunk = { $device } { $port }: Trunk, VLANs { $tagged } getaggt, { $vlan } ungetaggt
