//! Predict mode: while the lab plays, pause before a decision and ask what happens next.
//!
//! The questions are the engine's (`packet_engine::exercise::predict::questions`): made from
//! the run's trace, so they work on any lab. Asking every one would stop a long trace at each
//! frame, so [`select`] keeps a sensible subset: one question per event, a decision already
//! asked (same kind of question, same choices) is not asked again, and at most
//! [`MAX_QUESTIONS`] per run. Playing forward (the clock, Play, Step) stops *before* the event
//! of the next unanswered question; scrubbing and clicking in the event list do not ask. An
//! answer is judged at once with the event's "why" sentence, the right choice shown when the
//! answer was wrong, and the score kept. Pure: no yew, no browser.

use packet_engine::VecSet;
use std::rc::Rc;

use packet_engine::exercise::predict::{questions, Question, QuestionKind};
use packet_engine::Scenario;

use crate::playback::{PlayAction, Playback, RunRef};

/// The most questions asked in one run.
pub const MAX_QUESTIONS: usize = 12;

/// Every way predict mode changes.
#[derive(Clone, Debug, PartialEq)]
pub enum PredictAction {
    /// Turn predict mode on or off.
    Set(bool),
    /// Answer the open question with the choice at this index.
    Answer(usize),
    /// Close the answered question and go on (showing its event).
    Continue,
}

/// An answer given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answered {
    /// The choice picked.
    pub choice: usize,
    /// True when it was the right one.
    pub right: bool,
}

/// Predict mode's state.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Predict {
    /// Predict mode is on.
    pub on: bool,
    /// The run the questions were made from (compared by identity).
    run: Option<RunRef>,
    /// The selected questions of that run, in event order.
    questions: Rc<[Question]>,
    /// Events whose question was answered (or passed by scrubbing).
    done: VecSet<usize>,
    /// Index into `questions` of the question on screen.
    open: Option<usize>,
    /// The answer to the open question, once given.
    pub answered: Option<Answered>,
    /// Playback was running when the question stopped it: Continue plays on.
    resume: bool,
    /// Right answers so far.
    pub right: u32,
    /// Questions answered so far.
    pub asked: u32,
}

/// The subset of `all` worth asking (see the module header), in event order.
pub fn select(all: Vec<Question>) -> Vec<Question> {
    let mut seen: VecSet<(u8, Vec<String>)> = VecSet::new();
    let mut events = VecSet::new();
    let mut out = Vec::new();
    for q in all {
        if out.len() == MAX_QUESTIONS {
            break;
        }
        let mut texts: Vec<String> = q.choices.iter().map(|c| c.text.to_string()).collect(); // English: the same choices as before
        texts.sort_unstable(); // equal strings are indistinguishable
        let key = (kind_order(q.kind), texts);
        if events.contains(&q.event) || seen.contains(&key) {
            continue;
        }
        events.insert(q.event);
        seen.insert(key);
        out.push(q);
    }
    out
}

/// The questions asked about `run`: the engine's, selected.
fn questions_of(run: &RunRef) -> Vec<Question> {
    select(questions(&run.outcome.topology, &run.outcome.trace, run.lab.seed))
}

crate::split_fn! {
    /// [`questions_of`], in its own wasm module (src/split.rs): the engine's questions are
    /// code a first visit never runs (34 KB of wasm), fetched when predict mode is turned on.
    pub static QUESTIONS: fn(&RunRef) -> Vec<Question> = "predict_questions"::load_questions => questions_of;
}

fn kind_order(kind: QuestionKind) -> u8 {
    match kind {
        QuestionKind::SwitchPorts => 0,
        QuestionKind::ArpTarget => 1,
        QuestionKind::NextHop => 2,
        QuestionKind::Ttl => 3,
        QuestionKind::DestinationMac => 4,
        QuestionKind::LeaseGateway => 5,
        QuestionKind::LookupResult => 6,
        QuestionKind::NatSource => 9,
        QuestionKind::SourcePort => 7,
        QuestionKind::NextFlags => 8,
        QuestionKind::MacsOnDownPort => 10,
        QuestionKind::BlockedPort => 11,
        QuestionKind::NsDestination => 12,
        QuestionKind::SlaacAddress => 13,
        QuestionKind::VlanTag => 14,
        QuestionKind::TooBig => 15,
    }
}

impl Predict {
    /// The question on screen, if any.
    pub fn question(&self) -> Option<&Question> {
        self.open.and_then(|i| self.questions.get(i))
    }

    /// How many questions this run has.
    pub fn total(&self) -> usize {
        self.questions.len()
    }

    /// Makes the questions again when the run changed (an edit, a typed command). The run is
    /// playback's (shared, not copied), and so is the lab as run, whose labels the trace uses.
    pub fn sync(&mut self, play: &Playback) {
        if !self.on || self.run.as_ref() == play.run() {
            return;
        }
        // Until the questions' module is here (app.rs fetches it when the mode is turned on,
        // then dispatches), nothing is asked; the first state change after it arrives makes them.
        let Some(questions_of) = QUESTIONS.get() else { return };
        self.run = play.run().cloned();
        self.open = None;
        self.answered = None;
        self.done.clear();
        self.questions = match &self.run {
            Some(run) => questions_of(run).into(),
            None => Rc::from([]),
        };
        // Events already shown are not asked about.
        let shown = play.shown();
        self.done.extend(self.questions.iter().map(|q| q.event).filter(|&e| e < shown));
    }

    /// Turns the mode on or off, answers, continues. Continue returns the playback actions
    /// that show the question's event and, if playback was running, play on.
    pub fn apply(&mut self, action: PredictAction) -> Vec<PlayAction> {
        match action {
            PredictAction::Set(on) => {
                if on != self.on {
                    *self = Predict { on, ..Predict::default() };
                }
                vec![]
            }
            PredictAction::Answer(choice) => {
                if let (Some(q), None) = (self.question(), self.answered) {
                    if choice < q.choices.len() {
                        let right = q.is_correct(choice);
                        self.answered = Some(Answered { choice, right });
                        self.asked += 1;
                        self.right += u32::from(right);
                    }
                }
                vec![]
            }
            PredictAction::Continue => {
                let Some(q) = self.question() else { return vec![] };
                if self.answered.is_none() {
                    return vec![];
                }
                let event = q.event;
                self.done.insert(event);
                self.open = None;
                self.answered = None;
                let mut then = vec![PlayAction::Seek(event + 1)];
                if std::mem::take(&mut self.resume) {
                    then.push(PlayAction::TogglePlay);
                }
                then
            }
        }
    }

    /// Called after a playback action moved from `before` events shown to `play.shown()`:
    /// when a forward motion passed the event of an unanswered question, playback is put back
    /// just before that event, paused, and the question opens.
    pub fn intercept(&mut self, action: &PlayAction, before: usize, was_playing: bool, play: &mut Playback, scenario: &Scenario) {
        if !self.on {
            return;
        }
        let after = play.shown();
        let forward = matches!(action, PlayAction::Tick(_) | PlayAction::TogglePlay | PlayAction::StepForward);
        if !forward {
            // Scrubbing past a question skips it; scrubbing back makes it askable again.
            self.done.retain(|&e| e < after);
            self.done.extend(self.questions.iter().map(|q| q.event).filter(|&e| e < after));
            return;
        }
        if self.open.is_some() {
            // A question is open: playback waits for its answer.
            if after != before {
                play.apply(PlayAction::Seek(before), scenario);
            }
            return;
        }
        let start = before.min(after);
        let Some(i) = self.questions.iter().position(|q| q.event >= start && q.event < after && !self.done.contains(&q.event)) else {
            return;
        };
        self.resume = was_playing || play.playing;
        play.apply(PlayAction::Seek(self.questions[i].event), scenario);
        self.open = Some(i);
        self.answered = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab(stem: &str) -> Scenario {
        packet_engine::examples::all().into_iter().find(|(s, _)| *s == stem).expect("example exists").1
    }

    /// Plays `scenario` from the start with predict mode on until a question opens.
    fn play_until_question(p: &mut Predict, play: &mut Playback, s: &Scenario) -> bool {
        for _ in 0..100_000 {
            let before = play.shown();
            let was = play.playing;
            let action = if play.playing { PlayAction::Tick(50.0) } else { PlayAction::TogglePlay };
            play.apply(action.clone(), s);
            p.intercept(&action, before, was, play, s);
            if p.question().is_some() {
                return true;
            }
            if play.at_end() {
                return false;
            }
        }
        false
    }

    #[test]
    fn the_subset_is_small_distinct_and_in_event_order() {
        for (stem, s) in packet_engine::examples::all() {
            let Ok(run) = crate::playback::Run::new(&s) else { continue };
            let all = questions(&run.outcome.topology, &run.outcome.trace, s.seed);
            let chosen = select(all.clone());
            assert!(chosen.len() <= MAX_QUESTIONS, "{stem}");
            assert!(!all.is_empty() || chosen.is_empty());
            assert!(chosen.windows(2).all(|w| w[0].event < w[1].event), "{stem}: one per event, in order");
            if !all.is_empty() {
                assert!(!chosen.is_empty(), "{stem}: something is asked");
            }
        }
    }

    #[test]
    fn playing_stops_before_the_decision_and_a_wrong_answer_shows_the_right_one() {
        let s = lab("same-network");
        let mut play = Playback::new(&s);
        let mut p = Predict::default();
        p.apply(PredictAction::Set(true));
        p.sync(&play);
        assert!(p.total() > 0);
        assert!(play_until_question(&mut p, &mut play, &s));
        let q = p.question().unwrap().clone();
        // Paused with the decision event not yet shown.
        assert!(!play.playing);
        assert_eq!(play.shown(), q.event);
        // Playing on without an answer does not pass the question.
        play.apply(PlayAction::TogglePlay, &s);
        play.apply(PlayAction::Tick(5_000.0), &s);
        p.intercept(&PlayAction::Tick(5_000.0), q.event, true, &mut play, &s);
        assert_eq!(play.shown(), q.event);
        let wrong = (0..q.choices.len()).find(|&c| c != q.correct).unwrap();
        p.apply(PredictAction::Answer(wrong));
        assert_eq!(p.answered, Some(Answered { choice: wrong, right: false }));
        assert_eq!((p.right, p.asked), (0, 1));
        // A second answer to the same question changes nothing.
        p.apply(PredictAction::Answer(q.correct));
        assert_eq!((p.right, p.asked), (0, 1));
        let then = p.apply(PredictAction::Continue);
        assert_eq!(then[0], PlayAction::Seek(q.event + 1));
        assert_eq!(then.len(), 2, "it was playing, so it plays on");
        for a in then {
            play.apply(a, &s);
        }
        assert_eq!(play.shown(), q.event + 1);
        assert!(p.question().is_none());
        // The next question is a later event, and a right answer scores.
        assert!(play_until_question(&mut p, &mut play, &s));
        let q2 = p.question().unwrap().clone();
        assert!(q2.event > q.event);
        p.apply(PredictAction::Answer(q2.correct));
        assert_eq!((p.right, p.asked), (1, 2));
    }

    #[test]
    fn scrubbing_does_not_ask_and_turning_off_clears() {
        let s = lab("same-network");
        let mut play = Playback::new(&s);
        let mut p = Predict::default();
        p.apply(PredictAction::Set(true));
        p.sync(&play);
        let end = play.run().unwrap().len();
        let before = play.shown();
        play.apply(PlayAction::Seek(end), &s);
        p.intercept(&PlayAction::Seek(end), before, false, &mut play, &s);
        assert!(p.question().is_none());
        assert_eq!(play.shown(), end);
        p.apply(PredictAction::Set(false));
        assert_eq!(p, Predict::default());
    }
}
