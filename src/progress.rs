//! A student's progress through the exercises: solved or not, attempts and hints used, per
//! exercise id. It lives in the browser only (no account): `localStorage` keeps it across
//! reloads and offline, and it can be exported and imported as a small JSON file.
//!
//! The model is pure (native tests below); only [`load`], [`save`] and [`download`] touch the
//! browser. An imported file is untrusted input: it is parsed strictly and a bad one changes
//! nothing and says which field is wrong.

use packet_engine::msg::Msg;
use packet_engine::{msg, VecMap};

use serde::{Deserialize, Serialize};

/// The `localStorage` key of the progress record (versioned with its format).
const PROGRESS_KEY: &str = "packet-lab.progress.v1";
/// The export file's name.
pub const FILE_NAME: &str = "packet-lab-progress.json";

/// What is remembered about one exercise.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Solved at least once; never unset by a later failing attempt.
    #[serde(default)]
    pub solved: bool,
    /// Labs checked after an edit (each edit of the lab is one attempt).
    #[serde(default)]
    pub attempts: u32,
    /// The most hints revealed (hints are revealed in order, so a count says which).
    #[serde(default)]
    pub hints: u32,
}

/// Every exercise's record, by exercise id. A sorted map (`VecMap`) so the saved and exported JSON is in a
/// stable order.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Format version; only 1 exists.
    pub version: u32,
    /// Records by exercise id.
    #[serde(default)]
    pub exercises: VecMap<String, Record>,
}

impl Progress {
    /// No progress yet.
    pub fn new() -> Progress {
        Progress { version: 1, exercises: VecMap::new() }
    }

    /// The record of `id` (all zero when never opened).
    pub fn get(&self, id: &str) -> Record {
        self.exercises.get(id).copied().unwrap_or_default()
    }

    /// True when `id` was solved.
    pub fn solved(&self, id: &str) -> bool {
        self.get(id).solved
    }

    /// How many exercises are solved.
    pub fn solved_count(&self) -> usize {
        self.exercises.values().filter(|r| r.solved).count()
    }

    /// Counts one checked attempt, solved or not.
    pub fn attempt(&mut self, id: &str, solved: bool) {
        let r = self.exercises.entry(id.to_string()).or_default();
        r.attempts = r.attempts.saturating_add(1);
        r.solved |= solved;
    }

    /// Marks `id` solved without counting an attempt (a lab restored already solved).
    pub fn mark_solved(&mut self, id: &str) {
        self.exercises.entry(id.to_string()).or_default().solved = true;
    }

    /// Remembers that `shown` hints of `id` are revealed (the count only grows).
    pub fn hints_shown(&mut self, id: &str, shown: usize) {
        let r = self.exercises.entry(id.to_string()).or_default();
        r.hints = r.hints.max(u32::try_from(shown).unwrap_or(u32::MAX));
    }

    /// The JSON of the export file and of the stored record.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("progress always serializes")
    }

    /// Reads a progress file. The error names the field, like the lab's own files do.
    /// serde_json's own sentence stays as it is in every language (as for a lab file).
    pub fn from_json(text: &str) -> Result<Progress, Msg> {
        let p: Progress = serde_json::from_str(text).map_err(|e| msg!("invalid-progress-not-json", error = e.to_string()))?;
        if p.version != 1 {
            return Err(msg!("invalid-progress-version", version = p.version.to_string()));
        }
        if let Some(id) = p.exercises.keys().find(|id| id.is_empty() || id.len() > 100) {
            return Err(msg!("invalid-progress-exercise-id", id = id));
        }
        Ok(p)
    }

    /// Imports another record into this one: solved stays solved, counts keep the larger
    /// value, so importing an older export never loses progress made since.
    pub fn merge(&mut self, other: &Progress) {
        for (id, theirs) in &other.exercises {
            let mine = self.exercises.entry(id.clone()).or_default();
            mine.solved |= theirs.solved;
            mine.attempts = mine.attempts.max(theirs.attempts);
            mine.hints = mine.hints.max(theirs.hints);
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored progress, or none yet (also when storage is unavailable or holds garbage).
pub fn load() -> Progress {
    local_storage()
        .and_then(|s| s.get_item(PROGRESS_KEY).ok().flatten())
        .and_then(|text| Progress::from_json(&text).ok())
        .unwrap_or_else(Progress::new)
}

/// Stores `progress`; a refused write loses only the copy, never what is on screen.
pub fn save(progress: &Progress) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(PROGRESS_KEY, &progress.to_json());
    }
}

/// The `localStorage` key of the exercise being done (its whole file, so a teacher's exercise
/// comes back after a reload too).
const SESSION_KEY: &str = "packet-lab.exercise.v1";

/// Remembers the exercise being done (its file), or that none is.
pub fn save_session(exercise: Option<&str>) {
    let Some(storage) = local_storage() else { return };
    let _ = match exercise {
        Some(text) => storage.set_item(SESSION_KEY, text),
        None => storage.remove_item(SESSION_KEY),
    };
}

/// The file of the exercise being done before the reload, if one is stored; the judge's
/// module parses it (`Exercises::resume_stored`).
pub fn load_session() -> Option<String> {
    local_storage()?.get_item(SESSION_KEY).ok().flatten()
}

/// At page load: the stored progress, and the exercise that was being done if the restored
/// `lab` is still a lab of it (its locks hold); otherwise no exercise.
pub fn boot(exercises: &mut crate::exercises::Exercises, lab: &packet_engine::Scenario) {
    exercises.progress = load();
    let Some(stored) = load_session() else { return };
    exercises.resume_stored(stored.into(), lab);
}

/// Takes an exercise link's fragment (`#exercise=…`) out of the address bar, so a reload goes
/// on with the student's saved lab instead of starting the exercise again.
pub fn take_exercise_link() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let fragment = hash.strip_prefix('#').filter(|h| h.starts_with(crate::share::EXERCISE_KEY))?.to_string();
    let url = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    Some(fragment)
}

/// Offers the progress as a file download.
pub fn download(progress: &Progress) {
    crate::download::offer((progress.to_json() + "\n").as_bytes(), FILE_NAME, "application/json");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_count_and_solved_sticks() {
        let mut p = Progress::new();
        assert_eq!(p.get("a"), Record::default());
        p.attempt("a", false);
        p.attempt("a", true);
        p.attempt("a", false);
        assert_eq!(p.get("a"), Record { solved: true, attempts: 3, hints: 0 });
        assert_eq!(p.solved_count(), 1);
        p.hints_shown("b", 2);
        p.hints_shown("b", 1);
        assert_eq!(p.get("b"), Record { solved: false, attempts: 0, hints: 2 });
        assert!(!p.solved("b"));
    }

    #[test]
    fn round_trips_through_json() {
        let mut p = Progress::new();
        p.attempt("right-network", true);
        p.hints_shown("ttl-loop", 3);
        let text = p.to_json();
        assert!(text.contains("\"right-network\""), "{text}");
        assert_eq!(Progress::from_json(&text), Ok(p));
    }

    #[test]
    fn a_bad_file_names_what_is_wrong() {
        let e = Progress::from_json(r#"{"version": 2, "exercises": {}}"#).unwrap_err().to_string();
        assert!(e.starts_with("version: unsupported version 2"), "{e}");
        let e = Progress::from_json(r#"{"version": 1, "exercises": {"a": {"solved": "yes"}}}"#).unwrap_err().to_string();
        assert!(e.contains("invalid type"), "{e}");
        let e = Progress::from_json(r#"{"version": 1, "extra": 1}"#).unwrap_err().to_string();
        assert!(e.contains("unknown field `extra`"), "{e}");
        assert!(Progress::from_json("").is_err());
        let e = Progress::from_json(r#"{"version": 1, "exercises": {"": {}}}"#).unwrap_err();
        assert_eq!(e, msg!("invalid-progress-exercise-id", id = ""));
        assert_eq!(e.to_string(), "exercises: \"\" is not an exercise id");
    }

    #[test]
    fn merging_never_loses_progress() {
        let mut mine = Progress::new();
        mine.attempt("a", true);
        mine.attempt("a", false);
        let mut theirs = Progress::new();
        theirs.attempt("a", false);
        theirs.hints_shown("a", 2);
        theirs.attempt("b", true);
        mine.merge(&theirs);
        assert_eq!(mine.get("a"), Record { solved: true, attempts: 2, hints: 2 });
        assert!(mine.solved("b"));
    }
}
