//! The command form: ping, traceroute or "send one frame" (`ping -c 1`) from a device to any
//! address, or a command line typed whole (`ip link set eth0 down`, `bridge fdb flush dev p2`,
//! `poweroff`, any program with its options). The command starts at the current simulated time
//! and the lab runs again; what has already happened stays exactly as it was.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::use_tr;
use crate::tr;

use crate::playback::PlayAction;

/// Props of [`CommandForm`].
#[derive(Properties, PartialEq)]
pub struct CommandFormProps {
    /// Every device: hosts, servers and routers run programs; switches and hubs take
    /// configuration commands (the engine's validation says which, naming what is wrong).
    pub devices: Rc<[AttrValue]>,
    /// The device picked first (the selected one, if it can run commands).
    #[prop_or_default]
    pub device: Option<AttrValue>,
    /// A suggested destination.
    #[prop_or_default]
    pub target: AttrValue,
    /// Why the last command was refused.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// False when there is no run.
    pub enabled: bool,
    /// Dispatches `Command`.
    pub on_action: Callback<PlayAction>,
}

/// The form under the terminal.
#[function_component(CommandForm)]
pub fn command_form(props: &CommandFormProps) -> Html {
    let tr = use_tr();
    let device_ref = use_node_ref();
    let kind_ref = use_node_ref();
    let target_ref = use_node_ref();
    let onsubmit = {
        let (device_ref, kind_ref, target_ref) = (device_ref.clone(), kind_ref.clone(), target_ref.clone());
        let on_action = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<web_sys::HtmlInputElement>()
                    .map(|i| i.value())
                    .or_else(|| r.cast::<web_sys::HtmlSelectElement>().map(|s| s.value()))
                    .unwrap_or_default()
            };
            let (device, kind, target) = (value(&device_ref), value(&kind_ref), value(&target_ref));
            let target = target.trim();
            let run = match kind.as_str() {
                "traceroute" => format!("traceroute -I -n {target}"),
                "frame" => format!("ping -c 1 {target}"),
                "line" => target.to_string(),
                _ => format!("ping -c 3 {target}"),
            };
            on_action.emit(PlayAction::Command { device: Rc::from(device.as_str()), run: Rc::from(run.as_str()) });
        })
    };
    let picked = props.device.clone().or_else(|| props.devices.first().cloned()).unwrap_or_default();
    let devices = props.devices.iter().map(|d| {
        html! { <option value={d.clone()} selected={*d == picked}>{ d.clone() }</option> }
    });
    let disabled = !props.enabled || props.devices.is_empty();
    html! {
        <form class="command-form" data-testid="command-form" {onsubmit} aria-label={tr!(tr, "cmd-label")}>
            <select ref={device_ref} data-testid="cmd-device" aria-label={tr!(tr, "cmd-device")} {disabled}>{ for devices }</select>
            <select ref={kind_ref} data-testid="cmd-kind" aria-label={tr!(tr, "cmd-kind")} {disabled}>
                // `selected` stated: Yew inserts options last first, which would leave the last
                // one selected.
                <option value="ping" selected=true>{ "ping -c 3" }</option>
                <option value="frame">{ tr!(tr, "cmd-frame") }</option>
                <option value="traceroute">{ "traceroute" }</option>
                <option value="line">{ tr!(tr, "cmd-line") }</option>
            </select>
            <input ref={target_ref} data-testid="cmd-target" type="text" inputmode="url" spellcheck="false"
                aria-label={tr!(tr, "cmd-target")} placeholder="10.10.10.100" value={props.target.clone()} {disabled}
                aria-invalid={props.error.is_some().to_string()} aria-describedby="cmd-error" />
            <button type="submit" class="btn-run" data-testid="cmd-run" {disabled}>{ tr!(tr, "cmd-run") }</button>
            if let Some(err) = &props.error {
                <p class="field-error" id="cmd-error" data-testid="cmd-error" role="alert">{ err.clone() }</p>
            }
        </form>
    }
}
