//! Links that carry a whole lab, and the embed mode's URL parameters.
//!
//! A share link keeps everything in its fragment (`#lab=…`), which browsers never send to a
//! server: the lab's scenario (with the commands typed during playback folded into its
//! schedule, so the run is the same), the current event, and the view options (speed, one
//! event per click, hidden event classes, zoom, presenter scale). The JSON is compressed with
//! zlib (pure-Rust `miniz_oxide`; zlib rather than raw deflate for its Adler-32 checksum, so
//! most tampering is caught before parsing) and written in unpadded URL-safe base64
//! (RFC 4648 §5), which needs no percent-escaping in a fragment.
//!
//! A link is untrusted input. [`decode`] never panics: the encoded text and the unpacked JSON
//! are size-capped ([`MAX_DECODED_BYTES`]), the scenario goes through the engine's own parser
//! and validation, and every other field is checked; each failure is a [`ShareError`] whose
//! message says what is wrong in words a student understands.
//!
//! Pure: nothing here touches the browser (see `components/share_dialog.rs` for that).

use std::fmt;
use std::rc::Rc;

use packet_engine::msg::Msg;
use packet_engine::scenario::{ScenarioError, Topology};
use packet_engine::{msg, Scenario};
use serde_json::{json, Map, Value};

use crate::geometry::ViewBox;
use crate::playback::{EventClass, SPEED_COUNT};

/// The fragment's prefix: `#lab=…`.
pub const FRAGMENT_KEY: &str = "lab=";
/// The largest lab a link may unpack to: 1 MiB of JSON (the largest example is ~10 KB).
pub const MAX_DECODED_BYTES: usize = 1 << 20;
/// The longest encoded text looked at: base64 of a compressed lab can never exceed its JSON
/// size by more than a third, so anything longer is refused before decoding.
pub const MAX_LINK_CHARS: usize = MAX_DECODED_BYTES / 3 * 4 + 1024;
/// The format version written in links.
pub const LINK_VERSION: u64 = 1;
/// The presenter scales offered, in percent of the normal size of labels and packets.
pub const SCALES: [u16; 4] = [100, 125, 150, 200];

/// Everything a link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedLab {
    /// The lab, its schedule including commands typed during playback.
    pub scenario: Scenario,
    /// Events shown (the current event is the last of them).
    pub event: usize,
    /// Index into the playback speeds.
    pub speed: usize,
    /// One event per click of Play.
    pub per_click: bool,
    /// Event classes hidden from the event list.
    pub hidden: Vec<EventClass>,
    /// The part of the canvas shown; `None` fits the view to the devices.
    pub view: Option<ViewBox>,
    /// Presenter scale in percent, one of [`SCALES`].
    pub scale: u16,
    /// The sequence diagram shown, its lanes and noise filters (issue 13).
    pub story: crate::story::Story,
    /// What was wrong with the link's story settings (left at their defaults), if anything.
    pub story_note: Option<Msg>,
    /// A what-if (issue 18): `scenario` is then the original lab and this its variant, shown
    /// compared or still being edited.
    pub whatif: Option<SharedWhatIf>,
    /// What was wrong with the link's what-if variant (left out: the original opens alone).
    pub whatif_note: Option<Msg>,
}

/// The variant of a what-if link.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedWhatIf {
    /// The changed lab, its typed commands folded in as for `scenario`.
    pub variant: Scenario,
    /// Shown compared (else: the variant being edited).
    pub comparing: bool,
}

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is not `lab=…`.
    NotALink,
    /// The encoded text is longer than any valid link.
    TooLong(usize),
    /// A character outside URL-safe base64, at this (0-based) position of the encoded text.
    BadCharacter(usize),
    /// The compressed data is cut short or damaged (the decompressor's reason).
    Damaged(Damage),
    /// The lab would unpack to more than [`MAX_DECODED_BYTES`].
    TooLarge,
    /// The unpacked bytes are not UTF-8 text.
    NotText,
    /// A field is missing or wrong: its path and what is wrong.
    Field {
        /// e.g. `scenario.devices[0].interfaces[0].address` or `event`.
        path: String,
        /// What is wrong.
        message: Msg,
    },
}

/// The decompressor's reasons for [`ShareError::Damaged`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damage {
    EndsEarly,
    MidCharacter,
    Checksum,
    NotOurs,
}

impl ShareError {
    /// The sentence, worded by the catalogue (`invalid-link-…` in locales/*/engine-invalid.ftl).
    pub fn msg(&self) -> Msg {
        match self {
            ShareError::NotALink => msg!("invalid-link-no-lab"),
            ShareError::TooLong(n) => msg!("invalid-link-too-long", count = *n, max = MAX_LINK_CHARS),
            ShareError::BadCharacter(at) => msg!("invalid-link-bad-character", position = at + 1),
            ShareError::Damaged(why) => msg!(
                "invalid-link-damaged",
                reason = match why {
                    Damage::EndsEarly => msg!("invalid-link-ends-early"),
                    Damage::MidCharacter => msg!("invalid-link-mid-character"),
                    Damage::Checksum => msg!("invalid-link-checksum"),
                    Damage::NotOurs => msg!("invalid-link-not-ours"),
                }
            ),
            ShareError::TooLarge => msg!("invalid-link-too-large"),
            ShareError::NotText => msg!("invalid-link-not-text"),
            ShareError::Field { path, message } => msg!("invalid-link-field", path = path, message = message.clone()),
        }
    }
}

/// English, as the catalogue words it.
impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().to_string())
    }
}

impl std::error::Error for ShareError {}

/// A JSON value's text, as its `Display` writes it. Not `Display` itself: that writes through a
/// `fmt::Write` adapter whose error is an `io::Error` made from a string, which brings `str`'s
/// `Debug` and Unicode's printable table (8 KB that does not compress) into the first load.
pub(crate) fn json_text(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// The presenter scales as the link's error lists them: `[100, 125, 150, 200]`.
fn scale_list() -> String {
    let list: Vec<String> = SCALES.iter().map(u16::to_string).collect();
    format!("[{}]", list.join(", "))
}

fn field(path: impl Into<String>, message: Msg) -> ShareError {
    ShareError::Field { path: path.into(), message }
}

/// A lab's error as a link's: its field's path under `root` (`scenario`, `whatif.variant`).
fn scenario_field(root: &str, e: ScenarioError) -> ShareError {
    let path = if e.path == "scenario" { root.to_string() } else { format!("{root}.{}", e.path) };
    field(path, e.message)
}

/// A link's lab as the engine takes it. [`decode`] only reads the labs: validation is the
/// engine's (`validate`); a link is read at load with the engine's module here (src/boot.rs,
/// issue 15: reading JSON is engine code too). The scenario's
/// error is the link's, with the field's path (`scenario.devices[0].interfaces[0].address`);
/// a what-if variant that does not validate is left out, the original opening alone, and the
/// note says why, as for one that does not read.
pub fn check(lab: &SharedLab, validate: fn(&Scenario) -> Result<Topology, ScenarioError>) -> Result<SharedLab, ShareError> {
    validate(&lab.scenario).map_err(|e| scenario_field("scenario", e))?;
    let mut lab = lab.clone();
    if let Some(Err(e)) = lab.whatif.as_ref().map(|w| validate(&w.variant)) {
        lab.whatif = None;
        lab.whatif_note = Some(msg!("invalid-link-whatif-left-out", error = scenario_field("whatif.variant", e).msg()));
    }
    Ok(lab)
}

/// The fragment (without `#`) for `lab`: `lab=` and the packed JSON.
pub fn encode(lab: &SharedLab) -> String {
    let mut root = Map::new();
    root.insert("v".into(), json!(LINK_VERSION));
    root.insert("scenario".into(), scenario_value(&lab.scenario));
    root.insert("event".into(), json!(lab.event));
    root.insert("speed".into(), json!(lab.speed));
    root.insert("per_click".into(), json!(lab.per_click));
    root.insert("hide".into(), json!(lab.hidden.iter().map(|c| c.css()).collect::<Vec<_>>()));
    if let Some(v) = lab.view {
        root.insert("view".into(), json!([v.x, v.y, v.width, v.height]));
    }
    root.insert("scale".into(), json!(lab.scale));
    if let Some(story) = crate::story::link::to_json(&lab.story) {
        root.insert("story".into(), story);
    }
    if let Some(w) = &lab.whatif {
        let variant = scenario_value(&w.variant);
        root.insert("whatif".into(), json!({ "variant": variant, "comparing": w.comparing }));
    }
    pack(FRAGMENT_KEY, &json_text(&Value::Object(root)))
}

/// The lab as a JSON value, the same value `serde_json::to_value` gives: its own text read back,
/// so the wasm holds one serializer of every lab type (the files' pretty one), not a second
/// into `Value` (12 KB, docs/size.md). serde_json's reader may miss a 16–17-digit float by one
/// ulp, so the lab's two float fields (positions, bit rates) are set from the lab itself.
fn scenario_value(scenario: &Scenario) -> Value {
    let mut v: Value = serde_json::from_str(&scenario.to_json_pretty()).expect("a lab's own JSON reads");
    let floats = |v: &mut Value, list: &str, key: &str, values: &mut dyn Iterator<Item = Option<Value>>| {
        if let Some(items) = v.get_mut(list).and_then(Value::as_array_mut) {
            for (item, value) in items.iter_mut().zip(values) {
                if let (Some(slot), Some(value)) = (item.get_mut(key), value) {
                    *slot = value;
                }
            }
        }
    };
    let positions = scenario.devices.iter().map(|d| d.position.map(|[x, y]| Value::Array(vec![Value::from(x), Value::from(y)])));
    floats(&mut v, "devices", "position", &mut { positions });
    floats(&mut v, "links", "bandwidth_mbps", &mut scenario.links.iter().map(|l| l.bandwidth_mbps.map(Value::from)));
    v
}

/// The lab in a link's fragment (with or without the leading `#`), checked field by field.
pub fn decode(fragment: &str) -> Result<SharedLab, ShareError> {
    parse(&unpack(fragment, FRAGMENT_KEY)?)
}

/// `key` and `text` deflated and base64url-encoded: the fragment of a lab or exercise link.
fn pack(key: &str, text: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 9);
    format!("{key}{}", base64url_encode(&packed))
}

/// The text packed in a `key…` fragment (with or without the leading `#`), under the link
/// caps: at most MAX_LINK_CHARS of link, MAX_DECODED_BYTES once inflated, valid UTF-8.
fn unpack(fragment: &str, key: &str) -> Result<String, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let data = fragment.strip_prefix(key).ok_or(ShareError::NotALink)?;
    if data.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong(data.len()));
    }
    let packed = base64url_decode(data)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_DECODED_BYTES).map_err(|e| {
        use miniz_oxide::inflate::TINFLStatus;
        match e.status {
            TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => ShareError::Damaged(Damage::EndsEarly),
            TINFLStatus::Adler32Mismatch => ShareError::Damaged(Damage::Checksum),
            _ => ShareError::Damaged(Damage::NotOurs),
        }
    })?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotText)
}

/// The link's JSON, checked: the scenario by the engine, the rest here.
fn parse(text: &str) -> Result<SharedLab, ShareError> {
    let root: Value = serde_json::from_str(text).map_err(|e| field("link", msg!("invalid-link-not-a-lab", detail = e.to_string())))?;
    let Value::Object(mut root) = root else { return Err(field("link", msg!("invalid-link-not-an-object"))) };
    match root.remove("v") {
        Some(Value::Number(n)) if n.as_u64() == Some(LINK_VERSION) => {}
        Some(other) => {
            return Err(field("v", msg!("invalid-link-version", format = json_text(&other), version = LINK_VERSION.to_string())))
        }
        None => return Err(field("v", msg!("invalid-link-missing"))),
    }
    let scenario = root.remove("scenario").ok_or_else(|| field("scenario", msg!("invalid-link-missing")))?;
    // The engine's own parser, with the field path of the first problem; its validation is
    // [`check`]'s.
    let scenario = Scenario::from_json_unchecked(&json_text(&scenario)).map_err(|e| scenario_field("scenario", e))?;
    let number = |root: &mut Map<String, Value>, key: &str, default: u64| -> Result<u64, ShareError> {
        match root.remove(key) {
            None => Ok(default),
            Some(v) => v.as_u64().ok_or_else(|| field(key, msg!("invalid-link-not-whole", value = json_text(&v)))),
        }
    };
    let event = number(&mut root, "event", 0)?;
    let event = usize::try_from(event).map_err(|_| field("event", msg!("invalid-link-out-of-range")))?;
    let speed = number(&mut root, "speed", crate::playback::DEFAULT_SPEED as u64)?;
    if speed >= SPEED_COUNT as u64 {
        return Err(field("speed", msg!("invalid-link-speed", value = speed.to_string(), max = (SPEED_COUNT - 1).to_string())));
    }
    let per_click = match root.remove("per_click") {
        None => false,
        Some(Value::Bool(b)) => b,
        Some(v) => return Err(field("per_click", msg!("invalid-link-not-bool", value = json_text(&v)))),
    };
    let mut hidden = Vec::new();
    match root.remove("hide") {
        None => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let class = item
                    .as_str()
                    .and_then(|s| EventClass::ALL.into_iter().find(|c| c.css() == s))
                    .ok_or_else(|| field(format!("hide[{i}]"), msg!("invalid-link-event-class", value = json_text(item))))?;
                if !hidden.contains(&class) {
                    hidden.push(class);
                }
            }
        }
        Some(v) => return Err(field("hide", msg!("invalid-link-not-list", value = json_text(&v)))),
    }
    let view = match root.remove("view") {
        None => None,
        Some(v) => Some(view_box(&v).ok_or_else(|| field("view", msg!("invalid-link-view")))?),
    };
    let scale = number(&mut root, "scale", 100)?;
    let scale = SCALES
        .into_iter()
        .find(|&s| u64::from(s) == scale)
        .ok_or_else(|| field("scale", msg!("invalid-link-scale", value = scale.to_string(), scales = scale_list())))?;
    let (story, story_note) = match root.remove("story") {
        None => Default::default(),
        Some(v) => {
            let devices: Vec<&str> = scenario.devices.iter().map(|d| d.id.as_str()).collect();
            crate::story::link::from_json(&v, &devices)
        }
    };
    // A bad variant never loses the lab: the original opens alone, and the note says why.
    let (whatif, whatif_note) = match root.remove("whatif") {
        None => (None, None),
        Some(v) => match whatif(v) {
            Ok(w) => (Some(w), None),
            Err(e) => (None, Some(msg!("invalid-link-whatif-left-out", error = e.msg()))),
        },
    };
    if let Some(key) = root.keys().next() {
        return Err(field(key.clone(), msg!("invalid-link-unknown-field")));
    }
    Ok(SharedLab { scenario, event, speed: speed as usize, per_click, hidden, view, scale, story, story_note, whatif, whatif_note })
}

/// A link's `whatif` object: `{ "variant": <lab>, "comparing": bool }`, the variant checked by
/// the engine as `scenario` is.
fn whatif(v: Value) -> Result<SharedWhatIf, ShareError> {
    let Value::Object(mut w) = v else { return Err(field("whatif", msg!("invalid-link-expected-object"))) };
    let variant = w.remove("variant").ok_or_else(|| field("whatif.variant", msg!("invalid-link-missing")))?;
    let variant = Scenario::from_json_unchecked(&json_text(&variant)).map_err(|e| scenario_field("whatif.variant", e))?;
    let comparing = match w.remove("comparing") {
        None => true,
        Some(Value::Bool(b)) => b,
        Some(v) => return Err(field("whatif.comparing", msg!("invalid-link-not-bool", value = json_text(&v)))),
    };
    if let Some(key) = w.keys().next() {
        return Err(field(format!("whatif.{key}"), msg!("invalid-link-unknown-field")));
    }
    Ok(SharedWhatIf { variant, comparing })
}

/// The fragment's prefix of an exercise link: `#exercise=…` (added by the exercises engineer).
pub const EXERCISE_KEY: &str = "exercise=";

/// The fragment (without `#`) of a link carrying a teacher's exercise file: `exercise=` and the
/// file's JSON packed like a lab link's.
pub fn encode_exercise(json: &str) -> String {
    pack(EXERCISE_KEY, json)
}

/// The exercise file's text in an exercise link, unpacked under the same size caps and checks as
/// a lab link. The text is untrusted: the caller parses it with `Exercise::from_json`, which
/// names the field at fault.
pub fn decode_exercise(fragment: &str) -> Result<String, ShareError> {
    unpack(fragment, EXERCISE_KEY)
}

fn view_box(v: &Value) -> Option<ViewBox> {
    let items = v.as_array()?;
    let [x, y, width, height] = items.as_slice() else { return None };
    let (x, y, width, height) = (x.as_f64()?, y.as_f64()?, width.as_f64()?, height.as_f64()?);
    let finite = [x, y, width, height].iter().all(|n| n.is_finite());
    (finite && width > 0.0 && height > 0.0).then_some(ViewBox { x, y, width, height })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded URL-safe base64 (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The bytes of unpadded URL-safe base64; trailing `=` padding is tolerated (some mail
/// programs add it), anything else outside the alphabet is an error at its position.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (at, c) in text.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(ShareError::BadCharacter(at)),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // One leftover character (6 bits) cannot come from any byte string.
    if text.len() % 4 == 1 {
        return Err(ShareError::Damaged(Damage::MidCharacter));
    }
    Ok(out)
}

/// The share, embed and presenter part of the app state.
#[derive(Clone, Debug, PartialEq)]
pub struct Share {
    /// A valid link that would replace the user's own lab, waiting for "Open" or "Keep mine".
    pub pending: Option<Rc<SharedLab>>,
    /// Why the link the page was opened with could not be used.
    pub error: Option<Rc<Msg>>,
    /// The Share dialog is open.
    pub dialog: bool,
    /// Presenter scale in percent, one of [`SCALES`].
    pub scale: u16,
    /// The embed mode's parameters, when the page is embedded.
    pub embed: Option<Embed>,
    /// A lab replaced by a link is kept and can be restored.
    pub previous: bool,
}

impl Default for Share {
    fn default() -> Self {
        Share { pending: None, error: None, dialog: false, scale: 100, embed: None, previous: false }
    }
}

/// Every way the share state changes by itself (opening a link is `Action::OpenShared`).
#[derive(Clone, Debug, PartialEq)]
pub enum ShareAction {
    /// Open or close the Share dialog.
    Dialog(bool),
    /// Set the presenter scale (percent; anything not in [`SCALES`] is ignored).
    SetScale(u16),
    /// Answer "Keep mine" to a pending link.
    KeepMine,
    /// Hide the broken-link message.
    DismissError,
    /// Whether a previous lab is kept.
    Previous(bool),
}

impl Share {
    /// Applies one action.
    pub fn apply(&mut self, action: ShareAction) {
        match action {
            ShareAction::Dialog(open) => self.dialog = open,
            ShareAction::SetScale(s) if SCALES.contains(&s) => self.scale = s,
            ShareAction::SetScale(_) => {}
            ShareAction::KeepMine => self.pending = None,
            ShareAction::DismissError => self.error = None,
            ShareAction::Previous(kept) => self.previous = kept,
        }
    }
}

impl SharedLab {
    /// What a link should carry for this lab and playback: the commands typed during playback
    /// are appended to the schedule (the engine runs `scenario.commands ++ typed`, so the run
    /// is event for event the same).
    pub fn capture(edit: &crate::editor::Editor, play: &crate::playback::Playback, scale: u16) -> SharedLab {
        let mut scenario = (*edit.scenario).clone();
        scenario.commands.extend(play.commands().iter().cloned());
        SharedLab {
            scenario,
            event: play.shown(),
            speed: play.speed,
            per_click: play.per_click,
            hidden: play.filter.hidden.iter().copied().collect(),
            view: Some(edit.view),
            scale,
            story: crate::story::Story::default(),
            story_note: None,
            whatif: None,
            whatif_note: None,
        }
    }

    /// The same link carrying a what-if in progress: the original lab as `scenario`, the lab
    /// on screen (captured above) as the variant.
    pub fn with_whatif(mut self, whatif: &crate::whatif::WhatIf) -> SharedLab {
        if let Some(original) = &whatif.original {
            let mut scenario = (*original.scenario).clone();
            scenario.commands.extend(original.play.commands().iter().cloned());
            let variant = std::mem::replace(&mut self.scenario, scenario);
            self.whatif = Some(SharedWhatIf { variant, comparing: whatif.comparing });
        }
        self
    }

    /// The same link carrying the story choices too.
    pub fn with_story(mut self, story: &crate::story::Story) -> SharedLab {
        self.story = story.clone();
        self
    }
}

/// The embed mode's URL parameters: `?embed=1[&autoplay=1][&start=N][&stop=N][&example=stem][&scale=150]`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Embed {
    /// Start playing as soon as the lab is shown.
    pub autoplay: bool,
    /// Events shown at the start.
    pub start: Option<usize>,
    /// Playback stops once this many events are shown.
    pub stop: Option<usize>,
    /// A built-in example to show when the URL carries no lab.
    pub example: Option<Rc<str>>,
    /// Presenter scale in percent.
    pub scale: Option<u16>,
    /// The story parameters as given (`view`, `lanes`, `hide`), checked against the lab at boot
    /// by `story::link::from_query`.
    pub story: [Option<Rc<str>>; 3],
}

/// The embed parameters of a URL's query (`location.search`, with or without `?`); `None`
/// unless `embed` is `1` or `true`. Unknown or malformed parameters are ignored.
pub fn parse_embed(search: &str) -> Option<Embed> {
    let search = search.strip_prefix('?').unwrap_or(search);
    let mut embed = None::<bool>;
    let mut e = Embed::default();
    for pair in search.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let on = matches!(value, "" | "1" | "true" | "yes");
        match key {
            "embed" => embed = Some(on),
            "autoplay" => e.autoplay = on,
            "start" => e.start = value.parse().ok(),
            "stop" => e.stop = value.parse().ok(),
            "example" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') => {
                e.example = Some(Rc::from(value))
            }
            "scale" => e.scale = value.parse().ok().filter(|s| SCALES.contains(s)),
            "view" => e.story[0] = Some(Rc::from(value)),
            "lanes" => e.story[1] = Some(Rc::from(value)),
            "hide" => e.story[2] = Some(Rc::from(value)),
            _ => {}
        }
    }
    embed.unwrap_or(false).then_some(e)
}

/// The `<iframe>` snippet that embeds `url` (an embed URL). `title` is the lab's name; both are
/// escaped for an HTML attribute, so a lab named `"><script>` stays text.
pub fn embed_snippet(url: &str, title: &str) -> String {
    format!(
        r#"<iframe src="{}" title="{}" width="960" height="540" style="border:0" allow="fullscreen" loading="lazy"></iframe>"#,
        escape_attr(url),
        escape_attr(&format!("Packet Lab: {title}"))
    )
}

/// `page` (the lab's URL without query or fragment) as a link to the lab `fragment`, opening in
/// the interface language `lang` (docs/languages.md).
pub fn lab_url(page: &str, fragment: &str, lang: &str) -> String {
    format!("{page}?lang={lang}#{fragment}")
}

/// `page` (the lab's URL without query or fragment) as an embed URL for `fragment`, in the
/// interface language `lang`.
pub fn embed_url(page: &str, fragment: &str, autoplay: bool, lang: &str) -> String {
    format!("{page}?embed=1{}&lang={lang}#{fragment}", if autoplay { "&autoplay=1" } else { "" })
}

fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exercise_link_round_trips_and_a_damaged_one_is_refused() {
        let text = packet_engine::exercise::course::source("right-network").unwrap();
        let link = encode_exercise(text);
        assert!(link.starts_with("exercise="));
        assert!(link.len() < text.len(), "compressed: {} < {}", link.len(), text.len());
        assert_eq!(decode_exercise(&format!("#{link}")).as_deref(), Ok(text));
        assert_eq!(decode_exercise("#lab=abc"), Err(ShareError::NotALink));
        assert!(matches!(decode_exercise(&link[..link.len() - 8]), Err(ShareError::Damaged(_))));
        assert_eq!(decode_exercise("exercise=ab*d"), Err(ShareError::BadCharacter(2)));
    }

    #[test]
    fn a_what_if_link_carries_both_labs_and_a_bad_variant_never_loses_the_original() {
        let original = example("two-subnets");
        let mut variant = original.clone();
        variant.devices[0].interfaces[0].address = Some("192.168.1.10/16".into());
        let shared = SharedLab { scenario: original.clone(), whatif: Some(SharedWhatIf { variant: variant.clone(), comparing: true }), ..lab() };
        assert_eq!(decode(&encode(&shared)), Ok(shared.clone()));
        // An old link (no `whatif`) opens as before.
        assert_eq!(decode(&encode(&lab())).unwrap().whatif, None);
        // A variant the engine refuses: the original opens, and the note names the field.
        let mut bad = variant;
        bad.devices[0].interfaces[0].address = Some("192.168.1.300/16".into());
        let read = decode(&encode(&SharedLab { whatif: Some(SharedWhatIf { variant: bad, comparing: false }), ..shared })).unwrap();
        assert!(read.whatif.is_some(), "read as it is: validation is the engine's");
        let opened = check(&read, Scenario::validate).unwrap();
        assert_eq!((opened.scenario, opened.whatif), (original, None));
        let note = opened.whatif_note.expect("the bad variant is reported");
        assert!(note.to_string().contains("whatif.variant.devices[0].interfaces[0].address"), "{note}");
    }

    #[test]
    fn the_lab_value_is_the_one_to_value_gives() {
        for (stem, mut s) in packet_engine::examples::all() {
            assert_eq!(scenario_value(&s), serde_json::to_value(&s).unwrap(), "{stem}");
            // Floats serde_json's reader may round differently, and ones it reads exactly.
            let odd = [0.1 + 0.2, 1e-7, 123_456.789_012_345_67, -45.0, 2.5e300, f64::MIN_POSITIVE];
            for (d, dev) in s.devices.iter_mut().enumerate() {
                dev.position = Some([odd[d % odd.len()], odd[(d + 1) % odd.len()]]);
            }
            for (l, link) in s.links.iter_mut().enumerate() {
                link.bandwidth_mbps = Some(odd[(l + 2) % odd.len()]);
            }
            assert_eq!(scenario_value(&s), serde_json::to_value(&s).unwrap(), "{stem} with odd floats");
            assert_eq!(scenario_value(&s).to_string(), serde_json::to_value(&s).unwrap().to_string(), "{stem}");
        }
    }

    fn example(stem: &str) -> Scenario {
        packet_engine::examples::all().into_iter().find(|(s, _)| *s == stem).map(|(_, s)| s).expect("example exists")
    }

    fn lab() -> SharedLab {
        let (_, scenario) = packet_engine::examples::all().into_iter().next().unwrap();
        SharedLab {
            scenario,
            event: 17,
            speed: 2,
            per_click: true,
            hidden: vec![EventClass::Switch, EventClass::Neighbor],
            view: Some(ViewBox { x: -12.5, y: 3.0, width: 640.0, height: 360.0 }),
            scale: 150,
            story: crate::story::Story::default(),
            story_note: None,
            whatif: None,
            whatif_note: None,
        }
    }

    /// A fragment whose JSON is `text`, packed as `encode` packs.
    fn pack(text: &str) -> String {
        format!("{FRAGMENT_KEY}{}", base64url_encode(&miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 6)))
    }

    #[test]
    fn base64url_matches_rfc4648_test_vectors() {
        // RFC 4648 §10, unpadded.
        for (plain, coded) in [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
        // The URL-safe letters for 62 and 63.
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8=").unwrap(), vec![0xfb, 0xff]);
        assert_eq!(base64url_decode("Zm+v"), Err(ShareError::BadCharacter(2)));
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64url_decode(&base64url_encode(&all)).unwrap(), all);
    }

    #[test]
    fn every_example_round_trips_with_its_view_options() {
        for (stem, scenario) in packet_engine::examples::all() {
            let lab = SharedLab { scenario, ..lab() };
            let fragment = encode(&lab);
            assert!(fragment.starts_with("lab="), "{stem}");
            assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"=-_".contains(&b)), "{stem}: URL-safe");
            assert_eq!(decode(&fragment), Ok(lab.clone()), "{stem}");
            assert_eq!(decode(&format!("#{fragment}")), Ok(lab), "{stem}: with '#'");
        }
    }

    #[test]
    fn a_link_carries_the_story_and_a_bad_story_falls_back_with_a_note() {
        use crate::story::{Noise, NoiseSet, Story};
        let story = Story { open: true, lanes: Some(vec![packet_engine::Name::from("laptop")].into()), noise: NoiseSet::default().with(Noise::Arp) };
        let lab = SharedLab { scenario: example("name-lookup"), ..lab() }.with_story(&story);
        assert_eq!(decode(&encode(&lab)), Ok(lab.clone()));
        let text = format!(r#"{{"v":1,"scenario":{},"story":{{"open":true,"lanes":["ghost"],"hide":["arp"]}}}}"#, serde_json::to_string(&lab.scenario).unwrap());
        let opened = decode(&pack(&text)).expect("the lab still opens");
        assert!(opened.story.open && opened.story.noise.contains(Noise::Arp) && opened.story.lanes.is_none());
        assert!(opened.story_note.unwrap().to_string().contains("\"ghost\""));
    }

    #[test]
    fn links_are_compressed() {
        let lab = SharedLab { scenario: example("to-the-internet"), ..lab() };
        let json = serde_json::to_string(&lab.scenario).unwrap();
        let fragment = encode(&lab);
        assert!(fragment.len() * 2 < json.len(), "{} chars for {} bytes of JSON", fragment.len(), json.len());
    }

    #[test]
    fn html_in_a_device_name_round_trips_as_the_same_text() {
        let mut lab = lab();
        let name = "<img src=x onerror=alert(1)>";
        let old = lab.scenario.devices[0].id.clone();
        lab.scenario.devices[0].id = name.into();
        for l in &mut lab.scenario.links {
            for end in [&mut l.a, &mut l.b] {
                if end.device == old {
                    end.device = name.into();
                }
            }
        }
        for c in &mut lab.scenario.commands {
            if c.device == old {
                c.device = name.into();
            }
        }
        lab.scenario.validate().expect("the engine accepts this name");
        assert_eq!(decode(&encode(&lab)).unwrap().scenario.devices[0].id, name);
        let snippet = embed_snippet("https://x.org/lab/?embed=1&a=1#lab=abc", r#""><script>alert(1)</script>"#);
        assert!(!snippet.contains("<script>"), "{snippet}");
        assert!(snippet.contains("?embed=1&amp;a=1"), "{snippet}");
        assert!(snippet.starts_with("<iframe ") && snippet.ends_with("></iframe>"));
    }

    #[test]
    fn configuration_commands_ride_in_the_link_and_run_the_same() {
        let mut lab = lab();
        let switch = lab.scenario.devices.iter().find(|d| d.kind == packet_engine::scenario::DeviceKind::Switch).unwrap().id.clone();
        let host = lab.scenario.commands[0].device.clone();
        for (at_ms, device, run) in [(1500, &switch, "ip link set p2 down"), (1600, &host, "ip neigh flush all"), (1700, &switch, "bridge fdb flush dev p1")] {
            lab.scenario.commands.push(packet_engine::scenario::CommandSpec { at_ms, device: device.clone(), run: run.into() });
        }
        let back = decode(&encode(&lab)).unwrap();
        assert_eq!(back.scenario.commands, lab.scenario.commands);
        let run = |s: &packet_engine::Scenario| packet_engine::Simulation::new(s).unwrap().run().trace;
        assert_eq!(run(&back.scenario), run(&lab.scenario));
    }

    #[test]
    fn a_truncated_link_says_it_was_cut_off() {
        let fragment = encode(&lab());
        for keep in [fragment.len() - 1, fragment.len() - 7, fragment.len() / 2, 10] {
            let err = decode(&fragment[..keep]).unwrap_err();
            assert!(matches!(err, ShareError::Damaged(_)), "cut at {keep}: {err:?}");
            assert!(err.to_string().contains("incomplete or damaged"), "{err}");
        }
        assert_eq!(decode("lab="), Err(ShareError::Damaged(Damage::EndsEarly)));
    }

    #[test]
    fn a_tampered_link_is_refused() {
        let fragment = encode(&lab());
        // Change one character in the middle of the compressed data.
        let mid = fragment.len() / 2;
        let mut bytes = fragment.clone().into_bytes();
        bytes[mid] = if bytes[mid] == b'A' { b'B' } else { b'A' };
        let err = decode(std::str::from_utf8(&bytes).unwrap()).unwrap_err();
        assert!(matches!(err, ShareError::Damaged(_) | ShareError::NotText | ShareError::Field { .. }), "{err:?}");
        // A character no link contains, with its position counted from 1.
        let bad = format!("{}!{}", &fragment[..20], &fragment[21..]);
        assert_eq!(decode(&bad), Err(ShareError::BadCharacter(16)));
        assert_eq!(ShareError::BadCharacter(16).to_string(), "the link is damaged: character 17 is not one a lab link can contain");
        assert_eq!(decode("#nothing"), Err(ShareError::NotALink));
    }

    #[test]
    fn an_oversized_link_is_refused_after_at_most_one_megabyte() {
        // 2 MB of spaces compresses to a few KB: the cap is on the unpacked size.
        let huge = format!(r#"{{"v":1,"scenario":{{}},"pad":"{}"}}"#, " ".repeat(2 << 20));
        let fragment = pack(&huge);
        assert!(fragment.len() < 20_000, "the bomb is small: {}", fragment.len());
        assert_eq!(decode(&fragment), Err(ShareError::TooLarge));
        let long = format!("lab={}", "A".repeat(MAX_LINK_CHARS + 1));
        assert_eq!(decode(&long), Err(ShareError::TooLong(MAX_LINK_CHARS + 1)));
    }

    #[test]
    fn every_field_is_validated_with_its_path() {
        let cases = [
            (r#"[1]"#, "link"),
            (r#"{"scenario":{}}"#, "v"),
            (r#"{"v":2,"scenario":{}}"#, "v"),
            (r#"{"v":1}"#, "scenario"),
            (r#"{"v":1,"scenario":{"devices":[{"id":"a","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.300/24"}]}]}}"#, "scenario.devices[0].interfaces[0].address"),
            (r#"{"v":1,"scenario":{"devices":3}}"#, "scenario.devices"),
            (r#"{"v":1,"scenario":{},"event":-1}"#, "event"),
            (r#"{"v":1,"scenario":{},"speed":7}"#, "speed"),
            (r#"{"v":1,"scenario":{},"per_click":"yes"}"#, "per_click"),
            (r#"{"v":1,"scenario":{},"hide":["arp","html"]}"#, "hide[1]"),
            (r#"{"v":1,"scenario":{},"view":[0,0,0,10]}"#, "view"),
            (r#"{"v":1,"scenario":{},"scale":300}"#, "scale"),
            (r#"{"v":1,"scenario":{},"script":"<b>"}"#, "script"),
        ];
        // What the page does with a link: it reads it, and the engine validates its lab.
        let decode = |text: &str| decode(text).and_then(|lab| check(&lab, Scenario::validate));
        for (json, path) in cases {
            match decode(&pack(json)) {
                Err(ShareError::Field { path: p, message }) => assert_eq!(p, path, "{json}: {message}"),
                other => panic!("{json}: {other:?}"),
            }
        }
        let err = decode(&pack(cases[4].0)).unwrap_err().to_string();
        assert!(err.starts_with("the link's lab is not valid: scenario.devices[0].interfaces[0].address: "), "{err}");
        // The bare minimum is a lab with the defaults.
        let min = decode(&pack(r#"{"v":1,"scenario":{}}"#)).unwrap();
        assert_eq!((min.event, min.speed, min.per_click, min.view, min.scale), (0, crate::playback::DEFAULT_SPEED, false, None, 100));
    }

    #[test]
    fn random_garbage_never_panics() {
        // A seeded xorshift: the same inputs on every run.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let fragment = encode(&lab());
        for round in 0..300 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut bytes = fragment.clone().into_bytes();
            let at = 4 + (x as usize) % (bytes.len() - 4);
            bytes[at] = ALPHABET[(x >> 32) as usize % 64];
            let cut = if round % 3 == 0 { bytes.len() - (x >> 40) as usize % 50 } else { bytes.len() };
            let _ = decode(std::str::from_utf8(&bytes[..cut]).unwrap());
        }
    }

    #[test]
    fn embed_parameters() {
        assert_eq!(parse_embed(""), None);
        assert_eq!(parse_embed("?autoplay=1"), None);
        assert_eq!(parse_embed("?embed=0"), None);
        assert_eq!(parse_embed("?embed=1"), Some(Embed::default()));
        let e = parse_embed("?embed=1&autoplay=1&start=5&stop=x&example=router&scale=150&zz=1").unwrap();
        assert_eq!(e, Embed { autoplay: true, start: Some(5), stop: None, example: Some("router".into()), scale: Some(150), story: Default::default() });
        let e = parse_embed("?embed=1&view=diagram&lanes=a,b&hide=arp").unwrap();
        assert_eq!(e.story, [Some("diagram".into()), Some("a,b".into()), Some("arp".into())]);
        assert_eq!(parse_embed("embed&example=<b>&scale=90").unwrap(), Embed::default());
        assert_eq!(embed_url("https://x.org/lab/", "lab=abc", true, "de"), "https://x.org/lab/?embed=1&autoplay=1&lang=de#lab=abc");
        assert_eq!(lab_url("https://x.org/lab/", "lab=abc", "fr"), "https://x.org/lab/?lang=fr#lab=abc");
        assert_eq!(crate::i18n::from_query("?embed=1&autoplay=1&lang=de"), Some("de"));
        assert_eq!(crate::i18n::from_query("?lang=zz"), None);
    }

    #[test]
    fn the_example_decks_link_opens() {
        let deck = include_str!("../static/embed-example.html");
        let at = deck.find("#lab=").expect("the deck embeds a shared lab");
        let end = deck[at..].find('"').expect("in an attribute") + at;
        let lab = decode(&deck[at..end]).expect("the deck's link is valid");
        assert_eq!((lab.scenario, lab.scale), (example("to-the-internet"), 150));
    }

    #[test]
    #[ignore = "prints a link for docs: cargo test -p packet-lab print_example_link -- --ignored --nocapture"]
    fn print_example_link() {
        let lab = SharedLab { scenario: example("to-the-internet"), event: 0, speed: 4, per_click: false, hidden: vec![], view: None, scale: 150, story: Default::default(), story_note: None, whatif: None, whatif_note: None };
        println!("{}", encode(&lab));
    }
}
