//! Interface languages: the Fluent catalogues of `locales/`, the language in use, and the
//! `tr!` macro every view formats its text with (issue 17; docs/languages.md).
//!
//! Why Fluent (`fluent-bundle`, Mozilla's reference implementation): a message's grammar lives
//! in the catalogue, not in code — plurals by the language's CLDR rules ("1 Gerät", "2 Geräte";
//! French counts 0 as singular), selectors and arguments — so a translator changes one file and
//! no Rust. The catalogues are compiled in (build.rs writes the table of `locales/*/*.ftl`), so
//! the lab stays one offline bundle; each is parsed once, when its language is first used.
//!
//! The engine stays free of this: it emits typed facts, and the views word them. Text a message
//! lacks in a language falls back to English (a test fails when any message is missing).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use unic_langid::LanguageIdentifier;

/// One language of `locales/` (build.rs writes the table).
pub struct Locale {
    /// Its BCP 47 tag, the folder's name ("de").
    pub tag: &'static str,
    /// Its name in itself, the catalogue's `language-name` ("Deutsch"), for the picker.
    pub name: &'static str,
    /// The Fluent sources compiled in: English always, every language in native builds.
    pub sources: &'static [&'static str],
    /// The files fetched when the language is picked (browser builds, every language but
    /// English): `locales/<tag>/<file>.ftl?h=<hash of its contents>`.
    pub fetch: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language used when nothing else is asked for, and the one every other falls back to.
pub const DEFAULT: &str = "en";

/// The pseudo-locale: English with every letter of the catalogue's text accented and each
/// message bracketed, so a string that does not come from the catalogue stands out (the
/// untranslated-string browser test). Reached with `?lang=qps-ploc`; not in the picker.
pub const PSEUDO: &str = "qps-ploc";

/// One language's catalogue, ready to format messages.
pub struct Tr {
    tag: &'static str,
    /// In a `RefCell`: English (and the pseudo-locale) gain the engine's other messages when
    /// its module arrives ([`add_english`]).
    bundle: RefCell<FluentBundle<FluentResource>>,
    /// English, for a message this language lacks (never for English itself).
    fallback: Option<Rc<Tr>>,
}

impl PartialEq for Tr {
    fn eq(&self, other: &Self) -> bool {
        self.tag == other.tag
    }
}

impl std::fmt::Debug for Tr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tr({})", self.tag)
    }
}

thread_local! {
    /// Catalogues already parsed, by tag: a language is parsed once per page.
    static LOADED: RefCell<Vec<Rc<Tr>>> = const { RefCell::new(Vec::new()) };
    /// Languages whose files are being fetched.
    static FETCHING: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// The tags of the interface languages, in the picker's order (folder names, sorted).
pub fn languages() -> impl Iterator<Item = &'static str> {
    LOCALES.iter().map(|l| l.tag)
}

/// The name of language `tag` in itself ("Deutsch"), known before its catalogue is fetched.
pub fn language_name(tag: &str) -> &'static str {
    LOCALES.iter().find(|l| l.tag == tag).map_or("", |l| l.name)
}

/// `tag` if it is a language of `locales/` (or the pseudo-locale), as its static tag.
pub fn known(tag: &str) -> Option<&'static str> {
    if tag.eq_ignore_ascii_case(PSEUDO) {
        return Some(PSEUDO);
    }
    LOCALES.iter().map(|l| l.tag).find(|t| t.eq_ignore_ascii_case(tag))
}

/// The first of the browser's preferred languages (`navigator.languages`, best first) that the
/// lab has, matched on the primary subtag ("de-AT" → "de"); English if none.
pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> &'static str {
    for want in preferred {
        let primary = want.split(['-', '_']).next().unwrap_or(want);
        if let Some(tag) = known(want).filter(|t| *t != PSEUDO).or_else(|| known(primary).filter(|t| *t != PSEUDO)) {
            return tag;
        }
    }
    DEFAULT
}

/// The catalogue of `tag` (English for an unknown tag), parsed on first use. A language
/// whose files are fetched ([`load`]) is English until they have arrived.
pub fn tr(tag: &str) -> Rc<Tr> {
    let tag = known(tag).unwrap_or(DEFAULT);
    if let Some(t) = LOADED.with(|l| l.borrow().iter().find(|t| t.tag == tag).cloned()) {
        return t;
    }
    if !fetched(tag).is_empty() {
        return tr(DEFAULT);
    }
    let source_tag = if tag == PSEUDO { DEFAULT } else { tag };
    Tr::new(tag, sources(source_tag).map(str::to_owned)).keep()
}

/// The files language `tag` is fetched from, if it is not compiled in.
fn fetched(tag: &str) -> &'static [&'static str] {
    LOCALES.iter().find(|l| l.tag == tag).map_or(&[], |l| l.fetch)
}

impl Tr {
    /// Parses the sources of `tag` into a bundle and keeps it for the page. A syntax error in a
    /// catalogue is a bug the catalogue test catches; here the entries that did parse are kept.
    fn new(tag: &'static str, sources: impl Iterator<Item = String>) -> Tr {
        let source_tag = if tag == PSEUDO { DEFAULT } else { tag };
        let id: LanguageIdentifier = source_tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![id]);
        // No Unicode isolation marks around arguments: the text goes into the DOM, where names
        // and addresses are plain left-to-right text, and tests read it back.
        bundle.set_use_isolating(false);
        if tag == PSEUDO {
            bundle.set_transform(Some(pseudo));
        }
        add_sources(&mut bundle, sources);
        let fallback = (tag != DEFAULT && tag != PSEUDO).then(|| tr(DEFAULT));
        Tr { tag, bundle: RefCell::new(bundle), fallback }
    }

    fn keep(self) -> Rc<Tr> {
        let t = Rc::new(self);
        LOADED.with(|l| l.borrow_mut().push(t.clone()));
        t
    }
}

/// True when the catalogue of `tag` can be used now (compiled in, or fetched already).
pub fn ready(tag: &str) -> bool {
    fetched(tag).is_empty() || LOADED.with(|l| l.borrow().iter().any(|t| t.tag == tag))
}

/// Fetches the catalogue of `tag` if it is not compiled in and not here yet, then calls
/// `done` with whether it can be used now ([`ready`]): at once when there is nothing to fetch,
/// else once the files arrived or failed to. A language none of whose files arrived (offline
/// before it was ever used, a broken deployment) is not ready, and a later `load` retries; a
/// file of several that did not arrive leaves only its own messages in English. While a
/// language's files are on their way, a second `load` of it does not call its `done`: the
/// first one's caller hears the result. The service worker keeps the files for offline use
/// (static/sw.js).
pub fn load(tag: &'static str, done: impl FnOnce(bool) + 'static) {
    let files = fetched(tag);
    if ready(tag) {
        done(true);
        return;
    }
    if FETCHING.with(|f| f.borrow().contains(&tag)) {
        return;
    }
    FETCHING.with(|f| f.borrow_mut().push(tag));
    wasm_bindgen_futures::spawn_local(async move {
        // Every file is asked for at once (one round trip, not one per file), then read in order.
        let requests: Vec<_> = files.iter().map(|file| web_sys::window().map(|w| w.fetch_with_str(file))).collect();
        let mut texts = Vec::with_capacity(files.len());
        for request in requests {
            if let Some(text) = read_text(request).await {
                texts.push(text);
            }
        }
        if !texts.is_empty() {
            Tr::new(tag, texts.into_iter()).keep();
        }
        FETCHING.with(|f| f.borrow_mut().retain(|t| *t != tag));
        done(ready(tag));
    });
}

/// The text of a fetched file, or None (offline and not cached, 404).
async fn read_text(request: Option<js_sys::Promise>) -> Option<String> {
    use wasm_bindgen::JsCast;
    let response = wasm_bindgen_futures::JsFuture::from(request?).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}

fn add_sources(bundle: &mut FluentBundle<FluentResource>, sources: impl Iterator<Item = String>) {
    for source in sources {
        let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _)| partial);
        // A duplicate id keeps the first definition.
        let _ = bundle.add_resource(resource);
    }
}

thread_local! {
    /// The engine's English messages that came with its module ([`add_english`]).
    static ENGLISH_MORE: Cell<&'static [&'static str]> = const { Cell::new(&[]) };
    /// The app's English messages that came with it (build.rs `LATER`, [`add_english`]).
    static VIEWS: Cell<&'static [&'static str]> = const { Cell::new(&[]) };
}

/// The Fluent sources of `tag`. English's engine messages (`locales/en/engine-*.ftl`) are the
/// engine's own copy (`packet_engine::msg::ENGLISH`, which words the runner's and the goldens'
/// English), so build.rs leaves them out of this table: the wasm holds them once.
///
/// In the browser the page compiles in `ENGLISH` only: `ENGLISH_MORE` (the diagnoses, predict
/// mode, the exercises' checks, the what-if, the inspector's notes, STP, IPv6 and path MTU) is
/// bytes of the engine's module, which hands it over when it arrives ([`add_english`]). Every
/// message of it is worded only after that: each such run waits for the engine, every split
/// view waits for it too (src/split.rs), and the first visit's run is worded without them
/// (`the_first_visit_is_worded_without_the_engines_messages`). Natively it is always here.
/// So are the app's own messages of views drawn only from a split module (the device and
/// link panels, the inspector: build.rs `LATER`, `ENGLISH_VIEWS`), handed over with them.
fn sources(tag: &str) -> impl Iterator<Item = &'static str> {
    let own = LOCALES.iter().find(|l| l.tag == tag).map_or(&[][..], |l| l.sources);
    let (engine, more, views): (&[&str], &[&str], &[&str]) = if tag == DEFAULT {
        #[cfg(not(target_arch = "wasm32"))]
        let more = packet_engine::msg::ENGLISH_MORE;
        #[cfg(target_arch = "wasm32")]
        let more = ENGLISH_MORE.with(Cell::get);
        (packet_engine::msg::ENGLISH, more, VIEWS.with(Cell::get))
    } else {
        (&[], &[], &[])
    };
    own.iter().chain(engine).chain(more).chain(views).copied()
}

/// The engine's module arrived with the rest of its English messages (`more`) and the app's
/// messages of split views (`views`, build.rs `LATER`: empty natively, where `own` has them):
/// English and the pseudo-locale, parsed already or not yet, have them from now on (another
/// language falls back to English for what it lacks). Once.
pub fn add_english(more: &'static [&'static str], views: &'static [&'static str]) {
    if !ENGLISH_MORE.with(Cell::get).is_empty() {
        return;
    }
    ENGLISH_MORE.with(|m| m.set(more));
    VIEWS.with(|m| m.set(views));
    LOADED.with(|loaded| {
        for t in loaded.borrow().iter().filter(|t| t.tag == DEFAULT || t.tag == PSEUDO) {
            add_sources(&mut t.bundle.borrow_mut(), more.iter().chain(views).map(|s| (*s).to_owned()));
        }
    });
}

/// The pseudo-locale's transform of a text element: letters accented, so they are still
/// readable but never plain ASCII.
fn pseudo(text: &str) -> Cow<'_, str> {
    const FROM: &str = "aceinouyACEINOUY";
    const TO: [char; 16] = ['å', 'ç', 'é', 'í', 'ñ', 'ø', 'ü', 'ý', 'Å', 'Ç', 'É', 'Í', 'Ñ', 'Ø', 'Ü', 'Ý'];
    Cow::Owned(text.chars().map(|c| FROM.find(c).map_or(c, |i| TO[i])).collect())
}

impl Tr {
    /// The BCP 47 tag of this catalogue ("de"), for `<html lang>` and links.
    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// Message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// Message `id` with arguments.
    pub fn f(&self, id: &str, args: &FluentArgs) -> String {
        self.format(id, Some(args))
    }

    /// Message `id` of this language's own catalogue, without falling back to English.
    pub fn own(&self, id: &str) -> Option<String> {
        let bundle = self.bundle.borrow();
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(bundle.format_pattern(pattern, None, &mut errors).into_owned())
    }

    /// A text whose English is a file's own (a built-in example's description), in this
    /// language: message `id` of this language's catalogue where it has it, else `english` as
    /// it is. The pseudo-locale accents and brackets it as if it came from the catalogue, so
    /// the untranslated-string test tells a view that words it through here from one that
    /// shows the file's text directly.
    pub fn file_text(&self, id: &str, english: &str) -> String {
        match self.own(id) {
            Some(text) => text,
            None if self.tag == PSEUDO => format!("[{}]", pseudo(english)),
            None => english.to_owned(),
        }
    }

    /// The texts of exercise `id` in this language from the catalogue (`ex-<id>-title`,
    /// `-story`, `-hint-<n>`, `-solved`: the built-in course's German and French,
    /// locales/<tag>/exercises.ftl), if it has them; English is the exercise file's own.
    pub fn exercise_text(&self, id: &str) -> Option<packet_engine::exercise::ExerciseText> {
        let title = self.own(&format!("ex-{id}-title"))?;
        Some(packet_engine::exercise::ExerciseText {
            title: Some(title),
            story: self.own(&format!("ex-{id}-story")),
            hints: (1..).map_while(|n| self.own(&format!("ex-{id}-hint-{n}"))).collect(),
            solved_text: self.own(&format!("ex-{id}-solved")),
        })
    }

    /// A sentence of the engine (an explanation, a diagnosis, a check, a validation message),
    /// worded in this language; nested sentences too.
    pub fn msg(&self, m: &packet_engine::msg::Msg) -> String {
        m.word(&mut |id, args| self.f(id, args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        {
            let bundle = self.bundle.borrow();
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
                return if self.tag == PSEUDO { format!("[{text}]") } else { text };
            }
        }
        match &self.fallback {
            Some(english) => english.format(id, args),
            // A missing id shows as itself: visible, and the catalogue test names it.
            None => id.to_owned(),
        }
    }
}

/// The catalogue of the language in use, from the context [`crate::app::App`] provides.
#[yew::hook]
pub fn use_tr() -> Rc<Tr> {
    yew::use_context::<Rc<Tr>>().unwrap_or_else(|| tr(DEFAULT))
}

/// Formats a message of the catalogue: `tr!(tr, "id")` or `tr!(tr, "id", name = value, …)`,
/// where a value is a string or a number (`FluentValue: From`).
#[macro_export]
macro_rules! tr {
    ($tr:expr, $id:literal) => {
        $tr.t($id)
    };
    ($tr:expr, $id:literal, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = fluent_bundle::FluentArgs::new();
        $(args.set(stringify!($key), $value);)+
        $tr.f($id, &args)
    }};
}

/// Tests: the messages of `m` (and of the messages it nests) that English without the
/// engine's `ENGLISH_MORE` cannot word, each with what went wrong.
#[cfg(test)]
pub fn missing_without_more(m: &packet_engine::msg::Msg) -> Vec<String> {
    let own = LOCALES.iter().find(|l| l.tag == DEFAULT).map_or(&[][..], |l| l.sources);
    let core = Tr::new(DEFAULT, own.iter().chain(packet_engine::msg::ENGLISH).map(|s| (*s).to_owned()));
    let bundle = core.bundle.borrow();
    let mut missing = Vec::new();
    m.word(&mut |id, args| match bundle.get_message(id).and_then(|m| m.value()) {
        Some(pattern) => {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(args), &mut errors).into_owned();
            missing.extend(errors.iter().map(|e| format!("{id}: {e:?}")));
            text
        }
        None => {
            missing.push(id.to_owned());
            id.to_owned()
        }
    });
    missing
}

#[cfg(test)]
mod tests;

/// The `lang=` parameter of a page's query (`location.search`, with or without `?`), if it
/// names a language of the lab. An unknown tag is ignored (the page opens in the default).
pub fn from_query(search: &str) -> Option<&'static str> {
    let search = search.strip_prefix('?').unwrap_or(search);
    search.split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(known)
}

/// The language a page opens in: the link's `lang=`, else the one picked on an earlier visit,
/// else the browser's preferred languages, else English.
pub fn at_boot() -> &'static str {
    let window = web_sys::window();
    let search = window.as_ref().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if let Some(tag) = from_query(&search) {
        return tag;
    }
    if let Some(tag) = crate::storage::load_lang().as_deref().and_then(known) {
        return tag;
    }
    let preferred: Vec<String> = window
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    negotiate(preferred.iter().map(String::as_str))
}

/// Marks the page's language (`<html lang>`), for screen readers, hyphenation and fonts.
pub fn mark_document(tag: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", if tag == PSEUDO { DEFAULT } else { tag });
    }
}

/// After the user picks `tag`: a `lang=` in the page's URL is rewritten to it, so a reload
/// (where the link's `lang=` wins) keeps the language just picked.
pub fn follow_pick_in_url(tag: &str) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let Some(query) = search.strip_prefix('?') else { return };
    if !query.split('&').any(|p| p.starts_with("lang=")) {
        return;
    }
    let query: Vec<String> =
        query.split('&').map(|p| if p.starts_with("lang=") { format!("lang={tag}") } else { p.to_owned() }).collect();
    let url = format!(
        "{}?{}{}",
        location.pathname().unwrap_or_default(),
        query.join("&"),
        location.hash().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
