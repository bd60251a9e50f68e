# What is wrong with a lab file, a share link's lab, a progress file or an exercise link, as the
# page says it before the engine's module is here (json.rs, error.rs, limits.rs' file size, the
# app's progress and exercise links). The rest of the validation messages (engine-invalid.ftl,
# engine-invalid-command.ftl) come with the engine's module (engine/build.rs, issue 15).

invalid-json = { $detail }

## Device kinds inside a sentence ("a switch has ports, …").

invalid-kind-host = host
invalid-kind-hub = hub
invalid-kind-router = router
invalid-kind-server = server
invalid-kind-switch = switch
# An error with the path of the field it is about, where no field of its own shows it.
invalid-path-message = { $path }: { $message }
invalid-file-too-large = the file is too large ({ $size } KB; a lab file is at most { $max } KB)
invalid-exercise-link-not-opened = The exercise link was not opened: { $error }
invalid-exercise-not-opened = { $file } was not opened, your lab is unchanged. { $error }
invalid-not-in-exercise = Not in this exercise: { $message }.
invalid-progress-exercise-id = exercises: "{ $id }" is not an exercise id
invalid-progress-not-imported = { $file } was not imported, your progress is unchanged. { $error }
invalid-progress-not-json = not a progress file: { $error }
invalid-progress-version = version: unsupported version { $version } (this app reads version 1)
invalid-lab-cannot-load = This lab cannot be loaded: { $error }
# The run in progress stopped with the Cancel button (src/playback/pending.rs).
run-cancelled = the run was cancelled after { $events ->
        [one] { $events } event
       *[other] { $events } events
    }. The lab is unchanged: press Run again, or edit it.
