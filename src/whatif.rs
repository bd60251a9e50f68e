//! What-if comparison (issue 18): "What if…?" freezes the lab and its run as the *original*,
//! the editor goes on with a copy (the *variant*) that the user changes — a mask, a gateway,
//! a route, a cable, a command — and "Run to compare" shows both runs side by side, aligned at
//! the same step, with the engine's sentence about where and why they first part
//! (`packet_engine::trace::diverge`).
//!
//! The variant is the lab in the editor and its run is the ordinary playback (so it goes
//! through the same run path, the Web Worker included); the original keeps the playback it
//! had when the user forked, which needs no second run. Stepping and scrubbing move the
//! variant, and the original follows to the same step ([`WhatIf::follow`]). A pure model: no
//! yew here, tested natively.

use std::rc::Rc;

use packet_engine::trace::diverge::{compare, Comparison};
use packet_engine::{RunOutcome, Scenario};

use crate::playback::{PlayAction, Playback, RunRef};

crate::split_fn! {
    /// The engine's comparison of two runs, in its own wasm module (src/split.rs): code a
    /// first visit never runs (33 KB of wasm), fetched when a what-if starts.
    pub static COMPARE: fn(&RunOutcome, &RunOutcome) -> Comparison = "whatif_compare"::load_compare => compare;
}

/// The lab as it was when "What if…?" was pressed.
#[derive(Clone, Debug, PartialEq)]
pub struct Original {
    /// Its scenario (the editor now holds the variant).
    pub scenario: Rc<Scenario>,
    /// Its playback: the run and where in it the original is shown.
    pub play: Playback,
}

/// The comparison of the two runs, made once both exist.
#[derive(Clone, Debug)]
pub struct Compared {
    /// The engine's comparison.
    pub comparison: Rc<Comparison>,
    /// The variant's run it was made from (by identity: a new run makes a new comparison).
    variant: RunRef,
}

impl PartialEq for Compared {
    fn eq(&self, other: &Self) -> bool {
        self.variant == other.variant && Rc::ptr_eq(&self.comparison, &other.comparison)
    }
}

/// The what-if state: nothing, editing a variant, or comparing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WhatIf {
    /// The original lab and run; `None`: no what-if in progress.
    pub original: Option<Rc<Original>>,
    /// True once the user asked to compare (else the variant is being edited).
    pub comparing: bool,
    /// The comparison, once the variant's run is there.
    pub compared: Option<Compared>,
}

/// Every way the what-if changes.
#[derive(Clone, Debug, PartialEq)]
pub enum WhatIfAction {
    /// Fork: the lab on screen becomes the original, the editor edits a copy.
    Start,
    /// Run to compare: show both runs side by side.
    Compare,
    /// Back to editing the variant.
    EditVariant,
    /// Show both runs at their first difference.
    JumpToDivergence,
    /// Leave the comparison keeping the variant (`true`) or going back to the original.
    Exit { keep_variant: bool },
}

impl WhatIf {
    /// True while a what-if is in progress (editing or comparing).
    pub fn active(&self) -> bool {
        self.original.is_some()
    }

    /// Forks `play` (the run of `scenario`) as the original.
    pub fn start(&mut self, scenario: &Rc<Scenario>, play: &Playback) {
        self.original = Some(Rc::new(Original { scenario: scenario.clone(), play: play.clone() }));
        self.comparing = false;
        self.compared = None;
    }

    /// Makes (or remakes, when the variant ran again) the comparison, and keeps the original
    /// at the variant's step. Called after every change of the state.
    pub fn sync(&mut self, play: &Playback) {
        if !self.comparing {
            return;
        }
        let Some(original) = &self.original else { return };
        let (Some(orun), Some(vrun)) = (original.play.run(), play.run()) else {
            self.compared = None;
            return;
        };
        if self.compared.as_ref().is_none_or(|c| &c.variant != vrun) {
            // Until the comparison's module is here (app.rs fetches it when the what-if starts,
            // then dispatches), the bar says the runs are being compared.
            let Some(compare) = COMPARE.get() else {
                self.compared = None;
                return;
            };
            let comparison = Rc::new(compare(&orun.outcome, &vrun.outcome));
            self.compared = Some(Compared { comparison, variant: vrun.clone() });
        }
        self.follow(play);
    }

    /// Moves the original to the variant's step (the same number of significant events shown)
    /// and, within it, to the variant's simulated time, so its frames move along while playing.
    fn follow(&mut self, play: &Playback) {
        let (Some(compared), Some(original)) = (&self.compared, &mut self.original) else { return };
        let Some(len) = original.play.run().map(|r| r.len()) else { return };
        let shown = compared.comparison.original_shown(play.shown(), len);
        let mut moved = original.play.clone();
        moved.follow(shown, play.sim_now());
        // Compared by position only: a deep comparison of the tables every frame is not needed.
        if (moved.shown(), moved.clock()) != (original.play.shown(), original.play.clock()) {
            Rc::make_mut(original).play = moved;
        }
    }

    /// Where the variant is shown to reach the first difference: (variant shown, original shown).
    pub fn divergence_shown(&self) -> Option<(usize, usize)> {
        let d = self.compared.as_ref()?.comparison.divergence.clone()?;
        let original_len = self.original.as_ref()?.play.run()?.len();
        let v = d.variant.map_or(usize::MAX, |i| i + 1);
        let o = d.original.map_or(original_len, |i| i + 1);
        Some((v, o))
    }

    /// Shows the original at exactly `shown` events (the divergence's own event, which
    /// [`WhatIf::follow`] would place after the events that trail the step before it).
    pub fn show_original(&mut self, shown: usize) {
        if let Some(original) = &mut self.original {
            let scenario = original.scenario.clone();
            Rc::make_mut(original).play.apply(PlayAction::Seek(shown), &scenario);
        }
    }

    /// The sentence about the two runs, when comparing (the engine's message: the bar words
    /// it with `tr.msg`).
    pub fn sentence(&self) -> Option<&packet_engine::msg::Msg> {
        self.compared.as_ref().map(|c| &c.comparison.sentence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::{EditAction, Field};
    use crate::state::{Action, Example, State};
    use yew::Reducible;

    fn two_subnets() -> Rc<State> {
        let examples: Vec<Example> = packet_engine::examples::all()
            .into_iter()
            .map(|(stem, scenario)| Example { stem, scenario: Rc::new(scenario) })
            .collect();
        let two = examples.iter().position(|e| e.stem == "two-subnets").unwrap();
        Rc::new(State::new(examples, None)).reduce(Action::LoadExample(two))
    }

    fn apply(mut s: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        for a in actions {
            s = s.reduce(a);
        }
        s
    }

    #[test]
    fn a_what_if_with_a_wider_mask_compares_both_runs_and_steps_them_together() {
        let s = two_subnets();
        let original = s.edit.scenario.clone();
        let pc1 = original.devices.iter().position(|d| d.id == "pc1").unwrap();
        let s = apply(s, [Action::Play(PlayAction::Seek(5)), Action::WhatIf(WhatIfAction::Start)]);
        assert!(s.whatif.active() && !s.whatif.comparing);
        let s = apply(
            s,
            [
                Action::Edit(EditAction::SetField(Field::Address(pc1, 0), "192.168.1.10/16".into())),
                Action::WhatIf(WhatIfAction::Compare),
            ],
        );
        assert_eq!(s.whatif.original.as_ref().unwrap().scenario, original, "the original is kept as it was");
        let sentence = s.whatif.sentence().expect("compared").to_string();
        assert!(sentence.contains("pc1 ARPs for pc2 directly instead of for its gateway 192.168.1.1"), "{sentence}");
        // The same sentence in the reader's language (issue 17), the change phrase capitalised.
        let m = s.whatif.sentence().unwrap();
        let de = crate::i18n::tr("de").msg(m);
        assert!(de.starts_with("Mit 192.168.1.10/16 auf pc1 (statt /24): pc1 und pc2 sind im selben Netz"), "{de}");
        let fr = crate::i18n::tr("fr").msg(m);
        assert!(fr.starts_with("Avec 192.168.1.10/16 sur pc1 (au lieu de /24), pc1 et pc2 sont sur le même réseau"), "{fr}");
        // Stepping moves both runs: before the divergence they show the same event.
        let s = apply(s, [Action::Play(PlayAction::Seek(3)), Action::Play(PlayAction::StepForward)]);
        let o = &s.whatif.original.as_ref().unwrap().play;
        assert_eq!((s.play.shown(), o.shown()), (4, 4));
        // Jump: both at their first differing event, the inspector open on it.
        let s = apply(s, [Action::WhatIf(WhatIfAction::JumpToDivergence)]);
        let d = s.whatif.compared.as_ref().unwrap().comparison.divergence.clone().unwrap();
        let o = &s.whatif.original.as_ref().unwrap().play;
        assert_eq!((s.play.current(), o.current()), (d.variant, d.original));
        assert!(s.inspect.open);
        // Keeping the original brings its lab back; keeping the variant keeps the edit.
        let back = apply(s.clone(), [Action::WhatIf(WhatIfAction::Exit { keep_variant: false })]);
        assert_eq!((back.edit.scenario.clone(), back.whatif.active()), (original.clone(), false));
        let kept = apply(s, [Action::WhatIf(WhatIfAction::Exit { keep_variant: true })]);
        assert_eq!(kept.edit.scenario.devices[pc1].interfaces[0].address.as_deref(), Some("192.168.1.10/16"));
        assert!(!kept.whatif.active());
    }

    #[test]
    fn a_share_link_round_trips_the_what_if() {
        let s = two_subnets();
        let pc1 = s.edit.scenario.devices.iter().position(|d| d.id == "pc1").unwrap();
        let s = apply(
            s,
            [
                Action::WhatIf(WhatIfAction::Start),
                Action::Edit(EditAction::SetField(Field::Address(pc1, 0), "192.168.1.10/16".into())),
                Action::WhatIf(WhatIfAction::Compare),
                Action::Play(PlayAction::Seek(9)),
            ],
        );
        let link = crate::share::SharedLab::capture(&s.edit, &s.play, 100).with_whatif(&s.whatif);
        let link = crate::share::decode(&crate::share::encode(&link)).unwrap();
        let opened = apply(two_subnets(), [Action::LoadExample(0), Action::OpenShared(Rc::new(link))]);
        assert_eq!(opened.edit.scenario, s.edit.scenario);
        assert_eq!(opened.whatif.original.as_ref().unwrap().scenario, s.whatif.original.as_ref().unwrap().scenario);
        assert_eq!((opened.whatif.comparing, opened.play.shown()), (true, 9));
        assert_eq!(opened.whatif.sentence(), s.whatif.sentence());
        assert_eq!(opened.whatif.original.as_ref().unwrap().play.shown(), s.whatif.original.as_ref().unwrap().play.shown());
    }

    #[test]
    fn loading_another_example_ends_the_what_if() {
        let s = apply(two_subnets(), [Action::WhatIf(WhatIfAction::Start), Action::LoadExample(0)]);
        assert!(!s.whatif.active());
    }
}
