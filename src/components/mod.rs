//! The parts of the shell. Each takes plain props and `Callback`s; none holds app state.

mod canvas;
mod header;
mod side_panel;
mod status_bar;

pub use canvas::Canvas;
pub use header::Header;
pub use side_panel::SidePanel;
pub use status_bar::StatusBar;
