//! The page's engine (the simulation: every protocol, the event loop) is code in its own wasm
//! module (src/split.rs), fetched right after the first paint: issue 15's first load carries
//! the page and what its first visit shows, and the first visit's run is precomputed
//! (`super::first_visit`, with its words: each frame's class and summary, each event's
//! explanation). What stays in the page is what reads a run: the tables, the rows' phrases,
//! the codec's decoder (docs/size.md, "the engine split"). Validation of a lab, the command
//! parser, and reading and writing a lab's JSON are the engine's too: a visit with a lab to
//! read (a stored lab, a link) boots when the module is here (`crate::boot`), and the page
//! saves and exports through it ([`with`]).
//!
//! Until the module is here, a lab's run waits (`super::pending::Place::Engine`). Natively
//! (the tests) the engine is always here.

use packet_engine::msg::Msg;
use packet_engine::scenario::{Command, Scenario, Topology};
use packet_engine::trace::TraceEvent;
use packet_engine::wire::Protocol;
use packet_engine::{RunOutcome, Simulation};

/// The engine's entry points, as the page and the exercises' judge call them. Plain function
/// pointers: what they reach is in the engine's module, not the page's.
#[derive(Clone, Copy)]
pub struct Engine {
    /// A lab's simulation (its error is the validation message, with the field's path).
    pub new: fn(&Scenario) -> Result<Simulation, Msg>,
    /// At least this much more work; true when the run is over.
    pub step: fn(&mut Simulation, u64) -> bool,
    /// The outcome of a run that `step` finished.
    pub finish: fn(Simulation) -> RunOutcome,
    /// A validated lab's whole run (the exercises' checks).
    pub run: fn(&Topology) -> RunOutcome,
    /// The editor's actions.
    pub edit: fn(&mut crate::editor::Editor, crate::editor::EditAction) -> crate::editor::Effect,
    /// A lab's validation (its error names the field's path).
    pub validate: fn(&Scenario) -> Result<Topology, packet_engine::scenario::ScenarioError>,
    /// A typed command's parse.
    pub command: fn(&str) -> Result<Command, Msg>,
    /// A frame's protocol (its class in the event list): a decode of the frame.
    pub protocol: fn(&[u8]) -> Protocol,
    /// A frame's one-line summary (its row in the event list).
    pub summarize: fn(&[u8]) -> String,
    /// An event's explanation.
    pub explain: fn(&TraceEvent) -> Msg,
    /// A run's story index (the website visit's chapters), which decodes every frame.
    pub story: fn(&RunOutcome) -> crate::story::StoryIndex,
    /// The page's state at load, read from the stored lab and the URL (src/boot.rs): reading a
    /// lab's JSON is engine code.
    pub boot: fn() -> crate::state::State,
    /// A stored lab's text read back, unvalidated (`None`: it does not read as a lab).
    pub read_lab: fn(&str) -> Option<Scenario>,
    /// A lab's text: the lab file's format (`Scenario::to_json_pretty`), what the page stores,
    /// exports and hands its worker. Writing JSON is engine code too.
    pub lab_text: fn(&Scenario) -> String,
    /// Typed commands' text as stored (`crate::storage::encode_typed`).
    pub typed_text: fn(&[packet_engine::scenario::CommandSpec]) -> String,
}

fn engine() -> Engine {
    // The rest of the engine's English messages are bytes of this module (issue 15): handed to
    // the catalogues the first time the engine is asked for (`crate::i18n::sources`).
    crate::i18n::add_english(packet_engine::msg::ENGLISH_MORE, crate::i18n::ENGLISH_VIEWS);
    packet_engine::msg::add_english_more();
    Engine {
        new: |lab| Simulation::new(lab).map_err(|e| e.with_path()),
        step: Simulation::step,
        finish: Simulation::finish,
        run: |topology| Simulation::from_topology(topology).run(),
        edit: crate::editor::Editor::apply,
        validate: Scenario::validate,
        command: Command::parse,
        protocol: packet_engine::wire::protocol,
        summarize: packet_engine::wire::summarize,
        explain: TraceEvent::explain_msg,
        story: crate::story::StoryIndex::new,
        boot: crate::boot::full,
        read_lab: crate::storage::decode,
        lab_text: Scenario::to_json_pretty,
        typed_text: crate::storage::encode_typed,
    }
}

crate::split_fn! {
    /// The engine's module: 224 KB of wasm (104 KB gzip) the first load does not carry.
    pub static ENGINE: fn() -> Engine = "engine"::load_engine => engine;
}

/// The engine, once its module is here (natively, always but in tests that [`hide`] it).
pub fn get() -> Option<Engine> {
    #[cfg(test)]
    if HIDDEN.with(std::cell::Cell::get) {
        return None;
    }
    ENGINE.get().map(|f| f())
}

/// Calls `f` with the engine: at once when its module is here, else when it has arrived
/// (fetched if need be). When it cannot be fetched the call is dropped; the page says so where
/// the run would be (src/split.rs `SplitFailed`).
pub fn with(f: impl FnOnce(Engine) + 'static) {
    if let Some(engine) = get() {
        f(engine);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        if ENGINE.load().await {
            if let Some(engine) = get() {
                f(engine);
            }
        }
    });
}

#[cfg(test)]
thread_local! {
    static HIDDEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Tests: the engine's module not here yet (`true`), or here.
#[cfg(test)]
pub fn hide(hidden: bool) {
    HIDDEN.with(|h| h.set(hidden));
}
