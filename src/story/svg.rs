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

/// The file: `title` on top, lane headings, then every arrow with its protocol label,
/// `summary(event)` and its NAT note; `time(ns)` writes the time column.
pub fn export(layout: &Layout, title: &str, summary: &dyn Fn(usize) -> String, time: &dyn Fn(u64) -> String) -> String {
    let width = layout.width.max(TIME_W + 150.0) + 260.0;
    let height = HEAD + 24.0 + layout.height + 10.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="system-ui, sans-serif" font-size="11">
<title>{}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="8" y="16" font-size="13" font-weight="bold" fill="#1d232b">{}</text>
"##,
        escape(title),
        escape(title)
    );
    let top = 24.0;
    let bottom = top + HEAD + layout.height;
    for lane in &layout.lanes {
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-weight="bold" fill="#1d232b">{}</text><line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{bottom:.1}" stroke="#9aa3ad" stroke-dasharray="4 3"/>"##,
            lane.x,
            top + 20.0,
            escape(&lane.name),
            lane.x,
            top + HEAD - 6.0,
            lane.x
        );
    }
    for a in &layout.arrows {
        let y = top + HEAD + a.y;
        let c = colour(a.proto.css());
        let (base, head) = arrow_head(a);
        let pts: Vec<String> = head.iter().map(|(x, hy)| format!("{x:.1},{:.1}", hy - a.y + y)).collect();
        let mid = (a.x1 + a.x2) / 2.0;
        let _ = writeln!(
            s,
            r##"<g><text x="4" y="{:.1}" fill="#5b6674">{}</text><line x1="{:.1}" y1="{y:.1}" x2="{base:.1}" y2="{y:.1}" stroke="{c}" stroke-width="2"/><polygon points="{}" fill="{c}"/><text x="{mid:.1}" y="{:.1}" text-anchor="middle" fill="{c}" font-weight="bold">{}</text><text x="{:.1}" y="{:.1}" fill="#1d232b">{}</text>{}</g>"##,
            y + 4.0,
            escape(&time(a.t_ns)),
            a.x1,
            pts.join(" "),
            y - 3.0,
            a.proto.label(),
            layout.width + 6.0,
            y + 4.0,
            escape(&summary(a.event)),
            a.nat.as_ref().map_or(String::new(), |n| format!(
                r##"<text x="{:.1}" y="{:.1}" fill="#d55e00" font-size="10">{}</text>"##,
                a.x1 + 4.0,
                y + ROW_H / 2.0 - 2.0,
                escape(n)
            )),
        );
    }
    s.push_str("</svg>\n");
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
        assert!(well_formed("<svg><g></svg></g>").is_err() && well_formed("<svg>a & b</svg>").is_err());
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos; ");
    }
}
