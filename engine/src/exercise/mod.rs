//! Self-paced exercises: a lab to fix, what the student may change, up to three
//! hints, and a goal the engine checks by *running* the student's lab.
//!
//! An exercise file is JSON (`docs/exercise-format.md`); [`Exercise::from_json`]
//! parses and validates it the way [`Scenario::from_json`] does, naming the field
//! at fault (`goal[1].from: no device "pc9"`). The goal is a list of behavioural
//! [`Check`]s (`check.rs`): every check adds the traffic it needs to a copy of the
//! lab and reads the run's outputs and trace, so every correct solution passes,
//! whatever addresses or edits it used, and no configuration is ever compared.
//! [`locks::check_locks`] says whether an edited lab only changed what the
//! exercise lets the student change. [`course`] is the built-in course, and
//! [`predict`] makes "what happens next?" questions from any trace.

pub mod check;
mod check_de;
pub mod course;
mod evaluate;
pub mod locks;
pub mod predict;
mod predict_changes;
mod predict_ipv6;
mod predict_services;
mod predict_stp;
mod predict_tcp;

pub use check::{evaluate, Check, CheckResult, Evaluation, FrameMatch};
pub use course::course;
pub use locks::{check_locks, Editable, EditableDevice, EditableField, LockViolation};

use crate::msg;
use crate::scenario::{Scenario, ScenarioError};
use serde::{Deserialize, Serialize};

/// The most hints an exercise may give.
pub const MAX_HINTS: usize = 3;

/// One exercise: the broken lab, the locks, the hints and the goal.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Format version; only 1 exists.
    #[serde(default = "one")]
    pub version: u32,
    /// Stable key, used to remember progress (`default-gateway`): lower-case letters, digits and `-`.
    pub id: String,
    /// Title shown in the course list.
    pub title: String,
    /// The situation and the task, in two to four sentences.
    pub story: String,
    /// The starting lab (the scenario format), usually deliberately broken.
    pub lab: Scenario,
    /// What the student may change; everything else is locked.
    #[serde(default)]
    pub editable: Editable,
    /// Up to three hints, each more precise; the last names the device and the field.
    #[serde(default)]
    pub hints: Vec<String>,
    /// The behavioural checks that must all pass.
    pub goal: Vec<Check>,
    /// One or two sentences on what the student just saw, shown when solved.
    pub solved_text: String,
    /// The same texts in other languages, by language tag (`"de"`, `"fr"`): each field may be
    /// left out, and then the text above is shown (docs/exercise-format.md, docs/languages.md).
    /// The lab, the locks and the goal are the same in every language.
    #[serde(default, skip_serializing_if = "crate::vec_map::VecMap::is_empty")]
    pub translations: crate::vec_map::VecMap<String, ExerciseText>,
}

/// An exercise's texts in one language; a field left out falls back to the exercise's own.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct ExerciseText {
    /// See [`Exercise::title`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// See [`Exercise::story`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// See [`Exercise::hints`]: the same hints in the same order (fewer keeps the rest as they are).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    /// See [`Exercise::solved_text`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solved_text: Option<String>,
}

/// An exercise's texts as one language shows them (see [`Exercise::text`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExerciseWords<'a> {
    /// The title.
    pub title: &'a str,
    /// The story.
    pub story: &'a str,
    /// Hint `i`, in that language where it has it.
    hints: (&'a [String], &'a [String]),
    /// The text shown when solved.
    pub solved_text: &'a str,
}

impl<'a> ExerciseWords<'a> {
    /// Hint `i` (0-based), if the exercise has it.
    pub fn hint(&self, i: usize) -> Option<&'a str> {
        self.hints.0.get(i).or_else(|| self.hints.1.get(i)).map(String::as_str)
    }
}

fn one() -> u32 {
    1
}

impl Exercise {
    /// Parses and validates an exercise file. Never panics, whatever the input;
    /// the error names the field (`lab.devices[2].interfaces[0].address: …`).
    pub fn from_json(text: &str) -> Result<Exercise, ScenarioError> {
        let exercise: Exercise = crate::scenario::parse_json(text, "exercise")?;
        exercise.validate()?;
        Ok(exercise)
    }

    /// Pretty JSON, the format of the files in `exercises/`.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("an Exercise always serializes")
    }

    /// The texts in the language `lang` (a tag such as `"de"`), each falling back to the
    /// exercise's own where that language lacks it.
    pub fn text(&self, lang: &str) -> ExerciseWords<'_> {
        self.text_or(lang, None)
    }

    /// As [`Exercise::text`], with `given` for a language the file itself does not have (the
    /// built-in course's German and French live in the app's catalogues, docs/languages.md).
    pub fn text_or<'a>(&'a self, lang: &str, given: Option<&'a ExerciseText>) -> ExerciseWords<'a> {
        let t = self.translations.get(lang).or(given);
        ExerciseWords {
            title: t.and_then(|t| t.title.as_deref()).unwrap_or(&self.title),
            story: t.and_then(|t| t.story.as_deref()).unwrap_or(&self.story),
            hints: (t.map_or(&[][..], |t| &t.hints[..]), &self.hints[..]),
            solved_text: t.and_then(|t| t.solved_text.as_deref()).unwrap_or(&self.solved_text),
        }
    }

    /// Checks the whole file; the first problem is returned with its field path.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.version != 1 {
            return Err(ScenarioError::new("version", msg!("invalid-version", version = self.version.to_string())));
        }
        if self.id.is_empty()
            || !self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(ScenarioError::new("id", msg!("invalid-exercise-id", id = &self.id)));
        }
        for (field, text) in [
            ("title", &self.title),
            ("story", &self.story),
            ("solved_text", &self.solved_text),
        ] {
            if text.trim().is_empty() {
                return Err(ScenarioError::new(field, msg!("invalid-empty")));
            }
        }
        let lab = self.lab.validate().map_err(|e| e.within("lab"))?;
        self.editable.validate(&self.lab)?;
        if self.hints.len() > MAX_HINTS {
            return Err(ScenarioError::new(
                "hints",
                msg!("invalid-too-many-hints", count = self.hints.len(), max = MAX_HINTS),
            ));
        }
        if let Some(h) = self.hints.iter().position(|h| h.trim().is_empty()) {
            return Err(ScenarioError::new(format!("hints[{h}]"), msg!("invalid-empty-hint")));
        }
        for (tag, t) in self.translations.iter() {
            let at = |field: &str| format!("translations.{tag}.{field}");
            if tag.is_empty() || tag.len() > 16 || !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(ScenarioError::new(format!("translations.{tag}"), msg!("invalid-language-tag")));
            }
            for (field, text) in [("title", &t.title), ("story", &t.story), ("solved_text", &t.solved_text)] {
                if text.as_deref().is_some_and(|x| x.trim().is_empty()) {
                    return Err(ScenarioError::new(at(field), msg!("invalid-empty-translation")));
                }
            }
            if t.hints.len() > self.hints.len() {
                return Err(ScenarioError::new(
                    at("hints"),
                    msg!("invalid-translated-hints", count = t.hints.len(), total = self.hints.len()),
                ));
            }
            if let Some(h) = t.hints.iter().position(|h| h.trim().is_empty()) {
                return Err(ScenarioError::new(at(&format!("hints[{h}]")), msg!("invalid-empty-hint")));
            }
        }
        if self.goal.is_empty() {
            return Err(ScenarioError::new("goal", msg!("invalid-no-checks")));
        }
        for (i, check) in self.goal.iter().enumerate() {
            check.validate(&lab).map_err(|(field, message)| ScenarioError::new(format!("goal[{i}].{field}"), message))?;
        }
        Ok(())
    }

    /// Runs the goal on a student's edited lab (see [`check::evaluate`]).
    pub fn evaluate(&self, edited: &Scenario) -> Evaluation {
        evaluate(self, edited)
    }

    /// [`Exercise::evaluate`] with the engine's run given: the web app passes the engine of
    /// its own split module, so the judge's module does not carry a second copy of it.
    pub fn evaluate_with(&self, edited: &Scenario, run: fn(&crate::scenario::Topology) -> crate::RunOutcome) -> Evaluation {
        evaluate::evaluate_with(self, edited, run)
    }
}
