//! The packet inspector, Wireshark-style, shown in place of the side panel: the current
//! event's sentence from the engine; for a routing decision the binary AND; for a router's
//! forward the rewrap diff; for a frame its layer tree (expandable, checksums marked
//! correct/wrong) over a hex + ASCII dump, where selecting a field highlights its bytes and
//! clicking a byte selects its field; "Why did it fail?" for failed commands; and the run
//! (or one link) as a .pcap download.
//!
//! Everything shown is computed by the engine (`wire::decode`, `explain`, `diagnose`) and
//! `crate::inspector`; this file only lays it out.

use std::rc::Rc;

use yew::prelude::*;

use packet_engine::diagnose::{self, Diagnosis};
use packet_engine::explain::{self, AndView};
use packet_engine::trace::EventKind;
use packet_engine::Scenario;

use crate::i18n::{use_tr, Tr};
use crate::inspector::{self as model, Check, InspectAction, Inspector as Model, Layer};
use crate::tr;
use crate::playback::{format_time, RunRef};

/// Props of [`Inspector`].
#[derive(Properties, PartialEq, Clone)]
pub struct InspectorProps {
    /// The run, if the lab runs.
    pub run: Option<RunRef>,
    /// The lab as run: the scenario with the commands typed in the lab appended.
    pub scenario: Rc<Scenario>,
    /// The event to inspect (the playback's current event).
    pub event: Option<usize>,
    /// Open/selected/collapsed.
    pub model: Model,
    /// Dispatches inspector actions.
    pub on_action: Callback<InspectAction>,
    /// Shown under the heading: the what-if's frame diff while comparing (issue 18).
    #[prop_or_default]
    pub children: Html,
}

/// The inspector panel.
#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let tr = use_tr();
    let tr = &*tr;
    // Diagnoses depend only on the run (and the lab it came from): computed once per run.
    let diagnoses = use_memo((props.run.clone(), props.scenario.clone()), |(run, scenario)| {
        let found: Vec<Diagnosis> = match run {
            Some(run) => diagnose::diagnose(&run.outcome.topology, &run.outcome),
            // (The inspector's module waits for the engine's, which validates.)
            None => crate::playback::engine::get()
                .and_then(|engine| (engine.validate)(scenario).err())
                .and_then(|e| diagnose::diagnose_invalid(scenario, &e))
                .into_iter()
                .collect(),
        };
        found
    });
    // A TCP segment's relative numbers read the run up to it: once per event shown.
    let rel = use_memo((props.run.clone(), props.event), |(run, event)| {
        run.as_ref().zip(*event).and_then(|(run, i)| model::conversation(&run.outcome, i))
    });
    let close = props.on_action.reform(|_: MouseEvent| InspectAction::Close);
    let body = match (&props.run, props.event) {
        (Some(run), Some(index)) if index < run.len() => event_view(tr, props, run, index, *rel),
        _ => html! {
            <p class="muted insp-empty">{ tr!(tr, "inspector-empty") }</p>
        },
    };
    html! {
        <aside class="side-panel inspector" aria-label={tr!(tr, "inspector-label")} data-testid="inspector">
            <header class="insp-head">
                <h2 class="panel-heading">{ tr!(tr, "inspector-label") }</h2>
                <button type="button" class="link-button" data-testid="inspector-close" onclick={close}
                    aria-label={tr!(tr, "inspector-close-label")}>{ tr!(tr, "inspector-close") }</button>
            </header>
            { props.children.clone() }
            { why_failed(tr, &shown_diagnoses(&diagnoses, props.run.as_ref(), props.event)) }
            { body }
            { downloads(props) }
        </aside>
    }
}

/// The diagnoses of commands whose last line has been printed by event `event` (a lab that
/// cannot run has its diagnosis at once): the box does not give the ending away.
fn shown_diagnoses(all: &[Diagnosis], run: Option<&RunRef>, event: Option<usize>) -> Vec<Diagnosis> {
    let Some(run) = run else { return all.to_vec() };
    let events = &run.outcome.trace.events;
    all.iter()
        .filter(|d| {
            let last = events.iter().rposition(|e| matches!(&e.kind, EventKind::CommandOutput { label, .. } if label == &d.command));
            last.is_some_and(|last| event.is_some_and(|now| now >= last))
        })
        .cloned()
        .collect()
}

/// The "Why did it fail?" box.
fn why_failed(tr: &Tr, diagnoses: &[Diagnosis]) -> Html {
    if diagnoses.is_empty() {
        return Html::default();
    }
    html! {
        <section class="insp-why" role="note" data-testid="diagnosis">
            <h3 class="insp-why-title">{ tr!(tr, "inspector-why") }</h3>
            { for diagnoses.iter().map(|d| html! {
                <div class="insp-why-item" data-cause={cause_id(d)}>
                    if !d.command.is_empty() {
                        <p class="insp-why-cmd">{ d.command.clone() }</p>
                    }
                    <p data-testid="diagnosis-text">{ tr.msg(&d.text) }</p>
                    <p class="insp-why-field">{ tr!(tr, "inspector-look-at") }<strong>{ d.device.clone() }</strong>{ tr!(tr, "inspector-look-at-colon") }
                        <code data-testid="diagnosis-field">{ d.field.clone() }</code></p>
                </div>
            }) }
        </section>
    }
}

fn cause_id(d: &Diagnosis) -> &'static str {
    use packet_engine::diagnose::Cause;
    match d.cause {
        Cause::WrongMask { .. } => "wrong-mask",
        Cause::NoGateway => "no-gateway",
        Cause::GatewayOffSubnet => "gateway-off-subnet",
        Cause::GatewayNoAnswer { .. } => "gateway-no-answer",
        Cause::NoRoute => "no-route",
        Cause::UnknownHost { .. } => "unknown-host",
        Cause::TtlLoop { .. } => "ttl-loop",
        Cause::NoDhcpServer => "no-dhcp-server",
        Cause::LeaseExpired => "lease-expired",
        Cause::DnsUnreachable { .. } => "dns-unreachable",
        Cause::NxDomain { .. } => "nxdomain",
        Cause::ForgotNat { .. } => "forgot-nat",
        Cause::NameUnresolved { .. } => "name-unresolved",
        Cause::ConnectionRefused { .. } => "connection-refused",
        Cause::NoAnswerToSyn { .. } => "no-answer-to-syn",
        Cause::ChangedDuringRun { .. } => "changed-during-run",
        Cause::WrongVlan { .. } => "wrong-vlan",
        Cause::TrunkMissingVlan { .. } => "trunk-missing-vlan",
        Cause::DadFailed { .. } => "dad-failed",
        Cause::NoRouterAdvert => "no-router-advert",
        Cause::WrongPrefixLength { .. } => "wrong-prefix-length",
        Cause::Unreachable6 { .. } => "unreachable6",
        Cause::TooBig { .. } => "too-big",
    }
}

/// Everything about one event.
fn event_view(tr: &Tr, props: &InspectorProps, run: &RunRef, index: usize, rel: model::Rel) -> Html {
    let event = &run.outcome.trace.events[index];
    let mut extra = Vec::new();
    if let EventKind::Route { decision, .. } = &event.kind {
        for check in &decision.checks {
            extra.push(and_view(tr, &check.interface, &explain::and_view_of(check, decision.destination)));
        }
    }
    if let EventKind::Ipv6 { event: e6, .. } = &event.kind {
        if let packet_engine::trace::Ipv6Event::Route { decision } = &**e6 {
            for check in &decision.checks {
                extra.push(prefix_view(tr, &packet_engine::trace::prefix_view(check, decision.destination)));
            }
        }
    }
    if let EventKind::FrameSent { bytes, .. } = &event.kind {
        if let Some(arrived) = model::rewrap::forwarded_from(&run.outcome.trace, index) {
            if let EventKind::FrameReceived { bytes: before, .. } = &run.outcome.trace.events[arrived].kind {
                if let Some(diff) = model::rewrap::diff(before, bytes) {
                    extra.push(rewrap(tr, &diff, arrived));
                }
            }
        }
    }
    let frame = model::frame_of(&event.kind).map(|bytes| frame_view(tr, props, index, bytes, rel));
    html! {
        <>
            <section class="insp-event" data-testid="inspected-event" data-index={index.to_string()}>
                <p class="insp-meta">{ tr!(tr, "inspector-event", number = (index + 1).to_string(), time = format_time(event.time.as_nanos())) }</p>
                <p class="insp-explain" data-testid="inspector-explain">{ tr.msg(&event.explain_msg()) }</p>
            </section>
            { for extra }
            { frame.unwrap_or_default() }
        </>
    }
}

/// The binary AND of one interface check.
fn and_view(tr: &Tr, interface: &str, v: &AndView) -> Html {
    let rows = v.rows.iter().enumerate().map(|(r, row)| {
        let bits = row.octets.iter().enumerate().map(|(o, octet)| {
            let cells = octet.chars().enumerate().map(|(b, c)| {
                let bit = o * 8 + b;
                let net = bit < v.prefix_len as usize;
                let diff = r >= 2 && v.first_difference.is_some_and(|d| bit >= d as usize) && net
                    && v.rows[2].octets[o].as_bytes()[b] != v.rows[3].octets[o].as_bytes()[b];
                // Static class strings rather than classes! (issue 15); a differing bit is a network bit.
                let class = if diff { "bit net diff" } else if net { "bit net" } else { "bit" };
                html! { <span {class}>{ c }</span> }
            });
            html! { <span class="octet">{ for cells }</span> }
        });
        html! {
            <tr class={format!("and-{r}")}>
                <th scope="row">{ tr.msg(&row.label_msg()) }</th>
                <td class="and-dotted">{ row.dotted.clone() }</td>
                <td class="and-bits">{ for bits }</td>
            </tr>
        }
    });
    html! {
        <section class="insp-and" data-testid="and-view" data-equal={v.equal.to_string()}>
            <h3 class="insp-sub">{ tr!(tr, "inspector-and", interface = interface.to_owned(), prefix = v.prefix_len.to_string()) }</h3>
            <table class="and-table"><tbody>{ for rows }</tbody></table>
            <p class="insp-note">{ tr!(tr, "inspector-and-note") }</p>
            <p class={if v.equal { "and-verdict same" } else { "and-verdict other" }} data-testid="and-verdict">{ tr.msg(&v.verdict) }</p>
        </section>
    }
}

/// The IPv6 prefix check of one route (issue 16): destination, mask, AND and
/// prefix in hex groups, the network groups shaded, the deciding group in binary.
fn prefix_view(tr: &Tr, v: &packet_engine::trace::PrefixView) -> Html {
    let full = usize::from(v.prefix_len) / 16;
    let rows = v.rows.iter().enumerate().map(|(r, row)| {
        let groups = row.groups.iter().enumerate().map(|(g, text)| {
            let class = if g == v.group { "group net pick" } else if g < full || (g == full && v.prefix_len % 16 != 0) { "group net" } else { "group" };
            html! { <span {class}>{ text.clone() }</span> }
        });
        html! {
            <tr class={format!("and-{r}")}>
                <th scope="row">{ tr.msg(&row.label_msg()) }</th>
                <td class="and-hex">{ for groups }</td>
                <td class="and-bits">{ row.bits.clone() }</td>
            </tr>
        }
    });
    html! {
        <section class="insp-and" data-testid="prefix-view" data-equal={v.matches.to_string()}>
            <h3 class="insp-sub">{ tr!(tr, "explain6-prefix-heading", len = v.prefix_len.to_string(), group = (v.group + 1).to_string()) }</h3>
            <table class="and-table"><tbody>{ for rows }</tbody></table>
            <p class="insp-note">{ tr!(tr, "explain6-prefix-note") }</p>
            <p class={if v.matches { "and-verdict same" } else { "and-verdict other" }} data-testid="prefix-verdict">{ tr.msg(&v.verdict) }</p>
        </section>
    }
}

/// The router's rewrap as a diff.
fn rewrap(tr: &Tr, diff: &[explain::FieldChange], arrived: usize) -> Html {
    let rows = diff.iter().map(|c| {
        let changed = c.changed();
        html! {
            <tr class={changed.then_some("changed")} data-testid="diff-row" data-field={c.field}
                data-changed={changed.to_string()}>
                <th scope="row">{ field_name(tr, c.field) }<span class="diff-why">{ tr.msg(&c.why) }</span></th>
                <td class="mono">{ c.before.clone() }</td>
                <td class="diff-arrow">{ if changed { "→" } else { "=" } }</td>
                <td class="mono">{ c.after.clone() }</td>
            </tr>
        }
    });
    html! {
        <section class="insp-diff" data-testid="rewrap">
            <h3 class="insp-sub">{ tr!(tr, "inspector-rewrap", event = (arrived + 1).to_string()) }</h3>
            <table class="diff-table">
                <thead><tr><th>{ tr!(tr, "inspector-col-field") }</th><th>{ tr!(tr, "inspector-col-arrived") }</th><th /><th>{ tr!(tr, "inspector-col-left") }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}

/// A rewrap row's field (src/inspector/rewrap.rs names it in English, which `data-field` keeps)
/// in the interface language.
fn field_name(tr: &Tr, field: &str) -> String {
    match field {
        "Destination MAC" => tr!(tr, "explain-field-dst-mac"),
        "Source MAC" => tr!(tr, "explain-field-src-mac"),
        "TTL" => tr!(tr, "explain-field-ttl"),
        "Header checksum" => tr!(tr, "explain-field-checksum"),
        "Source address" => tr!(tr, "explain-field-src-ip"),
        "Destination address" => tr!(tr, "explain-field-dst-ip"),
        "Source port" => tr!(tr, "explain-field-src-port"),
        "Destination port" => tr!(tr, "explain-field-dst-port"),
        "TCP checksum" => tr!(tr, "explain-field-tcp-checksum"),
        "UDP checksum" => tr!(tr, "explain-field-udp-checksum"),
        "ICMP identifier" => tr!(tr, "explain-field-icmp-id"),
        "Quoted source address" => tr!(tr, "explain-field-quoted-src-ip"),
        "Quoted destination address" => tr!(tr, "explain-field-quoted-dst-ip"),
        "Quoted header checksum" => tr!(tr, "explain-field-quoted-checksum"),
        "Quoted source port" => tr!(tr, "explain-field-quoted-src-port"),
        "Quoted destination port" => tr!(tr, "explain-field-quoted-dst-port"),
        "ICMP checksum" => tr!(tr, "explain-field-icmp-checksum"),
        other => other.to_owned(),
    }
}

/// The layer tree over the hex + ASCII dump.
fn frame_view(tr: &Tr, props: &InspectorProps, event: usize, bytes: &[u8], rel: model::Rel) -> Html {
    let layers: Rc<Vec<Layer>> = Rc::new(model::layers(bytes, rel));
    let selected = props.model.field_of(event);
    let highlight = selected.and_then(|id| model::range_of(&layers, id)).unwrap_or(0..0);
    let tree = layers.iter().enumerate().map(|(l, layer)| {
        let open = !props.model.collapsed.contains(&l);
        let fields = layer.fields.iter().enumerate().map(|(f, field)| {
            let on = selected == Some((l, f));
            let pick = if on { None } else { Some((l, f)) };
            // One span for the three verdicts (issue 15: each html! is code of its own).
            let check = field.check.map(|c| {
                let (css, text) = match c {
                    Check::Correct => ("check ok", tr!(tr, "inspector-check-correct")),
                    Check::Wrong { expected } => ("check bad", tr!(tr, "inspector-check-wrong", expected = format!("0x{expected:04x}"))),
                    Check::Unverified => ("check muted", tr!(tr, "inspector-check-unverified")),
                };
                html! { <span class={css}>{ text }</span> }
            });
            html! {
                <li>
                    <button type="button" class={if on { "field selected" } else { "field" }} data-testid="field"
                        data-name={field.name.clone()} data-depth={field.depth.to_string()} aria-pressed={on.to_string()}
                        title={tr!(tr, "inspector-bytes", start = field.range.start.to_string(), end = field.range.end.saturating_sub(1).to_string())}
                        onclick={props.on_action.reform(move |_: MouseEvent| InspectAction::Select(event, pick))}>
                        <span class="field-name">{ field.name.clone() }{ ": " }</span>
                        <span class="field-value" data-testid="field-value">{ field.value.clone() }</span>
                        { check.unwrap_or_default() }
                    </button>
                </li>
            }
        });
        html! {
            <li class={format!("layer proto-{}", layer.css)} data-testid="layer" data-layer={layer.css}>
                <button type="button" class="layer-head" aria-expanded={open.to_string()}
                    onclick={props.on_action.reform(move |_: MouseEvent| InspectAction::ToggleLayer(l))}>
                    <span class="twisty" aria-hidden="true">{ if open { "▾" } else { "▸" } }</span>
                    <span class="swatch" />{ layer.title.clone() }
                </button>
                if open {
                    <ul class="fields">{ for fields }</ul>
                }
            </li>
        }
    });
    let on_byte = {
        let layers = layers.clone();
        props.on_action.reform(move |e: MouseEvent| {
            let at = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|el| el.get_attribute("data-offset"))
                .and_then(|o| o.parse::<usize>().ok());
            InspectAction::Select(event, at.and_then(|at| model::field_at(&layers, at)))
        })
    };
    let rows = model::row_offsets(bytes.len()).map(|start| {
        let chunk = &bytes[start..(start + model::ROW).min(bytes.len())];
        let cell = |i: usize, text: String, testid: &'static str| {
            let at = start + i;
            let css = model::layer_at(&layers, at).map_or("", |l| layers[l].css);
            let sel = if highlight.contains(&at) { " sel" } else { "" };
            html! {
                <span class={format!("byte proto-{css}{sel}")} data-testid={testid} data-offset={at.to_string()}>{ text }</span>
            }
        };
        html! {
            <div class="hex-row">
                <span class="hex-off">{ model::offset_text(start) }</span>
                <span class="hex-bytes">{ for chunk.iter().enumerate().map(|(i, b)| cell(i, format!("{b:02x}"), "hex-byte")) }</span>
                <span class="hex-ascii">{ for chunk.iter().enumerate().map(|(i, b)| cell(i, model::ascii(*b).to_string(), "ascii-byte")) }</span>
            </div>
        }
    });
    html! {
        <section class="insp-frame">
            <h3 class="insp-sub">{ tr!(tr, "inspector-frame", bytes = bytes.len()) }</h3>
            <ul class="tree" data-testid="layer-tree">{ for tree }</ul>
            <div class="hexdump" data-testid="hexdump" onclick={on_byte}>{ for rows }</div>
        </section>
    }
}

/// "Download .pcap" for the whole run and for the inspected frame's link.
fn downloads(props: &InspectorProps) -> Html {
    let Some(run) = &props.run else { return Html::default() };
    let link = props.event.and_then(|i| run.outcome.trace.events.get(i)).and_then(|e| match &e.kind {
        EventKind::FrameSent { hop, .. } => Some(AttrValue::from(hop.link.to_string())),
        EventKind::FrameReceived { hop, .. } => Some(AttrValue::from(hop.link.to_string())),
        _ => None,
    });
    let links: Rc<[AttrValue]> = props.scenario.links.iter().map(|l| AttrValue::from(l.id.clone())).collect();
    html! { <PcapDownloads run={run.clone()} {link} {links} /> }
}

/// Props of [`PcapDownloads`].
#[derive(Properties, PartialEq)]
struct PcapProps {
    run: RunRef,
    /// The inspected frame's link: preselected in the link menu.
    link: Option<AttrValue>,
    /// Every link of the lab.
    links: Rc<[AttrValue]>,
}

/// The capture buttons: the whole run, or the link picked in the menu.
#[function_component(PcapDownloads)]
fn pcap_downloads(props: &PcapProps) -> Html {
    let tr = use_tr();
    // The menu's value is read at click time: it is a form control, not app state.
    let menu = use_node_ref();
    let whole = {
        let run = props.run.clone();
        Callback::from(move |_: MouseEvent| crate::download::offer(&model::pcapng_file(&run.outcome, &run.lab), model::PCAPNG_NAME, "application/x-pcapng"))
    };
    let one = {
        let (run, menu) = (props.run.clone(), menu.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(select) = menu.cast::<web_sys::HtmlSelectElement>() else { return };
            let l = select.value();
            crate::download::offer(&model::pcap_file(&run.outcome, Some(&l)), &model::pcap_name(Some(&l)), "application/vnd.tcpdump.pcap");
        })
    };
    let frames = model::captured(&props.run.outcome, None).len();
    let chosen = props.link.clone().or_else(|| props.links.first().cloned()).unwrap_or_default();
    html! {
        <section class="insp-pcap">
            <h3 class="insp-sub">{ tr!(tr, "inspector-capture") }</h3>
            <p class="muted">{ tr!(tr, "inspector-capture-frames", frames = frames) }</p>
            <div class="insp-pcap-buttons">
                <button type="button" class="tool" data-testid="pcap-all" onclick={whole}>{ tr!(tr, "inspector-download") }</button>
                if !props.links.is_empty() {
                    <select class="tool tool-select" data-testid="pcap-link-select" aria-label={tr!(tr, "inspector-capture-link")} ref={menu}>
                        { for props.links.iter().map(|l| html! {
                            <option value={l.clone()} selected={*l == chosen}>{ tr!(tr, "inspector-link-option", link = l.to_string()) }</option>
                        }) }
                    </select>
                    <button type="button" class="tool" data-testid="pcap-link" onclick={one}>{ tr!(tr, "inspector-download-link") }</button>
                }
            </div>
        </section>
    }
}


crate::split_view! {
    /// The packet inspector, from its own wasm module (src/split.rs), fetched when first drawn.
    pub fn lazy_inspector = "inspector"::load_inspector => Inspector(InspectorProps)
}
