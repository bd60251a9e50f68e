//! The sequence diagram as a standalone SVG file (every row, not only those in view), for
//! slides and hand-outs. Colours are written out (the file has no stylesheet) and every piece
//! of text is escaped, so a device named `<b>` stays text and the file is well-formed XML.

use std::fmt::Write as _;

use super::layout::{arrow_head, Layout, ROW_H, TIME_W};

/// Height of the lane headings in the file, px.
const HEAD: f64 = 34.0;

/// The fill of a protocol class in the file (the light theme's palette, static/app.css).
fn colour(css: &str) -> &'static str {
    match css {
        "arp" => "#e69f00",
        "icmp" => "#0072b2",
        "icmp-error" => "#d55e00",
        "dhcp" => "#c27c0e",
        "dns" => "#2a8f7f",
        "udp" => "#8a6fbf",
        "tcp" => "#3b6fb6",
        "http" => "#b4436c",
        "ipv4" => "#cc79a7",
        _ => "#7a8591",
    }
}

/// Text escaped for XML character data and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 has no place for other control characters.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// How a row is written: for the file (colours written out) or for the page (CSS classes,
/// and each arrow a button that names its frame; `cursor` is the current row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A standalone file.
    Export,
    /// The live diagram.
    Live {
        /// The cursor row.
        cursor: Option<usize>,
    },
}

/// The rows `rows` of `layout`, each a `<g>`, shifted down by `dy`; `summary(event)` gives the
/// text right of the lanes and `time(ns)` the time column. One writer for the page and the
/// file, so what is exported is what was on screen.
pub fn write_rows(
    s: &mut String,
    layout: &Layout,
    rows: std::ops::Range<usize>,
    dy: f64,
    mode: Mode,
    summary: &dyn Fn(usize) -> String,
    time: &dyn Fn(u64) -> String,
) {
    let live = matches!(mode, Mode::Live { .. });
    let paint = |class: &str, export: &str| if live { format!(r#" class="{class}""#) } else { format!(" {export}") };
    for a in layout.arrows.get(rows).unwrap_or_default() {
        let y = dy + a.y;
        let c = colour(a.proto.css());
        let (base, head) = arrow_head(a);
        let pts: Vec<String> = head.iter().map(|(x, hy)| format!("{x:.1},{:.1}", hy - a.y + y + 5.0)).collect();
        let text = escape(&summary(a.event));
        match mode {
            Mode::Live { cursor } => {
                let here = cursor == Some(a.row);
                let _ = write!(
                    s,
                    r#"<g class="seq-arrow proto-{css}{cur}" data-testid="seq-arrow" data-row="{row}" data-event="{e}" data-proto="{css}"{fwd} role="button" tabindex="0"{aria}><rect class="seq-hit" x="0" y="{top:.1}" width="{w:.1}" height="{ROW_H:.1}"/>"#,
                    css = a.proto.css(),
                    cur = if here { " current" } else { "" },
                    e = a.event,
                    row = a.row,
                    fwd = if a.forwarded { r#" data-forwarded="true""# } else { "" },
                    aria = if here { r#" aria-current="step""# } else { "" },
                    top = y - ROW_H / 2.0,
                    w = layout.width + SUMMARY_W,
                );
            }
            Mode::Export => s.push_str("<g>"),
        }
        // The arrow in the row's lower half, its protocol and summary above it from its left end.
        let ya = y + 5.0;
        let left = a.x1.min(a.x2) + 6.0;
        let _ = write!(
            s,
            r#"<text{} x="4" y="{:.1}">{}</text><line{} x1="{:.1}" y1="{ya:.1}" x2="{base:.1}" y2="{ya:.1}"/><polygon{} points="{}"/><text{} x="{left:.1}" y="{:.1}"><tspan{}>{}</tspan> {text}{nat}</text>"#,
            paint("seq-time", r##"fill="#5b6674""##),
            y + 4.0,
            escape(&time(a.t_ns)),
            paint("seq-shaft", &format!(r#"stroke="{c}" stroke-width="2""#)),
            a.x1,
            paint("seq-tip", &format!(r#"fill="{c}""#)),
            pts.join(" "),
            paint("seq-summary", r##"fill="#1d232b""##),
            y - 1.0,
            paint("seq-proto", r##"font-weight="bold""##),
            a.proto.label(),
            // Where the router rewrote addresses or ports, said on the arrow it sent.
            nat = a.nat.as_ref().map_or(String::new(), |n| format!(
                r#" <tspan{} data-testid="seq-nat">{}</tspan>"#,
                paint("seq-nat", r##"fill="#b42318" font-weight="bold""##),
                escape(n)
            )),
        );
        s.push_str("</g>");
    }
}

/// Room right of the last lane for the labels that run past it, px.
pub const SUMMARY_W: f64 = 160.0;

/// The live diagram's `<svg>`: lane lines the whole height and the rows in `rows`; `label` is
/// its accessible name, in the interface language.
pub fn live(layout: &Layout, rows: std::ops::Range<usize>, cursor: Option<usize>, label: &str, summary: &dyn Fn(usize) -> String, time: &dyn Fn(u64) -> String) -> String {
    let (w, h) = (layout.width + SUMMARY_W, layout.height.max(ROW_H));
    let label = escape(label);
    let mut s = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" class="seq-svg" width="{w:.0}" height="{h:.0}" role="group" aria-label="{label}"><g class="seq-lanes" aria-hidden="true">"#);
    for lane in &layout.lanes {
        let _ = write!(s, r#"<line class="seq-lane" x1="{x:.1}" y1="0" x2="{x:.1}" y2="{h:.0}"/>"#, x = lane.x);
    }
    s.push_str("</g>");
    write_rows(&mut s, layout, rows, 0.0, Mode::Live { cursor }, summary, time);
    s.push_str("</svg>");
    s
}

/// The file: `title` on top, lane headings, then every arrow with its protocol label,
/// `summary(event)` and its NAT note; `time(ns)` writes the time column.
pub fn export(layout: &Layout, title: &str, summary: &dyn Fn(usize) -> String, time: &dyn Fn(u64) -> String) -> String {
    let width = layout.width.max(TIME_W + 150.0) + SUMMARY_W;
    let height = HEAD + 24.0 + layout.height + 10.0;
    let title = escape(title);
    let mut s = format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="system-ui, sans-serif" font-size="11">
<title>{title}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="8" y="16" font-size="13" font-weight="bold" fill="#1d232b">{title}</text>
"##
    );
    let top = 24.0;
    let bottom = top + HEAD + layout.height;
    for lane in &layout.lanes {
        let _ = writeln!(
            s,
            r##"<text x="{x:.1}" y="{:.1}" text-anchor="middle" font-weight="bold" fill="#1d232b">{}</text><line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="#9aa3ad" stroke-dasharray="4 3"/>"##,
            top + 20.0,
            escape(&lane.name),
            top + HEAD - 6.0,
            x = lane.x,
        );
    }
    write_rows(&mut s, layout, 0..layout.arrows.len(), top + HEAD, Mode::Export, summary, time);
    s.push_str("\n</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{layout, NoiseSet, StoryIndex};

    /// A small well-formedness check: every tag closes in order, attributes are quoted, and
    /// no raw `<` or `&` is left in text (the browser test parses the file with DOMParser).
    fn well_formed(xml: &str) -> Result<(), String> {
        let body = xml.split_once("?>").map_or(xml, |(_, b)| b);
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = body;
        while let Some(open) = rest.find('<') {
            let text = &rest[..open];
            if let Some(amp) = text.find('&') {
                let ent = &text[amp..];
                if !["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| ent.starts_with(e)) {
                    return Err(format!("raw & in {text:?}"));
                }
            }
            let close = rest[open..].find('>').ok_or("unclosed tag")? + open;
            let tag = &rest[open + 1..close];
            if tag.contains('<') {
                return Err(format!("< inside a tag: {tag}"));
            }
            if let Some(name) = tag.strip_prefix('/') {
                if stack.pop() != Some(name) {
                    return Err(format!("</{name}> closes the wrong element"));
                }
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().unwrap_or(""));
            }
            if tag.matches('"').count() % 2 != 0 {
                return Err(format!("unbalanced quotes in {tag}"));
            }
            rest = &rest[close + 1..];
        }
        if stack.is_empty() { Ok(()) } else { Err(format!("left open: {stack:?}")) }
    }

    #[test]
    fn the_export_is_well_formed_with_every_row_and_escaped_names() {
        let scenario = packet_engine::examples::all().into_iter().find(|(s, _)| *s == "name-lookup").unwrap().1;
        let outcome = packet_engine::Simulation::new(&scenario).unwrap().run();
        let idx = StoryIndex::new(&outcome);
        let mut lanes = idx.touched.clone();
        lanes[0] = "<b>&\"x".into();
        let l = layout::layout(&idx, &idx.touched, NoiseSet::default());
        let svg = export(&l, "Name <lookup> & more", &|e| format!("event {e} <&>"), &|t| format!("{t} ns"));
        well_formed(&svg).unwrap();
        assert_eq!(svg.matches("<polygon").count(), l.arrows.len(), "every row, not only those in view");
        let l2 = layout::layout(&idx, &lanes, NoiseSet::default());
        well_formed(&export(&l2, "x", &|_| String::new(), &|_| String::new())).unwrap();
        let page = live(&l, 2..7, Some(3), "Sequence diagram", &|e| format!("<{e}>"), &|t| t.to_string());
        well_formed(&page).unwrap();
        assert_eq!(page.matches("data-testid=\"seq-arrow\"").count(), 5, "only the rows asked for");
        assert_eq!(page.matches("aria-current=\"step\"").count(), 1);
        assert!(well_formed("<svg><g></svg></g>").is_err() && well_formed("<svg>a & b</svg>").is_err());
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos; ");
    }
}
