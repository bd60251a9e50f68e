//! The catalogue checks: every language has every message with the same arguments, each file
//! parses, and every message id the code formats exists (issue 17: "a check that fails on a
//! message missing in any language").

use std::collections::BTreeSet;
use std::path::Path;

use fluent_bundle::FluentResource;

use super::*;

/// Message id → the `$variables` its text uses, read from one language's sources.
fn messages(tag: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    for source in sources(tag) {
        for line in source.lines() {
            let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            if starts_message {
                if let Some((id, _)) = line.split_once('=') {
                    out.push((id.trim().to_owned(), BTreeSet::new()));
                }
            }
            if line.starts_with('#') {
                continue;
            }
            let vars = out.last_mut().map(|(_, v)| v);
            if let Some(vars) = vars {
                let mut rest = line;
                while let Some(i) = rest.find('$') {
                    rest = &rest[i + 1..];
                    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
                    vars.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn every_catalogue_parses() {
    for Locale { tag, sources: files, .. } in LOCALES {
        for source in *files {
            if let Err((_, errors)) = FluentResource::try_new((*source).to_owned()) {
                panic!("locales/{tag}: {} syntax error(s): {errors:?}", errors.len());
            }
        }
    }
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    let english = messages(DEFAULT);
    assert!(english.len() > 50, "the English catalogue is read ({} messages)", english.len());
    let mut seen = BTreeSet::new();
    for (id, _) in &english {
        assert!(seen.insert(id.clone()), "locales/en: message {id} is defined twice");
    }
    let mut problems = Vec::new();
    for tag in languages().filter(|t| *t != DEFAULT) {
        let theirs = messages(tag);
        for (id, vars) in &english {
            match theirs.iter().find(|(i, _)| i == id) {
                None => problems.push(format!("locales/{tag}: missing {id}")),
                Some((_, v)) if v != vars => {
                    problems.push(format!("locales/{tag}: {id} uses {v:?}, English uses {vars:?}"))
                }
                Some(_) => {}
            }
        }
        for (id, _) in &theirs {
            // The built-in exercises' texts and the examples' descriptions: English is in
            // exercises/*.json and scenarios/*.json (the next tests).
            let file_text = id.starts_with("ex-") || (id.starts_with("example-") && id.ends_with("-description"));
            if !english.iter().any(|(i, _)| i == id) && !file_text {
                problems.push(format!("locales/{tag}: {id} is not in English (a typo or a leftover)"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The built-in course speaks every language in full: each exercise's title, story, every hint
/// and its solved text are in every language's exercises.ftl (English: the exercise files), and
/// nothing there names an exercise the course does not have.
#[test]
fn the_built_in_course_is_in_every_language() {
    let course = packet_engine::exercise::course();
    assert!(course.len() >= 19);
    for tag in languages().filter(|t| *t != DEFAULT) {
        let t = tr(tag);
        for ex in &course {
            let text = t.exercise_text(&ex.id).unwrap_or_else(|| panic!("locales/{tag}: no ex-{}-title", ex.id));
            assert!(text.story.is_some() && text.solved_text.is_some(), "locales/{tag}: {} lacks its story or solved text", ex.id);
            assert_eq!(text.hints.len(), ex.hints.len(), "locales/{tag}: {} has {} hints, the exercise {}", ex.id, text.hints.len(), ex.hints.len());
            let words = ex.text_or(tag, Some(&text));
            assert_ne!(words.title, ex.title, "locales/{tag}: {} title is translated", ex.id);
            assert!(!words.story.contains('{') || ex.story.contains('{'), "{tag}: {} story: a Fluent escape leaked", ex.id);
        }
        for (id, _) in messages(tag) {
            if let Some(rest) = id.strip_prefix("ex-") {
                assert!(course.iter().any(|ex| rest.starts_with(&format!("{}-", ex.id))), "locales/{tag}: {id} names no built-in exercise");
            }
        }
    }
}

/// Every built-in example's description is in every language (English: the example file's
/// own, `scenarios/<stem>.json`), and no description names an example that does not exist.
#[test]
fn every_built_in_example_has_its_description_in_every_language() {
    let examples = packet_engine::examples::all();
    for tag in languages().filter(|t| *t != DEFAULT) {
        let t = tr(tag);
        for (stem, scenario) in &examples {
            let text = t.own(&format!("example-{stem}-description")).unwrap_or_else(|| panic!("locales/{tag}: no example-{stem}-description"));
            assert_ne!(text, scenario.description, "locales/{tag}: {stem}'s description is translated");
        }
        for (id, _) in messages(tag) {
            if let Some(stem) = id.strip_prefix("example-").and_then(|r| r.strip_suffix("-description")) {
                assert!(examples.iter().any(|(s, _)| *s == stem), "locales/{tag}: {id} names no built-in example");
            }
        }
    }
    // English has none: the file's own text is shown, and the pseudo-locale marks it.
    assert_eq!(tr(DEFAULT).own("example-same-network-description"), None);
    let pseudo = tr(PSEUDO).file_text("example-same-network-description", "Two PCs");
    assert_eq!(pseudo, "[Twø PÇs]");
}

/// Every `tr!(…, "id"` in the app's sources names a message of the English catalogue.
#[test]
fn every_message_the_code_uses_exists() {
    let english: BTreeSet<String> = messages(DEFAULT).into_iter().map(|(id, _)| id).collect();
    let mut missing = Vec::new();
    let mut used = 0;
    visit(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut |path, text| {
        let mut rest = text;
        while let Some(i) = rest.find("tr!(") {
            // `tr!(`, not `include_str!(`.
            let macro_call = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric() && rest.as_bytes()[i - 1] != b'_';
            rest = &rest[i + 4..];
            if !macro_call {
                continue;
            }
            let Some(q) = rest.find('"') else { break };
            // The id is the first string literal after the catalogue expression.
            let tail = &rest[q + 1..];
            let Some(end) = tail.find('"') else { break };
            let id = &tail[..end];
            if id.is_empty() || id.contains(' ') {
                continue;
            }
            used += 1;
            if !english.contains(id) {
                missing.push(format!("{}: {id}", path.display()));
            }
        }
    });
    assert!(used > 50, "the sources are scanned ({used} uses)");
    assert!(missing.is_empty(), "messages used but not in locales/en:\n{}", missing.join("\n"));
}

/// Every message the engine builds (`msg!("id", key = …)`, `Msg::new("id")`) is in the English
/// catalogue, and every `$argument` its text uses is one the engine passes (issue 17: the
/// engine emits ids with typed arguments; a typo in either shows here, not as a raw id on screen).
#[test]
fn every_message_the_engine_builds_exists_with_its_arguments() {
    let english = messages(DEFAULT);
    let mut problems = Vec::new();
    let mut used = 0;
    // The engine's sources, and the app's: the app builds some validation messages itself
    // (the editor's, the share link's) with the engine's `msg!`.
    let mut scan = |path: &Path, text: &str| {
        for (id, keys) in engine_messages(text) {
            used += 1;
            match english.iter().find(|(i, _)| *i == id) {
                None => problems.push(format!("{}: {id} is not in locales/en/engine-*.ftl", path.display())),
                Some((_, vars)) => {
                    if let Some(keys) = keys {
                        for var in vars.iter().filter(|v| !keys.contains(*v)) {
                            problems.push(format!("{}: {id} uses ${var}, which the engine does not pass", path.display()));
                        }
                    }
                }
            }
        }
    };
    visit(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/engine/src")), &mut scan);
    visit(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut scan);
    assert!(used > 20, "the engine's sources are scanned ({used} messages)");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The `msg!` calls of one source file: each id with the argument names given (None for a
/// `Msg::new("id")`, whose arguments are added with `.arg` and not checked here).
fn engine_messages(text: &str) -> Vec<(String, Option<BTreeSet<String>>)> {
    let mut out = Vec::new();
    for (open, with_args) in [("msg!(\"", true), ("Msg::new(\"", false)] {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            let preceded = i > 0 && (rest.as_bytes()[i - 1].is_ascii_alphanumeric() || rest.as_bytes()[i - 1] == b'_');
            // Not in a comment (the docs show made-up ids).
            let at = text.len() - rest.len() + i;
            let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
            let commented = text[line_start..at].trim_start().starts_with("//");
            rest = &rest[i + open.len()..];
            let Some(end) = rest.find('"') else { break };
            let id = rest[..end].to_owned();
            if preceded || commented || id.is_empty() || id.contains(' ') || id.contains('{') {
                continue;
            }
            if !with_args {
                out.push((id, None));
                continue;
            }
            // The arguments: `key = value` pairs at depth 0 up to the closing parenthesis.
            let mut keys = BTreeSet::new();
            let body = &rest[end + 1..];
            let (mut depth, mut start, mut in_str) = (0i32, 0usize, false);
            let bytes = body.as_bytes();
            let mut j = 0;
            while j < bytes.len() {
                let c = bytes[j];
                if in_str {
                    if c == b'\\' {
                        j += 1;
                    } else if c == b'"' {
                        in_str = false;
                    }
                } else {
                    match c {
                        b'"' => in_str = true,
                        b'(' | b'[' | b'{' => depth += 1,
                        b')' | b']' | b'}' if depth == 0 => {
                            take_key(&body[start..j], &mut keys);
                            break;
                        }
                        b')' | b']' | b'}' => depth -= 1,
                        b',' if depth == 0 => {
                            take_key(&body[start..j], &mut keys);
                            start = j + 1;
                        }
                        _ => {}
                    }
                }
                j += 1;
            }
            out.push((id, Some(keys)));
        }
    }
    out
}

fn take_key(arg: &str, keys: &mut BTreeSet<String>) {
    if let Some((key, _)) = arg.split_once('=') {
        let key = key.trim();
        if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            keys.insert(key.to_owned());
        }
    }
}

fn visit(dir: &Path, f: &mut dyn FnMut(&Path, &str)) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            visit(&path, f);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/mod.rs") && !path.ends_with("i18n/tests.rs") {
            f(&path, &std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn languages_are_negotiated_on_the_primary_subtag() {
    assert_eq!(negotiate(["de-AT", "en"]), "de");
    assert_eq!(negotiate(["fr-CA"]), "fr");
    assert_eq!(negotiate(["pt-BR", "fr"]), "fr");
    assert_eq!(negotiate(["pt-BR"]), "en");
    assert_eq!(negotiate(["qps-ploc"]), "en", "the pseudo-locale is only asked for by name");
    assert_eq!(known("DE"), Some("de"));
    assert_eq!(known("xx"), None);
}

#[test]
fn plurals_follow_each_language() {
    assert_eq!(tr!(tr("en"), "status-scenario", title = "Lab", devices = 1, links = 2), "Lab: 1 device, 2 links");
    assert_eq!(tr!(tr("de"), "status-scenario", title = "Lab", devices = 1, links = 2), "Lab: 1 Gerät, 2 Verbindungen");
    // French: 0 and 1 are singular.
    assert_eq!(tr!(tr("fr"), "status-scenario", title = "Lab", devices = 0, links = 1), "Lab : 0 appareil, 1 liaison");
}

/// The plural rules are cut to the languages of `locales/` (vendor/intl_pluralrules): every
/// language must still find its own, not English's by fallback.
#[test]
fn every_language_has_its_own_plural_rules() {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    for tag in languages() {
        let id: LanguageIdentifier = tag.parse().unwrap();
        for kind in [PluralRuleType::CARDINAL, PluralRuleType::ORDINAL] {
            let rules = PluralRules::create(id.clone(), kind);
            assert!(rules.is_ok(), "no plural rules for {tag}: CLDR 37 does not have it (vendor/intl_pluralrules/build.rs)");
        }
    }
    // The cut keeps the same rules: French counts 0 as one, English and German do not.
    let cardinal = |tag: &str| PluralRules::create(tag.parse::<LanguageIdentifier>().unwrap(), PluralRuleType::CARDINAL).unwrap();
    assert_eq!(cardinal("fr").select(0), Ok(PluralCategory::ONE));
    assert_eq!(cardinal("de").select(0), Ok(PluralCategory::OTHER));
    assert_eq!(cardinal("en").select(1), Ok(PluralCategory::ONE));
    assert_eq!(cardinal("en").select("1.0"), Ok(PluralCategory::OTHER));
    // And only the app's languages are left of CLDR's ~200.
    assert!(PluralRules::get_locales(PluralRuleType::CARDINAL).len() <= languages().count() + 1);
}

/// FTL's number literals and the plural operands are read without `f64::from_str` (patched:
/// vendor/fluent-bundle, vendor/intl_pluralrules): the same values as before, so the same forms.
#[test]
fn number_literals_are_read_without_the_float_parser() {
    use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
    use fluent_bundle::{FluentArgs, FluentBundle, FluentValue};
    use intl_pluralrules::{operands::PluralOperands, PluralCategory, PluralRuleType, PluralRules};
    // A literal keeps its value and its fraction digits; a text that is not an FTL literal is a string.
    let number = |value: f64, fraction: Option<usize>| {
        FluentValue::Number(FluentNumber::new(value, FluentNumberOptions { minimum_fraction_digits: fraction, ..Default::default() }))
    };
    assert_eq!(FluentValue::try_number("6"), number(6.0, None));
    assert_eq!(FluentValue::try_number("-12"), number(-12.0, None));
    assert_eq!(FluentValue::try_number("2.50"), number(2.5, Some(2)));
    assert_eq!(FluentValue::try_number("0.1"), number(0.1, Some(1)));
    assert_eq!(FluentValue::try_number("123456789012345.5"), number(123_456_789_012_345.5, Some(1)));
    for text in ["1e3", "+1", ".5", "5.", "-", "", "inf", "1.2.3", "٣"] {
        assert_eq!(FluentValue::try_number(text), FluentValue::from(text), "{text:?}");
    }
    // Variant keys select as before: numeric keys by value, plural categories by the rules.
    let id: LanguageIdentifier = "en".parse().unwrap();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    let ftl = "step = { $n ->\n    [1] first\n    [2.5] two and a half\n   *[other] { $n ->\n        [one] one\n       *[other] many\n    }\n}\n";
    bundle.add_resource(FluentResource::try_new(ftl.to_owned()).unwrap()).unwrap();
    let say = |n: FluentValue<'static>| {
        let mut args = FluentArgs::new();
        args.set("n", n);
        let mut errors = Vec::new();
        let text = bundle.format_pattern(bundle.get_message("step").unwrap().value().unwrap(), Some(&args), &mut errors).into_owned();
        assert!(errors.is_empty(), "{errors:?}");
        text
    };
    assert_eq!(say(1.into()), "first");
    // A key matches a number with its value and its fraction digits (upstream's equality).
    assert_eq!(say(number(2.5, Some(1))), "two and a half");
    assert_eq!(say(2.5.into()), "many");
    assert_eq!(say(3.into()), "many");
    assert_eq!(say(1.0.into()), "first");
    // The operands of a fractional number, read back from its text as upstream did.
    let o = PluralOperands::try_from(2.50f64).unwrap();
    assert_eq!((o.n, o.i, o.v, o.w, o.f, o.t), (2.5, 2, 1, 1, 5, 5));
    let o = PluralOperands::try_from("1.20").unwrap();
    assert_eq!((o.n, o.i, o.v, o.w, o.f, o.t), (1.2, 1, 2, 1, 20, 2));
    assert_eq!(PluralOperands::try_from(f64::INFINITY).map(|o| o.n), Ok(f64::INFINITY));
    assert!(PluralOperands::try_from("1e3").is_err());
    let en = PluralRules::create("en".parse::<LanguageIdentifier>().unwrap(), PluralRuleType::CARDINAL).unwrap();
    assert_eq!(en.select(1.5), Ok(PluralCategory::OTHER));
    assert_eq!(en.select("1"), Ok(PluralCategory::ONE));
}

#[test]
fn the_pseudo_locale_marks_every_message_and_keeps_arguments() {
    let p = tr(PSEUDO);
    let text = tr!(p, "status-scenario", title = "Lab", devices = 2, links = 2);
    assert!(text.starts_with('[') && text.ends_with(']'), "{text}");
    assert!(text.contains("Lab"), "arguments are not transformed: {text}");
    assert!(!text.contains("devices"), "letters are accented: {text}");
}

#[test]
fn a_message_missing_in_a_language_falls_back_to_english_and_an_unknown_id_shows_itself() {
    assert_eq!(tr("de").t("no-such-message"), "no-such-message");
    assert_eq!(tr("xx").tag(), "en");
}

#[test]
fn a_list_joined_with_semicolons_is_spaced_as_each_language_writes_it() {
    use packet_engine::msg::{Arg, Msg};
    let list = Msg::new("verbatim").arg("text", Arg::Join(vec![Msg::verbatim("a"), Msg::verbatim("b")], "; "));
    assert_eq!(tr("en").msg(&list), "a; b");
    assert_eq!(tr("de").msg(&list), "a; b");
    assert_eq!(tr("fr").msg(&list), "a ; b");
}
