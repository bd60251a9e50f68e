//! The first visit's run, precomputed: a first visit shows its example playing before the
//! engine's module (`super::engine`) has arrived, so the page's first load carries no engine
//! (issue 15). The bytes are the engine's own outcome of that example in the codec's compact
//! form (`packet_engine::codec`, what the worker hands back), decoded here as a worker's are;
//! a native test (`the_first_visits_run_is_the_engines`) fails when they are not exactly the
//! engine's run, and `PACKET_LAB_BLESS=1 cargo test -p packet-lab first_visit` rewrites them.
//! The run's lab, validated, is precomputed the same way (`first-visit.lab`, the codec's
//! `lab` form): validation is engine code too, and decoding a run needs the lab's topology.
//! And so are its words (`first-visit.words`, the codec's `words` form): the rows' frame
//! summaries, the classes and the explanations come from the wire decoders and
//! `explain_msg`, engine code the first load does not carry.

use std::rc::Rc;
use std::sync::Arc;

use packet_engine::codec::words::EventWords;

use packet_engine::scenario::Scenario;
use packet_engine::RunOutcome;

/// The run of [`crate::story::FIRST_VISIT`] under the browser's budget, encoded.
pub(super) const OUTCOME: &[u8] = include_bytes!("first-visit.run");

/// That run's lab (under the browser's budget), validated, encoded.
pub(super) const LAB: &[u8] = include_bytes!("first-visit.lab");

/// That run's words (each frame's protocol and summary, each event's explanation), encoded:
/// wording a run decodes its frames, and the decoders and the explanations are engine code.
pub(super) const WORDS: &[u8] = include_bytes!("first-visit.words");

thread_local! {
    /// The first visit's example without what does not change a run.
    static VISIT: Option<Scenario> = crate::examples::get(crate::story::FIRST_VISIT).map(|lab| lab.strip());
}

/// The run of `lab` when it is the first visit's example, with its words: devices moved, or
/// its title changed, still are.
pub(super) fn outcome(lab: &Scenario) -> Option<(RunOutcome, Rc<[EventWords]>)> {
    let same = VISIT.with(|visit| visit.as_ref() == Some(&lab.strip()));
    let topology = same.then(|| packet_engine::codec::lab::decode(LAB).ok()).flatten()?;
    let outcome = packet_engine::codec::decode(OUTCOME, Arc::new(topology)).ok()?;
    let words = packet_engine::codec::words::decode(WORDS).ok()?;
    Some((outcome, words.into()))
}
