//! Coverage-guided fuzzing of exercise files: any text must parse or be refused
//! with a field path, and a valid exercise must evaluate its own starting lab
//! (which runs every check's traffic) without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use packet_engine::exercise::Exercise;

fuzz_target!(|text: &str| {
    let Ok(mut exercise) = Exercise::from_json(text) else {
        return;
    };
    // Keep each check's run short; the checks cap their budget too.
    exercise.lab.options.max_events = exercise.lab.options.max_events.min(5_000);
    let evaluation = exercise.evaluate(&exercise.lab);
    assert_eq!(evaluation.checks.len(), exercise.goal.len());
});
