//! Sentences as data (issue 17): the engine says what happened as a message id of the Fluent
//! catalogues (`locales/<tag>/engine-*.ftl`) with typed arguments, and whoever shows it words
//! it in the reader's language. The UI formats a [`Msg`] through its catalogue
//! (`src/i18n/mod.rs`, `Tr::msg`); the command-line runner, the golden traces and the engine's
//! tests read English, which [`Msg`]'s `Display` formats from `locales/en/engine-*.ftl`.
//!
//! Why the English text lives in the catalogue and not in this crate's code: one source of
//! truth per language, and the golden traces (English explanations) then check that the
//! catalogue says exactly what the engine means. The engine uses Fluent only to word English;
//! `fluent-bundle` is pure Rust with no web dependency (the app links it anyway).
//!
//! Conventions for ids: `explain-…` trace events, `drop-…` drop reasons, `diagnose-…` the
//! diagnosis, `check-…` exercise checks, `predict-…` predict questions, `invalid-…` validation.
//! Arguments: names, addresses, frame summaries and durations are passed as text (they read
//! the same in every language); counts as numbers, so a catalogue can choose a plural; a
//! sentence inside a sentence as a nested [`Msg`], worded first.

use std::cell::{Cell, RefCell};
use std::fmt;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// A sentence: the id of a catalogue message and the arguments its text refers to (`$name`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a [`Msg`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is in every language: a name, an address, a frame's summary.
    Text(String),
    /// A count or other integer: the catalogue may pick a plural form by it.
    Num(i64),
    /// A sentence (or phrase) of its own, worded in the same language first.
    Msg(Box<Msg>),
    /// Phrases worded one by one and joined with the separator (e.g. `"; "`).
    Join(Vec<Msg>, &'static str),
    /// A whole sentence used as a clause of another: worded, its closing full stops dropped
    /// (the what-if sentence quotes an event's explanation mid-sentence).
    Clause(Box<Msg>),
}

impl Msg {
    /// A message without arguments.
    pub const fn new(id: &'static str) -> Msg {
        Msg { id, args: Vec::new() }
    }

    /// Adds an argument (builder style).
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// Text that is shown as it is, in every language (a program's own output, a quoted
    /// value): the catalogue's `verbatim` message is just `{ $text }`.
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg::new("verbatim").arg("text", Arg::Text(text.into()))
    }

    /// Words the message with `format`, which formats one catalogue message with its arguments
    /// (the UI's catalogue, or English here). Nested messages are worded first, by the same
    /// `format`, and passed to the outer message as text.
    pub fn word(&self, format: &mut dyn FnMut(&str, &FluentArgs) -> String) -> String {
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            let value: FluentValue<'static> = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Msg(m) => FluentValue::from(m.word(format)),
                Arg::Join(items, sep) => {
                    // "; " is punctuation each language spaces its own way (French puts a space
                    // before it, as the catalogue does before ":" and ";"); a comma is spaced alike in all three.
                    let sep = if *sep == "; " { format("list-semicolon", &FluentArgs::new()) } else { (*sep).to_owned() };
                    FluentValue::from(items.iter().map(|m| m.word(format)).collect::<Vec<_>>().join(&sep))
                }
                Arg::Clause(m) => FluentValue::from(m.word(format).trim_end_matches('.').to_owned()),
            };
            args.set(*name, value);
        }
        format(self.id, &args)
    }
}

/// Builds a [`Msg`]: `msg!("explain-arp-request")` or `msg!("explain-x", device = d, count = n)`,
/// where each value is anything that converts into an [`Arg`] (text, numbers, a nested `Msg`).
/// The catalogue test (src/i18n/tests.rs) reads these calls: the id must exist in every
/// language, and its `$arguments` must be the names given here.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::msg::Msg::new($id)
    };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {
        $crate::msg::Msg { id: $id, args: vec![$((stringify!($key), $crate::msg::Arg::from($value))),+] }
    };
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<&crate::trace::Name> for Arg {
    fn from(s: &crate::trace::Name) -> Arg {
        Arg::Text(s.as_str().to_owned())
    }
}

impl From<crate::trace::Name> for Arg {
    fn from(s: crate::trace::Name) -> Arg {
        Arg::Text(s.as_str().to_owned())
    }
}

macro_rules! display_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Text(v.to_string())
            }
        }
        impl From<&$t> for Arg {
            fn from(v: &$t) -> Arg {
                Arg::Text(v.to_string())
            }
        }
    )*};
}

display_args!(
    std::net::Ipv4Addr,
    std::net::Ipv6Addr,
    std::net::IpAddr,
    ipnet::Ipv4Net,
    ipnet::Ipv6Net,
    crate::mac::MacAddr,
    crate::time::SimTime
);

macro_rules! num_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Num(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(v: &$t) -> Arg {
                Arg::Num(i64::try_from(*v).unwrap_or(i64::MAX))
            }
        }
    )*};
}

num_args!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

include!(concat!(env!("OUT_DIR"), "/english.rs"));

thread_local! {
    /// The English engine catalogue, parsed once per thread on first use.
    static ENGLISH_BUNDLE: RefCell<FluentBundle<FluentResource>> = RefCell::new(english_bundle());
    /// [`ENGLISH_MORE`] is in [`ENGLISH_BUNDLE`].
    static MORE_ADDED: Cell<bool> = const { Cell::new(false) };
    /// [`ENGLISH_CHECKS`] is in [`ENGLISH_BUNDLE`] (alone, or with the rest of `ENGLISH_MORE`).
    static CHECKS_ADDED: Cell<bool> = const { Cell::new(false) };
}

fn english_bundle() -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec!["en".parse::<unic_langid::LanguageIdentifier>().unwrap_or_default()]);
    // Plain text: no Unicode isolation marks around arguments (the app does the same).
    bundle.set_use_isolating(false);
    for source in ENGLISH {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    // In a wasm build (the browser's page, the worker) only `ENGLISH` is compiled in here:
    // the page's engine module adds the rest ([`add_english_more`]) when it arrives.
    #[cfg(not(target_arch = "wasm32"))]
    add_more(&mut bundle);
    bundle
}

fn add_more(bundle: &mut FluentBundle<FluentResource>) {
    if MORE_ADDED.with(|m| m.replace(true)) {
        return;
    }
    for source in ENGLISH_MORE {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
}

/// Adds [`ENGLISH_CHECKS`] (the validation messages, also in [`ENGLISH_MORE`]) to the English
/// engine catalogue: the engine's worker words a lab's validation error with them, and needs
/// nothing else of `ENGLISH_MORE`. Adding a message twice keeps the first.
pub fn add_english_checks() {
    if MORE_ADDED.with(Cell::get) || CHECKS_ADDED.with(|c| c.replace(true)) {
        return;
    }
    ENGLISH_BUNDLE.with(|bundle| {
        let mut bundle = bundle.borrow_mut();
        for source in ENGLISH_CHECKS {
            let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(partial, _)| partial);
            let _ = bundle.add_resource(resource);
        }
    });
}

/// Adds [`ENGLISH_MORE`] to the English engine catalogue (once; natively it is always there).
/// The browser's page calls it from its engine module, so these texts are bytes of that module
/// rather than of the first load (issue 15): every message of it is worded only once the
/// engine is here.
pub fn add_english_more() {
    ENGLISH_BUNDLE.with(|bundle| add_more(&mut bundle.borrow_mut()));
}

/// Formats one message of the English engine catalogue; an id it lacks shows as itself
/// (visible, and the catalogue test names it).
pub fn english(id: &str, args: &FluentArgs) -> String {
    ENGLISH_BUNDLE.with(|bundle| {
        let bundle = bundle.borrow();
        match bundle.get_message(id).and_then(|m| m.value()) {
            Some(pattern) => {
                let mut errors = Vec::new();
                bundle.format_pattern(pattern, Some(args), &mut errors).into_owned()
            }
            None => id.to_owned(),
        }
    })
}

/// English, for the runner, the golden traces and tests.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.word(&mut english))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_worded_with_its_arguments_and_nested_messages() {
        let m = msg!("verbatim", text = "ping: connect: Network is unreachable");
        assert_eq!(m.to_string(), "ping: connect: Network is unreachable");
        let nested = Msg::verbatim("a").arg("unused", 3u32);
        assert_eq!(nested.to_string(), "a");
        let joined = Msg::new("verbatim").arg("text", Arg::Join(vec![Msg::verbatim("x"), Msg::verbatim("y")], "; "));
        assert_eq!(joined.to_string(), "x; y");
        let missing = "no-such-message";
        assert_eq!(Msg::new(missing).to_string(), "no-such-message");
    }
}
