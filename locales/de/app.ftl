# Die Texte der Oberfläche: Rahmen (Kopfzeile, Statusleiste, Werkzeugleiste, Wiedergabe,
# Ereignisliste, Tabellen, Terminal). Siehe docs/languages.md.

## Die Sprache selbst, wie ihre Sprecher sie schreiben
language-name = Deutsch

## Kopfzeile
app-tagline = Ein Netzwerklabor, das in deinem Browser läuft
language-picker = Sprache
language-loading = { $language } wird geladen …
language-failed = { $language } konnte nicht geladen werden (keine Verbindung?), deshalb bleibt die Oberfläche, wie sie war. Wähle die Sprache noch einmal, um es erneut zu versuchen.

## Eine Ansicht, deren Code beim ersten Zeigen geladen wird (src/split.rs)
split-failed = Dieser Teil von Packet Lab konnte nicht geladen werden (keine Verbindung?). Dein Labor bleibt erhalten: Lade die Seite neu, um es erneut zu versuchen.
split-reload = Neu laden

## Statusleiste
status-ready = Bereit
status-starting = Startet …
status-scenario = { $title }: { $devices ->
        [one] { $devices } Gerät
       *[other] { $devices } Geräte
    }, { $links ->
        [one] { $links } Verbindung
       *[other] { $links } Verbindungen
    }
status-no-scenario = Kein Szenario geladen

## Werkzeugleiste
toolbar-label = Labor
toolbar-new = Neu
toolbar-new-title = Ein leeres Labor beginnen
toolbar-load-example = Beispiel laden
toolbar-load-example-prompt = Beispiel laden …
toolbar-import = Importieren …
toolbar-import-title = Eine Labordatei (.json) öffnen
toolbar-export = Exportieren
toolbar-export-title = Das Labor als Datei speichern
toolbar-undo = ↶ Rückgängig
toolbar-undo-title = Rückgängig (Strg+Z)
toolbar-redo = ↷ Wiederholen
toolbar-redo-title = Wiederholen (Umschalt+Strg+Z)
toolbar-select = Auswählen
toolbar-select-title = Geräte auswählen und verschieben (Hintergrund ziehen zum Verschieben der Ansicht, Umschalt-Ziehen für mehrere)
toolbar-link = Verbinden
toolbar-link-title = Kabel ziehen: von einem Gerät zu einem anderen ziehen
toolbar-delete = Löschen
toolbar-delete-title = Die Auswahl löschen (Entf)
zoom-label = Zoom
zoom-in = Vergrößern
zoom-out = Verkleinern
zoom-fit = Einpassen
zoom-fit-title = Das ganze Labor ins Bild einpassen

## Wiedergabe
playback-label = Wiedergabe
play-play = Abspielen
play-pause = Pause
play-next = Nächstes Ereignis
play-toggle-title = { $action } (Leertaste)
play-rewind = Zurück zum Anfang
play-step-back = Schritt zurück
play-step-back-title = Schritt zurück (←)
play-step-title = Nächstes Ereignis (→)
play-speed = Tempo
play-fit = ganzer Ablauf in etwa { $seconds } s
play-per-click = ein Ereignis pro Klick
play-event-count = Ereignis { $shown } / { $total }
play-rate-title = Wie viel simulierte Zeit eine Sekunde auf dem Bildschirm hier zeigt
play-idle = ⏩ Leerlauf
play-rate = 1 s = { $rate }

## Seitenleiste
side-panel-label = Details
selection-heading = Auswahl
selection-count = { $devices ->
        [one] { $devices } Gerät
       *[other] { $devices } Geräte
    }, { $links ->
        [one] { $links } Verbindung
       *[other] { $links } Verbindungen
    } ausgewählt
selection-hint = Zieh eines davon, um alle zusammen zu verschieben; Entf löscht sie alle.
selection-delete = Auswahl löschen
lab-heading = Labor
lab-title = Titel des Labors
lab-untitled = Unbenanntes Labor
lab-count = { $devices ->
        [one] { $devices } Gerät
       *[other] { $devices } Geräte
    }, { $links ->
        [one] { $links } Verbindung
       *[other] { $links } Verbindungen
    }
lab-select-hint = Wähle ein Gerät, um seinen Namen, seine Adressen und Routen zu bearbeiten.
examples-heading = Beispiele

## Gerätearten und Palette
kind-host = Host
kind-server = Server
kind-switch = Switch
kind-hub = Hub
kind-router = Router
palette-label = Geräte hinzufügen
palette-add = { $kind ->
        [host] Einen Host hinzufügen
        [server] Einen Server hinzufügen
        [switch] Einen Switch hinzufügen
        [hub] Einen Hub hinzufügen
       *[router] Einen Router hinzufügen
    } (klicken oder auf die Zeichenfläche ziehen)

## Tabellen (die Wörter der Programme bleiben, wie Linux sie ausgibt: REACHABLE, via, dev)
tables-label = Tabellen
tables-now = Tabellen jetzt
table-hub = Ein Hub führt keine Tabelle: Er wiederholt jeden Frame.
table-arp = ARP-Cache (ip neigh)
table-empty = leer
table-mac = MAC-Tabelle
table-mac-empty = leer: noch nichts gelernt
table-powered-off = ausgeschaltet
table-ports-down = down: { $ports }
table-routes = Routingtabelle (ip route)
table-routes-empty = leer: keine Route
table-client-lease = DHCP-Lease (dhclient)
table-server-leases = DHCP-Leases (dnsmasq.leases)
table-dns = Namensauflösungen (Resolver)
table-sockets = TCP-Sockets (ss -tan)
table-conntrack = NAT: Verbindungsverfolgung (conntrack -L)
col-ip = IP
col-mac = MAC
col-vlan = VLAN
col-dev = dev
col-dns = DNS
col-proto = Proto
col-state = Zustand
col-port = Port
col-address = Adresse
col-router = Router
col-lease = Lease
col-host = Host
col-expires = läuft ab
col-name = Name
col-answer = Antwort
col-local = lokal
col-peer = Gegenstelle
col-original = Original
col-reply = Antwort

## Ereignisliste, Terminal, Befehlsformular, Zeitleiste
events-label = Ereignisse
events-device-filter = Ereignisse zeigen von
events-all-devices = allen Geräten
events-kinds = Ereignisarten zeigen
events-empty = Drück auf Abspielen (oder →), um den ersten Frame losgehen zu sehen.
terminal-label = Terminal
terminal-output = Ausgabe des Terminals
terminal-empty = Die Ausgabe von ping und traceroute erscheint hier, sobald die Frames ankommen.
cmd-label = Einen Befehl ausführen
cmd-device = Auf Gerät
cmd-kind = Befehl
cmd-frame = einen Frame senden (ping -c 1)
cmd-line = einen Befehl eintippen (ip, bridge, poweroff …)
cmd-target = Zieladresse oder -name, oder die Befehlszeile
cmd-run = Ausführen
timeline-label = Zeitleiste: gezeigte Ereignisse

## Hinweise beim ersten Besuch, Meldungen, Wiedergabebereich
visit-example = ▶ example.com besuchen
hint-press = Drück unten auf{" "}
hint-play = ▶ Abspielen
hint-rest = , um die Frames dieses Labors einzeln wandern zu sehen.
dismiss = Schließen
story-toggle = Sequenzdiagramm
story-filters-on = {" "}· Filter aktiv
run-stopped = Angehalten: { $error }
run-again = Erneut ausführen
run-error = Dieses Labor kann nicht laufen: { $error }
run-progress = Das Labor läuft … bisher { $events } Ereignisse
booting = Das Labor wird geöffnet …
engine-loading = Die Paket-Engine wird geladen … das Labor läuft, sobald sie da ist
run-budget = Verbrauchter Anteil des Arbeitsbudgets
cancel = Abbrechen

## Spanning-Tree-Tabelle (Rollen und Zustände bleiben die Wörter des Kernels)
table-stp = Spanning Tree (STP)
stp-this-bridge = diese Bridge
stp-root-via = { $root } über { $port }, Kosten { $cost }
stp-bridge-id = Bridge-ID
stp-root = Root
stp-topology-change = Topologieänderung: MAC-Adressen altern nach 15 s
stp-role = Rolle

## Was wäre, wenn?
whatif-button = Was wäre, wenn …?
whatif-button-title = Eine Sache in einer Kopie dieses Labors ändern und die beiden Abläufe nebeneinander vergleichen
whatif-keep-variant = Variante behalten
whatif-keep-variant-title = Den Vergleich verlassen und das geänderte Labor behalten
whatif-keep-original = Original behalten
whatif-keep-original-title = Den Vergleich verlassen und zum Labor zurückkehren, wie es war
whatif-editing = Du bearbeitest die Variante – zum Vergleichen ausführen.
whatif-editing-hint = {" "}Ändere eine Sache (eine Maske, ein Gateway, eine Route, ein Kabel, einen Befehl) und vergleiche dann die beiden Abläufe.
whatif-compare = ▶ Ausführen und vergleichen
whatif-cannot-run = Die Variante kann nicht laufen: { $error }
whatif-running = Die Variante läuft …
whatif-jump = Zur Abweichung springen
whatif-change = Variante ändern
whatif-events = Ereignisse – Variante
whatif-tables = Tabellen – Variante
whatif-events-original = Ereignisse – Original
whatif-tables-original = Tabellen – Original
whatif-col-field = Feld
whatif-col-original = Original
whatif-col-variant = Variante
whatif-at-step-original = Bei diesem Schritt: Original –{" "}
whatif-at-step-variant = Variante –{" "}
whatif-no-event = Einer der Abläufe hat bei diesem Schritt kein Ereignis.
whatif-same-frame = In beiden Abläufen derselbe Frame.
whatif-frame-diff = Verglichen mit dem ursprünglichen Ablauf

## IPv6-Tabellen
table-addr6 = IPv6-Adressen (ip -6 addr)
table-ndp = IPv6-Nachbarn (ip -6 neigh)
table-routes6 = IPv6-Routen (ip -6 route)
col-ipv6 = IPv6
