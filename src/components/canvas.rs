//! The SVG canvas: the lab's links and devices where the scenario places them, and the
//! editing gestures on them. Pointer events are turned into plain [`Pointer`] values (page
//! coordinates and the canvas's box) and dispatched as [`EditAction`]s; the pure editor maps
//! them through the view box (`geometry::client_to_svg`), so nothing here computes geometry
//! beyond drawing.

use packet_engine::VecMap;
use std::rc::Rc;

use yew::prelude::*;

use packet_engine::scenario::{DeviceKind, Scenario};
use packet_engine::trace::{NetworkState, StpRole, StpState};
use packet_engine::MacAddr;

use crate::diagram::{DeviceView, Diagram};
use crate::editor::{subnet_of, EditAction, Gesture, Mode, Pointer, Target, SUBNET_PALETTE};
use crate::geometry::{label_layout, label_scale, trim_segment, Point, Rect, ViewBox, LABEL_TOP};
use crate::i18n::{use_tr, Tr};
use crate::tr;

/// Where a device's name sits below its centre: under the tallest icon, the same for every kind
/// so that names of devices in a row line up.
const LABEL_OFFSET: f64 = 44.0;
/// The canvas width (CSS px) at which labels have their nominal size; wider views draw them
/// bigger so they keep their size on screen when zoomed out.
const LABEL_REFERENCE_WIDTH: f64 = 1000.0;
/// The drag-and-drop data type the palette sets: the device kind's name.
pub const DRAG_TYPE: &str = "application/x-packet-lab-device";

/// Radius of the circle a device's icon fits in; links stop at it.
fn icon_radius(kind: DeviceKind) -> f64 {
    match kind {
        DeviceKind::Host | DeviceKind::Server | DeviceKind::Router => 24.0,
        DeviceKind::Switch | DeviceKind::Hub => 30.0,
    }
}

/// A device kind from its name (the palette's drag data).
pub fn kind_named(name: &str) -> Option<DeviceKind> {
    [DeviceKind::Host, DeviceKind::Server, DeviceKind::Switch, DeviceKind::Hub, DeviceKind::Router]
        .into_iter()
        .find(|k| k.name() == name)
}

/// Props of [`Canvas`].
#[derive(Properties, PartialEq)]
pub struct CanvasProps {
    /// The lab to draw (addresses and ports come from here).
    pub scenario: Rc<Scenario>,
    /// Its drawing (positions, kinds).
    pub diagram: Rc<Diagram>,
    /// The part of the plane shown.
    pub view: ViewBox,
    /// Selected devices, by index.
    pub selected: Rc<[usize]>,
    /// Selected links, by index.
    pub selected_links: Rc<[usize]>,
    /// What a press does.
    pub mode: Mode,
    /// The device waiting for the second click of a link, in link mode.
    pub link_from: Option<usize>,
    /// The gesture in progress (a cable or rubber band being drawn).
    pub gesture: Option<Gesture>,
    /// Every edit made on the canvas.
    pub on_edit: Callback<EditAction>,
    /// Labels drawn this many times their size (the presenter scale / 100).
    #[prop_or(1.0)]
    pub label_factor: f64,
    /// Drawn over the devices, in the same coordinates: the playback's frames in flight.
    #[prop_or_default]
    pub overlay: Html,
    /// Spanning-tree ports at the playhead ([`stp_badges`]): a badge by each.
    #[prop_or_default]
    pub stp: Rc<[StpBadge]>,
    /// Drawn over the canvas (not scaled): hints and floating controls.
    #[prop_or_default]
    pub children: Html,
}

/// One spanning-tree port's role and state at the playhead, for its badge.
#[derive(Clone, Debug, PartialEq)]
pub struct StpBadge {
    pub device: AttrValue,
    pub port: AttrValue,
    pub role: StpRole,
    pub state: StpState,
}

/// The badges of every spanning-tree port in `t` (none without STP).
pub fn stp_badges(t: &NetworkState) -> Rc<[StpBadge]> {
    t.stp
        .iter()
        .flat_map(|(device, table)| {
            table.ports.iter().map(move |(port, role, state)| StpBadge {
                device: AttrValue::from(device.clone()),
                port: AttrValue::from(port.clone()),
                role: *role,
                state: *state,
            })
        })
        .collect()
}

/// A badge's letter: root, designated, alternate (blocked), disabled.
fn badge_letter(role: StpRole) -> &'static str {
    match role {
        StpRole::Root => "R",
        StpRole::Designated => "D",
        StpRole::Alternate => "B",
        StpRole::Disabled => "–",
    }
}

/// The pointer event `e` as the editor wants it, relative to the canvas element `svg`.
fn pointer(e: &MouseEvent, svg: &NodeRef) -> Option<Pointer> {
    let element = svg.cast::<web_sys::Element>()?;
    let r = element.get_bounding_client_rect();
    Some(Pointer {
        client: Point::new(f64::from(e.client_x()), f64::from(e.client_y())),
        rect: Rect { x: r.x(), y: r.y(), width: r.width(), height: r.height() },
        shift: e.shift_key(),
    })
}

/// Fingers on the canvas by pointer id, in id order (as a `VecMap<i32, Point>` kept them;
/// there are one or two, and a sorted Vec is far less wasm than a map type, issue 15).
#[derive(Default)]
struct Touches(Vec<(i32, Point)>);

impl Touches {
    fn insert(&mut self, id: i32, p: Point) {
        match self.0.binary_search_by_key(&id, |f| f.0) {
            Ok(i) => self.0[i].1 = p,
            Err(i) => self.0.insert(i, (id, p)),
        }
    }

    fn remove(&mut self, id: i32) {
        self.0.retain(|f| f.0 != id);
    }

    fn points(&self) -> Vec<Point> {
        self.0.iter().map(|f| f.1).collect()
    }
}

/// The canvas area.
#[function_component(Canvas)]
pub fn canvas(props: &CanvasProps) -> Html {
    let tr = use_tr();
    let svg = use_node_ref();
    let d = &props.diagram;
    let view = props.view;
    let on_edit = props.on_edit.clone();

    // Fingers on the canvas (touch): two of them pinch-zoom and pan the view.
    let touches = use_mut_ref(Touches::default);
    // Press: the background handler sees presses on devices and links too; those stop it.
    let press = |target: Target| {
        let (svg, on_edit, touches) = (svg.clone(), on_edit.clone(), touches.clone());
        move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            e.stop_propagation();
            if e.pointer_type() == "touch" {
                let mut t = touches.borrow_mut();
                t.insert(e.pointer_id(), Point::new(f64::from(e.client_x()), f64::from(e.client_y())));
                if t.0.len() >= 2 {
                    // A second finger: whatever the first started (a pan, a move) ends here.
                    on_edit.emit(EditAction::PointerCancel);
                    if let Some(element) = svg.cast::<web_sys::Element>() {
                        let _ = element.set_pointer_capture(e.pointer_id());
                    }
                    return;
                }
            }
            if let Some(element) = svg.cast::<web_sys::Element>() {
                // Keep receiving the moves and the release even outside the canvas.
                let _ = element.set_pointer_capture(e.pointer_id());
            }
            if let Some(p) = pointer(&e, &svg) {
                on_edit.emit(EditAction::PointerDown(target, p));
            }
        }
    };
    let on_move = {
        let (svg, on_edit, touches) = (svg.clone(), on_edit.clone(), touches.clone());
        let active = props.gesture.is_some();
        move |e: PointerEvent| {
            let pinch = {
                let mut t = touches.borrow_mut();
                if t.0.len() == 2 && t.0.iter().any(|f| f.0 == e.pointer_id()) {
                    let before = t.points();
                    t.insert(e.pointer_id(), Point::new(f64::from(e.client_x()), f64::from(e.client_y())));
                    let after = t.points();
                    Some((before, after))
                } else {
                    None
                }
            };
            if let Some((before, after)) = pinch {
                let mid = |p: &[Point]| Point::new((p[0].x + p[1].x) / 2.0, (p[0].y + p[1].y) / 2.0);
                let factor = after[0].distance(after[1]) / before[0].distance(before[1]).max(1.0);
                if let Some(p) = pointer(&e, &svg) {
                    let from = Pointer { client: mid(&before), ..p };
                    let to = Pointer { client: mid(&after), ..p };
                    on_edit.emit(EditAction::Pinch { from, to, factor: if factor.is_finite() { factor } else { 1.0 } });
                }
                return;
            }
            if active {
                if let Some(p) = pointer(&e, &svg) {
                    on_edit.emit(EditAction::PointerMove(p));
                }
            }
        }
    };
    let on_up = {
        let (svg, on_edit, touches) = (svg.clone(), on_edit.clone(), touches.clone());
        move |e: PointerEvent| {
            let was_pinch = {
                let mut t = touches.borrow_mut();
                let n = t.0.len();
                t.remove(e.pointer_id());
                n >= 2
            };
            if was_pinch {
                return;
            }
            if let Some(p) = pointer(&e, &svg) {
                on_edit.emit(EditAction::PointerUp(p));
            }
        }
    };
    let on_cancel = {
        let touches = touches.clone();
        on_edit.reform(move |e: PointerEvent| {
            touches.borrow_mut().remove(e.pointer_id());
            EditAction::PointerCancel
        })
    };
    let on_wheel = {
        let (svg, on_edit) = (svg.clone(), on_edit.clone());
        move |e: WheelEvent| {
            e.prevent_default();
            // Lines (Firefox) and pages count as 40 and 800 pixels.
            let unit = match e.delta_mode() {
                1 => 40.0,
                2 => 800.0,
                _ => 1.0,
            };
            if let Some(p) = pointer(&e, &svg) {
                on_edit.emit(EditAction::Wheel(p, e.delta_y() * unit));
            }
        }
    };
    let on_dragover = |e: DragEvent| e.prevent_default();
    let on_drop = {
        let (svg, on_edit) = (svg.clone(), on_edit.clone());
        move |e: DragEvent| {
            e.prevent_default();
            let kind = e.data_transfer().and_then(|t| t.get_data(DRAG_TYPE).ok()).and_then(|k| kind_named(&k));
            if let (Some(kind), Some(p)) = (kind, pointer(&e, &svg)) {
                on_edit.emit(EditAction::Place(kind, Some(p)));
            }
        }
    };

    let k = label_scale(view, LABEL_REFERENCE_WIDTH);
    // Crowded labels (presenter scale) go over their icon instead of under it.
    let label_sizes: Vec<(f64, f64)> = props.scenario.devices.iter().map(crate::editor::label_size).collect();
    let centres: Vec<Point> = d.devices.iter().map(|dv| dv.position).collect();
    let (label_factor, above) = if label_sizes.len() == centres.len() {
        label_layout(&centres, &label_sizes, props.label_factor)
    } else {
        (1.0, vec![false; centres.len()])
    };
    let colours = colours_of(&props.scenario);
    let links = d.links.iter().enumerate().filter_map(|(l, link)| {
        let (a, b) = (d.devices.get(link.a)?, d.devices.get(link.b)?);
        let (from, to) = d.link_ends(link)?;
        let (start, end) = trim_segment(from, to, icon_radius(a.kind), icon_radius(b.kind))?;
        let spec = props.scenario.links.iter().find(|s| s.id == link.id)?;
        let selected = props.selected_links.contains(&l);
        let knob = |at: Point, toward: Point, device: &str, port: &str| {
            let colour = colours.get(&(device.to_owned(), port.to_owned())).copied();
            // The port's STP role and state, a little way along its cable.
            let badge = props.stp.iter().find(|b| b.device == device && b.port == port).map(|b| {
                let (dx, dy) = (toward.x - at.x, toward.y - at.y);
                let len = (dx * dx + dy * dy).sqrt().max(1.0);
                let off = (16.0 * k).min(len / 3.0);
                let (x, y) = (at.x + dx / len * off, at.y + dy / len * off);
                html! {
                    <g class={classes!("stp-badge", format!("stp-{}", b.state.name()))}
                        data-testid="stp-badge" data-port={format!("{device}/{port}")}
                        data-role={b.role.name()} data-state={b.state.name()}>
                        <circle cx={x.to_string()} cy={y.to_string()} r={(7.0 * k).to_string()} />
                        <text x={x.to_string()} y={y.to_string()} style={format!("font-size: {}px", 9.0 * k)}>
                            { badge_letter(b.role) }
                        </text>
                        <title>{ tr!(tr, "canvas-stp-badge", device = device.to_string(), port = port.to_string(), role = b.role.name(), state = b.state.name()) }</title>
                    </g>
                }
            });
            // A VLAN-filtering switch's port: its access VLAN, or T (a trunk) with the tagged ones.
            let vlan = props.scenario.devices.iter().find(|d| d.id == device && d.vlan_filtering).map(|d| {
                let spec = d.vlans.get(port);
                let pvid = spec.and_then(|v| v.pvid).unwrap_or(1);
                let tagged: Vec<String> = spec.map(|v| v.tagged.iter().map(|t| t.to_string()).collect()).unwrap_or_default();
                let (label, hue) = if tagged.is_empty() { (pvid.to_string(), pvid) } else { ("T".to_string(), 0) };
                let (dx, dy) = (toward.x - at.x, toward.y - at.y);
                let len = (dx * dx + dy * dy).sqrt().max(1.0);
                let off = (16.0 * k).min(len / 3.0);
                // On the other side of the cable from an STP badge.
                let (x, y) = (at.x + dx / len * off - dy / len * 12.0 * k, at.y + dy / len * off + dx / len * 12.0 * k);
                let title = if tagged.is_empty() {
                    tr!(tr, "canvas-vlan-access", device = device.to_string(), port = port.to_string(), vlan = pvid)
                } else {
                    tr!(tr, "canvas-vlan-trunk", device = device.to_string(), port = port.to_string(), tagged = tagged.join(", "), vlan = pvid)
                };
                html! {
                    <g class={classes!("vlan-badge", (hue != 0).then(|| format!("vlan-c{}", hue % 6)))}
                        data-testid="vlan-badge" data-port={format!("{device}/{port}")} data-vlan={label.clone()}>
                        <rect x={(x - 9.0 * k).to_string()} y={(y - 6.0 * k).to_string()} width={(18.0 * k).to_string()}
                            height={(12.0 * k).to_string()} rx={(3.0 * k).to_string()} />
                        <text x={x.to_string()} y={y.to_string()} style={format!("font-size: {}px", 8.0 * k)}>{ label }</text>
                        <title>{ title }</title>
                    </g>
                }
            });
            html! {
                <>
                { for vlan }
                <circle class={classes!("port", colour.is_none().then_some("port-plain"))}
                    cx={at.x.to_string()} cy={at.y.to_string()} r={(5.0 * k).to_string()}
                    style={colour.map(|c| format!("fill: {c}"))}>
                    <title>{ format!("{device} {port}") }</title>
                </circle>
                { for badge }
                </>
            }
        };
        let vlan = link_vlan(&props.scenario, spec);
        Some(html! {
            <g class={classes!("link", selected.then_some("selected"), vlan.map(|v| v.class()))} data-link={link.id.clone()}
                data-vlan={vlan.map(|v| v.label())} onpointerdown={press(Target::Link(l))}>
                <line class="link-hit" x1={start.x.to_string()} y1={start.y.to_string()}
                    x2={end.x.to_string()} y2={end.y.to_string()} />
                <line class="link-line" x1={start.x.to_string()} y1={start.y.to_string()}
                    x2={end.x.to_string()} y2={end.y.to_string()} />
                { knob(start, end, &spec.a.device, &spec.a.port) }
                { knob(end, start, &spec.b.device, &spec.b.port) }
            </g>
        })
    });
    let nodes = d.devices.iter().enumerate().map(|(index, device)| {
        let spec = props.scenario.devices.get(index);
        let addresses: Vec<(String, Option<&'static str>)> = spec
            .map(|s| {
                s.interfaces
                    .iter()
                    .filter_map(|i| {
                        let a = i.address.as_deref()?;
                        let colour = subnet_of(a).and_then(|n| colours.subnet(&n));
                        Some((a.to_owned(), colour))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let selected = props.selected.contains(&index);
        let linking = props.link_from == Some(index);
        let onpointerdown = press(Target::Device(index));
        let onkeydown = {
            let on_edit = on_edit.clone();
            move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    on_edit.emit(EditAction::Select(index));
                }
            }
        };
        let placement = LabelPlacement {
            scale: k * label_factor,
            above: above.get(index).copied().unwrap_or(false),
            height: label_sizes.get(index).map_or(0.0, |s| s.1),
        };
        device_node(&tr, index, device, &addresses, selected, linking, placement, onpointerdown, onkeydown)
    });
    let preview = match &props.gesture {
        Some(Gesture::Link { from, to }) => d.devices.get(*from).map(|f| {
            html! {
                <line class="link-preview" x1={f.position.x.to_string()} y1={f.position.y.to_string()}
                    x2={to.x.to_string()} y2={to.y.to_string()} />
            }
        }),
        Some(Gesture::Band { from, to }) => Some(html! {
            <rect class="band" x={from.x.min(to.x).to_string()} y={from.y.min(to.y).to_string()}
                width={(from.x - to.x).abs().to_string()} height={(from.y - to.y).abs().to_string()} />
        }),
        _ => None,
    };
    let empty = d.devices.is_empty().then(|| {
        let c = view.center();
        html! {
            <text class="canvas-empty" x={c.x.to_string()} y={c.y.to_string()}
                style={format!("font-size: {}px", 18.0 * k)}>
                { tr!(tr, "canvas-empty") }
            </text>
        }
    });
    let class = classes!(
        "canvas",
        (props.mode == Mode::Link).then_some("mode-link"),
        matches!(props.gesture, Some(Gesture::Pan { moved: true, .. }) | Some(Gesture::Move { moved: true, .. }))
            .then_some("dragging"),
    );

    html! {
        <section {class} aria-label={tr!(tr, "canvas-label")} data-testid="canvas">
            <svg class="canvas-svg" ref={svg.clone()} viewBox={view.to_attr()} role="group"
                aria-label={tr!(tr, "canvas-diagram")} preserveAspectRatio="xMidYMid meet"
                onpointerdown={press(Target::Background)} onpointermove={on_move}
                onpointerup={on_up} onpointercancel={on_cancel} onwheel={on_wheel}
                ondragover={on_dragover} ondrop={on_drop}>
                <g class="links">{ for links }</g>
                { for preview }
                <g class="devices">{ for nodes }</g>
                { props.overlay.clone() }
                { for empty }
            </svg>
            { props.children.clone() }
        </section>
    }
}

/// Subnet colours of a lab: by (device, port) for link ends, and by subnet for addresses.
struct Colours {
    ports: VecMap<(String, String), &'static str>,
    subnets: VecMap<String, usize>,
}

impl Colours {
    fn get(&self, key: &(String, String)) -> Option<&&'static str> {
        self.ports.get(key)
    }
    fn subnet(&self, net: &str) -> Option<&'static str> {
        self.subnets.get(net).map(|&i| SUBNET_PALETTE[i])
    }
}

fn colours_of(scenario: &Scenario) -> Colours {
    let subnets = crate::editor::subnet_colours(scenario);
    let mut ports = VecMap::new();
    for dev in &scenario.devices {
        for iface in &dev.interfaces {
            if let Some(i) = iface.address.as_deref().and_then(subnet_of).and_then(|n| subnets.get(&n)) {
                ports.insert((dev.id.clone(), iface.name.clone()), SUBNET_PALETTE[*i]);
            }
        }
    }
    Colours { ports, subnets }
}

/// The MAC an interface has when none is given: the engine's derived address.
pub fn derived_mac(device: &str, interface: &str) -> String {
    MacAddr::derived(device, interface).to_string()
}

/// One device: its icon, its name and its addresses (coloured by subnet), focusable.
#[allow(clippy::too_many_arguments)]
fn device_node(
    tr: &Tr,
    index: usize,
    device: &DeviceView,
    addresses: &[(String, Option<&'static str>)],
    selected: bool,
    linking: bool,
    labels_at: LabelPlacement,
    onpointerdown: impl Fn(PointerEvent) + 'static,
    onkeydown: impl Fn(KeyboardEvent) + 'static,
) -> Html {
    let class = classes!(
        "device",
        format!("device-{}", device.kind.name()),
        selected.then_some("selected"),
        linking.then_some("linking")
    );
    let r = icon_radius(device.kind);
    let labels = addresses.iter().enumerate().map(|(n, (address, colour))| {
        let y = LABEL_OFFSET + 18.0 + 16.0 * n as f64;
        // The space keeps the text "pc1 10.0.0.1/24" for assistive tools; SVG does not draw it.
        html! {
            <>{ " " }<text class="device-address" y={y.to_string()}
                style={colour.map(|c| format!("fill: {c}"))}>{ address.clone() }</text></>
        }
    });
    html! {
        <g {class} data-device={device.name.clone()} data-index={index.to_string()} tabindex="0" role="button"
            aria-pressed={selected.to_string()}
            // The visible text (name, then addresses) starts the accessible name (WCAG 2.5.3).
            aria-label={tr!(tr, "canvas-device", name = device.name.clone(),
                addresses = addresses.iter().map(|(a, _)| format!(" {a}")).collect::<String>(),
                kind = crate::components::device_panel::kind_badge(tr, device.kind))}
            transform={format!("translate({} {})", device.position.x, device.position.y)}
            onpointerdown={Callback::from(onpointerdown)} onkeydown={Callback::from(onkeydown)}>
            <circle class="device-halo" r={(r + 8.0).to_string()} />
            { icon(device.kind) }
            <g class={classes!("device-labels", labels_at.above.then_some("above"))} transform={labels_at.transform()}>
                <text class="device-name" y={LABEL_OFFSET.to_string()}>{ device.name.clone() }</text>
                { for labels }
            </g>
        </g>
    }
}

/// Where a device's labels go: their scale (zoomed-out view × presenter scale) and side.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LabelPlacement {
    scale: f64,
    above: bool,
    /// Height of the labels at 1× (see `editor::label_size`).
    height: f64,
}

impl LabelPlacement {
    /// The label group's transform: grown from its top edge just under the icon, or moved
    /// over the icon and grown up from its bottom edge just over it.
    fn transform(self) -> String {
        let (s, t) = (self.scale, LABEL_TOP);
        if self.above {
            format!("translate(0 {}) scale({s}) translate(0 {})", -t, -t - self.height)
        } else {
            format!("translate(0 {t}) scale({s}) translate(0 {})", -t)
        }
    }
}

/// The icon of a device kind, centred on the origin.
pub fn icon(kind: DeviceKind) -> Html {
    match kind {
        DeviceKind::Host => html! {
            <g class="icon">
                <rect x="-22" y="-18" width="44" height="30" rx="4" />
                <rect class="icon-detail" x="-16" y="-12" width="32" height="18" rx="1.5" />
                <path class="icon-line" d="M-8 19 H8 M0 12 V19" />
            </g>
        },
        DeviceKind::Server => html! {
            <g class="icon">
                <rect x="-16" y="-22" width="32" height="44" rx="4" />
                <path class="icon-line" d="M-9 -12 H9 M-9 -4 H9 M-9 4 H9" />
                <circle class="icon-dot" cx="0" cy="14" r="2" />
            </g>
        },
        DeviceKind::Switch => html! {
            <g class="icon">
                <rect x="-28" y="-14" width="56" height="28" rx="5" />
                <path class="icon-line" d="M-16 -5 H14 M10 -9 L14 -5 L10 -1 M16 5 H-14 M-10 1 L-14 5 L-10 9" />
            </g>
        },
        DeviceKind::Hub => html! {
            <g class="icon">
                <rect x="-28" y="-14" width="56" height="28" rx="14" />
                <path class="icon-line" d="M-14 0 H14 M0 -7 V7" />
            </g>
        },
        DeviceKind::Router => html! {
            <g class="icon">
                <circle r="22" />
                <path class="icon-line" d="M-12 0 H12 M0 -12 V12 M8 -4 L12 0 L8 4 M-8 -4 L-12 0 L-8 4" />
            </g>
        },
    }
}

/// What a cable carries on a VLAN-filtering switch (issue 14): one VLAN untagged (an access
/// port at either end), or tagged frames of several (a trunk: a port with tagged VLANs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkVlan {
    Access(u32),
    Trunk,
}

impl LinkVlan {
    /// The cable's CSS class: the access VLAN's colour (the port badges' palette), or a trunk.
    pub fn class(self) -> String {
        match self {
            LinkVlan::Access(v) => format!("link-vlan vlan-c{}", v % 6),
            LinkVlan::Trunk => "link-trunk".to_string(),
        }
    }

    /// `data-vlan`: the VLAN id, or `T` for a trunk (as the port badge says).
    pub fn label(self) -> String {
        match self {
            LinkVlan::Access(v) => v.to_string(),
            LinkVlan::Trunk => "T".to_string(),
        }
    }
}

/// The VLAN a cable carries, from the ports of VLAN-filtering switches at its ends (`None`
/// when neither end filters VLANs). A trunk end wins: a tagged port's cable carries several.
pub fn link_vlan(scenario: &packet_engine::Scenario, link: &packet_engine::scenario::LinkSpec) -> Option<LinkVlan> {
    let end = |e: &packet_engine::scenario::Endpoint| {
        let d = scenario.devices.iter().find(|d| d.id == e.device && d.vlan_filtering)?;
        let spec = d.vlans.get(&e.port);
        if spec.is_some_and(|v| !v.tagged.is_empty()) {
            Some(LinkVlan::Trunk)
        } else {
            Some(LinkVlan::Access(spec.and_then(|v| v.pvid).unwrap_or(1)))
        }
    };
    match (end(&link.a), end(&link.b)) {
        (Some(LinkVlan::Trunk), _) | (_, Some(LinkVlan::Trunk)) => Some(LinkVlan::Trunk),
        (Some(v), _) | (None, Some(v)) => Some(v),
        (None, None) => None,
    }
}

#[cfg(test)]
mod link_vlan_tests {
    use super::{link_vlan, LinkVlan};

    #[test]
    fn a_cable_takes_its_access_vlan_and_a_trunk_wins() {
        let (_, s) = packet_engine::examples::all().into_iter().find(|(stem, _)| *stem == "two-vlans").unwrap();
        let of = |id: &str| link_vlan(&s, s.links.iter().find(|l| l.id == id).unwrap());
        assert_eq!(of("pc1-sw1"), Some(LinkVlan::Access(10)));
        assert_eq!(of("pc3-sw1"), Some(LinkVlan::Access(20)));
        assert_eq!(of("sw1-sw2"), Some(LinkVlan::Trunk));
        assert_eq!(LinkVlan::Access(20).class(), "link-vlan vlan-c2");
        let (_, plain) = packet_engine::examples::all().into_iter().find(|(stem, _)| *stem == "same-network").unwrap();
        assert!(plain.links.iter().all(|l| link_vlan(&plain, l).is_none()));
    }
}
