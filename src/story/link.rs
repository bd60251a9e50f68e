//! The story choices in share links (`"story": {"open": true, "lanes": [...], "hide": [...]}`)
//! and embed URLs (`&view=diagram&lanes=laptop,home-router&hide=arp,dns`), so a speaker can
//! open the diagram at the DNS answer in a slide.
//!
//! A link is untrusted input, but the story is only a view of the lab: a bad value is left at
//! its default and reported in a catalogue message (the lab still opens), never a reason to
//! refuse the link. The values quoted stay as the link spells them.

use std::rc::Rc;

use packet_engine::msg::{Arg, Msg};
use packet_engine::{msg, Name};
use serde_json::{json, Map, Value};

use super::{Noise, NoiseSet, Story};

/// The link's `story` object, or `None` for the default story (old links stay the same).
pub fn to_json(story: &Story) -> Option<Value> {
    if *story == Story::default() {
        return None;
    }
    let mut m = Map::new();
    m.insert("open".into(), json!(story.open));
    if let Some(lanes) = &story.lanes {
        m.insert("lanes".into(), json!(lanes.iter().map(|l| l.as_str()).collect::<Vec<_>>()));
    }
    if !story.noise.is_empty() {
        m.insert("hide".into(), json!(story.noise.iter().map(Noise::key).collect::<Vec<_>>()));
    }
    Some(Value::Object(m))
}

/// The story of a link's `story` value for a lab with `devices`; what is wrong in it is left at
/// its default and described in the second value.
pub fn from_json(v: &Value, devices: &[&str]) -> (Story, Option<Msg>) {
    let mut story = Story::default();
    let mut problems = Vec::new();
    let Value::Object(m) = v else {
        return (story, Some(note(vec![msg!("invalid-story-not-object", value = crate::share::json_text(v))])));
    };
    match m.get("open") {
        None => {}
        Some(Value::Bool(b)) => story.open = *b,
        Some(other) => problems.push(msg!("invalid-story-open", value = crate::share::json_text(other))),
    }
    match m.get("lanes") {
        None => {}
        Some(Value::Array(items)) => {
            let names: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            if names.len() != items.len() {
                problems.push(msg!("invalid-story-lanes-names"));
            }
            story.lanes = lanes(&names, devices, &mut problems);
        }
        Some(other) => problems.push(msg!("invalid-story-lanes", value = crate::share::json_text(other))),
    }
    match m.get("hide") {
        None => {}
        Some(Value::Array(items)) => {
            let keys: Vec<&str> = items.iter().map(|i| i.as_str().unwrap_or("?")).collect();
            story.noise = noise(&keys, &mut problems);
        }
        Some(other) => problems.push(msg!("invalid-story-hide", value = crate::share::json_text(other))),
    }
    for key in m.keys().filter(|k| !["open", "lanes", "hide"].contains(&k.as_str())) {
        problems.push(msg!("invalid-story-unknown", key = key));
    }
    (story, (!problems.is_empty()).then(|| note(problems)))
}

/// The story of an embed URL's `view`, `lanes` and `hide` parameters (comma-separated), each
/// `None` when absent; `None` when none is given.
pub fn from_query(view: Option<&str>, lanes_param: Option<&str>, hide: Option<&str>, devices: &[&str]) -> Option<(Story, Option<Msg>)> {
    if view.is_none() && lanes_param.is_none() && hide.is_none() {
        return None;
    }
    let (view, lanes_param, hide) = (view.map(percent_decode), lanes_param.map(percent_decode), hide.map(percent_decode));
    let (view, lanes_param, hide) = (view.as_deref(), lanes_param.as_deref(), hide.as_deref());
    let mut story = Story::default();
    let mut problems = Vec::new();
    match view {
        None | Some("network") => {}
        Some("diagram") => story.open = true,
        Some(other) => problems.push(msg!("invalid-story-view", value = other)),
    }
    if let Some(l) = lanes_param {
        let names: Vec<&str> = l.split(',').filter(|s| !s.is_empty()).collect();
        story.lanes = lanes(&names, devices, &mut problems);
    }
    if let Some(h) = hide {
        let keys: Vec<&str> = h.split(',').filter(|s| !s.is_empty()).collect();
        story.noise = noise(&keys, &mut problems);
    }
    Some((story, (!problems.is_empty()).then(|| note(problems))))
}

/// `%XX` escapes of a URL query value decoded (a browser escapes `<`, spaces, non-ASCII);
/// a `%` not followed by two hex digits, or bytes that are not UTF-8, stay as they were.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

fn lanes(names: &[&str], devices: &[&str], problems: &mut Vec<Msg>) -> Option<Rc<[Name]>> {
    let mut out: Vec<Name> = Vec::new();
    for n in names {
        if !devices.contains(n) {
            problems.push(msg!("invalid-story-lane", device = format!("\"{n}\"")));
        } else if !out.iter().any(|o| o.as_str() == *n) {
            out.push(Name::from(*n));
        }
    }
    (!out.is_empty()).then(|| out.into())
}

fn noise(keys: &[&str], problems: &mut Vec<Msg>) -> NoiseSet {
    let mut set = NoiseSet::default();
    for k in keys {
        match Noise::from_key(k) {
            Some(n) => set = set.with(n),
            None => problems.push(msg!("invalid-story-filter", value = format!("\"{k}\""))),
        }
    }
    set
}

/// The sentence around the problems: each worded in the reader's language, joined.
fn note(problems: Vec<Msg>) -> Msg {
    msg!("invalid-story-note", problems = Arg::Join(problems, "; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEVICES: [&str; 3] = ["laptop", "home-switch", "home-router"];

    #[test]
    fn a_story_round_trips_and_the_default_writes_nothing() {
        assert_eq!(to_json(&Story::default()), None);
        let story = Story { open: true, lanes: Some(vec![Name::from("laptop"), Name::from("home-router")].into()), noise: NoiseSet::default().with(Noise::Arp).with(Noise::TcpAck) };
        let v = to_json(&story).unwrap();
        assert_eq!(v, json!({"open": true, "lanes": ["laptop", "home-router"], "hide": ["arp", "ack"]}));
        assert_eq!(from_json(&v, &DEVICES), (story, None));
    }

    #[test]
    fn bad_values_fall_back_with_a_message() {
        let (s, note) = from_json(&json!({"open": "yes", "lanes": ["laptop", "ghost"], "hide": ["arp", "html"], "zoom": 3}), &DEVICES);
        assert!(!s.open);
        assert_eq!(s.lanes.as_deref(), Some(&[Name::from("laptop")][..]));
        assert_eq!(s.noise, NoiseSet::default().with(Noise::Arp));
        let note = note.unwrap().to_string();
        assert!(note.starts_with("Part of the link's sequence-diagram settings was not used: "), "{note}");
        for part in ["story.open", "\"ghost\"", "\"html\"", "story.zoom"] {
            assert!(note.contains(part), "{note}");
        }
        let (s, note) = from_json(&json!([1]), &DEVICES);
        assert_eq!((s, note.is_some()), (Story::default(), true));
        let (s, _) = from_json(&json!({"lanes": "laptop"}), &DEVICES);
        assert_eq!(s.lanes, None);
    }

    #[test]
    fn embed_parameters() {
        assert_eq!(from_query(None, None, None, &DEVICES), None);
        let (s, note) = from_query(Some("diagram"), Some("laptop,home-router"), Some("arp,dns"), &DEVICES).unwrap();
        assert!(s.open && note.is_none());
        assert_eq!(s.lanes.as_ref().map(|l| l.len()), Some(2));
        assert!(s.noise.contains(Noise::Dns));
        assert_eq!(percent_decode("%3Cb%3E%2Chome+router%zz%e2%86%92"), "<b>,home router%zz→");
        let (s, _) = from_query(None, Some("home%2Drouter"), None, &DEVICES).unwrap();
        assert_eq!(s.lanes.as_deref(), Some(&[Name::from("home-router")][..]));
        let (s, note) = from_query(Some("%3Cb%3E"), Some("nobody"), None, &DEVICES).unwrap();
        assert_eq!(s, Story::default());
        assert!(note.unwrap().to_string().contains("view=<b> is not a view"));
    }
}
