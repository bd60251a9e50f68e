//! The exercise session: which exercise the student is doing, the locks on its lab, the goal's
//! check results, the hints revealed so far and the progress record.
//!
//! The student's lab *is* the editor's scenario: starting an exercise loads its lab into the
//! editor, and every edit is then guarded here. An edit that changes a locked part of the lab
//! (the engine's `check_locks`) is undone at once and refused with the engine's message — at
//! the field when it was a field edit, as a notice otherwise — so the lab on screen never holds
//! a forbidden change. Every accepted change of the lab is evaluated by the engine
//! (`Exercise::evaluate`, which *runs* the lab) and counts as one attempt; the exercise is
//! solved when every check passes. Pure: no yew, no browser; `state.rs` calls it from the
//! reducer and the components only read it.

use std::rc::Rc;

use packet_engine::exercise::{check_locks, course, Editable, EditableField, Evaluation, Exercise};
use packet_engine::scenario::DeviceKind;
use packet_engine::msg::Msg;
use packet_engine::Scenario;

use crate::editor::{EditAction, Editor, Effect, Field, FieldError};
use crate::progress::Progress;

/// Every way the exercises change.
#[derive(Clone, Debug, PartialEq)]
pub enum ExerciseAction {
    /// Start the built-in exercise at this index of the course.
    Start(usize),
    /// Start an exercise from a file a teacher wrote: `file` is its name, for messages, or
    /// `None` for an exercise link (`#exercise=…`).
    Open { file: Option<String>, text: String },
    /// Stop the exercise; the lab stays on screen as an ordinary lab.
    Leave,
    /// Reveal the next hint.
    Hint,
    /// Merge a progress file into the stored progress.
    ImportProgress { file: String, text: String },
    /// Hide the last error message.
    DismissError,
}

/// The exercise being done.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The exercise.
    pub exercise: Rc<Exercise>,
    /// Its index in the built-in course; `None` for a teacher's file.
    pub builtin: Option<usize>,
    /// The goal's results on the student's current lab.
    pub evaluation: Rc<Evaluation>,
    /// How many hints are revealed (they come in order).
    pub hints_shown: usize,
}

impl Session {
    /// True when the current lab passes every check.
    pub fn solved(&self) -> bool {
        self.evaluation.solved()
    }

    /// The hints revealed so far.
    pub fn hints(&self) -> &[String] {
        &self.exercise.hints[..self.hints_shown.min(self.exercise.hints.len())]
    }

    /// True while a hint is still hidden.
    pub fn more_hints(&self) -> bool {
        self.hints_shown < self.exercise.hints.len()
    }

    /// The locks, for the device panel's lock icons.
    pub fn locks(&self, scenario: Rc<Scenario>) -> Locks {
        Locks { scenario, editable: Rc::new(self.exercise.editable.clone()) }
    }
}

/// What the engine says of a lab of an exercise: the sentences of its lock violations (sorted
/// by their English, each once) and, when asked for, the goal's results (`Exercise::evaluate`,
/// which runs the lab and diagnoses a failure).
type Judged = (Vec<Msg>, Option<Evaluation>);

/// Judges `lab` as a lab of `exercise`; evaluates it when given `evaluate`, the engine's whole
/// run of a lab (`playback::engine`): the judge's module calls the engine's own module rather
/// than carry a copy of it.
fn judge(exercise: &Exercise, lab: &Scenario, evaluate: Option<Run>) -> Judged {
    // Sorted by their English and each once, as a VecSet of the sentences would be; a Vec
    // avoids a set type in the wasm (issue 15).
    let mut violations: Vec<Msg> = check_locks(&exercise.lab, lab, &exercise.editable)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|v| v.message)
        .collect();
    violations.sort_by_cached_key(|m| m.to_string());
    violations.dedup();
    (violations, evaluate.map(|run| exercise.evaluate_with(lab, run)))
}

/// The exercises' code a first visit never runs, as the page calls it: plain function pointers,
/// so what they reach (the exercise files' parser and the course's files, the lock checks, the
/// evaluation and its diagnosis) is in the judge's module, not the page's (issue 15).
#[derive(Clone, Copy)]
pub struct Judge {
    /// [`judge`].
    pub judge: fn(&Exercise, &Scenario, Option<Run>) -> Judged,
    /// An exercise file's text, parsed and checked (`Exercise::from_json`).
    pub parse: fn(&str) -> Result<Exercise, packet_engine::scenario::ScenarioError>,
    /// The built-in exercise at an index of the course.
    pub builtin: fn(usize) -> Option<Exercise>,
    /// The index of an exercise in the course, if it is a built-in one unchanged.
    pub position: fn(&Exercise) -> Option<usize>,
    /// An exercise as a file (kept in `localStorage` while it is being done).
    pub to_json: fn(&Exercise) -> String,
}

fn judge_module() -> Judge {
    Judge {
        judge,
        parse: Exercise::from_json,
        builtin: course::get,
        position: course::position,
        to_json: Exercise::to_json_pretty,
    }
}

crate::split_fn! {
    /// [`Judge`], in its own wasm module (src/split.rs): fetched when an exercise is started or
    /// resumed ([`Exercises::pending`] waits for it).
    pub static JUDGE: fn() -> Judge = "exercise_judge"::load_judge => judge_module;
}

/// The judge, once its module is here.
pub fn judge_get() -> Option<Judge> {
    JUDGE.get().map(|f| f())
}

/// The engine's run of a validated lab, as the judge is given it.
type Run = fn(&packet_engine::scenario::Topology) -> packet_engine::RunOutcome;

/// The engine's run, for code that runs only while an exercise is on: it started once the
/// engine was here.
fn engine_run() -> Option<Run> {
    Some(crate::playback::engine::get().expect("an exercise starts only once the engine is here (Exercises::pending)").run)
}

/// Both modules an exercise needs are here: its judge and the engine.
fn ready() -> bool {
    JUDGE.get().is_some() && crate::playback::engine::get().is_some()
}

fn judge_now() -> Judge {
    judge_get().expect("an exercise starts only once its judge is here (Exercises::pending)")
}

/// Where an exercise to start comes from: parsed by the judge's module, once it is here.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The built-in exercise at this index of the course.
    Builtin(usize),
    /// A teacher's file: `file` is its name, for messages, or `None` for an exercise link.
    File { file: Option<String>, text: String },
}

/// An exercise waiting for [`JUDGE`]'s module, started (or resumed) when it arrives.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Start it (a course entry or a teacher's file).
    Start(Source),
    /// Resume the exercise stored before a reload (its file) on the restored lab, if its locks
    /// still hold.
    Resume(Rc<str>),
}

/// The exercises' half of the app state. The course is [`course::INDEX`] (ids and titles): its
/// files are parsed by the judge's module when one is started.
#[derive(Clone, Debug, PartialEq)]
pub struct Exercises {
    /// The exercise being done, if any.
    pub session: Option<Session>,
    /// Solved, attempts and hints per exercise id.
    pub progress: Progress,
    /// Why the last exercise or progress file was refused, worded when shown.
    pub error: Option<Msg>,
    /// The exercise to start or resume once [`JUDGE`]'s module is here (app.rs fetches it).
    pub pending: Option<Pending>,
}

impl Default for Exercises {
    fn default() -> Self {
        Exercises { session: None, progress: Progress::new(), error: None, pending: None }
    }
}

impl Exercises {
    /// Handles an action that does not need the editor ([`ExerciseAction::Start`] and
    /// [`ExerciseAction::Open`] go through [`Exercises::start`]).
    pub fn apply(&mut self, action: ExerciseAction) {
        match action {
            ExerciseAction::Leave => {
                self.session = None;
                self.pending = None;
            }
            ExerciseAction::Hint => {
                if let Some(s) = &mut self.session {
                    if s.more_hints() {
                        s.hints_shown += 1;
                        self.progress.hints_shown(&s.exercise.id, s.hints_shown);
                    }
                }
            }
            ExerciseAction::ImportProgress { file, text } => match Progress::from_json(&text) {
                Ok(p) => {
                    self.progress.merge(&p);
                    self.error = None;
                }
                Err(e) => self.error = Some(packet_engine::msg!("invalid-progress-not-imported", file = &file, error = e)),
            },
            ExerciseAction::DismissError => self.error = None,
            ExerciseAction::Start(_) | ExerciseAction::Open { .. } => {}
        }
    }

    /// Where the exercise an action starts comes from: a course entry or a teacher's file.
    pub fn resolve(action: &ExerciseAction) -> Option<Source> {
        match action {
            ExerciseAction::Start(i) => (*i < course::INDEX.len()).then_some(Source::Builtin(*i)),
            ExerciseAction::Open { file, text } => Some(Source::File { file: file.clone(), text: text.clone() }),
            _ => None,
        }
    }

    /// Starts the exercise of `source`: its lab replaces the editor's (undoably), hints start
    /// hidden (or as many as were revealed before), and the starting lab is evaluated, which is
    /// not an attempt. A bad file sets [`Exercises::error`] (with the path of the field at
    /// fault) and changes nothing. Until [`JUDGE`]'s module is here (it parses the file) the
    /// exercise waits in [`Exercises::pending`] and nothing changes.
    pub fn start(&mut self, source: Source, edit: &mut Editor) -> Effect {
        if !ready() {
            self.pending = Some(Pending::Start(source));
            return Effect::ViewOnly;
        }
        self.pending = None;
        let judge = judge_now();
        let (exercise, builtin) = match source {
            Source::Builtin(i) => match (judge.builtin)(i) {
                Some(e) => (e, Some(i)),
                None => return Effect::ViewOnly,
            },
            Source::File { file, text } => match (judge.parse)(&text) {
                Ok(e) => {
                    let builtin = (judge.position)(&e);
                    (e, builtin)
                }
                Err(e) => {
                    self.error = Some(match file {
                        Some(file) => packet_engine::msg!("invalid-exercise-not-opened", file = &file, error = e.with_path()),
                        None => packet_engine::msg!("invalid-exercise-link-not-opened", error = e.with_path()),
                    });
                    return Effect::ViewOnly;
                }
            },
        };
        let exercise = Rc::new(exercise);
        let effect = edit.replace(exercise.lab.clone(), None);
        if edit.scenario.devices != exercise.lab.devices {
            // The editor refused the lab (it validated, so this is a bug); stay out of the exercise.
            return effect;
        }
        self.error = None;
        self.resume(exercise, builtin, &edit.scenario);
        effect
    }

    /// Resumes `exercise` on the student's lab as it is (after a reload): evaluated, not an
    /// attempt; a lab that already passes is recorded as solved.
    fn resume(&mut self, exercise: Rc<Exercise>, builtin: Option<usize>, lab: &Scenario) {
        let evaluation = Rc::new((judge_now().judge)(&exercise, lab, engine_run()).1.expect("asked to evaluate"));
        if evaluation.solved() {
            self.progress.mark_solved(&exercise.id);
        }
        let hints_shown = (self.progress.get(&exercise.id).hints as usize).min(exercise.hints.len());
        self.session = Some(Session { exercise, builtin, evaluation, hints_shown });
    }

    /// Resumes the exercise that was being done before a reload (`stored`, its file), if it
    /// still parses and `lab` (the restored lab) is still a lab of it (its locks hold);
    /// otherwise none. Pending until the judge is here.
    pub fn resume_stored(&mut self, stored: Rc<str>, lab: &Scenario) {
        let Some(judge) = judge_get().filter(|_| ready()) else {
            self.pending = Some(Pending::Resume(stored));
            return;
        };
        self.pending = None;
        let Ok(exercise) = (judge.parse)(&stored) else { return };
        if (judge.judge)(&exercise, lab, None).0.is_empty() {
            let builtin = (judge.position)(&exercise);
            self.resume(Rc::new(exercise), builtin, lab);
        }
    }

    /// Guards an edit the editor just applied (`before` is the editor as it was). A change to
    /// a locked part is undone and refused with the engine's message; an accepted change of
    /// the lab is evaluated and counted as an attempt. Returns the edit's effect as it stands.
    pub fn guard(&mut self, before: &Editor, action: &EditAction, edit: &mut Editor, effect: Effect) -> Effect {
        let Some(session) = &mut self.session else { return effect };
        if effect != Effect::ScenarioChanged {
            return effect;
        }
        let exercise = session.exercise.clone();
        let judge = judge_now().judge;
        if let Some(message) = new_violation(judge, &exercise, &before.scenario, &edit.scenario) {
            *edit = before.clone();
            match action {
                EditAction::SetField(field, text) => {
                    edit.errors.insert(*field, FieldError { draft: text.clone(), message });
                }
                _ => edit.notice = Some(packet_engine::msg!("invalid-not-in-exercise", message = message)),
            }
            return Effect::ViewOnly;
        }
        if before.scenario.strip() == edit.scenario.strip() {
            // Only the title changed: nothing to run again.
            return effect;
        }
        let evaluation = Rc::new(judge(&exercise, &edit.scenario, engine_run()).1.expect("asked to evaluate"));
        self.progress.attempt(&exercise.id, evaluation.solved());
        session.evaluation = evaluation;
        effect
    }
}

/// The first lock violation of `after` that `before` did not already have, as a sentence.
fn new_violation(judge: fn(&Exercise, &Scenario, Option<Run>) -> Judged, exercise: &Exercise, before: &Scenario, after: &Scenario) -> Option<Msg> {
    let old = judge(exercise, before, None).0;
    judge(exercise, after, None).0.into_iter().find(|m| !old.contains(m))
}

/// What the device panel needs to draw lock icons: the lab shown and the exercise's permissions.
#[derive(Clone, Debug, PartialEq)]
pub struct Locks {
    /// The student's lab (indices in [`Field`] refer to it).
    pub scenario: Rc<Scenario>,
    /// What the exercise lets the student change.
    pub editable: Rc<Editable>,
}

impl Locks {
    /// True when the exercise refuses any change of `field`.
    pub fn locked(&self, field: Field) -> bool {
        let e = &*self.editable;
        let dev = |d: usize| self.scenario.devices.get(d);
        let iface = |d: usize, i: usize| dev(d).and_then(|x| x.interfaces.get(i)).map(|x| x.name.as_str());
        let allows = |d: usize, i: Option<usize>, f: EditableField| {
            dev(d).is_some_and(|x| e.allows(&x.id, i.and_then(|i| iface(d, i)), f))
        };
        match field {
            Field::LabName => false,
            // A new id is a removed device and a new one: only switches and hubs may come and go.
            Field::Name(d) => !dev(d).is_some_and(|x| e.switches && matches!(x.kind, DeviceKind::Switch | DeviceKind::Hub)),
            Field::Address(d, i) => !allows(d, Some(i), EditableField::Address) && !allows(d, Some(i), EditableField::Mask),
            // Switching to DHCP replaces the whole address (the engine's check_locks).
            Field::Dhcp(d, i) => !allows(d, Some(i), EditableField::Address),
            Field::Dns(d) => !allows(d, None, EditableField::Dns),
            Field::DhcpServer(d, _) | Field::DnsServer(d, _) | Field::NewRecord(d) => {
                !allows(d, None, EditableField::Services)
            }
            Field::Mac(d, i) => !allows(d, Some(i), EditableField::Mac),
            Field::Nat(d, i) => !allows(d, Some(i), EditableField::Nat),
            Field::SubParent(d, i) | Field::SubVlan(d, i) => !allows(d, Some(i), EditableField::Vlans),
            Field::Ipv6(d, i) | Field::RaPrefix(d, i) | Field::RaInterval(d, i) | Field::RaLifetime(d, i) => {
                !allows(d, Some(i), EditableField::Ipv6)
            }
            Field::Routes6(d) => !allows(d, None, EditableField::Ipv6),
            Field::Mtu(d, i) => !allows(d, Some(i), EditableField::Mtu),
            Field::Gateway(d) => !allows(d, None, EditableField::Gateway),
            Field::Ports(d) => !allows(d, None, EditableField::Kind),
            Field::Stp(d) | Field::BridgePriority(d) => !allows(d, None, EditableField::Stp),
            Field::VlanFiltering(d) | Field::PortPvid(d, _) | Field::PortTagged(d, _) => !allows(d, None, EditableField::Vlans),
            Field::RoutePrefix(d, _) | Field::RouteVia(d, _) | Field::NewRoute(d) => !allows(d, None, EditableField::Routes),
            Field::LinkPort(..) => !e.cables,
        }
    }
}

/// The lock context the device panel reads: the locks while an exercise runs, else none.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LockContext(pub Option<Rc<Locks>>);

impl LockContext {
    /// True when `field` is locked by the running exercise.
    pub fn locked(&self, field: Field) -> bool {
        self.0.as_ref().is_some_and(|l| l.locked(field))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh editor and exercises state with the first exercise started.
    fn started() -> (Exercises, Editor) {
        let mut ex = Exercises::default();
        let mut edit = Editor::new(Scenario::from_json("{}").unwrap(), None);
        let source = Exercises::resolve(&ExerciseAction::Start(0)).unwrap();
        assert_eq!(ex.start(source, &mut edit), Effect::ScenarioChanged);
        (ex, edit)
    }

    fn edit(ex: &mut Exercises, edit: &mut Editor, action: EditAction) -> Effect {
        let before = edit.clone();
        let effect = edit.apply(action.clone());
        ex.guard(&before, &action, edit, effect)
    }

    fn device(edit: &Editor, id: &str) -> usize {
        edit.scenario.devices.iter().position(|d| d.id == id).unwrap()
    }

    #[test]
    fn the_course_is_the_engines_twenty_exercises() {
        assert_eq!(course::INDEX.len(), 20);
        assert_eq!(course::INDEX[0].0, "right-network");
        assert_eq!(Exercises::resolve(&ExerciseAction::Start(19)), Some(Source::Builtin(19)));
        assert_eq!(Exercises::resolve(&ExerciseAction::Start(20)), None, "no such exercise");
    }

    #[test]
    fn starting_loads_the_lab_and_evaluates_it_without_an_attempt() {
        let (ex, edit) = started();
        let s = ex.session.as_ref().unwrap();
        assert_eq!(edit.scenario.devices, s.exercise.lab.devices);
        assert!(!s.solved());
        assert_eq!(s.evaluation.checks.len(), 2);
        assert_eq!(s.evaluation.first_failure().unwrap().description.to_string(), "ping from pc3 to pc1 succeeds");
        assert_eq!(ex.progress.get("right-network").attempts, 0);
    }

    #[test]
    fn a_wrong_then_a_right_address_counts_two_attempts_and_solves() {
        let (mut ex, mut e) = started();
        let pc3 = device(&e, "pc3");
        edit(&mut ex, &mut e, EditAction::SetField(Field::Address(pc3, 0), "10.0.2.3/24".into()));
        assert!(!ex.session.as_ref().unwrap().solved());
        edit(&mut ex, &mut e, EditAction::SetField(Field::Address(pc3, 0), "10.0.0.77/24".into()));
        assert!(ex.session.as_ref().unwrap().solved());
        let r = ex.progress.get("right-network");
        assert_eq!((r.solved, r.attempts), (true, 2));
        // Breaking it again keeps "solved" in the record but not on the lab.
        edit(&mut ex, &mut e, EditAction::SetField(Field::Address(pc3, 0), "10.0.9.3/24".into()));
        assert!(!ex.session.as_ref().unwrap().solved());
        assert!(ex.progress.solved("right-network"));
    }

    #[test]
    fn a_locked_field_is_refused_at_the_field_and_the_lab_is_unchanged() {
        let (mut ex, mut e) = started();
        let lab = e.scenario.clone();
        let pc1 = device(&e, "pc1");
        let effect = edit(&mut ex, &mut e, EditAction::SetField(Field::Address(pc1, 0), "10.0.0.50/24".into()));
        assert_eq!(effect, Effect::ViewOnly);
        assert_eq!(e.scenario, lab);
        let err = e.error(Field::Address(pc1, 0)).unwrap();
        assert_eq!(err.draft, "10.0.0.50/24");
        assert_eq!(err.message.to_string(), "pc1's eth0 address is locked in this exercise");
        assert_eq!(ex.progress.get("right-network").attempts, 0, "a refused edit is no attempt");
    }

    #[test]
    fn a_locked_structural_edit_is_refused_with_a_notice() {
        let (mut ex, mut e) = started();
        let lab = e.scenario.clone();
        let pc1 = device(&e, "pc1");
        edit(&mut ex, &mut e, EditAction::Select(pc1));
        edit(&mut ex, &mut e, EditAction::DeleteSelection);
        assert_eq!(e.scenario, lab);
        assert_eq!(e.notice.as_ref().map(|m| m.to_string()).as_deref(), Some("Not in this exercise: pc1 was removed, but it is part of the exercise."));
        // Undo past the exercise's start would bring back another lab: refused too.
        edit(&mut ex, &mut e, EditAction::Undo);
        assert_eq!(e.scenario, lab);
        assert!(e.notice.as_ref().unwrap().to_string().starts_with("Not in this exercise:"));
    }

    #[test]
    fn hints_come_one_at_a_time_and_are_remembered() {
        let (mut ex, _) = started();
        assert!(ex.session.as_ref().unwrap().hints().is_empty());
        for n in 1..=4 {
            ex.apply(ExerciseAction::Hint);
            assert_eq!(ex.session.as_ref().unwrap().hints().len(), n.min(3));
        }
        let s = ex.session.as_ref().unwrap();
        assert!(!s.more_hints());
        assert!(s.hints()[2].contains("pc3's eth0 address"), "the last names device and field");
        assert_eq!(ex.progress.get("right-network").hints, 3);
        // Coming back to the exercise shows the hints already seen.
        let mut edit = Editor::new(Scenario::from_json("{}").unwrap(), None);
        ex.apply(ExerciseAction::Leave);
        ex.start(Source::Builtin(0), &mut edit);
        assert_eq!(ex.session.as_ref().unwrap().hints_shown, 3);
    }

    #[test]
    fn a_teachers_file_is_validated_and_a_bad_one_changes_nothing() {
        let mut ex = Exercises::default();
        let mut edit = Editor::new(Scenario::from_json("{}").unwrap(), None);
        let lab = edit.scenario.clone();
        let open = |file: Option<&str>, text: String| {
            Exercises::resolve(&ExerciseAction::Open { file: file.map(str::to_owned), text }).unwrap()
        };
        assert_eq!(ex.start(open(Some("mine.json"), r#"{"id": "Bad Id"}"#.into()), &mut edit), Effect::ViewOnly);
        assert_eq!((&edit.scenario, &ex.session), (&lab, &None));
        let err = ex.error.clone().unwrap();
        assert!(err.to_string().starts_with("mine.json was not opened, your lab is unchanged."), "{err}");
        // An exercise link has no file name: the sentence names the link.
        ex.start(open(None, r#"{"id": "Bad Id"}"#.into()), &mut edit);
        let err = ex.error.clone().unwrap();
        assert!(err.to_string().starts_with("The exercise link was not opened: "), "{err}");
        let text = packet_engine::exercise::course::source("ttl-loop").unwrap().replace("\"ttl-loop\"", "\"my-loop\"");
        assert_eq!(ex.start(open(Some("loop.json"), text), &mut edit), Effect::ScenarioChanged);
        let s = ex.session.as_ref().unwrap();
        assert_eq!((s.exercise.id.as_str(), s.builtin, &ex.error), ("my-loop", None, &None));
        let same = packet_engine::exercise::course::source("ttl-loop").unwrap().to_string();
        ex.start(open(Some("x.json"), same), &mut edit);
        assert_eq!(ex.session.as_ref().unwrap().builtin, Some(9), "the course's own file is recognised");
    }

    #[test]
    fn resuming_a_solved_lab_marks_it_solved_without_an_attempt() {
        let (mut ex, mut e) = started();
        let pc3 = device(&e, "pc3");
        e.apply(EditAction::SetField(Field::Address(pc3, 0), "10.0.0.3/24".into()));
        let mut fresh = Exercises::default();
        fresh.resume(ex.session.as_ref().unwrap().exercise.clone(), Some(0), &e.scenario);
        assert!(fresh.session.as_ref().unwrap().solved());
        assert_eq!(fresh.progress.get("right-network"), crate::progress::Record { solved: true, attempts: 0, hints: 0 });
        ex.apply(ExerciseAction::ImportProgress { file: "p.json".into(), text: "{}".into() });
        assert!(ex.error.as_ref().unwrap().to_string().starts_with("p.json was not imported"));
    }

    #[test]
    fn locks_mark_exactly_the_open_fields() {
        let (ex, e) = started();
        let locks = ex.session.as_ref().unwrap().locks(e.scenario.clone());
        let (pc1, pc3, sw1) = (device(&e, "pc1"), device(&e, "pc3"), device(&e, "sw1"));
        assert!(!locks.locked(Field::Address(pc3, 0)));
        assert!(locks.locked(Field::Address(pc1, 0)));
        assert!(locks.locked(Field::Mac(pc3, 0)));
        assert!(locks.locked(Field::Gateway(pc3)));
        assert!(locks.locked(Field::Name(pc3)));
        assert!(locks.locked(Field::Ports(sw1)));
        assert!(locks.locked(Field::LinkPort(0, crate::editor::End::A)));
        assert!(!locks.locked(Field::LabName));
        assert!(!LockContext::default().locked(Field::Address(pc1, 0)));
    }

    /// Starts the course's exercise `id`.
    fn start_id(id: &str) -> (Exercises, Editor) {
        let mut ex = Exercises::default();
        let mut edit = Editor::new(Scenario::from_json("{}").unwrap(), None);
        let i = course::INDEX.iter().position(|(e, _)| *e == id).unwrap();
        ex.start(Source::Builtin(i), &mut edit);
        (ex, edit)
    }

    fn solved(ex: &Exercises) -> bool {
        ex.session.as_ref().unwrap().solved()
    }

    #[test]
    fn the_laptop_gets_an_address_once_the_router_serves_dhcp_from_the_panel() {
        use crate::editor::DhcpKey;
        let (mut ex, mut e) = start_id("laptop-no-address");
        let (laptop, router) = (device(&e, "laptop"), device(&e, "home-router"));
        let locks = ex.session.as_ref().unwrap().locks(e.scenario.clone());
        assert!(!locks.locked(Field::DhcpServer(router, DhcpKey::PoolStart)));
        assert!(locks.locked(Field::Dhcp(laptop, 0)));
        assert!(locks.locked(Field::Dns(router)));
        // The laptop's DHCP switch is locked: refused at the field.
        edit(&mut ex, &mut e, EditAction::SetField(Field::Dhcp(laptop, 0), "off".into()));
        assert!(e.error(Field::Dhcp(laptop, 0)).unwrap().message.to_string().contains("locked"));
        assert!(!solved(&ex));
        edit(&mut ex, &mut e, EditAction::SetField(Field::DhcpServer(router, DhcpKey::Enabled), "on".into()));
        assert!(solved(&ex), "{:?}", ex.session.as_ref().unwrap().evaluation.first_failure());
    }

    #[test]
    fn the_dns_server_address_is_fixed_in_the_laptops_dns_field() {
        let (mut ex, mut e) = start_id("dns-server-address");
        let (laptop, router) = (device(&e, "laptop"), device(&e, "home-router"));
        let locks = ex.session.as_ref().unwrap().locks(e.scenario.clone());
        assert!(!locks.locked(Field::Dns(laptop)));
        assert!(locks.locked(Field::DnsServer(router, crate::editor::DnsKey::Zone)));
        edit(&mut ex, &mut e, EditAction::SetField(Field::Dns(laptop), "192.168.1.1".into()));
        assert!(solved(&ex));
    }

    #[test]
    fn nxdomain_is_fixed_by_renaming_the_record_in_the_zone() {
        use crate::editor::DnsKey;
        let (mut ex, mut e) = start_id("why-nxdomain");
        let (laptop, server) = (device(&e, "laptop"), device(&e, "dns-server"));
        let locks = ex.session.as_ref().unwrap().locks(e.scenario.clone());
        assert!(locks.locked(Field::Dns(laptop)));
        assert!(!locks.locked(Field::NewRecord(server)));
        edit(&mut ex, &mut e, EditAction::SetField(Field::DnsServer(server, DnsKey::RecordName(0)), "www.example.com".into()));
        assert!(solved(&ex));
    }
}
