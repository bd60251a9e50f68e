//! The device palette: click a kind to place one at a free spot, or drag it onto the canvas.

use yew::prelude::*;

use crate::i18n::use_tr;
use crate::tr;

use packet_engine::scenario::DeviceKind;

use crate::components::canvas::{icon, DRAG_TYPE};

/// The kinds offered, in the order a network is usually built.
const KINDS: [DeviceKind; 5] = [DeviceKind::Host, DeviceKind::Server, DeviceKind::Switch, DeviceKind::Hub, DeviceKind::Router];

/// A kind's name in the interface language (`kind-host`, …), shared with the other views.
pub fn kind_label(tr: &crate::i18n::Tr, kind: DeviceKind) -> String {
    match kind {
        DeviceKind::Host => tr!(tr, "kind-host"),
        DeviceKind::Server => tr!(tr, "kind-server"),
        DeviceKind::Switch => tr!(tr, "kind-switch"),
        DeviceKind::Hub => tr!(tr, "kind-hub"),
        DeviceKind::Router => tr!(tr, "kind-router"),
    }
}

/// Props of [`Palette`].
#[derive(Properties, PartialEq)]
pub struct PaletteProps {
    /// A kind was clicked: place one at a free spot.
    pub on_place: Callback<DeviceKind>,
}

/// The palette, floating over the canvas's left edge.
#[function_component(Palette)]
pub fn palette(props: &PaletteProps) -> Html {
    let tr = use_tr();
    let items = KINDS.iter().map(|&kind| {
        let label = kind_label(&tr, kind);
        let ondragstart = move |e: DragEvent| {
            if let Some(t) = e.data_transfer() {
                let _ = t.set_data(DRAG_TYPE, kind.name());
                t.set_effect_allowed("copy");
            }
        };
        html! {
            <button type="button" class="palette-item" draggable="true"
                data-testid={format!("palette-{}", kind.name())}
                title={tr!(tr, "palette-add", kind = kind.name())}
                onclick={props.on_place.reform(move |_: MouseEvent| kind)} {ondragstart}>
                <svg class="palette-icon" viewBox="-32 -26 64 52" aria-hidden="true">
                    <g class={classes!("device", format!("device-{}", kind.name()))}>{ icon(kind) }</g>
                </svg>
                <span class="palette-label">{ label }</span>
            </button>
        }
    });
    html! {
        <nav class="palette" aria-label={tr!(tr, "palette-label")} data-testid="palette">
            { for items }
        </nav>
    }
}
