//! Keeping the lab: autosave to `localStorage` and restore on load, and the lab file's
//! import (read a chosen file) and export (download).
//!
//! The stored text is exactly the engine's scenario format (`Scenario::to_json_pretty`), so a
//! reload restores the lab exactly and an exported file opens in `packet-lab-run`. Storage can
//! be unavailable (private windows, sandboxed iframes): then nothing is saved and the app
//! still works.

use packet_engine::scenario::CommandSpec;
use packet_engine::Scenario;

use yew::Callback;

/// The `localStorage` key of the autosaved lab (versioned with the file format).
const LAB_KEY: &str = "packet-lab.lab.v1";
/// The key of the stem of the example the lab started from, if any.
const EXAMPLE_KEY: &str = "packet-lab.example.v1";
/// The key of the commands typed in the lab's terminal (the scenario's `commands` format).
const TYPED_KEY: &str = "packet-lab.typed.v1";
/// The key of the interface language the user picked (a tag of `locales/`).
const LANG_KEY: &str = "packet-lab.lang.v1";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps the picked interface language for the next visit.
pub fn save_lang(tag: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANG_KEY, tag);
    }
}

/// The interface language picked on an earlier visit, if any.
pub fn load_lang() -> Option<String> {
    local_storage()?.get_item(LANG_KEY).ok().flatten()
}

thread_local! {
    /// The lab to save next and its example's stem: the latest asked for wins when saves wait
    /// for the engine's module (writing JSON is engine code).
    static UNSAVED: std::cell::RefCell<Option<(std::rc::Rc<Scenario>, Option<&'static str>)>> = const { std::cell::RefCell::new(None) };
}

/// Saves `scenario` (and the stem of the example it started from) for the next visit: at once
/// when the engine's module is here (it writes the JSON), else when it arrives. Saves asked for
/// meanwhile keep only the latest.
pub fn save(scenario: std::rc::Rc<Scenario>, example: Option<&'static str>) {
    UNSAVED.with(|u| *u.borrow_mut() = Some((scenario, example)));
    crate::playback::engine::with(|engine| {
        let Some((scenario, example)) = UNSAVED.with(|u| u.borrow_mut().take()) else { return };
        let Some(storage) = local_storage() else { return };
        // A full or refused storage loses only the autosave, never the lab on screen.
        let _ = storage.set_item(LAB_KEY, &(engine.lab_text)(&scenario));
        let _ = match example {
            Some(stem) => storage.set_item(EXAMPLE_KEY, stem),
            None => storage.remove_item(EXAMPLE_KEY),
        };
    });
}

/// The autosaved lab and its example stem, if a valid one is stored.
pub fn load() -> Option<(Scenario, Option<String>)> {
    let storage = local_storage()?;
    let text = storage.get_item(LAB_KEY).ok().flatten()?;
    let example = storage.get_item(EXAMPLE_KEY).ok().flatten();
    decode(&text).map(|s| (s, example))
}

/// True when a lab is stored (or its typed commands, or a lab a link replaced): text the page
/// reads at load with the engine's JSON reader (src/boot.rs).
pub fn has_text() -> bool {
    let Some(storage) = local_storage() else { return false };
    [LAB_KEY, TYPED_KEY, crate::components::PREVIOUS_KEY].iter().any(|key| storage.get_item(key).ok().flatten().is_some())
}

/// Saves the commands typed in the lab's terminal, so a reload runs them again. (A command is
/// typed only with the engine's module here: it parses them, and writes their JSON.)
pub fn save_typed(typed: &[CommandSpec]) {
    let Some(storage) = local_storage() else { return };
    if typed.is_empty() {
        let _ = storage.remove_item(TYPED_KEY);
    } else if let Some(engine) = crate::playback::engine::get() {
        let _ = storage.set_item(TYPED_KEY, &(engine.typed_text)(typed));
    }
}

/// The commands typed in the lab before the reload (none when nothing valid is stored).
pub fn load_typed() -> Vec<CommandSpec> {
    local_storage().and_then(|s| s.get_item(TYPED_KEY).ok().flatten()).map_or_else(Vec::new, |t| decode_typed(&t))
}

/// Typed commands as stored: a JSON array in the scenario file's `commands` format.
pub fn encode_typed(typed: &[CommandSpec]) -> String {
    serde_json::to_string(typed).unwrap_or_else(|_| "[]".into())
}

/// The stored text back as commands; anything unreadable is dropped (the lab still loads).
pub fn decode_typed(text: &str) -> Vec<CommandSpec> {
    serde_json::from_str(text).unwrap_or_default()
}

/// The stored text back as a lab; `None` when it does not read as one (then the first visit's
/// example is shown instead). Engine code (src/boot.rs), which validates it too.
pub fn decode(text: &str) -> Option<Scenario> {
    Scenario::from_json_unchecked(text).ok()
}

/// A file name for the lab: its title in lower case with runs of other characters as one
/// dash, ".json" added ("Same network" → "same-network.json").
pub fn file_name(scenario: &Scenario) -> String {
    let mut slug = String::new();
    for c in scenario.name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    format!("{}.json", if slug.is_empty() { "lab" } else { slug })
}

/// Offers the lab as a file download (when the engine's module, which writes its JSON, is
/// here: at once, or as soon as it arrives).
pub fn download(scenario: std::rc::Rc<Scenario>) {
    crate::playback::engine::with(move |engine| {
        let text = (engine.lab_text)(&scenario) + "\n";
        crate::download::offer(text.as_bytes(), &file_name(&scenario), "application/json");
    });
}

/// Reads a chosen file's text and hands `(file name, text)` to `done`.
pub fn read_file(file: web_sys::File, done: Callback<(String, String)>) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(value) => value.as_string().unwrap_or_default(),
            // An unreadable file is reported like an invalid one: the lab stays as it is.
            Err(_) => String::new(),
        };
        done.emit((name, text));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_survives_the_round_trip_exactly() {
        for (stem, scenario) in packet_engine::examples::all() {
            assert_eq!(decode(&scenario.to_json_pretty()), Some(scenario), "{stem}");
        }
    }

    #[test]
    fn edited_positions_survive_exactly() {
        let (_, mut s) = packet_engine::examples::all().into_iter().next().unwrap();
        s.devices[0].position = Some([123.0, -45.0]);
        s.devices[1].position = Some([0.1 + 0.2, 1e-7]);
        assert_eq!(decode(&s.to_json_pretty()), Some(s));
    }

    #[test]
    fn garbage_is_not_restored() {
        assert_eq!(decode(""), None);
        assert_eq!(decode("{ \"devices\": 3 }"), None);
    }

    #[test]
    fn file_names_are_slugs_of_the_title() {
        let mut s = Scenario::from_json("{}").unwrap();
        s.name = "Same network".into();
        assert_eq!(file_name(&s), "same-network.json");
        s.name = "  To the internet!! (v2) ".into();
        assert_eq!(file_name(&s), "to-the-internet-v2.json");
        s.name = "ÄÖ".into();
        assert_eq!(file_name(&s), "lab.json");
    }

    #[test]
    fn typed_commands_survive_the_round_trip_and_garbage_is_dropped() {
        let typed = vec![CommandSpec { at_ms: 1201, device: "pc2".into(), run: "ping -c 1 10.10.10.1".into() }];
        assert_eq!(decode_typed(&encode_typed(&typed)), typed);
        assert!(decode_typed("{nope").is_empty());
    }
}
