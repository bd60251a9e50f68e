# What is wrong with a lab file, a share link's lab, a progress file or an exercise link, as the
# page says it before the engine's module is here (json.rs, error.rs, limits.rs' file size, the
# app's progress and exercise links). The rest of the validation messages (engine-invalid.ftl,
# engine-invalid-command.ftl) come with the engine's module (engine/build.rs, issue 15).

# $detail ist die englische Meldung von serde_json.
invalid-json = Die Datei ist kein gültiges JSON: { $detail }

## Gerätearten im Satz („ein Switch hat Ports, …“); alle maskulin: „ein { $kind }“.

invalid-kind-host = Host
invalid-kind-hub = Hub
invalid-kind-router = Router
invalid-kind-server = Server
invalid-kind-switch = Switch
invalid-path-message = { $path }: { $message }
invalid-file-too-large = die Datei ist zu groß ({ $size } KB; eine Labordatei hat höchstens { $max } KB)
invalid-exercise-link-not-opened = Der Übungslink wurde nicht geöffnet: { $error }
invalid-exercise-not-opened = { $file } wurde nicht geöffnet, dein Labor ist unverändert. { $error }
invalid-not-in-exercise = Nicht in dieser Übung: { $message }.
invalid-progress-exercise-id = exercises: „{ $id }“ ist keine Übungs-ID
invalid-progress-not-imported = { $file } wurde nicht importiert, dein Fortschritt ist unverändert. { $error }
invalid-progress-not-json = keine Fortschrittsdatei: { $error }
invalid-progress-version = version: nicht unterstützte Version { $version } (diese App liest Version 1)
invalid-lab-cannot-load = Dieses Labor kann nicht geladen werden: { $error }
# Der laufende Lauf wurde mit „Abbrechen“ gestoppt (src/playback/pending.rs).
run-cancelled = der Lauf wurde nach { $events ->
        [one] { $events } Ereignis
       *[other] { $events } Ereignissen
    } abgebrochen. Das Labor ist unverändert: Klicke auf „Erneut ausführen“ oder bearbeite es.
