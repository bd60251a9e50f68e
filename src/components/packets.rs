//! The frames on the wires: an SVG layer drawn over the canvas's links. Each frame is a small
//! pill in its protocol's colour with its protocol's name on it (so colour is never the only
//! cue), broadcasts have a dashed outline, a switch's flood sends out a ring, and a drop
//! leaves a ✕ with the reason at the device for a moment.
//!
//! Where each sprite goes is computed by [`sprites`] from the playback model and `anim`'s pure
//! geometry; the component only draws a list of positions.

use packet_engine::VecMap;
use std::fmt::Write as _;
use std::rc::Rc;

use yew::prelude::*;

use crate::anim::{flood_ring, frame_point, mark_opacity};
use crate::diagram::Diagram;
use crate::geometry::Point;
use crate::i18n::{use_tr, Tr};
use crate::playback::Playback;

/// Above this many frames in flight they are drawn as plain dots without their protocol label
/// (a broadcast storm or the benchmark): the labels would overlap into noise anyway, and one
/// `<circle>` per frame keeps the frame time low. The colour still tells the protocol.
pub const LABEL_LIMIT: usize = 120;

/// Radius around a device centre that frames start and stop at (icons are 24–30 units).
const ICON_RADIUS: f64 = 28.0;

/// One frame on a wire, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Sprite {
    /// Stable key: the index of its `FrameSent` event.
    pub key: usize,
    /// Where its centre is.
    pub at: Point,
    /// CSS suffix of its protocol class (`arp`).
    pub css: &'static str,
    /// The label on it ("ARP").
    pub label: &'static str,
    /// Sent to the broadcast address.
    pub broadcast: bool,
    /// Arrived, waiting at its receiver (drawn paler).
    pub arrived: bool,
}

/// A mark at a device: a flood ring or a drop.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkSprite {
    /// Stable key: the event index.
    pub key: usize,
    /// The device's centre.
    pub at: Point,
    /// `Some(reason)` for a drop, `None` for a flood.
    pub drop: Option<&'static str>,
    /// CSS suffix of its class.
    pub css: &'static str,
    /// Ring radius (floods).
    pub radius: f64,
    /// 0 … 1.
    pub opacity: f64,
}

/// What is on the canvas at the playhead, positioned on `diagram`.
pub fn sprites(play: &Playback, diagram: &Diagram, reduced_motion: bool) -> (Rc<[Sprite]>, Rc<[MarkSprite]>) {
    // Maps filled by insert, not collect(): VecMap's FromIterator sorts its input with the
    // stable sort, whose code for these two element types was ~6 KB of the wasm (issue 15).
    // The same maps (a later duplicate key wins either way).
    let mut centres: VecMap<&str, Point> = VecMap::new();
    for d in &diagram.devices {
        centres.insert(d.name.as_str(), d.position);
    }
    // Each link's ends on its own line (parallel cables apart), by link id.
    let mut links: VecMap<&str, (&str, Point, Point)> = VecMap::new();
    for l in &diagram.links {
        if let (Some(a), Some((pa, pb))) = (diagram.devices.get(l.a), diagram.link_ends(l)) {
            links.insert(l.id.as_str(), (a.name.as_str(), pa, pb));
        }
    }
    let frames = play
        .in_flight()
        .into_iter()
        .filter_map(|f| {
            let hop = &f.flight.hop;
            let (from, to) = match links.get(hop.link.as_str()) {
                Some(&(a_name, a, b)) if a_name == hop.from.device.as_str() => (a, b),
                Some(&(_, a, b)) => (b, a),
                None => (*centres.get(hop.from.device.as_str())?, *centres.get(hop.to.device.as_str())?),
            };
            Some(Sprite {
                key: f.flight.event,
                at: frame_point(from, to, ICON_RADIUS, ICON_RADIUS, f.progress, reduced_motion),
                css: f.flight.class.css(),
                label: f.flight.class.label(),
                broadcast: f.flight.broadcast,
                arrived: f.arrived,
            })
        })
        .collect();
    let marks = play
        .marks()
        .into_iter()
        .filter_map(|m| {
            let at = *centres.get(m.device.as_str())?;
            let (radius, ring_opacity) = flood_ring(m.age, reduced_motion);
            Some(MarkSprite {
                key: m.event,
                at,
                drop: m.note,
                css: m.class.css(),
                radius,
                opacity: if m.note.is_some() { mark_opacity(m.age) } else { ring_opacity },
            })
        })
        .collect();
    (frames, marks)
}

/// Props of [`Packets`].
#[derive(Properties, PartialEq)]
pub struct PacketsProps {
    /// Frames on the wires.
    pub frames: Rc<[Sprite]>,
    /// Floods and drops.
    #[prop_or_else(|| Rc::from(Vec::new()))]
    pub marks: Rc<[MarkSprite]>,
    /// Label every frame even above [`LABEL_LIMIT`] (the benchmark's comparison run).
    #[prop_or_default]
    pub always_label: bool,
    /// A labelled frame was clicked: the index of its `FrameSent` event (opens the inspector).
    #[prop_or_default]
    pub on_pick: Option<Callback<usize>>,
}

/// Many frames as dots: one `<path>` per protocol colour (and broadcast outline) holding every
/// dot of that kind, so the browser styles and paints a handful of elements, not hundreds.
fn dense_frames(frames: &[Sprite]) -> Html {
    let mut paths: VecMap<(&'static str, bool), String> = VecMap::new();
    for f in frames {
        let d = paths.entry((f.css, f.broadcast)).or_default();
        // A circle of radius 7 as two arcs, starting at its left edge.
        let _ = write!(d, "M{:.1} {:.1}a7 7 0 1 0 14 0a7 7 0 1 0-14 0", f.at.x - 7.0, f.at.y);
    }
    paths
        .into_iter()
        .map(|((css, broadcast), d)| {
            let class = classes!("frame-dot", format!("proto-{css}"), broadcast.then_some("broadcast"));
            html! { <path key={format!("{css}-{broadcast}")} {class} data-testid="frame-dots" {d} /> }
        })
        .collect()
}

/// The layer of frames in flight; drawn inside the canvas's `<svg>`.
#[function_component(Packets)]
pub fn packets(props: &PacketsProps) -> Html {
    let tr = use_tr();
    let marks = props.marks.iter().map(|m| {
        let (x, y) = (m.at.x.to_string(), m.at.y.to_string());
        match m.drop {
            None => html! {
                <circle key={m.key} class={classes!("flood-ring", format!("proto-{}", m.css))}
                    cx={x} cy={y} r={m.radius.to_string()} opacity={format!("{:.3}", m.opacity)} />
            },
            Some(reason) => html! {
                <g key={m.key} class="drop-mark" data-testid="drop-mark"
                    transform={format!("translate({x} {y})")} opacity={format!("{:.3}", m.opacity)}>
                    <circle class="drop-disc" cx="22" cy="-22" r="10" />
                    <path class="drop-x" d="M16 -28 L28 -16 M28 -28 L16 -16" />
                    <text class="drop-reason" x="0" y="-40">{ drop_text(&tr, reason) }</text>
                </g>
            },
        }
    });
    let dense = props.frames.len() > LABEL_LIMIT && !props.always_label;
    if dense {
        return html! {
            <g class="packets" aria-hidden="true" pointer-events="none">
                <g class="marks">{ for marks }</g>
                <g class="frames">{ dense_frames(&props.frames) }</g>
            </g>
        };
    }
    let frames = props.frames.iter().map(|f| {
        let class = classes!("frame", format!("proto-{}", f.css), f.broadcast.then_some("broadcast"), f.arrived.then_some("arrived"));
        // Wide enough for the label at 12 px bold, so it reads on a projector.
        let width = 14.0 + 7.6 * f.label.len() as f64;
        // The layer ignores the pointer so the canvas below stays editable; a frame itself
        // takes clicks when someone listens, to open it in the inspector.
        let (pointer, onclick) = match &props.on_pick {
            Some(pick) => {
                let (pick, event) = (pick.clone(), f.key);
                ("auto", Some(Callback::from(move |e: MouseEvent| {
                    e.stop_propagation();
                    pick.emit(event)
                })))
            }
            None => ("none", None),
        };
        html! {
            <g key={f.key} {class} data-testid="frame" data-event={f.key.to_string()}
                pointer-events={pointer} {onclick}
                transform={format!("translate({:.1} {:.1})", f.at.x, f.at.y)}>
                <rect x={format!("{:.1}", -width / 2.0)} y="-10" width={format!("{width:.1}")} height="20" rx="10" />
                <text y="4.3">{ f.label }</text>
            </g>
        }
    });
    html! {
        <g class="packets" aria-hidden="true" pointer-events="none">
            <g class="marks">{ for marks }</g>
            <g class="frames">{ for frames }</g>
        </g>
    }
}

/// The cut cables at the playhead ([`crate::diagram::cable_cuts`]): a gap in the cable and
/// two red strokes across it, drawn over the links in the frames' layer.
pub fn cut_marks(cuts: &[crate::diagram::Cut]) -> Html {
    cuts.iter()
        .map(|c| {
            let transform = format!("translate({:.1} {:.1}) rotate({:.1})", c.at.x, c.at.y, c.angle);
            html! {
                <g class="cable-cut" data-testid="cable-cut" data-link={c.link.clone()} key={c.link.clone()} {transform}>
                    <rect x="-6" y="-7" width="12" height="14" />
                    <line x1="-5" y1="-9" x2="-1" y2="9" />
                    <line x1="1" y1="-9" x2="5" y2="9" />
                </g>
            }
        })
        .collect()
}

/// A drop mark's words (`playback::short_reason`, English) in the interface language: the
/// reason's key in the `canvas-drop` message; a reason the catalogue lacks shows as it is.
fn drop_text(tr: &Tr, reason: &'static str) -> String {
    match drop_key(reason) {
        Some(key) => crate::tr!(tr, "canvas-drop", reason = key),
        None => reason.to_owned(),
    }
}

/// The `canvas-drop` variant of a short drop reason.
fn drop_key(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "not my MAC" => "not-my-mac",
        "ARP not for me" => "arp-not-for-me",
        "host does not forward" => "not-forwarding",
        "TTL expired" => "ttl-expired",
        "no route" => "no-route",
        "ARP failed" => "arp-failed",
        "ARP queue full" => "arp-queue-full",
        "same port" => "same-port",
        "queue full" => "queue-full",
        "no cable" => "no-cable",
        "link down" => "link-down",
        "lost on the cable" => "lost",
        "no route back" => "no-route-back",
        "malformed" => "malformed",
        "not modelled" => "not-modelled",
        "rate-limited" => "rate-limited",
        "no listener" => "no-listener",
        "no NAT port" => "no-nat-port",
        "STP: port not forwarding" => "port-not-forwarding",
        "too big for the MTU" => "too-big",
        "too big, DF set" => "frag-needed",
        "dropped" => "dropped",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use packet_engine::trace::DropReason;

    use super::*;
    use crate::playback::short_reason;

    /// Every drop reason has its words in the catalogue, and English reads as before.
    #[test]
    fn every_drop_reason_is_in_the_catalogue() {
        use DropReason::*;
        let en = crate::i18n::tr("en");
        for r in [
            NotForMyMac, ArpNotForMe, NotForwarding, TtlExpired, NoRoute, NeighborFailed, NeighborQueueFull,
            SameSegment, TxQueueFull, NoLink, NoCarrier, Malformed, Unsupported, IcmpRateLimited, NoListener,
            RedirectIgnored, NatNoFreePort, LostOnLink, NoRouteBack, PortNotForwarding, TooBig, FragNeeded,
        ] {
            let short = short_reason(r);
            assert!(drop_key(short).is_some(), "{r:?}: {short}");
            assert_eq!(drop_text(&en, short), short);
            for tag in ["de", "fr"] {
                assert_ne!(drop_text(&crate::i18n::tr(tag), short), short, "{tag}: {short}");
            }
        }
    }
}
