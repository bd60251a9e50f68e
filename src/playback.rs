//! Playback of the engine's trace over the current scenario (owned by the playback engineer).
//!
//! STUB written by the editor restructure so `State` compiles: the playback engineer replaces
//! this file. The contract the top-level reducer relies on is `Playback::default()`,
//! `Playback::invalidate()` (the scenario changed: drop the run) and `Playback::apply()`.

use packet_engine::Scenario;

/// Everything about running and replaying the current scenario.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Playback {}

/// Every way playback can change.
#[derive(Clone, Debug, PartialEq)]
pub enum PlayAction {}

impl Playback {
    /// The scenario was edited: any run of the old one no longer applies.
    pub fn invalidate(&mut self) {}

    /// Applies `action` to the playback of `scenario`.
    pub fn apply(&mut self, action: PlayAction, _scenario: &Scenario) {
        match action {}
    }
}
