//! Packet Lab's web front end: a Yew app compiled to WebAssembly that draws a network and,
//! later, animates the typed trace computed by the `packet-engine` crate. The app decides
//! nothing about networking itself.
//!
//! Layout: `state` (the one reducer), `diagram` (what is drawn), `geometry` (pure SVG maths),
//! `app` (root component and context) and `components` (the shell's parts).

#[cfg(target_arch = "wasm32")]
mod alloc;
mod anim;
mod app;
mod boot;
#[cfg(test)]
mod build_tests;
#[cfg(feature = "bench")]
mod bench;
mod components;
mod diagram;
mod download;
mod editor;
mod examples;
mod exercises;
mod geometry;
mod i18n;
mod inspector;
mod playback;
mod predict;
mod progress;
mod share;
mod split;
mod state;
mod storage;
mod story;
mod whatif;
mod worker;

fn main() {
    // `index.html?bench` is the browser benchmark (src/bench.rs), built with the lab's own code
    // but only with the `bench` feature (`./lab bench`): the product build leaves it out.
    #[cfg(feature = "bench")]
    if bench::requested() {
        yew::Renderer::<bench::Bench>::new().render();
        return;
    }
    // A language other than English is fetched (src/i18n/mod.rs): the app is drawn once it is
    // here (or failed to come: then in English, saying so), so a German visit never flashes
    // English first.
    i18n::load(i18n::at_boot(), |_| {
        yew::Renderer::<app::App>::new().render();
    });
}
