//! The parts of the shell. Each takes plain props and `Callback`s; none holds app state.

mod canvas;
mod device_panel;
mod palette;
mod toolbar;
mod command_form;
mod controls;
mod event_list;
mod packets;
mod tables;
mod terminal;
mod timeline;
mod header;
mod inspector;
mod side_panel;
mod status_bar;

pub use canvas::Canvas;
pub use palette::Palette;
pub use toolbar::{Toolbar, ZoomControls};
pub use command_form::CommandForm;
pub use controls::{use_play_clock, use_reduced_motion, Controls};
pub use event_list::EventList;
pub use packets::{sprites, Packets, Sprite};
pub use tables::Tables;
pub use terminal::Terminal;
pub use timeline::Timeline;
pub use header::Header;
pub use inspector::Inspector as InspectorPanel;
pub use side_panel::SidePanel;
pub use status_bar::StatusBar;
