//! The root component: owns the one reducer, provides it to the tree through a context
//! (as in yew's `contexts` example), and lays out the shell.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{Canvas, Header, SidePanel, StatusBar};
use crate::diagram::{engine_version, Diagram};
use crate::state::{Action, Example, State};

/// The reducer handle every component below [`App`] can reach with `use_context`.
pub type LabContext = UseReducerHandle<State>;

/// The whole app: the state and its context provider.
#[function_component(App)]
pub fn app() -> Html {
    let lab = use_reducer(|| State::new(built_in_examples()));
    html! {
        <ContextProvider<LabContext> context={lab}>
            <Shell />
        </ContextProvider<LabContext>>
    }
}

/// The engine's example scenarios (compiled into it), drawn.
fn built_in_examples() -> Vec<Example> {
    packet_engine::examples::all()
        .iter()
        .map(|(stem, scenario)| Example {
            stem,
            diagram: Rc::new(Diagram::from_scenario(scenario)),
        })
        .collect()
}

/// The shell: header, canvas, side panel and status bar. Reads the state from the context and
/// hands its parts plain values and `Callback`s, never the state handle itself.
#[function_component(Shell)]
fn shell() -> Html {
    let lab = use_context::<LabContext>().expect("Shell is only rendered inside App's provider");
    {
        // Runs once the first render is in the DOM: from here on the app is live.
        let dispatcher = lab.dispatcher();
        use_effect_with((), move |_| dispatcher.dispatch(Action::Started));
    }
    let on_select = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |index| dispatcher.dispatch(Action::Select(index)))
    };
    let on_clear = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::ClearSelection))
    };
    let on_load = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |index| dispatcher.dispatch(Action::LoadExample(index)))
    };
    let selected_device = lab
        .diagram
        .as_ref()
        .zip(lab.selected)
        .and_then(|(d, i)| d.devices.get(i).cloned());

    html! {
        <div class="app" data-ready={lab.started.to_string()}>
            <Header />
            <main class="workspace">
                <Canvas
                    diagram={lab.diagram.clone()}
                    selected={lab.selected}
                    {on_select}
                    {on_clear}
                />
                <SidePanel
                    examples={lab.examples.clone()}
                    current={lab.current}
                    {on_load}
                    diagram={lab.diagram.clone()}
                    selected={selected_device}
                />
            </main>
            <StatusBar
                started={lab.started}
                engine_version={AttrValue::Static(engine_version())}
                diagram={lab.diagram.clone()}
            />
        </div>
    }
}
