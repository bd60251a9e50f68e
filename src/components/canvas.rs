//! The SVG canvas: the scenario's links and devices at the positions the scenario gives.

use std::rc::Rc;

use yew::prelude::*;

use packet_engine::scenario::DeviceKind;

use crate::diagram::{DeviceView, Diagram};
use crate::geometry::{fit_view_box, trim_segment};

/// Space kept around the outermost devices, in SVG units (room for their name labels).
const MARGIN: f64 = 80.0;
/// The smallest area shown, so that a two-device scenario is not blown up to fill the screen.
const MIN_WIDTH: f64 = 640.0;
const MIN_HEIGHT: f64 = 400.0;

/// Where a device's name sits below its centre: under the tallest icon, the same for every kind
/// so that names of devices in a row line up.
const LABEL_OFFSET: f64 = 44.0;

/// Radius of the circle a device's icon fits in; links stop at it.
fn icon_radius(kind: DeviceKind) -> f64 {
    match kind {
        DeviceKind::Host | DeviceKind::Server | DeviceKind::Router => 24.0,
        DeviceKind::Switch | DeviceKind::Hub => 30.0,
    }
}

/// Props of [`Canvas`].
#[derive(Properties, PartialEq)]
pub struct CanvasProps {
    /// The scenario to draw, if any.
    pub diagram: Option<Rc<Diagram>>,
    /// Index of the selected device.
    pub selected: Option<usize>,
    /// A device was clicked (or chosen with Enter/Space).
    pub on_select: Callback<usize>,
    /// The empty canvas was clicked.
    pub on_clear: Callback<()>,
}

/// The canvas area.
#[function_component(Canvas)]
pub fn canvas(props: &CanvasProps) -> Html {
    let devices: &[DeviceView] = props.diagram.as_deref().map_or(&[], |d| &d.devices);
    let positions: Vec<_> = devices.iter().map(|d| d.position).collect();
    let view_box = fit_view_box(&positions, MARGIN, MIN_WIDTH, MIN_HEIGHT);
    let on_background = props.on_clear.reform(|_: MouseEvent| ());

    let links = props.diagram.iter().flat_map(|d| {
        d.links.iter().filter_map(|link| {
            let (a, b) = (d.devices.get(link.a)?, d.devices.get(link.b)?);
            let (start, end) =
                trim_segment(a.position, b.position, icon_radius(a.kind), icon_radius(b.kind))?;
            Some(html! {
                <line class="link" data-link={link.id.clone()}
                    x1={start.x.to_string()} y1={start.y.to_string()}
                    x2={end.x.to_string()} y2={end.y.to_string()} />
            })
        })
    });
    let nodes = devices.iter().enumerate().map(|(index, device)| {
        device_node(index, device, props.selected == Some(index), &props.on_select)
    });
    let empty = devices.is_empty().then(|| {
        let c = view_box.center();
        html! {
            <text class="canvas-empty" x={c.x.to_string()} y={c.y.to_string()}>
                { "Nothing on the canvas yet" }
            </text>
        }
    });

    html! {
        <section class="canvas" aria-label="Network canvas">
            <svg class="canvas-svg" viewBox={view_box.to_attr()} role="img"
                aria-label="Network diagram" preserveAspectRatio="xMidYMid meet"
                onclick={on_background}>
                <g class="links">{ for links }</g>
                <g class="devices">{ for nodes }</g>
                { for empty }
            </svg>
        </section>
    }
}

/// One device: its icon and its name, focusable and selectable.
fn device_node(index: usize, device: &DeviceView, selected: bool, on_select: &Callback<usize>) -> Html {
    let onclick = {
        let on_select = on_select.clone();
        move |e: MouseEvent| {
            // The click must not reach the canvas background, which would deselect again.
            e.stop_propagation();
            on_select.emit(index);
        }
    };
    let onkeydown = {
        let on_select = on_select.clone();
        move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                on_select.emit(index);
            }
        }
    };
    let class = classes!(
        "device",
        format!("device-{}", device.kind.name()),
        selected.then_some("selected")
    );
    let r = icon_radius(device.kind);
    html! {
        <g {class} data-device={device.name.clone()} tabindex="0" role="button"
            aria-pressed={selected.to_string()}
            aria-label={format!("{} {}", device.kind.name(), device.name)}
            transform={format!("translate({} {})", device.position.x, device.position.y)}
            {onclick} {onkeydown}>
            <circle class="device-halo" r={(r + 8.0).to_string()} />
            { icon(device.kind) }
            <text class="device-name" y={LABEL_OFFSET.to_string()}>{ device.name.clone() }</text>
        </g>
    }
}

/// The icon of a device kind, centred on the origin.
fn icon(kind: DeviceKind) -> Html {
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
