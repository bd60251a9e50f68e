# What is wrong with a lab file, a share link's lab, a progress file or an exercise link, as the
# page says it before the engine's module is here (json.rs, error.rs, limits.rs' file size, the
# app's progress and exercise links). The rest of the validation messages (engine-invalid.ftl,
# engine-invalid-command.ftl) come with the engine's module (engine/build.rs, issue 15).

# $detail est le message anglais de serde_json.
invalid-json = Le fichier n'est pas du JSON valide : { $detail }

## Les types d'appareil dans une phrase (« un commutateur a des ports, … ») ; tous masculins : « un { $kind } ».

invalid-kind-host = hôte
invalid-kind-hub = concentrateur (hub)
invalid-kind-router = routeur
invalid-kind-server = serveur
invalid-kind-switch = commutateur
invalid-path-message = { $path } : { $message }
invalid-file-too-large = le fichier est trop gros ({ $size } Ko ; un fichier de labo fait au plus { $max } Ko)
invalid-exercise-link-not-opened = Le lien d'exercice n'a pas été ouvert : { $error }
invalid-exercise-not-opened = { $file } n'a pas été ouvert, votre labo est inchangé. { $error }
invalid-not-in-exercise = Pas dans cet exercice : { $message }.
invalid-progress-exercise-id = exercises : « { $id } » n'est pas un identifiant d'exercice
invalid-progress-not-imported = { $file } n'a pas été importé, votre progression est inchangée. { $error }
invalid-progress-not-json = ce n'est pas un fichier de progression : { $error }
invalid-progress-version = version : version { $version } non prise en charge (cette application lit la version 1)
invalid-lab-cannot-load = Ce labo ne peut pas être chargé : { $error }
# L'exécution en cours arrêtée avec le bouton Annuler (src/playback/pending.rs).
run-cancelled = l'exécution a été annulée après { $events ->
        [one] { $events } événement
       *[other] { $events } événements
    }. Le labo est inchangé : cliquez sur « Relancer » ou modifiez-le.
