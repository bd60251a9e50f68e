//! Packet Lab's web front end: a Yew app compiled to WebAssembly that draws a network and,
//! later, animates the typed trace computed by the `packet-engine` crate. The app decides
//! nothing about networking itself.
//!
//! Layout: `state` (the one reducer), `diagram` (what is drawn), `geometry` (pure SVG maths),
//! `app` (root component and context) and `components` (the shell's parts).

mod app;
mod components;
mod diagram;
mod editor;
mod geometry;
mod playback;
mod state;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
