//! The root component: owns the one reducer, provides it to the tree through a context
//! (as in yew's `contexts` example), and lays out the shell.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{Canvas, Header, SidePanel, StatusBar};
use crate::diagram::{engine_version, Diagram};
use crate::editor::EditAction;
use crate::state::{Action, Example, State};

/// The reducer handle every component below [`App`] can reach with `use_context`.
pub type LabContext = UseReducerHandle<State>;

/// The whole app: the state and its context provider.
#[function_component(App)]
pub fn app() -> Html {
    let lab = use_reducer(|| State::new(built_in_examples(), None));
    html! {
        <ContextProvider<LabContext> context={lab}>
            <Shell />
        </ContextProvider<LabContext>>
    }
}

/// The engine's example scenarios (compiled into it).
fn built_in_examples() -> Vec<Example> {
    packet_engine::examples::all()
        .into_iter()
        .map(|(stem, scenario)| Example { stem, scenario: Rc::new(scenario) })
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
    let edit = |f: fn(usize) -> EditAction| {
        let dispatcher = lab.dispatcher();
        Callback::from(move |index| dispatcher.dispatch(Action::Edit(f(index))))
    };
    let on_select = edit(EditAction::Select);
    let on_clear = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Edit(EditAction::ClearSelection)))
    };
    let on_load = {
        let dispatcher = lab.dispatcher();
        Callback::from(move |index| dispatcher.dispatch(Action::LoadExample(index)))
    };
    let diagram = Some(Rc::new(Diagram::from_scenario(&lab.edit.scenario)));
    let selected = lab.edit.selected.first().copied();
    let selected_device = diagram.as_ref().zip(selected).and_then(|(d, i)| d.devices.get(i).cloned());

    html! {
        <div class="app" data-ready={lab.started.to_string()}>
            <Header />
            <main class="workspace">
                <Canvas diagram={diagram.clone()} {selected} {on_select} {on_clear} />
                <SidePanel
                    examples={lab.examples.clone()}
                    current={lab.edit.origin}
                    {on_load}
                    diagram={diagram.clone()}
                    selected={selected_device}
                />
            </main>
            <StatusBar
                started={lab.started}
                engine_version={AttrValue::Static(engine_version())}
                {diagram}
            />
        </div>
    }
}
