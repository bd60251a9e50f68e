//! The device palette: click a kind to place one at a free spot, or drag it onto the canvas.

use yew::prelude::*;

use packet_engine::scenario::DeviceKind;

use crate::components::canvas::{icon, DRAG_TYPE};

/// The kinds offered, in the order a network is usually built.
const KINDS: [(DeviceKind, &str); 5] = [
    (DeviceKind::Host, "Host"),
    (DeviceKind::Server, "Server"),
    (DeviceKind::Switch, "Switch"),
    (DeviceKind::Hub, "Hub"),
    (DeviceKind::Router, "Router"),
];

/// Props of [`Palette`].
#[derive(Properties, PartialEq)]
pub struct PaletteProps {
    /// A kind was clicked: place one at a free spot.
    pub on_place: Callback<DeviceKind>,
}

/// The palette, floating over the canvas's left edge.
#[function_component(Palette)]
pub fn palette(props: &PaletteProps) -> Html {
    let items = KINDS.iter().map(|&(kind, label)| {
        let ondragstart = move |e: DragEvent| {
            if let Some(t) = e.data_transfer() {
                let _ = t.set_data(DRAG_TYPE, kind.name());
                t.set_effect_allowed("copy");
            }
        };
        html! {
            <button type="button" class="palette-item" draggable="true"
                data-testid={format!("palette-{}", kind.name())}
                title={format!("Add a {} (click, or drag onto the canvas)", kind.name())}
                onclick={props.on_place.reform(move |_: MouseEvent| kind)} {ondragstart}>
                <svg class="palette-icon" viewBox="-32 -26 64 52" aria-hidden="true">
                    <g class={classes!("device", format!("device-{}", kind.name()))}>{ icon(kind) }</g>
                </svg>
                <span class="palette-label">{ label }</span>
            </button>
        }
    });
    html! {
        <nav class="palette" aria-label="Add devices" data-testid="palette">
            { for items }
        </nav>
    }
}
